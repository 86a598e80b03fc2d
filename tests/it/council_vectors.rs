//! Checks `council::qmv` against the shared test vectors in
//! `tests/fixtures/qmv_vectors.json` (the same file the JavaScript what-if
//! calculator is tested with), and checks the vectors themselves against a
//! brute-force oracle written here from the rules alone.

use crate::common;

use chatcontrole::council::Position;
use chatcontrole::council::qmv::{Outcome, Rule, Voter, evaluate};
use common::qmv_vectors::{rule, vectors, voters};
use serde_json::Value;

fn strings(value: &Value) -> Option<Vec<String>> {
    value
        .as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
}

#[test]
fn there_are_at_least_sixty_vectors() {
    assert!(vectors().len() >= 60);
}

#[test]
fn rust_engine_matches_every_vector() {
    for vector in vectors() {
        let name = vector["name"].as_str().unwrap();
        let e = evaluate(rule(&vector), &voters(&vector));
        let want = &vector["expected"];
        assert_eq!(e.outcome.as_str(), want["outcome"], "{name}: outcome");
        assert_eq!(
            e.in_favour.states as u64,
            want["in_favour"]["states"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            e.in_favour.population,
            want["in_favour"]["population"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            e.not_in_favour.states as u64,
            want["not_in_favour"]["states"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            e.not_in_favour.population,
            want["not_in_favour"]["population"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            Some(e.undecided),
            strings(&want["undecided"]),
            "{name}: undecided"
        );
        assert_eq!(
            Some(e.pivotal),
            strings(&want["pivotal"]),
            "{name}: pivotal"
        );
        assert_eq!(e.to_adopt, strings(&want["to_adopt"]), "{name}: to_adopt");
        assert_eq!(e.to_block, strings(&want["to_block"]), "{name}: to_block");
    }
}

// ---- an independent oracle, from the rules alone ----

/// The rules for fully decided positions.
fn passes(rule: Rule, voters: &[Voter]) -> bool {
    let n = voters.len() as u128;
    let total: u128 = voters.iter().map(|v| v.population as u128).sum();
    let yes: Vec<&Voter> = voters
        .iter()
        .filter(|v| v.position == Position::Support)
        .collect();
    let (ys, yp) = (
        yes.len() as u128,
        yes.iter().map(|v| v.population as u128).sum::<u128>(),
    );
    match rule {
        Rule::Unanimity => ys >= 1 && !voters.iter().any(|v| v.position == Position::Oppose),
        Rule::Qmv => (100 * ys >= 55 * n && 100 * yp >= 65 * total) || n - ys < 4,
        Rule::Reinforced => 100 * ys >= 72 * n && 100 * yp >= 65 * total,
    }
}

/// Every way the undecided states (except `skip`) could vote.
fn resolutions(rule: Rule, voters: &[Voter], skip: Option<usize>) -> Vec<Vec<Voter>> {
    let choices: &[Position] = if rule == Rule::Unanimity {
        &[Position::Support, Position::Abstain, Position::Oppose]
    } else {
        &[Position::Support, Position::Oppose]
    };
    let mut all = vec![voters.to_vec()];
    for (i, v) in voters.iter().enumerate() {
        if v.position != Position::Undecided || Some(i) == skip {
            continue;
        }
        all = all
            .into_iter()
            .flat_map(|base| {
                choices.iter().map(move |p| {
                    let mut next = base.clone();
                    next[i].position = *p;
                    next
                })
            })
            .collect();
    }
    all
}

#[test]
fn vectors_agree_with_brute_force() {
    let mut checked = 0;
    for vector in vectors() {
        let (rule, voters) = (rule(&vector), voters(&vector));
        let undecided = voters
            .iter()
            .filter(|v| v.position == Position::Undecided)
            .count();
        if undecided > 10 {
            continue;
        }
        let results: Vec<bool> = resolutions(rule, &voters, None)
            .iter()
            .map(|r| passes(rule, r))
            .collect();
        let outcome = match (results.iter().all(|r| *r), results.iter().any(|r| *r)) {
            (true, _) => Outcome::Adopted,
            (false, false) => Outcome::Blocked,
            _ => Outcome::Depends,
        };
        let mut pivotal: Vec<String> = Vec::new();
        for (i, v) in voters.iter().enumerate() {
            if v.position != Position::Undecided {
                continue;
            }
            let swing = resolutions(rule, &voters, Some(i))
                .into_iter()
                .any(|mut r| {
                    r[i].position = Position::Support;
                    let yes = passes(rule, &r);
                    r[i].position = Position::Oppose;
                    yes && !passes(rule, &r)
                });
            if swing {
                pivotal.push(v.code.clone());
            }
        }
        pivotal.sort();
        let want = &vector["expected"];
        let name = vector["name"].as_str().unwrap();
        assert_eq!(outcome.as_str(), want["outcome"], "{name}");
        assert_eq!(Some(pivotal), strings(&want["pivotal"]), "{name}");
        checked += 1;
    }
    assert!(
        checked >= 60,
        "only {checked} vectors small enough to brute-force"
    );
}

/// With all 27 undecided, every state is pivotal: give the 14 largest other
/// states "support" and the rest "oppose". Without this state 14 states are
/// in favour (fewer than 15), so it is blocked; with it, 15 states holding
/// well over 65% are in favour, so it is adopted.
#[test]
fn all_undecided_vector_follows_from_the_argument() {
    let vector = vectors()
        .into_iter()
        .find(|v| v["name"] == "all undecided")
        .expect("vector `all undecided`");
    let voters = voters(&vector);
    for (i, state) in voters.iter().enumerate() {
        let mut others: Vec<usize> = (0..voters.len()).filter(|j| *j != i).collect();
        others.sort_by_key(|j| std::cmp::Reverse(voters[*j].population));
        let mut r: Vec<Voter> = voters.clone();
        for (rank, j) in others.iter().enumerate() {
            r[*j].position = if rank < 14 {
                Position::Support
            } else {
                Position::Oppose
            };
        }
        r[i].position = Position::Oppose;
        assert!(!passes(Rule::Qmv, &r), "{}", state.code);
        r[i].position = Position::Support;
        assert!(passes(Rule::Qmv, &r), "{}", state.code);
    }
    assert_eq!(strings(&vector["expected"]["pivotal"]).unwrap().len(), 27);
}
