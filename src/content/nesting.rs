//! A linear look at how deeply front matter nests, before any parser sees
//! it. The YAML parser takes time quadratic in the nesting of `[[[[…` (a
//! 200 KB page of brackets took 27 s, a 1 MB one about 12 minutes), and no
//! editor ever nests a page's fields more than a few levels, so front matter
//! nested deeper than [`MAX_DEPTH`] is refused on the spot.
//!
//! The count is an upper bound of the real depth: brackets inside quoted
//! strings and comments are skipped the way YAML, TOML and JSON quote, and a
//! bracket the scan takes for an opening one where the parser sees text can
//! only make the count higher, never hide real nesting.

/// The notation being scanned, which decides how strings and comments are
/// written (front matter's own `Format` maps onto it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// YAML: quotes start a string only where a value starts; `#` after a
    /// space starts a comment.
    Yaml,
    /// TOML: basic and literal strings, single and multi-line; `#` comments.
    Toml,
    /// JSON: double-quoted strings only.
    Json,
}

/// The deepest nesting of lists and tables front matter may have.
pub const MAX_DEPTH: usize = 128;

/// Where front matter first nests deeper than `limit`: the 0-based line and
/// the 1-based column (in characters) of the bracket or dash that goes too
/// deep.
pub fn too_deep(raw: &str, format: Syntax, limit: usize) -> Option<(usize, usize)> {
    if format == Syntax::Yaml {
        for (line_no, line) in raw.split('\n').enumerate() {
            if let Some(column) = compact_sequences_too_deep(line, limit) {
                return Some((line_no, column));
            }
        }
    }
    let mut depth = 0usize;
    let mut scan = Scan::new(raw, format);
    while let Some((offset, c)) = scan.next_structural() {
        match c {
            '[' | '{' => {
                depth += 1;
                if depth > limit {
                    let before = &raw[..offset];
                    let line = before.matches('\n').count();
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    return Some((line, column));
                }
            }
            _ => depth = depth.saturating_sub(1),
        }
    }
    None
}

/// YAML's compact block sequences (`- - - - x`) nest one level per dash on
/// a single line.
fn compact_sequences_too_deep(line: &str, limit: usize) -> Option<usize> {
    let mut rest = line.trim_start_matches(' ');
    let mut column = line.len() - rest.len() + 1;
    let mut dashes = 0;
    while let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
        dashes += 1;
        if dashes > limit {
            return Some(column);
        }
        let trimmed = after.trim_start_matches([' ', '\t']);
        column += rest.len() - trimmed.len();
        rest = trimmed;
    }
    None
}

