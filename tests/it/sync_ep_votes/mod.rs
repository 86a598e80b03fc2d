//! `chatcontrole sync ep-votes` against a stand-in for HowTheyVote.eu's API
//! on 127.0.0.1 (never the internet), answering in the shapes `src/ep/api.rs`
//! reads (`GET votes/<id>`, `GET votes?q=<procedure>&page=N&page_size=100`).
//!
//! The command writes files editors then complete by hand and the build
//! publishes, so these tests hold it to what its module documentation
//! promises: the votes of a procedure are found through every page of the
//! listing; only the members of `--country` are written, with the names of
//! `meps.toml`; the file loads with the crate's own loader once the editors
//! have written their words; transient failures are retried; a failure of
//! any kind (the API, the answer's shape, the client's limits) exits 1,
//! names the vote and leaves every file of the site byte-identical; members
//! whose party cannot be found are written all the same and named in a
//! warning; a second sync of an unchanged vote changes nothing, and a
//! changed one keeps the editors' words.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatcontrole::ep::{EpData, Protects, VoteResult, VoteWord};
use chatcontrole::provenance::Provenance;
use serde_json::{Value, json};
use test_case::test_case;

use crate::common::snapshot;
use crate::common::tk_mock::{Answer, Mock};

mod editors;
mod limits;

/// The final vote on the interim derogation (HowTheyVote.eu's id).
const FINAL: u64 = 189270;

/// The procedure whose main votes the paging test lists.
const PROCEDURE: &str = "2022/0155(COD)";

/// Our party ids the national parties of [`MEPS`] map to.
const PARTY_IDS: [&str; 4] = ["vvd", "groenlinks-pvda", "pvdd", "volt"];

/// `data/ep/meps.toml` of the test site: four Dutch MEPs with mapped
/// parties, and one whose only national party ended before 2026.
const MEPS: &str = r#"[national_parties]
"Volkspartij voor Vrijheid en Democratie" = "vvd"
"GroenLinks" = "groenlinks-pvda"
"Partij voor de Dieren" = "pvdd"
"Volt" = "volt"

[[mep]]
id = 900001
name = "Anna de Vries"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2019-07-02
[[mep.party]]
name = "GroenLinks"
from = 2019-07-02
[[mep.group]]
code = "GREENS"
from = 2019-07-02
[mep.source]
kind = "editor"
note = "testgegevens"
checked_on = 2026-12-04

[[mep]]
id = 900002
name = "Bram Jansen"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2019-07-02
[[mep.party]]
name = "Volkspartij voor Vrijheid en Democratie"
from = 2019-07-02
[[mep.group]]
code = "RENEW"
from = 2019-07-02
[mep.source]
kind = "editor"
note = "testgegevens"
checked_on = 2026-12-04

[[mep]]
id = 900003
name = "Chris Bakker"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2019-07-02
[[mep.party]]
name = "Partij voor de Dieren"
from = 2019-07-02
[[mep.group]]
code = "GUE_NGL"
from = 2019-07-02
[mep.source]
kind = "editor"
note = "testgegevens"
checked_on = 2026-12-04

[[mep]]
id = 900004
name = "Dewi Visser"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2019-07-02
[[mep.party]]
name = "Volt"
from = 2019-07-02
[[mep.group]]
code = "GREENS"
from = 2019-07-02
[mep.source]
kind = "editor"
note = "testgegevens"
checked_on = 2026-12-04

[[mep]]
id = 900005
name = "Eva Smit"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2019-07-02
[[mep.party]]
name = "Volt"
from = 2019-07-02
until = 2025-12-31
[[mep.group]]
code = "GREENS"
from = 2019-07-02
[mep.source]
kind = "editor"
note = "testgegevens"
checked_on = 2026-12-04
"#;

/// Everyone who votes in the fake API: id, first and last name as the API
/// writes them, ISO alpha-2 country, group code.
const PEOPLE: [(u64, &str, &str, &str, Option<&str>); 8] = [
    (900001, "Anna", "DE VRIES", "NL", Some("GREENS")),
    (900002, "Bram", "JANSEN", "NL", Some("RENEW")),
    (900003, "Chris", "BAKKER", "NL", Some("GUE_NGL")),
    (900004, "Dewi", "VISSER", "NL", Some("GREENS")),
    (900005, "Eva", "SMIT", "NL", Some("GREENS")),
    (900006, "Jan", "NIEUWKOMER", "NL", Some("EPP")),
    (1, "Roberta", "METSOLA", "MT", None),
    (28229, "Manfred", "WEBER", "DE", Some("EPP")),
];

