//! The European Parliament's roll-call votes on chat control, and how the
//! members of the site's country voted, per national party (issue #23).
//!
//! A voter asks what *their* party did in Brussels, not only in The Hague.
//! `data/ep/meps.toml` says which MEPs sit for which national party (with
//! periods: MEPs switch) and how the Parliament's party names map to ours;
//! `data/ep/votes/<id>.toml` holds one vote with the members' votes, either
//! written by `chatcontrole sync ep-votes` from HowTheyVote.eu or by an
//! editor from the minutes. [`load`] reads and checks both (parse at the
//! boundary: dates, group codes, vote words, provenance, ids), [`join`]
//! answers per party (pure functions), [`sync`] is the only part that uses
//! the network.

pub mod api;
pub mod fields;
pub mod join;
pub mod load;
pub mod meps;
pub mod model;
pub mod rules;
pub mod sync;
pub mod vote_file;
pub mod votes;

pub use join::{Counts, PartyEpVote, PartyMember, Unmapped, UnmappedReason};
pub use load::load;
pub use model::{EpData, EpVote, Group, Mep, Period, Protects, VoteMember, VoteResult, VoteWord};
