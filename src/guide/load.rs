//! Reads the voting-guide data files under `<site>/data/` into [`GuideData`].
//!
//! Every problem an editor can cause (a typo in a verdict, an unknown party, a
//! district that does not exist, a malformed date) becomes a [`Diagnostic`] with
//! the file, line and column and a suggested fix. Loading goes on after a problem
//! so that one run reports all of them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::model::{
    Alias, District, Districts, Election, Evidence, EvidenceKind, FactionResult, GuideData, Item,
    ItemKind, Level, Origin, Outreach, Party, PartyEntry, Programme, ProgrammeFormat, RuleOutcome,
    Stance, Strength, VoteChoice,
};
use crate::data_file::read_toml;
use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::url::{ExternalUrl, Schemes};

/// Reads `data/parties.toml`, `data/items/*.toml` and `data/elections/*/` below
/// `site_root`. Returns every problem found when any of them is an error.
pub fn load(site_root: &Path) -> Result<GuideData, Diagnostics> {
    let data_dir = site_root.join("data");
    let mut diags = Diagnostics::new();
    let items = load_items(&data_dir.join("items"), &mut diags);
    let votes = super::synced::load_votes(&data_dir.join("votes"), &items, &mut diags);
    let mut data = GuideData {
        parties: load_parties(&data_dir.join("parties.toml"), &mut diags),
        items,
        elections: Vec::new(),
        votes,
    };
    for dir in sorted_entries(&data_dir.join("elections"), &mut diags)
        .into_iter()
        .filter(|p| p.is_dir())
    {
        if let Some(election) = load_election(&dir, &data, &mut diags) {
            data.elections.push(election);
        }
    }
    data.elections
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let mut elections = std::mem::take(&mut data.elections);
    for election in &mut elections {
        super::synced::apply(&data, election);
    }
    data.elections = elections;
    check_unique_paths(&data.elections, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(data)
    }
}

/// One source file being read: its path and text, for positions.
struct Source<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Source<'_> {
    fn at<T>(&self, spanned: &Spanned<T>) -> (usize, usize) {
        line_col(self.text, spanned.span().start)
    }

    fn error<T>(&self, spanned: &Spanned<T>, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.at(spanned);
        Diagnostic::error(self.path, line, col, message)
    }

    fn origin_at<T>(&self, spanned: &Spanned<T>) -> Origin {
        Origin {
            file: self.path.to_path_buf(),
            line: self.at(spanned).0,
        }
    }

    /// Reads a text field that must be one of `allowed` (TOML spelling, value).
    /// A typo gives one diagnostic naming the allowed values and the closest one.
    fn choice<T: Copy>(
        &self,
        field: &str,
        value: &Spanned<String>,
        allowed: &[(&str, T)],
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let text = value.get_ref().trim();
        if let Some((_, v)) = allowed.iter().find(|(name, _)| *name == text) {
            return Some(*v);
        }
        let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
        let list = match names.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        };
        let closest = names
            .iter()
            .find(|n| n.starts_with(text) || text.starts_with(**n) || n.eq_ignore_ascii_case(text));
        let hint = match closest {
            Some(n) => format!("did you mean {field} = \"{n}\"?"),
            None => format!(
                "write {field} = \"{}\" (or another of the values listed)",
                names[0]
            ),
        };
        diags.push(
            self.error(
                value,
                format!("`{text}` is not a valid {field}: {field} must be one of {list}"),
            )
            .with_hint(hint),
        );
        None
    }

    /// Checks a link from a data file: only complete http(s) addresses
    /// (or mailto where `schemes` allows it) get through.
    fn url(
        &self,
        value: &Spanned<String>,
        schemes: Schemes,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        match ExternalUrl::parse(value.get_ref(), schemes) {
            Ok(url) => Some(url.as_str().to_string()),
            Err(e) => {
                diags.push(self.error(value, e.message).with_hint(e.hint));
                None
            }
        }
    }

    /// The line of the `n`-th (0-based) `[[header]]` line, or 0 when not found.
    fn nth_header_line(&self, header: &str, n: usize) -> usize {
        let wanted = format!("[[{header}]]");
        self.text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with(&wanted))
            .nth(n)
            .map(|(i, _)| i + 1)
            .unwrap_or(0)
    }
}

