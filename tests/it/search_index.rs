//! Builds the example site and reads the search index it publishes
//! (`/zoekindex/`): which pages are in it, that words are stemmed for Dutch
//! and split into sorted chunks, and that every file the search page reads
//! is there. The browser test `browser_search` runs real queries against it.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{build, read, site_copy};
use serde_json::Value;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = site_copy();
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    (site, out)
}

fn json(out: &Path, file: &str) -> Value {
    serde_json::from_str(&read(out, &format!("zoekindex/{file}")))
        .unwrap_or_else(|e| panic!("zoekindex/{file}: {e}"))
}

/// Every indexed page by address: its title and text.
fn pages(out: &Path) -> BTreeMap<String, (String, String)> {
    let count = json(out, "meta.json")["pages"].as_u64().unwrap();
    (0..count)
        .map(|i| {
            let page = json(out, &format!("pagina/{i}.json"));
            (
                page["url"].as_str().unwrap().to_string(),
                (
                    page["title"].as_str().unwrap().to_string(),
                    page["text"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

/// The pages a word form leads to, as the search page's script finds them.
fn pages_with(out: &Path, form: &str) -> Vec<String> {
    let meta = json(out, "meta.json");
    let chunks = meta["chunks"].as_array().unwrap();
    let at = chunks
        .iter()
        .rposition(|c| c[0].as_str().unwrap() <= form)
        .unwrap_or(0);
    let chunk = json(out, chunks[at][1].as_str().unwrap());
    let Some(stem) = chunk["words"][form].as_str() else {
        return Vec::new();
    };
    let urls: Vec<String> = pages(out).keys().cloned().collect();
    let order: Vec<String> = (0..urls.len())
        .map(|i| {
            json(out, &format!("pagina/{i}.json"))["url"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let postings = chunk["stems"][stem].as_array().unwrap();
    let mut page = 0;
    postings
        .chunks(2)
        .map(|pair| {
            page += pair[0].as_u64().unwrap() as usize;
            order[page].clone()
        })
        .collect()
}

#[test]
fn indexes_home_news_documents_guide_and_council_but_no_lists() {
    let (_site, out) = built();
    let pages = pages(&out);
    for url in [
        "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/",
        "/docs/uitleg/versleuteling/",
        "/stemwijzer2023/",
        "/stemwijzer2023/vvd/",
        "/raad/",
        // The home page is found by what it says about the campaign.
        "/",
    ] {
        assert!(
            pages.contains_key(url),
            "{url} is not in the index: {:?}",
            pages.keys()
        );
    }
    for url in ["/zoeken/", "/404.html", "/nieuws/", "/docs/", "/over/"] {
        assert!(!pages.contains_key(url), "{url} should not be in the index");
    }
    assert!(!pages.keys().any(|u| u.contains("/page/")), "pagination");
    let (title, party) = &pages["/stemwijzer2023/vvd/"];
    assert!(title.contains("VVD"), "party page title: {title}");
    assert!(party.contains("VVD"), "party page text: {party}");
    assert!(
        !party.contains("Hoofdmenu") && !party.contains("Kruimelpad"),
        "menus and breadcrumbs stay out of the indexed text"
    );
}

#[test]
fn words_are_stemmed_for_dutch_and_lead_to_their_pages() {
    let (_site, out) = built();
    let meta = json(&out, "meta.json");
    assert_eq!(meta["language"], "nl-NL");
    assert!(meta["version"].as_str().is_some_and(|v| !v.is_empty()));
    // "onthouding" is stored under its stem, with the other forms of it.
    let with_onthouding = pages_with(&out, "onthouding");
    assert!(
        with_onthouding.iter().any(|u| u == "/raad/"),
        "{with_onthouding:?}"
    );
    for (form, page) in [
        ("encryptie", "/stemwijzer2023/"),
        ("vvd", "/stemwijzer2023/vvd/"),
        ("e2ee", "/docs/uitleg/versleuteling/"),
        (
            "coreper",
            "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/",
        ),
    ] {
        let found = pages_with(&out, form);
        assert!(found.iter().any(|u| u == page), "{form}: {found:?}");
    }
}

#[test]
fn chunks_are_sorted_and_hold_every_stem_they_name() {
    let (_site, out) = built();
    let meta = json(&out, "meta.json");
    let chunks = meta["chunks"].as_array().unwrap();
    assert!(!chunks.is_empty());
    let firsts: Vec<&str> = chunks.iter().map(|c| c[0].as_str().unwrap()).collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
    for (i, c) in chunks.iter().enumerate() {
        let chunk = json(&out, c[1].as_str().unwrap());
        for (form, stem) in chunk["words"].as_object().unwrap() {
            assert!(form.as_str() >= firsts[i], "{form} before its chunk");
            assert!(
                firsts.get(i + 1).is_none_or(|next| form.as_str() < *next),
                "{form} after its chunk"
            );
            assert!(
                chunk["stems"].get(stem.as_str().unwrap()).is_some(),
                "{stem}"
            );
        }
    }
}

#[test]
fn the_search_page_points_at_the_index_and_lists_the_sections() {
    let (_site, out) = built();
    assert!(!out.join("pagefind").exists());
    assert!(!out.join("search-index.json").exists());
    let page = read(&out, "zoeken/index.html");
    assert!(page.contains("data-bundle=\"/zoekindex/\""));
    assert!(page.contains("<form id=\"search-form\"") && page.contains(" hidden>"));
    assert!(
        page.contains("href=\"/stemwijzer2023/\"") && page.contains("href=\"/raad/\""),
        "without JavaScript the page lists the sections"
    );
}
