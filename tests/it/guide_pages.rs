//! The guide pages of the example site, built in memory: overview with legend,
//! rows and filters, party pages, highlights, methodology, static filter pages,
//! open data, the page budget, the seed imported as a second election, and the
//! changes page when two elections exist.

use crate::common;
use crate::common::html::{self, assert_contains, assert_lacks};

use std::fs;
use std::io::Write;
use std::path::Path;

use chatcontrole::build::{BuildOptions, generate};
use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::output::Output;
use regex::Regex;

fn generated(site: &Path) -> Output {
    generate(&BuildOptions::new(site))
        .unwrap_or_else(|d| panic!("build failed:\n{d}"))
        .output
}

fn text(out: &Output, path: &str) -> String {
    let file = out
        .get(path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    String::from_utf8(file.bytes.clone()).unwrap()
}

fn count(html: &str, pattern: &str) -> usize {
    Regex::new(pattern).unwrap().find_iter(html).count()
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap().len()
}

#[test]
fn overview_has_legend_rows_and_filters() {
    let out = generated(&common::example_site());
    let page = text(&out, "stemwijzer2023/index.html");
    let at = "stemwijzer2023/index.html";
    assert_eq!(
        count(&page, r#"<li id="[a-z0-9-]+">"#),
        26,
        "{at}: one <li id=...> row per party"
    );
    // The legend: each verdict's meaning heads its group.
    assert_eq!(
        count(&page, r#"<header class="guide-group-head">"#),
        4,
        "{at}: <header class=\"guide-group-head\"> per verdict"
    );
    html::assert_count(&page, "header.guide-group-head", 4, at);
    // Every verdict icon is hidden from screen readers and has text for them.
    let symbols = count(
        &page,
        r#"<span aria-hidden="true"><svg class="icon icon-verdict-"#,
    );
    let spoken = count(
        &page,
        r#"<span class="visually-hidden">: [^<]+</span></span>"#,
    );
    assert!(
        symbols > 26 && symbols == spoken,
        "{symbols} symbols, {spoken} texts"
    );
    assert_eq!(
        html::count(&page, r#"span[aria-hidden="true"] > svg.icon"#),
        symbols,
        "{at}: the verdict icons the parser sees"
    );
    assert_contains(&page, "beschermt je digitale rechten mogelijk niet", at);
    // Filters without JavaScript: links to server-rendered pages.
    assert_contains(&page, r#"href="/stemwijzer2023/oordeel/beschermt/""#, at);
    html::assert_exists(&page, r#"a[href="/stemwijzer2023/oordeel/beschermt/"]"#, at);
    assert_contains(&page, r#"href="/stemwijzer2023/kieskring/20/""#, at);
    html::assert_exists(&page, r#"a[href="/stemwijzer2023/kieskring/20/"]"#, at);
    assert_contains(
        &page,
        "Niet op de kieslijst in de kieskringen 3 (Assen), 16 (Middelburg) en 20 (Bonaire).",
        at,
    );
    // The JSON-LD data block is not a script that runs.
    assert!(
        !page
            .replace("<script type=\"application/ld+json\">", "")
            .contains("<script"),
        "the overview needs no JavaScript"
    );
    html::assert_none(&page, "script:not([type=\"application/ld+json\"])", at);
    assert!(!page.contains("style="), "no inline styles (CSP)");
    html::assert_none(&page, "[style]", at);
}

#[test]
fn filter_pages_list_only_matching_parties() {
    let out = generated(&common::example_site());
    let rows = |path: &str| count(&text(&out, path), r#"<li id="[a-z0-9-]+">"#);
    for (path, expected) in [
        ("stemwijzer2023/oordeel/beschermt/index.html", 9),
        ("stemwijzer2023/oordeel/onduidelijk/index.html", 5),
        ("stemwijzer2023/kieskring/20/index.html", 20),
        ("stemwijzer2023/kieskring/8/index.html", 26),
    ] {
        assert_eq!(rows(path), expected, "{path}: party rows (<li id=...>)");
    }
    let bonaire = text(&out, "stemwijzer2023/kieskring/20/index.html");
    assert_lacks(
        &bonaire,
        r#"<li id="lef">"#,
        "stemwijzer2023/kieskring/20/index.html",
    );
    html::assert_none(&bonaire, "li#lef", "stemwijzer2023/kieskring/20/index.html");
}

#[test]
fn every_party_has_a_page_with_its_evidence() {
    let out = generated(&common::example_site());
    for id in [
        "50plus",
        "bbb",
        "bij1",
        "lef",
        "nl-plan",
        "vvd",
        "groenlinks-pvda",
    ] {
        let at = format!("stemwijzer2023/{id}/index.html");
        let page = text(&out, &at);
        assert!(page.contains("<h2 id=\"bewijs\">"), "{id}");
        html::assert_exists(&page, "h2#bewijs", &at);
        // Contact with the party shows only when the editors recorded some:
        // an empty section says nothing to a voter.
        html::assert_count(&page, "h2#contact", 0, &at);
    }
    let bbb_at = "stemwijzer2023/bbb/index.html";
    let bbb = text(&out, bbb_at);
    assert_lacks(&bbb, "Waarom ons oordeel afwijkt van de regels", bbb_at);
    let ja21 = text(&out, "stemwijzer2023/ja21/index.html");
    assert_contains(
        &ja21,
        "Waarom ons oordeel afwijkt van de regels",
        "stemwijzer2023/ja21/index.html",
    );
    assert_contains(&bbb, "p. 89", bbb_at);
    assert_contains(&bbb, "<blockquote><p>“We halen barrières", bbb_at);
    html::assert_selects_containing(&bbb, "blockquote > p", "“We halen barrières", bbb_at);
    assert_contains(
        &bbb,
        "stemde <strong>vóór</strong> de tijdelijke wet voor de AIVD en MIVD (wetsvoorstel 36263)",
        bbb_at,
    );
    let lp = text(&out, "stemwijzer2023/lp/index.html");
    assert_contains(&lp, "pp. 18, 19", "stemwijzer2023/lp/index.html");
    let overview = text(&out, "stemwijzer2023/index.html");
    let data = chatcontrole::guide::load(&common::example_site()).unwrap();
    for entry in &data.election("tk2023").unwrap().entries {
        let link = format!(r#"<a href="/stemwijzer2023/{}/">"#, entry.party);
        assert!(overview.contains(&link), "overview links to {link}");
        assert!(
            out.get(&format!("stemwijzer2023/{}/index.html", entry.party))
                .is_some(),
            "stemwijzer2023/{}/index.html was not generated",
            entry.party
        );
    }
}

/// LEF published no programme in time: its row, page and open data say so
/// instead of linking to nothing.
#[test]
fn a_missing_programme_is_explained() {
    let out = generated(&common::example_site());
    let overview = text(&out, "stemwijzer2023/index.html");
    let row = overview
        .split(r#"<li id="lef">"#)
        .nth(1)
        .and_then(|r| r.split("</li>").next())
        .expect("stemwijzer2023/index.html: no <li id=\"lef\"> (the LEF card)");
    assert!(row.contains("Geen programma beschikbaar"), "{row}");
    let page = text(&out, "stemwijzer2023/lef/index.html");
    assert_contains(
        &page,
        "<p>Verkiezingsprogramma: niet beschikbaar. LEF meldde alleen: “Ons volledige programma staat zo spoedig mogelijk online.”",
        "stemwijzer2023/lef/index.html",
    );
    let json: serde_json::Value =
        serde_json::from_str(&text(&out, "stemwijzer2023/data.json")).unwrap();
    let lef = json["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "lef")
        .unwrap();
    assert_eq!(lef["programme"]["url"], serde_json::Value::Null);
    assert_eq!(lef["programme"]["available"], false);
    assert!(
        lef["programme"]["note"]
            .as_str()
            .unwrap()
            .starts_with("LEF meldde"),
        "stemwijzer2023/data.json: LEF's programme note: {}",
        lef["programme"]["note"]
    );
    let bij1 = json["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "bij1")
        .unwrap();
    assert_eq!(bij1["programme"]["available"], true);
    assert_eq!(bij1["programme"]["note"], serde_json::Value::Null);
}

#[test]
fn highlights_methodology_and_data() {
    let out = generated(&common::example_site());
    let highlights = text(&out, "stemwijzer2023/hoogtepunten/index.html");
    assert_eq!(
        count(&highlights, r#"<section aria-labelledby="groep-"#),
        4,
        "stemwijzer2023/hoogtepunten/index.html: one section per verdict group"
    );
    html::assert_count(
        &highlights,
        r#"section[aria-labelledby^="groep-"]"#,
        4,
        "stemwijzer2023/hoogtepunten/index.html",
    );
    let method_at = "stemwijzer2023/methode/index.html";
    let method = text(&out, method_at);
    assert_contains(&method, "Bij 25 van de 26 partijen", method_at);
    assert_eq!(
        count(&method, r#"<ol class="guide-rules">"#),
        1,
        "{method_at}: <ol class=\"guide-rules\">"
    );
    html::assert_count(&method, "ol.guide-rules", 1, method_at);
    let dutch = chatcontrole::locale::Locale::builtin("nl");
    for rule in &chatcontrole::guide::verdict::RULES {
        assert!(
            method.contains(&rule.condition(&dutch)),
            "rule {} on the page",
            rule.number
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&text(&out, "stemwijzer2023/data.json")).unwrap();
    assert_eq!(
        json["parties"].as_array().unwrap().len(),
        26,
        "stemwijzer2023/data.json: parties"
    );
    let csv = text(&out, "stemwijzer2023/data.csv");
    assert!(
        csv.starts_with("id,name,verdict"),
        "stemwijzer2023/data.csv starts with: {:?}",
        csv.lines().next()
    );
    assert!(
        out.get("stemwijzer2023/veranderingen/index.html").is_none(),
        "only one election"
    );
}

/// The site paths of everything a browser loads for `html`: stylesheets,
/// icons, scripts, images and media, and what those stylesheets load in turn
/// (`url(...)`, `@import`). Links a browser does not fetch (canonical, RSS
/// alternate, plain anchors) are left out.
fn loaded_resources(out: &Output, html: &str) -> Vec<String> {
    let tag = Regex::new(r"<(link|script|img|source|video|audio)\b[^>]*>").unwrap();
    let attr = |t: &str, name: &str| {
        Regex::new(&format!(r#"\b{name}="([^"]*)""#))
            .unwrap()
            .captures(t)
            .map(|c| c[1].to_string())
    };
    let mut found: Vec<String> = Vec::new();
    for m in tag.find_iter(html) {
        let t = m.as_str();
        let url = if t.starts_with("<link") {
            let rel = attr(t, "rel").unwrap_or_default();
            let fetched = rel.split_whitespace().any(|r| {
                matches!(
                    r,
                    "stylesheet" | "icon" | "preload" | "modulepreload" | "manifest"
                )
            });
            if !fetched {
                continue;
            }
            attr(t, "href")
        } else {
            attr(t, "src")
        };
        if let Some(url) = url {
            found.push(url);
        }
    }
    let css_ref = Regex::new(r#"url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)"#).unwrap();
    let mut i = 0;
    while i < found.len() {
        if found[i].ends_with(".css") {
            let css = text(out, found[i].trim_start_matches('/'));
            for c in css_ref.captures_iter(&css) {
                let url = c.get(1).or(c.get(2)).unwrap().as_str();
                if !url.starts_with("data:") {
                    found.push(url.to_string());
                }
            }
        }
        i += 1;
    }
    for url in &found {
        assert!(
            url.starts_with('/') && !url.starts_with("//"),
            "{url} is not a path on the site itself"
        );
    }
    found.sort();
    found.dedup();
    found
}

/// The issue's budget: the overview with everything it loads transfers
/// under 30 KB gzip-compressed. The list of resources is read from the page.
#[test]
fn overview_stays_under_30_kb_compressed() {
    let out = generated(&common::example_site());
    let html = text(&out, "stemwijzer2023/index.html");
    let resources = loaded_resources(&out, &html);
    for expected in ["/css/site.css", "/css/guide.css"] {
        assert!(
            resources.iter().any(|r| r == expected),
            "{expected} is loaded by the overview: {resources:?}"
        );
    }
    let mut sizes = vec![(
        "stemwijzer2023/index.html".to_string(),
        gzip_len(html.as_bytes()),
    )];
    for path in &resources {
        let file = out
            .get(path.trim_start_matches('/'))
            .unwrap_or_else(|| panic!("the overview loads {path}, which was not generated"));
        sizes.push((path.clone(), gzip_len(&file.bytes)));
    }
    let total: usize = sizes.iter().map(|(_, n)| n).sum();
    println!("overview budget: {total} of 30720 bytes compressed: {sizes:?}");
    assert!(
        total < 30 * 1024,
        "{total} bytes compressed, over the 30 KB budget: {sizes:?}"
    );
}

/// A copy of the example site with the small, made-up later election of
/// `tests/fixtures/guide/second_election` added (and its new party).
fn site_with_second_election() -> tempfile::TempDir {
    let site = common::site_copy();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guide/second_election");
    let target = site.path().join("data/elections/test2025");
    fs::create_dir_all(target.join("parties")).unwrap();
    fs::copy(fixture.join("election.toml"), target.join("election.toml")).unwrap();
    for entry in fs::read_dir(fixture.join("parties")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), target.join("parties").join(entry.file_name())).unwrap();
    }
    let parties = site.path().join("data/parties.toml");
    let mut text = fs::read_to_string(&parties).unwrap();
    text.push_str(&fs::read_to_string(fixture.join("party.toml")).unwrap());
    fs::write(&parties, text).unwrap();
    site
}

/// The rows of a changes page: party name → (before, now, change), as text.
fn change_rows(html: &str) -> Vec<(String, String, String, String)> {
    let row = Regex::new(
        r#"(?s)<tr>\s*<th scope="row" data-label="Partij"><a href="[^"]+">([^<]+)</a></th>\s*<td data-label="Toen">(.*?)</td>\s*<td data-label="Nu">(.*?)</td>\s*<td data-label="Verandering">(.*?)</td>\s*</tr>"#,
    )
    .unwrap();
    let tags = Regex::new(r"<[^>]+>").unwrap();
    let plain = |s: &str| {
        tags.replace_all(s, " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    row.captures_iter(html)
        .map(|c| (c[1].to_string(), plain(&c[2]), plain(&c[3]), plain(&c[4])))
        .collect()
}

#[test]
fn two_elections_get_a_page_of_what_changed_per_party() {
    let site = site_with_second_election();
    let built =
        generate(&BuildOptions::new(site.path())).unwrap_or_else(|d| panic!("build failed:\n{d}"));
    let warnings = built.warnings.to_string();
    assert!(
        !warnings.contains("test2025"),
        "the fixture itself is clean:\n{warnings}"
    );
    let out = built.output;
    assert!(
        out.get("stemwijzer2023/veranderingen/index.html").is_none(),
        "the first election has nothing to compare with"
    );
    let overview = text(&out, "testverkiezing2025/index.html");
    assert_contains(
        &overview,
        r#"<a href="/testverkiezing2025/veranderingen/">Wat veranderde</a>"#,
        "testverkiezing2025/index.html",
    );
    html::assert_selects(
        &overview,
        r#"a[href="/testverkiezing2025/veranderingen/"]"#,
        "Wat veranderde",
        "testverkiezing2025/index.html",
    );
    let changes_at = "testverkiezing2025/veranderingen/index.html";
    let page = text(&out, changes_at);
    assert_contains(
        &page,
        "<h1 id=\"titel\">Wat veranderde sinds Chatcontrole-stemwijzer Tweede Kamerverkiezing 2023</h1>",
        changes_at,
    );
    html::assert_selects(
        &page,
        "h1#titel",
        "Wat veranderde sinds Chatcontrole-stemwijzer Tweede Kamerverkiezing 2023",
        changes_at,
    );
    let rows = change_rows(&page);
    let expected = [
        // BIJ1 went from protects to does not protect.
        (
            "BIJ1",
            "Beschermt : beschermt je digitale rechten",
            "Beschermt niet : beschermt je digitale rechten niet",
            "ander oordeel",
        ),
        (
            "Testpartij Nieuw",
            "deed niet mee",
            "Beschermt : beschermt je digitale rechten",
            "nieuw",
        ),
        (
            "VVD",
            "Beschermt niet : beschermt je digitale rechten niet",
            "Beschermt niet : beschermt je digitale rechten niet",
            "gelijk",
        ),
    ];
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str()))
        .collect();
    assert_eq!(got, expected, "{changes_at}: the rows of the table");
    // The parties of 2023 that are not in the later election are listed too.
    let gone = page
        .split("<h2>Niet meer in deze stemwijzer</h2>")
        .nth(1)
        .unwrap_or_else(|| {
            panic!("{changes_at}: no <h2>Niet meer in deze stemwijzer</h2> (parties that are gone)")
        });
    assert_eq!(
        count(gone, "<li>"),
        24,
        "{changes_at}: <li> after \"Niet meer in deze stemwijzer\""
    );
    assert_contains(gone, "<li>D66</li>", changes_at);
    assert_lacks(gone, "<li>VVD</li>", changes_at);
}

#[test]
fn imported_seed_builds_as_a_second_election_with_changes() {
    let site = common::site_copy();
    let seed =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_b75f5f2a0c8728ac.txt");
    if !seed.exists() {
        println!("skipped: ../shared/seeds not found");
        return;
    }
    run_import(&ImportGuideArgs {
        file: seed,
        election: "seedcheck".into(),
        site: site.path().to_path_buf(),
        dry_run: false,
        source_name: None,
    })
    .unwrap();
    // Make the imported copy a later election, so that it compares with tk2023.
    let election = site.path().join("data/elections/seedcheck/election.toml");
    let toml = fs::read_to_string(&election)
        .unwrap()
        .replace("date = \"2023-11-22\"", "date = \"2025-10-29\"");
    fs::write(&election, toml).unwrap();
    let out = generated(site.path());
    let json: serde_json::Value = serde_json::from_str(&text(&out, "seedcheck/data.json")).unwrap();
    let parties = json["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 26, "seedcheck/data.json: parties");
    assert!(
        parties
            .iter()
            .any(|p| p["name"] == "LEF – Voor de Nieuwe Generatie" && p["symbol"] == "?"),
        "seedcheck/data.json: no party \"LEF – Voor de Nieuwe Generatie\" with symbol \"?\""
    );
    let changes = text(&out, "seedcheck/veranderingen/index.html");
    assert_eq!(count(&changes, "<tr>"), 27, "header and one row per party");
    assert_contains(&changes, "gelijk", "seedcheck/veranderingen/index.html");
}

#[test]
fn synced_votes_are_evidence_with_provenance_and_said_vs_did_is_flagged() {
    let out = generated(&common::example_site());
    // D66 had no hand-typed vote on the 2023 motion; the synced vote counts for it.
    let d66_at = "stemwijzer2023/d66/index.html";
    let d66 = text(&out, d66_at);
    assert_contains(
        &d66,
        "stemde <strong>vóór</strong> motie-Van Ginneken (motie 2023Z07239)",
        d66_at,
    );
    assert_contains(&d66, "Ingediend door Kamerlid Van Ginneken (D66).", d66_at);
    // The example's votes were reconstructed from press reports: the page
    // names and links the report and claims no fetch (the API was never asked).
    assert_contains(
        &d66,
        "Volgens <a href=\"https://www.security.nl/posting/801335/",
        d66_at,
    );
    html::assert_selects_containing(&d66, "p.meta a", "Security.NL", d66_at);
    assert!(
        !d66.contains("opgehaald"),
        "{d66_at}: claims a fetch for a reconstructed vote"
    );
    assert_contains(&d66, "Uitslag: aangenomen.", d66_at);
    assert_lacks(&d66, "Stemmen - aangenomen", d66_at);
    // The vote file's note is shown once, not under every vote; the
    // editors' own note never reaches the page.
    assert_lacks(&d66, "precieze stemdatum", d66_at);
    assert_lacks(&d66, "Nog niet uit de open data", d66_at);
    assert_eq!(
        count(&d66, "Deze stemming komt nog uit een persbericht"),
        2,
        "{d66_at}: one note per vote file (two items), not one per vote"
    );
    html::assert_exists(&d66, "h3#over-de-stemmingen", d66_at);
    // D66's programme protects encryption, its vote on 36263 does not.
    assert_contains(&d66, "Zegt het een, stemde het ander:", d66_at);
    assert_contains(
        &d66,
        "vóór de tijdelijke wet voor de AIVD en MIVD (wetsvoorstel 36263)",
        d66_at,
    );
    let overview = text(&out, "stemwijzer2023/index.html");
    assert_contains(
        &overview,
        "Zegt het een, stemde het ander:</strong> D66 schreef “",
        "stemwijzer2023/index.html",
    );
    let json: serde_json::Value =
        serde_json::from_str(&text(&out, "stemwijzer2023/data.json")).unwrap();
    for p in json["parties"].as_array().unwrap() {
        assert!(p["said_vs_did"].is_boolean(), "{}", p["id"]);
    }
    let d66 = json["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "d66")
        .unwrap();
    assert_eq!(d66["said_vs_did"], true);
    let synced: Vec<&serde_json::Value> = d66["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["recorded_vote"].is_object())
        .collect();
    assert_eq!(synced.len(), 2, "both votes are recorded evidence for D66");
    for e in &synced {
        assert_eq!(e["source"]["kind"], "press", "{e}");
        assert_eq!(e["source"]["title"], "Security.NL", "{e}");
        assert!(e.get("query").is_none(), "{e}");
    }
    let json_text = text(&out, "stemwijzer2023/data.json");
    assert_lacks(&json_text, "127.0.0.1", "stemwijzer2023/data.json");
    let data_csv = text(&out, "stemwijzer2023/data.csv");
    assert!(
        data_csv
            .lines()
            .any(|l| l.starts_with("sp,") && l.ends_with(",2023Z07239=press;36263=editor")),
        "stemwijzer2023/data.csv: the SP's vote sources"
    );
    let votes = text(&out, "stemwijzer2023/votes.csv");
    assert_eq!(
        votes.lines().next(),
        Some("party,item,vote,source_kind,source_url,source_text,source_date"),
        "stemwijzer2023/votes.csv: header"
    );
    assert!(
        votes
            .lines()
            .any(|l| l.starts_with("sp,36263,against,editor,,")),
        "stemwijzer2023/votes.csv: the SP's vote on 36263 with the editors' source"
    );
    assert!(
        votes.lines().any(|l| l
            == "d66,2023Z07239,for,press,https://www.security.nl/posting/801335/Kabinet+weigert+aangenomen+motie+over+client-side+scanning+uit+te+voeren,Security.NL,2023-06"),
        "stemwijzer2023/votes.csv: D66's vote on the motion with its press source"
    );
    assert!(
        !votes.lines().any(|l| l.starts_with("sgp,36263,")),
        "stemwijzer2023/votes.csv: no vote of the SGP on 36263"
    );
    let csv = text(&out, "stemwijzer2023/data.csv");
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",said_vs_did,signed,vote_sources"),
        "stemwijzer2023/data.csv: header {:?}",
        csv.lines().next()
    );
}

/// A party page opens with three lines (promised, voted, did since), each
/// drawn from data shown further down the page: VVD held the Justice file in
/// the Council, GroenLinks-PvdA moved a motion in the Kamer of 2025, BIJ1 is
/// no longer in the Kamer.
#[test]
fn party_pages_open_with_three_lines_from_the_data() {
    let out = generated(&common::example_site());
    let mut shown = String::new();
    for party in ["vvd", "groenlinks-pvda", "bij1"] {
        let path = format!("stemwijzer2023/{party}/index.html");
        let page = text(&out, &path);
        html::assert_count(&page, "dl.party-lines > div.party-line", 3, &path);
        shown.push_str(&format!("{party}:\n"));
        for line in html::select_text(&page, "div.party-line") {
            shown.push_str(&format!("  {line}\n"));
        }
    }
    insta::assert_snapshot!(shown);
}
