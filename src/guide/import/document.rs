//! Splits a Markdown guide page into its parts: front matter, introduction,
//! legend, the table (by column name) and footnotes, each with its line number.
//!
//! Nothing here interprets a cell; that is `cell.rs` and `districts.rs`.

use crate::content::dates::MONTHS_NL;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use regex::Regex;

use crate::diagnostics::{Diagnostic, Diagnostics, line_col};
use crate::msg;

/// A column the importer knows, found by its header text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// `Partij`: the party name, possibly with footnote markers.
    Party,
    /// `Oordeel`: the verdict symbol.
    Verdict,
    /// `Toelichting`: the explanation with quotes, pages and links.
    Explanation,
    /// `Bron`: the programme link.
    Source,
}

impl Column {
    fn from_header(text: &str) -> Option<Column> {
        match text.trim().trim_matches('*').trim().to_lowercase().as_str() {
            "partij" => Some(Column::Party),
            "oordeel" => Some(Column::Verdict),
            "toelichting" => Some(Column::Explanation),
            "bron" => Some(Column::Source),
            _ => None,
        }
    }
}

/// One `- SYMBOL = meaning` line of the legend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// The symbol as written.
    pub symbol: String,
    /// The meaning after `=`.
    pub meaning: String,
    /// 1-based line.
    pub line: usize,
}

/// One cell of a table row, with the column it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The trimmed text.
    pub text: String,
    /// 1-based column (in characters) where the cell's text starts.
    pub column: usize,
}

/// One table row, by known column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line.
    pub line: usize,
    /// Cells of the known columns.
    pub cells: BTreeMap<Column, Cell>,
}

impl Row {
    /// The text of a column, or "" when the table has no such column.
    pub fn text(&self, column: Column) -> &str {
        self.cells
            .get(&column)
            .map(|c| c.text.as_str())
            .unwrap_or("")
    }

    /// The 1-based column where a cell starts, or 1.
    pub fn column_of(&self, column: Column) -> usize {
        self.cells.get(&column).map(|c| c.column).unwrap_or(1)
    }
}

/// A `[^id]: text` footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// The text after the colon.
    pub text: String,
    /// 1-based line.
    pub line: usize,
}

/// A guide page split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideDocument {
    /// `title` of the front matter, if any.
    pub title: Option<String>,
    /// `description` of the front matter, if any.
    pub description: Option<String>,
    /// The Markdown between the front matter and the legend.
    pub intro: String,
    /// The election day, read from the first Dutch date in the introduction
    /// (else the front matter `date`).
    pub election_date: Option<NaiveDate>,
    /// The legend, in order.
    pub legend: Vec<LegendEntry>,
    /// Header names that are not known columns (ignored).
    pub ignored_columns: Vec<String>,
    /// The table rows.
    pub rows: Vec<Row>,
    /// Footnotes by id.
    pub footnotes: BTreeMap<String, Footnote>,
    /// Rows that could not be split into cells; reported with the other row problems.
    pub problems: Diagnostics,
}

