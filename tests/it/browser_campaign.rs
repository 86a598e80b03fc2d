//! The campaign pages as a visitor uses them, in a real browser (headless
//! Chromium; see `tests/browser/`): the home page answers with links to the
//! guide, the Council and the contact tool, and on a 360×800 phone shows the
//! state of play, the call to write and the party picker on its first screen; the guide overview is grouped by
//! verdict and a shared filtered address opens filtered; the contact tool
//! gives `mailto:` links with subject and body, without JavaScript as a list
//! and with JavaScript as an editor whose edits change the link; the phone
//! menu folds open without JavaScript; and the preview's error panel shows on
//! every page, also after a reload. Each page also passes the shared checks
//! (axe in light and dark mode, 360 px, keyboard, no foreign requests).

use crate::browser;
use crate::common;

use std::time::Duration;

use browser::checks::{note_problems, page_problems, wait_until};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::Value as Json;

const PAGES: &[(&str, &str)] = &[
    ("home", "/"),
    ("stemwijzer", "/stemwijzer2023/"),
    ("stemwijzer-gefilterd", "/stemwijzer2023/oordeel/beschermt/"),
    ("schrijf", "/schrijf/"),
    ("partij", "/stemwijzer2023/volt/"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn campaign_pages_answer_and_let_visitors_act() {
    let Some(browser) = Browser::launch("campaign").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();
    for (name, path) in PAGES {
        let problems = page_problems(&browser, &origin, path, 200).await;
        note_problems(&browser, &mut report, name, path, &problems).await;
    }

    // Home: the answers and the call to action link from the main content.
    browser.open(&format!("{origin}/")).await;
    let mut problems = Vec::new();
    for href in ["/stemwijzer2023/", "/raad/", "/schrijf/"] {
        problems.extend(
            browser
                .expect(
                    &format!("a link to {href} in <main>"),
                    &format!("return !!document.querySelector('main a[href=\"{href}\"]');"),
                )
                .await,
        );
    }
    problems.extend(
        browser.expect(
            "the verdict counts in the scale's order, adding up to the 26 parties",
            r#"var heads = Array.prototype.map.call(document.querySelectorAll(".verdict-count-head"), function (p) { return p.textContent.trim(); });
               var total = heads.reduce(function (n, t) { return n + parseInt(t.replace(/^\D*/, ""), 10); }, 0);
               return heads.length === 4 && /beschermt$/.test(heads[0]) && /onduidelijk$/.test(heads[3]) && total === 26;"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "the Council block with the latest decision and the next step",
            r#"var s = document.querySelector("[aria-labelledby=antwoord-raad]"); return !!s && /Laatste besluit/.test(s.textContent) && /26 november 2025/.test(s.textContent) && /Volgende stap/.test(s.textContent);"#,
        )
        .await,
    );
    note_problems(&browser, &mut report, "home-answers", "/", &problems).await;

    // Home on a phone, 360×800: the state of play and the call to write are
    // on the first screen; the party picker folds open without JavaScript.
    let mut problems = Vec::new();
    browser.set_scripts(false).await;
    browser.set_viewport(360, 800).await;
    for dark in [false, true] {
        browser.emulate_dark_mode(dark).await;
        browser.open(&format!("{origin}/")).await;
        problems.extend(
            browser.expect(
                &format!("the state of play and the link to /schrijf/ inside the first 800 px (dark {dark})"),
                r#"var now = document.querySelector(".hero .now");
                   var write = document.querySelector('.hero a[href="/schrijf/"]');
                   return !!now && !!write && /Nu:/.test(now.textContent) && /Volgende stap:/.test(now.textContent)
                     && now.getBoundingClientRect().top >= 0 && now.getBoundingClientRect().bottom <= 800
                     && write.getBoundingClientRect().bottom <= 800 && write.offsetHeight >= 44
                     && document.documentElement.scrollWidth <= 360;"#,
            )
            .await,
        );
    }
    browser.emulate_dark_mode(false).await;
    problems.extend(
        browser.expect(
            "the party picker on the first screen, opening to links to party pages and to /niveaus/",
            r#"var picker = document.querySelector(".party-picker");
               var summary = picker.querySelector("summary");
               if (picker.open || summary.getBoundingClientRect().bottom > 800) return false;
               summary.click();
               var links = picker.querySelectorAll(".party-links a");
               var all = picker.querySelector(".party-picker-all a");
               return picker.open && links.length === 26 && Array.prototype.every.call(links, function (a) {
                 return /^\/stemwijzer2023\/[a-z0-9-]+\/$/.test(a.getAttribute("href")) && a.offsetHeight >= 44; })
                 && !!all && all.getAttribute("href") === "/niveaus/" && all.offsetHeight >= 44;"#,
        )
        .await,
    );
    browser.reset_viewport().await;
    browser.set_scripts(true).await;
    note_problems(&browser, &mut report, "home-first-screen", "/", &problems).await;

    // Guide: grouped in the scale's order; a shared filtered address opens
    // filtered, with and without JavaScript, and shows the filter.
    let mut problems = Vec::new();
    browser.open(&format!("{origin}/stemwijzer2023/")).await;
    problems.extend(
        browser.expect(
            "groups in the scale's order",
            r#"var ids = Array.prototype.map.call(document.querySelectorAll(".guide-group h2"), function (h) { return h.id; });
               return ids.join(",") === "groep-beschermt,groep-mogelijk-niet,groep-beschermt-niet,groep-onduidelijk";"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "every party with its verdict and a reason",
            r#"var items = document.querySelectorAll(".guide-parties > li");
               return items.length === 26 && Array.prototype.every.call(items, function (li) {
                 return li.querySelector(".verdict") && li.querySelector(".guide-reason").textContent.trim().length > 10; });"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "the archive note with the election date",
            r#"var a = document.querySelector(".guide-archive"); return !!a && /22 november 2023/.test(a.textContent) && /waren/.test(a.textContent);"#,
        )
        .await,
    );
    for enabled in [true, false] {
        browser.set_scripts(enabled).await;
        browser
            .open(&format!("{origin}/stemwijzer2023/oordeel/beschermt/"))
            .await;
        problems.extend(
            browser.expect(
                &format!("the shared filtered view (JavaScript {enabled})"),
                r#"var groups = document.querySelectorAll(".guide-group");
                   var current = document.querySelector(".guide-chips a[aria-current=page]");
                   var status = document.querySelector(".guide-filter-active");
                   return groups.length === 1 && groups[0].querySelector("h2").id === "groep-beschermt"
                     && !!current && /Beschermt/.test(current.textContent)
                     && !!status && /Beschermt/.test(status.textContent) && status.offsetHeight > 0;"#,
            )
            .await,
        );
    }
    browser.set_scripts(true).await;
    note_problems(
        &browser,
        &mut report,
        "guide-groups",
        "/stemwijzer2023/",
        &problems,
    )
    .await;

    // Contact tool without JavaScript: a list of mailto: links.
    let mut problems = Vec::new();
    browser.set_scripts(false).await;
    browser.open(&format!("{origin}/schrijf/")).await;
    problems.extend(
        browser.expect(
            "without JavaScript: mailto links with subject and body, the editor hidden",
            r#"var links = document.querySelectorAll("a[data-recipient]");
               var editor = document.querySelector("[data-contact-editor]");
               return links.length > 0 && editor.offsetHeight === 0 && Array.prototype.every.call(links, function (a) {
                 var h = a.getAttribute("href"); return h.indexOf("mailto:") === 0 && h.indexOf("?subject=") > 0 && h.indexOf("&body=") > 0; });"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "Kamerleden per faction, the MEPs, how each list is known and how complete it is",
            r#"var t = document.querySelector("main").textContent;
               return document.querySelectorAll(".faction").length > 0 && /vastgesteld door de redactie/.test(t) && /gecontroleerd op/.test(t)
                 && !/opgehaald/.test(t) && /\d+ van de 150 Kamerleden/.test(t)
                 && document.querySelectorAll("[aria-labelledby=europarlement] a[data-recipient]").length > 0;"#,
        )
        .await,
    );
    // With JavaScript: a form with nobody chosen, whose edits change the link.
    browser.set_scripts(true).await;
    browser.set_viewport(360, 800).await;
    browser.open(&format!("{origin}/schrijf/")).await;
    let ready = wait_until(
        &browser,
        r#"var e = document.querySelector("[data-contact-editor]"); return !!e && !e.hidden && document.getElementById("contact-to").value === "";"#,
        Duration::from_secs(5),
    )
    .await;
    if ready != Json::Bool(true) {
        problems.push("with JavaScript the form did not appear, or someone was chosen".into());
    }
    problems.extend(
        browser.expect(
            "choosing an MEP fills in the MEP's message and, as no address was checked, says so next to the choice",
            r#"var to = document.getElementById("contact-to");
               var mep = Array.prototype.find.call(to.options, function (o) { return o.parentNode.label === "Europees Parlement" && !/^Alle/.test(o.textContent); });
               to.value = mep.value; to.dispatchEvent(new Event("change"));
               var href = document.getElementById("contact-send").getAttribute("href");
               return /^mailto:\?subject=/.test(href) && document.getElementById("contact-address").value === ""
                 && /Parlement/.test(document.getElementById("contact-body").value)
                 && /geen nagekeken e-mailadres/.test(document.getElementById("contact-note").textContent);"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "at 360×800 a Kamerlid without an address: the note and the send button fit on the first screen",
            r#"var to = document.getElementById("contact-to");
               var o = Array.prototype.find.call(to.options, function (o) { return /^Pepijn van Houwelingen/.test(o.textContent); });
               to.value = o.value; to.dispatchEvent(new Event("change"));
               var note = document.getElementById("contact-note");
               var send = document.getElementById("contact-send").getBoundingClientRect().bottom;
               return note.offsetHeight > 0 && send <= 800 || [note.offsetHeight, send];"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "editing the text changes the link",
            r#"var body = document.getElementById("contact-body");
               body.value = "Mijn eigen woorden & meer"; body.dispatchEvent(new Event("input"));
               var href = document.getElementById("contact-send").getAttribute("href");
               return href.indexOf("&body=Mijn%20eigen%20woorden%20%26%20meer") > 0 && href.indexOf("subject=Chatcontrole") > 0;"#,
        )
        .await,
    );
    browser.reset_viewport().await;
    note_problems(
        &browser,
        &mut report,
        "contact-tool",
        "/schrijf/",
        &problems,
    )
    .await;

    // The phone menu folds open without JavaScript.
    let mut problems = Vec::new();
    browser.set_scripts(false).await;
    browser.set_viewport(360, 740).await;
    browser.open(&format!("{origin}/")).await;
    problems.extend(
        browser.expect(
            "a closed menu button, no row of links, header under 80 px",
            r#"var fold = document.querySelector(".menu-fold");
               return !fold.open && fold.offsetHeight > 0 && document.querySelector(".menu-row").offsetHeight === 0
                 && document.querySelector(".site-header").offsetHeight < 80;"#,
        )
        .await,
    );
    problems.extend(
        browser.expect(
            "opening the menu shows every link",
            r#"document.querySelector(".menu-fold summary").click();
               var links = document.querySelectorAll(".menu-fold .main-nav a");
               return links.length >= 8 && Array.prototype.every.call(links, function (a) { return a.offsetHeight >= 44; });"#,
        )
        .await,
    );
    browser.reset_viewport().await;
    browser.set_scripts(true).await;
    note_problems(&browser, &mut report, "phone-menu", "/", &problems).await;

    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_error_panel_shows_on_every_page_after_a_reload() {
    let Some(browser) = Browser::launch("error-everywhere").await else {
        return;
    };
    let site = common::site_copy();
    let serve = ServeProcess::start(site.path());
    let post = site.path().join("content/nieuws/kapot.md");
    std::fs::write(&post, "---\ntitle: \"Kapot\ndate: 2025-01-01\n---\nTekst\n").unwrap();
    assert!(
        serve.wait_for_output("build failed", 1, Duration::from_secs(30)),
        "the build did not fail:\n{}",
        serve.output()
    );
    let mut report = Vec::new();
    for path in ["/", "/raad/", "/", "/schrijf/"] {
        browser.open(&serve.page(path)).await;
        let panel = wait_until(
            &browser,
            r#"var p = document.getElementById("chatcontrole-build-errors");
               return p && { text: p.textContent, code: p.querySelectorAll("code").length };"#,
            Duration::from_secs(10),
        )
        .await;
        let text = panel["text"].as_str().unwrap_or_default();
        let site_dir = site.path().display().to_string();
        let mut problems = Vec::new();
        if !text.contains("content/nieuws/kapot.md") {
            problems.push(format!("no panel naming the file: {panel}"));
        }
        if text.contains(&site_dir) {
            problems.push(format!("the panel shows the absolute path: {text}"));
        }
        if panel["code"].as_u64().unwrap_or(0) == 0 || text.contains('`') {
            problems.push(format!(
                "code in the message is not formatted as code: {text}"
            ));
        }
        note_problems(&browser, &mut report, "error-panel", path, &problems).await;
    }
    browser.close().await;
    assert!(report.is_empty(), "{}", report.join("\n"));
}
