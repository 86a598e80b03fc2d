//! Sharing without trackers, in a real browser (headless Chromium; see
//! `tests/browser/`): the share section is on the four page kinds (a party
//! page, /raad/, a Council state page, a news post); with scripts disabled it
//! is plain links that carry the page's address and title, percent-encoded,
//! with `rel="noopener noreferrer"`, and the JavaScript-only controls stay
//! hidden; with scripts, `share.js` builds the same links as the server,
//! shows "Kopieer link" and the Mastodon field, refuses a host that is not a
//! plain host name, and on /raad/ puts a changed what-if scenario into the
//! links with a text that says it is a scenario. On a 360 × 800 phone the
//! tile map and the decided outcome of /raad/ are inside the first screen.
//! The news post also gets the shared page checks (axe light and dark,
//! keyboard, 360 px, no foreign requests); the other three get them in
//! `browser_campaign` and `browser_council`.

use crate::browser;
use crate::common;

use std::time::Duration;

use browser::checks::{foreign_requests, note_problems, page_problems, wait_until};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::{Value as Json, json};

/// The four page kinds with a share section.
const PAGES: &[(&str, &str)] = &[
    ("partij", "/stemwijzer2023/volt/"),
    ("raad", "/raad/"),
    ("raad-nl", "/raad/nl/"),
    ("nieuws", "/nieuws/deens-voorstel-verplicht-scannen-terug/"),
];

/// What the share section looks like to the page: its links, whether the
/// JavaScript-only parts show, and the page's canonical address and title.
const INSPECT: &str = r#"
  var s = document.querySelector("section.share");
  if (!s) { return null; }
  var shown = function (sel) { var el = s.querySelector(sel); return !!el && el.getClientRects().length > 0; };
  var links = {};
  s.querySelectorAll("a[data-share]").forEach(function (a) {
    links[a.getAttribute("data-share")] = { href: a.getAttribute("href"), rel: a.getAttribute("rel") || "" };
  });
  return {
    links: links,
    canonical: document.querySelector("link[rel=canonical]").href,
    title: s.getAttribute("data-share-title"),
    text: s.getAttribute("data-share-text"),
    field: s.querySelector("input[type=url]").value,
    actions: shown(".share-actions"),
    copy: shown(".share-copy"),
    mastodon: shown(".share-mastodon"),
    note: shown(".share-nojs")
  };"#;

/// `encodeURIComponent` for the expected links.
fn enc(text: &str) -> String {
    chatcontrole::render::share_links::encode(text)
}

