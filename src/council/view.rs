//! The pages of the EU Council tracker: `/raad/` (the standing today, chart,
//! map, table, what-if form and Council moments) and `/raad/<code>/` (one
//! state's claims over time, with sources, disputed ones marked).
//!
//! Everything is computed here at build time; the templates in
//! `templates/council/` only lay it out, and `js/council-whatif.js` only
//! enhances the what-if form.

use chrono::NaiveDate;
use minijinja::{Value, context};
use serde::Serialize;

use super::chart::{self, Block};
use super::explain::{decision_sentence, explain, lower_first, reported_names, state_name};
use super::local_text::{Phrase, date_label, percent};
use super::model::{Claim, ClaimDate, CouncilData, Decision, Moment, Position, Precision, Source};
use super::qmv::{Rule, Voter, evaluate};
use super::standing::{Standing, StatePosition};
use super::tiles;
use crate::diagnostics::Diagnostics;
use crate::locale::Locale;
use crate::model::Council;
use crate::render::data_pages::DataPages;
use crate::render::{PageMeta, PageType, Renderer};

/// A link to a source, with the host name as its short text and the kind
/// of publication beside it: the weakest link, so a site that relies on
/// another shows the weaker grade and names what it relies on.
#[derive(Debug, Clone, Serialize)]
struct SourceLink {
    url: String,
    host: String,
    kind: &'static str,
    kind_label: String,
    weak: bool,
    /// The host this source relies on, when its grade comes from there.
    relies_on: Option<String>,
    /// A copy in a web archive ("gearchiveerde kopie").
    archive_url: Option<String>,
}

fn source(source: &Source, locale: &Locale) -> SourceLink {
    SourceLink {
        url: source.url.as_str().to_string(),
        host: source.url.host().trim_start_matches("www.").to_string(),
        kind: source.kind.as_str(),
        kind_label: source.kind.label(locale),
        weak: source.kind.is_weak(),
        relies_on: source.relies_on.as_ref().map(|r| r.host.clone()),
        archive_url: source.archive_url.as_ref().map(|u| u.as_str().to_string()),
    }
}

/// One stage of the legislative procedure, for /raad/ and the timeline.
#[derive(Debug, Clone, Serialize)]
struct StageView {
    id: String,
    title: Phrase,
    body: Phrase,
    done: bool,
    date: Option<String>,
    date_label: String,
    about: Phrase,
    next: bool,
    sources: Vec<SourceLink>,
}

fn stage_views(data: &CouncilData, locale: &Locale) -> Vec<StageView> {
    let next = data.next_stage().map(|s| s.id.clone());
    data.stages
        .iter()
        .map(|s| StageView {
            id: s.id.clone(),
            title: s.title.phrase(locale),
            body: s.body.phrase(locale),
            done: s.date.is_some(),
            date: s.date.as_ref().map(date_iso),
            date_label: s
                .date
                .as_ref()
                .map(|d| date_label(d, locale))
                .unwrap_or_else(|| locale.t("council_not_yet")),
            about: s.about.phrase(locale),
            next: Some(&s.id) == next.as_ref(),
            sources: s.sources.iter().map(|x| source(x, locale)).collect(),
        })
        .collect()
}

/// The latest decision in plain words, for /raad/ and the home page.
#[derive(Debug, Clone, Serialize)]
struct DecisionView {
    date: String,
    date_label: String,
    body: String,
    outcome: &'static str,
    outcome_label: String,
    sentence: Phrase,
    summary: Phrase,
    meaning: Option<Phrase>,
    against: Vec<String>,
    abstained: Vec<String>,
    others_label: String,
    others_reason: Phrase,
    sources: Vec<SourceLink>,
}

