//! Recorded votes (`data/votes/*.toml`, written by `sync votes`) as evidence.
//!
//! The methodology counts a recorded vote for every party that sat in the
//! Kamer when it was cast, not only for the parties an editor typed it in
//! for. So each party whose faction appears in a synced vote gets that vote as
//! explicit evidence, with the stance the item's `protects` field gives. A
//! hand-typed vote on the same item is merged with it when they agree (the
//! editor's note and link stay); when they disagree the hand-typed vote is
//! kept and marked, and `check` reports it as an error.

use std::collections::BTreeMap;
use std::path::Path;

use super::model::{
    Election, Evidence, EvidenceKind, GuideData, Item, Origin, PartyEntry, Stance, Strength,
    SyncedVote, VoteChoice,
};
use crate::data_file::read_toml;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::votes_file::{FactionVote, VotesFile};
use crate::msg;

/// Reads every `data/votes/*.toml`; an item without a file in `data/items/` is an error.
pub fn load_votes(
    dir: &Path,
    items: &BTreeMap<String, Item>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, VotesFile> {
    let mut votes = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return votes;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let Some(parsed) = read_toml::<VotesFile>(
            &path,
            msg!(
                "run `chatcontrole sync votes` to write it again",
                "voer `chatcontrole sync votes` uit om het opnieuw te schrijven"
            ),
            diags,
        ) else {
            continue;
        };
        let mut file = parsed.value.clone();
        match file.source.parse(&parsed) {
            Ok(p) => {
                file.provenance = Some(p);
                file.source_at = (
                    path.clone(),
                    crate::diagnostics::line_col(&parsed.text, file.source.address_span().start).0,
                );
            }
            Err(errors) => {
                diags.extend(errors);
                continue;
            }
        }
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        if file.item != stem {
            let item = &file.item;
            diags.push(
                Diagnostic::error(
                    "guide-synced-name-mismatch",
                    &path,
                    0,
                    0,
                    msg!(
                        "the file is named `{stem}` but records item `{item}`",
                        "het bestand heet `{stem}`, maar gaat over item `{item}`"
                    ),
                )
                .with_hint(msg!(
                    "run `chatcontrole sync votes` to write the file again",
                    "voer `chatcontrole sync votes` uit om het bestand opnieuw te schrijven"
                )),
            );
            continue;
        }
        if !items.contains_key(&file.item) {
            let item = &file.item;
            diags.push(
                Diagnostic::error(
                    "guide-synced-item-missing",
                    &path,
                    0,
                    0,
                    msg!(
                        "there is no data/items/{item}.toml for this vote",
                        "er is geen data/items/{item}.toml voor deze stemming"
                    ),
                )
                .with_hint(msg!(
                    "add the item file (number, title, kind, url, protects) or remove the vote file",
                    "maak het bestand van het item (number, title, kind, url, protects), of verwijder het bestand van de stemming"
                )),
            );
            continue;
        }
        votes.insert(file.item.clone(), file);
    }
    votes
}

/// Adds the synced votes to every entry of `election`: the votes on the
/// items the election's editors cite (in any party's evidence), cast before
/// election day.
pub fn apply(data: &GuideData, election: &mut Election) {
    let cited: std::collections::BTreeSet<String> = election
        .entries
        .iter()
        .flat_map(|e| e.evidence.iter().filter_map(|x| x.item.clone()))
        .collect();
    for entry in &mut election.entries {
        for (number, file) in &data.votes {
            let Some(item) = data.item(number) else {
                continue;
            };
            let cast_before = file.date.or(item.date).is_none_or(|d| d <= election.date);
            if cast_before && cited.contains(number) {
                add_votes(entry, item, file);
            }
        }
    }
}

fn add_votes(entry: &mut PartyEntry, item: &Item, file: &VotesFile) {
    // Factions of one party that voted alike become one piece of evidence.
    let mut by_vote: BTreeMap<VoteChoice, Vec<&FactionVote>> = BTreeMap::new();
    for f in file.votes_of(&entry.party) {
        by_vote.entry(f.vote).or_default().push(f);
    }
    for (vote, factions) in by_vote {
        let synced = SyncedVote {
            factions: factions.iter().map(|f| f.name.clone()).collect(),
            seats: factions.iter().map(|f| f.seats).sum(),
            outcome: file.outcome(),
            source: file.provenance.clone(),
            note: file.note.clone(),
            mistaken: factions.iter().any(|f| f.mistaken),
            split: factions.iter().any(|f| f.split),
            file: crate::guide::votes_file::path_of(Path::new(""), &file.item),
        };
        let typed = entry.evidence.iter_mut().find(|e| {
            e.kind == EvidenceKind::Vote
                && e.item.as_deref() == Some(&item.number)
                && e.synced.is_none()
                && e.vote == Some(vote)
        });
        if let Some(e) = typed {
            e.synced = Some(synced);
            e.date = e.date.or(file.date);
            continue;
        }
        entry.evidence.push(Evidence {
            kind: EvidenceKind::Vote,
            stance: stance_of(item, vote, synced.split),
            strength: Some(Strength::Explicit),
            url: item.url.clone(),
            date: file.date,
            item: Some(item.number.clone()),
            vote: Some(vote),
            synced: Some(synced),
            origin: Origin {
                file: entry.origin.file.clone(),
                line: 0,
            },
            ..Evidence::default()
        });
    }
    // A hand-typed vote that no synced vote of this party confirms contradicts it,
    // when the party did vote on the item.
    let synced_votes: Vec<VoteChoice> = entry
        .evidence
        .iter()
        .filter(|e| e.synced.is_some() && e.item.as_deref() == Some(&item.number))
        .filter_map(|e| e.vote)
        .collect();
    if synced_votes.is_empty() {
        return;
    }
    for e in &mut entry.evidence {
        if e.kind == EvidenceKind::Vote
            && e.synced.is_none()
            && e.item.as_deref() == Some(&item.number)
            && e.vote.is_some_and(|v| !synced_votes.contains(&v))
        {
            e.contradicts = synced_votes.first().copied();
        }
    }
}

