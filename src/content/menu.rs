//! Menus as Hugo builds them: entries from `site.toml` plus the entries pages
//! declare in their front matter (`menu: main`, or `menu: {docs: {parent:
//! prologue, weight: 10}}`), nested by `parent` and sorted the way Hugo sorts
//! them (by weight, entries without a weight last, then by name).

use std::collections::BTreeMap;

use crate::config::MenuEntry;

use super::page::Page;

/// One entry of a menu with the entries nested under it.
#[derive(Debug, Clone, PartialEq)]
pub struct MenuNode {
    /// The entry itself.
    pub entry: MenuEntry,
    /// Entries whose `parent` names this one, sorted.
    pub children: Vec<MenuNode>,
}

/// The name other entries use as `parent`: the identifier, else the name.
pub fn key(entry: &MenuEntry) -> &str {
    entry.identifier.as_deref().unwrap_or(&entry.name)
}

/// Adds the menu entries that pages declare in their front matter to `menus`.
///
/// An entry takes the page's title and URL; without its own weight it takes
/// the page's. When a menu already has an entry with the same identifier (for
/// example from `site.toml`), that one is kept, as in Hugo. Menus named in
/// `built_from_sections` are left alone: they come from the section's pages
/// (see [`super::section_menu`]).
pub fn add_page_entries(
    menus: &mut BTreeMap<String, Vec<MenuEntry>>,
    pages: &[Page],
    built_from_sections: &[String],
) {
    for page in pages {
        for menu_ref in &page.front.menus {
            if built_from_sections.contains(&menu_ref.menu) {
                continue;
            }
            let entry = MenuEntry {
                name: menu_ref.name.clone().unwrap_or_else(|| page.title()),
                url: page.path.clone(),
                weight: if menu_ref.weight != 0 {
                    menu_ref.weight
                } else {
                    page.front.weight
                },
                title: None,
                identifier: None,
                parent: menu_ref.parent.clone(),
            };
            let entries = menus.entry(menu_ref.menu.clone()).or_default();
            if !entries.iter().any(|e| key(e) == key(&entry)) {
                entries.push(entry);
            }
        }
    }
}

/// Nests the flat entries of one menu by `parent`. Entries whose parent does
/// not exist are left out, as Hugo leaves them out.
pub fn tree(entries: &[MenuEntry]) -> Vec<MenuNode> {
    fn children_of(entries: &[MenuEntry], parent: Option<&str>, depth: usize) -> Vec<MenuNode> {
        if depth > 8 {
            return Vec::new();
        }
        let mut level: Vec<&MenuEntry> = entries
            .iter()
            .filter(|e| e.parent.as_deref().filter(|p| !p.is_empty()) == parent)
            .collect();
        level.sort_by(|a, b| hugo_order(a, b));
        level
            .into_iter()
            .map(|e| MenuNode {
                entry: e.clone(),
                children: children_of(entries, Some(key(e)), depth + 1),
            })
            .collect()
    }
    children_of(entries, None, 0)
}

/// Hugo's menu order: by weight with weight 0 (none) last, then by name, then identifier.
fn hugo_order(a: &MenuEntry, b: &MenuEntry) -> std::cmp::Ordering {
    let weight = |e: &MenuEntry| if e.weight == 0 { i64::MAX } else { e.weight };
    weight(a)
        .cmp(&weight(b))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| key(a).cmp(key(b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::{FrontMatter, MenuRef};
    use crate::content::page::PageKind;

    fn entry(name: &str, weight: i64, identifier: Option<&str>, parent: Option<&str>) -> MenuEntry {
        MenuEntry {
            name: name.into(),
            url: format!("/{}/", name.to_lowercase()),
            weight,
            title: None,
            identifier: identifier.map(str::to_string),
            parent: parent.map(str::to_string),
        }
    }

    fn page(title: &str, path: &str, weight: i64, menus: Vec<MenuRef>) -> Page {
        Page {
            kind: PageKind::Page,
            file: None,
            rel: format!("{}.md", path.trim_matches('/')),
            section_dir: String::new(),
            front: FrontMatter {
                title: Some(title.into()),
                weight,
                menus,
                ..FrontMatter::default()
            },
            body: String::new(),
            body_line: 1,
            path: path.into(),
            bundle_dir: None,
            source_key: 0,
        }
    }

    #[test]
    fn pages_join_the_menus_they_name_under_their_parent() {
        let mut menus: BTreeMap<String, Vec<MenuEntry>> = BTreeMap::new();
        menus.insert(
            "docs".into(),
            vec![entry("Begin hier", 10, Some("prologue"), None)],
        );
        let pages = [
            page(
                "Woordenlijst",
                "/docs/w/",
                30,
                vec![MenuRef {
                    menu: "docs".into(),
                    parent: Some("prologue".into()),
                    ..MenuRef::default()
                }],
            ),
            page(
                "Inleiding",
                "/docs/i/",
                0,
                vec![MenuRef {
                    menu: "docs".into(),
                    parent: Some("prologue".into()),
                    weight: 10,
                    ..MenuRef::default()
                }],
            ),
            page(
                "Doe mee",
                "/actie/",
                40,
                vec![MenuRef {
                    menu: "main".into(),
                    ..MenuRef::default()
                }],
            ),
        ];
        add_page_entries(&mut menus, &pages, &[]);
        let docs = tree(&menus["docs"]);
        assert_eq!(docs.len(), 1);
        let names: Vec<_> = docs[0]
            .children
            .iter()
            .map(|c| (c.entry.name.as_str(), c.entry.url.as_str()))
            .collect();
        assert_eq!(
            names,
            [("Inleiding", "/docs/i/"), ("Woordenlijst", "/docs/w/")]
        );
        assert_eq!(menus["main"][0].weight, 40);
    }

    #[test]
    fn weight_zero_sorts_last_and_ties_go_by_name() {
        let entries = [
            entry("Z", 0, None, None),
            entry("B", 5, None, None),
            entry("A", 5, None, None),
        ];
        let names: Vec<_> = tree(&entries).into_iter().map(|n| n.entry.name).collect();
        assert_eq!(names, ["A", "B", "Z"]);
    }

    #[test]
    fn a_config_entry_wins_over_a_page_entry_with_the_same_name() {
        let mut menus: BTreeMap<String, Vec<MenuEntry>> = BTreeMap::new();
        menus.insert("main".into(), vec![entry("Nieuws", 10, None, None)]);
        add_page_entries(
            &mut menus,
            &[page(
                "Nieuws",
                "/elders/",
                0,
                vec![MenuRef {
                    menu: "main".into(),
                    ..MenuRef::default()
                }],
            )],
            &[],
        );
        assert_eq!(menus["main"].len(), 1);
        assert_eq!(menus["main"][0].url, "/nieuws/");
    }

    #[test]
    fn orphans_are_left_out() {
        let entries = [entry("Kind", 1, None, Some("weg"))];
        assert!(tree(&entries).is_empty());
    }
}
