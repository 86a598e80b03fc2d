//! Splits a content file into front matter and body, and reads the front
//! matter (YAML `---`, TOML `+++` or JSON `{…}`) into [`FrontMatter`].
//!
//! Unknown fields are kept in [`FrontMatter::params`] for templates; a field of
//! the wrong type is a diagnostic pointing at its line.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use super::dates::parse_date;
use crate::diagnostics::{Diagnostic, Diagnostics, Message, line_col};
use crate::msg;
use crate::site_path::{SitePath, Slug};

/// The notation the front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines.
    Toml,
    /// A JSON object at the start of the file.
    Json,
}

/// A content file cut into its two parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The notation of the front matter.
    pub format: Format,
    /// The front matter text (without the fences; for JSON the whole object).
    pub raw: &'a str,
    /// The 1-based line on which `raw` starts.
    pub raw_line: usize,
    /// The Markdown after the front matter.
    pub body: &'a str,
    /// The 1-based line on which `body` starts.
    pub body_line: usize,
}

/// Cuts `text` into front matter and body.
///
/// Fails when the file does not start with `---`, `+++` or `{`, or when the
/// opening fence is never closed.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Blank lines before the opening fence are skipped, as Hugo skips them.
    let blank: usize = text
        .split_inclusive('\n')
        .take_while(|l| l.trim().is_empty() && l.ends_with('\n'))
        .map(str::len)
        .sum();
    let skipped = text[..blank].matches('\n').count();
    let text = &text[blank..];
    let first_line = text.lines().next().unwrap_or("").trim_end();
    let fence = match first_line {
        "---" => Some(("---", Format::Yaml)),
        "+++" => Some(("+++", Format::Toml)),
        _ => None,
    };
    if let Some((fence, format)) = fence {
        let start = text.find('\n').map(|i| i + 1).unwrap_or(text.len());
        let mut offset = start;
        for (i, line) in text[start..].split_inclusive('\n').enumerate() {
            if line.trim_end() == fence {
                let raw = &text[start..offset];
                let body_start = offset + line.len();
                return Ok(Split {
                    format,
                    raw,
                    raw_line: 2 + skipped,
                    body: &text[body_start..],
                    body_line: i + 3 + skipped,
                });
            }
            offset += line.len();
        }
        let line = 1 + skipped;
        return Err(Diagnostic::error(
            "front-matter-unclosed",
            file,
            line,
            1,
            msg!(
                "the front matter opened with `{fence}` on line {line} is never closed",
                "de front matter die op regel {line} met `{fence}` begint, wordt nergens gesloten"
            ),
        )
        .with_hint(msg!(
            "add a line with only `{fence}` after the last front-matter field, before the text of the page",
            "zet na het laatste veld van de front matter een regel met alleen `{fence}`, vóór de tekst van de pagina"
        )));
    }
    if text.trim_start().starts_with('{') {
        let lead = text.len() - text.trim_start().len();
        let mut stream = serde_json::Deserializer::from_str(&text[lead..]).into_iter::<Value>();
        return match stream.next() {
            Some(Ok(_)) => {
                let end = lead + stream.byte_offset();
                let raw_line = line_col(text, lead).0 + skipped;
                let end_line = line_col(text, end).0 + skipped;
                let body_start = text[end..]
                    .find('\n')
                    .map(|i| end + i + 1)
                    .unwrap_or(text.len());
                Ok(Split {
                    format: Format::Json,
                    raw: &text[lead..end],
                    raw_line,
                    body: &text[body_start..],
                    body_line: end_line + 1,
                })
            }
            Some(Err(e)) => Err(json_error(file, &e, line_col(text, lead).0 + skipped)),
            None => Err(missing(file)),
        };
    }
    Err(missing(file))
}

fn missing(file: &Path) -> Diagnostic {
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    Diagnostic::error(
        "front-matter-missing",
        file,
        1,
        1,
        msg!(
            "couldn't find front matter in `{name}`",
            "geen front matter gevonden in `{name}`"
        ),
    )
    .with_hint(msg!(
        "did you forget to add `---` (or `+++`) on the first line and again after the fields? Example:\n---\ntitle: \"Mijn bericht\"\ndate: 2025-11-24\n---",
        "ben je vergeten `---` (of `+++`) op de eerste regel en nog eens na de velden te zetten? Voorbeeld:\n---\ntitle: \"Mijn bericht\"\ndate: 2025-11-24\n---"
    ))
}

