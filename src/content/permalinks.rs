//! Hugo's URL settings for content pages: `permalinks` patterns per section
//! (`:year`, `:month`, `:day`, `:slug`, `:title`, `:filename`, `:section`) and
//! `uglyURLs` (`/a/b.html` instead of `/a/b/`).
//!
//! Migrated Hugo sites keep every address only if pages land exactly where
//! Hugo put them, so [`page_url`] is the one place that turns a page's file,
//! front matter and these settings into its URL path.

use std::collections::BTreeMap;

use super::front_matter::FrontMatter;
use super::page::{PageKind, page_path, section_path};
use crate::site_path::{PathError, SitePath, Slug};

/// One part of a permalink pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Literal(String),
    Year,
    Month,
    Day,
    Slug,
    Title,
    Filename,
    Section,
}

/// A `:token` in a permalink pattern that is not one of the known parts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown permalink part `:{0}`; known parts are :year, :month, :day, :slug, :title, :filename and :section"
)]
pub struct UnknownPart(pub String);

/// A parsed permalink pattern such as `/nieuws/:year/:month/:slug/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permalink {
    parts: Vec<Part>,
}

impl Permalink {
    /// Reads a pattern; fails on an unknown `:token`.
    pub fn parse(pattern: &str) -> Result<Permalink, UnknownPart> {
        let mut parts = Vec::new();
        let mut rest = pattern;
        while !rest.is_empty() {
            match rest.find(':') {
                Some(0) => {
                    let end = rest[1..]
                        .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                        .map(|i| i + 1)
                        .unwrap_or(rest.len());
                    let token = &rest[1..end];
                    parts.push(match token {
                        "year" => Part::Year,
                        "month" => Part::Month,
                        "day" => Part::Day,
                        "slug" => Part::Slug,
                        "title" => Part::Title,
                        "filename" => Part::Filename,
                        "section" => Part::Section,
                        other => return Err(UnknownPart(other.to_string())),
                    });
                    rest = &rest[end..];
                }
                Some(i) => {
                    parts.push(Part::Literal(rest[..i].to_string()));
                    rest = &rest[i..];
                }
                None => {
                    parts.push(Part::Literal(rest.to_string()));
                    rest = "";
                }
            }
        }
        Ok(Permalink { parts })
    }
}

/// The URL settings of a site (from `site.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlSettings {
    /// Permalink pattern per top-level section folder.
    pub permalinks: BTreeMap<String, Permalink>,
    /// `/a/b.html` instead of `/a/b/`.
    pub ugly_urls: bool,
}

/// What [`page_url`] needs to know about a page.
pub struct PageFile<'a> {
    /// Home, section or page.
    pub kind: PageKind,
    /// The file's path below the content folder (`nieuws/x.md`).
    pub rel: &'a str,
    /// True for a page bundle (`<dir>/index.md`).
    pub bundle: bool,
    /// Its front matter.
    pub front: &'a FrontMatter,
}

/// The URL path of a page, as Hugo makes it: `url` wins, then the section's
/// permalink pattern, then the file's place with `slug` replacing its name;
/// with `uglyURLs`, regular pages end in `.html`. Fails when the file's or
/// folder's names cannot be part of a site path.
pub fn page_url(settings: &UrlSettings, file: &PageFile<'_>) -> Result<SitePath, PathError> {
    let dir = file
        .rel
        .rsplit_once('/')
        .map(|(d, _)| d)
        .unwrap_or_default();
    if let Some(url) = &file.front.url {
        return Ok(url.clone());
    }
    match file.kind {
        PageKind::Home => Ok(SitePath::root()),
        PageKind::Section => section_path(dir),
        PageKind::Page => {
            let section = file.rel.split_once('/').map(|(s, _)| s).unwrap_or_default();
            let path = match settings.permalinks.get(section) {
                Some(pattern) if !section.is_empty() => expand(pattern, file, section)?,
                _ => page_path(file.rel, file.front.slug.as_ref(), file.bundle)?,
            };
            Ok(if settings.ugly_urls {
                ugly(&path)
            } else {
                path
            })
        }
    }
}

/// The extra addresses Hugo gives a page under these settings: its aliases,
/// and with `uglyURLs` a section's `/section.html`. Aliases are made ugly too.
pub fn alias_paths(
    settings: &UrlSettings,
    kind: PageKind,
    path: &SitePath,
    aliases: &[SitePath],
) -> Vec<SitePath> {
    let mut out: Vec<SitePath> = aliases
        .iter()
        .map(|a| {
            if settings.ugly_urls {
                ugly(a)
            } else {
                a.clone()
            }
        })
        .collect();
    if settings.ugly_urls && kind == PageKind::Section {
        out.push(ugly(path));
    }
    out
}

/// `/a/b/` → `/a/b.html`; the home page and paths with a file extension stay.
pub fn ugly(path: &SitePath) -> SitePath {
    let segments = path.segments();
    match segments.last() {
        Some(last) if path.is_folder() && !last.contains('.') => {
            let mut names = segments.to_vec();
            let file = format!("{last}.html");
            names.pop();
            names.push(file);
            SitePath::from_segments(names, false).unwrap_or_else(|_| path.clone())
        }
        _ => path.clone(),
    }
}

/// [`ugly`] for a path written as text (a URL in a migration report); text
/// that is not a site path is returned unchanged.
pub fn ugly_text(path: &str) -> String {
    SitePath::parse(path)
        .map(|p| ugly(&p).to_string())
        .unwrap_or_else(|_| path.to_string())
}

