//! Loading voting-guide data: a small valid site loads, and each kind of editor
//! mistake is reported with the right file, line and a hint.

use std::fs;
use std::path::Path;

use chatcontrole::guide::load;
use chatcontrole::guide::model::{Districts, Stance, VoteChoice};
use test_case::test_case;

const PARTIES: &str = r#"
[[party]]
id = "alpha"
name = "Alpha Partij"
aliases = ["Alpha"]

[[party]]
id = "beta"
name = "Beta"
"#;

const ITEM: &str = r#"
number = "2023Z07239"
title = "Motie over encryptie"
kind = "motion"
protects = "for"
"#;

const ELECTION: &str = r#"
title = "Testverkiezing"
date = 2023-11-22
methodology = "Zo werken we."

[[level]]
id = "beschermt"
symbol = "✅"
label = "Beschermt"
meaning = "Beschermt digitale rechten"
screen_reader = "beschermt digitale rechten"
rule = "protects"

[[level]]
id = "onduidelijk"
symbol = "?"
label = "Onduidelijk"
meaning = "Standpunt onduidelijk"
screen_reader = "standpunt onduidelijk"
rule = "unclear"

[[district]]
number = 1
name = "Groningen"

[[district]]
number = 2
name = "Leeuwarden"
"#;

const ALPHA: &str = r#"
verdict = "beschermt"
summary = "Alpha stemde voor de motie."

[districts]
except = [2]

[programme]
url = "https://example.org/alpha.pdf"
format = "pdf"

[[evidence]]
kind = "programme"
stance = "protects"
strength = "explicit"
quote = "Encryptie blijft."
pages = [12]
url = "https://example.org/alpha.pdf"

[[evidence]]
kind = "vote"
stance = "protects"
strength = "explicit"
item = "2023Z07239"
vote = "for"
url = "https://example.org/motie"
"#;

const BETA: &str = r#"
verdict = "onduidelijk"
summary = "Beta zegt er niets over."
"#;

fn write_site(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

fn good_files() -> Vec<(&'static str, String)> {
    vec![
        ("data/parties.toml", PARTIES.to_string()),
        ("data/items/2023Z07239.toml", ITEM.to_string()),
        (
            "data/elections/test2023/election.toml",
            ELECTION.to_string(),
        ),
        (
            "data/elections/test2023/parties/alpha.toml",
            ALPHA.to_string(),
        ),
        (
            "data/elections/test2023/parties/beta.toml",
            BETA.to_string(),
        ),
    ]
}

fn site_with(changes: &[(&'static str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut files = good_files();
    for (path, text) in changes {
        files.retain(|(p, _)| p != path);
        files.push((path, text.clone()));
    }
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
    write_site(dir.path(), &refs);
    dir
}

#[test]
fn valid_site_loads() {
    let dir = site_with(&[]);
    let data = load(dir.path()).expect("the good site loads");
    assert_eq!(data.parties.len(), 2);
    let election = data.election("test2023").unwrap();
    assert_eq!(
        election.path.to_string(),
        "/test2023/",
        "path defaults to /<id>/"
    );
    assert_eq!(election.entries.len(), 2);
    let alpha = election.entry("alpha").unwrap();
    assert_eq!(alpha.districts, Districts::Except(vec![2]));
    assert_eq!(alpha.evidence[0].pages, vec![12]);
    assert_eq!(alpha.evidence[1].vote, Some(VoteChoice::For));
    assert_eq!(alpha.evidence[1].stance, Stance::Protects);
    assert_eq!(
        alpha.evidence[1].origin.line, 20,
        "line of the second [[evidence]]"
    );
    assert_eq!(
        data.item("2023Z07239").unwrap().protects,
        Some(VoteChoice::For)
    );
}

#[test]
fn missing_data_folder_is_empty_guide() {
    let dir = tempfile::tempdir().unwrap();
    let data = load(dir.path()).unwrap();
    assert!(data.elections.is_empty() && data.parties.is_empty());
}

#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("\"beschermt\"", "\"groen\""),
    "unknown verdict level `groen`", 2; "unknown verdict level")]
#[test_case("data/elections/test2023/parties/gamma.toml", BETA.to_string(),
    "unknown party `gamma`", 1; "unknown party")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("2023Z07239", "2023Z99999"),
    "unknown item `2023Z99999`", 24; "unknown item")]
#[test_case("data/elections/test2023/election.toml", ELECTION.replace("2023-11-22", "\"22-11-2023\""),
    "`22-11-2023` is not a valid date", 3; "bad date")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("except = [2]", "except = [21]"),
    "there is no kieskring 21", 6; "bad district number")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("stance = \"protects\"\nstrength = \"explicit\"\nquote", "stance = \"protects\"\nquote"),
    "needs a strength", 14; "missing strength")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("kind = \"programme\"", "kind = \"tweet\""),
    "`tweet` is not a valid kind: kind must be one of programme, vote, debate, reply, action, statement, submitted or cosigned", 13; "unknown evidence kind")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replacen("stance = \"protects\"", "stance = \"protect\"", 1),
    "`protect` is not a valid stance: stance must be one of protects, undermines, mixed or silent", 14; "stance typo")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("pages = [12]", "pages = \"12\""),
    "pages must be a list of page numbers", 17; "pages as text")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("pages = [12]", "pages = [0]"),
    "0 is not a page number", 17; "bad page")]
#[test_case("data/parties.toml", PARTIES.replace("name = \"Beta\"", "name = \"Beta\"\nwebsite = \"javascript:alert(1)\""),
    "is not allowed here: links must start with http:// or https://", 10; "javascript website")]
#[test_case("data/elections/test2023/parties/alpha.toml", ALPHA.replace("vote = \"for\"", ""),
    "a vote needs `item` and `vote`", 21; "vote without direction")]
#[test_case("data/elections/test2023/election.toml", ELECTION.replace("rule = \"unclear\"", "rule = \"protects\""),
    "two levels stand for the rule outcome `protects`", 20; "duplicate rule")]
#[test_case("data/parties.toml", PARTIES.replace("id = \"beta\"", "id = \"alpha\""),
    "party id `alpha` is used twice", 8; "duplicate party")]
#[test_case("data/items/2023Z07239.toml", ITEM.replace("\"2023Z07239\"", "\"2023Z07238\""),
    "does not match the file name", 2; "item number mismatch")]
fn mistakes_are_reported_with_line(file: &'static str, text: String, message: &str, line: usize) {
    let dir = site_with(&[(file, text)]);
    let diags = load(dir.path()).expect_err("the broken site must not load");
    let found: Vec<_> = diags
        .iter()
        .filter(|d| d.message.contains(message))
        .collect();
    assert_eq!(found.len(), 1, "expected one `{message}` in:\n{diags}");
    let d = found[0];
    assert!(d.file.ends_with(file), "{} is not {file}", d.file.display());
    assert_eq!(d.line, line, "{d}");
    assert!(d.hint.is_some(), "{d} has no hint");
}

#[test]
fn several_mistakes_are_reported_together() {
    let dir = site_with(&[
        (
            "data/elections/test2023/parties/alpha.toml",
            ALPHA.replace("\"beschermt\"", "\"groen\""),
        ),
        (
            "data/elections/test2023/parties/beta.toml",
            BETA.replace("\"onduidelijk\"", "\"rood\""),
        ),
    ]);
    let diags = load(dir.path()).unwrap_err();
    assert_eq!(diags.error_count(), 2, "{diags}");
}
