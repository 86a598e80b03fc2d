//! Raw HTML in Hugo content that breaks the new site's promises (no requests
//! to other hosts, no inline scripts or styles under a strict CSP) is fixed
//! while the page is copied: scripts are dropped, an `<iframe>` becomes a
//! link to what it showed, `style` attributes are removed. The visible part
//! of an embed (a Mastodon or X blockquote with its link) stays. Every change
//! is returned so that the report can list it; fenced code blocks are left
//! alone.

use crate::url::{ExternalUrl, Schemes};

/// What was changed or noticed in one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The 1-based line in the Markdown body where it was.
    pub line: usize,
    /// What it was.
    pub kind: FindingKind,
}

/// The kinds of HTML the importer removes or reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// `<script src>` from another host: removed.
    ExternalScript(String),
    /// `<script>` with code in the page: removed.
    InlineScript,
    /// `<iframe>` (a player or widget from another host): replaced by a link.
    Iframe(String),
    /// A `style="…"` attribute, which a strict CSP blocks: removed.
    StyleAttribute,
    /// An image loaded from another host: kept, reported.
    ExternalImage(String),
    /// HTML with a `style` attribute or a script in a front-matter field
    /// (such as `lead`): kept, to be fixed by hand.
    FrontMatterHtml,
}

impl FindingKind {
    /// A short Dutch-free description for the report.
    pub fn describe(&self) -> String {
        match self {
            FindingKind::ExternalScript(host) => format!("script from {host} removed"),
            FindingKind::InlineScript => "inline script removed".into(),
            FindingKind::Iframe(url) => format!("iframe replaced by a link to {url}"),
            FindingKind::StyleAttribute => "style attribute removed".into(),
            FindingKind::ExternalImage(host) => {
                format!("image from {host} kept: it makes visitors' browsers contact that host")
            }
            FindingKind::FrontMatterHtml => {
                "front matter has HTML with a style attribute or script, which the Content-Security-Policy blocks: fix it by hand".into()
            }
        }
    }
}

/// Cleans a Markdown body; returns the new body and what was changed.
pub fn clean(body: &str) -> (String, Vec<Finding>) {
    let mut out = String::with_capacity(body.len());
    let mut findings = Vec::new();
    let mut fence: Option<&str> = None;
    let mut chunk_start = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => {
                clean_html(body, chunk_start, offset, &mut out, &mut findings);
                fence = Some(m);
                chunk_start = offset;
            }
            (Some(f), Some(m)) if f == m => {
                out.push_str(&body[chunk_start..offset + line.len()]);
                fence = None;
                chunk_start = offset + line.len();
            }
            _ => {}
        }
        offset += line.len();
    }
    if fence.is_some() {
        out.push_str(&body[chunk_start..]);
    } else {
        clean_html(body, chunk_start, body.len(), &mut out, &mut findings);
    }
    (out, findings)
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
    text[..offset].matches('\n').count() + 1
}

