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
use crate::content::{Content, ContentCache, load_content_cached};
use crate::council::model::CouncilData;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::model::GuideData;
use crate::options::BuildOptions;
use crate::output::slash_path;
use crate::render::Renderer;
use crate::render::share_cards::CARD_DIR;

pub mod templates;

/// The whole site as read from its folder.
pub struct SiteModel {
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

/// Reads the site `options` names.
///
/// Fails with every problem of the settings, the content and the templates;
/// problems in the data are kept in [`SiteModel::diagnostics`] and reported
/// by the build. With a `cache` (`serve`), the content's pages are left in
/// it.
pub fn load(
    options: &BuildOptions,
    cache: Option<&mut ContentCache>,
) -> Result<SiteModel, Diagnostics> {
    let site = &options.site;
    let mut settings = SiteConfig::load(site)?;
    if let Some(base_url) = &options.base_url {
        settings.set_base_url(base_url).map_err(Diagnostics::from)?;
    }
    let now = options.now.unwrap_or_else(|| Utc::now().fixed_offset());
    let mut diags = Diagnostics::new();
    let content = load_content(options, &settings, now, cache);
    if let Err(e) = &content {
        diags.extend(e.clone());
    }
    let templates = Renderer::new(&templates::read_templates(site), &settings);
    if let Err(e) = &templates {
        diags.extend(e.clone());
    }
    let (Ok(content), Ok(templates)) = (content, templates) else {
        return Err(diags);
    };
    if content.warnings.has_errors() {
        return Err(content.warnings);
    }
    let today = now.date_naive();
    let council = load_council(site, today, settings.check.max_age(), &mut diags);
    let guide = match crate::guide::load(site) {
        Ok(data) => Some(data),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    };
    let known = |id: &str| guide.as_ref().is_none_or(|g| g.party(id).is_some());
    let contact = crate::contact::load(site, &known, &mut diags);
    let kamer = crate::kamer::load(site, &known, &mut diags);
    let cabinets = crate::cabinets::load(site, &known, &mut diags);
    let ep = crate::ep::load(site, &known, &mut diags);
    let statics = read_static(site, &mut diags);
    let previous_cards = previous_cards(&options.out_dir());
    Ok(SiteModel {
        settings,
        now,
        templates,
        content,
        guide,
        council,
        contact,
        kamer,
        cabinets,
        ep,
        statics,
        previous_cards,
        diagnostics: diags,
    })
}

/// Reads the content folder the settings name; with a `cache`, parses
/// again only the files that changed since the last load.
pub fn load_content(
    options: &BuildOptions,
    settings: &SiteConfig,
    now: DateTime<FixedOffset>,
    cache: Option<&mut ContentCache>,
) -> Result<Content, Diagnostics> {
    let site = &options.site;
    let content_dir = settings.content_path(site);
    load_content_cached(
        site,
        &content_dir,
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
                diags.push(Diagnostic::error(&path, 0, 0, format!("cannot read: {e}")));
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
