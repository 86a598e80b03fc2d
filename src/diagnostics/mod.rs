//! One error/warning type for everything an editor can get wrong.
//!
//! Editors are volunteers, not programmers: every problem names the file, the
//! line and column, says what is wrong in plain words and suggests a fix. Code
//! that reads editor input collects [`Diagnostic`]s into [`Diagnostics`] and
//! keeps going, so that one build reports every problem at once.
//!
//! Every diagnostic has a code (`front-matter-unclosed`) that stays the same
//! in every language, and its message and hint in English and Dutch
//! ([`Message`]); the report is printed in the editor's [`Language`].

mod language;
pub mod message;

pub use language::Language;
pub use message::Message;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// How serious a diagnostic is: errors fail the command, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something worth fixing that does not stop the build.
    Warning,
    /// Something that makes the build or check fail (exit code 1).
    Error,
}

/// Where a problem was found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Origin {
    /// In a file (of the site, or one a command reads): [`Diagnostic::file`],
    /// `line` and `column` say where.
    #[default]
    File,
    /// In the command's own arguments: wrong usage (exit code 2).
    /// [`Diagnostic::file`] then reads "command line", so that the place
    /// shows as the file would.
    CommandLine,
}

/// The place a usage error shows, where a file name would stand.
const COMMAND_LINE: &str = "command line";

/// A diagnostic's code: the same in every language, so that an editor can
/// look it up or ask about it (`front-matter-unclosed`). Lower-case words
/// joined by `-`, the first naming the part of the site it concerns.
pub type Code = &'static str;

/// A problem in a file an editor wrote, with the place and a suggested fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A file, or the command line.
    pub origin: Origin,
    /// The file the problem is in (as given, usually relative to the working directory).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub column: usize,
    /// What kind of problem this is, the same in every language.
    pub code: Code,
    /// What is wrong, in plain words.
    pub message: Message,
    /// What to do about it, if there is a useful suggestion.
    pub hint: Option<Message>,
}

impl Diagnostic {
    /// An error with `code` at `file:line:column`.
    pub fn error(
        code: Code,
        file: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: Message,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            origin: Origin::File,
            file: file.as_ref().to_path_buf(),
            line,
            column,
            code,
            message,
            hint: None,
        }
    }

    /// A warning with `code` at `file:line:column`.
    pub fn warning(
        code: Code,
        file: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: Message,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, line, column, message)
        }
    }

    /// An error with `code` in the command's arguments (wrong usage, exit code 2).
    pub fn usage(code: Code, message: Message) -> Self {
        Diagnostic {
            origin: Origin::CommandLine,
            ..Diagnostic::error(code, COMMAND_LINE, 0, 0, message)
        }
    }

    /// True for a problem in the command's arguments rather than in a file.
    pub fn is_usage(&self) -> bool {
        self.origin == Origin::CommandLine
    }

    /// Adds a suggestion on how to fix the problem.
    pub fn with_hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
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

    /// The diagnostic as an editor reads it in a terminal, in `language`:
    /// the first line `error[code]: FILE:LINE:COL: message`, then, when
    /// `source` (the text of the file) is given and the diagnostic has a
    /// line and a column within it, that line with a caret under the column,
    /// then the `  hint:` line.
    pub fn render(&self, source: Option<&str>, language: Language) -> String {
        let mut out = self.headline(language);
        if let Some(snippet) = source.and_then(|text| self.snippet(text)) {
            out.push('\n');
            out.push_str(&snippet);
        }
        if let Some(hint) = &self.hint {
            let label = match language {
                Language::English => "hint",
                Language::Dutch => "tip",
            };
            out.push_str(&format!("\n  {label}: {}", hint.get(language)));
        }
        out
    }

    /// The first line: `error[code]: FILE:LINE:COL: message`.
    fn headline(&self, language: Language) -> String {
        let kind = match (self.severity, language) {
            (Severity::Error, Language::English) => "error",
            (Severity::Warning, Language::English) => "warning",
            (Severity::Error, Language::Dutch) => "fout",
            (Severity::Warning, Language::Dutch) => "waarschuwing",
        };
        let code = if self.code.is_empty() {
            String::new()
        } else {
            format!("[{}]", self.code)
        };
        let place = match (self.origin, language) {
            (Origin::CommandLine, Language::Dutch) => "opdrachtregel".to_string(),
            _ => self.file.display().to_string(),
        };
        let mut out = format!("{kind}{code}: {place}");
        if self.line > 0 {
            out.push_str(&format!(":{}", self.line));
            if self.column > 0 {
                out.push_str(&format!(":{}", self.column));
            }
        }
        out.push_str(&format!(": {}", self.message.get(language)));
        out
    }

    /// The offending line of `text` with a caret under the column, drawn by
    /// annotate-snippets; `None` without a line and column or past the end.
    fn snippet(&self, text: &str) -> Option<String> {
        if self.line == 0 || self.column == 0 {
            return None;
        }
        let line = text.lines().nth(self.line - 1)?;
        let line = line.strip_suffix('\r').unwrap_or(line);
        let span = match line.char_indices().nth(self.column - 1) {
            Some((i, c)) => i..i + c.len_utf8(),
            None if self.column - 1 == line.chars().count() => line.len()..line.len(),
            None => return None,
        };
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let report = [level.primary_title("").element(
            Snippet::source(line)
                .line_start(self.line)
                .annotation(AnnotationKind::Primary.span(span)),
        )];
        let rendered = Renderer::plain()
            .decor_style(DecorStyle::Ascii)
            .render(&report);
        // The title line repeats what the headline says; keep the drawing.
        let drawing: Vec<&str> = rendered.lines().skip(1).collect();
        Some(drawing.join("\n"))
    }
}

