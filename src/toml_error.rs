//! TOML mistakes in plain words. The toml crate reports what serde expected
//! in Rust's terms ("invalid type: string \"2024\", expected i32"); editors
//! get "expected a whole number here, not the text \"2024\"" with a hint
//! that shows the fix on their own line. [`recover`] finds the further type
//! mistakes of a file after the first one, so all are reported together.
//!
//! Where the mistake is comes from the error's structure ([`toml::de::Error::span`]).
//! What kind of mistake it is can only be read from its message: serde hands
//! the kind to the error type (`invalid_type`, `unknown_field`, …), but
//! `toml::de::Error` keeps nothing of it except the text serde's default
//! methods write. A wrapping deserializer with an error type of its own could
//! catch those calls, but then the error would lose the span the toml crate
//! adds to its own error type, and serde raises `missing_field` and the
//! wrong-type errors of tables and lists through the table's error type,
//! which only the toml crate makes. So that text is read, in one place,
//! `Mistake::of`, and the test `serde_still_words_every_kind_as_expected`
//! fails when the wording changes: the plain words never silently turn off.

use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, Message, line_col};
use crate::msg;

/// The hint of a mistake in TOML's own syntax.
fn syntax_hint() -> Message {
    msg!(
        "check quotes, `=` signs and [section] headers on that line; text values need \"double quotes\"",
        "controleer op die regel de aanhalingstekens, de `=`-tekens en de [sectie]-koppen; tekst moet tussen \"dubbele aanhalingstekens\""
    )
}

/// The kind of a TOML mistake, with the parts of the message the plain
/// words need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mistake<'a> {
    /// A value of the wrong type: serde's `invalid_type`.
    InvalidType {
        /// What was written, in serde's words (`string "2024"`).
        found: &'a str,
        /// What was expected, in serde's words (`i32`).
        expected: &'a str,
    },
    /// A key the type has no field for: serde's `unknown_field`.
    UnknownField {
        /// The key as written.
        field: &'a str,
        /// The fields there are.
        known: Vec<String>,
    },
    /// A value that is not one of an enum's: serde's `unknown_variant`.
    UnknownVariant {
        /// The value as written.
        value: &'a str,
        /// What was expected, in serde's words (`` one of `a`, `b` ``).
        expected: &'a str,
    },
    /// A required key that is not there: serde's `missing_field`.
    MissingField {
        /// The missing key.
        field: &'a str,
    },
    /// Another data mistake that says what it expected (an invalid value
    /// or length).
    OtherExpected {
        /// What was expected, in serde's words.
        expected: &'a str,
    },
    /// A mistake in TOML's own syntax, or anything else.
    Other,
}

impl<'a> Mistake<'a> {
    /// Reads the kind of mistake from the message of a toml error. This is
    /// the one place that reads serde's English wording (see the module
    /// note for why it must); `serde_still_words_every_kind_as_expected`
    /// guards it.
    pub(crate) fn of(message: &'a str) -> Self {
        let message = message.trim();
        if let Some(rest) = message.strip_prefix("invalid type: ")
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            return Mistake::InvalidType { found, expected };
        }
        if let Some(rest) = message.strip_prefix("unknown field `")
            && let Some((field, known)) = rest.split_once('`')
        {
            return Mistake::UnknownField {
                field,
                known: names(known),
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant `")
            && let Some((value, _)) = rest.split_once('`')
            && let Some((_, expected)) = message.rsplit_once(", expected ")
        {
            return Mistake::UnknownVariant { value, expected };
        }
        if let Some(rest) = message.strip_prefix("missing field `")
            && let Some((field, _)) = rest.split_once('`')
        {
            return Mistake::MissingField { field };
        }
        match message.rsplit_once(", expected ") {
            Some((_, expected)) => Mistake::OtherExpected { expected },
            None => Mistake::Other,
        }
    }
}

/// Builds a diagnostic from a TOML parse or deserialisation error, pointing
/// at the place the error's span names in `source`, in plain words.
pub fn diagnostic(file: &Path, source: &str, err: &toml::de::Error) -> Diagnostic {
    let start = err.span().map(|span| span.start);
    let (line, column) = start.map(|s| line_col(source, s)).unwrap_or((0, 0));
    let key = start.and_then(|s| key_on_line(source, s));
    let (code, message, hint) = plain(err.message().trim(), key.as_deref());
    Diagnostic::error(code, file, line, column, message).with_hint(hint)
}

/// The key of the `key = value` line that holds byte `offset`, when the
/// offset is in its value.
fn key_on_line(source: &str, offset: usize) -> Option<String> {
    let offset = offset.min(source.len());
    let before_offset = source.get(..offset)?;
    let line_start = before_offset.rfind('\n').map_or(0, |i| i + 1);
    let before = &before_offset[line_start..];
    let (key, _) = before.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.contains(['[', ']', ' '])).then(|| key.to_string())
}

