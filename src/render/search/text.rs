//! The text of a page as the search index reads it: the words inside
//! `<main>`, without the parts that repeat other pages (navigation,
//! breadcrumbs, tables of contents, forms, buttons, scripts), with the
//! page's `<h1>` as its title and headings weighted above body text.
//!
//! Written by hand rather than with an HTML parser: it reads only the pages
//! this program generated itself (well-formed, attributes quoted), and a
//! full parse of every page would cost more than the whole index.

/// Elements whose content is left out of the index: navigation, controls
/// (a `<summary>` is the button that unfolds a `<details>`, and may be
/// hidden where the details show open) and what is not text.
const SKIPPED: &[&str] = &[
    "nav", "form", "button", "summary", "script", "style", "template", "svg", "noscript",
];

/// Elements that sit inside a word or sentence; every other tag separates
/// words (`<td>a</td><td>b</td>` is "a b", `<b>en</b>cryptie` stays one word).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q",
    "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

/// How much a word counts by where it stands.
pub const TITLE_WEIGHT: u32 = 5;
/// Words in `<h2>` and `<h3>`.
pub const HEADING_WEIGHT: u32 = 2;
/// Words anywhere else.
pub const TEXT_WEIGHT: u32 = 1;

/// The indexed text of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    /// The text of the first `<h1>`, or empty.
    pub title: String,
    /// Every indexed run of text with the weight of its words, in order.
    pub runs: Vec<(u32, String)>,
}

impl PageText {
    /// All indexed text, with runs separated by single spaces.
    pub fn plain(&self) -> String {
        self.joined(|_| true)
    }

    /// The indexed text without the `<h1>` headings, which a search result
    /// shows as its link already.
    pub fn body(&self) -> String {
        self.joined(|weight| weight != TITLE_WEIGHT)
    }

    fn joined(&self, keep: impl Fn(u32) -> bool) -> String {
        let mut text = String::new();
        for (_, run) in self.runs.iter().filter(|(weight, _)| keep(*weight)) {
            for word in run.split_whitespace() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(word);
            }
        }
        text
    }
}

/// Reads the indexed text of the page `html` (see the module note); a page
/// without `<main>` is read from its start.
pub fn page_text(html: &str) -> PageText {
    let body = match (html.find("<main"), html.rfind("</main>")) {
        (Some(start), Some(end)) if start < end => &html[start..end],
        _ => html,
    };
    let mut reader = Reader::default();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        reader.text(&rest[..open]);
        rest = &rest[open..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        match tag_end(rest) {
            Some(end) => {
                reader.tag(&rest[1..end - 1]);
                rest = &rest[end..];
            }
            None => {
                reader.tag(&rest[1..]);
                rest = "";
            }
        }
    }
    reader.text(rest);
    reader.finish()
}

