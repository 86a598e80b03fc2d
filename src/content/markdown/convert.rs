//! Markdown events to HTML. pulldown-cmark parses; this module streams its
//! events once through named passes that make the page read like Hugo's:
//! plain text and first paragraph for summaries ([`Converter::collect_text`]),
//! heading ids and the table of contents ([`Converter::close_heading`]),
//! base-path prefixes on links ([`Converter::link`]), emoji codes and bare
//! addresses in text ([`Converter::text`]), task-list markers, numbered
//! footnotes linked both ways ([`Converter::footnote_reference`],
//! [`render_footnotes`]) and table cells labelled for narrow screens
//! ([`Converter::table`]). Each pass keeps its own state.

use std::collections::HashMap;

use pulldown_cmark::{
    Alignment, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd, TextMergeStream, html,
};

use super::tables::pad_table_headers;
use super::typographer::smarten;
use super::{
    BARE_URL, MarkdownOptions, Rendered, TocEntry, collapse_whitespace, is_inline, is_inline_end,
    parser_options, replace_emoji,
};
use crate::content::headings::{IdRegistry, heading_id};

/// Renders `markdown` to HTML; heading and footnote ids are made unique in
/// `ids` and footnote ids start with `footnote_prefix`.
pub(super) fn markdown_to_html(
    markdown: &str,
    options: &MarkdownOptions,
    ids: &mut IdRegistry,
    footnote_prefix: &str,
) -> Rendered {
    let markdown = pad_table_headers(markdown);
    let mut converter = Converter::new(options, ids, footnote_prefix, markdown.len());
    let mut events = TextMergeStream::new(Parser::new_ext(&markdown, parser_options())).peekable();
    while let Some(event) = events.next() {
        converter.next_char = events.peek().and_then(first_char);
        converter.push(event);
    }
    converter.finish()
}

/// A heading being collected: level, explicit id, classes and inner events.
type OpenHeading<'a> = (
    HeadingLevel,
    Option<CowStr<'a>>,
    Vec<CowStr<'a>>,
    Vec<Event<'a>>,
);

/// The table being converted: its header texts label the body's cells.
#[derive(Default)]
struct TableState {
    /// A table started in the block being converted.
    seen: bool,
    in_head: bool,
    headers: Vec<String>,
    column: usize,
    alignments: Vec<Alignment>,
}

/// Footnotes as Goldmark numbers them: in order of first reference, the
/// first definition of a label wins, definitions kept apart until the end
/// of the page.
#[derive(Default)]
struct Footnotes<'a> {
    numbers: HashMap<String, usize>,
    references: HashMap<String, usize>,
    definitions: HashMap<String, Vec<Event<'a>>>,
    open: Option<(String, Vec<Event<'a>>)>,
}

/// One document's conversion; see the module note for its passes.
struct Converter<'a, 'o> {
    options: &'o MarkdownOptions,
    ids: &'o mut IdRegistry,
    prefix: &'o str,
    rendered: Rendered,
    paragraphs: usize,
    in_first_paragraph: bool,
    heading: Option<OpenHeading<'a>>,
    /// The text of the open heading before the typographer, for its id
    /// (Hugo makes ids from the text as written).
    heading_source: String,
    footnotes: Footnotes<'a>,
    link_depth: usize,
    /// For each open link, whether it is an autolink (its text stays as written).
    autolinks: Vec<bool>,
    code_depth: usize,
    /// The last character of text in the current block, for the typographer.
    previous_char: Option<char>,
    /// The first character of the next event, for the typographer.
    next_char: Option<char>,
    table: TableState,
    /// Events of the top-level block being converted; written to `html`
    /// as soon as the block ends, so a long page never holds all its events.
    out: Vec<Event<'a>>,
    /// How many blocks in `out` are open.
    depth: usize,
    /// The HTML of the blocks that ended.
    html: String,
}

