//! EU Council tracker: who in the Council of the EU stands where on the
//! chat-control regulation, and whether that adds up to a qualified majority.
//!
//! `model` holds the data types, `load` reads `site/data/council/`, `check` warns about weak sources, `qmv`
//! does the voting arithmetic, `standing` works out who counts with which
//! position on a date, `explain` puts results into sentences of the page's
//! language (`local_text` shows the editors' texts in it) and
//! `cli` answers `chatcontrole council` (nothing else imports it); `view`, `chart` and `tiles` make the /raad/
//! pages.

pub mod cards;
pub mod chart;
pub mod check;
pub mod cli;
pub mod explain;
pub mod facts;
pub mod load;
pub mod local_text;
pub mod model;
pub mod prose_check;
pub mod qmv;
pub mod standing;
pub mod tiles;
pub mod view;

pub use load::load;
pub use model::{CouncilData, Position};
pub use view::{render, template_globals_in};
