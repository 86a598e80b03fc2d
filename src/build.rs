//! The whole build: load the site, render every page, then write the output
//! folder in one step. Problems are collected and reported together; a
//! failed build leaves the previous output untouched.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Utc};

use crate::config::SiteConfig;
use crate::content::load_content_from;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, slash_path};
use crate::render::{Renderer, feeds, headers, pages, search, share_cards, sitemap};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (with `site.toml`).
    pub site: PathBuf,
    /// The output folder; `<site>/public` when None.
    pub out: Option<PathBuf>,
    /// Replaces `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Include drafts and future posts.
    pub drafts: bool,
    /// The moment that decides what is published (now when None); for tests.
    pub now: Option<DateTime<FixedOffset>>,
    /// Replace a non-empty output folder that an earlier build did not write (`--force`).
    pub force: bool,
}

impl BuildOptions {
    /// Options for building the site in `site` with all defaults.
    pub fn new(site: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site: site.into(),
            out: None,
            base_url: None,
            drafts: false,
            now: None,
            force: false,
        }
    }

    /// The output folder these options name.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.site.join("public"))
    }
}

/// A site rendered in memory.
pub struct Generated {
    /// Every file of the site.
    pub output: Output,
    /// Warnings found on the way (errors make generation fail).
    pub warnings: Diagnostics,
    /// The settings used.
    pub config: SiteConfig,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// HTML pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// Time taken, in milliseconds.
    pub millis: u128,
    /// Where the files are.
    pub out_dir: PathBuf,
    /// Problems that did not stop the build.
    pub warnings: Diagnostics,
}

impl std::fmt::Display for BuildSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::diagnostics::count;
        write!(
            f,
            "built {}, {} in {} ms",
            count(self.pages, "page", "pages"),
            count(self.files, "file", "files"),
            self.millis
        )?;
        if self.warnings.warning_count() > 0 {
            let warnings = self.warnings.warning_count();
            write!(f, " with {}", count(warnings, "warning", "warnings"))?;
        }
        write!(f, " into {}", self.out_dir.display())
    }
}

/// Renders the site in memory without writing anything.
pub fn generate(options: &BuildOptions) -> Result<Generated, Diagnostics> {
    let site = &options.site;
    let mut config = SiteConfig::load(site)?;
    if let Some(base_url) = &options.base_url {
        config.set_base_url(base_url).map_err(Diagnostics::from)?;
    }
    let now = options.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let mut diags = Diagnostics::new();
    let content_dir = crate::content::settings::content_path(site, &config);
    let urls = crate::content::settings::url_settings(&config);
    let content = match load_content_from(site, &content_dir, &urls, now, options.drafts) {
        Ok(c) => {
            diags.extend(c.warnings.clone());
            crate::content::menu::add_page_entries(&mut config.menu, &c.pages);
            Some(c)
        }
        Err(e) => {
            diags.extend(e);
            None
        }
    };
    let renderer = match Renderer::new(site, &config) {
        Ok(r) => Some(r),
        Err(e) => {
            diags.extend(e);
            None
        }
    };
    let (Some(content), Some(renderer)) = (content, renderer) else {
        return Err(diags);
    };
    if diags.has_errors() {
        return Err(diags);
    }
    let mut renderer = renderer;
    let council = crate::council::load_for_build(site, &mut diags);
    if let Some(data) = &council {
        renderer.add_global("council", crate::council::template_globals(data));
    }
    // Home answers, contact tool and share cards (issue 13).
    let today = now.date_naive();
    let guide = crate::guide::load(site);
    let cards = share_cards::plan(&config, guide.as_ref().ok(), council.as_ref(), today);
    let cached_cards = share_cards::load_cached(&options.out_dir(), &cards);
    add_issue13_globals(
        &mut renderer,
        site,
        &guide,
        council.as_ref(),
        &cards,
        today,
        &mut diags,
    );
    let mut out = Output::new();
    let prepared = pages::prepare(&content, &renderer, &mut diags);
    pages::render_pages(&prepared, &renderer, &mut out, &mut diags);
    pages::render_special_pages(&renderer, &mut out, &mut diags);
    match &guide {
        Ok(data) => crate::guide::view::render_loaded(data, &renderer, &mut out, &mut diags),
        Err(errors) => diags.extend(errors.iter().cloned()),
    }
    for card in share_cards::draw(&cards, cached_cards) {
        if let Err(e) = card.and_then(|(path, png)| out.add(&path, png, None)) {
            diags.push(e);
        }
    }
    if let Some(data) = &council {
        crate::council::render(
            site,
            data,
            now.date_naive(),
            &renderer,
            &mut out,
            &mut diags,
        );
    }
    feeds::render_feeds(&prepared, &config, &mut out, &mut diags);
    crate::render::taxonomies::render_taxonomies(&prepared, &renderer, &mut out, &mut diags);
    search::render_search_index(&prepared, &config, &mut out, &mut diags);
    copy_static(site, &mut out, &mut diags);
    for resource in &content.resources {
        match std::fs::read(&resource.source) {
            Ok(bytes) => {
                if let Err(e) = out.add(&resource.target, bytes, Some(&resource.source)) {
                    diags.push(e);
                }
            }
            Err(e) => diags.push(Diagnostic::error(
                &resource.source,
                0,
                0,
                format!("cannot read: {e}"),
            )),
        }
    }
    headers::render_headers(&mut out, &mut diags);
    sitemap::render_sitemap_and_robots(&config, &mut out, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Generated {
        output: out,
        warnings: diags,
        config,
    })
}

