//! Editors' texts in two languages, and sentences that mix them with
//! interface words.
//!
//! Data files are written in Dutch; a text field may have an English
//! sibling (`summary` and `summary_en`). A page in English shows the
//! English text when there is one and otherwise the Dutch text, marked with
//! `lang="nl"` and the short note `only_in_dutch_note`, so readers and
//! screen readers know; a Dutch page shows the Dutch text as it is.
//! [`LocalText`] is such a field as loaded, [`Phrase`] a sentence of the
//! page's language that may hold one: it is HTML for templates and plain
//! text for open data and the terminal.

use std::fmt;

use serde::{Serialize, Serializer};

use toml::Spanned;

use crate::content::dates::ClaimDate;
use crate::data_file::Parsed;
use crate::diagnostics::Diagnostics;
use crate::html::escape;
use crate::locale::Locale;
use crate::msg;

/// The language editors write data in.
pub const DATA_LANGUAGE: &str = "nl";

/// The key of the note after a text shown in Dutch on a page in another
/// language.
pub const ONLY_IN_DUTCH_NOTE: &str = "only_in_dutch_note";

/// An editor's text: the Dutch one and, when the data gives it, the English
/// one (`<field>_en`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct LocalText {
    /// The text as written in the data file (Dutch).
    pub nl: String,
    /// The English text, when the editors wrote one.
    pub en: Option<String>,
}

impl LocalText {
    /// A text with its optional English version; an empty English text
    /// counts as none.
    pub fn new(nl: impl Into<String>, en: Option<String>) -> LocalText {
        LocalText {
            nl: nl.into(),
            en: en.filter(|e| !e.trim().is_empty()),
        }
    }

    /// True when there is no text at all.
    pub fn is_empty(&self) -> bool {
        self.nl.is_empty()
    }

    /// The text for a page in `locale`'s language, and whether it is the
    /// Dutch text standing in for a missing translation.
    pub fn pick(&self, locale: &Locale) -> (&str, bool) {
        if locale.code() == DATA_LANGUAGE {
            return (&self.nl, false);
        }
        match (&self.en, locale.code()) {
            (Some(en), "en") => (en, false),
            _ => (&self.nl, !self.nl.is_empty()),
        }
    }

    /// The text for `locale` as a [`Phrase`], marked when it is the Dutch
    /// fallback.
    pub fn phrase(&self, locale: &Locale) -> Phrase {
        let mut p = Phrase::default();
        p.push_local(self, locale);
        p
    }

    /// The text for `locale` as plain text, with the note when it is the
    /// Dutch fallback (for the terminal and open data).
    pub fn plain(&self, locale: &Locale) -> String {
        self.phrase(locale).plain
    }
}

impl From<&str> for LocalText {
    fn from(nl: &str) -> LocalText {
        LocalText::new(nl, None)
    }
}

impl From<String> for LocalText {
    fn from(nl: String) -> LocalText {
        LocalText::new(nl, None)
    }
}

/// The English sibling `<field>_en` of a Dutch text (`dutch`) in a data
/// file, typed where it is read: none when the editors left it out; an
/// empty one, or one beside an empty Dutch text (which Dutch pages would
/// show), is a mistake on its line.
pub fn english<T>(
    file: &Parsed<T>,
    dutch: &str,
    en: Option<&Spanned<String>>,
    field: &str,
    diags: &mut Diagnostics,
) -> Option<String> {
    let en = en?;
    let text = en.get_ref().trim();
    if text.is_empty() {
        diags.push(
            file.error(
                "council-english-empty",
                en,
                msg!("{field}_en is empty", "{field}_en is leeg"),
            )
            .with_hint(msg!(
                "write the English text of `{field}`, or leave `{field}_en` out: English pages then show the Dutch text, marked as Dutch",
                "schrijf de Engelse tekst van `{field}`, of laat `{field}_en` weg: Engelse pagina's tonen dan de Nederlandse tekst, gemarkeerd als Nederlands"
            )),
        );
        return None;
    }
    if dutch.trim().is_empty() {
        diags.push(
            file.error(
                "council-english-without-dutch",
                en,
                msg!(
                    "{field}_en has no Dutch `{field}` beside it",
                    "naast {field}_en staat geen Nederlandse `{field}`"
                ),
            )
            .with_hint(msg!(
                "write the Dutch text in `{field}` too: Dutch pages show that one",
                "schrijf ook de Nederlandse tekst in `{field}`: Nederlandse pagina's tonen die"
            )),
        );
        return None;
    }
    Some(text.to_string())
}

