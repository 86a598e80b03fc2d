//! What `import guide` will write, decided from the parsed page before
//! anything is written: the election with one entry per row, parties and
//! items the data does not know yet, and notes for the report. Every
//! problem becomes a diagnostic on its line of the page.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::document::{Column, GuideDocument, Row, symbol_key};
use super::write::PlannedFile;
use super::{cell, districts};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::model::ElectionId;
use crate::guide::model::{
    Alias, District, Districts, Election, Evidence, EvidenceKind, Item, KIESKRINGEN, Level, Origin,
    Party, PartyEntry, Programme, ProgrammeFormat, RuleOutcome, Stance, Strength, VoteChoice,
    name_key,
};
use crate::msg;
use crate::site_path::SitePath;

/// The default methodology text of an imported election (Dutch).
const METHODOLOGY: &str = "Voor elke partij lezen we het verkiezingsprogramma en zoeken we naar wat erin staat over versleutelde communicatie, het scannen van berichten, massasurveillance en privacy. Voor partijen die al in de Tweede Kamer zaten, kijken we ook hoe ze stemden over moties en wetsvoorstellen die deze onderwerpen raken. Elk stuk bewijs staat met bron en, waar mogelijk, paginanummer op de pagina van de partij. De regels hieronder maken van dat bewijs een voorstel voor een oordeel; wijkt de redactie daarvan af, dan staat de reden erbij.";

static FOOTNOTE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^([^\]]+)\]").expect("valid regex"));
static PARENTHESIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.*?)\s*\(([^)]*)\)\s*$").expect("valid regex"));

/// What an earlier import or an editor already put in election.toml and should be kept.
#[derive(Default)]
pub(super) struct PreviousElection {
    pub(super) path: Option<SitePath>,
    pub(super) intro: Option<String>,
    pub(super) methodology: Option<String>,
    /// The English of the intro and methodology kept above (`intro_en`,
    /// `methodology_en`): kept with them.
    pub(super) intro_en: Option<String>,
    pub(super) methodology_en: Option<String>,
}

/// Everything the import will write.
pub(super) struct Plan {
    election: Election,
    new_parties: Vec<Party>,
    new_items: Vec<Item>,
    notes: Vec<String>,
}

pub(super) struct Planner<'a> {
    file: &'a Path,
    doc: &'a GuideDocument,
    parties: Vec<Party>,
    /// Party index by every name key (name, short name, aliases), and by id:
    /// one lookup per row keeps a long table linear.
    by_name: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
    /// Parties already in the table, for the "appears twice" check.
    seen: BTreeSet<String>,
    known_party_count: usize,
    items: BTreeMap<String, Item>,
    diags: Diagnostics,
    notes: Vec<String>,
}

impl<'a> Planner<'a> {
    pub(super) fn new(
        file: &'a Path,
        doc: &'a GuideDocument,
        parties: Vec<Party>,
        items: BTreeMap<String, Item>,
    ) -> Self {
        let mut planner = Planner {
            file,
            doc,
            known_party_count: parties.len(),
            parties: Vec::new(),
            by_name: HashMap::new(),
            by_id: HashMap::new(),
            seen: BTreeSet::new(),
            items,
            diags: doc.problems.clone(),
            notes: Vec::new(),
        };
        for party in parties {
            planner.add_party(party);
        }
        planner
    }

    /// Adds a party to the list and the indexes; earlier names win.
    fn add_party(&mut self, party: Party) {
        let index = self.parties.len();
        for name in std::iter::once(&party.name)
            .chain(party.short_name.iter())
            .chain(party.aliases.iter().map(|alias| &alias.name))
        {
            self.by_name.entry(name_key(name)).or_insert(index);
        }
        // "Forum voor Democratie (FVD)" is also "Forum voor Democratie" in a
        // later guide that leaves the abbreviation out.
        if let Some(c) = PARENTHESIS.captures(&party.name) {
            self.by_name.entry(name_key(&c[1])).or_insert(index);
        }
        self.by_id.entry(party.id.clone()).or_insert(index);
        self.parties.push(party);
    }

