//! Interface strings in Hugo's i18n format: `i18n/<lang>.toml`, `.yaml`,
//! `.yml` or `.json`, each key a text or a table of plural forms
//! (`one`, `other`), with `{{ .Count }}`-style placeholders. Sites coming
//! from Hugo bring these files as they are; our own theme's strings are in
//! the same format, so that one file per language holds every word a
//! reader sees.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;

/// One key's text in one language: a plain text, or plural forms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translation {
    /// The text for exactly one (`one`), when the key has plural forms.
    pub one: Option<String>,
    /// The text for every other count, and the plain text of a key
    /// without plural forms.
    pub other: String,
}

impl Translation {
    /// The text for `count` things (the plain text when `count` is None).
    /// `one` is used for 1 (and for 0 in French, as its plural rule says).
    pub fn pick(&self, count: Option<i64>, lang: &str) -> &str {
        let singular = match count {
            Some(1) => true,
            Some(0) => lang.starts_with("fr"),
            _ => false,
        };
        match (&self.one, singular) {
            (Some(one), true) => one,
            _ => &self.other,
        }
    }
}

/// A language's strings by key.
pub type Strings = BTreeMap<String, Translation>;

/// The extensions of i18n files, in the order Hugo prefers them.
pub const EXTENSIONS: &[&str] = &["toml", "yaml", "yml", "json"];

/// The i18n files of a site's `i18n/` folder by language code (the file
/// name without extension: `en`, `nl`, `pt-br`), each with its path.
pub fn files(site: &Path) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(site.join("i18n")) else {
        return found;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let (Some(stem), Some(ext)) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|s| s.to_str()),
        ) else {
            continue;
        };
        if EXTENSIONS.contains(&ext) && path.is_file() {
            found
                .entry(stem.to_ascii_lowercase())
                .or_insert_with(|| path.clone());
        }
    }
    found
}

/// Reads one i18n file; a file that cannot be read or parsed is an error
/// on its line.
pub fn read(path: &Path) -> Result<Strings, Diagnostics> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error(
                "i18n-file-unreadable",
                path,
                0,
                0,
                msg!(
                    "cannot read this translation file: {e}",
                    "dit vertaalbestand kan niet worden gelezen: {e}"
                ),
            )
            .with_hint(msg!(
                "translation files must be UTF-8 text",
                "vertaalbestanden moeten UTF-8-tekst zijn"
            )),
        )
    })?;
    parse(path, &text)
}

/// Parses the text of an i18n file; its format follows from the extension
/// of `path`.
pub fn parse(path: &Path, text: &str) -> Result<Strings, Diagnostics> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("toml");
    let hint: Message = msg!(
        "write each string as `key = \"text\"`, or with plural forms as a table with `one` and `other` (Hugo's i18n format)",
        "schrijf elke tekst als `key = \"text\"`, of met meervoudsvormen als tabel met `one` en `other` (het i18n-formaat van Hugo)"
    );
    // `message` is the JSON or YAML parser's own words.
    let broken = |line: usize, col: usize, message: String| {
        Diagnostics::from(
            Diagnostic::error(
                "i18n-file-invalid",
                path,
                line,
                col,
                msg!(
                    "this translation file cannot be read: {message}",
                    "dit vertaalbestand is niet te lezen: {message}"
                ),
            )
            .with_hint(hint.clone()),
        )
    };
    let value: serde_json::Value = match ext {
        "toml" => {
            let table = toml::from_str::<toml::Value>(text)
                .map_err(|e| Diagnostics::from(crate::toml_error::diagnostic(path, text, &e)))?;
            serde_json::to_value(table).unwrap_or_default()
        }
        "json" => {
            serde_json::from_str(text).map_err(|e| broken(e.line(), e.column(), e.to_string()))?
        }
        _ => serde_yaml::from_str::<serde_json::Value>(text).map_err(|e| {
            let (line, col) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((0, 0));
            broken(line, col, e.to_string())
        })?,
    };
    let mut strings = Strings::new();
    let mut diags = Diagnostics::new();
    let mut add = |key: &str, entry: &serde_json::Value, diags: &mut Diagnostics| match translation(
        entry,
    ) {
        Some(t) => {
            strings.insert(key.to_string(), t);
        }
        None => {
            let (line, col) = position_of(text, key);
            diags.push(
                    Diagnostic::error(
                        "i18n-string-empty",
                        path,
                        line,
                        col,
                        msg!(
                            "the string `{key}` has no text",
                            "bij `{key}` staat geen tekst"
                        ),
                    )
                    .with_hint(msg!(
                        "give it a text (`key = \"text\"`), or plural forms with at least `other`",
                        "geef het een tekst (`key = \"text\"`), of meervoudsvormen met ten minste `other`"
                    )),
                );
        }
    };
    match &value {
        serde_json::Value::Object(map) => {
            for (key, entry) in map {
                add(key, entry, &mut diags);
            }
        }
        // Hugo's older form: a list of `{id, translation}`.
        serde_json::Value::Array(items) => {
            for item in items {
                match item.get("id").and_then(|i| i.as_str()) {
                    Some(id) => add(
                        id,
                        item.get("translation").unwrap_or(&serde_json::Value::Null),
                        &mut diags,
                    ),
                    None => diags.push(
                        Diagnostic::error(
                            "i18n-entry-id-missing",
                            path,
                            0,
                            0,
                            msg!(
                                "an entry of this list has no `id`",
                                "een item van deze lijst heeft geen `id`"
                            ),
                        )
                        .with_hint(msg!(
                            "write each entry as `- id: key` with `translation: text`",
                            "schrijf elk item als `- id: key` met `translation: text`"
                        )),
                    ),
                }
            }
        }
        serde_json::Value::Null => {}
        _ => diags.push(
            Diagnostic::error(
                "i18n-file-not-table",
                path,
                1,
                1,
                msg!(
                    "a translation file holds keys with their texts",
                    "een vertaalbestand bevat sleutels met hun teksten"
                ),
            )
            .with_hint(msg!(
                "write each string as `key = \"text\"`",
                "schrijf elke tekst als `key = \"text\"`"
            )),
        ),
    }
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(strings)
    }
}