/// Splits `text` (the contents of `path`) into its parts. Fails with one
/// diagnostic per problem when there is no usable legend or table; rows that
/// cannot be split are left out and listed in [`GuideDocument::problems`].
pub fn parse(path: &Path, text: &str) -> Result<GuideDocument, Diagnostics> {
    let mut diags = Diagnostics::new();
    if let Some((offset, run)) = long_quote_run(text) {
        let (line, column) = line_col(text, offset);
        diags.push(
            Diagnostic::error(
                "guide-import-quotes-run",
                path,
                line,
                column,
                msg!(
                    "{run} quotation marks in a row",
                    "{run} aanhalingstekens achter elkaar"
                ),
            )
            .with_hint(msg!(
                "a quotation needs one mark at each end; remove the extra marks",
                "een citaat heeft aan elk eind één aanhalingsteken nodig; haal de extra tekens weg"
            )),
        );
        return Err(diags);
    }
    let lines: Vec<&str> = text.lines().collect();
    let (front, body_start) = split_front_matter(&lines);
    let front = parse_front_matter(path, &front, &mut diags);

    let Some(header_index) = find_table(&lines, body_start) else {
        diags.push(
            Diagnostic::error(
                "guide-import-table-missing",
                path,
                1,
                1,
                msg!("no table found", "geen tabel gevonden"),
            )
            .with_hint(msg!(
                "the guide needs a Markdown table with at least the columns `Partij` and `Oordeel`, followed by a `--- | ---` line",
                "de stemwijzer heeft een Markdown-tabel nodig met minstens de kolommen `Partij` en `Oordeel`, met daaronder een regel `--- | ---`"
            )),
        );
        return Err(diags);
    };
    let header = split_row(lines[header_index]);
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut ignored_columns = Vec::new();
    for cell in &header {
        let column = Column::from_header(&cell.text);
        if column.is_none() {
            ignored_columns.push(cell.text.clone());
        } else if columns.contains(&column) {
            diags.push(
                Diagnostic::error(
                    "guide-import-column-twice",
                    path,
                    header_index + 1,
                    cell.column,
                    msg!(
                        "column `{}` appears twice",
                        "kolom `{}` staat er twee keer in",
                        cell.text
                    ),
                )
                .with_hint(msg!(
                    "keep one column of each name",
                    "houd van elke naam één kolom over"
                )),
            );
        }
        columns.push(column);
    }
    for (required, name) in [(Column::Party, "Partij"), (Column::Verdict, "Oordeel")] {
        if !columns.contains(&Some(required)) {
            diags.push(
                Diagnostic::error(
                    "guide-import-column-missing",
                    path,
                    header_index + 1,
                    1,
                    msg!(
                        "the table has no `{name}` column",
                        "de tabel heeft geen kolom `{name}`"
                    ),
                )
                .with_hint(msg!(
                    "name the columns Partij, Oordeel, Toelichting and Bron (in any order; Toelichting and Bron may be left out)",
                    "noem de kolommen Partij, Oordeel, Toelichting en Bron (in elke volgorde; Toelichting en Bron mogen ontbreken)"
                )),
            );
        }
    }

    let legend = parse_legend(
        path,
        &lines[body_start..header_index],
        body_start,
        &mut diags,
    );
    if legend.is_empty() {
        diags.push(
            Diagnostic::error(
                "guide-import-legend-missing",
                path,
                header_index + 1,
                1,
                msg!(
                    "no legend found above the table",
                    "geen legenda gevonden boven de tabel"
                ),
            )
            .with_hint(msg!(
                "list each symbol above the table as `- ✅ = Beschermt je privéberichten`",
                "zet elk symbool boven de tabel, zo: `- ✅ = Beschermt je privéberichten`"
            )),
        );
    }

    if diags.has_errors() {
        return Err(diags);
    }
    let mut rows = Vec::new();
    let mut index = header_index + 2;
    while index < lines.len() && !lines[index].trim().is_empty() && lines[index].contains('|') {
        let line_no = index + 1;
        let cells = split_row(lines[index]);
        let extra = cells.iter().skip(columns.len()).any(|c| !c.text.is_empty());
        if cells.len() < columns.len() || extra {
            diags.push(
                Diagnostic::error(
                    "guide-import-row-cell-count",
                    path,
                    line_no,
                    1,
                    msg!(
                        "this row has {} cells, the header has {}",
                        "deze regel heeft {} cellen, de kop heeft er {}",
                        cells.len(),
                        columns.len()
                    ),
                )
                .with_hint(msg!(
                    "every row needs one cell per column, separated by `|`; write `---` in an empty source cell",
                    "elke regel heeft één cel per kolom nodig, gescheiden door `|`; schrijf `---` in een lege cel bij Bron"
                )),
            );
        } else {
            let cells = columns
                .iter()
                .zip(cells)
                .filter_map(|(column, cell)| column.map(|c| (c, cell)))
                .collect();
            rows.push(Row {
                line: line_no,
                cells,
            });
        }
        index += 1;
    }
    if rows.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(
                "guide-import-table-empty",
                path,
                header_index + 1,
                1,
                msg!("the table has no rows", "de tabel heeft geen regels"),
            )
            .with_hint(msg!(
                "add one row per party below the `--- | ---` line",
                "zet onder de regel `--- | ---` één regel per partij"
            )),
        );
        return Err(diags);
    }

    let footnotes = parse_footnotes(&lines);
    let intro_lines: Vec<&str> = lines[body_start..header_index]
        .iter()
        .copied()
        .filter(|l| {
            !is_legend_line(l) && l.trim().trim_end_matches(':').to_lowercase() != "legenda"
        })
        .collect();
    let intro = intro_lines.join("\n").trim().to_string();
    let election_date = find_dutch_date(&intro).or(front.date);
    Ok(GuideDocument {
        title: front.title,
        description: front.description,
        intro,
        election_date,
        legend,
        ignored_columns,
        rows,
        footnotes,
        problems: diags,
    })
}

