//! The EU Council pages (/raad/ and a state page) in a real browser
//! (headless Chromium through the shared harness in `tests/browser/`),
//! served by `chatcontrole serve` with its Content-Security-Policy.
//!
//! On a desktop window and on a 360 × 740 phone: no console errors or CSP
//! violations, no request to another host, no sideways scrolling of the page,
//! dark mode, axe-core (WCAG 2.2 A/AA) clean and usable with the keyboard.
//! The what-if calculator really recomputes the outcome when a select
//! changes, its JavaScript engine agrees with `council::qmv` on every shared
//! test vector when run inside the real page, and without JavaScript the
//! page stays readable and the calculator form stays hidden. The timeline,
//! which lists the Council moments, gets the harness's page checks.

mod browser;
mod common;

use std::time::Duration;

use browser::checks::{
    axe_violations, console_problems, dark_mode_problems, foreign_requests, keyboard_problems,
    note_problems, page_problems, wait_until,
};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use chatcontrole::council::qmv::evaluate;
use common::qmv_vectors::{rule, vectors, voters};
use fantoccini::Locator;
use serde_json::{Value as Json, json};

/// The pages every check runs on: the overview and one state page.
const PAGES: &[(&str, &str)] = &[("raad", "/raad/"), ("raad-nl", "/raad/nl/")];

/// Pages that show Council data but whose layout is the site's: the
/// timeline lists the Council moments. They get the harness's checks only.
const OTHER_PAGES: &[(&str, &str)] = &[("tijdlijn", "/tijdlijn/")];

/// The checks again with the window the size of a 360 × 740 phone: axe-core
/// in light and dark mode, keyboard access with visible focus, console
/// errors and foreign requests after a fresh load at that size.
async fn phone_problems(browser: &Browser, origin: &str, path: &str) -> Vec<String> {
    let url = format!("{origin}{path}");
    browser.reset_viewport().await;
    browser.emulate_dark_mode(false).await;
    browser.set_viewport(360, 740).await;
    browser.clear_logs().await;
    browser.open(&url).await;
    let mut problems = Vec::new();
    match axe_violations(browser).await {
        Ok(violations) => problems.extend(violations.into_iter().map(|v| format!("axe: {v}"))),
        Err(e) => problems.push(e),
    }
    problems.extend(dark_mode_problems(browser).await);
    problems.extend(keyboard_problems(browser).await);
    problems.extend(layout_problems(browser).await);
    problems.extend(console_problems(browser, &url, 200).await);
    for foreign in foreign_requests(&browser.requests().await, origin) {
        problems.push(format!("request to another host: {foreign}"));
    }
    browser.reset_viewport().await;
    problems
        .into_iter()
        .map(|p| format!("360 px: {p}"))
        .collect()
}

