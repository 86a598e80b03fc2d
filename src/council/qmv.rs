//! The voting rules of the Council of the EU, in exact integer arithmetic.
//!
//! Why this exists: the campaign needs to say, from the tracked positions,
//! whether the chat-control regulation would pass, and which undecided
//! governments decide it. Percentages are never computed as floating point
//! for a decision: "at least 65%" is `100 × part ≥ 65 × whole` on integers.
//!
//! # Rules (Art. 16(4) TEU, Art. 238 TFEU; Council voting-system page)
//!
//! * [`Rule::Qmv`], qualified majority on a Commission proposal: at least 55%
//!   of the participating states **and** at least 65% of their population in
//!   favour. A blocking minority needs at least [`MIN_BLOCKING_STATES`] (four)
//!   states not in favour; with fewer, the qualified majority is deemed reached
//!   even if the population condition fails. (For votes where not all 27 take
//!   part, Art. 238(3)(a) TFEU sets a different minimum; the CSA Regulation is
//!   voted on by all 27, so four is used throughout.)
//! * [`Rule::Reinforced`], when the Council does not act on a Commission
//!   proposal: at least 72% of the states and 65% of the population; there is
//!   no "deemed reached" clause.
//! * [`Rule::Unanimity`]: no state against. Abstentions do not prevent
//!   unanimity (Art. 238(4) TFEU). Our own choice for the degenerate case: at
//!   least one state must be in favour, so 27 abstentions adopt nothing.
//!
//! Under both majority rules an abstention counts exactly like a vote against:
//! only votes in favour count towards the thresholds.
//!
//! # Undecided states
//!
//! A *resolution* gives every undecided state a definite position (support,
//! oppose or abstain). The outcome is [`Outcome::Adopted`] or
//! [`Outcome::Blocked`] only when every resolution gives that result, and
//! [`Outcome::Depends`] otherwise. All rules are monotone (more support never
//! hurts), so it suffices to check "all undecided in favour" and "all
//! undecided against".
//!
//! An undecided state `u` is **pivotal** when there is a resolution of the
//! *other* undecided states under which `u`'s own choice changes the result:
//! adopted if `u` supports, blocked if `u` opposes. Only a `Depends` outcome
//! has pivotal states. (Found exactly: for each number of other undecided
//! states in favour, the population they would need lies in an interval; a
//! meet-in-the-middle subset search decides whether some group of that size
//! reaches it. Time and memory grow as 2^(undecided/2): instant for the 27
//! member states, not meant for councils of many more members.)
//!
//! The **smallest flip** is the smallest set of states whose change makes the
//! outcome certain the other way: `to_adopt` lists states (not in favour or
//! undecided) that would have to switch to support so the proposal is
//! adopted whatever the remaining undecided states do; `to_block` lists states
//! (in favour or undecided) that would have to switch to oppose so it is
//! blocked whatever the rest do. Among sets of the smallest size, the most
//! populous states are named (ties by code). Either is `None` when the outcome
//! is already certain that way or no change can achieve it.

use serde::Serialize;

use super::model::Position;

/// A blocking minority needs at least this many states not in favour.
pub const MIN_BLOCKING_STATES: usize = 4;

/// Which voting rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Qualified majority on a Commission proposal (55% of states, 65% of population).
    Qmv,
    /// Reinforced qualified majority (72% of states, 65% of population).
    Reinforced,
    /// Unanimity (no state against; abstentions allowed).
    Unanimity,
}

impl Rule {
    /// Parses `qmv`, `reinforced` or `unanimity`.
    pub fn parse(text: &str) -> Option<Rule> {
        match text.trim().to_ascii_lowercase().as_str() {
            "qmv" => Some(Rule::Qmv),
            "reinforced" => Some(Rule::Reinforced),
            "unanimity" => Some(Rule::Unanimity),
            _ => None,
        }
    }

    /// The keyword used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Qmv => "qmv",
            Rule::Reinforced => "reinforced",
            Rule::Unanimity => "unanimity",
        }
    }

    /// The rule's name: "gekwalificeerde meerderheid", "unanimity"
    /// (`council_rule_<keyword>`).
    pub fn label(self, locale: &crate::locale::Locale) -> String {
        locale.t(&format!("council_rule_{}", self.as_str()))
    }

    /// The percentage of states needed in favour, for the majority rules.
    pub fn state_percentage(self) -> Option<u128> {
        match self {
            Rule::Qmv => Some(55),
            Rule::Reinforced => Some(72),
            Rule::Unanimity => None,
        }
    }
}

/// Percentage of the population needed in favour under both majority rules.
pub const POPULATION_PERCENTAGE: u128 = 65;

/// One participating member state in a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voter {
    /// Country code (only used as a label).
    pub code: String,
    /// Population used for the vote.
    pub population: u64,
    /// Its position (undecided means: could still go any way).
    pub position: Position,
}

impl Voter {
    /// A voter from a code, population and position.
    pub fn new(code: impl Into<String>, population: u64, position: Position) -> Voter {
        Voter {
            code: code.into(),
            population,
            position,
        }
    }
}

