//! Reads `site.toml`, the one settings file of a site folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::base_url::BaseUrl;
use crate::content::permalinks::{Permalink, UrlSettings};
use crate::data_file::toml_mistakes;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
pub use crate::language_table::{Language, LanguageConfig};
use crate::msg;
pub use crate::settings_rules::{MenuEntry, check_menus, is_inside, is_language_tag, key_position};

/// The settings of a site, from `site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in the header and in titles.
    pub title: String,
    /// The public address as written in site.toml; read through
    /// [`SiteConfig::base_url`], which holds it parsed.
    #[serde(alias = "baseURL", rename = "base_url")]
    base_url_text: String,
    /// The public address the site is served from, e.g. `https://chatcontrole.nl/`.
    #[serde(skip, default = "BaseUrl::unset")]
    pub base_url: BaseUrl,
    /// Language tag (BCP 47) for `<html lang>`, feeds and `og:locale`,
    /// e.g. `nl` or `nl-NL`.
    #[serde(default = "default_language", alias = "languageCode")]
    pub language: String,
    /// Default description for pages that have none.
    #[serde(default)]
    pub description: String,
    /// The site's default image for social previews (`og:image`), used by
    /// pages without an image of their own: a site path such as
    /// `/images/logo.png` (checked to exist in `static/` or the content
    /// folder) or a full http(s) address.
    #[serde(default)]
    pub image: Option<String>,
    /// How many items a feed holds (Hugo's `rssLimit`); 0 means all.
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// The section whose newest posts the home page shows and whose posts are articles.
    #[serde(default = "default_main_section")]
    pub main_section: String,
    /// Sections included in the offline search index.
    #[serde(default = "default_search_sections")]
    pub search_sections: Vec<String>,
    /// Posts per list page; 0 puts every post on one page.
    #[serde(default = "default_paginate")]
    pub paginate: usize,
    /// Posts per list page for some top-level sections (`docs = 0`),
    /// overriding `paginate` for them and their subsections.
    #[serde(default)]
    pub section_paginate: std::collections::BTreeMap<String, usize>,
    /// Menus by name (`main`, `footer`, ...).
    #[serde(default)]
    pub menu: std::collections::BTreeMap<String, Vec<MenuEntry>>,
    /// Sections whose menu of the same name is built from the section's own
    /// subsections and pages, in Hugo's page order, as the Doks theme's
    /// `params.menu.section.auto` builds its sidebar; front-matter `menu:`
    /// blocks for that menu are not used.
    #[serde(default)]
    pub section_menus: Vec<String>,
    /// Free-form values for templates.
    #[serde(default)]
    pub params: toml::Table,
    /// Where the Markdown pages are, below the site folder (Hugo's
    /// `contentDir`), e.g. `content/nl` for a Hugo site with language folders.
    #[serde(default = "default_content_dir", alias = "contentDir")]
    pub content_dir: String,
    /// Hugo permalink patterns per top-level section, e.g.
    /// `nieuws = "/nieuws/:year/:month/:slug/"`.
    #[serde(default)]
    pub permalinks: std::collections::BTreeMap<String, String>,
    /// Pages at `/a/b.html` instead of `/a/b/` (Hugo's `uglyURLs`).
    #[serde(default, alias = "uglyURLs")]
    pub ugly_urls: bool,
    /// Front-matter fields that get taxonomy pages (`/tags/`, `/tags/<term>/`),
    /// as in Hugo; none by default.
    #[serde(default)]
    pub taxonomies: Vec<String>,
    /// The largest content file, in MB, that the build reads (10 by
    /// default); a larger one is an error instead of gigabytes of memory.
    #[serde(default = "default_max_page_mb")]
    pub max_page_mb: u64,
    /// How Markdown is rendered (`[markdown]`).
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// What `check` holds the site's facts to (`[check]`).
    #[serde(default)]
    pub check: CheckConfig,
    /// `permalinks` and `ugly_urls` parsed once, when the settings are read.
    #[serde(skip)]
    pub urls: UrlSettings,
    /// The default language's code (Hugo's `defaultContentLanguage`); the
    /// primary subtag of `language` when not given.
    #[serde(default, alias = "defaultContentLanguage")]
    pub default_content_language: Option<String>,
    /// Puts the default language under `/<code>/` too, with a redirect from
    /// `/` (Hugo's `defaultContentLanguageInSubdir`).
    #[serde(default, alias = "defaultContentLanguageInSubdir")]
    pub default_content_language_in_subdir: bool,
    /// Languages that are not built (Hugo's `disableLanguages`).
    #[serde(default, alias = "disableLanguages")]
    pub disable_languages: Vec<String>,
    /// The site's languages by code (`[languages.en]`), see
    /// [`crate::languages`].
    #[serde(default)]
    pub languages: std::collections::BTreeMap<String, LanguageConfig>,
    /// The language these settings render, once
    /// [`SiteConfig::for_language`] made them; None for the site's own.
    #[serde(skip)]
    pub current_language: Option<Language>,
    /// The files published once at the root for every language (`static/`),
    /// so that `/css/site.css` is the same address on an English page.
    #[serde(skip)]
    pub root_files: RootFiles,
}

