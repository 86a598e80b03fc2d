//! Interface strings: the `i18n/` files of the Hugo site and of its theme,
//! carried to the new site's `i18n/`, each checked to be one of the shapes
//! Hugo reads (`key = "text"`, `[key]` with `one`/`other`, YAML `key: text`,
//! the legacy list `- id: key` / `translation: …`, and JSON of the same
//! shapes). A file that does not parse is still copied, and reported with
//! its file and line: it is the editor's text, and Hugo would not have read
//! it either.
//!
//! Hugo reads the theme's strings under the site's, key by key. The new site
//! reads one file per language, so when both have a file for a language the
//! theme's extra keys are appended to the site's file, in the site's format.
//! Appending rather than rewriting keeps the editor's file (its comments and
//! order) byte for byte; the result is read back to prove that it holds
//! exactly the site's strings plus the theme's extra ones. Where it would
//! not (a YAML flow mapping, say), the site's file is kept as it is and the
//! theme's extra keys are listed in the report, so that nothing is lost
//! without a word.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::config::HugoConfig;
use crate::diagnostics::{Diagnostic, Message as Text};
use crate::msg;
use crate::output::slash_path;

/// The formats Hugo reads i18n files in, by file extension.
const FORMATS: &[&str] = &["toml", "yaml", "yml", "json"];

/// Fields of a message table in Hugo's (go-i18n's) formats: the plural
/// forms, the legacy `translation`, and fields for translators.
const MESSAGE_FIELDS: &[&str] = &[
    "id",
    "description",
    "hash",
    "leftdelim",
    "rightdelim",
    "zero",
    "one",
    "two",
    "few",
    "many",
    "other",
    "translation",
];

/// One interface string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// `key = "text"`.
    Text(String),
    /// `[key]` with `one`, `other` (and the other fields of a message table).
    Forms(BTreeMap<String, String>),
}

impl Message {
    /// The string as Hugo reads it: a table with only `other` is the same
    /// as the text itself (`[key] other = "…"` and `key = "…"`).
    fn normalized(&self) -> Message {
        match self {
            Message::Forms(forms) if forms.len() == 1 && forms.contains_key("other") => {
                Message::Text(forms["other"].clone())
            }
            other => other.clone(),
        }
    }
}

/// How a file lists its strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A table of keys (`key = "text"`, `key: text`, `{"key": "text"}`).
    Table,
    /// Hugo's legacy list (`- id: key` / `translation: text`).
    List,
}

/// The strings of one i18n file (a table's by key, a list's in its order);
/// nested tables are flattened to dotted keys as Hugo reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// How the file lists them.
    pub shape: Shape,
    /// Key → string.
    pub entries: Vec<(String, Message)>,
}

impl Catalogue {
    fn as_map(&self) -> BTreeMap<&str, &Message> {
        self.entries.iter().map(|(k, m)| (k.as_str(), m)).collect()
    }
}

/// A problem in an i18n file: its line (0 when unknown) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: Text,
}