fn json_error(file: &Path, e: &serde_json::Error, first_line: usize) -> Diagnostic {
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    let (line, column) = (e.line() + first_line - 1, e.column());
    // Our own words (see `NoDuplicateKeys`), or else serde_json's.
    if let Some(key) = message
        .strip_prefix("the key `")
        .and_then(|rest| rest.strip_suffix("` appears twice"))
    {
        return Diagnostic::error(
            "front-matter-key-twice",
            file,
            line,
            column,
            msg!(
                "invalid JSON front matter: the key `{key}` appears twice",
                "ongeldige JSON in de front matter: het veld `{key}` staat er twee keer in"
            ),
        )
        .with_hint(twice_hint());
    }
    Diagnostic::error(
        "front-matter-json-invalid",
        file,
        line,
        column,
        msg!(
            "invalid JSON front matter: {message}",
            "ongeldige JSON in de front matter: {message}"
        ),
    )
    .with_hint(msg!(
        "JSON front matter needs \"double-quoted\" keys and commas between fields",
        "JSON in de front matter heeft veldnamen tussen \"dubbele aanhalingstekens\" nodig, en komma's tussen de velden"
    ))
}

/// The hint for a field that is written twice.
fn twice_hint() -> Message {
    msg!(
        "remove one of the two lines; only one value can count",
        "haal een van de twee regels weg; er kan maar één waarde gelden"
    )
}

/// One menu a page puts itself in, from the `menu` front-matter field.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct MenuRef {
    /// Which menu (`main`, `docs`, …).
    pub menu: String,
    /// Link text when it differs from the title.
    pub name: Option<String>,
    /// Identifier of the parent entry, for nested menus.
    pub parent: Option<String>,
    /// Lower weights come first.
    pub weight: i64,
}

/// The front matter of one page, with Hugo's known fields read and typed.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Page title.
    pub title: Option<String>,
    /// Short description for meta tags and lists.
    pub description: Option<String>,
    /// Introductory HTML shown above the text (Doks).
    pub lead: Option<String>,
    /// Summary for lists, instead of the first words.
    pub summary: Option<String>,
    /// Publication date.
    pub date: Option<DateTime<FixedOffset>>,
    /// Last modification date.
    pub lastmod: Option<DateTime<FixedOffset>>,
    /// Not published before this date.
    pub publish_date: Option<DateTime<FixedOffset>>,
    /// Not published after this date.
    pub expiry_date: Option<DateTime<FixedOffset>>,
    /// Drafts are left out unless `--drafts`.
    pub draft: bool,
    /// Ordering weight; 0 means none.
    pub weight: i64,
    /// Replaces the last part of the URL.
    pub slug: Option<Slug>,
    /// Replaces the whole URL path.
    pub url: Option<SitePath>,
    /// Old paths that redirect to this page.
    pub aliases: Vec<SitePath>,
    /// Images for social media previews.
    pub images: Vec<String>,
    /// Show a table of contents.
    pub toc: bool,
    /// Menus the page appears in.
    pub menus: Vec<MenuRef>,
    /// Categories (taxonomy).
    pub categories: Vec<String>,
    /// Tags (taxonomy).
    pub tags: Vec<String>,
    /// Authors.
    pub contributors: Vec<String>,
    /// Template to use instead of the default.
    pub layout: Option<String>,
    /// Every field as written, known or not, for templates.
    pub params: Map<String, Value>,
}

/// The front-matter keys this engine reads and acts on (or hands to the
/// starter templates of a migrated site).
pub const EFFECTIVE_KEYS: &[&str] = &[
    "title",
    "description",
    "lead",
    "summary",
    "date",
    "lastmod",
    "publishDate",
    "expiryDate",
    "draft",
    "weight",
    "slug",
    "url",
    "aliases",
    "images",
    "toc",
    "menu",
    "categories",
    "tags",
    "contributors",
    "layout",
];

/// Keys of the Doks theme and Hugo that are kept for templates but have no
/// effect of their own.
pub const KEPT_KEYS: &[&str] = &[
    "type",
    "keywords",
    "sitemap",
    "pinned",
    "homepage",
    "sidebar",
    "linkTitle",
    "headless",
    "outputs",
];