/// Reads a guide data file: every unknown key is reported first (all of
/// them, see `fields.rs`), then the file is read into `T`.
fn read_guide<T: serde::de::DeserializeOwned>(
    path: &Path,
    shape: &super::fields::Shape,
    diags: &mut Diagnostics,
) -> Option<(T, String)> {
    if let Ok(text) = fs::read_to_string(path) {
        super::fields::check_keys(path, &text, shape, diags);
    }
    read_toml::<T>(path, READ_HINT, diags).map(|p| (p.value, p.text))
}

/// What to do when a guide data file cannot be read.
const READ_HINT: &str = "check that the file exists and is UTF-8 text";

/// Files and folders directly inside `dir`, sorted by name; empty when `dir` is absent.
fn sorted_entries(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    if !dir.exists() {
        return Vec::new();
    }
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
        }
        Err(err) => {
            diags.push(Diagnostic::error(
                dir,
                0,
                0,
                format!("cannot read the folder: {err}"),
            ));
            Vec::new()
        }
    }
}

fn toml_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    sorted_entries(dir, diags)
        .into_iter()
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect()
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// True for ids made of lower-case letters, digits and single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

// ---------------------------------------------------------------- parties

#[derive(Deserialize)]
struct RawPartiesFile {
    #[serde(default)]
    party: Vec<RawParty>,
}

#[derive(Deserialize)]
struct RawParty {
    id: Spanned<String>,
    name: String,
    short_name: Option<String>,
    aliases: Option<Spanned<Vec<toml::Value>>>,
    website: Option<Spanned<String>>,
}

pub(crate) fn load_parties(path: &Path, diags: &mut Diagnostics) -> Vec<Party> {
    if !path.exists() {
        return Vec::new();
    }
    let Some((raw, text)) = read_guide::<RawPartiesFile>(path, super::fields::PARTIES, diags)
    else {
        return Vec::new();
    };
    let src = Source { path, text: &text };
    let mut seen = BTreeSet::new();
    let mut parties = Vec::new();
    for p in raw.party {
        let id = p.id.get_ref().clone();
        if !is_valid_id(&id) {
            diags.push(
                src.error(&p.id, format!("party id `{id}` is not a valid id"))
                    .with_hint(
                        "use lower-case letters, digits and hyphens, e.g. `groenlinks-pvda`",
                    ),
            );
            continue;
        }
        if !seen.insert(id.clone()) {
            diags.push(
                src.error(&p.id, format!("party id `{id}` is used twice"))
                    .with_hint("each [[party]] needs its own id; remove or rename the second one"),
            );
            continue;
        }
        let aliases = p
            .aliases
            .as_ref()
            .map(|a| convert_aliases(&src, a, diags))
            .unwrap_or_default();
        parties.push(Party {
            origin: src.origin_at(&p.id),
            id,
            name: p.name,
            short_name: p.short_name,
            aliases,
            website: p
                .website
                .as_ref()
                .and_then(|w| src.url(w, Schemes::Web, diags)),
        });
    }
    parties
}

/// What an alias may look like, for hints.
const ALIAS_HINT: &str = "write a name, e.g. \"GroenLinks\", or a name with a period, e.g. { name = \"Lid Omtzigt\", from = 2023-08-20, until = 2023-11-22 }";

