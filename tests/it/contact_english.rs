//! The contact tool (/schrijf/) in English: the page's form, lists and
//! prepared messages rendered from the example site with the built-in
//! English strings, checked for Dutch outside `lang="nl"` the same way as
//! the guide (see [`crate::guide_english`]), and the English message to the
//! MEPs as a snapshot.

use crate::common;
use crate::guide_english::{dutch_leftovers, english, page};

use scraper::{Html, Selector};

/// The prepared message of the first link `css` selects, from its
/// `mailto:` address (subject and body decoded).
fn message(html: &str, css: &str) -> (String, String) {
    let doc = Html::parse_document(html);
    let link = doc
        .select(&Selector::parse(css).unwrap())
        .next()
        .unwrap_or_else(|| panic!("no {css} on the page"));
    let href = link.value().attr("href").unwrap();
    let query = href.split_once('?').unwrap().1;
    let field = |name: &str| {
        let value = query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .unwrap();
        percent_encoding::percent_decode_str(value)
            .decode_utf8()
            .unwrap()
            .replace("\r\n", "\n")
    };
    (field("subject"), field("body"))
}

#[test]
fn the_contact_page_reads_in_english() {
    let html = page(english(), "schrijf/index.html");
    let found = dutch_leftovers(&html, "main");
    assert!(
        found.is_empty(),
        "/schrijf/ in English shows Dutch outside lang=\"nl\":\n{}",
        found.join("\n")
    );
    let at = "en schrijf/index.html";
    common::html::assert_selects(
        &html,
        r#"label[for="contact-to"]"#,
        "Who are you writing to?",
        at,
    );
    common::html::assert_selects(
        &html,
        "h2#europarlement",
        "Dutch Members of the European Parliament",
        at,
    );
    common::html::assert_contains(
        &html,
        "Minister of Justice and Security, since 23 February 2026",
        at,
    );
    // The europarl.europa.eu search in English.
    common::html::assert_contains(
        &html,
        "https://www.europarl.europa.eu/meps/en/search/advanced?countryCode=NL",
        at,
    );
}

#[test]
fn every_prepared_message_is_english() {
    let html = page(english(), "schrijf/index.html");
    let at = "en schrijf/index.html";
    let links = common::html::select_attr(&html, "a[data-recipient]", "href");
    assert!(links.len() > 5, "{at}: {} recipients", links.len());
    for css in [
        r#"a[data-recipient][data-group="Minister"]"#,
        r#"a[data-recipient][data-group="European Parliament"]"#,
        "section.faction a[data-recipient]",
    ] {
        let (subject, body) = message(&html, css);
        assert_eq!(
            subject, "Chat control: protect confidential communication",
            "{css}"
        );
        assert!(body.starts_with("Dear "), "{css}: {body}");
        assert!(
            body.ends_with("Kind regards,\n\n[your name and town]"),
            "{css}: {body}"
        );
        let as_page = format!("<main><p>{}</p></main>", body.replace('<', "&lt;"));
        let found = dutch_leftovers(&as_page, "main");
        assert!(
            found.is_empty(),
            "{css}: Dutch in the message:\n{}\n{body}",
            found.join("\n")
        );
    }
}

#[test]
fn the_english_message_to_all_meps() {
    let html = page(english(), "schrijf/index.html");
    let (subject, body) = message(&html, r#"p.group-link a[data-group="European Parliament"]"#);
    insta::assert_snapshot!(
        "english_message_to_all_meps",
        format!("Subject: {subject}\n\n{body}")
    );
}
