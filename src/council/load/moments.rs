//! `data/council/moments.toml`: the Council presidencies, the compromise
//! texts they put on the table and the Council moments (Coreper, JHA
//! Council) at which a text was agreed or withdrawn, with the recorded votes
//! checked against the voting rules.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use super::sources::{source, source_with_archive};
use super::{Ctx, check_not_empty, date, english, full_day, known_texts, local_text, state_code};
use crate::council::model::{
    Body, CouncilData, Decision, Moment, MomentResult, Position, Presidency, Source, Text,
};
use crate::council::qmv::{Outcome, Rule, Voter, evaluate};
use crate::data_file::Parsed;
use crate::diagnostics::Diagnostics;

/// `moments.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMomentsFile {
    #[serde(default)]
    presidency: Vec<RawPresidency>,
    #[serde(default)]
    text: Vec<RawText>,
    #[serde(default)]
    moment: Vec<RawMoment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPresidency {
    state: Spanned<String>,
    from: Spanned<String>,
    until: Spanned<String>,
    source: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    id: Spanned<String>,
    date: Spanned<String>,
    presidency: Spanned<String>,
    title: Spanned<String>,
    title_en: Option<Spanned<String>>,
    #[serde(default)]
    summary: String,
    summary_en: Option<Spanned<String>>,
    source: Spanned<String>,
    archive_url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMoment {
    id: Spanned<String>,
    date: Spanned<String>,
    body: Spanned<String>,
    presidency: Spanned<String>,
    text: Spanned<String>,
    result: Spanned<String>,
    summary: Spanned<String>,
    summary_en: Option<Spanned<String>>,
    sources: Spanned<Vec<Spanned<String>>>,
    votes: Option<RawVotes>,
}

/// `[moment.votes]`: the votes as reported at a decision.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVotes {
    #[serde(default)]
    support: Vec<Spanned<String>>,
    #[serde(default)]
    oppose: Vec<Spanned<String>>,
    #[serde(default)]
    abstain: Vec<Spanned<String>>,
    others: Spanned<String>,
    others_reason: Spanned<String>,
    others_reason_en: Option<Spanned<String>>,
    sources: Spanned<Vec<Spanned<String>>>,
}

