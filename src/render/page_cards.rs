//! The share cards of ordinary content pages: the home page, every news
//! post and the page with the contact tool (`/schrijf/`). Chat apps show no
//! SVG, so these pages need a PNG card of their own to have a preview at all
//! (see [`crate::render::share_card`] for how a card is drawn).
//!
//! A card says only what the page's front matter and the site's settings
//! say: the home page its tagline and lead, a news post its section, date,
//! title and description, the contact page its title and lead. The few
//! words of its own (the date, "doe mee") are in the page's language.

use crate::config::SiteConfig;
use crate::content::page::{Page, PageKind};
use crate::locale::Locale;
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
/// and each page with the contact layout, of the published `pages`, with
/// the words and dates of `locale`.
pub fn plan_in(config: &SiteConfig, pages: &[Page], locale: &Locale) -> Vec<PlannedCard> {
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
                    Some(date) => format!("{section} · {}", locale.date(date.date_naive())),
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
                kicker: format!("{site} · {}", locale.t("share_card_act")),
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::DateTime;
    use test_case::test_case;

    use super::*;
    use crate::content::front_matter::FrontMatter;

    fn page(kind: PageKind, rel: &str, section_dir: &str, path: &str, front: FrontMatter) -> Page {
        Page {
            kind,
            file: None,
            rel: rel.into(),
            section_dir: section_dir.into(),
            front,
            body: String::new(),
            body_line: 1,
            path: path.into(),
            bundle_dir: None,
            source_key: 0,
        }
    }

    fn site() -> Vec<Page> {
        let front = |title: &str, layout: Option<&str>| FrontMatter {
            title: Some(title.into()),
            description: Some(format!("Over {title}.")),
            date: DateTime::parse_from_rfc3339("2026-04-07T00:00:00+02:00").ok(),
            layout: layout.map(str::to_string),
            ..FrontMatter::default()
        };
        vec![
            page(PageKind::Home, "_index.md", "", "/", front("Thuis", None)),
            page(
                PageKind::Section,
                "nieuws/_index.md",
                "nieuws",
                "/nieuws/",
                front("Nieuws", None),
            ),
            page(
                PageKind::Page,
                "nieuws/a.md",
                "nieuws",
                "/nieuws/a/",
                front("Bericht <a>", None),
            ),
            page(PageKind::Page, "over.md", "", "/over/", front("Over", None)),
            page(
                PageKind::Page,
                "schrijf.md",
                "",
                "/schrijf/",
                front("Schrijf", Some("contact")),
            ),
        ]
    }

    fn config() -> SiteConfig {
        SiteConfig::parse(
            Path::new("site.toml"),
            "title='T'\nbase_url='https://e.org/'\n[params]\ntagline='Privé blijft privé'\n",
        )
        .unwrap()
    }

    #[test_case("/", Some(("T", "Privé blijft privé", "Over Thuis.")) ; "home: tagline and lead")]
    #[test_case("/nieuws/a/", Some(("Nieuws · 7 april 2026", "Bericht <a>", "Over Bericht <a>.")) ; "news post: section, date, title")]
    #[test_case("/schrijf/", Some(("T · doe mee", "Schrijf", "Over Schrijf.")) ; "contact page")]
    #[test_case("/over/", None ; "other page: no card")]
    #[test_case("/nieuws/", None ; "section list: no card")]
    fn which_pages_get_a_card_and_what_it_says(path: &str, expected: Option<(&str, &str, &str)>) {
        let cards = plan_in(&config(), &site(), &Locale::builtin("nl"));
        let card = cards.iter().find(|c| c.page_path == path).map(|c| {
            assert!(c.file_path.starts_with("/og/") && c.file_path.ends_with(".png"));
            assert!(c.card.badge.is_none());
            (
                c.card.kicker.as_str(),
                c.card.title.as_str(),
                c.card.detail.as_str(),
            )
        });
        assert_eq!(card, expected);
    }

    #[test]
    fn an_english_card_writes_its_date_and_call_in_english() {
        let cards = plan_in(&config(), &site(), &Locale::builtin("en"));
        let kicker = |path: &str| {
            cards
                .iter()
                .find(|c| c.page_path == path)
                .map(|c| c.card.kicker.clone())
        };
        assert_eq!(
            kicker("/nieuws/a/").as_deref(),
            Some("Nieuws · 7 April 2026")
        );
        assert_eq!(kicker("/schrijf/").as_deref(), Some("T · take part"));
    }

    #[test]
    fn a_changed_title_changes_the_card_name() {
        let before = plan_in(&config(), &site(), &Locale::builtin("nl"));
        let mut pages = site();
        pages[2].front.title = Some("Ander bericht".into());
        let after = plan_in(&config(), &pages, &Locale::builtin("nl"));
        let name = |cards: &[PlannedCard], path: &str| {
            cards
                .iter()
                .find(|c| c.page_path == path)
                .map(|c| c.file_path.clone())
        };
        assert_ne!(name(&before, "/nieuws/a/"), name(&after, "/nieuws/a/"));
        assert_eq!(name(&before, "/"), name(&after, "/"));
    }
}