/// A key's value as a [`Translation`]: a text, or a table of plural forms
/// (`one`, `other`; Hugo also accepts `zero`, `two`, `few`, `many`, which
/// Dutch and English do not use: `other` stands in for them).
fn translation(value: &serde_json::Value) -> Option<Translation> {
    match value {
        serde_json::Value::String(s) => Some(Translation {
            one: None,
            other: s.clone(),
        }),
        serde_json::Value::Object(forms) => {
            let text = |k: &str| forms.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let other = text("other")
                .or_else(|| text("many"))
                .or_else(|| text("one"))?;
            Some(Translation {
                one: text("one"),
                other,
            })
        }
        serde_json::Value::Number(n) => Some(Translation {
            one: None,
            other: n.to_string(),
        }),
        _ => None,
    }
}

/// Where `key` is defined in the file's text (1-based line and column), or
/// (0, 0) when it cannot be found.
fn position_of(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line.find(key) {
            return (i + 1, col + 1);
        }
    }
    (0, 0)
}

/// Fills the placeholders of `text`: `{{ .Count }}` (and `{{ . }}`) with
/// `count`, `{{ .Name }}` with the argument `name` (case-insensitive, as
/// Hugo's field names are written capitalised). A placeholder without a
/// value is left as it is, so that the mistake shows on the page.
pub fn fill(text: &str, count: Option<i64>, args: &[(String, String)]) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let Some(len) = rest[start..].find("}}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = rest[start + 2..start + len].trim().trim_matches('-').trim();
        let name = inner.strip_prefix('.').unwrap_or(inner);
        let value = if name.is_empty() || name.eq_ignore_ascii_case("count") {
            count
                .map(|c| c.to_string())
                .or_else(|| (args.len() == 1 && name.is_empty()).then(|| args[0].1.clone()))
        } else {
            args.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        match value {
            Some(v) => out.push_str(&v),
            None => out.push_str(&rest[start..start + len + 2]),
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, text: &str) -> Strings {
        parse(Path::new(name), text).unwrap()
    }

    #[test]
    fn toml_plain_and_plural() {
        let s = p(
            "en.toml",
            "read_more = \"Read more\"\n[votes]\none = \"{{ .Count }} vote\"\nother = \"{{ .Count }} votes\"\n",
        );
        assert_eq!(s["read_more"].other, "Read more");
        assert_eq!(s["votes"].pick(Some(1), "en"), "{{ .Count }} vote");
        assert_eq!(s["votes"].pick(Some(3), "en"), "{{ .Count }} votes");
    }

    #[test]
    fn yaml_and_the_legacy_list() {
        let s = p(
            "en.yaml",
            "home: Home\nposts:\n  one: One post\n  other: \"{{ .Count }} posts\"\n",
        );
        assert_eq!(s["home"].other, "Home");
        assert_eq!(s["posts"].pick(Some(1), "en"), "One post");
        let legacy = p(
            "nl.yaml",
            "- id: home\n  translation: Start\n- id: posts\n  translation:\n    one: Eén bericht\n    other: \"{{ .Count }} berichten\"\n",
        );
        assert_eq!(legacy["home"].other, "Start");
        assert_eq!(
            legacy["posts"].pick(Some(2), "nl"),
            "{{ .Count }} berichten"
        );
    }

    #[test]
    fn json() {
        let s = p(
            "en.json",
            r#"{"home": "Home", "n": {"one": "a", "other": "b"}}"#,
        );
        assert_eq!(s["home"].other, "Home");
        assert_eq!(s["n"].pick(Some(0), "en"), "b");
        assert_eq!(s["n"].pick(Some(0), "fr"), "a");
    }

    #[test]
    fn a_broken_file_is_an_error_on_its_line() {
        let e = parse(Path::new("i18n/en.toml"), "a = \"x\"\nb = \n").unwrap_err();
        let d = e.iter().next().unwrap();
        assert_eq!((d.line, d.file.to_str().unwrap()), (2, "i18n/en.toml"));
        // `one` alone stands in for `other`; a table without any text is refused.
        let only_one = parse(Path::new("i18n/en.toml"), "[a]\none = \"x\"\n").unwrap();
        assert_eq!(only_one["a"].pick(Some(5), "en"), "x");
        let e = parse(Path::new("i18n/en.toml"), "[a]\nfew = 3\n").unwrap_err();
        assert!(e.iter().next().unwrap().message.contains("`a` has no text"));
    }

    #[test]
    fn placeholders() {
        assert_eq!(fill("{{ .Count }} votes", Some(3), &[]), "3 votes");
        assert_eq!(fill("{{.Count}}", Some(3), &[]), "3");
        assert_eq!(fill("{{ . }} x", Some(2), &[]), "2 x");
        let args = [("name".to_string(), "VVD".to_string())];
        assert_eq!(fill("Party {{ .Name }}", None, &args), "Party VVD");
        assert_eq!(fill("{{ .Missing }}!", None, &args), "{{ .Missing }}!");
        assert_eq!(fill("no braces", None, &args), "no braces");
        assert_eq!(fill("{{ broken", None, &args), "{{ broken");
    }
}
