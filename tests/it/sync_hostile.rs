//! The `sync` client against a hostile server on 127.0.0.1 (issue 20,
//! finding 6): a body larger than the limit (announced, streamed, endless,
//! or spread over pages), a next-page link or a redirect to another host, a
//! loop of next-page links, and more pages or rows than allowed. Each run
//! must end, within a deadline, with exit 1, a message that names the cause
//! and no file written; another host is never asked anything.
//!
//! `sync members` drives the client here (it makes three requests with
//! paging); `sync votes` uses the same client and switches.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use test_case::test_case;

use crate::common::tk_mock::{Answer, Mock};

const MB: u64 = 1_000_000;

/// A site with only parties; `sync members` needs no more.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(
        dir.path().join("data/parties.toml"),
        "[[party]]\nid = \"sp\"\nname = \"SP\"\n",
    )
    .unwrap();
    dir
}

fn members_file(site: &Path) -> std::path::PathBuf {
    site.join("data/recipients/kamerleden.toml")
}

fn seat(n: u32) -> Value {
    json!({"Id": format!("s{n}"), "Persoon_Id": format!("p{n}"), "TotEnMet": null, "Verwijderd": false,
           "Persoon": {"Id": format!("p{n}"), "Roepnaam": "Lid", "Achternaam": format!("Nummer{n}"), "Verwijderd": false},
           "FractieZetel": {"Id": "z", "Verwijderd": false,
                            "Fractie": {"Id": "f", "Afkorting": "SP", "Verwijderd": false}}})
}

fn page(value: Vec<Value>, next: Option<&str>) -> String {
    let mut p = json!({"@odata.context": "x", "value": value});
    if let Some(next) = next {
        p["@odata.nextLink"] = json!(next);
    }
    p.to_string()
}

/// The answer of a well-behaved API: one member, no committees, no addresses.
fn fine(path: &str) -> Answer {
    if path.contains("FractieZetelPersoon") {
        Answer::json(page(vec![seat(1)], None))
    } else {
        Answer::json(page(vec![], None))
    }
}

/// What a run printed, its exit code and how long it took.
struct Run {
    code: Option<i32>,
    stderr: String,
    took: Duration,
}

/// Runs `sync members` against `api` with `extra` switches; fails the test
/// (and kills the process) when it has not ended after 60 s.
fn run(site: &Path, api: &str, extra: &[&str]) -> Run {
    let mut command = crate::common::chatcontrole();
    command
        .args(["sync", "members", "--site"])
        .arg(site)
        .args(["--api", api, "--retry-delay", "1", "--retries", "1"])
        .args(extra);
    let done = crate::common::run_within(command, Duration::from_secs(60), "sync members");
    Run {
        code: done.code,
        stderr: done.stderr,
        took: done.took,
    }
}

/// Exit 1 with `says` in the error, nothing written.
fn assert_refused(site: &Path, run: &Run, says: &str) {
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains(says), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("sync members failed; the previous file was kept"),
        "{}",
        run.stderr
    );
    assert!(!members_file(site).exists(), "nothing is written");
}

