//! The one place where text becomes HTML.
//!
//! Everything that comes from data, front matter or the network goes through
//! here before it reaches a page: [`escape`] for plain text (in element content
//! and in quoted attributes, HTML and XML alike) and [`sanitize`] for HTML that
//! was produced from Markdown an editor or an import wrote in a data field, so
//! that a `<script>` or an `onerror=` in a party summary can never run.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Escapes `&`, `<`, `>`, `"` and `'`, so that the result is safe as element
/// content and inside a single- or double-quoted attribute, in HTML, SVG and XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Keeps only harmless markup of an HTML fragment: text formatting, lists,
/// tables, headings, images and links whose target is http(s), mailto or a
/// path on this site. Scripts, styles, event attributes, `javascript:` and
/// other schemes are removed; external links get `rel="noopener noreferrer"`.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .add_generic_attributes(["id", "class"])
        .add_tag_attributes("td", ["data-label"])
        .add_tag_attributes("a", ["aria-label"])
        .add_tag_attributes("ol", ["start"]);
    builder
});

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("a & b", "a &amp; b"; "ampersand")]
    #[test_case("<b>\"x\" 'y'</b>", "&lt;b&gt;&quot;x&quot; &#39;y&#39;&lt;/b&gt;"; "markup and quotes")]
    #[test_case("gewoon", "gewoon"; "plain text unchanged")]
    fn escapes(input: &str, expected: &str) {
        assert_eq!(escape(input), expected);
    }

    #[test_case("<script>alert(1)</script>x", "x"; "script dropped")]
    #[test_case("<img src=x onerror=alert(1)>", "<img src=\"x\">"; "event attribute dropped")]
    #[test_case("<a href=\"javascript:alert(1)\">x</a>", "<a rel=\"noopener noreferrer\">x</a>"; "javascript link loses its target")]
    #[test_case("<a href=\"/over/\">x</a>", "<a href=\"/over/\" rel=\"noopener noreferrer\">x</a>"; "site path kept")]
    #[test_case("<p><em>a</em> <strong>b</strong></p>", "<p><em>a</em> <strong>b</strong></p>"; "formatting kept")]
    #[test_case("<p style=\"color:red\">x</p>", "<p>x</p>"; "style attribute dropped")]
    fn sanitizes(input: &str, expected: &str) {
        assert_eq!(sanitize(input), expected);
    }
}
