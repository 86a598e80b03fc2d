//! The record of the sitting Kamer as typed values: what `load` builds from
//! `data/kamer.toml` and `view` words for the party pages, kept apart from
//! both so that neither imports the other's parent.

use chrono::NaiveDate;

use crate::provenance::Provenance;

/// The Kamer elected at one election.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kamer {
    /// Election day.
    pub elected_on: NaiveDate,
    /// The day the members were sworn in.
    pub installed_on: NaiveDate,
    /// Seats per party id, as the official result gives them.
    pub seats: Vec<(String, u32)>,
    /// Where the seats come from.
    pub seats_source: Provenance,
    /// What the Kamer decided on chat control, oldest first.
    pub motions: Vec<Motion>,
}

/// One motion put to the vote in this Kamer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Motion {
    /// How it is known, e.g. "motie-Kathmann c.s.".
    pub name: String,
    /// What it asked, in our own words (`about`, `about_en`).
    pub about: crate::council::local_text::LocalText,
    /// The party id of its first signatory.
    pub mover_party: String,
    /// The day of the vote.
    pub voted_on: NaiveDate,
    /// Adopted or not.
    pub adopted: bool,
    /// True when adopting it protects confidential communication.
    pub protects: bool,
    /// How each party voted, where a source gives it: party id and vote.
    pub votes: Vec<(String, crate::guide::model::VoteChoice)>,
    /// Where the result comes from.
    pub source: Provenance,
}

impl Kamer {
    /// The seats of `party`, or None when it has none in this Kamer.
    pub fn seats_of(&self, party: &str) -> Option<u32> {
        self.seats.iter().find(|(p, _)| p == party).map(|(_, s)| *s)
    }

    /// The total number of seats recorded.
    pub fn total_seats(&self) -> u32 {
        self.seats.iter().map(|(_, s)| s).sum()
    }
}