/// One `member_votes` row in HowTheyVote.eu's shape.
fn member_row(id: u64, position: &str) -> Value {
    let (_, first, last, country, group) = PEOPLE
        .iter()
        .find(|p| p.0 == id)
        .unwrap_or_else(|| panic!("no person {id} in PEOPLE"));
    let alpha3 = match *country {
        "NL" => "NLD",
        "MT" => "MLT",
        _ => "DEU",
    };
    json!({"member": {"id": id, "first_name": first, "last_name": last, "full_name": format!("{first} {last}"),
                      "country": {"code": alpha3, "iso_alpha_2": country, "label": "x"},
                      "group": group.map(|g| json!({"code": g, "label": "x", "short_label": g})),
                      "photo_url": "p", "thumb_url": "t"},
           "position": position})
}

/// `GET votes/<id>` of a vote: `result` None for votes before 2024.
fn vote_json(
    id: u64,
    timestamp: &str,
    result: Option<&str>,
    totals: [u32; 4],
    positions: &[(u64, &str)],
) -> Value {
    let procedure = if id == FINAL || id == 189574 {
        "2025/0429(COD)"
    } else {
        PROCEDURE
    };
    json!({"id": id, "is_main": true, "timestamp": timestamp,
           "display_title": format!("Vote {id} \"on\" scanning"), "reference": "A10-0001/2026",
           "description": null, "result": result,
           "procedure": {"title": "x", "type": "COD", "reference": procedure, "stage": null},
           "stats": {"total": {"FOR": totals[0], "AGAINST": totals[1], "ABSTENTION": totals[2], "DID_NOT_VOTE": totals[3]},
                     "by_group": [], "by_country": []},
           "member_votes": positions.iter().map(|(m, p)| member_row(*m, p)).collect::<Vec<_>>(),
           "sources": [], "links": [], "related": []})
}

/// The final vote: four Dutch members voting four ways among members of
/// other countries (one of them without a group, as the API sends them).
fn final_vote() -> Value {
    vote_json(
        FINAL,
        "2026-03-26T12:31:05",
        Some("REJECTED"),
        [228, 311, 92, 89],
        &[
            (900003, "DID_NOT_VOTE"),
            (900001, "AGAINST"),
            (900002, "FOR"),
            (1, "FOR"),
            (900004, "ABSTENTION"),
            (28229, "AGAINST"),
        ],
    )
}

/// The main votes of [`PROCEDURE`]: one from 2023 (no result from the API)
/// and one from 2024.
fn procedure_vote(id: u64) -> Option<Value> {
    match id {
        162201 => Some(vote_json(
            162201,
            "2023-11-22T12:10:00",
            None,
            [500, 100, 20, 85],
            &[(900001, "FOR"), (900002, "FOR"), (28229, "FOR")],
        )),
        175001 => Some(vote_json(
            175001,
            "2024-04-10T12:00:00",
            Some("ADOPTED"),
            [400, 200, 30, 75],
            &[(900001, "AGAINST"), (900003, "AGAINST"), (900002, "FOR")],
        )),
        _ => None,
    }
}

/// The listing of [`PROCEDURE`] on two pages: a main vote and an amendment
/// on the first, a main vote on the second.
fn listing_page(page: u32) -> Value {
    let (results, has_next) = match page {
        1 => (
            json!([{"id": 162201, "is_main": true}, {"id": 162202, "is_main": false}]),
            true,
        ),
        _ => (json!([{"id": 175001, "is_main": true}]), false),
    };
    json!({"total": 3, "page": page, "page_size": 100, "has_prev": page > 1,
           "has_next": has_next, "results": results, "facets": {}})
}

/// The path of the listing page `page` of [`PROCEDURE`], as the mock sees it (decoded).
fn listing_path(page: u32) -> String {
    format!("/api/votes?q={PROCEDURE}&page={page}&page_size=100")
}

/// A well-behaved HowTheyVote.eu: the final vote, the procedure's listing
/// and votes; 404 for anything else.
fn fine(path: &str) -> Answer {
    if path == format!("/api/votes/{FINAL}") {
        return Answer::json(final_vote().to_string());
    }
    for page in [1, 2] {
        if path == listing_path(page) {
            return Answer::json(listing_page(page).to_string());
        }
    }
    path.strip_prefix("/api/votes/")
        .and_then(|id| id.parse().ok())
        .and_then(procedure_vote)
        .map_or_else(|| Answer::status(404), |v| Answer::json(v.to_string()))
}

/// The fake API with the log of the paths (and queries) it was asked.
struct Htv {
    mock: Mock,
    log: Arc<Mutex<Vec<String>>>,
}