/// Reads an i18n file of the format its extension names (`toml`, `yaml`,
/// `yml`, `json`).
pub fn parse(ext: &str, text: &str) -> Result<Catalogue, Problem> {
    let value: Value = match ext {
        "toml" => match toml::from_str::<toml::Table>(text) {
            Ok(t) => crate::content::front_matter::toml_to_json(toml::Value::Table(t)),
            Err(e) => {
                let d = crate::toml_error::diagnostic(Path::new(""), text, &e);
                let inner = d.message;
                return Err(Problem {
                    line: d.line,
                    message: msg!("invalid TOML: {inner}", "ongeldige TOML: {inner}"; inner),
                });
            }
        },
        "json" => serde_json::from_str(text).map_err(|e| Problem {
            line: e.line(),
            message: msg!("invalid JSON: {e}", "ongeldige JSON: {e}"),
        })?,
        _ => {
            let yaml = serde_yaml::from_str::<serde_yaml::Value>(text).map_err(|e| Problem {
                line: e.location().map_or(0, |l| l.line()),
                message: msg!("invalid YAML: {e}", "ongeldige YAML: {e}"),
            })?;
            serde_json::to_value(yaml).map_err(|e| Problem {
                line: 0,
                message: msg!(
                    "unsupported YAML: {e}",
                    "YAML die niet wordt ondersteund: {e}"
                ),
            })?
        }
    };
    let mut entries = Vec::new();
    let shape = match value {
        Value::Null => Shape::Table,
        Value::Object(map) => {
            flatten(text, "", &map, &mut entries)?;
            Shape::Table
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let id = item.get("id").and_then(Value::as_str);
                let translation = item.get("translation");
                let (Some(id), Some(translation)) = (id, translation) else {
                    return Err(Problem {
                        line: line_of(text, id.unwrap_or("- ")),
                        message: msg!(
                            "entry {} of the list has no `id` and `translation`",
                            "item {} van de lijst heeft geen `id` en `translation`",
                            i + 1
                        ),
                    });
                };
                entries.push((id.to_string(), message(text, id, translation)?));
            }
            Shape::List
        }
        _ => {
            return Err(Problem {
                line: 1,
                message: msg!(
                    "the file is neither a table of keys nor a list of `id`/`translation` entries",
                    "het bestand is geen tabel met sleutels en ook geen lijst met `id`/`translation`-items"
                ),
            });
        }
    };
    Ok(Catalogue { shape, entries })
}

/// Adds the strings of `map` under `prefix` (nested tables become dotted keys).
fn flatten(
    text: &str,
    prefix: &str,
    map: &serde_json::Map<String, Value>,
    entries: &mut Vec<(String, Message)>,
) -> Result<(), Problem> {
    for (key, value) in map {
        let id = format!("{prefix}{key}");
        let nested = value.as_object().filter(|table| {
            !table
                .keys()
                .any(|k| MESSAGE_FIELDS.contains(&k.to_lowercase().as_str()))
        });
        match nested {
            Some(table) => flatten(text, &format!("{id}."), table, entries)?,
            None => entries.push((id.clone(), message(text, key, value)?)),
        }
    }
    Ok(())
}

/// One string: a text, or a table of forms whose values are all texts.
fn message(text: &str, key: &str, value: &Value) -> Result<Message, Problem> {
    let wrong = |what: Text| Problem {
        line: line_of(text, key),
        message: msg!(
            "`{key}` is {what}; Hugo's i18n files give a text, or a table with `one` and `other` texts",
            "`{key}` is {what}; in de i18n-bestanden van Hugo staat een tekst, of een tabel met de teksten `one` en `other`";
            what
        ),
    };
    match value {
        Value::String(s) => Ok(Message::Text(s.clone())),
        Value::Object(forms) => {
            let mut out = BTreeMap::new();
            for (form, v) in forms {
                match v {
                    Value::String(s) => {
                        out.insert(form.to_lowercase(), s.clone());
                    }
                    _ => {
                        return Err(wrong(msg!(
                            "a table whose `{form}` is not a text",
                            "een tabel waarin `{form}` geen tekst is"
                        )));
                    }
                }
            }
            Ok(Message::Forms(out))
        }
        Value::Array(_) => Err(wrong(msg!("a list", "een lijst"))),
        Value::Null => Err(wrong(msg!("empty", "leeg"))),
        Value::Bool(_) | Value::Number(_) => Err(wrong(msg!("not a text", "geen tekst"))),
    }
}

/// The first line that names `key` (1-based), 0 when none does.
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start().trim_start_matches("- ").trim_start();
            l.starts_with(key)
                || l.starts_with(&format!("\"{key}\""))
                || l.starts_with(&format!("'{key}'"))
                || l.starts_with(&format!("[{key}]"))
                || l.starts_with(&format!("id: {key}"))
        })
        .map_or(0, |i| i + 1)
}

