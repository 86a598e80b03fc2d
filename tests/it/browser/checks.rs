//! What a person would notice on a page, checked in a real browser: errors
//! in the console (CSP violations included), requests to other hosts,
//! horizontal scrolling on a phone, dark mode, accessibility (axe-core with
//! the WCAG 2.2 A/AA rules) and keyboard use. Each check returns the
//! problems it found as plain sentences, so a test can report them all.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Value as Json, json};

use super::driver::{Browser, required, say};

/// The axe-core rule tags the pages must pass.
pub const AXE_TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// Where `npm ci --prefix tests/browser` puts axe-core.
pub fn axe_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/axe-core/axe.min.js")
}

/// The axe-core script, read once; None when it is not installed.
pub fn axe_source() -> Option<&'static str> {
    static SOURCE: OnceLock<Option<String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| std::fs::read_to_string(axe_path()).ok())
        .as_deref()
}

/// The axe-core violations on the open page, one line each (rule, impact,
/// help and the first few elements). Fails when axe-core is not installed
/// and the browser tests are required; otherwise says once that it skipped.
pub async fn axe_violations(browser: &Browser) -> Result<Vec<String>, String> {
    let Some(source) = axe_source() else {
        let message = format!(
            "axe-core is not installed ({} is missing): run `npm ci --prefix tests/browser`",
            axe_path().display()
        );
        if required() {
            return Err(message);
        }
        static SAID: OnceLock<()> = OnceLock::new();
        SAID.get_or_init(|| say(&format!("skipped axe-core checks: {message}")));
        return Ok(Vec::new());
    };
    let loaded = browser
        .eval(&format!("{source}\nreturn typeof window.axe;"), vec![])
        .await;
    if loaded != "object" {
        return Err(format!("axe-core did not load (typeof axe = {loaded})"));
    }
    let script = r#"
        var done = arguments[arguments.length - 1];
        window.axe.run(document, { runOnly: { type: "tag", values: arguments[0] }, resultTypes: ["violations"] })
          .then(function (result) {
            done(result.violations.map(function (v) {
              var nodes = v.nodes.slice(0, 4).map(function (n) {
                return n.target.join(" ") + " (" + (n.failureSummary || "").replace(/\s+/g, " ").trim() + ")";
              });
              return v.id + " [" + v.impact + "]: " + v.help + " — " + nodes.join("; ");
            }));
          }, function (error) { done(["axe-core failed: " + error]); });
    "#;
    let result = browser
        .client()
        .execute_async(script, vec![json!(AXE_TAGS)])
        .await
        .map_err(|e| format!("axe-core did not run: {e}"))?;
    Ok(result
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect())
}

/// Requests that went anywhere but `origin` (`http://127.0.0.1:1234`).
pub fn foreign_requests(urls: &[String], origin: &str) -> Vec<String> {
    let own = format!("{}/", origin.trim_end_matches('/'));
    urls.iter()
        .filter(|url| {
            !url.starts_with(&own)
                && !url.starts_with("data:")
                && !url.starts_with("blob:")
                && !url.starts_with("about:")
        })
        .cloned()
        .collect()
}

/// A problem when the page is wider than a 360 × 740 phone screen.
pub async fn phone_overflow(browser: &Browser) -> Option<String> {
    browser.set_viewport(360, 740).await;
    let sizes = browser
        .eval(
            r#"
            var wide = [];
            document.querySelectorAll("body *").forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.right > document.documentElement.clientWidth + 1 && wide.length < 5) {
                wide.push(el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : "") + " (right edge " + Math.round(r.right) + ")");
              }
            });
            return { inner: window.innerWidth, client: document.documentElement.clientWidth, scroll: document.documentElement.scrollWidth, wide: wide };
            "#,
            vec![],
        )
        .await;
    browser.reset_viewport().await;
    let (inner, client, scroll) = (
        sizes["inner"].as_i64().unwrap_or(0),
        sizes["client"].as_i64().unwrap_or(0),
        sizes["scroll"].as_i64().unwrap_or(i64::MAX),
    );
    if inner != 360 {
        return Some(format!("phone viewport is {inner} px wide instead of 360"));
    }
    // clientWidth excludes a vertical scrollbar, so overflow under it counts too.
    (scroll > client).then(|| {
        format!(
            "scrolls sideways at 360 × 740: {scroll} px wide; too wide: {}",
            sizes["wide"]
        )
    })
}

