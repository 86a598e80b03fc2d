//! `chatcontrole sync members` against a local stand-in for the Tweede Kamer
//! API (127.0.0.1 only): the file it writes, paging, retries, and that a
//! failure leaves the previous file byte-identical.

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
    assert!(toml["fetched_at"].as_str().unwrap().ends_with('Z'));
    assert!(
        toml["source"]
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
