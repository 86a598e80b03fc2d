//! The voting-guide pages: for every election an overview with legend and
//! filters, one page per party, highlights grouped by verdict, the methodology,
//! what changed since the previous election, static filter pages per verdict
//! and per kieskring (so filtering works without JavaScript), and the open data
//! files.
//!
//! Everything here turns the model into plain view structs in the language
//! of the renderer's locale (interface words from its strings, the editors'
//! texts from their `_en` siblings where a page is English); the HTML lives
//! in `site/templates/guide/`, so another campaign can restyle without Rust.

use std::path::Path;

use minijinja::{Value, context};
use serde::Serialize;

use super::assessed::Assessed;
use super::evidence_views::{EvidenceView, VoteView, evidence_view, vote_view};
use super::export::{data_csv, data_json, votes_csv};
use super::localized::{Shown, pick, pick_opt};
use super::model::{Districts, Election, GuideData, Level, PartyEntry, ProgrammeFormat, name_key};
use super::verdict::{DEFINITIONS, RuleText, explain_rules};
use crate::diagnostics::Diagnostics;
use crate::locale::Locale;
use crate::render::data_pages::DataPages;
use crate::render::{PageMeta, PageType, Renderer};

/// Adds every guide page and open data file of the assessed data to
/// `out`, in the language of `renderer`'s locale. Does nothing when the
/// site has no elections.
pub fn render(
    assessed: &Assessed,
    renderer: &Renderer,
    out: &mut DataPages,
    diags: &mut Diagnostics,
) {
    for election in &assessed.data.elections {
        ElectionPages::new(assessed, election, renderer.locale()).render(renderer, out, diags);
    }
}

/// One verdict level as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// Level id.
    pub id: String,
    /// The data's symbol; pages draw the icon for `tone` instead.
    pub symbol: String,
    /// Short label.
    pub label: String,
    /// Full meaning.
    pub meaning: String,
    /// What screen readers say.
    pub screen_reader: String,
    /// `Some("nl")` when the level has no English and a page in another
    /// language shows its Dutch texts (then all three are Dutch).
    pub lang: Option<&'static str>,
    /// Rule outcome id, used as a CSS class (`protects`, `mixed`, ...); empty when none.
    pub tone: String,
    /// Position on the scale, for sorting.
    pub rank: usize,
    /// Parties with this verdict.
    pub count: usize,
    /// Static filter page of this verdict.
    pub url: String,
}

/// One party row of the overview.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// Party id.
    pub id: String,
    /// Name as written for this election.
    pub name: String,
    /// The name as the list is sorted: lower case, letters and digits only.
    pub sort_key: String,
    /// Party page.
    pub url: String,
    /// The verdict.
    pub level: LevelView,
    /// Summary (Markdown).
    pub summary: String,
    /// `Some("nl")` when the summary is Dutch on a page in another language.
    pub summary_lang: Option<&'static str>,
    /// The summary's first sentence (Markdown): the one-line reason on the overview.
    pub reason: String,
    /// Note when the party is not on the ballot everywhere.
    pub districts_note: Option<String>,
    /// `all`, `except:3,16,20` or `count:19`, for the filter script.
    pub districts_data: String,
    /// Programme link.
    pub programme_url: Option<String>,
    /// "pdf" or "webpagina" ("PDF", "web page").
    pub programme_format: String,
    /// False when the party published no searchable programme.
    pub programme_available: bool,
    /// Why the programme is not available, when the editors said so.
    pub programme_note: Option<String>,
    /// `Some("nl")` when that note is Dutch on a page in another language.
    pub programme_note_lang: Option<&'static str>,
    /// True when the programme is marked unavailable and there is no link at all.
    pub programme_missing: bool,
    /// The party's recorded votes.
    pub votes: Vec<VoteView>,
    /// Number of evidence items.
    pub evidence_count: usize,
    /// "Zegt … maar stemde …", when words and a vote point different ways.
    pub said_vs_did: Option<super::vote_views::SaidVsDidView>,
}