/// A number of states and their combined population.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Number of states.
    pub states: usize,
    /// Their combined population.
    pub population: u64,
}

impl Tally {
    /// Counts one more state. Populations saturate instead of overflowing
    /// (real populations are far below `u64::MAX`).
    fn add(&mut self, population: u64) {
        self.states += 1;
        self.population = self.population.saturating_add(population);
    }
}

/// The result of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Adopted, whatever the undecided states do.
    Adopted,
    /// Blocked, whatever the undecided states do.
    Blocked,
    /// Adopted or blocked depending on the undecided states.
    Depends,
}

impl Outcome {
    /// The keyword used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Adopted => "adopted",
            Outcome::Blocked => "blocked",
            Outcome::Depends => "depends",
        }
    }

    /// The outcome in words: "aangenomen", "blocked"
    /// (`council_outcome_<keyword>`).
    pub fn label(self, locale: &crate::locale::Locale) -> String {
        locale.t(&format!("council_outcome_{}", self.as_str()))
    }

    /// The outcome in Dutch, for callers that do not render per language
    /// (the home page's summary); the same words as
    /// `Outcome::label(&Locale::builtin("nl"))`.
    pub fn label_nl(self) -> &'static str {
        match self {
            Outcome::Adopted => "aangenomen",
            Outcome::Blocked => "geblokkeerd",
            Outcome::Depends => "hangt af van de onbesliste lidstaten",
        }
    }
}

/// Everything the rules say about one set of positions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    /// The rule applied.
    pub rule: Rule,
    /// Adopted, blocked or depends.
    pub outcome: Outcome,
    /// All participating states.
    pub participating: Tally,
    /// States that support.
    pub in_favour: Tally,
    /// States that oppose or abstain.
    pub not_in_favour: Tally,
    /// Undecided states.
    pub undecided_tally: Tally,
    /// Codes of undecided states, sorted.
    pub undecided: Vec<String>,
    /// Codes of states that oppose, sorted.
    pub opposing: Vec<String>,
    /// Codes of states that abstain, sorted.
    pub abstaining: Vec<String>,
    /// Codes of pivotal undecided states, sorted (see the module documentation).
    pub pivotal: Vec<String>,
    /// Codes of undecided states whose choice alone decides, sorted: their
    /// support adopts and their opposition blocks, whatever the other
    /// undecided states do. A subset of `pivotal`.
    pub decisive: Vec<String>,
    /// Smallest set of states that must switch to support for a certain adoption.
    pub to_adopt: Option<Vec<String>>,
    /// Smallest set of states that must switch to oppose for a certain block.
    pub to_block: Option<Vec<String>>,
    /// Like `to_adopt`, but only from undecided states (the ones that could
    /// still move); `None` when they cannot do it on their own.
    pub to_adopt_undecided: Option<Vec<String>>,
    /// Like `to_block`, but only from undecided states.
    pub to_block_undecided: Option<Vec<String>>,
    /// States needed in favour (majority rules; 0 under unanimity).
    pub states_needed: usize,
    /// Population needed in favour (majority rules; 0 under unanimity).
    pub population_needed: u64,
}

/// Smallest integer `x` with `100 × x ≥ percentage × whole`.
fn needed(percentage: u128, whole: u128) -> u128 {
    (percentage * whole).div_ceil(100)
}

/// The fixed part of a vote: rule, size and the decided states in favour.
#[derive(Debug, Clone, Copy)]
struct Frame {
    rule: Rule,
    states: usize,
    population: u64,
    yes_states: usize,
    yes_population: u64,
    opposing: usize,
}

impl Frame {
    /// Is the proposal adopted when `extra` more states with `extra_population`
    /// vote in favour and `extra_opposing` more vote against?
    fn passes(&self, extra: usize, extra_population: u64, extra_opposing: usize) -> bool {
        let yes = (self.yes_states + extra) as u128;
        let yes_population = self.yes_population as u128 + extra_population as u128;
        let n = self.states as u128;
        match self.rule {
            Rule::Unanimity => self.opposing + extra_opposing == 0 && yes >= 1,
            Rule::Qmv | Rule::Reinforced => {
                let pct = self.rule.state_percentage().unwrap_or(100);
                let majority = 100 * yes >= pct * n
                    && 100 * yes_population >= POPULATION_PERCENTAGE * self.population as u128;
                let deemed = self.rule == Rule::Qmv && n - yes < MIN_BLOCKING_STATES as u128;
                majority || deemed
            }
        }
    }

    /// With `extra` undecided states in favour (and the other undecided ones
    /// not), the least population those `extra` states must have for
    /// adoption; `None` when no population is enough. Majority rules only.
    fn threshold(&self, extra: usize) -> Option<u128> {
        let yes = (self.yes_states + extra) as u128;
        let n = self.states as u128;
        if self.rule == Rule::Qmv && n - yes < MIN_BLOCKING_STATES as u128 {
            return Some(0);
        }
        let pct = self.rule.state_percentage()?;
        if 100 * yes < pct * n {
            return None;
        }
        let need = needed(POPULATION_PERCENTAGE, self.population as u128);
        Some(need.saturating_sub(self.yes_population as u128))
    }
}

