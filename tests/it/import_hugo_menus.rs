//! Doks's automatic docs sidebar (`params.menu.section.auto`): the import
//! carries it as a menu built from the section, leaves out the archetype
//! `menu: docs:` blocks that Doks never showed, and reports them and an
//! entry whose parent does not exist.

use scraper::{Html, Selector};

use super::common::{build, write};
use super::import_hugo::{HAND_PORT, fixture_copy, import, section, stderr};

#[test]
fn the_docs_sidebar_is_built_from_the_section_as_doks_built_it() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    let params = hugo.join("config/_default/params.toml");
    let mut text = std::fs::read_to_string(&params).unwrap();
    text.push_str("\n[menu.section]\n  auto = true\n");
    std::fs::write(&params, text).unwrap();
    // A news post with the block Doks's archetype puts in every new page,
    // naming a parent that no menu entry has.
    write(
        &hugo,
        "content/nl/nieuws/2025-12-01-archetype.md",
        "---\ntitle: \"Een bericht uit het archetype\"\ndate: 2025-12-01\nmenu:\n  docs:\n    parent: \"versleuteling-bestaat-niet\"\n---\n\nTekst.\n",
    );
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(toml.contains("section_menus = [\"docs\"]"), "{toml}");
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let menus = section(&report, "## Menus");
    assert!(
        menus.contains("Doks built the `docs` sidebar from the `docs` section")
            && menus.contains("`nieuws/2025-12-01-archetype.md`"),
        "{menus}"
    );

    write(&site, "templates/shortcodes/laatste-nieuws.html", HAND_PORT);
    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    let html = Html::parse_document(
        &std::fs::read_to_string(out.join("docs/uitleg/hashes/index.html")).unwrap(),
    );
    let top: Vec<String> = html
        .select(&Selector::parse("nav.menu-docs > ul > li > a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    let all: Vec<String> = html
        .select(&Selector::parse("nav.menu-docs a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    // The docs section's subsections, each with its pages; no news post.
    assert_eq!(top.len(), 3, "{top:?}");
    assert!(all.iter().any(|t| t == "Hashes vergelijken"), "{all:?}");
    assert!(!all.iter().any(|t| t.contains("archetype")), "{all:?}");
    // Every subsection and page two levels down (the starter's sidebar shows
    // two levels): `uitleg/techniek/_index.md` is shown, its pages are not.
    let docs = hugo.join("content/nl/docs");
    let shown = walkdir::WalkDir::new(&docs)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| {
            let depth = e.path().strip_prefix(&docs).unwrap().components().count();
            let index = e.file_name() == "_index.md";
            (index && (2..=3).contains(&depth)) || (!index && depth <= 2)
        })
        .count();
    assert_eq!(all.len(), shown, "{all:?}");
}

#[test]
fn an_entry_whose_parent_does_not_exist_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    write(
        &hugo,
        "content/nl/docs/uitleg/wees.md",
        "---\ntitle: \"Wees\"\nmenu:\n  docs:\n    parent: \"versleuteling\"\n---\n\nTekst.\n",
    );
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(
        section(&report, "## Menus").contains(
            "\"Wees\" (`/docs/uitleg/wees/`) names the parent `versleuteling`, which the `docs` menu does not have"
        ),
        "{report}"
    );
}
