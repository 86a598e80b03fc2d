//! What the guide pages show about synced votes: where each vote comes from
//! (provenance) and the "zegt … maar stemde …" flag. Kept apart from
//! `view.rs` so the overview and party templates only gain one include each.

use serde::Serialize;

use super::model::{Evidence, EvidenceKind, GuideData, ItemKind, PartyEntry, Stance};
use super::said_vs_did::contrast;
use super::votes_file::{Outcome, seats_dutch};
use crate::provenance::{Provenance, Wording};

/// Where a vote comes from, as the party page shows it under the vote.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceView {
    /// The source in honest words ([`Provenance::wording`]); none when the
    /// vote has no source (then `check` has already refused it).
    pub wording: Option<Wording>,
    /// `wording.before` with a capital, to open a sentence: "Volgens ",
    /// "Opgehaald uit ", "Vastgesteld door de redactie: ".
    pub lead: String,
    /// The faction label(s) at the time, e.g. "GroenLinks en PvdA"; empty
    /// for a vote no file in `data/votes/` records.
    pub factions: String,
    /// Seats of those factions, e.g. "1 zetel", when known.
    pub seats: Option<String>,
    /// The decision in plain Dutch: "aangenomen" or "verworpen".
    pub result: Option<&'static str>,
    /// The faction declared its vote a mistake afterwards.
    pub mistaken: bool,
    /// Members of the faction voted both ways.
    pub split: bool,
    /// True when the vote file has a note, which the page shows once below
    /// the evidence.
    pub has_note: bool,
}

/// The provenance of `e`, when it is a vote.
pub fn provenance(e: &Evidence) -> Option<ProvenanceView> {
    if e.kind != EvidenceKind::Vote {
        return None;
    }
    let wording = e.provenance().map(Provenance::wording);
    let lead = wording
        .as_ref()
        .map(|w| capitalised(&w.before))
        .unwrap_or_default();
    let s = e.synced.as_ref();
    Some(ProvenanceView {
        wording,
        lead,
        factions: s.map(|s| join(&s.factions)).unwrap_or_default(),
        seats: s.and_then(|s| s.seats).map(seats_dutch),
        result: s.and_then(|s| s.outcome).map(Outcome::dutch),
        mistaken: s.is_some_and(|s| s.mistaken),
        split: s.is_some_and(|s| s.split),
        has_note: s.is_some_and(|s| s.note.is_some()),
    })
}

/// The note of a vote file, shown once per page.
#[derive(Debug, Clone, Serialize)]
pub struct VoteNoteView {
    /// The item, e.g. "motie-Van Ginneken (motie 2023Z07239)".
    pub item: String,
    /// The editors' note on the vote.
    pub note: String,
}

/// The notes of the vote files behind `entry`'s votes, one per item.
pub fn vote_notes(data: &GuideData, entry: &PartyEntry) -> Vec<VoteNoteView> {
    let mut notes: Vec<VoteNoteView> = Vec::new();
    for e in &entry.evidence {
        let (Some(s), Some(number)) = (&e.synced, &e.item) else {
            continue;
        };
        let Some(note) = &s.note else { continue };
        let item = item_phrase(data, number);
        if !notes.iter().any(|n| n.item == item) {
            notes.push(VoteNoteView {
                item,
                note: note.clone(),
            });
        }
    }
    notes
}

/// How a page names an item: "motie-Van Ginneken (motie 2023Z07239)" when
/// it has a name, else "motie 2023Z07239" or "wetsvoorstel 36263".
pub fn item_phrase(data: &GuideData, number: &str) -> String {
    let item = data.item(number);
    let label = format!("{} {number}", kind_word(item.map(|i| i.kind)));
    match item.and_then(|i| i.name.as_deref()) {
        Some(name) => format!("{name} ({label})"),
        None => label,
    }
}

/// The "zegt … maar stemde …" flag of a party: what its words record, in
/// the words of the evidence itself (a quotation, or the editors' summary
/// marked as such), and the vote that points the other way.
#[derive(Debug, Clone, Serialize)]
pub struct SaidVsDidView {
    /// The literal quotation, when the evidence has one.
    pub quote: Option<String>,
    /// Otherwise the editors' summary of the source.
    pub summary: Option<String>,
    /// Where it says it, e.g. "verkiezingsprogramma, p. 6".
    pub said_source: String,
    /// Link to that source.
    pub said_url: Option<String>,
    /// How it voted, e.g. "tegen de motie-Van Ginneken (motie 2023Z07239)".
    pub did: String,
    /// Why that vote points the other way.
    pub did_meaning: &'static str,
    /// Link to the item.
    pub did_url: Option<String>,
}

/// The flag of `entry`, if its words and a vote point different ways and
/// the words are recorded (a quotation or a summary); none otherwise, since
/// a flag may say no more than the evidence.
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
    let quote = c.said.quote.clone().filter(|q| !q.trim().is_empty());
    let summary = c
        .said
        .note
        .clone()
        .filter(|n| quote.is_none() && !n.trim().is_empty());
    if quote.is_none() && summary.is_none() {
        return None;
    }
    Some(SaidVsDidView {
        quote,
        summary,
        said_source: format!("{}{pages}", kind_source(c.said.kind)),
        said_url: c.said.url.clone(),
        did: format!(
            "{} {}",
            c.did.vote.map(|v| v.dutch()).unwrap_or(""),
            item_phrase(data, &number)
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

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}
