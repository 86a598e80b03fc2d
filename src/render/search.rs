//! The offline search index: one small JSON file with the title, address,
//! date, summary and text of every news post and document. The search page's
//! script loads it and searches in the browser; nothing leaves the visitor's device.

use serde::Serialize;

use super::pages::Prepared;
use crate::config::SiteConfig;
use crate::content::PageKind;
use crate::content::dates::{dutch_date, parse_date};
use crate::diagnostics::Diagnostics;
use crate::output::Output;

/// Where the index is published.
pub const SEARCH_INDEX_PATH: &str = "search-index.json";

/// The longest text kept per page, in characters.
const MAX_TEXT: usize = 6000;

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    url: String,
    date: Option<String>,
    date_display: Option<String>,
    section: &'a str,
    summary: &'a str,
    text: String,
}

/// Writes the search index for the sections in `config.search_sections`.
pub fn render_search_index(
    prepared: &[Prepared<'_>],
    config: &SiteConfig,
    prefix: &str,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let entries: Vec<Entry<'_>> = prepared
        .iter()
        .filter(|p| {
            p.page.kind != PageKind::Home
                && config
                    .search_sections
                    .iter()
                    .any(|s| s == p.page.top_section())
        })
        .map(|p| Entry {
            title: &p.meta.title,
            url: super::templates::site_url(prefix, &p.page.path),
            date: p.meta.date.clone(),
            date_display: p
                .meta
                .date
                .as_deref()
                .and_then(parse_date)
                .map(|d| dutch_date(&d)),
            section: p.page.top_section(),
            summary: &p.meta.description,
            text: p.rendered.plain_text.chars().take(MAX_TEXT).collect(),
        })
        .collect();
    match serde_json::to_string(&entries) {
        Ok(json) => {
            if let Err(e) = out.add(SEARCH_INDEX_PATH, json, None) {
                diags.push(e);
            }
        }
        Err(e) => diags.push(crate::diagnostics::Diagnostic::error(
            SEARCH_INDEX_PATH,
            0,
            0,
            format!("cannot write the search index: {e}"),
        )),
    }
}
