//! The integration tests of `chatcontrole`, in one test binary (one link of
//! the crate instead of one per file). Each former `tests/*.rs` file is a
//! module here, so a test is named `<module>::<test>`: `cargo test --test it
//! site_build::` runs one file's tests.
//!
//! Shared helpers live in `common/` (site copies, running the binary) and `browser/` (the headless Chromium harness); the data the
//! tests read stays in `tests/bad/`, `tests/fixtures/` and `tests/browser/`
//! (axe-core from npm).
//!
//! The tests run on parallel threads of one process: none of them may set
//! environment variables or change the working directory (a child process
//! gets its own with `Command::env` and `Command::current_dir`).

mod browser;
mod common;

mod bad;
mod browser_campaign;
mod browser_council;
mod browser_guide;
mod browser_hostile;
mod browser_import_hugo;
mod browser_live_reload;
mod browser_search;
mod browser_site;
mod build_kill;
mod campaign_pages;
mod council_cli;
mod council_js;
mod council_pages;
mod council_seed;
mod council_timeline;
mod council_vectors;
mod diagnostics;
mod guide_check;
mod guide_cli;
mod guide_example;
mod guide_export;
mod guide_import_markdown;
mod guide_import_seed;
mod guide_import_variants;
mod guide_load;
mod guide_pages;
mod import_hugo;
mod out_folder;
mod pipes;
mod search_index;
mod seeds;
mod serve_http;
mod share_cards;
mod site_build;
mod sync_members;
mod sync_votes;
mod taxonomies;
