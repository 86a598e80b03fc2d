//! Share links without trackers: plain `mailto:`, WhatsApp and Telegram
//! addresses that carry a page's title and address, built at build time so
//! they work without JavaScript and make no request until a visitor clicks.
//!
//! The template function `share_links(title, url, text)` (registered in
//! `templates.rs`) returns them for `partials/share.html`. Every part is
//! percent-encoded like JavaScript's `encodeURIComponent`, so that
//! `js/share.js`, which rebuilds the same links for a what-if scenario on
//! /raad/, gives the same bytes for the same input.
//!
//! Where the formats come from (checked 2026-12-04):
//! - Telegram: <https://core.telegram.org/widgets/share> ("Custom buttons":
//!   `https://t.me/share/url?url={url}&text={text}`, both URL-encoded);
//! - WhatsApp: click to chat, `https://wa.me/?text=` with URL-encoded text
//!   (<https://www.walinktool.com/blog/wa-me-link-format-explained>);
//! - e-mail: RFC 6068 `mailto:?subject=&body=`, line breaks as `%0D%0A`;
//! - Mastodon has no server-independent address: each server answers
//!   `https://<server>/share?text=` (mastodon/mastodon#442), so the
//!   visitor types their server and `share.js` opens it.
//! - Signal has no address that takes a text (signalapp/Signal-iOS#706 was
//!   closed as "wontfix"); it is reached through the phone's share sheet.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

/// The characters `encodeURIComponent` escapes: all but `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// `text` percent-encoded as one URL component (as `encodeURIComponent` does).
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// The share links of one page, ready to put in `href` (HTML-escaped by the
/// template like any other value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareLinks {
    /// The page's address as shared.
    pub url: String,
    /// The text that goes with it.
    pub text: String,
    /// `mailto:` with the title as subject and text plus address as body.
    pub email: String,
    /// `https://wa.me/?text=` with text and address.
    pub whatsapp: String,
    /// `https://t.me/share/url?url=&text=`.
    pub telegram: String,
    /// What goes after `https://<server>/share?text=` for Mastodon.
    pub mastodon_text: String,
}

/// The share links for a page with `title` at `url`; `text` is what the
/// message says (the title when empty).
pub fn share_links(title: &str, url: &str, text: &str) -> ShareLinks {
    let title = one_line(title);
    let text = match one_line(text) {
        t if t.is_empty() => title.clone(),
        t => t,
    };
    let message = format!("{text} {url}");
    ShareLinks {
        url: url.to_string(),
        email: format!(
            "mailto:?subject={}&body={}",
            encode(&title),
            encode(&format!("{text}\r\n\r\n{url}"))
        ),
        whatsapp: format!("https://wa.me/?text={}", encode(&message)),
        telegram: format!(
            "https://t.me/share/url?url={}&text={}",
            encode(url),
            encode(&text)
        ),
        mastodon_text: encode(&message),
        text,
    }
}

/// `text` on one line, with runs of white space as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("abc", "abc"; "plain")]
    #[test_case("a b", "a%20b"; "space is %20, not +")]
    #[test_case("a&b=c?d#e", "a%26b%3Dc%3Fd%23e"; "query and fragment characters")]
    #[test_case("wie staat waar?", "wie%20staat%20waar%3F"; "question mark")]
    #[test_case("Tsjechië", "Tsjechi%C3%AB"; "UTF-8 bytes")]
    #[test_case("-_.!~*'()", "-_.!~*'()"; "kept like encodeURIComponent")]
    #[test_case("https://x.nl/a/?NL=oppose", "https%3A%2F%2Fx.nl%2Fa%2F%3FNL%3Doppose"; "a whole address")]
    #[test_case("<script>\"", "%3Cscript%3E%22"; "markup")]
    #[test_case("a\r\nb", "a%0D%0Ab"; "line break")]
    fn encodes_like_encode_uri_component(input: &str, expected: &str) {
        assert_eq!(encode(input), expected);
    }

    #[test]
    fn builds_every_link_from_title_and_address() {
        let links = share_links(
            "Raad van de EU: wie staat waar?",
            "https://chatcontrole.nl/raad/",
            "",
        );
        assert_eq!(
            links.email,
            "mailto:?subject=Raad%20van%20de%20EU%3A%20wie%20staat%20waar%3F&body=Raad%20van%20de%20EU%3A%20wie%20staat%20waar%3F%0D%0A%0D%0Ahttps%3A%2F%2Fchatcontrole.nl%2Fraad%2F"
        );
        assert_eq!(
            links.whatsapp,
            "https://wa.me/?text=Raad%20van%20de%20EU%3A%20wie%20staat%20waar%3F%20https%3A%2F%2Fchatcontrole.nl%2Fraad%2F"
        );
        assert_eq!(
            links.telegram,
            "https://t.me/share/url?url=https%3A%2F%2Fchatcontrole.nl%2Fraad%2F&text=Raad%20van%20de%20EU%3A%20wie%20staat%20waar%3F"
        );
        assert_eq!(links.text, "Raad van de EU: wie staat waar?");
        assert!(
            links
                .mastodon_text
                .ends_with("%20https%3A%2F%2Fchatcontrole.nl%2Fraad%2F")
        );
    }

    #[test_case("Titel", "", "Titel"; "no text: the title")]
    #[test_case("Titel", "Eigen  tekst\n over", "Eigen tekst over"; "text on one line")]
    #[test_case("  Twee\tregels\n", "", "Twee regels"; "title on one line")]
    fn the_message_is_one_line_of_text(title: &str, text: &str, expected: &str) {
        assert_eq!(share_links(title, "https://e.nl/", text).text, expected);
    }

    /// A hostile title cannot add a parameter or end the address: `&`, `=`,
    /// `#`, quotes and angle brackets are all escaped.
    #[test]
    fn a_hostile_title_stays_inside_its_parameter() {
        let links = share_links("a&cc=x@y.nl#\"><b>", "https://e.nl/?a=1&b=2", "");
        for link in [&links.email, &links.whatsapp, &links.telegram] {
            let query = link.split_once('?').unwrap().1;
            assert!(!query.contains(['#', '"', '<', '>', ' ']), "{link}");
            assert!(!query.contains("cc="), "{link}");
        }
        assert_eq!(links.telegram.matches('&').count(), 1);
    }
}
