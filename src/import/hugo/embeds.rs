//! Raw HTML in Hugo content that breaks the new site's promises (no requests
//! to other hosts, no scripts, no inline styles under a strict CSP) is fixed
//! while the page is copied, by the rules of [`super::foreign_html`]: scripts,
//! event handlers, `javascript:`/`data:` addresses and styles go, an
//! `<iframe>` becomes a link to what it showed. The visible part of an embed
//! (a Mastodon or X blockquote with its link) stays. Every change is
//! returned so that the report can list it.
//!
//! A body mixes Markdown and HTML. The Markdown parser the site renders with
//! decides which bytes are HTML (so `a < b`, autolinks `<https://…>`, code
//! spans and code blocks stay byte for byte); the HTML tokenizer reads those
//! parts in order, with each stretch of Markdown between them standing in as
//! inert text. The result is read again as the site will render it; should
//! anything unsafe remain (HTML split over the lines of a quote or a list in
//! ways the two readings see differently), every `<` outside code is written
//! as `&lt;`, so the HTML shows as text.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::foreign_html::{self, REMOVED_SCRIPT};
pub use super::html_findings::{Finding, FindingKind};
use crate::content::markdown::parser_options;

/// Stands for a stretch of Markdown inside the HTML given to the tokenizer:
/// `OPEN`, its number, `CLOSE`. Private-use characters, read as text by HTML.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Cleans a Markdown body; returns the new body and what was changed.
pub fn clean(body: &str) -> (String, Vec<Finding>) {
    let parts = html_parts(body);
    if parts.is_empty() {
        return (body.to_string(), Vec::new());
    }
    let cleaned = (!parts
        .iter()
        .any(|r| body[r.clone()].contains([OPEN, CLOSE, REMOVED_SCRIPT])))
    .then(|| rewrite_parts(body, &parts))
    .flatten();
    match cleaned {
        Some((out, findings)) if is_safe(&out) => (out, findings),
        // What the first reading changed is moot: all of the HTML is text now.
        _ => (
            html_as_text(body),
            vec![Finding {
                line: line_of(body, parts[0].start),
                kind: FindingKind::HtmlAsText,
            }],
        ),
    }
}

/// The byte ranges of `body` that the site's Markdown parser reads as raw
/// HTML, in order, touching ones joined.
fn html_parts(body: &str) -> Vec<Range<usize>> {
    let tags = shortcode_tags(body);
    let mut parts: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        if !matches!(event, Event::Html(_) | Event::InlineHtml(_)) || range.is_empty() {
            continue;
        }
        // `{{<audio src="…">}}` reads as HTML to Markdown, but the build hands
        // a shortcode tag to the shortcode parser, never to the page as HTML.
        if tags
            .iter()
            .any(|t| t.start < range.end && range.start < t.end)
        {
            continue;
        }
        match parts.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => parts.push(range),
        }
    }
    parts
}

/// Runs the tokenizer over the HTML parts with the Markdown between them as
/// placeholders, and puts the Markdown back; None when it gives up.
fn rewrite_parts(body: &str, parts: &[Range<usize>]) -> Option<(String, Vec<Finding>)> {
    // The tokenizer's input, and where each of its stretches came from:
    // (offset in the input, offset in the body).
    let mut html = String::with_capacity(body.len() + 16 * parts.len());
    let mut origins: Vec<(usize, usize)> = Vec::new();
    let mut markdown: Vec<&str> = Vec::new();
    let mut at = 0;
    let mut placeholder =
        |html: &mut String, origins: &mut Vec<(usize, usize)>, range: Range<usize>| {
            if !range.is_empty() {
                origins.push((html.len(), range.start));
                html.push(OPEN);
                html.push_str(&markdown.len().to_string());
                html.push(CLOSE);
                markdown.push(&body[range]);
            }
        };
    for part in parts {
        placeholder(&mut html, &mut origins, at..part.start);
        origins.push((html.len(), part.start));
        html.push_str(&body[part.clone()]);
        at = part.end;
    }
    placeholder(&mut html, &mut origins, at..body.len());
    let (out, changes) = foreign_html::rewrite(&html).ok()?;
    let findings = changes
        .into_iter()
        .map(|change| {
            let i = origins.partition_point(|&(start, _)| start <= change.offset);
            let (start, origin) = origins[i.saturating_sub(1)];
            let in_body = (origin + change.offset.saturating_sub(start)).min(body.len());
            Finding {
                line: line_of(body, in_body),
                kind: change.kind,
            }
        })
        .collect();
    Some((restore(&out, &markdown), findings))
}