/// Every key this engine knows; an unknown key close to one of these is
/// probably a typo.
fn known_keys() -> impl Iterator<Item = &'static str> {
    EFFECTIVE_KEYS.iter().chain(KEPT_KEYS).copied()
}

/// Parses the front matter of `split` and reads the known fields.
///
/// Collects every problem (syntax, wrong types, bad dates) before failing.
pub fn parse(file: &Path, split: &Split<'_>) -> Result<FrontMatter, Diagnostics> {
    parse_with_warnings(file, split).map(|(fm, _)| fm)
}

/// Like [`parse`], and also returns warnings: keys that look like a
/// misspelt known key (`titel:` → "did you mean `title`?").
pub fn parse_with_warnings(
    file: &Path,
    split: &Split<'_>,
) -> Result<(FrontMatter, Diagnostics), Diagnostics> {
    let value = to_json(file, split).map_err(Diagnostics::from)?;
    let map = match value {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        _ => {
            return Err(Diagnostic::error(
                "front-matter-not-fields",
                file,
                split.raw_line,
                1,
                msg!(
                    "the front matter is not a list of fields",
                    "de front matter is geen lijst met velden"
                ),
            )
            .with_hint(msg!(
                "write one `field: value` per line, for example `title: \"Mijn bericht\"`",
                "schrijf één `field: value` per regel, bijvoorbeeld `title: \"Mijn bericht\"`"
            ))
            .into());
        }
    };
    let mut reader = FieldReader {
        file,
        split,
        diags: Diagnostics::new(),
    };
    let fm = FrontMatter {
        title: reader.string(&map, "title"),
        description: reader.string(&map, "description"),
        lead: reader.string(&map, "lead"),
        summary: reader.string(&map, "summary"),
        date: reader.date(&map, "date"),
        lastmod: reader.date(&map, "lastmod"),
        publish_date: reader.date(&map, "publishDate"),
        expiry_date: reader.date(&map, "expiryDate"),
        draft: reader.boolean(&map, "draft"),
        weight: reader.integer(&map, "weight"),
        slug: reader.slug(&map),
        url: reader.site_path(&map, "url"),
        aliases: reader.site_paths(&map, "aliases"),
        images: reader.strings(&map, "images"),
        toc: reader.boolean(&map, "toc"),
        menus: reader.menus(&map),
        categories: reader.strings(&map, "categories"),
        tags: reader.strings(&map, "tags"),
        contributors: reader.strings(&map, "contributors"),
        layout: reader.string(&map, "layout"),
        params: map.clone(),
    };
    reader.misspelt_keys(&map);
    if reader.diags.has_errors() {
        Err(reader.diags)
    } else {
        Ok((fm, reader.diags))
    }
}

/// The known key an unknown `key` is probably a typo of.
fn did_you_mean(key: &str) -> Option<&'static str> {
    if known_keys().any(|known| known == key) {
        return None;
    }
    let lower = key.to_lowercase();
    known_keys()
        .map(|known| {
            (
                strsim::damerau_levenshtein(&lower, &known.to_lowercase()),
                known,
            )
        })
        .filter(|(distance, known)| {
            *distance == 0 || (*distance <= 2 && known.len() >= 4 && key.len() >= 3)
        })
        .min()
        .map(|(_, known)| known)
}

