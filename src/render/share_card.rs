//! Share cards: the 1200×630 picture a chat app or social network shows
//! when someone shares a page (`og:image`). A card says what the page says
//! (a party's verdict, a state's position, the Council's standing) so that
//! the preview itself informs.
//!
//! A card is laid out as SVG and rasterised with resvg using the DejaVu Sans
//! fonts shipped inside the program (`assets/fonts/`, Bitstream Vera licence,
//! see `assets/fonts/LICENSE-DejaVu.txt`), so the build never looks for
//! system fonts and never needs the network. Everything here is pure: text
//! in, bytes out.

use std::sync::OnceLock;

use resvg::{tiny_skia, usvg};
use sha2::{Digest, Sha256};

use super::icons::{self, Icon};
use crate::diagnostics::Message;
use crate::html::escape;
use crate::msg;

/// Width of every card in pixels.
pub const WIDTH: u32 = 1200;
/// Height of every card in pixels.
pub const HEIGHT: u32 = 630;

/// Changes whenever the layout below changes, so that cached cards made by
/// an older layout are not reused.
const LAYOUT_VERSION: &str = "share-card-3";

/// The site's own colour (the footer bar, the tag, the stripe of a card
/// without a badge).
const BRAND: &str = "#4c1d95";

const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The mark drawn in front of the badge's label, so that colour is never the
/// only signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A check mark: protects digital rights.
    Check,
    /// A cross: does not protect.
    Cross,
    /// An exclamation mark: mixed or at risk.
    Warning,
    /// A question mark: unclear or undecided.
    Question,
    /// A minus: abstains.
    Minus,
}

impl Mark {
    /// The icon that draws this mark.
    pub fn icon(self) -> Icon {
        match self {
            Mark::Check => Icon::Protects,
            Mark::Cross => Icon::DoesNotProtect,
            Mark::Warning => Icon::Mixed,
            Mark::Question => Icon::Unclear,
            Mark::Minus => Icon::Abstains,
        }
    }
}

/// The tone of a badge, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Good for private communication (green).
    Good,
    /// Mixed (orange).
    Mixed,
    /// Bad for private communication (red).
    Bad,
    /// Unknown or neutral (grey).
    Neutral,
}

impl Tone {
    /// Background colour of the badge; white text on it has AA contrast.
    fn colour(self) -> &'static str {
        match self {
            Tone::Good => "#17663a",
            Tone::Mixed => "#9a4a00",
            Tone::Bad => "#b3261e",
            Tone::Neutral => "#4a5563",
        }
    }
}

/// The verdict or position shown large on a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// The label, e.g. "Beschermt niet" or "Tegen".
    pub label: String,
    /// Its colour.
    pub tone: Tone,
    /// Its symbol.
    pub mark: Mark,
}

/// What one card shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// Small line above the title: what this is about.
    pub kicker: String,
    /// The page's subject: a party, a state, "De Raad van de EU".
    pub title: String,
    /// The verdict or position, if the page has one (a news post has none).
    pub badge: Option<Badge>,
    /// A short label drawn large in the top right corner, e.g. the
    /// election year of a party card.
    pub tag: Option<String>,
    /// One or two sentences under the badge (up to three without a badge).
    pub detail: String,
    /// The address shown at the bottom, without `https://`.
    pub address: String,
}

