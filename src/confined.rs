//! One walk for every folder the program reads from a tree it does not
//! control: a site's `content/` and `static/`, and every folder `import hugo`
//! copies from a (possibly cloned) Hugo repository. Git stores symbolic
//! links, so a repository can carry `static -> /etc`; a walk that followed it
//! would copy `passwd` into the new site and publish it. Here a link is
//! followed only while it resolves inside the tree's root: a link inside that
//! stays inside yields the file it points to (under the link's own name), and
//! a link that leaves, a broken link or a loop is refused and returned, so
//! that the caller reports it instead of silently copying or dropping it.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::msg;

/// The files found below a folder, and what was refused on the way.
#[derive(Debug, Default)]
pub struct Walk {
    /// Every regular file (or link to one inside the root), sorted by name,
    /// as a path below the folder that was walked.
    pub files: Vec<PathBuf>,
    /// Links and entries that were not followed or could not be read.
    pub refused: Vec<Refused>,
}

/// An entry the walk did not follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The entry as found (the link itself, not its target).
    pub path: PathBuf,
    /// Why it was refused.
    pub why: Why,
}

/// The reasons an entry is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A symbolic link that resolves outside the root, to this place.
    Outside(PathBuf),
    /// A symbolic link that points to nothing.
    Broken,
    /// A symbolic link to a folder that contains it.
    Loop,
    /// An entry that could not be read, with the system's words.
    Unreadable(String),
}

impl Refused {
    /// What happened, in a few plain words (for reports).
    pub fn describe(&self) -> String {
        match &self.why {
            Why::Outside(to) => format!(
                "a symbolic link that points outside the site (to {}): not copied",
                to.display()
            ),
            Why::Broken => "a symbolic link that points to nothing: not copied".into(),
            Why::Loop => "a symbolic link to a folder that contains it: not followed".into(),
            Why::Unreadable(e) => format!("cannot be read ({e})"),
        }
    }

    /// The diagnostic an editor sees, with a hint on what to do.
    pub fn diagnostic(&self) -> Diagnostic {
        let (code, message, hint) = match &self.why {
            Why::Outside(to) => {
                let to = to.display();
                (
                    "content-symlink-outside",
                    msg!(
                        "this symbolic link points outside the site folder (to {to}); it is not published",
                        "deze symbolische link wijst buiten de map van de site (naar {to}); hij wordt niet gepubliceerd"
                    ),
                    msg!(
                        "copy the file into the site folder instead of linking to it, or remove the link",
                        "kopieer het bestand in de map van de site in plaats van ernaar te linken, of haal de link weg"
                    ),
                )
            }
            Why::Broken => (
                "content-symlink-broken",
                msg!(
                    "this symbolic link points to nothing",
                    "deze symbolische link wijst naar niets"
                ),
                msg!(
                    "remove the link, or make it point to a file inside the site folder",
                    "haal de link weg, of laat hem naar een bestand in de map van de site wijzen"
                ),
            ),
            Why::Loop => (
                "content-symlink-loop",
                msg!(
                    "this symbolic link points to a folder that contains it",
                    "deze symbolische link wijst naar een map waar hij zelf in staat"
                ),
                msg!(
                    "remove the link; it would make the folder endless",
                    "haal de link weg; anders wordt de map eindeloos"
                ),
            ),
            Why::Unreadable(e) => (
                "content-entry-unreadable",
                msg!("cannot read: {e}", "kan niet gelezen worden: {e}"),
                msg!(
                    "check that the file can be read by you",
                    "controleer of jij het bestand mag lezen"
                ),
            ),
        };
        Diagnostic::error(code, &self.path, 0, 0, message).with_hint(hint)
    }
}

/// Where `path` really is, if that is inside `root` (already canonical);
/// `Err` says why not.
pub fn resolve_inside(path: &Path, root: &Path) -> Result<PathBuf, Why> {
    match path.canonicalize() {
        Ok(real) if real.starts_with(root) => Ok(real),
        Ok(real) => Err(Why::Outside(real)),
        Err(_) if is_link(path) => Err(Why::Broken),
        Err(e) => Err(Why::Unreadable(e.to_string())),
    }
}

/// The canonical form of a root folder (itself when it cannot be resolved).
pub fn canonical_root(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

/// Whether `path` itself is a symbolic link.
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Every file below `dir`, which lies inside `root`. `dir` itself (or a
/// folder on the way to it) may be a link only if it resolves inside `root`;
/// a missing `dir` has no files.
pub fn files(dir: &Path, root: &Path) -> Walk {
    let root = canonical_root(root);
    if std::fs::symlink_metadata(dir).is_err() {
        return Walk::default();
    }
    if let Err(why) = resolve_inside(dir, &root) {
        return Walk {
            files: Vec::new(),
            refused: vec![Refused {
                path: dir.to_path_buf(),
                why,
            }],
        };
    }
    let refused: RefCell<Vec<Refused>> = RefCell::new(Vec::new());
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 || !is_link(entry.path()) {
                return true;
            }
            match resolve_inside(entry.path(), &root) {
                Ok(_) => true,
                Err(why) => {
                    refused.borrow_mut().push(Refused {
                        path: entry.path().to_path_buf(),
                        why,
                    });
                    false
                }
            }
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let why = if e.loop_ancestor().is_some() {
                    Why::Loop
                } else if is_link(&path) && std::fs::metadata(&path).is_err() {
                    Why::Broken
                } else {
                    Why::Unreadable(e.to_string())
                };
                refused.borrow_mut().push(Refused { path, why });
            }
        }
    }
    let mut refused = refused.into_inner();
    refused.sort_by(|a, b| a.path.cmp(&b.path));
    Walk { files, refused }
}