/// One i18n file of the new site, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its path in the new site (`i18n/nl.yaml`).
    pub file: String,
    /// The file it was copied from, relative to the Hugo folder
    /// (`i18n/nl.yaml`, or `themes/doks/i18n/en.toml` when only the theme
    /// has the language).
    pub from: String,
    /// The theme files whose extra strings were looked for.
    pub themes: Vec<String>,
    /// Keys appended from those files.
    pub added: Vec<String>,
    /// Keys of those files that could not be appended (see the module note).
    pub not_added: Vec<String>,
    /// How many strings it holds (0 when it does not parse).
    pub keys: usize,
    /// When it does not parse as Hugo's formats: the line and the problem.
    pub problem: Option<Problem>,
}

/// The i18n files of the new site, with what the report says of them.
#[derive(Debug, Default)]
pub struct Carried {
    /// Path in the new site → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// One row per file written.
    pub rows: Vec<Row>,
    /// Problems, as warnings naming the file in the Hugo folder and its line.
    pub warnings: Vec<Diagnostic>,
    /// Links that were not followed.
    pub refused: Vec<crate::confined::Refused>,
    /// Themes named in the configuration whose folder is not there (a Hugo
    /// module, say), so their strings could not be read.
    pub missing_themes: Vec<String>,
    /// A theme's files not carried: for languages the site does not have,
    /// or not i18n files (relative to the Hugo folder).
    pub theme_skipped: Vec<String>,
}

/// A file found in an `i18n/` folder: its path there, its path in the Hugo
/// folder (for reports), where it is, and its bytes.
struct Found {
    rel: String,
    shown: String,
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Found {
    /// The language the file is for (`nl` of `nl.yaml`), when it is an i18n
    /// file at the top of its folder.
    fn language(&self) -> Option<String> {
        let (stem, ext) = self.rel.rsplit_once('.')?;
        (!stem.contains('/') && FORMATS.contains(&ext)).then(|| stem.to_lowercase())
    }

    fn ext(&self) -> Option<&str> {
        self.rel
            .rsplit_once('.')
            .map(|(_, x)| x)
            .filter(|x| FORMATS.contains(x))
    }

    fn parse(&self) -> Option<Result<Catalogue, Problem>> {
        let ext = self.ext()?;
        Some(match std::str::from_utf8(&self.bytes) {
            Ok(text) => parse(ext, text),
            Err(e) => Err(Problem {
                line: 0,
                message: msg!("not UTF-8 text: {e}", "geen UTF-8-tekst: {e}"),
            }),
        })
    }

    /// The warning for a file that does not parse.
    fn warning(&self, p: &Problem, hint: Text) -> Diagnostic {
        let problem = &p.message;
        Diagnostic::warning(
            "import-hugo-i18n-unreadable",
            &self.path,
            p.line,
            0,
            msg!(
                "this i18n file cannot be read: {problem}",
                "dit i18n-bestand kan niet worden gelezen: {problem}";
                problem
            ),
        )
        .with_hint(hint)
    }
}

/// The themes the configuration names (`theme = "doks"` or a list), first
/// the one whose files win.
fn themes(config: &HugoConfig) -> Vec<String> {
    match config.get("theme") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// Every file of `dir` (inside the Hugo folder), with what was refused.
fn read_folder(hugo_dir: &Path, dir: &Path, carried: &mut Carried) -> Vec<Found> {
    let walk = crate::confined::files(dir, hugo_dir);
    carried.refused.extend(walk.refused);
    walk.files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_default();
            Found {
                rel: slash_path(dir, &path),
                shown: slash_path(hugo_dir, &path),
                path,
                bytes,
            }
        })
        .collect()
}

