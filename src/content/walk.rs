//! Lists the files of a source folder (`content/`, `static/`) the way the
//! build reads them: symbolic links are followed while they stay inside the
//! site folder, and a link that points outside it is reported instead of
//! silently published or silently skipped (a link to a home folder must never
//! put private files on the web).

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Every file below `dir`, sorted by name, following symbolic links that
/// resolve inside `site_root`. Links that point outside it, broken links and
/// unreadable entries are errors in `diags`.
pub fn site_files(dir: &Path, site_root: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let root = site_root
        .canonicalize()
        .unwrap_or_else(|_| site_root.to_path_buf());
    let outside: RefCell<Vec<Diagnostic>> = RefCell::new(Vec::new());
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if !entry.path_is_symlink() {
                return true;
            }
            match entry.path().canonicalize() {
                Ok(real) if real.starts_with(&root) => true,
                Ok(real) => {
                    outside.borrow_mut().push(
                        Diagnostic::error(
                            entry.path(),
                            0,
                            0,
                            format!(
                                "this symbolic link points outside the site folder (to {}); it is not published",
                                real.display()
                            ),
                        )
                        .with_hint("copy the file into the site folder instead of linking to it, or remove the link"),
                    );
                    false
                }
                Err(_) => {
                    outside.borrow_mut().push(
                        Diagnostic::error(entry.path(), 0, 0, "this symbolic link points to nothing")
                            .with_hint("remove the link, or make it point to a file inside the site folder"),
                    );
                    false
                }
            }
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir);
                let is_link =
                    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
                diags.push(if e.loop_ancestor().is_some() {
                    Diagnostic::error(
                        path,
                        0,
                        0,
                        "this symbolic link points to a folder that contains it",
                    )
                    .with_hint("remove the link; it would make the folder endless")
                } else if is_link && std::fs::metadata(path).is_err() {
                    Diagnostic::error(path, 0, 0, "this symbolic link points to nothing").with_hint(
                        "remove the link, or make it point to a file inside the site folder",
                    )
                } else {
                    Diagnostic::error(path, 0, 0, format!("cannot read: {e}"))
                        .with_hint("check that the file can be read by you")
                });
            }
        }
    }
    diags.extend(outside.into_inner());
    files
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn follows_links_inside_and_reports_links_outside() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("static/a")).unwrap();
        std::fs::create_dir_all(site.join("shared")).unwrap();
        std::fs::write(site.join("shared/logo.svg"), "<svg/>").unwrap();
        std::fs::write(site.join("static/a/x.txt"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(site.join("shared"), site.join("static/gedeeld")).unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            site.join("static/geheim.txt"),
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let files = site_files(&site.join("static"), &site, &mut diags);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(site.join("static")).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [PathBuf::from("a/x.txt"), PathBuf::from("gedeeld/logo.svg")]
        );
        assert_eq!(diags.error_count(), 1);
        assert!(
            diags.sorted()[0]
                .message
                .contains("outside the site folder")
        );
    }
}
