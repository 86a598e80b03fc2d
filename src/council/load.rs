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
    Body, Claim, ClaimDate, CouncilData, Decision, MemberState, Moment, MomentResult,
    PopulationYear, Position, Precision, Presidency, STATE_CODES, Source, SourceKind, Stage, Text,
    normalize_code,
};
use super::qmv::{Outcome, Rule, Voter, evaluate};
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::url::{ExternalUrl, Schemes};

/// The range a member state's population must lie in: Malta has about half
/// a million inhabitants, Germany about 84 million. Anything outside is a
/// typo (and a huge number would make the vote arithmetic meaningless).
const POPULATION_STATE: std::ops::RangeInclusive<u64> = 100_000..=200_000_000;

/// The range the EU total must lie in (about 450 million).
const POPULATION_TOTAL: std::ops::RangeInclusive<u64> = 300_000_000..=600_000_000;

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
    load_at(site_root, chrono::Local::now().date_naive(), diags)
}

/// Like [`load_into`], with `today` given: claims dated after it are warned about.
pub fn load_at(site_root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Option<CouncilData> {
    let dir = site_root.join("data").join("council");
    let before = diags.error_count();
    let mut data = CouncilData::default();
    let hosts = read_toml::<RawSourcesFile>(&dir.join("sources.toml"), RESTORE_HINT, diags)
        .map(|file| check_hosts(&file, diags))
        .unwrap_or_default();
    let ctx = Ctx { hosts, today };
    if let Some(file) = read_toml::<RawStatesFile>(&dir.join("states.toml"), RESTORE_HINT, diags) {
        let (years, states) = check_states(&file, &ctx, diags);
        data.population_years = years;
        data.states = states;
    }
    if let Some(file) = read_toml::<RawMomentsFile>(&dir.join("moments.toml"), RESTORE_HINT, diags)
    {
        check_moments(&file, &ctx, &mut data, diags);
    }
    data.claims = load_positions(&dir.join("positions"), &ctx, &data, diags);
    if let Some(file) =
        read_toml::<RawProcedureFile>(&dir.join("procedure.toml"), RESTORE_HINT, diags)
    {
        data.stages = check_stages(&file, &ctx, diags);
    }
    if diags.error_count() == before {
        super::check::warn(&data, diags);
    }
    (diags.error_count() == before).then_some(data)
}

/// What every check needs besides the file: source kinds and today's date.
struct Ctx {
    hosts: Hosts,
    today: NaiveDate,
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
    official_total: Option<Spanned<u64>>,
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

/// The kind of publication behind each host, from `sources.toml`.
#[derive(Debug, Default)]
pub(crate) struct Hosts(Vec<(String, SourceKind)>, Vec<String>);

impl Hosts {
    /// The kind for `host` (a `www.` prefix is ignored; a listed host also
    /// covers its subdomains).
    /// True when `host` is listed with a mistake already reported.
    fn is_broken(&self, host: &str) -> bool {
        let host = host.trim_start_matches("www.");
        self.1
            .iter()
            .any(|h| host == h || host.ends_with(&format!(".{h}")))
    }

    fn kind_of(&self, host: &str) -> Option<SourceKind> {
        let host = host.trim_start_matches("www.");
        self.0
            .iter()
            .filter(|(h, _)| host == h || host.ends_with(&format!(".{h}")))
            .max_by_key(|(h, _)| h.len())
            .map(|(_, k)| *k)
    }
}

fn kinds_list() -> String {
    SourceKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourcesFile {
    #[serde(default)]
    host: Vec<RawHost>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHost {
    host: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

fn check_hosts(file: &Parsed<RawSourcesFile>, diags: &mut Diagnostics) -> Hosts {
    let mut hosts: Vec<(String, SourceKind)> = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    for raw in &file.value.host {
        let host = raw
            .host
            .get_ref()
            .trim()
            .trim_start_matches("www.")
            .to_ascii_lowercase();
        if host.is_empty() || host.contains(['/', ':', ' ']) {
            diags.push(
                file.error(
                    &raw.host,
                    format!("`{}` is not a host name", raw.host.get_ref()),
                )
                .with_hint("write only the host, e.g. \"security.nl\" (no https://, no path)"),
            );
            continue;
        }
        let Some(kind) = SourceKind::parse(raw.kind.get_ref()) else {
            diags.push(
                file.error(
                    &raw.kind,
                    format!("unknown source kind `{}`", raw.kind.get_ref()),
                )
                .with_hint(format!("write one of {}", kinds_list())),
            );
            broken.push(host);
            continue;
        };
        if hosts.iter().any(|(h, _)| *h == host) {
            diags.push(
                file.error(&raw.host, format!("host `{host}` is listed twice"))
                    .with_hint("keep one [[host]] entry per host"),
            );
            continue;
        }
        hosts.push((host, kind));
    }
    Hosts(hosts, broken)
}

/// A source address from a data file, checked as an [`ExternalUrl`] and
/// graded by its host; or a diagnostic.
fn source<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    hosts: &Hosts,
    diags: &mut Diagnostics,
) -> Option<Source> {
    let url = match ExternalUrl::parse(at.get_ref(), Schemes::Web) {
        Ok(url) => url,
        Err(err) => {
            let message = if at.get_ref().trim().is_empty() {
                "the source is empty".to_string()
            } else {
                err.message
            };
            diags.push(file.error(at, message).with_hint(err.hint));
            return None;
        }
    };
    let Some(kind) = hosts.kind_of(url.host()) else {
        if hosts.is_broken(url.host()) {
            return None;
        }
        diags.push(
            file.error(at, format!("no source kind is known for `{}`", url.host()))
                .with_hint(format!(
                    "add [[host]] host = \"{}\" with kind = one of {} to data/council/sources.toml",
                    url.host().trim_start_matches("www."),
                    kinds_list()
                )),
        );
        return None;
    };
    Some(Source { url, kind })
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
                    file.error(&raw.precision, format!("unknown precision `{other}`"))
                        .with_hint("write \"official\" (from the Council's table) or \"derived\" (computed from shares)"),
                );
                Precision::Derived
            }
        };
        let Some(source) = source(file, &raw.source, &ctx.hosts, diags) else {
            continue;
        };
        if let Some(total) = &raw.official_total
            && !POPULATION_TOTAL.contains(total.get_ref())
        {
            diags.push(
                file.error(
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
            if !POPULATION_STATE.contains(figure.value.get_ref()) {
                diags.push(
                    file.error(
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
    votes: Option<RawVotes>,
}

/// `[moment.votes]`: the votes as reported at a decision.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVotes {
    #[serde(default)]
    support: Vec<Spanned<String>>,
    #[serde(default)]
    oppose: Vec<Spanned<String>>,
    #[serde(default)]
    abstain: Vec<Spanned<String>>,
    others: Spanned<String>,
    others_reason: Spanned<String>,
    sources: Spanned<Vec<Spanned<String>>>,
}

fn check_votes(
    file: &Parsed<RawMomentsFile>,
    raw: &RawVotes,
    ctx: &Ctx,
    diags: &mut Diagnostics,
) -> Option<Decision> {
    let mut reported: Vec<(&'static str, Position)> = Vec::new();
    let mut ok = true;
    for (list, position) in [
        (&raw.support, Position::Support),
        (&raw.oppose, Position::Oppose),
        (&raw.abstain, Position::Abstain),
    ] {
        for at in list {
            let Some(code) = state_code(file, at, diags) else {
                ok = false;
                continue;
            };
            if reported.iter().any(|(c, _)| *c == code) {
                diags.push(
                    file.error(at, format!("{code} has two votes at this decision"))
                        .with_hint("name each state in one list only: support, oppose or abstain"),
                );
                ok = false;
                continue;
            }
            reported.push((code, position));
        }
    }
    reported.sort();
    let others = match Position::parse(raw.others.get_ref()) {
        Some(p) if p != Position::Undecided => Some(p),
        _ => {
            diags.push(
                file.error(
                    &raw.others,
                    format!("`{}` is not a vote", raw.others.get_ref()),
                )
                .with_hint(
                    "write how the states not named are counted: support, oppose or abstain",
                ),
            );
            None
        }
    };
    check_not_empty(
        file,
        &raw.others_reason,
        "reason for counting the others",
        diags,
    );
    if raw.sources.get_ref().is_empty() {
        diags.push(
            file.error(&raw.sources, "the votes have no sources")
                .with_hint("list the web addresses that report the votes in sources = [...]"),
        );
    }
    let sources: Option<Vec<Source>> = raw
        .sources
        .get_ref()
        .iter()
        .map(|s| source(file, s, &ctx.hosts, diags))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    Some(Decision {
        reported,
        others: others?,
        others_reason: raw.others_reason.get_ref().trim().to_string(),
        sources: sources.filter(|_| ok)?,
    })
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

fn check_moments(
    file: &Parsed<RawMomentsFile>,
    ctx: &Ctx,
    data: &mut CouncilData,
    diags: &mut Diagnostics,
) {
    for raw in &file.value.presidency {
        let state = state_code(file, &raw.state, diags);
        let from = full_day(file, &raw.from, diags);
        let until = full_day(file, &raw.until, diags);
        let source = source(file, &raw.source, &ctx.hosts, diags);
        let (Some(state), Some(from), Some(until), Some(source)) = (state, from, until, source)
        else {
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
            source,
        });
    }
    data.presidencies.sort_by_key(|p| p.from);

    for raw in &file.value.text {
        let id = raw.id.get_ref().trim().to_string();
        check_not_empty(file, &raw.id, "text id", diags);
        check_not_empty(file, &raw.title, "title", diags);
        let source = source(file, &raw.source, &ctx.hosts, diags);
        let presidency = state_code(file, &raw.presidency, diags);
        let date = date(file, &raw.date, diags);
        if let Some(date) = date
            && let Some(problem) = super::check::title_date_mismatch(raw.title.get_ref(), &date)
        {
            diags.push(
                file.warning(&raw.title, problem)
                    .with_hint("make the title and the date agree"),
            );
        }
        if data.texts.iter().any(|t| t.id == id) {
            diags.push(
                file.error(&raw.id, format!("text id `{id}` is used twice"))
                    .with_hint("give every [[text]] its own id"),
            );
            continue;
        }
        let (Some(presidency), Some(date), Some(source)) = (presidency, date, source) else {
            continue;
        };
        data.texts.push(Text {
            id,
            date,
            presidency,
            title: raw.title.get_ref().trim().to_string(),
            summary: raw.summary.trim().to_string(),
            source,
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
        let sources: Vec<Option<Source>> = raw
            .sources
            .get_ref()
            .iter()
            .map(|s| source(file, s, &ctx.hosts, diags))
            .collect();
        let decision = raw
            .votes
            .as_ref()
            .and_then(|votes| check_votes(file, votes, ctx, diags));
        if let (Some(votes), Some(result)) = (&raw.votes, result)
            && result != MomentResult::Agreed
        {
            diags.push(
                file.error(&votes.others, "votes are recorded for a moment without a decision")
                    .with_hint("only a moment with result = \"agreed\" has votes; remove [moment.votes] or fix the result"),
            );
        }
        if let (Some(date), Some(_)) = (&date, &decision)
            && !date.day_known
        {
            diags.push(
                file.error(&raw.date, "a decision needs the day it was taken")
                    .with_hint("write the date as YYYY-MM-DD"),
            );
        }
        if let (Some(votes), Some(decision), Some(date)) = (&raw.votes, &decision, &date)
            && let Some(choice) = data.population_at(date.effective)
        {
            let voters: Vec<Voter> = choice
                .figures
                .iter()
                .map(|&(code, population)| Voter::new(code, population, decision.vote_of(code)))
                .collect();
            let outcome = evaluate(Rule::Qmv, &voters).outcome;
            if outcome != Outcome::Adopted {
                diags.push(
                    file.error(
                        &votes.others,
                        format!(
                            "these votes do not add up to an agreement: counted by the rules the text is {}",
                            outcome.label_nl()
                        ),
                    )
                    .with_hint("check the reported votes and how the others are counted (others = ...)"),
                );
            }
        }
        let (Some(date), Some(presidency), Some(body), Some(result), Some(sources)) = (
            date,
            presidency,
            body,
            result,
            sources.into_iter().collect::<Option<Vec<Source>>>(),
        ) else {
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
            sources,
            decision,
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
    weakly_sourced: bool,
    #[serde(default)]
    note: String,
}

fn load_positions(
    dir: &Path,
    ctx: &Ctx,
    data: &CouncilData,
    diags: &mut Diagnostics,
) -> Vec<Claim> {
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
        let mut first = Diagnostics::new();
        let files = match read_toml::<RawPositionsFile>(&path, RESTORE_HINT, &mut first) {
            Some(file) => vec![file],
            None => match std::fs::read_to_string(&path) {
                // TOML stops at its first mistake; read claim by claim so
                // that every broken claim of the file is reported at once.
                Ok(text) => claim_by_claim(&path, &text, diags),
                Err(_) => {
                    diags.extend(first.iter().cloned());
                    Vec::new()
                }
            },
        };
        for file in &files {
            for raw in &file.value.claim {
                if let Some(claim) = check_claim(file, raw, state, ctx, data, diags) {
                    claims.push(claim);
                }
            }
        }
    }
    claims.sort_by(|a, b| {
        (a.state, a.date.effective, &a.source.url).cmp(&(b.state, b.date.effective, &b.source.url))
    });
    claims
}

/// Parses a positions file that does not parse as a whole one `[[claim]]`
/// at a time, reporting the mistakes of every claim. Each part is padded
/// with the newlines before it, so lines and columns stay those of the file.
fn claim_by_claim(
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) -> Vec<Parsed<RawPositionsFile>> {
    let mut starts: Vec<usize> = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset > 0 && line.trim_start().starts_with("[[claim]]") {
            starts.push(offset);
        }
        offset += line.len();
    }
    starts.push(text.len());
    let mut parts = Vec::new();
    for pair in starts.windows(2) {
        let before = text[..pair[0]].matches('\n').count();
        let padded = format!("{}{}", "\n".repeat(before), &text[pair[0]..pair[1]]);
        match toml::from_str::<RawPositionsFile>(&padded) {
            Ok(value) => parts.push(Parsed {
                path: path.to_path_buf(),
                text: padded,
                value,
            }),
            Err(err) => {
                diags.extend(crate::data_file::toml_mistakes::<RawPositionsFile>(
                    path, &padded, err,
                ));
            }
        }
    }
    parts
}

fn check_claim(
    file: &Parsed<RawPositionsFile>,
    spanned: &Spanned<RawClaim>,
    state: &'static str,
    ctx: &Ctx,
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
    let source = match &raw.source {
        Some(at) => source(file, at, &ctx.hosts, diags),
        None => {
            diags.push(
                Diagnostic::error(&file.path, line, 1, "this claim has no source")
                    .with_hint("add source = \"https://...\": every position needs a source"),
            );
            None
        }
    };
    if let Some(date) = date
        && date.effective > ctx.today
    {
        diags.push(
            file.warning(
                &raw.date,
                format!("this claim is dated {date}, which is after today"),
            )
            .with_hint("check the date: a claim reports a position someone already took"),
        );
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
        source: source?,
        weakly_sourced: raw.weakly_sourced,
        note: raw.note.trim().to_string(),
        file: file.path.clone(),
        line,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProcedureFile {
    #[serde(default)]
    stage: Vec<RawStage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: Spanned<String>,
    title: Spanned<String>,
    body: Spanned<String>,
    date: Option<Spanned<String>>,
    about: Spanned<String>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
}

fn check_stages(file: &Parsed<RawProcedureFile>, ctx: &Ctx, diags: &mut Diagnostics) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    let mut previous: Option<(NaiveDate, &Spanned<String>)> = None;
    let mut open = false;
    for raw in &file.value.stage {
        let id = raw.id.get_ref().trim().to_string();
        check_not_empty(file, &raw.id, "stage id", diags);
        check_not_empty(file, &raw.title, "title", diags);
        check_not_empty(file, &raw.about, "description", diags);
        if stages.iter().any(|s| s.id == id) {
            diags.push(
                file.error(&raw.id, format!("stage id `{id}` is used twice"))
                    .with_hint("give every [[stage]] its own id"),
            );
        }
        let when = raw.date.as_ref().and_then(|d| date(file, d, diags));
        if let (Some(when), Some(at)) = (when, &raw.date) {
            if open {
                diags.push(
                    file.error(at, "this stage has a date but an earlier stage has none")
                        .with_hint("stages happen in order: give the earlier stage its date, or remove this one"),
                );
            }
            if let Some((before, _)) = previous
                && when.effective < before
            {
                diags.push(
                    file.error(
                        at,
                        format!("this stage ({when}) is dated before the stage above it"),
                    )
                    .with_hint("list the stages in the order they happen, with their dates"),
                );
            }
            if when.effective > ctx.today {
                diags.push(
                    file.warning(at, format!("this stage is dated {when}, after today"))
                        .with_hint("leave out the date of a stage that has not happened yet"),
                );
            }
            previous = Some((when.effective, at));
        } else if raw.date.is_none() {
            open = true;
        }
        if raw.date.is_some() && raw.sources.is_empty() {
            diags.push(
                file.error(&raw.title, "a stage that happened needs a source")
                    .with_hint("add sources = [\"https://...\"]"),
            );
        }
        let sources: Vec<Option<Source>> = raw
            .sources
            .iter()
            .map(|s| source(file, s, &ctx.hosts, diags))
            .collect();
        let Some(sources) = sources.into_iter().collect::<Option<Vec<_>>>() else {
            continue;
        };
        stages.push(Stage {
            id,
            title: raw.title.get_ref().trim().to_string(),
            body: raw.body.get_ref().trim().to_string(),
            date: when,
            about: raw.about.get_ref().trim().to_string(),
            sources,
        });
    }
    stages
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
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"security.nl\"\n", "NL.toml", 5, "not a complete web address"; "source not a url")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2099\"\nsource = \"https://example.org/a\"\n", "NL.toml", 4, "unknown text `dk-2099`"; "unknown text")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2024-01-10\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://example.org/a\"\n", "NL.toml", 2, "older than the text"; "claim before text")]
    #[test_case("positions/NL.toml", "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsouce = \"https://example.org/a\"\n", "NL.toml", 5, "`souce` is not a field here"; "typo in key")]
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

    #[test_case("others = \"support\"", "others = \"oppose\"", "do not add up to an agreement"; "votes that block")]
    #[test_case("abstain = [\"IT\"]", "abstain = [\"IT\", \"NL\"]", "NL has two votes"; "a state in two lists")]
    #[test_case("result = \"agreed\"\nsummary = \"De vertegenwoordigers", "result = \"withdrawn\"\nsummary = \"De vertegenwoordigers", "without a decision"; "votes on a withdrawn moment")]
    fn reports_mistakes_in_recorded_votes(find: &str, replace: &str, message: &str) {
        let text = std::fs::read_to_string(site_root().join("data/council/moments.toml")).unwrap();
        assert!(text.contains(find), "{find}");
        let (_tmp, diags) = with_file("moments.toml", &text.replacen(find, replace, 1));
        let found = diags.iter().find(|d| d.message.contains(message));
        let found = found.unwrap_or_else(|| panic!("no `{message}` in:\n{diags}"));
        assert!(found.line > 0 && found.hint.is_some(), "{found}");
    }

    #[test]
    fn reports_every_broken_claim_of_a_file() {
        let content = "[[claim]]\ndate = \"2025-11-26\"\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsouce = \"https://www.security.nl/a\"\n\n[[claim]]\ndate = 2025-11-27\nposition = \"oppose\"\ntext = \"dk-2025-11\"\nsource = \"https://www.security.nl/b\"\n\n[[claim]]\ndate = \"2025-11-28\"\nposition = \"maybe\"\ntext = \"dk-2025-11\"\nsource = \"https://www.security.nl/c\"\n";
        let (_tmp, diags) = with_file("positions/NL.toml", content);
        let lines: Vec<usize> = diags
            .iter()
            .filter(|d| d.file.ends_with("NL.toml"))
            .map(|d| d.line)
            .collect();
        assert!(lines.contains(&5), "unknown key `souce` on line 5: {diags}");
        assert!(lines.contains(&8), "date without quotes on line 8: {diags}");
        assert!(lines.contains(&15), "unknown position on line 15: {diags}");
    }

    #[test]
    fn collects_several_errors_at_once() {
        let content =
            "[[claim]]\ndate = \"2025-13-01\"\nposition = \"maybe\"\ntext = \"dk-2025-11\"\n";
        let (_tmp, diags) = with_file("positions/NL.toml", content);
        assert!(diags.error_count() >= 3, "{diags}");
    }
}
