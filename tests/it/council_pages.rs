//! Builds the example site in memory and checks the EU Council pages:
//! /raad/ with standing, chart, map, table, what-if form and moments, and
//! one page per member state with its claims and sources.

use std::path::Path;

use crate::common::html::{self, assert_contains, assert_lacks};
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
    let at = "raad/index.html";
    assert_contains(&page, "stand op 1 december 2025", at);
    assert_contains(&page, "telt een onthouding hetzelfde als een tegenstem", at);
    assert_contains(&page, r#"class="council-chart""#, at);
    html::assert_exists(&page, ".council-chart", at);
    assert_contains(&page, "65%: nodig om aan te nemen", at);
    assert_contains(&page, "35%: blokkerende minderheid", at);
    assert_contains(&page, r#"class="council-map""#, at);
    html::assert_exists(&page, ".council-map", at);
    assert_contains(&page, "<table class=\"council-table\">", at);
    html::assert_exists(&page, "table.council-table", at);
    assert_eq!(
        page.matches("data-state=").count(),
        27,
        "{at}: `data-state=` once per member state"
    );
    assert_contains(
        &page,
        r#"<script src="/js/council-whatif.js" defer></script>"#,
        at,
    );
    html::assert_exists(&page, r#"script[src="/js/council-whatif.js"][defer]"#, at);
    assert_contains(&page, r#"href="/css/council.css""#, at);
    html::assert_exists(
        &page,
        r#"link[rel="stylesheet"][href="/css/council.css"]"#,
        at,
    );
    assert_contains(&page, "26 november 2025</time>: Coreper", at);
    // Sources are graded beside each link.
    assert_contains(
        &page,
        r#"<span class="source-kind source-kind-press">(pers)</span>"#,
        at,
    );
    html::assert_selects(&page, "span.source-kind.source-kind-press", "(pers)", at);
    assert!(!page.contains(" style=\""), "inline styles break the CSP");
    html::assert_none(&page, "[style]", at);
    for file in ["js/council-whatif.js", "css/council.css"] {
        assert!(out.get(file).is_some(), "{file} was not generated");
    }
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
        .expect("raad/index.html: no <form id=\"council-whatif\">");
    assert!(form.ends_with(" hidden"), "form tag: {form}");
    html::assert_exists(&page, "form#council-whatif[hidden]", "raad/index.html");
    assert_contains(&page, r#"<p id="council-whatif-nojs""#, "raad/index.html");
    html::assert_selects_containing(
        &page,
        "p#council-whatif-nojs",
        "De rekenhulp werkt alleen met JavaScript",
        "raad/index.html",
    );
    assert_contains(
        &page,
        "De rekenhulp werkt alleen met JavaScript",
        "raad/index.html",
    );
    assert_lacks(&page, "<noscript", "raad/index.html");
    let script = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("site/static/js/council-whatif.js"),
    )
    .unwrap();
    let js = "site/static/js/council-whatif.js";
    assert_contains(&script, "form.hidden = false", js);
    assert_contains(&script, "council-whatif-nojs", js);
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
    assert_contains(&overview, "Onthouden is niet neutraal", "raad/index.html");
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
        let at = format!("raad/{}/index.html", code.to_lowercase());
        assert_contains(&page, "Wat bronnen zeggen", &at);
        assert!(
            page.contains("Bron: <a href=\"http"),
            "{code}: no source link"
        );
    }
    let it = html(&out, "raad/it/index.html");
    assert_contains(&it, "claim-disputed", "raad/it/index.html");
    html::assert_exists(&it, ".claim-disputed", "raad/it/index.html");
    assert_contains(&it, "betwist", "raad/it/index.html");
    let de = html(&out, "raad/de/index.html");
    assert_contains(
        &de,
        "2024: 84.311.244 (officieel cijfer)",
        "raad/de/index.html",
    );
    assert_contains(
        &de,
        "2025: 83.395.000 (afgeleid uit het officiële aandeel)",
        "raad/de/index.html",
    );
    let nl = html(&out, "raad/nl/index.html");
    assert_contains(&nl, "18 november 2025", "raad/nl/index.html");
    assert_contains(&nl, "26 november 2025", "raad/nl/index.html");
}

#[test]
fn council_pages_have_no_broken_links() {
    let out = pages();
    let problems: Vec<String> = check_links(
        &out,
        &chatcontrole::base_url::BaseUrl::parse("https://chatcontrole.nl/").unwrap(),
    )
    .iter()
    .filter(|d| d.file.to_string_lossy().contains("data/council") || d.message.contains("/raad/"))
    .map(|d| d.to_string())
    .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// From the day of the Coreper decision on, /raad/ leads with it in plain
/// Dutch (date, body, result, who voted against or abstained, what it
/// means), then the next step, the tile map of the states with the same as a
/// list, and only then the outlook for the next vote; a decided text is no
/// longer presented as open.
#[test]
fn overview_leads_with_the_latest_decision_and_the_next_step() {
    let page = html(&pages(), "raad/index.html");
    let main = &page[page.find("<main").expect("raad/index.html: no <main>")..];
    let decision =
        main.find("Laatste besluit: <time datetime=\"2025-11-26\">26 november 2025</time>");
    let next = main.find("Volgende stap:</strong> Voorlopig akkoord in de triloog");
    let map = main.find("<svg class=\"council-map\"");
    let list = main.find("Tegen het voorstel (3):</strong> Nederland, Polen, Tsjechië");
    let outlook = main.find("Vooruitblik op de volgende stemming in de Raad");
    let procedure = main.find("De procedure in één oogopslag");
    assert!(
        decision.is_some()
            && decision < next
            && next < map
            && map < list
            && list < outlook
            && outlook < procedure,
        "order: {decision:?} {next:?} {map:?} {list:?} {outlook:?} {procedure:?}"
    );
    for expected in [
        "De Raad heeft zijn standpunt vastgesteld: aangenomen.",
        "stemden Nederland, Polen en Tsjechië tegen en onthield Italië zich",
        "Wat dat betekent.",
        "nog niet",
        "Formele aanneming door de Raad",
    ] {
        assert_contains(main, expected, "raad/index.html <main>");
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
    let at = "raad/index.html on 25 November 2025";
    assert_lacks(&page, "Laatste besluit", at);
    assert_lacks(&page, "Vooruitblik op de volgende stemming", at);
    assert_contains(&page, "Uitkomst als er nu gestemd zou worden", at);
    assert_contains(&page, "De stand op 25 november 2025", at);
}

/// State pages show the kind of each source, mark weakly sourced claims and
/// give the population per year with its source and precision.
#[test]
fn state_pages_grade_their_sources() {
    let out = pages();
    let pl = html(&out, "raad/pl/index.html");
    assert_contains(&pl, "(doorgeefsite)", "raad/pl/index.html");
    assert_contains(&pl, "zwak onderbouwd", "raad/pl/index.html");
    let de = html(&out, "raad/de/index.html");
    assert_contains(
        &de,
        "2024: 84.311.244 (officieel cijfer)",
        "raad/de/index.html",
    );
    assert_contains(
        &de,
        "2025: 83.395.000 (afgeleid uit het officiële aandeel)",
        "raad/de/index.html",
    );
    let nl = html(&out, "raad/nl/index.html");
    assert_contains(
        &nl,
        r#"<span class="source-kind source-kind-press">(pers)</span>"#,
        "raad/nl/index.html",
    );
    html::assert_selects(
        &nl,
        "span.source-kind.source-kind-press",
        "(pers)",
        "raad/nl/index.html",
    );
}

#[test]
fn a_source_that_relies_on_another_shows_the_weakest_link() {
    let out = pages();
    let at = "raad/cy/index.html";
    let cy = html(&out, at);
    // cloudwards.net is press, but relies on the campaign site fightchatcontrol.eu (a blog).
    assert_contains(
        &cy,
        r#"<span class="source-kind source-kind-blog">(blog of sociale media; steunt op fightchatcontrol.eu)</span>"#,
        at,
    );
    assert_contains(&cy, "zwak onderbouwd", at);
    assert_lacks(&cy, "source-kind-press", at);
}

#[test]
fn an_archive_copy_is_offered_next_to_the_original() {
    let site = crate::common::site_copy();
    let path = site.path().join("data/council/positions/NL.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let original = "source = \"https://www.security.nl/posting/856103/Voorstel+voor+chatcontrole+terug+op+Europese+politieke+agenda?channel=rss\"";
    assert!(text.contains(original));
    let archived = format!(
        "{original}\narchive_url = \"https://web.archive.example/2023/security-nl-856103\""
    );
    std::fs::write(&path, text.replacen(original, &archived, 1)).unwrap();
    let mut options = BuildOptions::new(site.path().to_path_buf());
    options.now = Some(DateTime::parse_from_rfc3339("2025-12-01T12:00:00+01:00").unwrap());
    let out = generate(&options)
        .unwrap_or_else(|d| panic!("build failed:\n{d}"))
        .output;
    let at = "raad/nl/index.html";
    let nl = html(&out, at);
    assert_contains(
        &nl,
        r#"(<a href="https://web.archive.example/2023/security-nl-856103" rel="noopener">gearchiveerde kopie</a>)"#,
        at,
    );
    assert_eq!(
        nl.matches("gearchiveerde kopie").count(),
        1,
        "{at}: only the claim with an archive_url offers a copy"
    );
}

/// Issue #25: the state page speaks Dutch only, and its claim dates cannot be
/// misread. A numbered list put "5." before a month-only date, which read as
/// "5. augustus 2024" (the fifth of August).
#[test]
fn state_pages_speak_dutch_and_their_dates_cannot_be_misread() {
    let out = pages();
    for code in STATE_CODES {
        let at = format!("raad/{}/index.html", code.to_lowercase());
        let page = html(&out, &at);
        html::assert_none(&page, "ol.council-claims", &at);
        html::assert_exists(&page, "ul.council-claims", &at);
    }
    let at = "raad/nl/index.html";
    let nl = html(&out, at);
    assert_contains(&nl, "Nederland (NL) heeft ongeveer", at);
    assert_lacks(&nl, "Netherlands", at);
    let de = html(&out, "raad/de/index.html");
    assert_lacks(&de, "Germany", "raad/de/index.html");
}

/// Issue #25: "voor" always says of what, in the chart, the legend, the
/// list beside the map, the table and the state pages.
#[test]
fn voor_and_tegen_say_of_what() {
    let out = pages();
    let at = "raad/index.html";
    let page = html(&out, at);
    assert_contains(&page, "Voor het voorstel: 23 lidstaten", at);
    assert_contains(&page, "Niet voor het voorstel: 4 lidstaten", at);
    assert_contains(&page, "voor het voorstel (effen)", at);
    assert_contains(&page, "tegen het voorstel (schuine strepen)", at);
    html::assert_selects_containing(&page, ".council-groups li", "Voor het voorstel (23)", at);
    html::assert_selects_containing(&page, ".council-groups li", "Tegen het voorstel (3)", at);
    assert_contains(&page, "Duitsland: voor het voorstel", at);
    // The what-if's selects keep the short words (a 360 px row has no room
    // for more); the legend of their group says of what.
    html::assert_selects(
        &page,
        ".council-whatif fieldset legend",
        "Standpunt over het voorstel, per lidstaat",
        at,
    );
    for bare in [
        ">Voor:",
        ">Voor (",
        ">Tegen (",
        "Niet voor:",
        ": voor<",
        ": tegen<",
        ">voor bij het besluit",
    ] {
        assert_lacks(&page, bare, at);
    }
    let at = "raad/nl/index.html";
    let nl = html(&out, at);
    html::assert_selects_containing(&nl, ".claim-head strong", "tegen het voorstel", at);
    assert_lacks(&nl, "<strong>tegen</strong>", at);
}

/// Issue #25: the colour for "voor" is not a red or salmon that reads as an
/// alarm, and black letters on it stay readable.
#[test]
fn the_colour_for_voor_does_not_read_as_alarm() {
    let css = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("site/static/css/council.css"),
    )
    .unwrap();
    let rule = css
        .lines()
        .find(|l| l.starts_with(".block.pos-support"))
        .expect("a rule for .block.pos-support");
    let hex = rule.split("fill: #").nth(1).expect("a fill colour")[..6].to_string();
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
    let (r, g, b) = (channel(0), channel(2), channel(4));
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let hue = if max == min {
        0.0
    } else if max == r {
        (60.0 * ((g - b) / (max - min))).rem_euclid(360.0)
    } else if max == g {
        60.0 * ((b - r) / (max - min)) + 120.0
    } else {
        60.0 * ((r - g) / (max - min)) + 240.0
    };
    let saturated = max - min > 0.15;
    assert!(
        !saturated || (30.0..=330.0).contains(&hue),
        "#{hex} (hue {hue:.0}°) reads as red or salmon"
    );
    let linear = |c: f64| {
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    let contrast = (luminance + 0.05) / 0.05;
    assert!(
        contrast >= 7.0,
        "black on #{hex} has contrast {contrast:.1}"
    );
}
