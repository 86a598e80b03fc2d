//! The European Parliament level: per recorded vote, how the party's MEPs
//! voted (counts, names, who broke with the rest) and whether most of them
//! voted the way that protects private messages.
//!
//! The join of votes, MEPs and national parties is [`crate::ep::join`];
//! this module only puts it into the words and shape the three levels share,
//! and gives the timeline its Parliament events.

use super::timeline::{SourceLink, TimelineEvent};
use super::{Inputs, Level, LevelEvent, LevelKind};
use crate::content::dates::dutch_day;
use crate::ep::model::{EpData, EpVote, VoteResult, VoteWord};
use crate::ep::{Counts, PartyEpVote};
use crate::provenance::Provenance;

/// "aangenomen" or "verworpen".
fn result_word(result: VoteResult) -> &'static str {
    match result {
        VoteResult::Adopted => "aangenomen",
        VoteResult::Rejected => "verworpen",
    }
}

/// "228 voor, 311 tegen, 92 onthoudingen": the whole Parliament.
fn totals_phrase(vote_totals: &crate::ep::model::Totals) -> String {
    let mut text = format!("{} voor, {} tegen", vote_totals.for_, vote_totals.against);
    if let Some(a) = vote_totals.abstain {
        text.push_str(&format!(
            ", {a} {}",
            if a == 1 { "onthouding" } else { "onthoudingen" }
        ));
    }
    text
}

/// "3 voor, 1 tegen, 1 stemde niet": the party's MEPs.
fn counts_phrase(c: &Counts) -> String {
    let parts: Vec<String> = [
        (c.for_, "voor", "voor"),
        (c.against, "tegen", "tegen"),
        (c.abstain, "onthield zich", "onthielden zich"),
        (c.absent, "stemde niet", "stemden niet"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if *n == 1 { one } else { many }))
    .collect();
    super::dutch_list(&parts.iter().map(String::as_str).collect::<Vec<_>>())
}

/// "Voor: A, B. Tegen: C." and who broke with the party's majority.
fn names_phrase(record: &PartyEpVote) -> String {
    let mut text = String::new();
    for (word, label) in [
        (VoteWord::For, "Voor"),
        (VoteWord::Against, "Tegen"),
        (VoteWord::Abstain, "Onthouding"),
        (VoteWord::Absent, "Niet gestemd"),
    ] {
        let names: Vec<&str> = record
            .members
            .iter()
            .filter(|m| m.vote == word)
            .map(|m| m.name.as_str())
            .collect();
        if !names.is_empty() {
            text.push_str(&format!("{label}: {}. ", super::dutch_list(&names)));
        }
    }
    if !record.dissenters.is_empty() {
        let names: Vec<&str> = record.dissenters.iter().map(String::as_str).collect();
        text.push_str(&format!(
            "Anders dan de meeste partijgenoten: {}.",
            super::dutch_list(&names)
        ));
    }
    text.trim_end().to_string()
}

/// The vote's page on HowTheyVote.eu, when its id is HowTheyVote's number.
pub fn howtheyvote_link(id: &str) -> Option<SourceLink> {
    crate::ep::votes::is_numeric_id(id).then(|| SourceLink {
        label: "de hele stemming op HowTheyVote.eu".to_string(),
        url: format!("{HOWTHEYVOTE_URL}votes/{id}"),
    })
}

fn event(record: &PartyEpVote) -> LevelEvent {
    let n = record.members.len();
    let meps = if n == 1 {
        "De Europarlementariër van de partij".to_string()
    } else {
        format!("De {n} Europarlementariërs van de partij")
    };
    LevelEvent {
        date: record.date,
        date_label: dutch_day(record.date),
        what: format!(
            "{}. {meps}: {}. Uitslag: {} ({}).",
            record.title_nl.trim_end_matches('.'),
            counts_phrase(&record.counts),
            result_word(record.result),
            totals_phrase(&record.totals)
        ),
        detail: Some(format!("{} {}", record.why.trim(), names_phrase(record))),
        protects: record.protected,
        source: Some(record.source.clone()),
        page: None,
        more: howtheyvote_link(&record.id),
    }
}