/// A kieskring with its filter page.
#[derive(Debug, Clone, Serialize)]
pub struct DistrictView {
    /// Number.
    pub number: u8,
    /// Name.
    pub name: String,
    /// Static filter page.
    pub url: String,
}

struct ElectionPages<'a> {
    assessed: &'a Assessed<'a>,
    data: &'a GuideData,
    election: &'a Election,
    locale: &'a Locale,
    /// The election's title in the page's language.
    title: Shown,
    scale: Vec<LevelView>,
    rows: Vec<RowView>,
}

impl<'a> ElectionPages<'a> {
    fn new(assessed: &'a Assessed<'a>, election: &'a Election, locale: &'a Locale) -> Self {
        let data = assessed.data;
        let scale: Vec<LevelView> = election
            .scale
            .iter()
            .enumerate()
            .map(|(rank, l)| level_view(locale, election, l, rank))
            .collect();
        let rows = election
            .entries_by_name(data)
            .into_iter()
            .map(|e| row_view(locale, data, election, &scale, e))
            .collect();
        ElectionPages {
            assessed,
            data,
            election,
            locale,
            title: pick(locale, &election.title, election.title_en.as_deref()),
            scale,
            rows,
        }
    }

    fn path(&self, rest: &str) -> String {
        format!("{}{rest}", self.election.path)
    }

    /// The text of `key` with the election's title and `args` filled in.
    fn words(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut all = vec![("title", self.title.text.as_str())];
        all.extend_from_slice(args);
        self.locale.tf(key, &all)
    }

    /// The text of `key` about the election's parties: their number as
    /// `{{ .Count }}`, the election's title as `{{ .Title }}`.
    fn about_parties(&self, key: &str) -> String {
        let args = [("title".to_string(), self.title.text.clone())];
        self.locale
            .text(key, Some(self.election.entries.len() as i64), &args)
    }

    fn common(&self) -> Value {
        let e = self.election;
        let l = self.locale;
        let previous = self.data.previous_election(e);
        let intro = pick_opt(l, e.intro.as_deref(), e.intro_en.as_deref());
        context! {
            election => context! {
                id => e.id.to_string(),
                title => self.title.text.clone(),
                title_lang => self.title.lang,
                date => l.date(e.date),
                date_iso => e.date.to_string(),
                intro => intro.as_ref().map(|i| i.text.clone()),
                intro_lang => intro.as_ref().and_then(|i| i.lang),
                url => e.path.clone(),
                highlights_url => self.path("hoogtepunten/"),
                methodology_url => self.path("methode/"),
                changes_url => previous.map(|_| self.path("veranderingen/")),
                data_json_url => self.path("data.json"),
                data_csv_url => self.path("data.csv"),
                votes_csv_url => self.path("votes.csv"),
                party_count => e.entries.len(),
            },
            scale => Value::from_serialize(&self.scale),
            districts => Value::from_serialize(self.districts()),
        }
    }

    fn districts(&self) -> Vec<DistrictView> {
        self.election
            .districts
            .iter()
            .map(|d| DistrictView {
                number: d.number,
                name: d.name.clone(),
                url: self.path(&format!("kieskring/{}/", d.number)),
            })
            .collect()
    }

    fn page(&self, title: String, description: String, path: String) -> PageMeta {
        PageMeta {
            title,
            description,
            path,
            kind: PageType::Guide,
            ..PageMeta::default()
        }
    }

    /// Renders one page whose data comes from election.toml.
    fn emit(
        &self,
        renderer: &Renderer,
        out: &mut DataPages,
        diags: &mut Diagnostics,
        template: &str,
        page: PageMeta,
        ctx: Value,
    ) {
        let origin = self.election.origin.file.clone();
        self.emit_from(&origin, renderer, out, diags, template, page, ctx);
    }

    /// Renders one page with the election's common context; `origin` is the
    /// data file that link checks point at.
    #[allow(clippy::too_many_arguments)]
    fn emit_from(
        &self,
        origin: &Path,
        renderer: &Renderer,
        out: &mut DataPages,
        diags: &mut Diagnostics,
        template: &str,
        page: PageMeta,
        ctx: Value,
    ) {
        let ctx = context! { ..ctx, ..self.common() };
        match renderer.render_page(template, &page, ctx) {
            Ok(html) => {
                if let Err(d) = out.add_page(&page.path, html, Some(origin)) {
                    diags.push(d);
                }
            }
            Err(d) => diags.push(d),
        }
    }

