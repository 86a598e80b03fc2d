//! Markdown to HTML as Hugo's default renderer (Goldmark) does it:
//! CommonMark with GFM tables (also Goldmark's short header rows, see
//! [`tables`]), strikethrough, task lists, autolinks and footnotes (numbered
//! and linked both ways as Goldmark does), Hugo-style heading ids and table
//! of contents, `:emoji:` codes, raw HTML, the typographer
//! ([`typographer`]) and shortcodes. This module expands the shortcodes (each call's
//! inner Markdown rendered in place, so errors point at the right line);
//! [`convert`] turns the Markdown into HTML.

mod convert;
#[cfg(test)]
mod goldmark_tests;
mod tables;
mod typographer;

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::headings::IdRegistry;
use super::shortcodes::{self, Call, Piece};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Message, line_col};
use crate::msg;
use convert::markdown_to_html;
use pulldown_cmark::{Options, Tag, TagEnd};

/// The Markdown the site reads: CommonMark with tables, footnotes,
/// strikethrough, task lists and heading attributes. Whoever reads Markdown
/// as the site will (the importer's HTML cleaner) parses with these.
pub fn parser_options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    options
}

/// What turns a shortcode call into HTML; implemented by the template renderer.
pub trait ShortcodeRenderer {
    /// Names of all shortcodes that exist, sorted.
    fn names(&self) -> Vec<String>;
    /// True when the shortcode exists.
    fn exists(&self, name: &str) -> bool;
    /// True when a call must have a closing tag (its template always uses `inner`).
    fn needs_closing(&self, name: &str) -> bool;
    /// Renders one call; `inner_html` is the call's inner Markdown rendered to HTML.
    fn render(&self, call: &Call, inner_html: Option<&str>)
    -> Result<String, ShortcodeRenderError>;
}

/// The renderer for text where shortcodes are not available (Markdown from a
/// data field): every call is an error.
pub struct NoShortcodes;

impl ShortcodeRenderer for NoShortcodes {
    fn names(&self) -> Vec<String> {
        Vec::new()
    }
    fn exists(&self, _: &str) -> bool {
        false
    }
    fn needs_closing(&self, _: &str) -> bool {
        false
    }
    fn render(&self, _: &Call, _: Option<&str>) -> Result<String, ShortcodeRenderError> {
        Err(ShortcodeRenderError::Unavailable)
    }
}

/// Why one shortcode call could not be rendered; the message goes after
/// "the shortcode `name` failed: " in the editor's diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShortcodeRenderError {
    /// Shortcodes cannot be used in this text (e.g. Markdown from a data field).
    #[error("shortcodes are not available here")]
    Unavailable,
    /// The template refused the call (a check such as `media`'s); its own words.
    #[error("{0}")]
    Refused(Message),
    /// The template could not be found or failed while rendering; the engine's message.
    #[error("{0}")]
    Template(String),
    /// The template ran out of fuel (see [`crate::render::limits`]); the message.
    #[error("{0}")]
    RanAway(Message),
}

impl ShortcodeRenderError {
    /// Why the call failed, in every language (the `Display` text is the English).
    pub fn message(&self) -> Message {
        match self {
            ShortcodeRenderError::Unavailable => msg!(
                "shortcodes are not available here",
                "shortcodes werken hier niet"
            ),
            ShortcodeRenderError::Refused(message) | ShortcodeRenderError::RanAway(message) => {
                message.clone()
            }
            // The template engine's own words.
            ShortcodeRenderError::Template(text) => Message::verbatim(text.clone()),
        }
    }
}

