//! Reads a Hugo site's configuration from every place Hugo reads it:
//! `hugo.toml|yaml|json`, `config.toml|yaml|json`, and `config/_default/`
//! split by key (`params.toml`, `languages.toml`, `menus/menus.nl.toml`, …),
//! with `config/production/` merged on top as `hugo` does when it builds.
//!
//! Keys are lower-cased, as Hugo treats them case-insensitively; the result
//! is one JSON tree plus the list of files read.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::content::front_matter::toml_to_json;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::toml_error;

/// The merged configuration of a Hugo site.
#[derive(Debug, Clone, Default)]
pub struct HugoConfig {
    /// All settings, keys lower-cased.
    pub root: Map<String, Value>,
    /// The files read, relative to the Hugo folder, in the order they were merged.
    pub files: Vec<String>,
    /// Environment folders other than `_default` (`config/production/`, …).
    pub environments: Vec<String>,
}

const FORMATS: &[&str] = &["toml", "yaml", "yml", "json"];

impl HugoConfig {
    /// Reads the configuration of the Hugo site in `dir`.
    ///
    /// Fails when no configuration exists or a file cannot be parsed, with
    /// the file and line.
    pub fn read(dir: &Path) -> Result<HugoConfig, Diagnostics> {
        let mut config = HugoConfig::default();
        let mut diags = Diagnostics::new();
        for base in ["hugo", "config"] {
            if let Some(path) = FORMATS
                .iter()
                .map(|ext| dir.join(format!("{base}.{ext}")))
                .find(|p| p.is_file())
            {
                match crate::confined::resolve_inside(&path, &crate::confined::canonical_root(dir))
                {
                    Ok(_) => config.merge_file(dir, &path, &[], &mut diags),
                    Err(why) => diags.push(crate::confined::Refused { path, why }.diagnostic()),
                }
                break;
            }
        }
        let config_dir = dir.join("config");
        if config_dir.is_dir() {
            config.merge_folder(dir, &config_dir.join("_default"), &mut diags);
            let mut environments: Vec<String> = std::fs::read_dir(&config_dir)
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name != "_default")
                .collect();
            environments.sort();
            if environments.iter().any(|e| e == "production") {
                config.merge_folder(dir, &config_dir.join("production"), &mut diags);
            }
            config.environments = environments;
        }
        if diags.has_errors() {
            return Err(diags);
        }
        if config.files.is_empty() {
            return Err(Diagnostic::error(
                "import-hugo-config-missing",
                dir,
                0,
                0,
                msg!(
                    "no Hugo configuration found in this folder",
                    "geen Hugo-configuratie gevonden in deze map"
                ),
            )
            .with_hint(msg!(
                "HUGO_DIR must be the folder with hugo.toml, config.toml or config/_default/ (the folder you run `hugo` in)",
                "HUGO_DIR moet de map zijn met hugo.toml, config.toml of config/_default/ (de map waarin je `hugo` draait)"
            ))
            .into());
        }
        Ok(config)
    }

    /// Merges every file of a `config/<environment>/` folder, split by key.
    fn merge_folder(&mut self, dir: &Path, folder: &Path, diags: &mut Diagnostics) {
        let walk = crate::confined::files(folder, dir);
        diags.extend(
            walk.refused
                .iter()
                .map(crate::confined::Refused::diagnostic),
        );
        let mut files: Vec<PathBuf> = walk
            .files
            .into_iter()
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| FORMATS.contains(&x.to_string_lossy().as_ref()))
            })
            .collect();
        // The root file (config.* / hugo.*) first, so that split files win.
        files.sort_by_key(|p| {
            let stem = stem(p);
            (stem != "config" && stem != "hugo", p.clone())
        });
        for path in files {
            let stem = stem(&path);
            let mut parts = stem.split('.');
            let key = parts.next().unwrap_or_default().to_lowercase();
            let language = parts.next().map(str::to_lowercase);
            let prefix: Vec<String> = match (key.as_str(), language) {
                ("config" | "hugo", _) => Vec::new(),
                (_, Some(lang)) => vec!["languages".into(), lang, key],
                (_, None) => vec![key],
            };
            self.merge_file(dir, &path, &prefix, diags);
        }
    }

    fn merge_file(&mut self, dir: &Path, path: &Path, prefix: &[String], diags: &mut Diagnostics) {
        let Some(value) = parse_file(path, diags) else {
            return;
        };
        let mut value = lower_keys(value);
        for key in prefix.iter().rev() {
            let mut map = Map::new();
            map.insert(key.clone(), value);
            value = Value::Object(map);
        }
        if let Value::Object(map) = value {
            merge(&mut self.root, map);
        }
        self.files.push(crate::output::slash_path(dir, path));
    }

    /// A value by dotted path of lower-case keys (`languages.nl.contentdir`).
    pub fn get(&self, dotted: &str) -> Option<&Value> {
        let mut parts = dotted.split('.');
        let mut current = self.root.get(parts.next()?)?;
        for part in parts {
            current = current.get(part)?;
        }
        Some(current)
    }

    /// A text value, or None.
    pub fn text(&self, dotted: &str) -> Option<String> {
        self.get(dotted).and_then(Value::as_str).map(str::to_string)
    }

    /// A true/false value, false when absent.
    pub fn flag(&self, dotted: &str) -> bool {
        self.get(dotted).and_then(Value::as_bool).unwrap_or(false)
    }
}

fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.rsplit_once('.') {
        Some((stem, _)) => stem.to_string(),
        None => name,
    }
}

/// The hint for a configuration file that Hugo could not read either.
fn unreadable_for_hugo_hint() -> Message {
    msg!(
        "Hugo would not read this file either; fix it in the Hugo site first",
        "Hugo zou dit bestand ook niet lezen; verbeter het eerst in de Hugo-site"
    )
}

fn parse_file(path: &Path, diags: &mut Diagnostics) -> Option<Value> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            diags.push(Diagnostic::error(
                "import-hugo-config-unreadable",
                path,
                0,
                0,
                msg!("cannot read: {e}", "kan niet worden gelezen: {e}"),
            ));
            return None;
        }
    };
    let ext = path
        .extension()
        .map(|x| x.to_string_lossy().into_owned())
        .unwrap_or_default();
    let result = match ext.as_str() {
        "toml" => match toml::from_str::<toml::Table>(&text) {
            Ok(t) => Ok(toml_to_json(toml::Value::Table(t))),
            Err(e) => Err(toml_error::diagnostic(path, &text, &e)),
        },
        "json" => serde_json::from_str::<Value>(&text).map_err(|e| {
            Diagnostic::error(
                "import-hugo-json-invalid",
                path,
                e.line(),
                e.column(),
                msg!("invalid JSON: {e}", "ongeldige JSON: {e}"),
            )
            .with_hint(unreadable_for_hugo_hint())
        }),
        _ => serde_yaml::from_str::<serde_yaml::Value>(&text)
            .map_err(|e| {
                let (line, col) = e
                    .location()
                    .map(|l| (l.line(), l.column()))
                    .unwrap_or((0, 0));
                Diagnostic::error(
                    "import-hugo-yaml-invalid",
                    path,
                    line,
                    col,
                    msg!("invalid YAML: {e}", "ongeldige YAML: {e}"),
                )
                .with_hint(unreadable_for_hugo_hint())
            })
            .and_then(|y| {
                serde_json::to_value(y).map_err(|e| {
                    Diagnostic::error(
                        "import-hugo-yaml-unsupported",
                        path,
                        0,
                        0,
                        msg!(
                            "unsupported YAML: {e}",
                            "YAML die niet wordt ondersteund: {e}"
                        ),
                    )
                })
            }),
    };
    match result {
        Ok(Value::Null) => Some(Value::Object(Map::new())),
        Ok(v) => Some(v),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

fn lower_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k.to_lowercase(), lower_keys(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(lower_keys).collect()),
        other => other,
    }
}

/// Deep-merges `from` into `into`; values of `from` win, tables merge.
fn merge(into: &mut Map<String, Value>, from: Map<String, Value>) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(Value::Object(existing)), Value::Object(new)) => merge(existing, new),
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn reads_split_config_in_every_format_and_production_on_top() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(
            d,
            "config/_default/config.toml",
            "baseURL = 'https://a.test/'\ntitle = 'T'\n",
        );
        write(d, "config/_default/params.yaml", "copyRight: 'X'\n");
        write(
            d,
            "config/_default/languages.json",
            r#"{"nl": {"contentDir": "content/nl"}}"#,
        );
        write(
            d,
            "config/_default/menus/menus.nl.toml",
            "[[main]]\nname = 'A'\nurl = '/a/'\n",
        );
        write(
            d,
            "config/production/config.toml",
            "baseURL = 'https://b.test/'\n",
        );
        let c = HugoConfig::read(d).unwrap();
        assert_eq!(c.text("baseurl").as_deref(), Some("https://b.test/"));
        assert_eq!(c.text("params.copyright").as_deref(), Some("X"));
        assert_eq!(
            c.text("languages.nl.contentdir").as_deref(),
            Some("content/nl")
        );
        assert_eq!(c.get("languages.nl.menus.main").unwrap()[0]["name"], "A");
        assert_eq!(c.environments, ["production"]);
        assert_eq!(c.files.len(), 5);
    }

    #[test]
    fn hugo_toml_at_the_root_is_read() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "hugo.yaml", "title: Y\n");
        assert_eq!(
            HugoConfig::read(dir.path())
                .unwrap()
                .text("title")
                .as_deref(),
            Some("Y")
        );
    }

    #[test]
    fn broken_file_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "config.toml",
            "title = 'T'\nbaseURL = https://x\n",
        );
        let err = HugoConfig::read(dir.path()).unwrap_err();
        assert_eq!(err.sorted()[0].line, 2);
    }

    #[test]
    fn no_config_is_an_error_with_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let err = HugoConfig::read(dir.path()).unwrap_err();
        assert!(err.to_string().contains("no Hugo configuration"), "{err}");
    }
}
