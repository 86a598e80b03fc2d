//! The Council's standing on a date: which position each state counts with,
//! the decision in force, and what the next vote would give.
//!
//! This is the domain the command line, the /raad/ pages, the home page and
//! the share cards all show, so it lives here and not in any of them.
//! Positions are taken from the data: for each state, the claims of the
//! latest date on or before the date looked at, about the text under
//! discussion then (see [`CouncilData::stance_at`]). States without such a
//! claim count as undecided; disputed states count as described in
//! [`counted_position`]. Then each what-if [`Change`] is applied in order.
//! Population figures are those of the year of the date or the latest
//! complete year before it (or, when there is none, the earliest complete
//! year; [`Standing`] says so).

use chrono::NaiveDate;

use super::model::{CouncilData, Position};
use super::qmv::{Evaluation, Rule, Voter, evaluate};
use crate::diagnostics::Diagnostic;
use crate::msg;

/// One `--set` change: a state (or all) and a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Give every state this position.
    All(Position),
    /// Give one state this position.
    One(&'static str, Position),
}

/// The position the rules count for a state whose sources disagree.
///
/// One claimed position counts as it is; none counts as undecided. When
/// sources disagree, the state counts as undecided, except under the majority
/// rules when no source says "support": then against and abstaining are the
/// same thing and the state counts as not in favour (as against).
pub fn counted_position(claimed: &[Position], rule: Rule) -> Position {
    match claimed {
        [] => Position::Undecided,
        [one] => *one,
        many if rule != Rule::Unanimity
            && many
                .iter()
                .all(|p| matches!(p, Position::Oppose | Position::Abstain)) =>
        {
            Position::Oppose
        }
        _ => Position::Undecided,
    }
}

/// One state's position as used in the vote, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatePosition {
    /// Country code.
    pub code: &'static str,
    /// Population used.
    pub population: u64,
    /// The position counted.
    pub position: Position,
    /// True when no claim was known (before any `--set`).
    pub unknown: bool,
    /// True when the latest claims disagree (before any `--set`).
    pub disputed: bool,
    /// True when a `--set` changed it.
    pub set: bool,
    /// True when the position comes from the votes recorded at a decision
    /// (reported by a source, or counted with "the others").
    pub from_decision: bool,
}

/// Positions and the evaluation they give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Every state's counted position.
    pub states: Vec<StatePosition>,
    /// The result.
    pub evaluation: Evaluation,
}

/// The Council decision in force on the date looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionInForce {
    /// Id of the moment that took it.
    pub moment: String,
    /// The result of the recorded votes (without `--set` changes).
    pub evaluation: Evaluation,
}

/// The standing on a date: positions, population figures and the evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The date looked at.
    pub date: NaiveDate,
    /// The rule applied.
    pub rule: Rule,
    /// Id of the text under discussion, if any.
    pub text: Option<String>,
    /// The population year used.
    pub population_year: i32,
    /// True when the population figures are derived rather than official.
    pub population_derived: bool,
    /// True when a later year's figures had to be used.
    pub later_population_year: bool,
    /// Every state's counted position: the votes of the decision in force,
    /// or else the latest claims; then the `--set` changes.
    pub states: Vec<StatePosition>,
    /// The result.
    pub evaluation: Evaluation,
    /// The `--set` changes applied, in order.
    pub changes: Vec<Change>,
    /// The decision in force on the date, if any.
    pub decision: Option<DecisionInForce>,
    /// With a decision in force: the projection for the next decision point,
    /// from the recorded votes updated by claims made after the decision,
    /// then the `--set` changes.
    pub next: Option<Count>,
}

impl Standing {
    /// What the next vote would give: the projection after a decision, or
    /// the standing itself when no decision is in force.
    pub fn projection(&self) -> (&[StatePosition], &Evaluation) {
        match &self.next {
            Some(next) => (&next.states, &next.evaluation),
            None => (&self.states, &self.evaluation),
        }
    }
}

