//! The European Parliament data as typed values: what [`super::load`] builds
//! from `data/ep/meps.toml` and `data/ep/votes/*.toml`, what the join
//! ([`super::join`]) reads and what `sync ep-votes` writes. Kept apart from
//! the loader and the join so that neither imports the other.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::provenance::Provenance;

/// Everything below `data/ep/`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EpData {
    /// National party names as the Parliament writes them → our party ids.
    pub national_parties: BTreeMap<String, String>,
    /// The MEPs of `meps.toml`, in file order.
    pub meps: Vec<Mep>,
    /// The roll-call votes, newest first (then by id).
    pub votes: Vec<EpVote>,
}

/// Where something was written: a file and a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The file.
    pub file: PathBuf,
    /// The line (1-based).
    pub line: usize,
    /// The column (1-based).
    pub column: usize,
}

/// A period from a day to a day (both included); `until` None = still running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first day.
    pub from: NaiveDate,
    /// The last day, when the period ended.
    pub until: Option<NaiveDate>,
}

impl Period {
    /// True when `day` falls in the period.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && self.until.is_none_or(|u| day <= u)
    }

    /// True when the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        let ends_before = |a: &Period, b: &Period| a.until.is_some_and(|u| u < b.from);
        !ends_before(self, other) && !ends_before(other, self)
    }
}

/// A member of the European Parliament from the site's country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mep {
    /// The Parliament's member id (also HowTheyVote's), when recorded.
    pub id: Option<u64>,
    /// The name as the site writes it.
    pub name: String,
    /// ISO 3166 alpha-2 country code, upper case.
    pub country: String,
    /// The day an editor last checked the entry.
    pub checked_on: NaiveDate,
    /// Periods as a member of the Parliament.
    pub terms: Vec<Period>,
    /// National parties (a key of `[national_parties]`), with periods.
    pub parties: Vec<(String, Period)>,
    /// Political groups, with periods.
    pub groups: Vec<(Group, Period)>,
    /// How name, party and group are known.
    pub source: Provenance,
    /// Where the `[[mep]]` table starts.
    pub at: Place,
}

impl Mep {
    /// The national party name on `day`, if any.
    pub fn national_party_on(&self, day: NaiveDate) -> Option<&str> {
        self.parties
            .iter()
            .find(|(_, p)| p.contains(day))
            .map(|(name, _)| name.as_str())
    }

    /// Whether `day` falls in one of the MEP's terms; None when no term is
    /// on record (an editor who cannot find when a successor took the seat
    /// leaves the terms out rather than guess).
    pub fn sits_on(&self, day: NaiveDate) -> Option<bool> {
        (!self.terms.is_empty()).then(|| self.terms.iter().any(|t| t.contains(day)))
    }
}

/// A political group of the European Parliament, by HowTheyVote's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// European People's Party.
    Epp,
    /// Progressive Alliance of Socialists and Democrats.
    Sd,
    /// Renew Europe.
    Renew,
    /// Greens/European Free Alliance.
    Greens,
    /// European Conservatives and Reformists.
    Ecr,
    /// Patriots for Europe.
    Pfe,
    /// Europe of Sovereign Nations.
    Esn,
    /// The Left (GUE/NGL).
    GueNgl,
    /// Non-attached members.
    Ni,
    /// Identity and Democracy (until 2024).
    Id,
    /// Europe of Freedom and Direct Democracy (until 2019).
    Efdd,
    /// Europe of Nations and Freedom (until 2019).
    Enf,
    /// Alliance of Liberals and Democrats for Europe (until 2019).
    Alde,
}

/// Every group with its code, in the order the format lists them.
pub const GROUPS: [(Group, &str); 13] = [
    (Group::Epp, "EPP"),
    (Group::Sd, "SD"),
    (Group::Renew, "RENEW"),
    (Group::Greens, "GREENS"),
    (Group::Ecr, "ECR"),
    (Group::Pfe, "PFE"),
    (Group::Esn, "ESN"),
    (Group::GueNgl, "GUE_NGL"),
    (Group::Ni, "NI"),
    (Group::Id, "ID"),
    (Group::Efdd, "EFDD"),
    (Group::Enf, "ENF"),
    (Group::Alde, "ALDE"),
];

impl Group {
    /// The group with this code (`GREENS`), if there is one.
    pub fn from_code(code: &str) -> Option<Group> {
        GROUPS.iter().find(|(_, c)| *c == code).map(|(g, _)| *g)
    }

