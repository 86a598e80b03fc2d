//! What a build is asked to do: which site, where its output goes, and the
//! switches of `build`, `check` and `serve`. Kept apart from the pipeline so
//! that loading ([`crate::model`]) and building ([`crate::build`]) can both
//! read it without importing each other.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (with `site.toml`).
    pub site: PathBuf,
    /// The output folder; `<site>/public` when None.
    pub out: Option<PathBuf>,
    /// Replaces `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Include drafts and future posts.
    pub drafts: bool,
    /// The moment that decides what is published (now when None); for tests.
    pub now: Option<DateTime<FixedOffset>>,
    /// Replace a non-empty output folder that an earlier build did not write (`--force`).
    pub force: bool,
}

impl BuildOptions {
    /// Options for building the site in `site` with all defaults.
    pub fn new(site: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site: site.into(),
            out: None,
            base_url: None,
            drafts: false,
            now: None,
            force: false,
        }
    }

    /// The output folder these options name.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.site.join("public"))
    }
}
