//! `check` reads what pages say about the Council and compares it with the
//! data: a post that says "Italië onthoudt zich" on a date where the data
//! records Italy as against is a warning on the line of the sentence.
//!
//! Prose cannot be parsed with certainty, so the rule only speaks where it
//! can tell: a clause that names member states (by their Dutch names) before
//! a verb of voting ("stemde tegen", "stemt voor", "onthield zich"), without
//! a negation or a conditional, on a page with a date (or naming a month and
//! year), and a state the data gives exactly one position on that date. A
//! fact written with the `raad-positie` shortcode comes from the data and
//! is never compared.

use std::path::Path;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::facts::{end_of, single_position};
use super::model::{ClaimDate, CouncilData, Position};
use crate::content::dates::MONTHS_NL;
use crate::diagnostics::{Diagnostic, Message};
use crate::msg;

/// A verb of voting and the position it states.
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:stemde|stemden|stemt|stemmen|stemmde)\s+(tegen|voor)|(onth(?:ield|ielden|oudt|ouden)\s+zich))\b",
    )
    .expect("valid verb pattern")
});

/// Words that make a clause something other than a report of a vote.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(niet|geen|zou|zouden|wil|willen|moet|moeten|dreigt|dreigde|als|indien|of)\b",
    )
    .expect("valid hedge pattern")
});

/// One disagreement between a page's words and the Council data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// The state's Dutch name.
    pub state: String,
    /// What the page says.
    pub said: Position,
    /// What the data records.
    pub recorded: Position,
    /// The date compared.
    pub on: NaiveDate,
    /// 1-based line within the text.
    pub line: usize,
}

/// The contradictions in `text` (a page's Markdown) dated `page_date`.
pub fn contradictions(
    data: &CouncilData,
    text: &str,
    page_date: Option<NaiveDate>,
) -> Vec<Contradiction> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.contains("{{<") || line.contains("{{%") {
            continue;
        }
        for sentence in line.split_inclusive(['.', '!', '?', ';']) {
            if sentence.trim_end().ends_with('?') {
                continue;
            }
            let Some(on) = month_in(sentence).or(page_date) else {
                continue;
            };
            let mut clause_start = 0;
            for verb in VERB.captures_iter(sentence) {
                let whole = verb.get(0).expect("a match has a whole");
                let clause = &sentence[clause_start..whole.start()];
                clause_start = whole.end();
                if HEDGE.is_match(clause) || HEDGE.is_match(&sentence[whole.start()..whole.end()]) {
                    continue;
                }
                let said = match (verb.get(1).map(|m| m.as_str().to_lowercase()), verb.get(2)) {
                    (Some(w), _) if w == "tegen" => Position::Oppose,
                    (Some(_), _) => Position::Support,
                    (None, Some(_)) => Position::Abstain,
                    _ => continue,
                };
                for state in &data.states {
                    if !names(clause, &state.name_nl) {
                        continue;
                    }
                    if let Some(recorded) = single_position(data, state.code, on)
                        && recorded != said
                    {
                        found.push(Contradiction {
                            state: state.name_nl.clone(),
                            said,
                            recorded,
                            on,
                            line: index + 1,
                        });
                    }
                }
            }
        }
    }
    found
}

/// The warnings for one page: `file`, its Markdown `body` starting on
/// `body_line`, dated `page_date`.
pub fn warnings(
    data: &CouncilData,
    file: &Path,
    body: &str,
    body_line: usize,
    page_date: Option<NaiveDate>,
) -> Vec<Diagnostic> {
    contradictions(data, body, page_date)
        .into_iter()
        .map(|c| {
            let state = &c.state;
            let said = said_words(c.said);
            // The prose checked is Dutch, so the position is named in Dutch.
            let recorded = c.recorded.label(&crate::locale::Locale::builtin(
                super::local_text::DATA_LANGUAGE,
            ));
            let on = crate::content::dates::dutch_day(c.on);
            let code = data
                .states
                .iter()
                .find(|s| s.name_nl == c.state)
                .map(|s| s.code)
                .unwrap_or("NL");
            let day = c.on;
            Diagnostic::warning(
                "council-prose-contradicts",
                file,
                body_line + c.line - 1,
                1,
                msg!(
                    "this says {state} {said}, but the Council data records {recorded} on {on}",
                    "hier staat dat {state} {said}, maar volgens de gegevens over de Raad was het standpunt op {on}: {recorded}";
                    said
                ),
            )
            .with_hint(msg!(
                "write the position with the shortcode, e.g. {{{{< raad-positie {code} {day} >}}}}, so it comes from the data; or correct the data in data/council/positions/ if the page is right",
                "schrijf het standpunt met de shortcode, bijvoorbeeld {{{{< raad-positie {code} {day} >}}}}, dan komt het uit de gegevens; of verbeter de gegevens in data/council/positions/ als de pagina klopt"
            ))
        })
        .collect()
}

