//! Taxonomy pages (`/tags/`, `/tags/<term>/`) of sites migrated from Hugo:
//! long term lists are paginated like sections, so no page grows with the
//! site.

use crate::common;

use common::{build, read, write};

/// A site with `taxonomies = ["tags"]`, two entries per list page and
/// `count` news posts tagged "privacy".
fn tagged_site(count: usize) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    write(
        root,
        "site.toml",
        "title = \"Test\"\nbase_url = \"https://example.org/\"\nlanguage = \"nl\"\npaginate = 2\ntaxonomies = [\"tags\"]\n",
    );
    for template in ["base", "index", "single", "404", "search"] {
        write(
            root,
            &format!("templates/{template}.html"),
            "<!doctype html><html lang=\"nl\"><title>{{ page.title }}</title><main>{{ page.content }}</main></html>\n",
        );
    }
    write(
        root,
        "templates/list.html",
        "<!doctype html><html lang=\"nl\"><title>{{ page.title }}</title><main>{% for item in pages %}<a href=\"{{ item.url }}\">{{ item.title }}</a>{% endfor %}<p>{{ paginator.number }}/{{ paginator.total }}</p>{% if paginator.next_url %}<a rel=\"next\" href=\"{{ paginator.next_url }}\">verder</a>{% endif %}</main></html>\n",
    );
    write(root, "content/_index.md", "---\ntitle: Start\n---\n");
    write(
        root,
        "content/nieuws/_index.md",
        "---\ntitle: Nieuws\n---\n",
    );
    for i in 1..=count {
        write(
            root,
            &format!("content/nieuws/bericht-{i}.md"),
            &format!(
                "---\ntitle: Bericht {i}\ndate: 2025-01-{i:02}\ntags: [privacy]\n---\nTekst {i}.\n"
            ),
        );
    }
    site
}

#[test]
fn term_pages_are_paginated() {
    let site = tagged_site(5);
    let out = tempfile::tempdir().unwrap();
    build(site.path(), out.path(), &[]);
    let first = read(out.path(), "tags/privacy/index.html");
    assert_eq!(first.matches("<a href=\"/nieuws/").count(), 2, "{first}");
    assert!(first.contains("<p>1/3</p>"), "{first}");
    assert!(
        first.contains("rel=\"next\" href=\"/tags/privacy/page/2/\""),
        "{first}"
    );
    let last = read(out.path(), "tags/privacy/page/3/index.html");
    assert_eq!(last.matches("<a href=\"/nieuws/").count(), 1, "{last}");
    assert!(last.contains("<p>3/3</p>"), "{last}");
    let terms = read(out.path(), "tags/index.html");
    assert!(terms.contains("href=\"/tags/privacy/\""), "{terms}");
    // The feed keeps every post.
    let feed = read(out.path(), "tags/privacy/index.xml");
    assert_eq!(feed.matches("<item>").count(), 5);
}
