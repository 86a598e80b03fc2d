//! `chatcontrole check --external` against a small web server on
//! 127.0.0.1 (never the internet): a page that is there, one that is gone,
//! one whose server refuses HEAD, a redirect, a redirect loop; one request
//! per host at a time; and the cache that spares a second run the links that
//! worked.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;

use crate::common::write;

/// Every request the server saw: method and path.
type Log = Arc<Mutex<Vec<(String, String)>>>;

/// A running test server and what it saw.
struct Server {
    origin: String,
    log: Log,
    /// The most requests it was answering at the same time.
    max_in_flight: Arc<AtomicUsize>,
}

/// Starts the server on 127.0.0.1: `/ok` 200, `/gone` 404, `/no-head` 405
/// to HEAD and 200 to GET, `/moved` a 301 to `/ok`, `/loop` a 302 to itself.
/// Every answer takes 20 ms, so overlapping requests would be seen.
fn start() -> Server {
    let log: Log = Arc::default();
    let in_flight = Arc::new(AtomicUsize::new(0));
    let max_in_flight = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = std::sync::mpsc::channel();
    let (log2, now2, max2) = (log.clone(), in_flight.clone(), max_in_flight.clone());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap().port()).unwrap();
            let app = axum::Router::new().fallback(move |req: Request<Body>| {
                let (log, now, max) = (log2.clone(), now2.clone(), max2.clone());
                async move {
                    let current = now.fetch_add(1, Ordering::SeqCst) + 1;
                    max.fetch_max(current, Ordering::SeqCst);
                    let method = req.method().to_string();
                    let path = req.uri().path().to_string();
                    log.lock().unwrap().push((method.clone(), path.clone()));
                    let pause = if path == "/slow" { 3000 } else { 20 };
                    tokio::time::sleep(Duration::from_millis(pause)).await;
                    let (status, location) = match (method.as_str(), path.as_str()) {
                        (_, "/ok") => (200, None),
                        ("HEAD", "/no-head") => (405, None),
                        (_, "/no-head") => (200, None),
                        (_, "/moved") => (301, Some("/ok")),
                        (_, "/loop") => (302, Some("/loop")),
                        _ => (404, None),
                    };
                    now.fetch_sub(1, Ordering::SeqCst);
                    let mut response =
                        Response::builder().status(StatusCode::from_u16(status).unwrap());
                    if let Some(location) = location {
                        response = response.header("location", location);
                    }
                    response.body(Body::from("x")).unwrap()
                }
            });
            axum::serve(listener, app).await.unwrap();
        });
    });
    let port = rx.recv().unwrap();
    Server {
        origin: format!("http://127.0.0.1:{port}"),
        log,
        max_in_flight,
    }
}

/// A small site whose page `content/bronnen.md` links to the server's five
/// addresses, one per line (line 5 is `/gone`), plus one link to the site's
/// own address, which is internal and never asked.
fn site(origin: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    write(
        root,
        "site.toml",
        "title = \"Test\"\nbase_url = \"https://example.org/\"\nlanguage = \"nl\"\n",
    );
    for template in ["base", "index", "single", "list", "404", "search"] {
        write(
            root,
            &format!("templates/{template}.html"),
            "<!doctype html><html lang=\"nl\"><title>{{ page.title }}</title><main>{{ page.content }}</main></html>\n",
        );
    }
    write(root, "content/_index.md", "---\ntitle: Start\n---\n");
    write(
        root,
        "content/bronnen.md",
        &format!(
            "---\ntitle: Bronnen\n---\n[er](https://example.org/)\n[weg]({origin}/gone)\n[goed]({origin}/ok)\n[geen head]({origin}/no-head)\n[verhuisd]({origin}/moved#kop)\n[rondje]({origin}/loop)\n"
        ),
    );
    site
}

/// Runs `check --external` with a 5 s timeout and a 50 ms pause between
/// requests to one host.
fn check(site: &Path) -> (std::process::Output, Duration) {
    check_timeout(site, "5")
}

/// As [`check`], with `timeout` seconds per request.
fn check_timeout(site: &Path, timeout: &str) -> (std::process::Output, Duration) {
    let started = Instant::now();
    let out = crate::common::chatcontrole()
        .args(["check", "--site"])
        .arg(site)
        .args([
            "--external",
            "--external-timeout",
            timeout,
            "--external-delay",
            "50",
        ])
        .output()
        .unwrap();
    (out, started.elapsed())
}

