//! RSS 2.0 feeds: `/index.xml` for the whole site and `/<section>/index.xml`
//! per section, newest 20 items, absolute links.

use crate::html::escape;
use chrono::{DateTime, FixedOffset};

use super::pages::{Prepared, sort_for_list};
use crate::config::SiteConfig;
use crate::content::PageKind;
use crate::diagnostics::Diagnostics;
use crate::output::Output;

/// How many items a feed holds.
pub const FEED_SIZE: usize = 20;

/// Writes the site feed and one feed per section.
pub fn render_feeds(
    prepared: &[Prepared<'_>],
    config: &SiteConfig,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let dated: Vec<&Prepared<'_>> = prepared
        .iter()
        .filter(|p| p.page.kind == PageKind::Page && p.page.date().is_some())
        .collect();
    let mut feeds = vec![(
        String::new(),
        config.title.clone(),
        config.description.clone(),
        dated.clone(),
    )];
    for section in prepared.iter().filter(|p| p.page.kind == PageKind::Section) {
        let dir = &section.page.section_dir;
        let members: Vec<&Prepared<'_>> = dated
            .iter()
            .copied()
            .filter(|p| {
                p.page.section_dir == *dir || p.page.section_dir.starts_with(&format!("{dir}/"))
            })
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
        sort_for_list(&mut items);
        items.truncate(FEED_SIZE);
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
    if let Some(newest) = items.first().and_then(|p| p.page.date()) {
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
