//! Reads the inline Markdown of one table cell with pulldown-cmark, so that
//! links are found the way every Markdown renderer finds them: destinations
//! with balanced parentheses (`programma_(def).pdf`, Wikipedia's `(EU)` pages),
//! `<…>` destinations, brackets in the link text, and text that only looks
//! like a link (`[bron (p. 3)` without its `](…)`).
//!
//! Every link comes with its byte range in the cell, so the cell reader can
//! keep quotations and page references out of links and report columns.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// One inline link of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte range of the whole link (`[text](url)`) in the cell.
    pub range: Range<usize>,
    /// The link text without markup, trimmed.
    pub text: String,
    /// The destination, with Markdown escapes resolved.
    pub url: String,
}

/// The links of `cell`, in order. Links never overlap.
pub fn links(cell: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut current: Option<Link> = None;
    for (event, range) in Parser::new(cell).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if current.is_none() => {
                current = Some(Link {
                    range,
                    text: String::new(),
                    url: dest_url.into_string(),
                });
            }
            Event::End(TagEnd::Link) => {
                if let Some(mut link) = current.take() {
                    link.text = link.text.trim().to_string();
                    out.push(link);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(link) = &mut current {
                    link.text.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(link) = &mut current {
                    link.text.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// The text of `markdown` without markup: link texts stay, destinations go.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("[P](https://a.example/programma_(def).pdf)", "P", "https://a.example/programma_(def).pdf"; "parentheses in the url")]
    #[test_case("[AVG](https://nl.wikipedia.org/wiki/Verordening_(EU)_2016/679)", "AVG", "https://nl.wikipedia.org/wiki/Verordening_(EU)_2016/679"; "wikipedia eu page")]
    #[test_case("[de [echte] tekst](https://e.x/)", "de [echte] tekst", "https://e.x/"; "brackets in the text")]
    #[test_case("[spatie](<https://e.x/a b>)", "spatie", "https://e.x/a b"; "angle brackets")]
    #[test_case("[*nadruk* en `code`](https://e.x/)", "nadruk en code", "https://e.x/"; "markup in the text")]
    fn one_link(cell: &str, text: &str, url: &str) {
        let found = links(cell);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].text.as_str(), found[0].url.as_str()), (text, url));
        assert_eq!(found[0].range, 0..cell.len());
    }

    #[test]
    fn an_unclosed_bracket_is_text() {
        let cell = "Zie [bron (p. 3) en [x](https://e.x/)";
        let found = links(cell);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "x");
        assert_eq!(&cell[found[0].range.clone()], "[x](https://e.x/)");
    }

    #[test]
    fn plain_text_keeps_link_texts() {
        assert_eq!(
            plain_text("wil [meer](https://e.x/) *privacy*"),
            "wil meer privacy"
        );
    }
}
