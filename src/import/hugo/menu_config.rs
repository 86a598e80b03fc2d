//! Menus as a Hugo configuration writes them (`[[menus.main]]`, also
//! spelled `[[menu.main]]`, at the top level or in a language's table):
//! each entry with Hugo's `pageRef` still to resolve, and the fields the new
//! menus do not have named, so that none is dropped without a word.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::config::MenuEntry;

/// Menus as Hugo's configuration gives them: name → entries, each with
/// Hugo's `pageRef` still to resolve.
pub type HugoMenus = BTreeMap<String, Vec<(MenuEntry, Option<String>)>>;

/// The menus of one `menus` (or `menu`) table of Hugo's configuration:
/// name → entries with their `pageRef`. Fields the new menus do not have
/// are added to `dropped`.
pub fn read_menus(value: Option<&Value>, dropped: &mut Vec<String>) -> HugoMenus {
    let mut menus: HugoMenus = BTreeMap::new();
    let Some(Value::Object(all)) = value else {
        return menus;
    };
    for (menu, entries) in all {
        let entries = match entries {
            Value::Array(a) => a.clone(),
            single @ Value::Object(_) => vec![single.clone()],
            _ => continue,
        };
        for entry in entries {
            let Value::Object(fields) = entry else {
                continue;
            };
            let text = |k: &str| fields.get(k).and_then(Value::as_str).map(str::to_string);
            let name = text("name").unwrap_or_default();
            for key in fields.keys() {
                if ![
                    "name",
                    "url",
                    "pageref",
                    "weight",
                    "identifier",
                    "parent",
                    "title",
                ]
                .contains(&key.as_str())
                {
                    dropped.push(format!("`{key}` of \"{name}\" in menu `{menu}`"));
                }
            }
            menus.entry(menu.clone()).or_default().push((
                MenuEntry {
                    name,
                    url: text("url").unwrap_or_default(),
                    weight: fields.get("weight").and_then(Value::as_i64).unwrap_or(0),
                    title: text("title"),
                    identifier: text("identifier"),
                    parent: text("parent"),
                },
                text("pageref"),
            ));
        }
    }
    menus
}
