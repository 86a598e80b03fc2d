//! The share cards of the Council tracker: `/raad/` with the standing, and
//! one per member state with its position (see
//! [`crate::render::share_card`] for how a card is drawn).
//!
//! The cards show the standing as of the Council's latest decision (or,
//! before any decision, of the latest claim), with that date, never the
//! build day: a card that changed every day would get a new name every day
//! and be drawn again, and would claim a check that nobody made that day.

use chrono::NaiveDate;

use super::explain::{percent, state_name};
use super::model::{ClaimDate, CouncilData, Position};
use super::qmv::{Outcome, Rule};
use super::standing::standing;
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::render::share_card::{Badge, Card, Mark, Tone};
use crate::render::share_cards::{PlannedCard, planned};

/// How a state's position looks on a card. Supporting the proposal is bad
/// for private communication, opposing it good.
fn position_badge(position: Position, unknown: bool, disputed: bool) -> Badge {
    if unknown {
        return Badge {
            label: "Standpunt onbekend".into(),
            tone: Tone::Neutral,
            mark: Mark::Question,
        };
    }
    let (label, tone, mark) = match position {
        Position::Support => ("Vóór het voorstel", Tone::Bad, Mark::Cross),
        Position::Oppose => ("Tegen het voorstel", Tone::Good, Mark::Check),
        Position::Abstain => ("Onthoudt zich", Tone::Mixed, Mark::Minus),
        Position::Undecided => ("Nog onbeslist", Tone::Neutral, Mark::Question),
    };
    Badge {
        label: if disputed {
            format!("{label} (betwist)")
        } else {
            label.to_string()
        },
        tone,
        mark,
    }
}

/// The date the cards describe, seen on `today`: the decision in force then
/// (with a decision, true), else the latest claim on or before it (false);
/// none when the data has neither.
pub fn as_of(data: &CouncilData, today: NaiveDate) -> Option<(ClaimDate, bool)> {
    if let Some((moment, _)) = data.decision_at(today) {
        return Some((moment.date, true));
    }
    data.claims
        .iter()
        .filter(|c| c.date.effective <= today)
        .max_by_key(|c| c.date.effective)
        .map(|c| (c.date, false))
}

/// The card of `/raad/` and of every state's page, from the standing as of
/// [`as_of`] on `today` (none when there is nothing to show yet).
pub fn plan(
    config: &SiteConfig,
    data: &CouncilData,
    today: NaiveDate,
) -> Result<Vec<PlannedCard>, Diagnostic> {
    let Some((as_of, decided)) = as_of(data, today) else {
        return Ok(Vec::new());
    };
    let now = standing(data, as_of.effective, Rule::Qmv, &[])?;
    let date = as_of.label_nl();
    let kicker = if decided {
        format!("Raad van de EU · besluit van {date}")
    } else {
        format!("Raad van de EU · stand op {date}")
    };
    let text = now
        .text
        .as_deref()
        .and_then(|id| data.text(id))
        .map(|t| t.title.clone());
    let e = &now.evaluation;
    let total = e.participating.population;
    let (label, tone, mark) = match e.outcome {
        Outcome::Adopted => ("Genoeg steun om aan te nemen", Tone::Bad, Mark::Warning),
        Outcome::Blocked => ("Geblokkeerd", Tone::Good, Mark::Check),
        Outcome::Depends => (
            "Hangt af van onbesliste landen",
            Tone::Neutral,
            Mark::Question,
        ),
    };
    let mut cards = vec![planned(
        config,
        "/raad/",
        Card {
            kicker,
            title: "Wie staat waar in de Raad?".into(),
            badge: Some(Badge {
                label: label.into(),
                tone,
                mark,
            }),
            tag: None,
            detail: format!(
                "{} lidstaten vóór ({} van de bevolking), {} niet vóór ({}), {} onbeslist.",
                e.in_favour.states,
                percent(e.in_favour.population, total),
                e.not_in_favour.states,
                percent(e.not_in_favour.population, total),
                e.undecided.len()
            ),
            address: String::new(),
        },
    )];
    for state in &now.states {
        let name = state_name(data, state.code);
        let detail = match &text {
            Some(t) => format!("Stand op {date}, over: {t}."),
            None => format!("Stand op {date}."),
        };
        let path = format!("/raad/{}/", state.code.to_ascii_lowercase());
        cards.push(planned(
            config,
            &path,
            Card {
                kicker: "Raad van de EU over chatcontrole".into(),
                title: name,
                badge: Some(position_badge(
                    state.position,
                    state.unknown,
                    state.disputed,
                )),
                tag: None,
                detail,
                address: String::new(),
            },
        ));
    }
    Ok(cards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use test_case::test_case;

    fn example() -> CouncilData {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        crate::council::load(&site).expect("the example site's Council data loads")
    }

    fn config() -> SiteConfig {
        SiteConfig::parse(
            Path::new("site.toml"),
            "title='T'\nbase_url='https://e.org/'\n",
        )
        .unwrap()
    }

    #[test_case("2025-11-25", "Raad van de EU · stand op " ; "before the decision: the latest claim's date")]
    #[test_case("2025-11-26", "Raad van de EU · besluit van 26 november 2025" ; "on the decision's day")]
    #[test_case("2026-12-04", "Raad van de EU · besluit van 26 november 2025" ; "a year later: still the decision")]
    fn the_council_card_is_dated_by_its_decision_not_the_build_day(today: &str, kicker: &str) {
        let today: NaiveDate = today.parse().unwrap();
        let cards = plan(&config(), &example(), today).unwrap();
        let raad = cards.iter().find(|c| c.page_path == "/raad/").unwrap();
        assert!(raad.card.kicker.starts_with(kicker), "{}", raad.card.kicker);
        assert!(
            !raad.card.kicker.contains(&ClaimDate::day(today).label_nl())
                || today.to_string() == "2025-11-26",
            "{}",
            raad.card.kicker
        );
    }

    #[test]
    fn without_any_claim_there_is_no_card() {
        let cards = plan(&config(), &example(), "2000-01-01".parse().unwrap()).unwrap();
        assert!(cards.is_empty());
    }

    #[test]
    fn positions_never_rely_on_colour_alone() {
        let marks: Vec<Mark> = Position::ALL
            .iter()
            .map(|p| position_badge(*p, false, false).mark)
            .collect();
        let mut unique = marks.clone();
        unique.dedup();
        assert_eq!(unique.len(), marks.len());
        assert_eq!(
            position_badge(Position::Oppose, false, true).label,
            "Tegen het voorstel (betwist)"
        );
        assert_eq!(
            position_badge(Position::Oppose, true, false).mark,
            Mark::Question
        );
    }
}
