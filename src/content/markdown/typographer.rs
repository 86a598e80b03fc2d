//! The typographer, on by default as in Hugo (Goldmark's typographer
//! extension): straight quotes become curly ones (’ for apostrophes, also
//! Dutch `'s avonds`, `zo'n`, `auto's`), `...` an ellipsis, `--` an en dash,
//! `---` an em dash and `<<`/`>>` guillemets. The converter calls
//! [`smarten`] only on text outside code, raw HTML, autolinks and bare web
//! addresses, and tells it the characters around the text (from the
//! neighbouring events) so quotes next to links and emphasis turn the
//! right way. Where Goldmark 0.111 is plainly wrong (`'that'` as ’that',
//! `'90` as ‘90) this follows typographic practice instead.

/// `text` with typographic quotes, dashes, ellipses and guillemets;
/// `before` and `after` are the characters next to it in the block (`None`
/// at the block's start or end).
pub(super) fn smarten(text: &str, before: Option<char>, after: Option<char>) -> String {
    if !text.contains(['"', '\'', '.', '-', '<', '>']) {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = before;
    let mut i = 0;
    while i < chars.len() {
        let at = |k: usize| chars.get(i + k).copied();
        let next = |k: usize| if i + k < chars.len() { at(k) } else { after };
        let (replacement, width) = match chars[i] {
            '.' if at(1) == Some('.') && at(2) == Some('.') => ('…', 3),
            '-' if at(1) == Some('-') && at(2) == Some('-') => ('—', 3),
            '-' if at(1) == Some('-') => ('–', 2),
            '<' if at(1) == Some('<') => ('«', 2),
            '>' if at(1) == Some('>') => ('»', 2),
            '"' => (double_quote(previous, next(1)), 1),
            '\'' => (single_quote(previous, next(1), next(2)), 1),
            c => (c, 1),
        };
        out.push(replacement);
        previous = Some(replacement);
        i += width;
    }
    out
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// True after characters that a quote opens after: space, brackets,
/// dashes, slashes and opening quotes.
fn opens_after(previous: Option<char>) -> bool {
    is_space(previous)
        || previous.is_some_and(|c| {
            matches!(
                c,
                '(' | '[' | '{' | '“' | '‘' | '«' | '„' | '—' | '–' | '-' | '/'
            )
        })
}

fn double_quote(previous: Option<char>, next: Option<char>) -> char {
    if opens_after(previous) {
        if is_space(next) { '"' } else { '“' }
    } else {
        '”'
    }
}

/// A single quote: an apostrophe or closing quote after a word (`zo'n`,
/// `auto's`, `'ja'`), an apostrophe before a number (`'90`) and before
/// Dutch `'s`, `'t` and `'n`, a prime between digits (`5'10`), else an
/// opening quote.
fn single_quote(previous: Option<char>, next: Option<char>, second: Option<char>) -> char {
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if digit(previous) && digit(next) {
        return '\'';
    }
    if !opens_after(previous) {
        return '’';
    }
    if is_space(next) {
        return '\'';
    }
    let elision = matches!(next, Some('s' | 't' | 'n'))
        && !second.is_some_and(char::is_alphanumeric)
        // `'n'` in "rock 'n' roll" is an elision too, but `'s'` after a space is a quoted letter.
        && (second != Some('\'') || next == Some('n'));
    if digit(next) || elision { '’' } else { '‘' }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("'s avonds", "’s avonds")]
    #[test_case("zo'n", "zo’n")]
    #[test_case("auto's", "auto’s")]
    #[test_case("'t is", "’t is")]
    #[test_case("rock 'n' roll", "rock ’n’ roll")]
    #[test_case("'snel'", "‘snel’")]
    #[test_case("5'10", "5'10")]
    #[test_case("a \" b", "a \" b")]
    #[test_case("<<<", "«<")]
    #[test_case("----", "—-")]
    #[test_case("....", "….")]
    fn cases(text: &str, expected: &str) {
        assert_eq!(smarten(text, None, None), expected);
    }

    #[test]
    fn neighbours_decide_the_quotes_direction() {
        // `"*nadruk*"`: the text `"` is followed by emphasis, the closing one follows it.
        assert_eq!(smarten("\"", Some(' '), Some('a')), "“");
        assert_eq!(smarten("\".", Some('k'), None), "”.");
    }
}
