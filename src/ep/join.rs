//! The join of votes, MEPs and parties, as pure functions on [`EpData`]:
//! which of our parties a member belonged to on the day of a vote, and per
//! party how its MEPs voted (counts, majority, dissenters, and whether the
//! majority voted the way that protects private messages).
//!
//! The party of a member on a vote = `[national_parties][the MEP's national
//! party on the vote date]`. A member is found in `meps.toml` by member id,
//! or by name when the vote file gives no id.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{
    EpData, EpVote, Group, Mep, Place, Protects, Totals, VoteMember, VoteResult, VoteWord,
};
use crate::provenance::Provenance;

/// How one party's MEPs voted on one vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyEpVote {
    /// The vote id (HowTheyVote's number or a slug).
    pub id: String,
    /// The day of the vote.
    pub date: NaiveDate,
    /// What was voted on, in plain Dutch.
    pub title_nl: String,
    /// The vote's English title, when recorded.
    pub title_en: Option<String>,
    /// The procedure, when recorded.
    pub procedure: Option<String>,
    /// Adopted or rejected.
    pub result: VoteResult,
    /// Which vote protects private messages.
    pub protects: Protects,
    /// Why that vote protects.
    pub why: String,
    /// The same in English, when the editors wrote it.
    pub why_en: Option<String>,
    /// The whole Parliament's numbers.
    pub totals: Totals,
    /// How the vote is known (a page words it in its own language with
    /// [`Provenance::wording_in`]).
    pub provenance: Provenance,
    /// The credit and licence the source asks for, to show with the vote.
    pub licence: Option<String>,
    /// The party's MEPs per vote word.
    pub counts: Counts,
    /// The party's MEPs on this vote, in the file's order.
    pub members: Vec<PartyMember>,
    /// The most common vote (absent excluded); None on a tie or when nobody voted.
    pub majority: Option<VoteWord>,
    /// Names of the MEPs who voted otherwise than the majority (absent excluded).
    pub dissenters: Vec<String>,
    /// True when the majority voted the way that protects, false when it
    /// voted otherwise, None without a majority.
    pub protected: Option<bool>,
}

/// Votes per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    /// In favour.
    #[serde(rename = "for")]
    pub for_: u32,
    /// Against.
    pub against: u32,
    /// Abstentions.
    pub abstain: u32,
    /// Did not vote.
    pub absent: u32,
}

impl Counts {
    /// Counts `votes`.
    pub fn of(votes: impl IntoIterator<Item = VoteWord>) -> Counts {
        let mut c = Counts::default();
        for v in votes {
            match v {
                VoteWord::For => c.for_ += 1,
                VoteWord::Against => c.against += 1,
                VoteWord::Abstain => c.abstain += 1,
                VoteWord::Absent => c.absent += 1,
            }
        }
        c
    }

    /// The word most voted (absent excluded); None on a tie for the most
    /// or when nobody voted.
    pub fn majority(&self) -> Option<VoteWord> {
        let cast = [
            (VoteWord::For, self.for_),
            (VoteWord::Against, self.against),
            (VoteWord::Abstain, self.abstain),
        ];
        let top = cast.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let mut at_top = cast.iter().filter(|(_, n)| *n == top);
        match (top, at_top.next(), at_top.next()) {
            (0, _, _) | (_, _, Some(_)) => None,
            (_, Some((word, _)), None) => Some(*word),
            (_, None, None) => None,
        }
    }
}

/// One MEP of the party on one vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartyMember {
    /// The name as meps.toml writes it.
    pub name: String,
    /// The political group on the vote date.
    pub group: Group,
    /// The vote.
    pub vote: VoteWord,
}

/// A member of a vote whose party cannot be found on the vote date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped {
    /// The vote.
    pub vote_id: String,
    /// Its day.
    pub date: NaiveDate,
    /// The member's name as the vote file gives it.
    pub name: String,
    /// The member id, when the vote file gives it.
    pub mep: Option<u64>,
    /// How they voted.
    pub vote: VoteWord,
    /// Why no party.
    pub reason: UnmappedReason,
    /// Where the member is written.
    pub at: Place,
}

