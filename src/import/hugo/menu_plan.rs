//! The menus of the new site: Hugo's menus with each `pageRef` resolved in
//! its language (with the language's prefix, as Hugo's `.RelPermalink`),
//! Doks's automatic sidebars, and what the report says of them before and
//! after, per language.

use std::collections::BTreeMap;

use super::language_pages::LanguagePages;
use super::menu_config::HugoMenus;
use super::report::Report;
use super::site_toml::{Menus, Settings};
use crate::config::MenuEntry;
use crate::content::{Content, PageKind, menu};

/// Menus: `pageRef` becomes the page's URL in its language (with the
/// language's prefix, as Hugo's `.RelPermalink`); page menus are added
/// as the engine adds them; with Doks's `params.menu.section.auto`, a
/// menu named after a section is built from that section, as Doks built
/// its sidebar. Returns the top-level menus for `site.toml`, each
/// language's own (those that have their own, or whose `pageRef`s lead
/// elsewhere than the default language's), and the sections whose menu
/// is built.
pub fn plan(
    report: &mut Report,
    settings: &Settings,
    languages: &[LanguagePages],
) -> (Menus, BTreeMap<String, Menus>, Vec<String>) {
    let default = &languages[0];
    let section_menus = section_menus(report, settings, &default.content);
    let own_menus = |code: &str| {
        settings
            .languages
            .as_ref()
            .and_then(|l| l.get(code))
            .map(|l| &l.menus)
            .filter(|m| !m.is_empty())
    };
    // With the default language the only one built, the new site reads its
    // menus from the top level, as for a site of one language.
    let only_default = settings
        .languages
        .as_ref()
        .is_some_and(|l| l.only_default_built());
    let top_menus = match own_menus(&default.code) {
        Some(own) if only_default => own,
        _ => &settings.menus,
    };
    let (top, _) = resolve_menus(top_menus, Some(&default.content), &default.prefix);
    let mut language_menus = BTreeMap::new();
    for lang in languages {
        let label = |name: &str| {
            if lang.code == default.code {
                format!("`{name}`")
            } else {
                format!("`{name}` ({})", lang.code)
            }
        };
        let own = own_menus(&lang.code);
        let (resolved, (before, notes)) = resolve_menus(
            own.unwrap_or(&settings.menus),
            Some(&lang.content),
            &lang.prefix,
        );
        let at_top = only_default && lang.code == default.code;
        if settings.languages.is_some() && !at_top && (own.is_some() || resolved != top) {
            language_menus.insert(lang.code.clone(), resolved.clone());
        }
        for note in notes {
            if !report.config_ignored.contains(&note) {
                report.config_ignored.push(note);
            }
        }
        for (name, lines) in before {
            report
                .menus_before
                .entry(label(&name))
                .or_default()
                .extend(lines);
        }
        let pages = with_prefix(&lang.content.pages, &lang.prefix);
        for page in &pages {
            for m in &page.front.menus {
                report
                    .menus_before
                    .entry(label(&m.menu))
                    .or_default()
                    .push(format!(
                        "- {} → `{}` (front matter of `{}`{})",
                        m.name.clone().unwrap_or_else(|| page.title()),
                        page.path,
                        page.rel,
                        m.parent
                            .as_deref()
                            .map(|p| format!(", parent {p}"))
                            .unwrap_or_default()
                    ));
            }
        }
        let mut built = resolved;
        menu::add_page_entries(&mut built, &pages, &section_menus);
        note_missing_parents(report, &built);
        crate::content::section_menu::add_section_menus(&mut built, &pages, &section_menus);
        for (name, entries) in &built {
            let lines = report.menus_after.entry(label(name)).or_default();
            for node in menu::tree(entries) {
                lines.push(format!("- {} → `{}`", node.entry.name, node.entry.url));
                for child in &node.children {
                    lines.push(format!("  - {} → `{}`", child.entry.name, child.entry.url));
                }
            }
        }
    }
    // A switched-off language's own menus are carried too; Hugo read no
    // pages of it, so a `pageRef` leads to the page's path.
    if let Some(l) = &settings.languages {
        for off in l.list.iter().filter(|l| l.disabled && !l.menus.is_empty()) {
            let (resolved, (_, notes)) = resolve_menus(&off.menus, None, &format!("/{}", off.code));
            report.config_ignored.extend(notes);
            language_menus.insert(off.code.clone(), resolved);
        }
    }
    (top, language_menus, section_menus)
}

