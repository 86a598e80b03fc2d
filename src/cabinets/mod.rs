//! The Dutch cabinets and the minister who held the chat-control file in
//! the Council of the EU, from `site/data/cabinets.toml`.
//!
//! A Council position on a date belongs to a government, and through its
//! minister of Justice and Security to a party: that is how a party page can
//! say what "its" minister did in Brussels. The contact tool's recipients
//! know only who to write to today; this history (since 2022) is its own
//! file so that a meeting of 2024 is credited to the minister of 2024, and
//! so that every coalition party can see what the government it was part of
//! did. `load` reads and checks the file; [`Cabinets::on`] answers "who
//! governed on this day".

pub mod load;
pub mod model;

pub use load::load;
pub use model::{Cabinet, Cabinets, Minister};
