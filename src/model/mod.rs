//! The site model: everything a build reads from the site folder, read once
//! by [`load`] and never changed afterwards.
//!
//! This is the first step of the pipeline that `main.rs` runs through
//! [`crate::build`]: **load** (this module: settings, templates, content,
//! the guide's and the Council's data, the contact tool's recipients, static
//! files, the share cards an earlier build drew) → **derive**
//! ([`crate::derive`]: standings, assessments, checks, menus, card plans,
//! template globals, computed once) → **render** (pure functions of the
//! model and what was derived) → **write** ([`crate::output`]: streaming
//! into a staging folder, swapped in one step).
//!
//! Only this module and the writer touch the disk during a build. The model
//! holds no rendered page, no picture and no number computed from the data.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};

use crate::config::SiteConfig;
use crate::contact::load::Recipients;
use crate::content::load::{ContentFolder, FileLanguage};
use crate::content::{Content, ContentCache, load_content_cached};
use crate::council::model::CouncilData;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::model::GuideData;
use crate::options::BuildOptions;
use crate::output::slash_path;
use crate::render::Renderer;
use crate::render::share_cards::CARD_DIR;

pub mod templates;

/// The whole site in one of its languages, as read from its folder: a
/// site with several languages is loaded as one model per language
/// ([`load_languages`]), which share the data and differ in settings,
/// content, templates' strings and where they are published.
pub struct SiteModel {
    /// The language this model is rendered in, and the folder it goes to.
    pub language: crate::languages::Language,
    /// Which pages of all languages are translations of each other.
    pub translations: std::sync::Arc<crate::languages::Translations>,
    /// The settings of `site.toml` (with `--base-url` applied), without the
    /// menu entries content pages add (those are derived).
    pub settings: SiteConfig,
    /// The moment that decides what is published and what "today" is.
    pub now: DateTime<FixedOffset>,
    /// The site's templates, loaded and checked; they get their globals when
    /// the site is rendered.
    pub templates: Renderer,
    /// The content pages and their resources.
    pub content: Content,
    /// The voting guide's data, when the site has it and it has no errors.
    pub guide: Option<GuideData>,
    /// The Council tracker's data, when the site has it and it has no errors.
    pub council: Option<Council>,
    /// The contact tool's recipients, when the site has them.
    pub contact: Option<Recipients>,
    /// The Kamer that sits now (`data/kamer.toml`), when the site has it.
    pub kamer: Option<crate::kamer::Kamer>,
    /// The cabinets and their ministers of Justice and Security
    /// (`data/cabinets.toml`), when the site has them.
    pub cabinets: Option<crate::cabinets::Cabinets>,
    /// The European Parliament's votes and the country's MEPs
    /// (`data/ep/`), when the site has them.
    pub ep: Option<crate::ep::EpData>,
    /// Every file of `static/`, to be published at the same path.
    pub statics: Vec<StaticFile>,
    /// Share cards an earlier build left in the output folder, by their
    /// path there (`/og/…png`): a card whose name did not change is not
    /// drawn again.
    pub previous_cards: HashMap<String, Vec<u8>>,
    /// Problems found reading the data and static files; a build reports
    /// them with everything else.
    pub diagnostics: Diagnostics,
}

/// The Council tracker's data with the files it came from.
#[derive(Clone)]
pub struct Council {
    /// The loaded data.
    pub data: CouncilData,
    /// `data/council/states.toml`, the origin of the overview page.
    pub overview_origin: PathBuf,
    /// `data/council/positions/<code>.toml` per state code (upper case), for
    /// the states that have such a file.
    pub state_origins: BTreeMap<String, PathBuf>,
}

/// A file of `site/static`: its path in the output, its bytes, its source.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Where it is published, relative to the output folder (`css/site.css`).
    pub output_path: String,
    /// Its contents.
    pub bytes: Vec<u8>,
    /// The file it was read from.
    pub source: PathBuf,
}

/// Reads the site `options` names in its default language: the whole site
/// for a site with one language. See [`load_languages`] for all of them.
pub fn load(
    options: &BuildOptions,
    cache: Option<&mut ContentCache>,
) -> Result<SiteModel, Diagnostics> {
    let mut caches = Vec::new();
    let models = load_languages(options, cache.is_some().then_some(&mut caches))?;
    if let (Some(cache), Some(first)) = (cache, caches.into_iter().next()) {
        *cache = first;
    }
    Ok(models
        .into_iter()
        .next()
        .expect("a site has at least its default language"))
}

