//! Paths on the site, checked once where they are read.
//!
//! A [`SitePath`] is a canonical site-relative URL path (`/nieuws/foto/`):
//! percent-decoded once, split into segments, and free of everything that
//! could climb out of the output folder or point at another host: `..`, `.`,
//! empty segments, backslashes, NUL and control characters, schemes
//! (`https:`, `javascript:`), hosts (`//host/`) and drive prefixes (`C:`).
//! A [`Slug`] is exactly one such segment. Front matter (`url`, `slug`,
//! `aliases`), site.toml menus, election and Council paths and the files of
//! `static/` and `content/` all become these types, so a mistake is a
//! diagnostic on the line that made it, and the output folder is only ever
//! written through an [`OutputPath`], which only a `SitePath` can make.
//! `serve` maps request paths to files with the same rules.

use std::fmt;

use percent_encoding::percent_decode_str;

use crate::diagnostics::Message;
use crate::msg;

/// Why a text is not an acceptable site path, in plain words, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// What is wrong.
    pub message: Message,
    /// What to write instead.
    pub hint: Message,
}

impl PathError {
    fn new(message: Message, hint: Message) -> Self {
        PathError { message, hint }
    }
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

/// A canonical path on the site: decoded segments, none empty, `.` or `..`,
/// and whether it names a folder (ends in `/`) or a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SitePath {
    segments: Vec<String>,
    folder: bool,
}

/// One segment of a site path (a `slug:` front-matter value, a file name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slug(String);

/// A file below the output root (`nieuws/index.html`), made only from a
/// [`SitePath`], so every component is a plain name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutputPath(String);

/// The hint for a path that is not a plain path on this site.
fn site_path_hint() -> Message {
    msg!(
        "write a path on this site such as `/nieuws/mijn-bericht/`: plain names separated by `/`",
        "schrijf een pad op deze site zoals `/nieuws/mijn-bericht/`: gewone namen met `/` ertussen"
    )
}

/// Checks one decoded segment; `what` names the value in messages.
fn check_segment(segment: &str, what: &Message) -> Result<(), PathError> {
    if segment.is_empty() {
        return Err(PathError::new(
            msg!("{what} has an empty part (`//`)", "{what} heeft een leeg deel (`//`)"; what),
            site_path_hint(),
        ));
    }
    if segment == "." || segment == ".." {
        return Err(PathError::new(
            msg!("{what} contains `{segment}`, which would point outside its folder", "{what} bevat `{segment}`, dat buiten de eigen map zou wijzen"; what),
            site_path_hint(),
        ));
    }
    if segment.contains('\\') {
        return Err(PathError::new(
            msg!("{what} contains a backslash", "{what} bevat een backslash"; what),
            msg!(
                "use `/` between the parts of a path",
                "zet `/` tussen de delen van een pad"
            ),
        ));
    }
    if segment.chars().any(char::is_control) {
        return Err(PathError::new(
            msg!("{what} contains a control character (such as a NUL byte or a tab)", "{what} bevat een stuurteken (zoals een NUL-byte of een tab)"; what),
            msg!(
                "remove the invisible character; retype the value if needed",
                "haal het onzichtbare teken weg; typ de waarde zo nodig opnieuw"
            ),
        ));
    }
    if segment.contains(':') {
        return Err(PathError::new(
            msg!("{what} contains `:`, which makes it look like an address on another site or a drive", "{what} bevat `:`, waardoor het lijkt op een adres op een andere site of een schijf"; what),
            msg!(
                "a path on this site starts with `/`; put links to other sites in the text instead",
                "een pad op deze site begint met `/`; zet links naar andere sites in de tekst"
            ),
        ));
    }
    if segment.starts_with(' ') || segment.ends_with(' ') {
        return Err(PathError::new(
            msg!("{what} has a space at the start or end of a part", "{what} heeft een spatie aan het begin of eind van een deel"; what),
            msg!(
                "remove the spaces around the names",
                "haal de spaties rond de namen weg"
            ),
        ));
    }
    Ok(())
}

