//! The voting guide (stemwijzer): structured evidence per party, the published
//! verdict rules, the Markdown importer, open data and the guide pages.
//!
//! Data flows one way: `load` reads `site/data/` into the model, `verdict`
//! suggests a verdict from the evidence, `assessed` applies it once to every
//! party of a build, `check` looks for inconsistencies,
//! `export` and `view` turn the model into files for the public site. Pages
//! are written in the renderer's language: interface words from its
//! strings, the editors' texts from their `_en` siblings (`localized`).

pub mod assessed;
pub mod cards;
pub mod check;
pub mod evidence_kinds;
pub mod evidence_views;
pub mod export;
pub mod facts;
pub mod import;
pub mod load;
pub mod localized;
pub mod model;
pub mod said_vs_did;
pub mod synced;
pub mod verdict;
pub mod view;
pub mod vote_views;
pub mod votes_file;

pub use load::load;
pub use model::GuideData;
