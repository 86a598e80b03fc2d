//! Unknown field names in the guide's data files, all reported in one run.
//!
//! serde's `deny_unknown_fields` stops a file at its first unknown key, which
//! hides every other mistake in that file. Instead the loaders read without
//! it, and this pass walks the parsed document (with positions, through
//! `toml_edit`) and reports every key the file's shape does not have, on its
//! line and column, with the fields that are allowed there.

use std::path::Path;

use toml_edit::{ImDocument, Item, Table, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};

/// The allowed keys of one table; a key with `Some` shape is a table (or
/// array of tables, or inline table) whose keys are checked too.
#[derive(Debug)]
pub struct Shape(pub &'static [(&'static str, Option<&'static Shape>)]);

/// `data/parties.toml`.
pub const PARTIES: &Shape = &Shape(&[(
    "party",
    Some(&Shape(&[
        ("id", None),
        ("name", None),
        ("short_name", None),
        ("aliases", None),
        ("website", None),
    ])),
)]);

/// `data/items/<number>.toml`.
pub const ITEM: &Shape = &Shape(&[
    ("number", None),
    ("title", None),
    ("date", None),
    ("kind", None),
    ("url", None),
    ("protects", None),
    ("result", None),
]);

/// `data/elections/<id>/election.toml`.
pub const ELECTION: &Shape = &Shape(&[
    ("title", None),
    ("date", None),
    ("path", None),
    ("intro", None),
    ("methodology", None),
    (
        "level",
        Some(&Shape(&[
            ("id", None),
            ("symbol", None),
            ("label", None),
            ("meaning", None),
            ("screen_reader", None),
            ("rule", None),
        ])),
    ),
    (
        "district",
        Some(&Shape(&[("number", None), ("name", None)])),
    ),
]);

/// `data/elections/<id>/parties/<party>.toml`.
pub const ENTRY: &Shape = &Shape(&[
    ("name", None),
    ("verdict", None),
    ("override_reason", None),
    ("summary", None),
    (
        "districts",
        Some(&Shape(&[("all", None), ("except", None), ("count", None)])),
    ),
    (
        "programme",
        Some(&Shape(&[
            ("url", None),
            ("title", None),
            ("format", None),
            ("available", None),
            ("note", None),
        ])),
    ),
    (
        "evidence",
        Some(&Shape(&[
            ("kind", None),
            ("stance", None),
            ("strength", None),
            ("quote", None),
            ("note", None),
            ("pages", None),
            ("no_pages", None),
            ("title", None),
            ("url", None),
            ("date", None),
            ("item", None),
            ("vote", None),
        ])),
    ),
    (
        "outreach",
        Some(&Shape(&[
            ("asked_on", None),
            ("replied_on", None),
            ("reply_url", None),
            ("note", None),
        ])),
    ),
]);

/// Reports every key of `text` that `shape` does not allow. A file that is
/// not valid TOML is left to the reader, which reports the syntax error.
pub fn check_keys(path: &Path, text: &str, shape: &Shape, diags: &mut Diagnostics) {
    if let Ok(doc) = ImDocument::parse(text) {
        walk_table(path, text, doc.as_table(), shape, "", diags);
    }
}

fn walk_table(
    path: &Path,
    text: &str,
    table: &Table,
    shape: &Shape,
    prefix: &str,
    diags: &mut Diagnostics,
) {
    for (name, item) in table.iter() {
        let span = table.get_key_value(name).and_then(|(k, _)| k.span());
        walk_key(path, text, name, span, item, shape, prefix, diags);
    }
}

#[allow(clippy::too_many_arguments)]
fn walk_key(
    path: &Path,
    text: &str,
    name: &str,
    span: Option<std::ops::Range<usize>>,
    item: &Item,
    shape: &Shape,
    prefix: &str,
    diags: &mut Diagnostics,
) {
    let Some((_, inner)) = shape.0.iter().find(|(k, _)| *k == name) else {
        let (line, column) = span.map(|s| line_col(text, s.start)).unwrap_or((0, 0));
        let known: Vec<&str> = shape.0.iter().map(|(k, _)| *k).collect();
        let place = if prefix.is_empty() {
            "this file".to_string()
        } else {
            format!("[{prefix}]")
        };
        let close = known.iter().find(|k| close_to(k, name));
        let hint = match close {
            Some(k) => format!(
                "did you mean `{k}`? The fields of {place} are: {}",
                known.join(", ")
            ),
            None => format!("the fields of {place} are: {}", known.join(", ")),
        };
        diags.push(
            Diagnostic::error(
                path,
                line,
                column,
                format!("unknown field `{name}` in {place}"),
            )
            .with_hint(hint),
        );
        return;
    };
    let Some(inner) = inner else { return };
    let child = if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
    };
    match item {
        Item::Table(t) => walk_table(path, text, t, inner, &child, diags),
        Item::ArrayOfTables(list) => {
            for t in list.iter() {
                walk_table(path, text, t, inner, &child, diags);
            }
        }
        Item::Value(Value::InlineTable(t)) => {
            for (k, v) in t.iter() {
                let span = t.get_key_value(k).and_then(|(key, _)| key.span());
                let item = Item::Value(v.clone());
                walk_key(path, text, k, span, &item, inner, &child, diags);
            }
        }
        _ => {}
    }
}

/// True when `a` and `b` differ by at most two single-character edits.
fn close_to(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_are_recognised() {
        assert!(close_to("summary", "sumary"));
        assert!(close_to("stance", "stanse"));
        assert!(!close_to("stance", "quote"));
    }

    #[test]
    fn every_unknown_key_is_reported_with_its_place() {
        let text = "verdict = \"x\"\nsumary = \"y\"\n\n[[evidence]]\nkind = \"vote\"\nstanse = \"protects\"\n\n[[evidence]]\npage = [1]\n";
        let mut diags = Diagnostics::new();
        check_keys(Path::new("p.toml"), text, ENTRY, &mut diags);
        let found: Vec<(usize, usize, String)> = diags
            .iter()
            .map(|d| (d.line, d.column, d.message.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (2, 1, "unknown field `sumary` in this file".to_string()),
                (6, 1, "unknown field `stanse` in [evidence]".to_string()),
                (9, 1, "unknown field `page` in [evidence]".to_string()),
            ]
        );
        assert!(diags.iter().all(|d| d.hint.is_some()));
    }
}
