//! The three levels in a real browser: `/niveaus/` and its filter pages pass
//! every page check (axe light and dark, keyboard, 360 px, no request to
//! another host), the table is readable with JavaScript off and becomes
//! cards on a phone, and one party's page shows, level by level, exactly
//! the events that `/niveaus/data.json` has for it.

use crate::browser;
use crate::common;

use browser::checks::{assert_clean, note_problems, page_problems};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::{Value as Json, json};

const PAGES: [&str; 4] = [
    "/niveaus/",
    "/niveaus/tweede-kamer/",
    "/niveaus/raad/",
    "/niveaus/europees-parlement/",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn levels_pages_pass_every_check_on_desktop_and_phone_and_without_javascript() {
    let Some(browser) = Browser::launch("levels-pages").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();
    for path in PAGES {
        let problems = page_problems(&browser, &origin, path, 200).await;
        note_problems(&browser, &mut report, path, path, &problems).await;
    }

    // Without JavaScript the table and the filter links are all there is, and
    // they are enough: every row of the overview is visible and the filter
    // links lead to a page with one level.
    browser.set_scripts(false).await;
    browser.set_viewport(360, 800).await;
    browser.open(&serve.page("/niveaus/")).await;
    let seen = browser
        .eval(
            r#"var rows = document.querySelectorAll("table.levels-table tbody tr");
               var hidden = Array.prototype.filter.call(rows, function (r) {
                 var b = r.getBoundingClientRect(); return b.width === 0 || b.height === 0;
               }).length;
               var filters = Array.prototype.map.call(
                 document.querySelectorAll(".levels-filter a"), function (a) { return a.getAttribute("href"); });
               var cell = document.querySelector("table.levels-table tbody td");
               var label = cell && cell.querySelector(".levels-cell-label");
               return { rows: rows.length, hidden: hidden, filters: filters,
                        cellWidth: cell ? cell.getBoundingClientRect().width : 0,
                        labelShown: !!label && getComputedStyle(label).display !== "none",
                        pageWidth: document.documentElement.scrollWidth };"#,
            vec![],
        )
        .await;
    let mut problems = Vec::new();
    if seen["rows"].as_u64().unwrap_or(0) < 10 || seen["hidden"] != json!(0) {
        problems.push(format!("rows without JavaScript at 360 px: {seen}"));
    }
    if seen["filters"].as_array().map(Vec::len) != Some(4) {
        problems.push(format!("filter links: {}", seen["filters"]));
    }
    // On a phone each row is a card: a cell takes the whole width and says
    // which level it is.
    if seen["cellWidth"].as_f64().unwrap_or(0.0) < 250.0 || seen["labelShown"] != json!(true) {
        problems.push(format!("rows are not cards at 360 px: {seen}"));
    }
    if seen["pageWidth"].as_f64().unwrap_or(999.0) > 360.0 {
        problems.push(format!("the page is wider than the phone: {seen}"));
    }
    browser
        .open(&serve.page("/niveaus/europees-parlement/"))
        .await;
    let heads = browser
        .eval(
            r#"return Array.prototype.map.call(document.querySelectorAll("table.levels-table thead th"),
                 function (th) { return th.textContent.trim(); });"#,
            vec![],
        )
        .await;
    if heads != json!(["Partij", "Europees Parlement"]) {
        problems.push(format!(
            "the EP filter page without JavaScript shows {heads}"
        ));
    }
    note_problems(
        &browser,
        &mut report,
        "levels-no-js",
        "/niveaus/ without JavaScript at 360 px",
        &problems,
    )
    .await;
    browser.set_scripts(true).await;
    browser.reset_viewport().await;
    browser.close().await;
    assert_clean(report);
}

/// One party with MEPs: what its page shows at each level (day and the
/// sentence of each event, and the link to the whole EP vote) is what
/// `/niveaus/data.json` says, in the same order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partys_three_levels_on_its_page_are_the_open_data() {
    let Some(browser) = Browser::launch("levels-party").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let party = "vvd";
    browser.open(&serve.page("/niveaus/data.json")).await;
    let data: Json = browser
        .eval(
            r#"return fetch("/niveaus/data.json").then(function (r) { return r.json(); });"#,
            vec![],
        )
        .await;
    let record = data["parties"]
        .as_array()
        .expect("parties")
        .iter()
        .find(|p| p["id"] == party)
        .expect("the party is in data.json")
        .clone();
    browser
        .open(&serve.page(&format!("/stemwijzer2023/{party}/")))
        .await;
    let shown = browser
        .eval(
            r#"return ["kamer", "council", "ep"].map(function (kind) {
                 var h = document.getElementById("niveau-" + kind);
                 var section = h && h.closest("section.party-level");
                 if (!section) return { level: kind, missing: true };
                 var items = section.querySelectorAll(".levels-events > li");
                 return { level: kind, events: Array.prototype.map.call(items, function (li) {
                   var t = li.querySelector("time");
                   var more = Array.prototype.filter.call(li.querySelectorAll("a"), function (a) {
                     return a.href.indexOf("https://howtheyvote.eu/votes/") === 0; })[0];
                   return { date: t ? t.getAttribute("datetime") : null,
                            what: li.querySelector("p").textContent.replace(/\s+/g, " ").trim(),
                            more_url: more ? more.href : null,
                            visible: li.getBoundingClientRect().height > 0 };
                 }) };
               });"#,
            vec![],
        )
        .await;
    let expected: Vec<Json> = record["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            json!({
                "level": l["level"],
                "events": l["events"].as_array().unwrap().iter().map(|e| json!({
                    "date": e["date"],
                    "what": e["what"],
                    "more_url": e["more_url"],
                    "visible": true,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut shown_normalised = shown.clone();
    // The page writes "<day>: <what>"; compare the sentence after the day.
    for level in shown_normalised.as_array_mut().unwrap() {
        for e in level["events"].as_array_mut().into_iter().flatten() {
            if let Some(text) = e["what"].as_str()
                && let Some((_, what)) = text.split_once(": ")
            {
                e["what"] = json!(what);
            }
        }
    }
    browser.close().await;
    assert!(
        expected
            .iter()
            .all(|l| !l["events"].as_array().unwrap().is_empty()),
        "the example's {party} has events at all three levels: {expected:#?}"
    );
    assert_eq!(json!(expected), shown_normalised);
}
