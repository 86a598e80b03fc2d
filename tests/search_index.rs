//! Builds the example site and reads the search index it publishes: which
//! pages are in it, that it is stemmed for Dutch, split into chunks, and that
//! only the files the search page uses are published. The browser test
//! `browser_search` runs real queries against it.

mod common;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use common::{build, read, site_copy};

/// pagefind's files start with this signature once decompressed.
const SIGNATURE: &[u8] = b"pagefind_dcd";

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = site_copy();
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    (site, out)
}

fn unpack(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap();
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_end(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.starts_with(SIGNATURE), "{}", path.display());
    text[SIGNATURE.len()..].to_vec()
}

fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Every indexed page: its address and its indexed text.
fn fragments(out: &Path) -> BTreeMap<String, String> {
    files_in(&out.join("pagefind/fragment"))
        .iter()
        .map(|f| {
            let json: serde_json::Value = serde_json::from_slice(&unpack(f)).unwrap();
            (
                json["url"].as_str().unwrap().to_string(),
                json["content"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn indexes_news_documents_guide_and_council_but_no_lists() {
    let (_site, out) = built();
    let pages = fragments(&out);
    for url in [
        "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/",
        "/docs/uitleg/versleuteling/",
        "/stemwijzer2023/",
        "/stemwijzer2023/vvd/",
        "/raad/",
    ] {
        assert!(
            pages.contains_key(url),
            "{url} is not in the index: {:?}",
            pages.keys()
        );
    }
    for url in ["/", "/zoeken/", "/404.html", "/nieuws/", "/docs/", "/over/"] {
        assert!(!pages.contains_key(url), "{url} should not be in the index");
    }
    assert!(!pages.keys().any(|u| u.contains("/page/")), "pagination");
    let party = &pages["/stemwijzer2023/vvd/"];
    assert!(party.contains("VVD"), "party page text: {party}");
    assert!(
        !party.contains("Hoofdmenu") && !party.contains("Kruimelpad"),
        "menus and breadcrumbs stay out of the indexed text"
    );
}

#[test]
fn words_are_stemmed_for_dutch_and_split_into_chunks() {
    let (_site, out) = built();
    let entry: serde_json::Value =
        serde_json::from_str(&read(&out, "pagefind/pagefind-entry.json")).unwrap();
    let languages = entry["languages"].as_object().unwrap();
    assert_eq!(languages.keys().collect::<Vec<_>>(), ["nl"]);
    assert_eq!(
        languages["nl"]["wasm"], "nl",
        "Dutch stemming in the browser"
    );
    assert!(out.join("pagefind/wasm.nl.pagefind").is_file());

    let chunks = files_in(&out.join("pagefind/index"));
    assert!(!chunks.is_empty());
    let words: Vec<u8> = chunks.iter().flat_map(|c| unpack(c)).collect();
    let has = |word: &str| words.windows(word.len()).any(|w| w == word.as_bytes());
    // Stems: "onthouding" and "onthoudt" share "onthoud", "encryptie" is
    // stored as "encrypti".
    for stem in ["onthoud", "encrypti", "vvd", "e2ee", "coreper"] {
        assert!(has(stem), "no indexed word {stem}");
    }
}

#[test]
fn publishes_only_what_the_search_page_uses() {
    let (_site, out) = built();
    let bundle = out.join("pagefind");
    for file in ["pagefind.js", "pagefind-entry.json", "wasm.nl.pagefind"] {
        assert!(bundle.join(file).is_file(), "{file} is missing");
    }
    for file in files_in(&bundle) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.contains("-ui")
                && !name.contains("worker")
                && !name.ends_with(".css")
                && name != "playground",
            "{name}: pagefind's own interface is not used (its inline styles break the CSP)"
        );
    }
    assert!(!out.join("search-index.json").exists());
    let page = read(&out, "zoeken/index.html");
    assert!(page.contains("data-bundle=\"/pagefind/\""));
    assert!(page.contains("<form id=\"search-form\"") && page.contains(" hidden>"));
    assert!(
        page.contains("href=\"/stemwijzer2023/\"") && page.contains("href=\"/raad/\""),
        "without JavaScript the page lists the sections"
    );
}