impl Htv {
    /// Starts a fake API whose answers come from `answer(path?query, request number from 0)`.
    fn start(answer: impl Fn(&str, usize) -> Answer + Send + Sync + 'static) -> Htv {
        let log = Arc::new(Mutex::new(Vec::new()));
        let seen = log.clone();
        let mock = Mock::start(move |path, n| {
            seen.lock().unwrap().push(path.to_string());
            answer(path, n)
        });
        Htv { mock, log }
    }

    /// A well-behaved API.
    fn fine() -> Htv {
        Htv::start(|p, _| fine(p))
    }

    /// The value of `--api`.
    fn api(&self) -> String {
        format!("{}/api", self.mock.origin)
    }

    /// The paths asked so far, in order.
    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

/// A site folder with only what `sync ep-votes` reads: `data/ep/meps.toml`.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write(dir.path(), "data/ep/meps.toml", MEPS);
    dir
}

/// The vote file of `id` below `site`.
fn vote_file(site: &Path, id: u64) -> std::path::PathBuf {
    site.join(format!("data/ep/votes/{id}.toml"))
}

/// What a run printed and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Both streams, for assertion messages.
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `sync ep-votes --site SITE --api API` plus `extra`, with a 1 ms
/// back-off, two retries and a 5 s timeout unless `extra` sets them; fails
/// the test (and kills the process) when it has not ended after 60 s.
fn run(site: &Path, api: &str, extra: &[&str]) -> Run {
    let mut args: Vec<&str> = vec!["sync", "ep-votes", "--api", api];
    for (flag, value) in [
        ("--retry-delay", "1"),
        ("--retries", "2"),
        ("--timeout", "5"),
    ] {
        if !extra.contains(&flag) {
            args.extend([flag, value]);
        }
    }
    args.extend_from_slice(extra);
    let mut command = crate::common::chatcontrole();
    command.args(&args).arg("--site").arg(site);
    let done = crate::common::run_within(command, Duration::from_secs(60), "sync ep-votes");
    Run {
        code: done.code,
        stdout: done.stdout,
        stderr: done.stderr,
    }
}

/// A vote file as a TOML table.
fn table(site: &Path, id: u64) -> toml::Table {
    let path = vote_file(site, id);
    let text = std::fs::read_to_string(&path);
    let text = text.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse().unwrap()
}

