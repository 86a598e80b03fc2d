//! The offline search index: a chunked, per-word index built on a thread
//! of its own from the HTML pages as the build renders them (news,
//! documents, the voting guide and the Council pages). A browser loads only
//! the small pieces a query needs, so the index grows with the site without
//! growing what one search transfers. Words are stemmed for the site's
//! language at build time, so "onthouding" also finds "onthouden"; the
//! search page's script looks the typed word up and needs no stemmer.
//! Nothing leaves the visitor's device.
//!
//! Written here rather than with pagefind (which this build used before):
//! pagefind indexes one page at a time and compresses every file at its
//! highest level, which took 4 CPU-seconds of a 10,000-page build, more
//! than rendering the whole site; this index takes a fraction of that
//! because each page's words are counted on the rendering threads.
//! [`words`] holds the rules the browser must share, [`text`] what is read
//! of a page and [`index`] the files.

pub mod index;
pub mod text;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{SyncSender, sync_channel};

use rayon::prelude::*;

use crate::site_path::SitePath;

use crate::config::SiteConfig;
use crate::content::{Content, Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::output::{Output, file_for_path};

/// The folder of the published index, read by `static/js/search.js`.
pub const SEARCH_BUNDLE_DIR: &str = "zoekindex";

/// How much of a page's text a result may quote, in characters.
pub const EXCERPT_CHARS: usize = 1500;

/// One page, read for the index: its address, title, the start of its text
/// and each word form it uses with the summed weight of its uses.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPage {
    /// The page's address below the site root, without the base URL's path.
    pub path: String,
    /// The page's `<h1>`, or its address when it has none.
    pub title: String,
    /// The start of the page's indexed text after its title, at most
    /// [`EXCERPT_CHARS`].
    pub excerpt: String,
    /// Each word form (see [`words`]) with its weight on this page, in
    /// order of first use.
    pub words: Vec<(String, u32)>,
}

impl SearchPage {
    /// Reads the page at `path` with the HTML `html` (see [`text`]).
    pub fn new(path: String, html: &str) -> SearchPage {
        let text = text::page_text(html);
        let mut positions: HashMap<String, usize> = HashMap::new();
        let mut counted: Vec<(String, u32)> = Vec::new();
        for (weight, run) in &text.runs {
            words::for_each_word(run, |word| match positions.get(word) {
                Some(&at) => counted[at].1 += weight,
                None => {
                    positions.insert(word.to_string(), counted.len());
                    counted.push((word.to_string(), *weight));
                }
            });
        }
        let title = if text.title.is_empty() {
            path.clone()
        } else {
            text.title.clone()
        };
        SearchPage {
            path,
            title,
            excerpt: cut(text.body(), EXCERPT_CHARS),
            words: counted,
        }
    }
}

/// `text` cut after at most `limit` characters, at the end of a word.
fn cut(mut text: String, limit: usize) -> String {
    if let Some((at, _)) = text.char_indices().nth(limit) {
        let end = if text[at..].starts_with(' ') {
            at
        } else {
            text[..at].rfind(' ').unwrap_or(at)
        };
        text.truncate(end);
    }
    text
}

/// The search index, built on a thread of its own while the build renders
/// pages on the others (see [`index::IndexBuilder`]). Pages are numbered in
/// the order they are added, so the index is the same on every build.
pub struct Indexer {
    sender: Option<SyncSender<SearchPage>>,
    thread: std::thread::JoinHandle<Bundle>,
}

/// The index's files: each path inside [`SEARCH_BUNDLE_DIR`] with its bytes.
pub type Bundle = Vec<(String, Vec<u8>)>;

/// How many pages may wait for the indexer; rendering pauses beyond that,
/// so memory does not grow with the site.
const INDEXER_QUEUE: usize = 1024;

impl Indexer {
    /// Starts an index stemmed for `language` (`nl`, `nl-NL`).
    pub fn start(language: &str) -> Indexer {
        let (sender, receiver) = sync_channel(INDEXER_QUEUE);
        let language = language.to_string();
        let thread = std::thread::spawn(move || build_bundle(receiver, &language));
        Indexer {
            sender: Some(sender),
            thread,
        }
    }

