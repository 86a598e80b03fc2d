//! Share cards of the example site: every party page, every Council state
//! page and `/raad/` names its own 1200×630 PNG in `og:image` (with
//! `twitter:card=summary_large_image`); each card decodes, has that size and
//! stays under 100 KB. A second build into the same folder reuses the cards.

use crate::common;

use std::path::Path;

use resvg::tiny_skia::Pixmap;

/// The `content` of `<meta property|name="{name}" …>` in `html`.
fn meta(html: &str, name: &str) -> Option<String> {
    let at = html
        .find(&format!("property=\"{name}\""))
        .or_else(|| html.find(&format!("name=\"{name}\"")))?;
    let rest = &html[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    let end = rest[start..].find('"')?;
    Some(rest[start..start + end].to_string())
}

/// Every page that must have a card of its own, as output-relative HTML files.
fn pages_with_cards(out: &Path) -> Vec<String> {
    let mut pages = vec!["raad/index.html".to_string()];
    for dir in ["raad", "stemwijzer2023"] {
        for entry in std::fs::read_dir(out.join(dir)).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().to_string();
            let is_state = dir == "raad" && name.len() == 2;
            let is_party = dir == "stemwijzer2023"
                && !["oordeel", "kieskring", "hoogtepunten", "methode"].contains(&name.as_str());
            if entry.path().join("index.html").is_file() && (is_state || is_party) {
                pages.push(format!("{dir}/{name}/index.html"));
            }
        }
    }
    pages.sort();
    pages
}

#[test]
fn every_party_state_and_council_page_has_its_own_card() {
    let out = tempfile::tempdir().unwrap();
    common::build(&common::example_site(), out.path(), &[]);
    let pages = pages_with_cards(out.path());
    assert_eq!(pages.len(), 1 + 27 + 26, "{pages:?}");
    let mut seen = std::collections::BTreeSet::new();
    let mut largest = 0;
    for page in &pages {
        let html = common::read(out.path(), page);
        let image = meta(&html, "og:image").unwrap_or_else(|| panic!("{page} has no og:image"));
        assert_eq!(
            meta(&html, "twitter:card").as_deref(),
            Some("summary_large_image"),
            "{page}"
        );
        let path = image
            .strip_prefix("https://chatcontrole.nl/")
            .unwrap_or_else(|| panic!("{page}: {image} is not on the site"));
        assert!(
            seen.insert(path.to_string()),
            "{page} shares its card {path}"
        );
        let bytes = std::fs::read(out.path().join(path)).unwrap();
        assert!(bytes.len() < 100 * 1024, "{path}: {} bytes", bytes.len());
        largest = largest.max(bytes.len());
        let png = Pixmap::decode_png(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!((png.width(), png.height()), (1200, 630), "{path}");
    }
    println!("{} cards, the largest {largest} bytes", pages.len());

    // A second build reuses every card: same names, same bytes.
    let before = common::snapshot(&out.path().join("og"));
    common::build(&common::example_site(), out.path(), &[]);
    assert_eq!(common::snapshot(&out.path().join("og")), before);
}

#[test]
fn pages_without_a_card_keep_their_own_image() {
    let out = tempfile::tempdir().unwrap();
    common::build(&common::example_site(), out.path(), &[]);
    let home = common::read(out.path(), "index.html");
    assert_eq!(
        meta(&home, "og:image").as_deref(),
        Some("https://chatcontrole.nl/images/slot-bericht.svg")
    );
}