fn expand(pattern: &Permalink, file: &PageFile<'_>, section: &str) -> Result<SitePath, PathError> {
    let front = file.front;
    let date = front.date.or(front.publish_date);
    let title = front.title.clone().unwrap_or_default();
    let stem = {
        let without = file.rel.trim_end_matches(".md");
        let without = if file.bundle {
            without.trim_end_matches("/index")
        } else {
            without
        };
        without.rsplit('/').next().unwrap_or(without).to_string()
    };
    let mut out = String::new();
    for part in &pattern.parts {
        match part {
            Part::Literal(text) => out.push_str(text),
            Part::Year => {
                out.push_str(&date.map(|d| d.format("%Y").to_string()).unwrap_or_default())
            }
            Part::Month => {
                out.push_str(&date.map(|d| d.format("%m").to_string()).unwrap_or_default())
            }
            Part::Day => {
                out.push_str(&date.map(|d| d.format("%d").to_string()).unwrap_or_default())
            }
            Part::Slug => out.push_str(&Slug::urlize(
                front.slug.as_ref().map(Slug::as_str).unwrap_or(&title),
            )),
            Part::Title => out.push_str(&Slug::urlize(&title)),
            Part::Filename => out.push_str(&Slug::urlize(&stem)),
            Part::Section => out.push_str(&Slug::urlize(section)),
        }
    }
    let segments: Vec<&str> = out.split('/').filter(|s| !s.is_empty()).collect();
    let folder = out.ends_with('/') || !segments.last().is_some_and(|l| l.contains('.'));
    SitePath::from_segments(segments, folder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::dates::parse_date;
    use test_case::test_case;

    fn front(title: &str, slug: Option<&str>, date: &str) -> FrontMatter {
        FrontMatter {
            title: Some(title.into()),
            slug: slug.map(|s| Slug::parse(s).unwrap()),
            date: parse_date(date),
            ..FrontMatter::default()
        }
    }

    fn settings(section: &str, pattern: &str, ugly_urls: bool) -> UrlSettings {
        UrlSettings {
            permalinks: [(section.to_string(), Permalink::parse(pattern).unwrap())].into(),
            ugly_urls,
        }
    }

    #[test_case("/nieuws/:year/:month/:slug/", "nieuws/a.md", None, "/nieuws/2025/09/deens-compromis-weer-scannen/"; "slug falls back to the title")]
    #[test_case("/nieuws/:year/:month/:slug/", "nieuws/a.md", Some("Eigen Slug"), "/nieuws/2025/09/eigen-slug/"; "slug")]
    #[test_case("/:section/:filename/", "nieuws/Mijn Bericht.md", None, "/nieuws/mijn-bericht/"; "filename")]
    #[test_case("/:section/:filename/", "nieuws/foto/index.md", None, "/nieuws/foto/"; "bundle filename is the folder")]
    #[test_case("/:year/:title", "nieuws/a.md", None, "/2025/deens-compromis-weer-scannen/"; "title without trailing slash")]
    #[test_case("/:year/:month/:day/:filename.html", "nieuws/a.md", None, "/2025/09/12/a.html"; "file extension")]
    fn expands_patterns(pattern: &str, rel: &str, slug: Option<&str>, expected: &str) {
        let fm = front("Deens compromis: weer scannen!", slug, "2025-09-12");
        let file = PageFile {
            kind: PageKind::Page,
            rel,
            bundle: rel.ends_with("/index.md"),
            front: &fm,
        };
        assert_eq!(
            page_url(&settings("nieuws", pattern, false), &file)
                .unwrap()
                .to_string(),
            expected
        );
    }

    #[test]
    fn unknown_token_is_named() {
        let err = Permalink::parse("/:jaar/:slug/").unwrap_err();
        assert_eq!(err, UnknownPart("jaar".into()));
        assert_eq!(
            err.to_string(),
            "unknown permalink part `:jaar`; known parts are :year, :month, :day, :slug, :title, :filename and :section"
        );
    }

    #[test]
    fn other_sections_and_url_ignore_the_pattern() {
        let s = settings("nieuws", "/x/:slug/", false);
        let fm = front("T", None, "2025-01-01");
        let file = PageFile {
            kind: PageKind::Page,
            rel: "docs/a.md",
            bundle: false,
            front: &fm,
        };
        assert_eq!(page_url(&s, &file).unwrap().to_string(), "/docs/a/");
        let fm = FrontMatter {
            url: Some(SitePath::parse("/actie/").unwrap()),
            ..fm
        };
        let file = PageFile {
            kind: PageKind::Page,
            rel: "nieuws/a.md",
            bundle: false,
            front: &fm,
        };
        assert_eq!(page_url(&s, &file).unwrap().to_string(), "/actie/");
    }

    #[test]
    fn ugly_urls_end_in_html_and_sections_get_an_alias() {
        let s = UrlSettings {
            ugly_urls: true,
            ..UrlSettings::default()
        };
        let fm = front("T", None, "2025-01-01");
        let file = PageFile {
            kind: PageKind::Page,
            rel: "docs/help/contact.md",
            bundle: false,
            front: &fm,
        };
        assert_eq!(
            page_url(&s, &file).unwrap().to_string(),
            "/docs/help/contact.html"
        );
        let p = |t: &str| SitePath::parse(t).unwrap();
        let aliases: Vec<String> = alias_paths(
            &s,
            PageKind::Section,
            &p("/docs/"),
            &[p("/faq/"), p("/oud.html")],
        )
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(aliases, ["/faq.html", "/oud.html", "/docs.html"]);
        assert_eq!(ugly(&SitePath::root()).to_string(), "/");
    }
}
