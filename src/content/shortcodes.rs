//! Hugo shortcodes in Markdown: `{{< name a="b" c >}}`, `{{% name %}}…{{% /name %}}`,
//! `{{< name >}}…{{< /name >}}` and the comment form `{{</* name */>}}`, which
//! prints the shortcode itself.
//!
//! [`parse`] turns a Markdown body into text pieces and shortcode calls; the
//! Markdown renderer decides how calls become HTML.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::{Code, Message};
use crate::msg;

/// One use of a shortcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The shortcode's name, e.g. `alert`.
    pub name: String,
    /// Parameters given without a name, in order (`{{< details "Meer" >}}`).
    pub positional: Vec<String>,
    /// Parameters given as `key="value"`.
    pub named: BTreeMap<String, String>,
    /// The text between the opening and closing tag, if the call has a closing tag.
    pub inner: Option<String>,
    /// True for the `{{% %}}` form, whose inner text is Markdown.
    pub markdown: bool,
    /// Byte offset of the opening `{{` in the parsed text.
    pub offset: usize,
    /// Byte offset of the inner text in the parsed text (the end of the opening tag).
    pub inner_offset: usize,
    /// True when the call stands on lines of its own (a block, not inside a sentence).
    pub block: bool,
}

/// A part of a Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Plain Markdown.
    Text(String),
    /// A shortcode call.
    Call(Call),
}

/// A shortcode that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortcodeError {
    /// Byte offset in the parsed text.
    pub offset: usize,
    /// What kind of problem it is (the diagnostic's code).
    pub code: Code,
    /// What is wrong.
    pub message: Message,
    /// How to fix it.
    pub hint: Message,
}

#[derive(Debug, Clone)]
struct Tag {
    start: usize,
    end: usize,
    name: String,
    closing: bool,
    self_closing: bool,
    markdown: bool,
    positional: Vec<String>,
    named: BTreeMap<String, String>,
}

enum Token {
    Text(String),
    Tag(Tag),
}

/// Splits `text` into Markdown pieces and shortcode calls.
///
/// `needs_closing(name)` tells whether a shortcode must have a closing tag;
/// a call of such a shortcode without one is an error. Fails on a `{{<` or
/// `{{%` that is never closed with `>}}`/`%}}`, and on a closing tag without
/// an opening one.
pub fn parse(
    text: &str,
    needs_closing: &dyn Fn(&str) -> bool,
) -> Result<Vec<Piece>, ShortcodeError> {
    let tokens = tokenize(text)?;
    let pairs = pair_tags(&tokens)?;
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::Text(t) => push_text(&mut pieces, t),
            Token::Tag(tag) if tag.closing => {
                let name = &tag.name;
                return Err(ShortcodeError {
                    offset: tag.start,
                    code: "shortcode-closing-unopened",
                    message: msg!(
                        "closing shortcode `/{name}` without an opening `{name}`",
                        "afsluitende shortcode `/{name}` zonder openingstag `{name}`"
                    ),
                    hint: msg!(
                        "add the opening tag before it, or remove this closing tag",
                        "zet de openingstag ervoor, of haal deze afsluitende tag weg"
                    ),
                });
            }
            Token::Tag(tag) => {
                let close = if tag.self_closing {
                    None
                } else {
                    pairs.get(&i).and_then(|&j| match &tokens[j] {
                        Token::Tag(closing) => Some((j, closing)),
                        Token::Text(_) => None,
                    })
                };
                let (inner, end, next) = match close {
                    Some((j, closing)) => (
                        Some(text[tag.end..closing.start].to_string()),
                        closing.end,
                        j + 1,
                    ),
                    None => {
                        if !tag.self_closing && needs_closing(&tag.name) {
                            let open = if tag.markdown { "{{%" } else { "{{<" };
                            let close = if tag.markdown { "%}}" } else { ">}}" };
                            let name = &tag.name;
                            return Err(ShortcodeError {
                                offset: tag.start,
                                code: "shortcode-unclosed",
                                message: msg!(
                                    "the shortcode `{name}` is opened here but never closed",
                                    "de shortcode `{name}` wordt hier geopend maar nergens gesloten"
                                ),
                                hint: msg!(
                                    "end its text with {open} /{name} {close}",
                                    "sluit de tekst af met {open} /{name} {close}"
                                ),
                            });
                        }
                        (None, tag.end, i + 1)
                    }
                };
                pieces.push(Piece::Call(Call {
                    name: tag.name.clone(),
                    positional: tag.positional.clone(),
                    named: tag.named.clone(),
                    inner,
                    markdown: tag.markdown,
                    offset: tag.start,
                    inner_offset: tag.end,
                    block: stands_alone(text, tag.start, end),
                }));
                i = next;
                continue;
            }
        }
        i += 1;
    }
    Ok(pieces)
}