/// The most quotation marks of one kind that may stand in a row. The TOML
/// writer counts runs of quotes in a byte and overflows past 255, and no
/// quotation needs more than a few.
const MAX_QUOTE_RUN: usize = 100;

/// The byte offset and length of the first run of more than
/// [`MAX_QUOTE_RUN`] equal quotation marks (`"` or `'`) in `text`.
fn long_quote_run(text: &str) -> Option<(usize, usize)> {
    let mut run = (0, 0, 0u8);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if (b == b'"' || b == b'\'') && run.2 == b && run.1 > 0 {
            run.1 += 1;
        } else if b == b'"' || b == b'\'' {
            run = (i, 1, b);
        } else {
            run.1 = 0;
        }
        if run.1 > MAX_QUOTE_RUN {
            let length = text.as_bytes()[run.0..]
                .iter()
                .take_while(|&&c| c == b)
                .count();
            return Some((run.0, length));
        }
    }
    None
}

/// Returns the front matter lines and the index of the first body line.
fn split_front_matter<'a>(lines: &[&'a str]) -> (Vec<&'a str>, usize) {
    if lines.first().map(|l| l.trim()) == Some("---")
        && let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---")
    {
        return (lines[1..=end].to_vec(), end + 2);
    }
    (Vec::new(), 0)
}

#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    description: Option<String>,
    date: Option<NaiveDate>,
}

fn parse_front_matter(path: &Path, lines: &[&str], diags: &mut Diagnostics) -> FrontMatter {
    if lines.is_empty() {
        return FrontMatter::default();
    }
    let yaml = lines.join("\n");
    match serde_yaml::from_str::<serde_yaml::Mapping>(&yaml) {
        Ok(map) => {
            let text = |key: &str| {
                map.get(key)
                    .and_then(|v| v.as_str())
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
            };
            FrontMatter {
                title: text("title"),
                description: text("description"),
                date: text("date").and_then(|d| {
                    d.get(..10)
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                }),
            }
        }
        Err(err) => {
            let line = err.location().map(|l| l.line() + 1).unwrap_or(1);
            diags.push(
                Diagnostic::error(
                    "guide-import-front-matter-bad",
                    path,
                    line,
                    1,
                    msg!(
                        "cannot read the front matter: {err}",
                        "de front matter is niet te lezen: {err}"
                    ),
                )
                .with_hint(msg!(
                    "front matter is YAML between two `---` lines; check quotes and colons",
                    "front matter is YAML tussen twee regels `---`; controleer de aanhalingstekens en dubbele punten"
                )),
            );
            FrontMatter::default()
        }
    }
}

