//! The table pre-pass: Goldmark (Hugo's renderer) is more lenient with GFM
//! tables than pulldown-cmark, and pages written for Hugo rely on it. A
//! header row with fewer cells than the delimiter row below it
//! (`Kernbegrippen |` over `-- | -- | --`) is a table whose header is padded
//! with empty cells; pulldown-cmark reads it as a paragraph with literal
//! pipes. This pass finds such header rows in the text of the paragraphs
//! and list items that pulldown-cmark parsed (so code blocks and raw HTML
//! are never touched) and
//! adds the missing empty cells to the source before the real parse. A
//! header row with more cells than the delimiter row stays a paragraph, as
//! in Goldmark.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{is_inline, is_inline_end, parser_options};

/// `markdown` with the header rows of Goldmark-style tables padded to the
/// width of their delimiter rows; borrowed when nothing needed padding.
pub(super) fn pad_table_headers(markdown: &str) -> Cow<'_, str> {
    // Cheap test first: most pages have no delimiter row that could need it.
    if !markdown.contains('|') || !markdown.contains('-') {
        return Cow::Borrowed(markdown);
    }
    // Where to add how many empty cells: (byte offset of the header line's end, count, trailing pipe).
    let mut inserts: Vec<(usize, usize, bool)> = Vec::new();
    // The lines of inline text (paragraphs, and tight list items, which
    // have no paragraph events) outside code, headings and tables.
    let mut run: Option<(usize, usize)> = None;
    let mut skip = 0usize;
    for (event, range) in Parser::new_ext(markdown, parser_options()).into_offset_iter() {
        let inline = match &event {
            Event::Start(tag) => is_inline(tag),
            Event::End(tag) => is_inline_end(*tag),
            Event::Rule => false,
            _ => true,
        };
        if inline && skip == 0 {
            run = Some(match run {
                Some((start, _)) => (start, range.end),
                None => (range.start, range.end),
            });
            continue;
        }
        if let Some((start, end)) = run.take() {
            find_short_headers(markdown, start, end, &mut inserts);
        }
        match event {
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::Heading { .. }
                | Tag::Table(_)
                | Tag::HtmlBlock
                | Tag::MetadataBlock(_),
            ) => skip += 1,
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::Heading(_)
                | TagEnd::Table
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_),
            ) => skip = skip.saturating_sub(1),
            _ => {}
        }
    }
    if let Some((start, end)) = run {
        find_short_headers(markdown, start, end, &mut inserts);
    }
    if inserts.is_empty() {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + inserts.len() * 8);
    let mut last = 0;
    for (at, missing, trailing_pipe) in inserts {
        out.push_str(&markdown[last..at]);
        if !trailing_pipe {
            out.push_str(" |");
        }
        for _ in 0..missing {
            out.push_str(" |");
        }
        last = at;
    }
    out.push_str(&markdown[last..]);
    Cow::Owned(out)
}

/// Looks through the lines of one paragraph (`start..end` in `markdown`)
/// for a delimiter row whose header row above it has fewer cells.
fn find_short_headers(
    markdown: &str,
    start: usize,
    end: usize,
    inserts: &mut Vec<(usize, usize, bool)>,
) {
    let mut previous: Option<(usize, &str)> = None;
    let mut offset = start;
    for line in markdown[start..end].split_inclusive('\n') {
        let line_end = offset + line.trim_end_matches(['\n', '\r']).len();
        let content = strip_container(&markdown[offset..line_end]);
        if let (Some((header_end, header)), Some(columns)) = (previous, delimiter_cells(content)) {
            let cells = row_cells(header);
            if cells < columns {
                let trimmed = header.trim_end();
                let trailing_pipe = trimmed.ends_with('|') && !trimmed.ends_with("\\|");
                let at = header_end - (header.len() - trimmed.len());
                inserts.push((at, columns - cells, trailing_pipe));
            }
            // The rows below belong to the table: no other header here.
            return;
        }
        previous = Some((line_end, content));
        offset += line.len();
    }
}

/// The line without the block-quote markers and indentation that come
/// before a paragraph's continuation lines.
fn strip_container(line: &str) -> &str {
    line.trim_start_matches([' ', '\t', '>'])
}

/// The number of cells of a delimiter row (`|:--|--:|`, `-- | --`), or
/// `None` when `line` is not one. Like Goldmark, a row needs a pipe.
fn delimiter_cells(line: &str) -> Option<usize> {
    let line = line.trim();
    if !line.contains('|') {
        return None;
    }
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut count = 0;
    for cell in inner.split('|') {
        let cell = cell.trim();
        let dashes = cell.strip_prefix(':').unwrap_or(cell);
        let dashes = dashes.strip_suffix(':').unwrap_or(dashes);
        if dashes.is_empty() || !dashes.bytes().all(|b| b == b'-') {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// The number of cells in a table row: pipes split cells unless escaped
/// (also inside code spans, as in GFM); a leading and a trailing pipe
/// open and close the row.
fn row_cells(line: &str) -> usize {
    let line = line.trim();
    let mut pipes = Vec::new();
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes.push(i),
            _ => {}
        }
    }
    let mut cells = pipes.len() + 1;
    if pipes.first() == Some(&0) {
        cells -= 1;
    }
    if !line.is_empty() && pipes.last() == Some(&(line.len() - 1)) && cells > 0 {
        cells -= 1;
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("| A | B |", 2)]
    #[test_case("A | B", 2)]
    #[test_case("Kernbegrippen |", 1)]
    #[test_case("Kernbegrippen", 1)]
    #[test_case("| a \\| b | c |", 2)]
    #[test_case("|", 0)]
    fn cells_are_counted_as_gfm_does(line: &str, cells: usize) {
        assert_eq!(row_cells(line), cells);
    }

    #[test_case("-- | -- | --", Some(3))]
    #[test_case("|:-|-:|:-:|", Some(3))]
    #[test_case("---", None)]
    #[test_case("| a | - |", None)]
    fn delimiter_rows_are_recognised(line: &str, cells: Option<usize>) {
        assert_eq!(delimiter_cells(line), cells);
    }

    #[test_case("Kernbegrippen | \n-- | -- | --\na | b | c\n", "Kernbegrippen | | | \n-- | -- | --\na | b | c\n"; "trailing pipe")]
    #[test_case("Kernbegrippen\n--|--|--\n", "Kernbegrippen | | |\n--|--|--\n"; "no pipe")]
    #[test_case("> | A |\n> |---|---|\n", "> | A | |\n> |---|---|\n"; "in a quote")]
    #[test_case("```\n| A |\n|---|---|\n```\n", "```\n| A |\n|---|---|\n```\n"; "code block untouched")]
    #[test_case("| A | B | C |\n|---|---|\n", "| A | B | C |\n|---|---|\n"; "wider header untouched")]
    #[test_case("- | A |\n  |---|---|\n", "- | A | |\n  |---|---|\n"; "in a tight list item")]
    fn short_headers_are_padded(markdown: &str, expected: &str) {
        assert_eq!(pad_table_headers(markdown), expected);
    }
}