/// The page's body background in light and dark mode; a problem when dark
/// mode does not change it. Also runs axe-core in dark mode (contrast).
pub async fn dark_mode_problems(browser: &Browser) -> Vec<String> {
    let background = "return getComputedStyle(document.body).backgroundColor;";
    browser.emulate_dark_mode(false).await;
    let light = browser.eval(background, vec![]).await;
    browser.emulate_dark_mode(true).await;
    let dark = browser.eval(background, vec![]).await;
    let mut problems = Vec::new();
    if light == dark {
        problems.push(format!(
            "dark mode does not change the background ({light})"
        ));
    }
    match axe_violations(browser).await {
        Ok(violations) => problems.extend(
            violations
                .into_iter()
                .map(|v| format!("axe in dark mode: {v}")),
        ),
        Err(e) => problems.push(e),
    }
    browser.emulate_dark_mode(false).await;
    problems
}

const DESCRIBE: &str = r##"
function describe(el) {
  var text = (el.getAttribute("aria-label") || el.textContent || el.value || "").replace(/\s+/g, " ").trim().slice(0, 40);
  var href = el.getAttribute("href");
  return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (href ? "[href=" + href + "]" : "") + (text ? " “" + text + "”" : "");
}
"##;

/// Tabs through the whole page from the top. Problems: a focused element
/// without a visible focus indicator (outline or box shadow on
/// `:focus-visible`) or out of view, and visible links and controls that Tab
/// never reaches.
pub async fn keyboard_problems(browser: &Browser) -> Vec<String> {
    let stop_script = format!(
        r#"{DESCRIBE}
        var el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        var order = el.getAttribute("data-tab-order");
        if (order === null) el.setAttribute("data-tab-order", String(arguments[0]));
        var cs = getComputedStyle(el);
        var outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== "rgba(0, 0, 0, 0)";
        var shadow = cs.boxShadow && cs.boxShadow !== "none";
        var r = el.getBoundingClientRect();
        var inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
        return {{ first: order === "0", seen: order !== null, what: describe(el), focusVisible: el.matches(":focus-visible"), ring: !!(outline || shadow), inView: inView }};
        "#
    );
    let mut problems = Vec::new();
    let mut stops = 0;
    for index in 0..250 {
        browser.press_tab().await;
        let stop = browser.eval(&stop_script, vec![json!(index)]).await;
        if stop.is_null() || stop["first"] == true {
            break;
        }
        if stop["seen"] == true {
            continue;
        }
        stops += 1;
        let what = stop["what"].as_str().unwrap_or("?");
        if stop["focusVisible"] != true || stop["ring"] != true {
            problems.push(format!(
                "Tab stop {stops} ({what}) has no visible focus indicator"
            ));
        }
        if stop["inView"] != true {
            problems.push(format!("Tab stop {stops} ({what}) is focused out of view"));
        }
    }
    let unreached = browser
        .eval(
            &format!(
                r#"{DESCRIBE}
                var selector = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable], [tabindex]";
                return Array.prototype.filter.call(document.querySelectorAll(selector), function (el) {{
                  if (el.closest("[inert]") || el.disabled) return false;
                  var tabindex = el.getAttribute("tabindex");
                  if (tabindex !== null && parseInt(tabindex, 10) < 0) return false;
                  if (!el.getClientRects().length || getComputedStyle(el).visibility === "hidden") return false;
                  return !el.hasAttribute("data-tab-order");
                }}).map(describe);
                "#
            ),
            vec![],
        )
        .await;
    for what in unreached.as_array().into_iter().flatten() {
        problems.push(format!(
            "not reachable with Tab: {}",
            what.as_str().unwrap_or("?")
        ));
    }
    if stops == 0 {
        problems.push("Tab reaches nothing on this page".to_string());
    }
    problems
}