/// Builds the site and replaces the output folder.
///
/// On failure nothing is written and the previous output stays as it was.
pub fn build(options: &BuildOptions) -> Result<BuildSummary, Diagnostics> {
    let start = Instant::now();
    let out_dir = options.out_dir();
    crate::out_folder::check(&options.site, &out_dir, options.force).map_err(Diagnostics::from)?;
    let generated = generate(options)?;
    generated.output.write_atomically(&out_dir).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error(
                &out_dir,
                0,
                0,
                format!("cannot write the output folder: {e}"),
            )
            .with_hint("check that the folder is writable, or choose another with --out"),
        )
    })?;
    Ok(BuildSummary {
        pages: generated.output.page_count(),
        files: generated.output.len(),
        millis: start.elapsed().as_millis(),
        out_dir,
        warnings: generated.warnings,
    })
}

/// Adds every file of `site/static` to the output at the same path.
fn copy_static(site: &Path, out: &mut Output, diags: &mut Diagnostics) {
    let static_dir = site.join("static");
    if !static_dir.is_dir() {
        return;
    }
    for path in crate::content::walk::site_files(&static_dir, site, diags) {
        let rel = slash_path(&static_dir, &path);
        match std::fs::read(&path) {
            Ok(bytes) => {
                if let Err(e) = out.add(&rel, bytes, Some(&path)) {
                    diags.push(e);
                }
            }
            Err(e) => diags.push(Diagnostic::error(&path, 0, 0, format!("cannot read: {e}"))),
        }
    }
}

/// The template globals of the home page, the contact tool and the share
/// cards: `today`, `guide_home`, `council_now`, `contact` and `share_cards`.
fn add_issue13_globals(
    renderer: &mut Renderer,
    site: &Path,
    guide: &Result<crate::guide::GuideData, Diagnostics>,
    council: Option<&crate::council::CouncilData>,
    cards: &[share_cards::PlannedCard],
    today: chrono::NaiveDate,
    diags: &mut Diagnostics,
) {
    let guide = guide.as_ref().ok();
    renderer.add_global(
        "today",
        minijinja::Value::from(today.format("%Y-%m-%d").to_string()),
    );
    renderer.add_global("share_cards", share_cards::template_value(cards));
    if let Some(data) = guide {
        renderer.add_global("guide_home", crate::home::guide_summary(data, today));
    }
    if let Some(data) = council {
        renderer.add_global("council_now", crate::home::council_now(data, today));
    }
    let known = |id: &str| guide.is_none_or(|g| g.party(id).is_some());
    if let Some(recipients) = crate::contact::load(site, &known, diags) {
        let value =
            crate::contact::template_value(&recipients, guide, council, renderer.config(), today);
        renderer.add_global("contact", value);
    }
}
