//! `import hugo` on the Doks-shaped fixture in `tests/fixtures/hugo-doks/`:
//! the import reads the Hugo folder without changing it, the report lists
//! exactly what was changed and what needs work, the untranslatable shortcode
//! fails the build naming it and its page, and after its hand port the site
//! builds, passes `check`, answers every Hugo URL, builds the menus and loads
//! no script. With `hugo` installed (CI installs it) the URL sets and menus
//! are compared with Hugo's own output of the fixture, also with `uglyURLs`.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{build, run, snapshot, write};

pub(crate) fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hugo-doks")
}

/// A copy of the fixture (Hugo writes a lock file into the folder it builds).
pub(crate) fn fixture_copy(root: &Path) -> PathBuf {
    let target = root.join("hugo");
    for (rel, bytes) in snapshot(&fixture()) {
        let path = target.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    target
}

pub(crate) fn import(hugo: &Path, into: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        "hugo",
        hugo.to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

pub(super) fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What an editor writes for the one shortcode the importer cannot translate
/// (it listed the newest news posts, which a shortcode template cannot query).
pub(super) const HAND_PORT: &str = "<p class=\"laatste-nieuws\"><a href=\"{{ rel_url('/nieuws/') }}\">Het laatste nieuws</a></p>\n";

/// Imports the fixture, ports the shortcode by hand and builds: (temp dir, site, output).
pub(crate) fn migrated(hugo: &Path, root: &Path) -> (PathBuf, PathBuf) {
    let site = root.join("nieuw");
    let o = import(hugo, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    write(&site, "templates/shortcodes/laatste-nieuws.html", HAND_PORT);
    let out = root.join("uit");
    build(&site, &out, &[]);
    (site, out)
}

/// The output file of a site path, as the engine and Hugo write it.
fn file_of(path: &str) -> String {
    let trimmed = path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.into()
    }
}

/// The rows of the URL table of MIGRATION.md: (Hugo URL, new URL, how).
fn url_rows(report: &str) -> Vec<(String, String, String)> {
    report
        .split("## URLs")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (
                cells[1].trim_matches('`').into(),
                cells[2].trim_matches('`').into(),
                cells[3].into(),
            )
        })
        .collect()
}

