//! `chatcontrole sync members` against a local stand-in for the Tweede Kamer
//! API (127.0.0.1 only): the file it writes, paging, retries, that a
//! failure leaves the previous file byte-identical, and that hostile
//! addresses and names from the API neither reach the file nor steer the
//! terminal, so the site still builds.

use crate::common;
use crate::common::tk_mock;

use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};
use tk_mock::{Answer, Mock};

const PARTIES: &str = r#"
[[party]]
id = "sp"
name = "Socialistische Partij"
short_name = "SP"
[[party]]
id = "groenlinks-pvda"
name = "GroenLinks-PvdA"
aliases = ["GroenLinks", "PvdA"]
"#;

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(dir.path().join("data/parties.toml"), PARTIES).unwrap();
    dir
}

fn seat(n: u32, roepnaam: &str, achternaam: &str, fractie: &str) -> Value {
    json!({"Id": format!("s{n}"), "FractieZetel_Id": format!("z{n}"), "Persoon_Id": format!("p{n}"),
           "Functie": "Lid", "Van": "2023-12-06T00:00:00+01:00", "TotEnMet": null, "Verwijderd": false,
           "Persoon": {"Id": format!("p{n}"), "Roepnaam": roepnaam, "Tussenvoegsel": null, "Achternaam": achternaam,
                       "Voornamen": roepnaam, "Verwijderd": false},
           "FractieZetel": {"Id": format!("z{n}"), "Gewicht": 1, "Verwijderd": false,
                            "Fractie": {"Id": "f", "Afkorting": fractie, "NaamNL": fractie, "Verwijderd": false}}})
}

fn page(value: Vec<Value>, next: Option<&str>) -> String {
    let mut p = json!({"@odata.context": "x", "value": value});
    if let Some(next) = next {
        p["@odata.nextLink"] = json!(next);
    }
    p.to_string()
}

fn answer(path: &str) -> Answer {
    if path.contains("FractieZetelPersoon") {
        if path.contains("$skiptoken=1") {
            Answer::json(page(vec![seat(2, "Bram", "Bakker", "Onbekend")], None))
        } else {
            let deleted =
                json!({"Id": "s9", "Verwijderd": true, "Persoon": null, "FractieZetel": null});
            Answer::json(page(
                vec![seat(1, "Anna", "Jansen", "SP"), deleted],
                Some("FractieZetelPersoon?$skiptoken=1"),
            ))
        }
    } else if path.contains("CommissieZetelVastPersoon") {
        Answer::json(page(
            vec![
                json!({"Id": "c1", "CommissieZetel_Id": "cz", "Persoon_Id": "p1", "TotEnMet": null, "Verwijderd": false,
                "CommissieZetel": {"Id": "cz", "Verwijderd": false,
                    "Commissie": {"Id": "k", "NaamNL": "vaste commissie voor Justitie en Veiligheid", "Afkorting": "J&V", "Verwijderd": false}}}),
            ],
            None,
        ))
    } else if path.contains("PersoonContactinformatie") {
        Answer::json(page(
            vec![
                json!({"Id": "e1", "Persoon_Id": "p1", "Soort": "E-mail", "Waarde": "a.jansen@tweedekamer.nl", "Verwijderd": false}),
            ],
            None,
        ))
    } else {
        Answer::status(404)
    }
}

