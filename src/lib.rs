//! chatcontrole: builds the chatcontrole.nl campaign site.
//!
//! The pipeline is `load` (read the site folder) → `derive` (plain functions over
//! the model) → `render` (templates) → `write` (swap the output folder in one go).
//! Only loading and writing touch the disk.

#![warn(missing_docs)]

pub mod build;
pub mod check;
pub mod config;
pub mod contact;
pub mod content;
pub mod council;
pub mod data_file;
pub mod diagnostics;
pub mod guide;
pub mod home;
pub mod html;
pub mod import;
pub mod out_folder;
pub mod output;
pub mod parliament;
pub mod render;
pub mod serve;
pub mod site_path;
pub mod toml_error;
pub mod url;