/// The links of a language that do not get its folder: the files of a
/// site that live at its root whatever the language (`static/`), and, in a
/// language other than the default, the default language's pages this
/// language has no page at: editors link to a page by its Dutch address.
#[derive(Debug, Clone, Default, Hash, PartialEq, Eq)]
pub struct RootFiles {
    /// The root's path prefix (`""`, `/campagne`).
    pub prefix: String,
    /// The files' paths without the leading `/`.
    pub files: std::sync::Arc<std::collections::BTreeSet<String>>,
    /// The default language's page paths that are not this language's
    /// (`/schrijf/`), with the link they get here: the translation's
    /// (`/en/write/`), else the default language's page (`/schrijf/`).
    pub pages: std::sync::Arc<std::collections::BTreeMap<String, String>>,
}

impl RootFiles {
    /// The link to `path` (`/css/site.css?v=1`) when it names one of the
    /// root's files, or a page of the default language that this language
    /// has only as a translation or not at all.
    pub fn link(&self, path: &str) -> Option<String> {
        let end = path.find(['?', '#']).unwrap_or(path.len());
        let (page, rest) = path.split_at(end);
        if let Some(link) = self.pages.get(page) {
            return Some(format!("{link}{rest}"));
        }
        let file = page.strip_prefix('/')?;
        self.files
            .contains(file)
            .then(|| format!("{}{path}", self.prefix))
    }
}

/// The `[markdown]` table of site.toml.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Curly quotes, dashes, ellipses and guillemets, as Hugo's typographer
    /// (on by default, as in Hugo).
    #[serde(default = "default_typographer")]
    pub typographer: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            typographer: default_typographer(),
        }
    }
}

fn default_typographer() -> bool {
    true
}

/// The `[check]` table of site.toml: how old a fact may be before `check`
/// asks an editor to look at it again.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Days after which a `checked_on` date, or the newest Council claim
    /// about a state while the procedure is open, is stale (90 by default).
    #[serde(default = "default_max_age_days")]
    pub max_age_days: u32,
}

impl Default for CheckConfig {
    fn default() -> Self {
        CheckConfig {
            max_age_days: default_max_age_days(),
        }
    }
}

impl CheckConfig {
    /// The age after which a fact is stale, as a duration in days.
    pub fn max_age(&self) -> chrono::Days {
        chrono::Days::new(u64::from(self.max_age_days))
    }
}

fn default_max_age_days() -> u32 {
    90
}

fn default_content_dir() -> String {
    "content".into()
}

fn default_language() -> String {
    "nl".into()
}
fn default_main_section() -> String {
    "nieuws".into()
}
fn default_search_sections() -> Vec<String> {
    vec!["nieuws".into(), "docs".into()]
}
fn default_max_page_mb() -> u64 {
    crate::content::load::DEFAULT_MAX_PAGE_BYTES / (1024 * 1024)
}
fn default_paginate() -> usize {
    10
}
fn default_feed_limit() -> usize {
    20
}

