//! The EU Council tracker's data model: member states, population figures,
//! compromise texts, Council moments and dated position claims.
//!
//! Everything here is plain data plus pure queries ("what did we know about
//! this state on that date?"). Reading and validating the TOML files lives in
//! `load.rs`; the voting arithmetic lives in `qmv.rs`.

pub use super::local_text::LocalText;
pub use crate::content::dates::{BadClaimDate, ClaimDate};
use crate::locale::Locale;
use crate::url::ExternalUrl;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The EU country codes of the 27 member states, in alphabetical order.
/// Greece is `EL` (the ISO code `GR` is accepted as an alias, see [`normalize_code`]).
pub const STATE_CODES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Turns what an editor or user typed into an EU country code: case is
/// ignored, surrounding spaces are dropped and `GR` becomes `EL`. Returns
/// `None` for anything that is not one of the 27 member states.
pub fn normalize_code(input: &str) -> Option<&'static str> {
    let upper = input.trim().to_ascii_uppercase();
    let upper = if upper == "GR" {
        "EL".to_string()
    } else {
        upper
    };
    STATE_CODES.iter().copied().find(|code| *code == upper)
}

/// A member state's position on a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Position {
    /// In favour.
    Support,
    /// Against.
    Oppose,
    /// Abstaining: under qualified majority this counts the same as against.
    Abstain,
    /// No position yet (or none known).
    Undecided,
}

impl Position {
    /// All positions, in the order used in forms and legends.
    pub const ALL: [Position; 4] = [
        Position::Support,
        Position::Oppose,
        Position::Abstain,
        Position::Undecided,
    ];

    /// Parses the English keyword used in data files and on the command line.
    pub fn parse(text: &str) -> Option<Position> {
        match text.trim().to_ascii_lowercase().as_str() {
            "support" => Some(Position::Support),
            "oppose" => Some(Position::Oppose),
            "abstain" => Some(Position::Abstain),
            "undecided" => Some(Position::Undecided),
            _ => None,
        }
    }

    /// The keyword used in data files, JSON and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Position::Support => "support",
            Position::Oppose => "oppose",
            Position::Abstain => "abstain",
            Position::Undecided => "undecided",
        }
    }

    /// The short label shown on the site ("voor", "against"), from the
    /// interface strings `council_position_<keyword>`; prose uses it.
    pub fn label(self, locale: &Locale) -> String {
        locale.t(&format!("council_position_{}", self.as_str()))
    }

    /// The position as a label that says of what (issue #25): "voor het
    /// voorstel", "against the proposal", "onthouding", "undecided"
    /// (`council_position_proposal_<keyword>`). For legends, lists and
    /// charts, where a bare "voor" leaves the reader guessing; prose keeps
    /// [`Position::label`].
    pub fn label_proposal(self, locale: &Locale) -> String {
        locale.t(&format!("council_position_proposal_{}", self.as_str()))
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precise a year's population figures are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Copied from the Council's own table.
    Official,
    /// Computed from official shares; approximate until replaced.
    Derived,
}

/// The source and precision of one year's population figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PopulationYear {
    /// The calendar year the figures apply to (from 1 January).
    pub year: i32,
    /// True when every member state has a figure for this year; only complete years are used.
    pub complete: bool,
    /// Official or derived.
    pub precision: Precision,
    /// The official EU total, when known (may differ from the sum of derived figures).
    pub official_total: Option<u64>,
    /// Where the figures come from.
    pub source: Source,
    /// What an editor should know about these figures (Dutch).
    pub note: String,
}

/// One member state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberState {
    /// EU country code, e.g. `NL`, `EL`.
    pub code: &'static str,
    /// Dutch name.
    pub name_nl: String,
    /// English name.
    pub name_en: String,
    /// Place on the tile map (column, row), if given.
    pub tile: Option<(u32, u32)>,
    /// Population per year.
    pub population: BTreeMap<i32, u64>,
}