/// Decodes `%xx` escapes once; fails on text that is not UTF-8 after decoding.
fn decode(text: &str, what: &Message) -> Result<String, PathError> {
    percent_decode_str(text)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            PathError::new(
                msg!("{what} has a `%` escape that is not valid text", "{what} heeft een `%`-code die geen geldige tekst is"; what),
                msg!("write the characters themselves instead of `%` codes", "schrijf de tekens zelf in plaats van `%`-codes"),
            )
        })
}

impl SitePath {
    /// The site's root, `/`.
    pub fn root() -> SitePath {
        SitePath {
            segments: Vec::new(),
            folder: true,
        }
    }

    /// Parses a site path such as `/nieuws/`, `stemwijzer2023` or `/feed.xml`.
    ///
    /// A missing leading `/` is added; a trailing `/` makes it a folder.
    /// `%xx` escapes are decoded once, before splitting, so `%2e%2e` and
    /// `..%2f` are refused like `../`. Query strings and fragments are not
    /// part of a site path.
    pub fn parse(text: &str) -> Result<SitePath, PathError> {
        let what = msg!("the path `{text}`", "het pad `{text}`");
        if text.is_empty() {
            return Err(PathError::new(
                msg!("the path is empty", "het pad is leeg"),
                site_path_hint(),
            ));
        }
        if text.starts_with("//") || text.starts_with("\\\\") {
            return Err(PathError::new(
                msg!("{what} names another host (it starts with `//`)", "{what} noemt een andere server (het begint met `//`)"; what),
                site_path_hint(),
            ));
        }
        if has_scheme(text) {
            return Err(PathError::new(
                msg!("{what} is a full address, not a path on this site", "{what} is een volledig adres, geen pad op deze site"; what),
                msg!(
                    "write only the path, for example `/nieuws/`; links to other sites belong in the text",
                    "schrijf alleen het pad, bijvoorbeeld `/nieuws/`; links naar andere sites horen in de tekst"
                ),
            ));
        }
        if text.contains(['?', '#']) {
            return Err(PathError::new(
                msg!("{what} contains `?` or `#`", "{what} bevat `?` of `#`"; what),
                msg!(
                    "a page's path cannot carry a query or a fragment; write only the path",
                    "het pad van een pagina kan geen zoekvraag of fragment hebben; schrijf alleen het pad"
                ),
            ));
        }
        let decoded = decode(text, &what)?;
        if decoded.chars().any(char::is_control) {
            return Err(PathError::new(
                msg!("{what} contains a control character (such as a NUL byte or a tab)", "{what} bevat een stuurteken (zoals een NUL-byte of een tab)"; what),
                msg!(
                    "remove the invisible character; retype the value if needed",
                    "haal het onzichtbare teken weg; typ de waarde zo nodig opnieuw"
                ),
            ));
        }
        if decoded.contains('\\') {
            return Err(PathError::new(
                msg!("{what} contains a backslash", "{what} bevat een backslash"; what),
                msg!(
                    "use `/` between the parts of a path",
                    "zet `/` tussen de delen van een pad"
                ),
            ));
        }
        let rest = decoded.strip_prefix('/').unwrap_or(&decoded);
        if rest.starts_with('/') {
            return Err(PathError::new(
                msg!("{what} names another host (it starts with `//`)", "{what} noemt een andere server (het begint met `//`)"; what),
                site_path_hint(),
            ));
        }
        if rest.is_empty() {
            return Ok(SitePath::root());
        }
        let (body, folder) = match rest.strip_suffix('/') {
            Some(body) => (body, true),
            None => (rest, false),
        };
        let segments: Vec<String> = body.split('/').map(str::to_string).collect();
        for segment in &segments {
            check_segment(segment, &what)?;
        }
        Ok(SitePath { segments, folder })
    }