impl<'a, 'o> Converter<'a, 'o> {
    fn new(
        options: &'o MarkdownOptions,
        ids: &'o mut IdRegistry,
        prefix: &'o str,
        source_len: usize,
    ) -> Self {
        Converter {
            options,
            ids,
            prefix,
            rendered: Rendered::default(),
            paragraphs: 0,
            in_first_paragraph: false,
            heading: None,
            heading_source: String::new(),
            footnotes: Footnotes::default(),
            link_depth: 0,
            autolinks: Vec::new(),
            code_depth: 0,
            previous_char: None,
            next_char: None,
            table: TableState::default(),
            out: Vec::new(),
            depth: 0,
            html: String::with_capacity(source_len * 3 / 2),
        }
    }

    /// Takes the next event from the parser.
    fn push(&mut self, event: Event<'a>) {
        self.collect_text(&event);
        self.track_previous_char(&event);
        let Some(mut events) = self.convert(event) else {
            return;
        };
        if self.table.in_head
            && let Some(header) = self.table.headers.last_mut()
        {
            for e in &events {
                if let Event::Text(t) | Event::Code(t) = e {
                    header.push_str(t);
                }
            }
        }
        // Events inside a heading or a footnote definition wait for its end.
        if let Some((_, _, _, inner)) = self.heading.as_mut() {
            inner.append(&mut events);
        } else if let Some((_, definition)) = self.footnotes.open.as_mut() {
            definition.append(&mut events);
        } else {
            for event in &events {
                match event {
                    Event::Start(_) => self.depth += 1,
                    Event::End(_) => self.depth = self.depth.saturating_sub(1),
                    _ => {}
                }
            }
            self.out.append(&mut events);
            if self.depth == 0 {
                let start = self.html.len();
                html::push_html(&mut self.html, self.out.drain(..));
                if std::mem::take(&mut self.table.seen) {
                    drop_empty_table_bodies(&mut self.html, start);
                }
            }
        }
    }

