//! The site's icons as line drawings on a 24×24 grid: the logo and one
//! shape per verdict tone. Emoji render as empty boxes on systems without
//! an emoji font and cannot follow the theme's colours; these shapes are
//! drawn with `currentColor` on pages ([`Icon::inline_svg`], the template
//! function `icon`) and in any colour on the PNG share cards
//! ([`Icon::paths_svg`]), so a verdict looks the same everywhere.
//!
//! Each verdict tone has its own outline as well as its own mark (circle,
//! triangle, octagon, rounded square), so colour is never the only signal.
//! Verdicts are mapped by their tone, not by the symbol in the data file:
//! a scale whose symbols are anything still gets the right shape.

/// One icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// A padlock: the site's logo.
    Logo,
    /// A check mark in a circle: protects private communication.
    Protects,
    /// An exclamation mark in a triangle: mixed, may not protect.
    Mixed,
    /// A cross in an octagon: does not protect.
    DoesNotProtect,
    /// A question mark in a rounded square: unclear or unknown.
    Unclear,
    /// A minus in a circle: abstains.
    Abstains,
}

/// The side of the square grid every icon is drawn on.
pub const GRID: u32 = 24;

/// Stroke attributes shared by every shape; the colour is added by the caller.
const STROKE: &str =
    "fill=\"none\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"";

const CIRCLE: &str = "M12 2.75a9.25 9.25 0 1 1 0 18.5a9.25 9.25 0 1 1 0-18.5z";

impl Icon {
    /// Every icon, for tests and listings.
    pub const ALL: [Icon; 6] = [
        Icon::Logo,
        Icon::Protects,
        Icon::Mixed,
        Icon::DoesNotProtect,
        Icon::Unclear,
        Icon::Abstains,
    ];

