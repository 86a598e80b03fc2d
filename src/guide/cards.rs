//! The share card of every party page of the voting guide: the party's
//! name, the election and its verdict (see [`crate::render::share_card`] for
//! how a card is drawn), with the election's year large in the corner.

use chrono::Datelike;

use crate::config::SiteConfig;
use crate::guide::GuideData;
use crate::guide::model::RuleOutcome;
use crate::render::share_card::{Badge, Card, Mark, Tone};
use crate::render::share_cards::{PlannedCard, planned};

/// One card per party entry of every election.
pub fn plan(config: &SiteConfig, data: &GuideData) -> Vec<PlannedCard> {
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
                badge: Some(Badge {
                    label: level
                        .map(|l| l.label.clone())
                        .unwrap_or_else(|| entry.verdict.clone()),
                    tone,
                    mark,
                }),
                // The election's year, large: the verdict is of that election.
                tag: Some(election.date.year().to_string()),
                detail: level.map(|l| l.meaning.clone()).unwrap_or_default(),
                address: String::new(),
            };
            let path = format!("{}{}/", election.path, entry.party);
            cards.push(planned(config, &path, card));
        }
    }
    cards
}