    /// The plain-text pass: all text for search and summaries, and the
    /// first paragraph's text (footnote definitions left out).
    fn collect_text(&mut self, event: &Event<'_>) {
        let rendered = &mut self.rendered;
        match event {
            Event::Text(t) | Event::Code(t) if self.footnotes.open.is_none() => {
                rendered.plain_text.push_str(t);
                if self.in_first_paragraph {
                    rendered.first_paragraph.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                rendered.plain_text.push(' ');
                if self.in_first_paragraph {
                    rendered.first_paragraph.push(' ');
                }
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => rendered.plain_text.push(' '),
            _ => {}
        }
    }

    /// The typographer's memory of the character before the next text:
    /// blocks start afresh, inline markup and raw HTML are transparent.
    fn track_previous_char(&mut self, event: &Event<'_>) {
        match event {
            Event::Code(t) => self.previous_char = t.chars().last(),
            Event::SoftBreak | Event::HardBreak => self.previous_char = Some('\n'),
            Event::FootnoteReference(_) => self.previous_char = Some('1'),
            Event::Start(tag) if !is_inline(tag) => self.previous_char = None,
            Event::End(tag) if !is_inline_end(*tag) => self.previous_char = None,
            _ => {}
        }
    }

    /// The events that stand for `event` in the output; `None` while a
    /// heading or footnote definition is being opened or closed.
    fn convert(&mut self, event: Event<'a>) -> Option<Vec<Event<'a>>> {
        let events = match event {
            Event::Start(Tag::Paragraph) => {
                self.paragraphs += 1;
                self.in_first_paragraph = self.paragraphs == 1 && self.footnotes.open.is_none();
                vec![event]
            }
            Event::End(TagEnd::Paragraph) => {
                self.in_first_paragraph = false;
                vec![event]
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                self.heading = Some((level, id, classes, Vec::new()));
                self.heading_source.clear();
                return None;
            }
            Event::End(TagEnd::Heading(_)) => return self.close_heading(),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) | Event::End(TagEnd::Link) => {
                vec![self.link(event)]
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.code_depth += 1;
                vec![event]
            }
            Event::End(TagEnd::CodeBlock) => {
                self.code_depth = self.code_depth.saturating_sub(1);
                vec![event]
            }
            Event::Text(text) if self.code_depth == 0 => self.text(&text),
            Event::Code(code) => {
                if self.heading.is_some() {
                    self.heading_source.push_str(&code);
                }
                vec![Event::Code(code)]
            }
            Event::TaskListMarker(done) => vec![task_marker(done)],
            Event::FootnoteReference(label) => vec![self.footnote_reference(&label)],
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.footnotes.open = Some((label.to_string(), Vec::new()));
                return None;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, events)) = self.footnotes.open.take() {
                    // As in Goldmark, a label's first definition wins.
                    self.footnotes.definitions.entry(label).or_insert(events);
                }
                return None;
            }
            Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell)
            | Event::End(TagEnd::TableHead | TagEnd::TableCell) => vec![self.table(event)],
            other => vec![other],
        };
        Some(events)
    }

    /// The heading pass: a Hugo-style id (or the explicit `{#id}`), unique
    /// on the page, and an entry in the table of contents for levels 2 to 4.
    fn close_heading(&mut self) -> Option<Vec<Event<'a>>> {
        let (level, explicit_id, classes, inner) = self.heading.take()?;
        let text = inner_text(&inner);
        let id = match explicit_id {
            Some(id) => self.ids.unique(id.to_string()),
            None => self.ids.unique(heading_id(&self.heading_source)),
        };
        let depth = level as u8;
        if (2..=4).contains(&depth) {
            self.rendered.toc.push(TocEntry {
                level: depth,
                id: id.clone(),
                text: text.trim().to_string(),
            });
        }
        self.rendered.ids.push(id.clone());
        let mut events = vec![Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id)),
            classes,
            attrs: Vec::new(),
        })];
        events.extend(inner);
        events.push(Event::End(TagEnd::Heading(level)));
        Some(events)
    }

    /// The link pass: root-relative links and images get the base URL's
    /// path; the depth of links is kept so text inside one is not linked again.
    fn link(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                self.link_depth += 1;
                self.autolinks
                    .push(matches!(link_type, LinkType::Autolink | LinkType::Email));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: prefixed(dest_url, self.options),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Image {
                link_type,
                dest_url: prefixed(dest_url, self.options),
                title,
                id,
            }),
            Event::End(TagEnd::Link) => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.autolinks.pop();
                event
            }
            other => other,
        }
    }

    /// The text pass (outside code): `:emoji:` codes, bare web addresses
    /// become links unless the text is already inside one, and the
    /// typographer (when on) sets the text around them, not in autolinks.
    fn text(&mut self, text: &str) -> Vec<Event<'a>> {
        let text = replace_emoji(text);
        if self.heading.is_some() {
            self.heading_source.push_str(&text);
        }
        let typographer = self.options.typographer && !self.autolinks.contains(&true);
        let (before, after) = (self.previous_char, self.next_char);
        let smart = |segment: &str, before, after| {
            if typographer {
                smarten(segment, before, after)
            } else {
                segment.to_string()
            }
        };
        let events = if self.link_depth == 0 {
            linkify(&text, before, after, &smart)
        } else {
            vec![Event::Text(CowStr::from(smart(&text, before, after)))]
        };
        if let Some(last) = events.iter().rev().find_map(|e| match e {
            Event::Text(t) => t.chars().last(),
            _ => None,
        }) {
            self.previous_char = Some(last);
        }
        events
    }

    /// The footnote pass: each label is numbered at its first reference;
    /// every reference gets an id the footnote can link back to.
    fn footnote_reference(&mut self, label: &str) -> Event<'a> {
        let prefix = self.prefix;
        let next = self.footnotes.numbers.len() + 1;
        let number = *self
            .footnotes
            .numbers
            .entry(label.to_string())
            .or_insert(next);
        let count = self
            .footnotes
            .references
            .entry(label.to_string())
            .or_insert(0);
        *count += 1;
        let ref_id = reference_id(prefix, number, *count - 1);
        self.rendered.ids.push(ref_id.clone());
        Event::Html(CowStr::from(format!(
            "<sup id=\"{ref_id}\"><a href=\"#{prefix}fn:{number}\" class=\"footnote-ref\" role=\"doc-noteref\">{number}</a></sup>"
        )))
    }

    /// The table pass: header cells get `scope="col"`, body cells a
    /// `data-label` with their column's header (the narrow layout shows it),
    /// and aligned columns a class instead of an inline style (the CSP).
    fn table(&mut self, event: Event<'a>) -> Event<'a> {
        let table = &mut self.table;
        match event {
            Event::Start(Tag::Table(alignments)) => {
                *table = TableState {
                    seen: true,
                    alignments: alignments.clone(),
                    ..TableState::default()
                };
                Event::Start(Tag::Table(alignments))
            }
            Event::Start(Tag::TableHead) => {
                table.in_head = true;
                table.column = 0;
                event
            }
            Event::End(TagEnd::TableHead) => {
                table.in_head = false;
                event
            }
            Event::Start(Tag::TableRow) => {
                table.column = 0;
                event
            }
            Event::Start(Tag::TableCell) => {
                let class = match table.alignments.get(table.column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                if table.in_head {
                    table.headers.push(String::new());
                    Event::Html(CowStr::from(format!("<th scope=\"col\"{class}>")))
                } else {
                    let label = table.headers.get(table.column).cloned().unwrap_or_default();
                    Event::Html(CowStr::from(format!(
                        "<td data-label=\"{}\"{class}>",
                        crate::html::escape(label.trim())
                    )))
                }
            }
            Event::End(TagEnd::TableCell) => {
                table.column += 1;
                Event::Html(CowStr::from(if table.in_head { "</th>" } else { "</td>" }))
            }
            other => other,
        }
    }

    /// The HTML, with the footnotes at the end, and the collapsed texts.
    fn finish(self) -> Rendered {
        let mut rendered = self.rendered;
        let mut body = self.html;
        html::push_html(&mut body, self.out.into_iter());
        if !self.footnotes.definitions.is_empty() {
            body.push_str(&render_footnotes(
                self.footnotes.definitions,
                &self.footnotes.numbers,
                &self.footnotes.references,
                self.prefix,
                self.options,
                &mut rendered.ids,
            ));
        }
        rendered.html = body;
        rendered.plain_text = collapse_whitespace(&rendered.plain_text);
        rendered.first_paragraph = collapse_whitespace(&rendered.first_paragraph);
        rendered
    }
}

/// Takes the empty `<tbody>` of header-only tables out of `html` from
/// `start` on, as Goldmark writes none.
fn drop_empty_table_bodies(html: &mut String, start: usize) {
    const EMPTY: &str = "</thead><tbody>\n</tbody></table>";
    if html[start..].contains(EMPTY) {
        let tail = html[start..].replace(EMPTY, "</thead></table>");
        html.truncate(start);
        html.push_str(&tail);
    }
}

/// A task-list checkbox as a symbol with a spoken label.
fn task_marker(done: bool) -> Event<'static> {
    let (symbol, label) = if done {
        ("☑", "gedaan")
    } else {
        ("☐", "nog te doen")
    };
    Event::Html(CowStr::from(format!(
        "<span class=\"task-marker\" role=\"img\" aria-label=\"{label}\">{symbol}</span> "
    )))
}

