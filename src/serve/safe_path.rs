//! Maps a request path to a file inside the output folder and to nothing
//! else. This is the only place where a URL becomes a file name, so every
//! trick to climb out of the folder is refused here: `..` in any spelling
//! (`%2e%2e`, `..%2f`), empty segments (`//etc/passwd`), backslashes, NUL
//! bytes, and symbolic links that point outside the folder. The rules
//! themselves live in [`crate::site_path`], shared with the build.

use std::path::{Path, PathBuf};

use crate::site_path::SitePath;

/// What a request path points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file inside the output folder (canonical path).
    File(PathBuf),
    /// A folder requested without the trailing slash: redirect to this path
    /// (the request path with `/` appended, still percent-encoded).
    Redirect(String),
    /// Nothing servable: missing, outside the folder, or a path we refuse.
    NotFound,
}

/// The decoded parts of a request path that passed the safety rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segments {
    /// The path's segments, decoded, none empty, `.` or `..`.
    pub parts: Vec<String>,
    /// True when the path ends in `/` (or is `/`): the folder's `index.html` is meant.
    pub folder: bool,
}

/// Splits the raw (still percent-encoded) request path into decoded segments.
///
/// Returns None when the path does not start with `/`, is not UTF-8 after
/// decoding, contains a backslash or NUL byte, or has an empty, `.` or `..`
/// segment. Decoding happens once, before splitting, so `..%2f` and `%2e%2e`
/// are caught like `../`, and `%252e` stays the harmless name `%2e`.
pub fn segments(raw: &str) -> Option<Segments> {
    if !raw.starts_with('/') {
        return None;
    }
    let path = SitePath::parse(raw).ok()?;
    Some(Segments {
        parts: path.segments().to_vec(),
        folder: path.is_folder(),
    })
}