    pub(super) fn plan(
        mut self,
        id: &ElectionId,
        previous: PreviousElection,
    ) -> Result<Plan, Diagnostics> {
        let scale = self.scale();
        let mut symbols = HashMap::new();
        for (i, level) in scale.iter().enumerate() {
            symbols.entry(symbol_key(&level.symbol)).or_insert(i);
        }
        let districts: Vec<District> = KIESKRINGEN
            .iter()
            .map(|(number, name)| District {
                number: *number,
                name: name.to_string(),
            })
            .collect();
        let date = self.doc.election_date;
        if date.is_none() {
            self.diags.push(
                Diagnostic::error(
                    "guide-import-date-missing",
                    self.file,
                    1,
                    1,
                    msg!(
                        "cannot find the election date",
                        "de datum van de verkiezing staat nergens"
                    ),
                )
                .with_hint(msg!(
                    "name the day in the introduction, e.g. \"Op 22 november 2023 ...\", or add `date: 2023-11-22` to the front matter",
                    "noem de dag in de inleiding, bijvoorbeeld \"Op 22 november 2023 ...\", of zet `date: 2023-11-22` in de front matter"
                )),
            );
        }
        let known_items: BTreeSet<String> = self.items.keys().cloned().collect();
        let mut entries = Vec::new();
        let mut item_refs = Vec::new();
        let mut reported_footnotes = BTreeSet::new();
        for row in &self.doc.rows {
            if let Some((entry, refs)) =
                self.entry(row, &scale, &symbols, &districts, &mut reported_footnotes)
            {
                if !self.seen.insert(entry.party.clone()) {
                    self.diags.push(
                        Diagnostic::error(
                            "guide-import-party-twice",
                            self.file,
                            row.line,
                            1,
                            msg!(
                                "party `{}` appears twice in the table",
                                "partij `{}` staat twee keer in de tabel",
                                entry.party
                            ),
                        )
                        .with_hint(msg!(
                            "keep one row per party",
                            "houd één regel per partij over"
                        )),
                    );
                    continue;
                }
                entries.push(entry);
                item_refs.extend(refs);
            }
        }
        let new_items = self.decide_items(&item_refs, &known_items);
        // An imported vote's source is the guide page it was read from:
        // `check` refuses a vote without one (issue 21), and the editors
        // replace it by the Kamer's record (`sync votes`) or a press report.
        let page = self
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let imported_on = chrono::Utc::now().date_naive();
        for entry in &mut entries {
            for e in &mut entry.evidence {
                classify_vote(e, &self.items);
                if e.kind == EvidenceKind::Vote && e.source.is_none() {
                    e.source = Some(crate::provenance::Provenance::Editor {
                        note: format!(
                            "overgenomen uit de geïmporteerde stemwijzer ({page}); nog niet nagekeken in het verslag of de open data van de Tweede Kamer"
                        ),
                        checked_on: imported_on,
                    });
                }
            }
        }
        let (Some(date), false) = (date, self.diags.has_errors()) else {
            return Err(self.diags);
        };
        entries.sort_by(|a, b| a.party.cmp(&b.party));
        let title = self
            .doc
            .title
            .clone()
            .unwrap_or_else(|| format!("Stemwijzer {id}"));
        // English kept only with the Dutch text it translates.
        let intro_en = previous.intro.as_ref().and(previous.intro_en);
        let methodology_en = previous.methodology.as_ref().and(previous.methodology_en);
        let election = Election {
            id: id.clone(),
            title,
            title_en: None,
            date,
            path: previous
                .path
                .or_else(|| SitePath::from_segments([id.as_str()], true).ok())
                .unwrap_or_else(SitePath::root),
            intro: previous
                .intro
                .or_else(|| Some(self.doc.intro.clone()).filter(|i| !i.is_empty())),
            intro_en,
            methodology: previous
                .methodology
                .unwrap_or_else(|| METHODOLOGY.to_string()),
            methodology_en,
            scale,
            districts,
            entries,
            origin: Origin::default(),
        };
        Ok(Plan {
            election,
            new_parties: self.parties.split_off(self.known_party_count),
            new_items,
            notes: self.notes,
        })
    }