/// Settings for rendering.
#[derive(Debug, Clone, Hash)]
pub struct MarkdownOptions {
    /// Prefix put before links that start with `/` (the path of the base URL,
    /// e.g. `/campagne`); empty for a site at the root of its host.
    pub url_prefix: String,
    /// Curly quotes, dashes, ellipses and guillemets in the text, as Hugo's
    /// typographer; on by default (`[markdown] typographer` in site.toml).
    pub typographer: bool,
    /// Files at the site's root in every language (`static/`): a link to
    /// one gets the root's prefix, not the language's.
    pub root_files: crate::config::RootFiles,
    /// The label of a footnote's link back to the text (`footnote_back`
    /// of the page's language).
    pub footnote_back: String,
    /// The label of a footnote's link back to its n-th reference, with
    /// `{{ .Count }}` for n (`footnote_back_to`).
    pub footnote_back_to: String,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        MarkdownOptions {
            url_prefix: String::new(),
            typographer: true,
            root_files: Default::default(),
            footnote_back: "Terug naar de tekst".to_string(),
            footnote_back_to: "Terug naar verwijzing {{ .Count }}".to_string(),
        }
    }
}

/// One heading, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// 2 for `##`, 3 for `###`, 4 for `####`.
    pub level: u8,
    /// The heading's id (anchor).
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Headings of level 2 to 4, in order.
    pub toc: Vec<TocEntry>,
    /// All text without markup, for search and summaries.
    pub plain_text: String,
    /// The text of the first paragraph.
    pub first_paragraph: String,
    /// Every id on the page (headings, footnotes, raw HTML ids are not included).
    pub ids: Vec<String>,
}

/// Renders a Markdown `body` that starts on line `body_line` of `file`.
///
/// Fails with diagnostics for unknown, unclosed or failing shortcodes.
pub fn render(
    file: &Path,
    body: &str,
    body_line: usize,
    shortcodes: &dyn ShortcodeRenderer,
    options: &MarkdownOptions,
) -> Result<Rendered, Diagnostics> {
    let mut ids = IdRegistry::default();
    let mut fragments = 0;
    let located = Located {
        file,
        text: body,
        first_line: body_line,
        base_offset: 0,
        end_offset: body.len(),
    };
    render_inner(&located, shortcodes, options, &mut ids, &mut fragments, "")
}

/// A piece of text with what is needed to report positions in its file.
struct Located<'a> {
    file: &'a Path,
    /// The whole body (positions are computed against it).
    text: &'a str,
    first_line: usize,
    /// Offset of the text being rendered inside `text`.
    base_offset: usize,
    /// Where the text being rendered ends inside `text`.
    end_offset: usize,
}

impl Located<'_> {
    fn diagnostic(&self, code: Code, offset: usize, message: Message, hint: Message) -> Diagnostic {
        let (line, column) = line_col(self.text, self.base_offset + offset);
        Diagnostic::error(code, self.file, line + self.first_line - 1, column, message)
            .with_hint(hint)
    }
}

fn render_inner(
    located: &Located<'_>,
    shortcodes: &dyn ShortcodeRenderer,
    options: &MarkdownOptions,
    ids: &mut IdRegistry,
    fragments: &mut usize,
    footnote_prefix: &str,
) -> Result<Rendered, Diagnostics> {
    let source = &located.text[located.base_offset..located.end_offset];
    let pieces = shortcodes::parse(source, &|name| shortcodes.needs_closing(name))
        .map_err(|e| Diagnostics::from(located.diagnostic(e.code, e.offset, e.message, e.hint)))?;

    let mut diags = Diagnostics::new();
    let mut markdown = String::with_capacity(source.len());
    let mut placeholders: Vec<String> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => markdown.push_str(&text),
            Piece::Call(call) => {
                match expand(located, &call, shortcodes, options, ids, fragments) {
                    // As in Hugo, what a {{% %}} shortcode returns is Markdown:
                    // output that is not HTML becomes part of the page's text.
                    Ok(output) if call.markdown && !output.trim_start().starts_with('<') => {
                        markdown.push_str(&output);
                    }
                    Ok(html) => {
                        let token = format!("CCSHORTCODE{}X", placeholders.len());
                        placeholders.push(html);
                        if call.block {
                            markdown.push_str(&format!("\n\n{token}\n\n"));
                        } else {
                            markdown.push_str(&token);
                        }
                    }
                    Err(e) => diags.extend(e),
                }
            }
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let mut rendered = markdown_to_html(&markdown, options, ids, footnote_prefix);
    if !placeholders.is_empty() {
        rendered.html = fill_placeholders(&rendered.html, |i| placeholders[i].clone());
        rendered.plain_text =
            fill_placeholders(&rendered.plain_text, |i| strip_tags(&placeholders[i]));
        rendered.first_paragraph = fill_placeholders(&rendered.first_paragraph, |_| String::new());
    }
    Ok(rendered)
}

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(<p>)?CCSHORTCODE([0-9]+)X(</p>)?").expect("valid placeholder pattern")
});

