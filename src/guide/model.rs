//! The voting-guide data model: parties, elections, verdict scales, evidence and
//! parliamentary items, as read from `site/data/` (DESIGN §5).
//!
//! These types are what the rest of the program works with after loading. They
//! serialise to the same TOML shape the editors write, so the importer can write
//! files the loader reads back; loading itself (with positions for diagnostics)
//! lives in `load.rs`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::site_path::SitePath;

/// Where a record was read from, so that later checks can point at it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file the record is in.
    pub file: PathBuf,
    /// 1-based line of the record's first line; 0 when unknown.
    pub line: usize,
}

/// Everything the voting guide knows: parties, parliamentary items and elections.
#[derive(Debug, Clone, Default)]
pub struct GuideData {
    /// The parties of `data/parties.toml`, in file order.
    pub parties: Vec<Party>,
    /// Motions and bills of `data/items/*.toml`, by number.
    pub items: BTreeMap<String, Item>,
    /// The elections of `data/elections/*/`, oldest first.
    pub elections: Vec<Election>,
    /// Recorded votes of `data/votes/*.toml` (written by `sync votes`), by item number.
    pub votes: BTreeMap<String, crate::guide::votes_file::VotesFile>,
}

impl GuideData {
    /// The party with this id, if it exists.
    pub fn party(&self, id: &str) -> Option<&Party> {
        self.parties.iter().find(|p| p.id == id)
    }

    /// The election with this id, if it exists.
    pub fn election(&self, id: &str) -> Option<&Election> {
        self.elections.iter().find(|e| e.id.as_str() == id)
    }

    /// The motion or bill with this number, if it is defined.
    pub fn item(&self, number: &str) -> Option<&Item> {
        self.items.get(number)
    }

    /// The election held just before `election`, if there is one.
    pub fn previous_election(&self, election: &Election) -> Option<&Election> {
        self.elections
            .iter()
            .filter(|e| e.date < election.date)
            .max_by_key(|e| e.date)
    }
}

/// A political party, with the other names it has been known by.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Party {
    /// Short lower-case id, used in file names and URLs (`bbb`, `groenlinks-pvda`).
    pub id: String,
    /// Full name.
    pub name: String,
    /// Short name for tight spaces, when the full name is long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Other names, e.g. faction names as the Tweede Kamer writes them over time.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
    /// The party's website.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Where this party is defined.
    #[serde(skip)]
    pub origin: Origin,
}

impl Party {
    /// True when `name` is this party's name, short name or one of its aliases
    /// (ignoring case, spaces and punctuation).
    pub fn is_called(&self, name: &str) -> bool {
        let wanted = name_key(name);
        std::iter::once(&self.name)
            .chain(self.short_name.iter())
            .chain(self.aliases.iter().map(|a| &a.name))
            .any(|n| name_key(n) == wanted)
    }

    /// True when `faction` is a name of this party on `date`: its name, short
    /// name, an alias without a period, or an alias whose period holds `date`.
    /// With the date unknown, only names without a period count.
    pub fn has_faction_name(&self, faction: &str, date: Option<NaiveDate>) -> bool {
        let wanted = name_key(faction);
        let plain = [Some(&self.name), self.short_name.as_ref()]
            .into_iter()
            .flatten()
            .any(|n| name_key(n) == wanted);
        plain
            || self
                .aliases
                .iter()
                .any(|a| name_key(&a.name) == wanted && a.valid_on(date))
    }
}

/// Another name of a party, optionally valid only for a period: a faction
/// name that later belonged to another party (or first to none) is written
/// `{ name = "Lid Omtzigt", from = 2023-08-20 }` in `data/parties.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alias {
    /// The name.
    pub name: String,
    /// First day the name stands for this party, if limited.
    pub from: Option<NaiveDate>,
    /// Last day the name stands for this party, if limited.
    pub until: Option<NaiveDate>,
}

impl Alias {
    /// An alias valid at all times.
    pub fn always(name: impl Into<String>) -> Self {
        Alias {
            name: name.into(),
            ..Alias::default()
        }
    }

    /// True when the alias has no period, or `date` is known and inside it.
    pub fn valid_on(&self, date: Option<NaiveDate>) -> bool {
        match (self.from, self.until, date) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, until, Some(d)) => from.is_none_or(|f| d >= f) && until.is_none_or(|u| d <= u),
        }
    }
}

