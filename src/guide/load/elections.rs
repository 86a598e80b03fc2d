//! `data/elections/<id>/election.toml`: one election (its title, date and
//! page path), the verdict scale the guide uses for it and its kieskringen.
//! The party files of the election (`parties/*.toml`) are read here too,
//! through [`super::entries`], because they are checked against the scale.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::site_path::SitePath;

use serde::Deserialize;
use toml::Spanned;

use super::keys::fields_of;
use super::{choice, is_valid_id, parse_date, read_guide, toml_files};
use crate::data_file::Parsed;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::model::{District, Election, ElectionId, GuideData, Level, Origin, RuleOutcome};

/// The values of a level's `rule`: the outcome of the verdict rules it stands for.
const RULES: [(&str, RuleOutcome); 4] = [
    ("protects", RuleOutcome::Protects),
    ("mixed", RuleOutcome::Mixed),
    ("does_not_protect", RuleOutcome::DoesNotProtect),
    ("unclear", RuleOutcome::Unclear),
];

/// `election.toml` as written.
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

/// One `[[level]]` of the verdict scale.
#[derive(Deserialize)]
struct RawLevel {
    id: Spanned<String>,
    symbol: Spanned<String>,
    label: String,
    meaning: String,
    screen_reader: String,
    rule: Option<Spanned<String>>,
}

/// One `[[district]]` (kieskring).
#[derive(Deserialize)]
struct RawDistrict {
    number: Spanned<i64>,
    name: String,
}

/// The fields of the table at `place` of `election.toml`, for hints.
fn fields_at(place: &str) -> &'static [&'static str] {
    match place {
        "level" => fields_of::<RawLevel>(),
        "district" => fields_of::<RawDistrict>(),
        _ => fields_of::<RawElection>(),
    }
}

/// Reads the election in `dir` with its party files; `None` after a mistake
/// that leaves nothing to show.
pub(super) fn load_election(
    dir: &Path,
    data: &GuideData,
    diags: &mut Diagnostics,
) -> Option<Election> {
    let name = dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let path = dir.join("election.toml");
    let Some(id) = ElectionId::parse(&name) else {
        diags.push(
            Diagnostic::error(
                dir,
                0,
                0,
                format!("election folder name `{name}` is not a valid id"),
            )
            .with_hint("use lower-case letters, digits and hyphens, e.g. `tk2023`"),
        );
        return None;
    };
    if !path.exists() {
        diags.push(
            Diagnostic::error(&path, 0, 0, "the election folder has no election.toml")
                .with_hint("add election.toml with title, date, [[level]] and [[district]] tables"),
        );
        return None;
    }
    let (raw, file) = read_guide::<RawElection>(&path, fields_at, diags)?;
    let src = &file;
    let date = parse_date(src, &raw.date, diags)?;
    let url_path = match &raw.path {
        Some(p) => {
            let value = p.get_ref().trim().to_string();
            match SitePath::parse(&value) {
                Err(e) => {
                    diags.push(
                        src.error(p, format!("path: {}", e.message))
                            .with_hint(format!("{}; for example path = \"/{id}/\"", e.hint)),
                    );
                    None
                }
                Ok(_) if !value.starts_with('/') || !value.ends_with('/') => {
                    diags.push(
                        src.error(p, format!("path `{value}` must start and end with `/`"))
                            .with_hint(format!("for example path = \"/{id}/\"")),
                    );
                    None
                }
                Ok(path) => Some(path),
            }
        }
        None => None,
    };
    // The default, `/<id>/`, is a plain name: ids are checked above.
    let url_path = url_path.unwrap_or_else(|| {
        SitePath::from_segments([id.as_str()], true).unwrap_or_else(|_| SitePath::root())
    });
    let scale = convert_scale(src, raw.level, diags);
    let districts = convert_districts(src, raw.district, diags);
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
    for entry_path in toml_files(&dir.join("parties"), diags) {
        if let Some(entry) = super::entries::load_entry(&entry_path, &election, data, diags) {
            election.entries.push(entry);
        }
    }
    Some(election)
}

/// The verdict scale: ids, symbols and rule outcomes each used once.
fn convert_scale(src: &Parsed<()>, raw: Vec<RawLevel>, diags: &mut Diagnostics) -> Vec<Level> {
    if raw.is_empty() {
        diags.push(
            Diagnostic::error(&src.path, 0, 0, "the election has no verdict scale")
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
            .and_then(|r| choice(src, "rule", r, &RULES, diags));
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

/// The kieskringen, each number once, sorted.
fn convert_districts(
    src: &Parsed<()>,
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

/// Two elections cannot share a page path.
pub(super) fn check_unique_paths(elections: &[Election], diags: &mut Diagnostics) {
    let mut seen: BTreeMap<&SitePath, &Election> = BTreeMap::new();
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