    fn scale(&mut self) -> Vec<Level> {
        let mut used_rules = BTreeSet::new();
        let mut used_ids = BTreeSet::new();
        let mut scale = Vec::new();
        for entry in &self.doc.legend {
            let rule = rule_of_meaning(&entry.meaning).filter(|r| used_rules.insert(*r));
            let (mut id, label) = match rule {
                Some(RuleOutcome::Protects) => ("beschermt".to_string(), "Beschermt".to_string()),
                Some(RuleOutcome::Mixed) => (
                    "mogelijk-niet".to_string(),
                    "Beschermt mogelijk niet".to_string(),
                ),
                Some(RuleOutcome::DoesNotProtect) => {
                    ("beschermt-niet".to_string(), "Beschermt niet".to_string())
                }
                Some(RuleOutcome::Unclear) => {
                    ("onduidelijk".to_string(), "Onduidelijk".to_string())
                }
                None => {
                    self.notes.push(format!(
                        "legend line {}: cannot tell which verdict rule `{}` stands for; the level is written without `rule`, and `check` warns about its parties until you add rule = \"protects\", \"mixed\", \"does_not_protect\" or \"unclear\" to it",
                        entry.line, entry.meaning
                    ));
                    (slugify(&entry.meaning), entry.meaning.clone())
                }
            };
            if id.is_empty() {
                id = "niveau".to_string();
            }
            let base = id.clone();
            let mut n = 2;
            while !used_ids.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            scale.push(Level {
                id,
                symbol: entry.symbol.clone(),
                label,
                meaning: entry.meaning.clone(),
                screen_reader: entry.meaning.clone(),
                english: None,
                rule,
            });
        }
        scale
    }

