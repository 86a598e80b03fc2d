//! Taxonomy pages as Hugo makes them, for the taxonomies a site names in
//! `site.toml` (`taxonomies = ["tags", "categories"]`): `/tags/` lists the
//! terms, `/tags/<term>/` the pages with that term, each with an RSS feed.
//! Sites migrated from Hugo keep these addresses; a site that names no
//! taxonomies gets none.

use std::collections::BTreeMap;

use minijinja::{Value, context};

use super::data_pages::DataPages;
use super::feeds::rss;
use super::pages::{ListItem, Prepared, list_item, sort_for_list};
use super::templates::{PageMeta, PageType, Renderer, page_value};
use crate::content::PageKind;
use crate::diagnostics::Diagnostics;
use crate::site_path::Slug;

/// Renders the taxonomy and term pages and their feeds into `out`.
pub fn render_taxonomies(
    prepared: &[Prepared<'_>],
    renderer: &Renderer,
    out: &mut DataPages,
    diags: &mut Diagnostics,
) {
    let config = renderer.config();
    for taxonomy in &config.taxonomies {
        // Term slug → (name as first written, pages).
        let mut terms: BTreeMap<String, (String, Vec<&Prepared<'_>>)> = BTreeMap::new();
        for p in prepared.iter().filter(|p| p.page.kind == PageKind::Page) {
            let names: Vec<String> = match p.page.front.params.get(taxonomy) {
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                Some(serde_json::Value::String(s)) => vec![s.clone()],
                _ => Vec::new(),
            };
            for name in names {
                let entry = terms
                    .entry(Slug::urlize(&name))
                    .or_insert_with(|| (name.clone(), Vec::new()));
                entry.1.push(p);
            }
        }
        if terms.is_empty() {
            continue;
        }
        let base = format!("/{}/", Slug::urlize(taxonomy));
        let title = capitalize(taxonomy);
        let term_items: Vec<ListItem> = terms
            .iter()
            .map(|(slug, (name, pages))| ListItem {
                title: name.clone(),
                url: format!(
                    "{}{}",
                    renderer.url_prefix(),
                    page_path(config.ugly_urls, &format!("{base}{slug}/"))
                ),
                path: page_path(config.ugly_urls, &format!("{base}{slug}/")),
                date: None,
                date_display: None,
                summary: renderer.locale().tn(
                    "taxonomy_pages",
                    i64::try_from(pages.len()).unwrap_or(i64::MAX),
                ),
                kind: PageKind::Section,
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        let all_pages: Vec<&Prepared<'_>> = terms
            .values()
            .flat_map(|(_, pages)| pages.iter().copied())
            .filter(|p| seen.insert(p.page.path.as_str()))
            .collect();
        render_list(renderer, out, diags, &base, &title, term_items, &all_pages);
        for (slug, (name, pages)) in &terms {
            let mut pages = pages.clone();
            sort_for_list(&mut pages);
            let items = pages.iter().map(|q| list_item(q, renderer)).collect();
            let path = format!("{base}{slug}/");
            render_list(renderer, out, diags, &path, name, items, &pages);
        }
    }
}

fn render_list(
    renderer: &Renderer,
    out: &mut DataPages,
    diags: &mut Diagnostics,
    path: &str,
    title: &str,
    items: Vec<ListItem>,
    feed_pages: &[&Prepared<'_>],
) {
    let config = renderer.config();
    let prefix = renderer.url_prefix();
    let meta = PageMeta {
        title: title.to_string(),
        description: format!("{title} – {}", config.title),
        path: page_path(config.ugly_urls, path),
        kind: PageType::Section,
        ..PageMeta::default()
    };
    let page = page_value(
        config,
        prefix,
        &meta,
        context! { content => "", section => "", params => context! {} },
    );
    let template = if renderer.has_template("taxonomy.html") {
        "taxonomy.html"
    } else {
        "list.html"
    };
    // Long lists are split in pages of `paginate` entries, as sections are
    // (`section_paginate` may name the taxonomy, `tags = 0`).
    let taxonomy = path.trim_matches('/').split('/').next().unwrap_or_default();
    let chunks: Vec<&[ListItem]> = match config.per_page(taxonomy) {
        _ if items.is_empty() => vec![&[][..]],
        Some(per_page) => items.chunks(per_page).collect(),
        None => vec![items.as_slice()],
    };
    let total = chunks.len();
    let page_at = |n: usize| {
        if n == 1 {
            meta.path.clone()
        } else {
            page_path(config.ugly_urls, &format!("{path}page/{n}/"))
        }
    };
    for (i, chunk) in chunks.iter().enumerate() {
        let number = i + 1;
        let paginator = context! {
            number,
            total,
            prev_url => (number > 1).then(|| format!("{prefix}{}", page_at(number - 1))),
            next_url => (number < total).then(|| format!("{prefix}{}", page_at(number + 1))),
        };
        let page = if number > 1 {
            let numbered = PageMeta {
                path: page_at(number),
                title: renderer.locale().tf(
                    "pagination_title",
                    &[("title", title), ("number", &number.to_string())],
                ),
                ..meta.clone()
            };
            page_value(
                config,
                prefix,
                &numbered,
                context! { content => "", section => "", params => context! {} },
            )
        } else {
            page.clone()
        };
        let result = renderer.render(
            template,
            context! {
                page,
                pages => Value::from_serialize(chunk),
                subsections => Value::from(Vec::<Value>::new()),
                paginator,
                feed_url => format!("{prefix}{path}index.xml"),
                breadcrumbs => Value::from(Vec::<Value>::new()),
            },
        );
        if let Err(e) = result.and_then(|html| out.add_page(&page_at(number), html, None)) {
            diags.push(e);
        }
    }
    let mut dated: Vec<&Prepared<'_>> = feed_pages.to_vec();
    super::pages::sort_newest_first(&mut dated);
    super::feeds::limit(&mut dated, config);
    let feed_path = format!("{path}index.xml");
    let xml = rss(
        config,
        &format!("{title} – {}", config.title),
        &meta.description,
        path,
        &feed_path,
        &dated,
    );
    if let Err(e) = out.add(&feed_path, xml, None) {
        diags.push(e);
    }
}

/// Where a list page at the folder `path` is published: `/tags/` or, with
/// `uglyURLs`, `/tags.html` (its feed stays at `/tags/index.xml`, as in Hugo).
fn page_path(ugly_urls: bool, path: &str) -> String {
    if ugly_urls {
        crate::content::permalinks::ugly_text(path)
    } else {
        path.to_string()
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
