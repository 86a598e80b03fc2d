//! `chatcontrole check`: builds the site in memory and verifies that every
//! internal link, `#anchor` and image points at something that exists.
//! Problems are reported against the content file and line that holds the link.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::base_url::BaseUrl;
use crate::build::{BuildOptions, generate};
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::external_links::{ExternalOptions, Place, check_external};
use crate::msg;
use crate::output::Output;

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s(href|src)\s*=\s*"([^"]*)""#).expect("valid link pattern"));
static ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\sid\s*=\s*"([^"]*)""#).expect("valid id pattern"));

/// Checks the site; returns all errors and warnings (empty when all is well).
pub fn check(options: &BuildOptions) -> Diagnostics {
    check_with(options, None)
}

/// Like [`check`]; with `external` given, also asks every outside link
/// whether its page is still there (`check --external`, see
/// [`crate::external_links`]).
pub fn check_with(options: &BuildOptions, external: Option<&ExternalOptions>) -> Diagnostics {
    let generated = match generate(options) {
        Ok(g) => g,
        Err(e) => return e,
    };
    let mut diags = generated.warnings;
    diags.extend(check_links(&generated.output, &generated.config.base_url));
    if let Some(external) = external {
        let links = outside_links(&generated.output, &generated.config.base_url);
        diags.extend(check_external(&links, external));
    }
    diags
}

/// Every outside http(s) link of the HTML pages of `output` (links to the
/// site's own address are internal and left out), without its `#fragment`,
/// with the places it was found.
pub fn outside_links(output: &Output, base: &BaseUrl) -> BTreeMap<String, Vec<Place>> {
    let prefix = base.path_prefix();
    let mut found: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for (file, origin, url) in page_links(output) {
        if base.own_path(&url).is_some() {
            continue;
        }
        let Ok(mut target) = url::Url::parse(url.trim()) else {
            continue;
        };
        if !matches!(target.scheme(), "http" | "https") || target.host_str().is_none() {
            continue;
        }
        target.set_fragment(None);
        let origin = origin_or_generated(origin, file);
        let (line, column) = locate(&origin, &url, prefix);
        let place = Place {
            file: origin,
            line,
            column,
        };
        let places = found.entry(target.to_string()).or_default();
        if !places.contains(&place) {
            places.push(place);
        }
    }
    found
}

/// Every link (`href` or `src`, entities decoded) of every HTML page of
/// `output` that is not a redirect, with the page's output path and the
/// source file it was made from.
fn page_links(output: &Output) -> impl Iterator<Item = (&str, Option<&PathBuf>, String)> {
    output
        .files()
        .filter(|(file, _)| file.ends_with(".html") && !output.is_redirect(file))
        .flat_map(|(file, entry)| {
            let html = String::from_utf8_lossy(&entry.bytes);
            let urls: Vec<String> = LINK
                .captures_iter(&html)
                .map(|caps| decode_entities(&caps[2]))
                .collect();
            urls.into_iter()
                .map(move |url| (file, entry.origin.as_ref(), url))
        })
}

/// The source file a page was made from, or a name saying it was generated.
fn origin_or_generated(origin: Option<&PathBuf>, file: &str) -> PathBuf {
    origin
        .cloned()
        .unwrap_or_else(|| PathBuf::from(format!("(generated) {file}")))
}

/// Verifies internal links and anchors in every HTML file of `output`. A
/// link to the site's own address (`base`, with or without `www.`) is
/// checked like the internal link it is.
pub fn check_links(output: &Output, base: &BaseUrl) -> Diagnostics {
    let prefix = base.path_prefix();
    let mut ids_cache: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut found: BTreeMap<(PathBuf, String), Diagnostic> = BTreeMap::new();
    for (file, origin, url) in page_links(output) {
        let inside = base.own_path(&url).unwrap_or_else(|| url.clone());
        let Some(problem) = problem_with(&inside, file, output, prefix, &mut ids_cache) else {
            continue;
        };
        let origin = origin_or_generated(origin, file);
        let (line, column) = locate(&origin, &url, prefix);
        let key = (origin.clone(), url.clone());
        found.entry(key).or_insert_with(|| {
            Diagnostic::error(
                "page-link-broken",
                &origin,
                line,
                column,
                msg!(
                    "broken link `{url}`: {problem}",
                    "kapotte link `{url}`: {problem}";
                    problem
                ),
            )
            .with_hint(msg!(
                "check the spelling of the address; internal addresses look like /nieuws/titel-van-het-bericht/ and anchors like #kop-van-de-sectie",
                "controleer hoe het adres gespeld is; adressen op de site zien eruit als /nieuws/titel-van-het-bericht/ en ankers als #kop-van-de-sectie"
            ))
        });
    }
    let mut diags = Diagnostics::new();
    diags.extend(found.into_values());
    diags
}