/// Puts the Markdown back in place of its placeholders and drops the spaces
/// after a removed script with it.
fn restore(out: &str, markdown: &[&str]) -> String {
    let mut text = String::with_capacity(out.len());
    let mut rest = out;
    while let Some(i) = rest.find([OPEN, REMOVED_SCRIPT]) {
        text.push_str(&rest[..i]);
        let c = rest[i..].chars().next().unwrap_or(OPEN);
        rest = &rest[i + c.len_utf8()..];
        if c == REMOVED_SCRIPT {
            rest = rest.trim_start_matches([' ', '\t']);
            continue;
        }
        let end = rest.find(CLOSE).unwrap_or(rest.len());
        if let Some(md) = rest[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| markdown.get(n))
        {
            text.push_str(md);
        }
        rest = rest.get(end + CLOSE.len_utf8()..).unwrap_or("");
    }
    text.push_str(rest);
    text
}

/// True when the HTML the site will render from `body` breaks no rule: the
/// HTML events as the Markdown parser gives them (without the quote and list
/// markers between their lines), joined by inert text.
fn is_safe(body: &str) -> bool {
    let tags = shortcode_tags(body);
    let mut html = String::new();
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let in_tag = tags
            .iter()
            .any(|t| t.start < range.end && range.start < t.end);
        match event {
            Event::Html(h) | Event::InlineHtml(h) if !in_tag => html.push_str(&h),
            _ => html.push(OPEN),
        }
    }
    match foreign_html::rewrite(&html) {
        Ok((_, changes)) => !changes.iter().any(|c| c.kind.is_removal()),
        Err(_) => false,
    }
}

/// The byte ranges of the opening tags of the shortcode calls in `body`
/// (nested ones included), which the build reads as shortcodes, not HTML.
fn shortcode_tags(body: &str) -> Vec<Range<usize>> {
    fn walk(text: &str, base: usize, out: &mut Vec<Range<usize>>) {
        let Ok(pieces) = crate::content::shortcodes::parse(text, &|_| false) else {
            return;
        };
        for piece in pieces {
            if let crate::content::shortcodes::Piece::Call(call) = piece {
                out.push(base + call.offset..base + call.inner_offset);
                if let Some(inner) = &call.inner {
                    walk(inner, base + call.inner_offset, out);
                }
            }
        }
    }
    let mut tags = Vec::new();
    walk(body, 0, &mut tags);
    tags
}

/// `body` with every `<` outside code written as `&lt;`, so that no HTML is left.
fn html_as_text(body: &str) -> String {
    let mut code: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        if matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_))) {
            code.push(range);
        }
    }
    let mut out = String::with_capacity(body.len());
    for (i, c) in body.char_indices() {
        if c == '<' && !code.iter().any(|r| r.contains(&i)) {
            out.push_str("&lt;");
        } else {
            out.push(c);
        }
    }
    if is_safe(&out) {
        out
    } else {
        body.replace('<', "&lt;")
    }
}