pub(super) fn section<'a>(report: &'a str, heading: &str) -> &'a str {
    let start = report
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading}"));
    let rest = &report[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn the_fixture_has_what_the_issue_asks_for() {
    let pages = walkdir::WalkDir::new(fixture().join("content/nl"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count();
    assert!(pages >= 30, "{pages} pages");
    for file in [
        "config/_default/config.toml",
        "config/_default/params.toml",
        "config/_default/languages.toml",
        "config/_default/markup.toml",
        "config/_default/menus/menus.nl.toml",
        "i18n/nl.yaml",
        "content/nl/achtergrond/CDU-CSU-geen-chatcontrole.md",
        "layouts/shortcodes/tijdlijn.html",
    ] {
        assert!(fixture().join(file).is_file(), "{file}");
    }
}

#[test]
fn import_reads_hugo_and_reports_exactly_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let before = snapshot(&fixture());
    let site = tmp.path().join("nieuw");
    let o = import(&fixture(), &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(snapshot(&fixture()), before, "the Hugo folder was changed");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(stdout.contains("MIGRATION.md"), "{stdout}");
    assert!(stdout.contains("laatste-nieuws"), "{stdout}");

    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let markdown = section(&report, "## Markdown");
    for rule in ["- Tables:", "- Footnotes:", "- Typographer:"] {
        assert!(markdown.contains(rule), "{markdown}");
    }
    assert_eq!(
        section(
            &report,
            "## Embeds, scripts and styles removed from content"
        )
        .trim(),
        "- `content/nl/docs/help/veelgestelde-vragen.md`:
  - line 14: style attribute removed
  - line 16: inline script removed
- `content/nl/nieuws/2025-10-14-reactie-op-mastodon.md`:
  - line 10: style attribute removed
  - line 10: script from mastodon.example removed
  - line 14: iframe replaced by a link to https://video.example/embed/abc123"
    );
    let shortcodes: Vec<&str> = section(&report, "## Shortcodes")
        .lines()
        .filter(|l| l.starts_with("| `"))
        .collect();
    assert_eq!(
        shortcodes,
        [
            "| `alert` | uses the built-in `alert` | `content/nl/docs/uitleg/foutmeldingen.md:16`, `content/nl/docs/uitleg/hashes.md:16`, `content/nl/docs/uitleg/kunstmatige-intelligentie.md:16`, `content/nl/docs/uitleg/leeftijdscontrole.md:16`, `content/nl/docs/uitleg/versleuteling.md:16` |",
            "| `audio` | uses the built-in `audio` | `content/nl/over.md:16` |",
            "| `citaat` | translated from the Go template | `content/nl/blog/waarom-versleuteling.md:20` |",
            "| `details` | uses the built-in `details` | `content/nl/docs/help/veelgestelde-vragen.md:10`, `content/nl/docs/uitleg/foutmeldingen.md:22`, `content/nl/docs/uitleg/hashes.md:22`, `content/nl/docs/uitleg/kunstmatige-intelligentie.md:22`, `content/nl/docs/uitleg/leeftijdscontrole.md:22`, `content/nl/docs/uitleg/versleuteling.md:22` |",
            "| `email` | uses the built-in `email` | `content/nl/docs/help/contact.md:9`, `content/nl/doe-mee.md:9`, `content/nl/over.md:12` |",
            "| `figuur` | translated from the Go template | `content/nl/achtergrond/CDU-CSU-geen-chatcontrole.md:8` |",
            "| `knop` | translated from the Go template | `content/nl/_index.md:11` |",
            "| `laatste-nieuws` | **needs a hand port**: `.Site.RegularPages` cannot be translated | `content/nl/achtergrond/laatste.md:6` |",
            "| `paginakop` | translated from the Go template | `content/nl/blog/Mijn Eerste Bericht.md:7` |",
            "| `tijdlijn` | plain HTML, copied | `content/nl/docs/help/contact.md:11` |",
        ]
    );
    let todo = section(&report, "## To do before publishing");
    assert!(
        todo.contains("(build) port the shortcode `laatste-nieuws`"),
        "{todo}"
    );
    assert!(
        todo.contains("hugo-shortcodes/laatste-nieuws.html"),
        "{todo}"
    );
    assert!(todo.contains("--election stemwijzer-2023"), "{todo}");
    let fields = section(
        &report,
        "## Front-matter fields the new templates do not use",
    );
    assert!(fields.contains("- `thema` (1 pages)"), "{fields}");
    let config = section(&report, "## Configuration");
    assert!(
        config.contains("`googleanalytics` | the new site has no analytics"),
        "{config}"
    );
    assert!(
        config.contains("`production` is merged over `_default`"),
        "{config}"
    );
    assert!(
        report.contains(
            "- Switched off (disableLanguages): `en`; their content and i18n files are copied"
        ),
        "{report}"
    );
    assert!(!report.contains("- Not migrated: `en`"), "{report}");
    assert!(report.contains(
        "`assets/images/schema-scannen.svg`: copied to `static/images/schema-scannen.svg`"
    ));
    assert!(report.contains("`assets/images/ongebruikt.svg`: not copied"));

    // Content is copied byte for byte unless something had to go.
    for rel in [
        "content/nl/docs/uitleg/hashes.md",
        "content/nl/over.md",
        "content/nl/nieuws/ep-stemt/stemming.svg",
        "static/flyer.txt",
        "data/partners.yaml",
        "i18n/nl.yaml",
    ] {
        assert_eq!(
            std::fs::read(site.join(rel)).unwrap(),
            std::fs::read(fixture().join(rel)).unwrap(),
            "{rel}"
        );
    }
    let mastodon =
        std::fs::read_to_string(site.join("content/nl/nieuws/2025-10-14-reactie-op-mastodon.md"))
            .unwrap();
    assert!(mastodon.contains("Mijn berichten zijn van mij."));
    assert!(!mastodon.contains("<script"));
    let site_toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        site_toml.contains("content_dir = \"content/nl\""),
        "{site_toml}"
    );
    assert!(
        site_toml.contains("nieuws = \"/nieuws/:year/:month/:slug/\""),
        "{site_toml}"
    );
}

#[test]
fn untranslatable_shortcode_fails_the_build_naming_it_and_its_page() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("nieuw");
    assert!(import(&fixture(), &site, &[]).status.success());
    let o = run(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        tmp.path().join("uit").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("content/nl/achtergrond/laatste.md:6:1: unknown shortcode `laatste-nieuws`"),
        "{err}"
    );
    assert_eq!(err.matches("error[").count(), 1, "{err}");
}

#[test]
fn migrated_site_builds_checks_and_answers_every_hugo_url() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, out) = migrated(&fixture(), tmp.path());
    let o = run(&["check", "--site", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));

    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let rows = url_rows(&report);
    assert!(rows.len() >= 60, "{} rows", rows.len());
    for (hugo, new, how) in &rows {
        let file = out.join(file_of(hugo));
        assert!(file.is_file(), "{hugo} does not answer ({how})");
        if how.starts_with("redirect") {
            let html = std::fs::read_to_string(&file).unwrap();
            assert!(
                html.contains("http-equiv=\"refresh\"") && html.contains(new.as_str()),
                "{hugo} should redirect to {new}"
            );
        }
    }

    // No page loads a script from another host or carries an inline script or style.
    for (rel, bytes) in snapshot(&out) {
        if rel.extension().is_none_or(|x| x != "html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for tag in html.split("<script").skip(1) {
            let open = &tag[..tag.find('>').unwrap_or(tag.len())];
            let src = open
                .split("src=\"")
                .nth(1)
                .map(|s| &s[..s.find('"').unwrap_or(0)]);
            match src {
                Some(src) => assert!(
                    src.starts_with('/') && !src.starts_with("//"),
                    "{}: script from {src}",
                    rel.display()
                ),
                None => assert!(
                    open.contains("application/ld+json"),
                    "{}: inline script",
                    rel.display()
                ),
            }
        }
        assert!(!html.contains("<iframe"), "{}: iframe", rel.display());
        assert!(
            !html.contains(" style=\""),
            "{}: style attribute",
            rel.display()
        );
    }

    // Hugo behaviour the pages rely on.
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        home.contains("<strong>verplichten</strong>"),
        "lead with HTML"
    );
    assert!(
        home.contains("class=\"knop\" href=\"/nieuws/\""),
        "translated shortcode with named params and relURL"
    );
    let contact = std::fs::read_to_string(out.join("docs/help/contact/index.html")).unwrap();
    assert!(contact.contains("class=\"email\""), "built-in email");
    assert!(
        !contact.contains("redactie@voorbeeld.test"),
        "address readable by scrapers"
    );
    assert!(contact.contains("tijdlijn-item"), "plain-HTML shortcode");
    let faq =
        std::fs::read_to_string(out.join("docs/help/veelgestelde-vragen/index.html")).unwrap();
    assert!(
        faq.contains("<strong>Europese</strong>"),
        "{{% details %}} renders its Markdown"
    );
    let blog = std::fs::read_to_string(out.join("blog/waarom-versleuteling/index.html")).unwrap();
    assert!(blog.contains("<figcaption>Een cryptograaf, <a href=\"https://cryptografie.example/stuk\">bron</a></figcaption>"), "{blog}");
    assert!(blog.contains("class=\"toc\""), "toc");
    assert!(blog.contains("Anne, Bas"), "contributors");
    let own = std::fs::read_to_string(out.join("blog/mijn-eerste-bericht/index.html")).unwrap();
    assert!(
        own.contains("Mijn eerste bericht · PRIVACY · Stichting Voorbeeld"),
        "page and site params in a shortcode"
    );
    assert!(
        out.join("images/schema-scannen.svg").is_file(),
        "asset used by content"
    );

    // Menus from the configuration and from front matter, nested by parent.
    assert_eq!(
        menu(&home, "main"),
        "[/nieuws/ Nieuws][/docs/prologue/inleiding/ Uitleg][/achtergrond/ Achtergrond[/achtergrond/wetgeving/ Wetgeving]][/actie/ Doe mee][/over-de-campagne/ Over]"
    );
    assert!(
        menu(&contact, "docs").starts_with("[/docs/prologue/ Begin hier[/docs/prologue/inleiding/ Inleiding][/docs/prologue/snel-aan-de-slag/ Snel aan de slag][/docs/prologue/woordenlijst/ Woordenlijst]]"),
        "{}",
        menu(&contact, "docs")
    );
}

