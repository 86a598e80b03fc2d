//! The rules for HTML from a foreign site, applied with a real HTML tokenizer
//! (lol_html, which streams the input through and rewrites only the tags it
//! is told to, byte for byte elsewhere): every element that can run code,
//! load another document or change the page's base goes, as do event-handler
//! attributes, `style`, and addresses whose scheme is not http(s), mailto or
//! tel (`javascript:`, `vbscript:`, `data:`, however they are spelled with
//! entities, case, white space or control characters). What a reader sees
//! stays: text, links, images, the blockquotes of Mastodon and X embeds;
//! an `<iframe>` of a web page becomes a link to it.
//!
//! [`super::embeds`] decides which parts of a Markdown body are HTML.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use lol_html::html_content::{ContentType, Element};
use lol_html::{RewriteStrSettings, element, rewrite_str};
use regex::Regex;

use super::html_findings::FindingKind;
use crate::url::{ExternalUrl, Schemes};

/// Left where a script was removed, so that the spaces after it can go too.
pub const REMOVED_SCRIPT: char = '\u{E002}';

/// Elements removed with everything inside them: they run code, style the
/// page or embed another document (an `<iframe>` of a web page is replaced
/// by a link first). SVG animation elements can set `href` or an event
/// handler, so they go too.
const REMOVED_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "portal",
    "fencedframe",
    "embed",
    "base",
    "link",
    "meta",
    "set",
    "animate",
    "animatemotion",
    "animatetransform",
    "animatecolor",
    "handler",
    "listener",
];

/// Elements removed while what they hold stays: the fallback content of an
/// `<object>` or `<applet>` is what a reader without the plugin sees.
const REMOVED_KEEPING_CONTENT: &[&str] = &["object", "applet", "frameset"];

/// Attributes that hold an address (or, for `srcset` and `ping`, several).
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcset",
    "imagesrcset",
    "poster",
    "data",
    "background",
    "cite",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "ping",
    "manifest",
    "icon",
    "codebase",
    "classid",
    "archive",
    "profile",
    "usemap",
];

/// Schemes an address may have; anything else (`javascript:`, `data:`, …)
/// is removed. An address without a scheme (a path) is kept.
const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// A change or a report, at a byte offset of the HTML given to [`rewrite`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Where the element's start tag begins.
    pub offset: usize,
    /// What was done.
    pub kind: FindingKind,
}

/// Why the tokenizer gave up: markup whose meaning depends on a document
/// tree that a stream cannot see (lol_html's strict mode).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unreadable(String);

/// Applies the rules to `html`; returns the new HTML (with [`REMOVED_SCRIPT`]
/// where scripts were) and what was changed or noticed.
pub fn rewrite(html: &str) -> Result<(String, Vec<Change>), Unreadable> {
    let changes = RefCell::new(Vec::new());
    let settings = RewriteStrSettings {
        element_content_handlers: vec![element!("*", |el| {
            clean_element(el, &mut changes.borrow_mut());
            Ok(())
        })],
        // Edge Side Includes are not HTML: read them as unknown elements.
        enable_esi_tags: false,
        // Markup whose parsing depends on the tree is refused, not guessed.
        strict: true,
        ..RewriteStrSettings::new()
    };
    let out = rewrite_str(html, settings).map_err(|e| Unreadable(e.to_string()))?;
    Ok((out, changes.into_inner()))
}

fn clean_element(el: &mut Element<'_, '_>, changes: &mut Vec<Change>) {
    let offset = el.source_location().bytes().start;
    let name = el.tag_name();
    let mut note = |kind: FindingKind| changes.push(Change { offset, kind });
    if REMOVED_WITH_CONTENT.contains(&name.as_str()) {
        match name.as_str() {
            "script" => {
                let src = el.get_attribute("src");
                note(match (&src, src.as_deref().and_then(web_url)) {
                    (_, Some(url)) => FindingKind::ExternalScript(url.host().to_string()),
                    (Some(local), None) => FindingKind::ExternalScript(local.clone()),
                    (None, None) => FindingKind::InlineScript,
                });
                el.replace(&REMOVED_SCRIPT.to_string(), ContentType::Html);
            }
            "iframe" => {
                let src = el.get_attribute("src");
                match src.as_deref().and_then(web_url) {
                    Some(url) => {
                        let card =
                            super::embed_card::card(&url, el.get_attribute("title").as_deref());
                        el.replace(&card, ContentType::Html);
                    }
                    None => el.remove(),
                }
                note(FindingKind::Iframe(src.unwrap_or_default()));
            }
            _ => {
                note(FindingKind::Element(name.clone()));
                el.remove();
            }
        }
        return;
    }
    // A player of a file on another host would make every visitor's browser
    // contact that host: a link to the file instead. A local file keeps its player.
    if (name == "audio" || name == "video" || name == "source")
        && let Some(url) = el.get_attribute("src").as_deref().and_then(web_url)
    {
        note(FindingKind::ExternalMedia(url.as_str().to_string()));
        if name == "source" {
            // Inside a player: the player stays for its other sources.
            el.remove();
        } else {
            let what = if name == "video" { "video" } else { "audio" };
            let title = el.get_attribute("title");
            el.replace(
                &super::embed_card::media_link(&url, title.as_deref(), what),
                ContentType::Html,
            );
        }
        return;
    }
    if REMOVED_KEEPING_CONTENT.contains(&name.as_str()) {
        note(FindingKind::Element(name.clone()));
        el.remove_and_keep_content();
        return;
    }
    if name == "img"
        && let Some(url) = el.get_attribute("src").as_deref().and_then(web_url)
    {
        note(FindingKind::ExternalImage(url.host().to_string()));
    }
    // `style` first, then the others in the order they are written.
    let mut removed: Vec<(String, FindingKind)> = Vec::new();
    if el.has_attribute("style") {
        removed.push(("style".into(), FindingKind::StyleAttribute));
    }
    for attribute in el.attributes() {
        let attr = attribute.name();
        if attr.starts_with("on") {
            removed.push((attr.clone(), FindingKind::EventHandler(attr)));
        } else if attr == "srcdoc"
            || (URL_ATTRIBUTES.contains(&attr.as_str()) && !safe_urls(&attr, &attribute.value()))
        {
            removed.push((attr.clone(), FindingKind::ScriptAddress(attr)));
        }
    }
    for (attr, kind) in removed {
        el.remove_attribute(&attr);
        note(kind);
    }
    // An attribute name lol_html cannot address (it refuses some odd
    // spellings) stays; then the element goes, keeping what it holds.
    let left = el.attributes().iter().any(|a| {
        let n = a.name();
        n == "style"
            || n.starts_with("on")
            || n == "srcdoc"
            || (URL_ATTRIBUTES.contains(&n.as_str()) && !safe_urls(&n, &a.value()))
    });
    if left {
        note(FindingKind::Element(name));
        el.remove_and_keep_content();
    }
}