/// The stance a vote gets from the item's `protects` field.
pub fn stance_of(item: &Item, vote: VoteChoice, split: bool) -> Stance {
    match (item.protects, vote) {
        (_, _) if split => Stance::Mixed,
        (None, _) => Stance::Unclassified,
        (_, VoteChoice::Absent) => Stance::Silent,
        (Some(p), v) if p == v => Stance::Protects,
        _ => Stance::Undermines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::ItemKind;
    use crate::guide::votes_file::Totals;
    use crate::guide::votes_file::VoteKind;

    fn item() -> Item {
        Item {
            number: "2023Z1".into(),
            title: "Motie".into(),
            title_en: None,
            name: None,
            name_en: None,
            mover: None,
            mover_en: None,
            source: None,
            date: None,
            kind: ItemKind::Motion,
            url: Some("https://www.tweedekamer.nl/x".into()),
            protects: Some(VoteChoice::For),
            results: vec![],
            origin: Origin::default(),
        }
    }

    fn file(factions: Vec<(&str, VoteChoice, &str)>) -> VotesFile {
        VotesFile {
            item: "2023Z1".into(),
            kind: ItemKind::Motion,
            zaak: "2023Z1".into(),
            title: "Motie".into(),
            date: Some("2023-04-18".parse().unwrap()),
            result: "Stemmen - aangenomen".into(),
            vote_kind: VoteKind::Faction,
            note: None,
            editors_note: None,
            source: crate::provenance::RawProvenance::synced(
                "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Zaak",
                "2026-12-01T21:00:00Z",
            ),
            provenance: None,
            source_at: Default::default(),
            totals: Totals {
                for_: 0,
                against: 0,
                absent: 0,
                rows_without_seats: 0,
            },
            factions: factions
                .into_iter()
                .map(|(name, vote, party)| FactionVote {
                    name: name.into(),
                    vote,
                    seats: Some(1),
                    party: Some(party.into()),
                    mistaken: false,
                    split: false,
                })
                .collect(),
            members: vec![],
        }
    }

    fn entry(evidence: Vec<Evidence>) -> PartyEntry {
        PartyEntry {
            party: "groenlinks-pvda".into(),
            evidence,
            ..PartyEntry::default()
        }
    }

    #[test]
    fn two_factions_voting_alike_are_one_piece_of_evidence() {
        let mut e = entry(vec![]);
        add_votes(
            &mut e,
            &item(),
            &file(vec![
                ("GroenLinks", VoteChoice::For, "groenlinks-pvda"),
                ("PvdA", VoteChoice::For, "groenlinks-pvda"),
            ]),
        );
        assert_eq!(e.evidence.len(), 1);
        let ev = &e.evidence[0];
        assert_eq!(ev.stance, Stance::Protects);
        assert_eq!(ev.strength, Some(Strength::Explicit));
        assert_eq!(ev.synced.as_ref().unwrap().factions, ["GroenLinks", "PvdA"]);
        assert_eq!(
            ev.synced.as_ref().unwrap().outcome,
            Some(crate::guide::votes_file::Outcome::Adopted)
        );
    }

    #[test]
    fn an_agreeing_hand_typed_vote_is_merged_and_a_contradicting_one_marked() {
        let typed = |vote| Evidence {
            kind: EvidenceKind::Vote,
            stance: Stance::Protects,
            item: Some("2023Z1".into()),
            vote: Some(vote),
            note: Some("eigen toelichting".into()),
            ..Evidence::default()
        };
        let mut e = entry(vec![typed(VoteChoice::For)]);
        add_votes(
            &mut e,
            &item(),
            &file(vec![("GroenLinks", VoteChoice::For, "groenlinks-pvda")]),
        );
        assert_eq!(e.evidence.len(), 1);
        assert!(e.evidence[0].synced.is_some());
        assert_eq!(e.evidence[0].note.as_deref(), Some("eigen toelichting"));

        let mut e = entry(vec![typed(VoteChoice::Against)]);
        add_votes(
            &mut e,
            &item(),
            &file(vec![("GroenLinks", VoteChoice::For, "groenlinks-pvda")]),
        );
        assert_eq!(e.evidence.len(), 2);
        assert_eq!(e.evidence[0].contradicts, Some(VoteChoice::For));
    }

    #[test]
    fn a_party_not_in_the_kamer_gets_nothing() {
        let mut e = entry(vec![]);
        add_votes(
            &mut e,
            &item(),
            &file(vec![("VVD", VoteChoice::Against, "vvd")]),
        );
        assert!(e.evidence.is_empty());
    }
}
