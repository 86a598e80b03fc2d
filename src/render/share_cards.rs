//! Which pages get a share card, where each card is published, and drawing
//! them: every party page of the voting guide, `/raad/` and every member
//! state's page, the home page, every news post and `/schrijf/`.
//!
//! What a card says is planned by its domain ([`crate::guide::cards`],
//! [`crate::council::cards`], [`crate::render::page_cards`]) with [`planned`], when the build derives its
//! values; [`template_value`] tells the templates where each
//! page's card is (the global `share_cards`: page path → image path),
//! loading the site reads the cards the previous build already drew from
//! its output folder ([`crate::model::SiteModel::previous_cards`]), and
//! rendering draws the rest ([`draw`]) and adds them all to the output. A card's file name holds a fingerprint of its content, so an
//! unchanged card keeps its name and is copied instead of drawn again, and a
//! changed card gets a new name that chat apps have not cached yet.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use minijinja::Value;

use super::share_card::{Card, CardError};
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::msg;

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

/// The card `card` for the page at `page_path`, with the page's address on
/// it and a file name that changes whenever what it shows changes.
pub fn planned(config: &SiteConfig, page_path: &str, card: Card) -> PlannedCard {
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

/// The template global `share_cards`: each page path with the site path of
/// its card.
pub fn template_value(cards: &[PlannedCard]) -> Value {
    let map: BTreeMap<&str, &str> = cards
        .iter()
        .map(|c| (c.page_path.as_str(), c.file_path.as_str()))
        .collect();
    Value::from_serialize(&map)
}

/// Cards drawn earlier by this process, by their path (which holds a
/// fingerprint of everything they show): builds of the same site in one
/// process — `serve`, `check`, the tests — draw each card once.
fn drawn_before() -> &'static Mutex<HashMap<String, Arc<Vec<u8>>>> {
    static DRAWN: OnceLock<Mutex<HashMap<String, Arc<Vec<u8>>>>> = OnceLock::new();
    DRAWN.get_or_init(Mutex::default)
}

/// How many drawn cards the process keeps (a few sites' worth); beyond
/// that the memory is cleared and cards are drawn again.
const DRAWN_KEPT: usize = 4096;

/// Every card as PNG bytes with its output path: taken from `previous` (an
/// earlier build's output) or from the cards this process drew before when
/// there, drawn otherwise (on all cores).
pub fn draw(
    cards: &[PlannedCard],
    previous: &HashMap<String, Vec<u8>>,
) -> Vec<Result<(String, Vec<u8>), Diagnostic>> {
    let remembered: HashMap<String, Arc<Vec<u8>>> = {
        let memory = drawn_before().lock().unwrap_or_else(|e| e.into_inner());
        cards
            .iter()
            .filter_map(|c| {
                memory
                    .get(&c.file_path)
                    .map(|bytes| (c.file_path.clone(), Arc::clone(bytes)))
            })
            .collect()
    };
    let missing: Vec<&PlannedCard> = cards
        .iter()
        .filter(|c| !previous.contains_key(&c.file_path) && !remembered.contains_key(&c.file_path))
        .collect();
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = missing.len().div_ceil(workers).max(1);
    let drawn: Vec<(String, Result<Vec<u8>, CardError>)> = std::thread::scope(|scope| {
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
    let mut drawn: HashMap<String, Result<Vec<u8>, CardError>> = drawn.into_iter().collect();
    {
        let mut memory = drawn_before().lock().unwrap_or_else(|e| e.into_inner());
        if memory.len() + drawn.len() > DRAWN_KEPT {
            memory.clear();
        }
        for (path, result) in &drawn {
            if let Ok(bytes) = result {
                memory.insert(path.clone(), Arc::new(bytes.clone()));
            }
        }
    }
    cards
        .iter()
        .map(|c| {
            if let Some(bytes) = previous.get(&c.file_path) {
                return Ok((c.file_path.clone(), bytes.clone()));
            }
            if let Some(bytes) = remembered.get(&c.file_path) {
                return Ok((c.file_path.clone(), bytes.as_ref().clone()));
            }
            match drawn.remove(&c.file_path) {
                Some(Ok(bytes)) => Ok((c.file_path.clone(), bytes)),
                Some(Err(e)) => {
                    let reason = e.message();
                    Err(Diagnostic::error(
                        "share-card-draw-failed",
                        c.page_path.as_str(),
                        0,
                        0,
                        msg!(
                            "cannot draw the share card: {reason}",
                            "de deelafbeelding kan niet getekend worden: {reason}";
                            reason
                        ),
                    ))
                }
                None => Err(Diagnostic::error(
                    "share-card-not-drawn",
                    c.page_path.as_str(),
                    0,
                    0,
                    msg!(
                        "the share card was not drawn",
                        "de deelafbeelding is niet getekend"
                    ),
                )),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_card_is_not_drawn_again() {
        let card = Card {
            kicker: "k".into(),
            title: "t".into(),
            badge: Some(super::super::share_card::Badge {
                label: "l".into(),
                tone: super::super::share_card::Tone::Mixed,
                mark: super::super::share_card::Mark::Minus,
            }),
            tag: None,
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
        let result = draw(std::slice::from_ref(&planned), &cached);
        let (path, bytes) = result[0].as_ref().unwrap();
        assert_eq!(path, "/og/raad-nl-x.png");
        assert!(bytes.ends_with(b"cached"));
    }
}
