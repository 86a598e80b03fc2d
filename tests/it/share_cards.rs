//! Share cards of the example site: every party page, every Council state
//! page, `/raad/`, the home page, every news post and `/schrijf/` names its
//! own 1200×630 PNG in `og:image` (with `twitter:card=summary_large_image`);
//! each card decodes, has that size and stays under 100 KB. A second build
//! into the same folder reuses the cards; the Council's cards do not change
//! with the build day; an SVG image is never offered as `og:image`.

use crate::common;

use std::path::Path;
use std::sync::OnceLock;

use resvg::tiny_skia::Pixmap;
use test_case::test_case;

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

/// The example site built once for the tests that only read it.
fn example_build() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        common::build(&common::example_site(), out.path(), &[]);
        out
    })
    .path()
}

/// The output path of the PNG card `page` names as its share image, after
/// checking it: the page offers it as a large image, and the file's PNG
/// header says 1200×630, the whole file decodes and is under 100 KB.
fn checked_card(out: &Path, page: &str) -> String {
    let html = common::read(out, page);
    let image = meta(&html, "og:image").unwrap_or_else(|| panic!("{page} has no og:image"));
    assert_eq!(
        meta(&html, "twitter:card").as_deref(),
        Some("summary_large_image"),
        "{page}"
    );
    assert_eq!(meta(&html, "og:image:type").as_deref(), Some("image/png"));
    let path = image
        .strip_prefix("https://chatcontrole.nl/")
        .unwrap_or_else(|| panic!("{page}: {image} is not on the site"))
        .to_string();
    assert!(path.starts_with("og/") && path.ends_with(".png"), "{path}");
    let bytes = std::fs::read(out.join(&path)).unwrap();
    assert!(bytes.len() < 100 * 1024, "{path}: {} bytes", bytes.len());
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{path}");
    assert_eq!(&bytes[12..16], b"IHDR", "{path}");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1200, 630), "{path}");
    Pixmap::decode_png(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    path
}

#[test_case("index.html", "og/home-" ; "home")]
#[test_case("nieuws/tijdelijke-scanregels-vervallen/index.html", "og/nieuws-tijdelijke-scanregels-vervallen-" ; "news post")]
#[test_case("nieuws/raad-stelt-stemming-uit-juni-2024/index.html", "og/nieuws-raad-stelt-stemming-uit-juni-2024-" ; "news post with an svg image")]
#[test_case("schrijf/index.html", "og/schrijf-" ; "schrijf")]
#[test_case("raad/index.html", "og/raad-" ; "raad")]
fn the_page_shares_its_own_png_card(page: &str, name: &str) {
    let path = checked_card(example_build(), page);
    assert!(path.starts_with(name), "{page}: {path}");
}

#[test]
fn every_news_post_has_a_card() {
    let out = example_build();
    let mut posts = 0;
    for entry in std::fs::read_dir(out.join("nieuws")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        // The section's list pages are not posts.
        if name == "page" || !dir.join("index.html").is_file() {
            continue;
        }
        let page = format!("nieuws/{name}/index.html");
        // An old address that redirects to a post is not a post.
        if common::read(out, &page).contains("http-equiv=\"refresh\"") {
            continue;
        }
        checked_card(out, &page);
        posts += 1;
    }
    assert!(posts >= 10, "{posts} news posts");
}

#[test]
fn the_council_cards_do_not_change_with_the_build_day() {
    let cards = |today: &str| {
        let out = tempfile::tempdir().unwrap();
        common::build(&common::example_site(), out.path(), &["--today", today]);
        ["raad/index.html", "raad/nl/index.html"].map(|page| {
            let path = checked_card(out.path(), page);
            (path.clone(), std::fs::read(out.path().join(&path)).unwrap())
        })
    };
    let first = cards("2026-12-04");
    let second = cards("2026-12-19");
    assert_eq!(first[0].0, second[0].0, "the /raad/ card's name");
    assert!(first[0].1 == second[0].1, "the /raad/ card's bytes");
    assert_eq!(first[1].0, second[1].0, "the /raad/nl/ card's name");
}

#[test]
fn an_svg_image_is_never_the_share_image() {
    let site = common::site_copy();
    // A page without a card of its own whose only image is an SVG.
    let over = std::fs::read_to_string(site.path().join("content/over.md")).unwrap();
    let over = over.replacen(
        "draft: false\n",
        "draft: false\nimages: [\"/images/slot-bericht.svg\"]\n",
        1,
    );
    assert!(over.contains("slot-bericht.svg"));
    common::write(site.path(), "content/over.md", &over);
    let out = tempfile::tempdir().unwrap();
    common::build(site.path(), out.path(), &[]);
    let html = common::read(out.path(), "over/index.html");
    assert_eq!(meta(&html, "og:image"), None, "{html}");
    assert_eq!(meta(&html, "twitter:image"), None);
    assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary"));
}
