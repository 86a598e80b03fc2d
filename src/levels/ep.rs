//! The European Parliament level: per recorded vote, how the party's MEPs
//! voted (counts, names, who broke with the rest) and whether most of them
//! voted the way that protects private messages.
//!
//! The join of votes, MEPs and national parties is [`crate::ep::join`];
//! this module only puts it into the words and shape the three levels share,
//! and gives the timeline its Parliament events.

use super::timeline::{SourceLink, TimelineEvent};
use super::{Inputs, Level, LevelEvent, LevelKind};
use crate::council::local_text::{LocalText, Phrase};
use crate::ep::model::{EpData, EpVote, Totals, VoteResult, VoteWord};
use crate::ep::{Counts, PartyEpVote};
use crate::locale::Locale;
use crate::provenance::Provenance;

/// "aangenomen" or "rejected".
fn result_word(result: VoteResult, locale: &Locale) -> String {
    super::kamer::result_word(result == VoteResult::Adopted, locale)
}

/// "228 voor, 311 tegen, 92 onthoudingen": the whole Parliament.
fn totals_phrase(totals: &Totals, locale: &Locale) -> String {
    let number = |n: u32| locale.number(i64::from(n));
    let mut text = locale.tf(
        "levels_ep_totals",
        &[
            ("for", &number(totals.for_)),
            ("against", &number(totals.against)),
        ],
    );
    if let Some(a) = totals.abstain {
        text.push_str(", ");
        text.push_str(&locale.tn("levels_ep_abstentions", i64::from(a)));
    }
    text
}

/// "3 voor, 1 tegen en 1 stemde niet": the party's MEPs.
fn counts_phrase(c: &Counts, locale: &Locale) -> String {
    let parts: Vec<String> = [
        (c.for_, "for"),
        (c.against, "against"),
        (c.abstain, "abstain"),
        (c.absent, "absent"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, word)| locale.tn(&format!("levels_ep_count_{word}"), i64::from(*n)))
    .collect();
    locale.list(&parts)
}

/// "Voor: A, B. Tegen: C." and who broke with the party's majority.
fn names_phrase(record: &PartyEpVote, locale: &Locale) -> String {
    let mut text = String::new();
    for (word, key) in [
        (VoteWord::For, "levels_ep_names_for"),
        (VoteWord::Against, "levels_ep_names_against"),
        (VoteWord::Abstain, "levels_ep_names_abstain"),
        (VoteWord::Absent, "levels_ep_names_absent"),
    ] {
        let names: Vec<&str> = record
            .members
            .iter()
            .filter(|m| m.vote == word)
            .map(|m| m.name.as_str())
            .collect();
        if !names.is_empty() {
            text.push_str(&format!("{}: {}. ", locale.t(key), locale.list(&names)));
        }
    }
    if !record.dissenters.is_empty() {
        text.push_str(&locale.tf(
            "levels_ep_dissenters",
            &[("names", &locale.list(&record.dissenters))],
        ));
    }
    text.trim_end().to_string()
}

/// The vote's page on HowTheyVote.eu, when its id is HowTheyVote's number,
/// with its link text in `locale`'s words.
pub fn howtheyvote_link(id: &str, locale: &Locale) -> Option<SourceLink> {
    crate::ep::votes::is_numeric_id(id).then(|| SourceLink {
        label: locale.t("levels_ep_howtheyvote"),
        url: format!("{HOWTHEYVOTE_URL}votes/{id}"),
    })
}

/// What was voted on, without a closing full stop: the English title on
/// English pages when there is one, the editors' Dutch one otherwise.
fn title(title_nl: &str, title_en: Option<&String>) -> LocalText {
    LocalText::new(
        title_nl.trim_end_matches('.'),
        title_en.map(|t| t.trim_end_matches('.').to_string()),
    )
}

fn event(record: &PartyEpVote, locale: &Locale) -> LevelEvent {
    let meps = locale.tn("levels_ep_meps", record.members.len() as i64);
    let what = Phrase::tf(
        locale,
        "levels_ep_event",
        &[
            (
                "title",
                &title(&record.title_nl, record.title_en.as_ref()).phrase(locale),
            ),
            ("meps", &Phrase::text(&meps)),
            (
                "counts",
                &Phrase::text(&counts_phrase(&record.counts, locale)),
            ),
            ("result", &Phrase::text(&result_word(record.result, locale))),
            (
                "totals",
                &Phrase::text(&totals_phrase(&record.totals, locale)),
            ),
        ],
    );
    let why = LocalText::new(record.why.trim(), record.why_en.clone());
    let mut detail = why.phrase(locale);
    detail.push_str(" ");
    detail.push_str(&names_phrase(record, locale));
    LevelEvent {
        date: record.date,
        date_label: locale.date(record.date),
        what,
        detail: Some(detail),
        protects: record.protected,
        source: Some(record.provenance.wording_in(locale)),
        page: None,
        more: howtheyvote_link(&record.id, locale),
    }
}