impl SiteConfig {
    /// Reads and validates `<site>/site.toml`.
    ///
    /// Fails with a diagnostic pointing at the offending line when the file is
    /// missing, is not valid TOML, lacks a required key or has a key of the wrong type.
    pub fn load(site_root: &Path) -> Result<SiteConfig, Diagnostics> {
        let path = site_root.join("site.toml");
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(
                "config-unreadable",
                &path,
                0,
                0,
                msg!(
                    "cannot read the site settings: {e}",
                    "de instellingen van de site kunnen niet worden gelezen: {e}"
                ),
            )
            .with_hint(msg!(
                "every site folder needs a site.toml with at least `title` and `base_url`; use --site to point at the site folder",
                "elke map van een site heeft een site.toml nodig met ten minste `title` en `base_url`; wijs met --site de map van de site aan"
            ))
        })?;
        let config = Self::parse(&path, &text)?;
        config.check_image_exists(site_root, &path, &text)?;
        Ok(config)
    }

    /// A site-path `image` must be a file of `static/` or the content folder.
    fn check_image_exists(
        &self,
        site_root: &Path,
        path: &Path,
        text: &str,
    ) -> Result<(), Diagnostics> {
        let Some(image) = self.image.as_deref().filter(|i| i.starts_with('/')) else {
            return Ok(());
        };
        let rel = image.trim_start_matches('/');
        let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
        if site_root.join("static").join(rel.as_ref()).is_file()
            || self.content_path(site_root).join(rel.as_ref()).is_file()
        {
            return Ok(());
        }
        let (line, col) = key_position(text, "image");
        Err(Diagnostic::error(
            "config-image-missing",
            path,
            line,
            col,
            msg!(
                "`image` {image:?} is not a file of this site",
                "`image` {image:?} is geen bestand van deze site"
            ),
        )
        .with_hint(msg!(
            "put the file at static{image}, or point `image` at an existing file",
            "zet het bestand op static{image}, of laat `image` naar een bestaand bestand wijzen"
        ))
        .into())
    }

    /// Parses the text of a `site.toml`; `path` is used in diagnostics.
    pub fn parse(path: &Path, text: &str) -> Result<SiteConfig, Diagnostics> {
        let mut config: SiteConfig = toml::from_str(text).map_err(|e| {
            let mut all = Diagnostics::new();
            all.extend(toml_mistakes::<SiteConfig>(path, text, e));
            all
        })?;
        let mut diags = Diagnostics::new();
        match BaseUrl::parse(&config.base_url_text) {
            Ok(url) => {
                config.base_url_text = url.to_string();
                config.base_url = url;
            }
            Err(e) => {
                let (line, col) = key_position(text, "base_url");
                let text = &config.base_url_text;
                let reason = e.0;
                diags.push(
                    Diagnostic::error(
                        "config-base-url-invalid",
                        path,
                        line,
                        col,
                        msg!(
                            "`base_url` is not a web address: {text:?}: {reason}",
                            "`base_url` is geen webadres: {text:?}: {reason}";
                            reason
                        ),
                    )
                    .with_hint(msg!(
                        "write the full address, for example base_url = \"https://chatcontrole.nl/\"",
                        "schrijf het volledige adres, bijvoorbeeld base_url = \"https://chatcontrole.nl/\""
                    )),
                );
            }
        }
        if !is_language_tag(&config.language) {
            let (line, col) = key_position(text, "language");
            diags.push(
                Diagnostic::error(
                    "config-language-invalid",
                    path,
                    line,
                    col,
                    msg!(
                        "`language` is not a language tag: {:?}",
                        "`language` is geen taalcode: {:?}",
                        config.language
                    ),
                )
                .with_hint(msg!(
                    "write a language code, optionally with its region: \"nl\" or \"nl-NL\"",
                    "schrijf een taalcode, eventueel met de regio: \"nl\" of \"nl-NL\""
                )),
            );
        }
        if let Some(image) = &config.image
            && let Err(hint) = image_form(image)
        {
            let (line, col) = key_position(text, "image");
            diags.push(
                Diagnostic::error(
                    "config-image-invalid",
                    path,
                    line,
                    col,
                    msg!(
                        "`image` cannot be used: {image:?}",
                        "`image` kan niet worden gebruikt: {image:?}"
                    ),
                )
                .with_hint(hint),
            );
        }
        check_content_settings(&mut config, path, text, &mut diags);
        check_menus(&mut config.menu, path, text, &mut diags);
        let default = config.default_language();
        crate::language_table::check(
            &mut config.languages,
            &default,
            &config.disable_languages,
            path,
            text,
            &mut diags,
        );
        if diags.has_errors() {
            Err(diags)
        } else {
            Ok(config)
        }
    }

    /// Posts per list page of the top-level section `section`; `None` when
    /// the section's list shows all its posts on one page.
    pub fn per_page(&self, section: &str) -> Option<usize> {
        let n = self
            .section_paginate
            .get(section)
            .copied()
            .unwrap_or(self.paginate);
        (n > 0).then_some(n)
    }

    /// The Open Graph locale of `language`: `nl_NL` for `nl-NL`, `nl` for `nl`.
    pub fn locale(&self) -> String {
        let mut parts = self.language.split(['-', '_']);
        let lang = parts.next().unwrap_or_default().to_lowercase();
        match parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic())) {
            Some(region) => format!("{lang}_{}", region.to_uppercase()),
            None => lang,
        }
    }

    /// The absolute URL of the site's default image, if it has one.
    pub fn image_url(&self) -> Option<String> {
        self.image.as_deref().map(|i| self.absolute_url(i))
    }

    /// Replaces the base URL (the `--base-url` option), normalised to end in `/`.
    pub fn set_base_url(&mut self, base_url: &str) -> Result<(), Diagnostic> {
        let url = BaseUrl::parse(base_url).map_err(|e| {
            let reason = e.0;
            Diagnostic::usage(
                "base-url-option-invalid",
                msg!(
                    "--base-url is not a web address: {base_url:?}: {reason}",
                    "--base-url is geen webadres: {base_url:?}: {reason}";
                    reason
                ),
            )
            .with_hint(msg!(
                "write the full address, for example --base-url https://example.org/",
                "schrijf het volledige adres, bijvoorbeeld --base-url https://example.org/"
            ))
        })?;
        self.base_url_text = url.to_string();
        self.base_url = url;
        Ok(())
    }

    /// The content folder of the site at `site_root` (Hugo's `contentDir`).
    pub fn content_path(&self, site_root: &Path) -> PathBuf {
        site_root.join(&self.content_dir)
    }

    /// The path part of the base URL without the trailing slash: `""` for a
    /// site at the root of its host, `"/campagne"` for one below a folder.
    pub fn path_prefix(&self) -> String {
        self.base_url.path_prefix().to_string()
    }

    /// The absolute URL of a site path such as `/nieuws/`; a file of
    /// `static/` is at the site's root in every language.
    pub fn absolute_url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            return path.to_string();
        }
        if let Some(link) = self.root_files.link(path) {
            return self
                .base_url
                .with_path_prefix(&self.root_files.prefix)
                .join_path(&link[self.root_files.prefix.len()..]);
        }
        self.base_url.join_path(path)
    }

    /// The absolute URL of `path` from the root of the site, whatever
    /// language these settings are for (`/en/sitemap.xml`).
    pub fn root_url(&self, path: &str) -> String {
        self.base_url
            .with_path_prefix(&self.root_files.prefix)
            .join_path(path)
    }

    /// The link a page writes for the site path `path`: the base URL's
    /// path before it (`/en/raad/`), or the root's for a file of
    /// `static/` (`/css/site.css`).
    pub fn link(&self, path: &str) -> String {
        self.root_files
            .link(path)
            .unwrap_or_else(|| format!("{}{path}", self.path_prefix()))
    }
}