/// Puts each shortcode's HTML where its placeholder is, in one pass over
/// the text (a placeholder alone in a paragraph replaces the paragraph).
fn fill_placeholders(text: &str, html_of: impl Fn(usize) -> String) -> String {
    PLACEHOLDER
        .replace_all(text, |caps: &regex::Captures<'_>| {
            let Some(i) = caps[2].parse::<usize>().ok() else {
                return caps[0].to_string();
            };
            let html = html_of(i);
            match (caps.get(1), caps.get(3)) {
                (Some(_), Some(_)) => html,
                (open, close) => format!(
                    "{}{html}{}",
                    open.map_or("", |m| m.as_str()),
                    close.map_or("", |m| m.as_str())
                ),
            }
        })
        .into_owned()
}

fn expand(
    located: &Located<'_>,
    call: &Call,
    shortcodes: &dyn ShortcodeRenderer,
    options: &MarkdownOptions,
    ids: &mut IdRegistry,
    fragments: &mut usize,
) -> Result<String, Diagnostics> {
    if !shortcodes.exists(&call.name) {
        let name = &call.name;
        let known = shortcodes.names().join(", ");
        return Err(located
            .diagnostic(
                "shortcode-unknown",
                call.offset,
                msg!("unknown shortcode `{name}`", "onbekende shortcode `{name}`"),
                msg!(
                    "known shortcodes are: {known}; or add a template templates/shortcodes/{name}.html",
                    "bekende shortcodes zijn: {known}; of maak een template templates/shortcodes/{name}.html"
                ),
            )
            .into());
    }
    let inner_html = match &call.inner {
        Some(inner) => {
            // Render the inner text in place so that positions stay right.
            let base_offset = located.base_offset + call.inner_offset;
            let nested = Located {
                file: located.file,
                text: located.text,
                first_line: located.first_line,
                base_offset,
                end_offset: base_offset + inner.len(),
            };
            *fragments += 1;
            let prefix = format!("sc{fragments}-");
            let rendered = render_inner(&nested, shortcodes, options, ids, fragments, &prefix)?;
            Some(rendered.html)
        }
        None => None,
    };
    shortcodes
        .render(call, inner_html.as_deref())
        .map_err(|error| {
            let name = &call.name;
            let hint = match error {
                ShortcodeRenderError::RanAway(_) => crate::render::limits::out_of_fuel_hint(),
                _ => msg!("check the parameters", "controleer de parameters"),
            };
            let reason = error.message();
            located
                .diagnostic(
                    "shortcode-failed",
                    call.offset,
                    msg!(
                        "the shortcode `{name}` failed: {reason}",
                        "de shortcode `{name}` werkt niet: {reason}";
                        reason
                    ),
                    msg!(
                        "{hint}; see templates/shortcodes/{name}.html",
                        "{hint}; zie templates/shortcodes/{name}.html";
                        hint
                    ),
                )
                .into()
        })
}

static EMOJI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":([a-z0-9_+\-]+):").expect("valid emoji pattern"));
static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:https?://|www\.)[^\s<>"]*[^\s<>".,:;!?'()\[\]]"#).expect("valid URL pattern")
});

/// Replaces `:name:` emoji codes that exist; leaves other text alone.
pub fn replace_emoji(text: &str) -> String {
    EMOJI
        .replace_all(
            text,
            |caps: &regex::Captures<'_>| match emojis::get_by_shortcode(&caps[1]) {
                Some(emoji) => emoji.as_str().to_string(),
                None => caps[0].to_string(),
            },
        )
        .into_owned()
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes HTML tags from `html`, keeping the text.
pub fn strip_tags(html: &str) -> String {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid tag pattern"));
    collapse_whitespace(&TAG.replace_all(html, " "))
}

