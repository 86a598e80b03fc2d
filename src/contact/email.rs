//! E-mail addresses from data files, checked where they are read so that a
//! typo becomes a diagnostic on its line instead of a `mailto:` link that
//! goes nowhere.

use std::fmt;

use serde::{Serialize, Serializer};

/// A plausible e-mail address: one `@`, a local part without spaces or
/// characters that would break a `mailto:` link, and a domain with a dot.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EmailAddress(String);

/// Why a text is not an [`EmailAddress`]; each variant carries the text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadEmail {
    /// There is no `@`.
    #[error("`{0}` is not an e-mail address: it has no `@`")]
    NoAt(String),
    /// Nothing before the `@`, or more than one `@`.
    #[error("`{0}` is not an e-mail address: write one name, one `@` and one domain")]
    NotOneAt(String),
    /// The part before `@` has a space or a character that breaks a `mailto:` link.
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

impl EmailAddress {
    /// Parses `text` (spaces around it are ignored); the error says what is wrong.
    pub fn parse(text: &str) -> Result<EmailAddress, BadEmail> {
        let text = text.trim();
        let Some((local, domain)) = text.split_once('@') else {
            return Err(BadEmail::NoAt(text.to_string()));
        };
        if local.is_empty() || domain.contains('@') {
            return Err(BadEmail::NotOneAt(text.to_string()));
        }
        let bad_local =
            |c: char| c.is_whitespace() || c.is_control() || "\"(),:;<>[\\]?&=%#/".contains(c);
        if local.chars().any(bad_local) || local.starts_with('.') || local.ends_with('.') {
            return Err(BadEmail::LocalPart(text.to_string()));
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let good_label = |l: &&str| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        if labels.len() < 2 || !labels.iter().all(good_label) {
            return Err(BadEmail::Domain {
                text: text.to_string(),
                domain: domain.to_string(),
            });
        }
        Ok(EmailAddress(format!(
            "{local}@{}",
            domain.to_ascii_lowercase()
        )))
    }

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

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("j.jansen@tweedekamer.nl", "j.jansen@tweedekamer.nl")]
    #[test_case(" Anna.deVries@Europarl.Europa.EU ", "Anna.deVries@europarl.europa.eu")]
    fn accepts(text: &str, expected: &str) {
        assert_eq!(EmailAddress::parse(text).unwrap().as_str(), expected);
    }

    #[test_case("j.jansen.tweedekamer.nl", "no `@`")]
    #[test_case("@tweedekamer.nl", "one name")]
    #[test_case("a@b@tweedekamer.nl", "one name")]
    #[test_case("j jansen@tweedekamer.nl", "before `@`")]
    #[test_case("j.jansen@tweedekamer", "not a domain")]
    #[test_case("j.jansen@tweede_kamer.nl", "not a domain")]
    #[test_case("x?subject=hi@a.nl", "before `@`")]
    fn rejects(text: &str, says: &str) {
        let err = EmailAddress::parse(text).unwrap_err().to_string();
        assert!(err.contains(says), "{err}");
    }

    #[test]
    fn a_bad_domain_is_named_in_the_message() {
        assert_eq!(
            EmailAddress::parse("j.jansen@tweedekamer").unwrap_err(),
            BadEmail::Domain {
                text: "j.jansen@tweedekamer".into(),
                domain: "tweedekamer".into()
            }
        );
        assert_eq!(
            EmailAddress::parse("j.jansen@tweedekamer")
                .unwrap_err()
                .to_string(),
            "`j.jansen@tweedekamer` is not an e-mail address: `tweedekamer` is not a domain such as `tweedekamer.nl`"
        );
    }
}
