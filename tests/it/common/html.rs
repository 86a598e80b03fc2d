//! Assertions on built pages through an HTML parser (`scraper`): a failure
//! says which page, which CSS selector, what was expected and what the page
//! holds instead, rather than `assertion failed: html.contains(..)`.
//!
//! `page` in every function is where the HTML came from (the output path),
//! only used in messages.

#![allow(dead_code)]

use scraper::{ElementRef, Html, Selector};

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad CSS selector {css:?}: {e}"))
}

/// The text of an element with runs of white space collapsed to one space.
fn text_of(element: ElementRef<'_>) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text (white space collapsed) of every element `css` selects.
pub fn select_text(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&selector(css)).map(text_of).collect()
}

/// The value of attribute `attr` of every element `css` selects that has it.
pub fn select_attr(html: &str, css: &str, attr: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&selector(css))
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// The outer HTML of every element `css` selects.
pub fn select_html(html: &str, css: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    doc.select(&selector(css)).map(|e| e.html()).collect()
}

/// How many elements `css` selects.
pub fn count(html: &str, css: &str) -> usize {
    let doc = Html::parse_document(html);
    doc.select(&selector(css)).count()
}

/// Shortens `text` for a failure message.
fn clip(text: &str) -> String {
    const MAX: usize = 300;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}

fn found_list(found: &[String]) -> String {
    if found.is_empty() {
        return "nothing".to_string();
    }
    found
        .iter()
        .take(20)
        .map(|f| format!("\n    {:?}", clip(f)))
        .collect::<String>()
        + if found.len() > 20 { "\n    …" } else { "" }
}

/// Some element selected by `css` has the text `expected` (white space
/// collapsed, compared whole).
#[track_caller]
pub fn assert_selects(html: &str, css: &str, expected: &str, page: &str) {
    let found = select_text(html, css);
    assert!(
        found.iter().any(|t| t == expected),
        "{page}: no element `{css}` with the text {expected:?}; `{css}` selects: {}",
        found_list(&found)
    );
}

/// Some element selected by `css` has a text containing `expected`.
#[track_caller]
pub fn assert_selects_containing(html: &str, css: &str, expected: &str, page: &str) {
    let found = select_text(html, css);
    assert!(
        found.iter().any(|t| t.contains(expected)),
        "{page}: no element `{css}` whose text contains {expected:?}; `{css}` selects: {}",
        found_list(&found)
    );
}

/// `css` selects at least one element.
#[track_caller]
pub fn assert_exists(html: &str, css: &str, page: &str) {
    let n = count(html, css);
    assert!(n > 0, "{page}: no element matches `{css}`");
}

/// `css` selects no element.
#[track_caller]
pub fn assert_none(html: &str, css: &str, page: &str) {
    let found = select_html(html, css);
    assert!(
        found.is_empty(),
        "{page}: expected no element `{css}`, found: {}",
        found_list(&found)
    );
}

/// `css` selects exactly `expected` elements.
#[track_caller]
pub fn assert_count(html: &str, css: &str, expected: usize, page: &str) {
    let found = select_html(html, css);
    assert!(
        found.len() == expected,
        "{page}: `{css}` selects {} elements, expected {expected}: {}",
        found.len(),
        found_list(&found)
    );
}

/// Some element selected by `css` has attribute `attr` equal to `expected`.
#[track_caller]
pub fn assert_attr(html: &str, css: &str, attr: &str, expected: &str, page: &str) {
    let found = select_attr(html, css, attr);
    assert!(
        found.iter().any(|v| v == expected),
        "{page}: no element `{css}` with {attr}={expected:?}; their {attr} values: {}",
        found_list(&found)
    );
}

/// The lines of `text` that hold the longest word of `needle`, to show near
/// misses in a failure message.
fn near(text: &str, needle: &str) -> String {
    let word = needle
        .split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.chars().count())
        .unwrap_or("");
    if word.chars().count() < 3 {
        return String::new();
    }
    let lines: Vec<String> = text
        .lines()
        .filter(|l| l.contains(word))
        .take(5)
        .map(|l| format!("\n    {:?}", clip(l.trim())))
        .collect();
    if lines.is_empty() {
        format!("\n  and {word:?} occurs nowhere")
    } else {
        format!("\n  lines with {word:?}:{}", lines.concat())
    }
}

/// `text` (a page or part of one) holds `needle` literally; on failure the
/// message names the page and shows the lines with the needle's longest word.
#[track_caller]
pub fn assert_contains(text: &str, needle: &str, page: &str) {
    assert!(
        text.contains(needle),
        "{page}: expected to find {needle:?}{}",
        near(text, needle)
    );
}

/// `text` does not hold `needle`; on failure the message shows where it is.
#[track_caller]
pub fn assert_lacks(text: &str, needle: &str, page: &str) {
    if let Some(at) = text.find(needle) {
        let start = text[..at]
            .char_indices()
            .rev()
            .nth(80)
            .map_or(0, |(i, _)| i);
        let end = (at + needle.len() + 80).min(text.len());
        let end = (end..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        panic!(
            "{page}: expected no {needle:?}, found it in: {:?}",
            &text[start..end]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>t</title></head><body>
        <main><h2 id="bewijs">Bewijs</h2>
        <ul><li class="card">een</li><li class="card">twee  <b>drie</b></li></ul>
        <a href="/raad/">Raad</a></main></body></html>"#;

    fn message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let err = std::panic::catch_unwind(f).expect_err("the assertion fails");
        err.downcast_ref::<String>().cloned().unwrap_or_default()
    }

    #[test]
    fn selections_read_text_and_attributes() {
        assert_eq!(select_text(PAGE, "li.card"), ["een", "twee drie"]);
        assert_eq!(select_attr(PAGE, "main a", "href"), ["/raad/"]);
        assert_eq!(count(PAGE, "h2#bewijs"), 1);
        assert_selects(PAGE, "li.card", "twee drie", "x.html");
        assert_attr(PAGE, "a", "href", "/raad/", "x.html");
        assert_count(PAGE, ".card", 2, "x.html");
        assert_none(PAGE, "form", "x.html");
        assert_contains(PAGE, "<h2 id=\"bewijs\">", "x.html");
        assert_lacks(PAGE, "<form", "x.html");
    }

    #[test]
    fn failures_name_page_selector_expected_and_found() {
        let m = message(|| assert_selects(PAGE, "li.card", "vier", "nieuws/index.html"));
        for part in [
            "nieuws/index.html",
            "`li.card`",
            "\"vier\"",
            "\"een\"",
            "\"twee drie\"",
        ] {
            assert!(m.contains(part), "{part} in {m}");
        }
        let m = message(|| assert_count(PAGE, ".card", 3, "p.html"));
        assert!(m.contains("selects 2 elements, expected 3"), "{m}");
        let m = message(|| assert_contains(PAGE, "Bewijs en meer", "p.html"));
        assert!(m.contains("p.html") && m.contains("Bewijs en meer"), "{m}");
        assert!(
            m.contains("<h2 id=\\\"bewijs\\\">Bewijs</h2>"),
            "the near line: {m}"
        );
        let m = message(|| assert_lacks(PAGE, "Raad", "p.html"));
        assert!(m.contains("<a href=\\\"/raad/\\\">Raad</a>"), "{m}");
    }
}
