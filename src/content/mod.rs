//! Everything about Hugo-style content: front matter, Markdown, shortcodes,
//! pages and URLs. Nothing outside this module knows Hugo syntax.

pub mod dates;
pub mod front_matter;
pub mod headings;
pub mod load;
pub mod markdown;
pub mod menu;
pub mod page;
pub mod permalinks;
pub mod settings;
pub mod shortcodes;
pub mod walk;

pub use load::{
    Content, ContentCache, Resource, load_content, load_content_cached, load_content_from,
};

/// A hash of `value` for the caches of `serve` (the same within one run).
pub fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}
pub use page::{Page, PageKind};
