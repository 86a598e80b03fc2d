//! Editors read their errors in Dutch or English: `--lang` decides, and
//! without it the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) does. The codes
//! are the same in both, so a Dutch and an English editor can talk about one
//! problem. (The bad-input corpus checks every case in both languages; these
//! tests check how the language is chosen and the lines around the report.)

use crate::common;

use std::path::Path;
use std::process::Output;

/// A copy of the example site with one news post whose date is not a date.
fn broken_site() -> tempfile::TempDir {
    let site = common::site_copy();
    common::write(
        site.path(),
        "content/nieuws/kapot.md",
        "---\ntitle: \"Kapot\"\ndate: 24-11-2025\n---\nTekst.\n",
    );
    site
}

/// Runs `chatcontrole` with `args` in the locale `locale`.
fn run_in(locale: &str, args: &[&str]) -> Output {
    common::chatcontrole()
        .env("LC_ALL", locale)
        .args(args)
        .output()
        .expect("run chatcontrole")
}

fn check(site: &Path, locale: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec![
        "check",
        "--today",
        "2026-12-04",
        "--site",
        site.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = run_in(locale, &args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The codes of the diagnostics in `stderr`, in order.
fn codes(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| {
            let (head, _) = l.split_once("]: ")?;
            let (_, code) = head.split_once('[')?;
            Some(code.to_string())
        })
        .collect()
}

#[test]
fn a_dutch_locale_gives_dutch_and_lang_overrides_the_locale() {
    let site = broken_site();
    let (exit, _, dutch) = check(site.path(), "nl_NL.UTF-8", &[]);
    assert_eq!(exit, Some(1), "{dutch}");
    assert!(dutch.contains("fout["), "{dutch}");
    assert!(dutch.contains("  tip: "), "{dutch}");
    assert!(
        dutch.contains("check vond problemen: 1 fout, "),
        "the closing line is Dutch too: {dutch}"
    );
    assert!(!dutch.contains("error["), "{dutch}");

    let (_, _, english) = check(site.path(), "C.UTF-8", &[]);
    assert!(english.contains("error["), "{english}");
    assert!(
        english.contains("check found problems: 1 error, "),
        "{english}"
    );

    let (_, _, asked_english) = check(site.path(), "nl_NL.UTF-8", &["--lang", "en"]);
    assert_eq!(asked_english, english, "--lang en wins over a Dutch locale");
    let (_, _, asked_dutch) = check(site.path(), "C.UTF-8", &["--lang", "nl"]);
    assert_eq!(asked_dutch, dutch, "--lang nl wins over an English locale");

    assert!(!codes(&english).is_empty(), "{english}");
    assert_eq!(codes(&english), codes(&dutch), "the same codes in both");
}

#[test]
fn lang_without_lc_all_follows_lang_the_variable() {
    let site = broken_site();
    let out = common::chatcontrole()
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_BE.UTF-8")
        .args(["check", "--today", "2026-12-04", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("fout["), "{stderr}");
}

#[test]
fn a_clean_check_and_a_build_say_so_in_dutch() {
    let site = common::site_copy();
    let (exit, stdout, stderr) = check(site.path(), "C.UTF-8", &["--lang", "nl"]);
    assert_eq!(exit, Some(0), "{stderr}");
    assert!(stdout.starts_with("check geslaagd ("), "{stdout}");

    let out = site.path().join("uit");
    let built = run_in(
        "nl_NL.UTF-8",
        &[
            "build",
            "--today",
            "2026-12-04",
            "--site",
            site.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let stdout = String::from_utf8_lossy(&built.stdout);
    assert_eq!(built.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(" pagina's en ") && stdout.contains(" gemaakt in "),
        "{stdout}"
    );
}

#[test]
fn a_language_the_tool_does_not_speak_is_wrong_usage() {
    let out = run_in("C.UTF-8", &["--lang", "de", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`de`") && stderr.contains("nl or en"),
        "{stderr}"
    );
}
