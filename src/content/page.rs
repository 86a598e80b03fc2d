//! A content page (home, section or regular page) and how Hugo turns its file
//! name and front matter into a URL.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::front_matter::FrontMatter;
use crate::site_path::{PathError, SitePath, Slug};

/// What a content file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// `content/_index.md`.
    Home,
    /// `content/<dir>/_index.md`, or a top-level folder without one.
    Section,
    /// Any other Markdown file, or `<dir>/index.md` (a page bundle).
    Page,
}

/// One page of the site, as read from disk.
#[derive(Debug, Clone)]
pub struct Page {
    /// Home, section or page.
    pub kind: PageKind,
    /// The file, as a path usable in diagnostics (None for a section without `_index.md`).
    pub file: Option<PathBuf>,
    /// The file's path below `content/`, with `/` separators (e.g. `nieuws/x.md`).
    pub rel: String,
    /// The folder of the section this page belongs to (`nieuws`, `docs/uitleg`; empty for the root).
    /// For a section page: its own folder.
    pub section_dir: String,
    /// The parsed front matter.
    pub front: FrontMatter,
    /// The Markdown after the front matter.
    pub body: String,
    /// The line in the file where the body starts.
    pub body_line: usize,
    /// The URL path, e.g. `/nieuws/x/`.
    pub path: String,
    /// For a page bundle: the folder whose other files belong to the page.
    pub bundle_dir: Option<PathBuf>,
    /// A hash of the file's text (0 for a section without `_index.md`), so
    /// that `serve` can tell an unchanged page from a changed one cheaply.
    pub source_key: u64,
}

impl Page {
    /// The title, or one made from the file name when the front matter has none.
    pub fn title(&self) -> String {
        if let Some(title) = &self.front.title {
            return title.clone();
        }
        let stem = self
            .rel
            .trim_end_matches(".md")
            .trim_end_matches("/_index")
            .trim_end_matches("/index")
            .rsplit('/')
            .next()
            .unwrap_or("")
            .replace(['-', '_'], " ");
        let mut chars = stem.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// The top-level section name (`nieuws` for `nieuws/x.md` and `docs` for `docs/a/b.md`).
    pub fn top_section(&self) -> &str {
        self.section_dir.split('/').next().unwrap_or("")
    }

    /// The date used to order and show the page: `date`, else `publishDate`, else `lastmod`.
    pub fn date(&self) -> Option<DateTime<FixedOffset>> {
        self.front
            .date
            .or(self.front.publish_date)
            .or(self.front.lastmod)
    }

    /// True when the page should be published at `now` (respecting drafts,
    /// future publication and expiry).
    pub fn is_published(&self, now: DateTime<FixedOffset>, include_drafts: bool) -> bool {
        if self.front.draft && !include_drafts {
            return false;
        }
        if let Some(publish) = self.front.publish_date.or(self.front.date)
            && publish > now
            && !include_drafts
        {
            return false;
        }
        if let Some(expiry) = self.front.expiry_date
            && expiry <= now
        {
            return false;
        }
        true
    }
}

/// The URL path of a regular page at `rel` (below `content/`) with an optional
/// `slug`; `bundle` is true for `<dir>/index.md`.
pub fn page_path(rel: &str, slug: Option<&Slug>, bundle: bool) -> Result<SitePath, PathError> {
    let without_ext = rel.trim_end_matches(".md");
    let (dir, name) = if bundle {
        let dir_path = without_ext.trim_end_matches("/index");
        match dir_path.rsplit_once('/') {
            Some((parent, name)) => (parent, name),
            None => ("", dir_path),
        }
    } else {
        match without_ext.rsplit_once('/') {
            Some((parent, name)) => (parent, name),
            None => ("", without_ext),
        }
    };
    let name = Slug::urlize(slug.map(Slug::as_str).unwrap_or(name));
    let segments = dir
        .split('/')
        .filter(|s| !s.is_empty())
        .map(Slug::urlize)
        .chain(std::iter::once(name));
    SitePath::from_segments(segments, true)
}

/// The URL path of the section in folder `dir`.
pub fn section_path(dir: &str) -> Result<SitePath, PathError> {
    SitePath::from_segments(
        dir.split('/').filter(|s| !s.is_empty()).map(Slug::urlize),
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("nieuws/Mijn Bericht.md", None, false, "/nieuws/mijn-bericht/")]
    #[test_case("nieuws/x.md", Some("Andere Naam"), false, "/nieuws/andere-naam/")]
    #[test_case("over.md", None, false, "/over/")]
    #[test_case("nieuws/foto/index.md", None, true, "/nieuws/foto/")]
    #[test_case("nieuws/foto/index.md", Some("beeld"), true, "/nieuws/beeld/")]
    #[test_case("Docs/Uitleg/a.md", None, false, "/docs/uitleg/a/")]
    #[test_case("x/CDU-CSU-geen-chatcontrole.md", None, false, "/x/cdu-csu-geen-chatcontrole/"; "capitals")]
    #[test_case("x/Überwachung und (echte) Privatsphäre!.md", None, false, "/x/überwachung-und-echte-privatsphäre/"; "accents and brackets")]
    #[test_case("x/a.md", Some("Deens compromis: weer scannen?"), false, "/x/deens-compromis-weer-scannen/"; "punctuation in slug")]
    fn makes_hugo_paths(rel: &str, slug: Option<&str>, bundle: bool, expected: &str) {
        let slug = slug.map(|s| Slug::parse(s).unwrap());
        assert_eq!(
            page_path(rel, slug.as_ref(), bundle).unwrap().to_string(),
            expected
        );
    }

    #[test]
    fn section_paths() {
        assert_eq!(section_path("").unwrap().to_string(), "/");
        assert_eq!(
            section_path("docs/Uitleg").unwrap().to_string(),
            "/docs/uitleg/"
        );
    }
}
