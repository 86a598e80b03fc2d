//! The report's page counts and URL table: every address Hugo published,
//! in every language it built, and how it answers in the new site.

use std::collections::BTreeSet;
use std::path::Path;

use super::config::HugoConfig;
use super::language_pages::LanguagePages;
use super::report::{Report, UrlKind, UrlRow};
use super::site_toml::Settings;
use crate::content::permalinks::{UrlSettings, ugly_text as ugly};
use crate::content::{Content, PageKind};
use crate::output::slash_path;

/// Counts of pages and every URL Hugo published, in every language it
/// built, with how it answers now.
pub fn count(
    report: &mut Report,
    hugo_dir: &Path,
    config: &HugoConfig,
    settings: &Settings,
    languages: &[LanguagePages],
    url_settings: &UrlSettings,
) {
    let (mut lists, mut regular, mut hidden) = (0, 0, 0);
    for l in languages {
        let n = l
            .content
            .pages
            .iter()
            .filter(|p| p.kind != PageKind::Page)
            .count();
        lists += n;
        regular += l.content.pages.len() - n;
        hidden += l.all_pages.pages.len() - l.content.pages.len();
    }
    report.page_counts = (lists, regular, hidden);
    let several = settings
        .languages
        .as_ref()
        .filter(|l| l.enabled().count() > 1);
    let mut rows = BTreeSet::new();
    for (i, l) in languages.iter().enumerate() {
        let place = Place {
            code: &l.code,
            prefix: &l.prefix,
            first: i == 0,
            several: several.is_some(),
        };
        hugo_urls(hugo_dir, &l.content, url_settings, &place, &mut rows);
        for url in taxonomy_urls(&l.content, &settings.taxonomies) {
            let url = format!("{}{url}", l.prefix);
            let url = if settings.ugly_urls && url.ends_with('/') {
                ugly(&url)
            } else {
                url
            };
            rows.insert(UrlRow {
                hugo: url.clone(),
                new: url,
                kind: UrlKind::Generated,
            });
        }
        // The further pages of lists Hugo paginated (`page/1/` is a redirect).
        for url in settings
            .list_pagination
            .iter()
            .flat_map(|p| p.urls(&l.content))
        {
            let url = format!("{}{url}", l.prefix);
            let (new, kind) = match url.strip_suffix("page/1/") {
                Some(list) => (list.to_string(), UrlKind::Alias),
                None => (url.clone(), UrlKind::Generated),
            };
            let (url, new) = if settings.ugly_urls {
                let new = if kind == UrlKind::Alias {
                    new
                } else {
                    ugly(&new)
                };
                (ugly(&url), new)
            } else {
                (url, new)
            };
            rows.insert(UrlRow {
                hugo: url,
                new,
                kind,
            });
        }
    }
    // With several languages built, Hugo's redirect between `/` and the
    // default language's folder.
    if let Some(langs) = several {
        let home = format!("/{}/", langs.default);
        let (from, to) = if langs.subdir_in_effect() {
            ("/".to_string(), home)
        } else {
            (home, "/".to_string())
        };
        rows.insert(UrlRow {
            hugo: from,
            new: to,
            kind: UrlKind::LanguageRedirect,
        });
    }
    report.urls = rows.into_iter().collect();
    if config.flag("disablealiases") {
        report.urls.retain(|u| u.kind != UrlKind::Alias);
    }
}

/// Where a language's URLs are: its code, what they start with, whether it
/// is the first language listed (the static files and the site's sitemap
/// are listed once), and whether Hugo built several languages.
struct Place<'a> {
    code: &'a str,
    prefix: &'a str,
    first: bool,
    several: bool,
}

/// Every URL Hugo published for this language's content, and how it answers
/// in the new site. Aliases are written as they are: Hugo publishes them
/// at the address given, without the language's prefix.
fn hugo_urls(
    hugo_dir: &Path,
    content: &Content,
    urls: &UrlSettings,
    place: &Place<'_>,
    rows: &mut BTreeSet<UrlRow>,
) {
    let prefix = place.prefix;
    let row = |hugo: String, new: String, kind| UrlRow { hugo, new, kind };
    let generated = |path: String| row(path.clone(), path, UrlKind::Generated);
    rows.insert(generated(format!("{prefix}/index.xml")));
    if place.several {
        // A sitemap per language in its folder (the default language's too,
        // when it is at the root), and `/sitemap.xml` the index of them.
        rows.insert(generated(format!("/{}/sitemap.xml", place.code)));
        rows.insert(generated("/sitemap.xml".into()));
    } else if place.first {
        rows.insert(generated("/sitemap.xml".into()));
    }
    if hugo_dir.join("layouts/404.html").is_file() {
        rows.insert(generated(format!("{prefix}/404.html")));
    }
    if content.pages.iter().all(|p| p.kind != PageKind::Home) {
        rows.insert(row(
            format!("{prefix}/"),
            format!("{prefix}/"),
            UrlKind::Page,
        ));
    }
    for page in &content.pages {
        let path = format!("{prefix}{}", page.path);
        let ugly_section = urls.ugly_urls && page.kind == PageKind::Section;
        if ugly_section {
            rows.insert(row(ugly(&path), path.clone(), UrlKind::Redirect));
        } else {
            rows.insert(row(path.clone(), path.clone(), UrlKind::Page));
        }
        if page.kind == PageKind::Section {
            rows.insert(generated(format!("{path}index.xml")));
        }
        for alias in &page.front.aliases {
            let alias = alias.to_string();
            if ugly_section && alias == ugly(&page.path) {
                continue;
            }
            rows.insert(row(alias, path.clone(), UrlKind::Alias));
        }
    }
    for resource in &content.resources {
        let path = format!("{prefix}/{}", resource.target);
        rows.insert(row(path.clone(), path, UrlKind::File));
    }
    if place.first {
        let static_dir = hugo_dir.join("static");
        // What is refused here was reported when `static/` was copied.
        for file in crate::confined::files(&static_dir, hugo_dir).files {
            let path = format!("/{}", slash_path(&static_dir, &file));
            rows.insert(row(path.clone(), path, UrlKind::File));
        }
    }
}

/// The taxonomy pages Hugo made (`/tags/`, `/tags/privacy/`, their feeds);
/// the new site makes them too.
fn taxonomy_urls(content: &Content, taxonomies: &[String]) -> Vec<String> {
    let mut urls = BTreeSet::new();
    for taxonomy in taxonomies {
        for page in &content.pages {
            let terms: Vec<String> = match page.front.params.get(taxonomy) {
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                Some(serde_json::Value::String(s)) => vec![s.clone()],
                _ => Vec::new(),
            };
            for term in terms {
                let base = crate::site_path::Slug::urlize(taxonomy);
                urls.insert(format!("/{base}/"));
                urls.insert(format!("/{base}/index.xml"));
                urls.insert(format!(
                    "/{base}/{}/",
                    crate::site_path::Slug::urlize(&term)
                ));
                urls.insert(format!(
                    "/{base}/{}/index.xml",
                    crate::site_path::Slug::urlize(&term)
                ));
            }
        }
    }
    urls.into_iter().collect()
}
