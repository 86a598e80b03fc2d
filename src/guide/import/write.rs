//! Writes the import's set of files: every target folder is checked first,
//! then each file replaces its target in one rename
//! ([`crate::data_file::write_atomically`]), so no editor's file is ever half
//! written.

use std::fs;
use std::path::PathBuf;

use crate::data_file::write_atomically;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;

/// A file to write: where, and its full contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedFile {
    /// Target path.
    pub path: PathBuf,
    /// Full contents.
    pub contents: String,
}

/// Writes every file, each with [`write_atomically`] so that an editor's file
/// is either the old one or the new one. Before the first write, every target
/// folder is created and tried with a temporary file, so that a folder that
/// cannot be written stops the import before anything changed.
pub fn write_all(files: &[PlannedFile]) -> Result<(), Diagnostics> {
    for file in files {
        let dir = match file.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let writable =
            fs::create_dir_all(&dir).and_then(|()| tempfile::NamedTempFile::new_in(&dir));
        if let Err(err) = writable {
            return Err(Diagnostic::error(
                "guide-import-file-unwritable",
                &file.path,
                0,
                0,
                msg!(
                    "cannot write the file: {err}",
                    "het bestand kan niet worden geschreven: {err}"
                ),
            )
            .with_hint(msg!(
                "check that the site folder exists and is writable; nothing was written",
                "controleer of de map van de site bestaat en of je erin mag schrijven; er is niets geschreven"
            ))
            .into());
        }
    }
    let mut diags = Diagnostics::new();
    for file in files {
        if let Err(err) = write_atomically(&file.path, file.contents.as_bytes()) {
            diags.push(
                Diagnostic::error(
                    "guide-import-file-unwritable",
                    &file.path,
                    0,
                    0,
                    msg!(
                        "cannot write the file: {err}",
                        "het bestand kan niet worden geschreven: {err}"
                    ),
                )
                .with_hint(msg!(
                    "check the permissions of the folder; this file was left as it was",
                    "controleer de rechten van de map; dit bestand is niet veranderd"
                )),
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
        let diags = write_all(&files).unwrap_err();
        assert!(!dir.path().join("ok.toml").exists());
        let d = diags.iter().next().expect("one diagnostic");
        assert_eq!(d.code, "guide-import-file-unwritable");
        assert!(
            d.message
                .nl
                .starts_with("het bestand kan niet worden geschreven"),
            "{}",
            d.message.nl
        );
    }
}