/// True for tags that sit inside a line of text.
fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// True for the ends of [`is_inline`] tags.
fn is_inline_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Knows `alert` (optional inner), `details` (needs closing) and `fails`.
    struct Fake;
    impl ShortcodeRenderer for Fake {
        fn names(&self) -> Vec<String> {
            vec![
                "alert".into(),
                "details".into(),
                "fails".into(),
                "kop".into(),
            ]
        }
        fn exists(&self, name: &str) -> bool {
            self.names().iter().any(|n| n == name)
        }
        fn needs_closing(&self, name: &str) -> bool {
            name == "details"
        }
        fn render(&self, call: &Call, inner: Option<&str>) -> Result<String, ShortcodeRenderError> {
            if call.name == "fails" {
                return Err(ShortcodeRenderError::Refused(msg!("kapot", "stuk")));
            }
            if call.name == "kop" {
                return Ok(format!("## {}", call.positional.join(" ")));
            }
            Ok(format!(
                "<div class=\"{}\">{}</div>",
                call.name,
                inner.unwrap_or("")
            ))
        }
    }

    fn md(text: &str) -> Rendered {
        render(
            Path::new("x.md"),
            text,
            1,
            &Fake,
            &MarkdownOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn markdown_form_output_is_markdown_and_angle_form_output_is_not() {
        let r = md("{{% kop Wortel en stok %}}\n\n{{< kop Niet >}}\n");
        assert!(
            r.html
                .contains("<h2 id=\"wortel-en-stok\">Wortel en stok</h2>"),
            "{}",
            r.html
        );
        assert_eq!(r.toc.len(), 1);
        assert!(r.html.contains("## Niet"), "{}", r.html);
    }

    #[test]
    fn headings_get_hugo_ids_and_toc() {
        let r = md("## Wortel en stok\n\n### Stemming?\n\n## Wortel en stok\n\n##### Diep\n");
        assert!(
            r.html
                .contains("<h2 id=\"wortel-en-stok\">Wortel en stok</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("id=\"wortel-en-stok-1\""));
        let toc: Vec<_> = r.toc.iter().map(|t| (t.level, t.id.as_str())).collect();
        assert_eq!(
            toc,
            [
                (2, "wortel-en-stok"),
                (3, "stemming"),
                (2, "wortel-en-stok-1")
            ]
        );
    }

    #[test]
    fn explicit_heading_id_wins() {
        assert!(md("## Titel {#eigen}\n").html.contains("id=\"eigen\""));
    }

    #[test]
    fn footnotes_link_both_ways() {
        let r = md("Tekst[^a] en meer[^b].\n\n[^a]: Eerste.\n[^b]: Tweede.\n");
        assert!(
            r.html.contains("<sup id=\"fnref:1\"><a href=\"#fn:1\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("<li id=\"fn:2\">"));
        assert!(
            r.html
                .contains("href=\"#fnref:2\" class=\"footnote-backref\"")
        );
        assert!(!r.plain_text.contains("Eerste"));
    }

    #[test]
    fn gfm_extensions_render() {
        let r = md(
            "~~weg~~ | a | b |\n\n| Kop | Rechts |\n|---|--:|\n| x | 1 |\n\n- [x] klaar\n- [ ] niet\n",
        );
        assert!(r.html.contains("<del>weg</del>"));
        assert!(
            r.html
                .contains("<td data-label=\"Rechts\" class=\"align-right\">1</td>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("style="));
        assert!(r.html.contains("aria-label=\"gedaan\""));
    }

    #[test]
    fn bare_urls_become_links_but_not_inside_links_or_code() {
        let r =
            md("Zie https://eur-lex.europa.eu/a. En [tekst](https://x.nl) en `https://code`.\n");
        assert!(
            r.html.contains(
                "<a href=\"https://eur-lex.europa.eu/a\">https://eur-lex.europa.eu/a</a>."
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<code>https://code</code>"));
        assert_eq!(r.html.matches("<a ").count(), 2);
    }

    #[test]
    fn emoji_codes_are_replaced() {
        assert!(
            md("Veilig :lock: en :geenemoji:\n")
                .html
                .contains("Veilig 🔒 en :geenemoji:")
        );
    }

    #[test]
    fn raw_html_passes_through() {
        assert!(
            md("<abbr title=\"x\">CSAM</abbr> tekst\n")
                .html
                .contains("<abbr title=\"x\">CSAM</abbr>")
        );
    }

    #[test]
    fn block_shortcode_replaces_paragraph() {
        let r = md("Voor\n\n{{< alert >}}\n**Let op**\n{{< /alert >}}\n\nNa\n");
        assert!(
            r.html
                .contains("<div class=\"alert\"><p><strong>Let op</strong></p>\n</div>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("<p><div"));
    }

    #[test]
    fn inline_shortcode_stays_in_sentence() {
        let r = md("Mail {{< alert >}} nu\n");
        assert!(
            r.html
                .contains("<p>Mail <div class=\"alert\"></div> nu</p>"),
            "{}",
            r.html
        );
    }

    #[test]
    fn unknown_shortcode_names_line_and_known_ones() {
        let err = render(
            Path::new("x.md"),
            "a\n\nb {{< tweet 1 >}}\n",
            5,
            &Fake,
            &MarkdownOptions::default(),
        )
        .unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!((d.line, d.column), (7, 3));
        assert!(d.message.contains("unknown shortcode `tweet`"));
        assert_eq!(d.code, "shortcode-unknown");
        assert!(d.message.nl.contains("onbekende shortcode `tweet`"));
        assert!(d.hint.as_ref().unwrap().contains("alert, details"));
    }

    #[test]
    fn error_inside_inner_text_points_at_its_line() {
        let err = render(
            Path::new("x.md"),
            "{{< alert >}}\nregel\n{{< onbekend >}}\n{{< /alert >}}\n",
            10,
            &Fake,
            &MarkdownOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.sorted()[0].line, 12);
    }

    #[test]
    fn unclosed_shortcode_is_an_error() {
        let err = render(
            Path::new("x.md"),
            "{{< details \"a\" >}}\ntekst\n",
            1,
            &Fake,
            &MarkdownOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("never closed"));
    }

    #[test]
    fn failing_shortcode_is_a_diagnostic() {
        let err = render(
            Path::new("x.md"),
            "{{< fails >}}",
            1,
            &Fake,
            &MarkdownOptions::default(),
        )
        .unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!(d.message, "the shortcode `fails` failed: kapot");
        assert_eq!(d.message.nl, "de shortcode `fails` werkt niet: stuk");
        assert_eq!(d.code, "shortcode-failed");
    }

    #[test]
    fn shortcode_error_messages_are_pinned() {
        assert_eq!(
            ShortcodeRenderError::Unavailable.to_string(),
            "shortcodes are not available here"
        );
        assert_eq!(
            ShortcodeRenderError::Template("x (y)".into()).to_string(),
            "x (y)"
        );
        assert_eq!(
            ShortcodeRenderError::Unavailable.message().en,
            ShortcodeRenderError::Unavailable.to_string()
        );
    }

    #[test]
    fn root_links_get_the_url_prefix() {
        let options = MarkdownOptions {
            url_prefix: "/campagne".into(),
            ..MarkdownOptions::default()
        };
        let r = render(
            Path::new("x.md"),
            "[a](/nieuws/) [b](https://x.nl/) ![c](/img.png)",
            1,
            &Fake,
            &options,
        )
        .unwrap();
        assert!(r.html.contains("href=\"/campagne/nieuws/\""));
        assert!(r.html.contains("src=\"/campagne/img.png\""));
        assert!(r.html.contains("href=\"https://x.nl/\""));
    }

    #[test]
    fn first_paragraph_and_plain_text() {
        let r = md("Eerste *alinea* hier.\n\nTweede.\n");
        assert_eq!(r.first_paragraph, "Eerste alinea hier.");
        assert_eq!(r.plain_text, "Eerste alinea hier. Tweede.");
    }
}