/// Finds what the raw request path `raw` points at below `root`.
///
/// `/x/` means `x/index.html`; `/x` is a redirect to `/x/` when `x` is a
/// folder. The result is always inside the canonical `root`: a path that
/// resolves (through symbolic links) to anything outside is `NotFound`.
pub fn resolve(root: &Path, raw: &str) -> Target {
    let Some(segments) = segments(raw) else {
        return Target::NotFound;
    };
    let Ok(root) = root.canonicalize() else {
        return Target::NotFound;
    };
    let mut candidate = root.clone();
    for part in &segments.parts {
        candidate.push(part);
    }
    if segments.folder {
        candidate.push("index.html");
    }
    let Ok(real) = candidate.canonicalize() else {
        return Target::NotFound;
    };
    if !real.starts_with(&root) {
        return Target::NotFound;
    }
    match std::fs::metadata(&real) {
        Ok(meta) if meta.is_file() => Target::File(real),
        Ok(meta) if meta.is_dir() && !segments.folder => Target::Redirect(format!("{raw}/")),
        _ => Target::NotFound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    /// An output folder with a few files, a link inside and a link outside,
    /// next to a secret file that must never be served.
    fn fixture() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("public");
        for file in [
            "index.html",
            "nieuws/index.html",
            "css/site.css",
            "leeg/.keep",
            "%2e%2e/x.txt",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, file).unwrap();
        }
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::fs::create_dir_all(dir.path().join("buiten")).unwrap();
        std::fs::write(dir.path().join("buiten/index.html"), "secret").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(
                dir.path().join("secret.txt"),
                root.join("link-naar-geheim.txt"),
            )
            .unwrap();
            std::os::unix::fs::symlink(dir.path().join("buiten"), root.join("uit")).unwrap();
            std::os::unix::fs::symlink(root.join("nieuws"), root.join("binnen")).unwrap();
        }
        (dir, root)
    }

    fn outcome(root: &Path, raw: &str) -> String {
        match resolve(root, raw) {
            Target::File(path) => {
                let rel = path.strip_prefix(root.canonicalize().unwrap()).unwrap();
                format!("file {}", rel.display())
            }
            Target::Redirect(to) => format!("redirect {to}"),
            Target::NotFound => "404".to_string(),
        }
    }

    #[test_case("/", "file index.html"; "root")]
    #[test_case("/index.html", "file index.html"; "file by name")]
    #[test_case("/nieuws/", "file nieuws/index.html"; "folder index")]
    #[test_case("/nieuws", "redirect /nieuws/"; "folder without slash")]
    #[test_case("/css/site.css", "file css/site.css"; "static file")]
    #[test_case("/%63ss/site.css", "file css/site.css"; "encoded letter")]
    #[test_case("/leeg/", "404"; "folder without index")]
    #[test_case("/bestaat-niet/", "404"; "missing folder")]
    #[test_case("/css/site.css/", "404"; "file with slash")]
    #[test_case("/../secret.txt", "404"; "dot dot")]
    #[test_case("/../../etc/passwd", "404"; "dot dot twice")]
    #[test_case("/nieuws/../../secret.txt", "404"; "dot dot inside")]
    #[test_case("/nieuws/../index.html", "404"; "dot dot that stays inside")]
    #[test_case("/./index.html", "404"; "single dot")]
    #[test_case("/%2e%2e/secret.txt", "404"; "encoded dots")]
    #[test_case("/%2E%2E/secret.txt", "404"; "encoded dots upper case")]
    #[test_case("/.%2e/secret.txt", "404"; "half encoded dots")]
    #[test_case("/..%2fsecret.txt", "404"; "encoded slash")]
    #[test_case("/..%2Fsecret.txt", "404"; "encoded slash upper case")]
    #[test_case("/nieuws%2f..%2f..%2fsecret.txt", "404"; "encoded slashes all the way")]
    #[test_case("/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "404"; "fully encoded")]
    #[test_case("/%252e%252e/x.txt", "file %2e%2e/x.txt"; "double encoded is decoded once to a plain name")]
    #[test_case("/%2e%2e/x.txt", "404"; "encoded dots even when such a folder exists")]
    #[test_case("/..\\secret.txt", "404"; "backslash")]
    #[test_case("/..%5csecret.txt", "404"; "encoded backslash")]
    #[test_case("/%5c%5cserver%5cshare", "404"; "unc path")]
    #[test_case("//etc/passwd", "404"; "absolute path")]
    #[test_case("/%2fetc/passwd", "404"; "encoded absolute path")]
    #[test_case("/etc/passwd", "404"; "absolute looking path stays inside")]
    #[test_case("/C:/Windows/win.ini", "404"; "drive letter")]
    #[test_case("/nieuws//index.html", "404"; "empty segment")]
    #[test_case("/index.html%00.css", "404"; "nul byte")]
    #[test_case("/%ff", "404"; "not utf8")]
    #[test_case("nieuws/", "404"; "no leading slash")]
    #[test_case("", "404"; "empty")]
    #[test_case("/link-naar-geheim.txt", "404"; "symlink to outside file")]
    #[test_case("/uit/", "404"; "symlink to outside folder")]
    #[test_case("/uit", "404"; "symlink to outside folder without slash")]
    #[test_case("/binnen/", "file nieuws/index.html"; "symlink inside")]
    fn resolves_request_paths(raw: &str, expected: &str) {
        let (_dir, root) = fixture();
        assert_eq!(outcome(&root, raw), expected, "request path {raw:?}");
    }

    #[test]
    fn missing_root_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(resolve(&dir.path().join("public"), "/"), Target::NotFound);
    }

    #[test_case("/", &[], true)]
    #[test_case("/a/b", &["a", "b"], false)]
    #[test_case("/a%20b/", &["a b"], true)]
    #[test_case("/%c3%a9t%c3%a9", &["été"], false)]
    fn splits_and_decodes(raw: &str, parts: &[&str], folder: bool) {
        let s = segments(raw).unwrap();
        assert_eq!(s.parts, parts);
        assert_eq!(s.folder, folder);
    }
}