fn delimiter_regex() -> Regex {
    Regex::new(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$").expect("valid regex")
}

/// The index of the table's header line: a line with `|` followed by a delimiter row.
fn find_table(lines: &[&str], start: usize) -> Option<usize> {
    let delimiter = delimiter_regex();
    (start..lines.len().saturating_sub(1))
        .find(|&i| lines[i].contains('|') && delimiter.is_match(lines[i + 1]))
}

fn is_legend_line(line: &str) -> bool {
    legend_regex().is_match(line)
}

fn legend_regex() -> Regex {
    Regex::new(r"^\s*[-*+]\s+(\S.*?)\s*=\s*(.*?)\s*$").expect("valid regex")
}

fn parse_legend(
    path: &Path,
    lines: &[&str],
    offset: usize,
    diags: &mut Diagnostics,
) -> Vec<LegendEntry> {
    let re = legend_regex();
    let mut legend: Vec<LegendEntry> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(caps) = re.captures(line) else {
            continue;
        };
        let line_no = offset + i + 1;
        let symbol = caps[1].to_string();
        let meaning = caps[2].to_string();
        if meaning.is_empty() {
            diags.push(
                Diagnostic::error(
                    "guide-import-legend-meaning-missing",
                    path,
                    line_no,
                    1,
                    msg!(
                        "legend symbol `{symbol}` has no meaning after `=`",
                        "symbool `{symbol}` in de legenda heeft geen betekenis na `=`"
                    ),
                )
                .with_hint(msg!(
                    "write the meaning after the symbol, e.g. `- ✅ = Beschermt je privéberichten`",
                    "schrijf de betekenis achter het symbool, bijvoorbeeld `- ✅ = Beschermt je privéberichten`"
                )),
            );
        } else if !seen.insert(symbol_key(&symbol)) {
            diags.push(
                Diagnostic::error(
                    "guide-import-legend-symbol-twice",
                    path,
                    line_no,
                    1,
                    msg!(
                        "legend symbol `{symbol}` appears twice",
                        "symbool `{symbol}` staat twee keer in de legenda"
                    ),
                )
                .with_hint(msg!(
                    "every verdict needs its own symbol",
                    "elk oordeel heeft een eigen symbool nodig"
                )),
            );
        } else {
            legend.push(LegendEntry {
                symbol,
                meaning,
                line: line_no,
            });
        }
    }
    legend
}

/// A symbol without emoji variation selectors and spaces, for comparing and indexing.
pub fn symbol_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !matches!(c, '\u{FE0E}' | '\u{FE0F}') && !c.is_whitespace())
        .collect()
}

/// Splits a table line into cells at unescaped `|`, dropping the outer pipes.
///
/// As in GitHub's tables, `\|` is a pipe inside a cell (also within code and
/// links) and `\\|` is a backslash followed by a cell boundary.
pub fn split_row(line: &str) -> Vec<Cell> {
    let line = line.trim_end();
    // (byte start, character column) and byte end of every cell's raw text.
    let mut pieces = Vec::new();
    let mut start = (0, 0);
    let mut escaped = false;
    for (column, (i, c)) in line.char_indices().enumerate() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            pieces.push((start, i));
            start = (i + 1, column + 1);
        }
    }
    let closing_pipe = !pieces.is_empty() && start.0 == line.len();
    if !closing_pipe {
        pieces.push((start, line.len()));
    }
    if line.trim_start().starts_with('|') && !pieces.is_empty() {
        pieces.remove(0);
    }
    pieces
        .into_iter()
        .map(|((from, column), to)| {
            let raw = &line[from..to];
            let leading = raw.chars().take_while(|c| c.is_whitespace()).count();
            Cell {
                text: raw.trim().replace("\\|", "|"),
                column: column + leading + 1,
            }
        })
        .collect()
}

fn parse_footnotes(lines: &[&str]) -> BTreeMap<String, Footnote> {
    let re = Regex::new(r"^\[\^([^\]]+)\]:\s*(.*)$").expect("valid regex");
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            re.captures(l.trim_end()).map(|c| {
                (
                    c[1].to_string(),
                    Footnote {
                        text: c[2].trim().to_string(),
                        line: i + 1,
                    },
                )
            })
        })
        .collect()
}

