//! `data/votes/<item>.toml`: one recorded vote as `sync votes` wrote it, with
//! its provenance in a `[source]` table (`crate::provenance`): `synced` with
//! the queried address and the moment it was fetched, or — for a vote the
//! editors reconstructed before it could be synced — `press` or `editor`.
//! Documented in `docs/data-schema.md`.
//!
//! The file is written by the program and read by the guide; editors only
//! add a `note` (kept across syncs) and, for a reconstructed vote, the
//! `[source]` it was reconstructed from. The guide owns this record: `parliament/` fetches votes and
//! converts them into it (`parliament::record`), so the guide never needs
//! to know the Tweede Kamer's API.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::provenance::{Provenance, RawProvenance};

/// What kind of parliamentary item a motion or bill is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A motion (motie), numbered like `2023Z07239`.
    Motion,
    /// A bill (wetsvoorstel), numbered by its dossier like `36263`.
    Bill,
}

/// A vote cast on a parliamentary item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteChoice {
    /// Voted in favour (vóór).
    For,
    /// Voted against (tegen).
    Against,
    /// Did not take part.
    Absent,
}

impl VoteChoice {
    /// The Dutch word for the vote, as the site shows it.
    pub fn dutch(self) -> &'static str {
        match self {
            VoteChoice::For => "vóór",
            VoteChoice::Against => "tegen",
            VoteChoice::Absent => "niet gestemd",
        }
    }

    /// The word for the vote on a page in `locale` ("vóór", "for").
    pub fn word(self, locale: &crate::locale::Locale) -> String {
        locale.t(match self {
            VoteChoice::For => "guide_vote_for",
            VoteChoice::Against => "guide_vote_against",
            VoteChoice::Absent => "guide_vote_absent",
        })
    }

    /// The id used in data files and open data (`for`, `against`, `absent`).
    pub fn id(self) -> &'static str {
        match self {
            VoteChoice::For => "for",
            VoteChoice::Against => "against",
            VoteChoice::Absent => "absent",
        }
    }
}

/// A show of hands per faction, or a roll call per member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    /// Met handopsteken: one row per faction, weighted by its seats.
    Faction,
    /// Hoofdelijk: one row per member.
    RollCall,
}

/// One recorded vote on a motion or bill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotesFile {
    /// The item as the guide names it: `2023Z07239` or dossier `36263`.
    pub item: String,
    /// Motion or bill.
    pub kind: ItemKind,
    /// The Zaak number of the decision (for a bill, the bill's own Zaak).
    pub zaak: String,
    /// Title from the API (for a motion its `Onderwerp`).
    pub title: String,
    /// The vote date, when the API gave it.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "toml_date")]
    pub date: Option<NaiveDate>,
    /// The decision as the API words it, e.g. `Stemmen - aangenomen`
    /// ([`Outcome::parse`] reads it).
    pub result: String,
    /// `faction` (show of hands) or `roll_call`.
    pub vote_kind: VoteKind,
    /// A note for readers on the vote, shown once on each party page that
    /// cites it (kept when the file is synced again).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The editors' own working note (what is still unknown, what was
    /// checked); never shown on a page or in the open data, kept when the
    /// file is synced again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editors_note: Option<String>,
    /// Where the vote comes from, as written (`[source]`).
    pub source: RawProvenance,
    /// The same, checked: filled in by the guide's loader.
    #[serde(skip)]
    pub provenance: Option<Provenance>,
    /// Where `[source]` names its address (file and line), for `check`.
    #[serde(skip)]
    pub source_at: (PathBuf, usize),
    /// Seats (or members) per choice.
    pub totals: Totals,
    /// One entry per faction.
    #[serde(default, rename = "faction")]
    pub factions: Vec<FactionVote>,
    /// For a roll call, one entry per member.
    #[serde(default, rename = "member", skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<MemberVote>,
}

/// The counted totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// Seats (members) for.
    #[serde(rename = "for")]
    pub for_: u32,
    /// Seats (members) against.
    pub against: u32,
    /// Seats (members) not taking part.
    pub absent: u32,
    /// Faction rows for which the source gave no seat count (not in the totals).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rows_without_seats: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// How one faction voted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactionVote {
    /// Faction label as the API wrote it at the time.
    pub name: String,
    /// For, against or absent (for a roll call: what most of its members voted).
    pub vote: VoteChoice,
    /// Seats (for a roll call: members with a row); absent when the source gave none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// The party it maps to; absent when it maps to none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// True when the faction declared the vote a mistake (the tally is not changed).
    #[serde(default, skip_serializing_if = "is_false")]
    pub mistaken: bool,
    /// Roll call only: members of the faction voted both for and against.
    #[serde(default, skip_serializing_if = "is_false")]
    pub split: bool,
}

/// How one member voted in a roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberVote {
    /// Member name as the API writes it.
    pub name: String,
    /// Faction label at the time.
    pub faction: String,
    /// For, against or absent.
    pub vote: VoteChoice,
    /// True when the member declared the vote a mistake.
    #[serde(default, skip_serializing_if = "is_false")]
    pub mistaken: bool,
}

