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
use crate::locale::Locale;
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
    title: String,
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
    column_titles: Vec<String>,
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

fn filters(only: Option<LevelKind>, locale: &Locale) -> Vec<FilterLink> {
    let mut links = vec![FilterLink {
        id: "all",
        title: locale.t("levels_filter_all"),
        path: PATH.to_string(),
        current: only.is_none(),
    }];
    for kind in LevelKind::ALL {
        links.push(FilterLink {
            id: kind.id(),
            title: kind.title(locale),
            path: format!("{PATH}{}/", kind.slug()),
            current: only == Some(kind),
        });
    }
    links
}

/// The template global `levels`: `parties` (party id → its three levels),
/// `timeline` (every event, oldest first), `path`, and `ep_credit` (the
/// credit for the Parliament's votes, see [`super::ep::credit_in`]).
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
/// the site has the template, in the language of the renderer's locale
/// (`parties` and `ep_credit` are worded in it already).
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
    let locale = renderer.locale();
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
            column_titles: columns.iter().map(|k| k.title(locale)).collect(),
            columns,
            filters: filters(only, locale),
            disagreeing: shown.iter().filter(|p| p.disagreement.is_some()).count(),
            parties: shown,
            json_path: "/niveaus/data.json",
            csv_path: "/niveaus/data.csv",
            as_of: locale.date(as_of),
            ep_credit,
        };
        let (path, title, description) = match only {
            None => (
                PATH.to_string(),
                locale.t("levels_page_title"),
                locale.t("levels_page_description"),
            ),
            Some(kind) => (
                format!("{PATH}{}/", kind.slug()),
                locale.tf(
                    "levels_filter_page_title",
                    &[("level", &kind.title(locale))],
                ),
                locale.tf(
                    "levels_filter_page_description",
                    &[("where", &super::where_(kind, locale))],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::local_text::testing;

    /// /niveaus/ and its three filter pages of the English site, with the
    /// levels worded in English: every interface string in English,
    /// numbers and dates the English way.
    #[test]
    fn the_english_pages_have_no_dutch_interface_strings() {
        let model = testing::example_model("en");
        let renderer = testing::renderer(model);
        let locale = renderer.locale();
        let today = model.now.date_naive();
        let inputs = super::super::Inputs {
            guide: model.guide.as_ref().expect("the example has a guide"),
            kamer: model.kamer.as_ref(),
            council: model.council.as_ref().map(|c| &c.data),
            cabinets: model.cabinets.as_ref(),
            ep: model.ep.as_ref(),
            today,
        };
        let parties = super::super::build_in(&inputs, locale);
        let credit = super::super::ep::credit_in(model.ep.as_ref(), locale);
        let mut out = crate::output::Output::new();
        let mut diags = Diagnostics::new();
        render(
            &parties,
            credit.as_deref(),
            today,
            &renderer,
            &mut DataPages::new(&mut out, false),
            &mut diags,
        );
        assert!(!diags.has_errors(), "{diags}");
        let page = |path: &str| {
            String::from_utf8(out.get(path).expect(path).bytes.clone()).expect("UTF-8")
        };
        let overview = page("niveaus/index.html");
        for english in [
            "Three levels: what parties did",
            "Under the Schoof cabinet (which the party was part of)",
            "position of the Netherlands: against the proposal",
            "The party&#39;s 3 MEPs: 3 against. Result: rejected (228 for, 311 against, 92 abstentions).",
            "updated to 3 December 2026",
        ] {
            assert!(
                overview.contains(english),
                "`{english}` not on /en/niveaus/"
            );
        }
        let sources = regex::Regex::new(r#"<span class="meta">\(.*?\)</span>"#).unwrap();
        for kind in std::iter::once(None).chain(LevelKind::ALL.map(Some)) {
            let path = match kind {
                None => "niveaus/index.html".to_string(),
                Some(k) => format!("niveaus/{}/index.html", k.slug()),
            };
            // The source of each event is worded by `crate::provenance`,
            // whose own tests check its languages; the rest is ours.
            let html = sources.replace_all(&page(&path), "").into_owned();
            testing::assert_no_dutch(&path, &html, &["levels_", "council_", "kamer_"]);
        }
        let json = String::from_utf8(out.get("niveaus/data.json").unwrap().bytes.clone()).unwrap();
        assert!(
            json.contains("\"what\": \"Under the Schoof cabinet"),
            "open data in the page's language"
        );
    }

    /// A party page of the English site: the current Kamer block and the
    /// three levels, with the globals worded in English.
    #[test]
    fn the_party_page_blocks_are_english() {
        let model = testing::example_model("en");
        let mut renderer = testing::renderer(model);
        let locale = renderer.locale().clone();
        let guide = model.guide.as_ref().expect("the example has a guide");
        let inputs = super::super::Inputs {
            guide,
            kamer: model.kamer.as_ref(),
            council: model.council.as_ref().map(|c| &c.data),
            cabinets: model.cabinets.as_ref(),
            ep: model.ep.as_ref(),
            today: model.now.date_naive(),
        };
        let parties = super::super::build_in(&inputs, &locale);
        let timeline = super::super::timeline_in(&inputs, &locale);
        let credit = super::super::ep::credit_in(model.ep.as_ref(), &locale);
        renderer.add_global(
            "levels",
            template_value(&parties, &timeline, credit.as_deref()),
        );
        let kamer = model.kamer.as_ref().expect("the example has kamer.toml");
        renderer.add_global(
            "kamer",
            crate::kamer::view::template_value_in(kamer, Some(guide), &locale),
        );
        let assessed = crate::guide::assessed::Assessed::new(guide);
        let mut out = crate::output::Output::new();
        let mut diags = Diagnostics::new();
        crate::guide::view::render(
            &assessed,
            &renderer,
            &mut DataPages::new(&mut out, false),
            &mut diags,
        );
        let path = "stemwijzer2023/groenlinks-pvda/index.html";
        let html = String::from_utf8(out.get(path).expect(path).bytes.clone()).expect("UTF-8");
        let start = html
            .find(r#"<section class="guide-kamer""#)
            .expect("the Kamer block");
        let end = html[start..]
            .find("Compare all parties at the three levels")
            .map(|i| start + i)
            .expect("the levels block, in English");
        let blocks = &html[start..end];
        for english in [
            "In today&#39;s House of Representatives",
            "(PvdA) moved this motion.",
            "Adopted on 25 November 2025",
            "Three levels: The Hague, the Council and the European Parliament",
            "Voted for",
        ] {
            assert!(blocks.contains(english), "`{english}` not on /en/{path}");
        }
        let sources = regex::Regex::new(r#"\((?:according to|volgens|vastgesteld)[^<]*<a[^>]*>[^<]*</a>[^)]*\)|<p class="meta">[A-Z][^<]*<a[^>]*>[^<]*</a>[^<]*</p>"#).unwrap();
        let blocks = sources.replace_all(blocks, "");
        testing::assert_no_dutch(
            path,
            &format!("<main>{blocks}</main>"),
            &["levels_", "council_", "kamer_"],
        );
    }
}
