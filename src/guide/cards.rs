//! The share card of every party page of the voting guide: the party's
//! name, the election and its verdict (see [`crate::render::share_card`] for
//! how a card is drawn), with the election's year large in the corner.

use chrono::Datelike;

use crate::config::SiteConfig;
use crate::guide::GuideData;
use crate::guide::localized::pick;
use crate::guide::model::RuleOutcome;
use crate::locale::Locale;
use crate::render::share_card::{Badge, Card, Mark, Tone};
use crate::render::share_cards::{PlannedCard, planned};

/// One card per party entry of every election, in the words of `locale`
/// (the election's title and the verdict in that language, where the
/// editors wrote it). The cards' paths are the party pages' paths in the
/// default language; a build for another language puts its prefix before
/// them.
pub fn plan_in(locale: &Locale, config: &SiteConfig, data: &GuideData) -> Vec<PlannedCard> {
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
            let english = level.and_then(|l| l.english.as_ref());
            let card = Card {
                kicker: pick(locale, &election.title, election.title_en.as_deref()).text,
                title: entry.display_name(data).to_string(),
                badge: Some(Badge {
                    label: level
                        .map(|l| pick(locale, &l.label, english.map(|e| e.label.as_str())).text)
                        .unwrap_or_else(|| entry.verdict.clone()),
                    tone,
                    mark,
                }),
                // The election's year, large: the verdict is of that election.
                tag: Some(election.date.year().to_string()),
                detail: level
                    .map(|l| pick(locale, &l.meaning, english.map(|e| e.meaning.as_str())).text)
                    .unwrap_or_default(),
                address: String::new(),
            };
            let path = format!("{}{}/", election.path, entry.party);
            cards.push(planned(config, &path, card));
        }
    }
    cards
}