/// An alias equals a plain name when it has that name and no period.
impl PartialEq<&str> for Alias {
    fn eq(&self, other: &&str) -> bool {
        self.from.is_none() && self.until.is_none() && self.name == *other
    }
}

impl Serialize for Alias {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.from.is_none() && self.until.is_none() {
            return serializer.serialize_str(&self.name);
        }
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", &self.name)?;
        if let Some(from) = self.from {
            map.serialize_entry("from", &from)?;
        }
        if let Some(until) = self.until {
            map.serialize_entry("until", &until)?;
        }
        map.end()
    }
}

/// Reduces a party name to lower-case letters and digits, for comparing names.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub use super::votes_file::{ItemKind, VoteChoice};

/// How one faction voted on an item (filled in by `sync votes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactionResult {
    /// Faction name as the Tweede Kamer wrote it at the time.
    pub faction: String,
    /// How the faction voted.
    pub vote: VoteChoice,
    /// Seats the faction had, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
}

/// A motion or bill that evidence refers to (`data/items/<number>.toml`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    /// `2023Z07239` for a motion, the dossier number `36263` for a bill.
    pub number: String,
    /// Title in Dutch.
    pub title: String,
    /// The title in English, for English pages (else the Dutch one, marked as Dutch).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The name it is known by, e.g. "motie-Van Ginneken".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name in English, e.g. "the Van Ginneken motion".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Who moved it, e.g. "Kamerlid Van Ginneken (D66)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mover: Option<String>,
    /// Who moved it, in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mover_en: Option<String>,
    /// Where the name and mover come from (required with either).
    #[serde(skip)]
    pub source: Option<crate::provenance::Provenance>,
    /// Date of the vote, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Motion or bill.
    pub kind: ItemKind,
    /// Page on tweedekamer.nl.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Which vote protects digital rights; none until an editor decides,
    /// written `protects = "unclassified"` so the open question shows.
    #[serde(serialize_with = "protects_or_unclassified")]
    pub protects: Option<VoteChoice>,
    /// Per-faction result, once synced.
    #[serde(rename = "result", skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<FactionResult>,
    /// Where this item is defined.
    #[serde(skip)]
    pub origin: Origin,
}

/// Writes an item's `protects`, or `"unclassified"` when nobody decided it.
fn protects_or_unclassified<S: Serializer>(
    protects: &Option<VoteChoice>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match protects {
        Some(vote) => vote.serialize(serializer),
        None => serializer.serialize_str(UNCLASSIFIED),
    }
}

/// The value of a field an editor has yet to decide (`protects = "unclassified"`).
pub const UNCLASSIFIED: &str = "unclassified";

/// The outcome of the published verdict rules, which each scale level may stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOutcome {
    /// Protecting evidence and nothing undermining.
    Protects,
    /// Explicitly protecting and explicitly undermining evidence.
    Mixed,
    /// Undermining evidence otherwise.
    DoesNotProtect,
    /// Nothing but silence.
    Unclear,
}

impl RuleOutcome {
    /// All outcomes, in the order the methodology page lists them.
    pub const ALL: [RuleOutcome; 4] = [
        RuleOutcome::Protects,
        RuleOutcome::Mixed,
        RuleOutcome::DoesNotProtect,
        RuleOutcome::Unclear,
    ];

    /// The id used in data files (`protects`, `mixed`, `does_not_protect`, `unclear`).
    pub fn id(self) -> &'static str {
        match self {
            RuleOutcome::Protects => "protects",
            RuleOutcome::Mixed => "mixed",
            RuleOutcome::DoesNotProtect => "does_not_protect",
            RuleOutcome::Unclear => "unclear",
        }
    }
}

/// One level of an election's verdict scale, e.g. ✅ "Beschermt".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Level {
    /// Id used in party files (`verdict = "beschermt"`).
    pub id: String,
    /// The emoji or sign the editors chose (`✅`): kept as data (the JSON
    /// export, imports); pages and share cards draw the icon of the level's
    /// `rule` instead (see `crate::render::icons`).
    pub symbol: String,
    /// Short label shown next to the icon.
    pub label: String,
    /// Full meaning, as in the legend.
    pub meaning: String,
    /// What a screen reader says instead of the symbol.
    pub screen_reader: String,
    /// The three texts above in English (`label_en`, `meaning_en`,
    /// `screen_reader_en`): all three or none, so a level never mixes
    /// languages.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub english: Option<LevelEnglish>,
    /// Which outcome of the verdict rules this level stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleOutcome>,
}

