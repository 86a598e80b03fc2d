//! One party, three levels: what its MPs voted in the Tweede Kamer, what the
//! government it was part of did in the Council of the EU, and how its
//! members of the European Parliament voted — side by side.
//!
//! Voters hear one party say different things in The Hague and in Brussels;
//! the data to show it is spread over four sets that know nothing of each
//! other (the guide's votes and `kamer.toml`, the Council's moments with the
//! cabinets, the EP's votes with the MEPs' parties). This module joins them
//! once, as pure functions of the loaded model, into [`PartyLevels`]: per
//! level the events with date, what happened, whether it protected private
//! messages and the source in honest words, and a flag when the levels
//! disagree. The party pages, `/niveaus/`, its open data and the timeline
//! all read that one result.

pub mod council;
pub mod ep;
pub mod export;
pub mod kamer;
pub mod timeline;
pub mod view;

use chrono::NaiveDate;
use serde::Serialize;

use crate::cabinets::Cabinets;
use crate::council::local_text::Phrase;
use crate::council::model::CouncilData;
use crate::ep::EpData;
use crate::guide::GuideData;
use crate::kamer::Kamer;
use crate::locale::Locale;
use crate::provenance::Wording;

/// Everything the three levels are built from, as loaded.
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    /// The guide's parties, items and votes.
    pub guide: &'a GuideData,
    /// The Kamer that sits now.
    pub kamer: Option<&'a Kamer>,
    /// The Council's moments and positions.
    pub council: Option<&'a CouncilData>,
    /// The cabinets and their ministers of Justice and Security.
    pub cabinets: Option<&'a Cabinets>,
    /// The European Parliament's votes and the country's MEPs.
    pub ep: Option<&'a EpData>,
    /// The build day: later events are not yet history.
    pub today: NaiveDate,
}

/// Which of the three levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelKind {
    /// The Tweede Kamer in The Hague.
    Kamer,
    /// The Council of the EU (the Dutch government).
    Council,
    /// The European Parliament.
    Ep,
}

impl LevelKind {
    /// All three, in the order pages show them.
    pub const ALL: [LevelKind; 3] = [LevelKind::Kamer, LevelKind::Council, LevelKind::Ep];

    /// The level's name on the site (`levels_title_<id>`): "Tweede Kamer",
    /// "Council of the EU".
    pub fn title(self, locale: &Locale) -> String {
        locale.t(&format!("levels_title_{}", self.id()))
    }

    /// The path segment of the level's filter page below `/niveaus/`.
    pub fn slug(self) -> &'static str {
        match self {
            LevelKind::Kamer => "tweede-kamer",
            LevelKind::Council => "raad",
            LevelKind::Ep => "europees-parlement",
        }
    }

    /// The id used in open data.
    pub fn id(self) -> &'static str {
        match self {
            LevelKind::Kamer => "kamer",
            LevelKind::Council => "council",
            LevelKind::Ep => "ep",
        }
    }
}

/// One thing a party (or its government, or its MEPs) did at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelEvent {
    /// The day, `YYYY-MM-DD` (the last day of the month when only the month
    /// is known).
    pub date: NaiveDate,
    /// The day in words.
    pub date_label: String,
    /// What happened, one sentence in plain words of the page's language
    /// (names and editors' texts without translation marked Dutch).
    pub what: Phrase,
    /// Further detail (names of MEPs, who dissented), when there is any.
    pub detail: Option<Phrase>,
    /// True when what the party did protected private messages, false when
    /// it did not, none when the event points neither way.
    pub protects: Option<bool>,
    /// Where it comes from, in honest words; none when the link is `page`.
    pub source: Option<Wording>,
    /// A page of this site with more (e.g. `/raad/nl/`), when there is one.
    pub page: Option<String>,
    /// A page elsewhere with the whole record (the vote on HowTheyVote.eu).
    pub more: Option<timeline::SourceLink>,
}