/// The code, message and hint for one of the toml crate's messages.
fn plain(message: &str, key: Option<&str>) -> (Code, Message, Message) {
    let key = key.unwrap_or("naam");
    match Mistake::of(message) {
        Mistake::InvalidType { found, expected } => {
            let expected = expected_words(expected);
            let hint = match expected.en.as_str() {
                "a whole number" | "a number" => {
                    // "2024" in quotes: show that very number without them.
                    let quoted = found
                        .strip_prefix("string \"")
                        .and_then(|t| t.strip_suffix('"'))
                        .filter(|t| t.parse::<f64>().is_ok());
                    match quoted {
                        Some(number) => msg!(
                            "write it without quotes: {key} = {number}",
                            "schrijf het zonder aanhalingstekens: {key} = {number}"
                        ),
                        None => msg!(
                            "write a number without quotes, e.g. {key} = 2024",
                            "schrijf een getal zonder aanhalingstekens, bijvoorbeeld {key} = 2024"
                        ),
                    }
                }
                "true or false" => msg!(
                    "write {key} = true or {key} = false, without quotes",
                    "schrijf {key} = true of {key} = false, zonder aanhalingstekens"
                ),
                "text in double quotes" if found == "map" => msg!(
                    "dates are text here: put them in double quotes, e.g. {key} = \"2025-11-26\"",
                    "datums zijn hier tekst: zet ze tussen dubbele aanhalingstekens, bijvoorbeeld {key} = \"2025-11-26\""
                ),
                "text in double quotes" => msg!(
                    "put it in double quotes, e.g. {key} = \"…\"",
                    "zet het tussen dubbele aanhalingstekens, bijvoorbeeld {key} = \"…\""
                ),
                "a list in square brackets" => msg!(
                    "put the values in square brackets, e.g. {key} = [\"…\"]",
                    "zet de waarden tussen vierkante haken, bijvoorbeeld {key} = [\"…\"]"
                ),
                _ => syntax_hint(),
            };
            let found = found_words(found);
            (
                "toml-type-wrong",
                msg!(
                    "expected {expected} here, not {found}",
                    "hier hoort {expected} te staan, niet {found}";
                    expected, found
                ),
                hint,
            )
        }
        Mistake::UnknownField { field, known } => {
            let hint = match closest(field, &known) {
                Some(name) => msg!(
                    "did you mean `{name}`? Check the spelling",
                    "bedoel je `{name}`? Controleer de spelling"
                ),
                None => msg!(
                    "check the spelling, or remove the line",
                    "controleer de spelling, of haal de regel weg"
                ),
            };
            let fields = known.join(", ");
            (
                "toml-field-unknown",
                msg!(
                    "`{field}` is not a field here; the fields are: {fields}",
                    "`{field}` is hier geen veld; de velden zijn: {fields}"
                ),
                hint,
            )
        }
        Mistake::UnknownVariant { value, expected } => {
            let known = names(expected);
            let hint = match closest(value, &known) {
                Some(name) => msg!(
                    "did you mean {key} = \"{name}\"?",
                    "bedoel je {key} = \"{name}\"?"
                ),
                None => {
                    let first = known.first().map_or("…", |k| k);
                    msg!(
                        "write one of them, e.g. {key} = \"{first}\"",
                        "kies er één, bijvoorbeeld {key} = \"{first}\""
                    )
                }
            };
            let allowed = known.join(", ");
            (
                "toml-value-not-allowed",
                msg!(
                    "`{value}` is not allowed here; write one of: {allowed}",
                    "`{value}` is hier niet toegestaan; kies uit: {allowed}"
                ),
                hint,
            )
        }
        Mistake::MissingField { field } => (
            "toml-field-missing",
            msg!("`{field}` is missing here", "`{field}` ontbreekt hier"),
            msg!(
                "add a line {field} = … to this entry; see the comment at the top of the file",
                "voeg aan dit item een regel {field} = … toe; zie de uitleg bovenaan het bestand"
            ),
        ),
        Mistake::OtherExpected { .. } | Mistake::Other => (
            "toml-invalid",
            msg!("invalid TOML: {message}", "ongeldige TOML: {message}"),
            syntax_hint(),
        ),
    }
}

