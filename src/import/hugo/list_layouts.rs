//! Whether the Hugo site's section lists were paginated. Hugo splits a list
//! only when its template calls `.Paginator` or `.Paginate`; Doks's lists
//! do not, so its `/docs/` showed every page on one page. The importer looks
//! up the list template Hugo used for each section (the site's `layouts/`
//! first, then the theme's) and carries `paginate` only where it paginated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::config::HugoConfig;

/// Hugo's `paginate` when the site does not set it.
pub const HUGO_DEFAULT_PAGINATE: usize = 10;

/// How the Hugo site's lists were split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListPagination {
    /// Posts per page of lists using the general template (0: one page).
    pub default: usize,
    /// Sections whose own list template paginates differently.
    pub sections: BTreeMap<String, usize>,
    /// The templates read: (template, whether it paginates).
    pub templates: Vec<(String, bool)>,
}

/// Reads the list templates of the Hugo site in `hugo_dir`; `None` when it
/// has no list template at all (a theme installed as a Hugo module, say),
/// and then the importer keeps `paginate` as Hugo's setting says.
pub fn list_pagination(hugo_dir: &Path, config: &HugoConfig) -> Option<ListPagination> {
    let paginate = config
        .get("paginate")
        .or_else(|| config.get("pagination.pagersize"))
        .and_then(Value::as_i64)
        .filter(|n| *n > 0)
        .map_or(HUGO_DEFAULT_PAGINATE, |n| n as usize);
    let roots = layout_roots(hugo_dir, config);
    let mut templates = Vec::new();
    let mut uses = |candidates: &[String]| -> Option<bool> {
        let (name, path) = candidates
            .iter()
            .flat_map(|c| roots.iter().map(move |r| (c, r.join(c))))
            .find(|(_, p)| p.is_file())?;
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let paginates = text.contains(".Paginator") || text.contains(".Paginate");
        templates.push((name.clone(), paginates));
        Some(paginates)
    };
    let general = [
        "_default/section.html".to_string(),
        "_default/list.html".to_string(),
    ];
    let default = uses(&general)?;
    let per = |paginates: bool| if paginates { paginate } else { 0 };
    let mut sections = BTreeMap::new();
    for section in section_folders(&roots) {
        let own = [
            format!("{section}/section.html"),
            format!("{section}/list.html"),
            format!("section/{section}.html"),
        ];
        if let Some(paginates) = uses(&own)
            && paginates != default
        {
            sections.insert(section, per(paginates));
        }
    }
    Some(ListPagination {
        default: per(default),
        sections,
        templates,
    })
}

impl ListPagination {
    /// Posts per page of the lists of the top-level section `section` (0: one page).
    pub fn per_page(&self, section: &str) -> usize {
        self.sections.get(section).copied().unwrap_or(self.default)
    }

    /// The `page/N/` addresses Hugo wrote for the paginated lists of
    /// `content`: `page/1/` (a redirect to the list) and one per further
    /// page, counting what `.Paginator` counts (the section's pages and
    /// subsections).
    pub fn urls(&self, content: &crate::content::Content) -> Vec<String> {
        use crate::content::PageKind;
        let mut urls = Vec::new();
        for list in content.pages.iter().filter(|p| p.kind == PageKind::Section) {
            let per_page = self.per_page(list.top_section());
            if per_page == 0 {
                continue;
            }
            let dir = list.section_dir.as_str();
            let entries = content
                .pages
                .iter()
                .filter(|p| match p.kind {
                    PageKind::Page => p.section_dir == dir,
                    PageKind::Section => {
                        p.section_dir
                            .rsplit_once('/')
                            .map_or("", |(parent, _)| parent)
                            == dir
                    }
                    PageKind::Home => false,
                })
                .count();
            let pages = entries.div_ceil(per_page).max(1);
            urls.extend((1..=pages).map(|n| format!("{}page/{n}/", list.path)));
        }
        urls
    }
}

/// `layouts/` of the site, then of its theme(s), as Hugo looks them up.
fn layout_roots(hugo_dir: &Path, config: &HugoConfig) -> Vec<PathBuf> {
    let themes: Vec<String> = match config.get("theme") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    let themes_dir = config.text("themesdir").unwrap_or_else(|| "themes".into());
    std::iter::once(hugo_dir.join("layouts"))
        .chain(
            themes
                .iter()
                .filter(|t| !t.contains("..") && !t.starts_with('/'))
                .map(|t| hugo_dir.join(&themes_dir).join(t).join("layouts")),
        )
        .collect()
}

/// Folders of `layouts/` that hold a list template for a section of that name.
fn section_folders(roots: &[PathBuf]) -> Vec<String> {
    let mut names: Vec<String> = roots
        .iter()
        .flat_map(|r| std::fs::read_dir(r).into_iter().flatten().flatten())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            ![
                "_default",
                "partials",
                "shortcodes",
                "section",
                "taxonomy",
                "term",
            ]
            .contains(&n.as_str())
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn read(dir: &Path) -> Option<ListPagination> {
        list_pagination(dir, &HugoConfig::read(dir).unwrap())
    }

    #[test]
    fn doks_lists_without_a_paginator_show_everything_and_one_section_paginates() {
        let dir = site(&[
            ("config.toml", "paginate = 3\ntheme = 'doks'\n"),
            (
                "themes/doks/layouts/_default/list.html",
                "{{ range .Pages }}{{ end }}",
            ),
            (
                "layouts/blog/list.html",
                "{{ range .Paginator.Pages }}{{ end }}",
            ),
            ("layouts/docs/list.html", "{{ range .Pages }}{{ end }}"),
        ]);
        let p = read(dir.path()).unwrap();
        assert_eq!(p.default, 0);
        assert_eq!(p.sections, BTreeMap::from([("blog".to_string(), 3)]));
    }

    #[test]
    fn a_paginated_general_list_keeps_hugos_default_of_ten() {
        let dir = site(&[
            ("config.toml", "title = 'T'\n"),
            ("layouts/_default/list.html", "{{ $p := .Paginate .Pages }}"),
        ]);
        assert_eq!(read(dir.path()).unwrap().default, 10);
    }

    #[test]
    fn no_list_template_is_none() {
        let dir = site(&[("config.toml", "theme = 'elders'\n")]);
        assert_eq!(read(dir.path()), None);
    }
}
