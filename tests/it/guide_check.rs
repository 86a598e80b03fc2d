//! `check` on purpose-built bad data flags each problem of issue 4 point 7,
//! and passes the example site without errors or warnings.

use std::path::Path;

use chatcontrole::diagnostics::{Diagnostics, Severity};
use chatcontrole::guide::assessed::Assessed;
use chatcontrole::guide::check::check;
use chatcontrole::guide::load;
use test_case::test_case;

fn fixture() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/guide/check_problems"
    ))
}

fn found(diags: &Diagnostics, file: &str, line: usize, message: &str) -> Severity {
    diags
        .iter()
        .find(|d| d.file.ends_with(file) && d.line == line && d.message.contains(message))
        .unwrap_or_else(|| panic!("no `{message}` at {file}:{line} in:\n{diags}"))
        .severity
}

#[test_case("zonder-bron.toml", 1, "has no source at all", Severity::Error; "verdict without any source")]
#[test_case("stil-zonder-bron.toml", 1, "has no source at all", Severity::Warning; "unclear verdict without any source")]
#[test_case("geen-toelichting.toml", 1, "has no source at all", Severity::Warning; "programme marked unavailable without a note")]
#[test_case("zonder-bron.toml", 4, "evidence without a url", Severity::Warning; "evidence without url")]
#[test_case("onbeoordeeld.toml", 8, "not classified yet", Severity::Warning; "unclassified evidence")]
#[test_case("gelijk-twee.toml", 1, "same kinds of evidence", Severity::Warning; "same profile different verdict")]
#[test_case("gelijk-een.toml", 1, "same kinds of evidence", Severity::Warning; "reported on both parties")]
#[test_case("eigenwijs.toml", 1, "differs from what the rules suggest", Severity::Error; "override without reason")]
#[test_case("verkeerde-stem.toml", 4, "says voting `for` protects", Severity::Error; "vote contradicts item")]
fn problems_are_flagged(file: &str, line: usize, message: &str, severity: Severity) {
    let data = load(fixture()).unwrap_or_else(|d| panic!("{d}"));
    let diags = check(&Assessed::new(&data));
    assert_eq!(found(&diags, file, line, message), severity);
    assert!(diags.iter().all(|d| d.hint.is_some()));
}

#[test]
fn undefined_item_is_flagged() {
    let mut data = load(fixture()).unwrap();
    data.items.clear();
    let diags = check(&Assessed::new(&data));
    let sev = found(
        &diags,
        "gelijk-een.toml",
        4,
        "item `2025Z00001` is referenced but not defined",
    );
    assert_eq!(sev, Severity::Error);
}

#[test]
fn good_parties_are_not_flagged() {
    let data = load(fixture()).unwrap();
    let diags = check(&Assessed::new(&data));
    assert!(
        !diags
            .iter()
            .any(|d| d.file.ends_with("onbeoordeeld.toml") && d.is_error()),
        "{diags}"
    );
}

/// An unclear verdict of a party whose programme is explicitly marked as not
/// available, with a note saying why, is not a missing source.
#[test]
fn documented_missing_programme_is_not_a_missing_source() {
    let data = load(fixture()).unwrap();
    let diags = check(&Assessed::new(&data));
    let about = |file: &str| {
        diags
            .iter()
            .filter(|d| d.file.ends_with(file) && d.message.contains("no source"))
            .count()
    };
    assert_eq!(about("geen-programma.toml"), 0, "{diags}");
    assert_eq!(about("stil-zonder-bron.toml"), 1, "{diags}");
    let hint = diags
        .iter()
        .find(|d| d.file.ends_with("stil-zonder-bron.toml") && d.message.contains("no source"))
        .and_then(|d| d.hint.clone())
        .unwrap_or_default();
    assert!(hint.contains("available = false"), "{hint}");
}

#[test]
fn example_site_passes_without_errors() {
    let site = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/site"));
    let data = load(site).unwrap_or_else(|d| panic!("{d}"));
    let diags = check(&Assessed::new(&data));
    assert!(!diags.has_errors(), "{diags}");
    // LEF had no programme yet: its entry says so ([programme] available =
    // false with a note), which is not a missing source.
    assert_eq!(diags.warning_count(), 0, "{diags}");
}
