//! Turns a vote counted from the Tweede Kamer's API ([`Tally`]) into the
//! guide's own record of it ([`VotesFile`], `data/votes/<item>.toml`): the
//! one place where parliament's shapes meet the guide's.

use super::tally::{Tally, VoteKind};
use crate::guide::model::{ItemKind, VoteChoice};
use crate::guide::votes_file::{FactionVote, MemberVote, Totals, VotesFile};

/// Builds the guide's vote record from a tally; `party_of` maps a faction label to a party id.
pub fn record_from_tally(
    item: &str,
    kind: ItemKind,
    tally: &Tally,
    query: &str,
    fetched_at: &str,
    mut party_of: impl FnMut(&str) -> Option<String>,
) -> VotesFile {
    let (f, a, n) = tally.totals();
    let mut factions: Vec<FactionVote> = Vec::new();
    let mut members = Vec::new();
    match tally.kind {
        VoteKind::Faction => {
            for r in &tally.rows {
                factions.push(FactionVote {
                    name: r.faction.clone(),
                    vote: r.vote,
                    seats: r.weight,
                    party: party_of(&r.faction),
                    mistaken: r.mistaken,
                    split: false,
                });
            }
        }
        VoteKind::RollCall => {
            let mut order: Vec<&str> = Vec::new();
            for r in &tally.rows {
                if !order.contains(&r.faction.as_str()) {
                    order.push(&r.faction);
                }
                members.push(MemberVote {
                    name: r.member.clone().unwrap_or_default(),
                    faction: r.faction.clone(),
                    vote: r.vote,
                    mistaken: r.mistaken,
                });
            }
            for name in order {
                let rows: Vec<_> = tally.rows.iter().filter(|r| r.faction == name).collect();
                let count = |c: VoteChoice| rows.iter().filter(|r| r.vote == c).count();
                let (yes, no) = (count(VoteChoice::For), count(VoteChoice::Against));
                let vote = if yes == 0 && no == 0 {
                    VoteChoice::Absent
                } else if yes >= no {
                    VoteChoice::For
                } else {
                    VoteChoice::Against
                };
                factions.push(FactionVote {
                    name: name.to_string(),
                    vote,
                    seats: Some(rows.len() as u32),
                    party: party_of(name),
                    mistaken: rows.iter().any(|r| r.mistaken),
                    split: yes > 0 && no > 0,
                });
            }
        }
    }
    VotesFile {
        item: item.to_string(),
        kind,
        zaak: tally.zaak.clone(),
        title: tally.title.clone(),
        date: tally.date,
        result: tally.result.clone(),
        vote_kind: tally.kind,
        note: None,
        editors_note: None,
        source: crate::provenance::RawProvenance::synced(query, fetched_at),
        provenance: None,
        source_at: Default::default(),
        totals: Totals {
            for_: f,
            against: a,
            absent: n,
            rows_without_seats: tally.rows_without_seats(),
        },
        factions,
        members,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::VoteChoice;
    use crate::parliament::tally::Row;

    #[test]
    fn round_trips_and_ignores_fetch_time() {
        let tally = Tally {
            zaak: "2023Z1".into(),
            title: "Motie".into(),
            result: "Stemmen - aangenomen".into(),
            kind: VoteKind::Faction,
            date: Some("2023-04-18".parse().unwrap()),
            rows: vec![Row {
                faction: "D66".into(),
                member: None,
                vote: VoteChoice::For,
                weight: Some(24),
                mistaken: true,
            }],
        };
        let a = record_from_tally("2023Z1", ItemKind::Motion, &tally, "http://x/", "t1", |f| {
            (f == "D66").then(|| "d66".to_string())
        });
        let text = a.to_toml();
        assert!(text.contains("mistaken = true"), "{text}");
        let back: VotesFile = toml::from_str(&text).unwrap();
        assert_eq!(back, a);
        assert!(
            text.contains("[source]\nkind = \"synced\"\napi = \"http://x/\"\nfetched_at = \"t1\""),
            "{text}"
        );
        let b = VotesFile {
            source: crate::provenance::RawProvenance::synced("http://x/", "t2"),
            ..a.clone()
        };
        assert!(a.same_vote(&b));
        assert_eq!(a.votes_of("d66").len(), 1);
    }
}
