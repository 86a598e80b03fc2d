//! Unknown keys in the guide's data files, all reported in one run.
//!
//! serde's `deny_unknown_fields` stops a file at its first unknown key, which
//! hides every other mistake in that file. Instead the guide's types accept
//! unknown keys, and the file is read through `serde_ignored`, which names
//! every key no field of the type took ([`crate::data_file::KeyPath`]). Each
//! one is reported here on its own line and column, with the fields that are
//! allowed in its place. The allowed fields come from the types themselves
//! ([`fields_of`]), so there is no second list of them to keep in step.

use std::ops::Range;
use std::path::Path;

use serde::de::{self, DeserializeOwned, Visitor};
use toml_edit::{ImDocument, Item, Table, TableLike, Value};

use crate::data_file::{KeyPath, KeyStep};
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::msg;

/// Reports every key of `unknown` as a mistake in `text`. `fields_at` names
/// the fields of the table at a place (`""` for the file itself, `"evidence"`
/// for its `[[evidence]]` tables), for the hint.
pub(super) fn report_unknown(
    path: &Path,
    text: &str,
    unknown: &[KeyPath],
    fields_at: fn(&str) -> &'static [&'static str],
    diags: &mut Diagnostics,
) {
    if unknown.is_empty() {
        return;
    }
    let doc = ImDocument::parse(text).ok();
    for key_path in unknown {
        let Some((KeyStep::Key(name), parents)) = key_path.split_last() else {
            continue;
        };
        let prefix: Vec<&str> = parents
            .iter()
            .filter_map(|step| match step {
                KeyStep::Key(key) => Some(key.as_str()),
                KeyStep::Index(_) => None,
            })
            .collect();
        let prefix = prefix.join(".");
        let (line, column) = doc
            .as_ref()
            .and_then(|doc| key_span(doc, key_path))
            .map(|span| line_col(text, span.start))
            .unwrap_or((0, 0));
        let known = fields_at(&prefix);
        let place = if prefix.is_empty() {
            msg!("this file", "dit bestand")
        } else {
            msg!("[{prefix}]", "[{prefix}]")
        };
        let fields = known.join(", ");
        let hint = match known.iter().find(|k| close_to(k, name)) {
            Some(k) => msg!(
                "did you mean `{k}`? The fields of {place} are: {fields}",
                "bedoel je `{k}`? De velden van {place} zijn: {fields}";
                place
            ),
            None => msg!(
                "the fields of {place} are: {fields}",
                "de velden van {place} zijn: {fields}";
                place
            ),
        };
        diags.push(
            Diagnostic::error(
                "guide-field-unknown",
                path,
                line,
                column,
                msg!(
                    "unknown field `{name}` in {place}",
                    "onbekend veld `{name}` in {place}";
                    place
                ),
            )
            .with_hint(hint),
        );
    }
}

/// One place in a parsed document: a table of `[[…]]`, or an item or value.
#[derive(Clone, Copy)]
enum Node<'a> {
    Table(&'a Table),
    Item(&'a Item),
    Value(&'a Value),
}

impl<'a> Node<'a> {
    fn table_like(self) -> Option<&'a dyn TableLike> {
        match self {
            Node::Table(table) => Some(table),
            Node::Item(item) => item.as_table_like(),
            Node::Value(value) => value.as_inline_table().map(|t| t as &dyn TableLike),
        }
    }

    fn child(self, step: &KeyStep) -> Option<Node<'a>> {
        match step {
            KeyStep::Key(key) => self.table_like()?.get(key).map(Node::Item),
            KeyStep::Index(index) => match self {
                Node::Item(Item::ArrayOfTables(tables)) => tables.get(*index).map(Node::Table),
                Node::Item(Item::Value(Value::Array(list))) | Node::Value(Value::Array(list)) => {
                    list.get(*index).map(Node::Value)
                }
                _ => None,
            },
        }
    }
}

/// Where the last key of `key_path` is written in `doc`.
fn key_span(doc: &ImDocument<&str>, key_path: &[KeyStep]) -> Option<Range<usize>> {
    let (KeyStep::Key(name), parents) = key_path.split_last()? else {
        return None;
    };
    let mut node = Node::Table(doc.as_table());
    for step in parents {
        node = node.child(step)?;
    }
    let (key, _) = node.table_like()?.get_key_value(name)?;
    key.span()
}

/// The field names of the struct `T`, in the order it declares them, as
/// serde's derive hands them to a deserializer; empty when `T` is not a
/// struct.
pub(super) fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(FieldNames) {
        Err(FieldsFound(Some(fields))) => fields,
        _ => &[],
    }
}

