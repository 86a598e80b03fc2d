//! The offline search index: pagefind's chunked, per-word index, built in
//! memory on a thread of its own from the HTML pages as the build renders
//! them (news, documents, the voting guide and the Council pages). A browser
//! loads only the small pieces a query needs, so the index grows with the
//! site without growing what one search transfers. Words are stemmed for the site's language, so
//! "onthouding" also finds "onthoudt". Nothing leaves the visitor's device.

use std::collections::HashSet;
use std::path::{Component, Path};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::config::SiteConfig;
use crate::content::{Content, Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, file_for_path};

/// The folder of the published index and of pagefind's search script.
pub const SEARCH_BUNDLE_DIR: &str = "pagefind";

/// The part of each page that is indexed; the header, menu and footer are
/// the same on every page and would only add noise.
const ROOT_SELECTOR: &str = "main";

/// Parts of `<main>` left out of the index: breadcrumbs, tables of contents,
/// section sidebars, pagination and forms repeat other pages' titles.
const EXCLUDED: &[&str] = &["nav", "form"];

/// pagefind files this site does not use: its ready-made interfaces bring
/// their own style sheets and inline styles, which the CSP forbids; the
/// search page uses `pagefind.js` with its own small script instead, in the
/// page rather than a worker, and only the Dutch WebAssembly.
const UNUSED_PREFIXES: &[&str] = &[
    "pagefind-worker.",
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
    "playground/",
    "wasm.unknown.",
];

/// One page to index: its site path (`/nieuws/bericht/`) and its HTML.
#[derive(Debug, Clone)]
pub struct SearchPage {
    /// The page's address below the site root, without the base URL's path.
    pub path: String,
    /// The part of the page pagefind reads (see [`SearchPage::new`]).
    pub html: String,
}

impl SearchPage {
    /// The page at `path` with the HTML `html`, of which only the `<main>`
    /// element is kept: pagefind indexes nothing else (see
    /// [`ROOT_SELECTOR`]), and handing it less HTML saves time and memory.
    pub fn new(path: String, html: &str) -> SearchPage {
        SearchPage {
            path,
            html: indexed_part(html),
        }
    }
}

/// The part of a page that pagefind reads: its `<main>` element in an
/// otherwise empty document with the page's `<html>` tag (for its
/// language); a page without one is passed whole.
fn indexed_part(html: &str) -> String {
    let start = html.find("<main");
    let end = html.rfind("</main>");
    match (start, end) {
        (Some(start), Some(end)) if start < end => {
            let root = html
                .find("<html")
                .and_then(|at| html[at..].find('>').map(|close| &html[at..=at + close]))
                .unwrap_or("<html>");
            format!(
                "<!doctype html>{root}<body>{}</main></body></html>",
                &html[start..end]
            )
        }
        _ => html.to_string(),
    }
}

/// The search index, built on a thread of its own while the build renders
/// pages on the others: pagefind indexes one page at a time, so it runs
/// beside the rendering instead of after it. Pages are indexed in the
/// order they are added, so the index is the same on every build.
pub struct Indexer {
    sender: Option<SyncSender<SearchPage>>,
    thread: std::thread::JoinHandle<Result<Bundle, String>>,
}

/// pagefind's files: each path inside [`SEARCH_BUNDLE_DIR`] with its bytes.
pub type Bundle = Vec<(String, Vec<u8>)>;

/// How many pages may wait for the indexer; rendering pauses beyond that,
/// so memory does not grow with the site.
const INDEXER_QUEUE: usize = 1024;

impl Indexer {
    /// Starts an index stemmed for `language` (`nl`, `nl-NL`).
    pub fn start(language: &str) -> Indexer {
        let language = language
            .split(['-', '_'])
            .next()
            .unwrap_or("nl")
            .to_string();
        let (sender, receiver) = sync_channel(INDEXER_QUEUE);
        // pagefind is async; its own runtime on a thread of its own keeps this
        // independent of whether the caller already runs inside one (`serve`).
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .map_err(|e| e.to_string())?;
            runtime.block_on(index_pages(receiver, language))
        });
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
    pub fn finish(mut self) -> Result<Vec<(String, Vec<u8>)>, String> {
        self.sender = None;
        self.thread
            .join()
            .map_err(|_| "the indexer stopped unexpectedly".to_string())?
    }
}

/// True when the content page `page` belongs in the search index: a single
/// page of one of the sections in `config.search_sections`.
pub fn is_searched(page: &Page, config: &SiteConfig) -> bool {
    page.kind == PageKind::Page
        && config
            .search_sections
            .iter()
            .any(|s| s == page.top_section())
}