/// What a party did at one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level {
    /// Which level.
    pub kind: LevelKind,
    /// Its name on the site.
    pub title: String,
    /// The events, oldest first.
    pub events: Vec<LevelEvent>,
    /// The way the events point together: true when all that point a way
    /// protect, false when none does, none when mixed or none points.
    pub protects: Option<bool>,
    /// That in words: "beschermde", "did not protect", "wisselend", "no
    /// verdict" (`levels_verdict_<tone>`).
    pub label: String,
    /// The verdict tone it is drawn with: `protects`, `does-not-protect`,
    /// `mixed`, or `none` when nothing points a way.
    pub tone: &'static str,
    /// Why there is nothing (or little) to show, in plain words; empty when
    /// the events say it all.
    pub note: String,
}

impl Level {
    /// A level with its summary worked out from `events`, in `locale`'s
    /// words.
    pub fn new(
        kind: LevelKind,
        mut events: Vec<LevelEvent>,
        note: String,
        locale: &Locale,
    ) -> Level {
        events.sort_by_key(|e| e.date);
        let pointing: Vec<bool> = events.iter().filter_map(|e| e.protects).collect();
        let protects = match pointing.as_slice() {
            [] => None,
            all if all.iter().all(|p| *p) => Some(true),
            all if all.iter().all(|p| !*p) => Some(false),
            _ => None,
        };
        let tone = match (protects, pointing.is_empty()) {
            (Some(true), _) => "protects",
            (Some(false), _) => "does-not-protect",
            (None, false) => "mixed",
            (None, true) => "none",
        };
        Level {
            kind,
            title: kind.title(locale),
            events,
            protects,
            label: locale.t(&format!("levels_verdict_{}", tone.replace('-', "_"))),
            tone,
            note,
        }
    }
}

/// The three levels of one party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyLevels {
    /// The party id.
    pub party: String,
    /// The party's name.
    pub name: String,
    /// Its short name, or the name.
    pub short_name: String,
    /// The party's page on this site, when the guide has one.
    pub page: Option<String>,
    /// Tweede Kamer, Council, European Parliament, in that order.
    pub levels: Vec<Level>,
    /// When one level protected and another did not: in plain words, which.
    pub disagreement: Option<String>,
    /// True when any level has an event.
    pub has_record: bool,
}