/// What is wrong with `url` on the page `file`, or None when it resolves.
fn problem_with(
    url: &str,
    file: &str,
    output: &Output,
    prefix: &str,
    ids_cache: &mut HashMap<String, BTreeSet<String>>,
) -> Option<Message> {
    let lower = url.to_ascii_lowercase();
    if url.is_empty()
        || url.starts_with("//")
        || ["http:", "https:", "mailto:", "tel:", "data:", "javascript:"]
            .iter()
            .any(|s| lower.starts_with(s))
    {
        return None;
    }
    let (without_fragment, fragment) = match url.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (url, None),
    };
    let path = without_fragment.split('?').next().unwrap_or("");
    let target = if path.is_empty() {
        file.to_string()
    } else if let Some(absolute) = path.strip_prefix('/') {
        let absolute = format!("/{absolute}");
        match absolute.strip_prefix(prefix) {
            Some(rest) if prefix.is_empty() || rest.is_empty() || rest.starts_with('/') => {
                resolve(rest.trim_start_matches('/'), output)?
            }
            _ => {
                return Some(msg!(
                    "it does not start with the site's path {prefix}/",
                    "het begint niet met het pad van de site, {prefix}/"
                ));
            }
        }
    } else {
        let dir = file
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        resolve(&normalize(&format!("{dir}{path}")), output)?
    };
    let target = match output.contains(&target) {
        true => target,
        false => {
            return Some(msg!(
                "no such page or file on this site",
                "deze pagina of dit bestand bestaat niet op de site"
            ));
        }
    };
    let fragment = fragment.filter(|f| !f.is_empty())?;
    let ids = ids_cache.entry(target.clone()).or_insert_with(|| {
        let html = output
            .get(&target)
            .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
            .unwrap_or_default();
        ID.captures_iter(&html)
            .map(|c| decode_entities(&c[1]))
            .collect()
    });
    let fragment = percent_decode(fragment);
    if ids.contains(&fragment) {
        None
    } else {
        Some(msg!(
            "the page has no heading or element with id `{fragment}`",
            "de pagina heeft geen kop of element met id `{fragment}`"
        ))
    }
}

/// The output file a path inside the site means, or a problem when it means nothing.
fn resolve(path: &str, output: &Output) -> Option<String> {
    let path = percent_decode(path);
    if path.is_empty() {
        return Some("index.html".into());
    }
    if path.ends_with('/') {
        return Some(format!("{path}index.html"));
    }
    if output.contains(&path) {
        return Some(path);
    }
    Some(format!("{path}/index.html"))
}

/// Removes `.` and `..` parts from a relative path.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// `text` with `%XX` escapes decoded (invalid UTF-8 becomes U+FFFD).
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// `text` with HTML character references decoded, as a browser reads an
/// attribute value.
fn decode_entities(text: &str) -> String {
    html_escape::decode_html_entities(text).into_owned()
}

