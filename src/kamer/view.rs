//! What a party page shows of the current Kamer (template global `kamer`):
//! per party its seats and, for each motion on chat control, what it asked,
//! the result, who moved it, the party's own vote where a source gives it
//! (and plainly that ours do not, where they do not), and the source in
//! honest words.

use minijinja::Value;
use serde::Serialize;

use super::model::Kamer;
use crate::content::dates::dutch_day;
use crate::guide::model::GuideData;
use crate::provenance::Wording;

/// The current Kamer as the template global `kamer`.
#[derive(Debug, Clone, Serialize)]
pub struct KamerView {
    /// "29 oktober 2025".
    pub elected_on: String,
    /// "12 november 2025".
    pub installed_on: String,
    /// Seats recorded in all (150 when complete).
    pub total_seats: u32,
    /// Where the seats come from.
    pub seats_source: Wording,
    /// Per party id: its seats and the motions, worded for that party.
    pub parties: std::collections::BTreeMap<String, PartyInKamer>,
}

/// One party in the current Kamer.
#[derive(Debug, Clone, Serialize)]
pub struct PartyInKamer {
    /// Its seats; 0 when it has none.
    pub seats: u32,
    /// "1 zetel" or "26 zetels"; empty when none.
    pub seats_label: String,
    /// The motions, oldest first.
    pub motions: Vec<MotionView>,
}

/// A motion as one party's page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct MotionView {
    /// "motie-Kathmann c.s.".
    pub name: String,
    /// What it asked.
    pub about: String,
    /// The mover's party name.
    pub mover: String,
    /// True when this party moved it.
    pub moved_by_this_party: bool,
    /// "aangenomen" or "verworpen".
    pub result: &'static str,
    /// The day of the vote, in Dutch.
    pub voted_on: String,
    /// True when adopting it protects confidential communication.
    pub protects: bool,
    /// This party's vote ("vóór"/"tegen"), when a source gives it.
    pub vote: Option<&'static str>,
    /// Where the result comes from.
    pub source: Wording,
}

/// Builds the global for every party of `guide` (parties without seats get
/// an entry with 0 seats, so their pages can say so).
pub fn template_value(kamer: &Kamer, guide: Option<&GuideData>) -> Value {
    Value::from_serialize(view(kamer, guide))
}

/// The view itself (for tests and the global).
pub fn view(kamer: &Kamer, guide: Option<&GuideData>) -> KamerView {
    let name = |id: &str| {
        guide
            .and_then(|g| g.party(id))
            .map(|p| p.short_name.clone().unwrap_or_else(|| p.name.clone()))
            .unwrap_or_else(|| id.to_string())
    };
    let mut ids: Vec<String> = kamer.seats.iter().map(|(p, _)| p.clone()).collect();
    if let Some(g) = guide {
        ids.extend(g.parties.iter().map(|p| p.id.clone()));
    }
    ids.sort();
    ids.dedup();
    let parties = ids
        .into_iter()
        .map(|id| {
            let seats = kamer.seats_of(&id).unwrap_or(0);
            let motions = kamer
                .motions
                .iter()
                .map(|m| MotionView {
                    name: m.name.clone(),
                    about: m.about.clone(),
                    mover: name(&m.mover_party),
                    moved_by_this_party: m.mover_party == id,
                    result: if m.adopted { "aangenomen" } else { "verworpen" },
                    voted_on: dutch_day(m.voted_on),
                    protects: m.protects,
                    vote: m
                        .votes
                        .iter()
                        .find(|(p, _)| *p == id)
                        .map(|(_, v)| v.dutch()),
                    source: m.source.wording(),
                })
                .collect();
            let seats_label = match seats {
                0 => String::new(),
                1 => "1 zetel".to_string(),
                n => format!("{n} zetels"),
            };
            (
                id,
                PartyInKamer {
                    seats,
                    seats_label,
                    motions,
                },
            )
        })
        .collect();
    KamerView {
        elected_on: dutch_day(kamer.elected_on),
        installed_on: dutch_day(kamer.installed_on),
        total_seats: kamer.total_seats(),
        seats_source: kamer.seats_source.wording(),
        parties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use std::path::Path;

    fn example() -> KamerView {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let guide = crate::guide::load(&site).expect("the example guide loads");
        let mut diags = Diagnostics::new();
        let kamer = super::super::load::load(&site, &|id| guide.party(id).is_some(), &mut diags)
            .expect("the example has data/kamer.toml");
        assert!(diags.is_empty(), "{}", diags.report());
        view(&kamer, Some(&guide))
    }

    #[test]
    fn the_example_kamer_has_150_seats() {
        assert_eq!(example().total_seats, 150);
    }

    #[test]
    fn seats_are_singular_or_plural() {
        let v = example();
        assert_eq!(v.parties["volt"].seats_label, "1 zetel");
        assert_eq!(v.parties["d66"].seats_label, "26 zetels");
        assert_eq!(v.parties["nsc"].seats_label, "");
    }

    #[test]
    fn a_party_sees_its_own_motion_and_no_invented_vote() {
        let v = example();
        let gl = &v.parties["groenlinks-pvda"].motions[0];
        assert!(gl.moved_by_this_party);
        assert_eq!(gl.result, "aangenomen");
        let vvd = &v.parties["vvd"].motions[0];
        assert!(!vvd.moved_by_this_party);
        assert_eq!(vvd.vote, None, "no source gives the VVD's vote");
        assert!(vvd.source.plain().starts_with("volgens "));
    }
}
