//! Pages on paper (issue #25): a party page printed by Chromium to PDF
//! keeps its verdict (a print rule once hid it), carries the address and the
//! day of the version printed, and prints the address of each link,
//! relative ones included. The PDF's text is read back with pdf-extract,
//! so the test sees what the printout says, not what the CSS intends.

use crate::browser;
use crate::common;

use base64::Engine;
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::json;

/// The text of the PDF Chromium prints of `url`, white space collapsed.
async fn printed_text(browser: &Browser, url: &str) -> String {
    browser.open(url).await;
    let pdf = browser
        .cdp(
            "Page.printToPDF",
            json!({ "printBackground": false, "preferCSSPageSize": false }),
        )
        .await;
    let data = pdf["data"].as_str().expect("printToPDF returns data");
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .expect("the PDF is base64");
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF has text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `needle` is in `text`, white space ignored: the PDF's text
/// comes back with spaces between digits and breaks inside long words.
fn printed(text: &str, needle: &str) -> bool {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    squeeze(text).contains(&squeeze(needle))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_printed_party_page_keeps_its_verdict_date_and_link_addresses() {
    let Some(browser) = Browser::launch("print").await else {
        return;
    };
    let serve = ServeProcess::start(&common::example_site());
    let origin = serve.url.trim_end_matches('/').to_string();
    let text = printed_text(&browser, &format!("{origin}/stemwijzer2023/vvd/")).await;
    browser.close().await;
    let mut problems = Vec::new();
    if !printed(&text, "Beschermt niet") {
        problems.push("the verdict \"Beschermt niet\" is not on paper");
    }
    if !printed(&text, "versie van") {
        problems.push("no day of the version printed (\"versie van …\")");
    }
    if !printed(&text, "/stemwijzer2023/vvd/") {
        problems.push("the page's own address is not on paper");
    }
    // The evidence, folded on screen, unfolds on paper.
    if !printed(&text, "Kamerbrief over de motie-Van Ginneken") {
        problems.push("the folded evidence is not on paper");
    }
    // A relative link of the page prints its address next to its text.
    if !printed(&text, "(/raad/nl/)") {
        problems.push("a relative link (/raad/nl/) prints without its address");
    }
    assert!(problems.is_empty(), "{problems:#?}\nprinted text:\n{text}");
}