    fn render(&self, renderer: &Renderer, out: &mut DataPages, diags: &mut Diagnostics) {
        let e = self.election;
        let description = self.about_parties("guide_overview_description");
        self.emit(
            renderer,
            out,
            diags,
            "guide/overview.html",
            self.page(self.title.text.clone(), description, e.path.to_string()),
            context! { rows => Value::from_serialize(&self.rows), filter => (), filter_level => () },
        );
        self.render_filters(renderer, out, diags);
        for entry in &e.entries {
            self.render_party(renderer, out, diags, entry);
        }
        self.render_highlights(renderer, out, diags);
        self.render_methodology(renderer, out, diags);
        if let Some(previous) = self.data.previous_election(e) {
            self.render_changes(renderer, out, diags, previous);
        }
        for (name, bytes) in [
            ("data.json", data_json(self.assessed, e)),
            ("data.csv", data_csv(self.assessed, e)),
            ("votes.csv", votes_csv(self.assessed, e)),
        ] {
            let path = self.path(name);
            if let Err(d) = out.add(&path, bytes, Some(&e.origin.file)) {
                diags.push(d);
            }
        }
    }

    fn render_filters(&self, renderer: &Renderer, out: &mut DataPages, diags: &mut Diagnostics) {
        let e = self.election;
        for level in &self.scale {
            let rows: Vec<&RowView> = self
                .rows
                .iter()
                .filter(|r| r.level.id == level.id)
                .collect();
            let title = self.words("guide_filter_level_title", &[("label", &level.label)]);
            let filter = self.words("guide_filter_level", &[("label", &level.label)]);
            self.emit(
                renderer,
                out,
                diags,
                "guide/overview.html",
                self.page(title, level.meaning.clone(), level.url.clone()),
                context! {
                    rows => Value::from_serialize(&rows),
                    filter,
                    filter_level => Value::from_serialize(level),
                },
            );
            // A filtered view of the overview: the overview stands for it in search.
            out.mark_unsearched(&level.url);
        }
        for district in self.districts() {
            let rows: Vec<&RowView> = e
                .entries_by_name(self.data)
                .into_iter()
                .zip(&self.rows)
                .filter(|(entry, _)| entry.districts.includes(district.number) != Some(false))
                .map(|(_, row)| row)
                .collect();
            let number = district.number.to_string();
            let args = [
                ("number", number.as_str()),
                ("name", district.name.as_str()),
            ];
            let title = self.words("guide_filter_district_title", &args);
            let filter = self.words("guide_filter_district", &args);
            let description = self.words("guide_filter_district_description", &args);
            self.emit(
                renderer,
                out,
                diags,
                "guide/overview.html",
                self.page(title, description, district.url.clone()),
                context! { rows => Value::from_serialize(&rows), filter, filter_level => () },
            );
            out.mark_unsearched(&district.url);
        }
    }