/// `(mep, name, group, vote)` of every `[[member]]` of a vote file.
fn members(file: &toml::Table) -> Vec<(i64, String, String, String)> {
    file["member"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["mep"].as_integer().unwrap(),
                m["name"].as_str().unwrap().to_string(),
                m["group"].as_str().unwrap().to_string(),
                m["vote"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Shorthand for an expected `[[member]]`.
fn m(mep: i64, name: &str, group: &str, vote: &str) -> (i64, String, String, String) {
    (mep, name.to_string(), group.to_string(), vote.to_string())
}

/// The vote files of `site` read by the crate's own loader
/// (`chatcontrole::ep::load`), as the build reads them once an editor has
/// done what a new synced file asks: written `title_nl`, `protects`, `why`
/// (and `result` where the API gives none), and the source is the real API
/// rather than this test's local one. Done on a copy; fails the test on any
/// error, so the files as written may hold no other mistake. Gives the
/// data and the loader's warnings.
fn published(site: &Path, origin: &str) -> (EpData, Vec<String>) {
    let copy = tempfile::tempdir().unwrap();
    for (rel, bytes) in snapshot(&site.join("data/ep")) {
        let mut text = String::from_utf8(bytes).unwrap();
        if rel.starts_with("votes") {
            text = text
                .replace(origin, "https://howtheyvote.eu")
                .replace("title_nl = \"\"", "title_nl = \"Stemming\"")
                .replace("protects = \"\"", "protects = \"against\"")
                .replace("why = \"\"", "why = \"Omdat.\"")
                .replace("result = \"\"", "result = \"adopted\"");
        }
        crate::common::write(copy.path(), &format!("data/ep/{}", rel.display()), &text);
    }
    let mut diags = chatcontrole::diagnostics::Diagnostics::new();
    let data = chatcontrole::ep::load(copy.path(), &|id| PARTY_IDS.contains(&id), &mut diags)
        .expect("a data/ep folder");
    let messages: Vec<String> = diags
        .sorted()
        .iter()
        .map(|d| d.message.to_string())
        .collect();
    assert!(!diags.has_errors(), "{messages:#?}");
    (data, messages)
}

/// A copy of `text` with the mock's port and the moment of fetching
/// replaced by placeholders, for a stable snapshot.
fn redacted(text: &str, origin: &str) -> String {
    text.replace(origin, "http://127.0.0.1:PORT")
        .lines()
        .map(|l| {
            if l.starts_with("fetched_at = ") {
                "fetched_at = FETCHED_AT"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_main_votes_of_a_procedure_are_found_on_every_page_and_written() {
    let site = site();
    let api = Htv::fine();
    let run = run(site.path(), &api.api(), &["--procedure", PROCEDURE]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stdout
            .contains("sync ep-votes: 2 fetched, 0 unchanged, 0 failed"),
        "{}",
        run.all()
    );
    assert_eq!(
        api.log(),
        [
            listing_path(1),
            listing_path(2),
            "/api/votes/162201".to_string(),
            "/api/votes/175001".to_string()
        ],
        "both pages are read; the amendment (not a main vote) is not fetched"
    );
    let written: Vec<_> = snapshot(&site.path().join("data/ep/votes"))
        .into_keys()
        .collect();
    assert_eq!(
        written,
        [Path::new("162201.toml"), Path::new("175001.toml")],
        "one file per main vote, no leftovers"
    );

    let old = table(site.path(), 162201);
    assert_eq!(old["procedure"].as_str(), Some(PROCEDURE));
    assert_eq!(
        old["result"].as_str(),
        Some(""),
        "no result before 2024: the editors write it"
    );
    assert_eq!(
        members(&old),
        [
            m(900001, "Anna de Vries", "GREENS", "for"),
            m(900002, "Bram Jansen", "RENEW", "for")
        ]
    );
    let new = table(site.path(), 175001);
    assert_eq!(new["result"].as_str(), Some("adopted"));
    assert_eq!(new["totals"]["for"].as_integer(), Some(400));
    assert_eq!(new["totals"]["against"].as_integer(), Some(200));
    assert_eq!(new["totals"]["abstain"].as_integer(), Some(30));
    assert_eq!(members(&new).len(), 3);

    let (data, warnings) = published(site.path(), &api.mock.origin);
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(data.votes.len(), 2);
    let gl = data.party_record("groenlinks-pvda");
    let days: Vec<String> = gl.iter().map(|v| v.date.to_string()).collect();
    assert_eq!(days, ["2024-04-10", "2023-11-22"], "newest first");
    assert_eq!((gl[0].counts.against, gl[1].counts.for_), (1, 1));
    assert_eq!(data.party_record("pvdd")[0].counts.against, 1);
    assert_eq!(data.party_record("vvd").len(), 2);
}

#[test]
fn one_vote_is_written_with_the_dutch_members_only_and_says_it_was_synced() {
    let site = site();
    let api = Htv::fine();
    let before = chrono::Utc::now() - chrono::Duration::seconds(1);
    let run = run(site.path(), &api.api(), &["--vote", &FINAL.to_string()]);
    let after = chrono::Utc::now() + chrono::Duration::seconds(1);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("1 fetched, 0 unchanged, 0 failed"),
        "{}",
        run.all()
    );
    assert!(
        run.stderr
            .contains("vote 189270 is new: title_nl, protects and why are empty"),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), ["/api/votes/189270"]);

    let text = std::fs::read_to_string(vote_file(site.path(), FINAL)).unwrap();
    let file: toml::Table = text.parse().unwrap();
    assert_eq!(
        members(&file),
        [
            m(900003, "Chris Bakker", "GUE_NGL", "absent"),
            m(900001, "Anna de Vries", "GREENS", "against"),
            m(900002, "Bram Jansen", "RENEW", "for"),
            m(900004, "Dewi Visser", "GREENS", "abstain"),
        ],
        "the Dutch members in the API's order, named as meps.toml names them"
    );
    let provenance = file["provenance"].as_table().unwrap();
    assert_eq!(provenance["kind"].as_str(), Some("synced"));
    assert_eq!(
        provenance["api"].as_str(),
        Some(format!("{}/api/votes/189270", api.mock.origin).as_str())
    );
    let fetched_at = provenance["fetched_at"].as_datetime().unwrap().to_string();
    let fetched_at = chrono::DateTime::parse_from_rfc3339(&fetched_at).unwrap();
    assert!(
        before <= fetched_at && fetched_at <= after,
        "fetched_at {fetched_at} is the moment of the sync"
    );
    insta::assert_snapshot!(redacted(&text, &api.mock.origin));

    // As written, the loader names exactly what is left to do.
    let mut diags = chatcontrole::diagnostics::Diagnostics::new();
    chatcontrole::ep::load(site.path(), &|id| PARTY_IDS.contains(&id), &mut diags).unwrap();
    let mut errors: Vec<String> = diags
        .sorted()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.to_string())
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            "`protects` is not filled in yet",
            "`title_nl` is empty",
            "`why` is empty",
            "this vote's source is a local address (127.0.0.1), which must not be published",
        ]
    );

    let (data, warnings) = published(site.path(), &api.mock.origin);
    assert_eq!(warnings, Vec::<String>::new());
    let vote = &data.votes[0];
    assert_eq!(vote.id, "189270");
    assert_eq!(vote.date.to_string(), "2026-03-26");
    assert_eq!(vote.procedure.as_deref(), Some("2025/0429(COD)"));
    assert_eq!(
        vote.title_en.as_deref(),
        Some("Vote 189270 \"on\" scanning")
    );
    assert_eq!(vote.result, VoteResult::Rejected);
    assert_eq!(vote.protects, Protects::Against);
    assert_eq!(
        (vote.totals.for_, vote.totals.against, vote.totals.abstain),
        (228, 311, Some(92))
    );
    assert!(
        vote.licence
            .as_deref()
            .is_some_and(|l| l.contains("HowTheyVote.eu") && l.contains("ODbL")),
        "{:?}",
        vote.licence
    );
    match &vote.provenance {
        Provenance::Synced { api, .. } => {
            assert_eq!(api.to_string(), "https://howtheyvote.eu/api/votes/189270")
        }
        other => panic!("not synced: {other:?}"),
    }
    // Each Dutch member reaches our party through meps.toml.
    let party_votes: Vec<(&str, Option<VoteWord>)> = PARTY_IDS
        .iter()
        .map(|id| {
            let record = data.party_record(id);
            assert_eq!(record.len(), 1, "{id}");
            (*id, record[0].members.first().map(|m| m.vote))
        })
        .collect();
    assert_eq!(
        party_votes,
        [
            ("vvd", Some(VoteWord::For)),
            ("groenlinks-pvda", Some(VoteWord::Against)),
            ("pvdd", Some(VoteWord::Absent)),
            ("volt", Some(VoteWord::Abstain)),
        ]
    );
}

#[test]
fn another_country_keeps_that_countrys_members() {
    let site = site();
    let api = Htv::fine();
    let run = run(
        site.path(),
        &api.api(),
        &["--vote", "189270", "--country", "de"],
    );
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert_eq!(
        members(&table(site.path(), FINAL)),
        [m(28229, "Manfred WEBER", "EPP", "against")],
        "a member meps.toml does not know keeps the API's name"
    );
    assert!(
        run.stderr
            .contains("Manfred WEBER (member id 28229) voted against on vote 189270 but is not in data/ep/meps.toml"),
        "{}",
        run.all()
    );
}

#[test]
fn a_second_sync_of_an_unchanged_vote_leaves_the_file_byte_identical() {
    let site = site();
    let api = Htv::fine();
    assert_eq!(
        run(site.path(), &api.api(), &["--vote", "189270"]).code,
        Some(0)
    );
    let before = snapshot(site.path());
    // Without --vote or --procedure every numeric file is refreshed.
    let again = run(site.path(), &api.api(), &[]);
    assert_eq!(again.code, Some(0), "{}", again.all());
    assert!(
        again.stdout.contains("0 fetched, 1 unchanged, 0 failed"),
        "{}",
        again.all()
    );
    assert!(!again.stderr.contains("is new"), "{}", again.all());
    assert!(snapshot(site.path()) == before, "a file changed");
    assert_eq!(api.log(), ["/api/votes/189270", "/api/votes/189270"]);
}

#[test]
fn a_changed_vote_is_rewritten_with_the_editors_words_kept() {
    let site = site();
    let first = Htv::fine();
    assert_eq!(
        run(site.path(), &first.api(), &["--vote", "189270"]).code,
        Some(0)
    );
    let path = vote_file(site.path(), FINAL);
    let words = std::fs::read_to_string(&path)
        .unwrap()
        .replace(
            "title_nl = \"\"",
            "title_nl = \"Eindstemming \\\"verlenging\\\"\"",
        )
        .replace("protects = \"\"", "protects = \"against\"")
        .replace("why = \"\"", "why = \"Omdat.\"")
        .replace(
            "licence = ",
            "editors_note = \"Nagekeken in de notulen.\"\nlicence = ",
        );
    std::fs::write(&path, &words).unwrap();
    // A slug file is an editor's own record: never refreshed.
    crate::common::write(
        site.path(),
        "data/ep/votes/chat-control-2020.toml",
        "# eigen\n",
    );

    // HowTheyVote.eu corrects a position.
    let second = Htv::start(|p, _| {
        if p == "/api/votes/189270" {
            let mut vote = final_vote();
            vote["member_votes"][4]["position"] = json!("AGAINST");
            Answer::json(vote.to_string())
        } else {
            fine(p)
        }
    });
    let run = run(site.path(), &second.api(), &[]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("1 fetched, 0 unchanged, 0 failed"),
        "{}",
        run.all()
    );
    assert!(!run.stderr.contains("is new"), "{}", run.all());
    assert_eq!(
        second.log(),
        ["/api/votes/189270"],
        "the slug file is not asked for"
    );
    let file = table(site.path(), FINAL);
    assert_eq!(
        file["title_nl"].as_str(),
        Some("Eindstemming \"verlenging\"")
    );
    assert_eq!(file["protects"].as_str(), Some("against"));
    assert_eq!(file["why"].as_str(), Some("Omdat."));
    assert_eq!(
        file["editors_note"].as_str(),
        Some("Nagekeken in de notulen.")
    );
    assert_eq!(
        members(&file)[3],
        m(900004, "Dewi Visser", "GREENS", "against")
    );
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("# Editors: fill in"),
        "the reminder goes once the words are there"
    );
    assert_eq!(
        std::fs::read_to_string(site.path().join("data/ep/votes/chat-control-2020.toml")).unwrap(),
        "# eigen\n"
    );
}

#[test_case(2, |n| if n < 2 { Answer::status(503) } else { Answer::json(final_vote().to_string()) }; "two 503 answers")]
#[test_case(1, |n| if n < 1 { Answer::status(429) } else { Answer::json(final_vote().to_string()) }; "a 429 answer")]
fn transient_failures_are_retried_until_the_answer_comes(
    failures: usize,
    answer: fn(usize) -> Answer,
) {
    let site = site();
    let api = Htv::start(move |_, n| answer(n));
    let run = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("1 fetched, 0 unchanged, 0 failed"),
        "{}",
        run.all()
    );
    assert_eq!(
        api.log(),
        vec!["/api/votes/189270"; failures + 1],
        "one request per attempt"
    );
    assert_eq!(members(&table(site.path(), FINAL)).len(), 4);
}