/// Plans the new site's `i18n/` from the Hugo site's and its themes'.
/// Every file of the site's `i18n/` is carried; a theme's file only for one
/// of `languages` (the site's language codes, switched-off ones too), as
/// Hugo uses no other: the rest are listed in [`Carried::theme_skipped`].
pub fn carry(hugo_dir: &Path, config: &HugoConfig, languages: &[String]) -> Carried {
    let mut carried = Carried::default();
    let site = read_folder(hugo_dir, &hugo_dir.join("i18n"), &mut carried);
    let themes_dir = config.text("themesdir").unwrap_or_else(|| "themes".into());
    // Each theme's files for a language, the first theme named first (its
    // strings win over the next one's, as in Hugo).
    let mut theme_files: Vec<Found> = Vec::new();
    for theme in themes(config) {
        let dir = hugo_dir.join(&themes_dir).join(&theme);
        if theme.contains("..") || theme.starts_with('/') || !dir.exists() {
            carried.missing_themes.push(theme);
            continue;
        }
        for file in read_folder(hugo_dir, &dir.join("i18n"), &mut carried) {
            match file.language() {
                Some(lang) if languages.contains(&lang) => theme_files.push(file),
                _ => carried.theme_skipped.push(file.shown),
            }
        }
    }
    let of_language = |lang: &str| -> Vec<&Found> {
        theme_files
            .iter()
            .filter(|t| t.language().as_deref() == Some(lang))
            .collect()
    };
    for file in &site {
        let others = file.language().map(|l| of_language(&l)).unwrap_or_default();
        carry_file(file, &others, &mut carried);
    }
    let mut done: Vec<String> = site.iter().filter_map(Found::language).collect();
    for file in &theme_files {
        let Some(lang) = file.language().filter(|l| !done.contains(l)) else {
            continue;
        };
        let all = of_language(&lang);
        carry_file(file, &all[1..], &mut carried);
        done.push(lang);
    }
    carried
}

/// The row of a file written, and a warning when it does not parse.
fn push_row(
    carried: &mut Carried,
    file: &Found,
    target: String,
    themes: &[&Found],
    added: Vec<String>,
    not_added: Vec<String>,
    parsed: Option<Result<Catalogue, Problem>>,
) {
    let (keys, problem) = match parsed {
        Some(Ok(c)) => (c.entries.len(), None),
        Some(Err(p)) => {
            carried.warnings.push(file.warning(
                &p,
                msg!(
                    "it is copied as it is; Hugo could not read it either: fix it in the new site's i18n/ folder",
                    "het is ongewijzigd gekopieerd; Hugo kon het ook niet lezen: verbeter het in de map i18n/ van de nieuwe site"
                ),
            ));
            (0, Some(p))
        }
        None => (0, None),
    };
    carried.rows.push(Row {
        file: target,
        from: file.shown.clone(),
        themes: themes.iter().map(|t| t.shown.clone()).collect(),
        added,
        not_added,
        keys,
        problem,
    });
}

/// `file` as the language's i18n file, with the strings of `themes` that it
/// does not have appended when it can.
fn carry_file(file: &Found, themes: &[&Found], carried: &mut Carried) {
    let target = format!("i18n/{}", file.rel);
    let parsed = file.parse();
    let own = match &parsed {
        Some(Ok(own)) if !themes.is_empty() => own.clone(),
        _ => {
            carried.files.insert(target.clone(), file.bytes.clone());
            push_row(
                carried,
                file,
                target,
                themes,
                Vec::new(),
                Vec::new(),
                parsed,
            );
            return;
        }
    };
    let mine = own.as_map();
    let mut extra: Vec<(String, Message)> = Vec::new();
    for theme in themes {
        match theme.parse() {
            Some(Ok(theirs)) => {
                for (key, message) in theirs.entries {
                    if !mine.contains_key(key.as_str()) && !extra.iter().any(|(k, _)| *k == key) {
                        extra.push((key, message));
                    }
                }
            }
            Some(Err(p)) => carried.warnings.push(theme.warning(
                &p,
                msg!(
                    "its strings are not carried; fix the theme's file and import again to have them",
                    "de teksten ervan zijn niet overgenomen; verbeter het bestand van het thema en importeer opnieuw om ze toch te krijgen"
                ),
            )),
            None => {}
        }
    }
    let keys: Vec<String> = extra.iter().map(|(k, _)| k.clone()).collect();
    if keys.is_empty() {
        carried.files.insert(target.clone(), file.bytes.clone());
        push_row(carried, file, target, themes, keys, Vec::new(), parsed);
        return;
    }
    let names: Vec<String> = themes.iter().map(|t| format!("`{}`", t.shown)).collect();
    let text = String::from_utf8_lossy(&file.bytes).into_owned();
    let ext = file.ext().unwrap_or("toml");
    let merged = append(ext, own.shape, &text, &extra, &names.join(", "))
        .filter(|merged| holds(ext, merged, &own, &extra));
    match merged {
        Some(merged) => {
            let parsed = Some(parse(ext, &merged));
            carried.files.insert(target.clone(), merged.into_bytes());
            push_row(carried, file, target, themes, keys, Vec::new(), parsed);
        }
        None => {
            carried.files.insert(target.clone(), file.bytes.clone());
            push_row(carried, file, target, themes, Vec::new(), keys, parsed);
        }
    }
}