/// Reads the site `options` names, one model per language, the default
/// language first.
///
/// Fails with every problem of the settings, the content and the templates
/// of every language; problems in the data are kept in
/// [`SiteModel::diagnostics`] (of the default language's model) and
/// reported by the build. With `caches` (`serve`), each language's content
/// pages are left in its cache (the first for the default language).
pub fn load_languages(
    options: &BuildOptions,
    mut caches: Option<&mut Vec<ContentCache>>,
) -> Result<Vec<SiteModel>, Diagnostics> {
    let site = &options.site;
    let mut settings = SiteConfig::load(site)?;
    if let Some(base_url) = &options.base_url {
        settings.set_base_url(base_url).map_err(Diagnostics::from)?;
    }
    let now = options.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let mut diags = Diagnostics::new();
    let statics = read_static(site, &mut diags);
    settings.root_files = crate::config::RootFiles {
        prefix: settings.path_prefix(),
        files: std::sync::Arc::new(statics.iter().map(|s| s.output_path.clone()).collect()),
        pages: Default::default(),
    };
    let languages = settings.languages();
    let multilingual = languages.len() > 1;
    let tags: Vec<(String, String)> = languages
        .iter()
        .map(|l| (l.code.clone(), l.tag.clone()))
        .collect();
    let locales = crate::locale::load(site, &tags, &mut diags);
    let template_files = templates::read_templates(site);
    let key_uses: Vec<crate::locale::KeyUse> = template_files
        .files
        .iter()
        .flat_map(|f| crate::locale::key_uses(&template_files.dir.join(&f.name), &f.source))
        .collect();
    if let Some(caches) = caches.as_deref_mut() {
        caches.resize_with(languages.len(), ContentCache::default);
    }
    let codes = settings.language_codes();

    let mut per_language = Vec::new();
    let mut failed = false;
    for (i, (language, locale)) in languages.iter().zip(locales).enumerate() {
        let own = if multilingual {
            settings.for_language(language)
        } else {
            settings.clone()
        };
        let files = own.shares_content_folder().then(|| FileLanguage {
            code: language.code.clone(),
            is_default: language.is_default,
            codes: codes.clone(),
        });
        let cache = caches.as_deref_mut().and_then(|c| c.get_mut(i));
        let content = load_language_content(options, &own, now, cache, files.as_ref());
        let templates = Renderer::new(&template_files, &own).map(|mut r| {
            r.set_locale(locale.clone());
            r
        });
        match (content, templates) {
            (Ok(content), Ok(templates)) => {
                if content.warnings.has_errors() {
                    diags.extend(content.warnings);
                    failed = true;
                    continue;
                }
                let mut own_diags = crate::locale::missing_keys(&key_uses, &locale);
                if i == 0 {
                    own_diags.extend(std::mem::take(&mut diags));
                }
                per_language.push((language.clone(), own, content, templates, own_diags));
            }
            (content, templates) => {
                failed = true;
                if let Err(e) = content {
                    diags.extend(e);
                }
                if let Err(e) = templates {
                    // The same template mistake in every language is reported once.
                    if i == 0 {
                        diags.extend(e);
                    }
                }
            }
        }
    }
    if failed {
        for (_, _, _, _, own_diags) in per_language {
            diags.extend(
                own_diags
                    .iter()
                    .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                    .cloned(),
            );
        }
        return Err(diags);
    }
    let translations = std::sync::Arc::new(crate::languages::Translations::new(
        languages.clone(),
        per_language
            .iter()
            .map(|(language, _, content, _, _)| (language.code.clone(), translation_keys(content)))
            .collect(),
    ));
    let mut data_diags = Diagnostics::new();
    let today = now.date_naive();
    let council = load_council(site, today, settings.check.max_age(), &mut data_diags);
    let guide = match crate::guide::load(site) {
        Ok(data) => Some(data),
        Err(errors) => {
            data_diags.extend(errors);
            None
        }
    };
    let known = |id: &str| guide.as_ref().is_none_or(|g| g.party(id).is_some());
    let contact = crate::contact::load(site, &known, &mut data_diags);
    let kamer = crate::kamer::load(site, &known, &mut data_diags);
    let cabinets = crate::cabinets::load(site, &known, &mut data_diags);
    let ep = crate::ep::load(site, &known, &mut data_diags);
    let mut models = Vec::new();
    for (i, (language, own, content, templates, mut own_diags)) in
        per_language.into_iter().enumerate()
    {
        if i == 0 {
            own_diags.extend(std::mem::take(&mut data_diags));
        }
        let out_dir = options.out_dir().join(&language.dir);
        let mut own = own;
        own.root_files.pages = std::sync::Arc::new(translations.links_to_default_pages(
            &language.code,
            &own.path_prefix(),
            &own.root_files.prefix,
        ));

        models.push(SiteModel {
            language,
            translations: translations.clone(),
            settings: own,
            now,
            templates,
            content,
            guide: guide.clone(),
            council: council.clone(),
            contact: contact.clone(),
            kamer: kamer.clone(),
            cabinets: cabinets.clone(),
            ep: ep.clone(),
            statics: if i == 0 { statics.clone() } else { Vec::new() },
            previous_cards: previous_cards(&out_dir),
            diagnostics: own_diags,
        });
    }
    Ok(models)
}

