//! The three levels of the example site, built in memory: `/niveaus/` and its
//! filter pages, the open data (`data.json`, `data.csv`) and the party pages'
//! `#niveaus` section must all say the same thing, because they are made from
//! one model. Each test reads the open data and checks a page against it, so
//! a page that drifts from the data fails here.

use crate::common;
use crate::common::html::{self, assert_count, assert_exists, assert_none};

use std::sync::OnceLock;

use chatcontrole::build::{BuildOptions, generate};
use chatcontrole::output::Output;
use serde_json::Value;

/// The example site, built once for every test of this file.
fn built() -> &'static Output {
    static OUT: OnceLock<Output> = OnceLock::new();
    OUT.get_or_init(|| {
        generate(&BuildOptions::new(common::example_site()))
            .unwrap_or_else(|d| panic!("build failed:\n{d}"))
            .output
    })
}

fn text(path: &str) -> String {
    let file = built()
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

fn data() -> Value {
    serde_json::from_str(&text("niveaus/data.json")).expect("data.json is JSON")
}

fn parties(data: &Value) -> &Vec<Value> {
    data["parties"].as_array().expect("parties is a list")
}

/// The events of level `kind` (`kamer`, `council`, `ep`) of one party.
fn events<'a>(party: &'a Value, kind: &str) -> &'a Vec<Value> {
    party["levels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["level"] == kind)
        .unwrap_or_else(|| panic!("{} has no level {kind}", party["id"]))["events"]
        .as_array()
        .unwrap()
}

