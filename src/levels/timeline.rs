//! The timeline of the three levels: every Kamer vote, Council meeting and
//! European Parliament vote on chat control that the data records, oldest
//! first, each with its sources — read from the same files as the pages, so
//! nothing on the timeline is typed a second time.
//!
//! The `drie-niveaus` shortcode of the example site prints it (template
//! global `levels.timeline`).

use chrono::NaiveDate;
use serde::Serialize;

use super::council::what_happened;
use super::kamer::{item_phrase, result_word};
use super::{Inputs, LevelKind};
use crate::council::facts::end_of;
use crate::council::local_text::{Phrase, date_label};
use crate::guide::votes_file::Outcome;
use crate::locale::Locale;

/// A link to a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLink {
    /// The link text (a host or a title).
    pub label: String,
    /// The address.
    pub url: String,
}

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEvent {
    /// The day (the last day of the month when only the month is known).
    pub date: NaiveDate,
    /// The day in words (the month only when only that is known).
    pub date_label: String,
    /// Which level acted.
    pub level: LevelKind,
    /// Its name on the site.
    pub level_title: String,
    /// What happened, in plain words of the page's language (editors'
    /// texts without translation marked Dutch).
    pub text: Phrase,
    /// A page of this site with more, when there is one.
    pub page: Option<String>,
    /// Where it comes from.
    pub sources: Vec<SourceLink>,
}

fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        })
        .unwrap_or_else(|| url.to_string())
}

/// A source link labelled with the address's host.
pub fn link(url: &str) -> SourceLink {
    SourceLink {
        label: host_of(url),
        url: url.to_string(),
    }
}

/// The Kamer's and the Council's events up to the build day, in no order
/// ([`super::timeline_in`] adds the Parliament's and sorts them), in
/// `locale`'s words.
pub fn kamer_and_council(inputs: &Inputs, locale: &Locale) -> Vec<TimelineEvent> {
    let mut events = Vec::new();
    let guide = inputs.guide;
    for (number, item) in &guide.items {
        let Some((date, date_label)) =
            super::kamer::vote_day(guide, number, locale).filter(|(d, _)| *d <= inputs.today)
        else {
            continue;
        };
        let outcome = guide
            .votes
            .get(number)
            .and_then(|v| Outcome::parse(&v.result));
        let mut sources: Vec<SourceLink> = item.url.iter().map(|u| link(u)).collect();
        if let Some(p) = guide.votes.get(number).and_then(|v| v.provenance.as_ref())
            && let Some(url) = p.url()
            && !sources.iter().any(|s| s.url == url.as_str())
        {
            sources.push(link(url.as_str()));
        }
        let mut subject = item_phrase(guide, number, locale);
        if let Some(o) = outcome {
            subject.push_str(&format!(
                " ({})",
                result_word(o == Outcome::Adopted, locale)
            ));
        }
        let mut title = Phrase::default();
        title.push_dutch(item.title.trim_end_matches('.'), locale);
        events.push(TimelineEvent {
            date,
            date_label,
            level: LevelKind::Kamer,
            level_title: LevelKind::Kamer.title(locale),
            text: Phrase::tf(
                locale,
                "levels_timeline_kamer_vote",
                &[("item", &subject), ("title", &title)],
            ),
            page: None,
            sources,
        });
    }
    if let Some(kamer) = inputs.kamer {
        for m in kamer.motions.iter().filter(|m| m.voted_on <= inputs.today) {
            let mut name = Phrase::default();
            name.push_dutch_name(&m.name, locale);
            events.push(TimelineEvent {
                date: m.voted_on,
                date_label: locale.date(m.voted_on),
                level: LevelKind::Kamer,
                level_title: LevelKind::Kamer.title(locale),
                text: Phrase::tf(
                    locale,
                    if m.adopted {
                        "levels_timeline_motion_adopted"
                    } else {
                        "levels_timeline_motion_rejected"
                    },
                    &[("motion", &name), ("about", &m.about.phrase(locale))],
                ),
                page: None,
                sources: m
                    .source
                    .url()
                    .map(|u| link(u.as_str()))
                    .into_iter()
                    .collect(),
            });
        }
    }
    if let Some(council) = inputs.council {
        for m in &council.moments {
            let day = end_of(&m.date);
            if day > inputs.today {
                continue;
            }
            let what = what_happened(m.body, m.result, locale);
            let mut first_up = String::new();
            let mut chars = what.chars();
            if let Some(first) = chars.next() {
                first_up.extend(first.to_uppercase());
                first_up.push_str(chars.as_str());
            }
            let mut text = Phrase::text(&first_up);
            text.push_str(". ");
            text.push_local(&m.summary_text(), locale);
            events.push(TimelineEvent {
                date: day,
                date_label: date_label(&m.date, locale),
                level: LevelKind::Council,
                level_title: LevelKind::Council.title(locale),
                text,
                page: Some("/raad/".to_string()),
                sources: m.sources.iter().map(|s| link(s.url.as_str())).collect(),
            });
        }
    }
    events
}