/// A scan over the brackets of front matter, skipping strings and comments.
struct Scan<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    format: Syntax,
    /// The last character that was not a space, for YAML's rule that a
    /// quote starts a string only where a value starts.
    previous: char,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str, format: Syntax) -> Scan<'a> {
        Scan {
            text,
            chars: text.char_indices().peekable(),
            format,
            previous: '\n',
        }
    }

    /// The next bracket outside strings and comments, with its byte offset.
    fn next_structural(&mut self) -> Option<(usize, char)> {
        while let Some((offset, c)) = self.chars.next() {
            let starts_value = matches!(
                self.previous,
                '\n' | '[' | '{' | ',' | ':' | '-' | '?' | '='
            );
            match c {
                '[' | '{' | ']' | '}' => {
                    self.previous = c;
                    return Some((offset, c));
                }
                '#' if self.format != Syntax::Json
                    && (self.format == Syntax::Toml || self.at_space(offset)) =>
                {
                    self.skip_line();
                    self.previous = '\n';
                }
                '"' if self.format != Syntax::Yaml || starts_value => {
                    if self.format == Syntax::Toml && self.text[offset..].starts_with("\"\"\"") {
                        self.skip_until(offset + 3, "\"\"\"", true);
                    } else {
                        self.skip_quoted('"', true);
                    }
                    self.previous = 'a';
                }
                '\'' if self.format != Syntax::Json
                    && (self.format == Syntax::Toml || starts_value) =>
                {
                    if self.format == Syntax::Toml && self.text[offset..].starts_with("'''") {
                        self.skip_until(offset + 3, "'''", false);
                    } else {
                        self.skip_quoted('\'', false);
                    }
                    self.previous = 'a';
                }
                '\n' => self.previous = '\n',
                ' ' | '\t' | '\r' => {}
                other => self.previous = other,
            }
        }
        None
    }

    /// Whether the character at `offset` follows a space or starts a line.
    fn at_space(&self, offset: usize) -> bool {
        self.text[..offset]
            .chars()
            .next_back()
            .is_none_or(|c| c == ' ' || c == '\t' || c == '\n')
    }

    fn skip_line(&mut self) {
        while let Some(&(_, c)) = self.chars.peek() {
            if c == '\n' {
                break;
            }
            self.chars.next();
        }
    }

    /// Skips a quoted string whose opening quote was just read. YAML's
    /// single quotes escape themselves by doubling, which reads here as two
    /// strings in a row: the same for counting.
    fn skip_quoted(&mut self, quote: char, backslash_escapes: bool) {
        while let Some((_, c)) = self.chars.next() {
            if backslash_escapes && c == '\\' {
                self.chars.next();
            } else if c == quote {
                return;
            }
        }
    }

    /// Skips to the end of a multi-line TOML string starting at `from`.
    fn skip_until(&mut self, from: usize, end: &str, backslash_escapes: bool) {
        let rest = &self.text[from..];
        let mut i = 0;
        let close = loop {
            match rest[i..].find(end) {
                Some(at) => {
                    let at = i + at;
                    let escaped = backslash_escapes
                        && rest[..at].chars().rev().take_while(|c| *c == '\\').count() % 2 == 1;
                    if !escaped {
                        break Some(from + at + end.len());
                    }
                    i = at + 1;
                }
                None => break None,
            }
        };
        let close = close.unwrap_or(self.text.len());
        while self.chars.peek().is_some_and(|&(o, _)| o < close) {
            self.chars.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("title: a\ntags: [a, b]\n", Syntax::Yaml, None; "shallow yaml")]
    #[test_case("x: [[[[1]]]]\n", Syntax::Yaml, Some((0, 7)); "four deep yaml")]
    #[test_case("x: \"[[[[[[[\"\n", Syntax::Yaml, None; "brackets in a double-quoted string")]
    #[test_case("x: '[[[[[['\n", Syntax::Yaml, None; "brackets in a single-quoted string")]
    #[test_case("x: it's [[[[\n", Syntax::Yaml, Some((0, 12)); "an apostrophe in plain text starts no string")]
    #[test_case("x: 1 # [[[[[[\n", Syntax::Yaml, None; "brackets in a comment")]
    #[test_case("x: a#[[[[[[\n", Syntax::Yaml, Some((0, 9)); "a hash without a space is text")]
    #[test_case("- - - - x\n", Syntax::Yaml, Some((0, 7)); "compact sequences")]
    #[test_case("x = [[[[1]]]]\n", Syntax::Toml, Some((0, 8)); "four deep toml")]
    #[test_case("x = \"\"\"\n[[[[[\n\"\"\"\n", Syntax::Toml, None; "toml multi-line string")]
    #[test_case("x = '''[[[[['''\n", Syntax::Toml, None; "toml literal string")]
    #[test_case("[a]\n[b.c]\n[[d]]\n", Syntax::Toml, None; "toml table headers")]
    #[test_case("{\"a\": [[[[1]]]]}", Syntax::Json, Some((0, 9)); "json")]
    #[test_case("{\"a\": \"[[[[[[[[\"}", Syntax::Json, None; "json string")]
    fn finds_where_front_matter_nests_past_three(
        raw: &str,
        format: Syntax,
        expected: Option<(usize, usize)>,
    ) {
        assert_eq!(too_deep(raw, format, 3), expected);
    }

    #[test]
    fn closing_brackets_in_strings_cannot_hide_depth() {
        let sneaky = format!("x: {}\n", "[ \"]]]]\", ".repeat(10));
        assert!(too_deep(&sneaky, Syntax::Yaml, 5).is_some());
    }

    #[test]
    fn forty_thousand_levels_are_refused_where_they_pass_the_limit() {
        let raw = format!("x: {}1{}\n", "[".repeat(40_000), "]".repeat(40_000));
        assert_eq!(too_deep(&raw, Syntax::Yaml, MAX_DEPTH), Some((0, 132)));
    }
}