#[test]
fn an_answer_that_does_not_come_in_time_is_retried() {
    let site = site();
    let api = Htv::start(|p, n| Answer {
        delay: if n == 0 {
            Duration::from_secs(20)
        } else {
            Duration::ZERO
        },
        ..fine(p)
    });
    let started = Instant::now();
    let run = run(
        site.path(),
        &api.api(),
        &["--vote", "189270", "--timeout", "1"],
    );
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert_eq!(api.log(), ["/api/votes/189270", "/api/votes/189270"]);
    assert!(vote_file(site.path(), FINAL).exists());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the slow answer was not waited for: {:?}",
        started.elapsed()
    );
}

#[test]
fn a_flaky_listing_is_retried_page_by_page() {
    let site = site();
    // Every path fails once with 502, then answers.
    let failed = Mutex::new(std::collections::HashSet::new());
    let api = Htv::start(move |p, _| {
        if failed.lock().unwrap().insert(p.to_string()) {
            Answer::status(502)
        } else {
            fine(p)
        }
    });
    let run = run(site.path(), &api.api(), &["--procedure", PROCEDURE]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("2 fetched, 0 unchanged, 0 failed"),
        "{}",
        run.all()
    );
    let twice = |p: String| [p.clone(), p];
    let expected: Vec<String> = [
        listing_path(1),
        listing_path(2),
        "/api/votes/162201".to_string(),
        "/api/votes/175001".to_string(),
    ]
    .into_iter()
    .flat_map(twice)
    .collect();
    assert_eq!(api.log(), expected);
}