impl VotesFile {
    /// The file's text, with a header saying where it comes from.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# Written by `chatcontrole sync votes`; [source] says where the data came from.\n# Do not edit by hand (only `note` and `editors_note` are kept when the vote is synced again).\n\n{body}"
        )
    }

    /// True when `other` records the same vote, ignoring its source (when
    /// and from which address it was fetched) and notes.
    pub fn same_vote(&self, other: &VotesFile) -> bool {
        let strip = |v: &VotesFile| VotesFile {
            source: RawProvenance::synced("", ""),
            provenance: None,
            source_at: Default::default(),
            note: None,
            editors_note: None,
            ..v.clone()
        };
        strip(self) == strip(other)
    }

    /// True when the file was written by `sync votes` (its source is of kind
    /// `synced`), not reconstructed by the editors.
    pub fn is_synced(&self) -> bool {
        self.source.kind.get_ref().trim() == "synced"
    }

    /// The decision in plain words, when the API's text says it.
    pub fn outcome(&self) -> Option<Outcome> {
        Outcome::parse(&self.result)
    }

    /// The faction entry of party `id`, if it sat in the Kamer (several
    /// factions can map to one party, e.g. GroenLinks and PvdA before 2023).
    pub fn votes_of(&self, party: &str) -> Vec<&FactionVote> {
        self.factions
            .iter()
            .filter(|f| f.party.as_deref() == Some(party))
            .collect()
    }
}

/// What the Kamer decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Aangenomen.
    Adopted,
    /// Verworpen.
    Rejected,
}

impl Outcome {
    /// Reads the API's decision text (`Stemmen - aangenomen`,
    /// `Aangenomen.`, `Verworpen`, …); none when it says neither.
    pub fn parse(text: &str) -> Option<Outcome> {
        let text = text.to_lowercase();
        match (text.contains("aangenomen"), text.contains("verworpen")) {
            (true, false) => Some(Outcome::Adopted),
            (false, true) => Some(Outcome::Rejected),
            _ => None,
        }
    }

    /// "aangenomen" or "verworpen".
    pub fn dutch(self) -> &'static str {
        match self {
            Outcome::Adopted => "aangenomen",
            Outcome::Rejected => "verworpen",
        }
    }

    /// The decision on a page in `locale` ("aangenomen", "adopted").
    pub fn word(self, locale: &crate::locale::Locale) -> String {
        locale.t(match self {
            Outcome::Adopted => "guide_outcome_adopted",
            Outcome::Rejected => "guide_outcome_rejected",
        })
    }
}

impl ItemKind {
    /// The noun for the item on a page in `locale` ("motie", "bill").
    pub fn word(self, locale: &crate::locale::Locale) -> String {
        locale.t(match self {
            ItemKind::Motion => "guide_kind_motion",
            ItemKind::Bill => "guide_kind_bill",
        })
    }
}

/// "1 seat", "3 seats" on a page in `locale`.
pub fn seats(locale: &crate::locale::Locale, n: u32) -> String {
    locale.tn("guide_seats", i64::from(n))
}

/// Dates as TOML dates (`date = 2023-10-24`), read from a TOML date or a string.
mod toml_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => {
                let dt: toml::value::Datetime =
                    d.to_string().parse().map_err(serde::ser::Error::custom)?;
                serde::Serialize::serialize(&dt, s)
            }
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let value = toml::Value::deserialize(d)?;
        let text = match value {
            toml::Value::Datetime(dt) => dt.to_string(),
            toml::Value::String(s) => s,
            other => return Err(serde::de::Error::custom(format!("`{other}` is not a date"))),
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                serde::de::Error::custom(format!("`{text}` is not a date (year-month-day)"))
            })
    }
}

/// `data/votes/<item>.toml` below `site`.
pub fn path_of(site: &Path, item: &str) -> PathBuf {
    site.join("data").join("votes").join(format!("{item}.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Stemmen - aangenomen", Some("aangenomen"); "api bill text")]
    #[test_case("Aangenomen.", Some("aangenomen"); "plain adopted")]
    #[test_case("Stemmen - verworpen", Some("verworpen"); "rejected")]
    #[test_case("Verworpen.", Some("verworpen"); "plain rejected")]
    #[test_case("Aangehouden", None; "held over")]
    #[test_case("", None; "empty")]
    fn results_in_plain_dutch(api: &str, expected: Option<&str>) {
        assert_eq!(Outcome::parse(api).map(Outcome::dutch), expected);
    }

    #[test_case("nl", 0, "0 zetels")]
    #[test_case("nl", 1, "1 zetel")]
    #[test_case("nl", 2, "2 zetels")]
    #[test_case("nl", 34, "34 zetels")]
    #[test_case("en", 1, "1 seat")]
    #[test_case("en", 34, "34 seats")]
    fn seats_singular_and_plural(lang: &str, n: u32, expected: &str) {
        assert_eq!(seats(&crate::locale::Locale::builtin(lang), n), expected);
    }
}
