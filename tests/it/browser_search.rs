//! The search page in a real browser (headless Chromium), served by
//! `chatcontrole serve` with its Content-Security-Policy: each query finds
//! the page it should, with no console error or CSP violation, and one query
//! transfers at most 300 KB. Without JavaScript the page lists the sections.
//!
//! `CHATCONTROLE_SEARCH_PAGES=N` adds N generated news posts to the example
//! site first, to measure what a query transfers on a large site
//! (`scripts/bench-search N` does that and prints the number).

use crate::browser;
use crate::common;

use std::time::Duration;

use browser::checks::{note_problems, wait_until};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use fantoccini::Locator;

/// A query and a part of the address of a page that must be among the results.
const QUERIES: &[(&str, &str)] = &[
    ("encryptie", "/stemwijzer2023/"),
    ("VVD", "/stemwijzer2023/vvd/"),
    ("e2ee", "/docs/uitleg/versleuteling/"),
    (
        "onthouding",
        "/nieuws/nederland-onthoudt-zich-actief-oktober-2024/",
    ),
    ("onthouding", "/raad/"),
    (
        "Coreper",
        "/nieuws/nederland-stemt-tegen-chatcontrole-in-coreper/",
    ),
    // The start of a word finds the words that begin with it.
    ("versleutel", "/docs/uitleg/versleuteling/"),
    // A form the site never uses is tried again without its last letters.
    ("onthoudingen", "/raad/"),
];