/// The English texts of a verdict level (`label_en`, `meaning_en`,
/// `screen_reader_en` in `election.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelEnglish {
    /// Short label.
    #[serde(rename = "label_en")]
    pub label: String,
    /// Full meaning.
    #[serde(rename = "meaning_en")]
    pub meaning: String,
    /// What a screen reader says.
    #[serde(rename = "screen_reader_en")]
    pub screen_reader: String,
}

/// An electoral district (kieskring).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    /// Number, 1 to 20.
    pub number: u8,
    /// Name of the district's main town.
    pub name: String,
}

/// The twenty Dutch kieskringen, as the Kiesraad numbers them.
pub const KIESKRINGEN: [(u8, &str); 20] = [
    (1, "Groningen"),
    (2, "Leeuwarden"),
    (3, "Assen"),
    (4, "Zwolle"),
    (5, "Lelystad"),
    (6, "Nijmegen"),
    (7, "Arnhem"),
    (8, "Utrecht"),
    (9, "Amsterdam"),
    (10, "Haarlem"),
    (11, "Den Helder"),
    (12, "’s-Gravenhage"),
    (13, "Rotterdam"),
    (14, "Dordrecht"),
    (15, "Leiden"),
    (16, "Middelburg"),
    (17, "Tilburg"),
    (18, "’s-Hertogenbosch"),
    (19, "Maastricht"),
    (20, "Bonaire"),
];

/// True for ids made of lower-case letters, digits and single hyphens (the
/// ids of elections, parties and verdict levels).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// An election's id: the name of its folder below `data/elections/`
/// (`tk2023`), checked where it is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ElectionId(String);

impl ElectionId {
    /// `text` as an election id, or None when it is not lower-case letters,
    /// digits and single hyphens.
    pub fn parse(text: &str) -> Option<ElectionId> {
        is_valid_id(text).then(|| ElectionId(text.to_string()))
    }

    /// The id as written (`tk2023`).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ElectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One election the guide covers (`data/elections/<id>/`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Election {
    /// The folder name, e.g. `tk2023`.
    #[serde(skip)]
    pub id: ElectionId,
    /// Page title.
    pub title: String,
    /// The title in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Election day.
    pub date: NaiveDate,
    /// URL path of the overview, a folder (`/stemwijzer2023/`).
    pub path: SitePath,
    /// Introduction shown above the overview (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// The introduction in English (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intro_en: Option<String>,
    /// How the guide was made (Markdown), shown on the methodology page.
    pub methodology: String,
    /// The same in English (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub methodology_en: Option<String>,
    /// The verdict scale, best first.
    #[serde(rename = "level")]
    pub scale: Vec<Level>,
    /// The electoral districts.
    #[serde(rename = "district")]
    pub districts: Vec<District>,
    /// One entry per party taking part, sorted by party id.
    #[serde(skip)]
    pub entries: Vec<PartyEntry>,
    /// Where `election.toml` is.
    #[serde(skip)]
    pub origin: Origin,
}

impl Election {
    /// The scale level with this id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.scale.iter().find(|l| l.id == id)
    }

    /// The scale level that stands for this rule outcome.
    pub fn level_for(&self, outcome: RuleOutcome) -> Option<&Level> {
        self.scale.iter().find(|l| l.rule == Some(outcome))
    }

    /// The entry of this party, if it takes part.
    pub fn entry(&self, party: &str) -> Option<&PartyEntry> {
        self.entries.iter().find(|e| e.party == party)
    }

    /// The entries sorted by the name readers see, ignoring case and punctuation.
    pub fn entries_by_name<'a>(&'a self, data: &'a GuideData) -> Vec<&'a PartyEntry> {
        let mut entries: Vec<&PartyEntry> = self.entries.iter().collect();
        entries.sort_by_cached_key(|e| name_key(e.display_name(data)));
        entries
    }

    /// The name of district `number`, if it exists.
    pub fn district_name(&self, number: u8) -> Option<&str> {
        self.districts
            .iter()
            .find(|d| d.number == number)
            .map(|d| d.name.as_str())
    }
}

/// Where a party is on the ballot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Districts {
    /// In every district (the default when a party file says nothing).
    #[default]
    All,
    /// In every district except these numbers.
    Except(Vec<u8>),
    /// In this many districts; which ones is not known.
    Count(u8),
}

