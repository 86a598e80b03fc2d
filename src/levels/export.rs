//! Open data of the three levels: `/niveaus/data.json` (per party, per
//! level, the events with their sources) and `/niveaus/data.csv` (one row
//! per event), documented in `docs/data-schema.md`, "Drie niveaus".
//!
//! Both are made from the same [`PartyLevels`] as the pages, so they always
//! agree with them.

use serde::Serialize;

use super::{LevelEvent, LevelKind, PartyLevels};
use crate::guide::export::push_row;

/// The whole `data.json` document.
#[derive(Debug, Clone, Serialize)]
pub struct LevelsData<'a> {
    /// The build day, `YYYY-MM-DD`: events after it are not included.
    pub as_of: String,
    /// Credit and licence of the European Parliament's votes (see
    /// [`super::ep::credit_in`]), with the addresses; null when the site has none.
    pub credit: Option<String>,
    /// One record per party, by short name.
    pub parties: Vec<PartyRecord<'a>>,
}

/// One party in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct PartyRecord<'a> {
    /// Party id of `data/parties.toml`.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// The levels, `kamer`, `council`, `ep`.
    pub levels: Vec<LevelRecord<'a>>,
    /// The flag when the levels disagree.
    pub disagreement: Option<&'a str>,
}

/// One level of a party in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct LevelRecord<'a> {
    /// `kamer`, `council` or `ep`.
    pub level: &'static str,
    /// True when every event that points a way protected, false when none
    /// did, null when mixed or unknown.
    pub protects: Option<bool>,
    /// The events, oldest first.
    pub events: Vec<EventRecord<'a>>,
}

/// One event in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct EventRecord<'a> {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What happened, in the page's language (a Dutch text without
    /// translation followed by the `only_in_dutch_note`).
    pub what: &'a str,
    /// More detail, when there is any.
    pub detail: Option<&'a str>,
    /// Whether it protected private messages (null: neither way).
    pub protects: Option<bool>,
    /// The source: `kind` (synced, press, official, editor), `text` in the
    /// site's words and `url`; null when the event links a page of the site.
    pub source: Option<SourceRecord>,
    /// The page of the site with more, when there is one.
    pub page: Option<&'a str>,
    /// The whole record elsewhere (a vote on HowTheyVote.eu), when there is one.
    pub more_url: Option<&'a str>,
}

/// A source in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRecord {
    /// The provenance kind.
    pub kind: &'static str,
    /// The source in words.
    pub text: String,
    /// Its address, when it has one.
    pub url: Option<String>,
}

fn event(e: &LevelEvent) -> EventRecord<'_> {
    EventRecord {
        date: e.date.to_string(),
        what: e.what.plain(),
        detail: e.detail.as_ref().map(|d| d.plain()),
        protects: e.protects,
        source: e.source.as_ref().map(|w| SourceRecord {
            kind: w.kind,
            text: w.plain(),
            url: w.url.clone(),
        }),
        page: e.page.as_deref(),
        more_url: e.more.as_ref().map(|l| l.url.as_str()),
    }
}

/// `data.json`, pretty-printed.
pub fn json<'a>(parties: &'a [PartyLevels], as_of: &str, credit: Option<&'a str>) -> String {
    let data = LevelsData {
        as_of: as_of.to_string(),
        credit: credit
            .map(|c| format!("{c} {} {}", super::ep::HOWTHEYVOTE_URL, super::ep::ODBL_URL)),
        parties: parties
            .iter()
            .map(|p| PartyRecord {
                id: &p.party,
                name: &p.name,
                disagreement: p.disagreement.as_deref(),
                levels: p
                    .levels
                    .iter()
                    .map(|l| LevelRecord {
                        level: l.kind.id(),
                        protects: l.protects,
                        events: l.events.iter().map(event).collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&data).unwrap_or_default() + "\n"
}

/// The columns of `data.csv`.
pub const CSV_COLUMNS: [&str; 10] = [
    "party",
    "party_name",
    "level",
    "date",
    "what",
    "detail",
    "protects",
    "source_kind",
    "source_text",
    "source_url",
];

/// `data.csv`: one row per event, parties by short name, levels in order.
pub fn csv(parties: &[PartyLevels]) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for p in parties {
        for kind in LevelKind::ALL {
            for e in &p.level(kind).events {
                let source = e.source.as_ref();
                push_row(
                    &mut out,
                    [
                        p.party.clone(),
                        p.name.clone(),
                        kind.id().to_string(),
                        e.date.to_string(),
                        e.what.plain().to_string(),
                        e.detail
                            .as_ref()
                            .map(|d| d.plain().to_string())
                            .unwrap_or_default(),
                        e.protects.map(|b| b.to_string()).unwrap_or_default(),
                        source.map(|s| s.kind.to_string()).unwrap_or_default(),
                        source.map(|s| s.plain()).unwrap_or_default(),
                        source
                            .and_then(|s| s.url.clone())
                            .or_else(|| e.page.clone())
                            .unwrap_or_default(),
                    ]
                    .into_iter(),
                );
            }
        }
    }
    out
}
