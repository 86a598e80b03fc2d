//! Sites with several languages, as Hugo's multilingual mode has them: the
//! default language at `/`, others under `/<code>/`, pages linked to their
//! translations by file path or `translationKey`, per-language feeds,
//! sitemaps and search indexes, static files once at the root, and
//! interface strings from `i18n/` with a warning for a missing key.

use crate::common::{self, html};
use std::collections::BTreeSet;
use std::path::Path;

/// The smallest theme that shows what the build gives templates about
/// languages: `alternates(page)`, `T()` and the formats.
const BASE: &str = r#"<!doctype html><html lang="{{ site.language }}"><head><title>{{ page.title }}</title>
<link rel="stylesheet" href="{{ rel_url('/css/site.css') }}">
{%- for a in alternates(page) if a.translation %}
<link rel="alternate" hreflang="{{ a.hreflang }}" href="{{ a.permalink }}">
{%- endfor %}
</head><body>
<nav class="switch">{% for a in alternates(page) if not a.current %}<a hreflang="{{ a.hreflang }}" data-translation="{{ a.translation }}" href="{{ a.url }}">{{ a.name }}</a>{% endfor %}</nav>
<p class="greeting">{{ T("greeting") }}</p>
<p class="count">{{ T("posts", 3) }}</p>
<p class="number">{{ 451028881 | number }}</p>
<p class="list">{{ ["A", "B", "C"] | join_list }}</p>
<main>{% block main %}{% endblock %}</main></body></html>
"#;
const PAGE: &str = r#"{% extends "base.html" %}{% block main %}<h1>{{ page.title }}</h1><p class="date">{{ page.date_display }}</p>{{ page.content }}{% endblock %}"#;

fn theme(site: &Path) {
    common::write(site, "templates/base.html", BASE);
    for name in [
        "index.html",
        "list.html",
        "single.html",
        "404.html",
        "search.html",
    ] {
        common::write(site, &format!("templates/{name}"), PAGE);
    }
    common::write(site, "static/css/site.css", "body{}");
    common::write(
        site,
        "i18n/nl.toml",
        "greeting = \"Hallo\"\n[posts]\none = \"{{ .Count }} bericht\"\nother = \"{{ .Count }} berichten\"\n",
    );
    common::write(
        site,
        "i18n/en.yaml",
        "greeting: Hello\nposts:\n  one: \"{{ .Count }} post\"\n  other: \"{{ .Count }} posts\"\n",
    );
}

const SETTINGS: &str =
    "title = \"Chatcontrole\"\nbase_url = \"https://example.org/\"\nlanguage = \"nl-NL\"\n";
const LANGUAGES: &str = "[languages.nl]\nname = \"Nederlands\"\nweight = 1\n[languages.en]\nname = \"English\"\nlanguage_code = \"en-GB\"\nweight = 2\ntitle = \"Chat control\"\n";

/// A site with Dutch and English pages in one content folder (`*.en.md`).
fn by_file_name(site: &Path) {
    theme(site);
    common::write(site, "site.toml", &format!("{SETTINGS}{LANGUAGES}"));
    common::write(
        site,
        "content/_index.md",
        "---\ntitle: Thuis\n---\nWelkom.\n",
    );
    common::write(
        site,
        "content/_index.en.md",
        "---\ntitle: Home\n---\nWelcome.\n",
    );
    common::write(
        site,
        "content/over.md",
        "---\ntitle: Over ons\n---\nWie wij zijn.\n",
    );
    common::write(
        site,
        "content/over.en.md",
        "---\ntitle: About us\nslug: about\n---\nWho we are. ![lock](/images/lock.svg)\n",
    );
    common::write(
        site,
        "content/nieuws/_index.md",
        "---\ntitle: Nieuws\n---\n",
    );
    common::write(
        site,
        "content/nieuws/alleen-nl.md",
        "---\ntitle: Alleen Nederlands\ndate: 2025-09-09\n---\nTekst.\n",
    );
    common::write(
        site,
        "content/nieuws/bundel/index.md",
        "---\ntitle: Bundel\ndate: 2025-09-10\n---\n![kaart](kaart.svg)\n",
    );
    common::write(
        site,
        "content/nieuws/bundel/kaart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    common::write(
        site,
        "static/images/lock.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
}

fn html_files(out: &Path) -> BTreeSet<String> {
    common::snapshot(out)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| p.ends_with(".html"))
        .collect()
}

