//! `chatcontrole council`: would the proposal pass in the Council on a given
//! date, with the tracked positions and any what-if changes?
//!
//! Positions are taken from the data: for each state, the claims of the
//! latest date on or before `--at` about the text under discussion then (see
//! [`CouncilData::stance_at`]). States without such a claim count as
//! undecided; disputed states count as described in [`counted_position`].
//! Then each `--set` is applied in order. Population figures are those of the
//! year of `--at` or the latest complete year before it (or, when there is
//! none, the earliest complete year; the output says so).

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::json;

use super::explain::explain;
use super::model::{ClaimDate, CouncilData, Position, normalize_code};
use super::qmv::{Evaluation, Rule, Voter, evaluate};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The "file" named by diagnostics about the command line itself. Such
/// diagnostics are usage errors (exit code 2), see [`is_usage_error`].
pub const COMMAND_LINE: &str = "command line";

/// Arguments of `chatcontrole council`.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct CouncilArgs {
    /// The site folder (with data/council/ inside).
    #[arg(long, default_value = "site")]
    pub site: PathBuf,
    /// The date to look at, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub at: Option<String>,
    /// The voting rule.
    #[arg(long, value_enum, default_value_t = RuleArg::Qmv)]
    pub rule: RuleArg,
    /// What-if: give a state a position, e.g. NL=abstain; ALL=support sets every state.
    /// Repeatable, applied in order.
    #[arg(long = "set", value_name = "XX=POSITION")]
    pub set: Vec<String>,
    /// Print a JSON object instead of a sentence.
    #[arg(long)]
    pub json: bool,
}

/// The `--rule` values.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleArg {
    /// Qualified majority: 55% of states and 65% of population.
    Qmv,
    /// Reinforced qualified majority: 72% of states and 65% of population.
    Reinforced,
    /// Unanimity: no state against.
    Unanimity,
}

impl From<RuleArg> for Rule {
    fn from(arg: RuleArg) -> Rule {
        match arg {
            RuleArg::Qmv => Rule::Qmv,
            RuleArg::Reinforced => Rule::Reinforced,
            RuleArg::Unanimity => Rule::Unanimity,
        }
    }
}

/// True when the diagnostics are about wrong usage of the command (exit 2)
/// rather than about the site's data (exit 1).
pub fn is_usage_error(diags: &Diagnostics) -> bool {
    diags
        .iter()
        .any(|d| d.is_error() && d.file == std::path::Path::new(COMMAND_LINE))
}

/// One `--set` change: a state (or all) and a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Give every state this position.
    All(Position),
    /// Give one state this position.
    One(&'static str, Position),
}

/// Parses one `--set` value such as `NL=abstain`, `gr=support` or `ALL=undecided`.
pub fn parse_set(text: &str) -> Result<Change, Diagnostic> {
    let usage = |message: String, hint: &str| {
        Diagnostic::error(COMMAND_LINE, 0, 0, message).with_hint(hint.to_string())
    };
    let Some((who, what)) = text.split_once('=') else {
        return Err(usage(
            format!("--set `{text}` needs the form XX=position"),
            "for example --set NL=abstain or --set ALL=support",
        ));
    };
    let Some(position) = Position::parse(what) else {
        return Err(usage(
            format!("--set `{text}`: unknown position `{}`", what.trim()),
            "use support, oppose, abstain or undecided",
        ));
    };
    if who.trim().eq_ignore_ascii_case("all") {
        return Ok(Change::All(position));
    }
    match normalize_code(who) {
        Some(code) => Ok(Change::One(code, position)),
        None => Err(usage(
            format!("--set `{text}`: `{}` is not an EU member state", who.trim()),
            "use an EU country code such as NL, DE or EL (GR also works), or ALL",
        )),
    }
}