fn requests(server: &Server) -> Vec<(String, String)> {
    std::mem::take(&mut *server.log.lock().unwrap())
}

#[test]
fn external_links_are_checked_politely_and_cached() {
    let server = start();
    let site = site(&server.origin);
    let (out, elapsed) = check(site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "broken outside links are warnings:\n{stderr}"
    );

    // The page that is gone: a warning against the line of the content file.
    let gone = format!("{}/gone", server.origin);
    assert!(
        stderr.contains(&format!(
            "bronnen.md:5:7: outside link `{gone}` is broken: the server says the page does not exist (404)"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("web.archive.org"),
        "the hint names an archive: {stderr}"
    );
    // The loop: too many redirects.
    assert!(
        stderr.contains(&format!(
            "outside link `{}/loop` could not be checked: more than 5 redirects",
            server.origin
        )),
        "{stderr}"
    );
    for fine in ["/ok`", "/no-head`", "/moved"] {
        assert!(!stderr.contains(fine), "{fine} works: {stderr}");
    }
    assert!(
        !stderr.contains("example.org"),
        "our own address is internal: {stderr}"
    );
    assert_eq!(stderr.matches("warning[").count(), 2, "{stderr}");

    let seen = requests(&server);
    let no_head: Vec<&str> = seen
        .iter()
        .filter(|(_, p)| p == "/no-head")
        .map(|(m, _)| m.as_str())
        .collect();
    assert_eq!(no_head, ["HEAD", "GET"], "GET only after HEAD was refused");
    assert!(
        seen.iter().all(|(m, p)| m == "HEAD" || p == "/no-head"),
        "HEAD for everything else: {seen:?}"
    );
    assert_eq!(
        seen.iter().filter(|(_, p)| p == "/ok").count(),
        2,
        "/ok is asked itself and reached once through /moved: {seen:?}"
    );
    assert_eq!(
        server.max_in_flight.load(Ordering::SeqCst),
        1,
        "one request to a host at a time"
    );
    assert!(
        elapsed >= Duration::from_millis(4 * 50),
        "a pause between the five links of one host: {elapsed:?}"
    );

    // The cache remembers the links that worked, not the broken ones.
    let cache = std::fs::read_to_string(site.path().join(".chatcontrole-links.json")).unwrap();
    for (path, cached) in [
        ("/ok", true),
        ("/no-head", true),
        ("/moved", true),
        ("/gone", false),
        ("/loop", false),
    ] {
        assert_eq!(
            cache.contains(&format!("\"{}{path}\"", server.origin)),
            cached,
            "{path} in the cache: {cache}"
        );
    }
    assert!(
        !cache.contains("#kop"),
        "addresses are cached without their fragment"
    );

    // Second run: only the broken links are asked again.
    let (again, _) = check(site.path());
    let stderr2 = String::from_utf8_lossy(&again.stderr);
    assert_eq!(stderr2.matches("warning[").count(), 2, "{stderr2}");
    let seen = requests(&server);
    let mut paths: Vec<&str> = seen.iter().map(|(_, p)| p.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(
        paths,
        ["/gone", "/loop"],
        "cache hits for the rest: {seen:?}"
    );
}

#[test]
fn a_server_that_does_not_answer_in_time_is_reported() {
    let server = start();
    let site = site(&server.origin);
    let page = site.path().join("content/bronnen.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}[traag]({}/slow)\n", server.origin)).unwrap();
    let (out, _) = check_timeout(site.path(), "1");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "bronnen.md:10:9: outside link `{}/slow` could not be checked: no answer in time",
            server.origin
        )),
        "{stderr}"
    );
}

#[test]
fn a_broken_cache_file_is_reported_and_rebuilt() {
    let server = start();
    let site = site(&server.origin);
    std::fs::write(site.path().join(".chatcontrole-links.json"), "{not json").unwrap();
    let (out, _) = check(site.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("the link cache cannot be read"), "{stderr}");
    let cache = std::fs::read_to_string(site.path().join(".chatcontrole-links.json")).unwrap();
    assert!(cache.contains("/ok\""), "rebuilt: {cache}");
}

#[test]
fn without_external_no_request_is_made() {
    let server = start();
    let site = site(&server.origin);
    let out = crate::common::chatcontrole()
        .args(["check", "--site"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(requests(&server).is_empty());
    assert!(!site.path().join(".chatcontrole-links.json").exists());
}