/// One source's statement of a state's position on a text at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    /// The state the claim is about.
    pub state: &'static str,
    /// When the position was held or reported.
    pub date: ClaimDate,
    /// The position claimed.
    pub position: Position,
    /// The id of the text concerned (see [`Text`]).
    pub text: String,
    /// Where the claim comes from.
    pub source: Source,
    /// True when an editor marked the claim as resting on weak sources only
    /// (blogs, aggregators); the page says so and `check` does not warn.
    pub weakly_sourced: bool,
    /// A short note in our own words (`note`, `note_en`).
    pub note: LocalText,
    /// The file the claim was read from.
    pub file: PathBuf,
    /// The line of the claim's `[[claim]]` header in that file.
    pub line: usize,
}

/// A compromise text that member states took positions on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Short id used by claims and moments, e.g. `dk-2025-11`.
    pub id: String,
    /// From this date on the text is the one under discussion.
    pub date: ClaimDate,
    /// The presidency that tabled it.
    pub presidency: &'static str,
    /// Title (`title`, `title_en`).
    pub title: LocalText,
    /// Summary (`summary`, `summary_en`).
    pub summary: LocalText,
    /// Where the description comes from.
    pub source: Source,
}

/// A Council presidency (six months).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Presidency {
    /// The member state holding the presidency.
    pub state: &'static str,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub until: NaiveDate,
    /// Where this comes from.
    pub source: Source,
}

/// The Council body that met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Body {
    /// The committee of permanent representatives (ambassadors).
    Coreper,
    /// The Justice and Home Affairs Council (ministers).
    JhaCouncil,
}

impl Body {
    /// The keyword used in data files (`coreper`, `jha-council`).
    pub fn as_str(self) -> &'static str {
        match self {
            Body::Coreper => "coreper",
            Body::JhaCouncil => "jha-council",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Body::Coreper => "coreper",
            Body::JhaCouncil => "jha",
        }
    }

    /// The body's name on the site: "Coreper (permanente
    /// vertegenwoordigers)" (`council_body_<body>`).
    pub fn label(self, locale: &Locale) -> String {
        locale.t(&format!("council_body_{}", self.key()))
    }

    /// The body as the subject of a sentence: "het Coreper (de
    /// ambassadeurs van de lidstaten)" (`council_body_subject_<body>`).
    pub fn subject(self, locale: &Locale) -> String {
        locale.t(&format!("council_body_subject_{}", self.key()))
    }
}

/// What happened at a Council moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MomentResult {
    /// The Council agreed its position.
    Agreed,
    /// The vote was taken off the agenda or cancelled.
    Withdrawn,
}

impl MomentResult {
    /// The keyword used in data files (`agreed`, `withdrawn`).
    pub fn as_str(self) -> &'static str {
        match self {
            MomentResult::Agreed => "agreed",
            MomentResult::Withdrawn => "withdrawn",
        }
    }

    /// What came of the moment: "akkoord bereikt", "vote called off"
    /// (`council_result_<keyword>`).
    pub fn label(self, locale: &Locale) -> String {
        locale.t(&format!("council_result_{}", self.as_str()))
    }
}

/// A Council meeting where a decision was planned or taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moment {
    /// Short id, e.g. `2025-11-coreper`.
    pub id: String,
    /// Date of the meeting.
    pub date: ClaimDate,
    /// Which body met.
    pub body: Body,
    /// The presidency at the time.
    pub presidency: &'static str,
    /// The id of the text on the table.
    pub text: String,
    /// Agreed or withdrawn.
    pub result: MomentResult,
    /// Dutch summary, in our own words. A plain text, as the contact tool
    /// reads it; [`Moment::summary_text`] has it with its translation.
    pub summary: String,
    /// The English summary (`summary_en`), when the editors wrote one.
    pub summary_en: Option<String>,
    /// Sources.
    pub sources: Vec<Source>,
    /// The votes as reported, when the moment took a decision.
    pub decision: Option<Decision>,
}

/// The votes at a Council decision, as reported: the states named by
/// sources, and how the others are counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// States whose vote sources report, sorted by code.
    pub reported: Vec<(&'static str, Position)>,
    /// How every state not in `reported` is counted.
    pub others: Position,
    /// Why the others are counted that way, shown on the site
    /// (`others_reason`, `others_reason_en`).
    pub others_reason: LocalText,
    /// Where the reported votes come from.
    pub sources: Vec<Source>,
}

impl MemberState {
    /// The state's name in `locale`'s language: the Dutch name on Dutch
    /// pages, the English one on all others.
    pub fn name(&self, locale: &Locale) -> &str {
        if locale.code() == super::local_text::DATA_LANGUAGE {
            &self.name_nl
        } else {
            &self.name_en
        }
    }
}

