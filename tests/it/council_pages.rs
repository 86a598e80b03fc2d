//! Builds the example site in memory and checks the EU Council pages:
//! /raad/ with standing, chart, map, table, what-if form and moments, and
//! one page per member state with its claims and sources.

use std::path::Path;

use chatcontrole::build::{BuildOptions, generate};
use chatcontrole::check::check_links;
use chatcontrole::council::model::STATE_CODES;
use chrono::DateTime;

fn pages() -> chatcontrole::output::Output {
    pages_at("2025-12-01T12:00:00+01:00")
}

fn pages_at(now: &str) -> chatcontrole::output::Output {
    let mut options = BuildOptions::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("site"));
    options.now = Some(DateTime::parse_from_rfc3339(now).unwrap());
    generate(&options)
        .unwrap_or_else(|d| panic!("build failed:\n{d}"))
        .output
}

fn html(out: &chatcontrole::output::Output, path: &str) -> String {
    let file = out
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

#[test]
fn overview_shows_standing_chart_map_table_form_and_moments() {
    let out = pages();
    let page = html(&out, "raad/index.html");
    assert!(page.contains("stand op 1 december 2025"));
    assert!(page.contains("telt een onthouding hetzelfde als een tegenstem"));
    assert!(
        page.contains(r#"class="council-chart""#)
            && page.contains("65%: nodig om aan te nemen")
            && page.contains("35%: blokkerende minderheid")
    );
    assert!(page.contains(r#"class="council-map""#));
    assert!(page.contains("<table class=\"council-table\">"));
    assert_eq!(page.matches("data-state=").count(), 27);
    assert!(page.contains(r#"<script src="/js/council-whatif.js" defer></script>"#));
    assert!(page.contains(r#"href="/css/council.css""#));
    assert!(page.contains("26 november 2025</time>: Coreper"));
    // Sources are graded beside each link.
    assert!(page.contains(r#"<span class="source-kind source-kind-press">(pers)</span>"#));
    assert!(!page.contains(" style=\""), "inline styles break the CSP");
    assert!(out.get("js/council-whatif.js").is_some() && out.get("css/council.css").is_some());
}

/// The form does nothing without JavaScript, so it is hidden until the
/// script shows it; a sentence (no <noscript>) says why it is missing.
#[test]
fn whatif_form_is_hidden_until_the_script_enhances_it() {
    let page = html(&pages(), "raad/index.html");
    let form = page
        .split("<form id=\"council-whatif\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the what-if form");
    assert!(form.ends_with(" hidden"), "form tag: {form}");
    assert!(page.contains(r#"<p id="council-whatif-nojs""#));
    assert!(page.contains("De rekenhulp werkt alleen met JavaScript"));
    assert!(!page.contains("<noscript"));
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("site/static/js/council-whatif.js"),
    )
    .unwrap();
    assert!(script.contains("form.hidden = false") && script.contains("council-whatif-nojs"));
}

/// Under qualified majority an abstention is not neutral: the pages say so
/// in plain words, on the overview and on every state page.
#[test]
fn pages_say_plainly_that_an_abstention_counts_as_a_vote_against() {
    let out = pages();
    let overview = html(&out, "raad/index.html");
    assert!(
        overview.contains(
            "Bij een gekwalificeerde meerderheid telt een onthouding hetzelfde als een tegenstem"
        ),
        "the overview must say that an abstention counts as a vote against"
    );
    assert!(overview.contains("Onthouden is niet neutraal"));
    for code in STATE_CODES {
        let page = html(&out, &format!("raad/{}/index.html", code.to_lowercase()));
        assert!(
            page.contains(
                "Bij een gekwalificeerde meerderheid telt een onthouding hetzelfde als een tegenstem."
            ),
            "{code}"
        );
    }
}

#[test]
fn every_state_has_a_page_with_sourced_claims() {
    let out = pages();
    for code in STATE_CODES {
        let page = html(&out, &format!("raad/{}/index.html", code.to_lowercase()));
        assert!(page.contains("Wat bronnen zeggen"), "{code}");
        assert!(
            page.contains("Bron: <a href=\"http"),
            "{code}: no source link"
        );
    }
    let it = html(&out, "raad/it/index.html");
    assert!(it.contains("claim-disputed") && it.contains("betwist"));
    let de = html(&out, "raad/de/index.html");
    assert!(de.contains("2024: 84.311.244 (officieel cijfer)"));
    assert!(de.contains("2025: 83.395.000 (afgeleid uit het officiële aandeel)"));
    let nl = html(&out, "raad/nl/index.html");
    assert!(nl.contains("18 november 2025") && nl.contains("26 november 2025"));
}

#[test]
fn council_pages_have_no_broken_links() {
    let out = pages();
    let problems: Vec<String> = check_links(&out, "")
        .iter()
        .filter(|d| {
            d.file.to_string_lossy().contains("data/council") || d.message.contains("/raad/")
        })
        .map(|d| d.to_string())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// From the day of the Coreper decision on, /raad/ leads with it in plain
/// Dutch (date, body, result, who voted against or abstained, what it
/// means), then the next step, and only then the outlook for the next vote;
/// a decided text is no longer presented as open.
#[test]
fn overview_leads_with_the_latest_decision_and_the_next_step() {
    let page = html(&pages(), "raad/index.html");
    let main = &page[page.find("<main").expect("main")..];
    let decision =
        main.find("Laatste besluit: <time datetime=\"2025-11-26\">26 november 2025</time>");
    let next = main.find("Volgende stap: Voorlopig akkoord in de triloog");
    let outlook = main.find("Vooruitblik op de volgende stemming in de Raad");
    let procedure = main.find("De procedure in één oogopslag");
    assert!(
        decision.is_some() && decision < next && next < outlook && outlook < procedure,
        "order: {decision:?} {next:?} {outlook:?} {procedure:?}"
    );
    for expected in [
        "De Raad heeft zijn standpunt vastgesteld: aangenomen.",
        "stemden Nederland, Polen en Tsjechië tegen en onthield Italië zich",
        "Wat dat betekent.",
        "nog niet",
        "Formele aanneming door de Raad",
    ] {
        assert!(main.contains(expected), "{expected:?} missing");
    }
    for stale in [
        "Uitkomst als er nu gestemd zou worden",
        "Elk van hen kan beslissend zijn",
        "geen standpunt over deze tekst bekend",
    ] {
        assert!(
            !main.contains(stale),
            "a decided text is shown as open: {stale:?}"
        );
    }
}

/// The day before the decision nothing of it shows: the page projects the
/// vote from the claims known then.
#[test]
fn before_the_decision_the_page_shows_no_decision() {
    let page = html(&pages_at("2025-11-25T12:00:00+01:00"), "raad/index.html");
    assert!(!page.contains("Laatste besluit"));
    assert!(!page.contains("Vooruitblik op de volgende stemming"));
    assert!(page.contains("Uitkomst als er nu gestemd zou worden"));
    assert!(page.contains("De stand op 25 november 2025"));
}

/// State pages show the kind of each source, mark weakly sourced claims and
/// give the population per year with its source and precision.
#[test]
fn state_pages_grade_their_sources() {
    let out = pages();
    let pl = html(&out, "raad/pl/index.html");
    assert!(pl.contains("(doorgeefsite)") && pl.contains("zwak onderbouwd"));
    let de = html(&out, "raad/de/index.html");
    assert!(de.contains("2024: 84.311.244 (officieel cijfer)"));
    assert!(de.contains("2025: 83.395.000 (afgeleid uit het officiële aandeel)"));
    let nl = html(&out, "raad/nl/index.html");
    assert!(nl.contains(r#"<span class="source-kind source-kind-press">(pers)</span>"#));
}