/// The first Dutch date (`22 november 2023`) in `text`.
pub fn find_dutch_date(text: &str) -> Option<NaiveDate> {
    let re = Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})\s+({})\s+(\d{{4}})\b",
        MONTHS_NL.join("|")
    ))
    .expect("valid regex");
    re.captures_iter(text).find_map(|c| {
        let day: u32 = c[1].parse().ok()?;
        let month = MONTHS_NL
            .iter()
            .position(|m| m.eq_ignore_ascii_case(&c[2]))? as u32
            + 1;
        let year: i32 = c[3].parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("a | b | c", &["a", "b", "c"]; "no outer pipes")]
    #[test_case("| a | b |", &["a", "b"]; "outer pipes")]
    #[test_case("x | --- |", &["x", "---"]; "trailing pipe")]
    #[test_case(r"a \| b | c", &["a | b", "c"]; "escaped pipe")]
    #[test_case(r"| a \| b |", &["a | b"]; "escaped pipe in outer pipes")]
    #[test_case(r"| [x](https://e.x/?a=1\|2) | c |", &["[x](https://e.x/?a=1|2)", "c"]; "escaped pipe in a link")]
    #[test_case(r"| `a \| b` | c \|", &["`a | b`", "c |"]; "escaped pipe in code and at the end")]
    #[test_case(r"a \\| b", &[r"a \\", "b"]; "escaped backslash before a pipe")]
    #[test_case("| a | b |   ", &["a", "b"]; "spaces after the last pipe")]
    fn rows_split(line: &str, expected: &[&str]) {
        let cells: Vec<String> = split_row(line).into_iter().map(|c| c.text).collect();
        assert_eq!(cells, expected);
    }

    #[test]
    fn cells_know_their_column() {
        let cells = split_row("ab |  cd");
        assert_eq!(cells[1].column, 7);
        let cells = split_row("| é | ü |");
        assert_eq!((cells[0].column, cells[1].column), (3, 7));
    }

    #[test_case("Op woensdag 22 november 2023 vinden", Some((2023, 11, 22)))]
    #[test_case("op 1 Maart 2025", Some((2025, 3, 1)))]
    #[test_case("31 februari 2023", None; "impossible date")]
    #[test_case("geen datum", None)]
    fn dutch_dates(text: &str, expected: Option<(i32, u32, u32)>) {
        let expected = expected.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(find_dutch_date(text), expected);
    }

    #[test_case("✅", "✅\u{FE0F}", true)]
    #[test_case("?", "❓", false)]
    fn symbols_compare(a: &str, b: &str, same: bool) {
        assert_eq!(symbol_key(a) == symbol_key(b), same);
    }

    #[test]
    fn document_parts_are_found() {
        let text = "---\ntitle: \"T\"\ndate: 2020-01-02\n---\nIntro op 3 maart 2021.\n\nLegenda:\n- ✅ = Goed\n- ❌ = Slecht\n\nOordeel | Partij\n--- | ---\n✅ | A[^1]\n\n[^1]: Voetnoot.\n";
        let doc = parse(Path::new("x.md"), text).unwrap();
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.intro, "Intro op 3 maart 2021.");
        assert_eq!(doc.election_date, NaiveDate::from_ymd_opt(2021, 3, 3));
        assert_eq!(doc.legend.len(), 2);
        assert_eq!(doc.legend[1].line, 9);
        assert_eq!(doc.rows[0].text(Column::Party), "A[^1]");
        assert_eq!(doc.rows[0].line, 13);
        assert_eq!(doc.footnotes["1"].line, 15);
    }

    #[test_case("Partij | Uitleg\n--- | ---\nA | b\n", "no `Oordeel` column"; "missing column")]
    #[test_case(&format!("x\n{}", "'".repeat(300)), "300 quotation marks in a row"; "quote run")]
    #[test_case("Geen tabel hier.\n", "no table found"; "no table")]
    #[test_case("Partij | Oordeel\n--- | ---\nA | ✅\n", "no legend found"; "no legend")]
    fn document_problems(text: &str, message: &str) {
        let diags = parse(Path::new("x.md"), text).unwrap_err();
        assert!(diags.iter().any(|d| d.message.contains(message)), "{diags}");
    }

    #[test]
    fn a_missing_column_is_named_in_dutch() {
        let diags = parse(Path::new("x.md"), "Partij | Uitleg\n--- | ---\nA | b\n").unwrap_err();
        let d = diags
            .iter()
            .find(|d| d.code == "guide-import-column-missing")
            .expect("a missing column");
        assert_eq!(d.message.nl, "de tabel heeft geen kolom `Oordeel`");
    }
}
