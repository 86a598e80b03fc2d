//! `chatcontrole serve` over plain HTTP: it serves the example site like a
//! static host with the site's security headers, refuses every way out of
//! the output folder, answers only GET and HEAD, adds its live-reload script
//! to HTML at serve time only, tells open pages about rebuilds and failed
//! builds, and stops cleanly on Ctrl-C. Requests are written by hand over a
//! TcpStream so that paths reach the server exactly as written.

use crate::browser::serve_process;
use crate::common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatcontrole::render::headers::SECURITY_HEADERS;
use serve_process::ServeProcess;

const SCRIPT: &str = "/__chatcontrole/live-reload.js";
const POST: &str = "content/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper.md";
const POST_URL: &str = "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/";

/// One HTTP response, read until the server closed the connection.
struct Reply {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends `METHOD target HTTP/1.1` exactly as given (like `curl --path-as-is`).
fn send(addr: &str, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect to serve");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let length = if method == "GET" || method == "HEAD" {
        ""
    } else {
        "Content-Length: 0\r\n"
    };
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\n{length}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("read the response");
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code");
    Reply {
        status,
        head,
        body: bytes[split + 4..].to_vec(),
    }
}

fn get(addr: &str, target: &str) -> Reply {
    send(addr, "GET", target)
}

