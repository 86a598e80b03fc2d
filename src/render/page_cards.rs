//! The share cards of ordinary content pages: the home page, every news
//! post and the page with the contact tool (`/schrijf/`). Chat apps show no
//! SVG, so these pages need a PNG card of their own to have a preview at all
//! (see [`crate::render::share_card`] for how a card is drawn).
//!
//! A card says only what the page's front matter and the site's settings
//! say: the home page its tagline and lead, a news post its section, date,
//! title and description, the contact page its title and lead.

use crate::config::SiteConfig;
use crate::content::dates::dutch_date;
use crate::content::page::{Page, PageKind};
use crate::render::share_card::Card;
use crate::render::share_cards::{PlannedCard, planned};

/// The layout of the page with the contact tool, whose card calls to act.
const CONTACT_LAYOUT: &str = "contact";

/// A string parameter of the site (`[params]` in `site.toml`), if set.
fn param<'a>(config: &'a SiteConfig, key: &str) -> Option<&'a str> {
    config
        .params
        .get(key)
        .and_then(|v| v.as_str())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The lead of a page, else its description, else nothing.
fn lead(page: &Page) -> String {
    page.front
        .lead
        .clone()
        .or_else(|| page.front.description.clone())
        .unwrap_or_default()
}

/// One card for the home page, each news post (a page of the main section)
/// and each page with the contact layout, of the published `pages`.
pub fn plan(config: &SiteConfig, pages: &[Page]) -> Vec<PlannedCard> {
    let site = param(config, "organisation").unwrap_or(&config.title);
    let section_title = |dir: &str| {
        pages
            .iter()
            .find(|p| p.kind == PageKind::Section && p.section_dir == dir)
            .map(Page::title)
            .unwrap_or_else(|| dir.to_string())
    };
    let mut cards = Vec::new();
    for page in pages {
        let card = if page.kind == PageKind::Home {
            Card {
                kicker: site.to_string(),
                title: param(config, "tagline")
                    .map(str::to_string)
                    .unwrap_or_else(|| page.title()),
                badge: None,
                tag: None,
                detail: lead(page),
                address: String::new(),
            }
        } else if page.kind == PageKind::Page && page.top_section() == config.main_section {
            let section = section_title(&config.main_section);
            Card {
                kicker: match page.date() {
                    Some(date) => format!("{section} · {}", dutch_date(&date)),
                    None => section,
                },
                title: page.title(),
                badge: None,
                tag: None,
                detail: page.front.description.clone().unwrap_or_default(),
                address: String::new(),
            }
        } else if page.front.layout.as_deref() == Some(CONTACT_LAYOUT) {
            Card {
                kicker: format!("{site} · doe mee"),
                title: page.title(),
                badge: None,
                tag: None,
                detail: lead(page),
                address: String::new(),
            }
        } else {
            continue;
        };
        cards.push(planned(config, &page.path, card));
    }
    cards
}