/// Each content page's site path with the key that links it to its
/// translations: its `translationKey`, else its file's path in the
/// language's content folder without the language (`nieuws/x.md`).
fn translation_keys(content: &Content) -> Vec<(String, String)> {
    content
        .pages
        .iter()
        .map(|page| {
            let key = match page
                .front
                .params
                .get("translationKey")
                .and_then(|v| v.as_str())
            {
                Some(key) => format!("key:{key}"),
                None => format!("file:{}", page.rel),
            };
            (page.path.clone(), key)
        })
        .collect()
}

/// Reads the content folder the settings name; with a `cache`, parses
/// again only the files that changed since the last load.
pub fn load_content(
    options: &BuildOptions,
    settings: &SiteConfig,
    now: DateTime<FixedOffset>,
    cache: Option<&mut ContentCache>,
) -> Result<Content, Diagnostics> {
    let language = settings.language_of();
    let codes: Vec<String> = settings.languages().into_iter().map(|l| l.code).collect();
    let files = settings.shares_content_folder().then(|| FileLanguage {
        code: language.code.clone(),
        is_default: language.is_default,
        codes,
    });
    load_language_content(options, settings, now, cache, files.as_ref())
}

/// [`load_content`] for one language: `files` says which files of a shared
/// content folder are its own.
fn load_language_content(
    options: &BuildOptions,
    settings: &SiteConfig,
    now: DateTime<FixedOffset>,
    cache: Option<&mut ContentCache>,
    files: Option<&FileLanguage>,
) -> Result<Content, Diagnostics> {
    let site = &options.site;
    let content_dir = settings.content_path(site);
    load_content_cached(
        site,
        &ContentFolder {
            path: &content_dir,
            language: files,
        },
        &settings.urls,
        now,
        options.drafts,
        settings.max_page_mb.saturating_mul(1024 * 1024),
        cache,
    )
}

/// Loads `site/data/council/`: None when the site has no Council data (then
/// there are no /raad/ pages) or when it has errors, which go to `diags`.
fn load_council(
    site: &Path,
    today: chrono::NaiveDate,
    max_age: chrono::Days,
    diags: &mut Diagnostics,
) -> Option<Council> {
    let dir = site.join("data").join("council");
    if !dir.is_dir() {
        return None;
    }
    let data = crate::council::load::load_checked(site, today, max_age, diags)?;
    let positions = dir.join("positions");
    let state_origins = data
        .states
        .iter()
        .map(|state| {
            let file = positions.join(format!("{}.toml", state.code));
            (state.code.to_string(), file)
        })
        .filter(|(_, file)| file.is_file())
        .collect();
    Some(Council {
        data,
        overview_origin: dir.join("states.toml"),
        state_origins,
    })
}

/// Reads every file of `site/static`, to be published at the same path.
fn read_static(site: &Path, diags: &mut Diagnostics) -> Vec<StaticFile> {
    let static_dir = site.join("static");
    if !static_dir.is_dir() {
        return Vec::new();
    }
    crate::content::walk::site_files(&static_dir, site, diags)
        .into_iter()
        .filter_map(|path| match std::fs::read(&path) {
            Ok(bytes) => Some(StaticFile {
                output_path: slash_path(&static_dir, &path),
                bytes,
                source: path,
            }),
            Err(e) => {
                diags.push(Diagnostic::error(
                    "build-static-unreadable",
                    &path,
                    0,
                    0,
                    crate::msg!("cannot read: {e}", "kan niet gelezen worden: {e}"),
                ));
                None
            }
        })
        .collect()
}

/// The share cards a previous build left in `out_dir/og/`, by their path in
/// the output (`/og/…png`), so that a card whose name did not change need
/// not be drawn again. Unreadable files and files that are not PNG pictures
/// are skipped (such a card is then drawn anew).
fn previous_cards(out_dir: &Path) -> HashMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(out_dir.join(CARD_DIR)) else {
        return HashMap::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            if !name.ends_with(".png") {
                return None;
            }
            let bytes = std::fs::read(e.path()).ok()?;
            bytes
                .starts_with(PNG_SIGNATURE)
                .then(|| (format!("/{CARD_DIR}/{name}"), bytes))
        })
        .collect()
}

/// The first bytes of every PNG file.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
