//! Reads the `content/` folder: every Markdown file becomes a [`Page`], other
//! files become resources copied next to the pages that use them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;

use super::fingerprint::hash_of;
use super::front_matter;
use super::page::{Page, PageKind, section_path};
use super::permalinks::{PageFile, UrlSettings, alias_paths, page_url};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::output::slash_path;

/// A file from `content/` that is not Markdown and is copied to the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Where it is on disk.
    pub source: PathBuf,
    /// Where it goes in the output, relative to the output root (e.g. `nieuws/foto/kaart.svg`).
    pub target: String,
}

/// Everything read from `content/`.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Published pages: home first, then in file order.
    pub pages: Vec<Page>,
    /// Files to copy.
    pub resources: Vec<Resource>,
    /// Problems that do not stop the build (a front-matter key that looks misspelt).
    pub warnings: Diagnostics,
}

/// Reads all content below `site_root/content`.
///
/// Drafts, pages published after `now` and expired pages are left out unless
/// `include_drafts`. Collects every problem (front matter, two pages with one
/// URL) before failing.
pub fn load_content(
    site_root: &Path,
    now: DateTime<FixedOffset>,
    include_drafts: bool,
) -> Result<Content, Diagnostics> {
    load_content_from(
        site_root,
        &site_root.join("content"),
        &UrlSettings::default(),
        now,
        include_drafts,
        DEFAULT_MAX_PAGE_BYTES,
    )
}

/// Reads all content below `content_dir` (Hugo's `contentDir`, e.g.
/// `content/nl`), placing pages by the site's URL settings. Symbolic links
/// are followed only while they stay inside `site_root`.
pub fn load_content_from(
    site_root: &Path,
    content_dir: &Path,
    urls: &UrlSettings,
    now: DateTime<FixedOffset>,
    include_drafts: bool,
    max_page_bytes: u64,
) -> Result<Content, Diagnostics> {
    load_content_cached(
        site_root,
        &ContentFolder {
            path: content_dir,
            language: None,
        },
        urls,
        now,
        include_drafts,
        max_page_bytes,
        None,
    )
}

/// The largest content file read when the site sets no `max_page_mb`:
/// 10 MB, a hundred times the longest real article.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 10 * 1024 * 1024;

/// Pages as read on an earlier load, so that `serve` parses again only the
/// files whose text changed. An entry is used while the file's text and the
/// site's sections and page bundles are the same.
#[derive(Debug, Default)]
pub struct ContentCache {
    pages: HashMap<PathBuf, (u64, Page, Diagnostics)>,
}

/// A content folder as one language reads it.
#[derive(Debug, Clone, Copy)]
pub struct ContentFolder<'a> {
    /// The folder (`content`, `content/en`).
    pub path: &'a Path,
    /// When languages share the folder: which of its files are this
    /// language's (see [`FileLanguage`]).
    pub language: Option<&'a FileLanguage>,
}

/// Which files of a shared content folder belong to one language, as in
/// Hugo's translation by file name: `over.en.md` is English, `over.md` the
/// default language's; other files (pictures) belong to every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLanguage {
    /// The language's code (`en`).
    pub code: String,
    /// True for the default language, which also reads files without a
    /// language in their name.
    pub is_default: bool,
    /// The codes of every language of the site.
    pub codes: Vec<String>,
}

impl FileLanguage {
    /// The path this language reads the file `rel` as (`nieuws/x.en.md` →
    /// `nieuws/x.md` for `en`), or None when it is another language's.
    pub fn own(&self, rel: &str) -> Option<String> {
        let Some(stem) = rel.strip_suffix(".md") else {
            return Some(rel.to_string());
        };
        let file_stem = stem.rsplit('/').next().unwrap_or(stem);
        if let Some((_, code)) = file_stem.rsplit_once('.')
            && self.codes.iter().any(|c| c.eq_ignore_ascii_case(code))
        {
            return code
                .eq_ignore_ascii_case(&self.code)
                .then(|| format!("{}.md", &stem[..stem.len() - code.len() - 1]));
        }
        self.is_default.then(|| rel.to_string())
    }
}

