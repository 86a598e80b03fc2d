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
use crate::msg;

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
                    file.error(
                        "moment-vote-twice",
                        at,
                        msg!(
                            "{code} has two votes at this decision",
                            "{code} heeft bij dit besluit twee stemmen"
                        ),
                    )
                    .with_hint(msg!(
                        "name each state in one list only: support, oppose or abstain",
                        "noem elke lidstaat in maar één lijst: support, oppose of abstain"
                    )),
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
            let written = raw.others.get_ref();
            diags.push(
                file.error(
                    "moment-others-invalid",
                    &raw.others,
                    msg!("`{written}` is not a vote", "`{written}` is geen stem"),
                )
                .with_hint(msg!(
                    "write how the states not named are counted: support, oppose or abstain",
                    "schrijf hoe de lidstaten tellen die niet genoemd zijn: support, oppose of abstain"
                )),
            );
            None
        }
    };
    check_not_empty(
        file,
        &raw.others_reason,
        msg!(
            "reason for counting the others",
            "de reden waarom de andere lidstaten zo tellen"
        ),
        diags,
    );
    if raw.sources.get_ref().is_empty() {
        diags.push(
            file.error(
                "moment-votes-unsourced",
                &raw.sources,
                msg!(
                    "the votes have no sources",
                    "de stemmen hebben geen bronnen"
                ),
            )
            .with_hint(msg!(
                "list the web addresses that report the votes in sources = [...]",
                "zet de webadressen die over de stemmen berichten in sources = [...]"
            )),
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
                file.error(
                    "moment-presidency-reversed",
                    &raw.until,
                    msg!(
                        "the presidency ends before it starts",
                        "het voorzitterschap eindigt voordat het begint"
                    ),
                )
                .with_hint(msg!(
                    "swap `from` and `until`",
                    "wissel `from` en `until` om"
                )),
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
        check_not_empty(file, &raw.id, msg!("text id", "de id van de tekst"), diags);
        check_not_empty(file, &raw.title, msg!("title", "de titel"), diags);
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
                        file.warning("moment-title-date-mismatch", title, problem)
                            .with_hint(msg!(
                                "make the title and the date agree",
                                "zorg dat de titel en de datum kloppen met elkaar"
                            )),
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
                file.error(
                    "moment-text-id-twice",
                    &raw.id,
                    msg!(
                        "text id `{id}` is used twice",
                        "de id `{id}` van een tekst komt twee keer voor"
                    ),
                )
                .with_hint(msg!(
                    "give every [[text]] its own id",
                    "geef elke [[text]] een eigen id"
                )),
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
                file.error(
                    "moment-id-twice",
                    &raw.id,
                    msg!(
                        "moment id `{id}` is used twice",
                        "de id `{id}` van een moment komt twee keer voor"
                    ),
                )
                .with_hint(msg!(
                    "give every [[moment]] its own id",
                    "geef elk [[moment]] een eigen id"
                )),
            );
        }
        let date = date(file, &raw.date, diags);
        let presidency = state_code(file, &raw.presidency, diags);
        let body = match raw.body.get_ref().trim() {
            "coreper" => Some(Body::Coreper),
            "jha-council" => Some(Body::JhaCouncil),
            other => {
                diags.push(
                    file.error(
                        "moment-body-unknown",
                        &raw.body,
                        msg!(
                            "unknown Council body `{other}`",
                            "onbekend orgaan van de Raad: `{other}`"
                        ),
                    )
                    .with_hint(msg!(
                        "write \"coreper\" or \"jha-council\"",
                        "schrijf \"coreper\" of \"jha-council\""
                    )),
                );
                None
            }
        };
        let result = match raw.result.get_ref().trim() {
            "agreed" => Some(MomentResult::Agreed),
            "withdrawn" => Some(MomentResult::Withdrawn),
            other => {
                diags.push(
                    file.error(
                        "moment-result-unknown",
                        &raw.result,
                        msg!("unknown result `{other}`", "onbekende uitkomst `{other}`"),
                    )
                    .with_hint(msg!(
                        "write \"agreed\" or \"withdrawn\"",
                        "schrijf \"agreed\" of \"withdrawn\""
                    )),
                );
                None
            }
        };
        let text = raw.text.get_ref().trim().to_string();
        if data.text(&text).is_none() {
            diags.push(
                file.error(
                    "council-text-unknown",
                    &raw.text,
                    msg!("unknown text `{text}`", "onbekende tekst `{text}`"),
                )
                .with_hint(known_texts(data)),
            );
        }
        check_not_empty(
            file,
            &raw.summary,
            msg!("summary", "de samenvatting"),
            diags,
        );
        let summary_en = english(
            file,
            raw.summary.get_ref(),
            raw.summary_en.as_ref(),
            "summary",
            diags,
        );
        if raw.sources.get_ref().is_empty() {
            diags.push(
                file.error(
                    "moment-unsourced",
                    &raw.sources,
                    msg!(
                        "this moment has no sources",
                        "dit moment heeft geen bronnen"
                    ),
                )
                .with_hint(msg!(
                    "list at least one web address in sources = [...]",
                    "zet minstens één webadres in sources = [...]"
                )),
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
                file.error(
                    "moment-votes-without-decision",
                    &votes.others,
                    msg!(
                        "votes are recorded for a moment without a decision",
                        "er staan stemmen bij een moment zonder besluit"
                    ),
                )
                .with_hint(msg!(
                    "only a moment with result = \"agreed\" has votes; remove [moment.votes] or fix the result",
                    "alleen een moment met result = \"agreed\" heeft stemmen; haal [moment.votes] weg of verbeter de uitkomst"
                )),
            );
        }
        if let (Some(date), Some(_)) = (&date, &decision)
            && !date.day_known
        {
            diags.push(
                file.error(
                    "moment-decision-no-day",
                    &raw.date,
                    msg!(
                        "a decision needs the day it was taken",
                        "bij een besluit hoort de dag waarop het genomen is"
                    ),
                )
                .with_hint(msg!(
                    "write the date as YYYY-MM-DD",
                    "schrijf de datum als YYYY-MM-DD"
                )),
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
                let outcome = match outcome {
                    Outcome::Blocked => msg!("blocked", "geblokkeerd"),
                    _ => msg!("not decided", "niet beslist"),
                };
                diags.push(
                    file.error(
                        "moment-votes-not-adopted",
                        &votes.others,
                        msg!(
                            "these votes do not add up to an agreement: counted by the rules the text is {outcome}",
                            "deze stemmen leveren geen akkoord op: volgens de regels is de tekst {outcome}";
                            outcome
                        ),
                    )
                    .with_hint(msg!(
                        "check the reported votes and how the others are counted (others = ...)",
                        "controleer de gemelde stemmen en hoe de andere lidstaten tellen (others = ...)"
                    )),
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