/// Evaluates `voters` under `rule`. The order of `voters` does not matter.
pub fn evaluate(rule: Rule, voters: &[Voter]) -> Evaluation {
    let mut participating = Tally::default();
    let mut in_favour = Tally::default();
    let mut not_in_favour = Tally::default();
    let mut undecided_tally = Tally::default();
    let (mut undecided, mut opposing, mut abstaining) = (Vec::new(), Vec::new(), Vec::new());
    for v in voters {
        participating.add(v.population);
        match v.position {
            Position::Support => in_favour.add(v.population),
            Position::Oppose => {
                not_in_favour.add(v.population);
                opposing.push(v.code.clone());
            }
            Position::Abstain => {
                not_in_favour.add(v.population);
                abstaining.push(v.code.clone());
            }
            Position::Undecided => {
                undecided_tally.add(v.population);
                undecided.push(v.code.clone());
            }
        }
    }
    for list in [&mut undecided, &mut opposing, &mut abstaining] {
        list.sort();
    }
    let frame = Frame {
        rule,
        states: participating.states,
        population: participating.population,
        yes_states: in_favour.states,
        yes_population: in_favour.population,
        opposing: opposing.len(),
    };
    let u = undecided_tally;
    let best = frame.passes(u.states, u.population, 0);
    let worst = frame.passes(0, 0, u.states);
    let outcome = match (worst, best) {
        (true, _) => Outcome::Adopted,
        (false, false) => Outcome::Blocked,
        (false, true) => Outcome::Depends,
    };
    let pivotal = if outcome == Outcome::Depends {
        pivotal_states(&frame, voters)
    } else {
        Vec::new()
    };
    let decisive: Vec<String> = voters
        .iter()
        .filter(|v| pivotal.contains(&v.code))
        .filter(|v| {
            // Its support adopts even if every other undecided state opposes,
            // and its opposition blocks even if every other one supports.
            let rest = u.states - 1;
            let adopts = frame.passes(1, v.population, rest);
            let blocks = !frame.passes(rest, u.population - v.population, 1);
            adopts && blocks
        })
        .map(|v| v.code.clone())
        .collect();
    let to_adopt_undecided = (outcome == Outcome::Depends)
        .then(|| smallest_from_undecided(&frame, voters, u, true))
        .flatten();
    let to_block_undecided = (outcome == Outcome::Depends)
        .then(|| smallest_from_undecided(&frame, voters, u, false))
        .flatten();
    let (states_needed, population_needed) = match rule.state_percentage() {
        Some(pct) => (
            needed(pct, participating.states as u128) as usize,
            needed(POPULATION_PERCENTAGE, participating.population as u128) as u64,
        ),
        None => (0, 0),
    };
    Evaluation {
        rule,
        outcome,
        participating,
        in_favour,
        not_in_favour,
        undecided_tally,
        undecided,
        opposing,
        abstaining,
        pivotal,
        decisive,
        to_adopt_undecided,
        to_block_undecided,
        to_adopt: (outcome != Outcome::Adopted)
            .then(|| smallest_to_adopt(&frame, voters))
            .flatten(),
        to_block: (outcome != Outcome::Blocked)
            .then(|| smallest_to_block(&frame, voters, u))
            .flatten(),
        states_needed,
        population_needed,
    }
}

/// Voters sorted most populous first, ties by code.
fn by_population<'a>(voters: impl Iterator<Item = &'a Voter>) -> Vec<&'a Voter> {
    let mut list: Vec<&Voter> = voters.collect();
    list.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then_with(|| a.code.cmp(&b.code))
    });
    list
}

fn codes(voters: &[&Voter]) -> Vec<String> {
    voters.iter().map(|v| v.code.clone()).collect()
}

fn smallest_to_adopt(frame: &Frame, voters: &[Voter]) -> Option<Vec<String>> {
    let candidates = by_population(voters.iter().filter(|v| v.position != Position::Support));
    if frame.rule == Rule::Unanimity {
        let mut change: Vec<&Voter> = candidates
            .iter()
            .copied()
            .filter(|v| matches!(v.position, Position::Oppose | Position::Undecided))
            .collect();
        if change.is_empty() && frame.yes_states == 0 {
            change.extend(candidates.first());
        }
        // Every opposing and undecided state must change, and someone must be
        // in favour: that is the minimum. Afterwards nobody opposes.
        let ok = !change.is_empty() && frame.yes_states + change.len() >= 1;
        return ok.then(|| codes(&change));
    }
    let mut population = 0u64;
    for (k, v) in candidates.iter().enumerate() {
        population = population.saturating_add(v.population);
        if frame.passes(k + 1, population, 0) {
            return Some(codes(&candidates[..=k]));
        }
    }
    None
}

