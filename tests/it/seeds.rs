//! The seed documents that started the project, read at test time from
//! `../shared/seeds/`, must come out of the engine intact.

use crate::common;

use common::{build, read, seed, site_copy, write};
use regex::Regex;

const NEWS_SEED: &str = "001_3bf8836c5ca33bb1.txt";
const GUIDE_SEED: &str = "000_b75f5f2a0c8728ac.txt";
const NEWS_PATH: &str = "nieuws/nederland-niet-langer-tegen-chatcontrole";

#[test]
fn news_seed_becomes_a_complete_article() {
    let Some(text) = seed(NEWS_SEED) else { return };
    let site = site_copy();
    write(site.path(), &format!("content/{NEWS_PATH}.md"), &text);
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);

    let html = read(&out, &format!("{NEWS_PATH}/index.html"));
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap()
        .trim()
        .trim_matches('"')
        .to_string();
    assert!(
        html.contains(&format!("<h1 id=\"titel\">{title}</h1>")),
        "title shown"
    );
    assert!(
        html.contains("<time datetime=\"2025-11-24\">24 november 2025</time>"),
        "date shown"
    );
    let description = text
        .lines()
        .find_map(|l| l.strip_prefix("description: "))
        .unwrap()
        .trim()
        .trim_matches('"');
    assert!(
        html.contains(&format!(
            "<meta name=\"description\" content=\"{description}\">"
        )),
        "description meta"
    );
    // __bold__ lead paragraph and _emphasis_ inside it.
    assert!(
        html.contains("<p><strong>Nederland stemt niet langer"),
        "strong lead"
    );
    assert!(html.contains("<em>spyware</em>"), "emphasis");
    // Every link of the seed is kept with its address.
    let links = Regex::new(r"\]\((https?://[^)]+)\)").unwrap();
    let urls: Vec<String> = links
        .captures_iter(&text)
        .map(|c| c[1].to_string())
        .collect();
    assert!(urls.len() >= 2);
    for url in &urls {
        assert!(html.contains(&format!("href=\"{url}\"")), "link {url} kept");
    }
    // Headings get Hugo ids.
    assert!(html.contains("<h2 id=\"wortel-en-stok\">"));

    let list_pages: String = ["nieuws/index.html", "nieuws/page/2/index.html"]
        .iter()
        .filter(|p| out.join(p).exists())
        .map(|p| read(&out, p))
        .collect();
    assert!(
        list_pages.contains(&format!("href=\"/{NEWS_PATH}/\"")),
        "listed in /nieuws/"
    );
    let feed = read(&out, "nieuws/index.xml");
    assert!(
        feed.contains(&format!(
            "<link>https://chatcontrole.nl/{NEWS_PATH}/</link>"
        )),
        "in the news feed"
    );
    assert!(feed.contains("<pubDate>Mon, 24 Nov 2025 00:00:00 +0000</pubDate>"));
}

#[test]
fn guide_seed_renders_as_a_plain_page_with_table_and_footnotes() {
    let Some(text) = seed(GUIDE_SEED) else { return };
    let site = site_copy();
    write(
        site.path(),
        "content/docs/stemwijzer-2023-origineel.md",
        &text,
    );
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    let html = read(&out, "docs/stemwijzer-2023-origineel/index.html");

    let tbody = html
        .split("<tbody>")
        .nth(1)
        .expect("table body")
        .split("</tbody>")
        .next()
        .unwrap();
    assert_eq!(tbody.matches("<tr>").count(), 26, "26 parties");
    assert!(html.contains("<th scope=\"col\">Partij</th>"));
    assert!(
        tbody.contains("data-label=\"Oordeel\""),
        "cells are labelled for the phone layout"
    );

    for n in 1..=4 {
        assert!(
            html.contains(&format!("<li id=\"fn:{n}\">")),
            "footnote {n} exists"
        );
        assert!(
            html.contains(&format!("href=\"#fn:{n}\"")),
            "footnote {n} is referenced"
        );
        assert!(
            html.contains(&format!("id=\"fnref:{n}\"")),
            "reference {n} has an id"
        );
        assert!(
            html.contains(&format!("href=\"#fnref:{n}\" class=\"footnote-backref\"")),
            "footnote {n} links back"
        );
    }
    assert!(!html.contains("<li id=\"fn:5\">"));
}