/// With Doks's `params.menu.section.auto`, the menus that pages name in
/// their front matter and that are also a top-level section (`docs`):
/// Doks built those sidebars from the section, so the new site does too.
/// The front-matter blocks Doks never showed are reported.
fn section_menus(report: &mut Report, settings: &Settings, content: &Content) -> Vec<String> {
    let auto = settings
        .params
        .get("menu")
        .and_then(|m| m.get("section"))
        .and_then(|s| s.get("auto"))
        .and_then(serde_json::Value::as_bool)
        == Some(true);
    if !auto {
        return Vec::new();
    }
    let mut named: Vec<String> = content
        .pages
        .iter()
        .flat_map(|p| p.front.menus.iter().map(|m| m.menu.clone()))
        .filter(|menu| {
            content
                .pages
                .iter()
                .any(|p| p.kind == PageKind::Section && p.section_dir == *menu)
        })
        .collect();
    named.sort();
    named.dedup();
    for section in &named {
        let unused: Vec<String> = content
            .pages
            .iter()
            .filter(|p| p.front.menus.iter().any(|m| m.menu == *section))
            .map(|p| format!("`{}`", p.rel))
            .collect();
        report.menu_notes.push(format!(
            "Doks built the `{section}` sidebar from the `{section}` section (`params.menu.section.auto`), and so does the new site (`section_menus = [\"{section}\"]` in site.toml): its subsections and pages, in Hugo's page order. The `menu: {section}:` blocks in the front matter of {} page(s) were never shown by Doks (most come from its archetype) and are not used: {}.",
            unused.len(),
            unused.join(", ")
        ));
    }
    named
}

/// Reports menu entries whose `parent` names no entry of their menu:
/// Hugo leaves them out, and so does the new site.
fn note_missing_parents(report: &mut Report, menus: &BTreeMap<String, Vec<MenuEntry>>) {
    for (name, entries) in menus {
        for entry in entries {
            let Some(parent) = entry.parent.as_deref().filter(|p| !p.is_empty()) else {
                continue;
            };
            let note = format!(
                "\"{}\" (`{}`) names the parent `{parent}`, which the `{name}` menu does not have: Hugo left it out, and so does the new site; add an entry `{parent}` or change the parent.",
                entry.name, entry.url
            );
            if !entries.iter().any(|e| menu::key(e) == parent) && !report.menu_notes.contains(&note)
            {
                report.menu_notes.push(note);
            }
        }
    }
}

/// Menu lines for the report (menu name → lines) and notes on the configuration.
type MenuReport = (BTreeMap<String, Vec<String>>, Vec<(String, String)>);

/// Hugo's menus with each `pageRef` resolved to its page's address in
/// `pages` (a language's pages, whose addresses start with `prefix`); with
/// no pages (a language that is not built) a `pageRef` leads to its path.
/// Also returns the report's lines on them and the notes on what could not
/// be resolved.
fn resolve_menus(hugo: &HugoMenus, pages: Option<&Content>, prefix: &str) -> (Menus, MenuReport) {
    let mut menus: Menus = BTreeMap::new();
    let (mut before, mut notes): MenuReport = Default::default();
    for (name, entries) in hugo {
        let lines = before.entry(name.clone()).or_default();
        for (entry, page_ref) in entries {
            let mut entry = entry.clone();
            if let Some(page_ref) = page_ref {
                let wanted = page_ref.trim_matches('/');
                let found = pages.map(|content| {
                    content.pages.iter().find(|p| {
                        let stem = p
                            .rel
                            .trim_end_matches(".md")
                            .trim_end_matches("_index")
                            .trim_end_matches("index")
                            .trim_end_matches('/');
                        stem == wanted
                    })
                });
                match found {
                    Some(Some(page)) => entry.url = format!("{prefix}{}", page.path),
                    Some(None) => notes.push(("menus".into(), format!("pageRef `{page_ref}` of \"{}\" names no page{}; the entry points at {page_ref}", entry.name, if prefix.is_empty() { String::new() } else { format!(" of `{}`", prefix.trim_start_matches('/')) }))),
                    None => notes.push(("menus".into(), format!("pageRef `{page_ref}` of \"{}\" in the menus of `{}`, which is switched off, points at the page's path", entry.name, prefix.trim_start_matches('/')))),
                }
                if entry.url.is_empty() {
                    entry.url = format!("{prefix}/{wanted}/");
                }
            }
            lines.push(format!(
                "- {} → `{}` (weight {}{})",
                entry.name,
                entry.url,
                entry.weight,
                entry
                    .parent
                    .as_deref()
                    .map(|p| format!(", parent {p}"))
                    .unwrap_or_default()
            ));
            menus.entry(name.clone()).or_default().push(entry);
        }
    }
    (menus, (before, notes))
}

/// `pages` with their addresses under `prefix` (for the report of a
/// language published under `/en/`); the same pages when there is none.
fn with_prefix(pages: &[crate::content::Page], prefix: &str) -> Vec<crate::content::Page> {
    pages
        .iter()
        .cloned()
        .map(|mut p| {
            p.path = format!("{prefix}{}", p.path);
            p
        })
        .collect()
}
