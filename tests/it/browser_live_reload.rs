//! Live reload as an editor sees it in a real browser: a saved edit shows on
//! the open page without touching the browser; broken front matter shows the
//! diagnostic (file, line, message, hint) over the page, accessibly and
//! within the CSP; fixing the file brings the page back by itself.

use crate::browser;
use crate::common;

use std::time::{Duration, Instant};

use browser::checks::{axe_violations, wait_until};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::Value as Json;

const POST: &str = "content/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper.md";
const POST_URL: &str = "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/";
const NEW_TEXT: &str = "Deze zin is zojuist door de redactie toegevoegd.";
const PANEL: &str = "chatcontrole-build-errors";

/// Saves a screenshot and fails the test with `message`.
async fn fail(browser: &Browser, label: &str, message: String) -> ! {
    let shot = browser.screenshot(label).await;
    panic!(
        "{message}\nscreenshot: {}",
        shot.map(|p| p.display().to_string()).unwrap_or_default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_pages_follow_edits_errors_and_fixes() {
    let Some(browser) = Browser::launch("live-reload").await else {
        return;
    };
    let site = common::site_copy();
    let serve = ServeProcess::start_with(site.path(), &["--lang", "nl"]);
    browser.open(&serve.page(POST_URL)).await;
    browser
        .eval("window.__notReloadedYet = true;", vec![])
        .await;

    // 1. An edit appears without a manual reload.
    let post = site.path().join(POST);
    let original = std::fs::read_to_string(&post).unwrap();
    let saved = Instant::now();
    std::fs::write(&post, format!("{original}\n{NEW_TEXT}\n")).unwrap();
    let shown = wait_until(
        &browser,
        &format!("return document.body.textContent.indexOf({NEW_TEXT:?}) !== -1;"),
        Duration::from_secs(15),
    )
    .await;
    let took = saved.elapsed();
    if shown != true {
        fail(
            &browser,
            "edit",
            format!("the edit did not appear within 15 s\n{}", serve.output()),
        )
        .await;
    }
    if browser
        .eval("return window.__notReloadedYet === true;", vec![])
        .await
        != false
    {
        fail(
            &browser,
            "edit",
            "the new text appeared without a reload of the page?".into(),
        )
        .await;
    }
    println!(
        "an edit showed in the browser after {} ms",
        took.as_millis()
    );

    // 2. Broken front matter: the page shows the diagnostic instead.
    let broken = original.replacen("standpunt vast\"\n", "standpunt vast\n", 1);
    assert_ne!(broken, original);
    std::fs::write(&post, broken).unwrap();
    let panel = wait_until(
        &browser,
        &format!(
            r#"var panel = document.getElementById("{PANEL}");
               return panel && {{ text: panel.textContent, role: panel.getAttribute("role"),
                 focused: document.activeElement && document.activeElement.id,
                 inert: document.querySelector("main").hasAttribute("inert"),
                 className: panel.className }};"#
        ),
        Duration::from_secs(15),
    )
    .await;
    let Json::Object(panel) = panel else {
        fail(
            &browser,
            "error-panel",
            format!("no error panel within 15 s\n{}", serve.output()),
        )
        .await
    };
    let text = panel["text"].as_str().unwrap_or_default();
    let expectations = [
        (
            text.contains("De site kan niet worden gebouwd"),
            "a heading",
        ),
        (
            text.contains("nederland-stemt-tegen-chatcontrole-in-coreper.md"),
            "the file",
        ),
        (text.contains("regel 3"), "the line"),
        (text.contains("ongeldige YAML"), "the message, in Dutch"),
        (text.contains("Tip: "), "the hint"),
        (text.contains("front-matter-yaml-invalid"), "the code"),
        (panel["role"] == "alert", "role=alert"),
        (
            panel["focused"] == format!("{PANEL}-title"),
            "focus on the panel's heading",
        ),
        (panel["inert"] == true, "the stale page made inert"),
        (
            panel["className"] == "build-errors",
            "the site's .build-errors style",
        ),
    ];
    for (ok, what) in expectations {
        if !ok {
            fail(
                &browser,
                "error-panel",
                format!("the error panel lacks {what}: {panel:?}"),
            )
            .await;
        }
    }
    let console = browser.console_errors().await;
    if !console.is_empty() {
        fail(
            &browser,
            "error-panel",
            format!("console errors while showing the panel: {console:#?}"),
        )
        .await;
    }
    match axe_violations(&browser).await {
        Ok(violations) if violations.is_empty() => {}
        Ok(violations) => {
            fail(
                &browser,
                "error-panel",
                format!("axe on the error panel: {violations:#?}"),
            )
            .await
        }
        Err(e) => fail(&browser, "error-panel", e).await,
    }

    // 3. Fixed: the page recovers by itself.
    std::fs::write(&post, &original).unwrap();
    let recovered = wait_until(
        &browser,
        &format!(
            r#"return !document.getElementById("{PANEL}") && document.querySelector("h1") !== null
                 && document.body.textContent.indexOf({NEW_TEXT:?}) === -1;"#
        ),
        Duration::from_secs(15),
    )
    .await;
    if recovered != true {
        fail(
            &browser,
            "recovered",
            format!("the page did not recover within 15 s\n{}", serve.output()),
        )
        .await;
    }
    browser.close().await;
}
