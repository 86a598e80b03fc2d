//! Renders the content pages: home, section lists with pagination, single
//! pages, alias redirects, the 404 page and the search page. Markdown and
//! pages are rendered on all cores; `serve` keeps a [`RenderCache`] so that
//! an edit renders again only what it changed.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use minijinja::{Value, context};
use rayon::prelude::*;
use serde::Serialize;

use super::search::{Indexer, SearchPage, is_searched};
use super::templates::{PageMeta, PageType, Renderer, page_value, site_url};
use crate::content::markdown::{self, Rendered, TocEntry};
use crate::content::{Content, Page, PageKind, hash_of};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::html::escape as escape_attr;
use crate::output::{Output, Staged};

/// A content page with its rendered Markdown.
pub struct Prepared<'a> {
    /// The page as read.
    pub page: &'a Page,
    /// Its rendered body.
    pub rendered: Rendered,
    /// Its meta facts.
    pub meta: PageMeta,
}

/// A page as it appears in lists (news overview, home page, feeds).
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    /// Title.
    pub title: String,
    /// Link, with the base URL's path.
    pub url: String,
    /// Site path.
    pub path: String,
    /// The page's day; templates see `2025-11-24`.
    pub date: Option<NaiveDate>,
    /// The day as the page's language writes it (`24 november 2025`).
    pub date_display: Option<String>,
    /// One or two sentences.
    pub summary: String,
    /// `page` or `section`.
    pub kind: PageKind,
}

/// What `serve` keeps between builds so that an edit renders again only
/// what it changed, while templates, settings and data stay the same:
///
/// - the rendered Markdown of each page, used while the page's text, title,
///   address and parameters are unchanged and no page of the site moved or
///   was renamed (shortcodes may link to them);
/// - the HTML of each single page, used while everything its template gets
///   (the page, its section's neighbours, breadcrumbs, the menus) is the same.
#[derive(Debug, Default)]
pub struct RenderCache {
    site_key: u64,
    entries: HashMap<String, (u64, Rendered)>,
    pages: RenderedPages,
}

/// The HTML of single pages by site path, with the key it was rendered for.
type RenderedPages = HashMap<String, (u64, String)>;

/// Renders every Markdown file on all cores, reporting all problems at
/// once; with a `cache`, unchanged pages are taken from it.
pub fn prepare<'a>(
    content: &'a Content,
    renderer: &Renderer,
    diags: &mut Diagnostics,
    mut cache: Option<&mut RenderCache>,
) -> Vec<Prepared<'a>> {
    let options = renderer.markdown_options();
    let site_key = hash_of(
        &content
            .pages
            .iter()
            .map(|p| (&p.rel, &p.path, p.title()))
            .collect::<Vec<_>>(),
    );
    if let Some(cache) = cache.as_deref_mut()
        && cache.site_key != site_key
    {
        cache.entries.clear();
        cache.site_key = site_key;
    }
    let cached = cache.as_deref();
    let results: Vec<(Result<Prepared<'a>, Diagnostics>, u64)> = content
        .pages
        .par_iter()
        .map(|page| {
            let key = page_key(page, &options);
            let hit = cached
                .and_then(|c| c.entries.get(&page.rel))
                .filter(|(k, _)| *k == key)
                .map(|(_, rendered)| rendered.clone());
            (prepare_page(page, renderer, &options, hit), key)
        })
        .collect();
    let mut prepared = Vec::with_capacity(results.len());
    let mut entries = HashMap::new();
    for (result, key) in results {
        match result {
            Ok(p) => {
                if cache.is_some() {
                    entries.insert(p.page.rel.clone(), (key, p.rendered.clone()));
                }
                prepared.push(p);
            }
            Err(e) => diags.extend(e),
        }
    }
    if let Some(cache) = cache {
        cache.entries = entries;
    }
    prepared
}

/// What the rendered Markdown of `page` depends on, as one number.
fn page_key(page: &Page, options: &markdown::MarkdownOptions) -> u64 {
    let params = serde_json::to_string(&page.front.params).unwrap_or_default();
    hash_of(&(
        &page.body,
        page.body_line,
        page.title(),
        &page.path,
        params,
        options,
    ))
}