fn to_json(file: &Path, split: &Split<'_>) -> Result<Value, Diagnostic> {
    let limit = super::nesting::MAX_DEPTH;
    let syntax = match split.format {
        Format::Yaml => super::nesting::Syntax::Yaml,
        Format::Toml => super::nesting::Syntax::Toml,
        Format::Json => super::nesting::Syntax::Json,
    };
    if let Some((line, column)) = super::nesting::too_deep(split.raw, syntax, limit) {
        return Err(Diagnostic::error(
            "front-matter-too-deep",
            file,
            split.raw_line + line,
            column,
            msg!(
                "the front matter nests lists or tables more than {limit} levels deep",
                "de front matter zet lijsten of tabellen meer dan {limit} lagen diep in elkaar"
            ),
        )
        .with_hint(msg!(
            "write the fields flat (`tags: [a, b]`); front matter this deep is refused unread",
            "schrijf de velden plat (`tags: [a, b]`); zo diepe front matter wordt ongelezen geweigerd"
        )));
    }
    match split.format {
        Format::Yaml => {
            let yaml: serde_yaml::Value = serde_yaml::from_str(split.raw).map_err(|e| {
                let (line, column) = e
                    .location()
                    .map(|l| (l.line() + split.raw_line - 1, l.column()))
                    .unwrap_or((split.raw_line, 1));
                let message = e.to_string();
                let message = message.split(" at line").next().unwrap_or(&message).to_string();
                if let Some(key) = message
                    .strip_prefix("duplicate entry with key \"")
                    .and_then(|k| k.strip_suffix('"'))
                {
                    // Point at the second time the key is written.
                    let line = split
                        .raw
                        .lines()
                        .enumerate()
                        .filter(|(_, l)| l.starts_with(&format!("{key}:")))
                        .nth(1)
                        .map_or(line, |(i, _)| i + split.raw_line);
                    return Diagnostic::error(
                        "front-matter-key-twice",
                        file,
                        line,
                        1,
                        msg!(
                            "the field `{key}` appears twice in the front matter",
                            "het veld `{key}` staat twee keer in de front matter"
                        ),
                    )
                    .with_hint(twice_hint());
                }
                Diagnostic::error(
                    "front-matter-yaml-invalid",
                    file,
                    line,
                    column,
                    msg!(
                        "invalid YAML front matter: {message}",
                        "ongeldige YAML in de front matter: {message}"
                    ),
                )
                .with_hint(msg!(
                    "each line is `field: value`; put text that contains `:` or starts with a quote or `[` in \"double quotes\"; indent with spaces, not tabs",
                    "elke regel is `field: value`; zet tekst met een `:` erin, of die begint met een aanhalingsteken of `[`, tussen \"dubbele aanhalingstekens\"; spring in met spaties, niet met tabs"
                ))
            })?;
            serde_json::to_value(yaml).map_err(|e| {
                Diagnostic::error(
                    "front-matter-yaml-unsupported",
                    file,
                    split.raw_line,
                    1,
                    msg!(
                        "unsupported YAML front matter: {e}",
                        "YAML in de front matter die niet ondersteund wordt: {e}"
                    ),
                )
                .with_hint(msg!(
                    "use plain text keys such as `title:`",
                    "gebruik gewone tekst als veldnaam, zoals `title:`"
                ))
            })
        }
        Format::Toml => {
            let table: toml::Table = toml::from_str(split.raw).map_err(|e| {
                let (line, column) = e
                    .span()
                    .map(|s| line_col(split.raw, s.start))
                    .unwrap_or((1, 1));
                let reason = e.message().trim();
                Diagnostic::error(
                    "front-matter-toml-invalid",
                    file,
                    line + split.raw_line - 1,
                    column,
                    msg!(
                        "invalid TOML front matter: {reason}",
                        "ongeldige TOML in de front matter: {reason}"
                    ),
                )
                .with_hint(msg!(
                    "each line is `field = value`; text needs \"double quotes\"",
                    "elke regel is `field = value`; tekst moet tussen \"dubbele aanhalingstekens\""
                ))
            })?;
            Ok(toml_to_json(toml::Value::Table(table)))
        }
        Format::Json => {
            serde_json::from_str::<NoDuplicateKeys>(split.raw)
                .map_err(|e| json_error(file, &e, split.raw_line))?;
            serde_json::from_str(split.raw).map_err(|e| json_error(file, &e, split.raw_line))
        }
    }
}

/// Reads a JSON value only to refuse an object that has one key twice
/// (`serde_json` would silently keep the last one).
struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeys {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!(
                    "the key `{key}` appears twice"
                )));
            }
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(NoDuplicateKeys)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(NoDuplicateKeys)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(NoDuplicateKeys)
    }
}

/// Converts a TOML value to JSON, writing dates as their TOML text.
pub fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// What a text field must be, for [`FieldReader::wrong_type`].
fn expected_text() -> Message {
    msg!("text", "tekst")
}

/// What a list field must be, for [`FieldReader::wrong_type`].
fn expected_list() -> Message {
    msg!("a list of texts", "een lijst met teksten")
}

struct FieldReader<'a> {
    file: &'a Path,
    split: &'a Split<'a>,
    diags: Diagnostics,
}

