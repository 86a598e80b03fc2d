//! The acceptance cases of the Council tracker through the command line
//! (`chatcontrole council --set … --json`), on the example site's data.

use crate::common;

use common::{example_site, run};
use serde_json::Value;

fn council(sets: &[&str]) -> Value {
    let site = example_site();
    let mut args = vec![
        "council",
        "--site",
        site.to_str().unwrap(),
        "--at",
        "2025-11-30",
        "--json",
    ];
    for set in sets {
        args.push("--set");
        args.push(set);
    }
    let result = run(&args);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    serde_json::from_slice(&result.stdout).expect("JSON output")
}

#[test]
fn three_large_states_cannot_block() {
    let v = council(&["ALL=support", "DE=oppose", "FR=oppose", "IT=oppose"]);
    assert_eq!(v["outcome"], "adopted");
    assert_eq!(v["not_in_favour"]["states"], 3);
    assert_eq!(v["rule"], "qmv");
}

#[test]
fn four_large_states_block() {
    let v = council(&[
        "ALL=support",
        "DE=oppose",
        "FR=oppose",
        "IT=oppose",
        "ES=oppose",
    ]);
    assert_eq!(v["outcome"], "blocked");
}

#[test]
fn fourteen_most_populous_states_are_too_few() {
    let largest = [
        "DE", "FR", "IT", "ES", "PL", "RO", "NL", "BE", "CZ", "SE", "PT", "EL", "HU", "AT",
    ];
    let mut sets = vec!["ALL=oppose".to_string()];
    sets.extend(largest.iter().map(|s| format!("{s}=support")));
    let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
    let v = council(&sets);
    assert_eq!(v["outcome"], "blocked");
    assert_eq!(v["in_favour"]["states"], 14);
    assert!(
        v["in_favour"]["population_share"].as_f64().unwrap() > 0.65,
        "population alone would suffice"
    );
}

#[test]
fn germany_undecided_is_pivotal() {
    let v = council(&[
        "ALL=support",
        "DE=undecided",
        "FR=oppose",
        "IT=oppose",
        "ES=oppose",
    ]);
    assert_eq!(v["outcome"], "depends");
    assert_eq!(v["pivotal"], serde_json::json!(["DE"]));
    assert_eq!(v["undecided"], serde_json::json!(["DE"]));
}

#[test]
fn abstaining_instead_of_opposing_changes_nothing() {
    let against = council(&[
        "ALL=support",
        "CZ=oppose",
        "NL=oppose",
        "PL=oppose",
        "IT=abstain",
    ]);
    let abstain = council(&[
        "ALL=support",
        "CZ=oppose",
        "NL=abstain",
        "PL=oppose",
        "IT=abstain",
    ]);
    assert_eq!(against["outcome"], "adopted");
    assert_eq!(abstain["outcome"], against["outcome"]);
    assert_eq!(abstain["not_in_favour"], against["not_in_favour"]);
}

#[test]
fn text_output_explains_and_bad_set_is_usage_error() {
    let site = example_site();
    let ok = run(&[
        "council",
        "--site",
        site.to_str().unwrap(),
        "--set",
        "ALL=support",
    ]);
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("onthouding"));
    let bad = run(&[
        "council",
        "--site",
        site.to_str().unwrap(),
        "--set",
        "XX=misschien",
    ]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

fn council_at(at: &str) -> Value {
    let site = example_site();
    let result = run(&[
        "council",
        "--site",
        site.to_str().unwrap(),
        "--at",
        at,
        "--json",
    ]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    serde_json::from_slice(&result.stdout).expect("JSON output")
}

/// The acceptance: the day after the Coreper vote the decided
/// outcome is reported with the decision (date, NL against, sources); the
/// day before it nothing of it shows.
#[test]
fn the_decision_of_26_november_2025_is_reported_from_that_day_on() {
    let after = council_at("2025-11-27");
    assert_eq!(after["outcome"], "adopted");
    let decision = &after["decision"];
    assert_eq!(decision["date"], "2025-11-26");
    assert_eq!(decision["body"], "coreper");
    assert_eq!(decision["outcome"], "adopted");
    assert_eq!(decision["votes"]["NL"], "oppose");
    assert!(!decision["sources"].as_array().unwrap().is_empty());
    assert!(decision["text"].is_string());

    let before = council_at("2025-11-25");
    assert!(before["decision"].is_null(), "{before}");
    assert!(before["projection"].is_null());
}