/// The party's European Parliament level, in `locale`'s words.
pub fn level(inputs: &Inputs, party: &str, locale: &Locale) -> Level {
    let Some(ep) = inputs.ep else {
        return Level::new(
            LevelKind::Ep,
            Vec::new(),
            locale.t("levels_ep_no_data"),
            locale,
        );
    };
    let events: Vec<LevelEvent> = ep
        .party_record(party)
        .iter()
        .filter(|r| r.date <= inputs.today)
        .map(|r| event(r, locale))
        .collect();
    let note = if events.is_empty() {
        locale.t("levels_ep_no_meps")
    } else {
        locale.t("levels_ep_note")
    };
    Level::new(LevelKind::Ep, events, note, locale)
}

/// The Parliament's votes for the timeline, up to the build day, in
/// `locale`'s words.
pub fn timeline(inputs: &Inputs, locale: &Locale) -> Vec<TimelineEvent> {
    let Some(ep) = inputs.ep else {
        return Vec::new();
    };
    ep.votes
        .iter()
        .filter(|v| v.date <= inputs.today)
        .map(|v| TimelineEvent {
            date: v.date,
            date_label: locale.date(v.date),
            level: LevelKind::Ep,
            level_title: LevelKind::Ep.title(locale),
            text: timeline_text(v, locale),
            page: Some(format!("/niveaus/{}/", LevelKind::Ep.slug())),
            sources: v
                .provenance
                .url()
                .map(|u| super::timeline::link(u.as_str()))
                .into_iter()
                .collect(),
        })
        .collect()
}

fn timeline_text(v: &EpVote, locale: &Locale) -> Phrase {
    Phrase::tf(
        locale,
        "levels_ep_timeline",
        &[
            (
                "title",
                &title(&v.title_nl, v.title_en.as_ref()).phrase(locale),
            ),
            ("result", &Phrase::text(&result_word(v.result, locale))),
            ("totals", &Phrase::text(&totals_phrase(&v.totals, locale))),
        ],
    )
}

/// Where HowTheyVote.eu and its licence live, for links next to [`credit_in`].
pub const HOWTHEYVOTE_URL: &str = "https://howtheyvote.eu/";
/// The Open Database License that HowTheyVote.eu's data is under.
pub const ODBL_URL: &str = "https://opendatacommons.org/licenses/odbl/1-0/";

/// The credit the pages and open data give for the Parliament's votes:
/// HowTheyVote.eu and its licence, worded after how the votes were really
/// got (fetched from its API, or entered by the editors and checkable
/// there), in `locale`'s words. None when the site has no Parliament votes.
pub fn credit_in(ep: Option<&EpData>, locale: &Locale) -> Option<String> {
    let ep = ep.filter(|e| !e.votes.is_empty())?;
    let synced = ep
        .votes
        .iter()
        .filter(|v| matches!(v.provenance, Provenance::Synced { .. }))
        .count();
    Some(locale.t(if synced == ep.votes.len() {
        "levels_ep_credit_synced"
    } else if synced > 0 {
        "levels_ep_credit_partly_synced"
    } else {
        "levels_ep_credit_editors"
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case(Counts { for_: 3, against: 1, abstain: 0, absent: 1 }, "3 voor, 1 tegen en 1 stemde niet"; "mixed")]
    #[test_case(Counts { for_: 0, against: 0, abstain: 2, absent: 0 }, "2 onthielden zich"; "all abstained")]
    #[test_case(Counts { for_: 1, against: 0, abstain: 0, absent: 0 }, "1 voor"; "one member")]
    fn the_party_counts_in_words(counts: Counts, expected: &str) {
        assert_eq!(counts_phrase(&counts, &Locale::builtin("nl")), expected);
    }

    #[test_case(Counts { for_: 3, against: 1, abstain: 0, absent: 1 }, "3 for, 1 against and 1 did not vote"; "mixed")]
    #[test_case(Counts { for_: 0, against: 0, abstain: 2, absent: 0 }, "2 abstained"; "all abstained")]
    fn the_party_counts_in_english(counts: Counts, expected: &str) {
        assert_eq!(counts_phrase(&counts, &Locale::builtin("en")), expected);
    }

    #[test]
    fn totals_use_the_language_and_plural() {
        let totals = Totals {
            for_: 228,
            against: 1311,
            abstain: Some(1),
        };
        assert_eq!(
            totals_phrase(&totals, &Locale::builtin("en")),
            "228 for, 1,311 against, 1 abstention"
        );
        assert_eq!(
            totals_phrase(&totals, &Locale::builtin("nl")),
            "228 voor, 1.311 tegen, 1 onthouding"
        );
    }

    #[test_case("189270", Some("https://howtheyvote.eu/votes/189270"); "a HowTheyVote number")]
    #[test_case("mandaat-2023", None; "an editor's slug")]
    #[test_case("", None; "nothing")]
    fn only_numbers_link_to_howtheyvote(id: &str, expected: Option<&str>) {
        assert_eq!(
            howtheyvote_link(id, &Locale::builtin("nl"))
                .map(|l| l.url)
                .as_deref(),
            expected
        );
    }
}
