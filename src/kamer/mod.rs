//! The Tweede Kamer that sits now: its seats per party and what it decided
//! on chat control, from `site/data/kamer.toml`.
//!
//! The voting guide of 2023 is an archive of a Kamer that no longer sits;
//! a voter asks what the party did *since* the last election. This module
//! holds that record (seats from the official result, motions with their
//! result and source) and words it per party for the party pages. A
//! party's own vote on a motion is shown only when a source gives it; the
//! page says so plainly when ours do not.

pub mod load;
pub mod view;

use chrono::NaiveDate;

use crate::provenance::Provenance;

pub use load::load;

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
    /// What it asked, in our own words (Dutch).
    pub about: String,
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