fn decision_view(
    data: &CouncilData,
    moment: &Moment,
    decision: &Decision,
    locale: &Locale,
) -> DecisionView {
    let names = |p: Position| reported_names(data, decision, p, locale);
    let voters: Vec<Voter> = data
        .population_at(moment.date.effective)
        .map(|choice| {
            choice
                .figures
                .iter()
                .map(|&(code, population)| Voter::new(code, population, decision.vote_of(code)))
                .collect()
        })
        .unwrap_or_default();
    let outcome = evaluate(Rule::Qmv, &voters).outcome;
    let mut sources: Vec<SourceLink> = decision.sources.iter().map(|s| source(s, locale)).collect();
    for s in &moment.sources {
        if !decision.sources.contains(s) {
            sources.push(source(s, locale));
        }
    }
    DecisionView {
        date: date_iso(&moment.date),
        date_label: date_label(&moment.date, locale),
        body: moment.body.label(locale),
        outcome: outcome.as_str(),
        outcome_label: outcome.label(locale),
        sentence: decision_sentence(data, moment, locale).unwrap_or_default(),
        summary: moment.summary_text().phrase(locale),
        meaning: data
            .stages
            .iter()
            .find(|s| s.date.is_some_and(|d| d.effective == moment.date.effective))
            .map(|s| {
                let mut p = s.title.phrase(locale);
                p.push_str(": ");
                p.push_local(&lower_first(&s.about), locale);
                p
            }),
        against: names(Position::Oppose),
        abstained: names(Position::Abstain),
        others_label: decision.others.label(locale),
        others_reason: decision.others_reason.phrase(locale),
        sources,
    }
}

/// One row of the table on /raad/ and one select of the what-if form.
#[derive(Debug, Clone, Serialize)]
struct StateRow {
    code: String,
    name: String,
    path: String,
    position: &'static str,
    position_label: String,
    letter: String,
    disputed: bool,
    unknown: bool,
    population: u64,
    share: String,
    latest: Option<String>,
    latest_date: Option<String>,
}

/// One Council moment on the timeline.
#[derive(Debug, Clone, Serialize)]
struct MomentView {
    date: String,
    date_label: String,
    body: String,
    presidency: String,
    presidency_path: String,
    text: Phrase,
    result: &'static str,
    result_label: String,
    summary: Phrase,
    sources: Vec<SourceLink>,
}

/// One claim on a state page.
#[derive(Debug, Clone, Serialize)]
struct ClaimView {
    date: String,
    date_label: String,
    position: &'static str,
    position_label: String,
    letter: String,
    text: Phrase,
    note: Phrase,
    source: SourceLink,
    weakly_sourced: bool,
    disputed: bool,
    current_text: bool,
}

/// The position options of the what-if form.
#[derive(Debug, Clone, Serialize)]
struct PositionOption {
    value: &'static str,
    label: String,
}

fn state_path(code: &str) -> String {
    format!("/raad/{}/", code.to_ascii_lowercase())
}

/// Positions joined as alternatives: "onthouding of tegen", "abstain or
/// against".
fn alternatives(labels: &[String], locale: &Locale) -> String {
    labels.join(&format!(" {} ", locale.t("council_or")))
}

/// The label of what is known on `date`: the position, "onbekend", or for
/// disputed states the claimed positions, e.g. "onthouding of tegen".
fn stance_label(data: &CouncilData, code: &str, date: NaiveDate, locale: &Locale) -> String {
    let stance = data.stance_at(code, date);
    if stance.is_unknown() {
        return locale.t("council_position_unknown");
    }
    let labels: Vec<String> = stance
        .positions()
        .iter()
        .map(|p| p.label_proposal(locale))
        .collect();
    alternatives(&labels, locale)
}

fn date_iso(date: &ClaimDate) -> String {
    date.effective.format("%Y-%m-%d").to_string()
}

/// What content pages may show of the Council data, as the template global
/// `council`, in `locale`'s language:
/// - `council.moments`: date, date_label, body, presidency, presidency_path,
///   text, result, result_label, summary, sources (url, host, kind,
///   kind_label, weak);
/// - `council.stages`: the legislative procedure, in order: id, title, body,
///   done, date (ISO or none), date_label ("nog niet" when not yet), about,
///   next (true for the next step), sources;
/// - `council.latest_decision`: the latest recorded decision or none: date,
///   date_label, body, outcome (`adopted`/`blocked`), outcome_label,
///   sentence (plain words: who decided, who voted against or abstained),
///   summary, against and abstained (names), others_label, others_reason,
///   sources;
/// - `council.next_step`: the first stage not yet taken (same fields as a
///   stage) or none;
/// - `council.path`: the address of the overview, `/raad/`.
///
/// Editors' texts (titles, summaries, `about`) are HTML: the English text,
/// or on a page in another language than Dutch the Dutch text marked with
/// `lang="nl"` and the `only_in_dutch_note`. The shortcode `raadsmomenten`
/// lists the stages and moments on the timeline with it; the home page can
/// show the latest decision and the next step.
pub fn template_globals_in(data: &CouncilData, locale: &Locale) -> Value {
    let stages = stage_views(data, locale);
    let next_step = stages.iter().find(|s| s.next).cloned();
    context! {
        moments => Value::from_serialize(moment_views(data, locale)),
        stages => Value::from_serialize(&stages),
        latest_decision => data
            .latest_decision()
            .map(|(m, d)| Value::from_serialize(decision_view(data, m, d, locale))),
        next_step => next_step.map(Value::from_serialize),
        path => "/raad/",
    }
}

