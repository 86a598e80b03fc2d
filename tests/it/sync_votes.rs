//! `chatcontrole sync votes` against a local stand-in for the Tweede Kamer
//! API (127.0.0.1 only), answering in the shapes of facts/tk_examples: every
//! case of issue 10's Tests section, each asserting the written files or that
//! the previous files are byte-identical.

use crate::common::tk_mock;
use chatcontrole::guide::votes_file::VotesFile;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use serde_json::{Value, json};
use tk_mock::{Answer, Mock};

const PARTIES: &str = r#"
[[party]]
id = "vvd"
name = "VVD"
[[party]]
id = "d66"
name = "D66"
[[party]]
id = "pvv"
name = "PVV"
[[party]]
id = "cda"
name = "CDA"
[[party]]
id = "sp"
name = "SP"
[[party]]
id = "groenlinks-pvda"
name = "GroenLinks-PvdA"
aliases = ["GroenLinks", "PvdA"]
[[party]]
id = "pvdd"
name = "PvdD"
[[party]]
id = "christenunie"
name = "ChristenUnie"
[[party]]
id = "fvd"
name = "FVD"
[[party]]
id = "ja21"
name = "JA21"
[[party]]
id = "sgp"
name = "SGP"
[[party]]
id = "denk"
name = "DENK"
[[party]]
id = "bvnl"
name = "BVNL"
aliases = ["Groep Van Haga"]
[[party]]
id = "volt"
name = "Volt"
[[party]]
id = "bbb"
name = "BBB"
[[party]]
id = "bij1"
name = "BIJ1"
[[party]]
id = "nsc"
name = "NSC"
aliases = [{ name = "Lid Omtzigt", from = 2023-08-20 }]
"#;

/// A site with parties and two items, the motion of the constructed example and a bill.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("items")).unwrap();
    std::fs::write(data.join("parties.toml"), PARTIES).unwrap();
    std::fs::write(
        data.join("items/2023Z99999.toml"),
        "number = \"2023Z99999\"\ntitle = \"Motie\"\nkind = \"motion\"\nprotects = \"for\"\n",
    )
    .unwrap();
    std::fs::write(
        data.join("items/36263.toml"),
        "number = \"36263\"\ntitle = \"Wet\"\nkind = \"bill\"\nprotects = \"against\"\n",
    )
    .unwrap();
    dir
}

fn motion_json() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/tk/zaak_by_nummer_expanded.CONSTRUCTED.json"),
    )
    .unwrap()
}

fn row(id: u32, soort: &str, size: Value, faction: &str) -> Value {
    json!({"Id": format!("00000000-0000-4000-8000-00000000{id:04}"), "Besluit_Id": "b", "Soort": soort,
           "FractieGrootte": size, "ActorNaam": faction, "ActorFractie": faction, "Vergissing": false,
           "SidActorLid": null, "SidActorFractie": null, "Persoon_Id": null, "Fractie_Id": null,
           "GewijzigdOp": "2023-10-24T16:00:00+02:00", "ApiGewijzigdOp": "2023-10-24T14:00:00Z", "Verwijderd": false})
}

fn bill_zaak(besluiten: Vec<Value>) -> Value {
    json!({"Id": "00000000-0000-4000-8000-000000000050", "Nummer": "2022Z23928", "Soort": "Wetgeving",
           "Titel": "Tijdelijke regels …", "Citeertitel": "Tijdelijke wet cyberoperaties", "Onderwerp": null,
           "GestartOp": "2022-12-01T00:00:00+01:00", "Verwijderd": false, "Besluit": besluiten})
}

fn vote_besluit(date: &str, rows: Vec<Value>) -> Value {
    json!({"Id": "b", "Agendapunt_Id": "a", "StemmingsSoort": "Met handopsteken",
           "BesluitSoort": "Stemmen - aangenomen", "BesluitTekst": "Aangenomen.", "Status": "Besluit",
           "AgendapuntZaakBesluitVolgorde": 1, "Verwijderd": false, "Stemming": rows,
           "Agendapunt": {"Activiteit": {"Datum": date, "Soort": "Stemmingen", "Nummer": "x"}}})
}

fn bill_json() -> String {
    let rows = vec![
        row(1, "Voor", json!(34), "VVD"),
        row(2, "Tegen", json!(9), "SP"),
        row(3, "Voor", json!(1), "Lid Omtzigt"),
    ];
    json!({"@odata.context": "x", "value": [bill_zaak(vec![vote_besluit("2023-10-24T00:00:00+02:00", rows)])]})
        .to_string()
}