/// Parses `--at`.
pub fn parse_at(text: &str) -> Result<NaiveDate, Diagnostic> {
    match ClaimDate::parse(text) {
        Ok(date) if date.day_known => Ok(date.effective),
        _ => Err(
            Diagnostic::error(COMMAND_LINE, 0, 0, format!("--at `{text}` is not a date"))
                .with_hint("write --at YYYY-MM-DD, e.g. --at 2025-11-26"),
        ),
    }
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
    /// Every state's counted position.
    pub states: Vec<StatePosition>,
    /// The result.
    pub evaluation: Evaluation,
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
            "data/council/states.toml",
            0,
            0,
            "no complete population year",
        )
        .with_hint("mark a year with a figure for every state as complete = true")
    })?;
    let mut states: Vec<StatePosition> = choice
        .figures
        .iter()
        .map(|&(code, population)| {
            let stance = data.stance_at(code, date);
            StatePosition {
                code,
                population,
                position: counted_position(&stance.positions(), rule),
                unknown: stance.is_unknown(),
                disputed: stance.is_disputed(),
                set: false,
            }
        })
        .collect();
    for change in changes {
        for state in &mut states {
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
    let voters: Vec<Voter> = states
        .iter()
        .map(|s| Voter::new(s.code, s.population, s.position))
        .collect();
    Ok(Standing {
        date,
        rule,
        text: data.text_at(date).map(|t| t.id.clone()),
        population_year: choice.year.year,
        population_derived: choice.year.precision == super::model::Precision::Derived,
        later_population_year: choice.later_year_used,
        evaluation: evaluate(rule, &voters),
        states,
    })
}

/// Runs `chatcontrole council` and returns the text to print.
pub fn run(args: &CouncilArgs) -> Result<String, Diagnostics> {
    let mut usage = Diagnostics::new();
    let date = match &args.at {
        Some(text) => parse_at(text).map_err(|d| usage.push(d)).ok(),
        None => Some(chrono::Local::now().date_naive()),
    };
    let changes: Vec<Change> = args
        .set
        .iter()
        .filter_map(|s| parse_set(s).map_err(|d| usage.push(d)).ok())
        .collect();
    let Some(date) = date.filter(|_| !usage.has_errors()) else {
        return Err(usage);
    };
    let data = super::load(&args.site)?;
    let standing = standing(&data, date, args.rule.into(), &changes)?;
    Ok(if args.json {
        format!("{}\n", render_json(&data, &standing))
    } else {
        render_text(&data, &standing)
    })
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    // Display only: rounded to six decimals.
    ((part as f64 / whole as f64) * 1e6).round() / 1e6
}

fn flagged(standing: &Standing, flag: impl Fn(&StatePosition) -> bool) -> Vec<&'static str> {
    standing
        .states
        .iter()
        .filter(|s| flag(s))
        .map(|s| s.code)
        .collect()
}

fn name_of(data: &CouncilData) -> impl Fn(&str) -> String + '_ {
    |code| {
        data.state(code)
            .map(|s| s.name_nl.clone())
            .unwrap_or_else(|| code.to_string())
    }
}

/// The `--json` object.
pub fn render_json(data: &CouncilData, standing: &Standing) -> serde_json::Value {
    let e = &standing.evaluation;
    let total = e.participating.population;
    let positions: serde_json::Map<String, serde_json::Value> = standing
        .states
        .iter()
        .map(|s| (s.code.to_string(), json!(s.position.as_str())))
        .collect();
    json!({
        "outcome": e.outcome.as_str(),
        "rule": e.rule.as_str(),
        "date": standing.date.format("%Y-%m-%d").to_string(),
        "text": standing.text,
        "in_favour": {
            "states": e.in_favour.states,
            "population_share": share(e.in_favour.population, total),
        },
        "not_in_favour": {
            "states": e.not_in_favour.states,
            "population_share": share(e.not_in_favour.population, total),
        },
        "undecided": e.undecided,
        "pivotal": e.pivotal,
        "to_adopt": e.to_adopt,
        "to_block": e.to_block,
        "unknown": flagged(standing, |s| s.unknown && !s.set),
        "disputed": flagged(standing, |s| s.disputed && !s.set),
        "positions": positions,
        "population_year": standing.population_year,
        "population_precision": if standing.population_derived { "derived" } else { "official" },
        "explanation": explain(e, &|c: &str| name_of(data)(c)),
    })
}