/// The folders directly inside `dir` (sorted), each resolving inside `root`;
/// the ones that leave it are refused.
pub fn subfolders(dir: &Path, root: &Path) -> (Vec<PathBuf>, Vec<Refused>) {
    let root = canonical_root(root);
    let mut folders = Vec::new();
    let mut refused = Vec::new();
    if let Err(why) = resolve_inside(dir, &root) {
        if std::fs::symlink_metadata(dir).is_ok() {
            refused.push(Refused {
                path: dir.to_path_buf(),
                why,
            });
        }
        return (folders, refused);
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (folders, refused);
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        match resolve_inside(&path, &root) {
            Ok(real) if real.is_dir() => folders.push(path),
            Ok(_) => {}
            Err(why) => refused.push(Refused { path, why }),
        }
    }
    (folders, refused)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A site folder next to a private one, as on a real machine.
    fn tree() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("static/a")).unwrap();
        std::fs::create_dir_all(site.join("shared")).unwrap();
        std::fs::create_dir_all(dir.path().join("private")).unwrap();
        std::fs::write(site.join("shared/logo.svg"), "<svg/>").unwrap();
        std::fs::write(site.join("static/a/x.txt"), "x").unwrap();
        std::fs::write(dir.path().join("private/passwd"), "root:x:0:0").unwrap();
        (dir, site)
    }

    fn names(walk: &Walk, below: &Path) -> Vec<String> {
        walk.files
            .iter()
            .map(|f| f.strip_prefix(below).unwrap().display().to_string())
            .collect()
    }

    #[test]
    fn links_inside_are_files_under_their_own_name() {
        let (_dir, site) = tree();
        symlink(site.join("shared"), site.join("static/gedeeld")).unwrap();
        symlink(site.join("shared/logo.svg"), site.join("static/logo.svg")).unwrap();
        let walk = files(&site.join("static"), &site);
        assert_eq!(
            names(&walk, &site.join("static")),
            ["a/x.txt", "gedeeld/logo.svg", "logo.svg"]
        );
        assert!(walk.refused.is_empty(), "{:?}", walk.refused);
    }

    #[test]
    fn a_link_that_leaves_is_refused_and_named() {
        let (dir, site) = tree();
        symlink(
            dir.path().join("private/passwd"),
            site.join("static/passwd"),
        )
        .unwrap();
        symlink(dir.path().join("private"), site.join("static/etc")).unwrap();
        let walk = files(&site.join("static"), &site);
        assert_eq!(names(&walk, &site.join("static")), ["a/x.txt"]);
        let refused: Vec<_> = walk
            .refused
            .iter()
            .map(|r| r.path.strip_prefix(&site).unwrap().display().to_string())
            .collect();
        assert_eq!(refused, ["static/etc", "static/passwd"]);
        assert!(matches!(walk.refused[0].why, Why::Outside(_)));
    }

    #[test]
    fn a_linked_root_folder_that_leaves_yields_nothing() {
        let (dir, site) = tree();
        std::fs::remove_dir_all(site.join("static")).unwrap();
        symlink(dir.path().join("private"), site.join("static")).unwrap();
        let walk = files(&site.join("static"), &site);
        assert!(walk.files.is_empty());
        assert_eq!(walk.refused.len(), 1);
        assert_eq!(walk.refused[0].path, site.join("static"));
        assert!(walk.refused[0].describe().contains("outside the site"));
    }

    #[test]
    fn a_linked_root_folder_inside_is_followed() {
        let (_dir, site) = tree();
        symlink(site.join("shared"), site.join("assets")).unwrap();
        let walk = files(&site.join("assets"), &site);
        assert_eq!(names(&walk, &site.join("assets")), ["logo.svg"]);
    }

    #[test]
    fn broken_links_and_loops_are_refused() {
        let (_dir, site) = tree();
        symlink(site.join("nowhere"), site.join("static/broken")).unwrap();
        symlink(site.join("static"), site.join("static/a/loop")).unwrap();
        let walk = files(&site.join("static"), &site);
        assert_eq!(names(&walk, &site.join("static")), ["a/x.txt"]);
        let whys: Vec<_> = walk.refused.iter().map(|r| r.why.clone()).collect();
        assert!(whys.contains(&Why::Broken), "{whys:?}");
        assert!(whys.contains(&Why::Loop), "{whys:?}");
    }

    #[test]
    fn a_missing_folder_has_no_files_and_no_complaint() {
        let (_dir, site) = tree();
        let walk = files(&site.join("data"), &site);
        assert!(walk.files.is_empty() && walk.refused.is_empty());
    }

    #[test]
    fn subfolders_that_leave_are_refused() {
        let (dir, site) = tree();
        std::fs::create_dir_all(site.join("themes/doks")).unwrap();
        symlink(dir.path().join("private"), site.join("themes/evil")).unwrap();
        let (folders, refused) = subfolders(&site.join("themes"), &site);
        assert_eq!(folders, [site.join("themes/doks")]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].path, site.join("themes/evil"));
    }
}