/// Every file of a site with its bytes ([`snapshot`]).
type Files = std::collections::BTreeMap<std::path::PathBuf, Vec<u8>>;

/// A site after a good sync of [`FINAL`] and an editor's words, with an
/// editor's own slug file beside it; gives its files.
fn synced_site() -> (tempfile::TempDir, Files) {
    let site = site();
    let api = Htv::fine();
    let first = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(first.code, Some(0), "{}", first.all());
    let path = vote_file(site.path(), FINAL);
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("title_nl = \"\"", "title_nl = \"Eindstemming\"")
        .replace("protects = \"\"", "protects = \"against\"")
        .replace("why = \"\"", "why = \"Omdat.\"");
    std::fs::write(&path, text).unwrap();
    crate::common::write(
        site.path(),
        "data/ep/votes/chat-control-2020.toml",
        "# eigen\n",
    );
    let files = snapshot(site.path());
    (site, files)
}

/// The final vote with `change` applied to its JSON.
fn final_with(change: fn(&mut Value)) -> Answer {
    let mut vote = final_vote();
    change(&mut vote);
    Answer::json(vote.to_string())
}

#[test_case(|| Answer::status(500), "answered 500 Internal Server Error (gave up after 3 attempts)", 3; "a 500 every time")]
#[test_case(|| Answer::status(404), "answered 404 Not Found; check the --api address and the item number", 1; "a 404")]
#[test_case(|| Answer::json("{\"id\": 189270, \"timestamp\": "), "is not valid JSON", 1; "a cut-off body")]
#[test_case(|| Answer::json("<html>maintenance</html>"), "is not valid JSON", 1; "an html page")]
#[test_case(|| final_with(|v| { v.as_object_mut().unwrap().remove("member_votes"); }), "the answer has no usable `member_votes`", 1; "no member votes")]
#[test_case(|| final_with(|v| v["stats"]["total"]["FOR"] = json!("veel")), "the answer has no usable `stats.total.FOR`", 1; "totals not numbers")]
#[test_case(|| final_with(|v| v["id"] = json!(189574)), "the API answered vote 189574 for this id", 1; "another vote")]
#[test_case(|| final_with(|v| v["result"] = json!("LAPSED")), "the vote's result is `LAPSED`, neither adopted nor rejected", 1; "a lapsed vote")]
#[test_case(|| final_with(|v| v["member_votes"][1]["position"] = json!("YES")), "member 900001 has the position `YES`", 1; "an unknown position")]
#[test_case(|| final_with(|v| v["member_votes"][1]["member"]["group"] = json!(null)), "Anna DE VRIES (member id 900001) has no group code in the API's answer", 1; "a dutch member without group")]
#[test_case(|| final_with(|v| v["member_votes"][1]["member"]["group"]["code"] = json!("XYZ")), "Anna DE VRIES (member id 900001) is in the group `XYZ`, which ep::model::Group does not know yet", 1; "an unknown group")]
fn a_failed_vote_exits_1_and_keeps_every_file(answer: fn() -> Answer, says: &str, requests: usize) {
    let (site, files) = synced_site();
    let api = Htv::start(move |_, _| answer());
    let run = run(site.path(), &api.api(), &[]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr.contains("vote 189270: ") && run.stderr.contains(says),
        "expected `{says}` in:\n{}",
        run.all()
    );
    assert!(
        run.stderr
            .contains("the previous file (if any) was kept; try again later or check --api"),
        "{}",
        run.all()
    );
    assert!(
        run.stdout.contains("0 fetched, 0 unchanged, 1 failed"),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), vec!["/api/votes/189270"; requests]);
    assert!(
        snapshot(site.path()) == files,
        "a file changed or was added"
    );
}

