//! Open data: the seed imported, loaded and exported as data.json and data.csv
//! has the fields issue 4 names, with the seed's names, symbols, districts,
//! votes and pages.

use std::path::Path;

use chatcontrole::guide::assessed::Assessed;
use chatcontrole::guide::export::{CSV_COLUMNS, data_csv, data_json};
use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::guide::load;
use serde_json::{Value, json};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seeds/000_b75f5f2a0c8728ac.txt"
);

fn exported() -> Option<(Value, String)> {
    if !Path::new(SEED).exists() {
        println!("skipped: ../shared/seeds not found");
        return None;
    }
    let site = tempfile::tempdir().unwrap();
    run_import(&ImportGuideArgs {
        file: SEED.into(),
        election: "seedcheck".into(),
        site: site.path().to_path_buf(),
        dry_run: false,
        source_name: None,
    })
    .unwrap();
    let data = load(site.path()).unwrap();
    let election = data.election("seedcheck").unwrap();
    let assessed = Assessed::new(&data);
    let json: Value = serde_json::from_str(&data_json(&assessed, election)).unwrap();
    Some((json, data_csv(&assessed, election)))
}

fn party<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("no party {name}"))
}

#[test]
fn json_has_the_documented_shape() {
    let Some((json, _)) = exported() else { return };
    assert_eq!(
        json["election"],
        json!({"id": "seedcheck", "title": "Chatcontrole stemwijzer Tweede Kamer-verkiezingen 2023", "date": "2023-11-22"})
    );
    let scale = json["scale"].as_array().unwrap();
    assert_eq!(scale.len(), 4);
    let keys: Vec<&str> = scale[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["id", "label", "screen_reader", "symbol"]);
    let parties = json["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 26);
    let keys: Vec<&str> = parties[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "districts",
            "evidence",
            "id",
            "name",
            "override_reason",
            "programme",
            "said_vs_did",
            "said_vs_did_sources",
            "suggested_verdict",
            "summary",
            "symbol",
            "verdict"
        ]
    );
}

#[test]
fn json_keeps_names_symbols_districts_votes_and_pages() {
    let Some((json, _)) = exported() else { return };
    let sgp = party(&json, "Staatkundig Gereformeerde Partij (SGP)");
    assert_eq!(sgp["symbol"], "❌");
    let lef = party(&json, "LEF – Voor de Nieuwe Generatie");
    assert_eq!(lef["symbol"], "?");
    assert_eq!(lef["districts"], json!({"except": [20]}));
    assert_eq!(lef["programme"], Value::Null);
    let plan = party(&json, "Nederland met een PLAN");
    assert_eq!(plan["districts"], json!({"except": [3, 16, 20]}));
    assert_eq!(party(&json, "VVD")["districts"], json!({"all": true}));

    let pvv = party(&json, "PVV (Partij voor de Vrijheid)");
    let votes: Vec<(String, String)> = pvv["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "vote")
        .map(|e| {
            (
                e["item"].as_str().unwrap().into(),
                e["vote"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        votes,
        [
            ("2023Z07239".into(), "for".into()),
            ("36263".into(), "for".into())
        ]
    );

    let lp = party(&json, "LP (Libertaire Partij)");
    assert_eq!(lp["evidence"][0]["pages"], json!([18, 19]));
    assert_eq!(lp["programme"]["format"], "pdf");
}

#[test]
fn csv_has_one_row_per_party() {
    let Some((_, csv)) = exported() else { return };
    let mut lines = csv.split("\r\n").filter(|l| !l.is_empty());
    assert_eq!(lines.next().unwrap(), CSV_COLUMNS.join(","));
    // Summaries contain commas and quotes, so count records by their id column.
    assert!(csv.contains("\r\nvvd,VVD,beschermt-niet,❌,Beschermt niet,beschermt-niet,,all,"));
    assert!(csv.contains(",except:3;16;20,"));
    assert!(csv.contains("2023Z07239=against;36263=for"));
    // The imported votes carry the imported page as their source.
    assert!(csv.contains(",2023Z07239=editor;36263=editor\r\n"), "{csv}");
}
