//! The rules several tables of site.toml share: menu entries and the
//! check of their links, where a key or value is in the text (for the line
//! and column of a diagnostic), and what a folder or a language tag may be.
//! `config` reads the site's own settings with them and `language_table`
//! each language's; neither needs the other for these.

use std::path::{Component, Path};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;

/// One entry of a site menu, as written in `[[menu.main]]`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    /// The text of the link.
    pub name: String,
    /// Where it points: a site path such as `/nieuws/` or a full URL.
    pub url: String,
    /// Lower weights come first.
    #[serde(default)]
    pub weight: i64,
    /// Optional extra text for screen readers and tooltips.
    #[serde(default)]
    pub title: Option<String>,
    /// The name other entries use as `parent` (default: `name`).
    #[serde(default)]
    pub identifier: Option<String>,
    /// The `identifier` (or name) of the entry this one is nested under.
    #[serde(default)]
    pub parent: Option<String>,
}

/// Checks the links of `menus` (`[menu]` or a language's) and sorts each
/// menu by weight; a link that cannot be used is an error on its line.
pub fn check_menus(
    menus: &mut std::collections::BTreeMap<String, Vec<MenuEntry>>,
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) {
    for entries in menus.values_mut() {
        for entry in entries.iter_mut() {
            match menu_url(&entry.url) {
                Ok(url) => entry.url = url,
                Err((message, hint)) => {
                    let (line, col) = value_position(text, &entry.url);
                    let name = &entry.name;
                    diags.push(
                        Diagnostic::error(
                            "config-menu-url-invalid",
                            path,
                            line,
                            col,
                            msg!(
                                "menu entry `{name}`: {message}",
                                "menu-item `{name}`: {message}";
                                message
                            ),
                        )
                        .with_hint(hint),
                    );
                }
            }
        }
        entries.sort_by(|a, b| (a.weight, &a.name).cmp(&(b.weight, &b.name)));
    }
}

/// True when `dir` is a folder inside the site folder (no `..`, not absolute).
pub fn is_inside(dir: &str) -> bool {
    !dir.trim().is_empty()
        && Path::new(dir)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// True for a BCP 47 language tag as sites write them: `nl`, `nl-NL`, `zh-Hant-TW`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A menu link checked where it is read: a path on this site (`/nieuws/`,
/// optionally with `#anchor`), or an http(s) or mailto address; returned in
/// its canonical form.
fn menu_url(url: &str) -> Result<String, (Message, Message)> {
    if url.starts_with('/') && !url.starts_with("//") {
        let (path, anchor) = match url.split_once('#') {
            Some((path, anchor)) => (path, Some(anchor)),
            None => (url, None),
        };
        return crate::site_path::SitePath::parse(path)
            .map(|p| match anchor {
                Some(a) => format!("{p}#{a}"),
                None => p.to_string(),
            })
            .map_err(|e| (e.message, e.hint));
    }
    crate::url::ExternalUrl::parse(url, crate::url::Schemes::WebOrMail)
        .map(|u| u.as_str().to_string())
        .map_err(|e| {
            let hint = e.hint;
            (
                e.message,
                msg!(
                    "write a path on this site such as `/nieuws/`, or {hint}",
                    "schrijf een pad op deze site zoals `/nieuws/`, of {hint}";
                    hint
                ),
            )
        })
}

/// Line and column where the quoted value `value` first appears, or (0, 0).
fn value_position(text: &str, value: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line
            .find(&format!("\"{value}\""))
            .or_else(|| line.find(&format!("'{value}'")))
        {
            return (i + 1, col + 1);
        }
    }
    (0, 0)
}

/// Line and column of the first line that assigns `key` in a TOML text, or (0, 0).
pub fn key_position(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with(['=', ':'])
        {
            return (i + 1, line.len() - trimmed.len() + 1);
        }
    }
    (0, 0)
}