/// The length of the tag at the start of `html` (up to and including its
/// `>`, ignoring any `>` inside quoted attribute values), if it ends.
fn tag_end(html: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in html.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Classes that hide an element from the eye but not from screen readers,
/// in this site's theme and the common frameworks its imports come from.
const SCREEN_READER_ONLY: &[&str] = &["visually-hidden", "sr-only", "screen-reader-text"];

/// True when the opening tag `tag` (without `<` and `>`) hides its element
/// from sight: a screen-reader-only class or the `hidden` attribute.
fn hidden_from_sight(tag: &str) -> bool {
    let mut rest = tag.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start();
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/' || c == '>')
            .unwrap_or(rest.len());
        if name_len == 0 {
            // Nothing left, or a stray character: skip it.
            match rest.chars().next() {
                None => return false,
                Some(c) => {
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
            }
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v;
            rest = tail;
        }
        match name.as_str() {
            "hidden" => return true,
            "class"
                if value
                    .split_whitespace()
                    .any(|class| SCREEN_READER_ONLY.contains(&class)) =>
            {
                return true;
            }
            _ => {}
        }
    }
}

#[derive(Default)]
struct Reader {
    /// The skipped element being read past, with how deeply it nests.
    skipping: Option<(String, usize)>,
    weight: Option<u32>,
    in_title: bool,
    title_done: bool,
    /// A hidden element was skipped: the next word must not join the last.
    space_pending: bool,
    page: PageText,
    run: String,
}

impl Reader {
    fn text(&mut self, raw: &str) {
        if self.skipping.is_some() || raw.is_empty() {
            return;
        }
        let text = html_escape::decode_html_entities(raw);
        if std::mem::take(&mut self.space_pending)
            && text.starts_with(char::is_alphanumeric)
            && self.run.ends_with(char::is_alphanumeric)
        {
            self.run.push(' ');
        }
        if self.in_title {
            self.page.title.push_str(&text);
        }
        self.run.push_str(&text);
    }

    fn tag(&mut self, tag: &str) {
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if let Some((skipped, depth)) = &mut self.skipping {
            if *skipped == name {
                if closing {
                    *depth -= 1;
                } else if !tag.ends_with('/') {
                    *depth += 1;
                }
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        if SKIPPED.contains(&name.as_str()) {
            if !closing && !tag.ends_with('/') {
                self.end_run();
                self.skipping = Some((name, 1));
            }
            return;
        }
        if !closing && !tag.ends_with('/') && hidden_from_sight(tag) {
            // Text only a screen reader hears (or nobody sees) is not what a
            // result may quote: "Beschermt" + "beschermt je digitale
            // rechten" would read as "Beschermtbeschermt". Its words stay
            // apart from their neighbours.
            self.space_pending = true;
            self.skipping = Some((name, 1));
            return;
        }
        if INLINE.contains(&name.as_str()) {
            return;
        }
        self.end_run();
        let heading = match name.as_str() {
            "h1" => Some(TITLE_WEIGHT),
            "h2" | "h3" => Some(HEADING_WEIGHT),
            _ => None,
        };
        if let Some(weight) = heading {
            if closing {
                self.weight = None;
                if self.in_title {
                    self.in_title = false;
                    self.title_done = true;
                }
            } else {
                self.weight = Some(weight);
                self.in_title = name == "h1" && !self.title_done;
            }
        }
    }

    fn end_run(&mut self) {
        if !self.run.trim().is_empty() {
            let weight = self.weight.unwrap_or(TEXT_WEIGHT);
            self.page.runs.push((weight, std::mem::take(&mut self.run)));
        }
        self.run.clear();
    }

    fn finish(mut self) -> PageText {
        self.end_run();
        self.page.title = self
            .page
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="nl"><head><title>Titel | Site</title></head><body>
<nav aria-label="Hoofdmenu"><a href="/">Start</a></nav>
<main id="inhoud"><nav aria-label="Kruimelpad"><a href="/">Start</a> › <a href="/nieuws/">Nieuws</a></nav>
<h1>Nederland <em>onthoudt</em> zich</h1>
<p>De regering &amp; de Kamer: <strong>en</strong>cryptie &gt; alles. <!-- opmerking --></p>
<h2 id="x">Stemming</h2><table><tr><th>Partij</th><th>Stem</th></tr><tr><td>VVD</td><td>tegen</td></tr></table>
<form><label>Zoek <input name="q"></label><button>Ga</button></form>
<p>Laatste <a href="/x/" title="a > b">zin</a>.</p><script src="/js/x.js"></script>
</main><footer>Voet</footer></body></html>"#;

    #[test]
    fn reads_main_without_navigation_and_forms() {
        let text = page_text(PAGE);
        assert_eq!(text.title, "Nederland onthoudt zich");
        assert_eq!(
            text.plain(),
            "Nederland onthoudt zich De regering & de Kamer: encryptie > alles. Stemming Partij Stem VVD tegen Laatste zin."
        );
    }

    #[test_case::test_case(r#"<p>Oordeel: <span class="verdict"><span aria-hidden="true">Beschermt</span><span class="visually-hidden">beschermt je digitale rechten</span></span>.</p>"#, "Oordeel: Beschermt."; "a screen reader's words are not quoted")]
    #[test_case::test_case(r#"<p>a<span class="x sr-only">b</span>c</p>"#, "a c"; "a framework's screen-reader class")]
    #[test_case::test_case(r#"<section hidden><p>Je bericht</p></section><p>Lijst</p>"#, "Lijst"; "the hidden attribute")]
    #[test_case::test_case(r#"<p aria-hidden="true">zichtbaar</p><p data-hidden="x">ook</p>"#, "zichtbaar ook"; "aria-hidden text is seen")]
    #[test_case::test_case(r#"<span class="visually-hidden"><span>a</span>b</span>c"#, "c"; "nested inside the hidden element")]
    fn reads_only_what_the_eye_sees(html: &str, expected: &str) {
        assert_eq!(page_text(&format!("<main>{html}</main>")).plain(), expected);
    }

    #[test]
    fn the_body_leaves_out_the_title() {
        assert!(
            page_text(PAGE)
                .body()
                .starts_with("De regering & de Kamer:")
        );
    }

    #[test]
    fn weighs_the_title_and_headings() {
        let text = page_text(PAGE);
        let weight_of = |needle: &str| {
            text.runs
                .iter()
                .find(|(_, run)| run.contains(needle))
                .map(|(w, _)| *w)
        };
        assert_eq!(weight_of("onthoudt"), Some(TITLE_WEIGHT));
        assert_eq!(weight_of("Stemming"), Some(HEADING_WEIGHT));
        assert_eq!(weight_of("regering"), Some(TEXT_WEIGHT));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(html in "(<|>|</?[a-z]{0,4}|[\"'é &;a-z]|<!--|-->|\\PC){0,40}") {
            let text = page_text(&html);
            let _ = (text.plain(), text.body());
        }
    }

    #[test]
    fn survives_broken_markup() {
        for html in [
            "<main><p",
            "<main><nav><nav></nav>",
            "<!-- open",
            "<",
            "a < b",
            "<main></main>",
        ] {
            let _ = page_text(html);
        }
        assert_eq!(page_text("<p>a < b</p>").plain(), "a");
    }
}