#[test]
fn serves_the_example_site_like_a_static_host() {
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    let addr = serve.addr.as_str();
    assert!(
        serve.url.starts_with("http://127.0.0.1:"),
        "loopback by default: {}",
        serve.url
    );
    let mut problems = Vec::new();

    for (path, content_type, needle) in [
        ("/", "text/html; charset=utf-8", "<h1"),
        ("/nieuws/", "text/html; charset=utf-8", "Coreper"),
        (POST_URL, "text/html; charset=utf-8", "Coreper"),
        (
            "/docs/uitleg/wat-is-chatcontrole/",
            "text/html; charset=utf-8",
            "class=\"toc\"",
        ),
        ("/zoeken/", "text/html; charset=utf-8", "search-input"),
        (
            "/zoeken/?q=Coreper",
            "text/html; charset=utf-8",
            "search-input",
        ),
        ("/css/site.css", "text/css; charset=utf-8", ".build-errors"),
        (
            "/js/search.js",
            "text/javascript; charset=utf-8",
            "meta.json",
        ),
        (
            "/zoekindex/meta.json",
            "application/json",
            "\"language\":\"nl-NL\"",
        ),
        ("/index.xml", "application/xml; charset=utf-8", "<rss"),
        ("/favicon.svg", "image/svg+xml", "<svg"),
        (SCRIPT, "text/javascript; charset=utf-8", "EventSource"),
    ] {
        let reply = get(addr, path);
        let text = reply.text();
        if reply.status != 200 {
            problems.push(format!("GET {path}: status {}", reply.status));
        }
        if reply.header("content-type").as_deref() != Some(content_type) {
            problems.push(format!(
                "GET {path}: content type {:?}, expected {content_type}",
                reply.header("content-type")
            ));
        }
        if !text.contains(needle) {
            problems.push(format!("GET {path}: body lacks {needle:?}"));
        }
        let injected = text.contains(&format!("<script src=\"{SCRIPT}\""));
        if injected != content_type.starts_with("text/html") {
            problems.push(format!(
                "GET {path}: live-reload script injected = {injected}"
            ));
        }
        if reply.header("cache-control").as_deref() != Some("no-store") {
            problems.push(format!(
                "GET {path}: Cache-Control {:?}",
                reply.header("cache-control")
            ));
        }
        for (name, value) in SECURITY_HEADERS {
            if reply.header(name).as_deref() != Some(*value) {
                problems.push(format!(
                    "GET {path}: header {name} is {:?}",
                    reply.header(name)
                ));
            }
        }
    }

    let home = get(addr, "/").text();
    let script_at = home.find(SCRIPT).unwrap_or(usize::MAX);
    assert!(
        script_at < home.rfind("</body>").unwrap_or(0),
        "script tag sits inside <body>"
    );
    assert!(!home.contains("<script>"), "no inline script was added");

    let missing = get(addr, "/bestaat-niet/");
    if missing.status != 404 || !missing.text().contains("bestaat niet op deze website") {
        problems.push(format!(
            "unknown path: status {} body {:.200}",
            missing.status,
            missing.text()
        ));
    }
    if missing.header("content-security-policy").is_none() {
        problems.push("404 page lacks the CSP".into());
    }

    let folder = get(addr, "/nieuws?pagina=2");
    if folder.status != 301 || folder.header("location").as_deref() != Some("/nieuws/?pagina=2") {
        problems.push(format!(
            "folder without slash: {} {:?}",
            folder.status,
            folder.header("location")
        ));
    }

    let head = send(addr, "HEAD", "/");
    if head.status != 200 || !head.body.is_empty() || head.header("content-length").is_none() {
        problems.push(format!(
            "HEAD /: status {} with {} body bytes",
            head.status,
            head.body.len()
        ));
    }

    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let reply = send(addr, method, "/");
        if reply.status != 405 || reply.header("allow").as_deref() != Some("GET, HEAD") {
            problems.push(format!(
                "{method} /: status {} allow {:?}",
                reply.status,
                reply.header("allow")
            ));
        }
    }

    assert!(
        problems.is_empty(),
        "serve problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn never_serves_a_file_outside_the_output_folder() {
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    let addr = serve.addr.as_str();
    let secret_dir = tempfile::tempdir().unwrap();
    let secret = secret_dir.path().join("geheim.txt");
    std::fs::write(&secret, "GEHEIM-1234").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, serve.out_dir.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(secret_dir.path(), serve.out_dir.join("map")).unwrap();
        std::os::unix::fs::symlink("/etc", serve.out_dir.join("etc")).unwrap();
    }
    let secret_path = secret.to_str().unwrap();
    let mut problems = Vec::new();
    for target in [
        "/../../etc/passwd".to_string(),
        "/../../../../../../../../etc/passwd".to_string(),
        "/nieuws/../../../etc/passwd".to_string(),
        "/%2e%2e/%2e%2e/etc/passwd".to_string(),
        "/%2E%2E/%2E%2E/etc/passwd".to_string(),
        "/..%2f..%2f..%2fetc%2fpasswd".to_string(),
        "/..%2F..%2F..%2Fetc%2Fpasswd".to_string(),
        "/.%2e/.%2e/etc/passwd".to_string(),
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd".to_string(),
        "/..%5c..%5cetc%5cpasswd".to_string(),
        "/%5c%5c..%5cetc%5cpasswd".to_string(),
        "//etc/passwd".to_string(),
        "/%2fetc%2fpasswd".to_string(),
        "/etc/passwd".to_string(),
        format!("/{}", secret_path.trim_start_matches('/')),
        format!(
            "/{}",
            secret_path.replace('/', "%2f").trim_start_matches("%2f")
        ),
        format!(
            "/%2f{}",
            secret_path.trim_start_matches('/').replace('/', "%2f")
        ),
        "/link.txt".to_string(),
        "/map/geheim.txt".to_string(),
        "/index.html%00".to_string(),
        "/..\\..\\etc\\passwd".to_string(),
        "/\\etc\\passwd".to_string(),
        format!("http://{addr}/../../etc/passwd"),
    ] {
        let reply = get(addr, &target);
        let text = reply.text();
        if reply.status != 404 || text.contains("root:") || text.contains("GEHEIM-1234") {
            problems.push(format!("GET {target}: status {}", reply.status));
        }
    }
    assert!(
        problems.is_empty(),
        "served something it should not:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_live_reload_script_never_reaches_the_build_output() {
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    assert!(get(&serve.addr, "/").text().contains(SCRIPT));
    assert!(
        !site.path().join("public").exists(),
        "serve builds outside the site folder"
    );
    assert!(
        serve.out_dir.join("index.html").is_file(),
        "serve reported its output folder: {:?}",
        serve.out_dir
    );
    let out = tempfile::tempdir().unwrap();
    common::build(site.path(), out.path(), &[]);
    for (dir, what) in [
        (serve.out_dir.as_path(), "serve's output folder"),
        (out.path(), "a normal build"),
    ] {
        for (file, bytes) in common::snapshot(dir) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("__chatcontrole"),
                "{what} contains the live-reload script in {}",
                file.display()
            );
        }
    }
}

