//! What the guide pages show about synced votes: where each vote comes from
//! (provenance) and the "zegt … maar stemde …" flag. Kept apart from
//! `view.rs` so the overview and party templates only gain one include each.

use serde::Serialize;

use super::localized::{pick, quote_lang};
use super::model::{Evidence, EvidenceKind, GuideData, ItemKind, PartyEntry, Stance};
use super::said_vs_did::contrast;
use super::votes_file::seats;
use crate::locale::Locale;
use crate::provenance::Wording;

/// Where a vote comes from, as the party page shows it under the vote.
#[derive(Debug, Clone, Serialize)]
pub struct ProvenanceView {
    /// The source in honest words ([`crate::provenance::Provenance::wording_in`]); none when
    /// the vote has no source (then `check` has already refused it).
    pub wording: Option<Wording>,
    /// `wording.before` with a capital, to open a sentence: "Volgens ",
    /// "Opgehaald uit ", "According to ".
    pub lead: String,
    /// The faction label(s) at the time, e.g. "GroenLinks en PvdA"; empty
    /// for a vote no file in `data/votes/` records.
    pub factions: String,
    /// Seats of those factions, e.g. "1 zetel", when known.
    pub seats: Option<String>,
    /// The decision in plain words: "aangenomen" or "verworpen".
    pub result: Option<String>,
    /// The faction declared its vote a mistake afterwards.
    pub mistaken: bool,
    /// Members of the faction voted both ways.
    pub split: bool,
    /// True when the vote file has a note, which the page shows once below
    /// the evidence.
    pub has_note: bool,
}