/// Problems with the links of one page as [`INSPECT`] returned them.
fn link_problems(found: &Json) -> Vec<String> {
    let mut problems = Vec::new();
    let canonical = found["canonical"].as_str().unwrap_or_default();
    let title = found["title"].as_str().unwrap_or_default();
    let text = found["text"].as_str().unwrap_or_default();
    if canonical.is_empty() || title.is_empty() || text.is_empty() {
        return vec![format!("no share section with address and title: {found}")];
    }
    let expected = [
        (
            "email",
            format!(
                "mailto:?subject={}&body={}",
                enc(title),
                enc(&format!("{text}\r\n\r\n{canonical}"))
            ),
        ),
        (
            "whatsapp",
            format!(
                "https://wa.me/?text={}",
                enc(&format!("{text} {canonical}"))
            ),
        ),
        (
            "telegram",
            format!(
                "https://t.me/share/url?url={}&text={}",
                enc(canonical),
                enc(text)
            ),
        ),
    ];
    for (kind, href) in expected {
        let link = &found["links"][kind];
        if link["href"].as_str() != Some(href.as_str()) {
            problems.push(format!("{kind}: {} instead of {href}", link["href"]));
        }
        let rel = link["rel"].as_str().unwrap_or_default();
        if !rel.contains("noopener") || !rel.contains("noreferrer") {
            problems.push(format!("{kind}: rel={rel:?}"));
        }
    }
    if found["field"].as_str() != Some(canonical) {
        problems.push(format!("the link field holds {}", found["field"]));
    }
    problems
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_kind_can_be_shared_with_and_without_javascript() {
    let Some(browser) = Browser::launch("share").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();

    let (name, path) = PAGES[3];
    let problems = page_problems(&browser, &origin, path, 200).await;
    note_problems(&browser, &mut report, name, path, &problems).await;

    for enabled in [false, true] {
        browser.set_scripts(enabled).await;
        for (name, path) in PAGES {
            browser.clear_logs().await;
            browser.open(&serve.page(path)).await;
            let found = browser.eval(INSPECT, vec![]).await;
            let mut problems = link_problems(&found);
            let shown = [
                found["actions"].clone(),
                found["copy"].clone(),
                found["mastodon"].clone(),
            ];
            if shown != [json!(enabled), json!(enabled), json!(enabled)] {
                problems.push(format!(
                    "with JavaScript {enabled}: copy button and Mastodon field shown {shown:?}"
                ));
            }
            if found["note"] != json!(true) {
                problems.push("no sentence on sharing to other apps".into());
            }
            for foreign in foreign_requests(&browser.requests().await, &origin) {
                problems.push(format!("request to another host: {foreign}"));
            }
            let label = format!("{name}-{}", if enabled { "js" } else { "nojs" });
            note_problems(&browser, &mut report, &label, path, &problems).await;
        }
    }

    // share.js: the Mastodon host check, the same links as the server, and
    // the what-if scenario in every link on /raad/.
    browser.open(&serve.page("/raad/")).await;
    let hosts = browser
        .eval(
            r#"var h = window.chatcontroleShare.mastodonHost;
               return ["mastodon.social", " HTTPS://Mastodon.Social/ ", "@naam@mastodon.nl", "https://toot.example.org",
                       "http://mastodon.social", "javascript:alert(1)", "evil.com/x?y", "127.0.0.1", "mastodon.social:8080",
                       "user:pw@mastodon.social", "localhost", "mastodon .social", "-a.nl", "mästodon.de", ""].map(h);"#,
            vec![],
        )
        .await;
    let expected = json!([
        "mastodon.social",
        "mastodon.social",
        "mastodon.nl",
        "toot.example.org",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null
    ]);
    let mut problems = Vec::new();
    if hosts != expected {
        problems.push(format!("Mastodon hosts: {hosts}, expected {expected}"));
    }
    browser
        .eval(
            r#"var sel = document.getElementById("whatif-BE"); sel.value = "oppose";
               sel.dispatchEvent(new Event("change", { bubbles: true })); return true;"#,
            vec![],
        )
        .await;
    let found = browser.eval(INSPECT, vec![]).await;
    let whatsapp = found["links"]["whatsapp"]["href"]
        .as_str()
        .unwrap_or_default();
    let scenario = enc("?BE=oppose#wat-als");
    if !whatsapp.contains(&scenario) || !whatsapp.contains(&enc("scenario")) {
        problems.push(format!(
            "the share link does not carry the scenario {scenario}: {whatsapp}"
        ));
    }
    if !found["field"]
        .as_str()
        .is_some_and(|f| f.ends_with("/raad/?BE=oppose#wat-als"))
    {
        problems.push(format!("the link field: {}", found["field"]));
    }
    browser
        .eval(
            r#"var sel = document.getElementById("whatif-BE"); sel.value = sel.querySelector("option[selected]").value;
               sel.dispatchEvent(new Event("change", { bubbles: true })); return true;"#,
            vec![],
        )
        .await;
    let back = browser.eval(INSPECT, vec![]).await;
    problems.extend(
        link_problems(&back)
            .into_iter()
            .map(|p| format!("back at the starting point: {p}")),
    );
    problems.extend(browser.console_errors().await);
    note_problems(&browser, &mut report, "raad-scenario", "/raad/", &problems).await;

    // A wrong Mastodon host is refused in words, next to the field.
    let refused = browser
        .eval(
            r#"var s = document.querySelector("section.share");
               var field = s.querySelector(".share-mastodon input");
               field.value = "javascript:alert(1)";
               s.querySelector(".share-mastodon button").click();
               return [field.getAttribute("aria-invalid"), s.querySelector(".share-error").textContent];"#,
            vec![],
        )
        .await;
    // "Kopieer link" says in the status line what happened (the clipboard
    // or, where the browser refuses, how to copy by hand).
    browser
        .eval(
            r#"document.querySelector("section.share .share-copy").click(); return true;"#,
            vec![],
        )
        .await;
    let copied = wait_until(
        &browser,
        r#"return document.querySelector("section.share .share-status").textContent;"#,
        Duration::from_secs(5),
    )
    .await;
    if !copied
        .as_str()
        .is_some_and(|t| t.contains("gekopieerd") || t.contains("kopieer hem zelf"))
    {
        let problems = vec![format!("Kopieer link left no message: {copied}")];
        note_problems(&browser, &mut report, "kopieer", "/raad/", &problems).await;
    }
    if refused[0] != json!("true") || !refused[1].as_str().is_some_and(|t| t.contains("server")) {
        let problems = vec![format!("a wrong Mastodon host was not refused: {refused}")];
        note_problems(&browser, &mut report, "mastodon", "/raad/", &problems).await;
    }

    if std::env::var_os("CHATCONTROLE_SCREENSHOTS").is_some() {
        for (width, height) in [(360, 800), (1280, 900)] {
            for dark in [false, true] {
                browser.emulate_dark_mode(dark).await;
                browser.set_viewport(width, height).await;
                for (name, path) in PAGES {
                    browser.open(&serve.page(path)).await;
                    let mode = if dark { "dark" } else { "light" };
                    let top = browser.screenshot(&format!("{name}-{width}-{mode}")).await;
                    browser
                        .eval(
                            r#"document.querySelector("section.share").scrollIntoView({ block: "center" }); return true;"#,
                            vec![],
                        )
                        .await;
                    let share = browser
                        .screenshot(&format!("{name}-{width}-{mode}-delen"))
                        .await;
                    browser::driver::say(&format!("screenshots: {top:?} {share:?}"));
                }
            }
        }
        browser.emulate_dark_mode(false).await;
        browser.reset_viewport().await;
    }
    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}

/// On a 360 × 800 phone, /raad/ shows the decided outcome, the next step
/// and the whole tile map without scrolling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_council_map_and_outcome_are_on_the_first_phone_screen() {
    let Some(browser) = Browser::launch("share-raad-phone").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    browser.set_viewport(360, 800).await;
    browser.open(&serve.page("/raad/")).await;
    let found = browser
        .eval(
            r##"var out = {};
               [["map", "svg.council-map"], ["outcome", ".council-decision .council-outcome"], ["next", "#volgende-stap"]].forEach(function (p) {
                 var el = document.querySelector(p[1]);
                 var r = el ? el.getBoundingClientRect() : null;
                 out[p[0]] = r ? [r.left, r.top, r.right, r.bottom] : null;
               });
               out.height = window.innerHeight; out.width = document.documentElement.clientWidth;
               out.tiles = document.querySelectorAll("svg.council-map a").length;
               out.listed = Array.prototype.reduce.call(document.querySelectorAll(".council-groups li"), function (n, li) {
                 return n + li.textContent.split(":")[1].split(",").length; }, 0);
               return out;"##,
            vec![],
        )
        .await;
    let shot = browser.screenshot("first-screen").await;
    browser.close().await;
    let height = found["height"].as_f64().unwrap_or(0.0);
    let width = found["width"].as_f64().unwrap_or(0.0);
    assert!(height >= 700.0, "the window is not a phone screen: {found}");
    for part in ["map", "outcome", "next"] {
        let rect: Vec<f64> = found[part]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_f64)
            .collect();
        assert!(
            matches!(rect.as_slice(), [l, t, r, b] if *l >= 0.0 && *t >= 0.0 && *r <= width + 0.5 && *b <= height + 0.5 && b > t),
            "{part} is not inside the first 360 × {height} screen: {found} (screenshot {shot:?})"
        );
    }
    assert_eq!(found["tiles"], json!(27), "{found}");
    assert_eq!(
        found["listed"],
        json!(27),
        "every state once in the list: {found}"
    );
}

