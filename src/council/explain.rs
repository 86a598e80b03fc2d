//! Puts a vote's result into plain sentences in the page's language, for
//! the command line and the /raad/ page alike (interface strings
//! `council_explain_*` and `council_decision_*`).
//!
//! Percentages are shown with one decimal in the language's notation; they
//! are rounded for display only (the decision itself is made in `qmv.rs` on
//! exact integers).

use super::local_text::{LocalText, Phrase};
use super::model::{CouncilData, Decision, Moment, Position};
use super::qmv::{Evaluation, MIN_BLOCKING_STATES, Outcome, Rule};
use crate::locale::Locale;

/// The interface string `key` for `count` things with `args` filled in.
fn say(locale: &Locale, key: &str, count: Option<usize>, args: &[(&str, String)]) -> String {
    let args: Vec<(String, String)> = args
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    locale.text(key, count.map(|n| n as i64), &args)
}

/// Explains `e` in a few sentences of `locale`'s language. `name` turns a
/// state code into the name to show (e.g. "Nederland", "Netherlands").
pub fn explain(e: &Evaluation, name: &dyn Fn(&str) -> String, locale: &Locale) -> String {
    // Lists of states read best alphabetically; the smallest groups keep
    // their order (most populous first).
    let sorted = |codes: &[String]| {
        let mut list: Vec<String> = codes.iter().map(|c| name(c)).collect();
        list.sort();
        locale.list(&list)
    };
    let in_order =
        |codes: &[String]| locale.list(&codes.iter().map(|c| name(c)).collect::<Vec<_>>());
    let pct = |part: u64| super::local_text::percent(part, e.participating.population, locale);
    let (yes_n, no_n) = (e.in_favour.states, e.not_in_favour.states);
    let yes = say(
        locale,
        "council_explain_yes",
        Some(yes_n),
        &[
            ("total", e.participating.states.to_string()),
            ("share", pct(e.in_favour.population)),
        ],
    );
    let no = say(
        locale,
        "council_explain_no",
        Some(no_n),
        &[("share", pct(e.not_in_favour.population))],
    );
    let min = MIN_BLOCKING_STATES.to_string();
    let needed = e.states_needed.to_string();
    let mut out = Vec::new();
    match (e.rule, e.outcome) {
        (Rule::Unanimity, Outcome::Adopted) => {
            out.push(say(
                locale,
                "council_explain_unanimity_adopted",
                None,
                &[("yes", yes.clone())],
            ));
            if !e.abstaining.is_empty() {
                out.push(say(
                    locale,
                    "council_explain_unanimity_abstentions",
                    None,
                    &[("states", sorted(&e.abstaining))],
                ));
            }
        }
        (Rule::Unanimity, Outcome::Blocked) if !e.opposing.is_empty() => out.push(say(
            locale,
            "council_explain_unanimity_veto",
            Some(e.opposing.len()),
            &[("states", sorted(&e.opposing))],
        )),
        (Rule::Unanimity, Outcome::Blocked) => out.push(locale.t("council_explain_unanimity_none")),
        (_, Outcome::Adopted) => {
            let deemed = e.rule == Rule::Qmv
                && no_n + e.undecided_tally.states < MIN_BLOCKING_STATES
                && (yes_n < e.states_needed || e.in_favour.population < e.population_needed);
            if deemed {
                out.push(say(
                    locale,
                    "council_explain_deemed",
                    None,
                    &[("no", no.clone()), ("min", min.clone())],
                ));
            } else {
                out.push(say(
                    locale,
                    "council_explain_adopted",
                    None,
                    &[("yes", yes.clone()), ("needed", needed.clone())],
                ));
                if e.rule == Rule::Qmv {
                    let key = if no_n == 0 {
                        "council_explain_not_blocking"
                    } else {
                        "council_explain_not_blocking_further"
                    };
                    out.push(say(
                        locale,
                        key,
                        None,
                        &[("no", no.clone()), ("min", min.clone())],
                    ));
                }
            }
        }
        (_, Outcome::Blocked) => {
            let mut reasons = Vec::new();
            if yes_n + e.undecided_tally.states < e.states_needed {
                reasons.push(say(
                    locale,
                    "council_explain_reason_states",
                    None,
                    &[("yes", yes.clone()), ("needed", needed.clone())],
                ));
            }
            if e.in_favour
                .population
                .saturating_add(e.undecided_tally.population)
                < e.population_needed
            {
                reasons.push(if e.rule == Rule::Qmv {
                    say(
                        locale,
                        "council_explain_reason_blocking",
                        None,
                        &[("no", no.clone())],
                    )
                } else {
                    say(
                        locale,
                        "council_explain_reason_population",
                        None,
                        &[("yes", yes.clone())],
                    )
                });
            }
            out.push(say(
                locale,
                "council_explain_blocked",
                None,
                &[(
                    "reasons",
                    reasons.join(&locale.t("council_explain_reasons_joiner")),
                )],
            ));
            if !e.undecided.is_empty() {
                out.push(locale.t("council_explain_blocked_stays"));
            }
        }
        (_, Outcome::Depends) => {
            out.push(say(
                locale,
                "council_explain_depends",
                None,
                &[
                    ("states", sorted(&e.undecided)),
                    ("yes", yes.clone()),
                    ("no", no.clone()),
                ],
            ));
            if !e.decisive.is_empty() {
                out.push(say(
                    locale,
                    "council_explain_decisive",
                    Some(e.decisive.len()),
                    &[("states", sorted(&e.decisive))],
                ));
            }
            let helpers: Vec<String> = e
                .pivotal
                .iter()
                .filter(|c| !e.decisive.contains(c))
                .cloned()
                .collect();
            if !helpers.is_empty() {
                out.push(say(
                    locale,
                    "council_explain_pivotal",
                    Some(helpers.len()),
                    &[("states", sorted(&helpers))],
                ));
            }
        }
    }
    let now_label = |code: &String| {
        let status = if e.opposing.contains(code) {
            "council_explain_now_oppose"
        } else if e.abstaining.contains(code) {
            "council_explain_now_abstain"
        } else if e.undecided.contains(code) {
            "council_explain_now_undecided"
        } else {
            "council_explain_now_support"
        };
        format!("{} ({})", name(code), locale.t(status))
    };
    let labelled = |codes: &[String]| locale.list(&codes.iter().map(now_label).collect::<Vec<_>>());
    // A group that can still tip it: from the undecided states alone, or
    // (after a sentence that says why) with states that change sides.
    let mut group = |from_undecided: &Option<Vec<String>>,
                     any: &Option<Vec<String>>,
                     keys: [&str; 4]| {
        match (from_undecided, any) {
            (Some(states), _) => out.push(say(
                locale,
                keys[0],
                Some(states.len()),
                &[("states", in_order(states))],
            )),
            (None, Some(states)) => out.push(format!(
                "{} {}",
                locale.t(if e.undecided.is_empty() {
                    keys[1]
                } else {
                    keys[2]
                }),
                say(
                    locale,
                    keys[3],
                    Some(states.len()),
                    &[("states", labelled(states))],
                )
            )),
            (None, None) => {}
        }
    };
    group(
        &e.to_adopt_undecided,
        &e.to_adopt,
        [
            "council_explain_to_adopt_undecided",
            "council_explain_adopt_needs_changes",
            "council_explain_adopt_undecided_not_enough",
            "council_explain_to_adopt",
        ],
    );
    group(
        &e.to_block_undecided,
        &e.to_block,
        [
            "council_explain_to_block_undecided",
            "council_explain_block_needs_changes",
            "council_explain_block_undecided_not_enough",
            "council_explain_to_block",
        ],
    );
    if e.rule != Rule::Unanimity {
        out.push(locale.t("council_abstention_counts_against"));
    }
    out.join(" ")
}