fn moment_views(data: &CouncilData, locale: &Locale) -> Vec<MomentView> {
    data.moments
        .iter()
        .map(|m| MomentView {
            date: date_iso(&m.date),
            date_label: date_label(&m.date, locale),
            body: m.body.label(locale),
            presidency: state_name(data, m.presidency, locale),
            presidency_path: state_path(m.presidency),
            text: data
                .text(&m.text)
                .map(|t| t.title.phrase(locale))
                .unwrap_or_default(),
            result: m.result.as_str(),
            result_label: m.result.label(locale),
            summary: m.summary_text().phrase(locale),
            sources: m.sources.iter().map(|s| source(s, locale)).collect(),
        })
        .collect()
}

/// Renders /raad/ and /raad/<code>/ from the Council's data and its
/// standing today (`now`, derived once per build), in the language of the
/// renderer's locale.
pub fn render(
    council: &Council,
    now: &Standing,
    renderer: &Renderer,
    out: &mut DataPages,
    diags: &mut Diagnostics,
) {
    let data = &council.data;
    let locale = renderer.locale();
    let prefix = renderer.url_prefix().to_string();
    let lastmod = data.claims.iter().map(|c| c.date.effective).max();
    let overview = overview(data, now, &prefix, locale);
    let page = PageMeta {
        title: locale.t("council_title"),
        description: locale.t("council_description"),
        path: "/raad/".into(),
        kind: PageType::Council,
        lastmod,
        ..PageMeta::default()
    };
    match renderer.render_page("council/overview.html", &page, overview) {
        Ok(html) => {
            if let Err(e) = out.add_page("/raad/", html, Some(&council.overview_origin)) {
                diags.push(e);
            }
            if let Some(date) = lastmod {
                out.set_lastmod("/raad/", date.to_string());
            }
        }
        Err(e) => diags.push(e),
    }
    for row in now.projection().0 {
        let state_page = state_page(data, now, row.code, locale);
        let path = state_path(row.code);
        let name = state_name(data, row.code, locale);
        let page = PageMeta {
            title: locale.tf("council_state_title", &[("name", &name)]),
            description: locale.tf("council_state_description", &[("name", &name)]),
            path: path.clone(),
            kind: PageType::CouncilState,
            ..PageMeta::default()
        };
        let origin = council.state_origins.get(row.code).map(|p| p.as_path());
        match renderer.render_page("council/state.html", &page, state_page) {
            Ok(html) => {
                if let Err(e) = out.add_page(&path, html, origin) {
                    diags.push(e);
                }
            }
            Err(e) => diags.push(e),
        }
    }
}

fn blocks(data: &CouncilData, states: &[StatePosition], locale: &Locale) -> Vec<Block> {
    states
        .iter()
        .map(|s| Block {
            code: s.code.to_string(),
            name: state_name(data, s.code, locale),
            population: s.population,
            position: s.position,
            disputed: s.disputed,
            tile: data.state(s.code).and_then(|st| st.tile),
        })
        .collect()
}

