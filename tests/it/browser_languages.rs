//! The English site in a real browser: the English Council tracker, voting
//! guide, home and contact pages pass every page check (axe light and dark,
//! keyboard, 360 px, no request to another host); the language switch in
//! the header leads to the same page in the other language, or to the
//! other language's home when there is no translation; and the `hreflang`
//! links a page names point back to it.

use std::time::Duration;

use crate::browser;
use crate::common;

use browser::checks::{assert_clean, note_problems, page_problems, wait_until};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::json;

/// English pages that must pass every check; `/en/raad/` and
/// `/en/stemwijzer2023/` are the ones the issue names.
const ENGLISH_PAGES: [&str; 5] = [
    "/en/raad/",
    "/en/stemwijzer2023/",
    "/en/",
    "/en/stemwijzer2023/d66/",
    "/en/write/",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn english_council_and_guide_pages_pass_every_check() {
    let Some(browser) = Browser::launch("languages-pages").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();
    for path in ENGLISH_PAGES {
        let mut problems = page_problems(&browser, &origin, path, 200).await;
        let lang = browser
            .eval("return document.documentElement.lang;", vec![])
            .await;
        if lang != json!("en-GB") {
            problems.push(format!("<html lang> is {lang}, not en-GB"));
        }
        note_problems(&browser, &mut report, path, path, &problems).await;
    }
    browser.close().await;
    assert_clean(report);
}

/// Clicks the language switch's link to `hreflang` on the open page and
/// returns the path the browser lands on, with the new page's `<html lang>`.
async fn switch_to(browser: &Browser, hreflang: &str) -> (String, String) {
    let before = browser.eval("return location.pathname;", vec![]).await;
    let clicked = browser
        .eval(
            r#"var a = document.querySelector('.lang-switch a[hreflang^="' + arguments[0] + '"]');
               if (!a) { return false; }
               a.click();
               return true;"#,
            vec![json!(hreflang)],
        )
        .await;
    if clicked != json!(true) {
        return (String::new(), String::new());
    }
    let script = format!(
        "return location.pathname !== {before} && document.readyState === 'complete' && location.pathname;"
    );
    let landed = wait_until(browser, &script, Duration::from_secs(10)).await;
    let lang = browser
        .eval("return document.documentElement.lang;", vec![])
        .await;
    (
        landed.as_str().unwrap_or_default().to_string(),
        lang.as_str().unwrap_or_default().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_goes_to_the_translation_and_back() {
    let Some(browser) = Browser::launch("languages-switch").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    // (Dutch page, where the English link leads): a translated news post
    // (its English address differs), a translated page, data pages every
    // language has, and a page without translation (to the English home).
    let cases = [
        (
            "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/",
            "/en/nieuws/netherlands-votes-against-after-all-but-council-adopts-its-position/",
            true,
        ),
        ("/over/", "/en/about/", true),
        ("/raad/", "/en/raad/", true),
        ("/stemwijzer2023/d66/", "/en/stemwijzer2023/d66/", true),
        ("/", "/en/", true),
        ("/tijdlijn/", "/en/", false),
    ];
    let mut problems = Vec::new();
    for (dutch, english, back) in cases {
        browser.open(&serve.page(dutch)).await;
        let (landed, lang) = switch_to(&browser, "en").await;
        if landed != english || lang != "en-GB" {
            problems.push(format!(
                "from {dutch} the switch led to {landed:?} (lang {lang:?}), not {english}"
            ));
            continue;
        }
        if back {
            let (landed, lang) = switch_to(&browser, "nl").await;
            if landed != dutch || !lang.starts_with("nl") {
                problems.push(format!(
                    "from {english} the switch led back to {landed:?} (lang {lang:?}), not {dutch}"
                ));
            }
        }
    }
    let mut report = Vec::new();
    note_problems(
        &browser,
        &mut report,
        "languages-switch",
        "the language switch",
        &problems,
    )
    .await;
    browser.close().await;
    assert_clean(report);
}

/// The `hreflang` alternates of the open page, as (hreflang, path).
async fn alternates(browser: &Browser) -> Vec<(String, String)> {
    let found = browser
        .eval(
            r#"return Array.prototype.map.call(
                 document.querySelectorAll('link[rel="alternate"][hreflang]'),
                 function (l) { return [l.getAttribute("hreflang"), new URL(l.href).pathname]; });"#,
            vec![],
        )
        .await;
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|pair| {
            Some((
                pair.get(0)?.as_str()?.to_string(),
                pair.get(1)?.as_str()?.to_string(),
            ))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hreflang_links_come_in_pairs() {
    let Some(browser) = Browser::launch("languages-hreflang").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let starts = [
        "/",
        "/en/",
        "/nieuws/tijdelijke-scanregels-vervallen/",
        "/en/write/",
        "/raad/",
        "/en/stemwijzer2023/",
        "/stemwijzer2023/volt/",
    ];
    let mut problems = Vec::new();
    for start in starts {
        browser.open(&serve.page(start)).await;
        let own_lang = browser
            .eval("return document.documentElement.lang;", vec![])
            .await;
        let own_lang = own_lang.as_str().unwrap_or_default().to_string();
        let links = alternates(&browser).await;
        if !links.iter().any(|(l, p)| *l == own_lang && p == start) {
            problems.push(format!(
                "{start} does not name itself as {own_lang}: {links:?}"
            ));
        }
        let others: Vec<(String, String)> = links
            .iter()
            .filter(|(l, p)| l != "x-default" && p != start)
            .cloned()
            .collect();
        if others.is_empty() {
            problems.push(format!("{start} names no translation: {links:?}"));
        }
        for (lang, path) in others {
            browser.open(&serve.page(&path)).await;
            let back = alternates(&browser).await;
            if !back.iter().any(|(l, p)| *l == own_lang && p == start) {
                problems.push(format!(
                    "{start} names {path} ({lang}), which does not name {start} back: {back:?}"
                ));
            }
            let same: Vec<&(String, String)> =
                back.iter().filter(|(l, _)| l != "x-default").collect();
            let mine: Vec<&(String, String)> =
                links.iter().filter(|(l, _)| l != "x-default").collect();
            if same != mine {
                problems.push(format!(
                    "{start} and {path} name different sets of translations: {mine:?} and {same:?}"
                ));
            }
        }
    }
    // A page that exists in Dutch only names no alternates at all: no
    // search engine is told that the English home is its translation.
    browser.open(&serve.page("/tijdlijn/")).await;
    let none = alternates(&browser).await;
    if !none.is_empty() {
        problems.push(format!("/tijdlijn/ has no translation but names {none:?}"));
    }
    let mut report = Vec::new();
    note_problems(
        &browser,
        &mut report,
        "languages-hreflang",
        "hreflang links",
        &problems,
    )
    .await;
    browser.close().await;
    assert_clean(report);
}