fn apply(states: &mut [StatePosition], changes: &[Change]) {
    for change in changes {
        for state in states.iter_mut() {
            match *change {
                Change::All(p) => {
                    state.position = p;
                    state.set = true;
                }
                Change::One(code, p) if code == state.code => {
                    state.position = p;
                    state.set = true;
                }
                Change::One(..) => {}
            }
        }
    }
}

fn count(states: Vec<StatePosition>, rule: Rule) -> Count {
    let voters: Vec<Voter> = states
        .iter()
        .map(|s| Voter::new(s.code, s.population, s.position))
        .collect();
    Count {
        evaluation: evaluate(rule, &voters),
        states,
    }
}

impl Change {
    /// The change as typed on the command line, e.g. `NL=oppose`.
    pub fn label(&self) -> String {
        match self {
            Change::All(p) => format!("ALL={p}"),
            Change::One(code, p) => format!("{code}={p}"),
        }
    }
}

/// Works out the standing on `date` under `rule`, after applying `changes`.
/// Fails when no complete population year exists.
pub fn standing(
    data: &CouncilData,
    date: NaiveDate,
    rule: Rule,
    changes: &[Change],
) -> Result<Standing, Diagnostic> {
    let choice = data.population_at(date).ok_or_else(|| {
        Diagnostic::error(
            "state-no-complete-year",
            "data/council/states.toml",
            0,
            0,
            msg!(
                "no complete population year",
                "er is geen compleet bevolkingsjaar"
            ),
        )
        .with_hint(msg!(
            "mark a year with a figure for every state as complete = true",
            "zet complete = true bij een jaar met een cijfer voor elke lidstaat"
        ))
    })?;
    let from_claims = |code: &'static str, population: u64| {
        let stance = data.stance_at(code, date);
        StatePosition {
            code,
            population,
            position: counted_position(&stance.positions(), rule),
            unknown: stance.is_unknown(),
            disputed: stance.is_disputed(),
            set: false,
            from_decision: false,
        }
    };
    let decision = data.decision_at(date);
    let recorded = |code: &'static str, population: u64, vote: Position| StatePosition {
        code,
        population,
        position: vote,
        unknown: false,
        disputed: false,
        set: false,
        from_decision: true,
    };
    let base: Vec<StatePosition> = choice
        .figures
        .iter()
        .map(|&(code, population)| match decision {
            Some((_, d)) => recorded(code, population, d.vote_of(code)),
            None => from_claims(code, population),
        })
        .collect();
    let (decision_in_force, next) = match decision {
        Some((moment, d)) => {
            // The decision was taken by qualified majority, whatever --rule asks.
            let recorded_count = count(base.clone(), Rule::Qmv);
            // Claims made after the decision are about the next decision point.
            let mut next: Vec<StatePosition> = choice
                .figures
                .iter()
                .map(|&(code, population)| {
                    let later = data.claims_between(code, moment.date.effective, date);
                    if later.is_unknown() {
                        recorded(code, population, d.vote_of(code))
                    } else {
                        StatePosition {
                            disputed: later.is_disputed(),
                            from_decision: false,
                            ..recorded(code, population, counted_position(&later.positions(), rule))
                        }
                    }
                })
                .collect();
            apply(&mut next, changes);
            (
                Some(DecisionInForce {
                    moment: moment.id.clone(),
                    evaluation: recorded_count.evaluation,
                }),
                Some(count(next, rule)),
            )
        }
        None => (None, None),
    };
    let mut states = base;
    apply(&mut states, changes);
    let current = count(states, rule);
    let text = match decision {
        Some((moment, _)) => Some(moment.text.clone()),
        None => data.text_at(date).map(|t| t.id.clone()),
    };
    Ok(Standing {
        date,
        rule,
        text,
        population_year: choice.year.year,
        population_derived: choice.year.precision == super::model::Precision::Derived,
        later_population_year: choice.later_year_used,
        evaluation: current.evaluation,
        states: current.states,
        changes: changes.to_vec(),
        decision: decision_in_force,
        next,
    })
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::council::model::ClaimDate;
    use crate::council::qmv::Outcome;
    use test_case::test_case;

    #[test]
    fn positions_follow_the_claims_over_time() {
        let data =
            crate::council::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site")).unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let nl = |date: &str| {
            let s = standing(&data, day(date), Rule::Qmv, &[]).unwrap();
            s.states.iter().find(|s| s.code == "NL").unwrap().position
        };
        assert_eq!(nl("2025-11-24"), Position::Abstain);
        assert_eq!(nl("2025-11-26"), Position::Oppose);
        assert_eq!(nl("2025-10-01"), Position::Oppose);
        // Autumn 2025 on the Danish July text: Germany's no made a blocking minority.
        let autumn = standing(&data, day("2025-10-10"), Rule::Qmv, &[]).unwrap();
        assert_eq!(autumn.evaluation.outcome, Outcome::Blocked);
        // Before Germany's no on 8 October it depended on the undecided.
        let before = standing(&data, day("2025-10-01"), Rule::Qmv, &[]).unwrap();
        assert_eq!(before.evaluation.outcome, Outcome::Depends);
        assert!(before.evaluation.pivotal.contains(&"DE".to_string()));
    }

    fn example_data() -> CouncilData {
        crate::council::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site")).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test_case("2025-11-25", None; "the day before: nothing of it shows")]
    #[test_case("2025-11-26", Some(Outcome::Adopted); "on the day")]
    #[test_case("2026-06-30", Some(Outcome::Adopted); "months later")]
    fn a_decision_counts_from_its_date(at: &str, decided: Option<Outcome>) {
        let data = example_data();
        let s = standing(&data, day(at), Rule::Qmv, &[]).unwrap();
        assert_eq!(s.decision.as_ref().map(|d| d.evaluation.outcome), decided);
        assert_eq!(s.next.is_some(), decided.is_some());
        if let Some(outcome) = decided {
            assert_eq!(s.evaluation.outcome, outcome);
            let nl = s.states.iter().find(|s| s.code == "NL").unwrap();
            assert_eq!(nl.position, Position::Oppose);
            assert!(s.states.iter().all(|s| s.from_decision && !s.unknown));
        } else {
            assert!(s.states.iter().any(|s| s.unknown));
        }
    }

    #[test]
    fn a_claim_after_the_decision_is_about_the_next_vote() {
        let mut data = example_data();
        let mut claim = data.claims_of("DE").last().unwrap().clone();
        claim.date = ClaimDate::parse("2026-02-10").unwrap();
        claim.position = Position::Oppose;
        data.claims.push(claim);
        let before = standing(&data, day("2026-02-09"), Rule::Qmv, &[]).unwrap();
        let after = standing(&data, day("2026-02-10"), Rule::Qmv, &[]).unwrap();
        let de =
            |states: &[StatePosition]| states.iter().find(|s| s.code == "DE").unwrap().position;
        // The decision stays as it was taken ...
        assert_eq!(after.evaluation.outcome, Outcome::Adopted);
        assert_eq!(de(&after.states), Position::Support);
        assert_eq!(after.decision, before.decision);
        // ... while the projection for the next vote follows the new claim:
        // NL, PL, CZ, IT and DE hold 46.5%, more than 35%.
        assert_eq!(de(&before.next.as_ref().unwrap().states), Position::Support);
        let next = after.next.as_ref().unwrap();
        assert_eq!(de(&next.states), Position::Oppose);
        assert_eq!(next.evaluation.outcome, Outcome::Blocked);
    }

    #[test_case(&[Position::Oppose, Position::Abstain], Rule::Qmv, Position::Oppose; "both not in favour")]
    #[test_case(&[Position::Oppose, Position::Abstain], Rule::Unanimity, Position::Undecided; "differs under unanimity")]
    #[test_case(&[Position::Support, Position::Abstain], Rule::Qmv, Position::Undecided; "support disputed")]
    #[test_case(&[], Rule::Qmv, Position::Undecided; "unknown")]
    fn counts_disputed_positions(claimed: &[Position], rule: Rule, expected: Position) {
        assert_eq!(counted_position(claimed, rule), expected);
    }
}