/// The id of a footnote's `index`th reference (from 0), as Goldmark
/// writes them: `fnref:1`, `fnref1:1`, `fnref2:1`, …
fn reference_id(prefix: &str, number: usize, index: usize) -> String {
    if index == 0 {
        format!("{prefix}fnref:{number}")
    } else {
        format!("{prefix}fnref{index}:{number}")
    }
}

/// The footnotes' list as Goldmark writes it: the referenced ones in order
/// of first reference, each with one link back to every reference; a
/// definition that is never referenced is left out.
fn render_footnotes(
    mut definitions: HashMap<String, Vec<Event<'_>>>,
    numbers: &HashMap<String, usize>,
    references: &HashMap<String, usize>,
    prefix: &str,
    options: &MarkdownOptions,
    ids: &mut Vec<String>,
) -> String {
    let mut order: Vec<(usize, &String)> = numbers
        .iter()
        .filter(|(label, _)| definitions.contains_key(*label))
        .map(|(label, number)| (*number, label))
        .collect();
    if order.is_empty() {
        return String::new();
    }
    order.sort();
    let mut html = String::from("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
    for (number, label) in order {
        let Some(events) = definitions.remove(label) else {
            continue;
        };
        let mut content = String::new();
        html::push_html(&mut content, events.into_iter());
        let count = references.get(label).copied().unwrap_or(1);
        let mut back = String::new();
        for index in 0..count {
            let label = if count == 1 {
                crate::html::escape(&options.footnote_back)
            } else {
                let n = i64::try_from(index + 1).unwrap_or(i64::MAX);
                crate::html::escape(&crate::locale::strings::fill(
                    &options.footnote_back_to,
                    Some(n),
                    &[],
                ))
            };
            back.push_str(&format!(
                "&#160;<a href=\"#{}\" class=\"footnote-backref\" role=\"doc-backlink\" aria-label=\"{label}\">↩︎</a>",
                reference_id(prefix, number, index)
            ));
        }
        match content.rfind("</p>") {
            Some(i) => content.insert_str(i, &back),
            None => content.push_str(&back),
        }
        ids.push(format!("{prefix}fn:{number}"));
        html.push_str(&format!(
            "<li id=\"{prefix}fn:{number}\">\n{content}</li>\n"
        ));
    }
    html.push_str("</ol>\n</div>\n");
    html
}

/// What sets a piece of text: the text and the characters before and after it.
type Smarten<'s> = dyn Fn(&str, Option<char>, Option<char>) -> String + 's;

/// Turns bare web addresses in text into links, as GFM's autolink
/// extension does; the text around them goes through `smart` with the
/// characters next to it (`before` and `after` at the ends).
fn linkify(
    text: &str,
    before: Option<char>,
    after: Option<char>,
    smart: &Smarten<'_>,
) -> Vec<Event<'static>> {
    let mut events = Vec::new();
    let mut last = 0;
    let plain = |events: &mut Vec<Event<'static>>, from: usize, to: usize| {
        let previous = text[..from].chars().last().or(before);
        let next = text[to..].chars().next().or(after);
        events.push(Event::Text(CowStr::from(smart(
            &text[from..to],
            previous,
            next,
        ))));
    };
    for m in BARE_URL.find_iter(text) {
        if m.start() > last {
            plain(&mut events, last, m.start());
        }
        let shown = m.as_str().to_string();
        let href = if shown.starts_with("www.") {
            format!("http://{shown}")
        } else {
            shown.clone()
        };
        events.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: CowStr::from(href),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        events.push(Event::Text(CowStr::from(shown)));
        events.push(Event::End(TagEnd::Link));
        last = m.end();
    }
    if last < text.len() || events.is_empty() {
        plain(&mut events, last, text.len());
    }
    events
}

fn prefixed<'a>(url: CowStr<'a>, options: &MarkdownOptions) -> CowStr<'a> {
    if let Some(link) = options.root_files.link(&url) {
        return CowStr::from(link);
    }
    if !options.url_prefix.is_empty() && url.starts_with('/') && !url.starts_with("//") {
        CowStr::from(format!("{}{}", options.url_prefix, url))
    } else {
        url
    }
}

fn inner_text(events: &[Event<'_>]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::Html(h) | Event::InlineHtml(h) if !h.starts_with('<') => text.push_str(h),
            _ => {}
        }
    }
    text
}

/// The first character an event shows, for the typographer: inline markup
/// and raw HTML count as a letter (a quote before them opens), a line
/// break as a space, the end of a block as nothing.
fn first_char(event: &Event<'_>) -> Option<char> {
    match event {
        Event::Text(t) | Event::Code(t) => t.chars().next(),
        Event::SoftBreak | Event::HardBreak => Some('\n'),
        Event::FootnoteReference(_) | Event::InlineHtml(_) | Event::InlineMath(_) => Some('a'),
        Event::Start(tag) if is_inline(tag) => Some('a'),
        Event::End(tag) if is_inline_end(*tag) => Some('.'),
        _ => None,
    }
}
