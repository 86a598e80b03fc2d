//! Which pages get a share card and what each card says: every party page
//! of the voting guide, `/raad/` and every member state's page.
//!
//! The build asks [`plan`] for the cards (pure, from the loaded data), tells
//! the templates where each page's card is ([`template_value`], the global
//! `share_cards`: page path → image path), takes the cards that the previous
//! build already drew from its output folder ([`load_cached`], the only step
//! here that reads the disk), draws the rest ([`draw`]) and adds them all to
//! the output. A card's file name holds a fingerprint of its content, so an
//! unchanged card keeps its name and is copied instead of drawn again, and a
//! changed card gets a new name that chat apps have not cached yet.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use minijinja::Value;

use super::share_card::{Badge, Card, Mark, Tone};
use crate::config::SiteConfig;
use crate::council::explain::percent;
use crate::council::model::{ClaimDate, CouncilData, Position};
use crate::council::qmv::{Outcome, Rule};
use crate::council::standing::standing;
use crate::diagnostics::Diagnostic;
use crate::guide::GuideData;
use crate::guide::model::RuleOutcome;

/// The folder of the output that holds the cards.
pub const CARD_DIR: &str = "og";

/// One card to be drawn, for one page.
#[derive(Debug, Clone)]
pub struct PlannedCard {
    /// The page that shows the card, e.g. `/stemwijzer2023/volt/`.
    pub page_path: String,
    /// Where the card goes in the output, e.g. `/og/stemwijzer2023-volt-0a1b….png`.
    pub file_path: String,
    /// What it shows.
    pub card: Card,
}

/// The cards of every party page, `/raad/` and every state page.
pub fn plan(
    config: &SiteConfig,
    guide: Option<&GuideData>,
    council: Option<&CouncilData>,
    today: NaiveDate,
) -> Vec<PlannedCard> {
    let mut cards = Vec::new();
    if let Some(data) = guide {
        cards.extend(party_cards(config, data));
    }
    if let Some(data) = council {
        cards.extend(council_cards(config, data, today));
    }
    cards
}

fn planned(config: &SiteConfig, page_path: &str, card: Card) -> PlannedCard {
    let name: String = page_path
        .trim_matches('/')
        .replace('/', "-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let name = if name.is_empty() { "home".into() } else { name };
    let card = Card {
        address: address(config, page_path),
        ..card
    };
    PlannedCard {
        page_path: page_path.to_string(),
        file_path: format!("/{CARD_DIR}/{name}-{}.png", card.fingerprint()),
        card,
    }
}

/// The page's address as people read it: host and path, no scheme.
fn address(config: &SiteConfig, path: &str) -> String {
    let url = config.absolute_url(path);
    url.split_once("://")
        .map(|(_, rest)| rest.to_string())
        .unwrap_or(url)
}

fn party_cards(config: &SiteConfig, data: &GuideData) -> Vec<PlannedCard> {
    let mut cards = Vec::new();
    for election in &data.elections {
        for entry in &election.entries {
            let level = election.level(&entry.verdict);
            let (tone, mark) = match level.and_then(|l| l.rule) {
                Some(RuleOutcome::Protects) => (Tone::Good, Mark::Check),
                Some(RuleOutcome::Mixed) => (Tone::Mixed, Mark::Warning),
                Some(RuleOutcome::DoesNotProtect) => (Tone::Bad, Mark::Cross),
                _ => (Tone::Neutral, Mark::Question),
            };
            let card = Card {
                kicker: election.title.clone(),
                title: entry.display_name(data).to_string(),
                badge: Badge {
                    label: level
                        .map(|l| l.label.clone())
                        .unwrap_or_else(|| entry.verdict.clone()),
                    tone,
                    mark,
                },
                detail: level.map(|l| l.meaning.clone()).unwrap_or_default(),
                address: String::new(),
            };
            let path = format!("{}{}/", election.path, entry.party);
            cards.push(planned(config, &path, card));
        }
    }
    cards
}

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

fn council_cards(config: &SiteConfig, data: &CouncilData, today: NaiveDate) -> Vec<PlannedCard> {
    let Ok(now) = standing(data, today, Rule::Qmv, &[]) else {
        return Vec::new();
    };
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
        let name = data
            .state(state.code)
            .map(|s| s.name_nl.clone())
            .unwrap_or_else(|| state.code.to_string());
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

/// The template global `share_cards`: each page path with the site path of
/// its card.
pub fn template_value(cards: &[PlannedCard]) -> Value {
    let map: BTreeMap<&str, &str> = cards
        .iter()
        .map(|c| (c.page_path.as_str(), c.file_path.as_str()))
        .collect();
    Value::from_serialize(&map)
}

/// The cards the previous build left in `out_dir` under the same names, so
/// they need not be drawn again. Unreadable or damaged files are skipped
/// (the card is then drawn anew).
pub fn load_cached(out_dir: &Path, cards: &[PlannedCard]) -> HashMap<String, Vec<u8>> {
    cards
        .iter()
        .filter_map(|c| {
            let file = out_dir.join(c.file_path.trim_start_matches('/'));
            let bytes = std::fs::read(file).ok()?;
            bytes
                .starts_with(b"\x89PNG\r\n\x1a\n")
                .then(|| (c.file_path.clone(), bytes))
        })
        .collect()
}

/// Every card as PNG bytes with its output path: taken from `cached` when
/// there, drawn otherwise (on all cores).
pub fn draw(
    cards: &[PlannedCard],
    mut cached: HashMap<String, Vec<u8>>,
) -> Vec<Result<(String, Vec<u8>), Diagnostic>> {
    let missing: Vec<&PlannedCard> = cards
        .iter()
        .filter(|c| !cached.contains_key(&c.file_path))
        .collect();
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = missing.len().div_ceil(workers).max(1);
    let drawn: Vec<(String, Result<Vec<u8>, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = missing
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|c| (c.file_path.clone(), c.card.to_png()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut drawn: HashMap<String, Result<Vec<u8>, String>> = drawn.into_iter().collect();
    cards
        .iter()
        .map(|c| {
            if let Some(bytes) = cached.remove(&c.file_path) {
                return Ok((c.file_path.clone(), bytes));
            }
            match drawn.remove(&c.file_path) {
                Some(Ok(bytes)) => Ok((c.file_path.clone(), bytes)),
                Some(Err(e)) => Err(Diagnostic::error(
                    c.page_path.as_str(),
                    0,
                    0,
                    format!("cannot draw the share card: {e}"),
                )),
                None => Err(Diagnostic::error(
                    c.page_path.as_str(),
                    0,
                    0,
                    "the share card was not drawn",
                )),
            }
        })
        .collect()
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

    #[test]
    fn a_cached_card_is_not_drawn_again() {
        let card = Card {
            kicker: "k".into(),
            title: "t".into(),
            badge: position_badge(Position::Abstain, false, false),
            detail: "d".into(),
            address: "a".into(),
        };
        let planned = PlannedCard {
            page_path: "/raad/nl/".into(),
            file_path: "/og/raad-nl-x.png".into(),
            card,
        };
        let cached = HashMap::from([(
            "/og/raad-nl-x.png".to_string(),
            b"\x89PNG\r\n\x1a\ncached".to_vec(),
        )]);
        let result = draw(std::slice::from_ref(&planned), cached);
        let (path, bytes) = result[0].as_ref().unwrap();
        assert_eq!(path, "/og/raad-nl-x.png");
        assert!(bytes.ends_with(b"cached"));
    }
}