/// What serde's name of an expected type means to an editor.
fn expected_words(expected: &str) -> Message {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "usize" | "an integer" => msg!("a whole number", "een geheel getal"),
        "f32" | "f64" | "a float" => msg!("a number", "een getal"),
        "a boolean" => msg!("true or false", "true of false"),
        "a string" | "a borrowed string" | "a character" => {
            msg!(
                "text in double quotes",
                "tekst tussen dubbele aanhalingstekens"
            )
        }
        "a sequence" => msg!(
            "a list in square brackets",
            "een lijst tussen vierkante haken"
        ),
        "a map" => msg!("a table", "een tabel"),
        other if other.starts_with("struct ") => msg!("a table", "een tabel"),
        // Any other expectation in serde's own words.
        other => Message::verbatim(other),
    }
}

/// What serde's description of a found value means to an editor.
fn found_words(found: &str) -> Message {
    if let Some(text) = found.strip_prefix("string ") {
        return msg!("the text {text}", "de tekst {text}");
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(value) = found.strip_prefix(prefix) {
            let value = value.trim_matches('`');
            return msg!("the number {value}", "het getal {value}");
        }
    }
    if let Some(value) = found.strip_prefix("boolean ") {
        // `true` or `false`, the same in every language.
        return Message::verbatim(value.trim_matches('`'));
    }
    match found {
        // A date without quotes is a TOML date-time, which serde sees as a map.
        "map" => msg!(
            "a table or a date without quotes",
            "een tabel of een datum zonder aanhalingstekens"
        ),
        "sequence" => msg!("a list", "een lijst"),
        // Anything else in serde's own words.
        other => Message::verbatim(other),
    }
}

/// The names in "expected one of `a`, `b`" or "expected `a` or `b`".
fn names(list: &str) -> Vec<String> {
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The name in `known` closest to `typed`, if it is close.
fn closest<'a>(typed: &str, known: &'a [String]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(typed, k), k))
        .filter(|(distance, k)| *distance <= 2.max(k.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k.as_str())
}

