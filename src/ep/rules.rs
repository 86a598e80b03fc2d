//! The checks that need both files: every member of a vote is found in
//! `meps.toml`, sits in the Parliament on the vote date and has a national
//! party that day. Each is a warning on the member's line (the vote is
//! published, but the member counts for no party), with what to add.

use super::join::UnmappedReason;
use super::model::{EpData, Place};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Adds a warning to `diags` for every member of a vote that `meps.toml`
/// does not know, that did not sit on the vote date, or whose party cannot
/// be found that day.
pub fn check(data: &EpData, diags: &mut Diagnostics) {
    for vote in &data.votes {
        for m in &vote.members {
            let warn = |message: String, hint: String| {
                let Place { file, line, column } = &m.at;
                Diagnostic::untranslated_warning(file, *line, *column, message).with_hint(hint)
            };
            let id = m
                .mep
                .map(|id| format!(" (member id {id})"))
                .unwrap_or_default();
            if let Some(mep) = data.mep_of(m)
                && mep.sits_on(vote.date) == Some(false)
            {
                diags.push(warn(
                    format!(
                        "{}{id} voted on {}, outside their terms in data/ep/meps.toml",
                        m.name, vote.date
                    ),
                    "check the [[mep.term]] periods of this MEP, and the vote's date".to_string(),
                ));
            }
            match data.why_unmapped(m, vote.date) {
                None => {}
                Some(UnmappedReason::NotInMeps) => diags.push(warn(
                    format!("{}{id} is not in data/ep/meps.toml", m.name),
                    format!(
                        "add a [[mep]] with {}name, country, checked_on, [[mep.term]], [[mep.party]] and [[mep.group]]; until then this vote counts for no party",
                        m.mep.map(|id| format!("id = {id}, ")).unwrap_or_default()
                    ),
                )),
                Some(UnmappedReason::NoPartyOnDate) => diags.push(warn(
                    format!("{}{id} has no national party on {} in data/ep/meps.toml", m.name, vote.date),
                    format!("add a [[mep.party]] whose period covers {}; until then this vote counts for no party", vote.date),
                )),
                // meps.toml itself reports a party name that is not a key.
                Some(UnmappedReason::PartyNotMapped(_)) => {}
            }
        }
    }
}