    fn render_party(
        &self,
        renderer: &Renderer,
        out: &mut DataPages,
        diags: &mut Diagnostics,
        entry: &PartyEntry,
    ) {
        let e = self.election;
        let l = self.locale;
        let Some(row) = self.rows.iter().find(|r| r.id == entry.party) else {
            return;
        };
        let assessment = self.assessed.of(e, entry);
        let suggested = assessment
            .suggested_level
            .and_then(|l| self.scale.iter().find(|v| v.id == l.id));
        let party = self.data.party(&entry.party);
        let evidence: Vec<EvidenceView> = entry
            .evidence
            .iter()
            .map(|ev| evidence_view(l, self.data, ev))
            .collect();
        let outreach: Vec<Value> = entry
            .outreach
            .iter()
            .map(|o| {
                let note = pick_opt(l, o.note.as_deref(), o.note_en.as_deref());
                context! {
                    asked_on => l.date(o.asked_on),
                    replied_on => o.replied_on.map(|d| l.date(d)),
                    reply_url => o.reply_url.clone(),
                    note_lang => note.as_ref().and_then(|n| n.lang),
                    note => note.map(|n| n.text),
                }
            })
            .collect();
        let override_reason = pick_opt(
            l,
            entry.override_reason.as_deref(),
            entry.override_reason_en.as_deref(),
        );
        let title = format!("{}: {}", row.name, row.level.label);
        let description = self.words("guide_party_description", &[("name", &row.name)]);
        let page = self.page(title, description, row.url.clone());
        let ctx = context! {
            row => Value::from_serialize(row),
            evidence => Value::from_serialize(&evidence),
            vote_notes => Value::from_serialize(super::vote_views::vote_notes(l, self.data, entry)),
            outreach => outreach,
            override_reason_lang => override_reason.as_ref().and_then(|r| r.lang),
            override_reason => override_reason.map(|r| r.text),
            agrees => assessment.agrees,
            suggestion => assessment.suggestion.explanation(l, e),
            suggested => Value::from_serialize(suggested),
            website => party.and_then(|p| p.website.clone()),
        };
        self.emit_from(
            &entry.origin.file,
            renderer,
            out,
            diags,
            "guide/party.html",
            page,
            ctx,
        );
    }

    fn render_highlights(&self, renderer: &Renderer, out: &mut DataPages, diags: &mut Diagnostics) {
        let groups: Vec<Value> = self
            .scale
            .iter()
            .map(|level| {
                let rows: Vec<&RowView> =
                    self.rows.iter().filter(|r| r.level.id == level.id).collect();
                context! { level => Value::from_serialize(level), rows => Value::from_serialize(&rows) }
            })
            .collect();
        self.emit(
            renderer,
            out,
            diags,
            "guide/highlights.html",
            self.page(
                self.words("guide_highlights_title", &[]),
                self.about_parties("guide_highlights_description"),
                self.path("hoogtepunten/"),
            ),
            context! { groups },
        );
    }

    fn render_methodology(
        &self,
        renderer: &Renderer,
        out: &mut DataPages,
        diags: &mut Diagnostics,
    ) {
        let e = self.election;
        let l = self.locale;
        let rules: Vec<RuleText> = explain_rules(l, e);
        let definitions: Vec<Value> = DEFINITIONS
            .iter()
            .map(|(term, text)| context! { term => l.t(term), text => l.t(text) })
            .collect();
        let comparison: Vec<Value> = e
            .entries_by_name(self.data)
            .into_iter()
            .zip(&self.rows)
            .map(|(entry, row)| {
                let a = self.assessed.of(e, entry);
                let suggested = a
                    .suggested_level
                    .and_then(|l| self.scale.iter().find(|v| v.id == l.id));
                context! {
                    row => Value::from_serialize(row),
                    rule => a.suggestion.rule.number,
                    profile => a.suggestion.profile.describe(l),
                    suggested => Value::from_serialize(suggested),
                    agrees => a.agrees,
                }
            })
            .collect();
        let agree_count = e
            .entries
            .iter()
            .filter(|entry| self.assessed.of(e, entry).agrees)
            .count();
        let methodology = pick(l, &e.methodology, e.methodology_en.as_deref());
        self.emit(
            renderer,
            out,
            diags,
            "guide/methodology.html",
            self.page(
                self.words("guide_methodology_title", &[]),
                l.t("guide_methodology_description"),
                self.path("methode/"),
            ),
            context! {
                methodology => methodology.text,
                methodology_lang => methodology.lang,
                rules => Value::from_serialize(&rules),
                definitions,
                comparison,
                agree_count,
            },
        );
    }