#[test]
fn every_party_has_the_three_levels_in_order_in_the_open_data() {
    let data = data();
    assert!(parties(&data).len() >= 20, "the example has the 26 parties");
    for p in parties(&data) {
        let kinds: Vec<&str> = p["levels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["level"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["kamer", "council", "ep"], "levels of {}", p["id"]);
    }
    let with_ep = parties(&data)
        .iter()
        .filter(|p| !events(p, "ep").is_empty())
        .count();
    assert!(
        with_ep >= 8,
        "the parties with Dutch MEPs have their EP votes ({with_ep})"
    );
}

#[test]
fn the_csv_has_one_row_per_event_of_the_json() {
    let data = data();
    let csv = text("niveaus/data.csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "party,party_name,level,date,what,detail,protects,source_kind,source_text,source_url"
    );
    let mut from_json: Vec<String> = Vec::new();
    for p in parties(&data) {
        for kind in ["kamer", "council", "ep"] {
            for e in events(p, kind) {
                from_json.push(format!(
                    "{},{},{}",
                    p["id"].as_str().unwrap(),
                    kind,
                    e["date"].as_str().unwrap()
                ));
            }
        }
    }
    // The first three columns never hold commas or quotes (ids, names and days).
    let from_csv: Vec<String> = lines
        .map(|l| {
            let cols: Vec<&str> = l.splitn(5, ',').collect();
            format!("{},{},{}", cols[0], cols[2], cols[3])
        })
        .collect();
    assert_eq!(from_csv, from_json);
}

#[test]
fn the_overview_table_shows_each_party_at_each_level_as_the_data_does() {
    let data = data();
    let page = text("niveaus/index.html");
    assert_count(&page, "table.levels-table thead th", 4, "/niveaus/");
    for p in parties(&data) {
        let id = p["id"].as_str().unwrap();
        let row = format!("tr[id=\"{id}\"]");
        let has_record = ["kamer", "council", "ep"]
            .iter()
            .any(|k| !events(p, k).is_empty());
        if !has_record {
            // A party with nothing at any level has no row of empty cells.
            assert_none(&page, &row, "/niveaus/");
            continue;
        }
        assert_exists(&page, &row, "/niveaus/");
        for (column, kind) in ["kamer", "council", "ep"].iter().enumerate() {
            let cell = format!("{row} td:nth-of-type({})", column + 1);
            let shown = html::count(&page, &format!("{cell} .levels-events > li"));
            assert_eq!(
                shown,
                events(p, kind).len(),
                "events of {id} at {kind} on /niveaus/"
            );
        }
        match p["disagreement"].as_str() {
            Some(flag) => {
                let shown = html::select_text(&page, &format!("{row} .levels-flag"));
                assert_eq!(shown.len(), 1, "{id} has its flag");
                assert!(shown[0].contains(flag), "{id}'s flag reads {shown:?}");
            }
            None => assert_none(&page, &format!("{row} .levels-flag"), "/niveaus/"),
        }
    }
}

#[test]
fn each_filter_page_shows_one_level_and_marks_itself_current() {
    let data = data();
    for (slug, kind, title) in [
        ("tweede-kamer", "kamer", "Tweede Kamer"),
        ("raad", "council", "Raad van de EU"),
        ("europees-parlement", "ep", "Europees Parlement"),
    ] {
        let path = format!("niveaus/{slug}/index.html");
        let page = text(&path);
        assert_count(&page, "table.levels-table thead th", 2, &path);
        html::assert_selects(
            &page,
            "table.levels-table thead th:nth-of-type(2)",
            title,
            &path,
        );
        html::assert_selects(&page, ".levels-filter a[aria-current=page]", title, &path);
        let total: usize = parties(&data).iter().map(|p| events(p, kind).len()).sum();
        assert_count(&page, ".levels-events > li", total, &path);
        let with_record = parties(&data)
            .iter()
            .filter(|p| !events(p, kind).is_empty())
            .count();
        assert_count(&page, "table.levels-table tbody tr", with_record, &path);
    }
}

#[test]
fn party_pages_show_three_levels_with_a_source_for_every_event() {
    let data = data();
    let mut checked = 0;
    for p in parties(&data) {
        let id = p["id"].as_str().unwrap();
        if events(p, "ep").is_empty() {
            continue;
        }
        let path = format!("stemwijzer2023/{id}/index.html");
        let page = text(&path);
        for kind in ["kamer", "council", "ep"] {
            let section = format!("section.party-level:has(> h3#niveau-{kind})");
            assert_exists(&page, &section, &path);
            let items = html::select_text(&page, &format!("{section} .levels-events > li"));
            assert_eq!(items.len(), events(p, kind).len(), "{id} at {kind}");
            for (item, event) in items.iter().zip(events(p, kind)) {
                let what = event["what"].as_str().unwrap();
                assert!(
                    item.contains(what),
                    "{id} at {kind}: {item:?} lacks {what:?}"
                );
            }
            // Every event names its source or links the page with the sources.
            let sourced = html::count(
                &page,
                &format!("{section} .levels-events > li p.meta:last-child:has(a)"),
            );
            let spoken = html::count(
                &page,
                &format!("{section} .levels-events > li p.meta:last-child"),
            );
            assert_eq!(
                spoken,
                items.len(),
                "{id} at {kind}: a source line per event"
            );
            assert!(sourced <= spoken);
        }
        let ep = "section.party-level:has(> h3#niveau-ep)";
        let more = html::select_attr(&page, &format!("{ep} .levels-events a"), "href");
        for event in events(p, "ep") {
            if let Some(url) = event["more_url"].as_str() {
                assert!(more.iter().any(|m| m == url), "{id} links {url}");
            }
        }
        let credit = html::select_attr(&page, &format!("{ep} .levels-credit a"), "href");
        assert_eq!(
            credit,
            [
                "https://howtheyvote.eu/",
                "https://opendatacommons.org/licenses/odbl/1-0/"
            ],
            "{id} credits HowTheyVote.eu and its licence"
        );
        checked += 1;
    }
    assert!(checked >= 8, "parties with MEPs checked: {checked}");
}

#[test]
fn the_pages_and_the_data_credit_howtheyvote_and_its_licence() {
    let data = data();
    let credit = data["credit"].as_str().expect("data.json has a credit");
    assert!(
        credit.contains("HowTheyVote.eu") && credit.contains("ODbL"),
        "{credit}"
    );
    assert!(credit.contains("https://opendatacommons.org/licenses/odbl/1-0/"));
    let page = text("niveaus/index.html");
    let links = html::select_attr(&page, ".levels-credit a", "href");
    assert_eq!(
        links,
        [
            "https://howtheyvote.eu/",
            "https://opendatacommons.org/licenses/odbl/1-0/"
        ]
    );
}

#[test]
fn the_timeline_interleaves_the_parliaments_votes_by_date() {
    let data = data();
    let page = text("tijdlijn/index.html");
    let days: Vec<String> = html::select_attr(&page, "ol.levels-timeline time", "datetime");
    let titles = html::select_text(&page, "ol.levels-timeline li strong");
    for level in ["Tweede Kamer", "Raad van de EU", "Europees Parlement"] {
        assert!(
            titles.iter().any(|t| t.ends_with(level)),
            "the timeline has events of {level}"
        );
    }
    let mut ep_days: Vec<&str> = parties(&data)
        .iter()
        .flat_map(|p| events(p, "ep"))
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    ep_days.sort();
    ep_days.dedup();
    assert!(!ep_days.is_empty());
    for day in &ep_days {
        assert!(
            days.iter().any(|d| d == day),
            "the timeline has the EP vote of {day}"
        );
    }
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "the timeline runs oldest first");
}