/// [`load_content_from`], taking unchanged pages from `cache` and leaving
/// the pages of this load in it.
pub fn load_content_cached(
    site_root: &Path,
    folder: &ContentFolder<'_>,
    urls: &UrlSettings,
    now: DateTime<FixedOffset>,
    include_drafts: bool,
    max_page_bytes: u64,
    cache: Option<&mut ContentCache>,
) -> Result<Content, Diagnostics> {
    let content_dir = folder.path.to_path_buf();
    let mut diags = Diagnostics::new();
    if !content_dir.is_dir() {
        return Err(Diagnostic::error(
            "content-folder-missing",
            &content_dir,
            0,
            0,
            msg!("the site has no content folder", "de site heeft geen map content"),
        )
        .with_hint(msg!(
            "create a folder `content` in the site folder with at least `_index.md` for the home page",
            "maak in de map van de site een map `content` met daarin minstens `_index.md` voor de homepagina"
        ))
        .into());
    }
    let all_files = super::walk::site_files(&content_dir, site_root, &mut diags);
    // With languages sharing the folder, a page bundle of another language
    // keeps its pictures: they are not this language's section's files.
    let foreign_bundles: BTreeSet<String> = match folder.language {
        Some(language) => all_files
            .iter()
            .map(|p| slash_path(&content_dir, p))
            .filter_map(|rel| {
                let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel.as_str()));
                let is_index = name == "index.md"
                    || name
                        .strip_prefix("index.")
                        .and_then(|n| n.strip_suffix(".md"))
                        .is_some_and(|code| {
                            language.codes.iter().any(|c| c.eq_ignore_ascii_case(code))
                        });
                (is_index && language.own(&rel).is_none()).then(|| dir.to_string())
            })
            .collect(),
        None => BTreeSet::new(),
    };
    let files: Vec<(PathBuf, String)> = all_files
        .into_iter()
        .filter_map(|p| {
            let rel = slash_path(&content_dir, &p);
            match folder.language {
                Some(language) => language.own(&rel).map(|rel| (p, rel)),
                None => Some((p, rel)),
            }
        })
        .collect();
    let own_bundles: BTreeSet<String> = files
        .iter()
        .filter(|(_, rel)| rel == "index.md" || rel.ends_with("/index.md"))
        .map(|(_, rel)| {
            rel.trim_end_matches("index.md")
                .trim_end_matches('/')
                .to_string()
        })
        .collect();
    let files: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter(|(_, rel)| {
            !foreign_bundles.iter().any(|b| {
                !own_bundles.contains(b) && !b.is_empty() && (rel.starts_with(&format!("{b}/")))
            })
        })
        .collect();
    let bundle_dirs: BTreeSet<String> = files
        .iter()
        .map(|(_, rel)| rel.clone())
        .filter(|rel| rel == "index.md" || rel.ends_with("/index.md"))
        .map(|rel| {
            rel.trim_end_matches("index.md")
                .trim_end_matches('/')
                .to_string()
        })
        .collect();
    let section_dirs: BTreeSet<String> = files
        .iter()
        .map(|(_, rel)| rel.clone())
        .filter(|rel| rel.ends_with("_index.md"))
        .map(|rel| {
            rel.trim_end_matches("_index.md")
                .trim_end_matches('/')
                .to_string()
        })
        .collect();

    let mut pages = Vec::new();
    let mut resources = Vec::new();
    let mut markdown_dirs: BTreeSet<String> = BTreeSet::new();
    // First sort the files out; then read and parse the Markdown files on
    // all cores, and take the results (and their diagnostics) in file order.
    let mut markdown: Vec<(&PathBuf, String)> = Vec::new();
    for (file, rel) in &files {
        let rel = rel.clone();
        let dir = rel
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        let owning_bundle = bundle_dirs
            .iter()
            .find(|b| !b.is_empty() && (dir == **b || dir.starts_with(&format!("{b}/"))));
        if !rel.ends_with(".md") {
            let target = match owning_bundle {
                Some(bundle) => {
                    // Placed next to the bundle's page, which may have a slug; fixed up below.
                    format!("{{bundle:{bundle}}}{}", &rel[bundle.len()..])
                }
                None => branch_resource_target(&rel, &section_dirs),
            };
            resources.push(Resource {
                source: file.clone(),
                target,
            });
            continue;
        }
        if let Some(bundle) = owning_bundle
            && rel != format!("{bundle}/index.md")
        {
            diags.push(
                Diagnostic::warning(
                    "content-file-in-bundle",
                    file,
                    0,
                    0,
                    msg!(
                        "this Markdown file is inside a page bundle and is not published as a page",
                        "dit Markdown-bestand staat in een paginabundel en wordt niet als pagina gepubliceerd"
                    ),
                )
                .with_hint(msg!(
                    "a folder with index.md ({bundle}/index.md) is one page; move this file out of it, or rename index.md to _index.md to make the folder a section",
                    "een map met index.md ({bundle}/index.md) is één pagina; haal dit bestand eruit, of hernoem index.md naar _index.md om van de map een sectie te maken"
                )),
            );
            continue;
        }
        markdown_dirs.insert(dir);
        markdown.push((file, rel));
    }
    let layout_key = hash_of(&(&section_dirs, &bundle_dirs));
    let cached = cache.as_deref().map(|c| &c.pages);
    let read: Vec<(Result<Page, Diagnostics>, Diagnostics, u64)> = markdown
        .par_iter()
        .map(|(file, rel)| {
            if let Some(too_big) = too_big(file, max_page_bytes) {
                return (Err(too_big.into()), Diagnostics::new(), 0);
            }
            let text = match std::fs::read_to_string(file) {
                Ok(text) => text,
                Err(e) => {
                    let error = Diagnostic::error(
                        "content-file-unreadable",
                        *file,
                        0,
                        0,
                        msg!(
                            "cannot read this file: {e}",
                            "dit bestand kan niet gelezen worden: {e}"
                        ),
                    )
                    .with_hint(msg!(
                        "content files must be UTF-8 text",
                        "bestanden in content moeten UTF-8-tekst zijn"
                    ));
                    return (Err(error.into()), Diagnostics::new(), 0);
                }
            };
            let key = hash_of(&(&text, rel, layout_key));
            if let Some((_, page, warnings)) = cached
                .and_then(|c| c.get(*file))
                .filter(|(k, _, _)| *k == key)
            {
                return (Ok(page.clone()), warnings.clone(), key);
            }
            let mut warnings = Diagnostics::new();
            let page = read_page(
                file,
                rel,
                text,
                &section_dirs,
                &bundle_dirs,
                urls,
                &mut warnings,
            );
            (page, warnings, key)
        })
        .collect();
    let mut entries = HashMap::new();
    for (page, warnings, key) in read {
        if cache.is_some()
            && let Ok(page) = &page
            && let Some(file) = &page.file
        {
            entries.insert(file.clone(), (key, page.clone(), warnings.clone()));
        }
        diags.extend(warnings);
        match page {
            Ok(page) => {
                if page.kind == PageKind::Home
                    || page.kind == PageKind::Section
                    || page.is_published(now, include_drafts)
                {
                    pages.push(page);
                }
            }
            Err(e) => diags.extend(e),
        }
    }
    if let Some(cache) = cache {
        cache.pages = entries;
    }
    // Top-level folders are sections even without _index.md, as in Hugo.
    for dir in &markdown_dirs {
        let top = dir.split('/').next().unwrap_or("");
        if !top.is_empty()
            && !section_dirs.contains(top)
            && !bundle_dirs.contains(top)
            && !pages
                .iter()
                .any(|p| p.kind == PageKind::Section && p.section_dir == top)
        {
            pages.push(Page {
                kind: PageKind::Section,
                file: None,
                rel: format!("{top}/_index.md"),
                section_dir: top.to_string(),
                front: Default::default(),
                body: String::new(),
                body_line: 1,
                path: section_path(top).map(|p| p.to_string()).unwrap_or_default(),
                bundle_dir: None,
                source_key: 0,
            });
        }
    }
    if !pages.iter().any(|p| p.kind == PageKind::Home) {
        // In a folder that languages share, each language's home has its
        // code in its name (`_index.en.md`).
        let (file, message) = match folder.language.filter(|l| !l.is_default) {
            Some(l) => {
                let code = &l.code;
                (
                    format!("_index.{code}.md"),
                    msg!(
                        "the home page in language `{code}` is missing",
                        "de homepagina in de taal `{code}` ontbreekt"
                    ),
                )
            }
            None => (
                "_index.md".to_string(),
                msg!("the home page is missing", "de homepagina ontbreekt"),
            ),
        };
        let path = content_dir.join(&file);
        let shown = path.display();
        diags.push(
            Diagnostic::error("content-home-missing", &path, 0, 0, message).with_hint(msg!(
                "create {shown} with a title and an introduction",
                "maak {shown} met een titel en een inleiding"
            )),
        );
    }
    // Bundle resources follow their page's URL.
    for resource in &mut resources {
        if let Some(rest) = resource.target.strip_prefix("{bundle:") {
            let (bundle, tail) = rest.split_once('}').unwrap_or((rest, ""));
            let base = pages
                .iter()
                .find(|p| p.bundle_dir.is_some() && p.rel == format!("{bundle}/index.md"))
                .and_then(|p| crate::site_path::SitePath::parse(&p.path).ok())
                .map(|p| {
                    // Plain names, not the percent-encoded link form. With
                    // uglyURLs, `/a/b.html`'s files are in `/a/b/`, as in Hugo.
                    let mut names = p.segments().to_vec();
                    if !p.is_folder()
                        && let Some(last) = names.last_mut()
                        && let Some(stem) = last.strip_suffix(".html")
                    {
                        *last = stem.to_string();
                    }
                    let folder = names.join("/");
                    if folder.is_empty() {
                        folder
                    } else {
                        format!("{folder}/")
                    }
                })
                .unwrap_or_else(|| format!("{}/", bundle.to_lowercase()));
            resource.target = format!("{base}{}", tail.trim_start_matches('/'));
        }
    }
    // The home page first, then sections, then pages, each in file order.
    pages.sort_by_key(|p| {
        (
            p.kind != PageKind::Home,
            p.kind != PageKind::Section,
            p.rel.clone(),
        )
    });
    check_unique_paths(&pages, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(Content {
            pages,
            resources,
            warnings: diags,
        })
    }
}