/// Renders the Markdown of one page and works out its meta facts.
fn prepare_page<'a>(
    page: &'a Page,
    renderer: &Renderer,
    options: &markdown::MarkdownOptions,
    cached: Option<Rendered>,
) -> Result<Prepared<'a>, Diagnostics> {
    let config = renderer.config();
    let file = page
        .file
        .clone()
        .unwrap_or_else(|| Path::new("content").join(&page.rel));
    let page_context = context! {
        title => page.title(),
        url => format!("{}{}", renderer.url_prefix(), page.path),
        permalink => config.absolute_url(&page.path),
        params => Value::from_serialize(&page.front.params),
    };
    let rendered = match cached {
        Some(rendered) => rendered,
        None => {
            let shortcodes = renderer.shortcodes_for(page_context);
            markdown::render(&file, &page.body, page.body_line, &shortcodes, options)?
        }
    };
    let description = page
        .front
        .description
        .clone()
        .or_else(|| page.front.summary.clone())
        .unwrap_or_else(|| truncate_words(&rendered.first_paragraph, 30));
    let description = if description.is_empty() && page.kind == PageKind::Home {
        config.description.clone()
    } else {
        description
    };
    let image = page.front.images.first().map(|i| {
        if i.starts_with('/') || i.starts_with("http") {
            i.clone()
        } else {
            format!("{}{i}", page.path)
        }
    });
    let meta = PageMeta {
        title: page.title(),
        description,
        path: page.path.clone(),
        kind: match page.kind {
            PageKind::Home => PageType::Home,
            PageKind::Section => PageType::Section,
            PageKind::Page => PageType::Page,
        },
        date: page.date().map(|d| d.date_naive()),
        lastmod: page.front.lastmod.or(page.date()).map(|d| d.date_naive()),
        image,
        article: page.kind == PageKind::Page && page.top_section() == config.main_section,
        noindex: false,
    };
    Ok(Prepared {
        page,
        rendered,
        meta,
    })
}

/// What every page needs to know about the others, computed once per build
/// so that rendering a page does not look at all the other pages again.
struct SiteIndex<'p, 'a> {
    /// The section page of each section folder (the home page for `""`).
    sections: HashMap<&'a str, &'p Prepared<'a>>,
    /// Regular pages of each section folder, in list order.
    members: HashMap<&'a str, Vec<&'p Prepared<'a>>>,
    /// The same as list entries, computed once for all pages of the section.
    member_items: HashMap<&'a str, Vec<ListItem>>,
    /// The position of each regular page in its section's list, by site path.
    positions: HashMap<&'a str, usize>,
    /// Child sections of each section folder, by weight and title.
    children: HashMap<&'a str, Vec<&'p Prepared<'a>>>,
}