fn smallest_to_block(frame: &Frame, voters: &[Voter], undecided: Tally) -> Option<Vec<String>> {
    if frame.rule == Rule::Unanimity {
        let first = by_population(voters.iter().filter(|v| v.position != Position::Oppose));
        return first.first().map(|v| vec![v.code.clone()]);
    }
    let candidates = by_population(
        voters
            .iter()
            .filter(|v| matches!(v.position, Position::Support | Position::Undecided)),
    );
    let mut removed_population = 0u64;
    for (k, v) in candidates.iter().enumerate() {
        removed_population = removed_population.saturating_add(v.population);
        let yes_extra = undecided.states as i64 - (k as i64 + 1);
        // Moving a decided supporter to "oppose" lowers the decided tally, so
        // count everything relative to the frame's decided supporters.
        let yes_states = frame.yes_states as i64 + yes_extra;
        let yes_population = (frame.yes_population.saturating_add(undecided.population))
            .saturating_sub(removed_population);
        let after = Frame {
            yes_states: yes_states.max(0) as usize,
            yes_population,
            ..*frame
        };
        if !after.passes(0, 0, 0) {
            return Some(codes(&candidates[..=k]));
        }
    }
    None
}

/// The smallest group of undecided states (most populous first) that makes
/// the outcome certain: adopted when `adopt` and they all support, blocked
/// when not `adopt` and they all oppose, whatever the other undecided states
/// do. `None` when the undecided states cannot do it on their own.
fn smallest_from_undecided(
    frame: &Frame,
    voters: &[Voter],
    undecided: Tally,
    adopt: bool,
) -> Option<Vec<String>> {
    let candidates = by_population(voters.iter().filter(|v| v.position == Position::Undecided));
    let mut population = 0u64;
    for (k, v) in candidates.iter().enumerate() {
        population = population.saturating_add(v.population);
        let n = k + 1;
        let certain = if adopt {
            // These support; every other undecided state opposes.
            frame.passes(n, population, undecided.states - n)
        } else {
            // These oppose; every other undecided state supports.
            !frame.passes(undecided.states - n, undecided.population - population, n)
        };
        if certain {
            return Some(codes(&candidates[..=k]));
        }
    }
    None
}

/// Subset sums of one half of the items, grouped by subset size.
fn sums_by_size(items: &[u64]) -> Vec<Vec<u128>> {
    let mut by_size = vec![Vec::new(); items.len() + 1];
    let mut sums = vec![0u128; 1 << items.len()];
    by_size[0].push(0);
    for mask in 1usize..(1 << items.len()) {
        let low = mask.trailing_zeros() as usize;
        sums[mask] = sums[mask & (mask - 1)] + items[low] as u128;
        by_size[mask.count_ones() as usize].push(sums[mask]);
    }
    for list in &mut by_size {
        list.sort_unstable();
    }
    by_size
}

/// Answers "is there a subset of exactly `size` items whose sum lies in
/// `lo..=hi`?" exactly, by meet in the middle.
struct SubsetSearch {
    sorted: Vec<u64>,
    left: Vec<Vec<u128>>,
    right: Vec<Vec<u128>>,
}

impl SubsetSearch {
    fn new(items: &[u64]) -> SubsetSearch {
        let mut sorted = items.to_vec();
        sorted.sort_unstable();
        let (a, b) = items.split_at(items.len() / 2);
        SubsetSearch {
            sorted,
            left: sums_by_size(a),
            right: sums_by_size(b),
        }
    }

    fn exists(&self, size: usize, lo: u128, hi: u128) -> bool {
        if size > self.sorted.len() || lo > hi {
            return false;
        }
        let min: u128 = self.sorted[..size].iter().map(|&x| x as u128).sum();
        let max: u128 = self.sorted[self.sorted.len() - size..]
            .iter()
            .map(|&x| x as u128)
            .sum();
        if max < lo || min > hi {
            return false;
        }
        if (lo..=hi).contains(&min) || (lo..=hi).contains(&max) {
            return true;
        }
        for (i, left) in self.left.iter().enumerate() {
            let Some(right) = size.checked_sub(i).and_then(|j| self.right.get(j)) else {
                continue;
            };
            for &s in left {
                if s > hi {
                    break;
                }
                let from = right.partition_point(|&r| r + s < lo);
                if right.get(from).is_some_and(|&r| r + s <= hi) {
                    return true;
                }
            }
        }
        false
    }
}