#[test]
fn an_existing_file_that_is_not_toml_is_kept_and_not_fetched() {
    let site = site();
    let path = vote_file(site.path(), FINAL);
    crate::common::write(
        site.path(),
        "data/ep/votes/189270.toml",
        "title_nl = \"open\n",
    );
    let files = snapshot(site.path());
    let api = Htv::fine();
    let run = run(site.path(), &api.api(), &[]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr
            .contains("vote 189270: the existing file cannot be read")
            && run
                .stderr
                .contains("it was kept so that the editors' words are not lost"),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), Vec::<String>::new());
    assert!(path.exists());
    assert!(snapshot(site.path()) == files);
}

#[test]
fn one_failed_vote_does_not_stop_the_others() {
    let site = site();
    let api = Htv::start(|p, _| {
        if p == "/api/votes/162201" {
            Answer::status(500)
        } else {
            fine(p)
        }
    });
    let run = run(
        site.path(),
        &api.api(),
        &["--vote", "162201", "189270", "175001", "--retries", "0"],
    );
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stdout.contains("2 fetched, 0 unchanged, 1 failed"),
        "{}",
        run.all()
    );
    assert!(!vote_file(site.path(), 162201).exists());
    assert!(vote_file(site.path(), 175001).exists());
    assert!(vote_file(site.path(), FINAL).exists());
    assert_eq!(
        api.log(),
        [
            "/api/votes/162201",
            "/api/votes/175001",
            "/api/votes/189270"
        ],
        "votes are fetched in id order"
    );
}

#[test]
fn a_listing_that_fails_changes_nothing_and_names_the_procedure() {
    let (site, files) = synced_site();
    let api = Htv::start(|p, _| {
        if p.starts_with("/api/votes?") {
            Answer::json("{\"results\": []}")
        } else {
            fine(p)
        }
    });
    let run = run(site.path(), &api.api(), &["--procedure", PROCEDURE]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr.contains(&format!(
            "the votes of {PROCEDURE}: {}/api/votes?q={PROCEDURE}&page=1&page_size=100: the answer has no usable `has_next`",
            api.mock.origin
        )),
        "{}",
        run.all()
    );
    assert!(
        run.stdout.contains("0 fetched, 0 unchanged, 1 failed"),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), [listing_path(1)]);
    assert!(snapshot(site.path()) == files);
}