/// Console errors minus the browser's own note that the page itself
/// answered 404 (expected for the not-found page).
pub async fn console_problems(
    browser: &Browser,
    page_url: &str,
    expect_status: u16,
) -> Vec<String> {
    browser
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !(expect_status == 404 && e.contains(page_url) && e.contains("status of 404")))
        .collect()
}

/// Runs every check on the page at `path` of the site served at `origin`:
/// status, title and heading, console errors and CSP violations, requests
/// to other hosts, axe-core in light and dark mode, dark mode colours,
/// keyboard access and phone width. Returns the problems found.
pub async fn page_problems(
    browser: &Browser,
    origin: &str,
    path: &str,
    expect_status: u16,
) -> Vec<String> {
    let url = format!("{}{path}", origin.trim_end_matches('/'));
    browser.reset_viewport().await;
    browser.emulate_dark_mode(false).await;
    browser.clear_logs().await;
    browser.open(&url).await;
    let mut problems = Vec::new();

    let basics = browser
        .eval(
            r#"var nav = performance.getEntriesByType("navigation")[0];
               var h1 = document.querySelector("h1");
               return { status: nav ? nav.responseStatus : 0, title: document.title, h1: h1 ? h1.textContent.trim() : "" };"#,
            vec![],
        )
        .await;
    if basics["status"] != json!(expect_status) {
        problems.push(format!(
            "status {} instead of {expect_status}",
            basics["status"]
        ));
    }
    if basics["title"].as_str().unwrap_or("").is_empty()
        || basics["h1"].as_str().unwrap_or("").is_empty()
    {
        problems.push(format!("no title or h1: {basics}"));
    }
    problems.extend(console_problems(browser, &url, expect_status).await);
    for foreign in foreign_requests(&browser.requests().await, origin) {
        problems.push(format!("request to another host: {foreign}"));
    }
    match axe_violations(browser).await {
        Ok(violations) => problems.extend(violations.into_iter().map(|v| format!("axe: {v}"))),
        Err(e) => problems.push(e),
    }
    problems.extend(dark_mode_problems(browser).await);
    problems.extend(keyboard_problems(browser).await);
    problems.extend(phone_overflow(browser).await);
    problems.extend(console_problems(browser, &url, expect_status).await);
    for foreign in foreign_requests(&browser.requests().await, origin) {
        problems.push(format!("request to another host: {foreign}"));
    }
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert(p.clone()));
    problems
}

/// Waits until `script` (a function body) returns something truthy; returns
/// the last value, or Null after `timeout`.
pub async fn wait_until(browser: &Browser, script: &str, timeout: Duration) -> Json {
    let deadline = Instant::now() + timeout;
    loop {
        let value = browser.eval(script, vec![]).await;
        let truthy = !matches!(&value, Json::Null | Json::Bool(false))
            && value != json!("")
            && value != json!(0);
        if truthy {
            return value;
        }
        if Instant::now() > deadline {
            return Json::Null;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Adds one page's problems to `report` (nothing when there are none), with a
/// screenshot saved under `label` so the failure can be seen.
pub async fn note_problems(
    browser: &Browser,
    report: &mut Vec<String>,
    label: &str,
    what: &str,
    problems: &[String],
) {
    if problems.is_empty() {
        return;
    }
    let shot = browser.screenshot(label).await;
    report.push(format!(
        "{what} ({}):\n  {}",
        shot.map(|p| p.display().to_string()).unwrap_or_default(),
        problems.join("\n  ")
    ));
}

/// Fails the test with every problem of `report`, one per line.
pub fn assert_clean(report: Vec<String>) {
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_own_origin_data_and_blob_urls_are_local() {
        let urls = [
            "http://127.0.0.1:9/css/site.css",
            "http://127.0.0.1:9/",
            "data:image/svg+xml,x",
            "https://fonts.example/x.woff",
            "http://127.0.0.1:99/x",
        ]
        .map(String::from);
        assert_eq!(
            foreign_requests(&urls, "http://127.0.0.1:9"),
            ["https://fonts.example/x.woff", "http://127.0.0.1:99/x"]
        );
    }
}