/// Adds the pages made from data (the voting guide, the Council pages) to
/// the index, reading them from `out` one at a time: every page of `out`
/// that is not a content page, a redirect, a hidden page or a further page
/// of a list. Call it after every such page was added.
pub fn add_data_pages(indexer: &Indexer, content: &Content, out: &Output) {
    let content: HashSet<&str> = content.pages.iter().map(|p| p.path.as_str()).collect();
    for (path, _) in out.sitemap_pages() {
        if content.contains(path.as_str()) || is_pagination(&path) {
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
) -> Result<Vec<(String, Vec<u8>)>, String> {
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
pub fn add_bundle(
    bundle: Result<Vec<(String, Vec<u8>)>, String>,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    match bundle {
        Ok(files) => {
            for (path, bytes) in files {
                if let Err(e) = out.add(&format!("{SEARCH_BUNDLE_DIR}/{path}"), bytes, None) {
                    diags.push(e);
                }
            }
        }
        Err(message) => diags.push(
            Diagnostic::error(
                SEARCH_BUNDLE_DIR,
                0,
                0,
                format!("cannot build the search index: {message}"),
            )
            .with_hint(
                "this is a bug in chatcontrole; please report it with the site that causes it",
            ),
        ),
    }
}

/// True for the second and later pages of a list (`/nieuws/page/2/`).
fn is_pagination(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    parts
        .windows(2)
        .any(|w| w[0] == "page" && w[1].bytes().all(|b| b.is_ascii_digit()))
}

/// Builds pagefind's files for `pages`, stemmed for `language` (`nl`).
///
/// Returns each file's path inside [`SEARCH_BUNDLE_DIR`] with its bytes.
pub fn build_bundle(
    pages: impl IntoIterator<Item = SearchPage>,
    language: &str,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let indexer = Indexer::start(language);
    for page in pages {
        indexer.add(page);
    }
    indexer.finish()
}

async fn index_pages(
    pages: Receiver<SearchPage>,
    language: String,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let options = PagefindServiceConfig::builder()
        .root_selector(ROOT_SELECTOR.to_string())
        .exclude_selectors(EXCLUDED.iter().map(|s| s.to_string()).collect())
        .force_language(language)
        .keep_index_url(false)
        .write_playground(false)
        .build();
    let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
    for page in pages {
        index
            .add_html_file(None, Some(page.path.clone()), page.html)
            .await
            .map_err(|e| format!("{}: {e}", page.path))?;
    }
    let files = index.get_files().await.map_err(|e| e.to_string())?;
    let mut bundle: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .filter_map(|f| Some((bundle_path(&f.filename)?, f.contents)))
        .filter(|(path, _)| !UNUSED_PREFIXES.iter().any(|p| path.starts_with(p)))
        .collect();
    bundle.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(bundle)
}

/// The path of one of pagefind's files inside its bundle folder, with `/`
/// separators: pagefind names them relative to that folder, or (when it
/// writes to disk) below `<working directory>/pagefind/`.
fn bundle_path(file: &Path) -> Option<String> {
    let parts: Vec<String> = file
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if file.is_relative() {
        return (!parts.is_empty()).then(|| parts.join("/"));
    }
    let last_dir = parts
        .iter()
        .take(parts.len().saturating_sub(1))
        .rposition(|p| p == SEARCH_BUNDLE_DIR)?;
    Some(parts[last_dir + 1..].join("/"))
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

    #[test_case("/work/site/pagefind/index/abc.pf_index", Some("index/abc.pf_index"))]
    #[test_case("/work/pagefind/pagefind/pagefind.js", Some("pagefind.js"))]
    #[test_case("/work/site/pagefind.js", None)]
    #[test_case(
        "fragment/nl_a91972c.pf_fragment",
        Some("fragment/nl_a91972c.pf_fragment")
    )]
    #[test_case("pagefind-entry.json", Some("pagefind-entry.json"))]
    fn finds_the_path_inside_the_bundle(file: &str, expected: Option<&str>) {
        assert_eq!(bundle_path(Path::new(file)).as_deref(), expected);
    }

    #[test]
    fn indexes_only_the_main_element() {
        let page = "<!doctype html><html lang=\"nl\"><head><title>T</title></head><body><nav>Menu</nav><main id=\"inhoud\"><h1>Kop</h1></main><footer>Voet</footer></body></html>";
        assert_eq!(
            indexed_part(page),
            "<!doctype html><html lang=\"nl\"><body><main id=\"inhoud\"><h1>Kop</h1></main></body></html>"
        );
        let no_main = "<html><body><p>Tekst</p></body></html>";
        assert_eq!(indexed_part(no_main), no_main);
    }

    #[test]
    fn builds_a_dutch_index_in_memory() {
        let pages = vec![SearchPage {
            path: "/nieuws/een/".into(),
            html: "<html lang=\"nl\"><body><nav>Menu</nav><main><h1>Onthouding</h1><p>Nederland onthoudt zich.</p></main></body></html>".into(),
        }];
        let files = build_bundle(pages, "nl").unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        for name in ["pagefind.js", "pagefind-entry.json", "wasm.nl.pagefind"] {
            assert!(names.contains(&name), "{name} missing from {names:?}");
        }
        assert!(
            names.iter().any(|n| n.starts_with("index/nl_")),
            "{names:?}"
        );
        assert!(
            names.iter().any(|n| n.starts_with("fragment/nl_")),
            "{names:?}"
        );
        assert!(
            !names
                .iter()
                .any(|n| n.contains("-ui") || n.contains("unknown") || n.contains("worker")),
            "unused files are left out: {names:?}"
        );
    }
}