    /// The icon's name, as the template function `icon` takes it and as its
    /// CSS class (`icon-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            Icon::Logo => "logo",
            Icon::Protects => "verdict-protects",
            Icon::Mixed => "verdict-mixed",
            Icon::DoesNotProtect => "verdict-does-not-protect",
            Icon::Unclear => "verdict-unclear",
            Icon::Abstains => "abstains",
        }
    }

    /// The icon called `name`. A verdict is named `verdict-<tone>`, where
    /// the tone is a rule outcome (`protects`, `mixed`, `does-not-protect`
    /// or `does_not_protect`, `unclear`); a verdict without a known tone
    /// (`verdict-`, `verdict-none`, a new outcome) is shown as unclear, so
    /// that it never looks like a judgement it is not. Any other unknown
    /// name is `None`.
    pub fn from_name(name: &str) -> Option<Icon> {
        if let Some(tone) = name.strip_prefix("verdict-") {
            return Some(Icon::for_tone(tone));
        }
        Icon::ALL.into_iter().find(|i| i.name() == name)
    }

    /// The verdict icon for a tone (a rule outcome id, with `-` or `_`);
    /// anything else is [`Icon::Unclear`].
    pub fn for_tone(tone: &str) -> Icon {
        match tone.replace('_', "-").as_str() {
            "protects" => Icon::Protects,
            "mixed" => Icon::Mixed,
            "does-not-protect" => Icon::DoesNotProtect,
            _ => Icon::Unclear,
        }
    }

    /// The path data of the shape on the [`GRID`], outline first.
    pub fn paths(self) -> &'static [&'static str] {
        match self {
            Icon::Logo => &[
                "M7.5 10.5v-3a4.5 4.5 0 0 1 9 0v3",
                "M5.5 10.5h13a1 1 0 0 1 1 1v8.25a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1v-8.25a1 1 0 0 1 1-1z",
                "M12 14.25v3",
            ],
            Icon::Protects => &[CIRCLE, "M7.6 12.4l3 3l5.8-6.3"],
            Icon::Mixed => &["M12 2.9l9.6 17.1h-19.2z", "M12 9.25v4.75", "M12 17.1v.01"],
            Icon::DoesNotProtect => &[
                "M8.2 2.8h7.6l5.4 5.4v7.6l-5.4 5.4h-7.6l-5.4-5.4v-7.6z",
                "M9 9l6 6",
                "M15 9l-6 6",
            ],
            Icon::Unclear => &[
                "M5.5 3h13a2.5 2.5 0 0 1 2.5 2.5v13a2.5 2.5 0 0 1-2.5 2.5h-13a2.5 2.5 0 0 1-2.5-2.5v-13a2.5 2.5 0 0 1 2.5-2.5z",
                "M9.4 9.3a2.6 2.6 0 1 1 3.7 2.4c-.7.35-1.1.9-1.1 1.7v.4",
                "M12 17v.01",
            ],
            Icon::Abstains => &[CIRCLE, "M7.5 12h9"],
        }
    }

    /// The shape's paths in one group stroked with `colour` (any SVG paint:
    /// `currentColor`, `#ffffff`), on the [`GRID`]; the caller places and
    /// scales it with `transform` (empty for none).
    pub fn paths_svg(self, colour: &str, transform: &str) -> String {
        let mut out = String::from("<g ");
        if !transform.is_empty() {
            out.push_str(&format!("transform=\"{transform}\" "));
        }
        out.push_str(&format!("stroke=\"{colour}\" {STROKE}>"));
        for d in self.paths() {
            out.push_str(&format!("<path d=\"{d}\"/>"));
        }
        out.push_str("</g>");
        out
    }

    /// The icon as inline SVG for a page: drawn in `currentColor`, sized by
    /// the CSS class `icon` (1em without CSS), hidden from screen readers
    /// and from keyboard focus: the text beside it says what it means.
    pub fn inline_svg(self) -> String {
        format!(
            "<svg class=\"icon icon-{}\" viewBox=\"0 0 {GRID} {GRID}\" width=\"1em\" height=\"1em\" aria-hidden=\"true\" focusable=\"false\">{}</svg>",
            self.name(),
            self.paths_svg("currentColor", "")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("logo", Some(Icon::Logo))]
    #[test_case("verdict-protects", Some(Icon::Protects))]
    #[test_case("verdict-mixed", Some(Icon::Mixed))]
    #[test_case("verdict-does-not-protect", Some(Icon::DoesNotProtect))]
    #[test_case("verdict-does_not_protect", Some(Icon::DoesNotProtect))]
    #[test_case("verdict-unclear", Some(Icon::Unclear))]
    #[test_case("verdict-", Some(Icon::Unclear); "verdict without tone")]
    #[test_case("verdict-none", Some(Icon::Unclear))]
    #[test_case("verdict-something-new", Some(Icon::Unclear))]
    #[test_case("abstains", Some(Icon::Abstains))]
    #[test_case("slot", None)]
    #[test_case("", None; "empty")]
    fn names_map_to_icons(name: &str, icon: Option<Icon>) {
        assert_eq!(Icon::from_name(name), icon);
    }

    #[test]
    fn every_name_reads_back() {
        for icon in Icon::ALL {
            assert_eq!(Icon::from_name(icon.name()), Some(icon));
        }
    }

    #[test]
    fn inline_icons_are_hidden_themed_and_without_text() {
        for icon in Icon::ALL {
            let svg = icon.inline_svg();
            assert!(svg.starts_with("<svg class=\"icon icon-"), "{svg}");
            assert!(svg.contains("aria-hidden=\"true\" focusable=\"false\""));
            assert!(svg.contains("stroke=\"currentColor\""));
            assert!(!svg.contains("style="), "CSP: no inline styles: {svg}");
            assert!(!svg.contains("<text"), "{svg}");
            assert!(svg.is_ascii(), "{svg}");
        }
    }

    #[test]
    fn each_verdict_has_its_own_outline() {
        let outlines: std::collections::BTreeSet<&str> = [
            Icon::Protects,
            Icon::Mixed,
            Icon::DoesNotProtect,
            Icon::Unclear,
        ]
        .iter()
        .map(|i| i.paths()[0])
        .collect();
        assert_eq!(outlines.len(), 4);
    }

    #[test]
    fn a_shape_is_placed_by_its_transform() {
        let g = Icon::Protects.paths_svg("#fff", "translate(10 20) scale(2)");
        assert!(g.starts_with("<g transform=\"translate(10 20) scale(2)\" stroke=\"#fff\""));
        assert_eq!(g.matches("<path ").count(), 2);
    }
}
