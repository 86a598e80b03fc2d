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

pub use load::{Content, Resource, load_content, load_content_from};
pub use page::{Page, PageKind};
