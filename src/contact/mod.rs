//! The contact tool (`/schrijf/`): whom a visitor can write to about chat
//! control, and a prepared message they can change and send from their own
//! mail program through a `mailto:` link. Nothing is posted or stored and no
//! other party is involved; the page is a list of links that a small script
//! (`js/contact.js`) turns into an editor.
//!
//! `email` is the one e-mail address type (`sync members` uses it too),
//! `load` reads the two recipient files of `site/data/recipients/`
//! (Kamerleden from `sync members`, the rest kept by editors), `check`
//! refuses ended roles and warns about stale ones, `message` writes the
//! Dutch default text from the site's data and `view` turns it all into
//! the template global `contact` (and the `minister` shortcode's function).

pub mod check;
pub mod email;
pub mod load;
pub mod message;
pub mod view;

pub use load::{Recipients, load};