impl Card {
    /// The card as an SVG document of [`WIDTH`]×[`HEIGHT`].
    pub fn to_svg(&self) -> String {
        let tone = self.badge.as_ref().map_or(BRAND, |b| b.tone.colour());
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\
<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#f7f8fa\"/>\
<rect width=\"28\" height=\"{HEIGHT}\" fill=\"{tone}\"/>\
<rect x=\"28\" y=\"{}\" width=\"{}\" height=\"86\" fill=\"{BRAND}\"/>",
            HEIGHT - 86,
            WIDTH - 28
        );
        let mut kicker_width = 1040;
        if let Some(tag) = &self.tag {
            let tag = fit(tag, 52, true, 400);
            let width = 48 + estimate_width(&tag, 52, true);
            let x = WIDTH - 64 - width;
            svg.push_str(&format!(
                "<rect x=\"{x}\" y=\"44\" width=\"{width}\" height=\"80\" rx=\"14\" fill=\"{BRAND}\"/>"
            ));
            svg.push_str(&text_line(x + 24, 104, 52, true, "#ffffff", &tag));
            kicker_width = x.saturating_sub(84 + 24);
        }
        svg.push_str(&text_line(
            84,
            104,
            30,
            false,
            "#384656",
            &fit(&self.kicker, 30, false, kicker_width),
        ));
        // Without a badge the title may take a third line.
        let max_title_lines = if self.badge.is_some() { 2 } else { 3 };
        let (title_size, title_lines) = title_layout(&self.title, max_title_lines);
        let mut y = 104 + 24 + title_size;
        for line in &title_lines {
            svg.push_str(&text_line(84, y, title_size, true, "#102a43", line));
            y += title_size + 12;
        }
        let (mut y, detail_lines) = match &self.badge {
            Some(badge) => {
                let badge_top = y - title_size + 28;
                let label_size = 46;
                let label = fit(&badge.label, label_size, true, 900);
                let badge_width = 120 + estimate_width(&label, label_size, true);
                svg.push_str(&format!(
                    "<rect x=\"84\" y=\"{badge_top}\" width=\"{badge_width}\" height=\"92\" rx=\"46\" fill=\"{tone}\"/>"
                ));
                svg.push_str(&mark_svg(badge.mark, 130, badge_top + 46));
                svg.push_str(&text_line(
                    180,
                    badge_top + 62,
                    label_size,
                    true,
                    "#ffffff",
                    &label,
                ));
                (badge_top + 92 + 50, 2)
            }
            None => (y - title_size + 28 + 30, 5 - title_lines.len().max(2)),
        };
        for line in cut_to_lines(&self.detail, 30, false, 1040, detail_lines) {
            svg.push_str(&text_line(84, y, 30, false, "#263445", &line));
            y += 40;
        }
        // The site's logo, the same drawing as in the pages' header, before the address.
        svg.push_str(&Icon::Logo.paths_svg(
            "#ffffff",
            &format!("translate(84 {}) scale(1.75)", HEIGHT - 64),
        ));
        svg.push_str(&text_line(
            138,
            HEIGHT - 30,
            30,
            true,
            "#ffffff",
            &fit(&self.address, 30, true, 986),
        ));
        svg.push_str("</svg>");
        svg
    }

    /// The card as a PNG file.
    pub fn to_png(&self) -> Result<Vec<u8>, CardError> {
        png_from_svg(&self.to_svg())
    }

    /// A short, stable fingerprint of everything the card shows and of the
    /// layout, used in the card's file name: a card whose name already exists
    /// in the previous output does not need to be drawn again.
    pub fn fingerprint(&self) -> String {
        let mut hasher = Sha256::new();
        hasher.update(LAYOUT_VERSION.as_bytes());
        hasher.update(self.to_svg().as_bytes());
        hasher.finalize()[..8]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Why a card could not be drawn (a bug: the SVG is made by [`Card::to_svg`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    /// The SVG could not be read; the SVG reader's message.
    #[error("{0}")]
    Svg(String),
    /// No memory for the image.
    #[error("cannot allocate the image")]
    Allocate,
    /// The PNG could not be written; the encoder's message.
    #[error("{0}")]
    Encode(String),
}

impl CardError {
    /// Why, in every language: the SVG reader's and the encoder's own words
    /// as they are.
    pub fn message(&self) -> Message {
        match self {
            CardError::Svg(text) | CardError::Encode(text) => Message::verbatim(text.clone()),
            CardError::Allocate => msg!(
                "cannot allocate the image",
                "er is geen geheugen vrij voor de afbeelding"
            ),
        }
    }
}

/// Rasterises an SVG of [`WIDTH`]×[`HEIGHT`] with the shipped fonts.
pub fn png_from_svg(svg: &str) -> Result<Vec<u8>, CardError> {
    let tree = usvg::Tree::from_str(svg, options()).map_err(|e| CardError::Svg(e.to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or(CardError::Allocate)?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| CardError::Encode(e.to_string()))
}

/// SVG options with only the shipped fonts, made once.
fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = usvg::Options {
            font_family: "DejaVu Sans".to_string(),
            ..usvg::Options::default()
        };
        let fonts = options.fontdb_mut();
        fonts.load_font_data(FONT_REGULAR.to_vec());
        fonts.load_font_data(FONT_BOLD.to_vec());
        options
    })
}