/// For a file whose text parses as TOML but not as `T`: the next version of
/// `text` with the mistake of `err` neutralised, so that parsing again finds
/// the next mistake; `None` when that cannot be done without moving the
/// rest of the text (every change keeps lines and columns where they are).
///
/// A value of the wrong type is replaced by the shortest value of the
/// expected type, padded with spaces; a line with an unknown field is
/// blanked. Nothing of this is ever written or used: the file already
/// failed, and this only looks for its other mistakes.
pub fn recover(text: &str, err: &toml::de::Error) -> Option<String> {
    let span = err.span()?;
    let expected = match Mistake::of(err.message()) {
        Mistake::UnknownField { .. } => {
            let start = text.get(..span.start)?.rfind('\n').map_or(0, |i| i + 1);
            let end = text
                .get(span.start..)?
                .find('\n')
                .map_or(text.len(), |i| span.start + i);
            let mut next = text.to_string();
            next.replace_range(start..end, &" ".repeat(end - start));
            return Some(next);
        }
        Mistake::InvalidType { expected, .. }
        | Mistake::UnknownVariant { expected, .. }
        | Mistake::OtherExpected { expected } => expected,
        Mistake::MissingField { .. } | Mistake::Other => return None,
    };
    let replacement: String = match expected_words(expected).en.as_str() {
        "a whole number" => "0".into(),
        "a number" => "0.0".into(),
        "true or false" => "true".into(),
        "text in double quotes" => "\"\"".into(),
        "a list in square brackets" => "[]".into(),
        "a table" => "{}".into(),
        _ => {
            // An unknown variant: the first allowed one, quoted.
            let first = names(expected).into_iter().next()?;
            format!("\"{first}\"")
        }
    };
    let original = text.get(span.clone())?;
    if replacement.len() > original.len() || original.contains('\n') {
        return None;
    }
    let mut next = text.to_string();
    let padded = format!("{replacement:<width$}", width = original.len());
    next.replace_range(span, &padded);
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use test_case::test_case;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Entry {
        year: i32,
        name: String,
        complete: bool,
        date: Option<String>,
        pages: Option<Vec<u32>>,
        stance: Option<Stance>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Stance {
        Protects,
        Undermines,
    }

    fn first_error(text: &str) -> Diagnostic {
        let err = toml::from_str::<Entry>(text).unwrap_err();
        diagnostic(Path::new("a.toml"), text, &err)
    }

    #[test_case(
        "year = \"2024\"\nname = \"x\"\ncomplete = true",
        "expected a whole number here, not the text \"2024\"",
        "write it without quotes: year = 2024"
    )]
    #[test_case(
        "year = \"dit jaar\"\nname = \"x\"\ncomplete = true",
        "expected a whole number here, not the text \"dit jaar\"",
        "write a number without quotes, e.g. year = 2024"
    )]
    #[test_case(
        "year = 1\nname = 42\ncomplete = true",
        "expected text in double quotes here, not the number 42",
        "put it in double quotes, e.g. name = \"…\""
    )]
    #[test_case(
        "year = 1\nname = \"x\"\ncomplete = \"nee\"",
        "expected true or false here, not the text \"nee\"",
        "write complete = true or complete = false, without quotes"
    )]
    #[test_case(
        "year = 1\nname = \"x\"\ncomplete = true\ndate = 2025-11-26",
        "expected text in double quotes here, not a table or a date without quotes",
        "dates are text here: put them in double quotes, e.g. date = \"2025-11-26\""
    )]
    #[test_case(
        "year = 1\nname = \"x\"\ncomplete = true\npages = \"6\"",
        "expected a list in square brackets here, not the text \"6\"",
        "put the values in square brackets, e.g. pages = [\"…\"]"
    )]
    #[test_case(
        "year = 1\nnaam = \"x\"\ncomplete = true",
        "`naam` is not a field here; the fields are: year, name, complete, date, pages, stance",
        "did you mean `name`? Check the spelling"
    )]
    #[test_case(
        "year = 1\nname = \"x\"\ncomplete = true\nstance = \"protect\"",
        "`protect` is not allowed here; write one of: protects, undermines",
        "did you mean stance = \"protects\"?"
    )]
    #[test_case(
        "year = 1\ncomplete = true",
        "`name` is missing here",
        "add a line name = … to this entry; see the comment at the top of the file"
    )]
    fn says_it_in_plain_words(text: &str, message: &str, hint: &str) {
        let d = first_error(text);
        assert_eq!(d.message, message);
        assert_eq!(d.hint.as_deref(), Some(hint));
    }

    #[test]
    fn says_it_in_dutch_too() {
        let d = first_error("year = \"2024\"\nname = \"x\"\ncomplete = true");
        assert_eq!(d.code, "toml-type-wrong");
        assert_eq!(
            d.message.nl,
            "hier hoort een geheel getal te staan, niet de tekst \"2024\""
        );
        assert_eq!(
            d.hint.unwrap().nl,
            "schrijf het zonder aanhalingstekens: year = 2024"
        );
    }

    #[test]
    fn a_syntax_error_points_at_its_line() {
        let src = "title = \"x\"\nbroken = \n";
        let err = toml::from_str::<toml::Value>(src).unwrap_err();
        assert_eq!(diagnostic(Path::new("site.toml"), src, &err).line, 2);
    }

    #[test]
    fn a_syntax_error_keeps_the_general_hint() {
        let d = first_error("year = = 1");
        assert!(d.message.starts_with("invalid TOML: "), "{}", d.message);
        assert_eq!(d.hint, Some(syntax_hint()));
        assert_eq!(d.code, "toml-invalid");
        assert!(
            d.message.nl.starts_with("ongeldige TOML: "),
            "{}",
            d.message.nl
        );
    }

    #[test]
    fn recovering_finds_every_type_mistake_and_keeps_positions() {
        let text =
            "year = \"2024\"\nname = 42\ncomplete = \"nee\"\ntekst = \"x\"\nstance = \"x\"\n";
        let mut current = text.to_string();
        let mut found = Vec::new();
        while let Err(err) = toml::from_str::<Entry>(&current) {
            found.push(diagnostic(Path::new("a.toml"), text, &err));
            match recover(&current, &err) {
                Some(next) => {
                    assert_eq!(next.len(), current.len());
                    assert_eq!(next.lines().count(), current.lines().count());
                    current = next;
                }
                None => break,
            }
        }
        let places: Vec<(usize, usize)> = found.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(places, [(1, 8), (2, 8), (3, 12), (4, 1), (5, 10)]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_never_moves_the_text(
            text in "((year|name|complete|date|pages|stance|naam) = (\"[a-zé]{0,4}\"|[0-9]{1,3}|true|\\[1\\]|2025-11-26|\"protect\")\n){0,8}"
        ) {
            let mut current = text.clone();
            for _ in 0..20 {
                let Err(err) = toml::from_str::<Entry>(&current) else { break };
                let _ = diagnostic(Path::new("a.toml"), &text, &err);
                match recover(&current, &err) {
                    Some(next) => {
                        proptest::prop_assert_eq!(next.len(), current.len());
                        current = next;
                    }
                    None => break,
                }
            }
        }
    }

    #[test]
    fn does_not_recover_when_the_fix_would_move_the_text() {
        let text = "year = 1\nname = 4\ncomplete = true\n";
        let err = toml::from_str::<Entry>(text).unwrap_err();
        assert_eq!(recover(text, &err), None, "\"\" does not fit in place of 4");
    }

    /// The plain words depend on serde's wording of each kind of mistake
    /// (see [`Mistake::of`]): if it changes, this fails instead of the
    /// plain words silently turning into "invalid TOML: …".
    #[test_case("year = \"2024\"\nname = \"x\"\ncomplete = true", Mistake::InvalidType { found: "string \"2024\"", expected: "i32" }; "invalid type")]
    #[test_case("year = 1\nnaam = \"x\"\ncomplete = true", Mistake::UnknownField { field: "naam", known: ["year", "name", "complete", "date", "pages", "stance"].map(String::from).to_vec() }; "unknown field")]
    #[test_case("year = 1\nname = \"x\"\ncomplete = true\nstance = \"protect\"", Mistake::UnknownVariant { value: "protect", expected: "`protects` or `undermines`" }; "unknown variant")]
    #[test_case("year = 1\ncomplete = true", Mistake::MissingField { field: "name" }; "missing field")]
    #[test_case("year = -1\nname = \"x\"\ncomplete = true\npages = [-1]", Mistake::OtherExpected { expected: "u32" }; "invalid value")]
    #[test_case("year = = 1", Mistake::Other; "syntax")]
    fn serde_still_words_every_kind_as_expected(text: &str, kind: Mistake<'_>) {
        let err = toml::from_str::<Entry>(text).unwrap_err();
        assert_eq!(Mistake::of(err.message()), kind, "{}", err.message());
    }
}