/// Lines of front matter (starting on `first_line`) whose HTML the CSP blocks.
pub fn front_matter_findings(raw: &str, first_line: usize) -> Vec<Finding> {
    raw.lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.to_ascii_lowercase();
            l.contains(" style=") || l.contains("<script")
        })
        .map(|(i, _)| Finding {
            line: first_line + i,
            kind: FindingKind::FrontMatterHtml,
        })
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    /// Markdown around the HTML of a case, which must come back byte for byte.
    fn around(html: &str) -> String {
        format!("Tekst met `<code>` en a < b.\n\n{html}\n\nNa <https://e.org/x>.\n")
    }

    #[test_case("<img src=\"/a.png\" onerror=\"alert(1)\">", "<img src=\"/a.png\">", &[FindingKind::EventHandler("onerror".into())]; "onerror")]
    #[test_case("<p ONCLICK=\"alert(1)\">x</p>", "<p>x</p>", &[FindingKind::EventHandler("onclick".into())]; "upper-case onclick")]
    #[test_case("<IMG SRC=/a.png ONERROR=alert(1)>", "<IMG SRC=/a.png>", &[FindingKind::EventHandler("onerror".into())]; "upper-case tag unquoted")]
    #[test_case("<a href=\"jav&#x61;script:alert(1)\">x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "javascript with a hex reference")]
    #[test_case("<a href=\"&#106avascript&#58alert(1)\">x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "references without semicolons")]
    #[test_case("<a href=\"javascript&colon;alert(1)\">x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "named colon")]
    #[test_case("<a href=\" javascript:alert(1)\">x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "leading space")]
    #[test_case("<a href=\"java&#9;script:alert(1)\">x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "tab inside")]
    #[test_case("<a href='VBScript:msgbox(1)'>x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "vbscript")]
    #[test_case("<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<a>x</a>", &[FindingKind::ScriptAddress("href".into())]; "data text html")]
    #[test_case("<img src=\"/a.png\" srcset=\"/a.png 1x, javascript:alert(1) 2x\">", "<img src=\"/a.png\">", &[FindingKind::ScriptAddress("srcset".into())]; "srcset")]
    #[test_case("<svg onload=\"alert(1)\"><circle r=\"1\"/></svg>", "<svg><circle r=\"1\"/></svg>", &[FindingKind::EventHandler("onload".into())]; "svg onload")]
    #[test_case("<svg><script>alert(1)</script><circle r=\"1\"/></svg>", "<svg><circle r=\"1\"/></svg>", &[FindingKind::InlineScript]; "svg script")]
    #[test_case("<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", "<svg><a><text>x</text></a></svg>", &[FindingKind::ScriptAddress("xlink:href".into())]; "svg xlink href")]
    #[test_case("<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/></svg>", "<svg></svg>", &[FindingKind::Element("set".into())]; "svg set")]
    #[test_case("<object data=\"x.swf\"><p>Geen plugin</p></object>", "<p>Geen plugin</p>", &[FindingKind::Element("object".into())]; "object keeps its fallback")]
    #[test_case("<embed src=\"x.swf\">", "", &[FindingKind::Element("embed".into())]; "embed")]
    #[test_case("<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "", &[FindingKind::Element("meta".into())]; "meta refresh")]
    #[test_case("<base href=\"https://evil.example/\">", "", &[FindingKind::Element("base".into())]; "base")]
    #[test_case("<style>p { color: red }</style>", "", &[FindingKind::Element("style".into())]; "style element")]
    #[test_case("<form action=\"javascript:alert(1)\"><button formaction=\"JAVASCRIPT:x\">b</button></form>", "<form><button>b</button></form>", &[FindingKind::ScriptAddress("action".into()), FindingKind::ScriptAddress("formaction".into())]; "form actions")]
    #[test_case("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>", "", &[FindingKind::Iframe(String::new())]; "iframe srcdoc")]
    fn hostile_html_is_removed(html: &str, cleaned: &str, kinds: &[FindingKind]) {
        let (out, findings) = clean(&around(html));
        assert_eq!(out, around(cleaned));
        let expected: Vec<Finding> = kinds
            .iter()
            .map(|kind| Finding {
                line: 3,
                kind: kind.clone(),
            })
            .collect();
        assert_eq!(findings, expected);
        assert!(is_safe(&out));
    }

    #[test_case("a < b en b > c, 3 <4\n"; "comparisons")]
    #[test_case("Zie <https://e.org/?a=1&b=2> en <info@e.org>.\n"; "autolinks")]
    #[test_case("`<script>alert(1)</script>` en `<img onerror=x>`\n"; "code spans")]
    #[test_case("```html\n<img src=x onerror=alert(1)>\n```\n"; "fenced code")]
    #[test_case("Tekst\n\n    <script>alert(1)</script>\n"; "indented code")]
    #[test_case("\\<script>alert(1)\\</script>\n"; "escaped brackets")]
    #[test_case("<p class=\"lead\">Een <a href=\"https://e.org/\" title=\"x\">link</a></p>\n"; "harmless html")]
    #[test_case("{{< knop href=\"/x/\" >}} <a href=\"{{< relref \"a.md\" >}}\">a</a>\n"; "shortcodes")]
    fn markdown_and_harmless_html_stay_byte_for_byte(body: &str) {
        assert_eq!(clean(body), (body.to_string(), Vec::new()));
    }

    #[test]
    fn html_after_a_code_span_that_looks_like_a_raw_text_element_is_still_read() {
        let (out, findings) =
            clean("`<textarea>` en `<script>`\n\n<img src=\"/a.png\" onerror=\"alert(1)\">\n");
        assert_eq!(out, "`<textarea>` en `<script>`\n\n<img src=\"/a.png\">\n");
        assert_eq!(
            findings[0].kind,
            FindingKind::EventHandler("onerror".into())
        );
    }

    #[test]
    fn an_inline_script_takes_the_text_up_to_its_end_tag() {
        let (out, findings) = clean("Voor <script>alert(1)</script> na.\n");
        assert_eq!(out, "Voor  na.\n");
        assert_eq!(
            findings,
            [Finding {
                line: 1,
                kind: FindingKind::InlineScript
            }]
        );
    }

    #[test_case("> <img src=\"/a.png\"\n> onerror=\"alert(1)\">\n"; "tag over two lines of a quote")]
    #[test_case("- <a href=\"java\n  script:alert(1)\">x</a>\n"; "address over two lines of a list")]
    #[test_case("<div>\n<img src=x onerror=alert(1)>\n</div>\n\n<select><xmp><script>alert(1)</script></select>\n"; "ambiguous markup")]
    fn html_the_readings_disagree_on_is_made_safe(body: &str) {
        let (out, findings) = clean(body);
        assert!(is_safe(&out), "{out}");
        assert_eq!(findings.len(), 1, "{findings:?}");
    }

    /// Pieces hostile Markdown and HTML are made of.
    const PIECES: &[&str] = &[
        "<img src=\"/a.png\" ",
        "onerror=alert(1)",
        " ONCLICK='x()'",
        ">",
        "<a href=\"",
        "jav&#x61;script:x",
        "\">",
        "</a>",
        "<script>",
        "</script>",
        "<style>",
        "<textarea>",
        "<svg>",
        "<object data=x>",
        "`",
        "```\n",
        "\n",
        "\n\n",
        "> ",
        "- ",
        "    ",
        "a < b",
        "<https://e.org/>",
        "\\<",
        "<!--",
        "-->",
        "<div>",
        "</div>",
        "\"",
        "'",
        " ",
        "java\nscript:",
        "<select>",
        "<xmp>",
        "{{< x >}}",
        "&lt;",
    ];

    proptest::proptest! {
        #[test]
        fn whatever_the_body_the_result_is_safe(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let body: String = picks.iter().map(|&i| PIECES[i]).collect();
            let (out, findings) = clean(&body);
            proptest::prop_assert!(is_safe(&out), "{body:?} gave {out:?}");
            if findings.is_empty() {
                proptest::prop_assert_eq!(&out, &body);
            }
        }
    }

    #[test]
    fn a_tag_the_quote_markers_split_is_shown_as_text() {
        let (out, findings) = clean("Citaat:\n\n> <img src=\"/a.png\"\n> onerror=\"alert(1)\">\n");
        assert_eq!(
            out,
            "Citaat:\n\n> &lt;img src=\"/a.png\"\n> onerror=\"alert(1)\">\n"
        );
        assert_eq!(
            findings,
            [Finding {
                line: 3,
                kind: FindingKind::HtmlAsText
            }]
        );
    }

    #[test]
    fn mastodon_embed_keeps_the_quote_and_drops_script_and_style() {
        let body = "Tekst\n\n<blockquote class=\"mastodon-embed\" style=\"max-width: 540px;\"><a href=\"https://m.example/@a/1\">Bericht</a></blockquote> <script async src=\"https://m.example/embed.js\"></script>\n";
        let (out, findings) = clean(body);
        assert_eq!(
            out,
            "Tekst\n\n<blockquote class=\"mastodon-embed\"><a href=\"https://m.example/@a/1\">Bericht</a></blockquote> \n"
        );
        let kinds: Vec<_> = findings.iter().map(|f| (f.line, f.kind.clone())).collect();
        assert_eq!(
            kinds,
            [
                (3, FindingKind::StyleAttribute),
                (3, FindingKind::ExternalScript("m.example".into()))
            ]
        );
    }

    #[test]
    fn html_with_style_in_front_matter_is_reported() {
        let raw = "title: A\nlead: \"Met <span style=\\\"color: red\\\">kleur</span>\"\n";
        assert_eq!(
            front_matter_findings(raw, 2),
            [Finding {
                line: 3,
                kind: FindingKind::FrontMatterHtml
            }]
        );
    }

    #[test]
    fn a_local_player_stays_and_one_from_another_host_becomes_a_link() {
        let local = "<audio controls src=\"/media/a.mp3\"></audio>\n";
        assert_eq!(clean(local), (local.to_string(), vec![]));
        let (out, findings) = clean(
            "<audio controls src=\"https://provo.example/a.mp3\" title=\"Podcast\"></audio>\n",
        );
        assert_eq!(
            out,
            "<p class=\"embed-card\"><a href=\"https://provo.example/a.mp3\">Podcast</a> <span class=\"embed-host\">(audio op provo.example)</span></p>\n"
        );
        assert_eq!(
            findings[0].kind,
            FindingKind::ExternalMedia("https://provo.example/a.mp3".into())
        );
        let (out, _) = clean(
            "<video controls><source src=\"/media/v.mp4\"><source src=\"https://cdn.example/v.webm\"></video>\n",
        );
        assert_eq!(
            out,
            "<video controls><source src=\"/media/v.mp4\"></video>\n"
        );
    }

    #[test]
    fn html_inside_a_shortcode_tag_is_the_shortcode_s_not_the_page_s() {
        // Written without a space after `{{<`, as Hugo allows: Markdown reads
        // `<audio …>` as HTML, but the build hands the tag to the shortcode.
        let body =
            "Luister:\n\n{{<audio src=\"https://provo.example/a.mp3\" caption=\"Podcast\" >}}\n";
        assert_eq!(clean(body), (body.to_string(), vec![]));
    }

    #[test]
    fn iframe_becomes_a_link_card() {
        let (out, findings) =
            clean("<iframe src=\"https://video.example/embed/1\" title=\"Uitleg\"></iframe>\n");
        assert_eq!(
            out,
            "<p class=\"embed-card\"><a href=\"https://video.example/embed/1\">Uitleg</a> <span class=\"embed-host\">(video.example)</span></p>\n"
        );
        assert_eq!(
            findings[0].kind,
            FindingKind::Iframe("https://video.example/embed/1".into())
        );
    }

    #[test]
    fn inline_script_is_removed_but_code_blocks_stay() {
        let body =
            "```html\n<script>x()</script>\n```\n<script>\nconsole.log(1)\n</script>\nEinde\n";
        let (out, findings) = clean(body);
        assert_eq!(out, "```html\n<script>x()</script>\n```\n\nEinde\n");
        assert_eq!(
            findings,
            [Finding {
                line: 4,
                kind: FindingKind::InlineScript
            }]
        );
    }

    #[test]
    fn external_images_are_reported_and_plain_text_is_untouched() {
        let body = "a < b en <img src=\"https://cdn.example/x.png\" alt=\"x\"> <em>ok</em>\n";
        let (out, findings) = clean(body);
        assert_eq!(out, body);
        assert_eq!(
            findings[0].kind,
            FindingKind::ExternalImage("cdn.example".into())
        );
    }
}