/// A menu of a page as `[url name[child…]]…`, from `<nav class="… menu-NAME">`.
fn menu(html: &str, name: &str) -> String {
    let start = html
        .find(&format!("menu-{name}\""))
        .unwrap_or_else(|| panic!("no menu {name}"));
    let nav = &html[start..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let mut out = String::new();
    let mut depth = 0;
    let mut rest = nav;
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<a ") {
            let href = rest.split("href=\"").nth(1).unwrap();
            let href = &href[..href.find('"').unwrap()];
            let text_start = rest.find('>').unwrap() + 1;
            let text = &rest[text_start..text_start + rest[text_start..].find('<').unwrap()];
            out.push_str(&format!("[{href} {text}"));
            depth += 1;
        } else if rest.starts_with("</li>") {
            out.push(']');
            depth -= 1;
        }
        rest = &rest[1..];
    }
    assert_eq!(depth, 0);
    out
}

#[test]
fn refuses_a_non_empty_into_and_one_inside_the_hugo_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("bestaat");
    write(&into, "notities.txt", "van mij");
    let o = import(&fixture(), &into, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the folder given with --into is not empty"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("hint:"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(into.join("notities.txt")).unwrap(),
        "van mij"
    );

    let hugo = fixture_copy(tmp.path());
    let before = snapshot(&hugo);
    let o = import(&hugo, &hugo.join("nieuw"), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("inside the Hugo site folder"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(&hugo), before);
}