impl Districts {
    /// True when the party is known to be on the ballot in district `number`;
    /// with only a count known, this is unknown and returns `None`.
    pub fn includes(&self, number: u8) -> Option<bool> {
        match self {
            Districts::All => Some(true),
            Districts::Except(list) => Some(!list.contains(&number)),
            Districts::Count(_) => None,
        }
    }

    /// True when this is [`Districts::All`].
    pub fn is_all(&self) -> bool {
        matches!(self, Districts::All)
    }
}

impl Serialize for Districts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Districts::All => map.serialize_entry("all", &true)?,
            Districts::Except(list) => map.serialize_entry("except", list)?,
            Districts::Count(n) => map.serialize_entry("count", n)?,
        }
        map.end()
    }
}

/// Whether an election programme is a web page or a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeFormat {
    /// A web page or section of a website.
    #[default]
    Html,
    /// A PDF document.
    Pdf,
}

/// A party's election programme.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Where the programme can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Link text, e.g. "Programma BIJ1 (sectie)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Web page or PDF.
    #[serde(default)]
    pub format: ProgrammeFormat,
    /// False when the party has not published one searchable programme: only
    /// loose web pages (then `url` points at them), or none at all (no `url`).
    #[serde(default = "yes")]
    pub available: bool,
    /// Why the programme cannot be read, in Dutch, shown on the party page
    /// (with `available = false`), e.g. what the party said about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The note in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

impl Programme {
    /// True when the editors marked the programme as not available and said
    /// why in `note`: the absence itself is then documented.
    pub fn unavailable_with_note(&self) -> bool {
        !self.available && self.note.as_deref().is_some_and(|n| !n.trim().is_empty())
    }
}

fn yes() -> bool {
    true
}

pub use super::evidence_kinds::{EvidenceKind, Stance, Strength};

/// One piece of evidence behind a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Evidence {
    /// Programme, vote, debate, reply, action, statement, submitted or cosigned.
    pub kind: EvidenceKind,
    /// Which way it points.
    pub stance: Stance,
    /// Explicit or general; required unless silent or unclassified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strength: Option<Strength>,
    /// Literal quotation from the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The editors' description, in their own words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The editors' description in English (a quotation is never translated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// Page numbers in the source.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    /// True when the source has no page numbers.
    #[serde(skip_serializing_if = "is_false")]
    pub no_pages: bool,
    /// Link text used for the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The link text in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// Where the source can be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was said, written or voted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// For votes and submitted or co-signed motions: the motion or bill number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// For votes: how the party voted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteChoice>,
    /// For votes taken from `data/votes/`: where the vote comes from.
    #[serde(skip)]
    pub synced: Option<SyncedVote>,
    /// The evidence's own source (`[evidence.source]`): required for a vote
    /// that no file in `data/votes/` records for this party. Written in the
    /// shape the data files read (the importer writes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<crate::provenance::Provenance>,
    /// The line where `[evidence.source]` names its address (0 when none).
    #[serde(skip)]
    pub source_line: usize,
    /// For a hand-typed vote: the synced vote it contradicts, if any.
    #[serde(skip)]
    pub contradicts: Option<VoteChoice>,
    /// Where this evidence is written.
    #[serde(skip)]
    pub origin: Origin,
}

impl Evidence {
    /// Where this evidence comes from, when it records one: the vote file's
    /// source for a recorded vote, else the evidence's own `[source]`.
    pub fn provenance(&self) -> Option<&crate::provenance::Provenance> {
        self.synced
            .as_ref()
            .and_then(|s| s.source.as_ref())
            .or(self.source.as_ref())
    }
}

/// Provenance of a vote taken from a `data/votes/<item>.toml` file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncedVote {
    /// The faction label(s) as the Tweede Kamer wrote them at the time.
    pub factions: Vec<String>,
    /// Seats of those factions, when the source gave them.
    pub seats: Option<u32>,
    /// The decision, when the record says it.
    pub outcome: Option<crate::guide::votes_file::Outcome>,
    /// Where the vote file's data comes from (synced, press or editor).
    pub source: Option<crate::provenance::Provenance>,
    /// The editors' note on the source, if any.
    pub note: Option<String>,
    /// The faction declared its vote a mistake afterwards.
    pub mistaken: bool,
    /// Members of the faction voted both ways (roll call).
    pub split: bool,
    /// The votes file.
    pub file: PathBuf,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One contact with a party: when the campaign asked, and whether it replied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outreach {
    /// When the questions were sent.
    pub asked_on: NaiveDate,
    /// When the party replied, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replied_on: Option<NaiveDate>,
    /// Where the reply is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_url: Option<String>,
    /// A short note (Dutch).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The note in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
}