/// A content file larger than the limit, as a diagnostic (it is not read).
fn too_big(file: &Path, max_bytes: u64) -> Option<Diagnostic> {
    let size = std::fs::metadata(file).ok()?.len();
    (size > max_bytes).then(|| {
        let mb = |bytes: u64| bytes.div_ceil(1024 * 1024);
        let (size, max) = (mb(size), mb(max_bytes));
        Diagnostic::error(
            "content-page-too-big",
            file,
            0,
            0,
            msg!(
                "this page is {size} MB, more than the {max} MB a page may have; it is not read",
                "deze pagina is {size} MB, meer dan de {max} MB die een pagina mag hebben; hij wordt niet gelezen"
            ),
        )
        .with_hint(msg!(
            "split the page, move large data to `static/`, or raise `max_page_mb` in site.toml",
            "splits de pagina, zet grote gegevens in `static/`, of verhoog `max_page_mb` in site.toml"
        ))
    })
}

fn read_page(
    file: &Path,
    rel: &str,
    text: String,
    section_dirs: &BTreeSet<String>,
    bundle_dirs: &BTreeSet<String>,
    urls: &UrlSettings,
    warnings: &mut Diagnostics,
) -> Result<Page, Diagnostics> {
    if let Some(offset) = text.find('\0') {
        let (line, column) = crate::diagnostics::line_col(&text, offset);
        return Err(Diagnostic::error(
            "content-nul-byte",
            file,
            line,
            column,
            msg!(
                "this file contains a NUL byte (an invisible character); the text after it would be lost",
                "dit bestand bevat een NUL-byte (een onzichtbaar teken); de tekst erna zou verloren gaan"
            ),
        )
        .with_hint(msg!(
            "remove the character: retype the line, or save the file again as plain UTF-8 text",
            "haal het teken weg: typ de regel opnieuw, of sla het bestand opnieuw op als gewone UTF-8-tekst"
        ))
        .into());
    }
    let split = front_matter::split(file, &text).map_err(Diagnostics::from)?;
    let (mut front, front_warnings) = front_matter::parse_with_warnings(file, &split)?;
    warnings.extend(front_warnings);
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    let dir = rel
        .rsplit_once('/')
        .map(|(d, _)| d.to_string())
        .unwrap_or_default();
    let (kind, section_dir, bundle_dir) = if rel == "_index.md" {
        (PageKind::Home, String::new(), None)
    } else if file_name == "_index.md" {
        (PageKind::Section, dir.clone(), None)
    } else if file_name == "index.md" && bundle_dirs.contains(&dir) {
        let parent = dir
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        (
            PageKind::Page,
            nearest_section(&parent, section_dirs),
            Some(file.parent().unwrap_or(file).to_path_buf()),
        )
    } else {
        (PageKind::Page, nearest_section(&dir, section_dirs), None)
    };
    let page_file = PageFile {
        kind,
        rel,
        bundle: bundle_dir.is_some(),
        front: &front,
    };
    let site_path = page_url(urls, &page_file).map_err(|e| {
        let reason = e.message;
        Diagnostic::error(
            "content-file-unpublishable",
            file,
            0,
            0,
            msg!(
                "this file cannot be published: {reason}",
                "dit bestand kan niet gepubliceerd worden: {reason}";
                reason
            ),
        )
        .with_hint(msg!(
            "rename the file or folder to plain names, or set `slug:` or `url:`",
            "geef het bestand of de map een gewone naam, of zet `slug:` of `url:`"
        ))
    })?;
    front.aliases = alias_paths(urls, kind, &site_path, &front.aliases);
    let path = site_path.to_string();
    Ok(Page {
        kind,
        file: Some(file.to_path_buf()),
        rel: rel.to_string(),
        section_dir,
        body: split.body.to_string(),
        body_line: split.body_line,
        front,
        path,
        bundle_dir,
        source_key: hash_of(&text),
    })
}