    /// Parses a page's path: like [`SitePath::parse`], but a last part
    /// without a file extension is a folder (`/over` is `/over/`), as Hugo does.
    pub fn parse_page(text: &str) -> Result<SitePath, PathError> {
        SitePath::parse(text).map(SitePath::into_page)
    }

    /// Makes a path from already separated, not encoded names (file names
    /// below `static/`, for example), checking each.
    pub fn from_segments<I, S>(segments: I, folder: bool) -> Result<SitePath, PathError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let segments: Vec<String> = segments.into_iter().map(Into::into).collect();
        let joined = segments.join("/");
        let what = msg!("the path `/{joined}`", "het pad `/{joined}`");
        for segment in &segments {
            check_segment(segment, &what)?;
        }
        let folder = folder || segments.is_empty();
        Ok(SitePath { segments, folder })
    }

    /// The same path, as a folder when its last part has no file extension.
    pub fn into_page(mut self) -> SitePath {
        if !self.folder && !self.segments.last().is_some_and(|s| s.contains('.')) {
            self.folder = true;
        }
        self
    }

    /// The decoded segments.
    pub fn segments(&self) -> &[String] {
        &self.segments
    }

    /// True when the path names a folder (ends in `/`).
    pub fn is_folder(&self) -> bool {
        self.folder
    }

    /// The folder `name` below this one (`/nieuws/` + `page` → `/nieuws/page/`).
    pub fn join(&self, name: &Slug) -> SitePath {
        let mut segments = self.segments.clone();
        segments.push(name.0.clone());
        SitePath {
            segments,
            folder: true,
        }
    }

    /// The file in the output folder that serves this path:
    /// `/nieuws/` → `nieuws/index.html`, `/index.xml` → `index.xml`.
    pub fn output_file(&self) -> OutputPath {
        let mut parts: Vec<&str> = self.segments.iter().map(String::as_str).collect();
        if self.folder {
            parts.push("index.html");
        }
        OutputPath(parts.join("/"))
    }
}

