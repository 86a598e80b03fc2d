//! Puts a vote's result into plain Dutch sentences, for the command line and
//! the /raad/ page alike.
//!
//! Percentages are shown with one decimal and a decimal comma; they are
//! rounded for display only (the decision itself is made in `qmv.rs` on exact
//! integers).

use super::model::{CouncilData, Decision, Moment, Position};
use super::qmv::{Evaluation, MIN_BLOCKING_STATES, Outcome, Rule};

/// `part` as a share of `whole`, in Dutch notation with one decimal: "27,9%".
pub fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0,0%".to_string();
    }
    let tenths = (1000 * part as u128 + whole as u128 / 2) / whole as u128;
    format!("{},{}%", tenths / 10, tenths % 10)
}

/// Joins names Dutch-style: "A", "A en B", "A, B en C".
pub fn join_nl(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

fn states_word(n: usize) -> &'static str {
    if n == 1 { "lidstaat" } else { "lidstaten" }
}

fn verb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// Explains `e` in a few Dutch sentences. `name` turns a state code into the
/// name to show (e.g. "Nederland").
pub fn explain(e: &Evaluation, name: &dyn Fn(&str) -> String) -> String {
    // Lists of states read best alphabetically; the smallest groups keep
    // their order (most populous first).
    let sorted = |codes: &[String]| {
        let mut list: Vec<String> = codes.iter().map(|c| name(c)).collect();
        list.sort();
        join_nl(&list)
    };
    let in_order = |codes: &[String]| join_nl(&codes.iter().map(|c| name(c)).collect::<Vec<_>>());
    let total = e.participating.population;
    let (yes_n, no_n) = (e.in_favour.states, e.not_in_favour.states);
    let yes = format!(
        "{yes_n} van de {} lidstaten {} voor, samen {} van de bevolking",
        e.participating.states,
        verb(yes_n, "stemt", "stemmen"),
        percent(e.in_favour.population, total)
    );
    let no = format!(
        "{no_n} {} met samen {} van de bevolking {} niet voor (tegen of onthouding)",
        states_word(no_n),
        percent(e.not_in_favour.population, total),
        verb(no_n, "stemt", "stemmen")
    );
    let mut out = Vec::new();
    match (e.rule, e.outcome) {
        (Rule::Unanimity, Outcome::Adopted) => {
            out.push(format!(
                "Aangenomen: geen enkele lidstaat stemt tegen en {yes}."
            ));
            if !e.abstaining.is_empty() {
                out.push(format!(
                    "Bij unanimiteit houden onthoudingen ({}) een besluit niet tegen.",
                    sorted(&e.abstaining)
                ));
            }
        }
        (Rule::Unanimity, Outcome::Blocked) if !e.opposing.is_empty() => out.push(format!(
            "Geblokkeerd: {} {} tegen, en bij unanimiteit is één tegenstem genoeg.",
            sorted(&e.opposing),
            verb(e.opposing.len(), "stemt", "stemmen")
        )),
        (Rule::Unanimity, Outcome::Blocked) => {
            out.push("Geblokkeerd: geen enkele lidstaat stemt voor.".to_string())
        }
        (_, Outcome::Adopted) => {
            let deemed = e.rule == Rule::Qmv
                && no_n + e.undecided_tally.states < MIN_BLOCKING_STATES
                && (yes_n < e.states_needed || e.in_favour.population < e.population_needed);
            if deemed {
                out.push(format!(
                    "Aangenomen: maar {no}. Een blokkerende minderheid vraagt minstens {MIN_BLOCKING_STATES} lidstaten, dus geldt de gekwalificeerde meerderheid als bereikt."
                ));
            } else {
                out.push(format!(
                    "Aangenomen: {yes}; nodig zijn {} lidstaten en 65%.",
                    e.states_needed
                ));
                if e.rule == Rule::Qmv {
                    out.push(format!(
                        "{}{no}: geen blokkerende minderheid, want daarvoor is meer dan 35% nodig, met minstens {MIN_BLOCKING_STATES} lidstaten.",
                        if no_n == 0 { "" } else { "Verder: " }
                    ));
                }
            }
        }
        (_, Outcome::Blocked) => {
            let mut reasons = Vec::new();
            if yes_n + e.undecided_tally.states < e.states_needed {
                reasons.push(format!(
                    "{yes}, terwijl er {} lidstaten nodig zijn",
                    e.states_needed
                ));
            }
            if e.in_favour
                .population
                .saturating_add(e.undecided_tally.population)
                < e.population_needed
            {
                reasons.push(if e.rule == Rule::Qmv {
                    format!("{no}: meer dan 35%, een blokkerende minderheid")
                } else {
                    format!("{yes}, minder dan de nodige 65%")
                });
            }
            out.push(format!("Geblokkeerd: {}.", reasons.join("; en ")));
            if !e.undecided.is_empty() {
                out.push("Dat blijft zo, ook als alle onbesliste lidstaten instemmen.".to_string());
            }
        }
        (_, Outcome::Depends) => {
            out.push(format!(
                "Dat hangt af van de onbesliste lidstaten ({}). Nu {yes}; {no}.",
                sorted(&e.undecided)
            ));
            if !e.decisive.is_empty() {
                out.push(format!(
                    "{} {} de uitkomst alleen bepalen, wat de andere onbesliste lidstaten ook doen.",
                    sorted(&e.decisive),
                    verb(e.decisive.len(), "kan", "kunnen elk")
                ));
            }
            let helpers: Vec<String> = e
                .pivotal
                .iter()
                .filter(|c| !e.decisive.contains(c))
                .cloned()
                .collect();
            if !helpers.is_empty() {
                out.push(format!(
                    "{} {} de doorslag geven, maar alleen samen met andere onbesliste lidstaten.",
                    sorted(&helpers),
                    verb(helpers.len(), "kan", "kunnen")
                ));
            }
        }
    }
    let now_label = |code: &String| {
        let status = if e.opposing.contains(code) {
            "nu tegen"
        } else if e.abstaining.contains(code) {
            "onthoudt zich nu"
        } else if e.undecided.contains(code) {
            "nu onbeslist"
        } else {
            "nu voor"
        };
        format!("{} ({status})", name(code))
    };
    let labelled = |codes: &[String]| join_nl(&codes.iter().map(now_label).collect::<Vec<_>>());
    match (&e.to_adopt_undecided, &e.to_adopt) {
        (Some(states), _) => out.push(format!(
            "Onder de onbesliste lidstaten is de kleinste groep die het voorstel zeker laat aannemen: {}, als {} {}.",
            in_order(states),
            verb(states.len(), "die", "zij"),
            verb(states.len(), "instemt", "instemmen")
        )),
        (None, Some(states)) => out.push(format!(
            "{}De kleinste groep die het dan nog zeker kan laten aannemen: {}, als {} {}.",
            if e.undecided.is_empty() {
                "Aannemen kan alleen nog als lidstaten van standpunt veranderen. "
            } else {
                "De onbesliste lidstaten kunnen het samen niet laten aannemen; daarvoor moeten ook lidstaten van standpunt veranderen. "
            },
            labelled(states),
            verb(states.len(), "die", "zij"),
            verb(states.len(), "instemt", "instemmen")
        )),
        (None, None) => {}
    }
    match (&e.to_block_undecided, &e.to_block) {
        (Some(states), _) => out.push(format!(
            "Onder de onbesliste lidstaten is de kleinste groep die het zeker blokkeert: {}, als {} {}.",
            in_order(states),
            verb(states.len(), "die", "zij"),
            verb(states.len(), "tegenstemt", "tegenstemmen")
        )),
        (None, Some(states)) => out.push(format!(
            "{}De kleinste groep die het dan nog zeker kan blokkeren: {}, als {} {}.",
            if e.undecided.is_empty() {
                "Blokkeren kan alleen nog als lidstaten van standpunt veranderen. "
            } else {
                "De onbesliste lidstaten kunnen het samen niet blokkeren; daarvoor moeten ook lidstaten die nu voor zijn van standpunt veranderen. "
            },
            labelled(states),
            verb(states.len(), "die", "zij"),
            verb(states.len(), "tegenstemt", "tegenstemmen")
        )),
        (None, None) => {}
    }
    if e.rule != Rule::Unanimity {
        out.push(
            "Bij een gekwalificeerde meerderheid telt een onthouding hetzelfde als een tegenstem."
                .to_string(),
        );
    }
    out.join(" ")
}