#[test]
fn dry_run_writes_nothing_and_an_empty_into_is_used() {
    let tmp = tempfile::tempdir().unwrap();
    let into = tmp.path().join("nieuw");
    let o = import(&fixture(), &into, &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("would import 47 pages"));
    assert!(!into.exists());
    std::fs::create_dir(&into).unwrap();
    assert!(import(&fixture(), &into, &[]).status.success());
    assert!(into.join("site.toml").is_file());
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}

#[test]
fn guides_option_turns_the_guide_page_into_data_at_the_same_url() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("nieuw");
    let o = import(&fixture(), &site, &["--guides"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!site.join("content/nl/stemwijzer-2023.md").exists());
    assert!(
        site.join("data/elections/stemwijzer-2023/election.toml")
            .is_file()
    );
    write(&site, "templates/shortcodes/laatste-nieuws.html", HAND_PORT);
    let out = tmp.path().join("uit");
    build(&site, &out, &[]);
    let o = run(&["check", "--site", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("stemwijzer-2023/index.html")).unwrap();
    assert!(
        html.contains("Partij Alfa") && html.contains("Beta Beweging"),
        "{html}"
    );
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(
        report.contains("imported: data/elections/stemwijzer-2023/ now renders /stemwijzer-2023/"),
        "{report}"
    );
}

/// Builds `hugo_dir` with Hugo, or None (with a message) when Hugo is not installed.
pub(crate) fn hugo_build(
    hugo_dir: &Path,
    out: &Path,
    env: &[(&str, &str)],
) -> Option<BTreeSet<String>> {
    let required = std::env::var("CHATCONTROLE_HUGO_TESTS").is_ok_and(|v| v == "required");
    let mut command = Command::new("hugo");
    command.args([
        "--source",
        hugo_dir.to_str().unwrap(),
        "--destination",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    command.envs(env.iter().copied());
    match command.output() {
        Ok(o) => {
            assert!(
                o.status.success(),
                "hugo failed: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            Some(
                snapshot(out)
                    .into_keys()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .collect(),
            )
        }
        Err(e) if !required => {
            eprintln!(
                "SKIPPED: comparing with Hugo's own output needs `hugo` (apt-get install hugo): {e}"
            );
            None
        }
        Err(e) => panic!("CHATCONTROLE_HUGO_TESTS=required but hugo cannot run: {e}"),
    }
}

/// Every file Hugo wrote answers in our output, as the same file or a redirect page.
fn compare(hugo_files: &BTreeSet<String>, out: &Path, label: &str) {
    let ours: BTreeSet<String> = snapshot(out)
        .into_keys()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    let (mut pages, mut redirects, mut missing) = (0, 0, Vec::new());
    for file in hugo_files {
        if !ours.contains(file) {
            missing.push(file.clone());
            continue;
        }
        let text = std::fs::read_to_string(out.join(file)).unwrap_or_default();
        if file.ends_with(".html") && text.contains("http-equiv=\"refresh\"") {
            redirects += 1;
        } else {
            pages += 1;
        }
    }
    eprintln!(
        "{label}: Hugo URLs {}, answered {}, as pages or files {pages}, as redirects {redirects}",
        hugo_files.len(),
        pages + redirects
    );
    assert!(
        missing.is_empty(),
        "{label}: Hugo URLs that do not answer: {missing:?}"
    );
}

#[test]
fn urls_and_menus_match_hugos_own_output() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    let hugo_out = tmp.path().join("hugo-uit");
    let Some(hugo_files) = hugo_build(&hugo, &hugo_out, &[]) else {
        return;
    };
    let (_, out) = migrated(&hugo, tmp.path());
    compare(&hugo_files, &out, "pretty URLs");
    // Our report names exactly the URLs Hugo made.
    let report = std::fs::read_to_string(tmp.path().join("nieuw/MIGRATION.md")).unwrap();
    let reported: BTreeSet<String> = url_rows(&report)
        .into_iter()
        .map(|(h, _, _)| file_of(&h))
        .collect();
    assert_eq!(reported, hugo_files);
    // Menus: Hugo's fixture layout and the starter templates write the same nesting.
    let read = |dir: &Path, rel: &str| std::fs::read_to_string(dir.join(rel)).unwrap();
    assert_eq!(
        menu(&read(&out, "index.html"), "main"),
        menu(&read(&hugo_out, "index.html"), "main")
    );
    let page = "docs/uitleg/hashes/index.html";
    assert_eq!(
        menu(&read(&out, page), "docs"),
        menu(&read(&hugo_out, page), "docs")
    );
}

#[test]
fn ugly_urls_match_hugos_own_output() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    let config = hugo.join("config/_default/config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replacen("title =", "uglyURLs = true\ntitle =", 1),
    )
    .unwrap();
    let hugo_out = tmp.path().join("hugo-uit");
    let Some(hugo_files) = hugo_build(&hugo, &hugo_out, &[]) else {
        return;
    };
    assert!(
        hugo_files.contains("docs/help/contact.html"),
        "Hugo did not make ugly URLs"
    );
    let (site, out) = migrated(&hugo, tmp.path());
    assert!(
        std::fs::read_to_string(site.join("site.toml"))
            .unwrap()
            .contains("ugly_urls = true")
    );
    compare(&hugo_files, &out, "ugly URLs");
}

/// Shortcode text that minijinja would run if it reached it as template code.
const INJECTION: &str = "{% endraw %}{% for a in range(4) %}X{% endfor %}";

#[test]
fn shortcode_text_that_looks_like_template_code_builds_to_the_literal_text() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    write(
        &hugo,
        "layouts/shortcodes/letterlijk.html",
        &format!("<p class=\"letterlijk\">{INJECTION}</p>\n"),
    );
    write(
        &hugo,
        "layouts/shortcodes/gemengd.html",
        &format!("<p class=\"gemengd\">{INJECTION}{{{{ .Get 0 }}}}{INJECTION}</p>\n"),
    );
    write(
        &hugo,
        "content/nl/letterlijk.md",
        "---\ntitle: Letterlijk\n---\n\n{{< letterlijk >}}\n\n{{< gemengd \"midden\" >}}\n",
    );
    let (site, out) = migrated(&hugo, tmp.path());
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(
        report.contains("| `letterlijk` | plain HTML, copied |"),
        "{report}"
    );
    assert!(
        report.contains("| `gemengd` | translated from the Go template |"),
        "{report}"
    );
    let html = common::read(&out, "letterlijk/index.html");
    assert!(
        html.contains(&format!("<p class=\"letterlijk\">{INJECTION}</p>")),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "<p class=\"gemengd\">{INJECTION}midden{INJECTION}</p>"
        )),
        "{html}"
    );
    assert!(!html.contains("XXXX"), "{html}");
}

