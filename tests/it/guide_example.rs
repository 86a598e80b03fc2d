//! The example site's 2023 election: all 26 parties of the old stemwijzer with
//! the same verdicts, every evidence item classified, and the published rules
//! agreeing with the editors for at least 25 parties.

use std::path::Path;

use chatcontrole::guide::load;
use chatcontrole::guide::model::{Stance, VoteChoice};
use chatcontrole::guide::verdict::assess;

fn site() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/site"))
}

/// Party id and the symbol the 2023 page gave it.
const VERDICTS: [(&str, &str); 26] = [
    ("50plus", "?"),
    ("bbb", "🟠"),
    ("bij1", "✅"),
    ("bvnl", "✅"),
    ("cda", "❌"),
    ("christenunie", "❌"),
    ("d66", "🟠"),
    ("denk", "✅"),
    ("fvd", "✅"),
    ("groenlinks-pvda", "🟠"),
    ("ja21", "❌"),
    ("lef", "?"),
    ("lp", "✅"),
    ("nl-plan", "?"),
    ("nsc", "🟠"),
    ("pvdd", "✅"),
    ("partijvdsport", "❌"),
    ("piratenpartij", "✅"),
    ("basisinkomen", "?"),
    ("pvv", "🟠"),
    ("samen-voor-nederland", "?"),
    ("sp", "✅"),
    ("splinter", "✅"),
    ("sgp", "❌"),
    ("volt", "🟠"),
    ("vvd", "❌"),
];

#[test]
fn example_election_has_the_2023_verdicts() {
    let data = load(site()).unwrap_or_else(|d| panic!("{d}"));
    let election = data.election("tk2023").expect("tk2023");
    assert_eq!(election.path.to_string(), "/stemwijzer2023/");
    assert_eq!(election.entries.len(), 26);
    assert_eq!(election.districts.len(), 20);
    for (id, symbol) in VERDICTS {
        let entry = election
            .entry(id)
            .unwrap_or_else(|| panic!("no entry {id}"));
        assert_eq!(
            election.level(&entry.verdict).unwrap().symbol,
            symbol,
            "{id}"
        );
    }
}

#[test]
fn rules_agree_with_the_editors_or_a_reason_is_given() {
    let data = load(site()).unwrap();
    let election = data.election("tk2023").unwrap();
    let mut agree = 0;
    for entry in &election.entries {
        let a = assess(election, entry);
        if a.agrees {
            agree += 1;
            assert!(
                entry.override_reason.is_none(),
                "{} needs no override_reason",
                entry.party
            );
        } else {
            assert!(
                entry.override_reason.is_some(),
                "{} differs from the rules without a reason",
                entry.party
            );
        }
    }
    assert!(agree >= 25, "rules agree for only {agree} parties");
}

#[test]
fn every_evidence_item_is_classified() {
    let data = load(site()).unwrap();
    for entry in &data.election("tk2023").unwrap().entries {
        for e in &entry.evidence {
            assert_ne!(
                e.stance,
                Stance::Unclassified,
                "{}: {:?}",
                entry.party,
                e.origin
            );
            if matches!(
                e.stance,
                Stance::Protects | Stance::Undermines | Stance::Mixed
            ) {
                assert!(e.strength.is_some(), "{}", entry.party);
            }
        }
    }
}

#[test]
fn items_say_which_vote_protects() {
    let data = load(site()).unwrap();
    assert_eq!(
        data.item("2023Z07239").unwrap().protects,
        Some(VoteChoice::For)
    );
    assert_eq!(
        data.item("36263").unwrap().protects,
        Some(VoteChoice::Against)
    );
}
