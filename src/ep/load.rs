//! Reads `site/data/ep/`: `meps.toml` ([`super::meps`]) and every
//! `votes/*.toml` ([`super::votes`]), then the checks across both
//! ([`super::rules`]). A site without `data/ep/` has no European Parliament
//! record. Every mistake is a diagnostic on its line, all reported
//! together; the MEPs and votes without mistakes are kept.

use std::path::Path;

use super::meps::load_meps;
use super::model::EpData;
use super::votes::{DIR, load_votes};
use crate::diagnostics::Diagnostics;

/// The folder, below `site/data`.
pub const FOLDER: &str = "ep";

/// Reads `data/ep/` below `site`; `known_party` tells whether a party id
/// exists in `data/parties.toml`. None when the site has no `data/ep/`.
/// Mistakes go to `diags` (errors fail the build); what has none is kept.
pub fn load(
    site: &Path,
    known_party: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<EpData> {
    let dir = site.join("data").join(FOLDER);
    if !dir.is_dir() {
        return None;
    }
    let (national_parties, meps) = load_meps(&dir, known_party, diags).unwrap_or_default();
    let votes = load_votes(&dir.join(DIR), diags);
    let data = EpData {
        national_parties,
        meps,
        votes,
    };
    super::rules::check(&data, diags);
    Some(data)
}