/// Whether `merged` reads as exactly the site's strings followed by `extra`.
fn holds(ext: &str, merged: &str, own: &Catalogue, extra: &[(String, Message)]) -> bool {
    let Ok(read) = parse(ext, merged) else {
        return false;
    };
    let normal = |entries: &mut dyn Iterator<Item = (&String, &Message)>| {
        entries
            .map(|(k, m)| (k.clone(), m.normalized()))
            .collect::<BTreeMap<String, Message>>()
    };
    let mut expected = normal(&mut own.entries.iter().map(|(k, m)| (k, m)));
    expected.extend(normal(&mut extra.iter().map(|(k, m)| (k, m))));
    normal(&mut read.entries.iter().map(|(k, m)| (k, m))) == expected
}

/// A string as a TOML/YAML/JSON value.
fn value_of(message: &Message) -> Value {
    match message {
        Message::Text(s) => Value::String(s.clone()),
        Message::Forms(forms) => Value::Object(
            forms
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        ),
    }
}

/// The site's `text` with `extra` appended in its format and shape; None
/// when the format gives no place to append to.
fn append(
    ext: &str,
    shape: Shape,
    text: &str,
    extra: &[(String, Message)],
    theme_file: &str,
) -> Option<String> {
    let note = format!(
        "Added by `chatcontrole import hugo` from {theme_file}: Hugo used these strings of the theme where this file had none."
    );
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    match (ext, shape) {
        ("toml", _) => {
            // Each as its own `[key]` table, which Hugo reads like
            // `key = "text"` and which cannot fall into a table above it.
            let mut table = toml::Table::new();
            for (key, message) in extra {
                let mut forms = toml::Table::new();
                match message {
                    Message::Text(s) => {
                        forms.insert("other".into(), toml::Value::String(s.clone()));
                    }
                    Message::Forms(f) => {
                        for (k, v) in f {
                            forms.insert(k.clone(), toml::Value::String(v.clone()));
                        }
                    }
                }
                table.insert(key.clone(), toml::Value::Table(forms));
            }
            let body = toml::to_string(&table).ok()?;
            out.push_str(&format!("\n# {note}\n{body}"));
        }
        ("json", _) => {
            let close = if shape == Shape::List { ']' } else { '}' };
            let end = out.rfind(close)?;
            let before = out[..end].trim_end();
            let empty = before.ends_with(if shape == Shape::List { '[' } else { '{' });
            let mut inserted = String::new();
            for (i, (key, message)) in extra.iter().enumerate() {
                if i > 0 || !empty {
                    inserted.push(',');
                }
                let item = match shape {
                    Shape::Table => format!(
                        "{}: {}",
                        serde_json::to_string(key).ok()?,
                        serde_json::to_string(&value_of(message)).ok()?
                    ),
                    Shape::List => serde_json::to_string(&serde_json::json!({
                        "id": key,
                        "translation": value_of(message),
                    }))
                    .ok()?,
                };
                inserted.push_str(&format!("\n  {item}"));
            }
            inserted.push('\n');
            out = format!("{before}{inserted}{}", &out[end..]);
        }
        (_, Shape::Table) => {
            let map: serde_yaml::Mapping = extra
                .iter()
                .map(|(k, m)| {
                    (
                        serde_yaml::Value::String(k.clone()),
                        serde_yaml::to_value(value_of(m)).unwrap_or_default(),
                    )
                })
                .collect();
            let body = serde_yaml::to_string(&map).ok()?;
            out.push_str(&format!("\n# {note}\n{body}"));
        }
        (_, Shape::List) => {
            let items: Vec<Value> = extra
                .iter()
                .map(|(k, m)| serde_json::json!({"id": k, "translation": value_of(m)}))
                .collect();
            let body = serde_yaml::to_string(&items).ok()?;
            out.push_str(&format!("\n# {note}\n{body}"));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(c: &Catalogue) -> Vec<&str> {
        c.entries.iter().map(|(k, _)| k.as_str()).collect()
    }

    #[test_case::test_case("toml", "hallo = \"Hallo\"\n[pagina]\none = \"1 pagina\"\nother = \"{{ .Count }} pagina's\"\n"; "toml")]
    #[test_case::test_case("yaml", "hallo: Hallo\npagina:\n  one: 1 pagina\n  other: \"{{ .Count }} pagina's\"\n"; "yaml")]
    #[test_case::test_case("yml", "- id: hallo\n  translation: Hallo\n- id: pagina\n  translation:\n    one: 1 pagina\n    other: \"{{ .Count }} pagina's\"\n"; "legacy list")]
    #[test_case::test_case("json", "{\"hallo\": \"Hallo\", \"pagina\": {\"one\": \"1 pagina\", \"other\": \"{{ .Count }} pagina's\"}}"; "json")]
    fn hugos_shapes_are_read(ext: &str, text: &str) {
        let c = parse(ext, text).unwrap();
        assert_eq!(keys(&c), ["hallo", "pagina"]);
        assert_eq!(c.entries[0].1, Message::Text("Hallo".into()));
        let Message::Forms(forms) = &c.entries[1].1 else {
            panic!("{:?}", c.entries[1]);
        };
        assert_eq!(forms["one"], "1 pagina");
    }

    #[test]
    fn nested_tables_become_dotted_keys() {
        let c = parse("yaml", "nav:\n  home: Start\n  more:\n    other: Meer\n").unwrap();
        assert_eq!(keys(&c), ["nav.home", "nav.more"]);
    }

    #[test_case::test_case("toml", "hallo = \"Hallo\"\nfout = \n", 2; "toml syntax")]
    #[test_case::test_case("yaml", "hallo: Hallo\nfout: [a\n", 3; "yaml syntax")]
    #[test_case::test_case("json", "{\"hallo\": \"Hallo\",\n}", 2; "json syntax")]
    #[test_case::test_case("toml", "hallo = \"Hallo\"\ngetal = 3\n", 2; "a number")]
    #[test_case::test_case("yaml", "- id: hallo\n  translation: Hallo\n- translation: zonder id\n", 0; "a list entry without id")]
    fn what_does_not_parse_has_a_line(ext: &str, text: &str, line: usize) {
        let p = parse(ext, text).unwrap_err();
        assert_eq!(p.line, line, "{p:?}");
    }

    fn merge(ext: &str, site: &str, theme_ext: &str, theme: &str) -> Carried {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("config.toml"), "theme = 'doks'\n").unwrap();
        std::fs::create_dir_all(d.join("i18n")).unwrap();
        std::fs::create_dir_all(d.join("themes/doks/i18n")).unwrap();
        std::fs::write(d.join(format!("i18n/nl.{ext}")), site).unwrap();
        std::fs::write(d.join(format!("themes/doks/i18n/nl.{theme_ext}")), theme).unwrap();
        std::fs::write(d.join("themes/doks/i18n/en.toml"), "more = 'More'\n").unwrap();
        std::fs::write(d.join("themes/doks/i18n/ar.toml"), "more = 'المزيد'\n").unwrap();
        let carried = carry(
            d,
            &HugoConfig::read(d).unwrap(),
            &["nl".into(), "en".into()],
        );
        assert_eq!(carried.theme_skipped, ["themes/doks/i18n/ar.toml"]);
        assert!(!carried.files.contains_key("i18n/ar.toml"));
        carried
    }

    #[test_case::test_case("toml", "# eigen\nhallo = \"Hallo\"\n[lees]\nother = \"Lees\"\n"; "toml")]
    #[test_case::test_case("yaml", "# eigen\nhallo: Hallo\nlees: Lees"; "yaml without a last newline")]
    #[test_case::test_case("yaml", "- id: hallo\n  translation: Hallo\n- id: lees\n  translation: Lees\n"; "legacy list")]
    #[test_case::test_case("json", "{\n  \"hallo\": \"Hallo\",\n  \"lees\": \"Lees\"\n}\n"; "json")]
    #[test_case::test_case("json", "[{\"id\": \"hallo\", \"translation\": \"Hallo\"}, {\"id\": \"lees\", \"translation\": \"Lees\"}]"; "json list")]
    fn the_themes_extra_keys_are_appended_and_the_sites_win(ext: &str, site: &str) {
        let theme = "hallo = 'Hoi'\nzeg = 'Zeg'\n[pagina]\none = '1 pagina'\nother = \"{{ .Count }} pagina's\"\n[\"a.b\"]\nother = 'punt'\n";
        let carried = merge(ext, site, "toml", theme);
        let file = format!("i18n/nl.{ext}");
        let text = String::from_utf8(carried.files[&file].clone()).unwrap();
        // JSON gets the strings before its closing bracket; the others at the end.
        let kept = match ext {
            "json" => site[..site.rfind(['}', ']']).unwrap()].trim_end(),
            _ => site,
        };
        assert!(
            text.starts_with(kept),
            "the site's file is kept as it is:\n{text}"
        );
        let read = parse(ext, &text).unwrap();
        let map = read.as_map();
        assert_eq!(
            map["hallo"],
            &Message::Text("Hallo".into()),
            "the site wins"
        );
        assert!(matches!(map["pagina"], Message::Forms(f) if f["one"] == "1 pagina"));
        assert!(map.contains_key("a.b"));
        assert_eq!(map["zeg"].normalized(), Message::Text("Zeg".into()));
        assert_eq!(map.len(), 5);
        let row = carried.rows.iter().find(|r| r.file == file).unwrap();
        assert_eq!(row.themes, ["themes/doks/i18n/nl.toml"]);
        assert_eq!(row.added, ["a.b", "pagina", "zeg"]);
        assert_eq!(row.keys, 5);
        // A language only the theme has: its file as it is.
        assert_eq!(carried.files["i18n/en.toml"], b"more = 'More'\n");
    }

    #[test]
    fn a_flow_mapping_keeps_the_sites_file_and_names_the_keys_not_carried() {
        let carried = merge("yaml", "{hallo: Hallo}\n", "yaml", "meer: Meer\n");
        assert_eq!(carried.files["i18n/nl.yaml"], b"{hallo: Hallo}\n");
        let row = carried
            .rows
            .iter()
            .find(|r| r.file == "i18n/nl.yaml")
            .unwrap();
        assert_eq!(row.not_added, ["meer"]);
        assert!(row.added.is_empty());
    }

    #[test]
    fn a_broken_file_is_copied_and_reported_with_its_line() {
        let carried = merge(
            "toml",
            "hallo = \"Hallo\"\nkapot = [\n",
            "toml",
            "meer = 'Meer'\n",
        );
        assert_eq!(
            carried.files["i18n/nl.toml"],
            b"hallo = \"Hallo\"\nkapot = [\n"
        );
        let row = carried
            .rows
            .iter()
            .find(|r| r.file == "i18n/nl.toml")
            .unwrap();
        assert_eq!(row.problem.as_ref().unwrap().line, 3);
        assert_eq!(carried.warnings.len(), 1);
        assert!(carried.warnings[0].file.ends_with("i18n/nl.toml"));
        assert_eq!(carried.warnings[0].code, "import-hugo-i18n-unreadable");
        assert!(
            carried.warnings[0]
                .message
                .nl
                .starts_with("dit i18n-bestand kan niet worden gelezen: ongeldige TOML: "),
            "{}",
            carried.warnings[0].message.nl
        );
    }

    #[test]
    fn a_theme_that_is_not_there_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            "theme = ['github.com/x/doks']\n",
        )
        .unwrap();
        let carried = carry(
            dir.path(),
            &HugoConfig::read(dir.path()).unwrap(),
            &["nl".into()],
        );
        assert_eq!(carried.missing_themes, ["github.com/x/doks"]);
    }
}
