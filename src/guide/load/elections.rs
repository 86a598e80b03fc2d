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
use super::{choice, english, is_valid_id, parse_date, read_guide, toml_files};
use crate::data_file::Parsed;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::model::{
    District, Election, ElectionId, GuideData, Level, LevelEnglish, Origin, RuleOutcome,
};

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
    title_en: Option<Spanned<String>>,
    date: Spanned<toml::Value>,
    path: Option<Spanned<String>>,
    intro: Option<String>,
    intro_en: Option<Spanned<String>>,
    methodology: String,
    methodology_en: Option<Spanned<String>>,
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
    label_en: Option<Spanned<String>>,
    meaning: String,
    meaning_en: Option<Spanned<String>>,
    screen_reader: String,
    screen_reader_en: Option<Spanned<String>>,
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
            Diagnostic::untranslated_error(
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
            Diagnostic::untranslated_error(&path, 0, 0, "the election folder has no election.toml")
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
                        src.untranslated_error(p, format!("path: {}", e.message))
                            .with_hint(format!("{}; for example path = \"/{id}/\"", e.hint)),
                    );
                    None
                }
                Ok(_) if !value.starts_with('/') || !value.ends_with('/') => {
                    diags.push(
                        src.untranslated_error(
                            p,
                            format!("path `{value}` must start and end with `/`"),
                        )
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
    let title_en = english(src, "title_en", &raw.title_en, true, diags);
    let intro_en = english(src, "intro_en", &raw.intro_en, raw.intro.is_some(), diags);
    let methodology_en = english(src, "methodology_en", &raw.methodology_en, true, diags);
    let mut election = Election {
        id,
        title: raw.title,
        title_en,
        date,
        path: url_path,
        intro: raw.intro,
        intro_en,
        methodology: raw.methodology,
        methodology_en,
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
            Diagnostic::untranslated_error(&src.path, 0, 0, "the election has no verdict scale")
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
                src.untranslated_error(&level.id, format!("level id `{id}` is not a valid id"))
                    .with_hint("use lower-case letters, digits and hyphens, e.g. `beschermt-niet`"),
            );
        } else if !ids.insert(id.clone()) {
            diags.push(
                src.untranslated_error(&level.id, format!("level id `{id}` is used twice"))
                    .with_hint("give every [[level]] its own id"),
            );
        }
        if !symbols.insert(level.symbol.get_ref().clone()) {
            diags.push(
                src.untranslated_error(
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
                src.untranslated_error(rule, format!("two levels stand for the rule outcome `{}`", outcome.id()))
                    .with_hint("each outcome of the verdict rules (protects, mixed, does_not_protect, unclear) belongs to at most one level"),
            );
        }
        let english = level_english(src, &level, diags);
        scale.push(Level {
            id,
            symbol: level.symbol.into_inner(),
            label: level.label,
            meaning: level.meaning,
            screen_reader: level.screen_reader,
            english,
            rule: outcome,
        });
    }
    scale
}

/// The English texts of a level: all three of `label_en`, `meaning_en` and
/// `screen_reader_en`, or none. A level with only some of them is a mistake
/// (its English pages would mix languages in one verdict), named on the
/// first one given.
fn level_english(
    src: &Parsed<()>,
    level: &RawLevel,
    diags: &mut Diagnostics,
) -> Option<LevelEnglish> {
    let fields = [
        ("label_en", &level.label_en),
        ("meaning_en", &level.meaning_en),
        ("screen_reader_en", &level.screen_reader_en),
    ];
    let given: Vec<&Spanned<String>> = fields.iter().filter_map(|(_, v)| v.as_ref()).collect();
    let first = given.first()?;
    let missing: Vec<&str> = fields
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(name, _)| *name)
        .collect();
    if !missing.is_empty() {
        let what = match missing.as_slice() {
            [one] => format!("`{one}` is missing"),
            [rest @ .., last] => format!("`{}` and `{last}` are missing", rest.join("`, `")),
            [] => String::new(),
        };
        diags.push(
            src.untranslated_error(*first, format!("this level's English is incomplete: {what}"))
                .with_hint("give a level all three of label_en, meaning_en and screen_reader_en, or none (English pages then show the Dutch texts, marked as Dutch)"),
        );
        return None;
    }
    let [label, meaning, screen_reader] =
        fields.map(|(name, value)| english(src, name, value, true, diags));
    Some(LevelEnglish {
        label: label?,
        meaning: meaning?,
        screen_reader: screen_reader?,
    })
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
                        src.untranslated_error(
                            &d.number,
                            format!("kieskring {number} is listed twice"),
                        )
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
                src.untranslated_error(&d.number, format!("{n} is not a valid kieskring number"))
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
                Diagnostic::untranslated_error(
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
