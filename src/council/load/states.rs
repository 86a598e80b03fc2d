//! `data/council/states.toml`: the 27 member states and their population
//! figures per year, which the voting rules (qualified majority) count with.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::sources::source_with_archive;
use super::{Ctx, check_not_empty, state_code};
use crate::council::model::{MemberState, PopulationYear, Precision, STATE_CODES};
use crate::data_file::Parsed;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The range a member state's population must lie in: Malta has about half
/// a million inhabitants, Germany about 84 million. Anything outside is a
/// typo (and a huge number would make the vote arithmetic meaningless).
const POPULATION_STATE: std::ops::RangeInclusive<u64> = 100_000..=200_000_000;

/// The range the EU total must lie in (about 450 million).
const POPULATION_TOTAL: std::ops::RangeInclusive<u64> = 300_000_000..=600_000_000;

/// `states.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStatesFile {
    #[serde(default)]
    population_year: Vec<RawPopulationYear>,
    #[serde(default)]
    state: Vec<RawState>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPopulationYear {
    year: Spanned<i32>,
    complete: bool,
    precision: Spanned<String>,
    official_total: Option<Spanned<u64>>,
    source: Spanned<String>,
    archive_url: Option<Spanned<String>>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawState {
    code: Spanned<String>,
    name_nl: Spanned<String>,
    name_en: Spanned<String>,
    tile: Option<Spanned<(u32, u32)>>,
    #[serde(default)]
    population: Vec<RawFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    year: Spanned<i32>,
    value: Spanned<u64>,
}

/// The population years and member states of `states.toml`, checked.
pub(super) fn check_states(
    file: &Parsed<RawStatesFile>,
    ctx: &Ctx,
    diags: &mut Diagnostics,
) -> (Vec<PopulationYear>, Vec<MemberState>) {
    let mut years: BTreeMap<i32, PopulationYear> = BTreeMap::new();
    for raw in &file.value.population_year {
        let year = *raw.year.get_ref();
        let precision = match raw.precision.get_ref().as_str() {
            "official" => Precision::Official,
            "derived" => Precision::Derived,
            other => {
                diags.push(
                    file.untranslated_error(&raw.precision, format!("unknown precision `{other}`"))
                        .with_hint("write \"official\" (from the Council's table) or \"derived\" (computed from shares)"),
                );
                Precision::Derived
            }
        };
        let Some(source) = source_with_archive(
            file,
            &raw.source,
            raw.archive_url.as_ref(),
            &ctx.hosts,
            diags,
        ) else {
            continue;
        };
        if let Some(total) = &raw.official_total
            && !POPULATION_TOTAL.contains(total.get_ref())
        {
            diags.push(
                file.untranslated_error(
                    total,
                    format!("EU total {} is out of range", total.get_ref()),
                )
                .with_hint(format!(
                    "the EU has about 450 million inhabitants; write a number between {} and {}",
                    POPULATION_TOTAL.start(),
                    POPULATION_TOTAL.end()
                )),
            );
        }
        let entry = PopulationYear {
            year,
            complete: raw.complete,
            precision,
            official_total: raw.official_total.as_ref().map(|t| *t.get_ref()),
            source,
            note: raw.note.trim().to_string(),
        };
        if years.insert(year, entry).is_some() {
            diags.push(
                file.untranslated_error(
                    &raw.year,
                    format!("population year {year} is listed twice"),
                )
                .with_hint("keep one [[population_year]] entry per year"),
            );
        }
    }

    let mut states: BTreeMap<&'static str, MemberState> = BTreeMap::new();
    let mut tiles: BTreeMap<(u32, u32), &'static str> = BTreeMap::new();
    for raw in &file.value.state {
        let Some(code) = state_code(file, &raw.code, diags) else {
            continue;
        };
        check_not_empty(file, &raw.name_nl, "Dutch name", diags);
        check_not_empty(file, &raw.name_en, "English name", diags);
        let mut population = BTreeMap::new();
        for figure in &raw.population {
            let year = *figure.year.get_ref();
            if !years.contains_key(&year) {
                diags.push(
                    file.untranslated_error(
                        &figure.year,
                        format!("{code}: no [[population_year]] entry for {year}"),
                    )
                    .with_hint(format!(
                        "add a [[population_year]] with year = {year}, its source and precision"
                    )),
                );
            }
            if !POPULATION_STATE.contains(figure.value.get_ref()) {
                diags.push(
                    file.untranslated_error(
                        &figure.value,
                        format!(
                            "{code}: population {} for {year} is out of range",
                            figure.value.get_ref()
                        ),
                    )
                    .with_hint(format!(
                        "write the number of inhabitants, between {} and {} (e.g. 18086000)",
                        POPULATION_STATE.start(),
                        POPULATION_STATE.end()
                    )),
                );
            }
            if population.insert(year, *figure.value.get_ref()).is_some() {
                diags.push(
                    file.untranslated_error(
                        &figure.year,
                        format!("{code}: two population figures for {year}"),
                    )
                    .with_hint("keep one figure per year"),
                );
            }
        }
        if let Some(tile) = &raw.tile
            && let Some(other) = tiles.insert(*tile.get_ref(), code)
        {
            diags.push(
                file.untranslated_error(tile, format!("{code} has the same tile as {other}"))
                    .with_hint("give every state its own [column, row] on the tile map"),
            );
        }
        let state = MemberState {
            code,
            name_nl: raw.name_nl.get_ref().trim().to_string(),
            name_en: raw.name_en.get_ref().trim().to_string(),
            tile: raw.tile.as_ref().map(|t| *t.get_ref()),
            population,
        };
        if states.insert(code, state).is_some() {
            diags.push(
                file.untranslated_error(&raw.code, format!("{code} is listed twice"))
                    .with_hint("keep one [[state]] entry per member state"),
            );
        }
    }

    for code in STATE_CODES {
        if !states.contains_key(code) {
            diags.push(
                Diagnostic::untranslated_error(
                    &file.path,
                    0,
                    0,
                    format!("member state {code} is missing"),
                )
                .with_hint("add a [[state]] entry for it; all 27 member states are needed"),
            );
        }
    }
    for (year, info) in &years {
        if !info.complete {
            continue;
        }
        let missing: Vec<&str> = states
            .values()
            .filter(|s| !s.population.contains_key(year))
            .map(|s| s.code)
            .collect();
        if !missing.is_empty() {
            let at = file
                .value
                .population_year
                .iter()
                .find(|y| y.year.get_ref() == year)
                .map(|y| file.line_of(&y.year))
                .unwrap_or(0);
            diags.push(
                Diagnostic::untranslated_error(
                    &file.path,
                    at,
                    0,
                    format!(
                        "{year} is marked complete but has no figure for {}",
                        missing.join(", ")
                    ),
                )
                .with_hint("add the missing figures or set complete = false"),
            );
        }
    }
    if !years.values().any(|y| y.complete) {
        diags.push(
            Diagnostic::untranslated_error(&file.path, 0, 0, "no population year is complete")
                .with_hint("the voting rules need a figure for every state in at least one year marked complete = true"),
        );
    }
    (
        years.into_values().collect(),
        states.into_values().collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_site::{site_root, with_file};

    #[test]
    fn reports_unknown_state_and_missing_states_in_states_file() {
        let text = std::fs::read_to_string(site_root().join("data/council/states.toml")).unwrap();
        let broken = text.replacen("code = \"AT\"", "code = \"XX\"", 1);
        let (_tmp, diags) = with_file("states.toml", &broken);
        let line = broken.lines().position(|l| l.contains("\"XX\"")).unwrap() + 1;
        assert!(
            diags
                .iter()
                .any(|d| d.line == line && d.message.contains("`XX`")),
            "{diags}"
        );
        assert!(
            diags.iter().any(|d| d.message.contains("AT is missing")),
            "{diags}"
        );
    }

    #[test]
    fn reports_incomplete_year() {
        let text = std::fs::read_to_string(site_root().join("data/council/states.toml")).unwrap();
        let broken = text.replacen(
            "population = [{ year = 2025, value = 541000 }]",
            "population = []",
            1,
        );
        let (_tmp, diags) = with_file("states.toml", &broken);
        assert!(
            diags.iter().any(|d| d.message.contains("no figure for MT")),
            "{diags}"
        );
    }
}
