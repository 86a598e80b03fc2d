//! `import hugo` carries what a Doks site says about itself and how it
//! published its lists: the name from `params.titleHome` of the language
//! while `title` is empty, `languageCode = "nl-NL"`, the default image from
//! `params.images`, `rssLimit`, and a section of more than ten pages whose
//! list template has no paginator. With `hugo` installed the built pages'
//! titles, `og:image`, `og:type`, `<html lang>`, feed item counts and list
//! page counts are compared with Hugo's own build of the fixture
//! (`CHATCONTROLE_HUGO_TESTS=required` makes that part mandatory).

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{self, build, html, write};
use crate::import_hugo::{fixture, fixture_copy, hugo_build, import, migrated};

/// The lines of site.toml before its first table (menus and params belong to others' tests).
fn top_keys(site_toml: &str) -> String {
    site_toml
        .lines()
        .take_while(|l| !l.starts_with('['))
        .collect::<Vec<_>>()
        .join("\n")
}

fn report_section(report: &str, heading: &str) -> String {
    let rest = &report[report.find(heading).expect(heading)..];
    rest[..rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3)].to_string()
}

#[test]
fn import_writes_the_doks_name_image_language_feed_limit_and_pagination() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("nieuw");
    let o = import(&fixture(), &site, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site_toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    insta::assert_snapshot!("import_hugo_meta_site_toml", top_keys(&site_toml));
    assert!(
        site_toml.contains("[section_paginate]\nblog = 1\n"),
        "{site_toml}"
    );
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    insta::assert_snapshot!(
        "import_hugo_meta_report",
        report_section(&report, "## Site name, meta and lists")
    );
}

#[test]
fn a_site_without_a_name_gets_its_host_and_a_todo_never_an_empty_title() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = tmp.path().join("hugo");
    write(
        &hugo,
        "config.toml",
        "baseURL = 'https://naamloos.example/'\n",
    );
    write(
        &hugo,
        "content/_index.md",
        "---\ntitle: Welkom\n---\nHallo.\n",
    );
    write(
        &hugo,
        "content/over.md",
        "---\ntitle: Over\n---\nOver ons.\n",
    );
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site_toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        site_toml.contains("title = \"naamloos.example\""),
        "{site_toml}"
    );
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(report.contains("- [ ] give the site its name"), "{report}");
    assert!(report.contains("- [ ] describe the site"), "{report}");
    assert!(
        report.contains("- [ ] choose a default share image"),
        "{report}"
    );

    // Even a site.toml with an empty title leaves no dangling separator.
    let text = site_toml.replace("title = \"naamloos.example\"", "title = \"\"");
    std::fs::write(site.join("site.toml"), text).unwrap();
    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    let home = common::read(&out, "index.html");
    html::assert_selects(&home, "title", "Welkom", "index.html");
    let footer = html::select_text(&home, "footer p");
    assert!(
        !footer[0].trim_start().starts_with(':'),
        "footer: {footer:?}"
    );
    let over = common::read(&out, "over/index.html");
    html::assert_selects(&over, "title", "Over", "over/index.html");
    html::assert_none(&over, "meta[property=\"og:site_name\"]", "over/index.html");
}

/// What the comparison reads of a page: (title, og:image, og:type, lang).
fn meta(out: &Path, rel: &str) -> [String; 4] {
    let page = common::read(out, rel);
    let first = |css: &str, attr: Option<&str>| {
        let found = match attr {
            Some(a) => html::select_attr(&page, css, a),
            None => html::select_text(&page, css),
        };
        found.into_iter().next().unwrap_or_default()
    };
    [
        first("title", None),
        first("meta[property=\"og:image\"]", Some("content")),
        first("meta[property=\"og:type\"]", Some("content")),
        first("html", Some("lang")),
    ]
}

/// Items of every feed in `out`, by file.
fn feed_items(out: &Path) -> BTreeMap<String, usize> {
    common::snapshot(out)
        .into_iter()
        .filter(|(p, _)| p.ends_with("index.xml"))
        .map(|(p, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            (
                p.to_string_lossy().replace('\\', "/"),
                text.matches("<item>").count(),
            )
        })
        .collect()
}

/// Pages of the list at `section` (`nieuws/`): 1 plus its `page/N/` pages beyond the first.
fn list_pages(out: &Path, section: &str) -> usize {
    (2..100)
        .take_while(|n| out.join(format!("{section}page/{n}/index.html")).is_file())
        .count()
        + 1
}

#[test]
fn meta_feeds_and_lists_match_hugos_own_build() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    let hugo_out = tmp.path().join("hugo-uit");
    let Some(_) = hugo_build(&hugo, &hugo_out, &[]) else {
        return;
    };
    let (_, out) = migrated(&hugo, tmp.path());
    for page in [
        "index.html",
        "nieuws/2025/03/parlement-en-raad-praten-verder/index.html",
        "nieuws/index.html",
    ] {
        assert_eq!(meta(&out, page), meta(&hugo_out, page), "{page}");
    }
    // A page outside the main section: the same title, image and language;
    // Hugo calls every page an article, we only posts of the main section.
    let doc = "docs/uitleg/hashes/index.html";
    assert_eq!(meta(&out, doc)[..2], meta(&hugo_out, doc)[..2], "{doc}");
    assert_eq!(meta(&out, doc)[3], "nl-NL");
    assert_eq!(meta(&out, doc)[2], "website");

    // The feeds of the taxonomy overviews (/categories/index.xml) list the
    // terms in Hugo and the pages here; those are left out.
    let mut hugo_feeds = feed_items(&hugo_out);
    hugo_feeds.retain(|feed, _| {
        !["categories/index.xml", "contributors/index.xml"].contains(&feed.as_str())
    });
    let ours = feed_items(&out);
    let compared: BTreeMap<&String, (usize, Option<&usize>)> = hugo_feeds
        .iter()
        .map(|(f, n)| (f, (*n, ours.get(f))))
        .collect();
    for (feed, (theirs, ours)) in &compared {
        assert_eq!(Some(theirs), *ours, "items of {feed}: {compared:?}");
    }
    assert_eq!(hugo_feeds["index.xml"], 10, "rssLimit = 10");
    assert_eq!(hugo_feeds["nieuws/index.xml"], 10);

    for section in ["nieuws/", "blog/", "docs/", "docs/uitleg/", "achtergrond/"] {
        assert_eq!(
            list_pages(&out, section),
            list_pages(&hugo_out, section),
            "pages of the list {section}"
        );
    }
    assert_eq!(list_pages(&out, "nieuws/"), 1, "12 news posts on one page");
    assert_eq!(list_pages(&out, "blog/"), 2, "the blog's paginator");
    let news = common::read(&out, "nieuws/index.html");
    html::assert_count(&news, "ul.page-list li", 12, "nieuws/index.html");

    // Lists in Hugo's order: weight, then newest first, then title.
    for list in [
        "nieuws/index.html",
        "docs/uitleg/index.html",
        "docs/prologue/index.html",
        "achtergrond/wetgeving/index.html",
    ] {
        let ours = html::select_attr(
            &common::read(&out, list),
            "ul.page-list:last-of-type li a",
            "href",
        );
        let theirs: Vec<String> =
            html::select_attr(&common::read(&hugo_out, list), "main li a", "href")
                .into_iter()
                .filter(|href| ours.contains(href))
                .collect();
        assert_eq!(ours, theirs, "order of {list}");
    }
}
