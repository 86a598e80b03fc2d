//! The checks that need both files: every member of a vote is found in
//! `meps.toml`, sits in the Parliament on the vote date and has a national
//! party that day. Each is a warning on the member's line (the vote is
//! published, but the member counts for no party), with what to add.

use super::join::UnmappedReason;
use super::model::{EpData, Place};
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;

/// Adds a warning to `diags` for every member of a vote that `meps.toml`
/// does not know, that did not sit on the vote date, or whose party cannot
/// be found that day.
pub fn check(data: &EpData, diags: &mut Diagnostics) {
    for vote in &data.votes {
        for m in &vote.members {
            let warn = |code, message: Message, hint: Message| {
                let Place { file, line, column } = &m.at;
                Diagnostic::warning(code, file, *line, *column, message).with_hint(hint)
            };
            let name = &m.name;
            let date = vote.date;
            let id = m
                .mep
                .map(|id| format!(" (member id {id})"))
                .unwrap_or_default();
            let id_nl = m
                .mep
                .map(|id| format!(" (lidnummer {id})"))
                .unwrap_or_default();
            if let Some(mep) = data.mep_of(m)
                && mep.sits_on(vote.date) == Some(false)
            {
                diags.push(warn(
                    "mep-outside-term",
                    msg!(
                        "{name}{id} voted on {date}, outside their terms in data/ep/meps.toml",
                        "{name}{id_nl} stemde op {date}, buiten de zittingsperiodes in data/ep/meps.toml"
                    ),
                    msg!(
                        "check the [[mep.term]] periods of this MEP, and the vote's date",
                        "controleer de [[mep.term]]-periodes van deze Europarlementariër, en de datum van de stemming"
                    ),
                ));
            }
            match data.why_unmapped(m, vote.date) {
                None => {}
                Some(UnmappedReason::NotInMeps) => {
                    let id_field = m.mep.map(|id| format!("id = {id}, ")).unwrap_or_default();
                    diags.push(warn(
                        "mep-not-listed",
                        msg!(
                            "{name}{id} is not in data/ep/meps.toml",
                            "{name}{id_nl} staat niet in data/ep/meps.toml"
                        ),
                        msg!(
                            "add a [[mep]] with {id_field}name, country, checked_on, [[mep.term]], [[mep.party]] and [[mep.group]]; until then this vote counts for no party",
                            "voeg een [[mep]] toe met {id_field}name, country, checked_on, [[mep.term]], [[mep.party]] en [[mep.group]]; tot dan telt deze stem voor geen enkele partij"
                        ),
                    ))
                }
                Some(UnmappedReason::NoPartyOnDate) => diags.push(warn(
                    "mep-no-party-on-date",
                    msg!(
                        "{name}{id} has no national party on {date} in data/ep/meps.toml",
                        "{name}{id_nl} heeft op {date} geen nationale partij in data/ep/meps.toml"
                    ),
                    msg!(
                        "add a [[mep.party]] whose period covers {date}; until then this vote counts for no party",
                        "voeg een [[mep.party]] toe waarvan de periode {date} omvat; tot dan telt deze stem voor geen enkele partij"
                    ),
                )),
                // meps.toml itself reports a party name that is not a key.
                Some(UnmappedReason::PartyNotMapped(_)) => {}
            }
        }
    }
}
