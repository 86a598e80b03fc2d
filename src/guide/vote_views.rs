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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::SyncedVote;
    use crate::url::{ExternalUrl, Schemes};
    use test_case::test_case;

    fn press() -> Provenance {
        Provenance::Press {
            url: ExternalUrl::parse("https://www.security.nl/posting/815611/x", Schemes::Web)
                .unwrap(),
            title: "Security.NL".into(),
            date: crate::content::dates::ClaimDate::parse("2023-10").unwrap(),
        }
    }

    fn synced() -> Provenance {
        Provenance::Synced {
            api: ExternalUrl::parse(
                "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak",
                Schemes::Web,
            )
            .unwrap(),
            fetched_at: "2026-12-01T09:30:00Z".parse().unwrap(),
        }
    }

    fn editor() -> Provenance {
        Provenance::Editor {
            note: "nagekeken in het verslag".into(),
            checked_on: "2026-12-04".parse().unwrap(),
        }
    }

    fn vote(source: Provenance, in_file: bool, seats: Option<u32>) -> Evidence {
        Evidence {
            kind: EvidenceKind::Vote,
            item: Some("36263".into()),
            vote: Some(crate::guide::model::VoteChoice::For),
            synced: in_file.then(|| SyncedVote {
                factions: vec!["BBB".into()],
                seats,
                outcome: Some(Outcome::Adopted),
                source: Some(source.clone()),
                note: Some("één keer per pagina".into()),
                ..SyncedVote::default()
            }),
            source: (!in_file).then_some(source),
            ..Evidence::default()
        }
    }

    #[test_case(press(), true, Some(1), "Volgens Security.NL, oktober 2023", Some("1 zetel"); "press, one seat")]
    #[test_case(synced(), true, Some(34), "Opgehaald uit de open data van de Tweede Kamer op 1 december 2026", Some("34 zetels"); "synced, seats")]
    #[test_case(editor(), false, None, "Vastgesteld door de redactie: nagekeken in het verslag (gecontroleerd op 4 december 2026)", None; "evidence's own source")]
    fn votes_are_worded_from_their_source(
        source: Provenance,
        in_file: bool,
        seats: Option<u32>,
        sentence: &str,
        seats_label: Option<&str>,
    ) {
        let view = provenance(&vote(source, in_file, seats)).unwrap();
        let w = view.wording.as_ref().unwrap();
        assert_eq!(format!("{}{}{}", view.lead, w.link, w.after), sentence);
        assert_eq!(view.seats.as_deref(), seats_label);
        assert_eq!(view.result, in_file.then_some("aangenomen"));
        assert_eq!(view.has_note, in_file);
    }

    #[test]
    fn other_evidence_has_no_vote_provenance() {
        let e = Evidence {
            kind: EvidenceKind::Programme,
            ..Evidence::default()
        };
        assert!(provenance(&e).is_none());
    }

    #[test_case(Some("Wij leggen het recht op encryptie vast."), Some("samenvatting"), Some("Wij leggen het recht op encryptie vast."), None; "a quotation is quoted")]
    #[test_case(None, Some("Het programma wil privacy beter beschermen."), None, Some("Het programma wil privacy beter beschermen."); "a summary is marked as ours")]
    #[test_case(None, None, None, None; "nothing recorded, no flag")]
    fn the_flag_says_no_more_than_the_evidence(
        quote: Option<&str>,
        note: Option<&str>,
        shown_quote: Option<&str>,
        shown_summary: Option<&str>,
    ) {
        let entry = PartyEntry {
            evidence: vec![
                Evidence {
                    kind: EvidenceKind::Programme,
                    stance: Stance::Protects,
                    quote: quote.map(str::to_string),
                    note: note.map(str::to_string),
                    pages: vec![6],
                    ..Evidence::default()
                },
                Evidence {
                    stance: Stance::Undermines,
                    ..vote(press(), true, Some(3))
                },
            ],
            ..PartyEntry::default()
        };
        let mut data = GuideData::default();
        data.items.insert(
            "36263".into(),
            crate::guide::model::Item {
                number: "36263".into(),
                title: "Tijdelijke wet".into(),
                name: Some("de tijdelijke wet".into()),
                mover: None,
                source: Some(press()),
                date: None,
                kind: ItemKind::Bill,
                url: None,
                protects: Some(crate::guide::model::VoteChoice::Against),
                results: vec![],
                origin: Default::default(),
            },
        );
        let flag = said_vs_did(&data, &entry);
        assert_eq!(
            flag.is_some(),
            shown_quote.is_some() || shown_summary.is_some()
        );
        if let Some(flag) = flag {
            assert_eq!(flag.quote.as_deref(), shown_quote);
            assert_eq!(flag.summary.as_deref(), shown_summary);
            assert_eq!(flag.said_source, "verkiezingsprogramma, p. 6");
            assert_eq!(flag.did, "vóór de tijdelijke wet (wetsvoorstel 36263)");
        }
    }
}
