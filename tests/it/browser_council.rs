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

use crate::browser;
use crate::common;

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
        || !text.contains("Duitsland kan de uitkomst alleen bepalen")
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
        "decisive": e["decisive"],
        "to_adopt_undecided": e["to_adopt_undecided"],
        "to_block_undecided": e["to_block_undecided"],
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
        "Laatste besluit: 26 november 2025",
        "De Raad heeft zijn standpunt vastgesteld: aangenomen.",
        "Volgende stap:",
        "Uitkomst bij een nieuwe stemming met deze standpunten:",
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
/// chart sits in a sideways scroller without `tabindex` and whose map cannot
/// shrink below 30rem gets both reported on a phone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_layout_check_catches_unreachable_scrolling_and_a_too_wide_page() {
    let Some(browser) = Browser::launch("council-layout-check").await else {
        return;
    };
    let site = common::site_copy();
    let template = site.path().join("templates/council/overview.html");
    let html = std::fs::read_to_string(&template).unwrap();
    assert!(html.contains("{{ chart_svg }}"));
    std::fs::write(
        &template,
        html.replace(
            "{{ chart_svg }}",
            r#"<div class="chart-scroll">{{ chart_svg }}</div>"#,
        ),
    )
    .unwrap();
    let css = site.path().join("static/css/council.css");
    let mut text = std::fs::read_to_string(&css).unwrap();
    text.push_str("\n.council-map { min-width: 30rem; }\n.chart-scroll { overflow-x: auto; }\n.council-chart { min-width: 38rem; }\n");
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

/// Where an element is in the window: [left, top, right, bottom] in CSS px.
async fn rect_of(browser: &Browser, selector: &str) -> Vec<f64> {
    let found = browser
        .eval(
            r#"var el = document.querySelector(arguments[0]);
               if (!el) { return []; }
               var r = el.getBoundingClientRect();
               return [r.left, r.top, r.right, r.bottom];"#,
            vec![json!(selector)],
        )
        .await;
    found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Json::as_f64)
        .collect()
}

/// True when `rect` (from [`rect_of`]) lies inside a `width` × `height` window.
fn in_view(rect: &[f64], width: f64, height: f64) -> bool {
    matches!(rect, [l, t, r, b] if *l >= 0.0 && *t >= 0.0 && *r <= width + 0.5 && *b <= height + 0.5 && r > l)
}

/// Takes screenshots of /raad/ at `width` in light and dark mode at a few
/// places, when CHATCONTROLE_SCREENSHOTS is set (for a person to look at).
async fn look_at(browser: &Browser, url: &str, width: u32) {
    if std::env::var_os("CHATCONTROLE_SCREENSHOTS").is_none() {
        return;
    }
    for dark in [false, true] {
        browser.emulate_dark_mode(dark).await;
        browser.set_viewport(width, 900).await;
        browser.open(url).await;
        for anchor in ["titel", "stand", "grafiek", "wat-als", "procedure"] {
            browser
                .eval(
                    r#"var el = document.getElementById(arguments[0]); if (el) { el.scrollIntoView(); } return true;"#,
                    vec![json!(anchor)],
                )
                .await;
            let mode = if dark { "dark" } else { "light" };
            let shot = browser
                .screenshot(&format!("{width}-{mode}-{anchor}"))
                .await;
            browser::driver::say(&format!("screenshot: {shot:?}"));
        }
    }
    browser.emulate_dark_mode(false).await;
}