fn text_line(x: u32, y: u32, size: u32, bold: bool, fill: &str, text: &str) -> String {
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"DejaVu Sans\" font-size=\"{size}\"{} fill=\"{fill}\">{}</text>",
        if bold { " font-weight=\"bold\"" } else { "" },
        escape(text)
    )
}

/// The badge's mark: the site's icon for it ([`Icon`], the same shapes as
/// on the pages), drawn in white, 66 pixels wide, centred on (cx, cy).
fn mark_svg(mark: Mark, cx: u32, cy: u32) -> String {
    const SIZE: f32 = 66.0;
    let scale = SIZE / icons::GRID as f32;
    let (x, y) = (cx as f32 - SIZE / 2.0, cy as f32 - SIZE / 2.0);
    mark.icon()
        .paths_svg("#ffffff", &format!("translate({x} {y}) scale({scale})"))
}

/// An estimate of the width of `text` in DejaVu Sans; generous, so that
/// text that is estimated to fit does fit.
fn estimate_width(text: &str, size: u32, bold: bool) -> u32 {
    let em: f32 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | ':' | ';' | '|' | '!' => 0.32,
            'f' | 't' | 'r' | ' ' | '(' | ')' | '-' | '/' => 0.42,
            'm' | 'w' | 'M' | 'W' => 0.95,
            c if c.is_uppercase() || c.is_ascii_digit() => 0.72,
            _ => 0.63,
        })
        .sum();
    let em = if bold { em * 1.1 } else { em };
    (em * size as f32).ceil() as u32
}

/// `text` on lines of at most `max_width` pixels, breaking between words.
fn wrap(text: &str, size: u32, bold: bool, max_width: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && estimate_width(&candidate, size, bold) > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| fit(&l, size, bold, max_width))
        .collect()
}

/// `text` wrapped onto at most `max_lines` lines; when it does not fit, the
/// last line ends with `…`.
fn cut_to_lines(
    text: &str,
    size: u32,
    bold: bool,
    max_width: u32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(text, size, bold, max_width);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        // Whole words only, with room for the mark.
        let mut last = String::new();
        for word in rest.split_whitespace() {
            let candidate = if last.is_empty() {
                word.to_string()
            } else {
                format!("{last} {word}")
            };
            if estimate_width(&format!("{candidate}…"), size, bold) > max_width {
                break;
            }
            last = candidate;
        }
        if last.is_empty() {
            last = fit(&rest, size, bold, max_width);
        }
        // A line that ends a sentence needs no mark; any other cut does.
        if !last.ends_with(['…', '.', '!', '?']) {
            last.push('…');
        }
        lines.push(last);
    }
    lines
}

/// `text` cut with `…` so that it fits `max_width`.
fn fit(text: &str, size: u32, bold: bool, max_width: u32) -> String {
    if estimate_width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if estimate_width(&cut, size, bold) <= max_width {
            return cut;
        }
    }
    String::new()
}

