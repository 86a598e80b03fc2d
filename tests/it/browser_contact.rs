//! The contact tool (`/schrijf/`) as a voter uses it on a 360×800 phone, in
//! a real browser, on a site whose `kamerleden.toml` was written by `sync
//! members` from a local stand-in for the Tweede Kamer's open data (the
//! example site has no checked addresses, and none may be invented): the
//! recipient choice and the send button are on the first screen, nobody is
//! chosen at first, an unknown address is named before the click, writing
//! to a whole faction or the committee puts all their addresses in the
//! `mailto:` link (or in `bcc=`), the copy buttons fill the clipboard, the
//! visitor's text survives a change of recipient, and without JavaScript
//! the page lists `mailto:` links and the same text to copy.

use crate::browser;
use crate::common;
use crate::common::tk_mock::{self, Answer, Mock};

use std::time::Duration;

use browser::checks::{note_problems, page_problems, wait_until};
use browser::driver::Browser;
use browser::serve_process::ServeProcess;
use serde_json::{Value as Json, json};

/// One seat in the stand-in's `FractieZetelPersoon` answer.
fn seat(n: u32, first: &str, last: &str, faction: &str) -> Json {
    json!({"Id": format!("s{n}"), "FractieZetel_Id": format!("z{n}"), "Persoon_Id": format!("p{n}"),
           "Functie": "Lid", "Van": "2025-11-12T00:00:00+01:00", "TotEnMet": null, "Verwijderd": false,
           "Persoon": {"Id": format!("p{n}"), "Roepnaam": first, "Tussenvoegsel": null, "Achternaam": last,
                       "Voornamen": first, "Verwijderd": false},
           "FractieZetel": {"Id": format!("z{n}"), "Gewicht": 1, "Verwijderd": false,
                            "Fractie": {"Id": faction, "Afkorting": faction, "NaamNL": faction, "Verwijderd": false}}})
}

fn page(value: Vec<Json>) -> String {
    json!({"@odata.context": "x", "value": value}).to_string()
}

/// The stand-in: three SP members (two with an address, one of them on the
/// Justice and Security committee), two GroenLinks-PvdA members with
/// addresses (one on the committee) and one PVV member without an address.
fn answer(path: &str) -> Answer {
    if path.contains("FractieZetelPersoon") {
        Answer::json(page(vec![
            seat(1, "Anna", "Jansen", "SP"),
            seat(2, "Bram", "Bakker", "SP"),
            seat(3, "Cees", "Claassen", "SP"),
            seat(4, "Dirk", "Dekker", "GroenLinks-PvdA"),
            seat(5, "Eva", "Evers", "GroenLinks-PvdA"),
            seat(6, "Fien", "Fokker", "PVV"),
        ]))
    } else if path.contains("CommissieZetelVastPersoon") {
        let justice = |id: &str, person: &str| {
            json!({"Id": id, "CommissieZetel_Id": "cz", "Persoon_Id": person, "TotEnMet": null, "Verwijderd": false,
                   "CommissieZetel": {"Id": "cz", "Verwijderd": false,
                       "Commissie": {"Id": "k", "NaamNL": "vaste commissie voor Justitie en Veiligheid", "Afkorting": "J&V", "Verwijderd": false}}})
        };
        Answer::json(page(vec![justice("c1", "p1"), justice("c4", "p4")]))
    } else if path.contains("PersoonContactinformatie") {
        let mail = |id: &str, person: &str, address: &str| json!({"Id": id, "Persoon_Id": person, "Soort": "E-mail", "Waarde": address, "Verwijderd": false});
        Answer::json(page(vec![
            mail("e1", "p1", "a.jansen@tweedekamer.nl"),
            mail("e2", "p2", "b.bakker@tweedekamer.nl"),
            mail("e4", "p4", "d.dekker@tweedekamer.nl"),
            mail("e5", "p5", "e.evers@tweedekamer.nl"),
        ]))
    } else {
        Answer::status(404)
    }
}