/// Stricter than the harness's phone check, which compares with the window
/// width and so misses a page that is wider than the window minus its
/// scroll bar: the page must fit the document's client width, and anything
/// that scrolls sideways inside the page must take keyboard focus, so that
/// people without a mouse can scroll it too.
async fn layout_problems(browser: &Browser) -> Vec<String> {
    let found = browser
        .eval(
            r##"var problems = [];
            var doc = document.documentElement;
            if (doc.scrollWidth > doc.clientWidth) {
              problems.push("the page is " + doc.scrollWidth + " px wide in a " + doc.clientWidth + " px wide window");
            }
            document.querySelectorAll("body *").forEach(function (el) {
              var overflow = getComputedStyle(el).overflowX;
              if ((overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1 && el.tabIndex < 0) {
                problems.push(el.tagName.toLowerCase() + "." + String(el.className).split(" ").join(".") + " scrolls sideways but cannot take keyboard focus");
              }
            });
            return problems;"##,
            vec![],
        )
        .await;
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn council_pages_work_for_everyone_on_desktop_and_phone() {
    let Some(browser) = Browser::launch("council").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();
    for (name, path) in PAGES {
        let problems = page_problems(&browser, &origin, path, 200).await;
        note_problems(&browser, &mut report, name, path, &problems).await;
        let problems = phone_problems(&browser, &origin, path).await;
        if !problems.is_empty() {
            browser.set_viewport(360, 740).await;
            note_problems(
                &browser,
                &mut report,
                &format!("{name}-360"),
                path,
                &problems,
            )
            .await;
            browser.reset_viewport().await;
        }
    }
    for (name, path) in OTHER_PAGES {
        let mut problems = page_problems(&browser, &origin, path, 200).await;
        let moments = browser
            .eval(
                r#"return document.querySelectorAll(".council-moments > li").length;"#,
                vec![],
            )
            .await;
        if moments != json!(4) {
            problems.push(format!("{moments} Council moments instead of 4"));
        }
        note_problems(&browser, &mut report, name, path, &problems).await;
    }
    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}

/// The page's what-if result text and the outcome keyword the script puts
/// on the form, once the result is no longer `previous`.
async fn whatif_result(browser: &Browser, previous: &str) -> (String, String) {
    let script = format!(
        r#"var out = document.getElementById("council-whatif-result");
           var form = document.getElementById("council-whatif");
           var text = out ? out.textContent.trim() : "";
           return text && text !== {previous} ? [text, form.getAttribute("data-outcome") || ""] : null;"#,
        previous = json!(previous)
    );
    let value = wait_until(browser, &script, Duration::from_secs(5)).await;
    let text = value[0].as_str().unwrap_or_default().to_string();
    let outcome = value[1].as_str().unwrap_or_default().to_string();
    (text, outcome)
}

/// Chooses `value` in the select of state `code`, as a person does.
async fn choose(browser: &Browser, code: &str, value: &str) {
    let select = browser
        .client()
        .find(Locator::Id(&format!("whatif-{code}")))
        .await
        .unwrap_or_else(|e| panic!("no select for {code}: {e}"));
    select
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("cannot choose {value} for {code}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whatif_calculator_recomputes_the_outcome_in_the_page() {
    let Some(browser) = Browser::launch("council-whatif").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    browser.clear_logs().await;
    browser.open(&serve.page("/raad/")).await;
    let mut problems = Vec::new();

    let shown = browser
        .eval(
            r#"var form = document.getElementById("council-whatif");
               var note = document.getElementById("council-whatif-nojs");
               return { form: !!form && !form.hidden && form.getClientRects().length > 0,
                        noteHidden: !!note && (note.hidden || note.getClientRects().length === 0) };"#,
            vec![],
        )
        .await;
    if shown != json!({ "form": true, "noteHidden": true }) {
        problems.push(format!(
            "with JavaScript the form is not shown or the no-JavaScript note stays: {shown}"
        ));
    }

    let codes = browser
        .eval(
            r##"return Array.prototype.map.call(document.querySelectorAll("#council-whatif select[data-state]"), function (s) { return s.getAttribute("data-state"); });"##,
            vec![],
        )
        .await;
    let codes: Vec<String> = codes
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c.as_str().map(str::to_string))
        .collect();
    assert_eq!(codes.len(), 27, "the form has a select per member state");

    let (mut last, _) = whatif_result(&browser, "").await;
    if last.is_empty() {
        problems.push("the calculator shows no result after loading".to_string());
    }
    for code in &codes {
        choose(&browser, code, "support").await;
    }
    let (text, outcome) = whatif_result(&browser, &last).await;
    if outcome != "adopted" || !text.starts_with("Uitkomst: aangenomen.") {
        problems.push(format!(
            "all 27 in favour is not adopted ({outcome}): {text}"
        ));
    }
    last = text;

    for code in ["DE", "FR", "IT"] {
        choose(&browser, code, "oppose").await;
    }
    let (text, outcome) = whatif_result(&browser, &last).await;
    if outcome != "adopted" || !text.starts_with("Uitkomst: aangenomen.") {
        problems.push(format!(
            "DE, FR and IT against should not block ({outcome}): {text}"
        ));
    }
    last = text;

    choose(&browser, "ES", "oppose").await;
    let (text, outcome) = whatif_result(&browser, &last).await;
    if outcome != "blocked" || !text.starts_with("Uitkomst: geblokkeerd.") {
        problems.push(format!(
            "DE, FR, IT and ES against should block ({outcome}): {text}"
        ));
    }
    last = text;

    choose(&browser, "ES", "support").await;
    let (text, outcome) = whatif_result(&browser, &last).await;
    if outcome != "adopted" || !text.starts_with("Uitkomst: aangenomen.") {
        problems.push(format!(
            "ES back in favour should adopt again ({outcome}): {text}"
        ));
    }
    last = text;

    choose(&browser, "ES", "oppose").await;
    let (text, _) = whatif_result(&browser, &last).await;
    last = text;
    choose(&browser, "DE", "undecided").await;
    let (text, outcome) = whatif_result(&browser, &last).await;
    if outcome != "depends"
        || !text.contains("hangt af van de onbesliste lidstaten")
        || !text.contains("Beslissend kan zijn: Duitsland.")
    {
        problems.push(format!(
            "DE undecided with FR, IT, ES against should depend on Germany ({outcome}): {text}"
        ));
    }
    last = text;

    choose(&browser, "DE", "abstain").await;
    let (text, outcome) = whatif_result(&browser, &last).await;
    if outcome != "blocked" {
        problems.push(format!(
            "an abstaining Germany counts as against and blocks ({outcome}): {text}"
        ));
    }

    problems.extend(browser.console_errors().await);
    if !problems.is_empty() {
        let shot = browser.screenshot("whatif").await;
        problems.push(format!("screenshot: {shot:?}"));
    }
    browser.close().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The fields both engines compute, from `council::qmv` for one vector.
fn rust_result(vector: &Json) -> Json {
    let (rule, voters) = (rule(vector), voters(vector));
    let e = serde_json::to_value(evaluate(rule, &voters)).unwrap();
    pick(&e)
}

fn pick(e: &Json) -> Json {
    json!({
        "outcome": e["outcome"],
        "participating": e["participating"],
        "in_favour": e["in_favour"],
        "not_in_favour": e["not_in_favour"],
        "undecided": e["undecided"],
        "pivotal": e["pivotal"],
        "to_adopt": e["to_adopt"],
        "to_block": e["to_block"],
        "states_needed": e["states_needed"],
        "population_needed": e["population_needed"],
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn javascript_engine_in_the_page_agrees_with_qmv_rs_on_every_vector() {
    let Some(browser) = Browser::launch("council-vectors").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    browser.clear_logs().await;
    browser.open(&serve.page("/raad/")).await;
    let vectors = vectors();
    assert!(vectors.len() >= 60, "at least 60 shared vectors");
    let results = browser
        .eval(
            r#"var qmv = window.chatcontroleQmv;
               if (!qmv) return "window.chatcontroleQmv is missing on /raad/";
               return arguments[0].map(function (v) {
                 try {
                   return qmv.evaluate({ rule: v.rule, states: v.states.map(function (s) {
                     return { code: s[0], population: s[1], position: s[2] };
                   }) });
                 } catch (e) { return { error: String(e) }; }
               });"#,
            vec![json!(vectors)],
        )
        .await;
    let errors = browser.console_errors().await;
    browser.close().await;
    let results = results
        .as_array()
        .unwrap_or_else(|| panic!("the engine did not run: {results}"));
    assert_eq!(results.len(), vectors.len());
    let mut disagreements = Vec::new();
    for (vector, js) in vectors.iter().zip(results) {
        let name = vector["name"].as_str().unwrap_or("?");
        let rust = rust_result(vector);
        let js = pick(js);
        if js != rust {
            disagreements.push(format!("{name}\n  JavaScript: {js}\n  Rust:       {rust}"));
        }
        let expected = &vector["expected"];
        for key in ["outcome", "undecided", "pivotal", "to_adopt", "to_block"] {
            if js[key] != expected[key] {
                disagreements.push(format!(
                    "{name}: {key} is {} instead of {}",
                    js[key], expected[key]
                ));
            }
        }
    }
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert!(
        disagreements.is_empty(),
        "{} of {} vectors disagree:\n{}",
        disagreements.len(),
        vectors.len(),
        disagreements.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_overview_is_readable_and_the_form_hidden() {
    let Some(browser) = Browser::launch("council-nojs").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
    browser.open(&serve.page("/raad/")).await;
    let client = browser.client();
    let visible = |id: &'static str| async move {
        match client.find(Locator::Id(id)).await {
            Ok(el) => el.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    };
    let form = visible("council-whatif").await;
    let note = visible("council-whatif-nojs").await;
    let text = client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text of main");
    browser.close().await;
    assert!(
        !form,
        "the what-if form is useless without JavaScript and must be hidden"
    );
    assert!(note, "a sentence says the calculator needs JavaScript");
    for expected in [
        "Uitkomst als er nu gestemd zou worden:",
        "telt een onthouding hetzelfde als een tegenstem",
        "Alle lidstaten",
        "Nederland",
        "Momenten in de Raad",
        "werkt alleen met JavaScript",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is not readable without JavaScript:\n{text}"
        );
    }
}

/// The layout check must catch what it is for: a copy of the site whose
/// chart box lost its `tabindex` and whose map cannot shrink below 30rem
/// gets both reported on a phone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_layout_check_catches_unreachable_scrolling_and_a_too_wide_page() {
    let Some(browser) = Browser::launch("council-layout-check").await else {
        return;
    };
    let site = common::site_copy();
    let template = site.path().join("templates/council/overview.html");
    let html = std::fs::read_to_string(&template).unwrap();
    assert!(html.contains(r#"class="chart-scroll" tabindex="0""#));
    std::fs::write(
        &template,
        html.replace(
            r#"class="chart-scroll" tabindex="0""#,
            r#"class="chart-scroll""#,
        ),
    )
    .unwrap();
    let css = site.path().join("static/css/council.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str("\n.council-map { min-width: 30rem; }\n");
    std::fs::write(&css, text).unwrap();

    let serve = ServeProcess::start(site.path());
    browser.set_viewport(360, 740).await;
    browser.open(&serve.page("/raad/")).await;
    let problems = layout_problems(&browser).await.join("\n");
    browser.close().await;
    for expected in [
        "div.chart-scroll scrolls sideways but cannot take keyboard focus",
        "the page is ",
    ] {
        assert!(
            problems.contains(expected),
            "the layout check missed {expected:?}; it found:\n{problems}"
        );
    }
}
