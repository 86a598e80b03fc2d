//! The one e-mail address type of the program. Every address, whether an
//! editor typed it into a data file or `sync members` got it from the Tweede
//! Kamer's API, becomes an [`EmailAddress`] where it is read, and the
//! `mailto:` builder takes nothing else; so a typo is a diagnostic on its
//! line, a hostile row cannot add a recipient to a link, and what `sync`
//! writes is what `build` accepts.
//!
//! An address is parsed by the `email_address` crate (RFC 5322's addr-spec)
//! and must also keep our rule, which is stricter than the standard: exactly
//! one plain `local@domain` (no display name, no list, no quoted local part,
//! no domain literal), no link syntax (no scheme such as `mailto:`, no query
//! characters `?`, `&`, `=`, `#`, no `%`-escapes), nothing invisible (no
//! whitespace, control or text-reordering characters), and a domain of at
//! least two labels of letters, digits and hyphens.

use std::fmt;
use std::str::FromStr;

use email_address::Options;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diagnostics::Message;
use crate::msg;
use crate::terminal::{printable, reorders};

/// An e-mail address that keeps the rule of this module: safe to put in a
/// `mailto:` link and on a page. The domain is lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EmailAddress(String);

/// Why a text is not an [`EmailAddress`]. Each variant carries the text,
/// trimmed and made [`printable`] (so an error can go to a terminal as is).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadEmail {
    /// Nothing at all.
    #[error("an e-mail address is empty")]
    Empty,
    /// There is no `@`.
    #[error("`{0}` is not an e-mail address: it has no `@`")]
    NoAt(String),
    /// It starts like a link, e.g. `mailto:` or `javascript:`.
    #[error("`{text}` is not an e-mail address: it starts with `{scheme}:` as a link does")]
    Scheme {
        /// The whole text.
        text: String,
        /// The scheme, e.g. `mailto`.
        scheme: String,
    },
    /// A `,` or `;`: a list of addresses.
    #[error("`{0}` is not one e-mail address: it has a `,` or `;` as a list of addresses does")]
    List(String),
    /// A query character (`?`, `&`, `=`, `#`), as a `mailto:` link with extra fields has.
    #[error(
        "`{text}` is not an e-mail address: it has `{found}`, as a link with extra fields (cc, bcc, subject) does"
    )]
    Query {
        /// The whole text.
        text: String,
        /// The first query character.
        found: char,
    },
    /// A `%`, as in a `%`-escape of a link (`%0D%0A`).
    #[error("`{0}` is not an e-mail address: it has a `%`, as an escape in a link does")]
    Escape(String),
    /// Whitespace, a control character or an invisible character that reorders text.
    #[error(
        "`{0}` is not an e-mail address: it has a space, a line break or an invisible character"
    )]
    Invisible(String),
    /// Nothing before the `@`, or more than one `@`.
    #[error("`{0}` is not an e-mail address: write one name, one `@` and one domain")]
    NotOneAt(String),
    /// The part before `@` has a character that does not belong there.
    #[error(
        "`{0}` is not an e-mail address: the part before `@` has a space or a character that does not belong there"
    )]
    LocalPart(String),
    /// The part after `@` is not a domain name with a dot.
    #[error(
        "`{text}` is not an e-mail address: `{domain}` is not a domain such as `tweedekamer.nl`"
    )]
    Domain {
        /// The whole text.
        text: String,
        /// The part after `@`.
        domain: String,
    },
}

impl BadEmail {
    /// What is wrong, in English and Dutch (the `Display` text is the English).
    pub fn message(&self) -> Message {
        match self {
            BadEmail::Empty => msg!("an e-mail address is empty", "een e-mailadres is leeg"),
            BadEmail::NoAt(text) => msg!(
                "`{text}` is not an e-mail address: it has no `@`",
                "`{text}` is geen e-mailadres: er staat geen `@` in"
            ),
            BadEmail::Scheme { text, scheme } => msg!(
                "`{text}` is not an e-mail address: it starts with `{scheme}:` as a link does",
                "`{text}` is geen e-mailadres: het begint met `{scheme}:`, zoals een link"
            ),
            BadEmail::List(text) => msg!(
                "`{text}` is not one e-mail address: it has a `,` or `;` as a list of addresses does",
                "`{text}` is niet één e-mailadres: er staat een `,` of `;` in, zoals in een lijst van adressen"
            ),
            BadEmail::Query { text, found } => msg!(
                "`{text}` is not an e-mail address: it has `{found}`, as a link with extra fields (cc, bcc, subject) does",
                "`{text}` is geen e-mailadres: er staat `{found}` in, zoals in een link met extra velden (cc, bcc, subject)"
            ),
            BadEmail::Escape(text) => msg!(
                "`{text}` is not an e-mail address: it has a `%`, as an escape in a link does",
                "`{text}` is geen e-mailadres: er staat een `%` in, zoals in een code in een link"
            ),
            BadEmail::Invisible(text) => msg!(
                "`{text}` is not an e-mail address: it has a space, a line break or an invisible character",
                "`{text}` is geen e-mailadres: er staat een spatie, een regeleinde of een onzichtbaar teken in"
            ),
            BadEmail::NotOneAt(text) => msg!(
                "`{text}` is not an e-mail address: write one name, one `@` and one domain",
                "`{text}` is geen e-mailadres: schrijf één naam, één `@` en één domein"
            ),
            BadEmail::LocalPart(text) => msg!(
                "`{text}` is not an e-mail address: the part before `@` has a space or a character that does not belong there",
                "`{text}` is geen e-mailadres: het deel voor de `@` heeft een spatie of een teken dat daar niet hoort"
            ),
            BadEmail::Domain { text, domain } => msg!(
                "`{text}` is not an e-mail address: `{domain}` is not a domain such as `tweedekamer.nl`",
                "`{text}` is geen e-mailadres: `{domain}` is geen domein zoals `tweedekamer.nl`"
            ),
        }
    }
}

