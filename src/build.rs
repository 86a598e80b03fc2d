//! The whole build, as `main.rs` runs it: **load** the site once into one
//! immutable model ([`crate::model::load`]), **derive** what is a function of
//! it ([`crate::derive::derive`]), **render** every page, picture and search
//! document from those two ([`render_site`]) while the files stream into a
//! staging folder, then **write**: put that folder in place of the output in
//! one step ([`crate::output::Staging`]). Problems are collected and
//! reported together; a failed build leaves the previous output untouched.

use std::path::PathBuf;
use std::time::Instant;

use crate::config::SiteConfig;
use crate::derive::derive;
use crate::diagnostics::{Diagnostic, Diagnostics, Language};
pub use crate::model::{SiteModel, load, load_content, load_languages};
pub use crate::options::BuildOptions;
use crate::output::{Output, Staging};
use crate::render::data_pages::DataPages;
use crate::render::{feeds, headers, pages, search, share_cards, sitemap};

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

impl BuildSummary {
    /// "built 3 pages, 5 files in 12 ms into public" in `language`.
    pub fn describe(&self, language: Language) -> String {
        use crate::diagnostics::{count, warnings_in};
        let warnings = self.warnings.warning_count();
        let out = self.out_dir.display();
        let ms = self.millis;
        match language {
            Language::English => {
                let pages = count(self.pages, "page", "pages");
                let files = count(self.files, "file", "files");
                let with = match warnings {
                    0 => String::new(),
                    n => format!(" with {}", warnings_in(n, language)),
                };
                format!("built {pages}, {files} in {ms} ms{with} into {out}")
            }
            Language::Dutch => {
                let pages = count(self.pages, "pagina", "pagina's");
                let files = count(self.files, "bestand", "bestanden");
                let with = match warnings {
                    0 => String::new(),
                    n => format!(" met {}", warnings_in(n, language)),
                };
                format!("{pages} en {files} gemaakt in {ms} ms{with}, in {out}")
            }
        }
    }
}

/// The English [`BuildSummary::describe`].
impl std::fmt::Display for BuildSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Language::English))
    }
}

/// Renders the site in memory without writing anything.
pub fn generate(options: &BuildOptions) -> Result<Generated, Diagnostics> {
    let models = load_languages(options, None)?;
    render_languages(&models, Output::new(), true, None)
}

/// Renders every language of the site (see [`crate::languages`]) into
/// `out`: each language as a site of its own in its folder, the files of
/// `static/` once at the root, and with several languages a sitemap index
/// at `/sitemap.xml` over each language's `/<code>/sitemap.xml`, as Hugo
/// does. `caches` holds one render cache per language (`serve`).
pub fn render_languages(
    models: &[SiteModel],
    mut out: Output,
    search: bool,
    caches: Option<&mut Vec<pages::RenderCache>>,
) -> Result<Generated, Diagnostics> {
    let mut caches = caches;
    if let Some(caches) = caches.as_deref_mut() {
        caches.resize_with(models.len(), pages::RenderCache::default);
    }
    if let [model] = models {
        let cache = caches.and_then(|c| c.first_mut());
        return render_site(model, out, search, cache);
    }
    let mut diags = Diagnostics::new();
    let mut config = None;
    for (i, model) in models.iter().enumerate() {
        let dir = &model.language.dir;
        let own = match out.streaming_folder() {
            Some(folder) => Output::streaming(&folder.join(dir)),
            None => Output::new(),
        };
        let cache = caches.as_deref_mut().and_then(|c| c.get_mut(i));
        match render_language(model, own, Some(&mut out), search, cache, Role::Language) {
            Ok(generated) => {
                diags.extend(generated.warnings);
                if let Err(e) = out.absorb(generated.output, dir) {
                    diags.push(e);
                }
                config.get_or_insert(generated.config);
            }
            Err(errors) => diags.extend(errors),
        }
    }
    let Some(config) = config.filter(|_| !diags.has_errors()) else {
        return Err(diags);
    };
    let root = &models[0];
    publish_statics(root, &mut out, &mut diags);
    headers::render_headers(&mut out, &mut diags);
    let site = &root.settings;
    let languages = root.translations.languages();
    sitemap::render_sitemap_index(site, languages, &mut out, &mut diags);
    sitemap::render_robots(site, &mut out, &mut diags);
    crate::languages::render_language_redirects(site, languages, &mut out, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Generated {
        output: out,
        warnings: diags,
        config,
    })
}

/// What one render of a language writes besides its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The only language: also the files of `static/`, `_headers`,
    /// `robots.txt` and the sitemap at `/sitemap.xml`.
    Whole,
    /// One of several: its sitemap at `<code>/sitemap.xml` of its folder
    /// for the language at the root; the rest is written once for all.
    Language,
}

/// Renders the site from what [`load`] read into `out`: in memory, or
/// streamed into a staging folder. Without `search` the search index is
/// left out (`serve` adds it after the page reloaded). `cache` keeps
/// rendered Markdown between builds.
///
/// Derives what the renderers need once ([`derive`]), then renders; reads
/// nothing but the content's resource files, which the output copies.
pub fn render_site(
    model: &SiteModel,
    out: Output,
    search: bool,
    cache: Option<&mut pages::RenderCache>,
) -> Result<Generated, Diagnostics> {
    render_language(model, out, None, search, cache, Role::Whole)
}

