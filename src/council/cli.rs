//! `chatcontrole council`: would the proposal pass in the Council on a given
//! date, with the tracked positions and any what-if changes?
//!
//! This module only reads the arguments and prints: the standing itself is
//! worked out in [`super::standing`] (see there for which claims count), and
//! its sentences come from [`super::explain`], in the site's default
//! language or the one `--lang` names. Nothing but `main.rs` imports this
//! module.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::json;

use super::explain::{decision_sentence, explain, state_name};
use super::model::{ClaimDate, CouncilData, Position, normalize_code};
use super::qmv::{Evaluation, Rule};
use super::standing::{Change, Standing, StatePosition, standing};
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locale::Locale;
use crate::msg;

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
    /// The language of the sentences (default: the site's default language);
    /// set from the global `--lang`.
    #[arg(skip)]
    pub lang: Option<String>,
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

/// Parses one `--set` value such as `NL=abstain`, `gr=support` or `ALL=undecided`.
pub fn parse_set(text: &str) -> Result<Change, Diagnostic> {
    let Some((who, what)) = text.split_once('=') else {
        return Err(Diagnostic::usage(
            "usage-set-form",
            msg!(
                "--set `{text}` needs the form XX=position",
                "--set `{text}` moet de vorm XX=standpunt hebben"
            ),
        )
        .with_hint(msg!(
            "for example --set NL=abstain or --set ALL=support",
            "bijvoorbeeld --set NL=abstain of --set ALL=support"
        )));
    };
    let Some(position) = Position::parse(what) else {
        let what = what.trim();
        return Err(Diagnostic::usage(
            "usage-set-position-unknown",
            msg!(
                "--set `{text}`: unknown position `{what}`",
                "--set `{text}`: onbekend standpunt `{what}`"
            ),
        )
        .with_hint(msg!(
            "use support, oppose, abstain or undecided",
            "gebruik support, oppose, abstain of undecided"
        )));
    };
    if who.trim().eq_ignore_ascii_case("all") {
        return Ok(Change::All(position));
    }
    match normalize_code(who) {
        Some(code) => Ok(Change::One(code, position)),
        None => {
            let who = who.trim();
            Err(Diagnostic::usage(
                "usage-set-state-unknown",
                msg!(
                    "--set `{text}`: `{who}` is not an EU member state",
                    "--set `{text}`: `{who}` is geen EU-lidstaat"
                ),
            )
            .with_hint(msg!(
                "use an EU country code such as NL, DE or EL (GR also works), or ALL",
                "gebruik een landcode van de EU zoals NL, DE of EL (GR werkt ook), of ALL"
            )))
        }
    }
}

/// Parses `--at`.
pub fn parse_at(text: &str) -> Result<NaiveDate, Diagnostic> {
    match ClaimDate::parse(text) {
        Ok(date) if date.day_known => Ok(date.effective),
        _ => Err(Diagnostic::usage(
            "usage-at-invalid",
            msg!("--at `{text}` is not a date", "--at `{text}` is geen datum"),
        )
        .with_hint(msg!(
            "write --at YYYY-MM-DD, e.g. --at 2025-11-26",
            "schrijf --at YYYY-MM-DD, bijvoorbeeld --at 2025-11-26"
        ))),
    }
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
    let locale = locale(&args.site, args.lang.as_deref())?;
    let standing = standing(&data, date, args.rule.into(), &changes)?;
    Ok(if args.json {
        format!("{}\n", render_json(&data, &standing, &locale))
    } else {
        render_text(&data, &standing, &locale)
    })
}