impl FromStr for EmailAddress {
    type Err = BadEmail;

    /// Parses `text` (spaces around it are ignored); the error says what is wrong.
    fn from_str(text: &str) -> Result<EmailAddress, BadEmail> {
        let text = text.trim();
        let shown = || printable(text);
        if text.is_empty() {
            return Err(BadEmail::Empty);
        }
        if let Some(scheme) = scheme(text) {
            return Err(BadEmail::Scheme {
                text: shown(),
                scheme: printable(scheme),
            });
        }
        if text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || reorders(c) || invisible(c))
        {
            return Err(BadEmail::Invisible(shown()));
        }
        if text.contains([',', ';']) {
            return Err(BadEmail::List(shown()));
        }
        if let Some(found) = text.chars().find(|c| "?&=#".contains(*c)) {
            return Err(BadEmail::Query {
                text: shown(),
                found,
            });
        }
        if text.contains('%') {
            return Err(BadEmail::Escape(shown()));
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(BadEmail::NoAt(shown()));
        };
        if local.is_empty() || domain.contains('@') {
            return Err(BadEmail::NotOneAt(shown()));
        }
        if local.contains(['"', '/', '\\', '<', '>', '(', ')', '[', ']', ':']) {
            return Err(BadEmail::LocalPart(shown()));
        }
        let good_label = |l: &str| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let bad_domain = || BadEmail::Domain {
            text: shown(),
            domain: printable(domain),
        };
        if domain.split('.').count() < 2 || !domain.split('.').all(good_label) {
            return Err(bad_domain());
        }
        let options = Options::default()
            .without_display_text()
            .without_domain_literal()
            .with_required_tld();
        email_address::EmailAddress::parse_with_options(text, options).map_err(|e| {
            use email_address::Error as E;
            match e {
                E::DomainEmpty
                | E::DomainTooLong
                | E::SubDomainEmpty
                | E::SubDomainTooLong
                | E::DomainTooFew
                | E::DomainInvalidSeparator
                | E::InvalidIPAddress
                | E::UnsupportedDomainLiteral => bad_domain(),
                _ => BadEmail::LocalPart(shown()),
            }
        })?;
        Ok(EmailAddress(format!("{local}@{}", domain.to_lowercase())))
    }
}

impl TryFrom<&str> for EmailAddress {
    type Error = BadEmail;

    fn try_from(text: &str) -> Result<EmailAddress, BadEmail> {
        text.parse()
    }
}

/// The scheme of a text that starts like a link (`mailto:…`, `javascript:…`):
/// letters, digits, `+`, `-` or `.` after a letter, then `:` before any `@`.
fn scheme(text: &str) -> Option<&str> {
    let (scheme, _) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let looks_like = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !scheme.contains('@');
    looks_like.then_some(scheme)
}

/// Characters that show nothing: zero-width spaces and joiners, the word
/// joiner and its kin, and the byte-order mark.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
}

