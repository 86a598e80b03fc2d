//! The site's public address (`base_url` in site.toml, `--base-url`, a
//! Hugo site's `baseURL`), parsed once where it is read. Everything written
//! with it — page links, feeds, robots.txt, the sitemap, `_headers` — is
//! built from this type, so a line break or a `javascript:` scheme in the
//! setting can never reach those files: the `url` crate would quietly drop
//! tabs and line breaks, so they are refused before it sees the text.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::diagnostics::Message;
use crate::msg;

/// An absolute `http`/`https` address with a host and a path that ends in
/// `/`, without user, query or fragment; normalised by the `url` crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(url::Url);

/// Why a text is not a usable public address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BaseUrlError(pub Message);

impl BaseUrl {
    /// Parses `text` (surrounding spaces are not allowed either).
    pub fn parse(text: &str) -> Result<BaseUrl, BaseUrlError> {
        if let Some(c) = text
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || is_invisible(*c))
        {
            let character = describe(c);
            return Err(BaseUrlError(msg!(
                "it contains {character}, which an address cannot have",
                "het bevat {character}, en dat kan niet in een adres";
                character
            )));
        }
        let url = url::Url::parse(text).map_err(|e| {
            BaseUrlError(msg!(
                "it is not a web address ({e})",
                "het is geen webadres ({e})"
            ))
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            let scheme = url.scheme();
            return Err(BaseUrlError(msg!(
                "it starts with `{scheme}:`; only http and https addresses can serve a site",
                "het begint met `{scheme}:`; een site kan alleen op een http- of https-adres staan"
            )));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(BaseUrlError(msg!(
                "it has no host name",
                "er staat geen domeinnaam in"
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(BaseUrlError(msg!(
                "it contains a user name or password",
                "er staat een gebruikersnaam of wachtwoord in"
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(BaseUrlError(msg!(
                "it has a `?` or `#` part, which a site's address cannot have",
                "het heeft een deel met `?` of `#`, en dat kan niet in het adres van een site"
            )));
        }
        let mut url = url;
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        Ok(BaseUrl(url))
    }

    /// A stand-in until the settings are read (never written to a page:
    /// [`crate::config::SiteConfig::parse`] replaces it).
    pub fn unset() -> BaseUrl {
        BaseUrl(url::Url::parse("http://localhost/").expect("a valid address"))
    }

    /// The address, ending in `/`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The path below the host without the trailing slash: `""` for a site
    /// at the root of its host, `"/campagne"` for one below a folder.
    pub fn path_prefix(&self) -> &str {
        self.0.path().trim_end_matches('/')
    }

    /// `scheme://host[:port]`, without the path.
    pub fn origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }

    /// The path (with query and fragment) that an absolute `link` means when
    /// it points at this site: its host, with or without `www.`, over http
    /// or https. None for any other address. `check` follows such a link
    /// as an internal one.
    pub fn own_path(&self, link: &str) -> Option<String> {
        let url = url::Url::parse(link.trim()).ok()?;
        if !matches!(url.scheme(), "http" | "https") {
            return None;
        }
        let bare = |h: &str| h.trim_start_matches("www.").to_ascii_lowercase();
        let host = url.host_str()?;
        if bare(host) != bare(self.0.host_str()?) || url.port() != self.0.port() {
            return None;
        }
        let mut path = url.path().to_string();
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        if let Some(f) = url.fragment() {
            path.push('#');
            path.push_str(f);
        }
        Some(path)
    }

    /// The address of the folder `dir` below this one
    /// (`https://e.org/` and `en` → `https://e.org/en/`): where a site's
    /// second language lives.
    pub fn below(&self, dir: &str) -> BaseUrl {
        let mut url = self.0.clone();
        let path = format!("{}/{}/", self.path_prefix(), dir.trim_matches('/'));
        url.set_path(&path);
        BaseUrl(url)
    }

    /// The same host with `prefix` as its path (`/campagne` → `…/campagne/`).
    pub fn with_path_prefix(&self, prefix: &str) -> BaseUrl {
        let mut url = self.0.clone();
        url.set_path(&format!("{prefix}/"));
        BaseUrl(url)
    }

    /// The absolute address of a site path such as `/nieuws/`.
    pub fn join_path(&self, path: &str) -> String {
        let base = self.as_str().trim_end_matches('/');
        if path.starts_with('/') {
            format!("{base}{path}")
        } else {
            format!("{base}/{path}")
        }
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for BaseUrl {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Characters that show nothing but change how text reads (bidirectional
/// overrides, zero-width spaces).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn describe(c: char) -> Message {
    match c {
        '\n' => msg!("a line break", "een regeleinde"),
        '\r' => msg!("a carriage return", "een regelterugloop (carriage return)"),
        '\t' => msg!("a tab", "een tab"),
        ' ' => msg!("a space", "een spatie"),
        c => msg!(
            "the invisible character U+{:04X}",
            "het onzichtbare teken U+{:04X}",
            c as u32
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://chatcontrole.nl/nieuws/x/#kop", Some("/nieuws/x/#kop"); "same host")]
    #[test_case("http://www.chatcontrole.nl/a?b=1", Some("/a?b=1"); "www and http")]
    #[test_case("https://WWW.Chatcontrole.NL", Some("/"); "case of the host")]
    #[test_case("https://chatcontrole.nl.evil.example/a", None; "other host")]
    #[test_case("https://wiki.chatcontrole.nl/a", None; "subdomain")]
    #[test_case("mailto:info@chatcontrole.nl", None; "mail")]
    #[test_case("/nieuws/", None; "a path is not an absolute link")]
    fn own_links_are_paths_of_this_site(link: &str, expected: Option<&str>) {
        let base = BaseUrl::parse("https://chatcontrole.nl/").unwrap();
        assert_eq!(base.own_path(link).as_deref(), expected);
    }

    #[test_case("https://chatcontrole.nl/", "https://chatcontrole.nl/", ""; "root")]
    #[test_case("https://chatcontrole.nl", "https://chatcontrole.nl/", ""; "slash added")]
    #[test_case("https://e.org/campagne", "https://e.org/campagne/", "/campagne"; "folder")]
    #[test_case("HTTP://E.ORG:8080/a/", "http://e.org:8080/a/", "/a"; "scheme and host lower-cased")]
    fn parses_and_normalises(text: &str, expected: &str, prefix: &str) {
        let url = BaseUrl::parse(text).unwrap();
        assert_eq!(url.as_str(), expected);
        assert_eq!(url.path_prefix(), prefix);
    }

    #[test_case("https://e.org/a\nSitemap: https://evil.example/x.xml"; "line break in the path")]
    #[test_case("https://e.org/\r\nDisallow: /"; "carriage return")]
    #[test_case("https://e.org/a\tb"; "tab")]
    #[test_case(" https://e.org/"; "leading space")]
    #[test_case("https://e.org/\u{202e}"; "bidi override")]
    #[test_case("javascript:alert(1)//"; "javascript")]
    #[test_case("ftp://e.org/"; "ftp")]
    #[test_case("chatcontrole"; "no scheme")]
    #[test_case("https://user:pw@e.org/"; "credentials")]
    #[test_case("https://e.org/?x=1"; "query")]
    #[test_case("https://e.org/#top"; "fragment")]
    fn refuses(text: &str) {
        assert!(BaseUrl::parse(text).is_err(), "{text:?} was accepted");
    }

    #[test]
    fn joins_site_paths() {
        let url = BaseUrl::parse("https://e.org/campagne/").unwrap();
        assert_eq!(url.join_path("/nieuws/"), "https://e.org/campagne/nieuws/");
        assert_eq!(
            url.join_path("robots.txt"),
            "https://e.org/campagne/robots.txt"
        );
        assert_eq!(url.origin(), "https://e.org");
    }
}