#[test]
fn each_language_is_published_in_its_folder_with_statics_once_at_the_root() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    by_file_name(&site);
    common::build(&site, &out, &[]);
    let files = html_files(&out);
    for expected in [
        "index.html",
        "over/index.html",
        "nieuws/index.html",
        "nieuws/alleen-nl/index.html",
        "nieuws/bundel/index.html",
        "en/index.html",
        "en/about/index.html",
        "nl/index.html",
        "404.html",
        "en/404.html",
    ] {
        assert!(
            files.contains(expected),
            "{expected} missing from {files:?}"
        );
    }
    assert!(
        !files.contains("en/nieuws/alleen-nl/index.html"),
        "an untranslated page is Dutch only"
    );
    assert!(out.join("nieuws/bundel/kaart.svg").is_file());
    assert!(
        !out.join("en/nieuws/bundel/kaart.svg").exists(),
        "a Dutch bundle's picture stays with it"
    );
    assert!(out.join("css/site.css").is_file());
    assert!(
        !out.join("en/css").exists(),
        "static files are published once"
    );
    let about = common::read(&out, "en/about/index.html");
    html::assert_attr(
        &about,
        "link[rel=stylesheet]",
        "href",
        "/css/site.css",
        "en/about",
    );
    html::assert_attr(&about, "main img", "src", "/images/lock.svg", "en/about");
    html::assert_attr(&about, "html", "lang", "en-GB", "en/about");
    // The Dutch default language's folder is Hugo's redirect to the root.
    let redirect = common::read(&out, "nl/index.html");
    html::assert_attr(
        &redirect,
        "meta[http-equiv=refresh]",
        "content",
        "0; url=https://example.org/",
        "nl/",
    );
}

#[test]
fn feeds_sitemaps_and_robots_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    by_file_name(&site);
    common::build(&site, &out, &[]);
    let index = common::read(&out, "sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index}");
    let locs = html::select_text(
        &index.replace(
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>",
            "",
        ),
        "loc",
    );
    assert_eq!(
        locs,
        [
            "https://example.org/nl/sitemap.xml",
            "https://example.org/en/sitemap.xml"
        ]
    );
    let nl = common::read(&out, "nl/sitemap.xml");
    let en = common::read(&out, "en/sitemap.xml");
    assert!(
        nl.contains("<loc>https://example.org/over/</loc>") && !nl.contains("/en/"),
        "{nl}"
    );
    assert!(
        en.contains("<loc>https://example.org/en/about/</loc>") && !en.contains("/over/"),
        "{en}"
    );
    assert!(out.join("index.xml").is_file() && out.join("en/index.xml").is_file());
    let feed = common::read(&out, "index.xml");
    assert!(feed.contains("Alleen Nederlands") && !feed.contains("About us"));
    assert!(common::read(&out, "robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
    assert!(!out.join("en/robots.txt").exists());
    assert!(
        out.join("zoekindex").is_dir() && out.join("en/zoekindex").is_dir(),
        "a search index per language"
    );
}

#[test]
fn hreflang_pairs_are_symmetric_and_the_switch_falls_back_to_the_home_page() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    by_file_name(&site);
    common::build(&site, &out, &[]);
    // page → (hreflang → href) for every HTML page of both languages.
    let mut links = std::collections::BTreeMap::new();
    for file in html_files(&out) {
        let page = common::read(&out, &file);
        let own = format!(
            "https://example.org/{}",
            file.trim_end_matches("index.html")
        );
        let alternates: Vec<(String, String)> =
            html::select_attr(&page, "link[rel=alternate][hreflang]", "hreflang")
                .into_iter()
                .zip(html::select_attr(
                    &page,
                    "link[rel=alternate][hreflang]",
                    "href",
                ))
                .collect();
        links.insert(own, alternates);
    }
    let mut pairs = 0;
    for (page, alternates) in &links {
        for (_, href) in alternates {
            let back = links
                .get(href)
                .unwrap_or_else(|| panic!("{page} points at {href}, which is not a page"));
            assert!(
                back.iter().any(|(_, h)| h == page),
                "{href} does not point back at {page}: {back:?}"
            );
            pairs += 1;
        }
    }
    assert!(pairs >= 4, "home and about are translated: {links:?}");
    let over = common::read(&out, "over/index.html");
    html::assert_attr(&over, ".switch a", "href", "/en/about/", "over");
    html::assert_attr(&over, ".switch a", "data-translation", "True", "over");
    let only_dutch = common::read(&out, "nieuws/alleen-nl/index.html");
    html::assert_attr(&only_dutch, ".switch a", "href", "/en/", "alleen-nl");
    html::assert_attr(
        &only_dutch,
        ".switch a",
        "data-translation",
        "False",
        "alleen-nl",
    );
    html::assert_none(&only_dutch, "link[rel=alternate][hreflang]", "alleen-nl");
}