    fn entry(
        &mut self,
        row: &Row,
        scale: &[Level],
        symbols: &HashMap<String, usize>,
        districts: &[District],
        reported_footnotes: &mut BTreeSet<String>,
    ) -> Option<(PartyEntry, Vec<cell::ItemRef>)> {
        let errors_before = self.diags.error_count();
        let raw_name = row.text(Column::Party);
        let footnote_ids: Vec<String> = FOOTNOTE_MARKER
            .captures_iter(raw_name)
            .map(|c| c[1].to_string())
            .collect();
        let name = FOOTNOTE_MARKER
            .replace_all(raw_name, "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.diags.push(
                Diagnostic::error(
                    "guide-import-party-empty",
                    self.file,
                    row.line,
                    row.column_of(Column::Party),
                    msg!("the party name is empty", "de naam van de partij is leeg"),
                )
                .with_hint(msg!(
                    "write the party's name in the Partij column",
                    "schrijf de naam van de partij in de kolom Partij"
                )),
            );
        }
        let symbol = row.text(Column::Verdict);
        let level = symbols.get(&symbol_key(symbol)).map(|&i| &scale[i]);
        if level.is_none() {
            let known: Vec<&str> = scale.iter().map(|l| l.symbol.as_str()).collect();
            let known = known.join(" ");
            self.diags.push(
                Diagnostic::error(
                    "guide-import-verdict-unknown",
                    self.file,
                    row.line,
                    row.column_of(Column::Verdict),
                    msg!(
                        "unknown verdict symbol `{symbol}`",
                        "onbekend symbool `{symbol}` voor het oordeel"
                    ),
                )
                .with_hint(msg!(
                    "use a symbol of the legend ({known}), or add `- {symbol} = meaning` to it",
                    "gebruik een symbool uit de legenda ({known}), of zet `- {symbol} = betekenis` erbij"
                )),
            );
        }
        let source = match cell::parse_source(row.text(Column::Source)) {
            Ok(s) => s,
            Err(e) => {
                self.diags.push(
                    Diagnostic::error(
                        e.code,
                        self.file,
                        row.line,
                        row.column_of(Column::Source) + e.offset,
                        e.message,
                    )
                    .with_hint(e.hint.unwrap_or_else(|| {
                        msg!(
                            "write the programme as a link, `[Programma X](https://...)`, or `---` when there is none",
                            "schrijf het programma als link, `[Programma X](https://...)`, of `---` als er geen is"
                        )
                    })),
                );
                cell::SourceCell::default()
            }
        };
        let programme_url = source.programme.as_ref().and_then(|p| p.url.as_deref());
        let explanation_text = row.text(Column::Explanation);
        let explanation = match cell::parse_explanation_on(
            explanation_text,
            programme_url,
            self.doc.election_date,
        ) {
            Ok(e) => e,
            Err(errors) => {
                for e in errors {
                    self.diags.push(
                        Diagnostic::error(
                            e.code,
                            self.file,
                            row.line,
                            row.column_of(Column::Explanation) + e.offset,
                            e.message,
                        )
                        .with_hint(e.hint.unwrap_or_else(|| {
                            msg!(
                                "write page references as (p. 48), (pp. 18, 19), (pp. 10-11) or (zonder paginanummers)",
                                "schrijf verwijzingen naar pagina's als (p. 48), (pp. 18, 19), (pp. 10-11) of (zonder paginanummers)"
                            )
                        })),
                    );
                }
                cell::Explanation::default()
            }
        };
        let mut party_districts = Districts::All;
        for id in &footnote_ids {
            match self.footnote_districts(id, row, districts, reported_footnotes) {
                Some(d) => match districts::combine(party_districts.clone(), d) {
                    Ok(combined) => party_districts = combined,
                    Err(error) => self.diags.push(
                        Diagnostic::error(
                            "guide-import-footnotes-conflict",
                            self.file,
                            row.line,
                            1,
                            error.message(),
                        )
                        .with_hint(msg!(
                            "give the party one footnote about its kieskringen",
                            "geef de partij één voetnoot over haar kieskringen"
                        )),
                    ),
                },
                None => continue,
            }
        }
        if self.diags.error_count() > errors_before {
            return None;
        }
        let mut programme = source.programme.or_else(|| {
            explanation
                .programme_link
                .as_ref()
                .map(|(title, url)| Programme {
                    url: Some(url.clone()),
                    title: Some(title.clone()),
                    format: if url.to_lowercase().ends_with(".pdf") {
                        ProgrammeFormat::Pdf
                    } else {
                        ProgrammeFormat::Html
                    },
                    available: true,
                    note: None,
                    note_en: None,
                })
        });
        if let Some(p) = &mut programme {
            p.available = !explanation.programme_unavailable;
        }
        let party_id = self.party_for(&name);
        let party_name = self
            .party(&party_id)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let mut evidence = explanation.evidence;
        evidence.extend(source.extra);
        Some((
            PartyEntry {
                party: party_id,
                name: (party_name != name).then_some(name),
                verdict: level.map(|l| l.id.clone()).unwrap_or_default(),
                override_reason: None,
                override_reason_en: None,
                summary: explanation_text.to_string(),
                summary_en: None,
                districts: party_districts,
                programme,
                evidence,
                outreach: Vec::new(),
                origin: Origin::default(),
            },
            explanation.items,
        ))
    }

    fn footnote_districts(
        &mut self,
        id: &str,
        row: &Row,
        districts: &[District],
        reported: &mut BTreeSet<String>,
    ) -> Option<Districts> {
        let Some(footnote) = self.doc.footnotes.get(id) else {
            self.diags.push(
                Diagnostic::error(
                    "guide-import-footnote-undefined",
                    self.file,
                    row.line,
                    row.column_of(Column::Party),
                    msg!(
                        "footnote [^{id}] is not defined",
                        "voetnoot [^{id}] bestaat niet"
                    ),
                )
                .with_hint(msg!(
                    "add a line `[^{id}]: ...` below the table",
                    "zet een regel `[^{id}]: ...` onder de tabel"
                )),
            );
            return None;
        };
        let (code, problem) = match districts::parse_footnote(&footnote.text, districts) {
            Ok(Some(d)) => return Some(d),
            Ok(None) => (
                "guide-import-footnote-not-districts",
                msg!(
                    "this footnote is not about kieskringen, and the importer only reads footnotes about kieskringen",
                    "deze voetnoot gaat niet over kieskringen, en het importeren leest alleen voetnoten over kieskringen"
                ),
            ),
            Err(error) => {
                let error = error.message();
                (
                    "guide-import-footnote-unreadable",
                    msg!(
                        "cannot read this footnote: {error}",
                        "deze voetnoot is niet te lezen: {error}";
                        error
                    ),
                )
            }
        };
        if reported.insert(id.to_string()) {
            self.diags.push(
                Diagnostic::error(code, self.file, footnote.line, 1, problem)
                    .with_hint(msg!(
                        "write e.g. \"Partij ongeldig verklaard voor de kieskringen 3 (Assen) en 20 (Bonaire).\" or \"Doet mee in 19 kieskringen.\"",
                        "schrijf bijvoorbeeld \"Partij ongeldig verklaard voor de kieskringen 3 (Assen) en 20 (Bonaire).\" of \"Doet mee in 19 kieskringen.\""
                    )),
            );
        }
        None
    }

    fn party(&self, id: &str) -> Option<&Party> {
        self.by_id.get(id).map(|&i| &self.parties[i])
    }

    /// The id of the party called `name`, adding a new party when none matches.
    fn party_for(&mut self, name: &str) -> String {
        let (base, parenthesis) = match PARENTHESIS.captures(name) {
            Some(c) => (c[1].trim().to_string(), Some(c[2].trim().to_string())),
            None => (name.to_string(), None),
        };
        let mut candidates = vec![name.to_string(), base.clone()];
        candidates.extend(parenthesis.clone());
        candidates.extend(base.split('/').map(|s| s.trim().to_string()));
        for candidate in &candidates {
            if let Some(&i) = self.by_name.get(&name_key(candidate)) {
                return self.parties[i].id.clone();
            }
        }
        let stem = {
            let s = slugify(&base);
            if s.is_empty() {
                "partij".to_string()
            } else {
                s
            }
        };
        let mut id = stem.clone();
        let mut n = 2;
        while self.party(&id).is_some() {
            id = format!("{stem}-{n}");
            n += 1;
        }
        self.add_party(Party {
            id: id.clone(),
            name: name.to_string(),
            short_name: None,
            aliases: parenthesis.into_iter().map(Alias::always).collect(),
            website: None,
            origin: Origin::default(),
        });
        id
    }

    /// Decides which vote protects for every referenced item, and returns the
    /// items that must be created.
    fn decide_items(&mut self, refs: &[cell::ItemRef], known: &BTreeSet<String>) -> Vec<Item> {
        let mut new_items: BTreeMap<String, Item> = BTreeMap::new();
        for r in refs {
            if known.contains(&r.number) {
                continue;
            }
            let item = new_items.entry(r.number.clone()).or_insert_with(|| Item {
                number: r.number.clone(),
                title: match r.kind {
                    crate::guide::model::ItemKind::Motion => format!("Motie {}", r.number),
                    crate::guide::model::ItemKind::Bill => format!("Wetsvoorstel {}", r.number),
                },
                title_en: None,
                name: None,
                name_en: None,
                mover: None,
                mover_en: None,
                source: None,
                date: None,
                kind: r.kind,
                url: Some(r.url.clone()),
                protects: None,
                results: Vec::new(),
                origin: Origin::default(),
            });
            match (item.protects, r.protects_hint) {
                (None, hint) => item.protects = hint,
                (Some(p), Some(h)) if p != h => self.notes.push(format!(
                    "item {}: the link texts disagree on which vote protects; kept `{}`",
                    r.number,
                    p.id()
                )),
                _ => {}
            }
        }
        for item in new_items.values() {
            if item.protects.is_none() {
                self.notes.push(format!(
                    "item {}: cannot tell which vote protects; set `protects` in data/items/{}.toml and classify its votes",
                    item.number, item.number
                ));
            }
            self.items.insert(item.number.clone(), item.clone());
        }
        new_items.into_values().collect()
    }
}

