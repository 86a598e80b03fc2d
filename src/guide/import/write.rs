//! Writes a set of files all-or-nothing: each goes to a temporary file beside
//! its target first, and only when every one was written are they renamed into
//! place.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// A file to write: where, and its full contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// Target path.
    pub path: PathBuf,
    /// Full contents.
    pub contents: String,
}

/// Writes every file, or none when any temporary file cannot be written.
pub fn write_all(files: &[PlannedFile]) -> Result<(), Diagnostics> {
    let mut staged = Vec::new();
    for file in files {
        let dir = file
            .path
            .parent()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        let staged_file = fs::create_dir_all(&dir)
            .and_then(|()| tempfile::NamedTempFile::new_in(&dir))
            .and_then(|mut tmp| tmp.write_all(file.contents.as_bytes()).map(|()| tmp));
        match staged_file {
            Ok(tmp) => staged.push((tmp, &file.path)),
            Err(err) => {
                return Err(Diagnostic::error(
                    &file.path,
                    0,
                    0,
                    format!("cannot write the file: {err}"),
                )
                .with_hint("check that the site folder exists and is writable; nothing was written")
                .into());
            }
        }
    }
    let mut diags = Diagnostics::new();
    for (tmp, path) in staged {
        if let Err(err) = tmp.persist(path) {
            diags.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!("cannot move the file into place: {}", err.error),
                )
                .with_hint("check the permissions of the folder"),
            );
        }
    }
    if diags.is_empty() { Ok(()) } else { Err(diags) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_all_files_and_creates_folders() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            PlannedFile {
                path: dir.path().join("a/b/c.toml"),
                contents: "x = 1\n".into(),
            },
            PlannedFile {
                path: dir.path().join("d.toml"),
                contents: "y = 2\n".into(),
            },
        ];
        write_all(&files).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("a/b/c.toml")).unwrap(),
            "x = 1\n"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
    }

    #[test]
    fn nothing_is_written_when_one_file_fails() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("blocker"), "").unwrap();
        let files = vec![
            PlannedFile {
                path: dir.path().join("ok.toml"),
                contents: "x = 1\n".into(),
            },
            PlannedFile {
                path: dir.path().join("blocker/inside.toml"),
                contents: "y = 2\n".into(),
            },
        ];
        assert!(write_all(&files).is_err());
        assert!(!dir.path().join("ok.toml").exists());
    }
}