/// A copy of the example site whose members were synced from the stand-in.
fn synced_site() -> tempfile::TempDir {
    let site = common::site_copy();
    let mock = Mock::start(|p, _| answer(p));
    let out = tk_mock::run_sync("members", site.path(), &mock.api, &[]);
    assert!(
        out.status.success(),
        "sync members failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let written =
        std::fs::read_to_string(site.path().join("data/recipients/kamerleden.toml")).unwrap();
    assert!(
        written.contains("a.jansen@tweedekamer.nl") && written.contains("kind = \"synced\""),
        "{written}"
    );
    site
}

/// Chooses the option whose text starts with `label` (a JavaScript
/// function body prefix for the scripts below).
const CHOOSE: &str = r#"function choose(label) {
    var to = document.getElementById("contact-to");
    var o = Array.prototype.find.call(to.options, function (o) { return o.textContent.indexOf(label) === 0; });
    if (!o) throw new Error("no option " + label);
    to.value = o.value; to.dispatchEvent(new Event("change")); return o; }
  function href() { return document.getElementById("contact-send").getAttribute("href") || ""; }
  function body() { return document.getElementById("contact-body"); }
"#;

async fn check(browser: &Browser, what: &str, script: &str) -> Option<String> {
    browser.expect(what, &format!("{CHOOSE}{script}")).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_contact_tool_leads_with_the_form_and_writes_to_groups() {
    let Some(browser) = Browser::launch("contact").await else {
        return;
    };
    let site = synced_site();
    let serve = ServeProcess::start(site.path());
    let origin = serve.url.trim_end_matches('/').to_string();
    let url = format!("{origin}/schrijf/");
    let mut report = Vec::new();
    let problems = page_problems(&browser, &origin, "/schrijf/", 200).await;
    note_problems(&browser, &mut report, "schrijf", "/schrijf/", &problems).await;

    let mut problems = Vec::new();
    browser.set_viewport(360, 800).await;
    browser.open(&url).await;
    let ready = wait_until(
        &browser,
        r#"var e = document.querySelector("[data-contact-editor]"); return !!e && !e.hidden;"#,
        Duration::from_secs(5),
    )
    .await;
    if ready != Json::Bool(true) {
        problems.push("with JavaScript the form did not appear".into());
    }
    problems.extend(
        check(
            &browser,
            "nobody is chosen at first: a placeholder, no link, an empty message",
            r#"var to = document.getElementById("contact-to");
               return to.value === "" && to.options[to.selectedIndex].textContent === "Kies…" && href() === ""
                 && document.getElementById("contact-send").getAttribute("aria-disabled") === "true" && body().value === "";"#,
        )
        .await,
    );
    let first_screen = r#"var bottom = function (id) { return document.getElementById(id).getBoundingClientRect().bottom; };
        return window.scrollY === 0 && bottom("contact-to") <= 800 && bottom("contact-body") <= 800 && bottom("contact-send") <= 800
          || [window.scrollY, bottom("contact-to"), bottom("contact-body"), bottom("contact-send")];"#;
    problems.extend(
        check(
            &browser,
            "at 360×800 the choice, the message and the send button are on the first screen",
            first_screen,
        )
        .await,
    );
    problems.extend(
        check(
            &browser,
            "one person without an address: the page says so next to the choice and where to look, and the button still fits",
            &format!(
                r#"choose("Fien Fokker");
                   var note = document.getElementById("contact-note");
                   var ok = /geen nagekeken e-mailadres|niet in de open data/i.test(note.textContent)
                     && !!note.querySelector('a[href="https://www.tweedekamer.nl/kamerleden_en_commissies/alle_kamerleden"]')
                     && note.offsetHeight > 0 && /^mailto:\?subject=/.test(href()) && /^Beste Fien Fokker,/.test(body().value);
                   if (!ok) return [note.textContent, href()];
                   {first_screen}"#
            ),
        )
        .await,
    );
    problems.extend(
        check(
            &browser,
            "all members of one party: every known address in the mailto, the one without an address named",
            r#"choose("Alle 3 Kamerleden van SP");
               var h = href(); var note = document.getElementById("contact-note").textContent;
               return /^mailto:a\.jansen@tweedekamer\.nl,b\.bakker@tweedekamer\.nl\?subject=Chatcontrole/.test(h)
                 && /Beste%20leden%20van%20de%20fractie%20van%20SP/.test(h) && /stemwijzer%20van%202023/.test(h)
                 && /Cees Claassen/.test(note) || [h, note];"#,
        )
        .await,
    );
    problems.extend(
        check(
            &browser,
            "BCC moves the addresses to bcc=",
            r#"var box = document.getElementById("contact-bcc"); box.click();
               var h = href(); box.click();
               return /^mailto:\?bcc=a\.jansen@tweedekamer\.nl,b\.bakker@tweedekamer\.nl&subject=/.test(h) && /^mailto:a\.jansen/.test(href()) || h;"#,
        )
        .await,
    );
    problems.extend(
        check(
            &browser,
            "the committee: the members the data marks, in one message",
            r#"choose("Commissie Justitie en Veiligheid");
               var h = href();
               return /^mailto:a\.jansen@tweedekamer\.nl,d\.dekker@tweedekamer\.nl\?/.test(h)
                 && /Beste%20leden%20van%20de%20vaste%20commissie/.test(h) || h;"#,
        )
        .await,
    );
    problems.extend(
        check(
            &browser,
            "the visitor's text survives a change of recipient; only the greeting follows",
            r#"choose("Anna Jansen");
               var b = body(); b.value = b.value + "\n\nMijn eigen zin."; b.dispatchEvent(new Event("input"));
               choose("Dirk Dekker");
               var kept = !document.getElementById("contact-kept").hidden;
               var ok = /^Beste Dirk Dekker,/.test(b.value) && /Mijn eigen zin\.$/.test(b.value) && kept
                 && /^mailto:d\.dekker@tweedekamer\.nl\?/.test(href()) && href().indexOf("Mijn%20eigen%20zin.") > 0;
               if (!ok) return [b.value.slice(0, 40), kept, href().slice(0, 60)];
               document.getElementById("contact-reset").click();
               return !/Mijn eigen zin/.test(b.value) && /^Beste Dirk Dekker,/.test(b.value) || b.value.slice(-40);"#,
        )
        .await,
    );
    // The copy buttons: the clipboard holds a sentinel first, so that a
    // button that copies nothing fails.
    // A headless page has no focus unless told to, and the clipboard needs it.
    browser
        .cdp(
            "Emulation.setFocusEmulationEnabled",
            json!({ "enabled": true }),
        )
        .await;
    browser
        .cdp(
            "Browser.grantPermissions",
            json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
        )
        .await;
    let sentinel = browser
        .eval(
            r#"return navigator.clipboard.writeText("leeg").then(function () { return navigator.clipboard.readText(); })
                 .catch(function (e) { return "error: " + e; });"#,
            vec![],
        )
        .await;
    if sentinel != json!("leeg") {
        problems.push(format!(
            "the clipboard cannot be used in the test: {sentinel}"
        ));
    }
    for (button, expected) in [
        (
            "copy-addresses",
            "a.jansen@tweedekamer.nl, b.bakker@tweedekamer.nl",
        ),
        (
            "copy-message",
            "Onderwerp: Chatcontrole: bescherm vertrouwelijke communicatie\n\nBeste leden van de fractie van SP,",
        ),
    ] {
        let copied = browser
            .eval(
                &format!(
                    r#"{CHOOSE}
                       choose("Alle 3 Kamerleden van SP");
                       document.getElementById("contact-webmail").open = true;
                       document.getElementById("{button}").click();
                       return new Promise(function (done) {{ setTimeout(done, 300); }})
                         .then(function () {{ return navigator.clipboard.readText(); }})
                         .catch(function (e) {{ return "error: " + e; }});"#
                ),
                vec![],
            )
            .await;
        let text = copied.as_str().unwrap_or_default();
        if !text.starts_with(expected) {
            problems.push(format!("{button} copied {copied}, not {expected:?}…"));
        }
    }
    // Where the browser refuses the clipboard API, the script selects the
    // field and copies with execCommand; that needs a real click (a user
    // gesture), so WebDriver clicks the button.
    browser
        .eval(
            r#"return navigator.clipboard.writeText("leeg").then(function () {
                 window.originalWriteText = navigator.clipboard.writeText;
                 navigator.clipboard.writeText = function () { return Promise.reject(new Error("geweigerd")); };
                 document.getElementById("contact-webmail").open = true;
                 document.getElementById("copy-addresses").scrollIntoView();
                 return true;
               });"#,
            vec![],
        )
        .await;
    browser
        .client()
        .find(fantoccini::Locator::Id("copy-addresses"))
        .await
        .expect("the copy-addresses button")
        .click()
        .await
        .expect("click copy-addresses");
    let copied = browser
        .eval(
            r#"navigator.clipboard.writeText = window.originalWriteText;
               return new Promise(function (done) { setTimeout(done, 300); })
                 .then(function () { return navigator.clipboard.readText(); })
                 .then(function (text) { return [text, document.getElementById("copy-status").textContent]; })
                 .catch(function (e) { return "error: " + e; });"#,
            vec![],
        )
        .await;
    if copied
        != json!([
            "a.jansen@tweedekamer.nl, b.bakker@tweedekamer.nl",
            "Adressen gekopieerd."
        ])
    {
        problems.push(format!(
            "without the clipboard API the addresses were not copied: {copied}"
        ));
    }
    problems.extend(
        check(
            &browser,
            "the plain block holds addresses, subject and text",
            r#"var p = document.getElementById("contact-plain").value;
               return p.indexOf("Aan: a.jansen@tweedekamer.nl, b.bakker@tweedekamer.nl\nOnderwerp: Chatcontrole") === 0 || p.slice(0, 80);"#,
        )
        .await,
    );
    browser.reset_viewport().await;
    note_problems(
        &browser,
        &mut report,
        "contact-form",
        "/schrijf/",
        &problems,
    )
    .await;

    // Without JavaScript: the lists with mailto: links and the text to copy.
    let mut problems = Vec::new();
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
    browser.open(&url).await;
    problems.extend(
        browser.expect(
            "mailto: links for people and groups, and a plain block with the same addresses and text",
            r#"var group = document.querySelector('a[data-label="Alle 3 Kamerleden van SP in onze lijst"]');
               var plain = Array.prototype.map.call(document.querySelectorAll("details.plain-copy textarea"), function (t) { return t.value; });
               var sp = plain.find(function (t) { return /Beste leden van de fractie van SP,/.test(t); }) || "";
               return document.querySelector("[data-contact-editor]").offsetHeight === 0
                 && !!group && group.getAttribute("href").indexOf("mailto:a.jansen@tweedekamer.nl,b.bakker@tweedekamer.nl?subject=") === 0
                 && sp.indexOf("Aan: a.jansen@tweedekamer.nl, b.bakker@tweedekamer.nl\nOnderwerp: Chatcontrole") === 0
                 || [!!group, plain.length, sp.slice(0, 80)];"#,
        )
        .await,
    );
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": false }),
        )
        .await;
    note_problems(
        &browser,
        &mut report,
        "contact-no-js",
        "/schrijf/",
        &problems,
    )
    .await;

    browser.close().await;
    assert!(
        report.is_empty(),
        "problems in the browser:\n{}",
        report.join("\n")
    );
}
