//! The offline search index: pagefind's chunked, per-word index, built in
//! memory from the HTML pages this build already rendered (news, documents,
//! the voting guide and the Council pages). A browser loads only the small
//! pieces a query needs, so the index grows with the site without growing
//! what one search transfers. Words are stemmed for the site's language, so
//! "onthouding" also finds "onthoudt". Nothing leaves the visitor's device.

use std::collections::HashMap;
use std::path::{Component, Path};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::pages::Prepared;
use crate::config::SiteConfig;
use crate::content::PageKind;
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
    /// The rendered page.
    pub html: String,
}

/// Adds the search index to `out`: the content pages of the sections in
/// `config.search_sections`, and every page made from data (the voting guide,
/// the Council pages).
///
/// Call it after every HTML page was added: it reads the pages from `out`.
/// Section lists, pagination, redirects and hidden pages are left out.
pub fn render_search_index(
    prepared: &[Prepared<'_>],
    config: &SiteConfig,
    out: &mut Output,
    diags: &mut Diagnostics,
) {
    let pages = searchable_pages(prepared, config, out);
    match build_bundle(&pages, &config.language) {
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

/// The pages of `out` that belong in the search index, in path order: a
/// content page when it is a single page of a searched section; any other
/// page (from data) unless it is a further page of a list.
pub fn searchable_pages(
    prepared: &[Prepared<'_>],
    config: &SiteConfig,
    out: &Output,
) -> Vec<SearchPage> {
    let content: HashMap<&str, &Prepared<'_>> =
        prepared.iter().map(|p| (p.page.path.as_str(), p)).collect();
    out.sitemap_pages()
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| match content.get(path.as_str()) {
            Some(p) => {
                p.page.kind == PageKind::Page
                    && config
                        .search_sections
                        .iter()
                        .any(|s| s == p.page.top_section())
            }
            None => !is_pagination(path),
        })
        .filter_map(|path| {
            let file = out.get(file_for_path(&path)?.as_str())?;
            let html = String::from_utf8(file.bytes.clone()).ok()?;
            Some(SearchPage { path, html })
        })
        .collect()
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
    pages: &[SearchPage],
    language: &str,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let language = language
        .split(['-', '_'])
        .next()
        .unwrap_or("nl")
        .to_string();
    // pagefind is async; its own runtime on a thread of its own keeps this
    // independent of whether the caller already runs inside one (`serve`).
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .map_err(|e| e.to_string())?;
                runtime.block_on(index_pages(pages, language))
            })
            .join()
            .map_err(|_| "the indexer stopped unexpectedly".to_string())?
    })
}

async fn index_pages(
    pages: &[SearchPage],
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
            .add_html_file(None, Some(page.path.clone()), page.html.clone())
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
    fn builds_a_dutch_index_in_memory() {
        let pages = vec![SearchPage {
            path: "/nieuws/een/".into(),
            html: "<html lang=\"nl\"><body><nav>Menu</nav><main><h1>Onthouding</h1><p>Nederland onthoudt zich.</p></main></body></html>".into(),
        }];
        let files = build_bundle(&pages, "nl").unwrap();
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