/// What the row of a state says in the projection, and the date of what it
/// rests on: the vote at the decision in force, later claims, or the claims
/// about the text under discussion.
fn projection_label(
    data: &CouncilData,
    now: &Standing,
    s: &StatePosition,
    locale: &Locale,
) -> (String, Option<ClaimDate>) {
    let in_force = now
        .decision
        .as_ref()
        .and_then(|d| data.moments.iter().find(|m| m.id == d.moment))
        .and_then(|m| m.decision.as_ref().map(|d| (m, d)));
    match in_force {
        Some((moment, decision)) => {
            if s.from_decision {
                let how = if decision.is_reported(s.code) {
                    locale.t("council_projection_reported")
                } else {
                    locale.t("council_projection_counted")
                };
                (
                    locale.tf(
                        "council_projection_at_decision",
                        &[
                            ("position", &decision.vote_of(s.code).label_proposal(locale)),
                            ("how", &how),
                        ],
                    ),
                    Some(moment.date),
                )
            } else {
                let later = data.claims_between(s.code, moment.date.effective, now.date);
                let labels: Vec<String> = later
                    .positions()
                    .iter()
                    .map(|p| p.label_proposal(locale))
                    .collect();
                (
                    alternatives(&labels, locale),
                    later.claims.first().map(|c| c.date),
                )
            }
        }
        None => (
            stance_label(data, s.code, now.date, locale),
            data.stance_at(s.code, now.date)
                .claims
                .first()
                .map(|c| c.date),
        ),
    }
}

