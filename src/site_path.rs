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

/// Why a text is not an acceptable site path, in plain words, with a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub hint: String,
}

impl PathError {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        PathError {
            message: message.into(),
            hint: hint.into(),
        }
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

const SITE_PATH_HINT: &str =
    "write a path on this site such as `/nieuws/mijn-bericht/`: plain names separated by `/`";

/// Checks one decoded segment; `what` names the value in messages.
fn check_segment(segment: &str, what: &str) -> Result<(), PathError> {
    if segment.is_empty() {
        return Err(PathError::new(
            format!("{what} has an empty part (`//`)"),
            SITE_PATH_HINT,
        ));
    }
    if segment == "." || segment == ".." {
        return Err(PathError::new(
            format!("{what} contains `{segment}`, which would point outside its folder"),
            SITE_PATH_HINT,
        ));
    }
    if segment.contains('\\') {
        return Err(PathError::new(
            format!("{what} contains a backslash"),
            "use `/` between the parts of a path",
        ));
    }
    if segment.chars().any(char::is_control) {
        return Err(PathError::new(
            format!("{what} contains a control character (such as a NUL byte or a tab)"),
            "remove the invisible character; retype the value if needed",
        ));
    }
    if segment.contains(':') {
        return Err(PathError::new(
            format!(
                "{what} contains `:`, which makes it look like an address on another site or a drive"
            ),
            "a path on this site starts with `/`; put links to other sites in the text instead",
        ));
    }
    if segment.starts_with(' ') || segment.ends_with(' ') {
        return Err(PathError::new(
            format!("{what} has a space at the start or end of a part"),
            "remove the spaces around the names",
        ));
    }
    Ok(())
}

/// Decodes `%xx` escapes once; fails on text that is not UTF-8 after decoding.
fn decode(text: &str, what: &str) -> Result<String, PathError> {
    percent_decode_str(text)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            PathError::new(
                format!("{what} has a `%` escape that is not valid text"),
                "write the characters themselves instead of `%` codes",
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
        let what = format!("the path `{text}`");
        if text.is_empty() {
            return Err(PathError::new("the path is empty", SITE_PATH_HINT));
        }
        if text.starts_with("//") || text.starts_with("\\\\") {
            return Err(PathError::new(
                format!("{what} names another host (it starts with `//`)"),
                SITE_PATH_HINT,
            ));
        }
        if has_scheme(text) {
            return Err(PathError::new(
                format!("{what} is a full address, not a path on this site"),
                "write only the path, for example `/nieuws/`; links to other sites belong in the text",
            ));
        }
        if text.contains(['?', '#']) {
            return Err(PathError::new(
                format!("{what} contains `?` or `#`"),
                "a page's path cannot carry a query or a fragment; write only the path",
            ));
        }
        let decoded = decode(text, &what)?;
        if decoded.chars().any(char::is_control) {
            return Err(PathError::new(
                format!("{what} contains a control character (such as a NUL byte or a tab)"),
                "remove the invisible character; retype the value if needed",
            ));
        }
        if decoded.contains('\\') {
            return Err(PathError::new(
                format!("{what} contains a backslash"),
                "use `/` between the parts of a path",
            ));
        }
        let rest = decoded.strip_prefix('/').unwrap_or(&decoded);
        if rest.starts_with('/') {
            return Err(PathError::new(
                format!("{what} names another host (it starts with `//`)"),
                SITE_PATH_HINT,
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
        let what = format!("the path `/{}`", segments.join("/"));
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
        let what = format!("the slug `{text}`");
        if text.trim().is_empty() {
            return Err(PathError::new(
                "the slug is empty",
                "write the last part of the page's address, for example `slug: mijn-bericht`, or remove the line",
            ));
        }
        if text.contains('/') {
            return Err(PathError::new(
                format!("{what} contains `/`; a slug is one name"),
                "use `url:` for a whole path, or write a single name such as `slug: mijn-bericht`",
            ));
        }
        let decoded = decode(text, &what)?;
        if decoded.contains('/') {
            return Err(PathError::new(
                format!("{what} contains an encoded `/`; a slug is one name"),
                "write a single name such as `slug: mijn-bericht`",
            ));
        }
        // Hugo publishes a slug through `urlize`, which drops punctuation such
        // as `:` and `?`; what must be a safe name is the part it becomes.
        let name = Slug::urlize(decoded.trim());
        if name.is_empty() {
            return Err(PathError::new(
                format!("{what} has no letters or digits to make an address from"),
                "write the last part of the page's address, for example `slug: mijn-bericht`",
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