fn push_text(pieces: &mut Vec<Piece>, t: &str) {
    if let Some(Piece::Text(prev)) = pieces.last_mut() {
        prev.push_str(t);
    } else {
        pieces.push(Piece::Text(t.to_string()));
    }
}

/// How deep shortcodes may be nested. Deeper nesting is refused: no page
/// needs it, and each level costs another pass over the text inside it.
pub const MAX_NESTING: usize = 100;

/// Matches every closing tag with the latest open tag of the same name, in
/// one pass (token index of the opening tag → index of its closing tag), and
/// refuses nesting deeper than [`MAX_NESTING`].
fn pair_tags(tokens: &[Token]) -> Result<HashMap<usize, usize>, ShortcodeError> {
    let mut open: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut pairs = HashMap::new();
    for (i, token) in tokens.iter().enumerate() {
        if let Token::Tag(tag) = token {
            if tag.closing {
                if let Some(j) = open.get_mut(tag.name.as_str()).and_then(Vec::pop) {
                    pairs.insert(j, i);
                }
            } else if !tag.self_closing {
                open.entry(tag.name.as_str()).or_default().push(i);
            }
        }
    }
    let closes: HashMap<usize, usize> = pairs.iter().map(|(&o, &c)| (c, o)).collect();
    let mut depth = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        if pairs.contains_key(&i) {
            depth += 1;
            if depth > MAX_NESTING
                && let Token::Tag(tag) = token
            {
                return Err(ShortcodeError {
                    offset: tag.start,
                    code: "shortcode-nested-too-deep",
                    message: msg!(
                        "shortcodes are nested more than {MAX_NESTING} levels deep here",
                        "shortcodes staan hier meer dan {MAX_NESTING} lagen diep in elkaar"
                    ),
                    hint: msg!(
                        "close the shortcodes before opening new ones; nesting this deep is almost always a missing closing tag",
                        "sluit de shortcodes voordat je nieuwe opent; zo diep in elkaar is bijna altijd een vergeten afsluitende tag"
                    ),
                });
            }
        } else if closes.contains_key(&i) {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(pairs)
}

/// True when only white space stands before `start` on its line and after `end` on its line.
fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[end..]
        .find('\n')
        .map(|i| end + i)
        .unwrap_or(text.len());
    text[line_start..start].trim().is_empty() && text[end..line_end].trim().is_empty()
}

fn tokenize(text: &str) -> Result<Vec<Token>, ShortcodeError> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    let mut text_start = 0;
    while let Some(found) = text[pos..].find("{{") {
        let start = pos + found;
        let rest = &text[start + 2..];
        let markdown = match rest.chars().next() {
            Some('<') => false,
            Some('%') => true,
            _ => {
                pos = start + 2;
                continue;
            }
        };
        let close = if markdown { "%}}" } else { ">}}" };
        let inside_start = start + 3;
        // The comment form prints the shortcode itself: {{</* x */>}} → {{< x >}}.
        if text[inside_start..].trim_start().starts_with("/*") {
            let comment_close = format!("*/{close}");
            let Some(rel_end) = text[inside_start..].find(&comment_close) else {
                return Err(unclosed(start, markdown));
            };
            let end = inside_start + rel_end + comment_close.len();
            let inner = text[inside_start..inside_start + rel_end].trim_start();
            let inner = inner.strip_prefix("/*").unwrap_or(inner);
            tokens.push(Token::Text(text[text_start..start].to_string()));
            let open = if markdown { "{{%" } else { "{{<" };
            tokens.push(Token::Text(format!("{open}{inner}{close}")));
            pos = end;
            text_start = end;
            continue;
        }
        let Some(rel_end) = find_unquoted(&text[inside_start..], close) else {
            return Err(unclosed(start, markdown));
        };
        let end = inside_start + rel_end + close.len();
        let inside = text[inside_start..inside_start + rel_end].trim();
        let tag = parse_tag(inside, start, end, markdown)?;
        tokens.push(Token::Text(text[text_start..start].to_string()));
        tokens.push(Token::Tag(tag));
        pos = end;
        text_start = end;
    }
    tokens.push(Token::Text(text[text_start..].to_string()));
    Ok(tokens)
}

