//! Translates a Hugo shortcode template (Go `text/template` syntax) into a
//! minijinja shortcode template, for the common forms: `.Get "name"`,
//! `.Get 0`, `.Inner`, `.Page.Title`, `.Page.Params.x`, `.Site.BaseURL`,
//! `.Site.Params.x`, `with`/`if`/`else`/`range`, variables, pipelines and the
//! functions `default`, `safeHTML`, `markdownify`, `relURL`, `absURL`, `eq`,
//! `ne`, `and`, `or`, `not`, `len`, `index`, `split`, `lower`, `upper`, … .
//!
//! Anything else (site-wide page queries, `partial`, `printf`, …) is not
//! guessed at: [`translate`] fails with the reason, and the importer reports
//! the shortcode as needing a hand port.

pub use super::translate_error::{MAX_NESTING, TranslateError};

/// Translates `source`; the error says what could not be translated.
///
/// The template text around the actions reaches minijinja only as data: text
/// that minijinja would read as syntax becomes a string literal, so nothing
/// in it (not even `{% endraw %}`) can run at build time. The result is
/// checked to compile.
pub fn translate(source: &str) -> Result<String, TranslateError> {
    let out = translate_unchecked(source)?;
    let env = minijinja::Environment::new();
    env.template_from_str(&out)
        .map_err(|e| TranslateError::Invalid(e.detail().unwrap_or("syntax error").to_string()))?;
    Ok(out)
}

