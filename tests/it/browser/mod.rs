//! The browser test harness: `serve` in its own process, headless Chromium
//! through chromedriver, and the checks a person would make. Test files use
//! it with `use crate::browser;`. axe-core comes from npm: `npm ci --prefix tests/browser`.
//!
//! Without Chromium and chromedriver every browser test prints one
//! `skipped: ...` line and passes, unless `CHATCONTROLE_BROWSER_TESTS=required`
//! (set by `.ci/run`), which makes them fail instead.

pub mod checks;
pub mod driver;
pub mod serve_process;