/// An open event stream, read on a thread into a buffer.
struct Events {
    buffer: Arc<Mutex<String>>,
    stream: TcpStream,
}

impl Events {
    fn open(addr: &str) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect");
        write!(stream, "GET /__chatcontrole/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n").unwrap();
        let buffer = Arc::new(Mutex::new(String::new()));
        let (mut reader, sink) = (stream.try_clone().unwrap(), buffer.clone());
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
        });
        Events { buffer, stream }
    }

    fn text(&self) -> String {
        self.buffer.lock().unwrap().clone()
    }

    /// Waits until `needle` was received `count` times.
    fn wait_for(&self, needle: &str, count: usize) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.text().matches(needle).count() >= count {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

#[test]
fn rebuilds_on_change_and_reports_broken_files_to_open_pages() {
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    let addr = serve.addr.as_str();
    let events = Events::open(addr);
    assert!(
        events.wait_for("event: hello", 1),
        "hello event: {}",
        events.text()
    );
    assert!(
        events.text().contains("text/event-stream"),
        "{}",
        events.text()
    );

    let post = site.path().join(POST);
    let original = std::fs::read_to_string(&post).unwrap();
    let started = Instant::now();
    std::fs::write(
        &post,
        format!("{original}\nDeze zin is net toegevoegd door de redactie.\n"),
    )
    .unwrap();
    assert!(
        events.wait_for("event: reload", 1),
        "reload after an edit: {}\n{}",
        events.text(),
        serve.output()
    );
    let reload_time = started.elapsed();
    assert!(
        get(addr, POST_URL)
            .text()
            .contains("Deze zin is net toegevoegd"),
        "the page shows the edit"
    );
    assert!(
        reload_time < Duration::from_secs(5),
        "an edit shows within seconds, took {reload_time:?}"
    );

    // Drop the closing quote of the title: the YAML front matter no longer parses.
    let broken = original.replacen("standpunt vast\"\n", "standpunt vast\n", 1);
    assert_ne!(broken, original);
    std::fs::write(&post, broken).unwrap();
    assert!(
        events.wait_for("event: errors", 1),
        "errors after breaking the front matter: {}",
        events.text()
    );
    let text = events.text();
    let data = text[text.find("event: errors").unwrap()..]
        .lines()
        .find(|l| l.starts_with("data: "))
        .unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&data["data: ".len()..]).expect("errors as JSON");
    let problem = &report["problems"][0];
    assert!(
        problem["file"].as_str().unwrap().ends_with(POST),
        "{report}"
    );
    assert!(problem["line"].as_u64().unwrap() >= 2, "{report}");
    assert!(!problem["message"].as_str().unwrap().is_empty(), "{report}");
    assert_eq!(
        get(addr, POST_URL).status,
        200,
        "the last good build stays served"
    );

    let late = Events::open(addr);
    assert!(
        late.wait_for("event: errors", 1),
        "a page opened now also gets the errors: {}",
        late.text()
    );

    std::fs::write(&post, &original).unwrap();
    assert!(
        events.wait_for("event: reload", 2),
        "recovers once fixed: {}",
        events.text()
    );
    assert!(
        !get(addr, POST_URL)
            .text()
            .contains("Deze zin is net toegevoegd")
    );
}