/// Where a file outside page bundles goes, as in Hugo: it belongs to the
/// closest section with `_index.md` (a branch bundle, or the home page), so
/// it is published below that section's URL with its own name kept as written
/// (`docs/Uitleg/Schema Groot.svg` → `docs/uitleg/Schema Groot.svg`).
fn branch_resource_target(rel: &str, section_dirs: &BTreeSet<String>) -> String {
    let mut dir = rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    loop {
        if !dir.is_empty() && section_dirs.contains(dir) {
            let prefix = section_path(dir)
                .map(|p| p.segments().join("/"))
                .unwrap_or_else(|_| dir.to_string());
            return format!("{prefix}/{}", &rel[dir.len() + 1..]);
        }
        match dir.rsplit_once('/') {
            Some((parent, _)) => dir = parent,
            None => return rel.to_string(),
        }
    }
}

/// The folder of the closest section that contains `dir`: a folder with
/// `_index.md`, or else the top-level folder.
fn nearest_section(dir: &str, section_dirs: &BTreeSet<String>) -> String {
    let mut current = dir.to_string();
    loop {
        if section_dirs.contains(&current) && !current.is_empty() {
            return current;
        }
        match current.rsplit_once('/') {
            Some((parent, _)) => current = parent.to_string(),
            None => return dir.split('/').next().unwrap_or("").to_string(),
        }
    }
}