/// Answers recipe A for the motion and recipe C for the bill.
fn answer(path: &str) -> Answer {
    if path.contains("Nummer eq '2023Z99999'") {
        Answer::json(motion_json())
    } else if path.contains("Kamerstukdossier/any(d: d/Nummer eq 36263)")
        && path.contains("Wetgeving")
    {
        Answer::json(bill_json())
    } else {
        Answer::status(404)
    }
}

fn run(site: &Path, api: &str, extra: &[&str]) -> Output {
    tk_mock::run_sync("votes", site, api, extra)
}

fn votes(site: &Path, item: &str) -> PathBuf {
    site.join("data/votes").join(format!("{item}.toml"))
}

fn read(path: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn faction<'a>(file: &'a toml::Table, name: &str) -> &'a toml::Table {
    file["faction"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_table().unwrap())
        .find(|f| f["name"].as_str() == Some(name))
        .unwrap_or_else(|| panic!("no faction {name}"))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Writes the previous files a failing sync must leave alone.
fn previous_files(site: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mock = Mock::start(|p, _| answer(p));
    assert!(run(site, &mock.api, &[]).status.success());
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for dir in ["data/votes", "data/items"] {
        for e in std::fs::read_dir(site.join(dir)).unwrap() {
            let p = e.unwrap().path();
            files.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    files
}

fn assert_unchanged(files: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in files {
        assert!(
            &std::fs::read(path).unwrap() == bytes,
            "{} changed",
            path.display()
        );
    }
}

#[test]
fn motion_with_absent_deleted_and_unmapped_factions() {
    let site = site();
    let mock = Mock::start(|p, _| answer(p));
    let out = run(site.path(), &mock.api, &[]);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(all.contains("2 fetched, 0 unchanged, 0 failed"), "{all}");
    let file = read(&votes(site.path(), "2023Z99999"));
    assert_eq!(file["result"].as_str(), Some("Stemmen - aangenomen"));
    assert_eq!(file["vote_kind"].as_str(), Some("faction"));
    let totals = file["totals"].as_table().unwrap();
    assert_eq!(
        (
            totals["for"].as_integer(),
            totals["against"].as_integer(),
            totals["absent"].as_integer()
        ),
        (Some(93), Some(56), Some(1))
    );
    assert_eq!(
        file["faction"].as_array().unwrap().len(),
        20,
        "the deleted row is dropped"
    );
    let gundogan = faction(&file, "Lid Gündoğan");
    assert_eq!(gundogan["vote"].as_str(), Some("absent"));
    assert!(gundogan.get("party").is_none());
    assert_eq!(
        faction(&file, "PvdA")["party"].as_str(),
        Some("groenlinks-pvda")
    );
    assert_eq!(
        faction(&file, "Groep Van Haga")["party"].as_str(),
        Some("bvnl")
    );
    assert_eq!(faction(&file, "VVD")["seats"].as_integer(), Some(34));
    // No vote date in this answer, so the period-bound alias of NSC does not apply.
    assert!(faction(&file, "Lid Omtzigt").get("party").is_none());
    for name in ["Fractie Den Haan", "Lid Gündoğan", "Lid Omtzigt"] {
        assert!(
            all.contains(&format!(
                "faction `{name}` in the vote on 2023Z99999 maps to no party"
            )),
            "{all}"
        );
    }
    let source = file["source"].as_table().expect("a [source] table");
    assert_eq!(source["kind"].as_str(), Some("synced"));
    assert!(source["api"].as_str().unwrap().starts_with(&mock.api));
    assert!(source["fetched_at"].as_str().unwrap().ends_with('Z'));
    assert!(file.get("query").is_none() && file.get("fetched_at").is_none());
}

#[test]
fn bill_by_dossier_with_dated_alias() {
    let site = site();
    let mock = Mock::start(|p, _| answer(p));
    let out = run(site.path(), &mock.api, &[]);
    assert!(out.status.success(), "{}", text(&out));
    let file = read(&votes(site.path(), "36263"));
    assert_eq!(file["kind"].as_str(), Some("bill"));
    assert_eq!(file["zaak"].as_str(), Some("2022Z23928"));
    assert_eq!(
        file["title"].as_str(),
        Some("Tijdelijke wet cyberoperaties")
    );
    assert_eq!(
        file["date"].as_datetime().map(|d| d.to_string()),
        Some("2023-10-24".into())
    );
    assert_eq!(faction(&file, "SP")["vote"].as_str(), Some("against"));
    assert_eq!(faction(&file, "Lid Omtzigt")["party"].as_str(), Some("nsc"));
}

#[test]
fn a_second_sync_leaves_files_byte_identical() {
    let site = site();
    let files = previous_files(site.path());
    let mock = Mock::start(|p, _| answer(p));
    let out = run(site.path(), &mock.api, &[]);
    assert!(
        text(&out).contains("0 fetched, 2 unchanged, 0 failed"),
        "{}",
        text(&out)
    );
    assert_unchanged(&files);
}

#[test]
fn results_spread_over_three_pages_are_joined() {
    let site = site();
    let mock = Mock::start(move |p, _| {
        if p.contains("2023Z99999") {
            return answer(p);
        }
        // The bill's decisions come on three pages, linked by nextLink.
        let (value, next) = if p.contains("$skiptoken=2") {
            (
                vec![bill_zaak(vec![vote_besluit(
                    "2023-10-24T00:00:00+02:00",
                    vec![row(9, "Voor", json!(24), "D66")],
                )])],
                None,
            )
        } else if p.contains("$skiptoken=1") {
            (vec![bill_zaak(vec![])], Some("Zaak?$skiptoken=2"))
        } else {
            (vec![], Some("Zaak?$skiptoken=1"))
        };
        let mut page = json!({"@odata.context": "x", "value": value});
        if let Some(next) = next {
            page["@odata.nextLink"] = json!(next);
        }
        Answer::json(page.to_string())
    });
    let out = run(site.path(), &mock.api, &["--item", "36263"]);
    assert!(out.status.success(), "{}", text(&out));
    let file = read(&votes(site.path(), "36263"));
    assert_eq!(faction(&file, "D66")["vote"].as_str(), Some("for"));
    assert_eq!(
        mock.count(),
        4,
        "one request for the motion, three pages for the bill"
    );
}

#[test]
fn a_503_is_retried() {
    let site = site();
    let mock = Mock::start(|p, n| {
        if n == 0 {
            Answer::status(503)
        } else {
            answer(p)
        }
    });
    let out = run(site.path(), &mock.api, &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(votes(site.path(), "2023Z99999").exists());
    assert!(votes(site.path(), "36263").exists());
    assert_eq!(mock.count(), 3);
}

#[test]
fn other_4xx_fail_at_once_and_keep_the_previous_file() {
    let site = site();
    let files = previous_files(site.path());
    let mock = Mock::start(|_, _| Answer::status(400));
    let out = run(site.path(), &mock.api, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("400 Bad Request"), "{}", text(&out));
    assert_eq!(mock.count(), 2, "no retries on a 400");
    assert_unchanged(&files);
}

#[test]
fn a_timeout_fails_and_keeps_the_previous_files() {
    let site = site();
    let files = previous_files(site.path());
    let mock = Mock::start(|p, _| Answer {
        delay: Duration::from_millis(2500),
        ..answer(p)
    });
    let out = run(site.path(), &mock.api, &["--item", "36263"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("did not answer in time"), "{all}");
    assert!(all.contains("0 fetched, 0 unchanged, 2 failed"), "{all}");
    assert_unchanged(&files);
}

#[test]
fn a_truncated_body_names_the_item_and_keeps_the_previous_files() {
    let site = site();
    let files = previous_files(site.path());
    let mock = Mock::start(|p, _| {
        let full = answer(p);
        let cut = full.body.len() / 2;
        Answer {
            body: full.body[..cut].to_vec(),
            ..full
        }
    });
    let out = run(site.path(), &mock.api, &[]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("2023Z99999: the answer of"), "{all}");
    assert!(all.contains("is not valid JSON"), "{all}");
    assert_unchanged(&files);
}

#[test]
fn wrong_types_in_a_row_fail_that_item_only() {
    let site = site();
    let files = previous_files(site.path());
    let mock = Mock::start(|p, _| {
        if p.contains("2023Z99999") {
            Answer::json(motion_json().replacen(
                "\"FractieGrootte\": 34",
                "\"FractieGrootte\": \"34\"",
                1,
            ))
        } else {
            answer(p)
        }
    });
    let out = run(site.path(), &mock.api, &[]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("2023Z99999: Zaak 00000000-0000-4000-8000-000000000010 does not have the expected fields"), "{all}");
    assert!(all.contains("0 fetched, 1 unchanged, 1 failed"), "{all}");
    assert_unchanged(&files);
}

#[test]
fn more_than_150_seats_is_refused() {
    let site = site();
    let files = previous_files(site.path());
    let mock = Mock::start(|p, _| {
        if p.contains("2023Z99999") {
            Answer::json(motion_json().replacen(
                "\"FractieGrootte\": 34",
                "\"FractieGrootte\": 134",
                1,
            ))
        } else {
            answer(p)
        }
    });
    let out = run(site.path(), &mock.api, &[]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("more than the 150 of the Kamer"), "{all}");
    assert_unchanged(&files);
}

#[test]
fn a_new_item_is_added_to_the_items() {
    let site = site();
    let mock = Mock::start(|p, _| {
        if p.contains("Nummer eq '2025Z20461'") {
            Answer::json(motion_json().replace("2023Z99999", "2025Z20461"))
        } else {
            answer(p)
        }
    });
    let out = run(site.path(), &mock.api, &["--item", "2025Z20461"]);
    assert!(out.status.success(), "{}", text(&out));
    let item = read(&site.path().join("data/items/2025Z20461.toml"));
    assert_eq!(item["kind"].as_str(), Some("motion"));
    assert!(
        item["title"]
            .as_str()
            .unwrap()
            .starts_with("Motie van het lid Voorbeeld")
    );
    assert!(votes(site.path(), "2025Z20461").exists());
}

/// Serves the reconstructed answers of tests/fixtures/tk/example/ for the example site's items.
fn example_mock() -> Mock {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tk/example");
    Mock::start(move |p, _| {
        let file = if p.contains("Nummer eq '2023Z07239'") {
            "2023Z07239.json"
        } else if p.contains("Kamerstukdossier/any(d: d/Nummer eq 36263)") {
            "36263.json"
        } else {
            return Answer::status(404);
        };
        Answer::json(std::fs::read_to_string(dir.join(file)).unwrap())
    })
}

/// The example site's data/votes/ records what `sync votes` writes from the
/// reconstructed answers: the same numbers, factions and parties. Syncing
/// replaces the editors' press source by a `synced` one (the mock's local
/// address, which `check` then refuses to publish), keeping the note.
#[test]
fn example_votes_are_what_sync_writes() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
    let mock = example_mock();
    let copy = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(&example)
        .into_iter()
        .filter_entry(|e| e.file_name() != "public")
    {
        let entry = entry.unwrap();
        let target = copy
            .path()
            .join(entry.path().strip_prefix(&example).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let before = std::fs::read_dir(copy.path().join("data/votes"))
        .unwrap()
        .count();
    assert_eq!(before, 2);
    let out = run(copy.path(), &mock.api, &[]);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(all.contains("2 fetched, 0 unchanged, 0 failed"), "{all}");
    assert!(
        all.contains("faction `Fractie Den Haan` in the vote on 2023Z07239 maps to no party"),
        "{all}"
    );
    for item in ["2023Z07239", "36263"] {
        let ours: VotesFile =
            toml::from_str(&std::fs::read_to_string(votes(&example, item)).unwrap()).unwrap();
        let synced: VotesFile =
            toml::from_str(&std::fs::read_to_string(votes(copy.path(), item)).unwrap()).unwrap();
        assert!(ours.same_vote(&synced), "{item}: the numbers differ");
        assert_eq!(ours.source.kind.get_ref(), "press", "{item}");
        assert_eq!(synced.source.kind.get_ref(), "synced", "{item}");
        assert_eq!(synced.note, ours.note, "{item}: the note is kept");
    }
    // A second sync of synced files changes nothing.
    let again = run(copy.path(), &mock.api, &[]);
    assert!(
        text(&again).contains("0 fetched, 2 unchanged, 0 failed"),
        "{}",
        text(&again)
    );
    // The synced files name the mock's local address: check refuses them.
    let check = crate::common::chatcontrole()
        .args(["check", "--site"])
        .arg(copy.path())
        .output()
        .unwrap();
    let report = text(&check);
    assert!(!check.status.success(), "{report}");
    assert!(
        report.contains("data/votes/36263.toml:")
            && report.contains("is a local address (127.0.0.1)"),
        "{report}"
    );
}

#[test]
fn a_faction_name_cannot_steer_the_terminal() {
    let site = site();
    let hostile = "X\u{1b}[2JY\rsync votes: 2 fetched, 0 unchanged, 0 failed\u{202e}";
    let mock = Mock::start(move |p, _| {
        if p.contains("Kamerstukdossier/any(d: d/Nummer eq 36263)") {
            let rows = vec![
                row(1, "Voor", json!(100), "VVD"),
                row(2, "Tegen", json!(50), hostile),
            ];
            let zaak = bill_zaak(vec![vote_besluit("2023-10-24T00:00:00+02:00", rows)]);
            Answer::json(json!({"@odata.context": "x", "value": [zaak]}).to_string())
        } else {
            answer(p)
        }
    });
    let out = run(site.path(), &mock.api, &[]);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(
        !all.contains(|c: char| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "nothing printed steers the terminal: {all:?}"
    );
    assert!(
        all.contains(
            "faction `XY sync votes: 2 fetched, 0 unchanged, 0 failed` in the vote on 36263 maps to no party"
        ),
        "{all}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "sync votes: 2 fetched, 0 unchanged, 0 failed\n"
    );
}
