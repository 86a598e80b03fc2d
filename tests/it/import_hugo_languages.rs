//! `import hugo` of multilingual Hugo sites (issue #24): Dutch by default
//! and English, in directory mode (`contentDir` per language) and filename
//! mode (`over.en.md`), with `translationKey` and an English slug that
//! differs, a switched-off `de`, and `defaultContentLanguageInSubdir`. The
//! generated `site.toml` and the list of written files are snapshots; the
//! report names the languages, the default, the subdir setting, the
//! switched-off ones and the i18n files. With `hugo` installed (CI sets
//! `CHATCONTROLE_HUGO_TESTS=required`) every URL Hugo published, in both
//! languages, answers in the build of the imported site.
//!
//! The fixtures are written by the tests: one small Hugo site and its
//! variants, each a few lines apart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::{build, snapshot, write};
use crate::import_hugo::{hugo_build, import, section, stderr};

/// Which of the fixture's variants to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    /// `content/nl` and `content/en`, translations by path.
    Directories,
    /// Everything in `content/`, English files named `*.en.md`.
    FileNames,
    /// Directory mode with `translationKey` pairs whose English files and
    /// slugs differ from the Dutch.
    TranslationKeys,
    /// Directory mode with a third language, `de`, switched off.
    DisabledGerman,
    /// Directory mode with `defaultContentLanguageInSubdir = true`.
    Subdir,
}

/// Hugo's templates for the fixture: Hugo writes no page without them. The
/// import does not carry them (the new site has its own).
const LAYOUTS: &[(&str, &str)] = &[
    (
        "layouts/_default/baseof.html",
        "<!doctype html><html lang=\"{{ .Site.LanguageCode }}\"><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    ),
    (
        "layouts/_default/single.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ range .Translations }}<a hreflang=\"{{ .Lang }}\" href=\"{{ .RelPermalink }}\">{{ .Lang }}</a>{{ end }}{{ end }}\n",
    ),
    (
        "layouts/_default/list.html",
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}{{ end }}\n",
    ),
    (
        "layouts/shortcodes/merk.html",
        "<span class=\"merk\">Chatcontrole</span>\n",
    ),
];

/// The configuration: two languages (three with `de`), each with its name,
/// tag, weight, title, params and menu, in `[languages.*.menus]` for Dutch
/// and `[[languages.en.menu.main]]` for English (Hugo reads both).
fn config(variant: Variant) -> String {
    let dir = |code: &str| match variant {
        Variant::FileNames => String::new(),
        _ => format!("contentDir = \"content/{code}\"\n"),
    };
    let news = match variant {
        Variant::TranslationKeys => "/news",
        _ => "/nieuws",
    };
    let mut text = format!(
        r#"baseURL = "https://voorbeeld.test/"
title = "Chatcontrole"
defaultContentLanguage = "nl"
defaultContentLanguageInSubdir = {subdir}
{disable}
[taxonomies]
tag = "tags"

[params]
colofon = "Stichting Voorbeeld"

[languages.nl]
languageName = "Nederlands"
languageCode = "nl-NL"
weight = 1
{nl_dir}
[languages.nl.params]
description = "Een campagne tegen chatcontrole"

[[languages.nl.menus.main]]
name = "Nieuws"
pageRef = "/nieuws"
weight = 10

[[languages.nl.menus.main]]
name = "Over"
url = "/over/"
weight = 20

[languages.en]
languageName = "English"
languageCode = "en-GB"
weight = 2
title = "Chat control"
{en_dir}
[languages.en.params]
description = "A campaign against chat control"

[[languages.en.menu.main]]
name = "News"
pageRef = "{news}"
weight = 10
"#,
        subdir = variant == Variant::Subdir,
        disable = if variant == Variant::DisabledGerman {
            "disableLanguages = [\"de\"]\n"
        } else {
            ""
        },
        nl_dir = dir("nl"),
        en_dir = dir("en"),
    );
    if variant == Variant::DisabledGerman {
        text.push_str(
            "\n[languages.de]\nlanguageName = \"Deutsch\"\nlanguageCode = \"de-DE\"\nweight = 3\ntitle = \"Chatkontrolle\"\ncontentDir = \"content/de\"\n",
        );
    }
    text
}

/// A page with a title and the rest of its front matter.
fn page(title: &str, front: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n{front}---\n\n{body}\n")
}