/// What a chat app shows of a shared link (issue #25): the browser loads
/// the `og:image` of the home page, a news post, `/schrijf/` and `/raad/`
/// the way a link preview does, and finds a PNG of 1200 × 630 pixels
/// under 100 KB (never an SVG, which chat apps do not show).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_previews_are_small_png_pictures() {
    let Some(browser) = Browser::launch("share-previews").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let mut report = Vec::new();
    for path in ["/", PAGES[3].1, "/schrijf/", "/raad/"] {
        browser.open(&serve.page(path)).await;
        let found = browser
            .client()
            .execute_async(
                r#"var done = arguments[arguments.length - 1];
                   var meta = document.querySelector('meta[property="og:image"]');
                   if (!meta) { done({ error: "no og:image" }); return; }
                   // The picture from this server, at the path the tag names.
                   var url = new URL(meta.content).pathname;
                   fetch(url).then(function (r) { return r.blob(); }).then(function (blob) {
                     var img = new Image();
                     img.onload = function () { done({ url: url, type: blob.type, bytes: blob.size, width: img.naturalWidth, height: img.naturalHeight }); };
                     img.onerror = function () { done({ url: url, error: "does not load as a picture" }); };
                     // The page's CSP allows pictures from the site itself (not blob: addresses).
                     img.src = url;
                   }).catch(function (e) { done({ url: url, error: String(e) }); });"#,
                vec![],
            )
            .await
            .unwrap_or_else(|e| json!({ "error": e.to_string() }));
        let ok = found["type"] == "image/png"
            && found["width"] == 1200
            && found["height"] == 630
            && found["bytes"]
                .as_u64()
                .is_some_and(|b| b > 0 && b < 100 * 1024);
        if !ok {
            report.push(format!(
                "{path}: the share picture is not a PNG of 1200 × 630 under 100 KB: {found}"
            ));
        }
    }
    browser.close().await;
    assert!(report.is_empty(), "{report:#?}");
}
