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
    let errors_before = diags.error_count();
    let (national_parties, meps) = load_meps(&dir, known_party, diags).unwrap_or_default();
    let meps_have_errors = diags.error_count() > errors_before;
    let votes = load_votes(&dir.join(DIR), diags);
    let data = EpData {
        national_parties,
        meps,
        votes,
    };
    // An MEP with a mistake is left out, so checking the votes against
    // meps.toml would only repeat that mistake as "not in meps.toml" on
    // every vote; the checks run again once meps.toml is fixed.
    if !meps_have_errors {
        super::rules::check(&data, diags);
    }
    Some(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MEPS: &str = r#"[national_parties]
"GroenLinks" = "groenlinks-pvda"

[[mep]]
id = 1
name = "Anna"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2024-07-16
[[mep.party]]
name = "GroenLinks"
from = 2025-01-01
[[mep.group]]
code = "GREENS"
from = 2024-07-16
[mep.source]
kind = "editor"
note = "nagekeken"
checked_on = 2026-12-04
"#;

    const VOTE: &str = r#"date = 2024-09-01
title_nl = "Stemming"
result = "adopted"
protects = "for"
why = "Omdat."

[totals]
for = 400
against = 100

[provenance]
kind = "editor"
note = "nagekeken"
checked_on = 2026-12-04

[[member]]
mep = 1
name = "Anna"
group = "GREENS"
vote = "for"

[[member]]
mep = 2
name = "Bert"
group = "EPP"
vote = "against"
"#;

    #[test]
    fn a_site_without_data_ep_has_no_record() {
        let site = tempfile::tempdir().unwrap();
        let mut diags = Diagnostics::new();
        assert!(load(site.path(), &|_| true, &mut diags).is_none());
        assert!(diags.is_empty());
    }

    #[test]
    fn members_the_meps_file_cannot_place_are_warnings_on_their_line() {
        let site = tempfile::tempdir().unwrap();
        let ep = site.path().join("data/ep");
        std::fs::create_dir_all(ep.join("votes")).unwrap();
        std::fs::write(ep.join("meps.toml"), MEPS).unwrap();
        std::fs::write(ep.join("votes/12.toml"), VOTE).unwrap();
        let mut diags = Diagnostics::new();
        let data = load(site.path(), &|_| true, &mut diags).unwrap();
        assert_eq!(data.votes.len(), 1);
        let messages: Vec<String> = diags
            .sorted()
            .iter()
            .map(|d| format!("{:?} {}:{}: {}", d.severity, d.line, d.column, d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "Warning 18:8: Anna (member id 1) has no national party on 2024-09-01 in data/ep/meps.toml",
                "Warning 24:8: Bert (member id 2) is not in data/ep/meps.toml",
            ]
        );
        assert_eq!(data.unmapped().len(), 2);
    }

    #[test]
    fn a_vote_outside_the_terms_is_a_warning() {
        let site = tempfile::tempdir().unwrap();
        let ep = site.path().join("data/ep");
        std::fs::create_dir_all(ep.join("votes")).unwrap();
        std::fs::write(ep.join("meps.toml"), MEPS).unwrap();
        let vote = VOTE.replace("date = 2024-09-01", "date = 2024-01-10");
        std::fs::write(ep.join("votes/12.toml"), vote).unwrap();
        let mut diags = Diagnostics::new();
        load(site.path(), &|_| true, &mut diags).unwrap();
        assert!(
            diags.sorted().iter().any(|d| d.message
                == "Anna (member id 1) voted on 2024-01-10, outside their terms in data/ep/meps.toml"
                && d.code == "mep-outside-term"
                && d.message.nl
                    == "Anna (lidnummer 1) stemde op 2024-01-10, buiten de zittingsperiodes in data/ep/meps.toml"),
            "{diags:?}"
        );
        assert!(!diags.has_errors());
    }
}