fn unclosed(start: usize, markdown: bool) -> ShortcodeError {
    let (open, close) = if markdown {
        ("{{%", "%}}")
    } else {
        ("{{<", ">}}")
    };
    ShortcodeError {
        offset: start,
        code: "shortcode-tag-unterminated",
        message: msg!(
            "a shortcode starts here with `{open}` but never ends with `{close}`",
            "hier begint een shortcode met `{open}`, maar die eindigt nergens met `{close}`"
        ),
        hint: msg!(
            "close the tag with `{close}`, for example {open} alert {close}",
            "sluit de tag af met `{close}`, bijvoorbeeld {open} alert {close}"
        ),
    }
}

/// Finds `needle` outside double-quoted or back-quoted strings.
fn find_unquoted(text: &str, needle: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => {
                if c == '"' || c == '`' {
                    quote = Some(c);
                } else if text[i..].starts_with(needle) {
                    return Some(i);
                }
            }
        }
    }
    None
}

fn parse_tag(
    inside: &str,
    start: usize,
    end: usize,
    markdown: bool,
) -> Result<Tag, ShortcodeError> {
    let (closing, inside) = match inside.strip_prefix('/') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inside),
    };
    let (self_closing, inside) = match inside.strip_suffix('/') {
        Some(rest) => (true, rest.trim_end()),
        None => (false, inside),
    };
    let words = split_words(inside).map_err(|e| ShortcodeError {
        offset: start,
        code: "shortcode-value-unclosed",
        message: e.message(),
        hint: Message::new(
            "put values with spaces in \"double quotes\", for example {{< details \"Lees meer\" >}}",
            "zet waarden met spaties tussen \"dubbele aanhalingstekens\", bijvoorbeeld {{< details \"Lees meer\" >}}",
        ),
    })?;
    let mut words = words.into_iter();
    let name = match words.next() {
        Some((None, name)) if !name.is_empty() => name,
        _ => {
            return Err(ShortcodeError {
                offset: start,
                code: "shortcode-name-missing",
                message: msg!(
                    "a shortcode needs a name",
                    "een shortcode heeft een naam nodig"
                ),
                hint: Message::new(
                    "write the name first, for example {{< alert >}}",
                    "schrijf eerst de naam, bijvoorbeeld {{< alert >}}",
                ),
            });
        }
    };
    let mut positional = Vec::new();
    let mut named = BTreeMap::new();
    for (key, value) in words {
        match key {
            Some(key) => {
                named.insert(key, value);
            }
            None => positional.push(value),
        }
    }
    Ok(Tag {
        start,
        end,
        name,
        closing,
        self_closing,
        markdown,
        positional,
        named,
    })
}

/// A quoted value in a tag without its closing quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
enum UnclosedValue {
    /// `"…`
    #[error("a quoted value is missing its closing \"")]
    Quoted,
    /// `` `… ``
    #[error("a `raw` value is missing its closing `")]
    Raw,
}

impl UnclosedValue {
    /// What is wrong, in every language (the `Display` text is the English).
    fn message(self) -> Message {
        match self {
            UnclosedValue::Quoted => Message::new(
                "a quoted value is missing its closing \"",
                "een waarde tussen aanhalingstekens mist de afsluitende \"",
            ),
            UnclosedValue::Raw => Message::new(
                "a `raw` value is missing its closing `",
                "een `raw`-waarde mist de afsluitende `",
            ),
        }
    }
}

/// Splits the inside of a tag into words, each with an optional `key=`.
fn split_words(text: &str) -> Result<Vec<(Option<String>, String)>, UnclosedValue> {
    let mut words = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(words);
        }
        let first = read_value(&mut chars)?;
        if chars.peek() == Some(&'=') && !first.1 {
            chars.next();
            let (value, _) = read_value(&mut chars)?;
            words.push((Some(first.0), value));
        } else {
            words.push((None, first.0));
        }
    }
}

