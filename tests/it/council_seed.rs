//! Seed 001 (a news post of 24 November 2025 about the Netherlands moving
//! from voting against to abstaining) as a test: on that date the data says
//! the Netherlands would abstain, and the arithmetic is the same as for a
//! vote against. With late-November positions (Czechia, the Netherlands and
//! Poland against, Italy abstaining, the rest in favour) the proposal is
//! adopted either way.

use std::path::Path;

use chatcontrole::council::Position;
use chatcontrole::council::qmv::{Outcome, Rule};
use chatcontrole::council::standing::{Change, standing};
use chrono::NaiveDate;

/// The `date:` of the seed's front matter, or None when the seeds are absent.
fn seed_date() -> Option<NaiveDate> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/001_3bf8836c5ca33bb1.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: ../shared/seeds not found");
        return None;
    };
    let line = text.lines().find(|l| l.starts_with("date:"))?;
    NaiveDate::parse_from_str(line.trim_start_matches("date:").trim(), "%Y-%m-%d").ok()
}

#[test]
fn abstaining_or_voting_against_gives_the_same_numbers() {
    let Some(date) = seed_date() else { return };
    let data = chatcontrole::council::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("site"))
        .unwrap_or_else(|d| panic!("{d}"));
    let on_the_day = standing(&data, date, Rule::Qmv, &[]).unwrap();
    let nl = on_the_day.states.iter().find(|s| s.code == "NL").unwrap();
    assert_eq!(
        nl.position,
        Position::Abstain,
        "the letter of 18 November announced an abstention"
    );

    let late_november = |nl: Position| {
        let changes = [
            Change::All(Position::Support),
            Change::One("CZ", Position::Oppose),
            Change::One("PL", Position::Oppose),
            Change::One("IT", Position::Abstain),
            Change::One("NL", nl),
        ];
        standing(&data, date, Rule::Qmv, &changes)
            .unwrap()
            .evaluation
    };
    let against = late_november(Position::Oppose);
    let abstain = late_november(Position::Abstain);
    assert_eq!(against.outcome, Outcome::Adopted);
    assert_eq!(abstain.outcome, Outcome::Adopted);
    assert_eq!(against.in_favour, abstain.in_favour);
    assert_eq!(against.not_in_favour, abstain.not_in_favour);
    assert_eq!(against.in_favour.states, 23);
}
