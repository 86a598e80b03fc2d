//! The example site in a real browser (headless Chromium), served by
//! `chatcontrole serve` with its Content-Security-Policy: no console errors
//! or CSP violations, no request to another host, no sideways scrolling on a
//! 360 px phone, dark mode, axe-core (WCAG 2.2 A/AA) clean, usable with the
//! keyboard alone, and search finds a known post. A screenshot of each page
//! with problems goes to `target/browser-screenshots/`.

use crate::browser;
use crate::common;

use std::time::Duration;

use browser::checks::{
    axe_violations, dark_mode_problems, note_problems, page_problems, phone_overflow, wait_until,
};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use fantoccini::Locator;

const POST_URL: &str = "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/";

/// The pages every check runs on, with the status each must have.
const PAGES: &[(&str, &str, u16)] = &[
    ("home", "/", 200),
    ("nieuwsbericht", POST_URL, 200),
    ("nieuws", "/nieuws/", 200),
    (
        "document-met-inhoudsopgave",
        "/docs/uitleg/wat-is-chatcontrole/",
        200,
    ),
    ("zoeken", "/zoeken/", 200),
    ("niet-gevonden", "/bestaat-niet/", 404),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn example_site_works_for_everyone_in_a_real_browser() {
    let Some(browser) = Browser::launch("site").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();

    for (name, path, status) in PAGES {
        let problems = page_problems(&browser, &origin, path, *status).await;
        note_problems(&browser, &mut report, name, path, &problems).await;
    }

    let problems = search_problems(&browser, &origin).await;
    note_problems(&browser, &mut report, "zoekresultaten", "search", &problems).await;

    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}

/// Types a word that appears in a known post into the search page and
/// submits it: the post must be among the results.
async fn search_problems(browser: &Browser, origin: &str) -> Vec<String> {
    browser.clear_logs().await;
    browser.open(&format!("{origin}/zoeken/")).await;
    let client = browser.client();
    let mut problems = Vec::new();
    let input = client
        .find(Locator::Id("search-input"))
        .await
        .expect("search field");
    input.send_keys("Coreper").await.expect("type a query");
    input
        .send_keys(&fantoccini::key::Key::Enter.to_string())
        .await
        .expect("submit");
    let found = wait_until(
        browser,
        r##"var links = document.querySelectorAll("#search-results a");
           return Array.prototype.some.call(links, function (a) { return a.getAttribute("href").indexOf("nederland-stemt-tegen-chatcontrole-in-coreper") !== -1; });"##,
        Duration::from_secs(10),
    )
    .await;
    if found != true {
        let status = browser
            .eval(
                "return document.getElementById('search-status').textContent;",
                vec![],
            )
            .await;
        problems.push(format!(
            "searching for Coreper does not list the Coreper post (status: {status})"
        ));
    }
    let url = browser.eval("return location.search;", vec![]).await;
    if url != "?q=Coreper" {
        problems.push(format!("the query is not kept in the address: {url}"));
    }
    // The results as they are shown: accessible, in dark mode too, and
    // within a phone's width.
    match axe_violations(browser).await {
        Ok(violations) => problems.extend(violations.into_iter().map(|v| format!("axe: {v}"))),
        Err(e) => problems.push(e),
    }
    problems.extend(dark_mode_problems(browser).await);
    problems.extend(phone_overflow(browser).await);
    problems.extend(browser.console_errors().await);
    problems
}

/// The checks themselves must catch real mistakes: a copy of the site with
/// an inline script, a script that throws, an image without text, a link
/// without focus ring, a too wide block and no dark mode gets all of them
/// reported.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checks_catch_real_problems() {
    let Some(browser) = Browser::launch("checks").await else {
        return;
    };
    let site = common::site_copy();
    let base = site.path().join("templates/base.html");
    let html = std::fs::read_to_string(&base).unwrap().replacen(
        "{% block main %}{% endblock %}",
        concat!(
            "{% block main %}{% endblock %}\n",
            "<img src=\"/favicon.svg\">\n",
            "<div class=\"te-breed\">breed</div>\n",
            "<a class=\"geen-focus\" href=\"/nieuws/\">geen focus</a>\n",
            "<script>document.title = 'inline';</script>\n",
            "<script src=\"/js/fout.js\" defer></script>",
        ),
        1,
    );
    std::fs::write(&base, html).unwrap();
    let css = site.path().join("static/css/site.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str(".te-breed { width: 1000px; }\n.geen-focus:focus-visible { outline: none; }\n@media (prefers-color-scheme: dark) { body { background: #fff; } }\n");
    std::fs::write(&css, text).unwrap();
    common::write(
        site.path(),
        "static/js/fout.js",
        "throw new Error('opzettelijk kapot');\n",
    );

    let serve = ServeProcess::start(site.path());
    let problems = page_problems(&browser, serve.url.trim_end_matches('/'), "/", 200)
        .await
        .join("\n");
    browser.close().await;
    for expected in [
        "CSP violation: script-src",
        "opzettelijk kapot",
        "axe: image-alt",
        "“geen focus”) has no visible focus indicator",
        "scrolls sideways at 360 × 740",
        "dark mode does not change the background",
    ] {
        assert!(
            problems.contains(expected),
            "the checks missed {expected:?}; they found:\n{problems}"
        );
    }
}