/// On a 360 px phone the chart fits without sideways scrolling, both
/// threshold lines and their labels are inside the window and every chart
/// label is at least 14 px; after changing a state the what-if outcome is in
/// view (a sticky summary); on a wide screen the full result stays beside
/// the controls; and the address of a scenario restores it on a fresh load.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phone_chart_fits_and_whatif_stays_in_view_and_can_be_shared() {
    let Some(browser) = Browser::launch("council-phone").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let url = serve.page("/raad/");
    let mut problems = Vec::new();

    browser.set_viewport(360, 740).await;
    browser.open(&url).await;
    let chart = browser
        .eval(
            r#"var svg = document.querySelector("svg.council-chart");
               svg.scrollIntoView({ block: "center" });
               var box = svg.getBoundingClientRect();
               var scale = box.width / svg.viewBox.baseVal.width;
               var doc = document.documentElement;
               var out = { page: doc.scrollWidth, client: doc.clientWidth, height: window.innerHeight, lines: [], labels: [] };
               svg.querySelectorAll(".chart-line").forEach(function (l) {
                 var r = l.getBoundingClientRect(); out.lines.push([r.left, r.top, r.right + 0.01, r.bottom]);
               });
               svg.querySelectorAll("text").forEach(function (t) {
                 var r = t.getBoundingClientRect();
                 out.labels.push({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale,
                                   rect: [r.left, r.top, r.right, r.bottom],
                                   inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 });
               });
               return out;"#,
            vec![],
        )
        .await;
    let (client, height) = (
        chart["client"].as_f64().unwrap_or(0.0),
        chart["height"].as_f64().unwrap_or(0.0),
    );
    if chart["page"].as_f64() > chart["client"].as_f64() {
        problems.push(format!("the page scrolls sideways at 360 px: {chart}"));
    }
    let lines = chart["lines"].as_array().cloned().unwrap_or_default();
    if lines.len() != 2 {
        problems.push(format!("expected the 65% and 35% lines: {chart}"));
    }
    for line in &lines {
        let rect: Vec<f64> = line
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_f64)
            .collect();
        if !in_view(&rect, client, height) {
            problems.push(format!("a threshold line is outside the window: {rect:?}"));
        }
    }
    let labels = chart["labels"].as_array().cloned().unwrap_or_default();
    for needed in ["65%: nodig om aan te nemen", "35%: blokkerende minderheid"] {
        if !labels
            .iter()
            .any(|l| l["text"].as_str().is_some_and(|t| t.contains(needed)))
        {
            problems.push(format!("no chart label with {needed:?}"));
        }
    }
    for label in &labels {
        let rect: Vec<f64> = label["rect"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_f64)
            .collect();
        let px = label["px"].as_f64().unwrap_or(0.0);
        if px < 14.0 || !in_view(&rect, client, height) || label["inside"] != json!(true) {
            problems.push(format!(
                "chart label {} is {px:.1} px, or outside the window or the chart ({rect:?})",
                label["text"]
            ));
        }
    }

    // Change the first state of the form while its select is at the top of
    // the window: the outcome must be readable without scrolling.
    let (before, _) = whatif_result(&browser, "").await;
    browser
        .eval(
            r#"document.getElementById("whatif-BE").scrollIntoView({ block: "center" }); return true;"#,
            vec![],
        )
        .await;
    choose(&browser, "BE", "oppose").await;
    let (after, outcome) = whatif_result(&browser, &before).await;
    let summary = browser
        .eval(
            r#"return document.getElementById("council-whatif-summary").textContent;"#,
            vec![],
        )
        .await;
    let rect = rect_of(&browser, "#council-whatif-summary").await;
    let select = rect_of(&browser, "#whatif-BE").await;
    if !in_view(&rect, client, height) || !in_view(&select, client, height) {
        problems.push(format!(
            "at 360 px the what-if outcome {rect:?} is not in view beside the changed select {select:?}"
        ));
    }
    let word = match outcome.as_str() {
        "adopted" => "aangenomen",
        "blocked" => "geblokkeerd",
        _ => "hangt af",
    };
    if !summary.as_str().is_some_and(|s| s.contains(word)) || after.is_empty() {
        problems.push(format!(
            "the summary {summary} does not show the outcome {outcome}"
        ));
    }
    let buttons = browser
        .eval(
            r#"var b = document.querySelectorAll(".whatif-actions button");
               var r0 = b[0].getBoundingClientRect(), r1 = b[1].getBoundingClientRect();
               var apart = r1.left >= r0.right + 4 || r1.top >= r0.bottom + 4;
               var select = document.getElementById("whatif-rule");
               var rule = select.getBoundingClientRect();
               var ctx = document.createElement("canvas").getContext("2d");
               var style = getComputedStyle(select);
               ctx.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
               var widest = Math.max.apply(null, Array.prototype.map.call(select.options, function (o) { return ctx.measureText(o.text).width; }));
               var fits = rule.right <= document.documentElement.clientWidth && widest + 40 <= select.clientWidth;
               return { apart: apart, rule: fits };"#,
            vec![],
        )
        .await;
    if buttons != json!({ "apart": true, "rule": true }) {
        problems.push(format!(
            "buttons touch or the rule selector is cut off: {buttons}"
        ));
    }
    if !problems.is_empty() {
        let shot = browser.screenshot("phone").await;
        problems.push(format!("screenshot: {shot:?}"));
    }

    // Wide screen: the full result stays beside the controls.
    browser.set_viewport(1280, 800).await;
    browser.open(&url).await;
    let (before, _) = whatif_result(&browser, "").await;
    for code in ["DE", "FR", "IT", "ES"] {
        choose(&browser, code, "oppose").await;
    }
    browser
        .eval(
            r#"document.getElementById("whatif-SK").scrollIntoView({ block: "end" }); return true;"#,
            vec![],
        )
        .await;
    choose(&browser, "SK", "abstain").await;
    let (shared_text, outcome) = whatif_result(&browser, &before).await;
    let result = rect_of(&browser, "#council-whatif-result").await;
    if !in_view(&result, 1280.0, 800.0) || outcome != "blocked" {
        problems.push(format!(
            "at 1280 px the result {result:?} is not in view after a change, or not blocked ({outcome})"
        ));
    }

    // The address now holds the scenario; opening it restores the scenario.
    let shared = browser
        .eval(
            r#"return [location.href, document.getElementById("council-whatif-link").href];"#,
            vec![],
        )
        .await;
    let address = shared[0].as_str().unwrap_or_default().to_string();
    if !address.contains("DE=oppose") || !address.contains("SK=abstain") {
        problems.push(format!("the address does not hold the scenario: {shared}"));
    }
    if shared[1].as_str() != Some(format!("{address}#wat-als").as_str()) {
        problems.push(format!("the share link differs from the address: {shared}"));
    }
    browser.open(&serve.page("/")).await;
    browser.open(&address).await;
    let (restored, outcome) = whatif_result(&browser, "").await;
    let values = browser
        .eval(
            r#"return ["DE", "SK", "NL"].map(function (c) { return document.getElementById("whatif-" + c).value; });"#,
            vec![],
        )
        .await;
    if restored != shared_text
        || outcome != "blocked"
        || values[0] != "oppose"
        || values[1] != "abstain"
    {
        problems.push(format!(
            "the shared address did not restore the scenario: {values} {outcome}\n{restored}\n{shared_text}"
        ));
    }
    problems.extend(browser.console_errors().await);

    look_at(&browser, &url, 360).await;
    look_at(&browser, &url, 1280).await;
    browser.close().await;
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Issue #25: the 404 page offers a search box that works without
/// JavaScript (a plain GET form to /zoeken/ with `q`), and on a short page in
/// a tall window the footer reaches the bottom edge: no band of page colour
/// under it, on a phone or a desktop, light or dark.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_found_page_has_a_search_box_and_no_band_under_the_footer() {
    let Some(browser) = Browser::launch("council-404").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let url = serve.page("/bestaat-niet/");
    let mut problems = Vec::new();
    for (width, height) in [(360, 800), (1280, 2000)] {
        for dark in [false, true] {
            browser.emulate_dark_mode(dark).await;
            browser.set_viewport(width, height).await;
            browser.open(&url).await;
            let found = browser
                .eval(
                    r##"var form = document.querySelector("main form[role=search]");
                    var input = form && form.querySelector("input[name=q]");
                    var label = input && document.querySelector("label[for='" + input.id + "']");
                    var footer = document.querySelector(".site-footer").getBoundingClientRect();
                    return {
                      action: form ? new URL(form.action).pathname : "",
                      method: form ? form.method : "",
                      labelled: !!label && label.textContent.trim().length > 0,
                      gap: Math.round(window.innerHeight - (footer.bottom + window.scrollY)),
                    };"##,
                    vec![],
                )
                .await;
            let at = format!("{width}×{height}{}", if dark { " dark" } else { "" });
            if found["action"] != json!("/zoeken/") || found["method"] != json!("get") {
                problems.push(format!("{at}: no GET search form to /zoeken/: {found}"));
            }
            if found["labelled"] != json!(true) {
                problems.push(format!("{at}: the search box has no visible label"));
            }
            if found["gap"].as_i64().unwrap_or(i64::MAX) > 0 {
                problems.push(format!(
                    "{at}: {} px of page colour under the footer",
                    found["gap"]
                ));
            }
            match axe_violations(&browser).await {
                Ok(violations) => {
                    problems.extend(violations.into_iter().map(|v| format!("{at}: axe: {v}")))
                }
                Err(e) => problems.push(e),
            }
            browser
                .screenshot(&format!("404-{width}{}", if dark { "-dark" } else { "" }))
                .await;
        }
    }
    browser.emulate_dark_mode(false).await;
    browser.set_viewport(360, 800).await;
    browser.open(&url).await;
    browser
        .eval(
            r#"var form = document.querySelector("main form[role=search]");
               form.querySelector("input[name=q]").value = "raad";
               form.submit(); return true;"#,
            vec![],
        )
        .await;
    let landed = wait_until(
        &browser,
        r#"return location.pathname === "/zoeken/" ? location.search : null;"#,
        Duration::from_secs(5),
    )
    .await;
    if landed != json!("?q=raad") {
        problems.push(format!(
            "submitting the form did not open /zoeken/?q=raad: {landed}"
        ));
    }
    browser.reset_viewport().await;
    browser.close().await;
    assert!(problems.is_empty(), "404 page:\n{}", problems.join("\n"));
}