/// The title's font size and lines: as large as possible on one line, or
/// at most `max_lines` lines (at most 72 pixels when it takes more than one);
/// cut with `…` on the last line when even 60 pixels do not fit.
fn title_layout(title: &str, max_lines: usize) -> (u32, Vec<String>) {
    for size in [84, 72, 60] {
        let lines = wrap(title, size, true, 1040);
        if lines.len() == 1 {
            return (size, lines);
        }
        if lines.len() == 2 && size <= 72 {
            return (size, lines);
        }
        if lines.len() <= max_lines && size <= 60 {
            return (size, lines);
        }
    }
    (60, cut_to_lines(title, 60, true, 1040, max_lines.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_svg_is_an_error_with_the_readers_message() {
        let err = png_from_svg("<svg").unwrap_err();
        assert!(matches!(err, CardError::Svg(_)), "{err:?}");
        assert_eq!(CardError::Allocate.to_string(), "cannot allocate the image");
    }

    fn card(title: &str) -> Card {
        Card {
            kicker: "Stemwijzer · Tweede Kamerverkiezing 2023".into(),
            title: title.into(),
            badge: Some(Badge {
                label: "Beschermt".into(),
                tone: Tone::Good,
                mark: Mark::Check,
            }),
            tag: Some("2023".into()),
            detail: "Komt op voor vertrouwelijke communicatie en digitale rechten.".into(),
            address: "chatcontrole.nl/stemwijzer2023/volt/".into(),
        }
    }

    #[test]
    fn a_card_is_a_small_png_of_the_right_size() {
        let png = card("Volt").to_png().unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(png.len() < 100_000, "{} bytes", png.len());
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (WIDTH, HEIGHT));
    }

    #[test]
    fn the_badge_draws_the_pages_icon_not_a_glyph() {
        for mark in [
            Mark::Check,
            Mark::Cross,
            Mark::Warning,
            Mark::Question,
            Mark::Minus,
        ] {
            let mut c = card("Volt");
            if let Some(badge) = &mut c.badge {
                badge.mark = mark;
            }
            let svg = c.to_svg();
            for d in mark.icon().paths() {
                assert!(svg.contains(&format!("<path d=\"{d}\"/>")), "{mark:?}");
            }
            assert!(!svg.contains(">?<") && !svg.contains(">!<"), "{svg}");
            assert!(svg.contains(Icon::Logo.paths()[0]), "the logo on the card");
            assert!(c.to_png().is_ok());
        }
    }

    #[test]
    fn text_from_data_is_escaped() {
        let svg = card("<script>&").to_svg();
        assert!(svg.contains("&lt;script&gt;&amp;"));
        assert!(!svg.contains("<script>"));
    }

    #[test]
    fn the_fingerprint_follows_the_content() {
        assert_eq!(card("Volt").fingerprint(), card("Volt").fingerprint());
        assert_ne!(card("Volt").fingerprint(), card("D66").fingerprint());
        assert_eq!(card("Volt").fingerprint().len(), 16);
    }

    #[test]
    fn long_titles_wrap_onto_two_lines_and_are_cut_after() {
        assert_eq!(title_layout("VVD", 2), (84, vec!["VVD".to_string()]));
        let (_, lines) = title_layout("Christen-Democratisch Appèl", 2);
        assert_eq!(lines.join(" "), "Christen-Democratisch Appèl");
        let long = "Partij voor de Toekomst van Nederland ".repeat(4);
        let (size, lines) = title_layout(&long, 2);
        assert_eq!((size, lines.len()), (60, 2));
        assert!(lines[1].ends_with('…'));
        let (size, lines) = title_layout(&long, 3);
        assert_eq!((size, lines.len()), (60, 3));
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn a_detail_too_long_for_its_lines_ends_with_an_ellipsis() {
        let lines = cut_to_lines(&"woord ".repeat(100), 30, false, 1040, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with("woord…"), "{lines:?}");
        let lines = cut_to_lines(&"woorden ".repeat(100), 30, false, 1040, 2);
        assert!(lines[1].ends_with("woorden…"), "a whole word: {lines:?}");
        assert_eq!(cut_to_lines("kort", 30, false, 1040, 2), vec!["kort"]);
    }
}