impl EmailAddress {
    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for EmailAddress {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for EmailAddress {
    /// Reads a text and parses it; an address that breaks the rule is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn parse(text: &str) -> Result<EmailAddress, BadEmail> {
        text.parse()
    }

    #[test_case("j.jansen@tweedekamer.nl", "j.jansen@tweedekamer.nl")]
    #[test_case(" Anna.deVries@Europarl.Europa.EU ", "Anna.deVries@europarl.europa.eu")]
    #[test_case("o'neil+campagne@example.org", "o'neil+campagne@example.org")]
    #[test_case("jan-piet_k@sub.example-domein.nl", "jan-piet_k@sub.example-domein.nl")]
    #[test_case("zoë@bücher.de", "zoë@bücher.de"; "international")]
    fn accepts(text: &str, expected: &str) {
        assert_eq!(parse(text).unwrap().as_str(), expected);
        assert_eq!(EmailAddress::try_from(text).unwrap().to_string(), expected);
    }

    // The hostile rows of issue 20, each refused with its reason.
    #[test_case("a@b.nl?bcc=x@y.nl", "has `?`"; "query with bcc")]
    #[test_case("a@b.nl,c@d.nl", "has a `,` or `;`"; "comma list")]
    #[test_case("a@b.nl;c@d.nl", "has a `,` or `;`"; "semicolon list")]
    #[test_case("a@b.nl&cc=x@y.nl", "has `&`"; "ampersand cc")]
    #[test_case("a=b@x.nl", "has `=`"; "equals")]
    #[test_case("a#b@x.nl", "has `#`"; "fragment")]
    #[test_case("javascript:alert(1)//@x.nl", "starts with `javascript:`"; "javascript scheme")]
    #[test_case("mailto:a@b.nl", "starts with `mailto:`"; "mailto scheme")]
    #[test_case("MAILTO:a@b.nl", "starts with `MAILTO:`"; "scheme in capitals")]
    #[test_case("a@b.nl%0D%0ABcc:x@y.nl", "has a `%`"; "escaped line break")]
    #[test_case("%61@b.nl", "has a `%`"; "escaped letter")]
    #[test_case("\"><script>alert(1)</script>@x.nl", "part before `@`"; "markup")]
    #[test_case("\"a b\"@x.nl", "a space"; "quoted with space")]
    #[test_case("\"ab\"@x.nl", "part before `@`"; "quoted local part")]
    #[test_case("a@b.nl\r\nBcc: x@y.nl", "a line break"; "raw line break")]
    #[test_case("a\u{202e}@x.nl", "invisible"; "bidi override")]
    #[test_case("a\u{200b}b@x.nl", "invisible"; "zero width space")]
    #[test_case("a\x1b[2J@x.nl", "invisible"; "escape sequence")]
    #[test_case("Jan <jan@x.nl>", "a space"; "display name")]
    #[test_case("<jan@x.nl>", "part before `@`"; "angle brackets")]
    #[test_case("jan@[127.0.0.1]", "not a domain"; "domain literal")]
    #[test_case("j.jansen.tweedekamer.nl", "no `@`")]
    #[test_case("@tweedekamer.nl", "one name")]
    #[test_case("a@b@tweedekamer.nl", "one name")]
    #[test_case("j jansen@tweedekamer.nl", "a space")]
    #[test_case("j.jansen@tweedekamer", "not a domain")]
    #[test_case("j.jansen@tweede_kamer.nl", "not a domain")]
    #[test_case("j.jansen@-kamer.nl", "not a domain")]
    #[test_case("j.jansen@kamer..nl", "not a domain")]
    #[test_case(".j@kamer.nl", "part before `@`"; "leading dot")]
    #[test_case("j..j@kamer.nl", "part before `@`"; "double dot")]
    #[test_case("x?subject=hi@a.nl", "has `?`")]
    fn rejects(text: &str, says: &str) {
        let bad = parse(text).unwrap_err();
        assert_eq!(
            bad.message().en,
            bad.to_string(),
            "the English is the Display text"
        );
        assert!(
            bad.message().nl.contains("e-mailadres"),
            "{}",
            bad.message().nl
        );
        let err = bad.to_string();
        assert!(err.contains(says), "{err}");
        assert!(!err.chars().any(char::is_control), "{err:?}");
    }

    #[test]
    fn empty_and_long() {
        assert_eq!(parse("  "), Err(BadEmail::Empty));
        let long = format!("{}@tweedekamer.nl", "a".repeat(65));
        assert_eq!(parse(&long), Err(BadEmail::LocalPart(long.clone())));
    }

    #[test]
    fn a_bad_domain_is_named_in_the_message() {
        assert_eq!(
            parse("j.jansen@tweedekamer").unwrap_err(),
            BadEmail::Domain {
                text: "j.jansen@tweedekamer".into(),
                domain: "tweedekamer".into()
            }
        );
        assert_eq!(
            parse("j.jansen@tweedekamer").unwrap_err().to_string(),
            "`j.jansen@tweedekamer` is not an e-mail address: `tweedekamer` is not a domain such as `tweedekamer.nl`"
        );
    }

    #[derive(Debug, Deserialize, Serialize)]
    struct Row {
        email: EmailAddress,
    }

    #[test]
    fn serde_goes_through_the_parser() {
        let row: Row = toml::from_str("email = \"A@Tweedekamer.NL\"").unwrap();
        assert_eq!(row.email.as_str(), "A@tweedekamer.nl");
        assert_eq!(
            toml::to_string(&row).unwrap(),
            "email = \"A@tweedekamer.nl\"\n"
        );
        let err = toml::from_str::<Row>("email = \"a@b.nl?bcc=x@y.nl\"").unwrap_err();
        assert!(err.to_string().contains("has `?`"), "{err}");
    }
}
