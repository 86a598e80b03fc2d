//! Everything about Hugo-style content: front matter, Markdown, shortcodes,
//! pages and URLs. Nothing outside this module knows Hugo syntax.

pub mod dates;
pub mod fingerprint;
pub mod front_matter;
pub mod headings;
pub mod load;
pub mod markdown;
pub mod menu;
pub mod nesting;
pub mod page;
pub mod permalinks;
pub mod section_menu;
pub mod shortcodes;
pub mod walk;

pub use load::{
    Content, ContentCache, Resource, load_content, load_content_cached, load_content_from,
};

pub use fingerprint::hash_of;
pub use page::{Page, PageKind};