/// A Dutch text of a data file and its English sibling (see [`english`]).
pub fn local_text<T>(
    file: &Parsed<T>,
    dutch: &str,
    en: Option<&Spanned<String>>,
    field: &str,
    diags: &mut Diagnostics,
) -> LocalText {
    let en = english(file, dutch, en, field, diags);
    LocalText::new(dutch.trim(), en)
}

/// A day, or a month when only that is known, as `locale` writes it:
/// "26 November 2025", "June 2024".
pub fn date_label(date: &ClaimDate, locale: &Locale) -> String {
    if date.day_known {
        locale.date(date.effective)
    } else {
        locale.month(date.effective)
    }
}

/// A share as a percentage with one decimal, in the notation of `locale`
/// (`council_decimal_mark`): "27,9%" in Dutch, "27.9%" in English. Rounded
/// for display only; decisions are made on exact integers in `qmv`.
pub fn percent(part: u64, whole: u64, locale: &Locale) -> String {
    let tenths = if whole == 0 {
        0
    } else {
        (1000 * part as u128 + whole as u128 / 2) / whole as u128
    };
    format!(
        "{}{}{}%",
        tenths / 10,
        locale.t("council_decimal_mark"),
        tenths % 10
    )
}

/// A sentence in the page's language that may contain editors' texts:
/// kept as plain text and as HTML in step, the Dutch fallback of a missing
/// translation marked in the HTML with `lang="nl"`.
///
/// In a template (serialised for minijinja) it is the HTML, marked safe;
/// serialised anywhere else (open data) it is the plain text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase {
    plain: String,
    html: String,
}

/// Marks where a placeholder's value goes while a text is escaped; private
/// use characters, which no interface string contains.
const SLOT_START: char = '\u{E000}';
const SLOT_END: char = '\u{E001}';

impl Phrase {
    /// Text in the page's language (interface words, names, numbers).
    pub fn text(text: &str) -> Phrase {
        Phrase {
            plain: text.to_string(),
            html: escape(text),
        }
    }

    /// Appends text in the page's language.
    pub fn push_str(&mut self, text: &str) {
        self.plain.push_str(text);
        self.html.push_str(&escape(text));
    }

    /// Appends another phrase.
    pub fn push(&mut self, other: &Phrase) {
        self.plain.push_str(&other.plain);
        self.html.push_str(&other.html);
    }

    /// Appends an editor's text in `locale`'s language, or the Dutch text
    /// in a `lang="nl"` span followed by the note.
    pub fn push_local(&mut self, text: &LocalText, locale: &Locale) {
        self.push_data(text.pick(locale), locale);
    }

    /// Appends `text` of the data language (Dutch) that has no translation:
    /// marked on pages in another language, as it is on Dutch pages.
    pub fn push_dutch(&mut self, text: &str, locale: &Locale) {
        let fallback = locale.code() != DATA_LANGUAGE && !text.is_empty();
        self.push_data((text, fallback), locale);
    }

    /// Appends a Dutch name that is not translated (a motion's or a
    /// cabinet's name, "motie-Kathmann c.s."): marked `lang="nl"` on pages
    /// in another language, without the note.
    pub fn push_dutch_name(&mut self, name: &str, locale: &Locale) {
        if locale.code() == DATA_LANGUAGE || name.is_empty() {
            self.push_str(name);
        } else {
            self.plain.push_str(name);
            self.html.push_str(&format!(
                r#"<span lang="{DATA_LANGUAGE}">{}</span>"#,
                escape(name)
            ));
        }
    }

    fn push_data(&mut self, (text, fallback): (&str, bool), locale: &Locale) {
        if fallback {
            let note = locale.t(ONLY_IN_DUTCH_NOTE);
            self.plain.push_str(&format!("{text} {note}"));
            self.html.push_str(&format!(
                r#"<span lang="{DATA_LANGUAGE}">{}</span> <span class="only-in-dutch">{}</span>"#,
                escape(text),
                escape(&note)
            ));
        } else {
            self.push_str(text);
        }
    }