/// Cleans `text[start..end]` (no code fences inside) into `out`.
fn clean_html(text: &str, start: usize, end: usize, out: &mut String, findings: &mut Vec<Finding>) {
    let lower = text.to_ascii_lowercase();
    let mut pos = start;
    while pos < end {
        let Some(rel) = text[pos..end].find('<') else {
            out.push_str(&text[pos..end]);
            return;
        };
        let tag_start = pos + rel;
        out.push_str(&text[pos..tag_start]);
        let Some(tag_end) = tag_end(text, tag_start, end) else {
            out.push('<');
            pos = tag_start + 1;
            continue;
        };
        let tag = &text[tag_start..tag_end];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let line = line_of(text, tag_start);
        match name.as_str() {
            "script" | "iframe" => {
                let close = format!("</{name}>");
                let element_end = lower[tag_end..end]
                    .find(&close)
                    .map(|i| tag_end + i + close.len())
                    .unwrap_or(tag_end);
                let src = attribute(tag, "src");
                let external = src.as_deref().and_then(|s| {
                    let s = if s.starts_with("//") {
                        format!("https:{s}")
                    } else {
                        s.to_string()
                    };
                    ExternalUrl::parse(&s, Schemes::Web).ok()
                });
                if name == "script" {
                    let kind = match (&src, &external) {
                        (_, Some(url)) => FindingKind::ExternalScript(url.host().to_string()),
                        (Some(local), None) => FindingKind::ExternalScript(local.clone()),
                        (None, None) => FindingKind::InlineScript,
                    };
                    findings.push(Finding { line, kind });
                    // The white space after a dropped script goes with it.
                    let rest = &text[element_end..end];
                    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                    pos = element_end + spaces;
                } else {
                    if let Some(url) = &external {
                        let title = attribute(tag, "title")
                            .unwrap_or_else(|| format!("Bekijk op {}", url.host()));
                        out.push_str(&format!(
                            "<p><a href=\"{}\">{}</a> ({})</p>",
                            crate::html::escape(url.as_str()),
                            crate::html::escape(&title),
                            crate::html::escape(url.host())
                        ));
                    }
                    findings.push(Finding {
                        line,
                        kind: FindingKind::Iframe(src.unwrap_or_default()),
                    });
                    pos = element_end;
                }
            }
            _ => {
                if name == "img"
                    && let Some(url) = attribute(tag, "src")
                        .and_then(|s| ExternalUrl::parse(&s, Schemes::Web).ok())
                {
                    findings.push(Finding {
                        line,
                        kind: FindingKind::ExternalImage(url.host().to_string()),
                    });
                }
                match remove_attribute(tag, "style") {
                    Some(cleaned) if !name.is_empty() => {
                        findings.push(Finding {
                            line,
                            kind: FindingKind::StyleAttribute,
                        });
                        out.push_str(&cleaned);
                    }
                    _ => out.push_str(tag),
                }
                pos = tag_end;
            }
        }
    }
}

/// The end (exclusive) of the tag starting at `start`, outside quoted values.
fn tag_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in text[start + 1..end].char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '>' => return Some(start + 1 + i + 1),
            None if c == '<' => return None,
            None => {}
        }
    }
    None
}

/// Finds `name="value"` (or single quotes) in a tag: (start of the
/// attribute including the space before it, end, value).
fn find_attribute(tag: &str, name: &str) -> Option<(usize, usize, String)> {
    let lower = tag.to_ascii_lowercase();
    let mut search = 0;
    while let Some(rel) = lower[search..].find(name) {
        let at = search + rel;
        search = at + name.len();
        let before_ok = lower[..at].ends_with(char::is_whitespace);
        let after = lower[search..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - after.len() + 1;
        let rest = &tag[value_start..];
        let trimmed = rest.trim_start();
        let value_start = value_start + (rest.len() - trimmed.len());
        let (value, value_end) = match trimmed.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let close = trimmed[1..].find(q)?;
                (trimmed[1..1 + close].to_string(), value_start + close + 2)
            }
            _ => {
                let len = trimmed
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(trimmed.len());
                (trimmed[..len].to_string(), value_start + len)
            }
        };
        let attr_start = lower[..at].trim_end().len();
        return Some((attr_start, value_end, value));
    }
    None
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    find_attribute(tag, name).map(|(_, _, v)| v)
}

fn remove_attribute(tag: &str, name: &str) -> Option<String> {
    let (start, end, _) = find_attribute(tag, name)?;
    Some(format!("{}{}", &tag[..start], &tag[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn iframe_becomes_a_link() {
        let (out, findings) =
            clean("<iframe src=\"https://video.example/embed/1\" title=\"Uitleg\"></iframe>\n");
        assert_eq!(
            out,
            "<p><a href=\"https://video.example/embed/1\">Uitleg</a> (video.example)</p>\n"
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