impl Moment {
    /// The summary with its English version.
    pub fn summary_text(&self) -> LocalText {
        LocalText::new(self.summary.clone(), self.summary_en.clone())
    }
}

impl Decision {
    /// The vote counted for `code`: the reported one, or `others`.
    pub fn vote_of(&self, code: &str) -> Position {
        self.reported
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, p)| *p)
            .unwrap_or(self.others)
    }

    /// True when a source reports this state's vote (rather than it being
    /// counted with the others).
    pub fn is_reported(&self, code: &str) -> bool {
        self.reported.iter().any(|(c, _)| *c == code)
    }
}

/// What kind of publication a source is; the site shows it beside the link
/// and `check` warns about claims that rest only on weak kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// A document of the Council, the Parliament, the Commission or a government.
    Official,
    /// A parliamentary record: minutes, questions, answers.
    Parliamentary,
    /// A newspaper, broadcaster or news site with an editorial staff.
    Press,
    /// A civil-society organisation.
    Ngo,
    /// A personal or campaign site, or a social-media post.
    Blog,
    /// A site that summarises or republishes others' reporting.
    Aggregator,
}

impl SourceKind {
    /// All kinds, strongest first.
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Official,
        SourceKind::Parliamentary,
        SourceKind::Press,
        SourceKind::Ngo,
        SourceKind::Blog,
        SourceKind::Aggregator,
    ];

    /// The keyword used in data files.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Official => "official",
            SourceKind::Parliamentary => "parliamentary",
            SourceKind::Press => "press",
            SourceKind::Ngo => "ngo",
            SourceKind::Blog => "blog",
            SourceKind::Aggregator => "aggregator",
        }
    }

    /// Parses the keyword used in data files.
    pub fn parse(text: &str) -> Option<SourceKind> {
        SourceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
    }

    /// The label shown beside a source: "officieel document", "press"
    /// (`council_source_kind_<keyword>`).
    pub fn label(self, locale: &Locale) -> String {
        locale.t(&format!("council_source_kind_{}", self.as_str()))
    }

    /// True for blogs and aggregators: a claim should not rest on these alone.
    pub fn is_weak(self) -> bool {
        matches!(self, SourceKind::Blog | SourceKind::Aggregator)
    }

    /// How much a source of this kind counts: official documents highest,
    /// then parliamentary records, press, civil-society organisations, blogs
    /// and aggregators (the order of [`SourceKind::ALL`]).
    pub fn strength(self) -> usize {
        SourceKind::ALL.len()
            - SourceKind::ALL
                .iter()
                .position(|k| *k == self)
                .unwrap_or(SourceKind::ALL.len())
    }

    /// The weaker of two kinds: what a source is worth when it relies on another.
    pub fn weaker(self, other: SourceKind) -> SourceKind {
        if other.strength() < self.strength() {
            other
        } else {
            self
        }
    }
}

/// The other publication a source relies on (`relies_on` in `sources.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReliesOn {
    /// The host relied on, e.g. `fightchatcontrol.eu`.
    pub host: String,
    /// That host's own kind.
    pub kind: SourceKind,
}

/// A source: a checked web address and what kind of publication it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The address.
    pub url: ExternalUrl,
    /// The grade that counts: the weakest link, i.e. the weaker of the host's
    /// own kind and the kind of the host it relies on.
    pub kind: SourceKind,
    /// The kind of the host itself (from `sources.toml`).
    pub host_kind: SourceKind,
    /// The publication this host relies on, when `sources.toml` says so.
    pub relies_on: Option<ReliesOn>,
    /// A copy of the page in a web archive, when the editor gave one.
    pub archive_url: Option<ExternalUrl>,
}

impl Source {
    /// A source whose host relies on nothing else and that has no archive copy.
    pub fn plain(url: ExternalUrl, kind: SourceKind) -> Source {
        Source {
            url,
            kind,
            host_kind: kind,
            relies_on: None,
            archive_url: None,
        }
    }
}