fn translate_unchecked(source: &str) -> Result<String, TranslateError> {
    let mut out = String::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut counter = 0usize;
    let mut rest = source;
    // Whether the previous action trims the white space after it (`-}}`).
    let mut trimmed_after = false;
    while let Some(start) = rest.find("{{") {
        let text = &rest[..start];
        let after = &rest[start + 2..];
        let end = match after
            .trim_start_matches('-')
            .trim_start()
            .strip_prefix("/*")
        {
            // A comment may contain `}}`; it ends at `*/`.
            Some(comment) => {
                let close = comment.find("*/").ok_or(TranslateError::UnclosedComment)?;
                let at = after.len() - comment.len() + close + 2;
                at + find_action_end(&after[at..]).ok_or(TranslateError::UnclosedAction)?
            }
            None => find_action_end(after).ok_or(TranslateError::UnclosedAction)?,
        };
        let mut inside = &after[..end];
        rest = &after[end + 2..];
        // `-` is one byte, so slicing next to it stays on a character boundary.
        let trim_left = inside.starts_with('-') && inside[1..].starts_with(char::is_whitespace);
        if trim_left {
            inside = &inside[1..];
        }
        let trim_right =
            inside.ends_with('-') && inside[..inside.len() - 1].ends_with(char::is_whitespace);
        if trim_right {
            inside = &inside[..inside.len() - 1];
        }
        push_text(&mut out, text, trimmed_after, trim_left);
        trimmed_after = trim_right;
        let inside = inside.trim();
        let (l, r) = (
            if trim_left { "-" } else { "" },
            if trim_right { "-" } else { "" },
        );
        if inside.starts_with("/*") {
            // A comment; keep the trimming of white space around it.
            if trim_left || trim_right {
                out.push_str(&format!("{{%{l} if false %}}{{% endif {r}%}}"));
            }
            continue;
        }
        let tokens = lex(inside)?;
        let ctx = Context::from(&blocks);
        match tokens.first() {
            Some(Tok::Word(w)) if w == "if" => {
                let expr = pipeline(&tokens[1..], &ctx)?;
                out.push_str(&format!("{{%{l} if {expr} {r}%}}"));
                blocks.push(Block {
                    kind: BlockKind::If,
                    dot: None,
                });
            }
            Some(Tok::Word(w)) if w == "with" => {
                counter += 1;
                let var = format!("w{counter}");
                let (binding, body) = split_binding(&tokens[1..]);
                let expr = pipeline(body, &ctx)?;
                let mut set = format!("{{%{l} set {var} = {expr} %}}");
                if let Some(name) = binding {
                    set.push_str(&format!("{{% set v_{name} = {var} %}}"));
                }
                out.push_str(&set);
                out.push_str(&format!("{{% if {var} {r}%}}"));
                blocks.push(Block {
                    kind: BlockKind::With,
                    dot: Some(var),
                });
            }
            Some(Tok::Word(w)) if w == "range" => {
                counter += 1;
                let (vars, body) = split_range_vars(&tokens[1..]);
                let expr = pipeline(body, &ctx)?;
                let item = match vars.as_slice() {
                    [] => format!("r{counter}"),
                    [one] => format!("v_{one}"),
                    [index, one] => {
                        let item = format!("v_{one}");
                        out.push_str(&format!(
                            "{{%{l} for {item} in {expr} {r}%}}{{% set v_{index} = loop.index0 %}}"
                        ));
                        blocks.push(Block {
                            kind: BlockKind::Range,
                            dot: Some(item),
                        });
                        continue;
                    }
                    _ => return Err(TranslateError::RangeVariables),
                };
                out.push_str(&format!("{{%{l} for {item} in {expr} {r}%}}"));
                blocks.push(Block {
                    kind: BlockKind::Range,
                    dot: Some(item),
                });
            }
            Some(Tok::Word(w)) if w == "else" => {
                let Some(block) = blocks.last() else {
                    return Err(TranslateError::ElseOutsideBlock);
                };
                if tokens.len() > 1 {
                    let Some(Tok::Word(kw)) = tokens.get(1) else {
                        return Err(TranslateError::ElseNotIf);
                    };
                    if kw != "if" || block.kind != BlockKind::If {
                        return Err(TranslateError::Else(kw.clone()));
                    }
                    let expr = pipeline(&tokens[2..], &Context::from(&blocks[..blocks.len() - 1]))?;
                    out.push_str(&format!("{{%{l} elif {expr} {r}%}}"));
                } else {
                    out.push_str(&format!("{{%{l} else {r}%}}"));
                }
            }
            Some(Tok::Word(w)) if w == "end" => {
                let block = blocks.pop().ok_or(TranslateError::EndWithoutBlock)?;
                let end = match block.kind {
                    BlockKind::If | BlockKind::With => "endif",
                    BlockKind::Range => "endfor",
                };
                out.push_str(&format!("{{%{l} {end} {r}%}}"));
            }
            Some(Tok::Word(w))
                if [
                    "define",
                    "template",
                    "block",
                    "partial",
                    "partialCached",
                    "break",
                    "continue",
                ]
                .contains(&w.as_str()) =>
            {
                return Err(TranslateError::OutsideShortcode(w.clone()));
            }
            Some(Tok::Var(name)) if matches!(tokens.get(1), Some(Tok::Declare | Tok::Assign)) => {
                let expr = pipeline(&tokens[2..], &ctx)?;
                out.push_str(&format!("{{%{l} set v_{name} = {expr} {r}%}}"));
            }
            _ => {
                let expr = pipeline(&tokens, &ctx)?;
                out.push_str(&format!("{{{{{l} {expr} {r}}}}}"));
            }
        }
    }
    push_text(&mut out, rest, trimmed_after, false);
    if !blocks.is_empty() {
        return Err(TranslateError::UnclosedBlock);
    }
    Ok(out)
}

/// Copies template text between actions. Text that minijinja would read as
/// syntax goes in as a string literal (see [`literal`]); the white space a
/// neighbouring `{{-`/`-}}` trims is trimmed here, as minijinja's own
/// trimming does not reach into a literal.
fn push_text(out: &mut String, text: &str, trim_start: bool, trim_end: bool) {
    if !has_syntax(text) {
        out.push_str(text);
        return;
    }
    // Go trims these four (text/template's isSpace).
    const GO_SPACE: [char; 4] = [' ', '\t', '\r', '\n'];
    let mut text = text;
    if trim_start {
        text = text.trim_start_matches(GO_SPACE);
    }
    if trim_end {
        text = text.trim_end_matches(GO_SPACE);
    }
    out.push_str(&literal(text));
}