/// The most one query may transfer, in bytes.
const BUDGET: u64 = 300 * 1024;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_news_documents_guide_and_council() {
    let Some(browser) = Browser::launch("search").await else {
        return;
    };
    let site = common::site_copy();
    let extra: usize = std::env::var("CHATCONTROLE_SEARCH_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    add_generated_posts(site.path(), extra);
    let serve = ServeProcess::start(site.path());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();

    for (query, expected) in QUERIES {
        let problems = query_problems(&browser, &origin, query, expected).await;
        note_problems(&browser, &mut report, "zoeken", query, &problems).await;
    }

    // A word the site does not have, nor anything like it, finds nothing.
    browser.open(&format!("{origin}/zoeken/?q=qwzxvbnmk")).await;
    let status = wait_until(
        &browser,
        r#"var s = document.getElementById("search-status").textContent;
           return s.indexOf("resulta") !== -1 ? s : false;"#,
        Duration::from_secs(30),
    )
    .await;
    if !status
        .as_str()
        .is_some_and(|s| s.starts_with("Geen resultaten"))
    {
        report.push(format!("a word the site does not have: {status}"));
    }

    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}

/// Opens `/zoeken/?q=QUERY` in a fresh page load (so nothing is cached in
/// the page) and checks the results, console and bytes transferred.
async fn query_problems(
    browser: &Browser,
    origin: &str,
    query: &str,
    expected: &str,
) -> Vec<String> {
    browser.clear_logs().await;
    browser.open(&format!("{origin}/zoeken/?q={query}")).await;
    let mut problems = Vec::new();
    let found = wait_until(
        browser,
        &format!(
            r##"var status = document.getElementById("search-status").textContent;
               if (status.indexOf("resulta") === -1) return false;
               var links = document.querySelectorAll("#search-results a");
               return Array.prototype.some.call(links, function (a) {{ return a.getAttribute("href").indexOf({expected:?}) !== -1; }}) || status;"##
        ),
        Duration::from_secs(30),
    )
    .await;
    if found != true {
        problems.push(format!(
            "searching for {query} does not list {expected} (status: {found})"
        ));
    }
    let bytes = browser
        .eval(
            r#"return performance.getEntriesByType("resource")
                 .filter(function (e) { return e.name.indexOf("/zoekindex/") !== -1 || e.name.indexOf("/js/search.js") !== -1; })
                 .reduce(function (sum, e) { return sum + (e.transferSize || e.encodedBodySize); }, 0);"#,
            vec![],
        )
        .await
        .as_u64()
        .unwrap_or(0);
    println!("search {query:?}: {bytes} bytes transferred for the search");
    if bytes == 0 || bytes > BUDGET {
        problems.push(format!(
            "searching for {query} transferred {bytes} bytes (budget {BUDGET})"
        ));
    }
    problems.extend(browser.console_errors().await);
    problems
}

/// Writes `count` news posts about made-up subjects into `site`, so the
/// index has that many more pages (and words) to split into chunks.
fn add_generated_posts(site: &std::path::Path, count: usize) {
    let words = [
        "privacy",
        "versleuteling",
        "lidstaat",
        "stemming",
        "rechter",
        "toezicht",
        "berichtendienst",
        "telefoon",
        "onderzoek",
        "kinderbescherming",
    ];
    for i in 0..count {
        let a = words[i % words.len()];
        let b = words[(i / words.len()) % words.len()];
        common::write(
            site,
            &format!("content/nieuws/gegenereerd-{i}.md"),
            &format!(
                "---\ntitle: \"Bericht {i} over {a}\"\ndate: 2025-01-{day:02}\n---\n\nBericht {i} gaat over {a} en {b}, met het kenmerk woord{i} en code{c}.\n\n## Achtergrond\n\nMeer over {b} in bericht {i}.\n",
                day = i % 28 + 1,
                c = i % 997,
            ),
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_javascript_the_page_lists_the_sections_and_hides_the_form() {
    let Some(browser) = Browser::launch("search-nojs").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            serde_json::json!({ "value": true }),
        )
        .await;
    browser.open(&serve.page("/zoeken/")).await;
    let client = browser.client();
    let form = match client.find(Locator::Id("search-form")).await {
        Ok(el) => el.is_displayed().await.unwrap_or(true),
        Err(_) => true,
    };
    let mut sections = Vec::new();
    for link in client
        .find_all(Locator::Css("main li a"))
        .await
        .expect("links in main")
    {
        sections.push(link.attr("href").await.ok().flatten().unwrap_or_default());
    }
    browser.close().await;
    assert!(
        !form,
        "the search form does nothing without JavaScript and must be hidden"
    );
    for expected in ["/nieuws/", "/stemwijzer2023/", "/raad/", "/docs/"] {
        assert!(
            sections.iter().any(|s| s == expected),
            "without JavaScript {expected} is not listed: {sections:?}"
        );
    }
}

/// What a visitor trips over in the results (issue #25): the first ten
/// results for "encryptie" are ten different pages (the guide's filtered
/// views stay out of the index), and every excerpt quotes text the visitor
/// can see on the page it links to — no screen-reader-only words run into
/// the visible ones ("Beschermtbeschermt"). The home page is in the index.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_are_distinct_pages_quoting_visible_text() {
    let Some(browser) = Browser::launch("search-excerpts").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let mut report = Vec::new();
    let results = |query: &str| {
        let query = query.to_string();
        let browser = &browser;
        let origin = origin.clone();
        async move {
            browser.open(&format!("{origin}/zoeken/?q={query}")).await;
            wait_until(
                browser,
                r##"var status = document.getElementById("search-status").textContent;
                   if (status.indexOf("resulta") === -1) return false;
                   return Array.prototype.map.call(document.querySelectorAll("#search-results li"), function (li) {
                     var a = li.querySelector("a"), p = li.querySelector("p");
                     return { href: a.getAttribute("href"), excerpt: p ? p.textContent : "" };
                   });"##,
                Duration::from_secs(30),
            )
            .await
        }
    };

    let found = results("encryptie").await;
    let found = found.as_array().cloned().unwrap_or_default();
    let hrefs: Vec<String> = found
        .iter()
        .take(10)
        .filter_map(|r| r["href"].as_str().map(str::to_string))
        .collect();
    let mut distinct = hrefs.clone();
    distinct.sort();
    distinct.dedup();
    if hrefs.len() < 10 || distinct.len() != hrefs.len() {
        report.push(format!(
            "the first 10 results for encryptie are not 10 different pages: {hrefs:#?}"
        ));
    }
    if hrefs
        .iter()
        .any(|h| h.contains("/kieskring/") || h.contains("/oordeel/"))
    {
        report.push(format!(
            "a filtered view of the guide is a result: {hrefs:#?}"
        ));
    }

    // Each excerpt, without its "…", is part of the visible text of its page
    // (with every <details> opened, as a visitor can).
    for result in found.iter().take(10) {
        let href = result["href"].as_str().unwrap_or_default();
        let excerpt = result["excerpt"].as_str().unwrap_or_default();
        browser.open(&format!("{origin}{href}")).await;
        let visible = browser
            .eval(
                r#"document.querySelectorAll("details").forEach(function (d) { d.open = true; });
                   var main = document.querySelector("main") || document.body;
                   // Elements the eye cannot see (a screen reader's text is clipped to 1 px).
                   main.querySelectorAll("*").forEach(function (e) {
                     var r = e.getBoundingClientRect();
                     if (e.getClientRects().length > 0 && r.width <= 1 && r.height <= 1) e.setAttribute("data-unseen", "");
                   });
                   var copy = main.cloneNode(true);
                   // What the index leaves out on purpose (navigation, forms, buttons, details' toggles) and the unseen.
                   copy.querySelectorAll("nav, form, button, summary, script, svg, [data-unseen]").forEach(function (e) { e.remove(); });
                   document.body.appendChild(copy);
                   var text = copy.innerText;
                   copy.remove();
                   return text.replace(/\s+/g, " ").toLowerCase();"#,
                vec![],
            )
            .await;
        let visible = visible.as_str().unwrap_or_default().to_string();
        for piece in excerpt.split('\u{2026}') {
            let piece = piece
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            if !piece.is_empty() && !visible.contains(&piece) {
                report.push(format!(
                    "the excerpt of {href} is not text a visitor sees there: {piece:?}"
                ));
            }
        }
    }

    // The home page is found by what it says about itself.
    let home = results("envelop").await;
    let home_listed = home
        .as_array()
        .is_some_and(|r| r.iter().any(|r| r["href"].as_str() == Some("/")));
    if !home_listed {
        report.push(format!(
            "searching for envelop does not list the home page: {home}"
        ));
    }

    browser.close().await;
    assert!(report.is_empty(), "search results:\n{}", report.join("\n"));
}
