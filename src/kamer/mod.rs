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
pub mod model;
pub mod view;

pub use load::load;
pub use model::{Kamer, Motion};