/// True when minijinja would read part of `text` as a tag or comment.
fn has_syntax(text: &str) -> bool {
    text.contains("{%") || text.contains("{#") || text.contains("{{")
}

/// `text` as a minijinja expression that prints it unchanged and unescaped:
/// a string literal, which no text can close or turn into code.
fn literal(text: &str) -> String {
    format!("{{{{ {} | safe }}}}", quote(text))
}

/// Wraps a plain-HTML shortcode so that minijinja outputs it as it is.
pub fn plain_html(source: &str) -> String {
    if has_syntax(source) {
        literal(source)
    } else {
        source.to_string()
    }
}

/// The offset of the `}}` that ends an action, outside strings.
fn find_action_end(text: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match quote {
            Some(q) => {
                if c == '\\' && q == '"' {
                    chars.next();
                } else if c == q {
                    quote = None;
                }
            }
            None => {
                if c == '"' || c == '`' {
                    quote = Some(c);
                } else if c == '}' && text[i + 1..].starts_with('}') {
                    // `}` is one byte: `i + 1` is a character boundary.
                    return Some(i);
                }
            }
        }
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    If,
    With,
    Range,
}

struct Block {
    kind: BlockKind,
    /// The variable `.` stands for inside this block, if it rebinds `.`.
    dot: Option<String>,
}

/// What `.` means at a point of the template.
struct Context {
    dot: Option<String>,
}