/// An http(s) address (`//host/…` counts as https), for reports and links.
fn web_url(src: &str) -> Option<ExternalUrl> {
    let src = if src.starts_with("//") {
        format!("https:{src}")
    } else {
        src.to_string()
    };
    ExternalUrl::parse(&src, Schemes::Web).ok()
}

/// True when every address in the value of `attribute` is a path or has a
/// safe scheme.
fn safe_urls(attribute: &str, raw: &str) -> bool {
    let value = decode_references(raw);
    match attribute {
        // "a.jpg 1x, b.jpg 2x": the first word of each candidate.
        "srcset" | "imagesrcset" => value
            .split(',')
            .all(|candidate| safe_url(candidate.split_whitespace().next().unwrap_or(""))),
        "ping" | "archive" => value.split_whitespace().all(safe_url),
        _ => safe_url(&value),
    }
}

/// True when `url` (with character references decoded) is a path or has a
/// scheme of [`SAFE_SCHEMES`], read as a browser reads it: without leading
/// and trailing spaces and control characters, tabs and line breaks removed
/// anywhere, in any case.
pub fn safe_url(url: &str) -> bool {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(colon) = url.find(':') else {
        return true;
    };
    let before = &url[..colon];
    // A `/`, `?` or `#` before the first `:` makes it a path, not a scheme.
    if before.contains(['/', '?', '#']) {
        return true;
    }
    SAFE_SCHEMES.contains(&before)
}

static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|[A-Za-z][A-Za-z0-9]*;)")
        .expect("valid character reference pattern")
});

/// Decodes character references as a browser does in an attribute value:
/// numeric ones also without `;` (`&#106avascript:`), named ones (`&colon;`).
pub fn decode_references(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    REFERENCE.replace_all(raw, |caps: &regex::Captures<'_>| {
        let number = match (caps.get(1), caps.get(2)) {
            (Some(hex), _) => Some(u32::from_str_radix(hex.as_str(), 16).unwrap_or(u32::MAX)),
            (None, Some(decimal)) => Some(decimal.as_str().parse::<u32>().unwrap_or(u32::MAX)),
            _ => None,
        };
        match number {
            Some(n) => char::from_u32(n)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{FFFD}')
                .to_string(),
            None => html_escape::decode_html_entities(&caps[0]).into_owned(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://e.org/a", true; "https")]
    #[test_case("/nieuws/", true; "path")]
    #[test_case("a/b:c", true; "colon after a slash")]
    #[test_case("#x:y", true; "fragment")]
    #[test_case("mailto:a@b.nl", true; "mailto")]
    #[test_case("javascript:alert(1)", false; "javascript")]
    #[test_case(" javascript:alert(1)", false; "leading space")]
    #[test_case("\u{1}javascript:alert(1)", false; "leading control character")]
    #[test_case("JaVaScRiPt:alert(1)", false; "mixed case")]
    #[test_case("java\tscr\nipt:alert(1)", false; "tab and line break inside")]
    #[test_case("vbscript:msgbox(1)", false; "vbscript")]
    #[test_case("data:text/html,<script>alert(1)</script>", false; "data")]
    #[test_case("java script:x", false; "space inside a scheme")]
    fn urls(url: &str, safe: bool) {
        assert_eq!(safe_url(url), safe);
    }

    #[test_case("jav&#x61;script:", "javascript:"; "hex")]
    #[test_case("&#106;avascript:", "javascript:"; "decimal")]
    #[test_case("&#106avascript&#58alert(1)", "javascript:alert(1)"; "without semicolons")]
    #[test_case("javascript&colon;x", "javascript:x"; "named colon")]
    #[test_case("java&Tab;script:", "java\tscript:"; "named tab")]
    #[test_case("&amp;#106;", "&#106;"; "one pass only")]
    #[test_case("&#0;&#x110000;", "\u{FFFD}\u{FFFD}"; "nul and out of range")]
    fn references(raw: &str, decoded: &str) {
        assert_eq!(decode_references(raw), decoded);
    }
}
