//! The Council moments on the site's timeline: the build exposes the loaded
//! Council data to templates (`council` global) before content pages are
//! rendered, and the shortcode `{{< raadsmomenten >}}` in
//! `content/tijdlijn.md` lists the moments of `data/council/moments.toml`.
//! A site without Council data still builds.

use crate::common;

use std::path::Path;

use chatcontrole::build::{BuildOptions, generate};
use chrono::DateTime;

fn build(site: &Path) -> chatcontrole::output::Output {
    let mut options = BuildOptions::new(site);
    options.now = Some(DateTime::parse_from_rfc3339("2025-12-01T12:00:00+01:00").unwrap());
    generate(&options)
        .unwrap_or_else(|d| panic!("build failed:\n{d}"))
        .output
}

fn page(out: &chatcontrole::output::Output, path: &str) -> String {
    let file = out
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

/// The part of the timeline the shortcode made.
fn moments_list(html: &str) -> &str {
    let start = html
        .find(r#"<ul class="council-moments">"#)
        .unwrap_or_else(|| panic!("no list of Council moments on /tijdlijn/:\n{html}"));
    let end = html[start..].find("</ul>").expect("closed list") + start;
    &html[start..end]
}

#[test]
fn timeline_lists_the_four_council_moments_in_order_with_sources() {
    let out = build(&common::example_site());
    let html = page(&out, "tijdlijn/index.html");
    let list = moments_list(&html);
    assert_eq!(list.matches("<li>").count(), 4, "{list}");
    let moments = [
        (
            "2024-06-20",
            "20 juni 2024",
            "Coreper",
            "België",
            "stemming afgeblazen",
            "netzpolitik.org",
        ),
        (
            "2024-10-10",
            "10 oktober 2024",
            "Raad Justitie en Binnenlandse Zaken",
            "Hongarije",
            "stemming afgeblazen",
            "security.nl",
        ),
        (
            "2025-10-14",
            "14 oktober 2025",
            "Raad Justitie en Binnenlandse Zaken",
            "Denemarken",
            "stemming afgeblazen",
            "golem.de",
        ),
        (
            "2025-11-26",
            "26 november 2025",
            "Coreper",
            "Denemarken",
            "akkoord bereikt",
            "panapress.com",
        ),
    ];
    let mut last = 0;
    for (iso, label, body, presidency, outcome, host) in moments {
        let at = list
            .find(&format!(r#"<time datetime="{iso}">{label}</time>"#))
            .unwrap_or_else(|| panic!("{label} is missing:\n{list}"));
        assert!(at >= last, "{label} is out of order");
        last = at;
        let item = &list[at..list[at..].find("</li>").map_or(list.len(), |e| at + e)];
        for expected in [body, presidency, outcome, host, "Tekst: "] {
            assert!(
                item.contains(expected),
                "{label}: no {expected:?} in\n{item}"
            );
        }
        assert!(
            item.contains(r#"rel="noopener">"#),
            "{label}: no source link"
        );
    }
    assert!(list.contains("Deens compromis van eind oktober 2025"));
    assert!(list.contains(r#"<a href="/raad/dk/">Denemarken</a>"#));
    assert!(html.contains("Beslismomenten in de Raad van de EU"));
    // The same procedure stages as /raad/, with a date or "nog niet".
    let stages = &html[html.find(r#"<ol class="council-stages">"#).expect("stages")..];
    let stages = &stages[..stages.find("</ol>").unwrap()];
    assert_eq!(stages.matches("<li>").count(), 7, "{stages}");
    assert!(stages.contains(r#"<time datetime="2025-11-26">26 november 2025</time>"#));
    assert!(stages.contains("Formele aanneming door de Raad</strong> — nog niet"));
    assert!(stages.contains("(volgende stap)"));
    assert!(
        !html.contains("raadsmomenten"),
        "the shortcode was not expanded"
    );
}

#[test]
fn the_list_follows_the_data() {
    let site = common::site_copy();
    let file = site.path().join("data/council/moments.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let last = text.rfind("[[moment]]").expect("a moment");
    std::fs::write(&file, &text[..last]).unwrap();
    let out = build(site.path());
    let html = page(&out, "tijdlijn/index.html");
    let list = moments_list(&html);
    assert_eq!(list.matches("<li>").count(), 3, "{list}");
    assert!(!list.contains("26 november 2025"));
}

#[test]
fn a_site_without_council_data_still_builds_its_timeline() {
    let site = common::site_copy();
    std::fs::remove_dir_all(site.path().join("data/council")).unwrap();

    // Pages that state a Council position through the fact shortcode cannot
    // be built without the data they cite: the build says which and why.
    let mut options = BuildOptions::new(site.path());
    options.now = Some(DateTime::parse_from_rfc3339("2025-12-01T12:00:00+01:00").unwrap());
    let refused = generate(&options)
        .err()
        .expect("pages citing missing Council data must not build")
        .to_string();
    assert!(refused.contains("tijdlijn.md"), "{refused}");
    assert!(
        refused.contains("raad-positie needs the Council data"),
        "{refused}"
    );

    // Without those citations the timeline builds, without its moments.
    let call = regex::Regex::new(r"\{\{<\s*raad-positie[^>]*>\}\}").unwrap();
    for page in walk_markdown(&site.path().join("content")) {
        let text = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, call.replace_all(&text, "(zie de Raad)").as_ref()).unwrap();
    }
    let out = build(site.path());
    let html = page(&out, "tijdlijn/index.html");
    assert!(!html.contains("council-moments"));
    assert!(html.contains("Er zijn nog geen momenten in de Raad van de EU vastgelegd."));
    assert!(out.get("raad/index.html").is_none());
}

/// Every Markdown file below `dir`.
fn walk_markdown(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walk_markdown(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
    found
}
