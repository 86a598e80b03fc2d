//! What a diagnostic says, in every language the tool speaks to editors.
//!
//! Editors read their errors in Dutch or English (`--lang`, or their
//! locale). Each message is written in both where it is made, with the
//! [`msg!`](crate::msg) macro, so a forgotten translation is a compile error
//! rather than an English sentence in a Dutch report; the language is only
//! chosen when the report is printed. Tests and logs read the English text,
//! which is also what [`Message`]'s `Display` and `Deref` give.

use std::fmt;
use std::ops::Deref;

use super::language::Language;

/// One text in English and in Dutch.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Message {
    /// The English text (the tool's reference language).
    pub en: String,
    /// The Dutch text.
    pub nl: String,
}

impl Message {
    /// A text with its English and Dutch wording.
    pub fn new(en: impl Into<String>, nl: impl Into<String>) -> Self {
        Message {
            en: en.into(),
            nl: nl.into(),
        }
    }

    /// A text that reads the same in every language: a quoted value, a
    /// path, or another program's own words (a parser's error).
    pub fn verbatim(text: impl Into<String>) -> Self {
        let text = text.into();
        Message {
            en: text.clone(),
            nl: text,
        }
    }

    /// The English text.
    pub fn as_str(&self) -> &str {
        &self.en
    }

    /// The text in `language`.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::English => &self.en,
            Language::Dutch => &self.nl,
        }
    }

    /// Both wordings changed the same way (made printable, prefixed, …).
    pub fn map(self, change: impl Fn(&str) -> String) -> Self {
        Message {
            en: change(&self.en),
            nl: change(&self.nl),
        }
    }
}

/// The English text, for tests, logs and code that compares messages.
impl Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.en
    }
}

/// The English text.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        self.en == other
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.en == *other
    }
}

impl PartialEq<String> for Message {
    fn eq(&self, other: &String) -> bool {
        &self.en == other
    }
}

/// A [`Message`] from an English and a Dutch format string, each formatted
/// like `format!`.
///
/// - `msg!("the page has no title", "de pagina heeft geen titel")`
/// - `msg!("`{key}` is unknown", "`{key}` is onbekend")`: names in braces
///   are taken from the scope, as with `format!`;
/// - `msg!("{} pages", "{} pagina's", n)`: arguments after the two texts
///   serve both (they are evaluated once per language);
/// - `msg!("`{key}` must be {expected}", "`{key}` moet {expected} zijn"; expected)`:
///   the names after `;` are [`Message`]s themselves, each put in in the
///   language of the text around it.
#[macro_export]
macro_rules! msg {
    ($en:literal, $nl:literal $(,)?) => {
        $crate::diagnostics::message::Message::new(format!($en), format!($nl))
    };
    ($en:literal, $nl:literal; $($part:ident),+ $(,)?) => {
        $crate::diagnostics::message::Message::new(
            { $(let $part: &str = &$part.en;)+ format!($en) },
            { $(let $part: &str = &$part.nl;)+ format!($nl) },
        )
    };
    ($en:literal, $nl:literal, $($arg:tt)+) => {
        $crate::diagnostics::message::Message::new(format!($en, $($arg)+), format!($nl, $($arg)+))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_texts_take_names_from_the_scope() {
        let key = "titel";
        let m = msg!("`{key}` is unknown", "`{key}` is onbekend");
        assert_eq!(m.get(Language::English), "`titel` is unknown");
        assert_eq!(m.get(Language::Dutch), "`titel` is onbekend");
    }

    #[test]
    fn arguments_serve_both_texts() {
        let m = msg!("{} pages", "{} pagina's", 3);
        assert_eq!((m.en.as_str(), m.nl.as_str()), ("3 pages", "3 pagina's"));
    }

    #[test]
    fn a_part_is_put_in_in_the_language_around_it() {
        let expected = msg!("a date", "een datum");
        let m = msg!("`date` must be {expected}", "`date` moet {expected} zijn"; expected);
        assert_eq!(m.en, "`date` must be a date");
        assert_eq!(m.nl, "`date` moet een datum zijn");
    }

    #[test]
    fn verbatim_reads_the_same_and_compares_in_english() {
        let m = Message::verbatim("expected `=`");
        assert_eq!(m.get(Language::Dutch), "expected `=`");
        assert_eq!(m, "expected `=`");
        assert!(m.contains('='));
    }
}
