//! Party votes for prose: what a page may say about how a party voted on a
//! motion or bill, worked out from the guide's data so that it is typed once.
//!
//! A page that says "de SGP stemde vóór wetsvoorstel 36263" states a fact the
//! vote data also records; typed twice, the two drift apart (the SGP page
//! stated a vote that the data marked as not in our sources). The
//! `partij-stem` shortcode asks [`vote_fact_in`] instead, through the template
//! function `partij_stem` the build registers: the vote comes with the
//! words of its source, a vote no source gives says so, and an unknown party
//! or item is a diagnostic on the page's line.

use serde::Serialize;

use super::model::{EvidenceKind, GuideData, VoteChoice};
use super::vote_views::item_phrase_in;
use crate::diagnostics::Message;
use crate::locale::Locale;
use crate::msg;
use crate::provenance::{Provenance, Wording};

/// How a party voted on an item, as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteFact {
    /// The party's name, e.g. "Staatkundig Gereformeerde Partij (SGP)".
    pub party: String,
    /// The short name when it has one, e.g. "SGP", else the name.
    pub party_short: String,
    /// The item as pages name it, e.g. "motie-Van Ginneken (motie 2023Z07239)".
    pub item: String,
    /// The item's page on tweedekamer.nl, when known.
    pub item_url: Option<String>,
    /// "vóór", "tegen" or "niet gestemd" (in the page's language); none
    /// when no source gives the vote.
    pub vote: Option<String>,
    /// The vote's source in honest words; none when the vote is not known.
    pub source: Option<Wording>,
}

impl VoteFact {
    /// A vote nothing is known about, named by the arguments as written
    /// (for a build whose guide data could not be read).
    pub fn unknown(party: &str, item: &str) -> VoteFact {
        VoteFact {
            party: party.to_string(),
            party_short: party.to_string(),
            item: item.to_string(),
            item_url: None,
            vote: None,
            source: None,
        }
    }
}

/// What the data says about `party`'s vote on `item`, in the words of
/// `locale`: the vote, the item's name and the source's wording. The error
/// says in plain words which argument is unknown.
pub fn vote_fact_in(
    locale: &Locale,
    data: &GuideData,
    party: &str,
    item: &str,
) -> Result<VoteFact, Message> {
    let party = party.trim();
    let item = item.trim();
    let Some(p) = data.party(party) else {
        return Err(msg!(
            "there is no party `{party}` in data/parties.toml; write its id, e.g. {{{{< partij-stem sgp 36263 >}}}}",
            "er is geen partij `{party}` in data/parties.toml; schrijf haar id, bijvoorbeeld {{{{< partij-stem sgp 36263 >}}}}"
        ));
    };
    let Some(i) = data.item(item) else {
        return Err(msg!(
            "there is no item `{item}` in data/items/; write the number of a motion or bill the guide knows, e.g. {{{{< partij-stem sgp 36263 >}}}}",
            "er is geen stuk `{item}` in data/items/; schrijf het nummer van een motie of wetsvoorstel dat de stemwijzer kent, bijvoorbeeld {{{{< partij-stem sgp 36263 >}}}}"
        ));
    };
    let (vote, source) = match recorded(data, party, item) {
        Some((vote, source)) => (Some(vote.word(locale)), Some(source.wording_in(locale))),
        None => (None, None),
    };
    Ok(VoteFact {
        party: p.name.clone(),
        party_short: p.short_name.clone().unwrap_or_else(|| p.name.clone()),
        item: item_phrase_in(locale, data, item),
        item_url: i.url.clone(),
        vote,
        source,
    })
}