#[test]
fn a_curly_quote_in_a_shortcode_is_a_hand_port_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    write(
        &hugo,
        "layouts/shortcodes/krul.html",
        "<b>{{ .Get “tekst” }}</b> {{ .Inner }}\n",
    );
    let site = tmp.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(
        report.contains("| `krul` | **needs a hand port**: a curly quote `“` in a template action: Go templates quote strings with straight quotes `\"` |"),
        "{report}"
    );
}

#[test]
fn hostile_html_in_content_is_cleaned_and_listed_and_markdown_stays() {
    let tmp = tempfile::tempdir().unwrap();
    let hugo = fixture_copy(tmp.path());
    let page = "---\ntitle: Vijandig\n---\n\nTekst met a < b en <https://e.org/x>.\n\n<img src=\"/a.png\" onerror=\"alert(1)\">\n\n<a href=\"jav&#x61;script:alert(1)\" ONCLICK=\"x()\">klik</a>\n\n<object data=\"x.swf\"><p>Geen plugin</p></object>\n\n```html\n<img src=x onerror=alert(1)>\n```\n";
    write(&hugo, "content/nl/vijandig.md", page);
    let (site, out) = migrated(&hugo, tmp.path());
    let copied = std::fs::read_to_string(site.join("content/nl/vijandig.md")).unwrap();
    assert_eq!(
        copied,
        page.replace(" onerror=\"alert(1)\">\n\n<a", ">\n\n<a")
            .replace(" href=\"jav&#x61;script:alert(1)\" ONCLICK=\"x()\"", "")
            .replace(
                "<object data=\"x.swf\"><p>Geen plugin</p></object>",
                "<p>Geen plugin</p>"
            )
    );
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(
        report.contains(
            "- `content/nl/vijandig.md`:
  - line 7: event handler `onerror` removed
  - line 9: `href` removed: its address could run a script or carry a page
  - line 9: event handler `onclick` removed
  - line 11: `<object>` removed"
        ),
        "{report}"
    );
    let html = common::read(&out, "vijandig/index.html");
    assert!(
        !html.contains("onerror=\"alert") && !html.contains("javascript:"),
        "{html}"
    );
    assert!(
        html.contains("a &lt; b") && html.contains("href=\"https://e.org/x\""),
        "{html}"
    );
    assert!(html.contains("<p>Geen plugin</p>"), "{html}");
}
