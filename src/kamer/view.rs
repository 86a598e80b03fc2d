//! What a party page shows of the current Kamer (template global `kamer`):
//! per party its seats and, for each motion on chat control, what it asked,
//! the result, who moved it, the party's own vote where a source gives it
//! (and plainly that ours do not, where they do not), and the source in
//! honest words.

use minijinja::Value;
use serde::Serialize;

use super::model::Kamer;
use crate::council::local_text::Phrase;
use crate::guide::model::{GuideData, VoteChoice};
use crate::locale::Locale;
use crate::provenance::Wording;

/// The current Kamer as the template global `kamer`.
#[derive(Debug, Clone, Serialize)]
pub struct KamerView {
    /// "29 oktober 2025", in the page's language.
    pub elected_on: String,
    /// "12 november 2025", in the page's language.
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
    /// "1 zetel" or "26 seats" (`kamer_seats`); empty when none.
    pub seats_label: String,
    /// The motions, oldest first.
    pub motions: Vec<MotionView>,
}

/// A motion as one party's page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct MotionView {
    /// "motie-Kathmann c.s.", a Dutch name (marked so on other pages).
    pub name: Phrase,
    /// What it asked, in the page's language or marked Dutch.
    pub about: Phrase,
    /// The mover's party name.
    pub mover: String,
    /// True when this party moved it.
    pub moved_by_this_party: bool,
    /// "aangenomen" or "rejected".
    pub result: String,
    /// True when it was adopted.
    pub adopted: bool,
    /// The day of the vote, in the page's language.
    pub voted_on: String,
    /// True when adopting it protects confidential communication.
    pub protects: bool,
    /// This party's vote ("vóór"/"against"), when a source gives it.
    pub vote: Option<String>,
    /// Where the result comes from.
    pub source: Wording,
}

/// Builds the global for every party of `guide` (parties without seats get
/// an entry with 0 seats, so their pages can say so), in `locale`'s words.
pub fn template_value_in(kamer: &Kamer, guide: Option<&GuideData>, locale: &Locale) -> Value {
    Value::from_serialize(view(kamer, guide, locale))
}

/// A vote in words: "vóór", "against", "did not vote" (`kamer_vote_<id>`).
fn vote_word(vote: VoteChoice, locale: &Locale) -> String {
    locale.t(&format!("kamer_vote_{}", vote.id()))
}

/// The view itself (for tests and the global).
pub fn view(kamer: &Kamer, guide: Option<&GuideData>, locale: &Locale) -> KamerView {
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
                .map(|m| {
                    let mut motion_name = Phrase::default();
                    motion_name.push_dutch_name(&m.name, locale);
                    MotionView {
                        name: motion_name,
                        about: m.about.phrase(locale),
                        mover: name(&m.mover_party),
                        moved_by_this_party: m.mover_party == id,
                        result: crate::levels::kamer::result_word(m.adopted, locale),
                        adopted: m.adopted,
                        voted_on: locale.date(m.voted_on),
                        protects: m.protects,
                        vote: m
                            .votes
                            .iter()
                            .find(|(p, _)| *p == id)
                            .map(|(_, v)| vote_word(*v, locale)),
                        source: m.source.wording_in(locale),
                    }
                })
                .collect();
            let seats_label = match seats {
                0 => String::new(),
                n => locale.tn("kamer_seats", i64::from(n)),
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
        elected_on: locale.date(kamer.elected_on),
        installed_on: locale.date(kamer.installed_on),
        total_seats: kamer.total_seats(),
        seats_source: kamer.seats_source.wording_in(locale),
        parties,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;
    use std::path::Path;

    fn example() -> KamerView {
        example_in(&Locale::builtin("nl"))
    }

    fn example_in(locale: &Locale) -> KamerView {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let guide = crate::guide::load(&site).expect("the example guide loads");
        let mut diags = Diagnostics::new();
        let kamer = super::super::load::load(&site, &|id| guide.party(id).is_some(), &mut diags)
            .expect("the example has data/kamer.toml");
        assert!(diags.is_empty(), "{}", diags.report());
        view(&kamer, Some(&guide), locale)
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

    #[test]
    fn in_english_seats_results_and_days_are_english() {
        let v = example_in(&Locale::builtin("en"));
        assert_eq!(v.parties["volt"].seats_label, "1 seat");
        assert_eq!(v.parties["d66"].seats_label, "26 seats");
        assert_eq!(v.elected_on, "29 October 2025");
        let gl = &v.parties["groenlinks-pvda"].motions[0];
        assert_eq!(gl.result, "adopted");
        assert_eq!(
            gl.name.html(),
            r#"<span lang="nl">motie-Kathmann c.s.</span>"#,
            "a Dutch name is marked Dutch"
        );
        assert!(
            gl.about.html().starts_with("Asks the cabinet"),
            "{}",
            gl.about.html()
        );
    }
}