    /// Queues `page` for the index; waits while the queue is full.
    pub fn add(&self, page: SearchPage) {
        if let Some(sender) = &self.sender {
            // A stopped indexer reports its error from `finish`.
            let _ = sender.send(page);
        }
    }

    /// Waits for the index; returns each file's path inside
    /// [`SEARCH_BUNDLE_DIR`] with its bytes.
    pub fn finish(mut self) -> Result<Bundle, IndexError> {
        self.sender = None;
        self.thread.join().map_err(|_| IndexError::Stopped)
    }
}

/// Why the search index could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    /// The indexing thread panicked (a bug); the pages it had are lost.
    #[error("the indexer stopped unexpectedly")]
    Stopped,
}

impl IndexError {
    /// What went wrong, in every language (the `Display` text is the English).
    pub fn message(&self) -> Message {
        match self {
            IndexError::Stopped => msg!(
                "the indexer stopped unexpectedly",
                "het maken van de zoekindex stopte onverwacht"
            ),
        }
    }
}

/// True when the content page `page` belongs in the search index: the home
/// page (what the campaign is about, often what a visitor looks for) and a
/// single page of one of the sections in `config.search_sections`.
pub fn is_searched(page: &Page, config: &SiteConfig) -> bool {
    match page.kind {
        PageKind::Home => true,
        PageKind::Section => false,
        PageKind::Page => config
            .search_sections
            .iter()
            .any(|s| s == page.top_section()),
    }
}

/// Adds the pages made from data (the voting guide, the Council pages) to
/// the index, reading them from `out` one at a time: every page of `out`
/// that is not a content page, a redirect, a hidden page or a further page
/// of a list. Only `serve` needs this, for the index it builds after the
/// preview reloaded; a build indexes these pages as they are rendered
/// (see [`crate::render::data_pages`]).
fn add_data_pages(indexer: &Indexer, content: &Content, out: &Output) {
    let content: HashSet<&str> = content.pages.iter().map(|p| p.path.as_str()).collect();
    for (path, _) in out.sitemap_pages() {
        if content.contains(path.as_str()) || is_pagination(&path) || out.is_unsearched(&path) {
            continue;
        }
        let Some(bytes) = file_for_path(&path).and_then(|file| out.read(file.as_str())) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        indexer.add(SearchPage::new(path.clone(), &html));
    }
}

/// Builds the index of an output rendered without one (see
/// [`crate::build::render_site`]): the searched content pages and the pages
/// made from data, read from `out`.
pub fn bundle_for(
    content: &Content,
    config: &SiteConfig,
    out: &Output,
) -> Result<Bundle, IndexError> {
    let indexer = Indexer::start(&config.language);
    for page in content.pages.iter().filter(|p| is_searched(p, config)) {
        let file = file_for_path(&page.path);
        if let Some(bytes) = file.and_then(|f| out.read(f.as_str())) {
            indexer.add(SearchPage::new(
                page.path.clone(),
                &String::from_utf8_lossy(&bytes),
            ));
        }
    }
    add_data_pages(&indexer, content, out);
    indexer.finish()
}

/// Adds the finished index to `out`, or the reason it failed to `diags`.
pub fn add_bundle(bundle: Result<Bundle, IndexError>, out: &mut Output, diags: &mut Diagnostics) {
    match bundle {
        Ok(files) => {
            // Thousands of small files: written in parallel, recorded in order.
            let shared: &Output = out;
            let staged: Vec<_> = files
                .into_par_iter()
                .map(|(path, bytes)| {
                    let path = format!("{SEARCH_BUNDLE_DIR}/{path}");
                    SitePath::from_segments(path.split('/'), false)
                        .map_err(|e| {
                            let reason = e.message;
                            Diagnostic::error(
                                "search-path-invalid",
                                SEARCH_BUNDLE_DIR,
                                0,
                                0,
                                msg!("{path}: {reason}", "{path}: {reason}"; reason),
                            )
                        })
                        .and_then(|site_path| shared.stage(&site_path, bytes, None))
                })
                .collect();
            for file in staged {
                if let Err(e) = file.and_then(|staged| out.commit(staged)) {
                    diags.push(e);
                }
            }
        }
        Err(error) => {
            let reason = error.message();
            diags.push(
                Diagnostic::error(
                    "search-index-failed",
                    SEARCH_BUNDLE_DIR,
                    0,
                    0,
                    msg!(
                        "cannot build the search index: {reason}",
                        "de zoekindex kan niet gemaakt worden: {reason}";
                        reason
                    ),
                )
                .with_hint(msg!(
                    "this is a bug in chatcontrole; please report it with the site that causes it",
                    "dit is een fout in chatcontrole; meld hem graag, samen met de site waarbij hij optreedt"
                )),
            )
        }
    }
}