/// A deserializer that reads nothing: asked for a struct, it stops with the
/// struct's field names.
struct FieldNames;

/// How [`FieldNames`] stops: with the field names, or with nothing when it
/// was not asked for a struct.
#[derive(Debug)]
struct FieldsFound(Option<&'static [&'static str]>);

impl std::fmt::Display for FieldsFound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("only the field names were asked for")
    }
}

impl std::error::Error for FieldsFound {}

impl de::Error for FieldsFound {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        FieldsFound(None)
    }
}

impl<'de> de::Deserializer<'de> for FieldNames {
    type Error = FieldsFound;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, FieldsFound> {
        Err(FieldsFound(None))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, FieldsFound> {
        Err(FieldsFound(Some(fields)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
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
    use crate::data_file::parse_toml_noting_unknown;
    use serde::Deserialize;
    use toml::Spanned;

    #[test]
    fn near_misses_are_recognised() {
        assert!(close_to("summary", "sumary"));
        assert!(close_to("stance", "stanse"));
        assert!(!close_to("stance", "quote"));
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Entry {
        verdict: String,
        summary: Option<String>,
        districts: Option<Spanned<Districts>>,
        #[serde(default)]
        evidence: Vec<Evidence>,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Districts {
        count: Option<i64>,
    }

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Evidence {
        kind: Option<String>,
        stance: Option<String>,
    }

    fn fields_at(place: &str) -> &'static [&'static str] {
        match place {
            "districts" => fields_of::<Districts>(),
            "evidence" => fields_of::<Evidence>(),
            _ => fields_of::<Entry>(),
        }
    }

    fn unknown_diagnostics(text: &str) -> Diagnostics {
        let path = Path::new("p.toml");
        let mut diags = Diagnostics::new();
        let mut unknown = Vec::new();
        let _ = parse_toml_noting_unknown::<Entry>(path, text, &mut unknown, &mut diags);
        let mut found = Diagnostics::new();
        report_unknown(path, text, &unknown, fields_at, &mut found);
        found
    }

    fn unknown_keys(text: &str) -> Vec<(usize, usize, String, Option<String>)> {
        unknown_diagnostics(text)
            .iter()
            .map(|d| {
                (
                    d.line,
                    d.column,
                    d.message.to_string(),
                    d.hint.as_ref().map(|h| h.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn field_names_come_from_the_type() {
        assert_eq!(
            fields_of::<Entry>(),
            ["verdict", "summary", "districts", "evidence"]
        );
        assert_eq!(fields_of::<String>(), [] as [&str; 0]);
    }

    #[test]
    fn every_unknown_key_is_reported_with_its_place() {
        let text = "verdict = \"x\"\nsumary = \"y\"\n\n[districts]\ncont = 3\n\n[[evidence]]\nkind = \"vote\"\nstanse = \"protects\"\n\n[[evidence]]\npage = [1]\n";
        let found = unknown_keys(text);
        let places: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|(line, column, message, _)| (*line, *column, message.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                (2, 1, "unknown field `sumary` in this file"),
                (5, 1, "unknown field `cont` in [districts]"),
                (9, 1, "unknown field `stanse` in [evidence]"),
                (12, 1, "unknown field `page` in [evidence]"),
            ]
        );
        assert_eq!(
            found[2].3.as_deref(),
            Some("did you mean `stance`? The fields of [evidence] are: kind, stance")
        );
        assert_eq!(
            found[3].3.as_deref(),
            Some("the fields of [evidence] are: kind, stance")
        );
        let dutch: Vec<(&str, String, String)> = unknown_diagnostics(text)
            .iter()
            .map(|d| {
                let hint = d.hint.as_ref().map(|h| h.nl.clone()).unwrap_or_default();
                (d.code, d.message.nl.clone(), hint)
            })
            .collect();
        assert_eq!(
            dutch[0],
            (
                "guide-field-unknown",
                "onbekend veld `sumary` in dit bestand".to_string(),
                "bedoel je `summary`? De velden van dit bestand zijn: verdict, summary, districts, evidence".to_string()
            )
        );
        assert_eq!(dutch[3].1, "onbekend veld `page` in [evidence]");
        assert_eq!(dutch[3].2, "de velden van [evidence] zijn: kind, stance");
    }

    #[test]
    fn keys_in_inline_tables_and_after_a_type_mistake_are_found() {
        let text =
            "verdict = 42\nevidence = [{ kind = \"vote\", stanse = \"x\" }]\nsumary = \"y\"\n";
        let found = unknown_keys(text);
        let places: Vec<(usize, usize)> = found.iter().map(|(l, c, _, _)| (*l, *c)).collect();
        assert_eq!(places, [(2, 30), (3, 1)]);
    }
}