/// The line and column of `url` in the source file, so the editor can find it.
/// The line and column of `url` in the file `origin` (0, 0 when not found).
fn locate(origin: &Path, url: &str, prefix: &str) -> (usize, usize) {
    let Ok(text) = std::fs::read_to_string(origin) else {
        return (0, 0);
    };
    let unprefixed = url
        .strip_prefix(prefix)
        .filter(|_| !prefix.is_empty())
        .unwrap_or(url);
    for needle in [url, unprefixed] {
        for (i, line) in text.lines().enumerate() {
            if let Some(col) = line.find(needle) {
                return (i + 1, line[..col].chars().count() + 1);
            }
        }
    }
    (0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_outside_links_once_without_fragments_and_skips_our_own_address() {
        let base = BaseUrl::parse("https://chatcontrole.nl/").unwrap();
        let out = output(&[
            (
                "index.html",
                r##"<a href="https://a.example/x#kop">a</a> <a href="https://a.example/x">a</a> <a href="https://chatcontrole.nl/over/">own</a> <a href="https://www.chatcontrole.nl/">www</a> <a href="/intern/">i</a> <a href="mailto:a@b.nl">m</a> <img src="http://b.example/p.png">"##,
            ),
            (
                "over/index.html",
                r#"<a href="https://a.example/x">again</a>"#,
            ),
        ]);
        let links = outside_links(&out, &base);
        let urls: Vec<&str> = links.keys().map(String::as_str).collect();
        assert_eq!(urls, vec!["http://b.example/p.png", "https://a.example/x"]);
        assert_eq!(links["https://a.example/x"].len(), 2, "{links:?}");
    }

    fn output(pages: &[(&str, &str)]) -> Output {
        let mut out = Output::new();
        for (path, html) in pages {
            out.add(path, html.to_string(), None).unwrap();
        }
        out
    }

    #[test]
    fn accepts_existing_pages_anchors_and_external_links() {
        let out = output(&[
            (
                "index.html",
                r##"<a href="/nieuws/">n</a> <a href="/nieuws/a/#kop">k</a> <a href="https://x.nl">x</a> <a href="#top">t</a><div id="top"></div> <img src="/img/a.svg">"##,
            ),
            ("nieuws/index.html", ""),
            (
                "nieuws/a/index.html",
                r#"<h2 id="kop">Kop</h2><img src="kaart.svg">"#,
            ),
            ("nieuws/a/kaart.svg", ""),
            ("img/a.svg", ""),
        ]);
        assert!(
            check_links(&out, &BaseUrl::parse("https://e.org/").unwrap()).is_empty(),
            "{}",
            check_links(&out, &BaseUrl::parse("https://e.org/").unwrap())
        );
    }

    #[test]
    fn reports_missing_pages_and_anchors() {
        let out = output(&[(
            "index.html",
            r##"<a href="/bestaat-niet/">a</a> <a href="/#geen">b</a> <img src="plaatje.png">"##,
        )]);
        let diags = check_links(&out, &BaseUrl::parse("https://e.org/").unwrap());
        assert_eq!(diags.error_count(), 3, "{diags}");
        assert!(
            diags
                .to_string()
                .contains("no heading or element with id `geen`")
        );
        assert!(
            diags
                .report_in(crate::diagnostics::Language::Dutch)
                .contains(
                    "kapotte link `/#geen`: de pagina heeft geen kop of element met id `geen`"
                ),
            "{}",
            diags.report_in(crate::diagnostics::Language::Dutch)
        );
        assert!(diags.iter().all(|d| d.code == "page-link-broken"));
    }

    #[test]
    fn a_link_to_the_site_s_own_address_is_checked_as_an_internal_one() {
        let out = output(&[
            (
                "index.html",
                r#"<a href="https://e.org/a/">a</a> <a href="http://www.e.org/nieuws/weg/">b</a> <a href="https://e.org/a/#geen">c</a> <a href="https://elders.example/weg/">d</a>"#,
            ),
            ("a/index.html", ""),
        ]);
        let diags = check_links(&out, &BaseUrl::parse("https://e.org/").unwrap());
        assert_eq!(diags.error_count(), 2, "{diags}");
        let text = diags.to_string();
        assert!(
            text.contains("broken link `http://www.e.org/nieuws/weg/`: no such page")
                && text.contains("broken link `https://e.org/a/#geen`: the page has no heading"),
            "{text}"
        );
    }

    #[test]
    fn respects_the_base_url_path() {
        let out = output(&[
            (
                "index.html",
                r#"<a href="/campagne/a/">a</a> <a href="/a/">b</a>"#,
            ),
            ("a/index.html", ""),
        ]);
        let diags = check_links(&out, &BaseUrl::parse("https://e.org/campagne/").unwrap());
        assert_eq!(diags.error_count(), 1, "{diags}");
    }

    #[test]
    fn decodes_entities_and_percent_signs() {
        assert_eq!(decode_entities("&#109;&#x61;il&amp;"), "mail&");
        assert_eq!(decode_entities("&eacute;&nbsp;&#x27;"), "é\u{a0}'");
        assert_eq!(percent_decode("priv%C3%A9"), "privé");
        assert_eq!(percent_decode("a%20b%41"), "a bA");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(normalize("a/b/../c/./d"), "a/c/d");
    }
}