/// The provenance of `e`, when it is a vote, in the words of `locale`.
pub fn provenance(locale: &Locale, e: &Evidence) -> Option<ProvenanceView> {
    if e.kind != EvidenceKind::Vote {
        return None;
    }
    let wording = e.provenance().map(|p| p.wording_in(locale));
    let lead = wording
        .as_ref()
        .map(|w| capitalised(&w.before))
        .unwrap_or_default();
    let s = e.synced.as_ref();
    Some(ProvenanceView {
        wording,
        lead,
        factions: s.map(|s| locale.list(&s.factions)).unwrap_or_default(),
        seats: s.and_then(|s| s.seats).map(|n| seats(locale, n)),
        result: s.and_then(|s| s.outcome).map(|o| o.word(locale)),
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
    /// The editors' note on the vote (vote files have no English note: on a
    /// page of another language it is marked Dutch, see `note_lang`).
    pub note: String,
    /// `Some("nl")` when the note is Dutch on a page of another language.
    pub note_lang: Option<&'static str>,
}

/// The notes of the vote files behind `entry`'s votes, one per item.
pub fn vote_notes(locale: &Locale, data: &GuideData, entry: &PartyEntry) -> Vec<VoteNoteView> {
    let mut notes: Vec<VoteNoteView> = Vec::new();
    for e in &entry.evidence {
        let (Some(s), Some(number)) = (&e.synced, &e.item) else {
            continue;
        };
        let Some(note) = &s.note else { continue };
        let item = item_phrase_in(locale, data, number);
        if !notes.iter().any(|n| n.item == item) {
            let shown = pick(locale, note, None);
            notes.push(VoteNoteView {
                item,
                note: shown.text,
                note_lang: shown.lang,
            });
        }
    }
    notes
}

/// How a page in `locale` names an item: its name with the kind and number
/// ("motie-Van Ginneken (motie 2023Z07239)", "the Van Ginneken motion
/// (motion 2023Z07239)"), or the kind and number alone when the item has no
/// name in that language: a Dutch name is not put into an English sentence.
pub fn item_phrase_in(locale: &Locale, data: &GuideData, number: &str) -> String {
    let item = data.item(number);
    let label = format!(
        "{} {number}",
        item.map(|i| i.kind)
            .unwrap_or(ItemKind::Motion)
            .word(locale)
    );
    let name = item.and_then(|i| {
        if super::localized::is_data_language(locale) {
            i.name.as_deref()
        } else if super::localized::is_english(locale) {
            i.name_en.as_deref()
        } else {
            None
        }
    });
    match name {
        Some(name) => format!("{name} ({label})"),
        None => label,
    }
}

/// The "zegt … maar stemde …" flag of a party: what its words record, in
/// the words of the evidence itself (a quotation, or the editors' summary
/// marked as such), and the vote that points the other way.
#[derive(Debug, Clone, Serialize)]
pub struct SaidVsDidView {
    /// The literal quotation, when the evidence has one (never translated).
    pub quote: Option<String>,
    /// `Some("nl")` on a page of another language: the quotation is Dutch.
    pub quote_lang: Option<&'static str>,
    /// Otherwise the editors' summary of the source.
    pub summary: Option<String>,
    /// `Some("nl")` when the summary is Dutch on a page of another language.
    pub summary_lang: Option<&'static str>,
    /// Where it says it, e.g. "verkiezingsprogramma, p. 6".
    pub said_source: String,
    /// Link to that source.
    pub said_url: Option<String>,
    /// How it voted, e.g. "tegen de motie-Van Ginneken (motie 2023Z07239)".
    pub did: String,
    /// Why that vote points the other way.
    pub did_meaning: String,
    /// Link to the item.
    pub did_url: Option<String>,
}

/// The flag of `entry` on a page in `locale`, if its words and a vote point
/// different ways and the words are recorded (a quotation or a summary);
/// none otherwise, since a flag may say no more than the evidence.
pub fn said_vs_did(locale: &Locale, data: &GuideData, entry: &PartyEntry) -> Option<SaidVsDidView> {
    let c = contrast(entry)?;
    let number = c.did.item.clone().unwrap_or_default();
    let item = data.item(&number);
    let pages = pages_label(locale, &c.said.pages)
        .map(|p| format!(", {p}"))
        .unwrap_or_default();
    let quote = c.said.quote.clone().filter(|q| !q.trim().is_empty());
    let summary = c
        .said
        .note
        .as_deref()
        .filter(|n| quote.is_none() && !n.trim().is_empty())
        .map(|n| pick(locale, n, c.said.note_en.as_deref()));
    if quote.is_none() && summary.is_none() {
        return None;
    }
    Some(SaidVsDidView {
        quote_lang: quote.as_ref().and(quote_lang(locale)),
        quote,
        summary_lang: summary.as_ref().and_then(|s| s.lang),
        summary: summary.map(|s| s.text),
        said_source: format!("{}{pages}", kind_source(locale, c.said.kind)),
        said_url: c.said.url.clone(),
        did: format!(
            "{} {}",
            c.did.vote.map(|v| v.word(locale)).unwrap_or_default(),
            item_phrase_in(locale, data, &number)
        ),
        did_meaning: locale.t(match c.did.stance {
            Stance::Protects => "guide_did_protects",
            _ => "guide_did_not_protect",
        }),
        did_url: c
            .did
            .url
            .clone()
            .or_else(|| item.and_then(|i| i.url.clone())),
    })
}

/// "p. 48" or "pp. 18, 19" on a page in `locale`; none without pages.
pub fn pages_label(locale: &Locale, pages: &[u32]) -> Option<String> {
    match pages {
        [] => None,
        [one] => Some(locale.tf("guide_page", &[("page", &one.to_string())])),
        many => {
            let list = many
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            Some(locale.tf("guide_pages", &[("pages", &list)]))
        }
    }
}

fn kind_source(locale: &Locale, kind: EvidenceKind) -> String {
    locale.t(match kind {
        EvidenceKind::Programme => "guide_source_programme",
        EvidenceKind::Reply => "guide_source_reply",
        EvidenceKind::Debate => "guide_source_debate",
        _ => "guide_source_statement",
    })
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::SyncedVote;
    use crate::guide::votes_file::Outcome;
    use crate::provenance::Provenance;
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

    #[test_case("nl", press(), true, Some(1), "Volgens Security.NL, oktober 2023", Some("1 zetel"); "press, one seat")]
    #[test_case("nl", synced(), true, Some(34), "Opgehaald uit de open data van de Tweede Kamer op 1 december 2026", Some("34 zetels"); "synced, seats")]
    #[test_case("nl", editor(), false, None, "Vastgesteld door de redactie: nagekeken in het verslag (gecontroleerd op 4 december 2026)", None; "evidence's own source")]
    #[test_case("en", press(), true, Some(1), "According to Security.NL, October 2023", Some("1 seat"); "English press, one seat")]
    #[test_case("en", synced(), true, Some(34), "Retrieved from the Tweede Kamer's open data on 1 December 2026", Some("34 seats"); "English synced, seats")]
    #[test_case("en", editor(), false, None, "Established by the editors: nagekeken in het verslag (checked on 4 December 2026)", None; "English, the editors' Dutch note")]
    fn votes_are_worded_from_their_source(
        lang: &str,
        source: Provenance,
        in_file: bool,
        seats: Option<u32>,
        sentence: &str,
        seats_label: Option<&str>,
    ) {
        let locale = Locale::builtin(lang);
        let view = provenance(&locale, &vote(source, in_file, seats)).unwrap();
        let w = view.wording.as_ref().unwrap();
        assert_eq!(format!("{}{}{}", view.lead, w.link, w.after), sentence);
        assert_eq!(view.seats.as_deref(), seats_label);
        let adopted = if lang == "nl" {
            "aangenomen"
        } else {
            "adopted"
        };
        assert_eq!(view.result.as_deref(), in_file.then_some(adopted));
        assert_eq!(view.has_note, in_file);
    }

    #[test]
    fn other_evidence_has_no_vote_provenance() {
        let e = Evidence {
            kind: EvidenceKind::Programme,
            ..Evidence::default()
        };
        assert!(provenance(&Locale::builtin("en"), &e).is_none());
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
                title_en: None,
                name: Some("de tijdelijke wet".into()),
                name_en: Some("the temporary act".into()),
                mover: None,
                mover_en: None,
                source: Some(press()),
                date: None,
                kind: ItemKind::Bill,
                url: None,
                protects: Some(crate::guide::model::VoteChoice::Against),
                results: vec![],
                origin: Default::default(),
            },
        );
        let flag = said_vs_did(&Locale::builtin("nl"), &data, &entry);
        assert_eq!(
            flag.is_some(),
            shown_quote.is_some() || shown_summary.is_some()
        );
        if let Some(flag) = flag {
            assert_eq!(flag.quote.as_deref(), shown_quote);
            assert_eq!(flag.summary.as_deref(), shown_summary);
            assert_eq!(flag.said_source, "verkiezingsprogramma, p. 6");
            assert_eq!(flag.did, "vóór de tijdelijke wet (wetsvoorstel 36263)");
            assert_eq!((flag.quote_lang, flag.summary_lang), (None, None));
        }
        // In English the words are ours, the quotation stays Dutch and says so,
        // and a summary without English is the Dutch one, marked.
        if let Some(flag) = said_vs_did(&Locale::builtin("en"), &data, &entry) {
            assert_eq!(flag.said_source, "election programme, p. 6");
            assert_eq!(flag.did, "for the temporary act (bill 36263)");
            assert_eq!(
                flag.did_meaning,
                "a vote that does not protect digital rights"
            );
            assert_eq!(flag.quote_lang, shown_quote.and(Some("nl")));
            assert_eq!(flag.summary_lang, shown_summary.and(Some("nl")));
        }
    }

    #[test]
    fn an_item_without_an_english_name_is_named_by_kind_and_number() {
        let mut data = GuideData::default();
        data.items.insert(
            "2023Z07239".into(),
            crate::guide::model::Item {
                number: "2023Z07239".into(),
                title: "Motie".into(),
                title_en: None,
                name: Some("motie-Van Ginneken".into()),
                name_en: None,
                mover: None,
                mover_en: None,
                source: Some(press()),
                date: None,
                kind: ItemKind::Motion,
                url: None,
                protects: None,
                results: vec![],
                origin: Default::default(),
            },
        );
        assert_eq!(
            item_phrase_in(&Locale::builtin("nl"), &data, "2023Z07239"),
            "motie-Van Ginneken (motie 2023Z07239)"
        );
        assert_eq!(
            item_phrase_in(&Locale::builtin("en"), &data, "2023Z07239"),
            "motion 2023Z07239"
        );
    }
}
