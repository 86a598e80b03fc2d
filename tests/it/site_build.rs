//! Builds the example site into a temporary folder and checks the result:
//! the required files, feeds, sitemap, search, base URL handling and that no
//! page loads anything from another host.

use crate::common;

use std::path::Path;

use common::html;
use common::{build, read, site_copy, snapshot};
use regex::Regex;

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let site = site_copy();
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    (site, out)
}

#[test]
fn writes_every_required_file() {
    let (_site, out) = built();
    for file in [
        "index.html",
        "nieuws/index.html",
        "nieuws/index.xml",
        "index.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "_headers",
        "zoeken/index.html",
        "zoekindex/meta.json",
        "js/search.js",
        "css/site.css",
        "docs/index.html",
        "doen/index.html",
        "over/index.html",
        "tijdlijn/index.html",
    ] {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
}

#[test]
fn home_shows_the_three_newest_posts() {
    let (_site, out) = built();
    let home = read(&out, "index.html");
    let recent = home
        .split("id=\"laatste-nieuws\"")
        .nth(1)
        .expect("index.html: no element with id=\"laatste-nieuws\" (the recent news block)");
    assert_eq!(
        recent.matches("class=\"card\"").count(),
        3,
        "index.html: the cards after id=\"laatste-nieuws\""
    );
    html::assert_count(
        &home,
        r#"section[aria-labelledby="laatste-nieuws"] li.card"#,
        3,
        "index.html",
    );
}

#[test]
fn feeds_are_valid_rss_with_absolute_links() {
    let (_site, out) = built();
    for feed in ["index.xml", "nieuws/index.xml"] {
        let xml = read(&out, feed);
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let items: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("item"))
            .collect();
        assert!(
            !items.is_empty() && items.len() <= 20,
            "{feed} has {} items",
            items.len()
        );
        for link in doc
            .descendants()
            .filter(|n| n.has_tag_name("link") && n.tag_name().namespace().is_none())
        {
            assert!(
                link.text()
                    .unwrap_or("")
                    .starts_with("https://chatcontrole.nl/"),
                "{feed}: {:?}",
                link.text()
            );
        }
    }
}

#[test]
fn sitemap_lists_pages_and_robots_points_at_it() {
    let (_site, out) = built();
    let locs_of = |file: &str| -> Vec<String> {
        let xml = read(&out, file);
        let doc = roxmltree::Document::parse(&xml).expect("valid sitemap");
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .filter_map(|n| n.text())
            .map(str::to_string)
            .collect()
    };
    // Two languages: as in Hugo, /sitemap.xml is an index of one sitemap per language.
    assert_eq!(
        locs_of("sitemap.xml"),
        [
            "https://chatcontrole.nl/nl/sitemap.xml",
            "https://chatcontrole.nl/en/sitemap.xml"
        ]
    );
    let english = locs_of("en/sitemap.xml");
    assert!(
        english
            .iter()
            .all(|l| l.starts_with("https://chatcontrole.nl/en/")),
        "en/sitemap.xml lists a page outside /en/: {english:?}"
    );
    assert!(english.contains(&"https://chatcontrole.nl/en/raad/".to_string()));
    let locs = locs_of("nl/sitemap.xml");
    for expected in [
        "https://chatcontrole.nl/nieuws/",
        "https://chatcontrole.nl/",
    ] {
        assert!(
            locs.iter().any(|l| l == expected),
            "nl/sitemap.xml: no <loc>{expected}</loc> among {locs:?}"
        );
    }
    assert!(
        !locs.iter().any(|l| l.contains("/en/")),
        "nl/sitemap.xml lists an English page"
    );
    let hidden: Vec<&String> = locs
        .iter()
        .filter(|l| l.contains("404") || l.contains("/zoeken/"))
        .collect();
    assert!(
        hidden.is_empty(),
        "sitemap.xml lists the 404 or search page: {hidden:?}"
    );
    html::assert_contains(
        &read(&out, "robots.txt"),
        "Sitemap: https://chatcontrole.nl/sitemap.xml",
        "robots.txt",
    );
}

