//! What the guide pages show about synced votes: where each vote comes from
//! (provenance) and the "zegt … maar stemde …" flag. Kept apart from
//! `view.rs` so the overview and party templates only gain one include each.

use serde::Serialize;

use super::model::{Evidence, EvidenceKind, GuideData, ItemKind, PartyEntry, Stance, SyncedVote};
use super::said_vs_did::contrast;
use crate::content::dates::dutch_day;

/// Where a synced vote comes from, as the party page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceView {
    /// True when fetched from the Tweede Kamer's own API.
    pub official: bool,
    /// The day it was fetched, in Dutch; none for a vote the editors
    /// reconstructed from other sources.
    pub fetched_on: Option<String>,
    /// The faction label(s) at the time, e.g. "GroenLinks en PvdA".
    pub factions: String,
    /// Seats of those factions, when known.
    pub seats: Option<u32>,
    /// The decision, e.g. "Stemmen - aangenomen".
    pub result: String,
    /// The item's page on tweedekamer.nl.
    pub item_url: Option<String>,
    /// "motie 2023Z07239" or "wetsvoorstel 36263".
    pub item_label: String,
    /// The faction declared its vote a mistake afterwards.
    pub mistaken: bool,
    /// Members of the faction voted both ways.
    pub split: bool,
    /// The editors' note on the source.
    pub note: Option<String>,
}

/// The provenance of `e`, when it is a synced vote.
pub fn provenance(data: &GuideData, e: &Evidence) -> Option<ProvenanceView> {
    let s: &SyncedVote = e.synced.as_ref()?;
    let number = e.item.clone().unwrap_or_default();
    let item = data.item(&number);
    let fetched_on = s.fetched_at.as_deref().map(|at| {
        chrono::DateTime::parse_from_rfc3339(at)
            .map(|d| dutch_day(d.date_naive()))
            .unwrap_or_else(|_| at.to_string())
    });
    Some(ProvenanceView {
        official: s.official,
        fetched_on,
        factions: join(&s.factions),
        seats: s.seats,
        result: s.result.clone(),
        item_url: item.and_then(|i| i.url.clone()),
        item_label: format!("{} {number}", kind_word(item.map(|i| i.kind))),
        mistaken: s.mistaken,
        split: s.split,
        note: s.note.clone(),
    })
}

/// The "zegt … maar stemde …" flag of a party.
#[derive(Debug, Clone, Serialize)]
pub struct SaidVsDidView {
    /// What the party says, e.g. "privacy te willen beschermen".
    pub said: String,
    /// Where it says it, e.g. "verkiezingsprogramma, p. 6".
    pub said_source: String,
    /// Link to that source.
    pub said_url: Option<String>,
    /// How it voted, e.g. "vóór wetsvoorstel 36263".
    pub did: String,
    /// Why that vote points the other way.
    pub did_meaning: &'static str,
    /// Link to the item.
    pub did_url: Option<String>,
}

/// The flag of `entry`, if its words and a vote point different ways.
pub fn said_vs_did(data: &GuideData, entry: &PartyEntry) -> Option<SaidVsDidView> {
    let c = contrast(entry)?;
    let number = c.did.item.clone().unwrap_or_default();
    let item = data.item(&number);
    let pages = match c.said.pages.as_slice() {
        [] => String::new(),
        [one] => format!(", p. {one}"),
        many => format!(
            ", pp. {}",
            many.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Some(SaidVsDidView {
        said: match c.said.stance {
            Stance::Protects => "privacy en vertrouwelijke communicatie te willen beschermen",
            _ => "meer toezicht of minder privacybescherming te willen",
        }
        .to_string(),
        said_source: format!("{}{pages}", kind_source(c.said.kind)),
        said_url: c.said.url.clone(),
        did: format!(
            "{} {} {number}",
            c.did.vote.map(|v| v.dutch()).unwrap_or(""),
            kind_word(item.map(|i| i.kind))
        ),
        did_meaning: match c.did.stance {
            Stance::Protects => "een stem die digitale rechten beschermt",
            _ => "een stem die digitale rechten niet beschermt",
        },
        did_url: c
            .did
            .url
            .clone()
            .or_else(|| item.and_then(|i| i.url.clone())),
    })
}

fn kind_word(kind: Option<ItemKind>) -> &'static str {
    match kind {
        Some(ItemKind::Bill) => "wetsvoorstel",
        _ => "motie",
    }
}

fn kind_source(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Programme => "verkiezingsprogramma",
        EvidenceKind::Reply => "antwoord aan ons",
        EvidenceKind::Debate => "Kamerdebat",
        _ => "publieke uitspraak",
    }
}

fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}