/// [`render_site`] for one language of the site, in its `role`; the
/// redirects of `aliases` go to `root`, the whole site's output, when the
/// language is one of several.
fn render_language(
    model: &SiteModel,
    mut out: Output,
    root: Option<&mut Output>,
    search: bool,
    cache: Option<&mut pages::RenderCache>,
    role: Role,
) -> Result<Generated, Diagnostics> {
    let derived = derive(model);
    let mut diags = model.content.warnings.clone();
    diags.extend(model.diagnostics.clone());
    diags.extend(derived.diagnostics.clone());
    let mut renderer = model.templates.with_config(&derived.settings);
    for (name, value) in &derived.globals {
        renderer.add_global(name, value.clone());
    }
    renderer.add_global(
        "alternates",
        crate::languages::alternates_function(
            model.translations.clone(),
            &model.language,
            &model.settings,
        ),
    );

    renderer.add_global(
        "languages",
        minijinja::Value::from_serialize(model.translations.languages()),
    );
    let mut cache = cache;
    let prepared = pages::prepare(&model.content, &renderer, &mut diags, cache.as_deref_mut());
    let indexer = search.then(|| search::Indexer::start(&derived.settings.language));
    pages::render_pages(
        &prepared,
        &renderer,
        &mut out,
        root,
        indexer.as_ref(),
        cache,
        &mut diags,
    );
    pages::render_special_pages(&renderer, &mut out, &mut diags);
    for card in share_cards::draw(&derived.share_cards, &model.previous_cards) {
        if let Err(e) = card.and_then(|(path, png)| out.add(&path, png, None)) {
            diags.push(e);
        }
    }
    feeds::render_feeds(&prepared, &derived.settings, &mut out, &mut diags);
    let mut data_pages = DataPages::new(&mut out, indexer.is_some());
    if let Some(assessed) = &derived.guide {
        crate::guide::view::render(assessed, &renderer, &mut data_pages, &mut diags);
    }
    if let (Some(council), Some(now)) = (&model.council, &derived.council_standing) {
        crate::council::view::render(council, now, &renderer, &mut data_pages, &mut diags);
    }
    if let Some(parties) = &derived.levels {
        crate::levels::view::render(
            parties,
            crate::levels::ep::credit_in(model.ep.as_ref(), model.templates.locale()).as_deref(),
            derived.today,
            &renderer,
            &mut data_pages,
            &mut diags,
        );
    }
    crate::render::taxonomies::render_taxonomies(&prepared, &renderer, &mut data_pages, &mut diags);
    if let Some(indexer) = &indexer {
        data_pages.index_into(indexer);
    }
    if role == Role::Whole {
        publish_statics(model, &mut out, &mut diags);
    }
    for resource in &model.content.resources {
        if let Err(e) = out.copy(&resource.target, &resource.source) {
            diags.push(e);
        }
    }
    if let Some(indexer) = indexer {
        search::add_bundle(indexer.finish(), &mut out, &mut diags);
    }
    match role {
        Role::Whole => {
            headers::render_headers(&mut out, &mut diags);
            sitemap::render_sitemap_and_robots(&derived.settings, &mut out, &mut diags);
        }
        Role::Language => {
            let at = if model.language.dir.is_empty() {
                format!("{}/sitemap.xml", model.language.code)
            } else {
                "sitemap.xml".to_string()
            };
            sitemap::render_sitemap(&derived.settings, &at, &mut out, &mut diags);
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Generated {
        output: out,
        warnings: diags,
        config: derived.settings,
    })
}

/// Publishes the files of `static/` at the same paths.
fn publish_statics(model: &SiteModel, out: &mut Output, diags: &mut Diagnostics) {
    for file in &model.statics {
        let added = out.add(&file.output_path, file.bytes.clone(), Some(&file.source));
        if let Err(e) = added {
            diags.push(e);
        }
    }
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
                "build-output-unwritable",
                &out_dir,
                0,
                0,
                crate::msg!(
                    "cannot write the output folder: {e}",
                    "de uitvoermap kan niet geschreven worden: {e}"
                ),
            )
            .with_hint(crate::msg!(
                "check that the folder is writable, or choose another with --out",
                "controleer of je in de map mag schrijven, of kies een andere met --out"
            )),
        )
    };
    // Files go to the staging folder as they are rendered; it replaces the
    // output folder only when the whole build succeeded (and is removed
    // when it did not).
    let models = load_languages(options, None)?;
    let staging = Staging::create(&out_dir).map_err(cannot_write)?;
    let out = Output::streaming(staging.path());
    let generated = render_languages(&models, out, true, None)?;
    staging.publish().map_err(cannot_write)?;
    Ok(BuildSummary {
        pages: generated.output.page_count(),
        files: generated.output.len(),
        millis: start.elapsed().as_millis(),
        out_dir,
        warnings: generated.warnings,
    })
}