    fn render_changes(
        &self,
        renderer: &Renderer,
        out: &mut DataPages,
        diags: &mut Diagnostics,
        previous: &Election,
    ) {
        let old = ElectionPages::new(self.assessed, previous, self.locale);
        let mut changes: Vec<Value> = Vec::new();
        for row in &self.rows {
            let before = old.rows.iter().find(|r| r.id == row.id);
            changes.push(context! {
                row => Value::from_serialize(row),
                before => Value::from_serialize(before.map(|b| &b.level)),
                changed => before.is_some_and(|b| b.level.tone != row.level.tone || b.level.label != row.level.label),
                new => before.is_none(),
            });
        }
        let gone: Vec<&RowView> = old
            .rows
            .iter()
            .filter(|r| !self.rows.iter().any(|n| n.id == r.id))
            .collect();
        let previous_title = old.title.text.as_str();
        self.emit(
            renderer,
            out,
            diags,
            "guide/changes.html",
            self.page(
                self.words("guide_changes_title", &[("previous", previous_title)]),
                self.words("guide_changes_description", &[("previous", previous_title)]),
                self.path("veranderingen/"),
            ),
            context! {
                previous => context! {
                    title => previous_title,
                    title_lang => old.title.lang,
                    url => previous.path.clone(),
                    date => self.locale.date(previous.date),
                },
                changes,
                gone => Value::from_serialize(&gone),
            },
        );
    }
}

fn level_view(locale: &Locale, election: &Election, level: &Level, rank: usize) -> LevelView {
    let english = level.english.as_ref();
    let label = pick(locale, &level.label, english.map(|e| e.label.as_str()));
    let meaning = pick(locale, &level.meaning, english.map(|e| e.meaning.as_str()));
    let screen_reader = pick(
        locale,
        &level.screen_reader,
        english.map(|e| e.screen_reader.as_str()),
    );
    LevelView {
        id: level.id.clone(),
        symbol: level.symbol.clone(),
        lang: label.lang,
        label: label.text,
        meaning: meaning.text,
        screen_reader: screen_reader.text,
        tone: level
            .rule
            .map(|r| r.id().replace('_', "-"))
            .unwrap_or_default(),
        rank,
        count: election
            .entries
            .iter()
            .filter(|e| e.verdict == level.id)
            .count(),
        url: format!("{}oordeel/{}/", election.path, level.id),
    }
}

/// The note on where a party is on the ballot, and its value for the
/// filter script (`all`, `except:3,16`, `count:19`).
fn districts_note(
    locale: &Locale,
    election: &Election,
    entry: &PartyEntry,
) -> (Option<String>, String) {
    match &entry.districts {
        Districts::All => (None, "all".to_string()),
        Districts::Except(list) => {
            let names: Vec<String> = list
                .iter()
                .map(|n| match election.district_name(*n) {
                    Some(name) => format!("{n} ({name})"),
                    None => n.to_string(),
                })
                .collect();
            let key = if names.len() == 1 {
                "guide_districts_not_in_one"
            } else {
                "guide_districts_not_in_many"
            };
            let note = locale.tf(key, &[("districts", &locale.list(&names))]);
            let data = list.iter().map(u8::to_string).collect::<Vec<_>>().join(",");
            (Some(note), format!("except:{data}"))
        }
        Districts::Count(n) => (
            Some(locale.text(
                "guide_districts_count",
                Some(i64::from(*n)),
                &[("total".to_string(), election.districts.len().to_string())],
            )),
            format!("count:{n}"),
        ),
    }
}