/// An edit inside `content/` is rebuilt incrementally: the page, its lists
/// and the search index follow, pages it does not touch are not written
/// again; a template change rebuilds everything.
#[test]
fn an_edit_updates_its_lists_and_a_template_change_rebuilds_everything() {
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    let addr = serve.addr.as_str();
    let events = Events::open(addr);
    assert!(events.wait_for("event: hello", 1), "{}", events.text());
    let untouched = serve.out_dir.join("stemwijzer2023/index.html");
    let untouched_before = std::fs::metadata(&untouched).unwrap().modified().unwrap();
    let index_pages = serve.out_dir.join("zoekindex/pagina");
    assert!(
        serve.wait_for_output("built", 1, Duration::from_secs(30)),
        "{}",
        serve.output()
    );

    let post = site.path().join(POST);
    let original = std::fs::read_to_string(&post).unwrap();
    let retitled = original.replacen("title: \"", "title: \"Bijgewerkt: ", 1);
    assert_ne!(retitled, original);
    std::fs::write(&post, retitled).unwrap();
    assert!(
        events.wait_for("event: reload", 1),
        "{}\n{}",
        events.text(),
        serve.output()
    );
    assert!(get(addr, POST_URL).text().contains("Bijgewerkt: "));
    assert!(
        get(addr, "/nieuws/").text().contains("Bijgewerkt: "),
        "the news list follows the new title"
    );
    assert!(get(addr, "/index.xml").text().contains("Bijgewerkt: "));
    assert_eq!(
        std::fs::metadata(&untouched).unwrap().modified().unwrap(),
        untouched_before,
        "a page the edit does not touch is not written again"
    );
    // The search index follows just after the reload.
    let indexed_new_title = || {
        std::fs::read_dir(&index_pages)
            .into_iter()
            .flatten()
            .any(|file| {
                file.ok()
                    .and_then(|f| std::fs::read_to_string(f.path()).ok())
                    .is_some_and(|text| text.contains("Bijgewerkt: "))
            })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !indexed_new_title() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(indexed_new_title(), "the search index has the new title");

    let base = site.path().join("templates/base.html");
    let template = std::fs::read_to_string(&base).unwrap();
    std::fs::write(
        &base,
        template.replacen(
            "</body>",
            "<p id=\"sjabloon-test\">nieuw sjabloon</p></body>",
            1,
        ),
    )
    .unwrap();
    assert!(
        events.wait_for("event: reload", 2),
        "{}\n{}",
        events.text(),
        serve.output()
    );
    for page in ["/", POST_URL, "/raad/", "/stemwijzer2023/"] {
        assert!(
            get(addr, page).text().contains("sjabloon-test"),
            "{page} has the new template"
        );
    }
}

#[test]
fn stops_cleanly_on_ctrl_c_with_pages_open() {
    let site = common::site_copy();
    let mut serve = ServeProcess::start(site.path());
    let events = Events::open(&serve.addr);
    assert!(events.wait_for("event: hello", 1));
    let status = serve
        .signal_and_wait("INT", Duration::from_secs(10))
        .expect("serve stops within 10 s of Ctrl-C");
    assert!(
        status.success(),
        "exit status {status:?}\n{}",
        serve.output()
    );
    assert!(
        !serve.out_dir.exists(),
        "the temporary output folder is removed"
    );
    assert!(
        TcpStream::connect(&serve.addr).is_err(),
        "nothing listens any more"
    );
}

#[test]
fn port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let mut child = crate::common::chatcontrole()
        .args([
            "serve",
            "--site",
            common::example_site().to_str().unwrap(),
            "--port",
            &port,
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("serve kept running on a port that is in use");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{stderr}"
    );
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn a_folder_without_a_site_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let output = common::run(&[
        "serve",
        "--site",
        empty.path().to_str().unwrap(),
        "--port",
        "0",
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("site.toml is missing"), "{stderr}");
}

/// Sends `GET target` from the loopback address `127.0.0.<from>` and reads
/// the whole answer, all within `limit`; Err says what did not happen in time.
#[cfg(target_os = "linux")]
fn get_within(addr: &str, from: u8, target: &str, limit: Duration) -> Result<Reply, String> {
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut stream = slow_reader_socket(&runtime, addr, from).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(limit))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| format!("sending the request: {e}"))?;
    let mut bytes = Vec::new();
    stream
        .read_to_end(&mut bytes)
        .map_err(|e| format!("no answer after {:?}: {e}", started.elapsed()))?;
    if started.elapsed() > limit {
        return Err(format!("answered after {:?}", started.elapsed()));
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").ok_or(format!("{text:.200}"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or(format!("{head:.200}"))?;
    Ok(Reply {
        status,
        head: head.to_string(),
        body: body.as_bytes().to_vec(),
    })
}

/// A blocking socket connected to `addr` from the loopback address
/// `127.0.0.<from>` (on Linux all of 127.0.0.0/8 is this machine).
#[cfg(target_os = "linux")]
fn slow_reader_socket(
    runtime: &tokio::runtime::Runtime,
    addr: &str,
    from: u8,
) -> std::io::Result<TcpStream> {
    let addr: std::net::SocketAddr = addr.parse().expect("an address");
    let stream = runtime.block_on(async {
        let socket = tokio::net::TcpSocket::new_v4()?;
        // A small receive buffer: the kernel holds little of what is never read.
        socket.set_recv_buffer_size(16 * 1024)?;
        socket.bind(std::net::SocketAddr::from(([127, 0, 0, from], 0)))?;
        socket.connect(addr).await
    })?;
    let stream = stream.into_std()?;
    stream.set_nonblocking(false)?;
    Ok(stream)
}

/// Clients that pipeline requests for a large file and never read the
/// answers: 33 connections from each of 9 addresses, more than a client
/// may hold and more than the server serves at once. A fresh request, from
/// another address and from one of theirs, is still answered within 2 s.
#[cfg(target_os = "linux")]
#[test]
fn slow_readers_cannot_keep_a_fresh_request_out() {
    const CLIENTS: u8 = 9;
    const PER_CLIENT: usize = 33;
    const PIPELINED: usize = 4;
    let site = common::site_copy();
    common::write(
        site.path(),
        "static/groot.txt",
        &"chatcontrole ".repeat(16_000),
    );
    let serve = ServeProcess::start(site.path());
    let addr = serve.addr.as_str();
    assert_eq!(get(addr, "/groot.txt").body.len(), 13 * 16_000);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let requests = format!("GET /groot.txt HTTP/1.1\r\nHost: {addr}\r\n\r\n").repeat(PIPELINED);
    let mut slow = Vec::new();
    for client in 0..CLIENTS {
        for _ in 0..PER_CLIENT {
            let mut stream = slow_reader_socket(&runtime, addr, 2 + client).expect("connect");
            stream.write_all(requests.as_bytes()).expect("send");
            slow.push(stream);
        }
    }
    // Long enough for every answer to fill the sockets and wait.
    std::thread::sleep(Duration::from_secs(2));
    for from in [1, 2] {
        match get_within(addr, from, "/", Duration::from_secs(2)) {
            Ok(reply) => assert_eq!(
                reply.status,
                200,
                "from 127.0.0.{from}: {:.300}",
                reply.text()
            ),
            Err(e) => panic!(
                "from 127.0.0.{from} while {} slow readers are connected: {e}",
                slow.len()
            ),
        }
    }
    drop(slow);
    assert_eq!(get(addr, "/").status, 200);
}

/// The search index is replaced like the pages during rebuilds: a browser
/// asking for it while templates change and the whole site is rebuilt
/// always gets it, never a 404.
#[test]
fn the_search_index_never_disappears_during_rebuilds() {
    const REBUILDS: usize = 4;
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    let addr = serve.addr.clone();
    let index = ["/zoekindex/meta.json", "/zoekindex/pagina/0.json"];
    for url in index {
        assert_eq!(get(&addr, url).status, 200, "{url} before the rebuilds");
    }
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let hammers: Vec<_> = (0..2)
        .map(|_| {
            let (addr, stop) = (addr.clone(), stop.clone());
            std::thread::spawn(move || {
                let (mut asked, mut failed) = (0usize, Vec::new());
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    for url in index {
                        let status = get(&addr, url).status;
                        asked += 1;
                        if status != 200 {
                            failed.push(format!("{url}: {status}"));
                        }
                    }
                }
                (asked, failed)
            })
        })
        .collect();
    let base = site.path().join("templates/base.html");
    let template = std::fs::read_to_string(&base).unwrap();
    for rebuild in 1..=REBUILDS {
        std::fs::write(
            &base,
            template.replacen("</body>", &format!("<!-- versie {rebuild} --></body>"), 1),
        )
        .unwrap();
        assert!(
            serve.wait_for_output("built", 1 + rebuild, Duration::from_secs(60)),
            "rebuild {rebuild}:\n{}",
            serve.output()
        );
        // The index follows the reload; give it time before the next change.
        std::thread::sleep(Duration::from_millis(1500));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (mut asked, mut failed) = (0, Vec::new());
    for hammer in hammers {
        let (n, f) = hammer.join().unwrap();
        asked += n;
        failed.extend(f);
    }
    assert!(asked > 100, "only {asked} requests");
    assert!(
        failed.is_empty(),
        "{} of {asked} requests failed during {REBUILDS} rebuilds, e.g. {:?}",
        failed.len(),
        &failed[..failed.len().min(5)]
    );
}