/// Gives a vote its stance from the item's protecting direction; a motion
/// the party submitted or co-signed counts as asking for what a vote for it
/// would support.
fn classify_vote(e: &mut Evidence, items: &BTreeMap<String, Item>) {
    let protects = e
        .item
        .as_ref()
        .and_then(|n| items.get(n))
        .and_then(|i| i.protects);
    let vote = match e.kind {
        EvidenceKind::Vote => e.vote,
        EvidenceKind::Submitted | EvidenceKind::Cosigned => Some(VoteChoice::For),
        _ => None,
    };
    if let (Some(vote), Some(protects)) = (vote, protects) {
        e.stance = if vote == VoteChoice::Absent {
            Stance::Silent
        } else if vote == protects {
            Stance::Protects
        } else {
            Stance::Undermines
        };
        e.strength = Some(Strength::Explicit);
    }
}

/// Which verdict rule a legend meaning stands for, read from its words.
fn rule_of_meaning(meaning: &str) -> Option<RuleOutcome> {
    let m = format!(" {} ", meaning.to_lowercase());
    if ["onduidelijk", "ontbreekt", "onbekend", "geen standpunt"]
        .iter()
        .any(|w| m.contains(w))
    {
        Some(RuleOutcome::Unclear)
    } else if ["mogelijk niet", "deels", "gemengd", "twijfel"]
        .iter()
        .any(|w| m.contains(w))
    {
        Some(RuleOutcome::Mixed)
    } else if [
        " niet ",
        "ondermijnt",
        " vóór ",
        " voor chatcontrole",
        "voorstander",
    ]
    .iter()
    .any(|w| m.contains(w))
    {
        Some(RuleOutcome::DoesNotProtect)
    } else if [
        "beschermt",
        "steunt",
        "verdedigt",
        " tegen ",
        "tegenstander",
    ]
    .iter()
    .any(|w| m.contains(w))
    {
        Some(RuleOutcome::Protects)
    } else {
        None
    }
}