#[test]
fn a_well_behaved_api_passes_the_limits() {
    let site = site();
    let mock = Mock::start(|p, _| fine(p));
    let run = run(site.path(), &mock.api, &["--max-response-mb", "1"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(members_file(site.path()).exists());
}

#[test_case(|| Answer::streamed(u64::MAX); "an endless body")]
#[test_case(|| Answer::streamed(60 * MB); "a 60 MB body without a length")]
#[test_case(|| Answer::json(" ".repeat(2 * MB as usize) + "{}"); "a 2 MB body with its length")]
fn a_body_over_the_limit_is_refused_without_reading_it_all(body: fn() -> Answer) {
    let site = site();
    let mock = Mock::start(move |p, _| {
        if p.contains("FractieZetelPersoon") {
            body()
        } else {
            fine(p)
        }
    });
    let run = run(
        site.path(),
        &mock.api,
        &["--max-response-mb", "1", "--timeout", "30"],
    );
    assert_refused(site.path(), &run, "is larger than 1 MB");
    assert_eq!(mock.count(), 1, "a body over the limit is not retried");
    // What the connection took beyond the limit is what the kernel buffers.
    assert!(
        mock.streamed_bytes() < 20 * MB,
        "read {} bytes",
        mock.streamed_bytes()
    );
    assert!(run.took < Duration::from_secs(20), "took {:?}", run.took);
}

#[test]
fn the_limit_counts_all_pages_together() {
    let site = site();
    // Three pages of 400 kB each: every one fits in 1 MB, all three do not.
    let mock = Mock::start(|p, _| {
        if !p.contains("FractieZetelPersoon") {
            return fine(p);
        }
        let n = skiptoken(p);
        let padding = " ".repeat(400_000);
        let next = format!("FractieZetelPersoon?$skiptoken={}", n + 1);
        Answer::json(page(vec![seat(n)], Some(&next)) + &padding)
    });
    let run = run(site.path(), &mock.api, &["--max-response-mb", "1"]);
    assert_refused(
        site.path(),
        &run,
        "is larger than 1 MB (with the pages before it)",
    );
    assert_eq!(mock.count(), 3);
}

/// Where a hostile next-page link or redirect points: another address of
/// the loopback network, the same server under another name, another scheme.
#[derive(Debug, Clone, Copy)]
enum Elsewhere {
    /// `http://127.0.0.2:PORT/…`, a second server that must see no request.
    OtherAddress,
    /// `//127.0.0.2:PORT/…`, the same without a scheme.
    SchemeRelative,
    /// `http://localhost:PORT/…`, the API itself under another host name.
    Localhost,
    /// `https://127.0.0.1:PORT/…`, the API's host with another scheme.
    OtherScheme,
}

impl Elsewhere {
    fn url(self, api: &Mock, victim: &Mock) -> String {
        let path = "/OData/v4/2.0/FractieZetelPersoon?$skiptoken=1";
        let api_port = api.origin.rsplit(':').next().unwrap();
        match self {
            Elsewhere::OtherAddress => format!("{}{path}", victim.origin),
            Elsewhere::SchemeRelative => {
                format!("{}{path}", victim.origin.trim_start_matches("http:"))
            }
            Elsewhere::Localhost => format!("http://localhost:{api_port}{path}"),
            Elsewhere::OtherScheme => format!("https://127.0.0.1:{api_port}{path}"),
        }
    }
}

/// A server on 127.0.0.2 that answers everything as the API would.
fn victim() -> Mock {
    Mock::start_on("127.0.0.2", |p, _| fine(p))
}

/// Starts the API mock; its first answer to the seats query comes from
/// `first(api origin)`; later requests (and other queries) are answered fine.
fn api_whose_first_seats_answer(first: impl Fn(&str) -> Answer + Send + Sync + 'static) -> Mock {
    let origin = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let seen = origin.clone();
    let mock = Mock::start(move |p, _| {
        if p.contains("FractieZetelPersoon") && !p.contains("skiptoken") {
            first(seen.get().map(String::as_str).unwrap_or(""))
        } else {
            fine(p)
        }
    });
    origin.set(mock.origin.clone()).unwrap();
    mock
}

#[test_case(Elsewhere::OtherAddress)]
#[test_case(Elsewhere::SchemeRelative)]
#[test_case(Elsewhere::Localhost)]
#[test_case(Elsewhere::OtherScheme)]
fn a_next_page_link_to_another_host_is_not_followed(to: Elsewhere) {
    let site = site();
    let victim = victim();
    let target = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let link = target.clone();
    let api = api_whose_first_seats_answer(move |_| {
        Answer::json(page(vec![seat(1)], Some(link.get().unwrap())))
    });
    target.set(to.url(&api, &victim)).unwrap();
    let run = run(site.path(), &api.api, &[]);
    assert_refused(
        site.path(),
        &run,
        &format!(
            "sends the next page to {}, which is not on {} (the host of --api); not followed",
            url::Url::parse(&api.api)
                .unwrap()
                .join(target.get().unwrap())
                .unwrap(),
            api.origin
        ),
    );
    assert_eq!(api.count(), 1, "nothing is fetched after the bad link");
    assert_eq!(victim.count(), 0, "the other host is never asked");
}

#[test_case(Elsewhere::OtherAddress)]
#[test_case(Elsewhere::Localhost)]
#[test_case(Elsewhere::OtherScheme)]
fn a_redirect_to_another_host_is_not_followed(to: Elsewhere) {
    let site = site();
    let victim = victim();
    let target = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let location = target.clone();
    let api = api_whose_first_seats_answer(move |_| Answer::redirect(location.get().unwrap()));
    target.set(to.url(&api, &victim)).unwrap();
    let run = run(site.path(), &api.api, &[]);
    assert_refused(
        site.path(),
        &run,
        &format!(
            "redirects to {}, which is not on {} (the host of --api); not followed",
            target.get().unwrap(),
            api.origin
        ),
    );
    assert_eq!(api.count(), 1, "a refused redirect is not retried");
    assert_eq!(victim.count(), 0, "the other host is never asked");
}

#[test]
fn a_redirect_on_the_same_host_is_followed() {
    let site = site();
    let api = api_whose_first_seats_answer(|origin| {
        Answer::redirect(format!(
            "{origin}/OData/v4/2.0/FractieZetelPersoon?$skiptoken=0"
        ))
    });
    let run = run(site.path(), &api.api, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(members_file(site.path()).exists());
}

#[test]
fn a_next_page_link_to_itself_ends_at_once() {
    let site = site();
    let mock = Mock::start(|p, _| {
        if p.contains("FractieZetelPersoon") {
            Answer::json(page(
                vec![seat(1)],
                Some("FractieZetelPersoon?$skiptoken=same"),
            ))
        } else {
            fine(p)
        }
    });
    let run = run(site.path(), &mock.api, &[]);
    assert_refused(
        site.path(),
        &run,
        "$skiptoken=same again: its next-page links go round in a circle",
    );
    assert_eq!(mock.count(), 2);
}

/// Seats whose every page links to a new next page, `rows` rows a page.
fn endless_pages(rows: u32) -> Mock {
    Mock::start(move |p, _| {
        if !p.contains("FractieZetelPersoon") {
            return fine(p);
        }
        let n = skiptoken(p);
        let seats = (0..rows).map(|r| seat(n * rows + r)).collect();
        let next = format!("FractieZetelPersoon?$skiptoken={}", n + 1);
        Answer::json(page(seats, Some(&next)))
    })
}

#[test]
fn endless_next_pages_stop_at_the_page_limit() {
    let site = site();
    let mock = endless_pages(1);
    let run = run(site.path(), &mock.api, &[]);
    assert_refused(site.path(), &run, "more than 100 pages");
    assert_eq!(mock.count(), 100, "the default limit is 100 pages");

    let mock = endless_pages(1);
    let run = self::run(site.path(), &mock.api, &["--max-pages", "7"]);
    assert_refused(site.path(), &run, "more than 7 pages");
    assert_eq!(mock.count(), 7);
}

#[test]
fn rows_past_the_row_limit_are_refused() {
    let site = site();
    let mock = endless_pages(4);
    let run = run(site.path(), &mock.api, &["--max-rows", "10"]);
    assert_refused(site.path(), &run, "more than 10 rows");
    assert_eq!(mock.count(), 3, "the third page brings row 12");
}

#[test_case("--max-response-mb", "0")]
#[test_case("--max-pages", "0")]
#[test_case("--max-rows", "0")]
fn limits_must_be_positive(flag: &str, value: &str) {
    let site = site();
    let run = run(site.path(), "http://127.0.0.1:9/", &[flag, value]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}

/// The page number a `$skiptoken=` in the request path asks for (0 without one).
fn skiptoken(path: &str) -> u32 {
    path.split("$skiptoken=")
        .nth(1)
        .and_then(|t| t.parse().ok())
        .unwrap_or(0)
}