/// Reads `aliases = ["X", { name = "Y", from = 2023-08-20 }]`.
fn convert_aliases(
    src: &Source<'_>,
    raw: &Spanned<Vec<toml::Value>>,
    diags: &mut Diagnostics,
) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for value in raw.get_ref() {
        match value {
            toml::Value::String(name) => aliases.push(Alias::always(name.clone())),
            toml::Value::Table(table) => {
                let date = |key: &str, diags: &mut Diagnostics| -> Option<NaiveDate> {
                    let v = table.get(key)?;
                    let text = match v {
                        toml::Value::Datetime(dt) => dt.to_string(),
                        toml::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
                    if parsed.is_none() {
                        diags.push(
                            src.error(raw, format!("`{key} = {text}` in an alias is not a date"))
                                .with_hint("write dates as year-month-day, e.g. 2023-08-20"),
                        );
                    }
                    parsed
                };
                let unknown: Vec<&String> = table
                    .keys()
                    .filter(|k| !["name", "from", "until"].contains(&k.as_str()))
                    .collect();
                if let Some(key) = unknown.first() {
                    diags.push(
                        src.error(raw, format!("an alias has an unknown field `{key}`"))
                            .with_hint("an alias table has only name, from and until"),
                    );
                }
                let Some(toml::Value::String(name)) = table.get("name") else {
                    diags.push(
                        src.error(raw, "an alias table needs a `name`")
                            .with_hint(ALIAS_HINT),
                    );
                    continue;
                };
                let from = date("from", diags);
                let until = date("until", diags);
                if let (Some(f), Some(u)) = (from, until)
                    && u < f
                {
                    diags.push(
                        src.error(
                            raw,
                            format!("the alias `{name}` ends ({u}) before it starts ({f})"),
                        )
                        .with_hint("swap from and until"),
                    );
                }
                aliases.push(Alias {
                    name: name.clone(),
                    from,
                    until,
                });
            }
            other => diags.push(
                src.error(raw, format!("`{other}` is not an alias"))
                    .with_hint(ALIAS_HINT),
            ),
        }
    }
    aliases
}

// ---------------------------------------------------------------- items

#[derive(Deserialize)]
struct RawItem {
    number: Spanned<String>,
    title: String,
    date: Option<Spanned<toml::Value>>,
    kind: Spanned<String>,
    url: Option<Spanned<String>>,
    protects: Option<Spanned<String>>,
    #[serde(default)]
    result: Vec<FactionResult>,
}

const ITEM_KINDS: [(&str, ItemKind); 2] = [("motion", ItemKind::Motion), ("bill", ItemKind::Bill)];
const VOTES: [(&str, VoteChoice); 3] = [
    ("for", VoteChoice::For),
    ("against", VoteChoice::Against),
    ("absent", VoteChoice::Absent),
];
const PROTECTING_VOTES: [(&str, VoteChoice); 2] =
    [("for", VoteChoice::For), ("against", VoteChoice::Against)];
const KINDS: [(&str, EvidenceKind); 6] = [
    ("programme", EvidenceKind::Programme),
    ("vote", EvidenceKind::Vote),
    ("debate", EvidenceKind::Debate),
    ("reply", EvidenceKind::Reply),
    ("action", EvidenceKind::Action),
    ("statement", EvidenceKind::Statement),
];
const STANCES: [(&str, Stance); 5] = [
    ("protects", Stance::Protects),
    ("undermines", Stance::Undermines),
    ("mixed", Stance::Mixed),
    ("silent", Stance::Silent),
    ("unclassified", Stance::Unclassified),
];
const STRENGTHS: [(&str, Strength); 2] = [
    ("explicit", Strength::Explicit),
    ("general", Strength::General),
];
const FORMATS: [(&str, ProgrammeFormat); 2] = [
    ("html", ProgrammeFormat::Html),
    ("pdf", ProgrammeFormat::Pdf),
];
const RULES: [(&str, RuleOutcome); 4] = [
    ("protects", RuleOutcome::Protects),
    ("mixed", RuleOutcome::Mixed),
    ("does_not_protect", RuleOutcome::DoesNotProtect),
    ("unclear", RuleOutcome::Unclear),
];

