//! The share cards of the Council tracker: `/raad/` with the standing, and
//! one per member state with its position (see
//! [`crate::render::share_card`] for how a card is drawn).
//!
//! The cards show the standing as of the Council's latest decision (or,
//! before any decision, of the latest claim), with that date, never the
//! build day: a card that changed every day would get a new name every day
//! and be drawn again, and would claim a check that nobody made that day.

use chrono::NaiveDate;

use super::explain::state_name;
use super::local_text::{date_label, percent};
use super::model::{ClaimDate, CouncilData, Position};
use super::qmv::{Outcome, Rule};
use super::standing::standing;
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::locale::Locale;
use crate::render::share_card::{Badge, Card, Mark, Tone};
use crate::render::share_cards::{PlannedCard, planned};

/// How a state's position looks on a card. Supporting the proposal is bad
/// for private communication, opposing it good.
fn position_badge(position: Position, unknown: bool, disputed: bool, locale: &Locale) -> Badge {
    if unknown {
        return Badge {
            label: locale.t("council_card_position_unknown"),
            tone: Tone::Neutral,
            mark: Mark::Question,
        };
    }
    let (tone, mark) = match position {
        Position::Support => (Tone::Bad, Mark::Cross),
        Position::Oppose => (Tone::Good, Mark::Check),
        Position::Abstain => (Tone::Mixed, Mark::Minus),
        Position::Undecided => (Tone::Neutral, Mark::Question),
    };
    let label = locale.t(&format!("council_card_position_{}", position.as_str()));
    Badge {
        label: format!("{label}{}", super::chart::disputed_mark(disputed, locale)),
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
/// [`as_of`] on `today` (none when there is nothing to show yet), in
/// `locale`'s language. A text title without translation is the Dutch one
/// with the `only_in_dutch_note` (a picture has no `lang` attribute).
pub fn plan_in(
    config: &SiteConfig,
    data: &CouncilData,
    today: NaiveDate,
    locale: &Locale,
) -> Result<Vec<PlannedCard>, Diagnostic> {
    let Some((as_of, decided)) = as_of(data, today) else {
        return Ok(Vec::new());
    };
    let now = standing(data, as_of.effective, Rule::Qmv, &[])?;
    let date = date_label(&as_of, locale);
    let kicker = locale.tf(
        if decided {
            "council_card_kicker_decision"
        } else {
            "council_card_kicker_standing"
        },
        &[("date", &date)],
    );
    let text = now
        .text
        .as_deref()
        .and_then(|id| data.text(id))
        .map(|t| t.title.plain(locale));
    let e = &now.evaluation;
    let total = e.participating.population;
    let (tone, mark) = match e.outcome {
        Outcome::Adopted => (Tone::Bad, Mark::Warning),
        Outcome::Blocked => (Tone::Good, Mark::Check),
        Outcome::Depends => (Tone::Neutral, Mark::Question),
    };
    let mut cards = vec![planned(
        config,
        "/raad/",
        Card {
            kicker,
            title: locale.t("council_card_title"),
            badge: Some(Badge {
                label: locale.t(&format!("council_card_outcome_{}", e.outcome.as_str())),
                tone,
                mark,
            }),
            tag: None,
            detail: locale.tf(
                "council_card_detail",
                &[
                    ("yes", &e.in_favour.states.to_string()),
                    ("yesshare", &percent(e.in_favour.population, total, locale)),
                    ("no", &e.not_in_favour.states.to_string()),
                    (
                        "noshare",
                        &percent(e.not_in_favour.population, total, locale),
                    ),
                    ("undecided", &e.undecided.len().to_string()),
                ],
            ),
            address: String::new(),
        },
    )];
    for state in &now.states {
        let name = state_name(data, state.code, locale);
        let detail = match &text {
            Some(t) => locale.tf(
                "council_card_state_detail_text",
                &[("date", &date), ("text", t)],
            ),
            None => locale.tf("council_card_state_detail", &[("date", &date)]),
        };
        let path = format!("/raad/{}/", state.code.to_ascii_lowercase());
        cards.push(planned(
            config,
            &path,
            Card {
                kicker: locale.t("council_card_state_kicker"),
                title: name,
                badge: Some(position_badge(
                    state.position,
                    state.unknown,
                    state.disputed,
                    locale,
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
        let cards = plan_in(&config(), &example(), today, &Locale::builtin("nl")).unwrap();
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
        let cards = plan_in(
            &config(),
            &example(),
            "2000-01-01".parse().unwrap(),
            &Locale::builtin("nl"),
        )
        .unwrap();
        assert!(cards.is_empty());
    }

    #[test]
    fn positions_never_rely_on_colour_alone() {
        let nl = Locale::builtin("nl");
        let marks: Vec<Mark> = Position::ALL
            .iter()
            .map(|p| position_badge(*p, false, false, &nl).mark)
            .collect();
        let mut unique = marks.clone();
        unique.dedup();
        assert_eq!(unique.len(), marks.len());
        assert_eq!(
            position_badge(Position::Oppose, false, true, &nl).label,
            "Tegen het voorstel (betwist)"
        );
        assert_eq!(
            position_badge(Position::Oppose, true, false, &nl).mark,
            Mark::Question
        );
    }

    #[test]
    fn english_cards_say_it_in_english() {
        let en = Locale::builtin("en");
        let cards = plan_in(&config(), &example(), "2026-12-04".parse().unwrap(), &en).unwrap();
        let raad = cards.iter().find(|c| c.page_path == "/raad/").unwrap();
        assert_eq!(
            raad.card.kicker,
            "Council of the EU · decision of 26 November 2025"
        );
        assert_eq!(raad.card.title, "Who stands where in the Council?");
        assert!(
            raad.card.detail.contains("member states in favour") && raad.card.detail.contains('.'),
            "{}",
            raad.card.detail
        );
        let nl_card = cards.iter().find(|c| c.page_path == "/raad/nl/").unwrap();
        assert_eq!(nl_card.card.title, "Netherlands");
        assert_eq!(
            nl_card.card.badge.as_ref().unwrap().label,
            "Against the proposal"
        );
        for card in &cards {
            for text in [&card.card.kicker, &card.card.title, &card.card.detail] {
                for dutch in ["Raad van", "lidstaten", "Stand op", "voorstel", "betwist"] {
                    assert!(!text.contains(dutch), "{dutch} in {text}");
                }
            }
        }
    }
}
