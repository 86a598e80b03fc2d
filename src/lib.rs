//! chatcontrole: builds the chatcontrole.nl campaign site.
//!
//! The pipeline is [`model`] (load the site folder into one immutable model) →
//! [`derive`] (everything computed from it, once) → `render` (pure functions of
//! the two, in parallel) → [`output`] (stream into a staging folder, swapped in
//! one go); [`build`] runs it. Only loading and writing touch the disk.

#![warn(missing_docs)]

pub mod base_url;
pub mod build;
pub mod cabinets;
pub mod check;
pub mod config;
pub mod confined;
pub mod contact;
pub mod content;
pub mod council;
pub mod data_file;
pub mod derive;
pub mod diagnostics;
pub mod ep;
pub mod external_links;
pub mod guide;
pub mod home;
pub mod html;
pub mod import;
pub mod kamer;
pub mod language_table;
pub mod languages;
pub mod leftovers;
pub mod levels;
pub mod locale;
pub mod model;
pub mod options;
pub mod out_folder;
pub mod output;
pub mod parliament;
pub mod provenance;
pub mod render;
pub mod serve;
pub mod settings_rules;
pub mod site_path;
pub mod terminal;
pub mod toml_error;
pub mod url;
