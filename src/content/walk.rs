//! Lists the files of a source folder (`content/`, `static/`) the way the
//! build reads them: symbolic links are followed while they stay inside the
//! site folder, and a link that points outside it is reported instead of
//! silently published or silently skipped (a link to a home folder must never
//! put private files on the web).

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostics;

/// Every file below `dir`, sorted by name, following symbolic links that
/// resolve inside `site_root` (through [`crate::confined::files`]). Links
/// that point outside it, broken links and unreadable entries are errors in
/// `diags`.
pub fn site_files(dir: &Path, site_root: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let walk = crate::confined::files(dir, site_root);
    diags.extend(
        walk.refused
            .iter()
            .map(crate::confined::Refused::diagnostic),
    );
    walk.files
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
