//! Reading an editor's TOML data file, once, for every loader.
//!
//! The guide, the Council tracker and the vote sync all read small TOML files
//! that editors write by hand. [`read_toml`] reads one into a typed value and
//! keeps the text, so that a [`Spanned`] field can later be turned into a
//! diagnostic on the right line and column ([`Parsed::error`]).
//! Commands that rewrite data files (`import guide`, `sync`) write them with
//! [`write_atomically`], so an editor's file is either the old one or the new
//! one, never half of each.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::Spanned;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Message, line_col};
use crate::msg;
use crate::toml_error;

/// A parsed TOML file with its path and text, so spans can become lines.
#[derive(Debug, Clone)]
pub struct Parsed<T> {
    /// The file that was read.
    pub path: PathBuf,
    /// Its text, for turning byte offsets into lines and columns.
    pub text: String,
    /// The deserialised value.
    pub value: T,
}

impl<T> Parsed<T> {
    /// An error with `code` at the place where `at` was written.
    pub fn error<S>(&self, code: Code, at: &Spanned<S>, message: Message) -> Diagnostic {
        let (line, column) = line_col(&self.text, at.span().start);
        Diagnostic::error(code, &self.path, line, column, message)
    }

    /// A warning with `code` at the place where `at` was written.
    pub fn warning<S>(&self, code: Code, at: &Spanned<S>, message: Message) -> Diagnostic {
        let (line, column) = line_col(&self.text, at.span().start);
        Diagnostic::warning(code, &self.path, line, column, message)
    }

    /// The 1-based line on which `at` was written.
    pub fn line_of<S>(&self, at: &Spanned<S>) -> usize {
        line_col(&self.text, at.span().start).0
    }

    /// The trimmed text written at `at`; an empty one is an error naming
    /// `field`, with `hint`.
    pub fn filled(
        &self,
        at: &Spanned<String>,
        field: &str,
        hint: Message,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let text = at.get_ref().trim();
        if text.is_empty() {
            diags.push(
                self.error(
                    "data-field-empty",
                    at,
                    msg!("`{field}` is empty", "`{field}` is leeg"),
                )
                .with_hint(hint),
            );
            None
        } else {
            Some(text.to_string())
        }
    }

    /// The error for a party id that `data/parties.toml` does not have.
    pub fn unknown_party<S>(&self, at: &Spanned<S>, party: &str) -> Diagnostic {
        self.error(
            "data-party-unknown",
            at,
            msg!(
                "there is no party `{party}` in data/parties.toml",
                "er is geen partij `{party}` in data/parties.toml"
            ),
        )
        .with_hint(msg!(
            "use the party's id from data/parties.toml, e.g. groenlinks-pvda",
            "gebruik de id van de partij uit data/parties.toml, bijvoorbeeld groenlinks-pvda"
        ))
    }
}

/// Reads `path` as TOML into `T`. A file that cannot be read or parsed adds
/// one diagnostic to `diags` (with `missing_hint` when the file cannot be
/// read) and gives `None`.
pub fn read_toml<T: DeserializeOwned>(
    path: &Path,
    missing_hint: Message,
    diags: &mut Diagnostics,
) -> Option<Parsed<T>> {
    let text = read_text(path, missing_hint, diags)?;
    match toml::from_str::<T>(&text) {
        Ok(value) => Some(Parsed {
            path: path.to_path_buf(),
            text,
            value,
        }),
        Err(err) => {
            diags.extend(toml_mistakes::<T>(path, &text, err));
            None
        }
    }
}

/// The text of `path`; a file that cannot be read adds one diagnostic to
/// `diags`, with `missing_hint`, and gives `None`.
pub fn read_text(path: &Path, missing_hint: Message, diags: &mut Diagnostics) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(err) => {
            diags.push(
                Diagnostic::error(
                    "data-file-unreadable",
                    path,
                    0,
                    0,
                    msg!(
                        "cannot read this file: {err}",
                        "dit bestand kan niet worden gelezen: {err}"
                    ),
                )
                .with_hint(missing_hint),
            );
            None
        }
    }
}

/// One step on the way to a key of a TOML file: a key, or the position in a
/// list (an array of tables, or an array of inline tables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyStep {
    /// A key of a table.
    Key(String),
    /// A 0-based position in a list.
    Index(usize),
}

/// The steps from the top of a file to one key, e.g. `evidence`, `1`, `stanse`.
pub type KeyPath = Vec<KeyStep>;

/// Reads `text` (the text of `path`) as TOML into `T`, like [`read_toml`]
/// without deny_unknown_fields: every key that `T` has no field for is
/// added to `unknown` (also when the file has other mistakes, as far as
/// they can be read past), for the caller to report. The mistakes that stop
/// the file from reading as a `T` go to `diags`.
pub fn parse_toml_noting_unknown<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    unknown: &mut Vec<KeyPath>,
    diags: &mut Diagnostics,
) -> Option<T> {
    let mut read = |text: &str| noting_unknown::<T>(text, unknown);
    match read(text) {
        Ok(value) => Some(value),
        Err(err) => {
            diags.extend(mistakes_with(path, text, err, read));
            None
        }
    }
}