    /// The interface string `key` of `locale` with its placeholders
    /// (`{{ .Name }}`) filled by phrases.
    pub fn tf(locale: &Locale, key: &str, args: &[(&str, &Phrase)]) -> Phrase {
        let marked: Vec<(String, String)> = args
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.to_string(), format!("{SLOT_START}{i}{SLOT_END}")))
            .collect();
        let text = locale.text(key, None, &marked);
        let mut out = Phrase::default();
        let mut rest = text.as_str();
        while let Some(start) = rest.find(SLOT_START) {
            out.push_str(&rest[..start]);
            let after = &rest[start + SLOT_START.len_utf8()..];
            let Some(end) = after.find(SLOT_END) else {
                rest = after;
                break;
            };
            if let Some((_, value)) = after[..end].parse::<usize>().ok().and_then(|i| args.get(i)) {
                out.push(value);
            }
            rest = &after[end + SLOT_END.len_utf8()..];
        }
        out.push_str(rest);
        out
    }

    /// The plain text.
    pub fn plain(&self) -> &str {
        &self.plain
    }

    /// The HTML (escaped text, fallbacks marked).
    pub fn html(&self) -> &str {
        &self.html
    }

    /// True when there is no text.
    pub fn is_empty(&self) -> bool {
        self.plain.is_empty()
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain)
    }
}

impl Serialize for Phrase {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if minijinja::value::serializing_for_value() {
            minijinja::Value::from_safe_string(self.html.clone()).serialize(serializer)
        } else {
            serializer.serialize_str(&self.plain)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Locale {
        Locale::builtin("en")
    }

    fn nl() -> Locale {
        Locale::builtin("nl")
    }

    #[test]
    fn a_translation_is_shown_where_there_is_one() {
        let t = LocalText::new("Akkoord", Some("Agreement".into()));
        assert_eq!(t.pick(&en()), ("Agreement", false));
        assert_eq!(t.pick(&nl()), ("Akkoord", false));
        assert_eq!(t.phrase(&en()).html(), "Agreement");
    }

    #[test]
    fn a_missing_translation_is_dutch_marked_with_lang_and_a_note() {
        let t = LocalText::from("Akkoord & meer");
        let p = t.phrase(&en());
        let note = en().t(ONLY_IN_DUTCH_NOTE);
        assert_eq!(
            p.html(),
            format!(
                r#"<span lang="nl">Akkoord &amp; meer</span> <span class="only-in-dutch">{note}</span>"#
            )
        );
        assert_eq!(p.plain(), format!("Akkoord & meer {note}"));
        assert_eq!(t.phrase(&nl()).html(), "Akkoord &amp; meer");
        assert_eq!(
            LocalText::new("x", Some("  ".into())).en,
            None,
            "blank is none"
        );
    }

    #[test]
    fn placeholders_take_phrases_and_the_rest_is_escaped() {
        let mut name = Phrase::text("<b>");
        name.push_dutch("tekst", &en());
        let p = Phrase::tf(&en(), "council_relies_on", &[("host", &name)]);
        assert!(
            p.html()
                .contains(r#"&lt;b&gt;<span lang="nl">tekst</span>"#),
            "{}",
            p.html()
        );
        assert!(!p.plain().contains('\u{E000}'));
    }

    #[test]
    fn templates_get_html_and_open_data_plain_text() {
        let p = LocalText::from("a < b").phrase(&en());
        let v = minijinja::Value::from_serialize(&p);
        assert!(v.is_safe());
        assert!(v.to_string().contains("a &lt; b"));
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.starts_with("\"a < b"), "{json}");
    }

    #[test]
    fn percentages_follow_the_language() {
        assert_eq!(percent(1, 3, &nl()), "33,3%");
        assert_eq!(percent(1, 3, &en()), "33.3%");
        assert_eq!(percent(5, 0, &en()), "0.0%");
        assert_eq!(percent(2, 3, &nl()), "66,7%");
    }

    #[test]
    fn month_dates_stay_months() {
        let june = ClaimDate::parse("2024-06").unwrap();
        assert_eq!(date_label(&june, &en()), "June 2024");
        assert_eq!(date_label(&june, &nl()), june.label_nl());
        let day = ClaimDate::parse("2025-11-26").unwrap();
        assert_eq!(date_label(&day, &en()), "26 November 2025");
    }
}

/// What the tests of the Council, the levels and the Kamer block share to
/// render the example site in English and look for Dutch that should not
/// be there.
#[cfg(test)]
pub(crate) mod testing {
    use std::sync::OnceLock;

    use crate::locale::Locale;
    use crate::model::SiteModel;
    use crate::render::Renderer;

