//! Root links in the pages of a language published under its own folder
//! (`/en/`). Hugo writes a Markdown link as it is, so `[over](/over/)` in an
//! English page led to the Dutch page; the new site gives a root link that
//! is not a static file the page's language prefix, as its `rel_url` does
//! (spec: "Markdown root links follow the same rule"), so the same link
//! leads to `/en/over/`. The import leaves the links as they are (mostly
//! that is what the editor meant) and lists each one whose target changes,
//! with whether the new target exists, so that no link moves without a word.

use pulldown_cmark::{Event, Parser, Tag};

use crate::content::markdown::parser_options;

/// A link whose target the new site's language prefix changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// 1-based line in the body.
    pub line: usize,
    /// The address as written (where Hugo's link led).
    pub from: String,
    /// Where it leads in the new site.
    pub to: String,
    /// Whether a page or file of the site answers there.
    pub exists: bool,
}

/// The inline links and images of `body` whose root address the new site
/// prefixes with `prefix` (`/en`): those that do not start with it already
/// and are not static files (`is_static`). `exists` tells whether a path
/// answers in the new site.
pub fn moved(
    body: &str,
    prefix: &str,
    is_static: &dyn Fn(&str) -> bool,
    exists: &dyn Fn(&str) -> bool,
) -> Vec<Moved> {
    if prefix.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let (Event::Start(Tag::Link { dest_url, .. }) | Event::Start(Tag::Image { dest_url, .. })) =
            event
        else {
            continue;
        };
        let url = dest_url.to_string();
        if !url.starts_with('/') || url.starts_with("//") {
            continue;
        }
        let path = &url[..url.find(['#', '?']).unwrap_or(url.len())];
        if path == prefix || path.starts_with(&format!("{prefix}/")) || is_static(path) {
            continue;
        }
        let to = format!("{prefix}{url}");
        let target = &to[..to.find(['#', '?']).unwrap_or(to.len())];
        out.push(Moved {
            line: body[..range.start].matches('\n').count() + 1,
            exists: exists(target),
            from: url,
            to,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_outside_the_languages_folder_are_listed() {
        let body = "[over](/over/) [en](/en/over/) [css](/css/site.css)\n![kaart](/nieuws/kaart.svg#x) [ver](https://x.test/over/) [rel](over/)\n";
        let is_static = |p: &str| p == "/css/site.css";
        let exists = |p: &str| p == "/en/over/";
        let moved = moved(body, "/en", &is_static, &exists);
        assert_eq!(
            moved,
            [
                Moved {
                    line: 1,
                    from: "/over/".into(),
                    to: "/en/over/".into(),
                    exists: true
                },
                Moved {
                    line: 2,
                    from: "/nieuws/kaart.svg#x".into(),
                    to: "/en/nieuws/kaart.svg#x".into(),
                    exists: false
                },
            ]
        );
    }

    #[test]
    fn at_the_root_nothing_moves() {
        assert!(moved("[over](/over/)", "", &|_| false, &|_| false).is_empty());
    }
}