/// The locale to print in: `lang`, or else the site's default language
/// (Dutch for a site folder without `site.toml`), with the site's own
/// i18n files over the built-in strings.
pub fn locale(site: &std::path::Path, lang: Option<&str>) -> Result<Locale, Diagnostics> {
    let config = if site.join("site.toml").is_file() {
        Some(SiteConfig::load(site)?)
    } else {
        None
    };
    let languages = config
        .as_ref()
        .map(SiteConfig::languages)
        .unwrap_or_default();
    let code = match (lang, &config) {
        (Some(code), _) => code.to_string(),
        (None, Some(config)) => config.default_language(),
        (None, None) => super::local_text::DATA_LANGUAGE.to_string(),
    };
    let tag = languages
        .iter()
        .find(|l| l.code == code)
        .map(|l| l.tag.clone())
        .unwrap_or_else(|| code.clone());
    let mut diags = Diagnostics::new();
    let locale = crate::locale::load(site, &[(code, tag)], &mut diags)
        .into_iter()
        .next();
    match locale {
        Some(locale) if !diags.has_errors() => Ok(locale),
        _ => Err(diags),
    }
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

fn evaluation_json(
    data: &CouncilData,
    states: &[StatePosition],
    e: &Evaluation,
    locale: &Locale,
) -> serde_json::Map<String, serde_json::Value> {
    let total = e.participating.population;
    let positions: serde_json::Map<String, serde_json::Value> = states
        .iter()
        .map(|s| (s.code.to_string(), json!(s.position.as_str())))
        .collect();
    let value = json!({
        "outcome": e.outcome.as_str(),
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
        "decisive": e.decisive,
        "to_adopt": e.to_adopt,
        "to_block": e.to_block,
        "to_adopt_undecided": e.to_adopt_undecided,
        "to_block_undecided": e.to_block_undecided,
        "positions": positions,
        "explanation": explain(e, &|c: &str| state_name(data, c, locale), locale),
    });
    match value {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}

fn source_json(source: &super::model::Source) -> serde_json::Value {
    json!({ "url": source.url.as_str(), "kind": source.kind.as_str() })
}

/// The `decision` object of `--json`: the decision in force, as recorded.
fn decision_json(data: &CouncilData, standing: &Standing, locale: &Locale) -> serde_json::Value {
    let Some(in_force) = &standing.decision else {
        return serde_json::Value::Null;
    };
    let Some(moment) = data.moments.iter().find(|m| m.id == in_force.moment) else {
        return serde_json::Value::Null;
    };
    let Some(decision) = &moment.decision else {
        return serde_json::Value::Null;
    };
    let votes: serde_json::Map<String, serde_json::Value> = standing
        .states
        .iter()
        .map(|s| (s.code.to_string(), json!(decision.vote_of(s.code).as_str())))
        .collect();
    let mut sources: Vec<serde_json::Value> = decision.sources.iter().map(source_json).collect();
    sources.extend(
        moment
            .sources
            .iter()
            .filter(|s| !decision.sources.contains(s))
            .map(source_json),
    );
    json!({
        "moment": moment.id,
        "date": moment.date.to_string(),
        "body": moment.body,
        "text": moment.text,
        "outcome": in_force.evaluation.outcome.as_str(),
        "votes": votes,
        "reported": decision.reported.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        "others": decision.others.as_str(),
        "others_reason": decision.others_reason.plain(locale),
        "sources": sources,
    })
}

/// The `--json` object. Its top-level tally is the standing on the date:
/// the recorded votes of the decision in force (so `outcome` is the decided
/// one), or else the projection from claims, in both cases after `--set`.
/// With a decision in force, `projection` is the outlook for the next
/// decision point; otherwise it is null. Sentences (`explanation`,
/// `others_reason`) are in `locale`'s language.
pub fn render_json(data: &CouncilData, standing: &Standing, locale: &Locale) -> serde_json::Value {
    let mut map = evaluation_json(data, &standing.states, &standing.evaluation, locale);
    let extra = json!({
        "rule": standing.rule.as_str(),
        "date": standing.date.format("%Y-%m-%d").to_string(),
        "text": standing.text,
        "changes": standing.changes.iter().map(Change::label).collect::<Vec<_>>(),
        "unknown": flagged(standing, |s| s.unknown && !s.set),
        "disputed": flagged(standing, |s| s.disputed && !s.set),
        "population_year": standing.population_year,
        "population_precision": if standing.population_derived { "derived" } else { "official" },
        "decision": decision_json(data, standing, locale),
        "projection": standing
            .next
            .as_ref()
            .map(|n| serde_json::Value::Object(evaluation_json(data, &n.states, &n.evaluation, locale))),
    });
    if let serde_json::Value::Object(extra) = extra {
        map.extend(extra);
    }
    serde_json::Value::Object(map)
}

/// The sentence(s) printed without `--json`, in `locale`'s language.
pub fn render_text(data: &CouncilData, standing: &Standing, locale: &Locale) -> String {
    let e = &standing.evaluation;
    let name = |c: &str| state_name(data, c, locale);
    let mut lines: Vec<String> = Vec::new();
    if !standing.changes.is_empty() {
        let changes: Vec<String> = standing.changes.iter().map(Change::label).collect();
        lines.push(locale.tf("council_cli_changes", &[("changes", &changes.join(", "))]));
    }
    let decided = standing
        .decision
        .as_ref()
        .and_then(|d| data.moments.iter().find(|m| m.id == d.moment));
    if let Some(moment) = decided
        && let Some(sentence) = decision_sentence(data, moment, locale)
    {
        lines.push(locale.tf("council_cli_decision", &[("sentence", sentence.plain())]));
    }
    let what = match (decided.is_some(), standing.changes.is_empty()) {
        (true, true) => "council_cli_outcome_decision",
        (true, false) => "council_cli_outcome_decision_changed",
        (false, _) => "council_cli_outcome_now",
    };
    lines.push(locale.tf(
        "council_cli_standing",
        &[
            ("date", &standing.date.format("%Y-%m-%d").to_string()),
            ("rule", &e.rule.label(locale)),
            ("what", &locale.t(what)),
            ("outcome", &e.outcome.label(locale)),
        ],
    ));
    if let Some(text) = standing.text.as_deref().and_then(|id| data.text(id)) {
        lines.push(locale.tf("council_cli_text", &[("text", &text.title.plain(locale))]));
    }
    lines.push(explain(e, &name, locale));
    if let Some(next) = &standing.next {
        if let Some(stage) = data.next_stage() {
            lines.push(locale.tf(
                "council_cli_next_step",
                &[
                    ("stage", &stage.title.plain(locale)),
                    ("body", &stage.body.plain(locale)),
                ],
            ));
        }
        if next.evaluation != standing.evaluation {
            lines.push(locale.tf(
                if standing.changes.is_empty() {
                    "council_cli_projection"
                } else {
                    "council_cli_projection_changed"
                },
                &[
                    ("outcome", &next.evaluation.outcome.label(locale)),
                    ("explanation", &explain(&next.evaluation, &name, locale)),
                ],
            ));
        }
    }
    let unknown = flagged(standing, |s| s.unknown && !s.set);
    if !unknown.is_empty() {
        lines.push(locale.tf("council_cli_unknown", &[("states", &unknown.join(", "))]));
    }
    let disputed = flagged(standing, |s| s.disputed && !s.set);
    if !disputed.is_empty() {
        lines.push(locale.tf("council_cli_disputed", &[("states", &disputed.join(", "))]));
    }
    let mut note = locale.tf(
        "council_population_figures",
        &[("year", &standing.population_year.to_string())],
    );
    if standing.population_derived {
        note.push_str(&locale.tf(
            "council_cli_population_derived",
            &[("margin", &locale.number(DERIVED_MARGIN))],
        ));
    }
    if standing.later_population_year {
        note.push_str(&locale.t("council_cli_population_later"));
    }
    note.push('.');
    lines.push(note);
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// How far a derived population figure may be off, in inhabitants: the
/// official share has two decimals, so 0.005% of the EU's 451 million.
pub const DERIVED_MARGIN: i64 = 23_000;

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn args(at: &str, rule: RuleArg, set: &[&str], json: bool) -> CouncilArgs {
        CouncilArgs {
            site: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site"),
            at: Some(at.to_string()),
            rule,
            set: set.iter().map(|s| s.to_string()).collect(),
            json,
            lang: None,
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
        assert!(err.is_usage_error(), "{err}");
        assert!(err.iter().all(|d| d.hint.is_some()));
        assert!(
            err.iter().all(|d| d.code.starts_with("usage-set-")),
            "{err}"
        );
        assert!(
            err.iter()
                .all(|d| d.message.nl.starts_with("--set `") && d.message.nl != d.message.en),
            "{err}"
        );
    }

    #[test]
    fn bad_date_is_a_usage_error() {
        let err = run(&args("26-11-2025", RuleArg::Qmv, &["XX=support"], false)).unwrap_err();
        assert!(err.is_usage_error());
        assert_eq!(err.error_count(), 2);
        let at = err.iter().find(|d| d.code == "usage-at-invalid").unwrap();
        assert_eq!(at.message.nl, "--at `26-11-2025` is geen datum");
    }

    #[test]
    fn missing_site_is_a_data_error() {
        let mut a = args("2025-11-26", RuleArg::Qmv, &[], false);
        a.site = PathBuf::from("/nonexistent/site");
        let err = run(&a).unwrap_err();
        assert!(!err.is_usage_error());
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
        // From 26 November 2025 the recorded votes count: Italy abstained
        // (although one source says against), the Netherlands voted against.
        assert_eq!(v["decision"]["date"], "2025-11-26");
        assert_eq!(v["positions"]["IT"], "abstain");
        assert_eq!(v["positions"]["NL"], "oppose");
        assert_eq!(v["outcome"], "adopted");
        // The day before, Italy's sources were not yet in, and no decision applied.
        let before = json_of(&args("2025-11-25", RuleArg::Qmv, &[], true));
        assert!(before["decision"].is_null());
        assert!(before["projection"].is_null());
        assert_eq!(before["positions"]["NL"], "abstain");
    }

    #[test]
    fn json_decision_has_date_body_votes_and_graded_sources() {
        let v = json_of(&args("2025-11-27", RuleArg::Qmv, &[], true));
        let d = &v["decision"];
        assert_eq!(v["outcome"], "adopted");
        assert_eq!(d["date"], "2025-11-26");
        assert_eq!(d["body"], "coreper");
        assert_eq!(d["text"], "dk-2025-11");
        assert_eq!(d["outcome"], "adopted");
        assert_eq!(d["votes"].as_object().unwrap().len(), 27);
        assert_eq!(d["votes"]["NL"], "oppose");
        assert_eq!(d["votes"]["IT"], "abstain");
        assert_eq!(d["votes"]["DE"], "support");
        let sources = d["sources"].as_array().unwrap();
        assert!(sources.iter().any(|s| s["kind"] == "press"
            && s["url"].as_str().unwrap().contains("security.nl")));
        assert_eq!(v["projection"]["outcome"], "adopted");
        assert_eq!(v["changes"], serde_json::json!([]));
    }

    #[test]
    fn the_decision_keeps_its_own_rule() {
        let v = json_of(&args("2025-11-27", RuleArg::Unanimity, &[], true));
        assert_eq!(v["decision"]["outcome"], "adopted");
        // Under unanimity the same votes would have blocked it: a what-if.
        assert_eq!(v["outcome"], "blocked");
    }

    #[test]
    fn set_prints_the_applied_changes_first() {
        let plain = run(&args("2025-11-25", RuleArg::Qmv, &[], false)).unwrap();
        let changed = run(&args(
            "2025-11-25",
            RuleArg::Qmv,
            &["NL=oppose", "gr=support"],
            false,
        ))
        .unwrap();
        assert!(!plain.contains("Wat als"), "{plain}");
        assert!(
            changed.starts_with("Wat als: toegepaste wijzigingen NL=oppose, EL=support.\n"),
            "{changed}"
        );
        let v = json_of(&args("2025-11-25", RuleArg::Qmv, &["NL=oppose"], true));
        assert_eq!(v["changes"], serde_json::json!(["NL=oppose"]));
    }

    #[test]
    fn dates_before_2025_use_2025_figures_and_say_so() {
        let out = run(&args("2024-06-20", RuleArg::Qmv, &[], false)).unwrap();
        assert!(out.contains("Bevolkingscijfers 2025"), "{out}");
        assert!(out.contains("geen volledige cijfers"), "{out}");
    }

    #[test]
    fn lang_en_prints_english() {
        let mut a = args("2025-11-27", RuleArg::Qmv, &["NL=abstain"], false);
        a.lang = Some("en".into());
        let out = run(&a).unwrap();
        assert!(
            out.starts_with("What if: changes applied NL=abstain.\n"),
            "{out}"
        );
        assert!(
            out.contains("Decision: On 26 November 2025, Coreper"),
            "{out}"
        );
        assert!(
            out.contains("Council of the EU on 2025-11-27 (qualified majority), outcome of the decision with the changes: adopted."),
            "{out}"
        );
        assert!(
            out.contains("off by up to about 23,000 per country"),
            "{out}"
        );
        for dutch in ["lidsta", "Bevolking", "Besluit", "uitkomst", "telt een"] {
            assert!(!out.contains(dutch), "{dutch} in {out}");
        }
        let mut j = args("2025-11-27", RuleArg::Qmv, &[], true);
        j.lang = Some("en".into());
        let v = json_of(&j);
        assert!(
            v["explanation"]
                .as_str()
                .unwrap()
                .starts_with("Adopted: 23 of the 27 member states vote in favour"),
            "{v}"
        );
        assert_eq!(
            v["outcome"], "adopted",
            "keywords do not change with the language"
        );
    }

    #[test]
    fn without_lang_the_site_default_language_is_used() {
        let out = run(&args("2025-11-27", RuleArg::Qmv, &[], false)).unwrap();
        assert!(out.contains("Raad van de EU op 2025-11-27"), "{out}");
        let site = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site");
        assert_eq!(locale(&site, None).unwrap().code(), "nl");
        assert_eq!(locale(&site, Some("en")).unwrap().code(), "en");
        let bare = tempfile::tempdir().unwrap();
        assert_eq!(locale(bare.path(), None).unwrap().code(), "nl");
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
                "Wat als: toegepaste wijzigingen ALL=support, CZ=oppose, NL=abstain, PL=oppose, IT=abstain.\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("Raad van de EU op 2025-11-26 (gekwalificeerde meerderheid), uitkomst van het besluit met de wijzigingen: aangenomen."),
            "{out}"
        );
        assert!(
            out.contains("telt een onthouding hetzelfde als een tegenstem"),
            "{out}"
        );
    }
}
