//! Decides whether `build` may replace the output folder.
//!
//! A build swaps its whole output folder, so pointing `--out` at the wrong
//! folder would delete an editor's files. The folder is replaced only when it
//! is missing, empty, or carries the marker file an earlier build wrote
//! ([`crate::output::MARKER`]); it is never the site folder, a folder inside
//! one of the site's source folders, a folder that contains the site, or a
//! file. `--force` overrides only the missing marker.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic, Message};
use crate::msg;
use crate::output::MARKER;

/// The folders of a site that hold sources an editor writes.
const SOURCE_FOLDERS: [&str; 8] = [
    "content",
    "data",
    "static",
    "templates",
    "layouts",
    "assets",
    "i18n",
    "themes",
];

/// Checks that `out` may be replaced by a build of the site in `site`;
/// `force` allows replacing a non-empty folder without the marker.
pub fn check(site: &Path, out: &Path, force: bool) -> Result<(), Diagnostic> {
    let site_abs = resolve(site);
    let out_abs = resolve(out);
    let refuse = |code: Code, message: Message, hint: Message| {
        Err(Diagnostic::error(code, out, 0, 0, message).with_hint(hint))
    };
    let shown = out.display();
    if out.is_file() || (out.exists() && !out.is_dir()) {
        return refuse(
            "output-folder-is-file",
            msg!(
                "the output folder {shown} is a file, not a folder",
                "de uitvoermap {shown} is een bestand, geen map"
            ),
            msg!(
                "choose a folder with --out, for example --out public; the file was left as it was",
                "kies een map met --out, bijvoorbeeld --out public; het bestand is gelaten zoals het was"
            ),
        );
    }
    if out_abs == site_abs {
        return refuse(
            "output-folder-is-site",
            msg!(
                "the output folder {shown} is the site folder itself; building there would delete the site",
                "de uitvoermap {shown} is de map van de site zelf; bouwen daarin zou de site wissen"
            ),
            msg!(
                "leave out --out to build into the site's `public` folder, or choose a new folder",
                "laat --out weg om in de map `public` van de site te bouwen, of kies een nieuwe map"
            ),
        );
    }
    if site_abs.starts_with(&out_abs) {
        let site = site.display();
        return refuse(
            "output-folder-holds-site",
            msg!(
                "the output folder {shown} contains the site folder {site}; building there would delete the site",
                "de uitvoermap {shown} bevat de map van de site, {site}; bouwen daarin zou de site wissen"
            ),
            msg!(
                "choose a folder outside the site, for example --out public next to it",
                "kies een map buiten de site, bijvoorbeeld --out public ernaast"
            ),
        );
    }
    for source in SOURCE_FOLDERS {
        let folder = site_abs.join(source);
        if out_abs.starts_with(&folder) {
            return refuse(
                "output-folder-in-sources",
                msg!(
                    "the output folder {shown} is inside the site's `{source}` folder; building there would delete sources",
                    "de uitvoermap {shown} staat in de map `{source}` van de site; bouwen daarin zou bronbestanden wissen"
                ),
                msg!(
                    "leave out --out to build into the site's `public` folder",
                    "laat --out weg om in de map `public` van de site te bouwen"
                ),
            );
        }
    }
    if !out.exists() || out.join(MARKER).is_file() || looks_like_earlier_output(out) {
        return Ok(());
    }
    let empty = std::fs::read_dir(out)
        .map(|mut entries| entries.next().is_none())
        .unwrap_or(false);
    if empty || force {
        return Ok(());
    }
    refuse(
        "output-folder-not-ours",
        msg!(
            "the output folder {shown} holds files that a build did not write (it has no {MARKER} file); they would be deleted",
            "de uitvoermap {shown} bevat bestanden die niet door een bouw geschreven zijn (er staat geen bestand {MARKER} in); die zouden gewist worden"
        ),
        msg!(
            "choose an empty or new folder with --out; add --force only if everything in that folder may be deleted",
            "kies een lege of nieuwe map met --out; gebruik --force alleen als alles in die map weg mag"
        ),
    )
}

/// An output folder written before builds left a marker: it has the files
/// every build writes (`index.html`, `sitemap.xml`, `_headers`).
fn looks_like_earlier_output(out: &Path) -> bool {
    ["index.html", "sitemap.xml", "_headers", "robots.txt"]
        .iter()
        .all(|f| out.join(f).is_file())
}

/// `path` made absolute, with `.` and `..` resolved and symbolic links of
/// the part that exists followed, so two spellings of one folder compare equal.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut lexical = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                lexical.pop();
            }
            Component::CurDir => {}
            other => lexical.push(other),
        }
    }
    let mut existing = lexical.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut real = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        real.push(name);
    }
    real
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site/content")).unwrap();
        std::fs::write(dir.path().join("site/site.toml"), "").unwrap();
        dir
    }

    #[test]
    fn accepts_missing_empty_and_marked_folders() {
        let dir = site();
        let s = dir.path().join("site");
        assert!(check(&s, &s.join("public"), false).is_ok());
        std::fs::create_dir_all(dir.path().join("leeg")).unwrap();
        assert!(check(&s, &dir.path().join("leeg"), false).is_ok());
        std::fs::create_dir_all(dir.path().join("oud")).unwrap();
        std::fs::write(dir.path().join("oud/x"), "").unwrap();
        std::fs::write(dir.path().join("oud").join(MARKER), "").unwrap();
        assert!(check(&s, &dir.path().join("oud"), false).is_ok());
    }

    #[test]
    fn refuses_what_would_delete_sources() {
        let dir = site();
        let s = dir.path().join("site");
        assert!(check(&s, &s, false).is_err());
        assert!(check(&s, &s.join("."), true).is_err());
        assert!(check(&s, &s.join("content"), true).is_err());
        assert!(check(&s, &s.join("content/x/../y"), true).is_err());
        assert!(check(&s, dir.path(), true).is_err());
        std::fs::write(dir.path().join("bestand"), "").unwrap();
        assert!(check(&s, &dir.path().join("bestand"), true).is_err());
    }

    #[test]
    fn force_allows_only_a_folder_without_marker() {
        let dir = site();
        let s = dir.path().join("site");
        std::fs::create_dir_all(dir.path().join("notities")).unwrap();
        std::fs::write(dir.path().join("notities/a.txt"), "").unwrap();
        let err = check(&s, &dir.path().join("notities"), false).unwrap_err();
        assert_eq!(err.code, "output-folder-not-ours");
        assert!(
            err.message.nl.contains("die zouden gewist worden"),
            "{}",
            err.message.nl
        );
        assert!(err.hint.unwrap().contains("--force"));
        assert!(check(&s, &dir.path().join("notities"), true).is_ok());
    }
}