/// Reads one bare, `"quoted"` or `` `raw` `` value; the flag is true when it was quoted.
fn read_value(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
) -> Result<(String, bool), UnclosedValue> {
    let mut value = String::new();
    match chars.peek() {
        Some('"') => {
            chars.next();
            loop {
                match chars.next() {
                    Some('\\') => value.extend(chars.next()),
                    Some('"') => return Ok((value, true)),
                    Some(c) => value.push(c),
                    None => return Err(UnclosedValue::Quoted),
                }
            }
        }
        Some('`') => {
            chars.next();
            loop {
                match chars.next() {
                    Some('`') => return Ok((value, true)),
                    Some(c) => value.push(c),
                    None => return Err(UnclosedValue::Raw),
                }
            }
        }
        _ => {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '=' {
                    break;
                }
                value.push(c);
                chars.next();
            }
            Ok((value, false))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(text: &str) -> Vec<Call> {
        parse(text, &|_| false)
            .unwrap()
            .into_iter()
            .filter_map(|p| match p {
                Piece::Call(c) => Some(c),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn reads_named_and_positional_parameters() {
        let c = &calls("Zie {{< video src=\"/a.mp4\" \"twee woorden\" autoplay >}} hier")[0];
        assert_eq!(c.name, "video");
        assert_eq!(c.named["src"], "/a.mp4");
        assert_eq!(c.positional, ["twee woorden", "autoplay"]);
        assert!(!c.block);
    }

    #[test]
    fn pairs_opening_and_closing_tags_with_inner_text() {
        let c = &calls("{{% alert context=\"warning\" %}}\n**Let op**\n{{% /alert %}}\n")[0];
        assert_eq!(c.inner.as_deref(), Some("\n**Let op**\n"));
        assert!(c.markdown);
        assert!(c.block);
    }

    #[test]
    fn nested_calls_of_the_same_name_pair_correctly() {
        let c = &calls("{{< d >}}a{{< d >}}b{{< /d >}}c{{< /d >}}")[0];
        assert_eq!(c.inner.as_deref(), Some("a{{< d >}}b{{< /d >}}c"));
    }

    #[test]
    fn comment_form_prints_the_shortcode() {
        let pieces = parse("Schrijf {{</* email \"a@b.nl\" */>}}.", &|_| false).unwrap();
        assert_eq!(
            pieces,
            vec![Piece::Text("Schrijf {{< email \"a@b.nl\" >}}.".into())]
        );
    }

    #[test]
    fn self_closing_tag_has_no_inner() {
        let c = &calls("{{< alert text=\"x\" />}} tekst")[0];
        assert_eq!(c.inner, None);
        assert_eq!(c.named["text"], "x");
    }

    #[test]
    fn unclosed_tag_is_an_error_at_its_offset() {
        let err = parse("abc {{< alert context=\"info\" \nTekst", &|_| false).unwrap_err();
        assert_eq!(err.offset, 4);
        assert_eq!(err.code, "shortcode-tag-unterminated");
        assert!(err.message.contains("never ends"));
        assert!(
            err.message.nl.contains("eindigt nergens met `>}}`"),
            "{}",
            err.message.nl
        );
    }

    #[test]
    fn missing_closing_tag_is_an_error_when_required() {
        let err = parse("{{< details \"x\" >}}\nTekst\n", &|n| n == "details").unwrap_err();
        assert!(err.message.contains("never closed"), "{}", err.message);
    }

    #[test]
    fn stray_closing_tag_is_an_error() {
        assert!(parse("tekst {{< /alert >}}", &|_| false).is_err());
    }

    #[test]
    fn an_unclosed_value_is_named() {
        assert_eq!(split_words("a \"b"), Err(UnclosedValue::Quoted));
        assert_eq!(
            split_words("a `b").unwrap_err().to_string(),
            "a `raw` value is missing its closing `"
        );
        assert_eq!(
            UnclosedValue::Quoted.to_string(),
            "a quoted value is missing its closing \""
        );
        for value in [UnclosedValue::Quoted, UnclosedValue::Raw] {
            assert_eq!(value.message().en, value.to_string());
        }
    }

    #[test]
    fn quotes_may_contain_closing_delimiter() {
        let c = &calls("{{< x t=\"a >}} b\" >}}")[0];
        assert_eq!(c.named["t"], "a >}} b");
    }

    #[test]
    fn plain_double_braces_are_text() {
        assert_eq!(
            parse("a {{ b }} c", &|_| false).unwrap(),
            vec![Piece::Text("a {{ b }} c".into())]
        );
    }

    #[test]
    fn nesting_up_to_the_limit_is_fine_and_deeper_is_an_error() {
        let nested = |n: usize| format!("{}x{}", "{{< d >}}".repeat(n), "{{< /d >}}".repeat(n));
        assert!(parse(&nested(MAX_NESTING), &|_| true).is_ok());
        let err = parse(&nested(MAX_NESTING + 1), &|_| true).unwrap_err();
        assert!(err.message.contains("nested"), "{}", err.message);
        assert_eq!(err.offset, MAX_NESTING * "{{< d >}}".len());
        // Many calls one after another are not nesting.
        assert!(parse(&"{{< d >}}x{{< /d >}}".repeat(5000), &|_| true).is_ok());
    }
}
