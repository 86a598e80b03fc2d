//! The voting-guide pages: for every election an overview with legend and
//! filters, one page per party, highlights grouped by verdict, the methodology,
//! what changed since the previous election, static filter pages per verdict
//! and per kieskring (so filtering works without JavaScript), and the open data
//! files.
//!
//! Everything here turns the model into plain view structs; the HTML lives in
//! `site/templates/guide/`, so another campaign can restyle without Rust.

use std::path::Path;

use minijinja::{Value, context};
use serde::Serialize;

use super::assessed::Assessed;
use super::export::{data_csv, data_json, votes_csv};
use super::model::{
    Districts, Election, Evidence, EvidenceKind, GuideData, ItemKind, Level, PartyEntry,
    ProgrammeFormat, VoteChoice, name_key,
};
use super::verdict::{DEFINITIONS, RuleText, explain_rules};
use crate::diagnostics::Diagnostics;
use crate::render::data_pages::DataPages;
use crate::render::{PageMeta, PageType, Renderer};

/// Adds every guide page and open data file of the assessed data to
/// `out`. Does nothing when the site has no elections.
pub fn render(
    assessed: &Assessed,
    renderer: &Renderer,
    out: &mut DataPages,
    diags: &mut Diagnostics,
) {
    for election in &assessed.data.elections {
        ElectionPages::new(assessed, election).render(renderer, out, diags);
    }
}

pub use crate::content::dates::dutch_day;

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
    /// Rule outcome id, used as a CSS class (`protects`, `mixed`, ...); empty when none.
    pub tone: String,
    /// Position on the scale, for sorting.
    pub rank: usize,
    /// Parties with this verdict.
    pub count: usize,
    /// Static filter page of this verdict.
    pub url: String,
}

/// A recorded vote as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct VoteView {
    /// Item number.
    pub item: String,
    /// Item title.
    pub title: String,
    /// How the item is known, e.g. "motie-Van Ginneken (motie 2023Z07239)".
    pub phrase: String,
    /// Who moved it, when the data says (with a source).
    pub mover: Option<String>,
    /// "motie" or "wetsvoorstel".
    pub kind: &'static str,
    /// Link to the item.
    pub url: Option<String>,
    /// "vóór", "tegen" or "niet gestemd".
    pub vote: &'static str,
    /// True when this vote protects digital rights.
    pub protects: Option<bool>,
}

/// A motion or amendment the party submitted or co-signed, as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct SignedView {
    /// What the party did, after its name: "diende op 30 september 2025 motie 2025Z18230 in" or
    /// "ondertekende motie 2025Z18230 mee (mede-ondertekend)".
    pub did: String,
    /// Item title, when the data knows one.
    pub title: Option<String>,
    /// Which vote on it protects digital rights, in Dutch, when an editor decided it.
    pub protects: Option<String>,
}

/// One evidence item as templates show it.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    /// Kind in Dutch.
    pub kind: &'static str,
    /// Stance id (for CSS).
    pub stance: String,
    /// Stance in Dutch.
    pub stance_label: &'static str,
    /// Strength in Dutch, or empty.
    pub strength_label: &'static str,
    /// Literal quotation.
    pub quote: Option<String>,
    /// Editors' note.
    pub note: Option<String>,
    /// "p. 48", "pp. 18, 19", "zonder paginanummers" or empty.
    pub pages: String,
    /// Source link.
    pub url: Option<String>,
    /// Link text.
    pub link_text: String,
    /// Date in Dutch.
    pub date: Option<String>,
    /// For votes.
    pub vote: Option<VoteView>,
    /// For submitted and co-signed motions.
    pub signed: Option<SignedView>,
    /// Where it was said, for debates: "in het debat van 2 oktober 2025".
    pub context: Option<String>,
    /// For votes synced from the Tweede Kamer: where it comes from.
    pub provenance: Option<super::vote_views::ProvenanceView>,
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
    /// The summary's first sentence (Markdown): the one-line reason on the overview.
    pub reason: String,
    /// Note when the party is not on the ballot everywhere.
    pub districts_note: Option<String>,
    /// `all`, `except:3,16,20` or `count:19`, for the filter script.
    pub districts_data: String,
    /// Programme link.
    pub programme_url: Option<String>,
    /// "pdf" or "webpagina".
    pub programme_format: &'static str,
    /// False when the party published no searchable programme.
    pub programme_available: bool,
    /// Why the programme is not available, when the editors said so.
    pub programme_note: Option<String>,
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
    scale: Vec<LevelView>,
    rows: Vec<RowView>,
}

