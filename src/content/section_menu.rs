//! Navigation built from a section's own pages, as the Doks theme builds its
//! docs sidebar when `params.menu.section.auto` is on: the section's
//! subsections (each with its pages under it) and its pages, in Hugo's page
//! order. Front-matter `menu:` blocks for that menu are then not used — Doks
//! never showed them, and they are mostly left over from an archetype.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::config::MenuEntry;

use super::page::{Page, PageKind};

/// Replaces the menu named after each section in `sections` with entries
/// for that section's subsections and pages. An entry's weight is its rank
/// in Hugo's page order, so the menu keeps that order.
pub fn add_section_menus(
    menus: &mut BTreeMap<String, Vec<MenuEntry>>,
    pages: &[Page],
    sections: &[String],
) {
    for section in sections {
        let below = format!("{section}/");
        let mut members: Vec<&Page> = pages
            .iter()
            .filter(|p| match p.kind {
                PageKind::Section => p.section_dir.starts_with(&below),
                PageKind::Page => p.section_dir == *section || p.section_dir.starts_with(&below),
                PageKind::Home => false,
            })
            .collect();
        members.sort_by(|a, b| hugo_page_order(a, b));
        let entries = members
            .into_iter()
            .enumerate()
            .map(|(rank, page)| {
                let (identifier, folder) = match page.kind {
                    PageKind::Section => (
                        Some(page.section_dir.clone()),
                        parent_dir(&page.section_dir),
                    ),
                    _ => (None, Some(page.section_dir.as_str())),
                };
                MenuEntry {
                    name: page.title(),
                    url: page.path.clone(),
                    weight: rank as i64 + 1,
                    title: None,
                    identifier,
                    parent: folder.filter(|f| f != section).map(str::to_string),
                }
            })
            .collect();
        menus.insert(section.clone(), entries);
    }
}

/// The folder a section folder sits in (`docs/uitleg` → `docs`).
fn parent_dir(dir: &str) -> Option<&str> {
    dir.rsplit_once('/').map(|(parent, _)| parent)
}

/// Hugo's default page order (`.ByWeight`): by weight with 0 (none) last,
/// then newest date first, then by title, then by file.
pub fn hugo_page_order(a: &Page, b: &Page) -> Ordering {
    let weight = |p: &Page| {
        if p.front.weight == 0 {
            i64::MAX
        } else {
            p.front.weight
        }
    };
    weight(a)
        .cmp(&weight(b))
        .then_with(|| b.front.date.cmp(&a.front.date))
        .then_with(|| a.title().cmp(&b.title()))
        .then_with(|| a.rel.cmp(&b.rel))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::FrontMatter;
    use crate::content::menu::tree;

    fn page(
        kind: PageKind,
        rel: &str,
        section_dir: &str,
        title: &str,
        weight: i64,
        date: &str,
    ) -> Page {
        Page {
            kind,
            file: None,
            rel: rel.into(),
            section_dir: section_dir.into(),
            front: FrontMatter {
                title: Some(title.into()),
                weight,
                date: (!date.is_empty()).then(|| {
                    chrono::DateTime::parse_from_rfc3339(&format!("{date}T00:00:00+00:00")).unwrap()
                }),
                ..FrontMatter::default()
            },
            body: String::new(),
            body_line: 1,
            path: format!(
                "/{}/",
                rel.trim_end_matches(".md").trim_end_matches("/_index")
            ),
            bundle_dir: None,
            source_key: 0,
        }
    }

    #[test]
    fn builds_the_docs_sidebar_from_the_section_in_hugo_order() {
        let pages = vec![
            page(PageKind::Section, "docs/_index.md", "docs", "Docs", 0, ""),
            page(
                PageKind::Section,
                "docs/uitleg/_index.md",
                "docs/uitleg",
                "Uitleg",
                20,
                "",
            ),
            page(
                PageKind::Page,
                "docs/uitleg/hashes.md",
                "docs/uitleg",
                "Hashes",
                0,
                "2024-01-01",
            ),
            page(
                PageKind::Page,
                "docs/uitleg/ai.md",
                "docs/uitleg",
                "AI",
                0,
                "2025-01-01",
            ),
            page(PageKind::Page, "docs/begin.md", "docs", "Begin", 10, ""),
            page(
                PageKind::Page,
                "docs/zonder.md",
                "docs",
                "Zonder gewicht",
                0,
                "",
            ),
            page(PageKind::Page, "nieuws/post.md", "nieuws", "Post", 1, ""),
        ];
        let mut menus = BTreeMap::new();
        // What a page's archetype block put in the menu is replaced.
        menus.insert(
            "docs".to_string(),
            vec![MenuEntry {
                name: "Post".into(),
                url: "/nieuws/post/".into(),
                weight: 1,
                title: None,
                identifier: None,
                parent: Some("versleuteling".into()),
            }],
        );
        add_section_menus(&mut menus, &pages, &["docs".to_string()]);
        let shown: Vec<(String, Vec<String>)> = tree(&menus["docs"])
            .into_iter()
            .map(|n| {
                (
                    n.entry.name,
                    n.children.into_iter().map(|c| c.entry.name).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("Begin".to_string(), vec![]),
                (
                    "Uitleg".to_string(),
                    vec!["AI".to_string(), "Hashes".to_string()]
                ),
                ("Zonder gewicht".to_string(), vec![]),
            ]
        );
    }
}
