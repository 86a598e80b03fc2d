//! Reads `site/data/council/` into a [`CouncilData`] and reports every
//! mistake an editor can make there as a diagnostic with file and line.
//!
//! Files: `states.toml` (member states and population figures),
//! `moments.toml` (presidencies, texts and Council moments) and
//! `positions/XX.toml` (position claims of one state; the file name is the
//! state's code). All problems of all files are collected before giving up.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::model::{
    Body, Claim, ClaimDate, CouncilData, MemberState, Moment, MomentResult, PopulationYear,
    Position, Precision, Presidency, STATE_CODES, Text, normalize_code,
};
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// What to do when a Council data file cannot be read.
const RESTORE_HINT: &str = "the EU Council tracker needs this file; restore it from git";

/// Reads and validates everything under `<site_root>/data/council/`.
///
/// Returns the data, or all errors found (warnings are dropped; use
/// [`load_into`] to keep them).
pub fn load(site_root: &Path) -> Result<CouncilData, Diagnostics> {
    let mut diags = Diagnostics::new();
    match load_into(site_root, &mut diags) {
        Some(data) if !diags.has_errors() => Ok(data),
        _ => Err(diags),
    }
}

/// Like [`load`], but adds errors and warnings to `diags` and returns the data
/// only when no error was found.
pub fn load_into(site_root: &Path, diags: &mut Diagnostics) -> Option<CouncilData> {
    let dir = site_root.join("data").join("council");
    let before = diags.error_count();
    let mut data = CouncilData::default();
    if let Some(file) = read_toml::<RawStatesFile>(&dir.join("states.toml"), RESTORE_HINT, diags) {
        let (years, states) = check_states(&file, diags);
        data.population_years = years;
        data.states = states;
    }
    if let Some(file) = read_toml::<RawMomentsFile>(&dir.join("moments.toml"), RESTORE_HINT, diags)
    {
        check_moments(&file, &mut data, diags);
    }
    data.claims = load_positions(&dir.join("positions"), &data, diags);
    (diags.error_count() == before).then_some(data)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatesFile {
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
    official_total: Option<u64>,
    source: Spanned<String>,
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

/// A state code from a data file, or a diagnostic.
fn state_code<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<&'static str> {
    let code = normalize_code(at.get_ref());
    if code.is_none() {
        diags.push(
            file.error(
                at,
                format!("`{}` is not the code of an EU member state", at.get_ref()),
            )
            .with_hint(format!(
                "use one of {} (Greece is EL)",
                STATE_CODES.join(", ")
            )),
        );
    }
    code
}

fn check_url<T>(file: &Parsed<T>, at: &Spanned<String>, diags: &mut Diagnostics) {
    let url = at.get_ref().trim();
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && !url.contains(char::is_whitespace);
    if !ok {
        let message = if url.is_empty() {
            "the source is empty".to_string()
        } else {
            format!("`{url}` is not a web address")
        };
        diags.push(
            file.error(at, message)
                .with_hint("give the full address of the source, starting with https://"),
        );
    }
}

fn check_not_empty<T>(file: &Parsed<T>, at: &Spanned<String>, what: &str, diags: &mut Diagnostics) {
    if at.get_ref().trim().is_empty() {
        diags.push(
            file.error(at, format!("{what} is empty"))
                .with_hint(format!("write the {what}")),
        );
    }
}

fn check_states(
    file: &Parsed<RawStatesFile>,
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
                    file.error(&raw.precision, format!("unknown precision `{other}`"))
                        .with_hint("write \"official\" (from the Council's table) or \"derived\" (computed from shares)"),
                );
                Precision::Derived
            }
        };
        check_url(file, &raw.source, diags);
        let entry = PopulationYear {
            year,
            complete: raw.complete,
            precision,
            official_total: raw.official_total,
            source: raw.source.get_ref().trim().to_string(),
            note: raw.note.trim().to_string(),
        };
        if years.insert(year, entry).is_some() {
            diags.push(
                file.error(&raw.year, format!("population year {year} is listed twice"))
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
                    file.error(
                        &figure.year,
                        format!("{code}: no [[population_year]] entry for {year}"),
                    )
                    .with_hint(format!(
                        "add a [[population_year]] with year = {year}, its source and precision"
                    )),
                );
            }
            if *figure.value.get_ref() == 0 {
                diags.push(
                    file.error(
                        &figure.value,
                        format!("{code}: population for {year} is zero"),
                    )
                    .with_hint("write the number of inhabitants, e.g. 18086000"),
                );
            }
            if population.insert(year, *figure.value.get_ref()).is_some() {
                diags.push(
                    file.error(
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
                file.error(tile, format!("{code} has the same tile as {other}"))
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
                file.error(&raw.code, format!("{code} is listed twice"))
                    .with_hint("keep one [[state]] entry per member state"),
            );
        }
    }

    for code in STATE_CODES {
        if !states.contains_key(code) {
            diags.push(
                Diagnostic::error(&file.path, 0, 0, format!("member state {code} is missing"))
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
                Diagnostic::error(
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
            Diagnostic::error(&file.path, 0, 0, "no population year is complete")
                .with_hint("the voting rules need a figure for every state in at least one year marked complete = true"),
        );
    }
    (
        years.into_values().collect(),
        states.into_values().collect(),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMomentsFile {
    #[serde(default)]
    presidency: Vec<RawPresidency>,
    #[serde(default)]
    text: Vec<RawText>,
    #[serde(default)]
    moment: Vec<RawMoment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPresidency {
    state: Spanned<String>,
    from: Spanned<String>,
    until: Spanned<String>,
    source: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    id: Spanned<String>,
    date: Spanned<String>,
    presidency: Spanned<String>,
    title: Spanned<String>,
    #[serde(default)]
    summary: String,
    source: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoment {
    id: Spanned<String>,
    date: Spanned<String>,
    body: Spanned<String>,
    presidency: Spanned<String>,
    text: Spanned<String>,
    result: Spanned<String>,
    summary: Spanned<String>,
    sources: Spanned<Vec<Spanned<String>>>,
}

fn date<T>(file: &Parsed<T>, at: &Spanned<String>, diags: &mut Diagnostics) -> Option<ClaimDate> {
    match ClaimDate::parse(at.get_ref()) {
        Ok(date) => Some(date),
        Err(message) => {
            diags.push(file.error(at, message).with_hint(
                "for example \"2025-11-26\", or \"2024-06\" when only the month is known",
            ));
            None
        }
    }
}

fn full_day<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let date = date(file, at, diags)?;
    if !date.day_known {
        diags.push(
            file.error(at, "this date needs a day")
                .with_hint("write YYYY-MM-DD"),
        );
        return None;
    }
    Some(date.effective)
}

fn check_moments(file: &Parsed<RawMomentsFile>, data: &mut CouncilData, diags: &mut Diagnostics) {
    for raw in &file.value.presidency {
        let state = state_code(file, &raw.state, diags);
        let from = full_day(file, &raw.from, diags);
        let until = full_day(file, &raw.until, diags);
        check_url(file, &raw.source, diags);
        let (Some(state), Some(from), Some(until)) = (state, from, until) else {
            continue;
        };
        if until < from {
            diags.push(
                file.error(&raw.until, "the presidency ends before it starts")
                    .with_hint("swap `from` and `until`"),
            );
            continue;
        }
        data.presidencies.push(Presidency {
            state,
            from,
            until,
            source: raw.source.get_ref().trim().to_string(),
        });
    }
    data.presidencies.sort_by_key(|p| p.from);

    for raw in &file.value.text {
        let id = raw.id.get_ref().trim().to_string();
        check_not_empty(file, &raw.id, "text id", diags);
        check_not_empty(file, &raw.title, "title", diags);
        check_url(file, &raw.source, diags);
        let presidency = state_code(file, &raw.presidency, diags);
        let date = date(file, &raw.date, diags);
        if data.texts.iter().any(|t| t.id == id) {
            diags.push(
                file.error(&raw.id, format!("text id `{id}` is used twice"))
                    .with_hint("give every [[text]] its own id"),
            );
            continue;
        }
        let (Some(presidency), Some(date)) = (presidency, date) else {
            continue;
        };
        data.texts.push(Text {
            id,
            date,
            presidency,
            title: raw.title.get_ref().trim().to_string(),
            summary: raw.summary.trim().to_string(),
            source: raw.source.get_ref().trim().to_string(),
        });
    }
    data.texts.sort_by_key(|t| t.date.effective);

    let mut ids = BTreeSet::new();
    for raw in &file.value.moment {
        let id = raw.id.get_ref().trim().to_string();
        if !ids.insert(id.clone()) {
            diags.push(
                file.error(&raw.id, format!("moment id `{id}` is used twice"))
                    .with_hint("give every [[moment]] its own id"),
            );
        }
        let date = date(file, &raw.date, diags);
        let presidency = state_code(file, &raw.presidency, diags);
        let body = match raw.body.get_ref().trim() {
            "coreper" => Some(Body::Coreper),
            "jha-council" => Some(Body::JhaCouncil),
            other => {
                diags.push(
                    file.error(&raw.body, format!("unknown Council body `{other}`"))
                        .with_hint("write \"coreper\" or \"jha-council\""),
                );
                None
            }
        };
        let result = match raw.result.get_ref().trim() {
            "agreed" => Some(MomentResult::Agreed),
            "withdrawn" => Some(MomentResult::Withdrawn),
            other => {
                diags.push(
                    file.error(&raw.result, format!("unknown result `{other}`"))
                        .with_hint("write \"agreed\" or \"withdrawn\""),
                );
                None
            }
        };
        let text = raw.text.get_ref().trim().to_string();
        if data.text(&text).is_none() {
            diags.push(
                file.error(&raw.text, format!("unknown text `{text}`"))
                    .with_hint(known_texts(data)),
            );
        }
        check_not_empty(file, &raw.summary, "summary", diags);
        if raw.sources.get_ref().is_empty() {
            diags.push(
                file.error(&raw.sources, "this moment has no sources")
                    .with_hint("list at least one web address in sources = [...]"),
            );
        }
        for source in raw.sources.get_ref() {
            check_url(file, source, diags);
        }
        let (Some(date), Some(presidency), Some(body), Some(result)) =
            (date, presidency, body, result)
        else {
            continue;
        };
        data.moments.push(Moment {
            id,
            date,
            body,
            presidency,
            text,
            result,
            summary: raw.summary.get_ref().trim().to_string(),
            sources: raw
                .sources
                .get_ref()
                .iter()
                .map(|s| s.get_ref().trim().to_string())
                .collect(),
        });
    }
    data.moments.sort_by_key(|m| m.date.effective);
}

fn known_texts(data: &CouncilData) -> String {
    let ids: Vec<&str> = data.texts.iter().map(|t| t.id.as_str()).collect();
    format!(
        "use the id of a [[text]] in moments.toml: {}",
        ids.join(", ")
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPositionsFile {
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    date: Spanned<String>,
    position: Spanned<String>,
    text: Spanned<String>,
    source: Option<Spanned<String>>,
    #[serde(default)]
    note: String,
}

fn load_positions(dir: &Path, data: &CouncilData, diags: &mut Diagnostics) -> Vec<Claim> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diags.push(
                Diagnostic::error(
                    dir,
                    0,
                    0,
                    format!("cannot read the positions folder: {err}"),
                )
                .with_hint("create data/council/positions/ with one XX.toml file per member state"),
            );
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut seen: BTreeMap<&'static str, PathBuf> = BTreeMap::new();
    let mut claims = Vec::new();
    for path in paths {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some(state) = normalize_code(stem) else {
            diags.push(
                Diagnostic::error(
                    &path,
                    0,
                    0,
                    format!("`{stem}` is not the code of an EU member state"),
                )
                .with_hint(
                    "name the file after the state's code, e.g. NL.toml (Greece is EL.toml)",
                ),
            );
            continue;
        };
        if let Some(other) = seen.insert(state, path.clone()) {
            diags.push(
                Diagnostic::error(
                    &path,
                    0,
                    0,
                    format!("{state} already has a positions file: {}", other.display()),
                )
                .with_hint("keep all claims of one state in one file"),
            );
            continue;
        }
        let Some(file) = read_toml::<RawPositionsFile>(&path, RESTORE_HINT, diags) else {
            continue;
        };
        for raw in &file.value.claim {
            if let Some(claim) = check_claim(&file, raw, state, data, diags) {
                claims.push(claim);
            }
        }
    }
    claims.sort_by(|a, b| {
        (a.state, a.date.effective, &a.source).cmp(&(b.state, b.date.effective, &b.source))
    });
    claims
}

fn check_claim(
    file: &Parsed<RawPositionsFile>,
    spanned: &Spanned<RawClaim>,
    state: &'static str,
    data: &CouncilData,
    diags: &mut Diagnostics,
) -> Option<Claim> {
    let raw = spanned.get_ref();
    let line = file.line_of(spanned);
    let date = date(file, &raw.date, diags);
    let position = Position::parse(raw.position.get_ref());
    if position.is_none() {
        diags.push(
            file.error(&raw.position, format!("unknown position `{}`", raw.position.get_ref()))
                .with_hint("write support, oppose, abstain or undecided (leave out states whose position is unknown)"),
        );
    }
    let text_id = raw.text.get_ref().trim();
    let text = data.text(text_id);
    if text.is_none() {
        diags.push(
            file.error(&raw.text, format!("unknown text `{text_id}`"))
                .with_hint(known_texts(data)),
        );
    }
    match &raw.source {
        Some(source) => check_url(file, source, diags),
        None => diags.push(
            Diagnostic::error(&file.path, line, 1, "this claim has no source")
                .with_hint("add source = \"https://...\": every position needs a source"),
        ),
    }
    if let (Some(date), Some(text)) = (date, text)
        && date.effective < text.date.effective
    {
        diags.push(
            file.error(
                &raw.date,
                format!(
                    "this claim ({date}) is older than the text it concerns (`{}`, {})",
                    text.id, text.date
                ),
            )
            .with_hint("check the date, or the text the claim is about"),
        );
    }
    Some(Claim {
        state,
        date: date?,
        position: position?,
        text: text?.id.clone(),
        source: raw.source.as_ref()?.get_ref().trim().to_string(),
        note: raw.note.trim().to_string(),
        file: file.path.clone(),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn site_root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site")
    }

    #[test]
    fn loads_the_real_data() {
        let data = load(&site_root()).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(data.states.len(), 27);
        assert_eq!(data.moments.len(), 4);
        assert!(data.claims.len() >= 59);
        assert_eq!(
            data.state("GR").map(|s| s.name_nl.as_str()),
            Some("Griekenland")
        );
    }

    /// A copy of the real data in a temporary folder, with one file replaced.
    fn with_file(name: &str, content: &str) -> (tempfile::TempDir, Diagnostics) {
        let tmp = tempfile::tempdir().unwrap();
        let src = site_root().join("data/council");
        let dst = tmp.path().join("data/council");
        std::fs::create_dir_all(dst.join("positions")).unwrap();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&src).unwrap();
            if entry.file_type().is_file() {
                std::fs::copy(entry.path(), dst.join(rel)).unwrap();
            }
        }
        std::fs::write(dst.join(name), content).unwrap();
        let diags = load(tmp.path()).expect_err("expected diagnostics");
        (tmp, diags)
    }

    const CLAIM_OK: &str = "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n";

    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"against\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 3, "unknown position `against`"; "bad position")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"26-11-2025\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 2, "not a valid date"; "bad date")]
    #[test_case("positions/NL.toml", "\n[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\n", "NL.toml", 2, "no source"; "missing source")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"security.nl\"\n", "NL.toml", 5, "not a web address"; "source not a url")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2099\"\nsource = \"https://example.org/a\"\n", "NL.toml", 4, "unknown text `dk-2099`"; "unknown text")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2024-01-10\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 2, "older than the text"; "claim before text")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsouce = \"https://example.org/a\"\n", "NL.toml", 5, "invalid TOML"; "typo in key")]
    #[test_case("positions/UK.toml", CLAIM_OK, "UK.toml", 0, "not the code of an EU member state"; "unknown state file")]
    #[test_case("positions/GR.toml", CLAIM_OK, "GR.toml", 0, "already has a positions file"; "alias clashes with EL")]
    #[test_case("moments.toml", "[[text]]\nid = \"x\"\ndate = \"2025-01-01\"\npresidency = \"XX\"\ntitle = \"t\"\nsource = \"https://example.org/\"\n", "moments.toml", 4, "not the code of an EU member state"; "unknown presidency state")]
    fn reports_editor_mistakes(name: &str, content: &str, file: &str, line: usize, message: &str) {
        let (_tmp, diags) = with_file(name, content);
        let found = diags.iter().find(|d| d.message.contains(message));
        let found = found.unwrap_or_else(|| panic!("no `{message}` in:\n{diags}"));
        assert!(found.file.ends_with(file), "{found}");
        assert_eq!(found.line, line, "{found}");
        assert!(found.hint.is_some());
    }

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

    #[test]
    fn collects_several_errors_at_once() {
        let content =
            "[[claim]]\ndate = \"2025-13-01\"\nposition = \"maybe\"\ntext = \"dk-2025-11\"\n";
        let (_tmp, diags) = with_file("positions/NL.toml", content);
        assert!(diags.error_count() >= 3, "{diags}");
    }
}