pub(crate) fn load_items(dir: &Path, diags: &mut Diagnostics) -> BTreeMap<String, Item> {
    let mut items = BTreeMap::new();
    for path in toml_files(dir, diags) {
        let Some((raw, text)) = read_guide::<RawItem>(&path, super::fields::ITEM, diags) else {
            continue;
        };
        let src = Source {
            path: &path,
            text: &text,
        };
        let number = raw.number.get_ref().trim().to_string();
        if number != file_stem(&path) {
            diags.push(
                src.error(
                    &raw.number,
                    format!(
                        "item number `{number}` does not match the file name `{}`",
                        path.file_name().unwrap_or_default().to_string_lossy()
                    ),
                )
                .with_hint(format!(
                    "name the file `{number}.toml` or correct the number"
                )),
            );
            continue;
        }
        let date = raw.date.as_ref().and_then(|d| parse_date(&src, d, diags));
        let kind = src.choice("kind", &raw.kind, &ITEM_KINDS, diags);
        let protects = raw
            .protects
            .as_ref()
            .and_then(|p| src.choice("protects", p, &PROTECTING_VOTES, diags));
        let url = raw
            .url
            .as_ref()
            .and_then(|u| src.url(u, Schemes::Web, diags));
        let Some(kind) = kind else { continue };
        items.insert(
            number.clone(),
            Item {
                origin: src.origin_at(&raw.number),
                number,
                title: raw.title,
                date,
                kind,
                url,
                protects,
                results: raw.result,
            },
        );
    }
    items
}

/// Reads a date written as a TOML date (`2023-11-22`) or a string (`"2023-11-22"`).
fn parse_date(
    src: &Source<'_>,
    value: &Spanned<toml::Value>,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let text = match value.get_ref() {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(dt) => dt.to_string(),
        other => other.to_string(),
    };
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            diags.push(
                src.error(value, format!("`{text}` is not a valid date"))
                    .with_hint("write dates as year-month-day, e.g. 2023-11-22"),
            );
            None
        }
    }
}

// ---------------------------------------------------------------- elections

#[derive(Deserialize)]
struct RawElection {
    title: String,
    date: Spanned<toml::Value>,
    path: Option<Spanned<String>>,
    intro: Option<String>,
    methodology: String,
    #[serde(default)]
    level: Vec<RawLevel>,
    #[serde(default)]
    district: Vec<RawDistrict>,
}

