//! Every mistake an editor can make gives exit code 1, a message naming the
//! file, line and column with a hint, no panic, and leaves the previous
//! output folder exactly as it was.

use crate::common;

use std::path::Path;

use common::{build, run, site_copy, snapshot, write};

/// Builds the example site, applies `break_it`, builds again and checks the
/// failure: exit code 1, `expected` fragments on stderr, output unchanged.
fn assert_build_fails(break_it: impl FnOnce(&Path), expected: &[&str]) {
    let site = site_copy();
    let out = site.path().join("uitvoer");
    build(site.path(), &out, &[]);
    let before = snapshot(&out);
    break_it(site.path());
    let result = run(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(
        result.status.code(),
        Some(1),
        "exit code 1 expected; stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert!(stderr.contains("hint:"), "a hint is given: {stderr}");
    for fragment in expected {
        assert!(
            stderr.contains(fragment),
            "expected {fragment:?} in:\n{stderr}"
        );
    }
    assert!(
        before == snapshot(&out),
        "the previous output must stay byte-for-byte the same"
    );
}

fn page(site: &Path, text: &str) {
    write(site, "content/nieuws/kapot.md", text);
}

#[test]
fn missing_front_matter() {
    assert_build_fails(
        |s| page(s, "# Titel\n\nTekst zonder kop.\n"),
        &[
            "content/nieuws/kapot.md:1:1: couldn't find front matter in `kapot.md`",
            "---",
        ],
    );
}

#[test]
fn unclosed_front_matter() {
    assert_build_fails(
        |s| page(s, "---\ntitle: Kapot\ndate: 2025-01-01\n\nTekst.\n"),
        &[
            "content/nieuws/kapot.md:1:1: the front matter opened with `---` on line 1 is never closed",
        ],
    );
}

#[test]
fn invalid_yaml() {
    assert_build_fails(
        |s| {
            page(
                s,
                "---\ntitle: Kapot\ntags: [een, twee\ndate: 2025-01-01\n---\nTekst.\n",
            )
        },
        &["content/nieuws/kapot.md:4:", "invalid YAML front matter"],
    );
}

#[test]
fn invalid_toml() {
    assert_build_fails(
        |s| page(s, "+++\ntitle = \"Kapot\"\ndate = morgen\n+++\nTekst.\n"),
        &["content/nieuws/kapot.md:3:", "invalid TOML front matter"],
    );
}

#[test]
fn bad_date() {
    assert_build_fails(
        |s| page(s, "---\ntitle: Kapot\ndate: 24-11-2025\n---\nTekst.\n"),
        &[
            "content/nieuws/kapot.md:3:1: `date` is not a date: \"24-11-2025\"",
            "2025-11-24",
        ],
    );
}

#[test]
fn unknown_shortcode() {
    assert_build_fails(
        |s| {
            page(
                s,
                "---\ntitle: Kapot\n---\n\nKijk {{< tweet 123 >}} hier.\n",
            )
        },
        &[
            "content/nieuws/kapot.md:5:6: unknown shortcode `tweet`",
            "known shortcodes are: alert, audio, details, drie-niveaus, email",
        ],
    );
}

#[test]
fn unclosed_shortcode() {
    assert_build_fails(
        |s| {
            page(
                s,
                "---\ntitle: Kapot\n---\n\n{{< details \"Meer\" >}}\nTekst zonder einde.\n",
            )
        },
        &[
            "content/nieuws/kapot.md:5:1: the shortcode `details` is opened here but never closed",
            "{{< /details >}}",
        ],
    );
}

#[test]
fn unterminated_shortcode_tag() {
    assert_build_fails(
        |s| {
            page(
                s,
                "---\ntitle: Kapot\n---\nTekst {{< alert context=\"info\"\n",
            )
        },
        &[
            "content/nieuws/kapot.md:4:7: a shortcode starts here with `{{<` but never ends with `>}}`",
        ],
    );
}

#[test]
fn two_pages_with_one_url() {
    assert_build_fails(
        |s| {
            page(
                s,
                "---\ntitle: Dubbel\nslug: commissiedebat-24-nov-2025\n---\nTekst.\n",
            )
        },
        &[
            "content/nieuws/kapot.md:3:1: two pages have the URL /nieuws/commissiedebat-24-nov-2025/",
        ],
    );
}

#[test]
fn missing_template() {
    assert_build_fails(
        |s| std::fs::remove_file(s.join("templates/single.html")).unwrap(),
        &["templates/single.html: missing template `single.html`"],
    );
}

#[test]
fn template_syntax_error() {
    assert_build_fails(
        |s| {
            write(
                s,
                "templates/404.html",
                "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title \n{% endblock %}\n",
            )
        },
        &["templates/404.html:4: template error: syntax error"],
    );
}

#[test]
fn invalid_site_toml() {
    assert_build_fails(
        |s| {
            let path = s.join("site.toml");
            let text = std::fs::read_to_string(&path)
                .unwrap()
                .replace("paginate = 10", "paginate = tien");
            std::fs::write(path, text).unwrap();
        },
        &["site.toml:", "invalid TOML"],
    );
}

#[test]
fn several_errors_are_reported_together() {
    assert_build_fails(
        |s| {
            page(s, "---\ntitle: A\ndate: gisteren\n---\n");
            write(s, "content/docs/ook-kapot.md", "geen kop\n");
        },
        &["kapot.md:3:1", "ook-kapot.md:1:1", "2 errors"],
    );
}

#[test]
fn check_reports_broken_internal_link_with_line() {
    let site = site_copy();
    page(
        site.path(),
        "---\ntitle: Links\ndate: 2025-01-01\n---\n\nZie [deze pagina](/bestaat-niet/) en [kop](/over/#geen-kop).\n",
    );
    let result = run(&["check", "--site", site.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/nieuws/kapot.md:6:19: broken link `/bestaat-niet/`"),
        "{stderr}"
    );
    assert!(stderr.contains("content/nieuws/kapot.md:6:"), "{stderr}");
    assert!(
        stderr.contains("no heading or element with id `geen-kop`"),
        "{stderr}"
    );
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn wrong_usage_exits_with_two() {
    assert_eq!(run(&["build", "--onbekend"]).status.code(), Some(2));
    assert_eq!(run(&["bouwen"]).status.code(), Some(2));
}

#[test]
fn missing_site_folder_is_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let result = run(&[
        "build",
        "--site",
        dir.path().join("nergens").to_str().unwrap(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&result.stderr).contains("site.toml"));
}
