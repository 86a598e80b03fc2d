//! Turning the loaded site into files: templates, content pages, feeds,
//! sitemap, search index and headers.

pub mod builtin_shortcodes;
pub mod data_pages;
pub mod feeds;
pub mod headers;
pub mod icons;
pub mod json_ld;
pub mod limits;
pub mod page_cards;
pub mod pages;
pub mod search;
pub mod share_card;
pub mod share_cards;
pub mod share_links;
pub mod sitemap;
pub mod strings;
pub mod taxonomies;
pub mod templates;

pub use templates::{PageMeta, PageType, Renderer};