/// One stage of the ordinary legislative procedure of the regulation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stage {
    /// Short id, e.g. `council-mandate`.
    pub id: String,
    /// Name of the stage (`title`, `title_en`).
    pub title: LocalText,
    /// Who acts in it (`body`, `body_en`).
    pub body: LocalText,
    /// When it happened; None means "not yet".
    pub date: Option<ClaimDate>,
    /// What it means, in plain words (`about`, `about_en`).
    pub about: LocalText,
    /// Sources (empty for stages that have not happened).
    pub sources: Vec<Source>,
}

/// Everything under `site/data/council/`, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CouncilData {
    /// The 27 member states, sorted by code.
    pub states: Vec<MemberState>,
    /// Population years, sorted by year.
    pub population_years: Vec<PopulationYear>,
    /// Presidencies, sorted by start date.
    pub presidencies: Vec<Presidency>,
    /// Texts, sorted by date.
    pub texts: Vec<Text>,
    /// Council moments, sorted by date.
    pub moments: Vec<Moment>,
    /// All claims, sorted by state, date and source.
    pub claims: Vec<Claim>,
    /// The stages of the legislative procedure, in order.
    pub stages: Vec<Stage>,
}

/// The population figures to use for a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopulationChoice<'a> {
    /// The year whose figures are used.
    pub year: &'a PopulationYear,
    /// True when no complete year on or before the date exists and a later year is used instead.
    pub later_year_used: bool,
    /// Population per state code, for all 27 states.
    pub figures: Vec<(&'static str, u64)>,
}

/// What we know about one state's position at a date: the claims of the
/// latest date on or before it that concern the text then under discussion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stance<'a> {
    /// The claims of that latest date (empty when nothing is known).
    pub claims: Vec<&'a Claim>,
}

impl Stance<'_> {
    /// True when no claim is known.
    pub fn is_unknown(&self) -> bool {
        self.claims.is_empty()
    }

    /// The distinct positions claimed, in [`Position::ALL`] order.
    pub fn positions(&self) -> Vec<Position> {
        Position::ALL
            .into_iter()
            .filter(|p| self.claims.iter().any(|c| c.position == *p))
            .collect()
    }

    /// True when the claims of that date disagree.
    pub fn is_disputed(&self) -> bool {
        self.positions().len() > 1
    }
}

impl CouncilData {
    /// The member state with this code (aliases such as `GR` are accepted).
    pub fn state(&self, code: &str) -> Option<&MemberState> {
        let code = normalize_code(code)?;
        self.states.iter().find(|s| s.code == code)
    }

    /// The text with this id.
    pub fn text(&self, id: &str) -> Option<&Text> {
        self.texts.iter().find(|t| t.id == id)
    }