/// True when `text` starts like `scheme:` (`https:`, `javascript:`, `C:`).
fn has_scheme(text: &str) -> bool {
    let trimmed = text.trim_start();
    let Some(colon) = trimmed.find(':') else {
        return false;
    };
    let head = &trimmed[..colon];
    let mut chars = head.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Characters written as `%xx` when a path is shown, so that showing and
/// parsing again gives the same path. Other characters (letters with
/// accents too) stay as they are, as browsers accept them.
fn encode_segment(segment: &str, out: &mut String) {
    for c in segment.chars() {
        match c {
            '%' | '?' | '#' | ' ' | '"' | '<' | '>' | '`' | '{' | '}' | '/' | '\\' | ':' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c if c.is_control() => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
}

impl serde::Serialize for SitePath {
    /// As written in links ([`fmt::Display`]): `/stemwijzer2023/`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for SitePath {
    /// The path as written in links: `/nieuws/foto/`, with `%` and other
    /// special characters percent-encoded.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from("/");
        for (i, segment) in self.segments.iter().enumerate() {
            if i > 0 {
                out.push('/');
            }
            encode_segment(segment, &mut out);
        }
        if self.folder && !self.segments.is_empty() {
            out.push('/');
        }
        f.write_str(&out)
    }
}

impl Slug {
    /// Makes a URL path segment the way Hugo does: lower-cased, white space
    /// becomes `-` (never two in a row), and characters other than letters,
    /// digits, marks and `._#+~-@` are left out (Hugo's `UnicodeSanitize`).
    pub fn urlize(segment: &str) -> String {
        let lower = segment.trim().to_lowercase();
        let chars: Vec<char> = lower.chars().collect();
        let mut out = String::with_capacity(lower.len());
        let mut was_hyphen = false;
        for (i, &c) in chars.iter().enumerate() {
            let percent_escape = c == '%'
                && chars.get(i + 1).is_some_and(char::is_ascii_hexdigit)
                && chars.get(i + 2).is_some_and(char::is_ascii_hexdigit);
            let allowed = matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
                || c.is_alphanumeric()
                || ('\u{300}'..='\u{36f}').contains(&c)
                || percent_escape;
            if allowed {
                was_hyphen = c == '-';
                out.push(c);
            } else if !was_hyphen && c.is_whitespace() {
                out.push('-');
                was_hyphen = true;
            }
        }
        out
    }

    /// Parses a `slug:` value: exactly one plain name, no `/`.
    pub fn parse(text: &str) -> Result<Slug, PathError> {
        let what = msg!("the slug `{text}`", "de slug `{text}`");
        if text.trim().is_empty() {
            return Err(PathError::new(
                msg!("the slug is empty", "de slug is leeg"),
                msg!(
                    "write the last part of the page's address, for example `slug: mijn-bericht`, or remove the line",
                    "schrijf het laatste deel van het adres van de pagina, bijvoorbeeld `slug: mijn-bericht`, of haal de regel weg"
                ),
            ));
        }
        if text.contains('/') {
            return Err(PathError::new(
                msg!("{what} contains `/`; a slug is one name", "{what} bevat `/`; een slug is één naam"; what),
                msg!(
                    "use `url:` for a whole path, or write a single name such as `slug: mijn-bericht`",
                    "gebruik `url:` voor een heel pad, of schrijf één naam zoals `slug: mijn-bericht`"
                ),
            ));
        }
        let decoded = decode(text, &what)?;
        if decoded.contains('/') {
            return Err(PathError::new(
                msg!("{what} contains an encoded `/`; a slug is one name", "{what} bevat een gecodeerde `/`; een slug is één naam"; what),
                msg!(
                    "write a single name such as `slug: mijn-bericht`",
                    "schrijf één naam zoals `slug: mijn-bericht`"
                ),
            ));
        }
        // Hugo publishes a slug through `urlize`, which drops punctuation such
        // as `:` and `?`; what must be a safe name is the part it becomes.
        let name = Slug::urlize(decoded.trim());
        if name.is_empty() {
            return Err(PathError::new(
                msg!("{what} has no letters or digits to make an address from", "{what} heeft geen letters of cijfers om een adres van te maken"; what),
                msg!(
                    "write the last part of the page's address, for example `slug: mijn-bericht`",
                    "schrijf het laatste deel van het adres van de pagina, bijvoorbeeld `slug: mijn-bericht`"
                ),
            ));
        }
        check_segment(&name, &what)?;
        Ok(Slug(decoded.trim().to_string()))
    }

    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl OutputPath {
    /// The path with `/` separators, relative to the output root.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same file inside the folder `dir` (`raad/index.html` in `en` →
    /// `en/raad/index.html`); itself for an empty `dir`, None when `dir` is
    /// not one plain name.
    pub fn below(&self, dir: &str) -> Option<OutputPath> {
        if dir.is_empty() {
            return Some(self.clone());
        }
        SitePath::from_segments([dir], true).ok()?;
        (!dir.contains(['/', '\\', '%'])).then(|| OutputPath(format!("{dir}/{}", self.0)))
    }
}

impl fmt::Display for OutputPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for OutputPath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for OutputPath {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use test_case::test_case;

    #[test_case("/", "/", "index.html")]
    #[test_case("/nieuws/", "/nieuws/", "nieuws/index.html")]
    #[test_case("stemwijzer2023", "/stemwijzer2023/", "stemwijzer2023/index.html")]
    #[test_case("/over", "/over/", "over/index.html")]
    #[test_case("/index.xml", "/index.xml", "index.xml")]
    #[test_case("/%63ss/site.css", "/css/site.css", "css/site.css")]
    #[test_case("/%252e%252e/", "/%252e%252e/", "%2e%2e/index.html")]
    #[test_case("/été/", "/été/", "été/index.html")]
    #[test_case("/a%20b/", "/a%20b/", "a b/index.html")]
    fn parses_page_paths(text: &str, shown: &str, file: &str) {
        let path = SitePath::parse_page(text).unwrap();
        assert_eq!(path.to_string(), shown);
        assert_eq!(path.output_file().as_str(), file);
    }

    #[test_case("/zzz/../index.html"; "dot dot")]
    #[test_case("/../x/"; "leading dot dot")]
    #[test_case("/./x/"; "single dot")]
    #[test_case("/%2e%2e/x/"; "encoded dots")]
    #[test_case("/..%2fx/"; "encoded slash")]
    #[test_case("/over//"; "empty segment")]
    #[test_case("//host/x/"; "host")]
    #[test_case("/%2fhost/x/"; "encoded host")]
    #[test_case("https://other.example/x/"; "scheme")]
    #[test_case("HTTPS://other.example/x/"; "upper case scheme")]
    #[test_case("javascript:alert(1)"; "javascript")]
    #[test_case("C:/Windows/"; "drive")]
    #[test_case("/a\\b/"; "backslash")]
    #[test_case("/a%5cb/"; "encoded backslash")]
    #[test_case("/a%00b/"; "nul")]
    #[test_case("/a\tb/"; "tab")]
    #[test_case("/%ff/"; "not utf8")]
    #[test_case("/a?b=1"; "query")]
    #[test_case("/a#b"; "fragment")]
    #[test_case(""; "empty")]
    #[test_case("\\\\server\\share"; "unc")]
    fn refuses_paths(text: &str) {
        assert!(SitePath::parse(text).is_err(), "{text:?} was accepted");
    }

    #[test_case("mijn-bericht", "mijn-bericht")]
    #[test_case("Andere Naam", "Andere Naam")]
    #[test_case("https:", "https:"; "punctuation is dropped by urlize, so a scheme-like slug is a plain name")]
    fn parses_slugs(text: &str, expected: &str) {
        assert_eq!(Slug::parse(text).unwrap().as_str(), expected);
    }

    #[test_case(""; "empty")]
    #[test_case("../../over"; "climbing")]
    #[test_case(".."; "dot dot")]
    #[test_case("a/b"; "two segments")]
    #[test_case("a%2fb"; "encoded slash")]
    #[test_case("?!"; "nothing left after urlize")]
    fn refuses_slugs(text: &str) {
        assert!(Slug::parse(text).is_err(), "{text:?} was accepted");
    }

    proptest! {
        #[test]
        fn parse_never_panics_and_never_escapes(text in "\\PC{0,40}") {
            if let Ok(path) = SitePath::parse(&text) {
                for segment in path.segments() {
                    prop_assert!(!segment.is_empty() && segment != "." && segment != "..");
                    prop_assert!(!segment.contains(['/', '\\', '\0', ':']));
                }
                let file = path.output_file();
                prop_assert!(!file.starts_with('/'));
                for part in file.split('/') {
                    prop_assert!(!part.is_empty() && part != "." && part != "..");
                }
                prop_assert_eq!(SitePath::parse(&path.to_string()), Ok(path));
            }
        }

        #[test]
        fn display_round_trips(
            segments in proptest::collection::vec("[^/\\\\:\\p{Cc}]{1,8}", 0..5),
            folder in any::<bool>(),
        ) {
            if let Ok(path) = SitePath::from_segments(segments, folder) {
                prop_assert_eq!(SitePath::parse(&path.to_string()), Ok(path));
            }
        }

        #[test]
        fn path_like_text_never_escapes(text in "[/.a%2eEfF5cC\\\\:]{0,16}") {
            if let Ok(path) = SitePath::parse(&text) {
                prop_assert!(path.segments().iter().all(|s| s != ".." && s != "."));
            }
        }
    }
}
