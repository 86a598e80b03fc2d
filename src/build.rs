//! The whole build: load the site once ([`load`]), render it from what was
//! loaded ([`render_site`]) while the files stream into a staging folder,
//! then put that folder in place of the output in one step. Problems are
//! collected and reported together; a failed build leaves the previous
//! output untouched.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Utc};

use crate::config::SiteConfig;
use crate::content::{Content, load_content_cached};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, Staging, slash_path};
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
    let (inputs, content) = load(options, None)?;
    render_site(options, &inputs, &content, Output::new(), true, None)
}

/// Everything a build reads besides the content folder: settings,
/// templates, data, share cards and static files, with the diagnostics of
/// reading them. `serve` keeps it between builds while only content changes.
pub struct SiteInputs {
    /// Settings, without the menu entries content pages add.
    config: SiteConfig,
    /// Templates and data globals; gets the menus per build.
    renderer: Renderer,
    now: DateTime<FixedOffset>,
    guide: Result<crate::guide::GuideData, Diagnostics>,
    council: Option<crate::council::CouncilData>,
    cards: Vec<Result<(String, Vec<u8>), Diagnostic>>,
    statics: Vec<Result<StaticFile, Diagnostic>>,
    /// Diagnostics of walking `static/`, reported where its files are added.
    static_diags: Diagnostics,
    /// Diagnostics of reading the data, reported with every build.
    diags: Diagnostics,
}

/// Reads the site: settings, content, templates and data.
///
/// Fails with every problem of the settings, the content and the
/// templates; problems in the data are reported by [`render_site`].
///
/// With a `cache` (`serve`), the content's pages are left in it.
pub fn load(
    options: &BuildOptions,
    cache: Option<&mut crate::content::ContentCache>,
) -> Result<(SiteInputs, Content), Diagnostics> {
    let site = &options.site;
    let mut config = SiteConfig::load(site)?;
    if let Some(base_url) = &options.base_url {
        config.set_base_url(base_url).map_err(Diagnostics::from)?;
    }
    let now = options.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let mut diags = Diagnostics::new();
    let content = load_content(options, &config, cache);
    if let Err(e) = &content {
        diags.extend(e.clone());
    }
    let renderer = Renderer::new(site, &config);
    if let Err(e) = &renderer {
        diags.extend(e.clone());
    }
    let (Ok(content), Ok(mut renderer)) = (content, renderer) else {
        return Err(diags);
    };
    if content.warnings.has_errors() {
        return Err(content.warnings);
    }
    let council = crate::council::load_for_build(site, &mut diags);
    if let Some(data) = &council {
        renderer.add_global("council", crate::council::template_globals(data));
    }
    // Home answers, contact tool and share cards (issue 13).
    let today = now.date_naive();
    let guide = crate::guide::load(site);
    let planned = share_cards::plan(&config, guide.as_ref().ok(), council.as_ref(), today);
    let cached_cards = share_cards::load_cached(&options.out_dir(), &planned);
    add_issue13_globals(
        &mut renderer,
        site,
        &guide,
        council.as_ref(),
        &planned,
        today,
        &mut diags,
    );
    let cards = share_cards::draw(&planned, cached_cards);
    let mut static_diags = Diagnostics::new();
    let statics = read_static(site, &mut static_diags);
    let inputs = SiteInputs {
        config,
        renderer,
        now,
        guide,
        council,
        cards,
        statics,
        static_diags,
        diags,
    };
    Ok((inputs, content))
}

impl SiteInputs {
    /// The settings, without the menu entries content pages add.
    pub fn config(&self) -> &SiteConfig {
        &self.config
    }
}

/// Reads the content folder the settings name; with a `cache`, parses
/// again only the files that changed since the last load.
pub fn load_content(
    options: &BuildOptions,
    config: &SiteConfig,
    cache: Option<&mut crate::content::ContentCache>,
) -> Result<Content, Diagnostics> {
    let site = &options.site;
    let now = options.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let content_dir = config.content_path(site);
    load_content_cached(site, &content_dir, &config.urls, now, options.drafts, cache)
}