/// `image` is a path on this site (`/images/logo.png`) or an http(s) address.
fn image_form(image: &str) -> Result<(), Message> {
    let hint = msg!(
        "write a path on this site such as \"/images/logo.png\", or a full https:// address",
        "schrijf een pad op deze site zoals \"/images/logo.png\", of een volledig https://-adres"
    );
    if image.starts_with('/') && !image.starts_with("//") {
        return crate::site_path::SitePath::parse(image)
            .map(|_| ())
            .map_err(|e| e.hint);
    }
    crate::url::ExternalUrl::parse(image, crate::url::Schemes::Web)
        .map(|_| ())
        .map_err(|_| hint)
}

/// Reports a `content_dir` that leaves the site folder and permalink
/// patterns that cannot be read, on their lines in `site.toml`, and keeps
/// the patterns that can be read in `config.urls`.
fn check_content_settings(
    config: &mut SiteConfig,
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) {
    if !is_inside(&config.content_dir) {
        let (line, col) = key_position(text, "content_dir");
        diags.push(
            Diagnostic::error(
                "config-content-dir-outside",
                path,
                line,
                col,
                msg!(
                    "`content_dir` must be a folder inside the site folder: {:?}",
                    "`content_dir` moet een map binnen de map van de site zijn: {:?}",
                    config.content_dir
                ),
            )
            .with_hint(msg!(
                "write it relative to the site folder, for example content_dir = \"content/nl\"",
                "schrijf het pad vanaf de map van de site, bijvoorbeeld content_dir = \"content/nl\""
            )),
        );
    }
    config.urls.ugly_urls = config.ugly_urls;
    for (section, pattern) in &config.permalinks {
        match Permalink::parse(pattern) {
            Ok(permalink) => {
                config.urls.permalinks.insert(section.clone(), permalink);
            }
            Err(error) => {
                let (line, col) = key_position(text, section);
                let part = &error.0;
                diags.push(
                    Diagnostic::error(
                        "config-permalink-part-unknown",
                        path,
                        line,
                        col,
                        msg!(
                            "permalink of `{section}`: unknown permalink part `:{part}`; known parts are :year, :month, :day, :slug, :title, :filename and :section",
                            "permalink van `{section}`: onbekend deel `:{part}`; de bekende delen zijn :year, :month, :day, :slug, :title, :filename en :section"
                        ),
                    )
                    .with_hint(msg!(
                        "for example nieuws = \"/nieuws/:year/:month/:slug/\"",
                        "bijvoorbeeld nieuws = \"/nieuws/:year/:month/:slug/\""
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, Diagnostics> {
        SiteConfig::parse(Path::new("site.toml"), text)
    }

    #[test]
    fn reads_minimal_config_with_defaults() {
        let c = parse("title = \"T\"\nbase_url = \"https://example.org\"\n").unwrap();
        assert_eq!(c.base_url.as_str(), "https://example.org/");
        assert_eq!(c.language, "nl");
        assert_eq!(c.paginate, 10);
        assert_eq!(c.path_prefix(), "");
        assert_eq!(c.absolute_url("/nieuws/"), "https://example.org/nieuws/");
    }

    #[test]
    fn keeps_path_prefix_of_base_url() {
        let c = parse("title = \"T\"\nbase_url = \"https://example.org/campagne/\"\n").unwrap();
        assert_eq!(c.path_prefix(), "/campagne");
        assert_eq!(c.absolute_url("/a/"), "https://example.org/campagne/a/");
    }

    #[test]
    fn sorts_menu_by_weight() {
        let c = parse(
            "title='T'\nbase_url='https://e.org/'\n[[menu.main]]\nname='B'\nurl='/b/'\nweight=2\n[[menu.main]]\nname='A'\nurl='/a/'\nweight=1\n",
        )
        .unwrap();
        let names: Vec<_> = c.menu["main"].iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
    }

    #[test_case::test_case("javascript:alert(1)"; "javascript")]
    #[test_case::test_case("/a/../b/"; "dot dot")]
    #[test_case::test_case("//evil.example/"; "other host")]
    #[test_case::test_case("nieuws"; "relative")]
    fn refuses_bad_menu_urls(url: &str) {
        let text =
            format!("title='T'\nbase_url='https://e.org/'\n[[menu.main]]\nname='A'\nurl='{url}'\n");
        let err = parse(&text).unwrap_err();
        assert_eq!(err.sorted()[0].line, 5, "{err}");
    }

    #[test]
    fn keeps_good_menu_urls() {
        let c = parse("title='T'\nbase_url='https://e.org/'\n[[menu.main]]\nname='A'\nurl='/a/#b'\n[[menu.main]]\nname='B'\nurl='mailto:x@e.org'\n").unwrap();
        assert_eq!(c.menu["main"][0].url, "/a/#b");
    }

    #[test]
    fn invalid_toml_names_line() {
        let err = parse("title = \"T\"\nbase_url = https://x\n").unwrap_err();
        let d = err.sorted().remove(0);
        assert_eq!(d.line, 2);
    }

    #[test]
    fn bad_base_url_names_line() {
        let err = parse("title = \"T\"\nbase_url = \"chatcontrole\"\n").unwrap_err();
        let d = err.sorted().remove(0);
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.code, "config-base-url-invalid");
        assert!(
            d.message
                .nl
                .starts_with("`base_url` is geen webadres: \"chatcontrole\": het is geen webadres"),
            "{}",
            d.message.nl
        );
        assert!(d.hint.unwrap().contains("https://"));
    }

    #[test]
    fn missing_title_is_an_error() {
        assert!(parse("base_url = \"https://e.org/\"\n").is_err());
    }

    #[test]
    fn typographer_is_on_by_default_and_can_be_switched_off() {
        let base = "title='T'\nbase_url='https://e.org/'\n";
        assert!(parse(base).unwrap().markdown.typographer);
        let off = parse(&format!("{base}[markdown]\ntypographer = false\n")).unwrap();
        assert!(!off.markdown.typographer);
    }

    #[test_case::test_case("typographer = \"nee\"", "typographer"; "wrong type")]
    #[test_case::test_case("typografer = false", "typografer"; "unknown key")]
    fn markdown_table_mistakes_name_their_line(line: &str, word: &str) {
        let text = format!("title='T'\nbase_url='https://e.org/'\n[markdown]\n{line}\n");
        let err = parse(&text).unwrap_err();
        let d = err.sorted().remove(0);
        assert_eq!(d.line, 4, "{err}");
        assert!(err.to_string().contains(word), "{err}");
    }

    #[test]
    fn unknown_key_is_an_error_with_line() {
        let err = parse("title='T'\nbase_url='https://e.org/'\ntitel='x'\n").unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
    }

    fn parse_extra(extra: &str) -> Result<SiteConfig, Diagnostics> {
        parse(&format!(
            "title = 'T'\nbase_url = 'https://e.org/'\n{extra}"
        ))
    }

    #[test]
    fn reads_hugo_keys() {
        let c = parse_extra(
            "contentDir = 'content/nl'\nuglyURLs = true\n[permalinks]\nnieuws = '/:year/:slug/'\n",
        )
        .unwrap();
        assert_eq!(c.content_dir, "content/nl");
        let s = &c.urls;
        assert!(s.ugly_urls);
        assert!(s.permalinks.contains_key("nieuws"));
    }

    #[test]
    fn content_dir_outside_the_site_is_an_error_on_its_line() {
        let err = parse_extra("content_dir = '../elders'\n").unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!(d.line, 3);
        assert!(d.message.contains("content_dir"));
    }

    #[test]
    fn unknown_permalink_part_is_an_error_on_its_line() {
        let err = parse_extra("[permalinks]\nnieuws = '/:jaar/:slug/'\n").unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!(d.line, 4);
        assert!(d.message.contains(":jaar"), "{d}");
        assert!(
            d.message.nl.contains("onbekend deel `:jaar`"),
            "{}",
            d.message.nl
        );
    }

    #[test_case::test_case("nl", "nl"; "language only")]
    #[test_case::test_case("nl-NL", "nl_NL"; "with region")]
    #[test_case::test_case("zh-Hant-TW", "zh_TW"; "with script and region")]
    fn locale_follows_the_language_tag(tag: &str, locale: &str) {
        let c = parse_extra(&format!("language = '{tag}'\n")).unwrap();
        assert_eq!(c.locale(), locale);
    }

    #[test_case::test_case("nl NL"; "space")]
    #[test_case::test_case("n"; "too short")]
    #[test_case::test_case("nl-<b>"; "markup")]
    fn a_bad_language_tag_is_an_error_on_its_line(tag: &str) {
        let err = parse_extra(&format!("language = '{tag}'\n")).unwrap_err();
        assert_eq!(err.sorted()[0].line, 3, "{err}");
    }

    #[test]
    fn paginate_zero_is_one_page_and_sections_override_it() {
        let c = parse_extra("paginate = 0\n[section_paginate]\nblog = 5\n").unwrap();
        assert_eq!(c.per_page("docs"), None);
        assert_eq!(c.per_page("blog"), Some(5));
        assert_eq!(parse_extra("").unwrap().per_page("docs"), Some(10));
    }

    #[test_case::test_case("javascript:alert(1)"; "script")]
    #[test_case::test_case("//elders.example/a.png"; "other host without scheme")]
    #[test_case::test_case("/a/../../b.png"; "dot dot")]
    fn a_bad_image_is_an_error_on_its_line(image: &str) {
        let err = parse_extra(&format!("image = '{image}'\n")).unwrap_err();
        assert_eq!(err.sorted()[0].line, 3, "{err}");
    }

    #[test]
    fn the_image_must_exist_in_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let text = "title = 'T'\nbase_url = 'https://e.org/'\nimage = '/images/deel.png'\n";
        std::fs::write(dir.path().join("site.toml"), text).unwrap();
        let err = SiteConfig::load(dir.path()).unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!(d.line, 3);
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .contains("static/images/deel.png"),
            "{d}"
        );
        std::fs::create_dir_all(dir.path().join("static/images")).unwrap();
        std::fs::write(dir.path().join("static/images/deel.png"), "png").unwrap();
        let c = SiteConfig::load(dir.path()).unwrap();
        assert_eq!(
            c.image_url().as_deref(),
            Some("https://e.org/images/deel.png")
        );
    }
}