impl<'p, 'a> SiteIndex<'p, 'a> {
    fn new(prepared: &'p [Prepared<'a>], renderer: &Renderer) -> Self {
        let mut sections = HashMap::new();
        let mut members: HashMap<&'a str, Vec<&'p Prepared<'a>>> = HashMap::new();
        let mut children: HashMap<&'a str, Vec<&'p Prepared<'a>>> = HashMap::new();
        for p in prepared {
            let dir = p.page.section_dir.as_str();
            match p.page.kind {
                PageKind::Home => {
                    sections.insert("", p);
                }
                PageKind::Section => {
                    sections.insert(dir, p);
                    if let Some(parent) = parent_dir(dir) {
                        children.entry(parent).or_default().push(p);
                    }
                }
                PageKind::Page => members.entry(dir).or_default().push(p),
            }
        }
        for list in members.values_mut() {
            sort_for_list(list);
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| {
                (weight_key(a), &a.meta.title).cmp(&(weight_key(b), &b.meta.title))
            });
        }
        let member_items = members
            .iter()
            .map(|(dir, list)| (*dir, list.iter().map(|q| list_item(q, renderer)).collect()))
            .collect();
        let positions = members
            .values()
            .flat_map(|list| list.iter().enumerate())
            .map(|(i, q)| (q.page.path.as_str(), i))
            .collect();
        SiteIndex {
            sections,
            members,
            member_items,
            positions,
            children,
        }
    }

    /// The first [`SECTION_NAV_SIZE`] pages of the section folder `dir`,
    /// with the number of pages it holds.
    fn first_members(&self, dir: &str) -> (Value, usize) {
        let items = self.member_items.get(dir).map(Vec::as_slice).unwrap_or(&[]);
        let shown = &items[..items.len().min(SECTION_NAV_SIZE)];
        (Value::from_serialize(shown), items.len())
    }

    /// The section navigation of the regular page `p`: at most
    /// [`SECTION_NAV_SIZE`] pages of its section around it, so that a page's
    /// size does not grow with its section.
    fn section_nav(&self, p: &Prepared<'_>) -> SectionNav<'_> {
        let items = self
            .member_items
            .get(p.page.section_dir.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let position = self
            .positions
            .get(p.page.path.as_str())
            .copied()
            .unwrap_or(0);
        let (start, end) = nav_window(items.len(), position, SECTION_NAV_SIZE);
        SectionNav {
            pages: &items[start..end],
            total: items.len(),
            before: start,
            after: items.len() - end,
        }
    }

    /// The chain of sections from the home page down to (not including) `p`.
    fn breadcrumbs(&self, p: &Prepared<'_>, renderer: &Renderer) -> Value {
        Value::from_serialize(self.breadcrumb_items(p, renderer))
    }

    /// The same as list entries.
    fn breadcrumb_items(&self, p: &Prepared<'_>, renderer: &Renderer) -> Vec<ListItem> {
        let mut crumbs = Vec::new();
        let mut dir = match p.page.kind {
            PageKind::Home => None,
            PageKind::Section => parent_dir(&p.page.section_dir),
            PageKind::Page => Some(p.page.section_dir.as_str()),
        };
        while let Some(d) = dir {
            if let Some(section) = self.sections.get(d) {
                crumbs.push(list_item(section, renderer));
            }
            dir = parent_dir(d);
        }
        crumbs.reverse();
        crumbs
    }
}

/// How many pages of its section a page links to beside its text, and a
/// section list to per subsection.
pub const SECTION_NAV_SIZE: usize = 11;

/// A bounded slice of a section's pages around one page.
#[derive(Debug, Serialize)]
struct SectionNav<'i> {
    /// The pages shown, in list order.
    pages: &'i [ListItem],
    /// How many pages the section has.
    total: usize,
    /// How many pages of the section come before the first one shown.
    before: usize,
    /// How many come after the last one shown.
    after: usize,
}

/// The range `start..end` of at most `size` positions out of `len` with
/// `position` in the middle where the ends allow.
fn nav_window(len: usize, position: usize, size: usize) -> (usize, usize) {
    if len <= size {
        return (0, len);
    }
    let start = position.saturating_sub(size / 2).min(len - size);
    (start, start + size)
}

/// How many pages are rendered in parallel before they are recorded (and
/// handed to the search index) in their fixed order.
const RENDER_WINDOW: usize = 256;

