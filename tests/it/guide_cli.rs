//! The acceptance path of `import guide` through the command line: import
//! seed 000 into a copy of the example site as election `seedcheck`, build,
//! and read `/seedcheck/data.json`.

use crate::common;

use common::{build, read, run, seed, site_copy};

#[test]
fn imported_seed_builds_into_open_data() {
    let Some(text) = seed("000_b75f5f2a0c8728ac.txt") else {
        return;
    };
    let site = site_copy();
    let seed_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/000_b75f5f2a0c8728ac.txt");
    let result = run(&[
        "import",
        "guide",
        seed_path.to_str().unwrap(),
        "--election",
        "seedcheck",
        "--site",
        site.path().to_str().unwrap(),
    ]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    let data: serde_json::Value = serde_json::from_str(&read(&out, "seedcheck/data.json")).unwrap();
    let parties = data["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 26);

    // Names (without footnote markers) and symbols as in the seed's table.
    let rows: Vec<(String, String)> = text
        .lines()
        .skip_while(|l| !l.starts_with("Partij"))
        .skip(2)
        .take_while(|l| l.contains('|'))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            let name = regex::Regex::new(r"\[\^\d+\]")
                .unwrap()
                .replace_all(cells[0], "")
                .trim()
                .to_string();
            (name, cells[1].to_string())
        })
        .collect();
    assert_eq!(rows.len(), 26);
    for (name, symbol) in &rows {
        let party = parties
            .iter()
            .find(|p| p["name"] == name.as_str())
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(party["symbol"], symbol.as_str(), "{name}");
    }
    let by_name = |fragment: &str| {
        parties
            .iter()
            .find(|p| p["name"].as_str().unwrap().contains(fragment))
            .unwrap()
    };
    assert_eq!(
        by_name("Samen voor Nederland")["districts"],
        serde_json::json!({"except": [20]})
    );
    assert_eq!(
        by_name("Nederland met een PLAN")["districts"],
        serde_json::json!({"except": [3, 16, 20]})
    );
    let votes = |fragment: &str| -> Vec<(String, String)> {
        by_name(fragment)["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "vote")
            .map(|e| {
                (
                    e["item"].as_str().unwrap().to_string(),
                    e["vote"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    assert!(votes("CDA").contains(&("2023Z07239".into(), "against".into())));
    assert!(votes("CDA").contains(&("36263".into(), "for".into())));
    assert!(votes("BIJ1").contains(&("2023Z07239".into(), "for".into())));
    let pages = |fragment: &str| -> Vec<i64> {
        by_name(fragment)["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|e| e["pages"].as_array().cloned().unwrap_or_default())
            .filter_map(|p| p.as_i64())
            .collect()
    };
    assert!(pages("Volt").contains(&119));
    assert!(pages("BBB").contains(&48) && pages("BBB").contains(&89));
}