impl PartyLevels {
    /// The level of `kind`.
    pub fn level(&self, kind: LevelKind) -> &Level {
        &self.levels[LevelKind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
    }
}

/// "in de Tweede Kamer", "in the Council of the EU (through the
/// cabinet)", "in het Europees Parlement" (`levels_where_<id>`).
fn where_(kind: LevelKind, locale: &Locale) -> String {
    locale.t(&format!("levels_where_{}", kind.id()))
}

/// The "said vs did across levels" flag: which levels protected and which
/// did not, when both happened.
fn disagreement(levels: &[Level], locale: &Locale) -> Option<String> {
    let yes: Vec<String> = levels
        .iter()
        .filter(|l| l.protects == Some(true))
        .map(|l| where_(l.kind, locale))
        .collect();
    let no: Vec<String> = levels
        .iter()
        .filter(|l| l.protects == Some(false))
        .map(|l| where_(l.kind, locale))
        .collect();
    if yes.is_empty() || no.is_empty() {
        return None;
    }
    Some(locale.tf(
        "levels_disagreement",
        &[("yes", &locale.list(&yes)), ("no", &locale.list(&no))],
    ))
}

/// The three levels of every party of the guide, sorted by name, in
/// `locale`'s words. Parties with nothing at any level are included (the
/// page says so); callers that compare only parties with a record filter
/// on [`PartyLevels::has_record`].
pub fn build_in(inputs: &Inputs, locale: &Locale) -> Vec<PartyLevels> {
    let mut all: Vec<PartyLevels> = inputs
        .guide
        .parties
        .iter()
        .map(|party| {
            let levels = vec![
                kamer::level(inputs, &party.id, locale),
                council::level(inputs, &party.id, locale),
                ep::level(inputs, &party.id, locale),
            ];
            PartyLevels {
                party: party.id.clone(),
                name: party.name.clone(),
                short_name: party
                    .short_name
                    .clone()
                    .unwrap_or_else(|| party.name.clone()),
                page: party_page(inputs.guide, &party.id),
                disagreement: disagreement(&levels, locale),
                has_record: levels.iter().any(|l| !l.events.is_empty()),
                levels,
            }
        })
        .collect();
    all.sort_by(|a, b| {
        a.short_name
            .to_lowercase()
            .cmp(&b.short_name.to_lowercase())
    });
    all
}

/// The party's page in the newest guide that has an entry for it.
fn party_page(guide: &GuideData, party: &str) -> Option<String> {
    guide
        .elections
        .iter()
        .filter(|e| e.entry(party).is_some())
        .max_by_key(|e| e.date)
        .map(|e| format!("{}{party}/", e.path))
}

/// The events of all three levels up to the build day, oldest first (on one
/// day: Kamer, Council, Parliament), for the global `levels.timeline`, in
/// `locale`'s words.
pub fn timeline_in(inputs: &Inputs, locale: &Locale) -> Vec<timeline::TimelineEvent> {
    let mut events = timeline::kamer_and_council(inputs, locale);
    events.extend(ep::timeline(inputs, locale));
    events.sort_by_key(|e| (e.date, e.level));
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn event(protects: Option<bool>) -> LevelEvent {
        LevelEvent {
            date: NaiveDate::from_ymd_opt(2025, 11, 25).unwrap(),
            date_label: "25 november 2025".into(),
            what: Phrase::text("x"),
            detail: None,
            protects,
            source: None,
            page: None,
            more: None,
        }
    }

    #[test_case(&[], None, "geen oordeel"; "nothing")]
    #[test_case(&[None], None, "geen oordeel"; "nothing that points a way")]
    #[test_case(&[Some(true), None], Some(true), "beschermde"; "all that point protect")]
    #[test_case(&[Some(false)], Some(false), "beschermde niet"; "none protects")]
    #[test_case(&[Some(true), Some(false)], None, "wisselend"; "mixed")]
    fn a_level_sums_up_its_events(points: &[Option<bool>], protects: Option<bool>, label: &str) {
        let level = Level::new(
            LevelKind::Kamer,
            points.iter().map(|p| event(*p)).collect(),
            String::new(),
            &Locale::builtin("nl"),
        );
        assert_eq!((level.protects, level.label.as_str()), (protects, label));
    }

    #[test_case(&[Some(true), None, Some(false)], Some("Niet overal hetzelfde: in de Tweede Kamer beschermde de partij vertrouwelijke communicatie, in het Europees Parlement niet."); "Kamer yes, EP no")]
    #[test_case(&[Some(true), Some(true), None], None; "agreeing levels")]
    #[test_case(&[None, None, Some(false)], None; "one level only")]
    fn levels_that_disagree_are_flagged(points: &[Option<bool>], expected: Option<&str>) {
        let nl = Locale::builtin("nl");
        let levels: Vec<Level> = LevelKind::ALL
            .iter()
            .zip(points)
            .map(|(kind, p)| {
                let events = p.map(|p| vec![event(Some(p))]).unwrap_or_default();
                Level::new(*kind, events, String::new(), &nl)
            })
            .collect();
        assert_eq!(disagreement(&levels, &nl).as_deref(), expected);
        let en = Locale::builtin("en");
        let english = disagreement(&levels, &en);
        assert_eq!(english.is_some(), expected.is_some());
        if let Some(text) = english {
            assert!(
                text.starts_with(
                    "Not the same everywhere: in the House of Representatives the party protected"
                ),
                "{text}"
            );
        }
    }
}