/// Deserialises `text` into `T` through `serde_ignored`, adding every key
/// it ignored to `unknown` (once).
fn noting_unknown<T: DeserializeOwned>(
    text: &str,
    unknown: &mut Vec<KeyPath>,
) -> Result<T, toml::de::Error> {
    serde_ignored::deserialize(toml::Deserializer::new(text), |path| {
        let mut steps = Vec::new();
        key_steps(&path, &mut steps);
        if !unknown.contains(&steps) {
            unknown.push(steps);
        }
    })
}

/// The [`KeyStep`]s of a `serde_ignored` path. The keys of the toml crate's
/// own `Spanned` wrapper (`$__serde_spanned_private_value`) are not written
/// in the file and are left out.
fn key_steps(path: &serde_ignored::Path<'_>, steps: &mut KeyPath) {
    use serde_ignored::Path;
    match path {
        Path::Root => {}
        Path::Seq { parent, index } => {
            key_steps(parent, steps);
            steps.push(KeyStep::Index(*index));
        }
        Path::Map { parent, key } => {
            key_steps(parent, steps);
            if !key.starts_with("$__serde_spanned_private") {
                steps.push(KeyStep::Key(key.clone()));
            }
        }
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => key_steps(parent, steps),
    }
}

/// At most this many mistakes are reported for one file.
const MAX_MISTAKES: usize = 20;

/// Every mistake of `text` that stops it from reading as a `T`, starting
/// with `first`: TOML stops at its first mistake, so each one found is
/// neutralised in a copy of the text (see [`toml_error::recover`]) and the
/// copy read again, as long as the text is still valid TOML.
pub fn toml_mistakes<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    first: toml::de::Error,
) -> Vec<Diagnostic> {
    mistakes_with(path, text, first, toml::from_str::<T>)
}

/// [`toml_mistakes`], reading each attempt with `read`.
fn mistakes_with<T>(
    path: &Path,
    text: &str,
    first: toml::de::Error,
    mut read: impl FnMut(&str) -> Result<T, toml::de::Error>,
) -> Vec<Diagnostic> {
    let mut mistakes = vec![toml_error::diagnostic(path, text, &first)];
    let mut current = toml_error::recover(text, &first);
    while let Some(attempt) = current.take() {
        if mistakes.len() >= MAX_MISTAKES || toml::from_str::<toml::Table>(&attempt).is_err() {
            break;
        }
        let Err(err) = read(&attempt) else {
            break;
        };
        // A field missing now is most likely the misspelt one just blanked.
        if matches!(
            toml_error::Mistake::of(err.message()),
            toml_error::Mistake::MissingField { .. }
        ) {
            break;
        }
        let mistake = toml_error::diagnostic(path, text, &err);
        if mistakes
            .iter()
            .any(|m| (m.line, m.column) == (mistake.line, mistake.column))
        {
            break;
        }
        mistakes.push(mistake);
        current = toml_error::recover(&attempt, &err);
    }
    mistakes
}

/// Writes `bytes` to `path` through a temporary file in the same folder that
/// replaces `path` in one rename, creating missing parent folders. If anything
/// fails, `path` is left exactly as it was. The file keeps the permissions it
/// had; a new one gets those of an ordinary file (`rw-r--r--`), not the
/// temporary file's owner-only ones.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)?;
    let mut temp = tempfile::NamedTempFile::new_in(parent)?;
    let permissions = match std::fs::metadata(path) {
        Ok(existing) => existing.permissions(),
        Err(_) => ordinary_file_permissions(temp.as_file())?,
    };
    temp.as_file().set_permissions(permissions)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn ordinary_file_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = file.metadata()?.permissions();
    permissions.set_mode(0o644);
    Ok(permissions)
}

#[cfg(not(unix))]
fn ordinary_file_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Example {
        name: Spanned<String>,
    }

    #[test]
    fn spans_become_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "# note\n\nname = \"x\"\n").unwrap();
        let mut diags = Diagnostics::new();
        let parsed =
            read_toml::<Example>(&path, msg!("restore it", "zet het terug"), &mut diags).unwrap();
        let d = parsed.error("data-test", &parsed.value.name, msg!("bad", "fout"));
        assert_eq!((d.line, d.column), (3, 8));
        assert!(diags.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn an_atomic_write_keeps_the_files_permissions_and_gives_a_new_file_ordinary_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.toml");
        write_atomically(&new, b"a = 1\n").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&new), 0o644);
        let kept = dir.path().join("kept.toml");
        std::fs::write(&kept, "a = 1\n").unwrap();
        std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomically(&kept, b"a = 2\n").unwrap();
        assert_eq!(mode(&kept), 0o664);
    }

    #[test]
    fn writes_atomically_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.toml");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            1
        );
    }

    #[test]
    fn missing_file_gives_the_hint() {
        let mut diags = Diagnostics::new();
        let none = read_toml::<Example>(
            Path::new("/nonexistent/x.toml"),
            msg!("restore it", "zet het terug"),
            &mut diags,
        );
        assert!(none.is_none());
        let d = diags.iter().next().unwrap();
        assert_eq!(d.code, "data-file-unreadable");
        assert_eq!(d.hint.as_deref(), Some("restore it"));
        assert!(
            d.message
                .nl
                .starts_with("dit bestand kan niet worden gelezen")
        );
        assert_eq!(d.hint.as_ref().unwrap().nl, "zet het terug");
    }
}