/// The Dutch name of the state with `code` ("Nederland"), or the code
/// itself when the data does not know it.
pub fn state_name(data: &CouncilData, code: &str) -> String {
    data.state(code)
        .map(|s| s.name_nl.clone())
        .unwrap_or_else(|| code.to_string())
}

/// The Dutch names, sorted, of the states that sources report voted
/// `position` at `decision`.
pub fn reported_names(data: &CouncilData, decision: &Decision, position: Position) -> Vec<String> {
    let mut names: Vec<String> = decision
        .reported
        .iter()
        .filter(|(_, p)| *p == position)
        .map(|(code, _)| state_name(data, code))
        .collect();
    names.sort();
    names
}

/// The plain-Dutch sentence about a recorded decision, e.g. "Op 26 november
/// 2025 stelde Coreper ... vast. Tegen: Nederland, Polen en Tsjechië; ...".
pub fn decision_sentence(data: &CouncilData, moment: &Moment) -> Option<String> {
    let decision = moment.decision.as_ref()?;
    let names = |p: Position| reported_names(data, decision, p);
    let (against, abstained) = (names(Position::Oppose), names(Position::Abstain));
    let mut parts = Vec::new();
    if !against.is_empty() {
        parts.push(format!(
            "{} {} tegen",
            if against.len() > 1 {
                "stemden"
            } else {
                "stemde"
            },
            join_nl(&against)
        ));
    }
    if !abstained.is_empty() {
        parts.push(format!(
            "{} {} zich",
            if abstained.len() > 1 {
                "onthielden"
            } else {
                "onthield"
            },
            join_nl(&abstained)
        ));
    }
    let mut out = format!(
        "Op {} stelde {} het standpunt van de Raad vast.",
        moment.date.label_nl(),
        moment.body.subject_nl(),
    );
    if !parts.is_empty() {
        out.push_str(&format!(" Volgens de bronnen {}.", parts.join(" en ")));
    }
    out.push_str(&format!(" {}", decision.others_reason));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::model::Position::{
        Abstain as A, Oppose as O, Support as S, Undecided as U,
    };
    use crate::council::qmv::{Voter, evaluate};
    use test_case::test_case;

    #[test_case(0, 10, "0,0%")]
    #[test_case(1, 3, "33,3%")]
    #[test_case(2, 3, "66,7%")]
    #[test_case(65, 100, "65,0%")]
    #[test_case(5, 0, "0,0%")]
    fn formats_percentages(part: u64, whole: u64, expected: &str) {
        assert_eq!(percent(part, whole), expected);
    }

    #[test_case(&[], ""; "none")]
    #[test_case(&["A"], "A"; "one")]
    #[test_case(&["A", "B", "C"], "A, B en C"; "three")]
    fn joins_dutch_style(items: &[&str], expected: &str) {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        assert_eq!(join_nl(&items), expected);
    }

    fn code(c: &str) -> String {
        c.to_string()
    }

    fn eu(except: &[(&str, crate::council::model::Position)]) -> Vec<Voter> {
        crate::council::qmv::tests::EU27
            .iter()
            .map(|(c, p)| {
                let pos = except
                    .iter()
                    .find(|(x, _)| x == c)
                    .map(|(_, p)| *p)
                    .unwrap_or(S);
                Voter::new(*c, *p, pos)
            })
            .collect()
    }

    #[test_case(Rule::Qmv, &[("CZ", O), ("NL", A), ("PL", O), ("IT", A)], &["Aangenomen: 23 van de 27", "72,0%", "telt een onthouding hetzelfde"]; "seed 001")]
    #[test_case(Rule::Qmv, &[("DE", O), ("FR", O), ("IT", O)], &["geldt de gekwalificeerde meerderheid als bereikt"]; "deemed")]
    #[test_case(Rule::Qmv, &[("DE", O), ("FR", O), ("IT", O), ("ES", O)], &["Geblokkeerd", "blokkerende minderheid"]; "blocked by population")]
    #[test_case(Rule::Qmv, &[("DE", U), ("FR", O), ("IT", O), ("ES", O)], &["onbesliste lidstaten (DE)", "DE kan de uitkomst alleen bepalen"]; "depends")]
    #[test_case(Rule::Unanimity, &[("MT", O)], &["MT stemt tegen"]; "veto")]
    #[test_case(Rule::Unanimity, &[("MT", A)], &["onthoudingen (MT)"]; "abstention in unanimity")]
    fn explains(rule: Rule, except: &[(&str, crate::council::model::Position)], parts: &[&str]) {
        let text = explain(&evaluate(rule, &eu(except)), &code);
        for part in parts {
            assert!(text.contains(part), "`{part}` not in: {text}");
        }
    }
}