#[test]
fn strings_dates_numbers_and_lists_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    by_file_name(&site);
    common::build(&site, &out, &[]);
    let nl = common::read(&out, "nieuws/alleen-nl/index.html");
    let en = common::read(&out, "en/about/index.html");
    let texts = |page: &str| {
        [".greeting", ".count", ".number", ".list"].map(|css| html::select_text(page, css).concat())
    };
    assert_eq!(
        texts(&nl),
        ["Hallo", "3 berichten", "451.028.881", "A, B en C"]
    );
    assert_eq!(
        texts(&en),
        ["Hello", "3 posts", "451,028,881", "A, B and C"]
    );
    html::assert_selects(&nl, ".date", "9 september 2025", "alleen-nl");
}

#[test]
fn folders_per_language_and_translation_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    theme(&site);
    common::write(
        &site,
        "site.toml",
        &format!(
            "{SETTINGS}default_content_language_in_subdir = true\n{}",
            LANGUAGES
                .replace("weight = 1\n", "weight = 1\ncontent_dir = \"content/nl\"\n")
                .replace("weight = 2\n", "weight = 2\ncontent_dir = \"content/en\"\n")
        ),
    );
    common::write(&site, "content/nl/_index.md", "---\ntitle: Thuis\n---\n");
    common::write(&site, "content/en/_index.md", "---\ntitle: Home\n---\n");
    common::write(
        &site,
        "content/nl/nieuws/stemming.md",
        "---\ntitle: Stemming\ntranslationKey: vote\n---\n",
    );
    common::write(
        &site,
        "content/en/news/the-vote.md",
        "---\ntitle: The vote\ntranslationKey: vote\n---\n",
    );
    common::build(&site, &out, &[]);
    let files = html_files(&out);
    for expected in [
        "index.html",
        "nl/index.html",
        "nl/nieuws/stemming/index.html",
        "en/news/the-vote/index.html",
    ] {
        assert!(
            files.contains(expected),
            "{expected} missing from {files:?}"
        );
    }
    let root = common::read(&out, "index.html");
    html::assert_attr(
        &root,
        "meta[http-equiv=refresh]",
        "content",
        "0; url=https://example.org/nl/",
        "/",
    );
    let vote = common::read(&out, "nl/nieuws/stemming/index.html");
    html::assert_attr(
        &vote,
        "link[hreflang=en-GB]",
        "href",
        "https://example.org/en/news/the-vote/",
        "stemming",
    );
}

#[test]
fn a_missing_translation_is_a_warning_with_the_template_and_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    by_file_name(&site);
    common::write(&site, "i18n/en.yaml", "greeting: Hello\n");
    let result = common::run(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&result.stderr).replace(site.to_str().unwrap(), "SITE");
    assert!(result.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning[i18n-key-untranslated]: SITE/templates/base.html:9:21: the interface string `posts` has no translation in language `en`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("add `posts = \"…\"` to SITE/i18n/en.yaml"),
        "{stderr}"
    );
    // Until then the English page shows the default language's text.
    html::assert_selects(
        &common::read(&out, "en/about/index.html"),
        ".count",
        "3 berichten",
        "en/about",
    );
}

#[test]
fn a_site_with_one_language_is_built_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let (site, out) = (dir.path().join("site"), dir.path().join("out"));
    theme(&site);
    common::write(&site, "site.toml", SETTINGS);
    common::write(&site, "content/_index.md", "---\ntitle: Thuis\n---\n");
    common::build(&site, &out, &[]);
    assert!(common::read(&out, "sitemap.xml").contains("<urlset"));
    assert!(!out.join("nl").exists() && !out.join("en").exists());
    let home = common::read(&out, "index.html");
    html::assert_none(&home, "link[rel=alternate][hreflang]", "home");
    html::assert_none(&home, ".switch a", "home");
    html::assert_selects(&home, ".greeting", "Hallo", "home");
}
