//! The Tweede Kamer level: how a party voted on the motions and bills on
//! chat control and encryption that the guide knows (`data/items/`, with
//! the votes of `data/votes/` or of the party's evidence), and what it did
//! on the motions of the Kamer that sits now (`data/kamer.toml`). Only votes
//! a source gives are shown; an unknown vote is left out, not guessed.

use chrono::NaiveDate;

use super::{Inputs, Level, LevelEvent, LevelKind};
use crate::council::facts::end_of;
use crate::council::local_text::{Phrase, date_label};
use crate::guide::GuideData;
use crate::guide::facts::recorded;
use crate::guide::model::VoteChoice;
use crate::guide::votes_file::ItemKind;
use crate::locale::Locale;
use crate::provenance::Provenance;

/// When the Kamer voted on `number`: the item's or the vote file's day,
/// or else — when only a report of the vote is dated — "uiterlijk" (at the
/// latest) the report's day or month. None when nothing dates it.
pub fn vote_day(guide: &GuideData, number: &str, locale: &Locale) -> Option<(NaiveDate, String)> {
    let item = guide.item(number)?;
    let file = guide.votes.get(number);
    if let Some(day) = item.date.or(file.and_then(|f| f.date)) {
        return Some((day, locale.date(day)));
    }
    let reported = file
        .and_then(|f| f.provenance.as_ref())
        .or(item.source.as_ref())?;
    match reported {
        Provenance::Press { date, .. } | Provenance::Official { date, .. } => Some((
            end_of(date),
            locale.tf(
                "levels_at_the_latest",
                &[("date", &date_label(date, locale))],
            ),
        )),
        Provenance::Synced { .. } | Provenance::Editor { .. } => None,
    }
}

/// How the level names an item: "motie-Van Ginneken (motie 2023Z07239)"
/// when it has a name (Dutch, marked as such on other pages), else "motie
/// 2023Z07239" or "bill 36263".
pub fn item_phrase(guide: &GuideData, number: &str, locale: &Locale) -> Phrase {
    let item = guide.item(number);
    let kind = match item.map(|i| i.kind) {
        Some(ItemKind::Bill) => "levels_item_bill",
        _ => "levels_item_motion",
    };
    let label = format!("{} {number}", locale.t(kind));
    match item.and_then(|i| i.name.as_deref()) {
        Some(name) => {
            let mut p = Phrase::default();
            p.push_dutch_name(name, locale);
            p.push_str(&format!(" ({label})"));
            p
        }
        None => Phrase::text(&label),
    }
}

/// The keyword of a vote in the interface strings (`for`, `against`,
/// `absent`).
fn vote_key(vote: VoteChoice) -> &'static str {
    match vote {
        VoteChoice::For => "for",
        VoteChoice::Against => "against",
        VoteChoice::Absent => "absent",
    }
}

/// "adopted" or "rejected" in `locale`'s words.
pub fn result_word(adopted: bool, locale: &Locale) -> String {
    locale.t(if adopted {
        "levels_result_adopted"
    } else {
        "levels_result_rejected"
    })
}

/// The party's Tweede Kamer level, in `locale`'s words.
pub fn level(inputs: &Inputs, party: &str, locale: &Locale) -> Level {
    let mut events = Vec::new();
    let guide = inputs.guide;
    let mut unknown = 0;
    for (number, item) in &guide.items {
        let Some((date, date_label)) =
            vote_day(guide, number, locale).filter(|(d, _)| *d <= inputs.today)
        else {
            continue;
        };
        let Some((vote, source)) = recorded(guide, party, number) else {
            unknown += 1;
            continue;
        };
        let mut detail = Phrase::default();
        detail.push_dutch(&item.title, locale);
        events.push(LevelEvent {
            date,
            date_label,
            what: Phrase::tf(
                locale,
                &format!("levels_kamer_voted_{}", vote_key(vote)),
                &[("item", &item_phrase(guide, number, locale))],
            ),
            detail: Some(detail),
            protects: match (vote, item.protects) {
                (VoteChoice::Absent, _) | (_, None) => None,
                (vote, Some(protecting)) => Some(vote == protecting),
            },
            source: Some(source.wording_in(locale)),
            page: None,
            more: None,
        });
    }
    if let Some(kamer) = inputs.kamer {
        for motion in kamer.motions.iter().filter(|m| m.voted_on <= inputs.today) {
            let result = Phrase::text(&result_word(motion.adopted, locale));
            let mut name = Phrase::default();
            name.push_dutch_name(&motion.name, locale);
            let vote = motion
                .votes
                .iter()
                .find(|(p, _)| p == party)
                .map(|(_, v)| *v);
            let (what, protects) = if motion.mover_party == party {
                (
                    Phrase::tf(
                        locale,
                        "levels_kamer_moved",
                        &[("motion", &name), ("result", &result)],
                    ),
                    Some(motion.protects),
                )
            } else if let Some(vote) = vote {
                (
                    Phrase::tf(
                        locale,
                        &format!("levels_kamer_motion_{}", vote_key(vote)),
                        &[("motion", &name), ("result", &result)],
                    ),
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
                date_label: locale.date(motion.voted_on),
                what,
                detail: Some(motion.about.phrase(locale)),
                protects,
                source: Some(motion.source.wording_in(locale)),
                page: None,
                more: None,
            });
        }
    }
    let note = match (events.is_empty(), unknown) {
        (_, 0) => String::new(),
        (true, n) => locale.tn("levels_kamer_unknown_votes", n as i64),
        (false, n) => locale.tn("levels_kamer_unknown_more_votes", n as i64),
    };
    Level::new(LevelKind::Kamer, events, note, locale)
}