/// The name of the state with `code` in `locale`'s language ("Nederland",
/// "Netherlands"), or the code itself when the data does not know it.
pub fn state_name(data: &CouncilData, code: &str, locale: &Locale) -> String {
    data.state(code)
        .map(|s| s.name(locale).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The names, sorted, of the states that sources report voted `position`
/// at `decision`.
pub fn reported_names(
    data: &CouncilData,
    decision: &Decision,
    position: Position,
    locale: &Locale,
) -> Vec<String> {
    let mut names: Vec<String> = decision
        .reported
        .iter()
        .filter(|(_, p)| *p == position)
        .map(|(code, _)| state_name(data, code, locale))
        .collect();
    names.sort();
    names
}

/// The plain sentence about a recorded decision, e.g. "Op 26 november
/// 2025 stelde het Coreper ... vast. Volgens de bronnen stemden Nederland,
/// Polen en Tsjechië tegen ...", ending with the editors' reason for how
/// the other states are counted.
pub fn decision_sentence(data: &CouncilData, moment: &Moment, locale: &Locale) -> Option<Phrase> {
    let decision = moment.decision.as_ref()?;
    let names = |p: Position| reported_names(data, decision, p, locale);
    let (against, abstained) = (names(Position::Oppose), names(Position::Abstain));
    let mut parts = Vec::new();
    for (list, key) in [
        (&against, "council_decision_against"),
        (&abstained, "council_decision_abstained"),
    ] {
        if !list.is_empty() {
            parts.push(say(
                locale,
                key,
                Some(list.len()),
                &[("states", locale.list(list))],
            ));
        }
    }
    let mut out = Phrase::text(&say(
        locale,
        "council_decision_sentence",
        None,
        &[
            ("date", super::local_text::date_label(&moment.date, locale)),
            ("body", moment.body.subject(locale)),
        ],
    ));
    if !parts.is_empty() {
        out.push_str(" ");
        out.push_str(&say(
            locale,
            "council_decision_reported",
            None,
            &[("votes", locale.list(&parts))],
        ));
    }
    out.push_str(" ");
    out.push_local(&decision.others_reason, locale);
    Some(out)
}

/// The editors' text `text` with its first letter in lower case, to follow
/// a colon.
pub fn lower_first(text: &LocalText) -> LocalText {
    let lower = |t: &str| {
        let mut chars = t.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    };
    LocalText::new(lower(&text.nl), text.en.as_deref().map(lower))
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
        assert_eq!(
            crate::council::local_text::percent(part, whole, &Locale::builtin("nl")),
            expected
        );
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
        let text = explain(&evaluate(rule, &eu(except)), &code, &Locale::builtin("nl"));
        for part in parts {
            assert!(text.contains(part), "`{part}` not in: {text}");
        }
    }

    #[test_case(Rule::Qmv, &[("CZ", O), ("NL", A), ("PL", O), ("IT", A)], &["Adopted: 23 of the 27 member states vote in favour", "72.0%", "an abstention counts the same as a vote against"]; "seed 001")]
    #[test_case(Rule::Qmv, &[("DE", O), ("FR", O), ("IT", O)], &["the qualified majority counts as reached"]; "deemed")]
    #[test_case(Rule::Qmv, &[("DE", O), ("FR", O), ("IT", O), ("ES", O)], &["Blocked", "a blocking minority"]; "blocked by population")]
    #[test_case(Rule::Qmv, &[("DE", U), ("FR", O), ("IT", O), ("ES", O)], &["undecided member states (DE)", "DE can decide the outcome alone"]; "depends")]
    #[test_case(Rule::Qmv, &[("DE", U), ("FR", U), ("IT", O), ("ES", O), ("PL", O)], &["DE and FR can tip the balance, but only together"]; "two pivotal")]
    #[test_case(Rule::Unanimity, &[("MT", O)], &["Blocked: MT votes against"]; "veto")]
    #[test_case(Rule::Unanimity, &[("MT", A), ("LU", A)], &["abstentions (LU and MT)"]; "abstention in unanimity")]
    fn explains_in_english(
        rule: Rule,
        except: &[(&str, crate::council::model::Position)],
        parts: &[&str],
    ) {
        let text = explain(&evaluate(rule, &eu(except)), &code, &Locale::builtin("en"));
        for part in parts {
            assert!(text.contains(part), "`{part}` not in: {text}");
        }
        assert!(!text.contains("lidsta"), "{text}");
        assert!(!text.contains("council_"), "a key without text: {text}");
    }

    #[test]
    fn the_decision_sentence_names_who_voted_against_in_the_page_language() {
        let site = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site");
        let data = crate::council::load(&site).unwrap();
        let (moment, _) = data.latest_decision().unwrap();
        let nl = decision_sentence(&data, moment, &Locale::builtin("nl")).unwrap();
        assert!(
            nl.plain()
                .starts_with("Op 26 november 2025 stelde het Coreper"),
            "{nl}"
        );
        assert!(
            nl.plain()
                .contains("stemden Nederland, Polen en Tsjechië tegen")
        );
        let en = decision_sentence(&data, moment, &Locale::builtin("en")).unwrap();
        assert!(
            en.plain().starts_with("On 26 November 2025, Coreper"),
            "{en}"
        );
        assert!(
            en.plain()
                .contains("Czechia, Netherlands and Poland voted against and Italy abstained"),
            "{en}"
        );
    }
}
