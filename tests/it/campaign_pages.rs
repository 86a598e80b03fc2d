//! The campaign pages of the example site as built HTML: the home page
//! answers from the data and links to the guide, the Council and the contact
//! tool; the contact page offers prepared `mailto:` messages to Kamerleden by
//! faction, with the Justice and Security committee marked, and to MEPs; the
//! guide overview prints as a handout; the CSS stays small.

use crate::common;

use std::path::Path;

fn built() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    common::build(&common::example_site(), out.path(), &[]);
    out
}

fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("the end of <main>");
    &html[start..end]
}

#[test]
fn the_home_page_answers_and_links_to_acting() {
    let out = built();
    let main = common::read(out.path(), "index.html");
    let main = main_of(&main);
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
    }
    // The counts come from the data: 9 + 6 + 6 + 5 parties in the example.
    for count in [
        "<strong>9</strong> partijen: beschermt",
        "<strong>6</strong> partijen: mogelijk niet",
        "<strong>6</strong> partijen: beschermt niet",
        "<strong>5</strong> partijen: onduidelijk",
    ] {
        assert!(main.contains(count), "{count}");
    }
    assert!(main.contains("archief: de verkiezingen waren op 22 november 2023"));
    assert!(main.contains("Laatste besluit"));
    assert!(main.find("antwoord-stemwijzer") < main.find("laat-van-je-horen"));
    assert!(main.find("laat-van-je-horen") < main.find("laatste-nieuws"));
}

#[test]
fn the_contact_page_offers_prepared_messages() {
    let site = common::site_copy();
    // Mark one member as sitting on the Justice and Security committee, with an address.
    let file = site.path().join("data/recipients/kamerleden.toml");
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        "party = \"sp\"\ncommittees = []\njustice_committee = false",
        "party = \"sp\"\ncommittees = [\"Justitie en Veiligheid\"]\njustice_committee = true\nemail = \"j.dijk@tweedekamer.nl\"",
        1,
    );
    std::fs::write(&file, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    common::build(site.path(), out.path(), &[]);
    let html = common::read(out.path(), "schrijf/index.html");
    let links: Vec<&str> = html
        .split("href=\"mailto:")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        // The editor's button gets its address from the script.
        .filter(|link| !link.is_empty())
        .collect();
    assert!(links.len() >= 8, "{links:?}");
    for link in &links {
        assert!(
            link.contains("?subject=Chatcontrole") && link.contains("&amp;body=Beste%20"),
            "{link}"
        );
    }
    let dijk = links
        .iter()
        .find(|l| l.starts_with("j.dijk@tweedekamer.nl?"))
        .expect("a link to the SP member with the address");
    // The SP's verdict in the guide and the Council's latest decision are in the text.
    assert!(dijk.contains("het%20oordeel%20%22Beschermt%22"), "{dijk}");
    assert!(dijk.contains("26%20november%202025"), "{dijk}");
    assert!(html.contains("Lid van de commissie Justitie en Veiligheid"));
    assert!(html.contains("1 in de commissie Justitie en Veiligheid"));
    assert!(html.contains("bas.eickhout@europarl.europa.eu?subject="));
    assert!(html.contains("bijgewerkt op 1 december 2026"));
    assert!(!html.contains("<form"), "nothing is posted");
    assert!(html.contains(r#"<script src="/js/contact.js" defer></script>"#));
}

#[test]
fn the_example_contact_page_names_the_minister_and_marks_the_committee() {
    let out = built();
    let html = common::read(out.path(), "schrijf/index.html");
    let minister = html
        .split("<h2 id=\"minister\">")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("a section for the minister");
    assert!(minister.contains("Mail Foort van Oosten"), "{minister}");
    assert!(
        minister.contains("href=\"mailto:?subject=Chatcontrole"),
        "a prepared message without an address, as the ministry publishes none: {minister}"
    );
    assert!(minister.contains("vul zelf een adres in"), "{minister}");
    assert_eq!(
        html.matches("title=\"Lid van de commissie Justitie en Veiligheid\"")
            .count(),
        2,
        "the example marks two members"
    );
    assert!(html.contains("europarl.europa.eu?subject="));
}

#[test]
fn pages_print_as_handouts_and_the_css_stays_small() {
    let css =
        |name: &str| std::fs::read_to_string(Path::new("site/static/css").join(name)).unwrap();
    let site = css("site.css");
    let guide = css("guide.css");
    assert!(site.contains("@media print") && guide.contains("@media print"));
    for (page, files) in [
        ("guide", vec!["site.css", "guide.css"]),
        ("council", vec!["site.css", "council.css"]),
    ] {
        let total: usize = files.iter().map(|f| css(f).len()).sum();
        assert!(
            total < 20 * 1024,
            "the {page} pages load {total} bytes of CSS"
        );
    }
    let out = built();
    let overview = common::read(out.path(), "stemwijzer2023/index.html");
    assert!(overview.contains(
        r#"<p class="print-only">Chatcontrole: https://chatcontrole.nl/stemwijzer2023/ · 26 partijen</p>"#
    ));
}