impl Context {
    fn from(blocks: &[Block]) -> Context {
        Context {
            dot: blocks.iter().rev().find_map(|b| b.dot.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    /// `.A.B` (`.` alone is an empty list).
    Field(Vec<String>),
    /// `$x` (`$` alone is the empty name), with fields after it.
    Var(String),
    VarField(String, Vec<String>),
    Str(String),
    Num(String),
    Pipe,
    Open,
    Close,
    Declare,
    Assign,
    Comma,
}

fn lex(text: &str) -> Result<Vec<Tok>, TranslateError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    let ident = |chars: &[char], mut i: usize| {
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        (chars[start..i].iter().collect::<String>(), i)
    };
    let fields = |chars: &[char], mut i: usize| {
        let mut list = Vec::new();
        while i < chars.len() && chars[i] == '.' {
            let (name, next) = ident(chars, i + 1);
            if name.is_empty() {
                i += 1;
                break;
            }
            list.push(name);
            i = next;
        }
        (list, i)
    };
    while i < chars.len() {
        let c = chars[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '|' => {
                tokens.push(Tok::Pipe);
                i += 1;
            }
            '(' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(TranslateError::TooDeep);
                }
                tokens.push(Tok::Open);
                i += 1;
            }
            ')' => {
                depth = depth.saturating_sub(1);
                tokens.push(Tok::Close);
                i += 1;
            }
            ',' => {
                tokens.push(Tok::Comma);
                i += 1;
            }
            ':' if chars.get(i + 1) == Some(&'=') => {
                tokens.push(Tok::Declare);
                i += 2;
            }
            '=' => {
                tokens.push(Tok::Assign);
                i += 1;
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        Some('\\') => {
                            let escaped = chars.get(i + 1).copied().unwrap_or('\\');
                            s.push(match escaped {
                                'n' => '\n',
                                't' => '\t',
                                other => other,
                            });
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some(&c) => {
                            s.push(c);
                            i += 1;
                        }
                        None => return Err(TranslateError::UnclosedString),
                    }
                }
                tokens.push(Tok::Str(s));
            }
            '`' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '`')
                    .ok_or(TranslateError::UnclosedRawString)?;
                tokens.push(Tok::Str(chars[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            '.' => {
                let (list, next) = fields(&chars, i);
                tokens.push(Tok::Field(list));
                i = next.max(i + 1);
            }
            '$' => {
                let (name, next) = ident(&chars, i + 1);
                let (list, next) = fields(&chars, next);
                tokens.push(if list.is_empty() {
                    Tok::Var(name)
                } else {
                    Tok::VarField(name, list)
                });
                i = next;
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let start = i;
                i += 1;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                tokens.push(Tok::Num(chars[start..i].iter().collect()));
            }
            c if c.is_alphabetic() || c == '_' => {
                let (word, next) = ident(&chars, i);
                i = next;
                tokens.push(Tok::Word(word));
            }
            c @ ('\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2018}' | '\u{2019}' | '\u{ab}'
            | '\u{bb}') => {
                return Err(TranslateError::CurlyQuote(c));
            }
            other => return Err(TranslateError::Unexpected(other)),
        }
    }
    Ok(tokens)
}

/// `with $x := …`: the variable name and the rest.
fn split_binding(tokens: &[Tok]) -> (Option<String>, &[Tok]) {
    match tokens {
        [Tok::Var(name), Tok::Declare, rest @ ..] => (Some(name.clone()), rest),
        _ => (None, tokens),
    }
}

/// `range $i, $e := …` or `range $e := …`: the variable names and the rest.
fn split_range_vars(tokens: &[Tok]) -> (Vec<String>, &[Tok]) {
    match tokens {
        [
            Tok::Var(a),
            Tok::Comma,
            Tok::Var(b),
            Tok::Declare,
            rest @ ..,
        ] => (vec![a.clone(), b.clone()], rest),
        [Tok::Var(a), Tok::Declare, rest @ ..] => (vec![a.clone()], rest),
        _ => (Vec::new(), tokens),
    }
}

/// Translates `a | f x | g` into one minijinja expression.
fn pipeline(tokens: &[Tok], ctx: &Context) -> Result<String, TranslateError> {
    let mut commands: Vec<&[Tok]> = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        match t {
            Tok::Open => depth += 1,
            Tok::Close => depth -= 1,
            Tok::Pipe if depth == 0 => {
                commands.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    commands.push(&tokens[start..]);
    let mut value: Option<String> = None;
    for command in commands {
        value = Some(command_expr(command, ctx, value)?);
    }
    value.ok_or(TranslateError::EmptyAction)
}

/// Splits a command into its operands (parenthesised groups stay whole).
fn operands(tokens: &[Tok]) -> Result<Vec<&[Tok]>, TranslateError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == Tok::Open {
            let mut depth = 0;
            let mut j = i;
            loop {
                match tokens.get(j) {
                    Some(Tok::Open) => depth += 1,
                    Some(Tok::Close) => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Some(_) => {}
                    None => return Err(TranslateError::UnclosedParen),
                }
                j += 1;
            }
            out.push(&tokens[i..=j]);
            i = j + 1;
        } else {
            out.push(&tokens[i..i + 1]);
            i += 1;
        }
    }
    Ok(out)
}

fn command_expr(
    tokens: &[Tok],
    ctx: &Context,
    piped: Option<String>,
) -> Result<String, TranslateError> {
    let ops = operands(tokens)?;
    let Some(first) = ops.first() else {
        return Err(TranslateError::EmptyCommand);
    };
    // `.Get "x"` and `$.Get 0` are method calls with one argument.
    let method_get = match first {
        [Tok::Field(f)] if f.len() == 1 && f[0] == "Get" && ctx.dot.is_none() => true,
        [Tok::VarField(v, f)] if v.is_empty() && f.len() == 1 && f[0] == "Get" => true,
        _ => false,
    };
    if method_get {
        let arg = match ops.get(1) {
            Some([Tok::Str(s)]) => format!("params[{}]", quote(s)),
            Some([Tok::Num(n)]) => format!("args[{n}]"),
            _ => return Err(TranslateError::ComputedGet),
        };
        return Ok(arg);
    }
    let mut args: Vec<String> = Vec::new();
    let name = match first {
        [Tok::Word(w)] if !matches!(w.as_str(), "true" | "false" | "nil") => Some(w.clone()),
        _ => None,
    };
    let rest = if name.is_some() { &ops[1..] } else { &ops[..] };
    for op in rest {
        args.push(operand(op, ctx)?);
    }
    if let Some(p) = piped {
        args.push(p);
    }
    match name {
        Some(function) => call(&function, &args),
        None if args.len() == 1 => Ok(args.remove(0)),
        None => Err(TranslateError::ValueWithArguments),
    }
}

fn operand(tokens: &[Tok], ctx: &Context) -> Result<String, TranslateError> {
    match tokens {
        [Tok::Open, inner @ .., Tok::Close] => Ok(format!("({})", pipeline(inner, ctx)?)),
        [Tok::Str(s)] => Ok(quote(s)),
        [Tok::Num(n)] => Ok(n.clone()),
        [Tok::Word(w)] if w == "true" || w == "false" => Ok(w.clone()),
        [Tok::Word(w)] if w == "nil" => Ok("none".into()),
        [Tok::Field(fields)] => field(fields, ctx),
        [Tok::Var(name)] if name.is_empty() => Err(TranslateError::WholeShortcode),
        [Tok::Var(name)] => Ok(format!("v_{name}")),
        [Tok::VarField(name, fields)] if name.is_empty() => field(fields, &Context { dot: None }),
        [Tok::VarField(name, fields)] => Ok(format!("v_{name}.{}", join_fields(fields))),
        [Tok::Word(w)] => call(w, &[]),
        _ => Err(TranslateError::Expression),
    }
}

/// A field chain from `.`: the shortcode's own facts, `.Page`, `.Site`, or
/// the current value inside `with`/`range`.
fn field(fields: &[String], ctx: &Context) -> Result<String, TranslateError> {
    if let Some(dot) = &ctx.dot {
        return Ok(if fields.is_empty() {
            dot.clone()
        } else {
            format!("{dot}.{}", join_fields(fields))
        });
    }
    let f: Vec<&str> = fields.iter().map(String::as_str).collect();
    Ok(match f.as_slice() {
        ["Inner"] | ["InnerDeindent"] => "inner".into(),
        ["Name"] => "name".into(),
        ["Params"] => "params".into(),
        ["Params", key] => format!("params[{}]", quote(key)),
        ["IsNamedParams"] => "(params | length > 0)".into(),
        ["Page", "Title"] | ["Page", "LinkTitle"] => "page.title".into(),
        ["Page", "Permalink"] => "page.permalink".into(),
        ["Page", "RelPermalink"] => "page.url".into(),
        ["Page", "Params", key] => format!("page.params[{}]", quote(key)),
        ["Site", "BaseURL"] => "site.base_url".into(),
        ["Site", "Title"] => "site.title".into(),
        ["Site", "Language", "Lang"] | ["Site", "LanguageCode"] => "site.language".into(),
        ["Site", "Params", rest @ ..] if !rest.is_empty() => format!(
            "site.params.{}",
            rest.iter()
                .map(|k| k.to_lowercase())
                .collect::<Vec<_>>()
                .join(".")
        ),
        _ => return Err(TranslateError::Field(fields.join("."))),
    })
}

/// A minijinja expression for Hugo's reading of a path given to `relURL`:
/// full addresses stay, everything else is relative to the site's root.
fn site_path(value: &str) -> String {
    let s = format!("({value} | string)");
    format!(
        "({s} if {s} is startingwith \"/\" or {s} is startingwith \"http:\" or {s} is startingwith \"https:\" else \"/\" ~ {s})"
    )
}

fn join_fields(fields: &[String]) -> String {
    fields.join(".")
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// A Hugo function applied to translated arguments (the piped value last).
fn call(function: &str, args: &[String]) -> Result<String, TranslateError> {
    let one = |f: &dyn Fn(&str) -> String| -> Result<String, TranslateError> {
        match args {
            [a] => Ok(f(a)),
            _ => Err(TranslateError::Arity {
                function: function.to_string(),
                count: args.len(),
            }),
        }
    };
    let two = |f: &dyn Fn(&str, &str) -> String| -> Result<String, TranslateError> {
        match args {
            [a, b] => Ok(f(a, b)),
            _ => Err(TranslateError::Arity {
                function: function.to_string(),
                count: args.len(),
            }),
        }
    };
    match function {
        "default" => two(&|d, v| format!("({v} or {d})")),
        "safeHTML" | "safeHTMLAttr" | "safeURL" | "safeCSS" | "htmlUnescape" => {
            one(&|v| format!("({v} | safe)"))
        }
        "markdownify" | "RenderString" => one(&|v| {
            if v == "inner" {
                "inner".to_string()
            } else {
                format!("({v} | markdownify)")
            }
        }),
        "relURL" | "relLangURL" => one(&|v| format!("rel_url({})", site_path(v))),
        "absURL" | "absLangURL" => one(&|v| format!("abs_url({})", site_path(v))),
        "lower" => one(&|v| format!("({v} | lower)")),
        "upper" => one(&|v| format!("({v} | upper)")),
        "title" => one(&|v| format!("({v} | title)")),
        "urlize" | "anchorize" => one(&|v| format!("({v} | lower | replace(\" \", \"-\"))")),
        "plainify" => one(&|v| format!("({v} | striptags)")),
        "htmlEscape" | "print" | "string" => one(&|v| format!("({v} | string)")),
        "len" => one(&|v| format!("({v} | length)")),
        "not" => one(&|v| format!("(not {v})")),
        "trim" => two(&|v, chars| format!("({v} | trim({chars}))")),
        "split" => two(&|v, sep| format!("({v} | split({sep}))")),
        "index" => two(&|m, k| format!("{m}[{k}]")),
        "in" => two(&|set, item| format!("({item} in {set})")),
        "isset" => two(&|m, k| format!("({m}[{k}] is defined)")),
        "eq" => two(&|a, b| format!("({a} == {b})")),
        "ne" => two(&|a, b| format!("({a} != {b})")),
        "lt" => two(&|a, b| format!("({a} < {b})")),
        "le" => two(&|a, b| format!("({a} <= {b})")),
        "gt" => two(&|a, b| format!("({a} > {b})")),
        "ge" => two(&|a, b| format!("({a} >= {b})")),
        "and" | "or" if args.len() >= 2 => Ok(format!("({})", args.join(&format!(" {function} ")))),
        other => Err(TranslateError::Function(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case(r#"<b>{{ .Get "tekst" }}</b>"#, r#"<b>{{ params["tekst"] }}</b>"#; "named get")]
    #[test_case("{{ .Get 0 }}", "{{ args[0] }}"; "positional get")]
    #[test_case("{{ .Inner | markdownify }}", "{{ inner }}"; "inner markdownify")]
    #[test_case("{{ .Inner }}", "{{ inner }}"; "inner")]
    #[test_case(r#"{{ .Get "x" | default "y" }}"#, r#"{{ (params["x"] or "y") }}"#; "default")]
    #[test_case(r#"{{ .Get 2 | safeHTML }}"#, r#"{{ (args[2] | safe) }}"#; "safe html")]
    #[test_case("{{ .Site.Params.copyRight }} {{ .Site.BaseURL }}", "{{ site.params.copyright }} {{ site.base_url }}"; "site")]
    #[test_case("{{ .Page.Title }} {{ .Page.Params.thema }}", r#"{{ page.title }} {{ page.params["thema"] }}"#; "page")]
    #[test_case(r#"{{ with .Get "a" }}<i>{{ . }}</i>{{ else }}-{{ end }}"#, r#"{% set w1 = params["a"] %}{% if w1 %}<i>{{ w1 }}</i>{% else %}-{% endif %}"#; "with else")]
    #[test_case(r#"{{ with .Get "a" }}{{ with $.Get "b" }}{{ . }}{{ end }}{{ end }}"#, r#"{% set w1 = params["a"] %}{% if w1 %}{% set w2 = params["b"] %}{% if w2 %}{{ w2 }}{% endif %}{% endif %}"#; "dollar get inside with")]
    #[test_case(r#"{{- $t := .Get "t" | default "x" -}}{{ $t }}"#, r#"{%- set v_t = (params["t"] or "x") -%}{{ v_t }}"#; "variables and trim")]
    #[test_case(r#"{{ if eq (.Get "k") "a" }}A{{ else if .Get 1 }}B{{ end }}"#, r#"{% if ((params["k"]) == "a") %}A{% elif args[1] %}B{% endif %}"#; "if else if")]
    #[test_case(r#"{{ range $i, $p := split (.Get 0) "," }}{{ $p }}{{ end }}"#, r#"{% for v_p in ((args[0]) | split(",")) %}{% set v_i = loop.index0 %}{{ v_p }}{% endfor %}"#; "range with index")]
    #[test_case("{{/* note */}}x", "x"; "comment")]
    #[test_case("{{- /* {{< x >}} */ -}}\nx", "{%- if false %}{% endif -%}\nx"; "comment with braces and trimming")]
    fn translates(source: &str, expected: &str) {
        assert_eq!(translate(source).unwrap(), expected);
    }

    #[test_case(r#"{{ range first 3 (where .Site.RegularPages "Section" "nieuws") }}{{ end }}"#, ".Site.RegularPages"; "site queries")]
    #[test_case(r#"{{ partial "x.html" . }}"#, "partial"; "partials")]
    #[test_case(r#"{{ printf "%s" .Inner }}"#, "printf"; "printf")]
    #[test_case("{{ if .Get 0 }}", "never closed"; "unclosed block")]
    fn refuses(source: &str, reason: &str) {
        let err = translate(source).unwrap_err().to_string();
        assert!(err.contains(reason), "{err}");
    }

    #[test_case("{{ x", "a `{{` is never closed with `}}`"; "unclosed action")]
    #[test_case("{{ .Site.RegularPages }}", "`.Site.RegularPages` cannot be translated"; "field")]
    #[test_case(r#"{{ default "a" }}"#, "`default` with 1 arguments cannot be translated"; "arity")]
    #[test_case("{{ ; }}", "unexpected `;` in a template action"; "unexpected character")]
    fn error_messages_are_pinned(source: &str, message: &str) {
        assert_eq!(translate(source).unwrap_err().to_string(), message);
    }

    /// Renders a translation with the shortcode's `params` and `args`.
    fn render(template: &str, params: minijinja::Value, args: &[&str]) -> String {
        let mut env = minijinja::Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.add_template("t.html", template).unwrap();
        env.get_template("t.html")
            .unwrap()
            .render(minijinja::context! { params, args })
            .unwrap()
    }

    #[test]
    fn text_that_looks_like_minijinja_is_kept_literally() {
        assert_eq!(
            plain_html("<p>{% x %}</p>"),
            r#"{{ "<p>{% x %}</p>" | safe }}"#
        );
        assert_eq!(plain_html("<p>a</p>"), "<p>a</p>");
    }

    const INJECTION: &str =
        "<p>{% endraw %}{% for a in range(4) %}X{% endfor %}{# c #}{%- raw %}\"\\</p>";

    #[test]
    fn plain_html_cannot_close_its_protection() {
        assert_eq!(
            render(&plain_html(INJECTION), minijinja::Value::UNDEFINED, &[]),
            INJECTION
        );
    }

    #[test]
    fn text_around_actions_cannot_close_its_protection() {
        let source = format!("{INJECTION}{{{{ .Get 0 }}}}{INJECTION}");
        let template = translate(&source).unwrap();
        assert_eq!(
            render(&template, minijinja::Value::UNDEFINED, &["<b>"]),
            format!("{INJECTION}&lt;b&gt;{INJECTION}")
        );
    }

    #[test]
    fn trimming_reaches_into_protected_text() {
        let source = "<i>\n {{- .Get 0 -}} \n{% x %}\n{{- .Get 0 }}";
        let template = translate(source).unwrap();
        assert_eq!(
            render(&template, minijinja::Value::UNDEFINED, &["a"]),
            "<i>a{% x %}a"
        );
    }

    #[test_case("{{ “tekst” }}", TranslateError::CurlyQuote('“'); "left double quote")]
    #[test_case("{{ .Get ”tekst” }}", TranslateError::CurlyQuote('”'); "right double quote")]
    #[test_case("{{ .Get ‘a’ }}", TranslateError::CurlyQuote('‘'); "single quote")]
    #[test_case("{{ → }}", TranslateError::Unexpected('→'); "arrow")]
    #[test_case("{{ .Get 0 → }}", TranslateError::Unexpected('→'); "arrow after a field")]
    #[test_case("{{ ✅}}", TranslateError::Unexpected('✅'); "emoji before the end")]
    #[test_case("{{ é }}", TranslateError::Function("é".into()); "letter")]
    #[test_case("{{ “ }", TranslateError::UnclosedAction; "unclosed after a curly quote")]
    #[test_case("{{/* é */}} ✅ {{ ✅ }}", TranslateError::Unexpected('✅'); "after a comment and text")]
    fn non_ascii_outside_quotes_is_an_error_not_a_panic(source: &str, expected: TranslateError) {
        assert_eq!(translate(source), Err(expected));
    }

    #[test]
    fn curly_quote_message_names_the_fix() {
        assert_eq!(
            TranslateError::CurlyQuote('“').to_string(),
            "a curly quote `“` in a template action: Go templates quote strings with straight quotes `\"`"
        );
    }

    #[test]
    fn non_ascii_inside_quotes_is_kept() {
        let template = translate(r#"{{ .Get "é" | default "“ja” ✅" }}"#).unwrap();
        assert_eq!(template, r#"{{ (params["é"] or "“ja” ✅") }}"#);
    }

    #[test]
    fn deep_parentheses_are_refused_without_recursing() {
        let source = format!("{{{{ {}1{} }}}}", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(translate(&source), Err(TranslateError::TooDeep));
        let ok = format!(
            "{{{{ {}1{} }}}}",
            "(".repeat(MAX_NESTING),
            ")".repeat(MAX_NESTING)
        );
        assert!(translate(&ok).is_ok());
    }

    #[test]
    fn translations_parse_and_render_in_minijinja() {
        let source = r#"{{ $t := .Get "tekst" | default "Lees meer" }}<a href="{{ .Get "href" | relURL }}">{{ $t }}</a>{{ with .Get "x" }}{{ . | upper }}{{ end }}"#;
        let template = translate(source).unwrap();
        let mut env = minijinja::Environment::new();
        env.add_function("rel_url", |p: String| p);
        env.add_template("t.html", &template).unwrap();
        let html = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! { params => minijinja::context! { href => "nieuws/", x => "ja" } })
            .unwrap();
        assert_eq!(
            html.replace("&#x2f;", "/"),
            r#"<a href="/nieuws/">Lees meer</a>JA"#
        );
        let html = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! { params => minijinja::context! { href => "https://e.org/a", tekst => "T" } })
            .unwrap();
        assert_eq!(
            html.replace("&#x2f;", "/"),
            r#"<a href="https://e.org/a">T</a>"#
        );
    }
}
