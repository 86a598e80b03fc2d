//! EU Council tracker: who in the Council of the EU stands where on the
//! chat-control regulation, and whether that adds up to a qualified majority.
//!
//! `model` holds the data types, `load` reads `site/data/council/`, `qmv`
//! does the voting arithmetic and `cli` answers `chatcontrole council`.

pub mod load;
pub mod model;
pub mod qmv;

pub use load::load;
pub use model::{CouncilData, Position};