/// Why a member of a vote maps to no party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnmappedReason {
    /// `meps.toml` has no entry for the member.
    NotInMeps,
    /// The MEP has no national party on the vote date.
    NoPartyOnDate,
    /// The national party is not a key of `[national_parties]`.
    PartyNotMapped(String),
}

impl EpData {
    /// The entry of `meps.toml` for a member of a vote: by member id, or by
    /// name when the vote gives no id.
    pub fn mep_of(&self, member: &VoteMember) -> Option<&Mep> {
        match member.mep {
            Some(id) => self.meps.iter().find(|m| m.id == Some(id)),
            None => self.meps.iter().find(|m| m.name == member.name),
        }
    }

    /// The MEP with this member id.
    pub fn mep_by_id(&self, id: u64) -> Option<&Mep> {
        self.meps.iter().find(|m| m.id == Some(id))
    }

    /// The party id of `mep` on `day`: `[national_parties][national party on that day]`.
    pub fn party_on(&self, mep: &Mep, day: NaiveDate) -> Option<&str> {
        let national = mep.national_party_on(day)?;
        self.national_parties.get(national).map(String::as_str)
    }

    /// Why `member` maps to no party on `day`, or None when it maps to one.
    pub fn why_unmapped(&self, member: &VoteMember, day: NaiveDate) -> Option<UnmappedReason> {
        let Some(mep) = self.mep_of(member) else {
            return Some(UnmappedReason::NotInMeps);
        };
        let Some(national) = mep.national_party_on(day) else {
            return Some(UnmappedReason::NoPartyOnDate);
        };
        if self.national_parties.contains_key(national) {
            None
        } else {
            Some(UnmappedReason::PartyNotMapped(national.to_string()))
        }
    }

    /// Per vote (newest first) how the MEPs of party `party_id` voted; votes
    /// on which the party had no member are left out.
    pub fn party_record(&self, party_id: &str) -> Vec<PartyEpVote> {
        self.votes
            .iter()
            .filter_map(|vote| self.party_vote(vote, party_id))
            .collect()
    }

    fn party_vote(&self, vote: &EpVote, party_id: &str) -> Option<PartyEpVote> {
        let members: Vec<PartyMember> = vote
            .members
            .iter()
            .filter_map(|m| {
                let mep = self.mep_of(m)?;
                (self.party_on(mep, vote.date)? == party_id).then(|| PartyMember {
                    name: mep.name.clone(),
                    group: m.group,
                    vote: m.vote,
                })
            })
            .collect();
        if members.is_empty() {
            return None;
        }
        let counts = Counts::of(members.iter().map(|m| m.vote));
        let majority = counts.majority();
        let dissenters = match majority {
            Some(word) => members
                .iter()
                .filter(|m| m.vote != VoteWord::Absent && m.vote != word)
                .map(|m| m.name.clone())
                .collect(),
            None => Vec::new(),
        };
        Some(PartyEpVote {
            id: vote.id.clone(),
            date: vote.date,
            title_nl: vote.title_nl.clone(),
            title_en: vote.title_en.clone(),
            procedure: vote.procedure.clone(),
            result: vote.result,
            protects: vote.protects,
            why: vote.why.clone(),
            why_en: vote.why_en.clone(),
            totals: vote.totals,
            provenance: vote.provenance.clone(),
            licence: vote.licence.clone(),
            counts,
            members,
            majority,
            dissenters,
            protected: majority.map(|w| w == vote.protects.word()),
        })
    }