    /// All claims about one state, oldest first.
    pub fn claims_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Claim> + 'a {
        self.claims.iter().filter(move |c| c.state == code)
    }

    /// True when another claim about the same state, text and date names a different position.
    pub fn is_disputed(&self, claim: &Claim) -> bool {
        self.claims.iter().any(|other| {
            other.state == claim.state
                && other.text == claim.text
                && other.date.effective == claim.date.effective
                && other.position != claim.position
        })
    }

    /// The text under discussion on `date`: the latest text dated on or before it.
    pub fn text_at(&self, date: NaiveDate) -> Option<&Text> {
        self.texts
            .iter()
            .filter(|t| t.date.effective <= date)
            .max_by_key(|t| t.date.effective)
    }

    /// What is known about `code`'s position on `date`: the claims of the
    /// latest date on or before `date` about the text then under discussion.
    /// Claims about earlier texts do not count: a position on one compromise
    /// says nothing certain about the next one.
    pub fn stance_at(&self, code: &str, date: NaiveDate) -> Stance<'_> {
        let Some(text) = self.text_at(date) else {
            return Stance { claims: Vec::new() };
        };
        let relevant: Vec<&Claim> = self
            .claims
            .iter()
            .filter(|c| c.state == code && c.text == text.id && c.date.effective <= date)
            .collect();
        let latest = relevant.iter().map(|c| c.date.effective).max();
        Stance {
            claims: relevant
                .into_iter()
                .filter(|c| Some(c.date.effective) == latest)
                .collect(),
        }
    }

    /// The population figures for `date`: those of the latest complete year
    /// on or before the year of `date`; if there is none, the earliest
    /// complete year after it (flagged with `later_year_used`).
    pub fn population_at(&self, date: NaiveDate) -> Option<PopulationChoice<'_>> {
        let complete = || self.population_years.iter().filter(|y| y.complete);
        let (year, later_year_used) = match complete()
            .filter(|y| y.year <= date.year())
            .max_by_key(|y| y.year)
        {
            Some(year) => (year, false),
            None => (complete().min_by_key(|y| y.year)?, true),
        };
        let figures = self
            .states
            .iter()
            .map(|s| (s.code, s.population.get(&year.year).copied()))
            .map(|(code, value)| value.map(|v| (code, v)))
            .collect::<Option<Vec<_>>>()?;
        Some(PopulationChoice {
            year,
            later_year_used,
            figures,
        })
    }

    /// The Council decision in force on `date`: the latest moment with
    /// recorded votes dated on or before it. Before that date nothing of it
    /// counts.
    pub fn decision_at(&self, date: NaiveDate) -> Option<(&Moment, &Decision)> {
        self.moments
            .iter()
            .filter(|m| m.date.effective <= date)
            .filter_map(|m| m.decision.as_ref().map(|d| (m, d)))
            .max_by_key(|(m, _)| m.date.effective)
    }

    /// The latest Council decision in the data, whatever its date.
    pub fn latest_decision(&self) -> Option<(&Moment, &Decision)> {
        self.moments
            .iter()
            .filter_map(|m| m.decision.as_ref().map(|d| (m, d)))
            .max_by_key(|(m, _)| m.date.effective)
    }

    /// The claims about `code` made after `after` and on or before `date`,
    /// of the latest such date: what is known about its vote at the next
    /// decision point after a decision.
    pub fn claims_between(&self, code: &str, after: NaiveDate, date: NaiveDate) -> Stance<'_> {
        let relevant: Vec<&Claim> = self
            .claims
            .iter()
            .filter(|c| c.state == code && c.date.effective > after && c.date.effective <= date)
            .collect();
        let latest = relevant.iter().map(|c| c.date.effective).max();
        Stance {
            claims: relevant
                .into_iter()
                .filter(|c| Some(c.date.effective) == latest)
                .collect(),
        }
    }

    /// The first stage of the procedure that has not happened yet.
    pub fn next_stage(&self) -> Option<&Stage> {
        self.stages.iter().find(|s| s.date.is_none())
    }

    /// The presidency on `date`, if known.
    pub fn presidency_at(&self, date: NaiveDate) -> Option<&Presidency> {
        self.presidencies
            .iter()
            .find(|p| p.from <= date && date <= p.until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("nl", Some("NL"); "lower case")]
    #[test_case(" GR ", Some("EL"); "greek alias")]
    #[test_case("el", Some("EL"); "greek eu code")]
    #[test_case("UK", None; "not a member")]
    #[test_case("", None; "empty")]
    fn normalizes_codes(input: &str, expected: Option<&str>) {
        assert_eq!(normalize_code(input), expected);
    }

    #[test_case("2025-11-26", "2025-11-26", true; "full date")]
    #[test_case("2024-06", "2024-06-01", false; "month only")]
    fn parses_dates(text: &str, effective: &str, day_known: bool) {
        let d = ClaimDate::parse(text).unwrap();
        assert_eq!(d.effective.to_string(), effective);
        assert_eq!(d.day_known, day_known);
        assert_eq!(d.to_string(), text);
    }

    #[test_case("2025-13-01"; "month 13")]
    #[test_case("2025-02-30"; "30 February")]
    #[test_case("26-11-2025"; "day first")]
    #[test_case("2025"; "year only")]
    #[test_case("2025-1-5"; "missing zeros")]
    fn rejects_bad_dates(text: &str) {
        assert!(ClaimDate::parse(text).is_err());
    }

    #[test]
    fn a_bad_date_is_named_in_the_message() {
        assert_eq!(
            ClaimDate::parse(" 2025-13 ").unwrap_err().to_string(),
            "`2025-13` is not a valid date; write it as YYYY-MM-DD (or YYYY-MM if only the month is known)"
        );
    }

    #[test_case("2025-11-26", "26 november 2025")]
    #[test_case("2024-06", "juni 2024")]
    fn dutch_date_labels(text: &str, label: &str) {
        assert_eq!(ClaimDate::parse(text).unwrap().label_nl(), label);
    }

    #[test_case("Support", Some(Position::Support))]
    #[test_case("abstain", Some(Position::Abstain))]
    #[test_case("against", None)]
    fn parses_positions(text: &str, expected: Option<Position>) {
        assert_eq!(Position::parse(text), expected);
    }

    use crate::url::Schemes;

    pub(crate) fn example_source() -> Source {
        Source::plain(
            ExternalUrl::parse("https://example.org/", Schemes::Web).unwrap(),
            SourceKind::Press,
        )
    }

    fn claim(state: &'static str, date: &str, position: Position, text: &str) -> Claim {
        Claim {
            state,
            date: ClaimDate::parse(date).unwrap(),
            position,
            text: text.to_string(),
            source: example_source(),
            weakly_sourced: false,
            note: LocalText::default(),
            file: PathBuf::from("positions/x.toml"),
            line: 1,
        }
    }

    fn text(id: &str, date: &str) -> Text {
        Text {
            id: id.to_string(),
            date: ClaimDate::parse(date).unwrap(),
            presidency: "DK",
            title: id.into(),
            summary: LocalText::default(),
            source: example_source(),
        }
    }

    fn data() -> CouncilData {
        CouncilData {
            texts: vec![text("old", "2025-07-01"), text("new", "2025-10-30")],
            claims: vec![
                claim("NL", "2025-09-29", Position::Oppose, "old"),
                claim("NL", "2025-11-18", Position::Abstain, "new"),
                claim("NL", "2025-11-26", Position::Oppose, "new"),
                claim("IT", "2025-11-26", Position::Abstain, "new"),
                claim("IT", "2025-11-26", Position::Oppose, "new"),
            ],
            ..CouncilData::default()
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test_case("2025-10-01", vec![Position::Oppose]; "old text still current")]
    #[test_case("2025-11-01", vec![]; "new text, nothing known yet")]
    #[test_case("2025-11-24", vec![Position::Abstain]; "letter of 18 November")]
    #[test_case("2025-11-26", vec![Position::Oppose]; "after the motion")]
    fn stance_follows_latest_claim_on_current_text(at: &str, expected: Vec<Position>) {
        let data = data();
        assert_eq!(data.stance_at("NL", day(at)).positions(), expected);
    }

    #[test]
    fn disagreeing_claims_of_one_date_are_disputed() {
        let data = data();
        let stance = data.stance_at("IT", day("2025-12-01"));
        assert!(stance.is_disputed());
        assert!(data.is_disputed(stance.claims[0]));
        let nl = data.stance_at("NL", day("2025-12-01"));
        assert!(!nl.is_disputed());
        assert!(!data.is_disputed(nl.claims[0]));
    }

    #[test_case(SourceKind::Press, SourceKind::Blog, SourceKind::Blog; "press relying on a blog is a blog")]
    #[test_case(SourceKind::Blog, SourceKind::Official, SourceKind::Blog; "a blog citing an official page stays a blog")]
    #[test_case(SourceKind::Official, SourceKind::Press, SourceKind::Press; "official relying on press is press")]
    #[test_case(SourceKind::Press, SourceKind::Aggregator, SourceKind::Aggregator; "aggregator is the weakest")]
    #[test_case(SourceKind::Ngo, SourceKind::Ngo, SourceKind::Ngo; "same kind")]
    fn a_source_takes_the_weaker_grade(
        own: SourceKind,
        relied_on: SourceKind,
        expected: SourceKind,
    ) {
        assert_eq!(own.weaker(relied_on), expected);
        assert_eq!(relied_on.weaker(own), expected);
    }

    #[test_case(SourceKind::Official, SourceKind::Press; "official above press")]
    #[test_case(SourceKind::Parliamentary, SourceKind::Press; "parliamentary above press")]
    #[test_case(SourceKind::Press, SourceKind::Ngo; "press above ngo")]
    #[test_case(SourceKind::Blog, SourceKind::Aggregator; "blog above aggregator")]
    fn grades_are_ordered(stronger: SourceKind, weaker: SourceKind) {
        assert!(stronger.strength() > weaker.strength());
    }

    #[test]
    fn nothing_known_before_the_first_text() {
        assert!(data().stance_at("NL", day("2020-01-01")).is_unknown());
    }
}
