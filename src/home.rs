//! What the home page answers at a glance, as template globals computed once
//! per build: `guide_home` (the latest election of the voting guide: how many
//! parties got each verdict, with their names, and every party for the
//! home page's party picker) and `council_now` (the
//! Council's standing today and its latest decision). The home template only
//! lays these out; see `templates/partials/home-*.html`. The values hold
//! facts, not words: days as `2023-11-22` and shares as whole tenths of a
//! percent, which the templates write in the page's language (`date_label`,
//! the `percent_tenths` string), so one value serves every language.

use chrono::NaiveDate;
use minijinja::{Value, context};
use serde::Serialize;

use crate::council::standing::Standing;
use crate::guide::GuideData;

/// A party as the home page links to it.
#[derive(Debug, Clone, Serialize)]
struct PartyLink {
    id: String,
    name: String,
    /// The short name where the party has one, for the party picker.
    short: String,
    url: String,
}

/// One verdict with the parties that got it.
#[derive(Debug, Clone, Serialize)]
struct VerdictGroup {
    id: String,
    symbol: String,
    label: String,
    screen_reader: String,
    tone: String,
    url: String,
    parties: Vec<PartyLink>,
}

/// The `guide_home` global: the newest election (`title`, `url`, `date` as
/// `2023-11-22`, `past`, `party_count`), `groups`, one per verdict in the scale's order
/// (with its `tone`, for the icon), each with its parties by name, and
/// `parties`: every party of that election by short name (`id`, `name`,
/// `short`, `url`). Undefined when there is no election.
pub fn guide_summary(data: &GuideData, today: NaiveDate) -> Value {
    let Some(election) = data.elections.iter().max_by_key(|e| e.date) else {
        return Value::UNDEFINED;
    };
    let entries = election.entries_by_name(data);
    let party_link = |e: &crate::guide::model::PartyEntry| {
        let name = e.display_name(data).to_string();
        PartyLink {
            id: e.party.clone(),
            short: data
                .party(&e.party)
                .and_then(|p| p.short_name.clone())
                .unwrap_or_else(|| name.clone()),
            name,
            url: format!("{}{}/", election.path, e.party),
        }
    };
    let groups: Vec<VerdictGroup> = election
        .scale
        .iter()
        .map(|level| VerdictGroup {
            id: level.id.clone(),
            symbol: level.symbol.clone(),
            label: level.label.clone(),
            screen_reader: level.screen_reader.clone(),
            tone: level
                .rule
                .map(|r| r.id().replace('_', "-"))
                .unwrap_or_default(),
            url: format!("{}oordeel/{}/", election.path, level.id),
            parties: entries
                .iter()
                .filter(|e| e.verdict == level.id)
                .map(|e| party_link(e))
                .collect(),
        })
        .collect();
    let mut parties: Vec<PartyLink> = entries.iter().map(|e| party_link(e)).collect();
    parties.sort_by_key(|p| p.short.to_lowercase());
    context! {
        title => election.title.clone(),
        url => election.path.clone(),
        date => election.date.format("%Y-%m-%d").to_string(),
        past => election.date < today,
        party_count => election.entries.len(),
        groups => Value::from_serialize(&groups),
        parties => Value::from_serialize(&parties),
    }
}

/// The `council_now` global: `outcome` (`adopted`, `blocked`, `depends`),
/// `in_favour`/`not_in_favour` (`states` and the population's share in
/// `tenths` of a percent), `undecided` and `date` (`2026-12-03`), from the
/// standing derived for today.
pub fn council_now(now: &Standing) -> Value {
    let e = &now.evaluation;
    let total = e.participating.population;
    context! {
        outcome => e.outcome.as_str(),
        in_favour => context! { states => e.in_favour.states, tenths => tenths(e.in_favour.population, total) },
        not_in_favour => context! { states => e.not_in_favour.states, tenths => tenths(e.not_in_favour.population, total) },
        undecided => e.undecided.len(),
        date => now.date.format("%Y-%m-%d").to_string(),
    }
}

/// `part` of `whole` in tenths of a percent, rounded half up as
/// [`crate::council::local_text::percent`] rounds (0 for an empty whole).
fn tenths(part: u64, whole: u64) -> u64 {
    if whole == 0 {
        return 0;
    }
    let tenths = (1000 * u128::from(part) + u128::from(whole) / 2) / u128::from(whole);
    u64::try_from(tenths).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> Value {
        let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let data = crate::guide::load(&site).expect("example guide loads");
        guide_summary(&data, NaiveDate::from_ymd_opt(2026, 12, 4).unwrap())
    }

    fn text(v: &Value, key: &str) -> String {
        v.get_attr(key).unwrap().to_string()
    }

    #[test]
    fn the_party_picker_lists_every_party_by_short_name_with_its_page() {
        let s = summary();
        let parties: Vec<Value> = s.get_attr("parties").unwrap().try_iter().unwrap().collect();
        assert_eq!(parties.len(), 26);
        let shorts: Vec<String> = parties.iter().map(|p| text(p, "short")).collect();
        let mut sorted = shorts.clone();
        sorted.sort_by_key(|s| s.to_lowercase());
        assert_eq!(shorts, sorted, "sorted by short name");
        let fvd = parties.iter().find(|p| text(p, "id") == "fvd").unwrap();
        assert_eq!(text(fvd, "short"), "FVD");
        assert_eq!(text(fvd, "name"), "Forum voor Democratie (FVD)");
        assert_eq!(text(fvd, "url"), "/stemwijzer2023/fvd/");
        // Without a short name, the name as written for the election.
        let denk = parties.iter().find(|p| text(p, "id") == "denk").unwrap();
        assert_eq!(text(denk, "short"), "DENK");
    }

    #[test]
    fn the_election_day_is_a_date_the_template_writes_in_its_language() {
        assert_eq!(text(&summary(), "date"), "2023-11-22");
    }

    #[test_case::test_case(0, 0; "an empty whole")]
    #[test_case::test_case(1, 3; "a third rounds down")]
    #[test_case::test_case(2, 3; "two thirds round up")]
    #[test_case::test_case(1, 2000; "half a tenth rounds up")]
    #[test_case::test_case(177_000_000, 451_000_000; "a population share")]
    #[test_case::test_case(7, 7; "all")]
    fn tenths_round_as_the_council_pages_round(part: u64, whole: u64) {
        let t = tenths(part, whole);
        assert_eq!(
            format!("{},{}%", t / 10, t % 10),
            crate::council::local_text::percent(part, whole, &crate::locale::Locale::builtin("nl"))
        );
    }

    #[test]
    fn each_verdict_group_has_the_tone_its_icon_is_drawn_for() {
        let s = summary();
        assert_eq!(s.get_attr("past").unwrap(), Value::from(true));
        let tones: Vec<String> = s
            .get_attr("groups")
            .unwrap()
            .try_iter()
            .unwrap()
            .map(|g| text(&g, "tone"))
            .collect();
        assert_eq!(tones, ["protects", "mixed", "does-not-protect", "unclear"]);
    }
}