    /// The example site's languages, loaded once, as on 3 December 2026.
    pub fn example_models() -> &'static [SiteModel] {
        static MODELS: OnceLock<Vec<SiteModel>> = OnceLock::new();
        MODELS.get_or_init(|| {
            let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
            let mut options = crate::options::BuildOptions::new(site);
            options.now = Some(
                chrono::DateTime::parse_from_rfc3339("2026-12-03T12:00:00+01:00")
                    .expect("a valid moment"),
            );
            crate::model::load_languages(&options, None)
                .unwrap_or_else(|d| panic!("the example site loads:\n{d}"))
        })
    }

    /// The example site's model of language `code`.
    pub fn example_model(code: &str) -> &'static SiteModel {
        example_models()
            .iter()
            .find(|m| m.language.code == code)
            .unwrap_or_else(|| panic!("the example site has no language `{code}`"))
    }

    /// A renderer of `model`'s language with the build's globals and its
    /// settings, as the build makes it.
    pub fn renderer(model: &SiteModel) -> Renderer {
        let derived = crate::derive::derive(model);
        let mut renderer = model.templates.with_config(&derived.settings);
        for (name, value) in &derived.globals {
            renderer.add_global(name, value.clone());
        }
        renderer
    }

    /// The Dutch interface strings of the keys starting with one of
    /// `prefixes` whose English differs, cut at their placeholders: the
    /// pieces of two words or more (or of seven letters or more) that no
    /// English string of those keys contains.
    pub fn dutch_fragments(prefixes: &[&str]) -> Vec<String> {
        let (nl, en) = (Locale::builtin("nl"), Locale::builtin("en"));
        let keys: Vec<String> = nl
            .keys()
            .filter(|k| prefixes.iter().any(|p| k.starts_with(p)))
            .cloned()
            .collect();
        let texts = |l: &Locale, k: &str| [l.tn(k, 1), l.tn(k, 2)];
        let english: String = keys
            .iter()
            .flat_map(|k| texts(&en, k))
            .collect::<Vec<_>>()
            .join("\n");
        let placeholder = regex::Regex::new(r"\{\{[^}]*\}\}").expect("a valid pattern");
        let mut fragments: Vec<String> = keys
            .iter()
            .flat_map(|k| {
                let (d, e) = (texts(&nl, k), texts(&en, k));
                if d == e { Vec::new() } else { d.to_vec() }
            })
            .flat_map(|text| {
                placeholder
                    .split(&text)
                    .map(|piece| {
                        piece
                            .trim_matches(|c: char| !c.is_alphanumeric())
                            .to_string()
                    })
                    .collect::<Vec<_>>()
            })
            .filter(|piece| piece.contains(' ') || piece.chars().count() >= 7)
            .filter(|piece| !english.contains(piece.as_str()))
            .collect();
        fragments.sort();
        fragments.dedup();
        fragments
    }

    /// The `<main>` of a page without the elements marked `lang="nl"` and
    /// without addresses (a link's address may hold any words).
    pub fn main_without_dutch(html: &str) -> String {
        let main = match (html.find("<main"), html.find("</main>")) {
            (Some(start), Some(end)) => &html[start..end],
            _ => html,
        };
        let marked =
            regex::Regex::new(r#"(?s)<span lang="nl">.*?</span>|(?:href|src|action)="[^"]*""#)
                .expect("a valid pattern");
        marked.replace_all(main, "").into_owned()
    }

    /// Fails naming the Dutch interface strings of `prefixes` that the
    /// English `html` (the page at `path`) shows outside `lang="nl"`.
    pub fn assert_no_dutch(path: &str, html: &str, prefixes: &[&str]) {
        let text = main_without_dutch(html);
        let fragments = dutch_fragments(prefixes);
        assert!(fragments.len() > 20, "too few fragments: {fragments:?}");
        let found: Vec<&String> = fragments
            .iter()
            .filter(|f| text.contains(f.as_str()))
            .collect();
        let context: Vec<&str> = found
            .iter()
            .filter_map(|f| {
                let at = text.find(f.as_str())?;
                let boundary = |i: usize| (0..=i).rev().find(|j| text.is_char_boundary(*j));
                let start = boundary(at.saturating_sub(80))?;
                let end = boundary((at + f.len() + 40).min(text.len()))?;
                Some(&text[start..end])
            })
            .collect();
        assert!(
            found.is_empty(),
            "{path} shows Dutch interface strings: {found:?} in {context:?}"
        );
        for key in ["council_", "levels_", "kamer_", super::ONLY_IN_DUTCH_NOTE] {
            assert!(
                !text.contains(key),
                "{path} shows a key without text: {key}"
            );
        }
    }
}
