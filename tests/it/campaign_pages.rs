//! The campaign pages of the example site as built HTML: the home page
//! answers from the data and links to the guide, the Council and the contact
//! tool; the contact page offers prepared `mailto:` messages to Kamerleden by
//! faction, with the Justice and Security committee marked, and to MEPs, and
//! says how each list is known and how complete it is; the guide overview
//! prints as a handout; the CSS stays small; the home, guide and Council
//! pages draw their icons as SVG, without emoji.

use crate::common;

use std::path::Path;

use common::html;

fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    common::build(&common::example_site(), out.path(), &[]);
    out
}

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("no <main> in the page");
    let end = html.find("</main>").expect("no </main> in the page");
    &html[start..end]
}

#[test]
fn the_home_page_answers_and_links_to_acting() {
    let out = built();
    let home = common::read(out.path(), "index.html");
    let main = main_of(&home);
    for href in [
        r#"href="/stemwijzer2023/""#,
        r#"href="/raad/""#,
        r#"href="/schrijf/""#,
        r#"href="/stemwijzer2023/oordeel/beschermt/""#,
        r#"href="/stemwijzer2023/volt/""#,
    ] {
        assert!(
            main.contains(href),
            "the home page's main content links {href}"
        );
        let url = href.trim_start_matches("href=\"").trim_end_matches('"');
        html::assert_exists(&home, &format!("main a[href=\"{url}\"]"), "index.html");
    }
    // The counts come from the data: 9 + 6 + 6 + 5 parties in the example.
    for count in [
        "<strong>9</strong> partijen: beschermt",
        "<strong>6</strong> partijen: mogelijk niet",
        "<strong>6</strong> partijen: beschermt niet",
        "<strong>5</strong> partijen: onduidelijk",
    ] {
        html::assert_contains(main, count, "index.html <main>");
    }
    html::assert_contains(
        main,
        "Archief: wie beloofde je privéberichten te beschermen?",
        "index.html <main>",
    );
    html::assert_contains(
        main,
        "bij de verkiezingen van 22 november 2023. Sindsdien is de Tweede Kamer opnieuw gekozen, op 29 oktober 2025.",
        "index.html <main>",
    );
    html::assert_contains(main, "Laatste besluit", "index.html <main>");
    // The first screen: the state of play from the Council's procedure (the
    // last stage with a date, the next one), the call to write and the party
    // picker, which lists the current Kamer's parties first.
    html::assert_selects(
        &home,
        ".hero .now",
        "Stand van zaken Nu: Onderhandelingen tussen Parlement, Raad en Commissie (triloog), sinds december 2025. Volgende stap: Voorlopig akkoord in de triloog. Waar staan de lidstaten?",
        "index.html",
    );
    html::assert_selects(
        &home,
        ".hero a.button-cta[href=\"/schrijf/\"]",
        "Schrijf je Kamerlid",
        "index.html",
    );
    let picker = html::select_text(&home, ".party-picker .party-links");
    assert_eq!(picker.len(), 2, "index.html: two lists in the party picker");
    assert!(
        picker[0].contains("D66") && picker[0].contains("Volt") && !picker[0].contains("BIJ1"),
        "index.html: the current Kamer's parties first: {picker:?}"
    );
    assert!(
        picker[1].contains("BIJ1") && !picker[1].contains("D66"),
        "index.html: the other parties of 2023 after: {picker:?}"
    );
    html::assert_count(&home, ".party-picker .party-links a", 26, "index.html");
    html::assert_attr(
        &home,
        ".party-picker .party-picker-all a",
        "href",
        "/niveaus/",
        "index.html",
    );
    html::assert_count(
        &home,
        ".hero svg.hero-art[aria-hidden=\"true\"]",
        1,
        "index.html",
    );
    let at = |id: &str| main.find(id);
    assert!(
        at("antwoord-stemwijzer") < at("laat-van-je-horen"),
        "index.html <main>: the guide's answer (antwoord-stemwijzer at {:?}) comes before the call to act (laat-van-je-horen at {:?})",
        at("antwoord-stemwijzer"),
        at("laat-van-je-horen")
    );
    assert!(
        at("laat-van-je-horen") < at("laatste-nieuws"),
        "index.html <main>: the call to act (laat-van-je-horen at {:?}) comes before the news (laatste-nieuws at {:?})",
        at("laat-van-je-horen"),
        at("laatste-nieuws")
    );
}

