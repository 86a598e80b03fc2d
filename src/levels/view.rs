//! The pages of the three levels: `/niveaus/` (every party with a record,
//! all three levels side by side), one filter page per level
//! (`/niveaus/tweede-kamer/`, `/niveaus/raad/`, `/niveaus/europees-parlement/`,
//! plain links, so filtering needs no JavaScript), their open data, and the
//! template global `levels` that party pages and the timeline read.

use minijinja::Value;
use serde::Serialize;

use super::timeline::TimelineEvent;
use super::{LevelKind, PartyLevels, export};
use crate::diagnostics::Diagnostics;
use crate::render::data_pages::DataPages;
use crate::render::{PageMeta, PageType, Renderer};

/// Where the overview lives.
pub const PATH: &str = "/niveaus/";

/// The template of the overview and the filter pages.
pub const TEMPLATE: &str = "levels/overview.html";

/// A filter link of the overview.
#[derive(Debug, Clone, Serialize)]
struct FilterLink {
    /// The level's id, or `all`.
    id: &'static str,
    /// Its name.
    title: &'static str,
    /// The page.
    path: String,
    /// True on that level's own page.
    current: bool,
}

/// What `levels/overview.html` gets.
#[derive(Debug, Clone, Serialize)]
struct OverviewView<'a> {
    /// The level shown alone, or none for all three.
    only: Option<LevelKind>,
    /// The levels shown, as columns.
    columns: Vec<LevelKind>,
    /// Their names.
    column_titles: Vec<&'static str>,
    /// The filter links: all, then one per level.
    filters: Vec<FilterLink>,
    /// The parties with a record at a shown level.
    parties: Vec<&'a PartyLevels>,
    /// How many parties disagree with themselves across the levels.
    disagreeing: usize,
    /// The open data files.
    json_path: &'static str,
    /// The CSV file.
    csv_path: &'static str,
    /// The build day in words.
    as_of: String,
    /// The credit for the Parliament's votes, when the site has them.
    ep_credit: Option<&'a str>,
}

fn filters(only: Option<LevelKind>) -> Vec<FilterLink> {
    let mut links = vec![FilterLink {
        id: "all",
        title: "Alle drie",
        path: PATH.to_string(),
        current: only.is_none(),
    }];
    for kind in LevelKind::ALL {
        links.push(FilterLink {
            id: kind.id(),
            title: kind.title(),
            path: format!("{PATH}{}/", kind.slug()),
            current: only == Some(kind),
        });
    }
    links
}

/// The template global `levels`: `parties` (party id → its three levels),
/// `timeline` (every event, oldest first), `path`, and `ep_credit` (the
/// credit for the Parliament's votes, see [`super::ep::credit`]).
pub fn template_value(
    parties: &[PartyLevels],
    timeline: &[TimelineEvent],
    ep_credit: Option<&str>,
) -> Value {
    #[derive(Serialize)]
    struct Global<'a> {
        path: &'static str,
        parties: std::collections::BTreeMap<&'a str, &'a PartyLevels>,
        timeline: &'a [TimelineEvent],
        ep_credit: Option<&'a str>,
    }
    Value::from_serialize(Global {
        path: PATH,
        parties: parties.iter().map(|p| (p.party.as_str(), p)).collect(),
        timeline,
        ep_credit,
    })
}

/// Renders the overview, the three filter pages and the open data, when
/// the site has the template.
pub fn render(
    parties: &[PartyLevels],
    ep_credit: Option<&str>,
    as_of: chrono::NaiveDate,
    renderer: &Renderer,
    out: &mut DataPages,
    diags: &mut Diagnostics,
) {
    if !renderer.has_template(TEMPLATE) {
        return;
    }
    let newest = parties
        .iter()
        .flat_map(|p| &p.levels)
        .flat_map(|l| &l.events)
        .map(|e| e.date)
        .max();
    let pages = std::iter::once(None).chain(LevelKind::ALL.into_iter().map(Some));
    for only in pages {
        let columns: Vec<LevelKind> = match only {
            Some(kind) => vec![kind],
            None => LevelKind::ALL.to_vec(),
        };
        let shown: Vec<&PartyLevels> = parties
            .iter()
            .filter(|p| columns.iter().any(|k| !p.level(*k).events.is_empty()))
            .collect();
        let view = OverviewView {
            only,
            column_titles: columns.iter().map(|k| k.title()).collect(),
            columns,
            filters: filters(only),
            disagreeing: shown.iter().filter(|p| p.disagreement.is_some()).count(),
            parties: shown,
            json_path: "/niveaus/data.json",
            csv_path: "/niveaus/data.csv",
            as_of: crate::content::dates::dutch_day(as_of),
            ep_credit,
        };
        let (path, title, description) = match only {
            None => (
                PATH.to_string(),
                "Drie niveaus: wat partijen deden in Den Haag, in de Raad en in het Europees Parlement".to_string(),
                "Per partij naast elkaar: hoe haar Kamerleden stemden, wat het kabinet waarin ze zat in de Raad van de EU deed, en hoe haar Europarlementariërs stemden over chatcontrole, met bronnen.".to_string(),
            ),
            Some(kind) => (
                format!("{PATH}{}/", kind.slug()),
                format!("Drie niveaus: {}", kind.title()),
                format!(
                    "Wat elke partij {} deed over chatcontrole, met datum en bron.",
                    super::where_(kind)
                ),
            ),
        };
        let page = PageMeta {
            title,
            description,
            path: path.clone(),
            kind: PageType::Page,
            lastmod: newest,
            ..PageMeta::default()
        };
        match renderer.render_page(TEMPLATE, &page, Value::from_serialize(&view)) {
            Ok(html) => {
                if let Err(e) = out.add_page(&path, html, None) {
                    diags.push(e);
                }
                if only.is_some() {
                    out.mark_unsearched(&path);
                }
                if let Some(day) = newest {
                    out.set_lastmod(&path, day.to_string());
                }
            }
            Err(e) => diags.push(e),
        }
    }
    let as_of_iso = as_of.to_string();
    for (path, bytes) in [
        (
            "/niveaus/data.json",
            export::json(parties, &as_of_iso, ep_credit),
        ),
        ("/niveaus/data.csv", export::csv(parties)),
    ] {
        if let Err(e) = out.add(path, bytes, None) {
            diags.push(e);
        }
    }
}