/// The votes of one decision, checked; `None` after a mistake.
fn check_votes(
    file: &Parsed<RawMomentsFile>,
    raw: &RawVotes,
    ctx: &Ctx,
    diags: &mut Diagnostics,
) -> Option<Decision> {
    let mut reported: Vec<(&'static str, Position)> = Vec::new();
    let mut ok = true;
    for (list, position) in [
        (&raw.support, Position::Support),
        (&raw.oppose, Position::Oppose),
        (&raw.abstain, Position::Abstain),
    ] {
        for at in list {
            let Some(code) = state_code(file, at, diags) else {
                ok = false;
                continue;
            };
            if reported.iter().any(|(c, _)| *c == code) {
                diags.push(
                    file.untranslated_error(at, format!("{code} has two votes at this decision"))
                        .with_hint("name each state in one list only: support, oppose or abstain"),
                );
                ok = false;
                continue;
            }
            reported.push((code, position));
        }
    }
    reported.sort();
    let others = match Position::parse(raw.others.get_ref()) {
        Some(p) if p != Position::Undecided => Some(p),
        _ => {
            diags.push(
                file.untranslated_error(
                    &raw.others,
                    format!("`{}` is not a vote", raw.others.get_ref()),
                )
                .with_hint(
                    "write how the states not named are counted: support, oppose or abstain",
                ),
            );
            None
        }
    };
    check_not_empty(
        file,
        &raw.others_reason,
        "reason for counting the others",
        diags,
    );
    if raw.sources.get_ref().is_empty() {
        diags.push(
            file.untranslated_error(&raw.sources, "the votes have no sources")
                .with_hint("list the web addresses that report the votes in sources = [...]"),
        );
    }
    let sources: Option<Vec<Source>> = raw
        .sources
        .get_ref()
        .iter()
        .map(|s| source(file, s, &ctx.hosts, diags))
        .collect::<Vec<_>>()
        .into_iter()
        .collect();
    let others_reason = local_text(
        file,
        raw.others_reason.get_ref(),
        raw.others_reason_en.as_ref(),
        "others_reason",
        diags,
    );
    Some(Decision {
        reported,
        others: others?,
        others_reason,
        sources: sources.filter(|_| ok)?,
    })
}

/// Adds the presidencies, texts and moments of `moments.toml` to `data`.
pub(super) fn check_moments(
    file: &Parsed<RawMomentsFile>,
    ctx: &Ctx,
    data: &mut CouncilData,
    diags: &mut Diagnostics,
) {
    for raw in &file.value.presidency {
        let state = state_code(file, &raw.state, diags);
        let from = full_day(file, &raw.from, diags);
        let until = full_day(file, &raw.until, diags);
        let source = source(file, &raw.source, &ctx.hosts, diags);
        let (Some(state), Some(from), Some(until), Some(source)) = (state, from, until, source)
        else {
            continue;
        };
        if until < from {
            diags.push(
                file.untranslated_error(&raw.until, "the presidency ends before it starts")
                    .with_hint("swap `from` and `until`"),
            );
            continue;
        }
        data.presidencies.push(Presidency {
            state,
            from,
            until,
            source,
        });
    }
    data.presidencies.sort_by_key(|p| p.from);

    for raw in &file.value.text {
        let id = raw.id.get_ref().trim().to_string();
        check_not_empty(file, &raw.id, "text id", diags);
        check_not_empty(file, &raw.title, "title", diags);
        let source = source_with_archive(
            file,
            &raw.source,
            raw.archive_url.as_ref(),
            &ctx.hosts,
            diags,
        );
        let presidency = state_code(file, &raw.presidency, diags);
        let date = date(file, &raw.date, diags);
        if let Some(date) = date {
            let titles =
                std::iter::once((&raw.title, "nl")).chain(raw.title_en.iter().map(|t| (t, "en")));
            for (title, language) in titles {
                if let Some(problem) =
                    crate::council::check::title_date_mismatch(title.get_ref(), &date, language)
                {
                    diags.push(
                        file.untranslated_warning(title, problem)
                            .with_hint("make the title and the date agree"),
                    );
                }
            }
        }
        let title = local_text(
            file,
            raw.title.get_ref(),
            raw.title_en.as_ref(),
            "title",
            diags,
        );
        let summary = local_text(
            file,
            &raw.summary,
            raw.summary_en.as_ref(),
            "summary",
            diags,
        );
        if data.texts.iter().any(|t| t.id == id) {
            diags.push(
                file.untranslated_error(&raw.id, format!("text id `{id}` is used twice"))
                    .with_hint("give every [[text]] its own id"),
            );
            continue;
        }
        let (Some(presidency), Some(date), Some(source)) = (presidency, date, source) else {
            continue;
        };
        data.texts.push(Text {
            id,
            date,
            presidency,
            title,
            summary,
            source,
        });
    }
    data.texts.sort_by_key(|t| t.date.effective);

    let mut ids = BTreeSet::new();
    for raw in &file.value.moment {
        let id = raw.id.get_ref().trim().to_string();
        if !ids.insert(id.clone()) {
            diags.push(
                file.untranslated_error(&raw.id, format!("moment id `{id}` is used twice"))
                    .with_hint("give every [[moment]] its own id"),
            );
        }
        let date = date(file, &raw.date, diags);
        let presidency = state_code(file, &raw.presidency, diags);
        let body = match raw.body.get_ref().trim() {
            "coreper" => Some(Body::Coreper),
            "jha-council" => Some(Body::JhaCouncil),
            other => {
                diags.push(
                    file.untranslated_error(&raw.body, format!("unknown Council body `{other}`"))
                        .with_hint("write \"coreper\" or \"jha-council\""),
                );
                None
            }
        };
        let result = match raw.result.get_ref().trim() {
            "agreed" => Some(MomentResult::Agreed),
            "withdrawn" => Some(MomentResult::Withdrawn),
            other => {
                diags.push(
                    file.untranslated_error(&raw.result, format!("unknown result `{other}`"))
                        .with_hint("write \"agreed\" or \"withdrawn\""),
                );
                None
            }
        };
        let text = raw.text.get_ref().trim().to_string();
        if data.text(&text).is_none() {
            diags.push(
                file.untranslated_error(&raw.text, format!("unknown text `{text}`"))
                    .with_hint(known_texts(data)),
            );
        }
        check_not_empty(file, &raw.summary, "summary", diags);
        let summary_en = english(
            file,
            raw.summary.get_ref(),
            raw.summary_en.as_ref(),
            "summary",
            diags,
        );
        if raw.sources.get_ref().is_empty() {
            diags.push(
                file.untranslated_error(&raw.sources, "this moment has no sources")
                    .with_hint("list at least one web address in sources = [...]"),
            );
        }
        let sources: Vec<Option<Source>> = raw
            .sources
            .get_ref()
            .iter()
            .map(|s| source(file, s, &ctx.hosts, diags))
            .collect();
        let decision = raw
            .votes
            .as_ref()
            .and_then(|votes| check_votes(file, votes, ctx, diags));
        if let (Some(votes), Some(result)) = (&raw.votes, result)
            && result != MomentResult::Agreed
        {
            diags.push(
                file.untranslated_error(&votes.others, "votes are recorded for a moment without a decision")
                    .with_hint("only a moment with result = \"agreed\" has votes; remove [moment.votes] or fix the result"),
            );
        }
        if let (Some(date), Some(_)) = (&date, &decision)
            && !date.day_known
        {
            diags.push(
                file.untranslated_error(&raw.date, "a decision needs the day it was taken")
                    .with_hint("write the date as YYYY-MM-DD"),
            );
        }
        if let (Some(votes), Some(decision), Some(date)) = (&raw.votes, &decision, &date)
            && let Some(choice) = data.population_at(date.effective)
        {
            let voters: Vec<Voter> = choice
                .figures
                .iter()
                .map(|&(code, population)| Voter::new(code, population, decision.vote_of(code)))
                .collect();
            let outcome = evaluate(Rule::Qmv, &voters).outcome;
            if outcome != Outcome::Adopted {
                diags.push(
                    file.untranslated_error(
                        &votes.others,
                        format!(
                            "these votes do not add up to an agreement: counted by the rules the text is {}",
                            outcome.label_nl()
                        ),
                    )
                    .with_hint("check the reported votes and how the others are counted (others = ...)"),
                );
            }
        }
        let (Some(date), Some(presidency), Some(body), Some(result), Some(sources)) = (
            date,
            presidency,
            body,
            result,
            sources.into_iter().collect::<Option<Vec<Source>>>(),
        ) else {
            continue;
        };
        data.moments.push(Moment {
            id,
            date,
            body,
            presidency,
            text,
            result,
            summary: raw.summary.get_ref().trim().to_string(),
            summary_en,
            sources,
            decision,
        });
    }
    data.moments.sort_by_key(|m| m.date.effective);
}

#[cfg(test)]
mod tests {
    use super::super::test_site::{assert_reported, site_root, with_file};
    use test_case::test_case;

    #[test_case("moments.toml", "[[text]]\nid = \"x\"\ndate = \"2025-01-01\"\npresidency = \"XX\"\ntitle = \"t\"\nsource = \"https://example.org/\"\n", "moments.toml", 4, "not the code of an EU member state"; "unknown presidency state")]
    fn reports_editor_mistakes(name: &str, content: &str, file: &str, line: usize, message: &str) {
        assert_reported(name, content, file, line, message);
    }

    #[test_case("others = \"support\"", "others = \"oppose\"", "do not add up to an agreement"; "votes that block")]
    #[test_case("abstain = [\"IT\"]", "abstain = [\"IT\", \"NL\"]", "NL has two votes"; "a state in two lists")]
    #[test_case("result = \"agreed\"\nsummary = \"De vertegenwoordigers", "result = \"withdrawn\"\nsummary = \"De vertegenwoordigers", "without a decision"; "votes on a withdrawn moment")]
    fn reports_mistakes_in_recorded_votes(find: &str, replace: &str, message: &str) {
        let text = std::fs::read_to_string(site_root().join("data/council/moments.toml")).unwrap();
        assert!(text.contains(find), "{find}");
        let (_tmp, diags) = with_file("moments.toml", &text.replacen(find, replace, 1));
        let found = diags.iter().find(|d| d.message.contains(message));
        let found = found.unwrap_or_else(|| panic!("no `{message}` in:\n{diags}"));
        assert!(found.line > 0 && found.hint.is_some(), "{found}");
    }
}