/// Writes the Hugo site of `variant` into `root/hugo`.
fn hugo_site(root: &Path, variant: Variant) -> PathBuf {
    let hugo = root.join("hugo");
    write(&hugo, "config.toml", &config(variant));
    for (rel, text) in LAYOUTS {
        write(&hugo, rel, text);
    }
    write(&hugo, "static/css/extra.css", "body { margin: 0 }\n");
    write(
        &hugo,
        "i18n/nl.toml",
        "# De teksten van de site\nleesVerder = \"Lees verder\"\n\n[paginas]\none = \"1 pagina\"\nother = \"{{ .Count }} pagina's\"\n",
    );
    write(
        &hugo,
        "i18n/en.yaml",
        "readMore: Read more\npages:\n  one: 1 page\n  other: \"{{ .Count }} pages\"\n",
    );
    let (nl, en) = match variant {
        Variant::FileNames => ("content", "content"),
        _ => ("content/nl", "content/en"),
    };
    // In filename mode the English files carry `.en` before `.md`.
    let en_file = |rel: &str| match variant {
        Variant::FileNames => format!("{en}/{}", rel.replace(".md", ".en.md")),
        _ => format!("{en}/{rel}"),
    };
    write(
        &hugo,
        &format!("{nl}/_index.md"),
        &page(
            "Stop chatcontrole",
            "",
            "Welkom. Lees [over ons](/over/). {{< merk >}}",
        ),
    );
    write(
        &hugo,
        &en_file("_index.md"),
        &page(
            "Stop chat control",
            "",
            "Welcome. Read [about us](/en/over/). {{< merk >}}",
        ),
    );
    write(
        &hugo,
        &format!("{nl}/over.md"),
        &page("Over ons", "", "Wie wij zijn."),
    );
    write(
        &hugo,
        &format!("{nl}/nieuws/_index.md"),
        &page("Nieuws", "", ""),
    );
    write(
        &hugo,
        &format!("{nl}/nieuws/eerste-bericht.md"),
        &page(
            "Eerste bericht",
            "date: 2025-09-09\ntags: [privacy]\naliases: [/oud/eerste/]\ntranslationKey: eerste\n",
            "Tekst met <script>alert(1)</script> een script.",
        ),
    );
    write(
        &hugo,
        &format!("{nl}/alleen-nl.md"),
        &page("Alleen in het Nederlands", "", "Geen vertaling."),
    );
    match variant {
        Variant::TranslationKeys => {
            write(
                &hugo,
                &en_file("over.md"),
                &page("About us", "slug: about-us\n", "Who we are."),
            );
            write(&hugo, &en_file("news/_index.md"), &page("News", "", ""));
            write(
                &hugo,
                &en_file("news/first-post.md"),
                &page(
                    "First post",
                    "date: 2025-09-09\ntags: [privacy]\naliases: [/old/first/]\ntranslationKey: eerste\n",
                    "Text. {{< merk >}}",
                ),
            );
        }
        _ => {
            // Root links: Hugo led them to the Dutch pages; the new site
            // keeps an English page's links in `/en/` (a static file stays).
            let about = match variant {
                Variant::Directories => {
                    "Who we are; [in Dutch](/over/), [only in Dutch](/alleen-nl/), [style](/css/extra.css)."
                }
                _ => "Who we are.",
            };
            write(&hugo, &en_file("over.md"), &page("About us", "", about));
            write(&hugo, &en_file("nieuws/_index.md"), &page("News", "", ""));
            write(
                &hugo,
                &en_file("nieuws/eerste-bericht.md"),
                &page(
                    "First post",
                    "date: 2025-09-09\ntags: [privacy]\ntranslationKey: eerste\n",
                    "Text. {{< merk >}}",
                ),
            );
        }
    }
    if variant == Variant::FileNames {
        // A page bundle in both languages, sharing its image.
        write(
            &hugo,
            "content/nieuws/bundel/index.md",
            &page("Bundel", "date: 2025-09-10\n", "![Kaart](kaart.svg)"),
        );
        write(
            &hugo,
            "content/nieuws/bundel/index.en.md",
            &page("Bundle", "date: 2025-09-10\n", "![Map](kaart.svg)"),
        );
        write(
            &hugo,
            "content/nieuws/bundel/kaart.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        );
    }
    if variant == Variant::DisabledGerman {
        write(
            &hugo,
            "content/de/_index.md",
            &page("Chatkontrolle stoppen", "", "Willkommen. {{< merk >}}"),
        );
        write(
            &hugo,
            "content/de/ueber.md",
            &page("Über uns", "", "Wer wir sind."),
        );
        // A broken file: reported with its line, and copied all the same.
        write(
            &hugo,
            "i18n/de.toml",
            "weiterlesen = \"Weiterlesen\"\nseiten = [\n",
        );
    }
    hugo
}

/// Imports `hugo` into `root/nieuw`, which must succeed.
fn imported(hugo: &Path, root: &Path) -> PathBuf {
    let site = root.join("nieuw");
    let o = import(hugo, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    site
}

/// Every file the import wrote, one per line.
fn written(site: &Path) -> String {
    snapshot(site)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn read(site: &Path, rel: &str) -> String {
    std::fs::read_to_string(site.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Imports `variant` and snapshots its `site.toml` and the files written.
fn snapshots(variant: Variant, name: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_site(tmp.path(), variant);
    let site = imported(&hugo, tmp.path());
    insta::assert_snapshot!(format!("{name}_site_toml"), read(&site, "site.toml"));
    insta::assert_snapshot!(format!("{name}_files"), written(&site));
    (tmp, hugo, site)
}

#[test]
fn directory_mode_carries_both_languages_and_their_folders() {
    let (_tmp, hugo, site) = snapshots(Variant::Directories, "directories");
    for rel in [
        "content/nl/_index.md",
        "content/en/_index.md",
        "content/en/nieuws/eerste-bericht.md",
        "i18n/nl.toml",
        "i18n/en.yaml",
    ] {
        assert_eq!(
            read(&site, rel),
            read(&hugo, rel),
            "{rel} is copied as it is"
        );
    }
    let report = read(&site, "MIGRATION.md");
    let languages = section(&report, "## Languages");
    for row in [
        "| `nl` (default) | Nederlands | `/` | `content/nl/` | ",
        "| `en` | English | `/en/` | `content/en/` | ",
    ] {
        assert!(languages.contains(row), "{languages}");
    }
    assert!(
        languages.contains("the default language `nl` is published at the root"),
        "{languages}"
    );
    assert!(
        report.contains("- Languages: `nl` (default, at `/`), `en` (at `/en/`)"),
        "{report}"
    );
    let i18n = section(&report, "## Interface strings (i18n)");
    assert!(
        i18n.contains("- `i18n/nl.toml`: from `i18n/nl.toml`, 2 strings")
            && i18n.contains("- `i18n/en.yaml`: from `i18n/en.yaml`, 2 strings"),
        "{i18n}"
    );
    // The per-page conversion reaches both languages.
    let shortcodes = section(&report, "## Shortcodes");
    assert!(
        shortcodes.contains("`content/en/_index.md:")
            && shortcodes.contains("`content/nl/_index.md:"),
        "{shortcodes}"
    );
    assert!(
        section(
            &report,
            "## Embeds, scripts and styles removed from content"
        )
        .contains("`content/nl/nieuws/eerste-bericht.md`"),
        "{report}"
    );
    // Root links in English pages that now stay in `/en/` are listed.
    assert_eq!(
        section(&report, "## Links in other languages' pages")
            .lines()
            .filter(|l| l.starts_with("- "))
            .collect::<Vec<_>>(),
        [
            "- `content/en/over.md:5`: `/over/` → `/en/over/` (exists)",
            "- `content/en/over.md:5`: `/alleen-nl/` → `/en/alleen-nl/` (**does not exist**)",
        ]
    );
    assert!(
        section(&report, "## To do before publishing").contains(
            "- [ ] check the link `/alleen-nl/` in `content/en/over.md:5`: Hugo led it to `/alleen-nl/`; the new site leads it to `/en/alleen-nl/`, which does not exist"
        ),
        "{report}"
    );
    // Both languages' URLs are in the table, each under its own prefix.
    let urls = section(&report, "## URLs");
    for url in [
        "| `/en/` | `/en/` | page |",
        "| `/en/over/` | `/en/over/` | page |",
        "| `/en/index.xml` |",
        "| `/en/sitemap.xml` |",
        "| `/nl/` | `/` | redirect (between `/` and the default language, as in Hugo) |",
        "| `/nieuws/eerste-bericht/` |",
        "| `/oud/eerste/` | `/nieuws/eerste-bericht/` | redirect (an alias, as in Hugo) |",
    ] {
        assert!(urls.contains(url), "{url} in {urls}");
    }
}

#[test]
fn filename_mode_keeps_the_files_as_they_are() {
    let (_tmp, hugo, site) = snapshots(Variant::FileNames, "filenames");
    for rel in [
        "content/_index.en.md",
        "content/over.en.md",
        "content/nieuws/bundel/index.en.md",
        "content/nieuws/bundel/kaart.svg",
    ] {
        assert_eq!(read(&site, rel), read(&hugo, rel), "{rel}");
    }
    let report = read(&site, "MIGRATION.md");
    let languages = section(&report, "## Languages");
    assert!(
        languages.contains("| `en` | English | `/en/` | `content/`, the files `*.en.md` | "),
        "{languages}"
    );
    let urls = section(&report, "## URLs");
    for url in [
        "| `/en/over/` |",
        "| `/en/nieuws/bundel/` |",
        "| `/en/nieuws/bundel/kaart.svg` |",
        "| `/nieuws/bundel/kaart.svg` |",
        "| `/alleen-nl/` |",
    ] {
        assert!(urls.contains(url), "{url} in {urls}");
    }
    // An English file is a page of `en`, never one of Dutch at `/over.en/`.
    assert!(!urls.contains(".en/"), "{urls}");
    assert!(!urls.contains("| `/en/alleen-nl/`"), "{urls}");
}

#[test]
fn translation_keys_and_an_english_slug_are_kept() {
    let (_tmp, hugo, site) = snapshots(Variant::TranslationKeys, "translation_keys");
    let first = "content/en/news/first-post.md";
    assert_eq!(read(&site, first), read(&hugo, first));
    assert!(read(&site, first).contains("translationKey: eerste"));
    let urls = section(&read(&site, "MIGRATION.md"), "## URLs").to_string();
    for url in [
        "| `/en/about-us/` | `/en/about-us/` | page |",
        "| `/en/news/first-post/` |",
        "| `/old/first/` | `/en/news/first-post/` | redirect (an alias, as in Hugo) |",
    ] {
        assert!(urls.contains(url), "{url} in {urls}");
    }
    assert!(
        section(&read(&site, "MIGRATION.md"), "## Languages").contains(
            "- `en` has the sections `news`, the default language has `nieuws`: `main_section` and `search_sections` in site.toml name the default language's"
        ),
        "{urls}"
    );
    // The English menu's pageRef leads to the English page.
    let toml = read(&site, "site.toml");
    assert!(toml.contains("url = \"/en/news/\""), "{toml}");
}

#[test]
fn a_switched_off_language_is_carried_and_reported_not_built() {
    let (_tmp, hugo, site) = snapshots(Variant::DisabledGerman, "disabled_german");
    assert_eq!(
        read(&site, "content/de/ueber.md"),
        read(&hugo, "content/de/ueber.md")
    );
    assert_eq!(read(&site, "i18n/de.toml"), read(&hugo, "i18n/de.toml"));
    let toml = read(&site, "site.toml");
    assert!(toml.contains("disable_languages = [\"de\"]"), "{toml}");
    let report = read(&site, "MIGRATION.md");
    assert!(
        report.contains(
            "- Switched off (disableLanguages): `de`; their content and i18n files are copied"
        ),
        "{report}"
    );
    assert!(
        section(&report, "## Languages").contains(
            "| `de` | Deutsch | not built: switched off with disableLanguages | `content/de/` | not read |"
        ),
        "{report}"
    );
    // The broken i18n file: named with its line in the report and on the terminal.
    let todo = section(&report, "## To do before publishing");
    assert!(
        todo.contains("- [ ] fix the i18n file `i18n/de.toml:3`: invalid TOML"),
        "{todo}"
    );
    assert!(
        section(&report, "## Interface strings (i18n)")
            .contains("- `i18n/de.toml`: from `i18n/de.toml`; **cannot be read** (line 3)"),
        "{report}"
    );
    // Nothing of `de` is published.
    assert!(!section(&report, "## URLs").contains("/de/"), "{report}");
}

#[test]
fn with_only_the_default_language_built_its_params_and_menus_are_the_sites() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_site(tmp.path(), Variant::Directories);
    let config = hugo.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("disableLanguages = [\"en\"]\n{text}")).unwrap();
    let site = imported(&hugo, tmp.path());
    let toml: toml::Table = toml::from_str(&read(&site, "site.toml")).unwrap();
    // The new site builds one language from the top-level settings.
    assert_eq!(toml["menu"]["main"][0]["url"].as_str(), Some("/nieuws/"));
    assert_eq!(
        toml["params"]["description"].as_str(),
        Some("Een campagne tegen chatcontrole")
    );
    let nl = toml["languages"]["nl"].as_table().unwrap();
    assert!(
        !nl.contains_key("menu") && !nl.contains_key("params"),
        "{nl:?}"
    );
    // The switched-off language keeps its own, for when it is switched on.
    let en = toml["languages"]["en"].as_table().unwrap();
    assert_eq!(en["menu"]["main"][0]["url"].as_str(), Some("/en/nieuws/"));
    assert!(en.contains_key("params"), "{en:?}");
    assert!(
        section(&read(&site, "MIGRATION.md"), "## Languages").contains(
            "`nl` is the only language built, so the new site builds it from the top-level settings"
        )
    );
    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    let home = read(&out, "index.html");
    assert!(home.contains("href=\"/nieuws/\""), "{home}");
    assert!(
        !out.join("en").exists(),
        "the switched-off language is not built"
    );
}

#[test]
fn the_default_language_in_its_subfolder() {
    let (_tmp, _hugo, site) = snapshots(Variant::Subdir, "subdir");
    let toml = read(&site, "site.toml");
    assert!(
        toml.contains("default_content_language_in_subdir = true"),
        "{toml}"
    );
    let report = read(&site, "MIGRATION.md");
    assert!(
        section(&report, "## Languages").contains(
            "the default language `nl` is published under `/nl/`, and `/` is a redirect page to it"
        ),
        "{report}"
    );
    let urls = section(&report, "## URLs");
    for url in [
        "| `/` | `/nl/` | redirect (between `/` and the default language, as in Hugo) |",
        "| `/nl/over/` | `/nl/over/` | page |",
        "| `/nl/sitemap.xml` |",
        "| `/en/over/` |",
    ] {
        assert!(urls.contains(url), "{url} in {urls}");
    }
}

#[test]
fn a_themes_strings_are_added_to_the_sites_file_and_the_site_wins() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_site(tmp.path(), Variant::Directories);
    let config = hugo.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("theme = \"basis\"\n{text}")).unwrap();
    write(
        &hugo,
        "themes/basis/i18n/nl.yaml",
        "leesVerder: Lees meer\nterug: Terug\n",
    );
    write(&hugo, "themes/basis/i18n/ar.toml", "terug = \"رجوع\"\n");
    let site = imported(&hugo, tmp.path());
    let nl = read(&site, "i18n/nl.toml");
    assert!(nl.starts_with(&read(&hugo, "i18n/nl.toml")), "{nl}");
    assert!(nl.contains("[terug]\nother = \"Terug\""), "{nl}");
    assert!(!nl.contains("Lees meer"), "the site's string wins: {nl}");
    // A language the site does not have: not copied, and said so.
    assert!(!site.join("i18n/ar.toml").exists());
    let i18n = section(&read(&site, "MIGRATION.md"), "## Interface strings (i18n)").to_string();
    assert!(
        i18n.contains(
            "- `i18n/nl.toml`: from `i18n/nl.toml`, 3 strings; added from `themes/basis/i18n/nl.yaml`: `terug`"
        ),
        "{i18n}"
    );
    assert!(
        i18n.contains("- Not copied, as Hugo used them for none of the site's languages: `themes/basis/i18n/ar.toml`."),
        "{i18n}"
    );
}

/// The output file of every Hugo URL, relative to the output folder.
fn files_of(dir: &Path) -> BTreeSet<String> {
    snapshot(dir)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect()
}

/// Whether `sitemap.xml` in `out` is a sitemap index that lists the sitemap
/// of each of `languages`.
fn sitemap_index(out: &Path, languages: &[&str]) -> Result<(), String> {
    let text = std::fs::read_to_string(out.join("sitemap.xml")).map_err(|e| e.to_string())?;
    let doc = roxmltree::Document::parse(&text).map_err(|e| e.to_string())?;
    if doc.root_element().tag_name().name() != "sitemapindex" {
        return Err(format!("not a <sitemapindex>:\n{text}"));
    }
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for code in languages {
        let want = format!("https://voorbeeld.test/{code}/sitemap.xml");
        if !locs.contains(&want.as_str()) {
            return Err(format!("{want} is not listed: {locs:?}"));
        }
    }
    Ok(())
}

#[test_case::test_case(Variant::TranslationKeys; "directories with translation keys")]
#[test_case::test_case(Variant::FileNames; "file names")]
#[test_case::test_case(Variant::Subdir; "the default language in its subfolder")]
fn import_hugo_of_a_two_language_site_keeps_every_url_in_both_languages(variant: Variant) {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_site(tmp.path(), variant);
    let hugo_out = tmp.path().join("hugo-uit");
    let Some(hugo_files) = hugo_build(&hugo, &hugo_out, &[]) else {
        return;
    };
    // What the comparison rests on: Hugo published both languages, their
    // feeds, and a sitemap index.
    let nl = if variant == Variant::Subdir {
        "nl/"
    } else {
        ""
    };
    for file in [
        "en/index.html".to_string(),
        "en/index.xml".into(),
        format!("{nl}index.xml"),
        "en/sitemap.xml".into(),
        "nl/sitemap.xml".into(),
    ] {
        assert!(
            hugo_files.contains(&file),
            "Hugo did not write {file}: {hugo_files:?}"
        );
    }
    sitemap_index(&hugo_out, &["nl", "en"]).unwrap();

    let site = imported(&hugo, tmp.path());
    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    let ours = files_of(&out);
    sitemap_index(&out, &["nl", "en"]).unwrap();
    // Translations are paired by translationKey (and by path), whatever
    // their slugs: the starter's head names the other language's page.
    if variant == Variant::TranslationKeys {
        for (page, other) in [
            ("en/news/first-post/index.html", "/nieuws/eerste-bericht/"),
            ("en/about-us/index.html", "/over/"),
            ("nieuws/eerste-bericht/index.html", "/en/news/first-post/"),
        ] {
            let html = scraper::Html::parse_document(&read(&out, page));
            let alternates: Vec<String> = html
                .select(&scraper::Selector::parse("link[rel=alternate][hreflang]").unwrap())
                .filter_map(|l| l.value().attr("href").map(str::to_string))
                .collect();
            assert!(
                alternates.iter().any(|href| href.ends_with(other)),
                "{page} does not name its translation {other}: {alternates:?}"
            );
        }
    }
    // Pages that were pages in Hugo are pages, not redirects, in both languages.
    for file in hugo_files
        .iter()
        .filter(|f| f.ends_with("index.html") && ours.contains(*f))
    {
        let hugo_redirect = read(&hugo_out, file).contains("http-equiv=\"refresh\"");
        let ours_redirect = read(&out, file).contains("http-equiv=\"refresh\"");
        assert_eq!(
            ours_redirect, hugo_redirect,
            "{file}: a redirect in one build and a page in the other"
        );
    }
    // Last, as it names every one at once: each file Hugo wrote is there.
    let missing: Vec<&String> = hugo_files.iter().filter(|f| !ours.contains(*f)).collect();
    assert!(
        missing.is_empty(),
        "Hugo URLs that do not answer in the imported site: {missing:?}"
    );
}

#[test_case::test_case(Variant::Directories; "directories")]
#[test_case::test_case(Variant::TranslationKeys; "directories with translation keys")]
#[test_case::test_case(Variant::FileNames; "file names")]
#[test_case::test_case(Variant::Subdir; "the default language in its subfolder")]
fn the_url_table_names_exactly_what_hugo_published(variant: Variant) {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = hugo_site(tmp.path(), variant);
    let hugo_out = tmp.path().join("hugo-uit");
    let Some(hugo_files) = hugo_build(&hugo, &hugo_out, &[]) else {
        return;
    };
    let site = imported(&hugo, tmp.path());
    let report = read(&site, "MIGRATION.md");
    let reported: BTreeSet<String> = section(&report, "## URLs")
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let url = l.split('`').nth(1).unwrap_or_default();
            let trimmed = url.trim_start_matches('/');
            if trimmed.is_empty() {
                "index.html".to_string()
            } else if trimmed.ends_with('/') {
                format!("{trimmed}index.html")
            } else {
                trimmed.to_string()
            }
        })
        .collect();
    assert_eq!(reported, hugo_files, "the URL table of MIGRATION.md");
}