/// The English report without the source line.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(None, Language::English))
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

    /// True when the command was used wrongly (an error about its
    /// arguments, exit code 2) rather than given a site with problems.
    pub fn is_usage_error(&self) -> bool {
        self.items.iter().any(|d| d.is_error() && d.is_usage())
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

    /// [`Diagnostics::report_in`] English.
    pub fn report(&self) -> String {
        self.report_in(Language::English)
    }

    /// Every diagnostic, sorted, as [`Diagnostic::render`] draws it in
    /// `language` with its source line; each file is read once, now, and a
    /// file that cannot be read gives the diagnostic without its line.
    pub fn report_in(&self, language: Language) -> String {
        let mut sources: HashMap<PathBuf, Option<String>> = HashMap::new();
        let mut out = String::new();
        for d in self.sorted() {
            let source = sources.entry(d.file.clone()).or_insert_with(|| {
                (!d.is_usage())
                    .then(|| std::fs::read_to_string(&d.file).ok())
                    .flatten()
            });
            out.push_str(&d.render(source.as_deref(), language));
            out.push('\n');
        }
        out
    }

    /// [`Diagnostics::summary_in`] English.
    pub fn summary(&self) -> String {
        self.summary_in(Language::English)
    }

    /// "1 error, 2 warnings" ("1 fout, 2 waarschuwingen"): the counts, in
    /// words that agree with them, of the diagnostics
    /// [`Diagnostics::report`] prints (a repeated one once).
    pub fn summary_in(&self, language: Language) -> String {
        let shown = self.sorted();
        let errors = shown.iter().filter(|d| d.is_error()).count();
        let errors_said = match language {
            Language::English => count(errors, "error", "errors"),
            Language::Dutch => count(errors, "fout", "fouten"),
        };
        format!(
            "{errors_said}, {}",
            warnings_in(shown.len() - errors, language)
        )
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

/// "2 warnings" or "2 waarschuwingen": a number of warnings in `language`.
pub fn warnings_in(n: usize, language: Language) -> String {
    match language {
        Language::English => count(n, "warning", "warnings"),
        Language::Dutch => count(n, "waarschuwing", "waarschuwingen"),
    }
}

/// "1 page", "2 pages": a number with the noun that agrees with it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;
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
        let d = Diagnostic::error(
            "date-bad",
            "content/a.md",
            3,
            7,
            msg!("bad date", "foute datum"),
        )
        .with_hint(msg!("write 2025-11-24", "schrijf 2025-11-24"));
        assert_eq!(
            d.to_string(),
            "error[date-bad]: content/a.md:3:7: bad date\n  hint: write 2025-11-24"
        );
    }

    #[test]
    fn render_draws_the_line_with_a_caret() {
        let d = Diagnostic::error("date-bad", "a.md", 2, 7, msg!("bad date", "foute datum"))
            .with_hint(msg!("write 2025-11-24", "schrijf 2025-11-24"));
        let text = "---\ndate: 24-11-2025\n---\n";
        assert_eq!(
            d.render(Some(text), Language::English),
            "error[date-bad]: a.md:2:7: bad date\n  |\n2 | date: 24-11-2025\n  |       ^\n  hint: write 2025-11-24"
        );
        assert_eq!(
            d.render(Some(text), Language::Dutch),
            "fout[date-bad]: a.md:2:7: foute datum\n  |\n2 | date: 24-11-2025\n  |       ^\n  tip: schrijf 2025-11-24"
        );
    }

    #[test_case(0, 0; "no line")]
    #[test_case(2, 0; "no column")]
    #[test_case(9, 1; "line past the end")]
    #[test_case(1, 9; "column past the end")]
    fn render_without_a_place_is_the_plain_form(line: usize, column: usize) {
        let d =
            Diagnostic::error("x", "a.md", line, column, msg!("x", "x")).with_hint(msg!("y", "y"));
        assert_eq!(
            d.render(Some("abc\ndef\n"), Language::English),
            d.to_string()
        );
    }

    #[test]
    fn render_counts_columns_in_characters() {
        let d = Diagnostic::warning("x-y", "a.md", 1, 3, msg!("x", "x"));
        assert_eq!(
            d.render(Some("éé✅ rest"), Language::English),
            "warning[x-y]: a.md:1:3: x\n  |\n1 | éé✅ rest\n  |   ^^"
        );
    }

    #[test]
    fn caret_after_the_last_character() {
        let d = Diagnostic::error("x-y", "a.md", 1, 4, msg!("x", "x"));
        let drawn = d.render(Some("abc"), Language::English);
        assert!(drawn.ends_with("1 | abc\n  |    ^"), "{drawn}");
    }

    #[test_case(1, 0, Language::English, "1 error, 0 warnings")]
    #[test_case(2, 1, Language::English, "2 errors, 1 warning")]
    #[test_case(1, 0, Language::Dutch, "1 fout, 0 waarschuwingen")]
    #[test_case(2, 1, Language::Dutch, "2 fouten, 1 waarschuwing")]
    fn summary_is_grammatical(errors: usize, warnings: usize, language: Language, expected: &str) {
        let mut all = Diagnostics::new();
        for i in 0..errors {
            all.push(Diagnostic::error("e-e", "a", i, 1, msg!("e", "e")));
        }
        for i in 0..warnings {
            all.push(Diagnostic::warning("w-w", "a", i, 1, msg!("w", "w")));
        }
        assert_eq!(all.summary_in(language), expected);
    }

    #[test]
    fn a_usage_error_names_the_command_line_in_the_language() {
        let d = Diagnostic::usage("usage-day", msg!("not a day", "geen dag"));
        assert_eq!(
            d.render(None, Language::Dutch),
            "fout[usage-day]: opdrachtregel: geen dag"
        );
        assert_eq!(d.to_string(), "error[usage-day]: command line: not a day");
    }

    #[test]
    fn summary_counts_a_repeated_diagnostic_once_as_the_report_prints_it() {
        let mut all = Diagnostics::new();
        for _ in 0..25 {
            all.push(Diagnostic::error(
                "t-t",
                "t.html",
                1,
                0,
                msg!("ran away", "op hol"),
            ));
        }
        all.push(Diagnostic::warning("w-w", "a", 1, 1, msg!("w", "w")));
        assert_eq!(all.summary(), "1 error, 1 warning");
        assert_eq!(all.report().matches("ran away").count(), 1);
    }

    #[test]
    fn counts_errors_and_warnings() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::warning("w-w", "a", 1, 1, msg!("w", "w")));
        assert!(!all.has_errors());
        all.push(Diagnostic::error("e-e", "a", 2, 1, msg!("e", "e")));
        assert_eq!((all.error_count(), all.warning_count()), (1, 1));
    }
}
