//! `sync ep-votes` and the client's rules: a redirect only within the host
//! of `--api`, and caps on the size of an answer and on the pages, rows and
//! bytes of a procedure's listing (all pages together). Every refusal keeps
//! the site's files byte-identical.

use super::*;
use test_case::test_case;

#[test]
fn a_redirect_to_another_host_is_not_followed() {
    let (site, files) = synced_site();
    let other = Mock::start_on("127.0.0.2", |p, _| fine(p));
    let target = format!("{}/api/votes/189270", other.origin);
    let location = target.clone();
    let api = Htv::start(move |_, _| Answer::redirect(location.clone()));
    let run = run(site.path(), &api.api(), &[]);
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr.contains(&format!(
            "vote 189270: {}/api/votes/189270 redirects to {target}, which is not on {} (the host of --api); not followed",
            api.mock.origin, api.mock.origin
        )),
        "{}",
        run.all()
    );
    assert_eq!(api.log().len(), 1, "a refused redirect is not retried");
    assert_eq!(other.count(), 0, "the other host is never asked");
    assert!(snapshot(site.path()) == files);
}

#[test]
fn a_redirect_on_the_same_host_is_followed() {
    let site = site();
    let api = Htv::start(|p, _| {
        if p == "/api/votes/189270" {
            Answer::redirect("/api/v2/votes/189270")
        } else {
            Answer::json(final_vote().to_string())
        }
    });
    let run = run(site.path(), &api.api(), &["--vote", "189270"]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert_eq!(api.log(), ["/api/votes/189270", "/api/v2/votes/189270"]);
    assert!(vote_file(site.path(), FINAL).exists());
}

#[test_case(|| Answer::json(" ".repeat(2_000_000) + &final_vote().to_string()); "a 2 MB body with its length")]
#[test_case(|| Answer::streamed(u64::MAX); "an endless body")]
fn a_body_over_the_size_limit_is_refused(body: fn() -> Answer) {
    let (site, files) = synced_site();
    let api = Htv::start(move |_, _| body());
    let started = Instant::now();
    let run = run(
        site.path(),
        &api.api(),
        &["--max-response-mb", "1", "--timeout", "30"],
    );
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr.contains(&format!(
            "vote 189270: the answer of {}/api/votes/189270 is larger than 1 MB",
            api.mock.origin
        )),
        "{}",
        run.all()
    );
    assert_eq!(api.log().len(), 1, "a body over the limit is not retried");
    assert!(
        api.mock.streamed_bytes() < 20_000_000,
        "read {} bytes",
        api.mock.streamed_bytes()
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(snapshot(site.path()) == files);
}

#[test]
fn a_listing_page_over_the_size_limit_is_refused() {
    let (site, files) = synced_site();
    let api = Htv::start(|p, _| {
        if p.starts_with("/api/votes?") {
            Answer::json(listing_page(1).to_string() + &" ".repeat(2_000_000))
        } else {
            fine(p)
        }
    });
    let run = run(
        site.path(),
        &api.api(),
        &["--procedure", PROCEDURE, "--max-response-mb", "1"],
    );
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr
            .contains(&format!("the votes of {PROCEDURE}: the answer of"))
            && run.stderr.contains("is larger than 1 MB"),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), [listing_path(1)], "no vote is fetched");
    assert!(snapshot(site.path()) == files);
}

#[test]
fn a_listing_that_never_ends_stops_at_the_page_limit() {
    let site = site();
    let api = Htv::start(|p, _| {
        if p.starts_with("/api/votes?") {
            Answer::json(json!({"results": [], "has_next": true}).to_string())
        } else {
            fine(p)
        }
    });
    let run = run(
        site.path(),
        &api.api(),
        &["--procedure", PROCEDURE, "--max-pages", "3"],
    );
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(run.stderr.contains("more than 3 pages"), "{}", run.all());
    assert_eq!(
        api.log(),
        [listing_path(1), listing_path(2), listing_path(3)]
    );
    assert!(!site.path().join("data/ep/votes").exists());
}

/// A listing page of `rows` main votes (ids from `first`), padded with
/// `padding` spaces, with `has_next`.
fn padded_page(first: u64, rows: u64, padding: usize, has_next: bool) -> String {
    let results: Vec<Value> = (first..first + rows)
        .map(|id| json!({"id": id, "is_main": true}))
        .collect();
    json!({"results": results, "has_next": has_next}).to_string() + &" ".repeat(padding)
}

#[test]
fn a_listing_with_more_rows_than_allowed_is_refused_before_any_vote_is_fetched() {
    let site = site();
    let api = Htv::start(|p, _| {
        if p == listing_path(1) {
            Answer::json(padded_page(300_001, 2, 0, true))
        } else if p == listing_path(2) {
            Answer::json(padded_page(300_003, 2, 0, false))
        } else {
            fine(p)
        }
    });
    let run = run(
        site.path(),
        &api.api(),
        &["--procedure", PROCEDURE, "--max-rows", "3"],
    );
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr
            .contains(&format!("the votes of {PROCEDURE}: more than 3 rows")),
        "{}",
        run.all()
    );
    assert_eq!(api.log(), [listing_path(1), listing_path(2)]);
    assert!(!site.path().join("data/ep/votes").exists());
}

#[test]
fn the_pages_of_a_listing_share_one_size_limit() {
    let site = site();
    // Each page is 0.6 MB: one fits in 1 MB, two together do not.
    let api = Htv::start(|p, _| {
        if p == listing_path(1) {
            Answer::json(padded_page(300_001, 1, 600_000, true))
        } else if p == listing_path(2) {
            Answer::json(padded_page(300_002, 1, 600_000, false))
        } else {
            fine(p)
        }
    });
    let run = run(
        site.path(),
        &api.api(),
        &["--procedure", PROCEDURE, "--max-response-mb", "1"],
    );
    assert_eq!(run.code, Some(1), "{}", run.all());
    assert!(
        run.stderr
            .contains(&format!("the votes of {PROCEDURE}: the answer of"))
            && run.stderr.contains("is larger than"),
        "{}",
        run.all()
    );
    assert_eq!(
        api.log(),
        [listing_path(1), listing_path(2)],
        "no vote is fetched"
    );
    assert!(!site.path().join("data/ep/votes").exists());
}

#[test]
fn a_main_vote_of_another_procedure_in_the_search_results_is_not_fetched() {
    let site = site();
    let api = Htv::start(|p, _| {
        if p == listing_path(1) {
            Answer::json(
                json!({"has_next": false, "results": [
                    {"id": FINAL, "is_main": true, "procedure": {"reference": PROCEDURE}},
                    {"id": 300_009, "is_main": true, "procedure": {"reference": "2024/0001(COD)"}}]})
                .to_string(),
            )
        } else {
            fine(p)
        }
    });
    let run = run(site.path(), &api.api(), &["--procedure", PROCEDURE]);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert_eq!(api.log(), [listing_path(1), format!("/api/votes/{FINAL}")]);
}
