//! What a party did in the Council of the EU: the Council meetings on chat
//! control held while a minister of that party was responsible for the file.
//!
//! A party page says what the party promised and how its MPs voted; the
//! voter also wants to know what the government did while the party held
//! the Justice ministry. That answer joins two data sets that know nothing
//! of each other: the ministers with their party and period
//! (`data/recipients/editors.toml`) and the Council meetings with the Dutch
//! position at each (`data/council/`). It is worked out here, once, as the
//! template global `council_by_party`; a meeting before the first minister
//! on record, or under a minister without a party, is left out rather than
//! guessed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use minijinja::Value;
use serde::Serialize;

use crate::contact::load::{Kind, Recipients};
use crate::council::facts::{end_of, position_fact};
use crate::council::model::{Body, CouncilData, MomentResult};

/// One Council meeting as a party page summarises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CouncilStep {
    /// The day of the meeting, in Dutch ("26 november 2025"), or the month
    /// when only the month is known.
    pub date: String,
    /// The same day as `YYYY-MM-DD` (the last day of the month when only the
    /// month is known), for `<time>`.
    pub date_iso: String,
    /// Who met and what came of it, in plain Dutch and few words.
    pub what: &'static str,
    /// The Dutch position then ("tegen", "onthouding", …; "onbekend").
    pub position: String,
    /// The position keyword (`oppose`, …), for the tone on the page.
    pub position_key: &'static str,
    /// The Netherlands' Council page (`/raad/nl/`).
    pub state_path: String,
    /// The minister responsible for the file on that day.
    pub minister: String,
    /// The minister's role.
    pub role: String,
}

/// Who met and what came of it, in words a voter knows (the Council's own
/// names, such as Coreper, are jargon).
fn what_happened(body: Body, result: MomentResult) -> &'static str {
    match (body, result) {
        (Body::Coreper, MomentResult::Agreed) => "de EU-ambassadeurs bereikten een akkoord",
        (Body::Coreper, MomentResult::Withdrawn) => {
            "een stemming van de EU-ambassadeurs ging niet door"
        }
        (Body::JhaCouncil, MomentResult::Agreed) => {
            "de EU-ministers van Justitie bereikten een akkoord"
        }
        (Body::JhaCouncil, MomentResult::Withdrawn) => {
            "een stemming van de EU-ministers van Justitie ging niet door"
        }
    }
}

/// The Council meetings up to `today`, grouped by the party of the minister
/// who held the file on the day of each (the first day of a month when only
/// the month is known is not enough: a month counts when the minister held
/// the post on its last day).
pub fn council_by_party(
    council: &CouncilData,
    recipients: &Recipients,
    today: NaiveDate,
) -> BTreeMap<String, Vec<CouncilStep>> {
    let mut by_party: BTreeMap<String, Vec<CouncilStep>> = BTreeMap::new();
    for moment in &council.moments {
        let day = end_of(&moment.date);
        if day > today {
            continue;
        }
        let Some(minister) = recipients
            .others
            .iter()
            .find(|o| o.kind == Kind::Minister && o.period.holds_on(day))
        else {
            continue;
        };
        let Some(party) = &minister.party else {
            continue;
        };
        let iso = day.format("%Y-%m-%d").to_string();
        let (position, position_key) = match position_fact(council, "NL", &iso) {
            Ok(fact) => (fact.label, fact.position),
            Err(_) => ("onbekend".to_string(), "unknown"),
        };
        by_party
            .entry(party.clone())
            .or_default()
            .push(CouncilStep {
                date: moment.date.label_nl(),
                date_iso: iso,
                what: what_happened(moment.body, moment.result),
                position,
                position_key,
                state_path: "/raad/nl/".to_string(),
                minister: minister.name.clone(),
                role: minister.role.clone(),
            });
    }
    by_party
}

/// [`council_by_party`] as a template value: party id → list of steps.
pub fn template_value(council: &CouncilData, recipients: &Recipients, today: NaiveDate) -> Value {
    Value::from_serialize(council_by_party(council, recipients, today))
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::diagnostics::Diagnostics;
    use test_case::test_case;

    fn example() -> (CouncilData, Recipients) {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site");
        let council = crate::council::load::load(&root).unwrap_or_else(|d| panic!("{d}"));
        let mut diags = Diagnostics::new();
        let recipients = crate::contact::load::load(&root, &|_| true, &mut diags)
            .unwrap_or_else(|| panic!("{diags}"));
        (council, recipients)
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// The example's ministers: Foort van Oosten (VVD) from 5 September
    /// 2025 until 23 February 2026, then David van Weel (VVD). The Council
    /// meetings of June and October 2024 came before the first minister on
    /// record and are left out.
    #[test_case("vvd", "2026-12-04", &[
        ("14 oktober 2025", "een stemming van de EU-ministers van Justitie ging niet door", "tegen", "Foort van Oosten"),
        ("26 november 2025", "de EU-ambassadeurs bereikten een akkoord", "tegen", "Foort van Oosten"),
    ]; "VVD held the file at both meetings of autumn 2025")]
    #[test_case("vvd", "2025-11-25", &[
        ("14 oktober 2025", "een stemming van de EU-ministers van Justitie ging niet door", "tegen", "Foort van Oosten"),
    ]; "a meeting after the build day is not yet history")]
    #[test_case("d66", "2026-12-04", &[]; "a party without a minister on record has no Council steps")]
    fn council_steps_of_a_party(party: &str, today: &str, expected: &[(&str, &str, &str, &str)]) {
        let (council, recipients) = example();
        let by_party = council_by_party(&council, &recipients, day(today));
        let steps: Vec<(&str, &str, &str, &str)> = by_party
            .get(party)
            .map(|steps| {
                steps
                    .iter()
                    .map(|s| {
                        (
                            s.date.as_str(),
                            s.what,
                            s.position.as_str(),
                            s.minister.as_str(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(steps, expected);
    }

    #[test]
    fn a_minister_without_a_party_is_not_credited_to_one() {
        let (council, mut recipients) = example();
        for other in &mut recipients.others {
            other.party = None;
        }
        assert!(council_by_party(&council, &recipients, day("2026-12-04")).is_empty());
    }
}