    /// Every member of every vote whose party cannot be found on the vote
    /// date, newest vote first.
    pub fn unmapped(&self) -> Vec<Unmapped> {
        let mut found = Vec::new();
        for vote in &self.votes {
            for m in &vote.members {
                if let Some(reason) = self.why_unmapped(m, vote.date) {
                    found.push(Unmapped {
                        vote_id: vote.id.clone(),
                        date: vote.date,
                        name: m.name.clone(),
                        mep: m.mep,
                        vote: m.vote,
                        reason,
                        at: m.at.clone(),
                    });
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ep::model::Period;
    use test_case::test_case;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn period(from: &str, until: Option<&str>) -> Period {
        Period {
            from: day(from),
            until: until.map(day),
        }
    }

    fn mep(id: u64, name: &str, parties: &[(&str, Period)]) -> Mep {
        Mep {
            id: Some(id),
            name: name.to_string(),
            country: "NL".to_string(),
            checked_on: day("2026-12-04"),
            terms: vec![period("2019-07-02", None)],
            parties: parties.iter().map(|(n, p)| (n.to_string(), *p)).collect(),
            groups: vec![(Group::Greens, period("2019-07-02", None))],
            source: Provenance::Editor {
                note: "test".to_string(),
                checked_on: day("2026-12-04"),
            },
            at: Place::default(),
        }
    }

    fn member(id: Option<u64>, name: &str, vote: VoteWord) -> VoteMember {
        VoteMember {
            mep: id,
            name: name.to_string(),
            group: Group::Greens,
            vote,
            at: Place::default(),
        }
    }

    fn vote(id: &str, date: &str, protects: Protects, members: Vec<VoteMember>) -> EpVote {
        EpVote {
            id: id.to_string(),
            date: day(date),
            title_nl: format!("stemming {id}"),
            title_en: None,
            procedure: None,
            result: VoteResult::Rejected,
            protects,
            why: "omdat".to_string(),
            why_en: None,
            editors_note: None,
            totals: Totals {
                for_: 300,
                against: 300,
                abstain: None,
            },
            provenance: Provenance::Editor {
                note: "test".to_string(),
                checked_on: day("2026-12-04"),
            },
            licence: None,
            members,
            file: Default::default(),
        }
    }

    /// A: GroenLinks until 2024-07-15, then PvdA (both groenlinks-pvda);
    /// B: PVV; C: Volt (maps to nothing here); D: no party after 2024.
    fn data() -> EpData {
        let open = period("2019-07-02", None);
        EpData {
            national_parties: [
                ("GroenLinks", "groenlinks-pvda"),
                ("Partij van de Arbeid", "groenlinks-pvda"),
                ("Partij voor de Vrijheid", "pvv"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
            meps: vec![
                mep(
                    1,
                    "Anna",
                    &[
                        ("GroenLinks", period("2019-07-02", Some("2024-07-15"))),
                        ("Partij van de Arbeid", period("2024-07-16", None)),
                    ],
                ),
                mep(2, "Bert", &[("Partij voor de Vrijheid", open)]),
                mep(3, "Cor", &[("Volt", open)]),
                mep(
                    4,
                    "Dirk",
                    &[("GroenLinks", period("2019-07-02", Some("2024-07-15")))],
                ),
                mep(5, "Eva", &[("GroenLinks", open)]),
                mep(6, "Fleur", &[("GroenLinks", open)]),
            ],
            votes: vec![
                vote(
                    "200",
                    "2026-03-26",
                    Protects::Against,
                    vec![
                        member(Some(1), "Anna", VoteWord::Against),
                        member(Some(5), "Eva", VoteWord::Against),
                        member(Some(6), "Fleur", VoteWord::For),
                        member(Some(2), "Bert", VoteWord::For),
                        member(Some(3), "Cor", VoteWord::Against),
                        member(Some(4), "Dirk", VoteWord::Abstain),
                        member(Some(9), "Onbekend", VoteWord::For),
                    ],
                ),
                vote(
                    "100",
                    "2023-11-22",
                    Protects::For,
                    vec![
                        member(None, "Anna", VoteWord::For),
                        member(Some(4), "Dirk", VoteWord::Against),
                        member(Some(5), "Eva", VoteWord::Absent),
                    ],
                ),
            ],
        }
    }

    #[test_case(1, "2024-07-15", Some("groenlinks-pvda"); "old party")]
    #[test_case(1, "2024-07-16", Some("groenlinks-pvda"); "new party same id")]
    #[test_case(2, "2026-03-26", Some("pvv"); "pvv")]
    #[test_case(3, "2026-03-26", None; "party not mapped")]
    #[test_case(4, "2026-03-26", None; "no party that day")]
    #[test_case(4, "2023-11-22", Some("groenlinks-pvda"); "party before it ended")]
    fn the_party_on_a_day(id: u64, on: &str, party: Option<&str>) {
        let data = data();
        let mep = data.mep_by_id(id).unwrap();
        assert_eq!(data.party_on(mep, day(on)), party);
    }

    #[test]
    fn a_party_record_is_newest_first_with_majority_and_dissenters() {
        let record = data().party_record("groenlinks-pvda");
        let ids: Vec<&str> = record.iter().map(|v| v.id.as_str()).collect();
        assert_eq!(ids, ["200", "100"]);
        let newest = &record[0];
        let names: Vec<&str> = newest.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            ["Anna", "Eva", "Fleur"],
            "Dirk had no party that day"
        );
        assert_eq!(
            newest.counts,
            Counts {
                for_: 1,
                against: 2,
                abstain: 0,
                absent: 0
            }
        );
        assert_eq!(newest.majority, Some(VoteWord::Against));
        assert_eq!(newest.dissenters, ["Fleur"]);
        assert_eq!(newest.protected, Some(true));
        let oldest = &record[1];
        assert_eq!(oldest.counts.absent, 1);
        assert_eq!(oldest.majority, None, "one for, one against: a tie");
        assert!(oldest.dissenters.is_empty());
        assert_eq!(oldest.protected, None);
    }

    #[test]
    fn a_party_without_members_on_a_vote_has_no_entry_for_it() {
        let record = data().party_record("pvv");
        assert_eq!(record.len(), 1);
        assert_eq!(record[0].protected, Some(false));
        assert!(data().party_record("sp").is_empty());
    }

    #[test]
    fn unmapped_members_say_why() {
        let found: Vec<(String, String, UnmappedReason)> = data()
            .unmapped()
            .into_iter()
            .map(|u| (u.vote_id, u.name, u.reason))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "200".to_string(),
                    "Cor".to_string(),
                    UnmappedReason::PartyNotMapped("Volt".to_string())
                ),
                (
                    "200".to_string(),
                    "Dirk".to_string(),
                    UnmappedReason::NoPartyOnDate
                ),
                (
                    "200".to_string(),
                    "Onbekend".to_string(),
                    UnmappedReason::NotInMeps
                ),
            ]
        );
    }

    #[test_case(0, 0, 0, 5, None; "nobody voted")]
    #[test_case(2, 2, 0, 0, None; "tie for against")]
    #[test_case(1, 1, 2, 0, Some(VoteWord::Abstain); "abstain most")]
    #[test_case(3, 1, 1, 9, Some(VoteWord::For); "absent does not count")]
    #[test_case(0, 0, 0, 0, None; "empty")]
    fn majorities(for_: u32, against: u32, abstain: u32, absent: u32, majority: Option<VoteWord>) {
        let counts = Counts {
            for_,
            against,
            abstain,
            absent,
        };
        assert_eq!(counts.majority(), majority);
    }

    #[test]
    fn the_record_serializes_for_templates() {
        let record = data().party_record("groenlinks-pvda");
        let json = serde_json::to_value(&record[0]).unwrap();
        assert_eq!(json["majority"], "against");
        assert_eq!(json["protects"], "against");
        assert_eq!(json["counts"]["for"], 1);
        assert_eq!(json["members"][0]["group"], "GREENS");
        assert_eq!(json["date"], "2026-03-26");
        assert_eq!(json["provenance"]["kind"], "editor");
    }
}