#[test]
fn the_contact_page_offers_prepared_messages() {
    let site = common::site_copy();
    // Give one member a seat on the Justice and Security committee and an
    // address, and one MEP an address built from a pattern.
    let file = site.path().join("data/recipients/kamerleden.toml");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "party = \"sp\"\n",
        "party = \"sp\"\ncommittees = [\"Justitie en Veiligheid\"]\njustice_committee = true\nemail = \"j.dijk@tweedekamer.nl\"\n",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let file = site.path().join("data/recipients/editors.toml");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "name = \"Kim van Sparrentak\"\n",
        "name = \"Kim van Sparrentak\"\nemail = \"kim.vansparrentak@europarl.europa.eu\"\nemail_from_pattern = true\n",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    common::build(site.path(), out.path(), &["--today", "2026-12-04"]);
    let html = common::read(out.path(), "schrijf/index.html");
    let links: Vec<&str> = html
        .split("href=\"mailto:")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        // The editor's button gets its address from the script.
        .filter(|link| !link.is_empty())
        .collect();
    assert_eq!(
        links.len(),
        12,
        "schrijf/index.html: one prepared message per recipient (6 Kamerleden, the minister, 2 MEPs) and per group (the committee, the faction of two, all MEPs), found {links:?}"
    );
    // The groups: the committee (the one marked member), a faction of two, the MEPs.
    let page = "schrijf/index.html";
    html::assert_attr(
        &html,
        r#"a[data-label^="Commissie Justitie en Veiligheid"]"#,
        "data-greeting",
        "Beste leden van de vaste commissie voor Justitie en Veiligheid,",
        page,
    );
    html::assert_exists(
        &html,
        r#"a[data-label^="Commissie Justitie en Veiligheid"][href^="mailto:j.dijk@tweedekamer.nl?subject="]"#,
        page,
    );
    html::assert_exists(
        &html,
        r#"a[data-label="Alle 2 Kamerleden van GroenLinks-PvdA in onze lijst"][href^="mailto:?subject="][data-note]"#,
        page,
    );
    html::assert_contains(
        &html,
        "Van geen van hen staat een nagekeken e-mailadres in onze lijst: zoek de adressen op",
        page,
    );
    html::assert_exists(
        &html,
        r#"a[data-label="Alle 2 Europarlementariërs in onze lijst"][href^="mailto:kim.vansparrentak@europarl.europa.eu?subject="]"#,
        page,
    );
    html::assert_contains(
        &html,
        "Van 1 van de 2 staat geen nagekeken e-mailadres in onze lijst (Reinier van Lanschot)",
        page,
    );
    // The same text for webmail users, without JavaScript.
    html::assert_contains(
        &html,
        "readonly rows=\"8\">Aan: j.dijk@tweedekamer.nl\nOnderwerp: Chatcontrole: bescherm vertrouwelijke communicatie\n\nBeste leden van de vaste commissie voor Justitie en Veiligheid,\n",
        page,
    );
    for link in &links {
        assert!(
            link.contains("subject=Chatcontrole") && link.contains("body=Beste%20"),
            "schrijf/index.html: mailto:{link} lacks subject=Chatcontrole or body=Beste%20"
        );
    }
    let dijk = links
        .iter()
        .find(|l| {
            l.starts_with("j.dijk@tweedekamer.nl?") && l.contains("body=Beste%20Jimmy%20Dijk%2C")
        })
        .unwrap_or_else(|| {
            panic!("schrijf/index.html: no mailto: link to j.dijk@tweedekamer.nl among {links:?}")
        });
    // The SP's verdict in the guide, with its year, and the Council's latest
    // decision, in words (no "Coreper"), are in the text.
    assert!(
        dijk.contains("In%20de%20stemwijzer%20van%202023%20kreeg%20SP%20%28Socialistische%20Partij%29%20het%20oordeel%20%22Beschermt%22"),
        "{dijk}"
    );
    assert!(
        dijk.contains("in%20het%20overleg%20van%20de%20ambassadeurs%20van%20de%20lidstaten"),
        "{dijk}"
    );
    assert!(!html.contains("Coreper"), "no jargon on the contact page");
    assert!(dijk.contains("26%20november%202025"), "{dijk}");
    html::assert_contains(&html, "Lid van de commissie Justitie en Veiligheid", page);
    html::assert_contains(&html, "1 in de commissie Justitie en Veiligheid", page);
    html::assert_exists(
        &html,
        r#"a[href^="mailto:kim.vansparrentak@europarl.europa.eu?subject="]"#,
        page,
    );
    html::assert_contains(
        &html,
        "(adres afgeleid van een patroon, niet op een pagina nagekeken)",
        page,
    );
    assert!(!html.contains("<form"), "nothing is posted");
    html::assert_none(&html, "form", page);
    html::assert_contains(
        &html,
        r#"<script src="/js/contact.js" defer></script>"#,
        page,
    );
    html::assert_exists(&html, r#"script[src="/js/contact.js"][defer]"#, page);
}

#[test]
fn the_example_contact_page_names_the_minister_and_says_how_complete_it_is() {
    let out = tempfile::tempdir().unwrap();
    common::build(
        &common::example_site(),
        out.path(),
        &["--today", "2026-12-04"],
    );
    let html = common::read(out.path(), "schrijf/index.html");
    let page = "schrijf/index.html";
    let minister = html
        .split("<h2 id=\"minister\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("schrijf/index.html: no <h2 id=\"minister\"> section for the minister");
    assert!(minister.contains("Mail David van Weel"), "{minister}");
    assert!(
        !html.contains("Van Oosten"),
        "the minister whose role ended is gone"
    );
    assert!(
        minister.contains("href=\"mailto:?subject=Chatcontrole"),
        "a prepared message without an address, as the ministry publishes none: {minister}"
    );
    assert!(minister.contains("vul zelf een adres in"), "{minister}");
    assert!(minister.contains("sinds 23 februari 2026"), "{minister}");
    assert!(
        minister.contains("Bron: volgens <a href=\"https://www.bnnvara.nl/"),
        "the minister's source, worded as press: {minister}"
    );
    // The hand-written list says so, and how much of the Kamer it covers.
    html::assert_contains(
        &html,
        "Deze lijst is vastgesteld door de redactie: een voorbeeld van zes Kamerleden, met de hand overgenomen",
        page,
    );
    assert!(
        !html.contains("opgehaald"),
        "nothing on the page was fetched"
    );
    assert!(!html.contains("open data van de Tweede Kamer)"), "{html}");
    html::assert_contains(
        &html,
        "<strong>6 van de 150 Kamerleden</strong>; vul aan met <code>sync members</code>.",
        page,
    );
    html::assert_contains(
        &html,
        "staat nog niemand in de lijst: D66 (26 zetels), VVD (22 zetels)",
        page,
    );
    html::assert_contains(&html, "Volt (1 zetel).", page);
    // No committee seat is claimed without a source, and no MEP address is guessed.
    html::assert_count(
        &html,
        r#"[title="Lid van de commissie Justitie en Veiligheid"]"#,
        0,
        page,
    );
    assert!(
        !html.contains("@europarl.europa.eu"),
        "no guessed MEP address"
    );
    html::assert_contains(
        &html,
        "Van Geert Wilders staat geen nagekeken e-mailadres in onze lijst: zoek het op <a href=\"https://www.tweedekamer.nl/kamerleden_en_commissies/alle_kamerleden\">tweedekamer.nl</a>",
        page,
    );
    // The committee's members are not marked, and the page says so.
    html::assert_contains(
        &html,
        "Deze lijst zegt niet wie in de vaste commissie voor Justitie en Veiligheid zit",
        page,
    );
    html::assert_none(&html, r#"a[data-label^="Commissie"]"#, page);
    // No invented addresses: every Kamerlid's link has an empty "to".
    for href in html::select_attr(&html, "li a[data-recipient]", "href") {
        assert!(
            href.starts_with("mailto:?subject="),
            "an address on the example page: {href}"
        );
    }
    // The minister shortcode names the minister in the page text too.
    html::assert_contains(
        &html,
        "de minister van Justitie en Veiligheid (<span class=\"fact\" title=\"Minister sinds 23 februari 2026, uit onze lijst van ontvangers\">David van Weel</span>)",
        page,
    );
}

#[test]
fn a_synced_list_says_it_was_fetched() {
    let site = common::site_copy();
    let file = site.path().join("data/recipients/kamerleden.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let start = text.find("[source]").unwrap();
    let end = text.find("[[member]]").unwrap();
    let synced = "[source]\nkind = \"synced\"\napi = \"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/FractieZetelPersoon\"\nfetched_at = \"2026-12-03T08:00:00Z\"\n\n";
    std::fs::write(&file, format!("{}{synced}{}", &text[..start], &text[end..])).unwrap();
    let out = tempfile::tempdir().unwrap();
    common::build(site.path(), out.path(), &["--today", "2026-12-04"]);
    let html = common::read(out.path(), "schrijf/index.html");
    html::assert_contains(
        &html,
        "Deze lijst is opgehaald uit <a href=\"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/FractieZetelPersoon\">de open data van de Tweede Kamer</a> op 3 december 2026.",
        "schrijf/index.html",
    );
    html::assert_contains(
        &html,
        "Het adres staat niet in de open data: zoek het op <a href=\"https://www.tweedekamer.nl/kamerleden_en_commissies/alle_kamerleden\">tweedekamer.nl</a>",
        "schrijf/index.html",
    );
}

#[test]
fn pages_print_as_handouts_and_the_css_stays_small() {
    let css =
        |name: &str| std::fs::read_to_string(Path::new("site/static/css").join(name)).unwrap();
    let site = css("site.css");
    let guide = css("guide.css");
    html::assert_contains(&site, "@media print", "site/static/css/site.css");
    html::assert_contains(&guide, "@media print", "site/static/css/guide.css");
    // Every page kind may load 30 KB (README, "Performance"): the campaign
    // look and, on the Council pages, the map, chart, table and what-if form.
    for (page, files, budget) in [
        ("guide", vec!["site.css", "guide.css"], 30 * 1024),
        ("council", vec!["site.css", "council.css"], 30 * 1024),
        ("contact", vec!["site.css", "contact.css"], 30 * 1024),
    ] {
        let total: usize = files.iter().map(|f| css(f).len()).sum();
        assert!(
            total < budget,
            "the {page} pages load {total} bytes of CSS, budget {budget}"
        );
    }
    let out = built();
    let overview = common::read(out.path(), "stemwijzer2023/index.html");
    html::assert_contains(
        &overview,
        r#"<p class="print-only">Chatcontrole: https://chatcontrole.nl/stemwijzer2023/ · 26 partijen</p>"#,
        "stemwijzer2023/index.html",
    );
    html::assert_selects(
        &overview,
        "p.print-only",
        "Chatcontrole: https://chatcontrole.nl/stemwijzer2023/ · 26 partijen",
        "stemwijzer2023/index.html",
    );
}

/// An emoji or pictograph: what a system without an emoji font draws as an
/// empty box, and whose colour cannot follow the theme. Arrows and geometric
/// shapes used as ordinary text (›, ▾) are not counted.
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x2300..=0x23FF // ⌚ ⏰ …
        | 0x2600..=0x27BF // ☑ ✅ ❌ ❓ …
        | 0x2B00..=0x2BFF // ⬛ ⭐ …
        | 0xFE0F // the emoji variation selector
        | 0x1F000..=0x1FAFF) // 🔒 🟠 and the flags
}

/// Every HTML file below `dir`.
fn html_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            html_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
}

