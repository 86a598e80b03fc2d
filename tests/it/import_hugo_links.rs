//! `import hugo` of a cloned repository whose folders are symbolic links
//! (git stores them): nothing from outside the Hugo folder reaches the new
//! site or its build, what was left out is named on the terminal and in
//! MIGRATION.md, and links that stay inside the Hugo folder are copied as the
//! files they point to.

use crate::common;

use std::os::unix::fs::symlink;
use std::path::Path;

use common::{run, snapshot, write};
use test_case::test_case;

/// Text that only the "private" folder outside the Hugo site holds.
const SECRET: &str = "root:SECRET-HASH:0:0";

/// A minimal Hugo site in `root/hugo` and, next to it, a private folder
/// holding files every Hugo folder kind would read.
fn hugo_site(root: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let hugo = root.join("hugo");
    write(
        &hugo,
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Voorbeeld\"\nlanguageCode = \"nl\"\n",
    );
    write(
        &hugo,
        "content/_index.md",
        "---\ntitle: Start\n---\nZie [het bestand](/passwd) en passwd.\n",
    );
    write(
        &hugo,
        "content/nieuws/een.md",
        "---\ntitle: Een\n---\nTekst.\n",
    );
    let private = root.join("private");
    write(&private, "passwd", SECRET);
    write(&private, "shortcodes/geheim.html", SECRET);
    write(&private, "layouts/shortcodes/geheim.html", SECRET);
    write(
        &private,
        "_default/params.toml",
        &format!("geheim = \"{SECRET}\"\n"),
    );
    (hugo, private)
}

/// Every file of the new site (and its build) that holds the secret.
fn leaks(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .into_iter()
        .filter(|(_, bytes)| String::from_utf8_lossy(bytes).contains("SECRET-HASH"))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

/// Runs `import hugo HUGO --into SITE` with `extra` arguments.
fn import(hugo: &Path, site: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import",
        "hugo",
        hugo.to_str().unwrap(),
        "--into",
        site.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args)
}

#[test_case("static"; "static")]
#[test_case("data"; "data")]
#[test_case("i18n"; "i18n")]
#[test_case("assets"; "assets")]
#[test_case("layouts"; "layouts")]
#[test_case("layouts/shortcodes"; "layouts shortcodes")]
#[test_case("themes/doks"; "a theme")]
fn a_linked_folder_that_leaves_the_site_is_not_copied_or_published(folder: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (hugo, private) = hugo_site(dir.path());
    let link = hugo.join(folder);
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    symlink(&private, &link).unwrap();
    let site = dir.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(folder) && stderr.contains("outside"),
        "the terminal names the link {folder}:\n{stderr}"
    );
    assert_eq!(leaks(&site), Vec::<String>::new(), "copied from outside");
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let section = report
        .split("## Links not followed")
        .nth(1)
        .unwrap_or_else(|| panic!("MIGRATION.md lists the refused link:\n{report}"));
    assert!(section.contains(&format!("`{folder}`")), "{section}");

    let out = dir.path().join("uit");
    let built = run(&[
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert_eq!(leaks(&out), Vec::<String>::new(), "published from outside");
}

#[test]
fn a_linked_config_folder_that_leaves_the_site_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (hugo, private) = hugo_site(dir.path());
    symlink(&private, hugo.join("config")).unwrap();
    let site = dir.path().join("nieuw");
    let o = import(&hugo, &site, &["--dry-run"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("config") && stderr.contains("outside the site folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("SECRET-HASH"), "{stderr}");
}

#[test]
fn links_inside_static_are_copied_and_links_out_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (hugo, private) = hugo_site(dir.path());
    write(&hugo, "static/docs/echt.txt", "gewoon bestand");
    write(
        &hugo,
        "gedeeld/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    symlink(
        hugo.join("static/docs/echt.txt"),
        hugo.join("static/kopie.txt"),
    )
    .unwrap();
    symlink(hugo.join("gedeeld"), hugo.join("static/gedeeld")).unwrap();
    symlink(private.join("passwd"), hugo.join("static/passwd")).unwrap();
    let site = dir.path().join("nieuw");
    let o = import(&hugo, &site, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(site.join("static/kopie.txt")).unwrap(),
        "gewoon bestand"
    );
    assert!(site.join("static/gedeeld/logo.svg").is_file());
    assert!(!site.join("static/passwd").exists());
    assert_eq!(leaks(&site), Vec::<String>::new());
    let report = std::fs::read_to_string(site.join("MIGRATION.md")).unwrap();
    let section = report
        .split("## Links not followed")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();
    assert!(section.contains("`static/passwd`"), "{report}");
    assert!(!section.contains("kopie.txt"), "{section}");
}
