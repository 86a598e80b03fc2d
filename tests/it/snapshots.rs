//! Whole pages and command output of the example site as insta snapshots
//! (`tests/it/snapshots/*.snap`): a change anywhere in a page shows up as a
//! diff of that page, to be reviewed with `cargo insta review` (or accepted
//! with `INSTA_UPDATE=always cargo test --test it snapshots::`).
//!
//! The site is built once, in memory, with a fixed `now` (3 December 2026,
//! 12:00 CET) so that nothing depends on the day the tests run; the
//! repository's path is written as `[ROOT]`. The search index and the PNG
//! share cards are not snapshotted.

use crate::common;

use std::path::Path;
use std::sync::OnceLock;

use chatcontrole::build::{BuildOptions, generate};
use chatcontrole::output::Output;
use chrono::DateTime;

/// The moment every snapshot is taken at.
const NOW: &str = "2026-12-03T12:00:00+01:00";

fn root() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

/// The example site built once, in memory, at [`NOW`].
fn built() -> &'static Output {
    static BUILT: OnceLock<Output> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut options = BuildOptions::new(Path::new(root()).join("site"));
        options.now = Some(DateTime::parse_from_rfc3339(NOW).unwrap());
        generate(&options)
            .unwrap_or_else(|d| panic!("the example site does not build:\n{d}"))
            .output
    })
}

/// Replaces everything that depends on where the repository is.
fn normalise(text: &str) -> String {
    text.replace(root(), "[ROOT]")
}

/// The text of the generated file `path`, normalised.
fn page(path: &str) -> String {
    let file = built()
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    let text = String::from_utf8(file.bytes.clone())
        .unwrap_or_else(|_| panic!("{path} is not UTF-8 text"));
    normalise(&text)
}

/// Snapshots the generated file `path` as `name`.
fn assert_page(name: &str, path: &str) {
    let text = page(path);
    assert!(
        text.len() > 2000,
        "{path} is suspiciously short ({} bytes):\n{text}",
        text.len()
    );
    assert!(
        !text.contains(r#"http-equiv="refresh""#),
        "{path} is a redirect, not a page:\n{text}"
    );
    insta::with_settings!({
        description => format!("{path} of the example site, built at {NOW}"),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

/// Snapshots what `chatcontrole args…` prints on stdout (it must succeed
/// and print nothing on stderr). JSON output is checked to be JSON and
/// shown pretty-printed, one value per line, so that a diff reads well.
fn assert_command(name: &str, args: &[&str]) {
    let result = common::run(args);
    let mut stdout = normalise(&String::from_utf8_lossy(&result.stdout));
    if args.contains(&"--json") {
        let value: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
            panic!("chatcontrole {}: not JSON ({e}):\n{stdout}", args.join(" "))
        });
        stdout = serde_json::to_string_pretty(&value).unwrap();
    }
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        result.status.success(),
        "chatcontrole {}: {}\n{stderr}",
        args.join(" "),
        result.status
    );
    assert!(
        stderr.trim().is_empty(),
        "chatcontrole {} wrote on stderr:\n{stderr}",
        args.join(" ")
    );
    let shown: Vec<String> = args.iter().map(|a| normalise(a)).collect();
    insta::with_settings!({
        description => format!("chatcontrole {}", shown.join(" ")),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, stdout);
    });
}

#[test]
fn home() {
    assert_page("home", "index.html");
}

#[test]
fn guide_overview() {
    assert_page("guide_overview", "stemwijzer2023/index.html");
}

#[test]
fn guide_party() {
    assert_page("guide_party_bbb", "stemwijzer2023/bbb/index.html");
}

#[test]
fn council_overview() {
    assert_page("council_overview", "raad/index.html");
}

#[test]
fn council_state() {
    assert_page("council_state_nl", "raad/nl/index.html");
}

#[test]
fn contact() {
    assert_page("contact", "schrijf/index.html");
}

#[test]
fn news_post() {
    assert_page(
        "news_post",
        "nieuws/kamerbrief-positie-nederland-18-nov-2025/index.html",
    );
}

#[test]
fn docs_page() {
    assert_page("docs_page", "docs/uitleg/het-voorstel/index.html");
}

#[test]
fn feed() {
    assert_page("feed", "index.xml");
}

#[test]
fn sitemap() {
    assert_page("sitemap", "nl/sitemap.xml");
}

#[test]
fn council_json() {
    let site = Path::new(root()).join("site");
    assert_command(
        "council_json",
        &[
            "council",
            "--json",
            "--at",
            "2026-12-03",
            "--site",
            site.to_str().unwrap(),
        ],
    );
}

#[test]
fn help() {
    assert_command("help", &["--help"]);
}

#[test]
fn build_help() {
    assert_command("build_help", &["build", "--help"]);
}