/// A party's entry in one election (`data/elections/<id>/parties/<party>.toml`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct PartyEntry {
    /// The party id (the file name).
    #[serde(skip)]
    pub party: String,
    /// The name as written for this election, when it differs from `data/parties.toml`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The editors' verdict: a level id of the election's scale.
    pub verdict: String,
    /// Why the verdict differs from the rules' suggestion, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
    /// The reason in English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub override_reason_en: Option<String>,
    /// Short explanation in the project's own words (Markdown).
    pub summary: String,
    /// The summary in English (Markdown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary_en: Option<String>,
    /// Where the party is on the ballot.
    #[serde(skip_serializing_if = "Districts::is_all")]
    pub districts: Districts,
    /// The election programme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme: Option<Programme>,
    /// The evidence, in the order the editors wrote it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Contacts with the party.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outreach: Vec<Outreach>,
    /// Where this entry is written.
    #[serde(skip)]
    pub origin: Origin,
}

impl PartyEntry {
    /// The name to show: the election-specific name, else the party's name.
    pub fn display_name<'a>(&'a self, data: &'a GuideData) -> &'a str {
        self.name
            .as_deref()
            .or_else(|| data.party(&self.party).map(|p| p.name.as_str()))
            .unwrap_or(&self.party)
    }

    /// True when the entry names at least one source: a programme link or evidence with a URL.
    pub fn has_source(&self) -> bool {
        self.programme.as_ref().is_some_and(|p| p.url.is_some())
            || self.evidence.iter().any(|e| e.url.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("GroenLinks-PvdA", "groenlinks/pvda"; "punctuation ignored")]
    #[test_case("Partij voor de Dieren", "PARTIJ VOOR DE DIEREN"; "case ignored")]
    fn party_names_compare_loosely(a: &str, b: &str) {
        assert_eq!(name_key(a), name_key(b));
    }

    #[test]
    fn party_is_called_by_alias() {
        let party = Party {
            id: "gl-pvda".into(),
            name: "GroenLinks-PvdA".into(),
            aliases: vec![Alias::always("GroenLinks"), Alias::always("PvdA")],
            ..Party::default()
        };
        assert!(party.is_called("PvdA"));
        assert!(!party.is_called("VVD"));
    }

    #[test_case(None, None, Some("2023-04-18"), true; "no period")]
    #[test_case(Some("2023-08-20"), None, Some("2023-04-18"), false; "before from")]
    #[test_case(Some("2023-08-20"), None, Some("2023-10-24"), true; "after from")]
    #[test_case(None, Some("2023-11-21"), Some("2023-11-22"), false; "after until")]
    #[test_case(Some("2023-08-20"), None, None, false; "date unknown")]
    fn alias_periods(from: Option<&str>, until: Option<&str>, date: Option<&str>, ok: bool) {
        let d = |s: Option<&str>| s.map(|s| s.parse::<NaiveDate>().unwrap());
        let alias = Alias {
            name: "Lid Omtzigt".into(),
            from: d(from),
            until: d(until),
        };
        assert_eq!(alias.valid_on(d(date)), ok);
    }

    #[test_case(Districts::All, 20, Some(true))]
    #[test_case(Districts::Except(vec![3, 20]), 20, Some(false))]
    #[test_case(Districts::Except(vec![3, 20]), 4, Some(true))]
    #[test_case(Districts::Count(19), 4, None)]
    fn districts_include(d: Districts, n: u8, expected: Option<bool>) {
        assert_eq!(d.includes(n), expected);
    }

    #[test]
    fn districts_serialise_like_open_data() {
        let json = |d: &Districts| serde_json::to_string(d).unwrap();
        assert_eq!(json(&Districts::All), r#"{"all":true}"#);
        assert_eq!(
            json(&Districts::Except(vec![3, 16])),
            r#"{"except":[3,16]}"#
        );
        assert_eq!(json(&Districts::Count(19)), r#"{"count":19}"#);
    }
}