impl<'a> ElectionPages<'a> {
    fn new(assessed: &'a Assessed<'a>, election: &'a Election) -> Self {
        let data = assessed.data;
        let scale: Vec<LevelView> = election
            .scale
            .iter()
            .enumerate()
            .map(|(rank, l)| level_view(election, l, rank))
            .collect();
        let rows = election
            .entries_by_name(data)
            .into_iter()
            .map(|e| row_view(data, election, &scale, e))
            .collect();
        ElectionPages {
            assessed,
            data,
            election,
            scale,
            rows,
        }
    }

    fn path(&self, rest: &str) -> String {
        format!("{}{rest}", self.election.path)
    }

    fn common(&self) -> Value {
        let e = self.election;
        let previous = self.data.previous_election(e);
        context! {
            election => context! {
                id => e.id.to_string(),
                title => e.title.clone(),
                date => dutch_day(e.date),
                date_iso => e.date.to_string(),
                intro => e.intro.clone(),
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
        let description = format!(
            "Wat vinden de {} partijen van de {} van versleutelde communicatie en chatcontrole? Oordeel, uitleg en bronnen per partij.",
            e.entries.len(),
            e.title
        );
        self.emit(
            renderer,
            out,
            diags,
            "guide/overview.html",
            self.page(e.title.clone(), description, e.path.to_string()),
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
            let title = format!("{}: partijen met oordeel {}", e.title, level.label);
            let filter = format!("Oordeel: {}", level.label);
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
            let title = format!(
                "{}: kieskring {} ({})",
                e.title, district.number, district.name
            );
            let filter = format!("Kieskring {} ({})", district.number, district.name);
            self.emit(
                renderer,
                out,
                diags,
                "guide/overview.html",
                self.page(
                    title,
                    format!(
                        "De partijen op de kieslijst in kieskring {} ({}).",
                        district.number, district.name
                    ),
                    district.url.clone(),
                ),
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
            .map(|ev| evidence_view(self.data, ev))
            .collect();
        let outreach: Vec<Value> = entry
            .outreach
            .iter()
            .map(|o| {
                context! {
                    asked_on => dutch_day(o.asked_on),
                    replied_on => o.replied_on.map(dutch_day),
                    reply_url => o.reply_url.clone(),
                    note => o.note.clone(),
                }
            })
            .collect();
        let title = format!("{}: {}", row.name, row.level.label);
        let description = format!("Oordeel en bronnen van {} in de {}.", row.name, e.title);
        let page = self.page(title, description, row.url.clone());
        let ctx = context! {
            row => Value::from_serialize(row),
            evidence => Value::from_serialize(&evidence),
            vote_notes => Value::from_serialize(super::vote_views::vote_notes(self.data, entry)),
            outreach => outreach,
            override_reason => entry.override_reason.clone(),
            agrees => assessment.agrees,
            suggestion => assessment.suggestion.explanation(e),
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
        let e = self.election;
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
                format!("{}: de partijen per oordeel", e.title),
                format!("Welke partijen beschermen versleutelde communicatie, en welke niet? De {} partijen per oordeel.", e.entries.len()),
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
        let rules: Vec<RuleText> = explain_rules(e);
        let definitions: Vec<Value> = DEFINITIONS
            .iter()
            .map(|(term, text)| context! { term, text })
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
                    profile => a.suggestion.profile.describe(),
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
        self.emit(
            renderer,
            out,
            diags,
            "guide/methodology.html",
            self.page(
                format!("{}: zo komen de oordelen tot stand", e.title),
                "De regels achter de oordelen van de stemwijzer, en per partij wat de regels voorstellen.".to_string(),
                self.path("methode/"),
            ),
            context! {
                methodology => e.methodology.clone(),
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
        let e = self.election;
        let old = ElectionPages::new(self.assessed, previous);
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
        self.emit(
            renderer,
            out,
            diags,
            "guide/changes.html",
            self.page(
                format!("{}: wat veranderde sinds {}", e.title, previous.title),
                format!("De oordelen van {} vergeleken met {}.", e.title, previous.title),
                self.path("veranderingen/"),
            ),
            context! {
                previous => context! { title => previous.title.clone(), url => previous.path.clone(), date => dutch_day(previous.date) },
                changes,
                gone => Value::from_serialize(&gone),
            },
        );
    }
}

fn level_view(election: &Election, level: &Level, rank: usize) -> LevelView {
    LevelView {
        id: level.id.clone(),
        symbol: level.symbol.clone(),
        label: level.label.clone(),
        meaning: level.meaning.clone(),
        screen_reader: level.screen_reader.clone(),
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

fn row_view(
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
            tone: String::new(),
            rank: scale.len(),
            count: 0,
            url: election.path.to_string(),
        });
    let (districts_note, districts_data) = match &entry.districts {
        Districts::All => (None, "all".to_string()),
        Districts::Except(list) => {
            let names: Vec<String> = list
                .iter()
                .map(|n| match election.district_name(*n) {
                    Some(name) => format!("{n} ({name})"),
                    None => n.to_string(),
                })
                .collect();
            let note = if names.len() == 1 {
                format!("Niet op de kieslijst in kieskring {}.", names[0])
            } else {
                format!(
                    "Niet op de kieslijst in de kieskringen {}.",
                    join_dutch(&names)
                )
            };
            let data = list.iter().map(u8::to_string).collect::<Vec<_>>().join(",");
            (Some(note), format!("except:{data}"))
        }
        Districts::Count(n) => (
            Some(format!(
                "Doet mee in {n} van de {} kieskringen.",
                election.districts.len()
            )),
            format!("count:{n}"),
        ),
    };
    let programme = entry.programme.as_ref();
    RowView {
        id: entry.party.clone(),
        name: entry.display_name(data).to_string(),
        sort_key: name_key(entry.display_name(data)),
        url: format!("{}{}/", election.path, entry.party),
        level,
        summary: entry.summary.clone(),
        reason: first_sentence(&entry.summary),
        districts_note,
        districts_data,
        programme_url: programme.and_then(|p| p.url.clone()),
        programme_format: match programme.map(|p| p.format) {
            Some(ProgrammeFormat::Pdf) => "pdf",
            _ => "webpagina",
        },
        programme_available: programme.is_none_or(|p| p.available),
        programme_note: programme.and_then(|p| p.note.clone()),
        programme_missing: programme.is_some_and(|p| !p.available && p.url.is_none()),
        votes: entry
            .evidence
            .iter()
            .filter_map(|e| vote_view(data, e))
            .collect(),
        evidence_count: entry.evidence.len(),
        said_vs_did: super::vote_views::said_vs_did(data, entry),
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

/// "a, b en c".
fn join_dutch(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

fn vote_view(data: &GuideData, e: &Evidence) -> Option<VoteView> {
    if e.kind != EvidenceKind::Vote {
        return None;
    }
    let number = e.item.clone()?;
    let vote = e.vote?;
    let item = data.item(&number);
    Some(VoteView {
        title: item
            .map(|i| i.title.clone())
            .unwrap_or_else(|| number.clone()),
        phrase: super::vote_views::item_phrase(data, &number),
        mover: item.and_then(|i| i.mover.clone()),
        kind: match item.map(|i| i.kind) {
            Some(ItemKind::Bill) => "wetsvoorstel",
            _ => "motie",
        },
        url: e.url.clone().or_else(|| item.and_then(|i| i.url.clone())),
        vote: vote.dutch(),
        protects: item
            .and_then(|i| i.protects)
            .filter(|_| vote != VoteChoice::Absent)
            .map(|p| p == vote),
        item: number,
    })
}

fn signed_view(data: &GuideData, e: &Evidence) -> Option<SignedView> {
    if !e.kind.is_signature() {
        return None;
    }
    let number = e.item.clone()?;
    let item = data.item(&number);
    let noun = match item.map(|i| i.kind) {
        Some(ItemKind::Bill) => "wetsvoorstel",
        _ => "motie",
    };
    let date = e
        .date
        .map(|d| format!(" op {}", dutch_day(d)))
        .unwrap_or_default();
    let did = match e.kind {
        EvidenceKind::Cosigned => {
            format!("ondertekende{date} {noun} {number} mee (mede-ondertekend)")
        }
        _ => format!("diende{date} {noun} {number} in"),
    };
    Some(SignedView {
        did,
        title: item
            .map(|i| i.title.clone())
            .filter(|t| !t.ends_with(number.as_str())),
        protects: item.and_then(|i| i.protects).map(|p| {
            format!(
                "Een stem {} deze {noun} beschermt digitale rechten.",
                p.dutch()
            )
        }),
    })
}

/// "in het debat van 2 oktober 2025" for a dated debate, "in een debat" otherwise.
fn debate_context(e: &Evidence) -> Option<String> {
    (e.kind == EvidenceKind::Debate).then(|| match e.date {
        Some(d) => format!("in het debat van {}", dutch_day(d)),
        None => "in een debat".to_string(),
    })
}

fn pages_label(e: &Evidence) -> String {
    match e.pages.as_slice() {
        [] if e.no_pages => "zonder paginanummers".to_string(),
        [] => String::new(),
        [one] => format!("p. {one}"),
        many => format!(
            "pp. {}",
            many.iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn evidence_view(data: &GuideData, e: &Evidence) -> EvidenceView {
    let vote = vote_view(data, e);
    let signed = signed_view(data, e);
    let link_text = e
        .title
        .clone()
        // A motion by its name ("motie-Van Ginneken (motie 2023Z07239)"),
        // not by its number alone, which says nothing to a reader.
        .or_else(|| vote.as_ref().map(|v| v.phrase.clone()))
        .unwrap_or_else(|| match e.kind {
            EvidenceKind::Programme => "verkiezingsprogramma".to_string(),
            EvidenceKind::Debate => "verslag van het debat".to_string(),
            EvidenceKind::Submitted | EvidenceKind::Cosigned => match &e.item {
                Some(number) => super::vote_views::item_phrase(data, number),
                None => "motie".to_string(),
            },
            _ => "bron".to_string(),
        });
    EvidenceView {
        kind: e.kind.dutch(),
        stance: format!("{:?}", e.stance).to_lowercase(),
        stance_label: e.stance.dutch(),
        strength_label: e.strength.map(|s| s.dutch()).unwrap_or(""),
        quote: e.quote.clone(),
        note: e.note.clone(),
        pages: pages_label(e),
        url: e.url.clone(),
        link_text,
        date: e.date.map(dutch_day),
        vote,
        signed,
        context: debate_context(e),
        provenance: super::vote_views::provenance(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case(&[], "")]
    #[test_case(&["3"], "3")]
    #[test_case(&["3", "16", "20"], "3, 16 en 20")]
    fn dutch_lists(items: &[&str], expected: &str) {
        let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        assert_eq!(join_dutch(&items), expected);
    }

    #[test_case("Eén. Twee.", "Eén.")]
    #[test_case(
        "Zie p. 48 van het programma. Verder niets.",
        "Zie p. 48 van het programma."
    )]
    #[test_case("Wil o.a. encryptie. Meer.", "Wil o.a. encryptie.")]
    #[test_case("Geen punt", "Geen punt")]
    fn first_sentences(text: &str, expected: &str) {
        assert_eq!(first_sentence(text), expected);
    }

    #[test_case(EvidenceKind::Submitted, Some("2025-09-30"), Some("diende op 30 september 2025 motie 2025Z18230 in"); "submitted")]
    #[test_case(EvidenceKind::Cosigned, None, Some("ondertekende motie 2025Z18230 mee (mede-ondertekend)"); "co-signed")]
    #[test_case(EvidenceKind::Vote, None, None; "a vote is worded as a vote")]
    fn signed_motions_are_worded_as_what_the_party_did(
        kind: EvidenceKind,
        date: Option<&str>,
        expected: Option<&str>,
    ) {
        let e = Evidence {
            kind,
            item: Some("2025Z18230".into()),
            date: date.map(|d| d.parse().unwrap()),
            ..Evidence::default()
        };
        let view = signed_view(&GuideData::default(), &e);
        assert_eq!(view.map(|v| v.did).as_deref(), expected);
    }

    #[test_case(Some("2025-10-02"), "in het debat van 2 oktober 2025")]
    #[test_case(None, "in een debat")]
    fn debates_say_when(date: Option<&str>, expected: &str) {
        let e = Evidence {
            kind: EvidenceKind::Debate,
            date: date.map(|d| d.parse().unwrap()),
            ..Evidence::default()
        };
        assert_eq!(debate_context(&e).as_deref(), Some(expected));
    }

    #[test_case(vec![48], false, "p. 48")]
    #[test_case(vec![18, 19], false, "pp. 18, 19")]
    #[test_case(vec![], true, "zonder paginanummers")]
    #[test_case(vec![], false, "")]
    fn page_labels(pages: Vec<u32>, no_pages: bool, expected: &str) {
        let e = Evidence {
            pages,
            no_pages,
            ..Evidence::default()
        };
        assert_eq!(pages_label(&e), expected);
    }
}