    /// The code, as data files and HowTheyVote write it.
    pub fn code(self) -> &'static str {
        GROUPS
            .iter()
            .find(|(g, _)| *g == self)
            .map(|(_, c)| *c)
            .unwrap_or("NI")
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Group {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// How one member voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VoteWord {
    /// Voted in favour.
    For,
    /// Voted against.
    Against,
    /// Abstained.
    Abstain,
    /// Did not vote.
    Absent,
}

/// The vote words, as data files write them.
pub const VOTE_WORDS: [(VoteWord, &str); 4] = [
    (VoteWord::For, "for"),
    (VoteWord::Against, "against"),
    (VoteWord::Abstain, "abstain"),
    (VoteWord::Absent, "absent"),
];

impl VoteWord {
    /// The word of this keyword (`for`), if it is one.
    pub fn from_word(word: &str) -> Option<VoteWord> {
        VOTE_WORDS.iter().find(|(_, w)| *w == word).map(|(v, _)| *v)
    }

    /// The keyword, as data files write it.
    pub fn word(self) -> &'static str {
        match self {
            VoteWord::For => "for",
            VoteWord::Against => "against",
            VoteWord::Abstain => "abstain",
            VoteWord::Absent => "absent",
        }
    }
}

impl fmt::Display for VoteWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The outcome of a vote in plenary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VoteResult {
    /// The Parliament adopted the text.
    Adopted,
    /// The Parliament rejected it.
    Rejected,
}

/// Which vote protects private messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Protects {
    /// Voting for protects.
    For,
    /// Voting against protects.
    Against,
}

impl Protects {
    /// The vote word that protects.
    pub fn word(self) -> VoteWord {
        match self {
            Protects::For => VoteWord::For,
            Protects::Against => VoteWord::Against,
        }
    }
}

/// The whole Parliament's numbers, from the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Votes in favour.
    #[serde(rename = "for")]
    pub for_: u32,
    /// Votes against.
    pub against: u32,
    /// Abstentions, when the source gives them.
    pub abstain: Option<u32>,
}

/// One roll-call vote in plenary, with the votes of the site's country's members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpVote {
    /// HowTheyVote's vote id (digits) or a slug; the file's name.
    pub id: String,
    /// The day of the vote.
    pub date: NaiveDate,
    /// What was voted on, in plain Dutch (our words).
    pub title_nl: String,
    /// The title in English, when recorded.
    pub title_en: Option<String>,
    /// The procedure, e.g. `2022/0155(COD)`, when recorded.
    pub procedure: Option<String>,
    /// Adopted or rejected.
    pub result: VoteResult,
    /// Which vote protects private messages.
    pub protects: Protects,
    /// Why that vote protects (Dutch, one sentence, published).
    pub why: String,
    /// The same in English (`why_en`), for English pages, when written.
    pub why_en: Option<String>,
    /// The editors' note, never published.
    pub editors_note: Option<String>,
    /// The whole Parliament's numbers.
    pub totals: Totals,
    /// How the vote is known.
    pub provenance: Provenance,
    /// The credit and licence the source asks for (a synced file names
    /// HowTheyVote.eu's), to be shown with the data.
    pub licence: Option<String>,
    /// The members of the site's country, in file order.
    pub members: Vec<VoteMember>,
    /// The file.
    pub file: PathBuf,
}

/// How one member voted on one vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteMember {
    /// The Parliament's member id, when recorded.
    pub mep: Option<u64>,
    /// The name, as the source gives it.
    pub name: String,
    /// The political group on the vote date.
    pub group: Group,
    /// The vote.
    pub vote: VoteWord,
    /// Where the `[[member]]` table starts.
    pub at: Place,
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test_case(period("2024-07-16", None), "2026-03-26", true; "open period")]
    #[test_case(period("2024-07-16", None), "2024-07-15", false; "before it starts")]
    #[test_case(period("2019-07-02", Some("2024-07-15")), "2024-07-15", true; "last day included")]
    #[test_case(period("2019-07-02", Some("2024-07-15")), "2024-07-16", false; "after it ends")]
    fn periods_contain_days(p: Period, d: &str, inside: bool) {
        assert_eq!(p.contains(day(d)), inside);
    }

    #[test_case(period("2019-07-02", Some("2024-07-15")), period("2024-07-16", None), false; "one after the other")]
    #[test_case(period("2019-07-02", Some("2024-07-16")), period("2024-07-16", None), true; "share a day")]
    #[test_case(period("2019-07-02", None), period("2024-07-16", None), true; "both open")]
    #[test_case(period("2024-07-16", None), period("2019-07-02", Some("2020-01-01")), false; "second before first")]
    fn periods_overlap(a: Period, b: Period, overlap: bool) {
        assert_eq!(a.overlaps(&b), overlap);
        assert_eq!(b.overlaps(&a), overlap);
    }

    #[test]
    fn group_codes_go_both_ways() {
        for (group, code) in GROUPS {
            assert_eq!(Group::from_code(code), Some(group));
            assert_eq!(group.code(), code);
        }
        assert_eq!(Group::from_code("greens"), None);
    }

    #[test]
    fn vote_words_go_both_ways() {
        for (vote, word) in VOTE_WORDS {
            assert_eq!(VoteWord::from_word(word), Some(vote));
            assert_eq!(vote.word(), word);
        }
        assert_eq!(VoteWord::from_word("voor"), None);
    }
}
