//! Where the pages made from data (the voting guide, the Council tracker,
//! taxonomy lists) go: to the output, and — when the build has a search
//! index — read for the index on the spot, while their HTML is still in
//! hand, instead of being read back out of the output (or the disk) later.

use std::collections::HashMap;
use std::path::Path;

use super::search::{Indexer, SearchPage, is_pagination};
use crate::diagnostics::Diagnostic;
use crate::output::Output;

/// The output of the data renderers, with the search documents of their
/// pages.
pub struct DataPages<'o> {
    out: &'o mut Output,
    /// Search documents of the pages added, when the build indexes.
    documents: Option<Vec<SearchPage>>,
}

impl<'o> DataPages<'o> {
    /// Pages go to `out`; with `index`, each page is also read for the
    /// search index.
    pub fn new(out: &'o mut Output, index: bool) -> DataPages<'o> {
        DataPages {
            out,
            documents: index.then(Vec::new),
        }
    }

    /// Adds an HTML page at the site path `path` (see [`Output::add_page`]).
    pub fn add_page(
        &mut self,
        path: &str,
        html: String,
        origin: Option<&Path>,
    ) -> Result<(), Diagnostic> {
        if let Some(documents) = &mut self.documents
            && !is_pagination(path)
        {
            documents.push(SearchPage::new(path.to_string(), &html));
        }
        self.out.add_page(path, html, origin)
    }

    /// Adds any other file (see [`Output::add`]): open data, feeds.
    pub fn add(
        &mut self,
        path: &str,
        bytes: impl Into<Vec<u8>>,
        origin: Option<&Path>,
    ) -> Result<(), Diagnostic> {
        self.out.add(path, bytes, origin)
    }

    /// Keeps the page at `path` out of the search index (see
    /// [`Output::mark_unsearched`]).
    pub fn mark_unsearched(&mut self, path: &str) {
        self.out.mark_unsearched(path);
    }

    /// Records when the page at `path` last changed (see [`Output::set_lastmod`]).
    pub fn set_lastmod(&mut self, path: &str, date: String) {
        self.out.set_lastmod(path, date);
    }

    /// Hands the search documents to `indexer` in the sitemap's order: only
    /// pages that stayed in the sitemap (not redirects or hidden pages), so
    /// the index is the same on every build.
    pub fn index_into(self, indexer: &Indexer) {
        let Some(documents) = self.documents else {
            return;
        };
        let mut by_path: HashMap<String, SearchPage> =
            documents.into_iter().map(|d| (d.path.clone(), d)).collect();
        for (path, _) in self.out.sitemap_pages() {
            if self.out.is_unsearched(&path) {
                continue;
            }
            if let Some(document) = by_path.remove(&path) {
                indexer.add(document);
            }
        }
    }
}
