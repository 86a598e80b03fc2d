//! The Tweede Kamer level: how a party voted on the motions and bills on
//! chat control and encryption that the guide knows (`data/items/`, with
//! the votes of `data/votes/` or of the party's evidence), and what it did
//! on the motions of the Kamer that sits now (`data/kamer.toml`). Only votes
//! a source gives are shown; an unknown vote is left out, not guessed.

use chrono::NaiveDate;

use super::{Inputs, Level, LevelEvent, LevelKind};
use crate::content::dates::dutch_day;
use crate::council::facts::end_of;
use crate::guide::GuideData;
use crate::guide::facts::recorded;
use crate::guide::model::VoteChoice;
use crate::guide::vote_views::item_phrase;
use crate::provenance::Provenance;

/// When the Kamer voted on `number`: the item's or the vote file's day,
/// or else — when only a report of the vote is dated — "uiterlijk" (at the
/// latest) the report's day or month. None when nothing dates it.
pub fn vote_day(guide: &GuideData, number: &str) -> Option<(NaiveDate, String)> {
    let item = guide.item(number)?;
    let file = guide.votes.get(number);
    if let Some(day) = item.date.or(file.and_then(|f| f.date)) {
        return Some((day, dutch_day(day)));
    }
    let reported = file
        .and_then(|f| f.provenance.as_ref())
        .or(item.source.as_ref())?;
    match reported {
        Provenance::Press { date, .. } | Provenance::Official { date, .. } => {
            Some((end_of(date), format!("uiterlijk {}", date.label_nl())))
        }
        Provenance::Synced { .. } | Provenance::Editor { .. } => None,
    }
}

/// The party's Tweede Kamer level.
pub fn level(inputs: &Inputs, party: &str) -> Level {
    let mut events = Vec::new();
    let guide = inputs.guide;
    let mut unknown = 0;
    for (number, item) in &guide.items {
        let Some((date, date_label)) = vote_day(guide, number).filter(|(d, _)| *d <= inputs.today)
        else {
            continue;
        };
        let Some((vote, source)) = recorded(guide, party, number) else {
            unknown += 1;
            continue;
        };
        events.push(LevelEvent {
            date,
            date_label,
            what: format!("Stemde {} {}.", vote.dutch(), item_phrase(guide, number)),
            detail: Some(item.title.clone()),
            protects: match (vote, item.protects) {
                (VoteChoice::Absent, _) | (_, None) => None,
                (vote, Some(protecting)) => Some(vote == protecting),
            },
            source: Some(source.wording()),
            page: None,
            more: None,
        });
    }
    if let Some(kamer) = inputs.kamer {
        for motion in kamer.motions.iter().filter(|m| m.voted_on <= inputs.today) {
            let result = if motion.adopted {
                "aangenomen"
            } else {
                "verworpen"
            };
            let vote = motion
                .votes
                .iter()
                .find(|(p, _)| p == party)
                .map(|(_, v)| *v);
            let (what, protects) = if motion.mover_party == party {
                (
                    format!("Diende de {} in ({result}).", motion.name),
                    Some(motion.protects),
                )
            } else if let Some(vote) = vote {
                (
                    format!("Stemde {} de {} ({result}).", vote.dutch(), motion.name),
                    match vote {
                        VoteChoice::Absent => None,
                        vote => Some((vote == VoteChoice::For) == motion.protects),
                    },
                )
            } else {
                unknown += 1;
                continue;
            };
            events.push(LevelEvent {
                date: motion.voted_on,
                date_label: dutch_day(motion.voted_on),
                what,
                detail: Some(motion.about.clone()),
                protects,
                source: Some(motion.source.wording()),
                page: None,
                more: None,
            });
        }
    }
    let note = match (events.is_empty(), unknown) {
        (_, 0) => String::new(),
        (true, n) => format!(
            "Van {} over chatcontrole staat de stem van deze partij nog niet in onze bronnen.",
            plural(n)
        ),
        (false, n) => format!(
            "Van nog {} staat de stem van deze partij niet in onze bronnen.",
            plural(n)
        ),
    };
    Level::new(LevelKind::Kamer, events, note)
}

fn plural(n: usize) -> String {
    if n == 1 {
        "1 stemming".to_string()
    } else {
        format!("{n} stemmingen")
    }
}
