//! Links that point away from the site, checked once where they are read.
//!
//! Every URL that comes from data files, front matter, `site.toml` or a
//! shortcode argument and points to another site becomes an [`ExternalUrl`]:
//! only `http` and `https` (and `mailto` where a caller allows it) get through,
//! so a `javascript:` or `data:` link can never reach a page.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::diagnostics::Message;
use crate::msg;

/// Which schemes a field accepts besides http and https.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schemes {
    /// Only `http:` and `https:`.
    Web,
    /// `http:`, `https:` and `mailto:`.
    WebOrMail,
}

/// An absolute http(s) (or mailto) URL, normalised by the `url` crate
/// (scheme and host lower-cased, spaces around it removed).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExternalUrl(String);

/// Why a text is not an acceptable external URL, in plain words, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    /// What is wrong.
    pub message: Message,
    /// What to write instead.
    pub hint: Message,
}

impl ExternalUrl {
    /// Parses `text` as an absolute URL whose scheme `schemes` allows.
    pub fn parse(text: &str, schemes: Schemes) -> Result<ExternalUrl, UrlError> {
        let trimmed = text.trim();
        let allowed = match schemes {
            Schemes::Web => msg!("http:// or https://", "http:// of https://"),
            Schemes::WebOrMail => msg!(
                "http://, https:// or mailto:",
                "http://, https:// of mailto:"
            ),
        };
        let parsed = url::Url::parse(trimmed).map_err(|_| UrlError {
            message: msg!(
                "`{trimmed}` is not a complete web address",
                "`{trimmed}` is geen volledig webadres"
            ),
            hint: msg!(
                "write the whole address, starting with {allowed}",
                "schrijf het hele adres, beginnend met {allowed}";
                allowed
            ),
        })?;
        let ok = match parsed.scheme() {
            "http" | "https" => parsed.host_str().is_some_and(|h| !h.is_empty()),
            "mailto" => schemes == Schemes::WebOrMail && !parsed.path().is_empty(),
            _ => false,
        };
        if !ok {
            return Err(UrlError {
                message: msg!(
                    "`{trimmed}` is not allowed here: links must start with {allowed}",
                    "`{trimmed}` mag hier niet: links moeten beginnen met {allowed}";
                    allowed
                ),
                hint: msg!(
                    "copy the address from the browser's address bar",
                    "kopieer het adres uit de adresbalk van de browser"
                ),
            });
        }
        Ok(ExternalUrl(parsed.to_string()))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host name (empty for mailto).
    pub fn host(&self) -> &str {
        url::Url::parse(&self.0)
            .ok()
            .and_then(|u| u.host_str().map(|h| h.to_string()))
            .map(|h| {
                let start = self.0.find(&h).unwrap_or(0);
                &self.0[start..start + h.len()]
            })
            .unwrap_or("")
    }
}

impl fmt::Display for ExternalUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ExternalUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://www.tweedekamer.nl/x", "https://www.tweedekamer.nl/x"; "https")]
    #[test_case("HTTPS://Example.ORG/A", "https://example.org/A"; "scheme and host lower-cased")]
    #[test_case("  http://e.x/ ", "http://e.x/"; "spaces trimmed")]
    fn accepts(input: &str, expected: &str) {
        assert_eq!(
            ExternalUrl::parse(input, Schemes::Web).unwrap().as_str(),
            expected
        );
    }

    #[test_case("javascript:alert(1)"; "javascript")]
    #[test_case("JavaScript:alert(1)"; "javascript mixed case")]
    #[test_case("data:text/html,x"; "data")]
    #[test_case("/over/"; "site path")]
    #[test_case("//other.example/x"; "scheme-relative")]
    #[test_case("/\\other.example/x"; "backslash host")]
    #[test_case("mailto:a@b.nl"; "mailto where only web is allowed")]
    #[test_case("ftp://e.x/"; "ftp")]
    #[test_case("https://"; "no host")]
    fn rejects(input: &str) {
        assert!(ExternalUrl::parse(input, Schemes::Web).is_err(), "{input}");
    }

    #[test]
    fn mailto_where_allowed() {
        let u = ExternalUrl::parse("mailto:info@example.org", Schemes::WebOrMail).unwrap();
        assert_eq!(u.as_str(), "mailto:info@example.org");
        assert_eq!(u.host(), "");
    }

    #[test]
    fn host_of_web_address() {
        let u = ExternalUrl::parse("https://www.Tweedekamer.nl/a", Schemes::Web).unwrap();
        assert_eq!(u.host(), "www.tweedekamer.nl");
    }
}
