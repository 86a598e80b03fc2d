//! Which language the tool speaks to the editor at the terminal.
//!
//! Volunteers in the Netherlands read their errors in Dutch; sister
//! campaigns and contributors in English. `--lang nl|en` decides; without
//! it the locale does (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX
//! orders them): a Dutch locale (`nl_NL.UTF-8`, `nl_BE`, `nl`) gives Dutch,
//! anything else English.

use std::fmt;
use std::str::FromStr;

/// A language the tool's own messages (diagnostics, summaries) come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English, the default outside a Dutch locale.
    #[default]
    English,
    /// Dutch.
    Dutch,
}

impl Language {
    /// Every language, with the code `--lang` takes.
    pub const ALL: [(&'static str, Language); 2] =
        [("en", Language::English), ("nl", Language::Dutch)];

    /// The code of the language (`en`, `nl`).
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty decides.
    pub fn from_environment() -> Language {
        Language::from_locale_variables(|name| std::env::var(name).ok())
    }

    /// [`Language::from_environment`] with the variables read by `var`.
    pub fn from_locale_variables(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.is_empty())
            .map(|value| Language::from_locale(&value))
            .unwrap_or_default()
    }

    /// The language of a locale name such as `nl_NL.UTF-8`.
    pub fn from_locale(locale: &str) -> Language {
        let language = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("nl") {
            Language::Dutch
        } else {
            Language::English
        }
    }
}

impl FromStr for Language {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        Language::ALL
            .iter()
            .find(|(code, _)| code.eq_ignore_ascii_case(text.trim()))
            .map(|(_, language)| *language)
            .ok_or_else(|| format!("`{text}` is not a language this tool speaks; use nl or en"))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("nl_NL.UTF-8", Language::Dutch; "dutch netherlands")]
    #[test_case("nl_BE.UTF-8", Language::Dutch; "dutch belgium")]
    #[test_case("nl", Language::Dutch; "bare code")]
    #[test_case("en_GB.UTF-8", Language::English; "english")]
    #[test_case("C.UTF-8", Language::English; "c locale")]
    #[test_case("POSIX", Language::English; "posix")]
    #[test_case("fy_NL.UTF-8", Language::English; "frisian is not dutch")]
    fn a_locale_gives_its_language(locale: &str, expected: Language) {
        assert_eq!(Language::from_locale(locale), expected);
    }

    #[test_case(&[("LC_ALL", "nl_NL.UTF-8"), ("LANG", "en_US.UTF-8")], Language::Dutch; "lc_all wins")]
    #[test_case(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_NL"), ("LANG", "en_US")], Language::Dutch; "an empty lc_all is skipped")]
    #[test_case(&[("LANG", "nl_NL.UTF-8")], Language::Dutch; "lang alone")]
    #[test_case(&[("LC_ALL", "C"), ("LANG", "nl_NL.UTF-8")], Language::English; "c overrides lang")]
    #[test_case(&[], Language::English; "nothing set")]
    fn the_locale_variables_are_read_in_posix_order(vars: &[(&str, &str)], expected: Language) {
        let found = Language::from_locale_variables(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        });
        assert_eq!(found, expected);
    }

    #[test]
    fn codes_parse_and_others_are_refused() {
        assert_eq!("nl".parse::<Language>(), Ok(Language::Dutch));
        assert_eq!("EN".parse::<Language>(), Ok(Language::English));
        assert!("de".parse::<Language>().is_err());
    }
}