#[test]
fn a_listing_without_main_votes_is_a_warning() {
    let site = site();
    let api = Htv::start(|_, _| {
        Answer::json(
            json!({"results": [{"id": 5, "is_main": false}], "has_next": false}).to_string(),
        )
    });
    let run = run(site.path(), &api.api(), &["--procedure", "2025/0429(COD)"]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert!(
        run.stderr
            .contains("HowTheyVote.eu lists no main vote of 2025/0429(COD)"),
        "{}",
        run.all()
    );
    assert_eq!(api.log().len(), 1);
    assert!(!site.path().join("data/ep/votes").exists());
}

#[test]
fn members_whose_party_cannot_be_found_are_written_and_named_in_a_warning() {
    let site = site();
    let api = Htv::start(|p, _| {
        if p == "/api/votes/189574" {
            let vote = vote_json(
                189574,
                "2026-03-26T12:20:00",
                Some("ADOPTED"),
                [300, 299, 50, 71],
                &[
                    (900001, "FOR"),
                    (900006, "FOR"),
                    (900005, "AGAINST"),
                    (28229, "FOR"),
                ],
            );
            Answer::json(vote.to_string())
        } else {
            fine(p)
        }
    });
    let run = run(site.path(), &api.api(), &["--vote", "189574"]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    let stderr = &run.stderr;
    for (says, hint) in [
        (
            "Jan NIEUWKOMER (member id 900006) voted for on vote 189574 but is not in data/ep/meps.toml; the vote counts for no party",
            "add to data/ep/meps.toml: [[mep]] id = 900006",
        ),
        (
            "Eva Smit (member id 900005) voted against on vote 189574 but has no national party on 2026-03-26 in data/ep/meps.toml; the vote counts for no party",
            "add a [[mep.party]] to member 900005 in data/ep/meps.toml whose period covers 2026-03-26",
        ),
    ] {
        assert!(stderr.contains(says), "expected `{says}` in:\n{stderr}");
        assert!(stderr.contains(hint), "expected `{hint}` in:\n{stderr}");
    }
    assert!(
        !stderr.contains("Anna de Vries") && !stderr.contains("WEBER"),
        "a mapped member and a member of another country are not named:\n{stderr}"
    );
    assert_eq!(
        members(&table(site.path(), 189574)),
        [
            m(900001, "Anna de Vries", "GREENS", "for"),
            m(900006, "Jan NIEUWKOMER", "EPP", "for"),
            m(900005, "Eva Smit", "GREENS", "against"),
        ]
    );
    let (data, warnings) = published(site.path(), &api.mock.origin);
    assert_eq!(data.unmapped().len(), 2);
    assert_eq!(
        warnings,
        [
            "Jan NIEUWKOMER (member id 900006) is not in data/ep/meps.toml",
            "Eva Smit (member id 900005) has no national party on 2026-03-26 in data/ep/meps.toml",
        ]
    );
}

#[test]
fn a_mistake_in_meps_toml_stops_the_sync_before_any_request() {
    let site = site();
    crate::common::write(
        site.path(),
        "data/ep/meps.toml",
        &MEPS.replacen("code = \"RENEW\"", "code = \"Renew Europe\"", 1),
    );
    let files = snapshot(site.path());
    let api = Htv::fine();
    let run = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr
            .contains("`Renew Europe` is not a political group code")
            && run
                .stderr
                .contains("sync ep-votes failed before fetching anything"),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), Vec::<String>::new());
    assert!(snapshot(site.path()) == files);
}

#[test_case(&["--vote", "x189270"], "--vote `x189270` is not a HowTheyVote.eu vote id"; "a vote id with a letter")]
#[test_case(&["--procedure", "2022/155(COD)"], "--procedure `2022/155(COD)` is not a procedure reference"; "a short procedure")]
#[test_case(&["--vote", "189270", "--country", "NLD"], "--country `NLD` is not a two-letter country code"; "a three-letter country")]
fn wrong_arguments_exit_2_before_any_request(extra: &[&str], says: &str) {
    let site = site();
    let files = snapshot(site.path());
    let api = Htv::fine();
    let run = run(site.path(), &api.api(), extra);
    assert_eq!(run.code, Some(2), "{}", run.all());
    assert!(run.stderr.contains(says), "{}", run.all());
    assert_eq!(api.log(), Vec::<String>::new());
    assert!(snapshot(site.path()) == files);
}
