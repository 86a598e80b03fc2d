//! The share cards of the Council tracker: `/raad/` with the standing
//! today, and one per member state with its position (see
//! [`crate::render::share_card`] for how a card is drawn).

use super::explain::{percent, state_name};
use super::model::{ClaimDate, CouncilData, Position};
use super::qmv::Outcome;
use super::standing::Standing;
use crate::config::SiteConfig;
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

/// The card of `/raad/` and of every state's page, from the standing today.
pub fn plan(config: &SiteConfig, data: &CouncilData, now: &Standing) -> Vec<PlannedCard> {
    let date = ClaimDate::day(now.date).label_nl();
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
            kicker: format!("Raad van de EU over chatcontrole · stand op {date}"),
            title: "Wie staat waar in de Raad?".into(),
            badge: Badge {
                label: label.into(),
                tone,
                mark,
            },
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
                badge: position_badge(state.position, state.unknown, state.disputed),
                detail,
                address: String::new(),
            },
        ));
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

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