/// The party's European Parliament level.
pub fn level(inputs: &Inputs, party: &str) -> Level {
    let Some(ep) = inputs.ep else {
        return Level::new(
            LevelKind::Ep,
            Vec::new(),
            "Deze site heeft geen gegevens over het Europees Parlement.".to_string(),
        );
    };
    let events: Vec<LevelEvent> = ep
        .party_record(party)
        .iter()
        .filter(|r| r.date <= inputs.today)
        .map(event)
        .collect();
    let note = if events.is_empty() {
        "De partij had geen Europarlementariërs bij de stemmingen in onze gegevens.".to_string()
    } else {
        "Bij elke stemming staat welke stem privéberichten beschermde en waarom; de partij beschermde als de meeste van haar Europarlementariërs zo stemden.".to_string()
    };
    Level::new(LevelKind::Ep, events, note)
}

/// The Parliament's votes for the timeline, up to the build day.
pub fn timeline(inputs: &Inputs) -> Vec<TimelineEvent> {
    let Some(ep) = inputs.ep else {
        return Vec::new();
    };
    ep.votes
        .iter()
        .filter(|v| v.date <= inputs.today)
        .map(|v| TimelineEvent {
            date: v.date,
            date_label: dutch_day(v.date),
            level: LevelKind::Ep,
            level_title: LevelKind::Ep.title(),
            text: timeline_text(v),
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

fn timeline_text(v: &EpVote) -> String {
    format!(
        "Het Europees Parlement stemt: {}. Uitslag: {} ({}).",
        v.title_nl.trim_end_matches('.'),
        result_word(v.result),
        totals_phrase(&v.totals)
    )
}

/// Where HowTheyVote.eu and its licence live, for links next to [`credit`].
pub const HOWTHEYVOTE_URL: &str = "https://howtheyvote.eu/";
/// The Open Database License that HowTheyVote.eu's data is under.
pub const ODBL_URL: &str = "https://opendatacommons.org/licenses/odbl/1-0/";

/// The credit the pages and open data give for the Parliament's votes:
/// HowTheyVote.eu and its licence, worded after how the votes were really
/// got (fetched from its API, or entered by the editors and checkable
/// there). None when the site has no Parliament votes.
pub fn credit(ep: Option<&EpData>) -> Option<String> {
    let ep = ep.filter(|e| !e.votes.is_empty())?;
    let synced = ep
        .votes
        .iter()
        .filter(|v| matches!(v.provenance, Provenance::Synced { .. }))
        .count();
    Some(if synced == ep.votes.len() {
        "De stemmingen van het Europees Parlement komen van HowTheyVote.eu, open data onder de Open Database License (ODbL 1.0).".to_string()
    } else if synced > 0 {
        "Een deel van de stemmingen van het Europees Parlement komt van HowTheyVote.eu, open data onder de Open Database License (ODbL 1.0); bij de andere staat de bron bij de stemming.".to_string()
    } else {
        "De stemmingen van het Europees Parlement zijn ingevoerd door de redactie, met de bron bij elke stemming; elke stemming is na te gaan op HowTheyVote.eu, open data onder de Open Database License (ODbL 1.0).".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case(Counts { for_: 3, against: 1, abstain: 0, absent: 1 }, "3 voor, 1 tegen en 1 stemde niet"; "mixed")]
    #[test_case(Counts { for_: 0, against: 0, abstain: 2, absent: 0 }, "2 onthielden zich"; "all abstained")]
    #[test_case(Counts { for_: 1, against: 0, abstain: 0, absent: 0 }, "1 voor"; "one member")]
    fn the_party_counts_in_words(counts: Counts, expected: &str) {
        assert_eq!(counts_phrase(&counts), expected);
    }

    #[test_case("189270", Some("https://howtheyvote.eu/votes/189270"); "a HowTheyVote number")]
    #[test_case("mandaat-2023", None; "an editor's slug")]
    #[test_case("", None; "nothing")]
    fn only_numbers_link_to_howtheyvote(id: &str, expected: Option<&str>) {
        assert_eq!(howtheyvote_link(id).map(|l| l.url).as_deref(), expected);
    }
}
