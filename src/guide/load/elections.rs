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
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::guide::model::{
    District, Election, ElectionId, GuideData, Level, LevelEnglish, Origin, RuleOutcome,
};
use crate::msg;

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
            Diagnostic::error(
                "election-id-invalid",
                dir,
                0,
                0,
                msg!(
                    "election folder name `{name}` is not a valid id",
                    "de mapnaam `{name}` van de verkiezing is geen geldige id"
                ),
            )
            .with_hint(msg!(
                "use lower-case letters, digits and hyphens, e.g. `tk2023`",
                "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `tk2023`"
            )),
        );
        return None;
    };
    if !path.exists() {
        diags.push(
            Diagnostic::error(
                "election-file-missing",
                &path,
                0,
                0,
                msg!(
                    "the election folder has no election.toml",
                    "de map van de verkiezing heeft geen election.toml"
                ),
            )
            .with_hint(msg!(
                "add election.toml with title, date, [[level]] and [[district]] tables",
                "voeg election.toml toe met title, date en tabellen [[level]] en [[district]]"
            )),
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
                    let (problem, fix) = (e.message, e.hint);
                    diags.push(
                        src.error(
                            "election-path-invalid",
                            p,
                            msg!("path: {problem}", "path: {problem}"; problem),
                        )
                        .with_hint(msg!(
                            "{fix}; for example path = \"/{id}/\"",
                            "{fix}; bijvoorbeeld path = \"/{id}/\"";
                            fix
                        )),
                    );
                    None
                }
                Ok(_) if !value.starts_with('/') || !value.ends_with('/') => {
                    diags.push(
                        src.error(
                            "election-path-slash-missing",
                            p,
                            msg!(
                                "path `{value}` must start and end with `/`",
                                "path `{value}` moet met `/` beginnen en eindigen"
                            ),
                        )
                        .with_hint(msg!(
                            "for example path = \"/{id}/\"",
                            "bijvoorbeeld path = \"/{id}/\""
                        )),
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
            Diagnostic::error(
                "election-scale-missing",
                &src.path,
                0,
                0,
                msg!(
                    "the election has no verdict scale",
                    "de verkiezing heeft geen schaal met oordelen"
                ),
            )
            .with_hint(msg!(
                "add one [[level]] table per verdict, with id, symbol, label, meaning, screen_reader and rule",
                "voeg per oordeel een tabel [[level]] toe, met id, symbol, label, meaning, screen_reader en rule"
            )),
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
                src.error(
                    "level-id-invalid",
                    &level.id,
                    msg!(
                        "level id `{id}` is not a valid id",
                        "de niveau-id `{id}` is geen geldige id"
                    ),
                )
                .with_hint(msg!(
                    "use lower-case letters, digits and hyphens, e.g. `beschermt-niet`",
                    "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `beschermt-niet`"
                )),
            );
        } else if !ids.insert(id.clone()) {
            diags.push(
                src.error(
                    "level-id-twice",
                    &level.id,
                    msg!(
                        "level id `{id}` is used twice",
                        "de niveau-id `{id}` komt twee keer voor"
                    ),
                )
                .with_hint(msg!(
                    "give every [[level]] its own id",
                    "geef elk [[level]] een eigen id"
                )),
            );
        }
        if !symbols.insert(level.symbol.get_ref().clone()) {
            let symbol = level.symbol.get_ref();
            diags.push(
                src.error(
                    "level-symbol-twice",
                    &level.symbol,
                    msg!(
                        "symbol `{symbol}` is used by two levels",
                        "het symbool `{symbol}` wordt door twee niveaus gebruikt"
                    ),
                )
                .with_hint(msg!(
                    "readers tell levels apart by their symbol; give each level its own",
                    "lezers herkennen de niveaus aan hun symbool; geef elk niveau een eigen symbool"
                )),
            );
        }
        let outcome = level
            .rule
            .as_ref()
            .and_then(|r| choice(src, "rule", r, &RULES, diags));
        if let (Some(rule), Some(outcome)) = (&level.rule, outcome)
            && !rules.insert(outcome)
        {
            let outcome = outcome.id();
            diags.push(
                src.error(
                    "level-rule-twice",
                    rule,
                    msg!(
                        "two levels stand for the rule outcome `{outcome}`",
                        "twee niveaus staan voor dezelfde uitkomst `{outcome}` van de regels"
                    ),
                )
                .with_hint(msg!(
                    "each outcome of the verdict rules (protects, mixed, does_not_protect, unclear) belongs to at most one level",
                    "elke uitkomst van de regels voor het oordeel (protects, mixed, does_not_protect, unclear) hoort bij hooguit één niveau"
                )),
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
            [one] => msg!("`{one}` is missing", "`{one}` ontbreekt"),
            [rest @ .., last] => {
                let rest = rest.join("`, `");
                msg!(
                    "`{rest}` and `{last}` are missing",
                    "`{rest}` en `{last}` ontbreken"
                )
            }
            [] => Message::default(),
        };
        diags.push(
            src.error(
                "level-english-incomplete",
                *first,
                msg!(
                    "this level's English is incomplete: {what}",
                    "het Engels van dit niveau is niet compleet: {what}";
                    what
                ),
            )
            .with_hint(msg!(
                "give a level all three of label_en, meaning_en and screen_reader_en, or none (English pages then show the Dutch texts, marked as Dutch)",
                "geef een niveau alle drie: label_en, meaning_en en screen_reader_en, of geen ervan (Engelse pagina's tonen dan de Nederlandse teksten, gemarkeerd als Nederlands)"
            )),
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
                        src.error(
                            "kieskring-number-twice",
                            &d.number,
                            msg!(
                                "kieskring {number} is listed twice",
                                "kieskring {number} staat er twee keer in"
                            ),
                        )
                        .with_hint(msg!(
                            "remove the second [[district]] with this number",
                            "haal de tweede [[district]] met dit nummer weg"
                        )),
                    );
                } else {
                    districts.push(District {
                        number,
                        name: d.name,
                    });
                }
            }
            _ => diags.push(
                src.error(
                    "kieskring-number-invalid",
                    &d.number,
                    msg!(
                        "{n} is not a valid kieskring number",
                        "{n} is geen geldig nummer van een kieskring"
                    ),
                )
                .with_hint(msg!(
                    "kieskringen are numbered from 1 (Groningen) to 20 (Bonaire)",
                    "kieskringen zijn genummerd van 1 (Groningen) tot en met 20 (Bonaire)"
                )),
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
            let (path, other) = (&e.path, &first.id);
            diags.push(
                Diagnostic::error(
                    "election-path-twice",
                    &e.origin.file,
                    0,
                    0,
                    msg!(
                        "path `{path}` is also used by election `{other}`",
                        "het pad `{path}` wordt ook gebruikt door de verkiezing `{other}`"
                    ),
                )
                .with_hint(msg!(
                    "give each election its own path",
                    "geef elke verkiezing een eigen pad"
                )),
            );
        }
    }
}
