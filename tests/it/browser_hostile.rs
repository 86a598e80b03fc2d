//! Hostile text in every field an editor, an import or a pull request can
//! fill (party summary, evidence note, override reason, election intro and
//! methodology, Council note, menu name, page title, description, summary
//! and tags) stays inert in a real browser, even on a host that ignores
//! `_headers`: the site is served here without any security header and with
//! the CSP meta tag removed, so only escaping and sanitising stand between
//! the payloads and the visitor. No payload may run (each would set
//! `window.__pwned` or change `document.title`), no `javascript:` link or
//! event attribute may reach a page, and the JSON-LD block must still parse.

use crate::browser;
use crate::common;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::Response;
use browser::driver::Browser;
use chatcontrole::serve::safe_path::{Target, resolve};
use serde_json::Value as Json;

/// One payload with every trick at once; `{n}` tells the fields apart.
fn payload(n: &str) -> String {
    format!(
        "Gevaar {n} <script>window.__pwned='script {n}';document.title='PWNED'</script>\
         <img src=x onerror='window.__pwned=1;document.title=2'>\
         <a href='javascript:window.__pwned=3'>klik {n}</a> [markdown {n}](javascript:window.__pwned=4) \
         <svg onload='window.__pwned=5'></svg><iframe src='javascript:parent.__pwned=6'></iframe>\
         <!--<script>window.__pwned=7</script>--> </script><script>window.__pwned=8</script>"
    )
}

fn edit(site: &Path, rel: &str, find: &str, replace: &str) {
    let path = site.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(find), "`{find}` not in {rel}");
    std::fs::write(&path, text.replacen(find, replace, 1)).unwrap();
}

/// Puts a payload into every data and content field the pages show.
fn poison(site: &Path) {
    let party = "data/elections/tk2023/parties/vvd.toml";
    let text = std::fs::read_to_string(site.join(party)).unwrap();
    let summary_line = text.lines().find(|l| l.starts_with("summary = ")).unwrap();
    edit(
        site,
        party,
        summary_line,
        &format!("summary = '''{}'''", payload("samenvatting")),
    );
    let note_line = text.lines().find(|l| l.starts_with("note = ")).unwrap();
    edit(
        site,
        party,
        note_line,
        &format!("note = '''{}'''", payload("bewijs")),
    );
    let ja21 = "data/elections/tk2023/parties/ja21.toml";
    let text = std::fs::read_to_string(site.join(ja21)).unwrap();
    let reason = text
        .lines()
        .find(|l| l.starts_with("override_reason = "))
        .unwrap();
    edit(
        site,
        ja21,
        reason,
        &format!("override_reason = '''{}'''", payload("afwijking")),
    );
    let election = "data/elections/tk2023/election.toml";
    edit(
        site,
        election,
        "intro = \"\"\"\n",
        &format!("intro = \"\"\"\n{}\n\n", payload("intro").replace('\\', "")),
    );
    edit(
        site,
        election,
        "methodology = \"\"\"\n",
        &format!("methodology = \"\"\"\n{}\n\n", payload("methode")),
    );
    let council = "data/council/positions/AT.toml";
    let text = std::fs::read_to_string(site.join(council)).unwrap();
    let note = text.lines().find(|l| l.starts_with("note = ")).unwrap();
    edit(
        site,
        council,
        note,
        &format!("note = '''{}'''", payload("raad")),
    );
    edit(
        site,
        "site.toml",
        "name = \"Nieuws\"",
        &format!("name = '''{}'''", payload("menu")),
    );
    let post = "content/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper.md";
    let text = std::fs::read_to_string(site.join(post)).unwrap();
    let title = text.lines().find(|l| l.starts_with("title: ")).unwrap();
    let hostile = payload("titel").replace('\'', "’");
    edit(
        site,
        post,
        title,
        &format!(
            "title: '{hostile}'\nsummary: '{}'",
            payload("kort").replace('\'', "’")
        ),
    );
    let tags = text.lines().find(|l| l.starts_with("tags: ")).unwrap();
    edit(
        site,
        post,
        tags,
        &format!("tags: ['{}']", payload("tag").replace('\'', "’")),
    );
    let description = text
        .lines()
        .find(|l| l.starts_with("description: "))
        .unwrap();
    edit(
        site,
        post,
        description,
        &format!(
            "description: '{}'",
            payload("beschrijving").replace('\'', "’")
        ),
    );
}

