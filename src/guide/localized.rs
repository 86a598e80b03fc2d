//! Texts editors write in Dutch with an optional English sibling
//! (`summary` and `summary_en`): which of the two a page shows, and whether
//! it must mark the text as Dutch.
//!
//! The guide and the contact tool are written in Dutch first. A page in
//! another language shows the editors' English where they wrote it; where
//! they did not, it shows the Dutch text rather than nothing, and marks it
//! `lang="nl"` (with a short visible note from the template) so that
//! readers and screen readers know. A Dutch page never marks anything.

use serde::Serialize;

use crate::locale::Locale;

/// The language every editors' text is written in first.
pub const DATA_LANGUAGE: &str = "nl";

/// One editors' text as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Shown {
    /// The text.
    pub text: String,
    /// `Some("nl")` when the Dutch text stands in on a page of another
    /// language; the template puts it in an element with this `lang`.
    pub lang: Option<&'static str>,
}

/// True when `locale` is the language the data is written in.
pub fn is_data_language(locale: &Locale) -> bool {
    primary(locale.code()) == DATA_LANGUAGE
}

/// True when `locale` is English, the one translation data files carry.
pub fn is_english(locale: &Locale) -> bool {
    primary(locale.code()) == "en"
}

fn primary(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The text a page in `locale` shows: the English sibling on an English
/// page when there is one, else the Dutch text, marked as Dutch on a page
/// of another language.
pub fn pick(locale: &Locale, dutch: &str, english: Option<&str>) -> Shown {
    if is_data_language(locale) {
        return Shown {
            text: dutch.to_string(),
            lang: None,
        };
    }
    match english.filter(|e| is_english(locale) && !e.trim().is_empty()) {
        Some(e) => Shown {
            text: e.to_string(),
            lang: None,
        },
        None => Shown {
            text: dutch.to_string(),
            lang: Some(DATA_LANGUAGE),
        },
    }
}

/// [`pick`] for an optional Dutch text: none when there is no Dutch text.
pub fn pick_opt(locale: &Locale, dutch: Option<&str>, english: Option<&str>) -> Option<Shown> {
    dutch.map(|d| pick(locale, d, english))
}

/// The `lang` a quotation needs on a page in `locale`: quotations are never
/// translated, so on a page of another language they are marked Dutch.
pub fn quote_lang(locale: &Locale) -> Option<&'static str> {
    (!is_data_language(locale)).then_some(DATA_LANGUAGE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("nl", Some("Protects"), "Beschermt", None; "a Dutch page shows Dutch")]
    #[test_case("en", Some("Protects"), "Protects", None; "an English page shows the English")]
    #[test_case("en", None, "Beschermt", Some("nl"); "without English the Dutch is marked")]
    #[test_case("en", Some("  "), "Beschermt", Some("nl"); "blank English counts as none")]
    #[test_case("de", Some("Protects"), "Beschermt", Some("nl"); "German pages get the marked Dutch")]
    fn picks(code: &str, english: Option<&str>, text: &str, lang: Option<&str>) {
        let shown = pick(&Locale::builtin(code), "Beschermt", english);
        assert_eq!(shown.text, text);
        assert_eq!(shown.lang, lang);
    }

    #[test]
    fn quotations_are_marked_outside_dutch_pages() {
        assert_eq!(quote_lang(&Locale::builtin("nl")), None);
        assert_eq!(quote_lang(&Locale::builtin("en")), Some("nl"));
    }
}