#[test]
fn news_list_is_newest_first_and_paginated() {
    let (_site, out) = built();
    let list = read(&out, "nieuws/index.html");
    let dates: Vec<String> = Regex::new(r#"<time datetime="([0-9-]+)""#)
        .unwrap()
        .captures_iter(&list)
        .map(|c| c[1].to_string())
        .collect();
    assert!(
        !dates.is_empty() && dates.len() <= 10,
        "nieuws/index.html: 1 to 10 <time datetime> on the first page, found {dates:?}"
    );
    assert_eq!(
        html::select_attr(&list, "time[datetime]", "datetime")
            .iter()
            .filter(|d| d.chars().all(|c| c.is_ascii_digit() || c == '-'))
            .count(),
        dates.len(),
        "nieuws/index.html: the <time datetime> elements the parser sees"
    );
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
}

#[test]
fn pages_have_canonical_open_graph_and_article_data() {
    let (_site, out) = built();
    let post = std::fs::read_dir(out.join("nieuws"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path().join("index.html"))
        .find(|p| p.is_file() && !p.to_string_lossy().contains("/page/"))
        .expect("a news post");
    let page = post.strip_prefix(&out).unwrap().display().to_string();
    let html = std::fs::read_to_string(&post).unwrap();
    html::assert_contains(
        &html,
        "<link rel=\"canonical\" href=\"https://chatcontrole.nl/nieuws/",
        &page,
    );
    html::assert_exists(
        &html,
        r#"head link[rel="canonical"][href^="https://chatcontrole.nl/nieuws/"]"#,
        &page,
    );
    html::assert_exists(&html, r#"head meta[property="og:title"][content]"#, &page);
    html::assert_exists(&html, r#"head meta[name="twitter:card"][content]"#, &page);
    let json_ld = html
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap_or_else(|| panic!("{page}: no <script type=\"application/ld+json\">"))
        .split("</script>")
        .next()
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(json_ld)
        .unwrap_or_else(|e| panic!("{page}: JSON-LD is not valid JSON ({e}):\n{json_ld}"));
    let types: Vec<&str> = value["@graph"]
        .as_array()
        .unwrap_or_else(|| panic!("{page}: JSON-LD has no @graph"))
        .iter()
        .filter_map(|node| node["@type"].as_str())
        .collect();
    assert_eq!(
        types,
        [
            "Organization",
            "WebSite",
            "WebPage",
            "BreadcrumbList",
            "NewsArticle"
        ],
        "{page}: JSON-LD types"
    );
}

#[test]
fn base_url_option_changes_every_absolute_link() {
    let site = site_copy();
    let out = site.path().join("uitvoer");
    build(
        site.path(),
        &out,
        &["--base-url", "https://voorbeeld.org/campagne/"],
    );
    let absolute = [
        Regex::new(r#"rel="canonical" href="([^"]+)""#).unwrap(),
        Regex::new(r#"property="og:url" content="([^"]+)""#).unwrap(),
    ];
    let root_link = Regex::new(r#"(?:href|src)="(/[^"/][^"]*)""#).unwrap();
    for (file, bytes) in snapshot(&out) {
        let text = String::from_utf8_lossy(&bytes);
        let name = file.to_string_lossy();
        if name.ends_with(".xml") || name.ends_with(".txt") {
            assert!(
                !text.contains("https://chatcontrole.nl/"),
                "{name} still names the old address"
            );
        }
        if name.ends_with(".html") {
            for pattern in &absolute {
                for caps in pattern.captures_iter(&text) {
                    assert!(
                        caps[1].starts_with("https://voorbeeld.org/campagne/"),
                        "{name}: {}",
                        &caps[1]
                    );
                }
            }
            for caps in root_link.captures_iter(&text) {
                assert!(
                    caps[1].starts_with("/campagne/"),
                    "{name}: root link {} lacks the path",
                    &caps[1]
                );
            }
        }
    }
}

#[test]
fn no_page_loads_anything_from_another_host() {
    let (_site, out) = built();
    let resource = Regex::new(
        r#"(?is)<(?:script|img|iframe|frame|audio|video|source|track|embed|object)\b[^>]*\s(?:src|data|poster)\s*=\s*"([^"]*)"|<link\b[^>]*\bhref\s*=\s*"([^"]*)"[^>]*>|url\(\s*['"]?([^'")]+)"#,
    )
    .unwrap();
    let link_rel = Regex::new(r#"(?i)<link\b[^>]*\brel="(canonical|alternate)""#).unwrap();
    for (file, bytes) in snapshot(&out) {
        let name = file.to_string_lossy();
        if !(name.ends_with(".html") || name.ends_with(".css")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        for caps in resource.captures_iter(&text) {
            if link_rel.is_match(&caps[0]) {
                continue; // links to this site's own pages and feeds, not loaded resources
            }
            let url = caps
                .get(1)
                .or(caps.get(2))
                .or(caps.get(3))
                .unwrap()
                .as_str();
            let external =
                url.starts_with("http:") || url.starts_with("https:") || url.starts_with("//");
            assert!(!external, "{name} loads {url} from another host");
        }
    }
}

#[test]
fn headers_file_has_a_strict_content_security_policy_the_pages_meet() {
    let (_site, out) = built();
    let headers = read(&out, "_headers");
    html::assert_contains(
        &headers,
        "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'",
        "_headers",
    );
    let script_tag = Regex::new(r"<script\b([^>]*)>").unwrap();
    for (file, bytes) in snapshot(&out) {
        if !file.to_string_lossy().ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        assert!(
            !html.contains(" style=\""),
            "{}: inline style breaks the CSP",
            file.display()
        );
        for script in script_tag.captures_iter(&html) {
            let attrs = &script[1];
            assert!(
                attrs.contains("src=") || attrs.contains("application/ld+json"),
                "{}: inline script breaks the CSP",
                file.display()
            );
        }
    }
}

#[test]
fn out_option_accepts_any_folder() {
    let site = site_copy();
    let nested = tempfile::tempdir().unwrap();
    let out = nested.path().join("diep/in/de/boom");
    build(site.path(), &out, &[]);
    assert!(
        out.join("index.html").is_file(),
        "{}: no index.html",
        out.display()
    );
    assert!(
        !Path::new(&site.path().join("public")).exists(),
        "the build wrote the site's own public/ folder too"
    );
}

#[test]
fn check_passes_on_the_example_site() {
    let site = site_copy();
    let result = common::run(&["check", "--site", site.path().to_str().unwrap()]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

#[test]
fn typographer_is_on_by_default_and_site_toml_can_switch_it_off() {
    let page = "docs/uitleg/het-voorstel/index.html";
    let (_site, out) = built();
    html::assert_contains(&read(&out, page), "Zo’n bevel", page);

    let site = site_copy();
    let settings = site.path().join("site.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        format!("{text}\n[markdown]\ntypographer = false\n"),
    )
    .unwrap();
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    let html = read(&out, page);
    html::assert_contains(&html, "Zo'n bevel", page);
    html::assert_lacks(&html, "“vrijwillig”", page);
}