/// Renders the site from what [`load`] read into `out`: in memory, or
/// streamed into a staging folder. Without `search` the search index is
/// left out (`serve` adds it after the page reloaded). `cache` keeps
/// rendered Markdown between builds.
///
/// Reads nothing but the content's resource files.
pub fn render_site(
    options: &BuildOptions,
    inputs: &SiteInputs,
    content: &Content,
    mut out: Output,
    search: bool,
    cache: Option<&mut pages::RenderCache>,
) -> Result<Generated, Diagnostics> {
    let mut diags = content.warnings.clone();
    diags.extend(inputs.diags.clone());
    let mut config = inputs.config.clone();
    crate::content::menu::add_page_entries(&mut config.menu, &content.pages);
    let renderer = inputs.renderer.with_config(&config);
    let mut cache = cache;
    let prepared = pages::prepare(content, &renderer, &mut diags, cache.as_deref_mut());
    let indexer = search.then(|| search::Indexer::start(&config.language));
    pages::render_pages(
        &prepared,
        &renderer,
        &mut out,
        indexer.as_ref(),
        cache,
        &mut diags,
    );
    pages::render_special_pages(&renderer, &mut out, &mut diags);
    match &inputs.guide {
        Ok(data) => crate::guide::view::render_loaded(data, &renderer, &mut out, &mut diags),
        Err(errors) => diags.extend(errors.iter().cloned()),
    }
    for card in &inputs.cards {
        let added = card
            .clone()
            .and_then(|(path, png)| out.add(&path, png, None));
        if let Err(e) = added {
            diags.push(e);
        }
    }
    if let Some(data) = &inputs.council {
        crate::council::render(
            &options.site,
            data,
            inputs.now.date_naive(),
            &renderer,
            &mut out,
            &mut diags,
        );
    }
    feeds::render_feeds(&prepared, &config, &mut out, &mut diags);
    crate::render::taxonomies::render_taxonomies(&prepared, &renderer, &mut out, &mut diags);
    if let Some(indexer) = &indexer {
        search::add_data_pages(indexer, content, &out);
    }
    diags.extend(inputs.static_diags.clone());
    for file in &inputs.statics {
        let added = file
            .clone()
            .and_then(|(rel, bytes, path)| out.add(&rel, bytes, Some(&path)));
        if let Err(e) = added {
            diags.push(e);
        }
    }
    for resource in &content.resources {
        if let Err(e) = out.copy(&resource.target, &resource.source) {
            diags.push(e);
        }
    }
    if let Some(indexer) = indexer {
        search::add_bundle(indexer.finish(), &mut out, &mut diags);
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
    let cannot_write = |e: std::io::Error| {
        Diagnostics::from(
            Diagnostic::error(
                &out_dir,
                0,
                0,
                format!("cannot write the output folder: {e}"),
            )
            .with_hint("check that the folder is writable, or choose another with --out"),
        )
    };
    // Files go to the staging folder as they are rendered; it replaces the
    // output folder only when the whole build succeeded (and is removed
    // when it did not).
    let (inputs, content) = load(options, None)?;
    let staging = Staging::create(&out_dir).map_err(cannot_write)?;
    let out = Output::streaming(staging.path());
    let generated = render_site(options, &inputs, &content, out, true, None)?;
    staging.publish().map_err(cannot_write)?;
    Ok(BuildSummary {
        pages: generated.output.page_count(),
        files: generated.output.len(),
        millis: start.elapsed().as_millis(),
        out_dir,
        warnings: generated.warnings,
    })
}

/// A file of `site/static`: its path in the output, its bytes, its source.
type StaticFile = (String, Vec<u8>, PathBuf);

/// Reads every file of `site/static`, to be published at the same path.
fn read_static(site: &Path, diags: &mut Diagnostics) -> Vec<Result<StaticFile, Diagnostic>> {
    let static_dir = site.join("static");
    if !static_dir.is_dir() {
        return Vec::new();
    }
    crate::content::walk::site_files(&static_dir, site, diags)
        .into_iter()
        .map(|path| {
            let rel = slash_path(&static_dir, &path);
            std::fs::read(&path)
                .map(|bytes| (rel, bytes, path.clone()))
                .map_err(|e| Diagnostic::error(&path, 0, 0, format!("cannot read: {e}")))
        })
        .collect()
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