/// The sentence(s) printed without `--json`.
pub fn render_text(data: &CouncilData, standing: &Standing) -> String {
    let e = &standing.evaluation;
    let mut out = format!(
        "Raad van de EU op {} ({}): {}.\n",
        standing.date.format("%Y-%m-%d"),
        e.rule.label_nl(),
        e.outcome.label_nl()
    );
    if let Some(text) = standing.text.as_deref().and_then(|id| data.text(id)) {
        out.push_str(&format!("Tekst: {}.\n", text.title));
    }
    out.push_str(&explain(e, &|c: &str| name_of(data)(c)));
    out.push('\n');
    let unknown = flagged(standing, |s| s.unknown && !s.set);
    if !unknown.is_empty() {
        out.push_str(&format!(
            "Geen bekend standpunt (geteld als onbeslist): {}.\n",
            unknown.join(", ")
        ));
    }
    let disputed = flagged(standing, |s| s.disputed && !s.set);
    if !disputed.is_empty() {
        out.push_str(&format!(
            "Bronnen spreken elkaar tegen over: {}.\n",
            disputed.join(", ")
        ));
    }
    let mut note = format!("Bevolkingscijfers {}", standing.population_year);
    if standing.population_derived {
        note.push_str(", afgeleid uit officiële aandelen (tot ongeveer 23.000 afwijking per land)");
    }
    if standing.later_population_year {
        note.push_str("; voor deze datum zijn geen volledige cijfers bekend");
    }
    out.push_str(&note);
    out.push_str(".\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::qmv::Outcome;
    use test_case::test_case;

    fn args(at: &str, rule: RuleArg, set: &[&str], json: bool) -> CouncilArgs {
        CouncilArgs {
            site: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site"),
            at: Some(at.to_string()),
            rule,
            set: set.iter().map(|s| s.to_string()).collect(),
            json,
        }
    }

    fn json_of(a: &CouncilArgs) -> serde_json::Value {
        serde_json::from_str(&run(a).unwrap_or_else(|d| panic!("{d}"))).unwrap()
    }

    #[test_case("NL=abstain", Change::One("NL", Position::Abstain); "simple")]
    #[test_case("gr = Support", Change::One("EL", Position::Support); "alias and spaces")]
    #[test_case("all=undecided", Change::All(Position::Undecided); "all")]
    fn parses_sets(text: &str, expected: Change) {
        assert_eq!(parse_set(text), Ok(expected));
    }

    #[test_case("NL"; "no equals sign")]
    #[test_case("NL=maybe"; "bad position")]
    #[test_case("UK=support"; "not a member")]
    fn rejects_bad_sets_as_usage_errors(text: &str) {
        let err = run(&args("2025-11-26", RuleArg::Qmv, &[text], false)).unwrap_err();
        assert!(is_usage_error(&err), "{err}");
        assert!(err.iter().all(|d| d.hint.is_some()));
    }

    #[test]
    fn bad_date_is_a_usage_error() {
        let err = run(&args("26-11-2025", RuleArg::Qmv, &["XX=support"], false)).unwrap_err();
        assert!(is_usage_error(&err));
        assert_eq!(err.error_count(), 2);
    }

    #[test]
    fn missing_site_is_a_data_error() {
        let mut a = args("2025-11-26", RuleArg::Qmv, &[], false);
        a.site = PathBuf::from("/nonexistent/site");
        let err = run(&a).unwrap_err();
        assert!(!is_usage_error(&err));
    }

    #[test_case(&["ALL=support", "DE=oppose", "FR=oppose", "IT=oppose"], "adopted", &[]; "three cannot block")]
    #[test_case(&["ALL=support", "DE=oppose", "FR=oppose", "IT=oppose", "ES=oppose"], "blocked", &[]; "four block")]
    #[test_case(&["ALL=support", "DE=undecided", "FR=oppose", "IT=oppose", "ES=oppose"], "depends", &["DE"]; "germany pivotal")]
    #[test_case(&["ALL=support", "CZ=oppose", "NL=oppose", "PL=oppose", "IT=abstain"], "adopted", &[]; "seed 001")]
    fn acceptance_cases(set: &[&str], outcome: &str, pivotal: &[&str]) {
        let v = json_of(&args("2025-11-26", RuleArg::Qmv, set, true));
        assert_eq!(v["outcome"], outcome);
        assert_eq!(v["pivotal"], serde_json::json!(pivotal));
        assert_eq!(v["rule"], "qmv");
        assert_eq!(v["date"], "2025-11-26");
        assert!(v["explanation"].as_str().unwrap().len() > 20);
    }

    #[test]
    fn only_the_fourteen_most_populous_in_favour() {
        let mut set = vec!["ALL=oppose"];
        set.extend(
            [
                "DE", "FR", "IT", "ES", "PL", "RO", "NL", "BE", "CZ", "PT", "SE", "EL", "HU", "AT",
            ]
            .map(|c| match c {
                "DE" => "DE=support",
                "FR" => "FR=support",
                "IT" => "IT=support",
                "ES" => "ES=support",
                "PL" => "PL=support",
                "RO" => "RO=support",
                "NL" => "NL=support",
                "BE" => "BE=support",
                "CZ" => "CZ=support",
                "PT" => "PT=support",
                "SE" => "SE=support",
                "EL" => "EL=support",
                "HU" => "HU=support",
                _ => "AT=support",
            }),
        );
        let v = json_of(&args("2025-11-26", RuleArg::Qmv, &set, true));
        assert_eq!(v["outcome"], "blocked");
        assert_eq!(v["in_favour"]["states"], 14);
    }

    #[test]
    fn json_has_the_documented_fields() {
        let v = json_of(&args("2025-11-26", RuleArg::Qmv, &[], true));
        for key in [
            "outcome",
            "in_favour",
            "not_in_favour",
            "undecided",
            "pivotal",
            "rule",
            "date",
            "explanation",
        ] {
            assert!(v.get(key).is_some(), "missing {key}");
        }
        let yes = v["in_favour"]["population_share"].as_f64().unwrap();
        let no = v["not_in_favour"]["population_share"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&yes) && (0.0..=1.0).contains(&no));
        // On 26 November 2025 Italy's sources disagree (abstain vs against).
        assert_eq!(v["disputed"], serde_json::json!(["IT"]));
        assert_eq!(v["positions"]["IT"], "oppose");
        assert_eq!(v["positions"]["NL"], "oppose");
    }

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

    #[test]
    fn dates_before_2025_use_2025_figures_and_say_so() {
        let out = run(&args("2024-06-20", RuleArg::Qmv, &[], false)).unwrap();
        assert!(out.contains("Bevolkingscijfers 2025"), "{out}");
        assert!(out.contains("geen volledige cijfers"), "{out}");
    }

    #[test_case(&[Position::Oppose, Position::Abstain], Rule::Qmv, Position::Oppose; "both not in favour")]
    #[test_case(&[Position::Oppose, Position::Abstain], Rule::Unanimity, Position::Undecided; "differs under unanimity")]
    #[test_case(&[Position::Support, Position::Abstain], Rule::Qmv, Position::Undecided; "support disputed")]
    #[test_case(&[], Rule::Qmv, Position::Undecided; "unknown")]
    fn counts_disputed_positions(claimed: &[Position], rule: Rule, expected: Position) {
        assert_eq!(counted_position(claimed, rule), expected);
    }

    #[test]
    fn text_output_is_a_dutch_explanation() {
        let out = run(&args(
            "2025-11-26",
            RuleArg::Qmv,
            &[
                "ALL=support",
                "CZ=oppose",
                "NL=abstain",
                "PL=oppose",
                "IT=abstain",
            ],
            false,
        ))
        .unwrap();
        assert!(
            out.starts_with(
                "Raad van de EU op 2025-11-26 (gekwalificeerde meerderheid): aangenomen."
            ),
            "{out}"
        );
        assert!(
            out.contains("telt een onthouding hetzelfde als een tegenstem"),
            "{out}"
        );
    }
}