#[test]
fn home_guide_and_council_pages_have_svg_icons_and_no_emoji() {
    assert!(is_emoji('🔒') && is_emoji('✅') && is_emoji('🟠') && is_emoji('❌'));
    assert!(!is_emoji('?') && !is_emoji('›') && !is_emoji('é'));
    let out = built();
    let mut pages = vec![out.path().join("index.html")];
    html_files(&out.path().join("stemwijzer2023"), &mut pages);
    html_files(&out.path().join("raad"), &mut pages);
    assert!(pages.len() > 50, "{} pages", pages.len());
    let mut found = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for (line, l) in text.lines().enumerate() {
            if let Some(c) = l.chars().find(|c| is_emoji(*c)) {
                let name = page.strip_prefix(out.path()).unwrap().display();
                found.push(format!("{name}:{}: {c} in {l}", line + 1));
            }
        }
    }
    assert!(found.is_empty(), "emoji on the page:\n{}", found.join("\n"));
    // The icons that replace them: the logo on every page, one shape per
    // verdict tone where verdicts are shown.
    let home = common::read(out.path(), "index.html");
    html::assert_count(
        &home,
        ".site-name svg.icon-logo[aria-hidden=\"true\"][focusable=\"false\"]",
        1,
        "index.html",
    );
    for tone in ["protects", "mixed", "does-not-protect", "unclear"] {
        html::assert_count(
            &home,
            &format!(".verdict-counts svg.icon-verdict-{tone}"),
            1,
            "index.html",
        );
    }
    let overview = common::read(out.path(), "stemwijzer2023/index.html");
    html::assert_count(
        &overview,
        ".guide-parties .verdict svg.icon",
        26,
        "stemwijzer2023/index.html",
    );
    html::assert_selects(
        &common::read(out.path(), "stemwijzer2023/vvd/index.html"),
        ".party-verdict .verdict",
        "Beschermt niet: beschermt je digitale rechten niet",
        "stemwijzer2023/vvd/index.html",
    );
    html::assert_count(
        &common::read(out.path(), "stemwijzer2023/vvd/index.html"),
        ".party-verdict svg.icon-verdict-does-not-protect",
        1,
        "stemwijzer2023/vvd/index.html",
    );
}