/// The vote and its source: from the vote file when it records the party,
/// else from a party's vote evidence that carries its own source.
pub fn recorded<'a>(
    data: &'a GuideData,
    party: &str,
    item: &str,
) -> Option<(VoteChoice, &'a Provenance)> {
    if let Some(file) = data.votes.get(item)
        && let Some(source) = &file.provenance
    {
        let votes = file.votes_of(party);
        if let Some(first) = votes.first()
            && votes.iter().all(|v| v.vote == first.vote)
        {
            return Some((first.vote, source));
        }
    }
    data.elections
        .iter()
        .flat_map(|e| &e.entries)
        .filter(|entry| entry.party == party)
        .flat_map(|entry| &entry.evidence)
        .filter(|e| e.kind == EvidenceKind::Vote && e.item.as_deref() == Some(item))
        .find_map(|e| Some((e.vote?, e.source.as_ref()?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::{Evidence, Item, ItemKind, Party, PartyEntry};
    use test_case::test_case;

    fn data() -> GuideData {
        let mut data = GuideData::default();
        data.parties.push(Party {
            id: "sgp".into(),
            name: "Staatkundig Gereformeerde Partij".into(),
            short_name: Some("SGP".into()),
            ..Party::default()
        });
        data.items.insert(
            "36263".into(),
            Item {
                number: "36263".into(),
                title: "Tijdelijke wet".into(),
                title_en: None,
                name: None,
                name_en: None,
                mover: None,
                mover_en: None,
                source: None,
                date: None,
                kind: ItemKind::Bill,
                url: None,
                protects: Some(VoteChoice::Against),
                results: vec![],
                origin: Default::default(),
            },
        );
        data
    }

    #[test_case("sgp", "36263", Ok(None); "known party and item, vote not in our sources")]
    #[test_case("xyz", "36263", Err("there is no party `xyz`"); "unknown party")]
    #[test_case("sgp", "99999", Err("there is no item `99999`"); "unknown item")]
    fn arguments(party: &str, item: &str, expected: Result<Option<&str>, &str>) {
        match (
            vote_fact_in(&Locale::builtin("nl"), &data(), party, item),
            expected,
        ) {
            (Ok(fact), Ok(vote)) => assert_eq!(fact.vote.as_deref(), vote),
            (Err(message), Err(start)) => assert!(message.starts_with(start), "{message}"),
            (got, want) => panic!("got {got:?}, want {want:?}"),
        }
    }

    #[test]
    fn a_vote_with_its_own_source_is_worded_from_it() {
        let mut data = data();
        let mut election = crate::guide::model::Election {
            id: crate::guide::model::ElectionId::parse("t").unwrap(),
            title: "t".into(),
            title_en: None,
            date: chrono::NaiveDate::from_ymd_opt(2023, 11, 22).unwrap(),
            path: crate::site_path::SitePath::parse("/t/").unwrap(),
            intro: None,
            intro_en: None,
            methodology: String::new(),
            methodology_en: None,
            scale: Vec::new(),
            districts: Vec::new(),
            entries: Vec::new(),
            origin: Default::default(),
        };
        election.entries.push(PartyEntry {
            party: "sgp".into(),
            evidence: vec![Evidence {
                kind: EvidenceKind::Vote,
                item: Some("36263".into()),
                vote: Some(VoteChoice::Against),
                source: Some(Provenance::Editor {
                    note: "nagekeken".into(),
                    checked_on: "2026-12-04".parse().unwrap(),
                }),
                ..Evidence::default()
            }],
            ..PartyEntry::default()
        });
        data.elections.push(election);
        let fact = vote_fact_in(&Locale::builtin("nl"), &data, "sgp", "36263").unwrap();
        assert_eq!(fact.vote.as_deref(), Some("tegen"));
        assert_eq!(fact.party_short, "SGP");
        assert_eq!(fact.item, "wetsvoorstel 36263");
        assert_eq!(
            fact.source.unwrap().plain(),
            "vastgesteld door de redactie: nagekeken (gecontroleerd op 4 december 2026)"
        );
        let fact = vote_fact_in(&Locale::builtin("en"), &data, "sgp", "36263").unwrap();
        assert_eq!(fact.vote.as_deref(), Some("against"));
        assert_eq!(fact.item, "bill 36263");
        assert_eq!(
            fact.source.unwrap().plain(),
            "established by the editors: nagekeken (checked on 4 December 2026)"
        );
    }
}