/// Serves `root` like a host that ignores `_headers`: no security headers,
/// and the CSP meta tag taken out of every page.
async fn serve_without_csp(root: PathBuf) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    async fn handle(State(root): State<Arc<PathBuf>>, uri: Uri) -> Response {
        let file = match resolve(&root, uri.path()) {
            Target::File(file) => file,
            Target::Redirect(to) => {
                return Response::builder()
                    .status(StatusCode::MOVED_PERMANENTLY)
                    .header(header::LOCATION, to)
                    .body(Body::empty())
                    .unwrap();
            }
            Target::NotFound => {
                return Response::builder()
                    .status(StatusCode::NOT_FOUND)
                    .body(Body::empty())
                    .unwrap();
            }
        };
        let mut bytes = std::fs::read(&file).unwrap_or_default();
        let kind = chatcontrole::serve::content_type::for_path(&file);
        if kind.starts_with("text/html") {
            let html = String::from_utf8_lossy(&bytes);
            let stripped = regex::Regex::new(r#"<meta http-equiv="Content-Security-Policy"[^>]*>"#)
                .unwrap()
                .replace_all(&html, "")
                .into_owned();
            bytes = stripped.into_bytes();
        }
        Response::builder()
            .header(header::CONTENT_TYPE, kind)
            .body(Body::from(bytes))
            .unwrap()
    }
    let app = Router::new().fallback(handle).with_state(Arc::new(root));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, task)
}

/// What a page reveals about payloads that ran or links that could.
const INSPECT: &str = r#"
const problems = [];
if (window.__pwned !== undefined) problems.push("a payload ran: " + window.__pwned);
if (window.parent.__pwned !== undefined) problems.push("a frame payload ran");
if (document.title === "PWNED" || document.title === "2") problems.push("the title was changed to " + document.title);
for (const el of document.querySelectorAll("*")) {
  for (const attr of el.attributes) {
    const value = attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
    if (attr.name.startsWith("on")) problems.push("event attribute " + attr.name + " on <" + el.localName + ">");
    if (value.startsWith("javascript:")) problems.push("javascript: in " + attr.name + " of <" + el.localName + ">");
  }
}
for (const s of document.querySelectorAll("script:not([src])")) {
  if (s.type !== "application/ld+json") problems.push("inline script: " + s.textContent.slice(0, 60));
  else { try { JSON.parse(s.textContent); } catch (e) { problems.push("JSON-LD does not parse: " + e); } }
}
if (document.querySelector("iframe, svg[onload], object, embed")) problems.push("an embedded frame or object reached the page");
// Folded parts are text a visitor reads after a click: open them first.
document.querySelectorAll("details").forEach((d) => { d.open = true; });
return { problems, text: document.body ? document.body.innerText : "" };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_text_stays_inert_without_csp_headers() {
    let site = common::site_copy();
    poison(site.path());
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("public");
    common::build(site.path(), &out, &[]);
    let home = common::read(&out, "index.html");
    assert!(
        home.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'"#),
        "pages carry the CSP as a meta tag"
    );
    let Some(browser) = Browser::launch("hostile").await else {
        return;
    };
    let (addr, server) = serve_without_csp(out.clone()).await;
    let pages = [
        ("/", "Gevaar menu"),
        (
            "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/",
            "Gevaar titel",
        ),
        ("/nieuws/", "Gevaar titel"),
        ("/stemwijzer2023/", "Gevaar intro"),
        ("/stemwijzer2023/vvd/", "Gevaar bewijs"),
        ("/stemwijzer2023/ja21/", "Gevaar afwijking"),
        ("/stemwijzer2023/methode/", "Gevaar methode"),
        ("/stemwijzer2023/hoogtepunten/", "Gevaar samenvatting"),
        ("/raad/at/", "Gevaar raad"),
    ];
    let mut report = Vec::new();
    for (path, visible) in pages {
        browser.open(&format!("http://{addr}{path}")).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let result: Json = browser.eval(INSPECT, vec![]).await;
        for problem in result["problems"].as_array().into_iter().flatten() {
            report.push(format!("{path}: {}", problem.as_str().unwrap_or_default()));
        }
        let text = result["text"].as_str().unwrap_or_default();
        if !text.contains(visible) {
            report.push(format!(
                "{path}: the hostile field `{visible}` is not shown as text"
            ));
        }
        if !report.is_empty() {
            browser
                .screenshot(&format!("hostile{}", path.replace('/', "-")))
                .await;
        }
    }
    browser.close().await;
    server.abort();
    assert!(
        report.is_empty(),
        "hostile text was not inert:\n{}",
        report.join("\n")
    );
}