/// Lower-case ASCII id from a name: "LEF – Voor de Nieuwe Generatie" → "lef-voor-de-nieuwe-generatie".
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[derive(Serialize)]
struct PartiesFile<'a> {
    party: &'a [Party],
}

impl Plan {
    pub(super) fn files(
        &self,
        data_dir: &Path,
        source_name: &str,
    ) -> Result<Vec<PlannedFile>, Diagnostics> {
        let election_dir = data_dir.join("elections").join(self.election.id.as_str());
        let mut files = Vec::new();
        let path = election_dir.join("election.toml");
        files.push(PlannedFile {
            contents: format!(
                "# Imported from {source_name} by `chatcontrole import guide`.\n{}",
                to_toml(&self.election, &path)?
            ),
            path,
        });
        for entry in &self.election.entries {
            let path = election_dir
                .join("parties")
                .join(format!("{}.toml", entry.party));
            let unclassified = entry
                .evidence
                .iter()
                .filter(|e| e.stance == Stance::Unclassified)
                .count();
            let mut header =
                format!("# Imported from {source_name} by `chatcontrole import guide`.\n");
            if unclassified > 0 {
                header.push_str(&format!(
                    "# {unclassified} evidence item(s) are `unclassified`: set stance and strength, and rewrite the summary in our own words.\n"
                ));
            }
            files.push(PlannedFile {
                contents: format!("{header}{}", to_toml(entry, &path)?),
                path,
            });
        }
        if !self.new_parties.is_empty() {
            let path = data_dir.join("parties.toml");
            let existing = match fs::read_to_string(&path) {
                Ok(text) => text,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
                Err(err) => {
                    return Err(Diagnostic::error(
                        "guide-import-parties-unreadable",
                        &path,
                        0,
                        0,
                        msg!(
                            "cannot read the file: {err}",
                            "het bestand is niet te lezen: {err}"
                        ),
                    )
                    .with_hint(msg!(
                        "the importer adds the new parties to this file and never replaces a file it cannot read; check its permissions",
                        "het importeren voegt de nieuwe partijen aan dit bestand toe en vervangt nooit een bestand dat het niet kan lezen; controleer de rechten van het bestand"
                    ))
                    .into());
                }
            };
            let added = to_toml(
                &PartiesFile {
                    party: &self.new_parties,
                },
                &path,
            )?;
            let separator = if existing.is_empty() || existing.ends_with("\n\n") {
                ""
            } else if existing.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            files.push(PlannedFile {
                contents: format!("{existing}{separator}{added}"),
                path,
            });
        }
        for item in &self.new_items {
            let path = data_dir.join("items").join(format!("{}.toml", item.number));
            files.push(PlannedFile {
                contents: format!(
                    "# Imported from {source_name}: check the title, add the date, and `protects`.\n{}",
                    to_toml(item, &path)?
                ),
                path,
            });
        }
        Ok(files)
    }

