//! RSS 2.0 feeds: `/index.xml` for the whole site and `/<section>/index.xml`
//! per section, with absolute links. They hold what Hugo 0.111's own RSS
//! template put in them, so a migrated site's readers see the same items:
//! the site feed every regular page, a section feed the regular pages
//! directly in that section (not those of its subsections), at most
//! `feed_limit` of them; newest first (Hugo's template kept its default
//! order, which puts pages with a `weight` first, even in a feed).

use crate::html::escape;
use chrono::{DateTime, FixedOffset};

use super::pages::{Prepared, sort_newest_first};
use crate::config::SiteConfig;
use crate::content::PageKind;
use crate::diagnostics::Diagnostics;
use crate::output::Output;

/// The first `config.feed_limit` of `items` (all of them for 0).
pub fn limit<T>(items: &mut Vec<T>, config: &SiteConfig) {
    if config.feed_limit > 0 {
        items.truncate(config.feed_limit);
    }
}

/// Writes the site feed and one feed per section.
pub fn render_feeds(
    prepared: &[Prepared<'_>],
    config: &SiteConfig,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let regular: Vec<&Prepared<'_>> = prepared
        .iter()
        .filter(|p| p.page.kind == PageKind::Page)
        .collect();
    let mut feeds = vec![(
        String::new(),
        config.title.clone(),
        config.description.clone(),
        regular.clone(),
    )];
    for section in prepared.iter().filter(|p| p.page.kind == PageKind::Section) {
        let dir = &section.page.section_dir;
        let members: Vec<&Prepared<'_>> = regular
            .iter()
            .copied()
            .filter(|p| p.page.section_dir == *dir)
            .collect();
        let title = format!("{} – {}", section.meta.title, config.title);
        feeds.push((
            section.page.path.clone(),
            title,
            section.meta.description.clone(),
            members,
        ));
    }
    for (path, title, description, mut items) in feeds {
        sort_newest_first(&mut items);
        limit(&mut items, config);
        let feed_path = format!("{}index.xml", if path.is_empty() { "/" } else { &path });
        let xml = rss(config, &title, &description, &path, &feed_path, &items);
        if let Err(e) = out.add(&feed_path, xml, None) {
            diags.push(e);
        }
    }
}

/// One RSS 2.0 document: the channel for the list at `path`, with `items`.
pub(crate) fn rss(
    config: &SiteConfig,
    title: &str,
    description: &str,
    path: &str,
    feed_path: &str,
    items: &[&Prepared<'_>],
) -> String {
    let link = config.absolute_url(if path.is_empty() { "/" } else { path });
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n");
    xml.push_str("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    xml.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n",
        escape(title),
        escape(&link)
    ));
    xml.push_str(&format!(
        "<description>{}</description>\n",
        escape(description)
    ));
    xml.push_str(&format!(
        "<language>{}</language>\n",
        escape(&config.language)
    ));
    if let Some(newest) = items.iter().filter_map(|p| p.page.date()).max() {
        xml.push_str(&format!(
            "<lastBuildDate>{}</lastBuildDate>\n",
            rfc2822(&newest)
        ));
    }
    xml.push_str(&format!(
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&config.absolute_url(feed_path))
    ));
    for p in items {
        let url = config.absolute_url(&p.page.path);
        xml.push_str("<item>\n");
        xml.push_str(&format!(
            "<title>{}</title>\n<link>{}</link>\n",
            escape(&p.meta.title),
            escape(&url)
        ));
        if let Some(date) = p.page.date() {
            xml.push_str(&format!("<pubDate>{}</pubDate>\n", rfc2822(&date)));
        }
        xml.push_str(&format!("<guid>{}</guid>\n", escape(&url)));
        xml.push_str(&format!(
            "<description>{}</description>\n",
            escape(&p.meta.description)
        ));
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

fn rfc2822(date: &DateTime<FixedOffset>) -> String {
    date.to_rfc2822()
}
