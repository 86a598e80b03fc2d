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

use super::{
    BARE_URL, MarkdownOptions, Rendered, TocEntry, collapse_whitespace, parser_options,
    replace_emoji,
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
    let mut converter = Converter::new(options, ids, footnote_prefix, markdown.len());
    for event in TextMergeStream::new(Parser::new_ext(markdown, parser_options())) {
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
    in_head: bool,
    headers: Vec<String>,
    column: usize,
    alignments: Vec<Alignment>,
}

/// Footnotes: numbers in order of first reference, definitions kept apart
/// until the end of the page.
#[derive(Default)]
struct Footnotes<'a> {
    numbers: HashMap<String, usize>,
    references: HashMap<String, usize>,
    definitions: Vec<(String, Vec<Event<'a>>)>,
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
    footnotes: Footnotes<'a>,
    link_depth: usize,
    code_depth: usize,
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
            footnotes: Footnotes::default(),
            link_depth: 0,
            code_depth: 0,
            table: TableState::default(),
            out: Vec::new(),
            depth: 0,
            html: String::with_capacity(source_len * 3 / 2),
        }
    }

    /// Takes the next event from the parser.
    fn push(&mut self, event: Event<'a>) {
        self.collect_text(&event);
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
                html::push_html(&mut self.html, self.out.drain(..));
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
            Event::TaskListMarker(done) => vec![task_marker(done)],
            Event::FootnoteReference(label) => vec![self.footnote_reference(&label)],
            Event::Start(Tag::FootnoteDefinition(label)) => {
                self.footnotes.open = Some((label.to_string(), Vec::new()));
                return None;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some(definition) = self.footnotes.open.take() {
                    self.footnotes.definitions.push(definition);
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
            None => self.ids.unique(heading_id(&text)),
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
                event
            }
            other => other,
        }
    }

    /// The text pass (outside code): `:emoji:` codes, and bare web
    /// addresses become links unless the text is already inside one.
    fn text(&mut self, text: &str) -> Vec<Event<'a>> {
        let text = replace_emoji(text);
        if self.link_depth == 0 {
            linkify(text)
        } else {
            vec![Event::Text(CowStr::from(text))]
        }
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
        let ref_id = if *count == 1 {
            format!("{prefix}fnref:{number}")
        } else {
            format!("{prefix}fnref{count}:{number}")
        };
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
                self.prefix,
                &mut rendered.ids,
            ));
        }
        rendered.html = body;
        rendered.plain_text = collapse_whitespace(&rendered.plain_text);
        rendered.first_paragraph = collapse_whitespace(&rendered.first_paragraph);
        rendered
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

/// The footnotes' list: in order of first reference, then those never
/// referenced; each referenced one links back to its first reference.
fn render_footnotes(
    mut definitions: Vec<(String, Vec<Event<'_>>)>,
    numbers: &HashMap<String, usize>,
    prefix: &str,
    ids: &mut Vec<String>,
) -> String {
    definitions.sort_by_key(|(label, _)| numbers.get(label).copied().unwrap_or(usize::MAX));
    let mut next_unreferenced = numbers.len() + 1;
    let mut html = String::from("<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n");
    for (label, events) in definitions {
        let (number, referenced) = match numbers.get(&label) {
            Some(n) => (*n, true),
            None => {
                next_unreferenced += 1;
                (next_unreferenced - 1, false)
            }
        };
        let mut content = String::new();
        html::push_html(&mut content, events.into_iter());
        if referenced {
            let back = format!(
                "&#160;<a href=\"#{prefix}fnref:{number}\" class=\"footnote-backref\" role=\"doc-backlink\" aria-label=\"Terug naar de tekst\">↩︎</a>"
            );
            match content.rfind("</p>") {
                Some(i) => content.insert_str(i, &back),
                None => content.push_str(&back),
            }
        }
        ids.push(format!("{prefix}fn:{number}"));
        html.push_str(&format!(
            "<li id=\"{prefix}fn:{number}\">\n{content}</li>\n"
        ));
    }
    html.push_str("</ol>\n</div>\n");
    html
}

/// Turns bare web addresses in text into links, as GFM's autolink extension does.
fn linkify(text: String) -> Vec<Event<'static>> {
    let mut events = Vec::new();
    let mut last = 0;
    for m in BARE_URL.find_iter(&text) {
        if m.start() > last {
            events.push(Event::Text(CowStr::from(text[last..m.start()].to_string())));
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
        events.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
    events
}

fn prefixed<'a>(url: CowStr<'a>, options: &MarkdownOptions) -> CowStr<'a> {
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