impl FieldReader<'_> {
    /// Warns about every unknown key that looks like a known one.
    fn misspelt_keys(&mut self, map: &Map<String, Value>) {
        for key in map.keys() {
            if let Some(known) = did_you_mean(key) {
                let (line, column) = self.position(key);
                self.diags.push(
                    Diagnostic::warning(
                        "front-matter-key-misspelt",
                        self.file,
                        line,
                        column,
                        msg!(
                            "unknown front-matter key `{key}`; did you mean `{known}`?",
                            "onbekend veld `{key}` in de front matter; bedoel je `{known}`?"
                        ),
                    )
                    .with_hint(msg!(
                        "rename it to `{known}`; unknown keys are kept for templates but the engine ignores them",
                        "noem het `{known}`; onbekende velden blijven bewaard voor de templates, maar verder doet het programma er niets mee"
                    )),
                );
            }
        }
    }

    /// Line and column of `key` in the front matter, for diagnostics.
    fn position(&self, key: &str) -> (usize, usize) {
        for (i, line) in self.split.raw.lines().enumerate() {
            let trimmed = line.trim_start();
            let rest = trimmed
                .strip_prefix(key)
                .or_else(|| trimmed.strip_prefix(&format!("\"{key}\"")));
            if let Some(rest) = rest
                && rest.trim_start().starts_with([':', '='])
            {
                return (i + self.split.raw_line, line.len() - trimmed.len() + 1);
            }
        }
        (self.split.raw_line, 1)
    }

    /// An error for `key` holding the wrong kind of value: `expected` says
    /// what it must be ("a whole number"), `example` shows one.
    fn wrong_type(&mut self, key: &str, expected: Message, example: &str) {
        let (line, column) = self.position(key);
        self.diags.push(
            Diagnostic::error(
                "front-matter-wrong-type",
                self.file,
                line,
                column,
                msg!("`{key}` must be {expected}", "`{key}` moet {expected} zijn"; expected),
            )
            .with_hint(msg!("for example: {example}", "bijvoorbeeld: {example}")),
        );
    }

    fn string(&mut self, map: &Map<String, Value>, key: &str) -> Option<String> {
        match map.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => {
                self.wrong_type(key, expected_text(), &format!("{key}: \"…\""));
                None
            }
        }
    }

    fn path_error(&mut self, key: &str, e: crate::site_path::PathError) {
        let (line, column) = self.position(key);
        self.diags.push(
            Diagnostic::error("front-matter-path-invalid", self.file, line, column, {
                let reason = e.message;
                msg!("`{key}`: {reason}", "`{key}`: {reason}"; reason)
            })
            .with_hint(e.hint),
        );
    }

    fn slug(&mut self, map: &Map<String, Value>) -> Option<Slug> {
        let text = match map.get("slug")? {
            Value::Null => String::new(),
            _ => self.string(map, "slug")?,
        };
        Slug::parse(&text)
            .map_err(|e| self.path_error("slug", e))
            .ok()
    }

    fn site_path(&mut self, map: &Map<String, Value>, key: &str) -> Option<SitePath> {
        let text = match map.get(key)? {
            Value::Null => String::new(),
            _ => self.string(map, key)?,
        };
        SitePath::parse_page(&text)
            .map_err(|e| self.path_error(key, e))
            .ok()
    }

    fn site_paths(&mut self, map: &Map<String, Value>, key: &str) -> Vec<SitePath> {
        self.strings(map, key)
            .iter()
            .filter_map(|text| {
                SitePath::parse_page(text)
                    .map_err(|e| self.path_error(key, e))
                    .ok()
            })
            .collect()
    }

    fn boolean(&mut self, map: &Map<String, Value>, key: &str) -> bool {
        match map.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) if s == "true" || s == "false" => s == "true",
            Some(_) => {
                self.wrong_type(
                    key,
                    msg!("true or false", "true of false"),
                    &format!("{key}: true"),
                );
                false
            }
        }
    }

    fn integer(&mut self, map: &Map<String, Value>, key: &str) -> i64 {
        match map.get(key) {
            None | Some(Value::Null) => 0,
            Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or(0),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => {
                s.trim().parse().unwrap_or(0)
            }
            Some(_) => {
                self.wrong_type(
                    key,
                    msg!("a whole number", "een geheel getal"),
                    &format!("{key}: 10"),
                );
                0
            }
        }
    }

    fn strings(&mut self, map: &Map<String, Value>, key: &str) -> Vec<String> {
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) if s.contains(',') => {
                let items: Vec<String> =
                    s.split(',').map(|i| format!("\"{}\"", i.trim())).collect();
                let (line, column) = self.position(key);
                self.diags.push(
                    Diagnostic::error(
                        "front-matter-list-as-text",
                        self.file,
                        line,
                        column,
                        msg!(
                            "`{key}` is one text with commas in it, not a list: {s:?}",
                            "`{key}` is één tekst met komma's erin, geen lijst: {s:?}"
                        ),
                    )
                    .with_hint({
                        let items = items.join(", ");
                        msg!(
                            "write a list in square brackets: {key}: [{items}]",
                            "schrijf een lijst tussen vierkante haken: {key}: [{items}]"
                        )
                    }),
                );
                Vec::new()
            }
            Some(Value::String(s)) => vec![s.clone()],
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(s.clone()),
                        Value::Number(n) => out.push(n.to_string()),
                        _ => {
                            self.wrong_type(
                                key,
                                expected_list(),
                                &format!("{key}: [\"een\", \"twee\"]"),
                            );
                            return Vec::new();
                        }
                    }
                }
                out
            }
            Some(_) => {
                self.wrong_type(key, expected_list(), &format!("{key}: [\"een\", \"twee\"]"));
                Vec::new()
            }
        }
    }

    fn date(&mut self, map: &Map<String, Value>, key: &str) -> Option<DateTime<FixedOffset>> {
        let text = match map.get(key)? {
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) => s.clone(),
            Value::Null => return None,
            other => other.to_string(),
        };
        let parsed = parse_date(&text);
        if parsed.is_none() {
            let (line, column) = self.position(key);
            self.diags.push(
                Diagnostic::error(
                    "front-matter-date-invalid",
                    self.file,
                    line,
                    column,
                    msg!("`{key}` is not a date: {text:?}", "`{key}` is geen datum: {text:?}"),
                )
                .with_hint(msg!(
                    "write the date as year-month-day, for example `{key}: 2025-11-24` or `{key}: 2025-11-24T09:30:00+01:00`",
                    "schrijf de datum als jaar-maand-dag, bijvoorbeeld `{key}: 2025-11-24` of `{key}: 2025-11-24T09:30:00+01:00`"
                )),
            );
        }
        parsed
    }

    fn menus(&mut self, map: &Map<String, Value>) -> Vec<MenuRef> {
        let menu_ref = |menu: &str| MenuRef {
            menu: menu.to_string(),
            ..MenuRef::default()
        };
        match map.get("menu") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![menu_ref(s)],
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .map(menu_ref)
                .collect(),
            Some(Value::Object(menus)) => {
                let mut refs = Vec::new();
                for (name, settings) in menus {
                    let get_str =
                        |k: &str| settings.get(k).and_then(Value::as_str).map(str::to_string);
                    let weight = match settings.get("weight") {
                        None | Some(Value::Null) => 0,
                        Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or(0),
                        Some(other) => {
                            let (line, column) = self.position("weight");
                            self.diags.push(
                                Diagnostic::error(
                                    "front-matter-menu-weight-invalid",
                                    self.file,
                                    line,
                                    column,
                                    msg!(
                                        "the menu weight of `{name}` must be a whole number, not {other}",
                                        "het menugewicht van `{name}` moet een geheel getal zijn, niet {other}"
                                    ),
                                )
                                .with_hint(msg!(
                                    "write the number without quotes, for example `weight: 10`",
                                    "schrijf het getal zonder aanhalingstekens, bijvoorbeeld `weight: 10`"
                                )),
                            );
                            0
                        }
                    };
                    for key in ["name", "parent"] {
                        if settings
                            .get(key)
                            .is_some_and(|v| !v.is_string() && !v.is_null())
                        {
                            self.wrong_type(key, expected_text(), &format!("{key}: \"…\""));
                        }
                    }
                    refs.push(MenuRef {
                        menu: name.clone(),
                        name: get_str("name"),
                        parent: get_str("parent").filter(|p| !p.is_empty()),
                        weight,
                    });
                }
                refs
            }
            Some(_) => {
                self.wrong_type(
                    "menu",
                    msg!(
                        "a menu name or a table of menus",
                        "een menunaam of een tabel met menu's"
                    ),
                    "menu: main",
                );
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
#[path = "front_matter_tests.rs"]
mod tests;
