//! After `import hugo` nothing is left unsaid: `check` runs on the new site
//! and its findings are in the to-do with file and line, a link wrong only
//! in case points at the published address and is listed, and what the
//! Hugo home layout showed (buttons, newest posts, a partial) is named with
//! what to do.

use super::common::run;
use super::import_hugo::{fixture, fixture_copy, import, migrated, section, stderr};

#[test]
fn check_runs_on_the_new_site_and_its_findings_are_in_the_todo() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("nieuw");
    let o = import(&fixture(), &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let expected =
        "(error) `content/nl/achtergrond/laatste.md:6:1`: unknown shortcode `laatste-nieuws`";
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let todo = section(&report, "## To do before publishing");
    assert!(
        todo.contains(
            "`chatcontrole check` on the new site, right after the import, finds 1 problem(s)"
        ) && todo.contains(&format!("- [ ] {expected}")),
        "{todo}"
    );
    assert!(
        String::from_utf8_lossy(&o.stdout).contains(expected) || stderr(&o).contains(expected),
        "the terminal does not show the check's finding"
    );
}

#[test]
fn a_link_wrong_only_in_case_points_at_the_published_address() {
    let tmp = tempfile::tempdir().unwrap();
    let (site, _out) = migrated(&fixture(), tmp.path());
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert_eq!(
        section(&report, "## Links whose case was wrong")
            .lines()
            .filter(|l| l.starts_with("- "))
            .collect::<Vec<_>>(),
        [
            "- `content/nl/nieuws/2025-11-26-vrijwillig-scannen.md:16`: `/achtergrond/CDU-CSU-geen-chatcontrole` → `/achtergrond/cdu-csu-geen-chatcontrole/`"
        ]
    );
    let post =
        std::fs::read_to_string(site.join("content/nl/nieuws/2025-11-26-vrijwillig-scannen.md"))
            .unwrap();
    assert!(
        post.contains("](/achtergrond/cdu-csu-geen-chatcontrole/)"),
        "{post}"
    );
    // With the hand port done, check passes: the link answers.
    let o = run(&["check", "--site", site.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn what_the_hugo_home_layout_showed_is_named_with_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("nieuw");
    let o = import(&fixture(), &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let todo = section(&report, "## To do before publishing");
    assert!(
        todo.contains(
            "- [ ] the Hugo home page layout `layouts/index.html` showed more than the home page's text: buttons and links [Lees verder](#waarom), [Al het nieuws](/nieuws/); the newest 3 posts of `nieuws`; the partial `telefoon.html` (uses `images/logo.svg`)."
        ),
        "{todo}"
    );

    // A Hugo site whose home layout shows only the text gets no such to-do.
    let plain = fixture_copy(&tmp.path().join("plain"));
    std::fs::write(
        plain.join("layouts/index.html"),
        "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n",
    )
    .unwrap();
    let site = tmp.path().join("plain-nieuw");
    let o = import(&plain, &site, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    assert!(!report.contains("home page layout"), "{report}");
}