#[derive(Deserialize)]
struct RawLevel {
    id: Spanned<String>,
    symbol: Spanned<String>,
    label: String,
    meaning: String,
    screen_reader: String,
    rule: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct RawDistrict {
    number: Spanned<i64>,
    name: String,
}

fn load_election(dir: &Path, data: &GuideData, diags: &mut Diagnostics) -> Option<Election> {
    let id = dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = dir.join("election.toml");
    if !is_valid_id(&id) {
        diags.push(
            Diagnostic::error(
                dir,
                0,
                0,
                format!("election folder name `{id}` is not a valid id"),
            )
            .with_hint("use lower-case letters, digits and hyphens, e.g. `tk2023`"),
        );
        return None;
    }
    if !path.exists() {
        diags.push(
            Diagnostic::error(&path, 0, 0, "the election folder has no election.toml")
                .with_hint("add election.toml with title, date, [[level]] and [[district]] tables"),
        );
        return None;
    }
    let (raw, text) = read_guide::<RawElection>(&path, super::fields::ELECTION, diags)?;
    let src = Source {
        path: &path,
        text: &text,
    };
    let date = parse_date(&src, &raw.date, diags)?;
    let url_path = match &raw.path {
        Some(p) => {
            let value = p.get_ref().trim().to_string();
            match crate::site_path::SitePath::parse(&value) {
                Err(e) => diags.push(
                    src.error(p, format!("path: {}", e.message))
                        .with_hint(format!("{}; for example path = \"/{id}/\"", e.hint)),
                ),
                Ok(_) if !value.starts_with('/') || !value.ends_with('/') => diags.push(
                    src.error(p, format!("path `{value}` must start and end with `/`"))
                        .with_hint(format!("for example path = \"/{id}/\"")),
                ),
                Ok(_) => {}
            }
            value
        }
        None => format!("/{id}/"),
    };
    let scale = convert_scale(&src, raw.level, diags);
    let districts = convert_districts(&src, raw.district, diags);
    let mut election = Election {
        id,
        title: raw.title,
        date,
        path: url_path,
        intro: raw.intro,
        methodology: raw.methodology,
        scale,
        districts,
        entries: Vec::new(),
        origin: Origin {
            file: path.clone(),
            line: 1,
        },
    };
    for file in toml_files(&dir.join("parties"), diags) {
        if let Some(entry) = load_entry(&file, &election, data, diags) {
            election.entries.push(entry);
        }
    }
    Some(election)
}

fn convert_scale(src: &Source<'_>, raw: Vec<RawLevel>, diags: &mut Diagnostics) -> Vec<Level> {
    if raw.is_empty() {
        diags.push(
            Diagnostic::error(src.path, 0, 0, "the election has no verdict scale")
                .with_hint("add one [[level]] table per verdict, with id, symbol, label, meaning, screen_reader and rule"),
        );
    }
    let mut ids = BTreeSet::new();
    let mut symbols = BTreeSet::new();
    let mut rules = BTreeSet::new();
    let mut scale = Vec::new();
    for level in raw {
        let id = level.id.get_ref().clone();
        if !is_valid_id(&id) {
            diags.push(
                src.error(&level.id, format!("level id `{id}` is not a valid id"))
                    .with_hint("use lower-case letters, digits and hyphens, e.g. `beschermt-niet`"),
            );
        } else if !ids.insert(id.clone()) {
            diags.push(
                src.error(&level.id, format!("level id `{id}` is used twice"))
                    .with_hint("give every [[level]] its own id"),
            );
        }
        if !symbols.insert(level.symbol.get_ref().clone()) {
            diags.push(
                src.error(
                    &level.symbol,
                    format!("symbol `{}` is used by two levels", level.symbol.get_ref()),
                )
                .with_hint("readers tell levels apart by their symbol; give each level its own"),
            );
        }
        let outcome = level
            .rule
            .as_ref()
            .and_then(|r| src.choice("rule", r, &RULES, diags));
        if let (Some(rule), Some(outcome)) = (&level.rule, outcome)
            && !rules.insert(outcome)
        {
            diags.push(
                src.error(rule, format!("two levels stand for the rule outcome `{}`", outcome.id()))
                    .with_hint("each outcome of the verdict rules (protects, mixed, does_not_protect, unclear) belongs to at most one level"),
            );
        }
        scale.push(Level {
            id,
            symbol: level.symbol.into_inner(),
            label: level.label,
            meaning: level.meaning,
            screen_reader: level.screen_reader,
            rule: outcome,
        });
    }
    scale
}

fn convert_districts(
    src: &Source<'_>,
    raw: Vec<RawDistrict>,
    diags: &mut Diagnostics,
) -> Vec<District> {
    let mut districts: Vec<District> = Vec::new();
    for d in raw {
        let n = *d.number.get_ref();
        match u8::try_from(n) {
            Ok(number) if number >= 1 => {
                if districts.iter().any(|x| x.number == number) {
                    diags.push(
                        src.error(&d.number, format!("kieskring {number} is listed twice"))
                            .with_hint("remove the second [[district]] with this number"),
                    );
                } else {
                    districts.push(District {
                        number,
                        name: d.name,
                    });
                }
            }
            _ => diags.push(
                src.error(&d.number, format!("{n} is not a valid kieskring number"))
                    .with_hint("kieskringen are numbered from 1 (Groningen) to 20 (Bonaire)"),
            ),
        }
    }
    districts.sort_by_key(|d| d.number);
    districts
}

fn check_unique_paths(elections: &[Election], diags: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &Election> = BTreeMap::new();
    for e in elections {
        if let Some(first) = seen.insert(&e.path, e) {
            diags.push(
                Diagnostic::error(
                    &e.origin.file,
                    0,
                    0,
                    format!("path `{}` is also used by election `{}`", e.path, first.id),
                )
                .with_hint("give each election its own path"),
            );
        }
    }
}

// ---------------------------------------------------------------- party entries

#[derive(Deserialize)]
struct RawEntry {
    name: Option<String>,
    verdict: Spanned<String>,
    override_reason: Option<String>,
    summary: Option<String>,
    districts: Option<Spanned<RawDistricts>>,
    programme: Option<RawProgramme>,
    #[serde(default)]
    evidence: Vec<RawEvidence>,
    #[serde(default)]
    outreach: Vec<RawOutreach>,
}

#[derive(Deserialize)]
struct RawProgramme {
    url: Option<Spanned<String>>,
    title: Option<String>,
    format: Option<Spanned<String>>,
    available: Option<bool>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct RawDistricts {
    all: Option<bool>,
    except: Option<Vec<Spanned<i64>>>,
    count: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
struct RawEvidence {
    kind: Option<Spanned<String>>,
    stance: Option<Spanned<String>>,
    strength: Option<Spanned<String>>,
    quote: Option<String>,
    note: Option<String>,
    pages: Option<Spanned<toml::Value>>,
    #[serde(default)]
    no_pages: bool,
    title: Option<String>,
    url: Option<Spanned<String>>,
    date: Option<Spanned<toml::Value>>,
    item: Option<Spanned<String>>,
    vote: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct RawOutreach {
    asked_on: Spanned<toml::Value>,
    replied_on: Option<Spanned<toml::Value>>,
    reply_url: Option<Spanned<String>>,
    note: Option<String>,
}

fn load_entry(
    path: &Path,
    election: &Election,
    data: &GuideData,
    diags: &mut Diagnostics,
) -> Option<PartyEntry> {
    let (raw, text) = read_guide::<RawEntry>(path, super::fields::ENTRY, diags)?;
    let src = Source { path, text: &text };
    let party = file_stem(path);
    if data.party(&party).is_none() {
        diags.push(
            Diagnostic::error(path, 1, 1, format!("unknown party `{party}`"))
                .with_hint(format!(
                    "the file name must be a party id from data/parties.toml; add a [[party]] with id = \"{party}\" there or rename the file"
                )),
        );
    }
    let verdict = raw.verdict.get_ref().clone();
    if election.level(&verdict).is_none() {
        let known: Vec<&str> = election.scale.iter().map(|l| l.id.as_str()).collect();
        diags.push(
            src.error(&raw.verdict, format!("unknown verdict level `{verdict}`"))
                .with_hint(format!(
                    "use one of the level ids of {}: {}",
                    election.origin.file.display(),
                    known.join(", ")
                )),
        );
    }
    let districts = raw
        .districts
        .as_ref()
        .map(|d| convert_entry_districts(&src, d, election, diags))
        .unwrap_or_default();
    let evidence = raw
        .evidence
        .into_iter()
        .enumerate()
        .map(|(i, e)| convert_evidence(&src, i, e, data, diags))
        .collect();
    let outreach = raw
        .outreach
        .into_iter()
        .filter_map(|o| {
            let asked_on = parse_date(&src, &o.asked_on, diags)?;
            Some(Outreach {
                asked_on,
                replied_on: o
                    .replied_on
                    .as_ref()
                    .and_then(|d| parse_date(&src, d, diags)),
                reply_url: o
                    .reply_url
                    .as_ref()
                    .and_then(|u| src.url(u, Schemes::WebOrMail, diags)),
                note: o.note,
            })
        })
        .collect();
    Some(PartyEntry {
        party,
        name: raw.name,
        verdict,
        override_reason: raw.override_reason,
        summary: raw.summary.unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(path, 1, 1, "the party file has no `summary`").with_hint(
                    "add summary = \"...\": a short explanation of the verdict in your own words",
                ),
            );
            String::new()
        }),
        districts,
        programme: raw.programme.map(|p| convert_programme(&src, p, diags)),
        evidence,
        outreach,
        origin: Origin {
            file: path.to_path_buf(),
            line: src.at(&raw.verdict).0,
        },
    })
}

fn convert_programme(src: &Source<'_>, p: RawProgramme, diags: &mut Diagnostics) -> Programme {
    Programme {
        url: p.url.as_ref().and_then(|u| src.url(u, Schemes::Web, diags)),
        title: p.title,
        format: p
            .format
            .as_ref()
            .and_then(|f| src.choice("format", f, &FORMATS, diags))
            .unwrap_or_default(),
        available: p.available.unwrap_or(true),
        note: p.note,
    }
}

fn convert_entry_districts(
    src: &Source<'_>,
    raw: &Spanned<RawDistricts>,
    election: &Election,
    diags: &mut Diagnostics,
) -> Districts {
    let d = raw.get_ref();
    let given = usize::from(d.all.is_some())
        + usize::from(d.except.is_some())
        + usize::from(d.count.is_some());
    if given != 1 {
        diags.push(
            src.error(raw, "[districts] needs exactly one of `all`, `except` or `count`")
                .with_hint("leave [districts] out when the party is on the ballot everywhere; write except = [3, 20] or count = 19 otherwise"),
        );
        return Districts::All;
    }
    if let Some(list) = &d.except {
        let mut numbers = Vec::new();
        for n in list {
            let known = u8::try_from(*n.get_ref())
                .ok()
                .filter(|x| election.district_name(*x).is_some());
            match known {
                Some(x) => numbers.push(x),
                None => diags.push(
                    src.error(n, format!("there is no kieskring {}", n.get_ref()))
                        .with_hint(format!(
                            "use the numbers of the [[district]] tables in {}",
                            election.origin.file.display()
                        )),
                ),
            }
        }
        numbers.sort_unstable();
        numbers.dedup();
        return Districts::Except(numbers);
    }
    if let Some(count) = &d.count {
        let n = *count.get_ref();
        return match u8::try_from(n) {
            Ok(x) if x >= 1 && usize::from(x) <= election.districts.len() => Districts::Count(x),
            _ => {
                diags.push(
                    src.error(
                        count,
                        format!("a party cannot be on the ballot in {n} kieskringen"),
                    )
                    .with_hint(format!(
                        "the election has {} kieskringen",
                        election.districts.len()
                    )),
                );
                Districts::All
            }
        };
    }
    if d.all == Some(false) {
        diags.push(
            src.error(
                raw,
                "`all = false` does not say where the party is on the ballot",
            )
            .with_hint("write except = [..] or count = N instead"),
        );
    }
    Districts::All
}

fn convert_evidence(
    src: &Source<'_>,
    index: usize,
    e: RawEvidence,
    data: &GuideData,
    diags: &mut Diagnostics,
) -> Evidence {
    let header = src.nth_header_line("evidence", index);
    let at_kind = |message: &str| match &e.kind {
        Some(k) => src.error(k, message),
        None => Diagnostic::error(src.path, header, 1, message),
    };
    if e.kind.is_none() {
        diags.push(
            Diagnostic::error(src.path, header, 1, "this [[evidence]] has no `kind`")
                .with_hint("add kind = \"programme\", \"vote\", \"debate\", \"reply\", \"action\" or \"statement\""),
        );
    }
    if e.stance.is_none() {
        diags.push(
            Diagnostic::error(src.path, header, 1, "this [[evidence]] has no `stance`")
                .with_hint("add stance = \"protects\", \"undermines\", \"mixed\" or \"silent\""),
        );
    }
    let kind = e
        .kind
        .as_ref()
        .and_then(|k| src.choice("kind", k, &KINDS, diags));
    // `unclassified` is what the importer writes before an editor judged the
    // evidence; it is accepted but not offered.
    let stance = match &e.stance {
        Some(s) if s.get_ref().trim() == "unclassified" => Some(Stance::Unclassified),
        Some(s) => src.choice("stance", s, &STANCES[..4], diags),
        None => None,
    };
    let strength = e
        .strength
        .as_ref()
        .and_then(|x| src.choice("strength", x, &STRENGTHS, diags));
    let vote = e
        .vote
        .as_ref()
        .and_then(|x| src.choice("vote", x, &VOTES, diags));
    if let (Some(stance), Some(at)) = (stance, &e.stance)
        && matches!(
            stance,
            Stance::Protects | Stance::Undermines | Stance::Mixed
        )
        && e.strength.is_none()
    {
        diags.push(
            src.error(at, format!("evidence that {} needs a strength", stance_verb(stance)))
                .with_hint("add strength = \"explicit\" (about encryption, scanning, chat control or a recorded vote) or \"general\" (a general remark on privacy)"),
        );
    }
    if kind == Some(EvidenceKind::Vote) {
        if e.item.is_none() || e.vote.is_none() {
            diags.push(
                at_kind("a vote needs `item` and `vote`")
                    .with_hint("add item = \"2023Z07239\" (motion) or \"36263\" (bill) and vote = \"for\", \"against\" or \"absent\""),
            );
        }
    } else if kind.is_some() && e.vote.is_some() {
        diags.push(
            at_kind("only evidence of kind = \"vote\" can have a `vote`")
                .with_hint("set kind = \"vote\" or remove the vote"),
        );
    }
    if let Some(item) = &e.item
        && data.item(item.get_ref()).is_none()
    {
        diags.push(
            src.error(item, format!("unknown item `{}`", item.get_ref()))
                .with_hint(format!(
                    "define it in data/items/{}.toml (number, title, kind, url, protects)",
                    item.get_ref()
                )),
        );
    }
    let pages = e
        .pages
        .as_ref()
        .map(|p| convert_pages(src, p, diags))
        .unwrap_or_default();
    if let Some(p) = &e.pages
        && e.no_pages
        && !pages.is_empty()
    {
        diags.push(
            src.error(p, "evidence has both `pages` and `no_pages = true`")
                .with_hint(
                    "keep pages when the source has page numbers, no_pages = true when it has none",
                ),
        );
    }
    Evidence {
        kind: kind.unwrap_or_default(),
        stance: stance.unwrap_or_default(),
        strength,
        quote: e.quote,
        note: e.note,
        pages,
        no_pages: e.no_pages,
        title: e.title,
        url: e.url.as_ref().and_then(|u| src.url(u, Schemes::Web, diags)),
        date: e.date.as_ref().and_then(|d| parse_date(src, d, diags)),
        item: e.item.map(|i| i.into_inner()),
        vote,
        synced: None,
        contradicts: None,
        origin: Origin {
            file: src.path.to_path_buf(),
            line: header,
        },
    }
}

/// `pages = [12, 13]`; a single number or a text is a mistake with a hint.
fn convert_pages(
    src: &Source<'_>,
    value: &Spanned<toml::Value>,
    diags: &mut Diagnostics,
) -> Vec<u32> {
    let list = match value.get_ref() {
        toml::Value::Array(list) => list,
        other => {
            let example = match other {
                toml::Value::Integer(n) => format!("pages = [{n}]"),
                toml::Value::String(s) => format!("pages = [{}]", s.trim()),
                _ => "pages = [12]".to_string(),
            };
            diags.push(
                src.error(
                    value,
                    format!("pages must be a list of page numbers, not `{other}`"),
                )
                .with_hint(format!(
                    "write {example}, with square brackets and without quotes"
                )),
            );
            return Vec::new();
        }
    };
    let mut pages = Vec::new();
    for p in list {
        match p.as_integer().map(u32::try_from) {
            Some(Ok(n)) if n >= 1 => pages.push(n),
            _ => diags.push(
                src.error(value, format!("{p} is not a page number"))
                    .with_hint("page numbers are whole numbers from 1, without quotes, e.g. pages = [12, 13]"),
            ),
        }
    }
    pages
}

fn stance_verb(stance: Stance) -> &'static str {
    match stance {
        Stance::Protects => "protects",
        Stance::Undermines => "undermines",
        _ => "points both ways",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("tk2023", true)]
    #[test_case("groenlinks-pvda", true)]
    #[test_case("GL", false; "upper case")]
    #[test_case("-x", false; "leading hyphen")]
    #[test_case("", false; "empty")]
    fn ids(id: &str, ok: bool) {
        assert_eq!(is_valid_id(id), ok);
    }
}
