//! Shortcodes and embeds keep what the Hugo site showed: a Doks
//! `email user= domain=` keeps its address, a local audio file keeps its
//! player and caption, a third-party frame becomes a link card, and a theme
//! shortcode whose calls pass arguments a built-in would drop is translated
//! from its own template instead of being mapped to that built-in.

use std::path::Path;

use scraper::{Html, Selector};

use super::common::{build, write};
use super::import_hugo::{fixture, import, migrated, section, stderr};

fn page(out: &Path, rel: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(out.join(rel)).unwrap())
}

fn attr(doc: &Html, selector: &str, name: &str) -> Option<String> {
    doc.select(&Selector::parse(selector).unwrap())
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_string))
}

fn text(doc: &Html, selector: &str) -> Option<String> {
    doc.select(&Selector::parse(selector).unwrap())
        .next()
        .map(|e| e.text().collect::<String>())
}

#[test]
fn the_address_the_audio_player_and_the_video_card_survive() {
    let tmp = tempfile::tempdir().unwrap();
    let (_site, out) = migrated(&fixture(), tmp.path());
    let over = page(&out, "over-de-campagne/index.html");
    assert_eq!(
        attr(&over, "main a.email", "href").as_deref(),
        Some("mailto:redactie@voorbeeld.test")
    );
    assert_eq!(
        text(&over, "main a.email").as_deref(),
        Some("redactie@voorbeeld.test")
    );
    assert_eq!(
        attr(&over, "main figure.media audio[controls]", "src").as_deref(),
        Some("/media/gesprek.mp3")
    );
    assert_eq!(
        text(&over, "main figure.media figcaption").as_deref(),
        Some("Gesprek over de campagne")
    );
    assert!(out.join("media/gesprek.mp3").is_file());

    let post = page(&out, "nieuws/2025/10/reacties-op-mastodon/index.html");
    assert_eq!(
        attr(&post, "main .embed-card a", "href").as_deref(),
        Some("https://video.example/embed/abc123")
    );
    assert_eq!(
        text(&post, "main .embed-card a").as_deref(),
        Some("Uitleg over scannen")
    );
}

#[test]
fn a_mapping_that_would_drop_an_argument_translates_the_shortcode_instead() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = tmp.path().join("hugo");
    write(
        &hugo,
        "hugo.toml",
        "baseURL = \"https://voorbeeld.test/\"\ntitle = \"Proef\"\n",
    );
    // `note` is another name for the built-in `alert`, but this theme's
    // version reads a colour the built-in does not know.
    write(
        &hugo,
        "layouts/shortcodes/note.html",
        "<div class=\"note {{ .Get \"kleur\" }}\">{{ .Inner }}</div>\n",
    );
    write(
        &hugo,
        "layouts/shortcodes/mail.html",
        "<a href=\"mailto:{{ .Get 0 }}\">{{ .Get 0 }}</a>\n",
    );
    write(&hugo, "content/_index.md", "---\ntitle: Proef\n---\n");
    write(
        &hugo,
        "content/pagina.md",
        "---\ntitle: Pagina\n---\n\n{{< note kleur=\"rood\" >}}Let op{{< /note >}}\n\n{{< mail \"a@voorbeeld.test\" >}}\n",
    );
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let shortcodes = section(&report, "## Shortcodes");
    let row = |name: &str| {
        shortcodes
            .lines()
            .find(|l| l.starts_with(&format!("| `{name}`")))
            .unwrap_or_else(|| panic!("no row for {name} in {shortcodes}"))
            .to_string()
    };
    assert!(row("note").contains("translated"), "{}", row("note"));
    assert!(
        report.contains(
            "not mapped to the built-in `alert`, which would drop what these calls pass: `content/pagina.md:5`: `alert` does not read `kleur`"
        ),
        "{report}"
    );
    assert!(
        row("mail").contains("uses the built-in `email`"),
        "{}",
        row("mail")
    );

    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    let html = page(&out, "pagina/index.html");
    assert_eq!(
        attr(&html, "main div.note", "class").as_deref(),
        Some("note rood")
    );
    assert_eq!(
        attr(&html, "main a.email", "href").as_deref(),
        Some("mailto:a@voorbeeld.test")
    );
}