    pub(super) fn report(&self, election_dir: &Path, files: &[PlannedFile]) -> String {
        let evidence: Vec<&Evidence> = self
            .election
            .entries
            .iter()
            .flat_map(|e| &e.evidence)
            .collect();
        let unclassified = evidence
            .iter()
            .filter(|e| e.stance == Stance::Unclassified)
            .count();
        let mut out = format!(
            "Imported {} parties into {} ({} verdict levels, {} evidence items, {} unclassified).\n",
            self.election.entries.len(),
            election_dir.display(),
            self.election.scale.len(),
            evidence.len(),
            unclassified
        );
        if unclassified > 0 {
            out.push_str("Run `chatcontrole check` to list the unclassified evidence.\n");
        }
        out.push_str(&format!("Wrote {} files:\n", files.len()));
        for f in files {
            out.push_str(&format!("  {}\n", f.path.display()));
        }
        for note in &self.notes {
            out.push_str(&format!("note: {note}\n"));
        }
        out
    }
}

/// Serialises one data file, or explains why it cannot be.
fn to_toml<T: Serialize>(value: &T, path: &Path) -> Result<String, Diagnostics> {
    toml::to_string(value).map_err(|err| {
        Diagnostic::error(
            "guide-import-toml-unwritable",
            path,
            0,
            0,
            msg!(
                "cannot write TOML: {err}",
                "kan de TOML niet schrijven: {err}"
            ),
        )
        .with_hint(msg!(
            "this is a bug in the importer; please report it with the Markdown file",
            "dit is een fout in het importeren; meld hem en stuur het Markdown-bestand mee"
        ))
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case(
        "Komt op voor je privacy; beschermt versleuteling",
        Some(RuleOutcome::Protects)
    )]
    #[test_case("Beschermt je berichten mogelijk niet", Some(RuleOutcome::Mixed))]
    #[test_case("Deels goed, deels slecht", Some(RuleOutcome::Mixed))]
    #[test_case("Beschermt je berichten niet", Some(RuleOutcome::DoesNotProtect))]
    #[test_case("Ondermijnt versleuteling", Some(RuleOutcome::DoesNotProtect))]
    #[test_case("Geen standpunt gevonden", Some(RuleOutcome::Unclear))]
    #[test_case("Standpunt is onduidelijk", Some(RuleOutcome::Unclear))]
    #[test_case("Tegen chatcontrole", Some(RuleOutcome::Protects))]
    #[test_case(
        "Vóór chatcontrole, of voor maatregelen die erop lijken",
        Some(RuleOutcome::DoesNotProtect)
    )]
    #[test_case("Voorstander van scannen", Some(RuleOutcome::DoesNotProtect))]
    #[test_case("Standpunt over chatcontrole onduidelijk", Some(RuleOutcome::Unclear))]
    #[test_case("Lekker weer", None)]
    fn legend_meanings(meaning: &str, rule: Option<RuleOutcome>) {
        assert_eq!(rule_of_meaning(meaning), rule);
    }

    #[test_case("LEF – Voor de Nieuwe Generatie", "lef-voor-de-nieuwe-generatie")]
    #[test_case("50PLUS", "50plus")]
    #[test_case("BVNL/Groep Van Haga", "bvnl-groep-van-haga")]
    #[test_case("Partij vóór Iedereen", "partij-voor-iedereen")]
    fn slugs(name: &str, slug: &str) {
        assert_eq!(slugify(name), slug);
    }
}