/// Issue #25, on a 360 × 800 phone: a shared scenario link does not read as
/// fact. The sticky bar says "Jouw scenario: …", the page says that someone
/// made this scenario and links to the real standing, the states changed
/// are marked with a class and the words "(aangepast)", and the parts of
/// the link that the page cannot use are named, not dropped silently.
/// Without a scenario in the address none of these notes shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_scenario_says_it_is_a_scenario_and_names_what_it_changed() {
    let Some(browser) = Browser::launch("council-scenario").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let mut problems = Vec::new();
    let state = r##"var shared = document.getElementById("council-whatif-shared");
        var invalid = document.getElementById("council-whatif-invalid");
        var visible = function (el) { return !!el && !el.hidden && el.getClientRects().length > 0; };
        var row = function (code) {
          var sel = document.getElementById("whatif-" + code);
          var p = sel.parentNode;
          return { changed: p.classList.contains("whatif-changed"), label: p.querySelector("label").innerText.trim() };
        };
        var link = shared && shared.querySelector("a");
        return {
          summary: document.getElementById("council-whatif-summary").textContent,
          shared: visible(shared),
          real: link ? new URL(link.href).pathname + new URL(link.href).search : "",
          invalid: visible(invalid) ? invalid.textContent : "",
          NL: row("NL"), DE: row("DE"), BE: row("BE"),
        };"##;

    browser.set_viewport(360, 800).await;
    browser
        .open(&serve.page("/raad/?NL=support&XX=oppose&DE=misschien#wat-als"))
        .await;
    wait_until(
        &browser,
        r#"return document.getElementById("council-whatif-summary").textContent;"#,
        Duration::from_secs(5),
    )
    .await;
    let seen = browser.eval(state, vec![]).await;
    // "(aangepast)" in a label must not push the row wider than the phone.
    problems.extend(
        layout_problems(&browser)
            .await
            .into_iter()
            .map(|p| format!("shared scenario at 360 px: {p}")),
    );
    let summary = seen["summary"].as_str().unwrap_or_default();
    if !summary.starts_with("Jouw scenario: ")
        || !["aangenomen", "geblokkeerd", "hangt af"]
            .iter()
            .any(|w| summary.contains(w))
    {
        problems.push(format!(
            "the sticky bar does not say it is the visitor's scenario: {summary:?}"
        ));
    }
    if seen["shared"] != json!(true) || seen["real"] != json!("/raad/") {
        problems.push(format!(
            "no visible note that this is someone's scenario, with a link to /raad/: {seen}"
        ));
    }
    let invalid = seen["invalid"].as_str().unwrap_or_default();
    if !invalid.contains("XX=oppose")
        || !invalid.contains("DE=misschien")
        || invalid.contains("NL=")
    {
        problems.push(format!(
            "the note on unusable link parts does not name XX=oppose and DE=misschien (and only those): {invalid:?}"
        ));
    }
    if seen["NL"]["changed"] != json!(true) || seen["NL"]["label"] != json!("Nederland (aangepast)")
    {
        problems.push(format!(
            "the Netherlands, changed by the link, is not marked: {seen}"
        ));
    }
    for code in ["DE", "BE"] {
        if seen[code]["changed"] != json!(false)
            || seen[code]["label"]
                .as_str()
                .is_some_and(|l| l.contains("aangepast"))
        {
            problems.push(format!("{code} is marked as changed but is not: {seen}"));
        }
    }
    for dark in [false, true] {
        browser.emulate_dark_mode(dark).await;
        match axe_violations(&browser).await {
            Ok(violations) => problems.extend(
                violations
                    .into_iter()
                    .map(|v| format!("shared scenario, dark {dark}: axe: {v}")),
            ),
            Err(e) => problems.push(e),
        }
        browser
            .eval(
                r#"document.getElementById("council-whatif-shared").scrollIntoView(); return true;"#,
                vec![],
            )
            .await;
        browser
            .screenshot(&format!(
                "scenario-note-360{}",
                if dark { "-dark" } else { "" }
            ))
            .await;
        browser
            .eval(
                r#"document.getElementById("whatif-NL").scrollIntoView({ block: "center" }); return true;"#,
                vec![],
            )
            .await;
        browser
            .screenshot(&format!("scenario-360{}", if dark { "-dark" } else { "" }))
            .await;
    }
    browser.emulate_dark_mode(false).await;

    choose(&browser, "BE", "oppose").await;
    let seen = wait_until(
        &browser,
        &format!("var s = (function () {{ {state} }})(); return s.BE.changed ? s : null;"),
        Duration::from_secs(5),
    )
    .await;
    if seen["BE"]["label"] != json!("België (aangepast)") {
        problems.push(format!("a state changed by hand is not marked: {seen}"));
    }

    browser.open(&serve.page("/raad/")).await;
    wait_until(
        &browser,
        r#"return document.getElementById("council-whatif-summary").textContent;"#,
        Duration::from_secs(5),
    )
    .await;
    let seen = browser.eval(state, vec![]).await;
    if seen["shared"] != json!(false) || seen["invalid"] != json!("") {
        problems.push(format!(
            "without a scenario in the address a scenario note shows: {seen}"
        ));
    }
    if seen["NL"]["changed"] != json!(false) {
        problems.push(format!(
            "without a scenario a state is marked as changed: {seen}"
        ));
    }
    browser.reset_viewport().await;
    browser.close().await;
    assert!(
        problems.is_empty(),
        "shared scenario:\n{}",
        problems.join("\n")
    );
}
