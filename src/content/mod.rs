//! Everything about Hugo-style content: front matter, Markdown, shortcodes,
//! pages and URLs. Nothing outside this module knows Hugo syntax.

pub mod dates;
pub mod front_matter;
pub mod headings;
pub mod load;
pub mod markdown;
pub mod page;
pub mod shortcodes;
pub mod walk;

pub use load::{Content, Resource, load_content};
pub use page::{Page, PageKind};