/// Reports two pages (or a page and an alias) that claim one URL. The
/// diagnostic goes to the page whose `url:`, `slug:` or `aliases:` made the
/// clash, on that line, and names the other file.
fn check_unique_paths(pages: &[Page], diags: &mut Diagnostics) {
    struct Claim<'p> {
        page: &'p Page,
        field: &'static str,
        explicit: bool,
    }
    let mut seen: BTreeMap<String, Claim<'_>> = BTreeMap::new();
    for page in pages {
        let own_field = if page.front.url.is_some() {
            "url"
        } else {
            "slug"
        };
        let mut claims = vec![(
            page.path.clone(),
            Claim {
                page,
                field: own_field,
                explicit: page.front.url.is_some() || page.front.slug.is_some(),
            },
        )];
        claims.extend(page.front.aliases.iter().map(|a| {
            (
                a.to_string(),
                Claim {
                    page,
                    field: "aliases",
                    explicit: true,
                },
            )
        }));
        for (path, claim) in claims {
            let Some(first) = seen.get(&path) else {
                seen.insert(path, claim);
                continue;
            };
            let (at, other) = if claim.explicit || !first.explicit {
                (&claim, first)
            } else {
                (first, &claim)
            };
            let file = at
                .page
                .file
                .clone()
                .unwrap_or_else(|| PathBuf::from(&at.page.rel));
            let other_file = other
                .page
                .file
                .as_ref()
                .map(|f| f.display().to_string())
                .unwrap_or_else(|| other.page.rel.clone());
            let line = at
                .explicit
                .then(|| std::fs::read_to_string(&file).ok())
                .flatten()
                .and_then(|text| {
                    text.lines()
                        .position(|l| {
                            let l = l.trim_start().trim_start_matches('"');
                            l.starts_with(at.field)
                        })
                        .map(|i| i + 1)
                });
            diags.push(
                Diagnostic::error(
                    "page-url-duplicate",
                    &file,
                    line.unwrap_or(0),
                    if line.is_some() { 1 } else { 0 },
                    msg!(
                        "two pages have the URL {path}: this one and {other_file}",
                        "twee pagina's hebben het adres {path}: deze en {other_file}"
                    ),
                )
                .with_hint(msg!(
                    "give one of them another file name, or set a different `slug:` or `url:` in its front matter",
                    "geef een van beide een andere bestandsnaam, of zet een andere `slug:` of `url:` in de front matter"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn now() -> DateTime<FixedOffset> {
        super::super::dates::parse_date("2026-01-01").unwrap()
    }

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "_index.md", "---\ntitle: Home\n---\n");
        dir
    }

    #[test]
    fn reads_sections_pages_and_bundles() {
        let dir = site();
        write(dir.path(), "nieuws/_index.md", "---\ntitle: Nieuws\n---\n");
        write(
            dir.path(),
            "nieuws/Eerste Post.md",
            "---\ntitle: A\ndate: 2025-01-01\n---\n",
        );
        write(
            dir.path(),
            "nieuws/foto/index.md",
            "---\ntitle: B\nslug: beeld\n---\n",
        );
        std::fs::write(dir.path().join("content/nieuws/foto/kaart.svg"), "<svg/>").unwrap();
        write(
            dir.path(),
            "docs/uitleg/_index.md",
            "---\ntitle: Uitleg\n---\n",
        );
        write(dir.path(), "docs/uitleg/wat.md", "---\ntitle: Wat\n---\n");
        let content = load_content(dir.path(), now(), false).unwrap();
        let paths: Vec<_> = content
            .pages
            .iter()
            .map(|p| (p.path.as_str(), p.section_dir.as_str()))
            .collect();
        assert!(paths.contains(&("/", "")));
        assert!(paths.contains(&("/nieuws/eerste-post/", "nieuws")));
        assert!(paths.contains(&("/nieuws/beeld/", "nieuws")));
        assert!(
            paths.contains(&("/docs/", "docs")),
            "auto section: {paths:?}"
        );
        assert!(paths.contains(&("/docs/uitleg/wat/", "docs/uitleg")));
        assert_eq!(content.resources[0].target, "nieuws/beeld/kaart.svg");
        let sections: BTreeSet<String> = ["docs/Uitleg".to_string()].into();
        assert_eq!(
            branch_resource_target("docs/Uitleg/img/Schema Groot.svg", &sections),
            "docs/uitleg/img/Schema Groot.svg"
        );
        assert_eq!(
            branch_resource_target("Los/Bestand.PDF", &sections),
            "Los/Bestand.PDF"
        );
    }

    #[test]
    fn drafts_and_future_posts_are_left_out() {
        let dir = site();
        write(
            dir.path(),
            "nieuws/concept.md",
            "---\ntitle: C\ndraft: true\n---\n",
        );
        write(
            dir.path(),
            "nieuws/later.md",
            "---\ntitle: L\ndate: 2030-01-01\n---\n",
        );
        let content = load_content(dir.path(), now(), false).unwrap();
        assert!(
            !content
                .pages
                .iter()
                .any(|p| p.rel.contains("concept") || p.rel.contains("later"))
        );
        let with_drafts = load_content(dir.path(), now(), true).unwrap();
        assert!(with_drafts.pages.iter().any(|p| p.rel.contains("concept")));
    }

    #[test]
    fn two_pages_with_one_url_is_an_error() {
        let dir = site();
        write(dir.path(), "nieuws/a.md", "---\ntitle: A\n---\n");
        write(dir.path(), "nieuws/b.md", "---\ntitle: B\nslug: a\n---\n");
        let err = load_content(dir.path(), now(), false).unwrap_err();
        let d = &err.sorted()[0];
        assert!(
            d.message.contains("two pages have the URL /nieuws/a/"),
            "{d}"
        );
        assert_eq!(d.line, 3);
    }

    #[test]
    fn all_front_matter_errors_are_reported_together() {
        let dir = site();
        write(dir.path(), "a.md", "geen front matter\n");
        write(dir.path(), "b.md", "---\ndate: nooit\n---\n");
        let err = load_content(dir.path(), now(), false).unwrap_err();
        assert_eq!(err.error_count(), 2);
    }
}