fn run(site: &Path, api: &str) -> Output {
    tk_mock::run_sync("members", site, api, &[])
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn file(site: &Path) -> std::path::PathBuf {
    site.join("data/recipients/kamerleden.toml")
}

#[test]
fn writes_the_members_with_faction_party_committees_and_email() {
    let site = site();
    let mock = Mock::start(|p, n| {
        if n == 0 {
            Answer::status(503)
        } else {
            answer(p)
        }
    });
    let out = run(site.path(), &mock.api);
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(all.contains("sync members: 2 members, written"), "{all}");
    assert!(
        all.contains("faction `Onbekend` of the current members maps to no party"),
        "{all}"
    );
    let toml: toml::Table =
        toml::from_str(&std::fs::read_to_string(file(site.path())).unwrap()).unwrap();
    let provenance = toml["source"].as_table().unwrap();
    assert_eq!(
        provenance["kind"].as_str(),
        Some("synced"),
        "the list says it was fetched, with the real query and moment"
    );
    assert!(provenance["fetched_at"].as_str().unwrap().ends_with('Z'));
    assert!(
        provenance["api"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{}FractieZetelPersoon?", mock.api))
    );
    let members = toml["member"].as_array().unwrap();
    assert_eq!(
        members.len(),
        2,
        "the deleted seat is left out, the second page is read"
    );
    let anna = members[0].as_table().unwrap();
    assert_eq!(anna["id"].as_str(), Some("p1"));
    assert_eq!(anna["name"].as_str(), Some("Anna Jansen"));
    assert_eq!(anna["faction"].as_str(), Some("SP"));
    assert_eq!(anna["party"].as_str(), Some("sp"));
    assert_eq!(anna["committees"].as_array().unwrap().len(), 1);
    assert_eq!(anna["justice_committee"].as_bool(), Some(true));
    assert_eq!(anna["email"].as_str(), Some("a.jansen@tweedekamer.nl"));
    assert_eq!(
        anna["start"].as_str(),
        Some("2023-12-06"),
        "the first day of the faction seat"
    );
    let bram = members[1].as_table().unwrap();
    assert!(bram.get("party").is_none());
    assert!(bram.get("email").is_none());
    assert_eq!(bram["justice_committee"].as_bool(), Some(false));
}

#[test]
fn failures_keep_the_previous_file() {
    let site = site();
    let mock = Mock::start(|p, _| answer(p));
    assert!(run(site.path(), &mock.api).status.success());
    let before = std::fs::read(file(site.path())).unwrap();
    let again = run(site.path(), &mock.api);
    assert!(text(&again).contains("unchanged"), "{}", text(&again));
    assert!(std::fs::read(file(site.path())).unwrap() == before);
    for broken in [
        Mock::start(|_, _| Answer::status(500)),
        Mock::start(|p, _| {
            let a = answer(p);
            Answer {
                body: a.body[..a.body.len() / 2].to_vec(),
                ..a
            }
        }),
        Mock::start(|p, _| {
            if p.contains("FractieZetelPersoon") {
                Answer::json(page(vec![], None))
            } else {
                answer(p)
            }
        }),
    ] {
        let out = run(site.path(), &broken.api);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert!(std::fs::read(file(site.path())).unwrap() == before);
    }
}

#[test]
fn an_unchanged_list_fetched_on_an_earlier_day_gets_the_new_moment() {
    let site = site();
    let mock = Mock::start(|p, _| answer(p));
    assert!(run(site.path(), &mock.api).status.success());
    let written = std::fs::read_to_string(file(site.path())).unwrap();
    let table: toml::Table = toml::from_str(&written).unwrap();
    let fetched = table["source"]["fetched_at"].as_str().unwrap().to_string();
    let old = written.replace(&fetched, "2026-01-02T03:04:05Z");
    std::fs::write(file(site.path()), &old).unwrap();
    let again = run(site.path(), &mock.api);
    assert!(
        text(&again).contains("sync members: 2 members, written"),
        "{}",
        text(&again)
    );
    let renewed = std::fs::read_to_string(file(site.path())).unwrap();
    assert!(
        !renewed.contains("2026-01-02T03:04:05Z"),
        "the old moment is replaced: {renewed}"
    );
}

/// The addresses of issue 20 (finding 5) that `sync members` used to write
/// and `build` then refused, each a member's only published address.
const HOSTILE: [&str; 7] = [
    "a@b.nl?bcc=x@y.nl",
    "a@b.nl,c@d.nl",
    "a@b.nl&cc=x@y.nl",
    "javascript:alert(1)//@x.nl",
    "mailto:a@b.nl",
    "a@b.nl%0D%0ABcc:x@y.nl",
    "\"><script>alert(1)</script>@x.nl",
];

/// One good member (p1), one per hostile address (p2…p8), and a member
/// whose name tries to clear the screen and overwrite its own warning (p9).
fn hostile_answer(path: &str) -> Answer {
    if path.contains("FractieZetelPersoon") {
        let mut seats = vec![seat(1, "Anna", "Jansen", "SP")];
        for n in 2..=8 {
            seats.push(seat(n, "Lid", &format!("Nummer{n}"), "SP"));
        }
        seats.push(seat(
            9,
            "Eva\u{1b}[2J",
            "Evil\rsync members: 0 members, unchanged",
            "SP\u{1b}]0;title\u{7}",
        ));
        Answer::json(page(seats, None))
    } else if path.contains("CommissieZetelVastPersoon") {
        Answer::json(page(vec![], None))
    } else if path.contains("PersoonContactinformatie") {
        let mut rows = vec![
            json!({"Id": "e1", "Persoon_Id": "p1", "Soort": "E-mail", "Waarde": "a.jansen@tweedekamer.nl", "Verwijderd": false}),
        ];
        for (n, address) in (2..).zip(HOSTILE) {
            rows.push(json!({"Id": format!("e{n}"), "Persoon_Id": format!("p{n}"), "Soort": "E-mail", "Waarde": address, "Verwijderd": false}));
        }
        rows.push(json!({"Id": "e9", "Persoon_Id": "p9", "Soort": "E-mail", "Waarde": "eva@x.nl?bcc=all@x.nl", "Verwijderd": false}));
        Answer::json(page(rows, None))
    } else {
        Answer::status(404)
    }
}

#[test]
fn hostile_addresses_are_left_out_with_a_warning_and_the_site_still_builds() {
    let site = common::site_copy();
    let mock = Mock::start(|p, _| hostile_answer(p));
    let out = run(site.path(), &mock.api);
    let stderr =
        String::from_utf8_lossy(&out.stderr).replace(site.path().to_str().unwrap(), "SITE");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "sync members: 9 members, written\n"
    );
    assert!(
        !stderr.contains(|c: char| c.is_control() && c != '\n'),
        "nothing on stderr steers the terminal: {stderr:?}"
    );
    insta::assert_snapshot!(stderr);

    let written: toml::Table =
        toml::from_str(&std::fs::read_to_string(file(site.path())).unwrap()).unwrap();
    let mut emails: Vec<(&str, Option<&str>)> = written["member"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap(),
                m.get("email").and_then(|e| e.as_str()),
            )
        })
        .collect();
    let mut expected: Vec<(&str, Option<&str>)> = vec![("p1", Some("a.jansen@tweedekamer.nl"))];
    expected.extend(["p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"].map(|id| (id, None)));
    emails.sort();
    assert_eq!(emails, expected, "only the good address is written");

    let out_dir = tempfile::tempdir().unwrap();
    common::build(site.path(), out_dir.path(), &[]);
    let page = common::read(out_dir.path(), "schrijf/index.html");
    assert!(page.contains("mailto:a.jansen@tweedekamer.nl?subject="));
    for part in ["a@b.nl", "@x.nl"] {
        assert!(
            !page.contains(part),
            "no hostile address on the page: {part}"
        );
    }
}