fn pivotal_states(frame: &Frame, voters: &[Voter]) -> Vec<String> {
    let undecided: Vec<&Voter> = voters
        .iter()
        .filter(|v| v.position == Position::Undecided)
        .collect();
    if frame.rule == Rule::Unanimity {
        // With no decided opponent (otherwise the outcome would be certain),
        // let all others abstain: then this state's support adopts and its
        // opposition blocks. So every undecided state is pivotal.
        let mut all = codes(&undecided);
        all.sort();
        return all;
    }
    let mut pivotal = Vec::new();
    for (index, state) in undecided.iter().enumerate() {
        let others: Vec<u64> = undecided
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, v)| v.population)
            .collect();
        let search = SubsetSearch::new(&others);
        let own = state.population as u128;
        let swing = (0..=others.len()).any(|size| {
            // Others in favour: `size` states with population p. Blocked
            // without this state: p < threshold(size). Adopted with it:
            // p + own >= threshold(size + 1).
            let Some(with) = frame.threshold(size + 1) else {
                return false;
            };
            let hi = match frame.threshold(size) {
                None => u128::MAX,
                Some(0) => return false,
                Some(t) => t - 1,
            };
            search.exists(size, with.saturating_sub(own), hi)
        });
        if swing {
            pivotal.push(state.code.clone());
        }
    }
    pivotal.sort();
    pivotal
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use Position::{Abstain as A, Oppose as O, Support as S, Undecided as U};
    use proptest::prelude::*;
    use test_case::test_case;

    /// The 2025 figures of `site/data/council/states.toml`, most populous first.
    pub(crate) const EU27: [(&str, u64); 27] = [
        ("DE", 83_395_000),
        ("FR", 68_421_000),
        ("IT", 59_671_000),
        ("ES", 48_621_000),
        ("PL", 37_571_000),
        ("RO", 19_079_000),
        ("NL", 18_086_000),
        ("BE", 11_817_000),
        ("CZ", 10_915_000),
        ("PT", 10_644_000),
        ("SE", 10_554_000),
        ("EL", 10_419_000),
        ("HU", 9_607_000),
        ("AT", 9_111_000),
        ("BG", 6_450_000),
        ("DK", 5_954_000),
        ("FI", 5_638_000),
        ("SK", 5_457_000),
        ("IE", 5_367_000),
        ("HR", 3_879_000),
        ("LT", 2_887_000),
        ("SI", 2_120_000),
        ("LV", 1_894_000),
        ("EE", 1_353_000),
        ("CY", 947_000),
        ("LU", 677_000),
        ("MT", 541_000),
    ];

    /// All 27 states with `default`, except those listed.
    fn eu(default: Position, except: &[(&str, Position)]) -> Vec<Voter> {
        EU27.iter()
            .map(|(code, pop)| {
                let position = except
                    .iter()
                    .find(|(c, _)| c == code)
                    .map(|(_, p)| *p)
                    .unwrap_or(default);
                Voter::new(*code, *pop, position)
            })
            .collect()
    }

    fn strings(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    // Acceptance cases of the issue.
    #[test_case(&[("DE", O), ("FR", O), ("IT", O)], Outcome::Adopted, &[]; "three large states cannot block")]
    #[test_case(&[("DE", O), ("FR", O), ("IT", O), ("ES", O)], Outcome::Blocked, &[]; "four large states block")]
    #[test_case(&[("DE", U), ("FR", O), ("IT", O), ("ES", O)], Outcome::Depends, &["DE"]; "germany decides")]
    // Seed 001: late November 2025.
    #[test_case(&[("CZ", O), ("NL", O), ("PL", O), ("IT", A)], Outcome::Adopted, &[]; "seed 001 nl against")]
    #[test_case(&[("CZ", O), ("NL", A), ("PL", O), ("IT", A)], Outcome::Adopted, &[]; "seed 001 nl abstains")]
    // Moment (c), September 2025: the opponents held 41.3%.
    #[test_case(&[("AT", O), ("BE", O), ("CZ", O), ("DE", O), ("EE", O), ("FI", O), ("LU", O), ("NL", O), ("PL", O), ("SI", O), ("SK", O), ("EL", U), ("RO", U)], Outcome::Blocked, &[]; "autumn 2025 blocked")]
    #[test_case(&[("AT", O), ("BE", O), ("CZ", O), ("DE", U), ("EE", O), ("FI", O), ("LU", O), ("NL", O), ("PL", O), ("SI", O), ("SK", O)], Outcome::Depends, &["DE"]; "autumn 2025 germany pivotal")]
    fn qmv_cases(except: &[(&str, Position)], outcome: Outcome, pivotal: &[&str]) {
        let e = evaluate(Rule::Qmv, &eu(S, except));
        assert_eq!(e.outcome, outcome);
        assert_eq!(e.pivotal, strings(pivotal));
    }

    #[test]
    fn only_the_fourteen_most_populous_in_favour_is_blocked() {
        let voters: Vec<Voter> = EU27
            .iter()
            .enumerate()
            .map(|(i, (c, p))| Voter::new(*c, *p, if i < 14 { S } else { O }))
            .collect();
        let e = evaluate(Rule::Qmv, &voters);
        assert_eq!(e.outcome, Outcome::Blocked);
        assert_eq!((e.in_favour.states, e.states_needed), (14, 15));
        assert!(100 * e.in_favour.population as u128 >= 65 * e.participating.population as u128);
        assert_eq!(e.to_adopt, Some(strings(&["BG"])));
    }

    #[test]
    fn abstaining_instead_of_voting_against_changes_nothing() {
        let against = evaluate(
            Rule::Qmv,
            &eu(S, &[("CZ", O), ("NL", O), ("PL", O), ("IT", A)]),
        );
        let abstain = evaluate(
            Rule::Qmv,
            &eu(S, &[("CZ", O), ("NL", A), ("PL", O), ("IT", A)]),
        );
        assert_eq!(against.outcome, abstain.outcome);
        assert_eq!(against.in_favour, abstain.in_favour);
        assert_eq!(against.not_in_favour, abstain.not_in_favour);
        assert_eq!(against.to_block, abstain.to_block);
        assert_eq!(against.in_favour.states, 23);
        // 27.99% of the population is not in favour: below the 35% needed to block.
        assert!(
            100 * against.not_in_favour.population as u128
                <= 35 * against.participating.population as u128
        );
    }

    #[test_case(Rule::Qmv, 15, 293_198_750; "qmv thresholds")]
    #[test_case(Rule::Reinforced, 20, 293_198_750; "reinforced thresholds")]
    fn thresholds_on_eu27(rule: Rule, states: usize, population: u64) {
        let e = evaluate(rule, &eu(S, &[]));
        assert_eq!((e.states_needed, e.population_needed), (states, population));
        assert_eq!(e.participating.population, 451_075_000);
    }

    #[test_case(9, Outcome::Adopted; "exactly 65 percent passes")]
    #[test_case(10, Outcome::Blocked; "just under 65 percent fails")]
    fn population_threshold_is_exact_at_the_boundary(last: u64, outcome: Outcome) {
        // Five of nine states (55.6%) in favour with 65 inhabitants; four
        // against with 26 + `last`. Total 100 (or 101).
        let mut voters: Vec<Voter> = (0..5).map(|i| Voter::new(format!("Y{i}"), 13, S)).collect();
        voters.extend(
            [8, 9, 9, last]
                .iter()
                .enumerate()
                .map(|(i, p)| Voter::new(format!("N{i}"), *p, O)),
        );
        assert_eq!(evaluate(Rule::Qmv, &voters).outcome, outcome);
    }

    #[test]
    fn fewer_than_four_against_is_deemed_a_majority_only_under_qmv() {
        // 1 of 2 states (50% < 55%) with exactly 65% of the population.
        let exact = vec![Voter::new("A", 13, S), Voter::new("B", 7, O)];
        assert_eq!(evaluate(Rule::Qmv, &exact).outcome, Outcome::Adopted);
        assert_eq!(evaluate(Rule::Reinforced, &exact).outcome, Outcome::Blocked);
    }

    #[test]
    fn reinforced_needs_twenty_states() {
        let nineteen: Vec<(&str, Position)> = EU27[19..].iter().map(|(c, _)| (*c, O)).collect();
        let twenty: Vec<(&str, Position)> = EU27[20..].iter().map(|(c, _)| (*c, O)).collect();
        assert_eq!(
            evaluate(Rule::Reinforced, &eu(S, &nineteen)).outcome,
            Outcome::Blocked
        );
        assert_eq!(
            evaluate(Rule::Reinforced, &eu(S, &twenty)).outcome,
            Outcome::Adopted
        );
        assert_eq!(
            evaluate(Rule::Qmv, &eu(S, &nineteen)).outcome,
            Outcome::Adopted
        );
    }

    #[test_case(&[("MT", A)], Outcome::Adopted, &[]; "abstention does not prevent unanimity")]
    #[test_case(&[("MT", O)], Outcome::Blocked, &[]; "one veto blocks")]
    #[test_case(&[("MT", U), ("LU", U)], Outcome::Depends, &["LU", "MT"]; "every undecided state is pivotal")]
    fn unanimity_cases(except: &[(&str, Position)], outcome: Outcome, pivotal: &[&str]) {
        let e = evaluate(Rule::Unanimity, &eu(S, except));
        assert_eq!(e.outcome, outcome);
        assert_eq!(e.pivotal, strings(pivotal));
    }

    #[test]
    fn unanimity_with_only_abstentions_adopts_nothing() {
        let e = evaluate(Rule::Unanimity, &eu(A, &[]));
        assert_eq!(e.outcome, Outcome::Blocked);
        assert_eq!(e.to_adopt, Some(strings(&["DE"])));
    }

    #[test]
    fn smallest_flips_name_the_most_populous_states() {
        let e = evaluate(
            Rule::Qmv,
            &eu(S, &[("CZ", O), ("NL", O), ("PL", O), ("IT", A)]),
        );
        assert_eq!(e.to_adopt, None);
        // DE alone: 4+1 = 5 states with 28% + 18.5% > 35%.
        assert_eq!(e.to_block, Some(strings(&["DE"])));
        let e = evaluate(
            Rule::Qmv,
            &eu(S, &[("DE", U), ("FR", O), ("IT", O), ("ES", O)]),
        );
        assert_eq!(e.to_adopt, Some(strings(&["DE"])));
        assert_eq!(e.to_block, Some(strings(&["DE"])));
    }

    #[test]
    fn all_undecided_makes_every_state_pivotal() {
        let e = evaluate(Rule::Qmv, &eu(U, &[]));
        assert_eq!(e.outcome, Outcome::Depends);
        assert_eq!(e.pivotal.len(), 27);
        // Fifteen most populous in favour reach both 55% and 65%.
        assert_eq!(e.to_adopt.map(|s| s.len()), Some(15));
        // DE, FR, IT and ES against: four states with 57%.
        assert_eq!(e.to_block, Some(strings(&["DE", "FR", "IT", "ES"])));
    }

    #[test]
    fn a_small_state_can_be_pivotal() {
        // DE, FR and IT oppose; ES and MT undecided.
        let e = evaluate(
            Rule::Qmv,
            &eu(S, &[("DE", O), ("FR", O), ("IT", O), ("ES", U), ("MT", U)]),
        );
        assert_eq!(e.outcome, Outcome::Depends);
        assert_eq!(e.pivotal, strings(&["ES", "MT"]));
        // MT *is* pivotal here: with ES in favour, MT against makes four
        // opponents holding 47% (DE, FR, IT, MT): blocked; MT in favour: adopted.
        // But neither decides alone: ES's support adopts only if MT supports
        // too, and MT's choice matters only when ES supports.
        assert_eq!(e.decisive, Vec::<String>::new());
        // Among the undecided, adopting needs both; blocking needs only ES.
        assert_eq!(e.to_adopt_undecided, Some(strings(&["ES", "MT"])));
        assert_eq!(e.to_block_undecided, Some(strings(&["ES"])));
    }

    #[test]
    fn a_state_whose_choice_alone_decides() {
        // FR, IT and ES oppose, Germany undecided: its no makes a blocking
        // minority, its yes leaves three opponents, too few to block.
        let e = evaluate(
            Rule::Qmv,
            &eu(S, &[("DE", U), ("FR", O), ("IT", O), ("ES", O)]),
        );
        assert_eq!(e.decisive, strings(&["DE"]));
        assert_eq!(e.to_adopt_undecided, Some(strings(&["DE"])));
        assert_eq!(e.to_block_undecided, Some(strings(&["DE"])));
    }

    #[test]
    fn groups_from_the_undecided_leave_out_decided_states() {
        // Seven small states undecided, the four largest against: adoption
        // is impossible whatever the undecided do, so no group of undecided
        // states can adopt it, while the general smallest group names a state
        // that is against now.
        let e = evaluate(
            Rule::Qmv,
            &eu(
                S,
                &[
                    ("DE", O),
                    ("FR", O),
                    ("IT", O),
                    ("ES", O),
                    ("MT", U),
                    ("LU", U),
                    ("CY", U),
                ],
            ),
        );
        assert_eq!(e.outcome, Outcome::Blocked);
        assert_eq!(e.to_adopt_undecided, None);
        let general = e.to_adopt.unwrap();
        assert!(
            general
                .iter()
                .any(|c| ["DE", "FR", "IT", "ES"].contains(&c.as_str()))
        );
    }

    #[test]
    fn empty_and_degenerate_inputs_do_not_panic() {
        for rule in [Rule::Qmv, Rule::Reinforced, Rule::Unanimity] {
            let _ = evaluate(rule, &[]);
            let _ = evaluate(rule, &[Voter::new("X", 0, U)]);
            let _ = evaluate(
                rule,
                &[Voter::new("X", u64::MAX, S), Voter::new("Y", u64::MAX, U)],
            );
        }
    }

    // ---- brute-force oracle, straight from the definitions ----

    fn resolutions(rule: Rule) -> &'static [Position] {
        match rule {
            Rule::Unanimity => &[S, A, O],
            _ => &[S, O],
        }
    }

    /// The decided outcome of fully decided positions.
    pub(crate) fn decided(rule: Rule, voters: &[Voter]) -> bool {
        evaluate(rule, voters).outcome == Outcome::Adopted
    }

    fn all_resolutions(rule: Rule, voters: &[Voter], skip: Option<usize>) -> Vec<Vec<Voter>> {
        let mut out = vec![voters.to_vec()];
        for (i, v) in voters.iter().enumerate() {
            if v.position != U || Some(i) == skip {
                continue;
            }
            out = out
                .into_iter()
                .flat_map(|base| {
                    resolutions(rule).iter().map(move |p| {
                        let mut next = base.clone();
                        next[i].position = *p;
                        next
                    })
                })
                .collect();
        }
        out
    }

    pub(crate) fn brute_force(rule: Rule, voters: &[Voter]) -> (Outcome, Vec<String>) {
        let results: Vec<bool> = all_resolutions(rule, voters, None)
            .iter()
            .map(|r| decided(rule, r))
            .collect();
        let outcome = if results.iter().all(|r| *r) {
            Outcome::Adopted
        } else if results.iter().all(|r| !*r) {
            Outcome::Blocked
        } else {
            Outcome::Depends
        };
        let mut pivotal = Vec::new();
        for (i, v) in voters.iter().enumerate() {
            if v.position != U {
                continue;
            }
            let swing = all_resolutions(rule, voters, Some(i))
                .into_iter()
                .any(|mut r| {
                    r[i].position = S;
                    let yes = decided(rule, &r);
                    r[i].position = O;
                    yes && !decided(rule, &r)
                });
            if swing {
                pivotal.push(v.code.clone());
            }
        }
        pivotal.sort();
        (outcome, pivotal)
    }

    fn rank(o: Outcome) -> u8 {
        match o {
            Outcome::Blocked => 0,
            Outcome::Depends => 1,
            Outcome::Adopted => 2,
        }
    }

    fn position() -> impl Strategy<Value = Position> {
        prop_oneof![Just(S), Just(O), Just(A), Just(U)]
    }

    fn rule() -> impl Strategy<Value = Rule> {
        prop_oneof![
            Just(Rule::Qmv),
            Just(Rule::Reinforced),
            Just(Rule::Unanimity)
        ]
    }

    /// Small synthetic councils (1–9 states, any populations).
    fn small_council() -> impl Strategy<Value = Vec<Voter>> {
        prop::collection::vec((1u64..1_000, position()), 1..=9).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (pop, p))| Voter::new(format!("S{i}"), pop, p))
                .collect()
        })
    }

    /// The real 27 with random positions, at most `max_undecided` undecided.
    fn eu_council(max_undecided: usize) -> impl Strategy<Value = Vec<Voter>> {
        prop::collection::vec(position(), 27).prop_map(move |ps| {
            let mut undecided = 0;
            EU27.iter()
                .zip(ps)
                .map(|((c, pop), mut p)| {
                    if p == U {
                        undecided += 1;
                        if undecided > max_undecided {
                            p = O;
                        }
                    }
                    Voter::new(*c, *pop, p)
                })
                .collect()
        })
    }

    fn council() -> impl Strategy<Value = Vec<Voter>> {
        prop_oneof![small_council(), eu_council(7)]
    }

    proptest! {
        #[test]
        fn agrees_with_brute_force(rule in rule(), voters in council()) {
            let e = evaluate(rule, &voters);
            let (outcome, pivotal) = brute_force(rule, &voters);
            prop_assert_eq!(e.outcome, outcome);
            prop_assert_eq!(e.pivotal, pivotal);
        }

        #[test]
        fn more_support_never_hurts(rule in rule(), voters in council(), pick in any::<prop::sample::Index>()) {
            let i = pick.index(voters.len());
            let before = evaluate(rule, &voters).outcome;
            let mut changed = voters.clone();
            changed[i].position = S;
            let after = evaluate(rule, &changed).outcome;
            prop_assert!(rank(after) >= rank(before), "{:?} -> {:?}", before, after);
        }

        #[test]
        fn order_of_states_does_not_matter(rule in rule(), voters in council(), seed in any::<u64>()) {
            let mut shuffled = voters.clone();
            // Deterministic Fisher–Yates from the seed.
            let mut x = seed | 1;
            for i in (1..shuffled.len()).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                shuffled.swap(i, (x % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(evaluate(rule, &voters), evaluate(rule, &shuffled));
        }

        #[test]
        fn an_extra_undecided_state_never_contradicts_a_resolution(rule in rule(), voters in council(), pick in any::<prop::sample::Index>()) {
            let i = pick.index(voters.len());
            let before = evaluate(rule, &voters).outcome;
            let mut changed = voters.clone();
            changed[i].position = U;
            let after = evaluate(rule, &changed).outcome;
            if before == Outcome::Depends {
                prop_assert_eq!(after, Outcome::Depends);
            } else {
                prop_assert!(after == before || after == Outcome::Depends);
            }
        }

        #[test]
        fn abstaining_counts_as_against_under_majority_rules(voters in council(), reinforced in any::<bool>()) {
            let rule = if reinforced { Rule::Reinforced } else { Rule::Qmv };
            let swapped: Vec<Voter> = voters.iter().map(|v| Voter {
                position: match v.position { A => O, O => A, p => p },
                ..v.clone()
            }).collect();
            let (a, b) = (evaluate(rule, &voters), evaluate(rule, &swapped));
            prop_assert_eq!((a.outcome, a.in_favour, a.not_in_favour, a.pivotal), (b.outcome, b.in_favour, b.not_in_favour, b.pivotal));
        }

        #[test]
        fn smallest_flips_work_and_are_smallest(rule in rule(), voters in small_council()) {
            let e = evaluate(rule, &voters);
            for (target, to, wanted) in [(&e.to_adopt, S, Outcome::Adopted), (&e.to_block, O, Outcome::Blocked)] {
                let Some(states) = target else { continue };
                let mut changed = voters.clone();
                for v in changed.iter_mut().filter(|v| states.contains(&v.code)) {
                    v.position = to;
                }
                prop_assert_eq!(evaluate(rule, &changed).outcome, wanted);
                // No set of fewer states works (any target positions).
                let n = voters.len();
                for mask in 0u32..(1 << n) {
                    if mask.count_ones() as usize >= states.len() { continue; }
                    for target_pos in [S, A, O] {
                        let mut alt = voters.clone();
                        for (j, v) in alt.iter_mut().enumerate() {
                            if mask & (1 << j) != 0 { v.position = target_pos; }
                        }
                        prop_assert_ne!(evaluate(rule, &alt).outcome, wanted, "smaller set {:b}", mask);
                    }
                }
            }
            if e.outcome != Outcome::Adopted && e.to_adopt.is_none() {
                let mut all = voters.clone();
                all.iter_mut().for_each(|v| v.position = S);
                prop_assert_ne!(evaluate(rule, &all).outcome, Outcome::Adopted);
            }
        }
    }
}
