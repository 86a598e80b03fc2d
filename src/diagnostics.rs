//! One error/warning type for everything an editor can get wrong.
//!
//! Editors are volunteers, not programmers: every problem names the file, the
//! line and column, says what is wrong in plain words and suggests a fix. Code
//! that reads editor input collects [`Diagnostic`]s into [`Diagnostics`] and
//! keeps going, so that one build reports every problem at once.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is: errors fail the command, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something worth fixing that does not stop the build.
    Warning,
    /// Something that makes the build or check fail (exit code 1).
    Error,
}

/// A problem in a file an editor wrote, with the place and a suggested fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file the problem is in (as given, usually relative to the working directory).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it, if there is a useful suggestion.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `file:line:column`.
    pub fn error(
        file: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.as_ref().to_path_buf(),
            line,
            column,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at `file:line:column`.
    pub fn warning(
        file: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, message)
        }
    }

    /// Adds a suggestion on how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Moves the position down by `lines` lines (used when a fragment of a file,
    /// such as front matter, was parsed on its own).
    pub fn shifted(mut self, lines: usize) -> Self {
        if self.line > 0 {
            self.line += lines;
        }
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{kind}: {}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A collection of diagnostics gathered while reading a site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all diagnostics of another collection.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// True when at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// All diagnostics, sorted by file, line and column.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        items.dedup();
        items
    }

    /// Iterates over the diagnostics in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Converts a byte offset in `text` to a 1-based (line, column) pair, counting
/// columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Builds a diagnostic from a TOML parse or deserialisation error, pointing at
/// the place the error's span names in `source`.
pub fn from_toml_error(file: &Path, source: &str, err: &toml::de::Error) -> Diagnostic {
    let (line, column) = err
        .span()
        .map(|span| line_col(source, span.start))
        .unwrap_or((0, 0));
    let message = err.message().trim().to_string();
    Diagnostic::error(file, line, column, format!("invalid TOML: {message}"))
        .with_hint("check quotes, `=` signs and [section] headers on that line; text values need \"double quotes\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("abc", 0, (1, 1); "start")]
    #[test_case("abc\ndef", 4, (2, 1); "second line")]
    #[test_case("abc\ndéf", 7, (2, 3); "counts characters, not bytes")]
    #[test_case("ab", 99, (1, 3); "past the end")]
    fn line_col_finds_position(text: &str, offset: usize, expected: (usize, usize)) {
        assert_eq!(line_col(text, offset), expected);
    }

    #[test]
    fn display_names_file_line_column_and_hint() {
        let d = Diagnostic::error("content/a.md", 3, 7, "bad date").with_hint("write 2025-11-24");
        assert_eq!(
            d.to_string(),
            "error: content/a.md:3:7: bad date\n  hint: write 2025-11-24"
        );
    }

    #[test]
    fn counts_errors_and_warnings() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning("a", 1, 1, "w"));
        assert!(!all.has_errors());
        all.push(Diagnostic::error("a", 2, 1, "e"));
        assert_eq!((all.error_count(), all.warning_count()), (1, 1));
    }

    #[test]
    fn toml_error_points_at_line() {
        let src = "title = \"x\"\nbroken = \n";
        let err = toml::from_str::<toml::Value>(src).unwrap_err();
        let d = from_toml_error(Path::new("site.toml"), src, &err);
        assert_eq!(d.line, 2);
    }
}