/// What the page says a state did, as a clause after its name.
fn said_words(position: Position) -> Message {
    match position {
        Position::Oppose => msg!("voted against", "tegen stemde"),
        Position::Support => msg!("voted for", "voor stemde"),
        Position::Abstain => msg!("abstained", "zich onthield"),
        Position::Undecided => msg!("was undecided", "nog niet had besloten"),
    }
}

/// True when `clause` names `name` as a whole word.
fn names(clause: &str, name: &str) -> bool {
    clause.match_indices(name).any(|(at, _)| {
        let before = clause[..at].chars().next_back();
        let after = clause[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The end of a month named with its year in `sentence` ("in juni 2024").
fn month_in(sentence: &str) -> Option<NaiveDate> {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| {
        let month = MONTHS_NL.iter().position(|m| *m == pair[0])?;
        let year: i32 = pair[1].parse().ok()?;
        let date = ClaimDate::parse(&format!("{year:04}-{:02}", month + 1)).ok()?;
        Some(end_of(&date))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn example() -> CouncilData {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        crate::council::load(&site).expect("the example site's Council data loads")
    }

    fn day(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }

    #[test_case("Nederland stemde voor het mandaat.", "2025-11-27", &["Nederland"]; "wrong way round")]
    #[test_case("Nederland stemde tegen.", "2025-11-27", &[]; "agrees with the data")]
    #[test_case("Nederland, Polen en Tsjechië stemmen voor, Duitsland stemt tegen.", "2025-11-27", &["Tsjechië", "Nederland", "Polen", "Duitsland"]; "lists before each verb (in code order)")]
    #[test_case("Nederland, Polen en Tsjechië stemmen tegen, Duitsland stemt voor.", "2025-11-27", &[]; "the real vote")]
    #[test_case("Nederland stemde niet voor.", "2025-11-27", &[]; "negation is left alone")]
    #[test_case("Als Nederland voor stemt, dan…", "2025-11-27", &[]; "not a verb of a vote")]
    #[test_case("Zou Nederland voor stemmen?", "2025-11-27", &[]; "a question")]
    #[test_case("Nederland stemde voor het mandaat.", "", &[]; "no date, no comparison")]
    #[test_case("Italië onthield zich.", "2025-11-27", &[]; "disputed in the data: not compared")]
    #[test_case("Zo ging het in november 2025: Nederland stemde voor.", "", &["Nederland"]; "month in the sentence")]
    #[test_case("Nederland stemde {{< raad-positie NL 2025-11-26 >}}.", "2025-11-27", &[]; "shortcode line")]
    #[test_case("Nederlandse ministers stemden voor.", "2025-11-27", &[]; "part of a word")]
    fn finds_contradictions(text: &str, date: &str, states: &[&str]) {
        let found: Vec<String> = contradictions(&example(), text, day(date))
            .into_iter()
            .map(|c| c.state)
            .collect();
        assert_eq!(found, states);
    }

    #[test]
    fn a_warning_names_the_line_and_the_shortcode() {
        let d = warnings(
            &example(),
            Path::new("content/nieuws/x.md"),
            "Eerste regel.\n\nNederland stemde voor.",
            5,
            day("2025-11-27"),
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 7);
        assert_eq!(
            d[0].message,
            "this says Nederland voted for, but the Council data records tegen on 27 november 2025"
        );
        assert_eq!(d[0].code, "council-prose-contradicts");
        assert_eq!(
            d[0].message.nl,
            "hier staat dat Nederland voor stemde, maar volgens de gegevens over de Raad was het standpunt op 27 november 2025: tegen"
        );
        assert!(
            d[0].hint
                .as_deref()
                .unwrap_or("")
                .contains("{{< raad-positie NL 2025-11-27 >}}")
        );
    }
}
