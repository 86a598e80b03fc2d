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
use crate::msg;

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
                    file.error(
                        "state-precision-unknown",
                        &raw.precision,
                        msg!(
                            "unknown precision `{other}`",
                            "onbekende precisie `{other}`"
                        ),
                    )
                    .with_hint(msg!(
                        "write \"official\" (from the Council's table) or \"derived\" (computed from shares)",
                        "schrijf \"official\" (uit de tabel van de Raad) of \"derived\" (berekend uit aandelen)"
                    )),
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
            let (value, low, high) = (
                total.get_ref(),
                POPULATION_TOTAL.start(),
                POPULATION_TOTAL.end(),
            );
            diags.push(
                file.error(
                    "state-total-out-of-range",
                    total,
                    msg!(
                        "EU total {value} is out of range",
                        "het EU-totaal {value} kan niet kloppen"
                    ),
                )
                .with_hint(msg!(
                    "the EU has about 450 million inhabitants; write a number between {low} and {high}",
                    "de EU heeft ongeveer 450 miljoen inwoners; schrijf een getal tussen {low} en {high}"
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
                file.error(
                    "state-year-twice",
                    &raw.year,
                    msg!(
                        "population year {year} is listed twice",
                        "bevolkingsjaar {year} staat er twee keer in"
                    ),
                )
                .with_hint(msg!(
                    "keep one [[population_year]] entry per year",
                    "houd per jaar één [[population_year]] over"
                )),
            );
        }
    }

    let mut states: BTreeMap<&'static str, MemberState> = BTreeMap::new();
    let mut tiles: BTreeMap<(u32, u32), &'static str> = BTreeMap::new();
    for raw in &file.value.state {
        let Some(code) = state_code(file, &raw.code, diags) else {
            continue;
        };
        check_not_empty(
            file,
            &raw.name_nl,
            msg!("Dutch name", "de Nederlandse naam"),
            diags,
        );
        check_not_empty(
            file,
            &raw.name_en,
            msg!("English name", "de Engelse naam"),
            diags,
        );
        let mut population = BTreeMap::new();
        for figure in &raw.population {
            let year = *figure.year.get_ref();
            if !years.contains_key(&year) {
                diags.push(
                    file.error(
                        "state-year-unlisted",
                        &figure.year,
                        msg!(
                            "{code}: no [[population_year]] entry for {year}",
                            "{code}: er is geen [[population_year]] voor {year}"
                        ),
                    )
                    .with_hint(msg!(
                        "add a [[population_year]] with year = {year}, its source and precision",
                        "voeg een [[population_year]] toe met year = {year}, met bron en precisie"
                    )),
                );
            }
            if !POPULATION_STATE.contains(figure.value.get_ref()) {
                let (value, low, high) = (
                    figure.value.get_ref(),
                    POPULATION_STATE.start(),
                    POPULATION_STATE.end(),
                );
                diags.push(
                    file.error(
                        "state-population-out-of-range",
                        &figure.value,
                        msg!(
                            "{code}: population {value} for {year} is out of range",
                            "{code}: bevolking {value} voor {year} kan niet kloppen"
                        ),
                    )
                    .with_hint(msg!(
                        "write the number of inhabitants, between {low} and {high} (e.g. 18086000)",
                        "schrijf het aantal inwoners, tussen {low} en {high} (bijvoorbeeld 18086000)"
                    )),
                );
            }
            if population.insert(year, *figure.value.get_ref()).is_some() {
                diags.push(
                    file.error(
                        "state-figure-twice",
                        &figure.year,
                        msg!(
                            "{code}: two population figures for {year}",
                            "{code}: twee bevolkingscijfers voor {year}"
                        ),
                    )
                    .with_hint(msg!(
                        "keep one figure per year",
                        "houd per jaar één cijfer over"
                    )),
                );
            }
        }
        if let Some(tile) = &raw.tile
            && let Some(other) = tiles.insert(*tile.get_ref(), code)
        {
            diags.push(
                file.error(
                    "state-tile-twice",
                    tile,
                    msg!(
                        "{code} has the same tile as {other}",
                        "{code} heeft hetzelfde vakje als {other}"
                    ),
                )
                .with_hint(msg!(
                    "give every state its own [column, row] on the tile map",
                    "geef elke lidstaat een eigen [kolom, rij] op de kaart met vakjes"
                )),
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
                file.error(
                    "state-listed-twice",
                    &raw.code,
                    msg!("{code} is listed twice", "{code} staat er twee keer in"),
                )
                .with_hint(msg!(
                    "keep one [[state]] entry per member state",
                    "houd per lidstaat één [[state]] over"
                )),
            );
        }
    }

    for code in STATE_CODES {
        if !states.contains_key(code) {
            diags.push(
                Diagnostic::error(
                    "state-missing",
                    &file.path,
                    0,
                    0,
                    msg!(
                        "member state {code} is missing",
                        "lidstaat {code} ontbreekt"
                    ),
                )
                .with_hint(msg!(
                    "add a [[state]] entry for it; all 27 member states are needed",
                    "voeg er een [[state]] voor toe; alle 27 lidstaten zijn nodig"
                )),
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
            let missing = missing.join(", ");
            diags.push(
                Diagnostic::error(
                    "state-year-incomplete",
                    &file.path,
                    at,
                    0,
                    msg!(
                        "{year} is marked complete but has no figure for {missing}",
                        "{year} staat op compleet, maar heeft geen cijfer voor {missing}"
                    ),
                )
                .with_hint(msg!(
                    "add the missing figures or set complete = false",
                    "vul de ontbrekende cijfers aan of zet complete = false"
                )),
            );
        }
    }
    if !years.values().any(|y| y.complete) {
        diags.push(
            Diagnostic::error(
                "state-no-complete-year",
                &file.path,
                0,
                0,
                msg!(
                    "no population year is complete",
                    "geen enkel bevolkingsjaar is compleet"
                ),
            )
            .with_hint(msg!(
                "the voting rules need a figure for every state in at least one year marked complete = true",
                "de stemregels hebben voor elke lidstaat een cijfer nodig in minstens één jaar met complete = true"
            )),
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
            diags.iter().any(|d| d.code == "state-missing"
                && d.message.contains("AT is missing")
                && d.message.nl == "lidstaat AT ontbreekt"),
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
