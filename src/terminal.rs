//! Text from outside this program made safe to print on a terminal.
//!
//! `sync` prints what the Tweede Kamer's API sends: faction and member
//! names, addresses, error texts that quote a row. A terminal obeys control
//! characters in that text, so a faction named `"\x1b[2J"` would clear the
//! screen and one ending in `"\r"` could overwrite its own warning with a
//! fake `sync votes: 0 failed`. [`printable`] is the one function every such
//! print goes through: it removes escape sequences (CSI, OSC and the other
//! string sequences, 7-bit and 8-bit), every other C0 and C1 control
//! character and DEL, and the invisible characters that reorder text
//! (bidirectional overrides, isolates and marks), so what is printed is
//! what it looks like.

use crate::diagnostics::{Diagnostic, Diagnostics};

/// Where the scanner is in an escape sequence.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Ordinary text.
    Text,
    /// Just after ESC.
    Escape,
    /// Inside a control sequence (`ESC [` or U+009B) until its final byte.
    Control,
    /// Inside a string (`ESC ]`, `ESC P`, … or their 8-bit forms) until BEL or ST.
    String,
    /// Inside a string, just after an ESC (an `ESC \` ends it).
    StringEscape,
}

/// `text` without escape sequences, control characters or invisible
/// characters that reorder text. Line breaks and tabs become one space each,
/// so the result is one line and words stay apart.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut state = State::Text;
    for c in text.chars() {
        state = match state {
            State::Text => text_char(c, &mut out),
            State::Escape => match c {
                '[' => State::Control,
                ']' | 'P' | 'X' | '^' | '_' => State::String,
                // Intermediate bytes of a two-character sequence such as `ESC ( B`.
                ' '..='/' => State::Escape,
                // The final character of `ESC 7`, `ESC c`, …: dropped with the ESC.
                '0'..='~' => State::Text,
                _ => text_char(c, &mut out),
            },
            State::Control => match c {
                // Parameters and intermediates.
                '0'..='?' | ' '..='/' => State::Control,
                // The final byte ends the sequence.
                '@'..='~' => State::Text,
                // Anything else breaks the sequence off; the character counts as text.
                _ => text_char(c, &mut out),
            },
            State::String => match c {
                '\u{07}' | '\u{9c}' => State::Text,
                '\u{1b}' => State::StringEscape,
                _ => State::String,
            },
            State::StringEscape => match c {
                '\\' => State::Text,
                '\u{1b}' => State::StringEscape,
                _ => State::String,
            },
        };
    }
    out
}

/// Handles one character outside a sequence: keeps it, drops it, or starts a sequence.
fn text_char(c: char, out: &mut String) -> State {
    match c {
        '\u{1b}' => State::Escape,
        '\u{9b}' => State::Control,
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => State::String,
        '\t' | '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
            out.push(' ');
            State::Text
        }
        c if c.is_control() || reorders(c) => State::Text,
        c => {
            out.push(c);
            State::Text
        }
    }
}

/// Invisible characters that change the order or direction of the text
/// around them: the bidirectional embeddings and overrides (U+202A–U+202E),
/// isolates (U+2066–U+2069) and marks (U+200E, U+200F, U+061C).
pub fn reorders(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
}

/// `diagnostics` with the message and hint of each made [`printable`]: what
/// a command that quotes an API's answers hands back to be printed.
pub fn printable_diagnostics(diagnostics: Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::new();
    out.extend(diagnostics.into_iter().map(|d| Diagnostic {
        message: d.message.map(printable),
        hint: d.hint.map(|hint| hint.map(printable)),
        ..d
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("GroenLinks-PvdA", "GroenLinks-PvdA"; "plain text stays")]
    #[test_case("Café Čapek — ‘quote’", "Café Čapek — ‘quote’"; "letters and punctuation stay")]
    #[test_case("X\x1b[2JY", "XY"; "clear screen")]
    #[test_case("X\x1b[1;31mY\x1b[0m", "XY"; "colours")]
    #[test_case("X\rsync votes: 0 failed", "X sync votes: 0 failed"; "carriage return")]
    #[test_case("a\nb\tc", "a b c"; "line break and tab")]
    #[test_case("X\x1b]0;title\x07Y", "XY"; "window title ended by BEL")]
    #[test_case("X\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\Y", "XlinkY"; "hyperlink ended by ST")]
    #[test_case("X\x1b(BY", "XY"; "character set")]
    #[test_case("X\x1b7Y\x1b8", "XY"; "save and restore cursor")]
    #[test_case("X\u{9b}2JY", "XY"; "8-bit CSI")]
    #[test_case("X\u{9d}0;t\u{9c}Y", "XY"; "8-bit OSC ended by 8-bit ST")]
    #[test_case("X\u{85}Y\u{80}", "X Y"; "other C1")]
    #[test_case("X\x07\x08\x7fY\0", "XY"; "bell backspace delete nul")]
    #[test_case("X\u{202e}lmth.exe\u{202c}Y", "Xlmth.exeY"; "bidi override")]
    #[test_case("X\u{2066}\u{2067}\u{2068}\u{2069}\u{200f}Y", "XY"; "isolates and marks")]
    #[test_case("X\x1b[", "X"; "cut-off sequence")]
    #[test_case("X\x1b[2Ä", "XÄ"; "a sequence broken off by a letter")]
    fn printable_text(text: &str, expected: &str) {
        assert_eq!(printable(text), expected);
    }

    #[test]
    fn nothing_printable_is_left_that_a_terminal_obeys() {
        let hostile: String = (0u32..0x2100)
            .filter_map(char::from_u32)
            .chain(['\u{202e}', '\u{2066}'])
            .collect();
        let out = printable(&hostile);
        assert!(
            !out.chars().any(|c| c.is_control() || reorders(c)),
            "{out:?}"
        );
    }

    #[test]
    fn diagnostics_get_printable_messages_and_hints() {
        let mut d = Diagnostics::new();
        d.push(
            Diagnostic::warning(
                "build-faction-text",
                "f.toml",
                0,
                0,
                crate::msg!("faction `A\x1b[2J`", "fractie `A\x1b[2J`"),
            )
            .with_hint(crate::msg!("h\r", "t\r")),
        );
        let out = printable_diagnostics(d);
        let only = out.iter().next().unwrap();
        assert_eq!(only.message, "faction `A`");
        assert_eq!(only.message.nl, "fractie `A`");
        let hint = only.hint.as_ref().unwrap();
        assert_eq!((hint.en.as_str(), hint.nl.as_str()), ("h ", "t "));
    }
}