fn overview(data: &CouncilData, now: &Standing, prefix: &str, locale: &Locale) -> Value {
    let (states, e) = now.projection();
    let total = e.participating.population;
    let name = |code: &str| state_name(data, code, locale);
    let mut rows: Vec<StateRow> = states
        .iter()
        .map(|s| {
            let (label, latest) = projection_label(data, now, s, locale);
            StateRow {
                code: s.code.to_string(),
                name: name(s.code),
                path: state_path(s.code),
                position: s.position.as_str(),
                position_label: label,
                letter: chart::letter(s.position, locale),
                disputed: s.disputed,
                unknown: s.unknown,
                population: s.population,
                share: percent(s.population, total, locale),
                latest: latest.map(|d| date_label(&d, locale)),
                latest_date: latest.map(|d| date_iso(&d)),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    let blocks = blocks(data, states, locale);
    let link = |code: &str| format!("{prefix}{}", state_path(code));
    let text = now.text.as_deref().and_then(|id| data.text(id));
    let moments = moment_views(data, locale);
    let year = data
        .population_years
        .iter()
        .find(|y| y.year == now.population_year);
    let names_of = |codes: Vec<&str>| -> Vec<String> {
        let mut list: Vec<String> = codes.into_iter().map(name).collect();
        list.sort();
        list
    };
    let disputed = names_of(
        states
            .iter()
            .filter(|s| s.disputed)
            .map(|s| s.code)
            .collect(),
    );
    let unknown = names_of(
        states
            .iter()
            .filter(|s| s.unknown)
            .map(|s| s.code)
            .collect(),
    );
    let decision = now
        .decision
        .as_ref()
        .and_then(|d| data.moments.iter().find(|m| m.id == d.moment))
        .and_then(|m| {
            m.decision
                .as_ref()
                .map(|d| decision_view(data, m, d, locale))
        });
    let stages = stage_views(data, locale);
    let next_step = stages.iter().find(|s| s.next).cloned();
    let query: Vec<String> = states
        .iter()
        .map(|s| format!("{}={}", s.code, s.position.as_str()))
        .collect();
    context! {
        today => now.date.format("%Y-%m-%d").to_string(),
        decision => decision.map(Value::from_serialize),
        next_step => next_step.map(Value::from_serialize),
        stages => Value::from_serialize(&stages),
        baseline_query => query.join("&"),
        decided => now.decision.is_some(),
        today_label => locale.date(now.date),
        outcome => e.outcome.as_str(),
        outcome_label => e.outcome.label(locale),
        explanation => explain(e, &name, locale),
        in_favour => context! { states => e.in_favour.states, share => percent(e.in_favour.population, total, locale) },
        not_in_favour => context! { states => e.not_in_favour.states, share => percent(e.not_in_favour.population, total, locale) },
        undecided_count => e.undecided.len(),
        states_needed => e.states_needed,
        chart_svg => Value::from_safe_string(chart::bar_chart(&blocks, locale)),
        map_svg => Value::from_safe_string(tiles::tile_map(&blocks, &link, locale)),
        map_legend => Value::from_safe_string(tiles::map_legend(locale)),
        map_groups => Value::from_serialize(tiles::groups(&blocks, locale)),
        states => Value::from_serialize(&rows),
        disputed => disputed,
        unknown => unknown,
        text => text.map(|t| context! {
            title => Value::from_serialize(t.title.phrase(locale)),
            summary => Value::from_serialize(t.summary.phrase(locale)),
            date_label => date_label(&t.date, locale),
            source => Value::from_serialize(source(&t.source, locale)),
        }),
        presidency => data.presidency_at(now.date).map(|p| name(p.state)),
        moments => Value::from_serialize(&moments),
        population => year.map(|y| context! {
            year => y.year,
            derived => y.precision == Precision::Derived,
            note => y.note.clone(),
            source => Value::from_serialize(source(&y.source, locale)),
            later => now.later_population_year,
        }),
        options => Value::from_serialize(
            Position::ALL
                .iter()
                .map(|p| PositionOption { value: p.as_str(), label: p.label(locale) })
                .collect::<Vec<_>>()
        ),
    }
}

fn claim_view(
    data: &CouncilData,
    claim: &Claim,
    current_text: Option<&str>,
    locale: &Locale,
) -> ClaimView {
    ClaimView {
        date: date_iso(&claim.date),
        date_label: date_label(&claim.date, locale),
        position: claim.position.as_str(),
        position_label: claim.position.label_proposal(locale),
        letter: chart::letter(claim.position, locale),
        text: data
            .text(&claim.text)
            .map(|t| t.title.phrase(locale))
            .unwrap_or_else(|| Phrase::text(&claim.text)),
        note: claim.note.phrase(locale),
        source: source(&claim.source, locale),
        weakly_sourced: claim.weakly_sourced || claim.source.kind.is_weak(),
        disputed: data.is_disputed(claim),
        current_text: Some(claim.text.as_str()) == current_text,
    }
}

fn state_page(data: &CouncilData, now: &Standing, code: &'static str, locale: &Locale) -> Value {
    let Some(state) = data.state(code) else {
        return context! {};
    };
    let (states, e) = now.projection();
    let row = states.iter().find(|s| s.code == code);
    let mut claims: Vec<ClaimView> = data
        .claims_of(code)
        .map(|c| claim_view(data, c, now.text.as_deref(), locale))
        .collect();
    claims.reverse();
    let total = e.participating.population;
    let year = data
        .population_years
        .iter()
        .find(|y| y.year == now.population_year);
    let number = |n: u64| locale.number(i64::try_from(n).unwrap_or(i64::MAX));
    let populations: Vec<Value> = data
        .population_years
        .iter()
        .filter_map(|y| {
            let value = state.population.get(&y.year)?;
            Some(context! {
                year => y.year,
                value => number(*value),
                derived => y.precision == Precision::Derived,
                used => y.year == now.population_year,
                source => Value::from_serialize(source(&y.source, locale)),
            })
        })
        .collect();
    context! {
        code => code,
        populations => populations,
        name => state.name(locale).to_string(),
        population => row.map(|r| number(r.population)),
        population_share => row.map(|r| percent(r.population, total, locale)),
        population_year => now.population_year,
        population_derived => year.is_some_and(|y| y.precision == Precision::Derived),
        position => row.map(|r| r.position.as_str()),
        position_label => row.map(|r| projection_label(data, now, r, locale).0).unwrap_or_default(),
        decided => now.decision.is_some(),
        letter => row.map(|r| chart::letter(r.position, locale)),
        disputed => row.is_some_and(|r| r.disputed),
        unknown => row.is_none_or(|r| r.unknown),
        today_label => locale.date(now.date),
        text => now.text.as_deref().and_then(|id| data.text(id)).map(|t| Value::from_serialize(t.title.phrase(locale))),
        claims => Value::from_serialize(&claims),
        any_disputed => claims.iter().any(|c| c.disputed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("https://www.security.nl/posting/1?x", "security.nl")]
    #[test_case("http://blog.icod.de", "blog.icod.de")]
    #[test_case("https://netzpolitik.org/2024/x/", "netzpolitik.org")]
    fn source_links_show_the_host(url: &str, host: &str) {
        let url = crate::url::ExternalUrl::parse(url, crate::url::Schemes::Web).unwrap();
        let source = Source::plain(url, crate::council::model::SourceKind::Blog);
        let link = super::source(&source, &Locale::builtin("nl"));
        assert_eq!(link.host, host);
        assert!(link.weak);
        assert_eq!(link.kind_label, "blog of sociale media");
        let link = super::source(&source, &Locale::builtin("en"));
        assert_eq!(link.kind_label, "blog or social media");
    }

    /// The home page reads the latest decision and the next step from the
    /// global `council`.
    #[test]
    fn globals_give_the_latest_decision_and_the_next_step() {
        let site = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site");
        let data = crate::council::load(&site).unwrap();
        let globals = template_globals_in(&data, &Locale::builtin("nl"));
        let get = |path: &[&str]| {
            path.iter()
                .try_fold(globals.clone(), |v, key| v.get_attr(key).ok())
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        assert_eq!(get(&["latest_decision", "date"]), "2025-11-26");
        assert_eq!(get(&["latest_decision", "outcome"]), "adopted");
        assert!(
            get(&["latest_decision", "sentence"]).contains("Nederland, Polen en Tsjechië tegen")
        );
        assert_eq!(get(&["next_step", "id"]), "provisional-agreement");
        assert_eq!(get(&["next_step", "date_label"]), "nog niet");
        assert_eq!(get(&["path"]), "/raad/");
        let en = template_globals_in(&data, &Locale::builtin("en"));
        let sentence = en
            .get_attr("latest_decision")
            .and_then(|d| d.get_attr("sentence"))
            .unwrap()
            .to_string();
        assert!(
            sentence.starts_with("On 26 November 2025, Coreper"),
            "{sentence}"
        );
        let date_label = en
            .get_attr("next_step")
            .and_then(|d| d.get_attr("date_label"))
            .unwrap()
            .to_string();
        assert_eq!(date_label, "not yet");
    }

    /// /raad/ and the state pages of the English site: every interface
    /// string in English, the editors' texts in English (the example data
    /// has them all), numbers and dates the English way.
    #[test]
    fn the_english_pages_have_no_dutch_interface_strings() {
        use crate::council::local_text::testing;
        let model = testing::example_model("en");
        let renderer = testing::renderer(model);
        assert_eq!(renderer.locale().code(), "en");
        let council = model
            .council
            .as_ref()
            .expect("the example has Council data");
        let now = crate::derive::derive(model)
            .council_standing
            .expect("a standing");
        let mut out = crate::output::Output::new();
        let mut diags = Diagnostics::new();
        render(
            council,
            &now,
            &renderer,
            &mut DataPages::new(&mut out, false),
            &mut diags,
        );
        assert!(!diags.has_errors(), "{diags}");
        let page = |path: &str| {
            String::from_utf8(out.get(path).expect(path).bytes.clone()).expect("UTF-8")
        };
        let overview = page("raad/index.html");
        for english in [
            "Council of the EU: who stands where?",
            "Latest decision",
            "Outcome of a new vote with these positions: adopted.",
            "Adopted: 23 of the 27 member states vote in favour, together 72.0% of the population",
            "The procedure at a glance",
            "Negotiating mandate of the Council",
            "Population figures 2025, derived from the official shares and so inaccurate by up to about 23,000 inhabitants",
            "Czechia, Netherlands and Poland voted against and Italy abstained",
        ] {
            assert!(overview.contains(english), "`{english}` not on /en/raad/");
        }
        testing::assert_no_dutch("/en/raad/", &overview, &["council_"]);
        for code in STATE_PAGES {
            let path = format!("raad/{code}/index.html");
            let html = page(&path);
            assert!(html.contains("What sources say, newest first"), "{path}");
            testing::assert_no_dutch(&path, &html, &["council_"]);
        }
        let netherlands = page("raad/nl/index.html");
        assert!(
            netherlands.contains("has about 18,086,000 inhabitants, 4.0% of the EU population")
        );
        assert!(netherlands.contains("After the Kathmann motion was adopted (25 November)"));
    }

    /// A state page per kind of standing: reported against, counted with
    /// the others, reported abstaining and disputed in the past.
    const STATE_PAGES: [&str; 4] = ["nl", "de", "it", "lu"];

    #[test]
    fn state_paths_are_lower_case() {
        assert_eq!(state_path("EL"), "/raad/el/");
    }
}
