//! What an `<iframe>` of another host becomes: a link card to the page a
//! person would open, not to the embed frame. Embedding would let that host
//! see every visitor, so the card makes no request until it is clicked.
//! Known players (YouTube, Vimeo, PeerTube) link to their watch page; any
//! other frame links to its own address. No still is shown: a thumbnail
//! lives on the other host, and loading it would be the request we avoid.

use crate::html::escape;
use crate::url::{ExternalUrl, Schemes};

/// The HTML of the card for a frame showing `url`, titled `title` when the
/// frame had one.
pub fn card(url: &ExternalUrl, title: Option<&str>) -> String {
    let (target, what) = watch_page(url);
    let host = target.host().to_string();
    let title = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("Bekijk op {host}"));
    format!(
        "<p class=\"embed-card\"><a href=\"{}\">{}</a> <span class=\"embed-host\">({})</span></p>",
        escape(target.as_str()),
        escape(&title),
        escape(&match what {
            Some(kind) => format!("{kind} op {host}"),
            None => host,
        })
    )
}

/// The HTML of a link to a sound or video file on another host, which a
/// player would have loaded for every visitor; `what` is `audio` or `video`.
pub fn media_link(url: &ExternalUrl, title: Option<&str>, what: &str) -> String {
    let text = title
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| {
            if what == "video" {
                "Bekijk de video".to_string()
            } else {
                "Luister naar de opname".to_string()
            }
        });
    format!(
        "<p class=\"embed-card\"><a href=\"{}\">{}</a> <span class=\"embed-host\">({what} op {})</span></p>",
        escape(url.as_str()),
        escape(&text),
        escape(url.host())
    )
}

/// The page behind a known player's frame, and what it shows; the frame's
/// own address otherwise.
fn watch_page(url: &ExternalUrl) -> (ExternalUrl, Option<&'static str>) {
    let Ok(parsed) = url::Url::parse(url.as_str()) else {
        return (url.clone(), None);
    };
    let host = url.host().trim_start_matches("www.");
    let segments: Vec<&str> = parsed.path().split('/').filter(|s| !s.is_empty()).collect();
    let page = match (host, segments.as_slice()) {
        ("youtube.com" | "youtube-nocookie.com", ["embed", id]) => {
            Some(format!("https://www.youtube.com/watch?v={id}"))
        }
        ("player.vimeo.com", ["video", id]) => Some(format!("https://vimeo.com/{id}")),
        // PeerTube, on any host: /videos/embed/<id> plays /videos/watch/<id>.
        (_, ["videos", "embed", id]) => Some(format!(
            "{}://{}/videos/watch/{id}",
            parsed.scheme(),
            url.host()
        )),
        _ => None,
    };
    match page.and_then(|p| ExternalUrl::parse(&p, Schemes::Web).ok()) {
        Some(page) => (page, Some("video")),
        None => (url.clone(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://www.youtube-nocookie.com/embed/abc?start=3", "https://www.youtube.com/watch?v=abc", "(video op www.youtube.com)"; "youtube")]
    #[test_case("https://player.vimeo.com/video/42", "https://vimeo.com/42", "(video op vimeo.com)"; "vimeo")]
    #[test_case("https://tube.example/videos/embed/9f1c", "https://tube.example/videos/watch/9f1c", "(video op tube.example)"; "peertube")]
    #[test_case("https://kaart.example/widget?x=1", "https://kaart.example/widget?x=1", "(kaart.example)"; "other frame")]
    fn links_to_the_page_behind_the_frame(src: &str, href: &str, host: &str) {
        let html = card(
            &ExternalUrl::parse(src, Schemes::Web).unwrap(),
            Some("Uitleg"),
        );
        assert!(
            html.contains(&format!("href=\"{}\"", escape(href))),
            "{html}"
        );
        assert!(html.contains(host), "{html}");
        assert!(html.contains(">Uitleg</a>"), "{html}");
    }

    #[test]
    fn a_title_is_escaped_and_a_missing_one_names_the_host() {
        let url = ExternalUrl::parse("https://v.example/e", Schemes::Web).unwrap();
        assert!(card(&url, Some("<b>")).contains("&lt;b&gt;"));
        assert!(card(&url, None).contains(">Bekijk op v.example</a>"));
    }
}
