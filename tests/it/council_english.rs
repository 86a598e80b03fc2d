//! The Council tracker in English: `chatcontrole council --lang en` (its
//! output as a snapshot, and an unknown language as a usage error that
//! lists the codes) and /en/raad/ of the example site built for real.

use crate::common;

use std::path::Path;
use std::sync::OnceLock;

use chatcontrole::build::{BuildOptions, generate};
use chatcontrole::output::Output;
use chrono::DateTime;

fn site() -> String {
    common::example_site().to_str().unwrap().to_string()
}

/// What `chatcontrole council …` prints; it must succeed without a word on
/// stderr.
fn council(extra: &[&str]) -> String {
    let site = site();
    let mut args = vec!["council", "--site", site.as_str(), "--at", "2026-12-03"];
    args.extend_from_slice(extra);
    let result = common::run(&args);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(stderr.trim().is_empty(), "{stderr}");
    String::from_utf8(result.stdout).expect("UTF-8")
}

#[test]
fn council_lang_en() {
    let text = council(&["--lang", "en"]);
    insta::with_settings!({
        description => "chatcontrole council --site site --at 2026-12-03 --lang en",
        omit_expression => true,
    }, {
        insta::assert_snapshot!("council_lang_en", text);
    });
}

#[test]
fn lang_nl_is_the_default_of_the_example_site() {
    assert_eq!(council(&[]), council(&["--lang", "nl"]));
    assert!(council(&[]).contains("Raad van de EU op 2026-12-03"));
}

#[test]
fn json_keeps_its_keywords_and_words_its_sentences_in_english() {
    let nl: serde_json::Value = serde_json::from_str(&council(&["--json"])).unwrap();
    let en: serde_json::Value =
        serde_json::from_str(&council(&["--json", "--lang", "en"])).unwrap();
    for key in ["outcome", "positions", "undecided", "pivotal", "in_favour"] {
        assert_eq!(nl[key], en[key], "{key} does not depend on the language");
    }
    assert!(
        en["decision"]["others_reason"]
            .as_str()
            .unwrap()
            .starts_with("Only these four were reported")
    );
    assert_ne!(nl["explanation"], en["explanation"]);
}

#[test]
fn an_unknown_language_is_a_usage_error_that_lists_the_codes() {
    let site = site();
    let result = common::run(&["council", "--site", &site, "--lang", "fr"]);
    assert_eq!(result.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(stderr.contains("fr"), "{stderr}");
    assert!(
        stderr.contains("nl") && stderr.contains("en"),
        "the codes are listed: {stderr}"
    );
    assert!(result.stdout.is_empty());
}

/// The example site built once, in memory, on 3 December 2026.
fn built() -> &'static Output {
    static BUILT: OnceLock<Output> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut options = BuildOptions::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("site"));
        options.now = Some(DateTime::parse_from_rfc3339("2026-12-03T12:00:00+01:00").unwrap());
        generate(&options)
            .unwrap_or_else(|d| panic!("the example site does not build:\n{d}"))
            .output
    })
}

fn page(path: &str) -> String {
    let file = built()
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    String::from_utf8(file.bytes.clone()).expect("UTF-8")
}

#[test]
fn the_english_council_pages_are_english() {
    let overview = page("en/raad/index.html");
    for english in [
        "<h1 id=\"titel\">Council of the EU: who stands where?</h1>",
        "Outcome of a new vote with these positions: adopted.",
        "72.0%",
        "Position of each member state on 3 December 2026",
        "The Council formally adopts the text.",
        "Only these four were reported as voting otherwise",
    ] {
        assert!(overview.contains(english), "`{english}` not on /en/raad/");
    }
    let state = page("en/raad/de/index.html");
    assert!(state.contains("<h1 id=\"titel\">Germany and chat control</h1>"));
    assert!(state.contains("83,395,000"), "population the English way");
    for dutch in [
        "Wat bronnen zeggen",
        "Bevolking",
        "lidstaten",
        "Raad van de EU: wie staat waar?",
        "betwist",
    ] {
        assert!(
            !state.contains(dutch) && !overview.contains(dutch),
            "`{dutch}` on an English page"
        );
    }
    let dutch = page("raad/index.html");
    assert!(dutch.contains("<h1 id=\"titel\">Raad van de EU: wie staat waar?</h1>"));
    assert!(
        !dutch.contains(r#"lang="nl">"#),
        "Dutch pages mark nothing as Dutch"
    );
}