/// Renders all content pages into `out`, in parallel: a streaming output
/// writes each page as soon as it is rendered, and the pages are recorded
/// in their fixed order afterwards, so diagnostics (and the search index,
/// which gets the searched pages as they are done) come out the same way
/// every time.
pub fn render_pages(
    prepared: &[Prepared<'_>],
    renderer: &Renderer,
    out: &mut Output,
    mut root: Option<&mut Output>,
    search: Option<&Indexer>,
    cache: Option<&mut RenderCache>,
    diags: &mut Diagnostics,
) {
    let index = SiteIndex::new(prepared, renderer);
    let menu_key = hash_of(&serde_json::to_string(&renderer.config().menu).unwrap_or_default());
    let mut rendered_pages = HashMap::new();
    for window in prepared.chunks(RENDER_WINDOW) {
        let shared: &Output = out;
        let shared_root: &Output = root.as_deref().unwrap_or(shared);
        let cached = cache.as_deref().map(|c| (&c.pages, menu_key));
        let rendered: Vec<PageFiles> = window
            .par_iter()
            .map(|p| {
                let searched = search.is_some() && is_searched(p.page, renderer.config());
                let outs = (shared, shared_root);
                page_files(p, prepared, &index, renderer, outs, searched, cached)
            })
            .collect();
        for PageFiles {
            files,
            aliases,
            search: searched,
            single,
        } in rendered
        {
            for alias in aliases {
                let target = match root.as_deref_mut() {
                    Some(root) => root,
                    None => &mut *out,
                };
                if let Err(e) = alias.and_then(|staged| target.commit(staged)) {
                    diags.push(e);
                }
            }
            if let Some((path, entry)) = single.filter(|_| cache.is_some()) {
                rendered_pages.insert(path, entry);
            }
            for file in files {
                if let Err(e) = file.and_then(|staged| out.commit(staged)) {
                    diags.push(e);
                }
            }
            if let (Some(indexer), Some(page)) = (search, searched) {
                indexer.add(page);
            }
        }
    }
    if let Some(cache) = cache {
        cache.pages = rendered_pages;
    }
}

/// The files of one content page and what else came out of rendering it.
struct PageFiles {
    files: Vec<Result<Staged, Diagnostic>>,
    /// The redirects of the page's `aliases`, whose paths are from the
    /// root of the site whatever the page's language (as in Hugo).
    aliases: Vec<Result<Staged, Diagnostic>>,
    /// The page for the search index.
    search: Option<SearchPage>,
    /// A single page's path with its cache key and HTML.
    single: Option<(String, (u64, String))>,
}

/// The files of one content page: the page (with its pagination for a
/// section) in `outs.0` and a redirect for each of its aliases in `outs.1`,
/// the site's root; with `searched`, also the page for the search index.
fn page_files(
    p: &Prepared<'_>,
    all: &[Prepared<'_>],
    index: &SiteIndex<'_, '_>,
    renderer: &Renderer,
    (out, root): (&Output, &Output),
    searched: bool,
    cached: Option<(&RenderedPages, u64)>,
) -> PageFiles {
    let mut search_page = None;
    let mut single = None;
    let mut files = match p.page.kind {
        PageKind::Home => {
            let html = render_home(p, all, renderer);
            if searched && let Ok(html) = &html {
                search_page = Some(SearchPage::new(p.page.path.clone(), html));
            }
            vec![html.and_then(|html| out.stage_page(&p.page.path, html, p.page.file.as_deref()))]
        }
        PageKind::Section => render_section(p, index, renderer, out),
        PageKind::Page => {
            let html = render_single(p, index, renderer, cached);
            if searched && let Ok((html, _)) = &html {
                search_page = Some(SearchPage::new(p.page.path.clone(), html));
            }
            if cached.is_some()
                && let Ok((html, key)) = &html
            {
                single = Some((p.page.path.clone(), (*key, html.clone())));
            }
            vec![
                html.and_then(|(html, _)| {
                    out.stage_page(&p.page.path, html, p.page.file.as_deref())
                }),
            ]
        }
    };
    if let Some(Ok(first)) = files.first_mut() {
        first.set_lastmod(p.meta.lastmod.map(|d| d.to_string()));
    }
    let aliases = p
        .page
        .front
        .aliases
        .iter()
        .map(|alias| render_alias(&alias.to_string(), p, renderer, root))
        .collect();
    PageFiles {
        files,
        aliases,

        search: search_page,
        single,
    }
}

/// The rich `page` value for a content page: meta facts plus content, toc and front matter.
fn content_value(p: &Prepared<'_>, renderer: &Renderer) -> Value {
    let front = &p.page.front;
    let words = p.rendered.plain_text.split_whitespace().count();
    let extra = context! {
        content => Value::from_safe_string(p.rendered.html.clone()),
        toc => Value::from_serialize(&p.rendered.toc),
        toc_html => Value::from_safe_string(toc_html(&p.rendered.toc)),
        show_toc => front.toc && p.rendered.toc.len() > 1,
        summary => front.summary.clone().unwrap_or_else(|| truncate_words(&p.rendered.first_paragraph, 40)),
        lead => front.lead.clone().map(Value::from_safe_string),
        tags => front.tags.clone(),
        categories => front.categories.clone(),
        contributors => front.contributors.clone(),
        params => Value::from_serialize(&front.params),
        section => p.page.top_section().to_string(),
        section_dir => p.page.section_dir.clone(),
        word_count => words,
        reading_minutes => words.div_ceil(200).max(1),
        weight => front.weight,
        draft => front.draft,
        file => p.page.rel.clone(),
    };
    page_value(renderer.config(), renderer.url_prefix(), &p.meta, extra)
}

fn render_home(
    p: &Prepared<'_>,
    all: &[Prepared<'_>],
    renderer: &Renderer,
) -> Result<String, Diagnostic> {
    let main = &renderer.config().main_section;
    let mut news: Vec<&Prepared<'_>> = all
        .iter()
        .filter(|q| q.page.kind == PageKind::Page && q.page.top_section() == main)
        .collect();
    sort_newest_first(&mut news);
    let recent: Vec<ListItem> = news
        .iter()
        .take(3)
        .map(|q| list_item(q, renderer))
        .collect();
    renderer.render(
        "index.html",
        context! { page => content_value(p, renderer), recent => Value::from_serialize(&recent) },
    )
}

fn render_section(
    p: &Prepared<'_>,
    index: &SiteIndex<'_, '_>,
    renderer: &Renderer,
    out: &Output,
) -> Vec<Result<Staged, Diagnostic>> {
    let dir = p.page.section_dir.as_str();
    let no_pages = Vec::new();
    let members = index.members.get(dir).unwrap_or(&no_pages);
    let subsections: Vec<Value> = index
        .children
        .get(dir)
        .map(|list| {
            list.iter()
                .map(|q| {
                    let (pages, count) = index.first_members(&q.page.section_dir);
                    context! {
                        pages,
                        count,
                        ..Value::from_serialize(list_item(q, renderer))
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let subsections = Value::from(subsections);
    let breadcrumbs = index.breadcrumbs(p, renderer);
    let template = template_for(renderer, p, "list.html");
    let chunks: Vec<&[&Prepared<'_>]> = match renderer.config().per_page(p.page.top_section()) {
        _ if members.is_empty() => vec![&[][..]],
        Some(per_page) => members.chunks(per_page).collect(),
        None => vec![members.as_slice()],
    };
    let total = chunks.len();
    let prefix = renderer.url_prefix();
    // With `ugly_urls` Hugo writes the further pages as `/blog/page/2.html`.
    let numbered = |n: usize| {
        let path = format!("{}page/{n}/", p.page.path);
        if renderer.config().ugly_urls {
            crate::content::permalinks::ugly_text(&path)
        } else {
            path
        }
    };
    let page_path = |n: usize| {
        if n == 1 {
            p.page.path.clone()
        } else {
            numbered(n)
        }
    };
    let first_page = content_value(p, renderer);
    let mut files = Vec::with_capacity(total + 1);
    for (i, chunk) in chunks.iter().enumerate() {
        let number = i + 1;
        let items: Vec<ListItem> = chunk.iter().map(|q| list_item(q, renderer)).collect();
        let paginator = context! {
            number,
            total,
            prev_url => (number > 1).then(|| site_url(prefix, &page_path(number - 1))),
            next_url => (number < total).then(|| site_url(prefix, &page_path(number + 1))),
        };
        let page = if number > 1 {
            let meta = PageMeta {
                path: page_path(number),
                title: renderer.locale().tf(
                    "pagination_title",
                    &[
                        ("title", p.meta.title.as_str()),
                        ("number", &number.to_string()),
                    ],
                ),
                ..p.meta.clone()
            };
            context! { ..page_value(renderer.config(), prefix, &meta, Value::UNDEFINED), ..first_page.clone() }
        } else {
            first_page.clone()
        };
        let html = renderer.render(
            &template,
            context! {
                page,
                pages => Value::from_serialize(&items),
                subsections => subsections.clone(),
                paginator,
                feed_url => site_url(prefix, &format!("{}index.xml", p.page.path)),
                breadcrumbs => breadcrumbs.clone(),
            },
        );
        files.push(
            html.and_then(|html| out.stage_page(&page_path(number), html, p.page.file.as_deref())),
        );
    }
    // Hugo also answers /section/page/1/; send it to the first page.
    files.push(render_alias(&numbered(1), p, renderer, out));
    files
}

/// The HTML of the single page `p` with the cache key of everything its
/// template gets; taken from `cached` when that key is unchanged.
fn render_single(
    p: &Prepared<'_>,
    index: &SiteIndex<'_, '_>,
    renderer: &Renderer,
    cached: Option<(&RenderedPages, u64)>,
) -> Result<(String, u64), Diagnostic> {
    let dir = p.page.section_dir.as_str();
    let section = index
        .sections
        .get(dir)
        .filter(|_| !dir.is_empty())
        .map(|q| list_item(q, renderer));
    let template = match &p.page.front.layout {
        Some(layout) if renderer.has_template(&format!("{layout}.html")) => {
            format!("{layout}.html")
        }
        _ => template_for(renderer, p, "single.html"),
    };
    let nav = index.section_nav(p);
    let crumbs = index.breadcrumb_items(p, renderer);
    // The page itself follows from its file and address; the rest of what
    // the template gets is the section around it and the menus.
    let key = cached.map_or(0, |(_, menu_key)| {
        let around = serde_json::to_string(&(&section, &nav, &crumbs)).unwrap_or_default();
        hash_of(&(p.page.source_key, &p.page.path, &template, menu_key, around))
    });
    if let Some((pages, _)) = cached
        && let Some((k, html)) = pages.get(&p.page.path)
        && *k == key
    {
        return Ok((html.clone(), key));
    }
    let html = renderer.render(
        &template,
        context! {
            page => content_value(p, renderer),
            section => Value::from_serialize(&section),
            section_nav => Value::from_serialize(&nav),
            breadcrumbs => Value::from_serialize(&crumbs),
        },
    )?;
    Ok((html, key))
}

/// Renders a redirect page at `from` that sends visitors to the page `p`.
fn render_alias(
    from: &str,
    p: &Prepared<'_>,
    renderer: &Renderer,
    out: &Output,
) -> Result<Staged, Diagnostic> {
    let target = renderer.config().absolute_url(&p.page.path);
    let html = if renderer.has_template("alias.html") {
        renderer.render(
            "alias.html",
            context! { target => target.clone(), title => p.meta.title.clone() },
        )?
    } else {
        let t = escape_attr(&target);
        format!(
            "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><link rel=\"canonical\" href=\"{t}\"><meta name=\"robots\" content=\"noindex\"><meta http-equiv=\"refresh\" content=\"0; url={t}\"></head><body><p>{} <a href=\"{t}\">{t}</a>.</p></body></html>\n",
            escape_attr(&renderer.config().language),
            escape_attr(&p.meta.title),
            escape_attr(&renderer.locale().t("alias_moved"))
        )
    };
    Ok(out
        .stage_page(from, html, p.page.file.as_deref())?
        .redirect())
}

/// Renders `/404.html` and the search page (`/zoeken/`), both kept out of
/// the sitemap, with their title and description in the page's language.
pub fn render_special_pages(renderer: &Renderer, out: &mut Output, diags: &mut Diagnostics) {
    let specials = [
        (
            "404.html",
            "not_found_title",
            "not_found_description",
            "/404.html",
            PageType::NotFound,
        ),
        (
            "search.html",
            "search_title",
            "search_description",
            "/zoeken/",
            PageType::Search,
        ),
    ];
    let locale = renderer.locale();
    for (template, title, description, path, kind) in specials {
        let meta = PageMeta {
            title: locale.t(title),
            description: locale.t(description),
            path: path.into(),
            kind,
            noindex: true,
            ..PageMeta::default()
        };
        let result = renderer
            .render_page(template, &meta, context! {})
            .and_then(|html| out.add_page(path, html, None));
        match result {
            Ok(()) => out.mark_hidden(path),
            Err(e) => diags.push(e),
        }
    }
}

/// The list entry for a prepared page.
pub fn list_item(p: &Prepared<'_>, renderer: &Renderer) -> ListItem {
    let date = p.page.date();
    ListItem {
        title: p.meta.title.clone(),
        url: site_url(renderer.url_prefix(), &p.page.path),
        path: p.page.path.clone(),
        date: date.map(|d| d.date_naive()),
        date_display: date.map(|d| renderer.locale().date(d.date_naive())),
        summary: p.meta.description.clone(),
        kind: p.page.kind,
    }
}

/// Sorts pages for lists and feeds as Hugo's default order does: by weight
/// (pages without one after those with one), then newest first (undated
/// last), then by link title, then by file path.
pub fn sort_for_list(pages: &mut [&Prepared<'_>]) {
    pages.sort_by(|a, b| {
        weight_key(a)
            .cmp(&weight_key(b))
            .then(b.page.date().cmp(&a.page.date()))
            .then_with(|| link_title(a).cmp(link_title(b)))
            .then_with(|| a.page.rel.cmp(&b.page.rel))
    });
}

/// Sorts pages for feeds and the home page's newest posts: newest first
/// (undated last), then as [`sort_for_list`].
pub fn sort_newest_first(pages: &mut [&Prepared<'_>]) {
    pages.sort_by(|a, b| {
        b.page
            .date()
            .cmp(&a.page.date())
            .then(weight_key(a).cmp(&weight_key(b)))
            .then_with(|| link_title(a).cmp(link_title(b)))
            .then_with(|| a.page.rel.cmp(&b.page.rel))
    });
}

/// The short title Hugo sorts by: `linkTitle` when the page has one.
fn link_title<'p>(p: &'p Prepared<'_>) -> &'p str {
    p.page
        .front
        .params
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("linktitle"))
        .and_then(|(_, v)| v.as_str())
        .unwrap_or(&p.meta.title)
}

fn weight_key(p: &Prepared<'_>) -> i64 {
    if p.page.front.weight == 0 {
        i64::MAX
    } else {
        p.page.front.weight
    }
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        return None;
    }
    Some(dir.rsplit_once('/').map(|(parent, _)| parent).unwrap_or(""))
}

/// `nieuws/list.html` when the site has it, else the general template.
fn template_for(renderer: &Renderer, p: &Prepared<'_>, general: &str) -> String {
    let specific = format!("{}/{general}", p.page.top_section());
    if renderer.has_template(&specific) {
        specific
    } else {
        general.to_string()
    }
}

/// A nested list of links to the headings of a page.
pub fn toc_html(toc: &[TocEntry]) -> String {
    if toc.is_empty() {
        return String::new();
    }
    let top = toc.iter().map(|t| t.level).min().unwrap_or(2);
    let mut html = String::from("<ul>");
    let mut depth = top;
    let mut open_item = false;
    for entry in toc {
        let level = entry.level.max(top).min(depth + 1);
        while depth < level {
            html.push_str("<ul>");
            depth += 1;
            open_item = false;
        }
        while depth > level {
            html.push_str("</li></ul>");
            depth -= 1;
            open_item = true;
        }
        if open_item {
            html.push_str("</li>");
        }
        html.push_str(&format!(
            "<li><a href=\"#{}\">{}</a>",
            escape_attr(&entry.id),
            escape_attr(&entry.text)
        ));
        open_item = true;
    }
    while depth > top {
        html.push_str("</li></ul>");
        depth -= 1;
    }
    html.push_str("</li></ul>");
    html
}

/// The first `n` words of `text`, with `…` when it was cut.
pub fn truncate_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

#[cfg(test)]
#[path = "pages_tests.rs"]
mod tests;