/// True for the second and later pages of a list (`/nieuws/page/2/`).
/// True for the further pages of a list (`/nieuws/page/2/`), which the
/// index leaves out.
pub fn is_pagination(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    parts
        .windows(2)
        .any(|w| w[0] == "page" && w[1].bytes().all(|b| b.is_ascii_digit()))
}

/// Builds the index of `pages`, stemmed for `language` (`nl`).
///
/// Returns each file's path inside [`SEARCH_BUNDLE_DIR`] with its bytes.
pub fn build_bundle(pages: impl IntoIterator<Item = SearchPage>, language: &str) -> Bundle {
    let mut index = index::IndexBuilder::new(language);
    for page in pages {
        index.add(page);
    }
    index.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("/nieuws/page/2/", true)]
    #[test_case("/docs/uitleg/page/10/", true)]
    #[test_case("/nieuws/page-over-pagina/", false)]
    #[test_case("/nieuws/page/", false)]
    #[test_case("/raad/", false)]
    fn recognises_pagination(path: &str, expected: bool) {
        assert_eq!(is_pagination(path), expected);
    }

    #[test]
    fn a_failed_index_is_a_diagnostic_with_the_reason() {
        let mut out = Output::new();
        let mut diags = Diagnostics::new();
        add_bundle(Err(IndexError::Stopped), &mut out, &mut diags);
        assert_eq!(
            diags.sorted()[0].message,
            "cannot build the search index: the indexer stopped unexpectedly"
        );
    }

    #[test]
    fn reads_words_with_their_weights() {
        let page = SearchPage::new(
            "/nieuws/een/".into(),
            "<html lang=\"nl\"><body><nav>Menu</nav><main><h1>Onthouding</h1><p>Nederland onthoudt zich, onthouding.</p></main></body></html>",
        );
        assert_eq!(page.title, "Onthouding");
        assert_eq!(page.excerpt, "Nederland onthoudt zich, onthouding.");
        assert_eq!(
            page.words,
            [
                ("onthouding".to_string(), 6),
                ("nederland".to_string(), 1),
                ("onthoudt".to_string(), 1),
                ("zich".to_string(), 1),
            ]
        );
    }

    #[test]
    fn a_page_without_a_heading_is_titled_by_its_address() {
        let page = SearchPage::new("/raad/".into(), "<main><p>Tekst</p></main>");
        assert_eq!(page.title, "/raad/");
    }

    #[test_case("een twee drie", 7, "een")]
    #[test_case("een twee drie", 8, "een twee")]
    #[test_case("een twee drie", 9, "een twee")]
    #[test_case("kort", 10, "kort")]
    #[test_case("ééé ééé", 5, "ééé")]
    fn cuts_excerpts_at_a_word(text: &str, limit: usize, expected: &str) {
        assert_eq!(cut(text.to_string(), limit), expected);
    }

    #[test]
    fn the_indexer_numbers_pages_in_the_order_they_came() {
        let indexer = Indexer::start("nl");
        for i in 0..3 {
            indexer.add(SearchPage::new(
                format!("/p{i}/"),
                "<main><h1>Kop</h1></main>",
            ));
        }
        let files = indexer.finish().unwrap();
        let page: serde_json::Value =
            serde_json::from_slice(&files.iter().find(|(n, _)| n == "pagina/2.json").unwrap().1)
                .unwrap();
        assert_eq!(page["url"], "/p2/");
    }
}