fn row_view(
    locale: &Locale,
    data: &GuideData,
    election: &Election,
    scale: &[LevelView],
    entry: &PartyEntry,
) -> RowView {
    let level = scale
        .iter()
        .find(|l| l.id == entry.verdict)
        .cloned()
        .unwrap_or_else(|| LevelView {
            id: entry.verdict.clone(),
            symbol: String::new(),
            label: entry.verdict.clone(),
            meaning: String::new(),
            screen_reader: entry.verdict.clone(),
            lang: None,
            tone: String::new(),
            rank: scale.len(),
            count: 0,
            url: election.path.to_string(),
        });
    let (districts_note, districts_data) = districts_note(locale, election, entry);
    let programme = entry.programme.as_ref();
    let summary = pick(locale, &entry.summary, entry.summary_en.as_deref());
    let programme_note =
        programme.and_then(|p| pick_opt(locale, p.note.as_deref(), p.note_en.as_deref()));
    RowView {
        id: entry.party.clone(),
        name: entry.display_name(data).to_string(),
        sort_key: name_key(entry.display_name(data)),
        url: format!("{}{}/", election.path, entry.party),
        level,
        reason: first_sentence(&summary.text),
        summary: summary.text,
        summary_lang: summary.lang,
        districts_note,
        districts_data,
        programme_url: programme.and_then(|p| p.url.clone()),
        programme_format: locale.t(match programme.map(|p| p.format) {
            Some(ProgrammeFormat::Pdf) => "guide_programme_pdf",
            _ => "guide_programme_web",
        }),
        programme_available: programme.is_none_or(|p| p.available),
        programme_note_lang: programme_note.as_ref().and_then(|n| n.lang),
        programme_note: programme_note.map(|n| n.text),
        programme_missing: programme.is_some_and(|p| !p.available && p.url.is_none()),
        votes: entry
            .evidence
            .iter()
            .filter_map(|e| vote_view(locale, data, e))
            .collect(),
        evidence_count: entry.evidence.len(),
        said_vs_did: super::vote_views::said_vs_did(locale, data, entry),
    }
}

/// The first sentence of `text`: up to the first `.`, `!` or `?` that ends
/// a word and is followed by a space and a capital (so "p. 48" or "o.a."
/// do not end it), or all of it.
pub fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|&(_, n)| n == ' ')
            && chars.get(i + 2).is_some_and(|&(_, n)| n.is_uppercase())
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
            && !(i > 1 && (chars[i - 2].1 == ' ' || chars[i - 2].1 == '.'));
        if ends {
            return text[..at + c.len_utf8()].to_string();
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Eén. Twee.", "Eén.")]
    #[test_case(
        "Zie p. 48 van het programma. Verder niets.",
        "Zie p. 48 van het programma."
    )]
    #[test_case("Wil o.a. encryptie. Meer.", "Wil o.a. encryptie.")]
    #[test_case("Geen punt", "Geen punt")]
    #[test_case("Wants e.g. encryption. More.", "Wants e.g. encryption.")]
    fn first_sentences(text: &str, expected: &str) {
        assert_eq!(first_sentence(text), expected);
    }

    fn election(districts: usize) -> Election {
        Election {
            id: crate::guide::model::ElectionId::parse("t").unwrap(),
            title: "t".into(),
            title_en: None,
            date: chrono::NaiveDate::from_ymd_opt(2023, 11, 22).unwrap(),
            path: crate::site_path::SitePath::parse("/t/").unwrap(),
            intro: None,
            intro_en: None,
            methodology: String::new(),
            methodology_en: None,
            scale: Vec::new(),
            districts: crate::guide::model::KIESKRINGEN[..districts]
                .iter()
                .map(|(number, name)| crate::guide::model::District {
                    number: *number,
                    name: name.to_string(),
                })
                .collect(),
            entries: Vec::new(),
            origin: Default::default(),
        }
    }

    #[test_case("nl", Districts::Except(vec![3]), "Niet op de kieslijst in kieskring 3 (Assen).")]
    #[test_case("nl", Districts::Except(vec![3, 16, 20]), "Niet op de kieslijst in de kieskringen 3 (Assen), 16 (Middelburg) en 20 (Bonaire).")]
    #[test_case("nl", Districts::Count(19), "Doet mee in 19 van de 20 kieskringen.")]
    #[test_case("en", Districts::Except(vec![3, 16, 20]), "Not on the ballot in the electoral districts 3 (Assen), 16 (Middelburg) and 20 (Bonaire).")]
    #[test_case(
        "en",
        Districts::Count(19),
        "On the ballot in 19 of the 20 electoral districts."
    )]
    fn district_notes_list_in_the_page_language(lang: &str, districts: Districts, expected: &str) {
        let entry = PartyEntry {
            districts,
            ..PartyEntry::default()
        };
        let (note, _) = districts_note(&Locale::builtin(lang), &election(20), &entry);
        assert_eq!(note.as_deref(), Some(expected));
    }
}
