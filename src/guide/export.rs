//! Open data per election: `data.json` and `data.csv` (issue 4, point 4; the
//! schema is documented in `docs/data-schema.md`).
//!
//! Both files are derived from the loaded model and the verdict rules only, so
//! they always agree with the pages.

use serde::Serialize;

use super::assessed::Assessed;
use super::model::{
    Districts, Election, Evidence, EvidenceKind, PartyEntry, ProgrammeFormat, Stance, Strength,
    VoteChoice,
};
use crate::provenance::{self, Provenance};

/// The whole `data.json` document.
#[derive(Debug, Clone, Serialize)]
pub struct OpenData {
    /// Which election.
    pub election: ElectionInfo,
    /// The verdict scale, best first.
    pub scale: Vec<ScaleLevel>,
    /// One record per party, sorted by name.
    pub parties: Vec<PartyRecord>,
}

/// `election` in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct ElectionInfo {
    /// Election id, e.g. `tk2023`.
    pub id: String,
    /// Title of the guide.
    pub title: String,
    /// Election day, `YYYY-MM-DD`.
    pub date: String,
}

/// One level of `scale` in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct ScaleLevel {
    /// Level id, as used in `verdict`.
    pub id: String,
    /// The symbol shown.
    pub symbol: String,
    /// Short label.
    pub label: String,
    /// Text for screen readers.
    pub screen_reader: String,
}

/// One party in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct PartyRecord {
    /// Party id.
    pub id: String,
    /// Name as written for this election.
    pub name: String,
    /// The editors' verdict (a level id).
    pub verdict: String,
    /// The verdict's symbol.
    pub symbol: String,
    /// The level the published rules suggest, or null when the scale has none for it.
    pub suggested_verdict: Option<String>,
    /// Why the verdict differs from the suggestion, or null.
    pub override_reason: Option<String>,
    /// Short explanation (Markdown).
    pub summary: String,
    /// `{"all": true}`, `{"except": [..]}` or `{"count": N}`.
    pub districts: Districts,
    /// The programme, or null.
    pub programme: Option<ProgrammeRecord>,
    /// The evidence, in the editors' order, then the votes synced from the Tweede Kamer.
    pub evidence: Vec<EvidenceRecord>,
    /// True when the party's words (programme, statements, replies, debates)
    /// point one way while a recorded vote points the other.
    pub said_vs_did: bool,
    /// The two sources behind `said_vs_did`, or null.
    pub said_vs_did_sources: Option<SaidVsDidRecord>,
}

/// The sources that contradict each other, in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct SaidVsDidRecord {
    /// Index (0-based) in `evidence` of what the party said.
    pub said: usize,
    /// Index (0-based) in `evidence` of the vote pointing the other way.
    pub did: usize,
}

/// A vote recorded in `data/votes/`, in `data.json`: the faction(s) it
/// was cast by and what the Kamer decided (its source is the evidence's
/// `source`).
#[derive(Debug, Clone, Serialize)]
pub struct RecordedVoteRecord {
    /// The faction label(s) as the record writes them.
    pub factions: Vec<String>,
    /// True when the faction declared its vote a mistake afterwards.
    pub mistaken: bool,
    /// `adopted`, `rejected` or null when the record does not say.
    pub outcome: Option<super::votes_file::Outcome>,
    /// The editors' note on the vote file, or null.
    pub note: Option<String>,
}

/// `programme` of a party in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRecord {
    /// Where it can be read, or null.
    pub url: Option<String>,
    /// `html` or `pdf`.
    pub format: ProgrammeFormat,
    /// False when the party published no single searchable programme.
    pub available: bool,
    /// Why it is not available, or null.
    pub note: Option<String>,
}

/// One evidence item in `data.json`.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceRecord {
    /// programme, vote, debate, reply, action, statement, submitted or cosigned.
    pub kind: EvidenceKind,
    /// protects, undermines, mixed, silent or unclassified.
    pub stance: Stance,
    /// explicit, general or null.
    pub strength: Option<Strength>,
    /// Literal quotation, or null.
    pub quote: Option<String>,
    /// Page numbers (empty when unknown or when the source has none).
    pub pages: Vec<u32>,
    /// Link to the source, or null.
    pub url: Option<String>,
    /// `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// For votes and submitted or co-signed motions: the motion or bill number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// For votes: `for`, `against` or `absent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteChoice>,
    /// For votes: where the vote comes from, a provenance
    /// (`{"kind": "press", "url": …, "title": …, "date": …}`, see
    /// `crate::provenance`); null for other evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
    /// For votes a file in `data/votes/` records: the faction(s) and the outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_vote: Option<RecordedVoteRecord>,
}

/// Builds the `data.json` document of `election`.
pub fn open_data(assessed: &Assessed, election: &Election) -> OpenData {
    let data = assessed.data;
    OpenData {
        election: ElectionInfo {
            id: election.id.to_string(),
            title: election.title.clone(),
            date: election.date.to_string(),
        },
        scale: election
            .scale
            .iter()
            .map(|l| ScaleLevel {
                id: l.id.clone(),
                symbol: l.symbol.clone(),
                label: l.label.clone(),
                screen_reader: l.screen_reader.clone(),
            })
            .collect(),
        parties: election
            .entries_by_name(data)
            .into_iter()
            .map(|e| party_record(assessed, election, e))
            .collect(),
    }
}

fn party_record(assessed: &Assessed, election: &Election, entry: &PartyEntry) -> PartyRecord {
    let data = assessed.data;
    let assessment = assessed.of(election, entry);
    let contrast = super::said_vs_did::contrast(entry);
    PartyRecord {
        id: entry.party.clone(),
        name: entry.display_name(data).to_string(),
        verdict: entry.verdict.clone(),
        symbol: election
            .level(&entry.verdict)
            .map(|l| l.symbol.clone())
            .unwrap_or_default(),
        suggested_verdict: assessment.suggested_level.map(|l| l.id.clone()),
        override_reason: entry.override_reason.clone(),
        summary: entry.summary.clone(),
        districts: entry.districts.clone(),
        programme: entry.programme.as_ref().map(|p| ProgrammeRecord {
            url: p.url.clone(),
            format: p.format,
            available: p.available,
            note: p.note.clone(),
        }),
        evidence: entry.evidence.iter().map(evidence_record).collect(),
        said_vs_did: contrast.is_some(),
        said_vs_did_sources: contrast.map(|c| SaidVsDidRecord {
            said: index_of(entry, c.said),
            did: index_of(entry, c.did),
        }),
    }
}

fn index_of(entry: &PartyEntry, e: &Evidence) -> usize {
    entry
        .evidence
        .iter()
        .position(|x| std::ptr::eq(x, e))
        .unwrap_or_default()
}

fn evidence_record(e: &Evidence) -> EvidenceRecord {
    let is_vote = e.kind == EvidenceKind::Vote;
    EvidenceRecord {
        kind: e.kind,
        stance: e.stance,
        strength: e.strength,
        quote: e.quote.clone(),
        pages: e.pages.clone(),
        url: e.url.clone(),
        date: e.date.map(|d| d.to_string()),
        item: e.item.clone().filter(|_| is_vote || e.kind.is_signature()),
        vote: e.vote.filter(|_| is_vote),
        source: e.provenance().cloned().filter(|_| is_vote),
        recorded_vote: e.synced.as_ref().map(|s| RecordedVoteRecord {
            factions: s.factions.clone(),
            mistaken: s.mistaken,
            outcome: s.outcome,
            note: s.note.clone(),
        }),
    }
}

/// `data.json` of `election`, pretty-printed.
pub fn data_json(assessed: &Assessed, election: &Election) -> String {
    let mut json = serde_json::to_string_pretty(&open_data(assessed, election))
        .unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    json.push('\n');
    json
}

/// The columns of `data.csv`, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "id",
    "name",
    "verdict",
    "symbol",
    "label",
    "suggested_verdict",
    "override_reason",
    "districts",
    "programme_url",
    "programme_format",
    "votes",
    "evidence_count",
    "summary",
    "said_vs_did",
    "signed",
    "vote_sources",
];

/// `data.csv` of `election`: one row per party, RFC 4180 quoting, `\r\n` line ends.
pub fn data_csv(assessed: &Assessed, election: &Election) -> String {
    let open = open_data(assessed, election);
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| c.to_string()));
    for p in &open.parties {
        let label = election
            .level(&p.verdict)
            .map(|l| l.label.clone())
            .unwrap_or_default();
        let votes: Vec<String> = p
            .evidence
            .iter()
            .filter_map(|e| Some(format!("{}={}", e.item.as_ref()?, e.vote?.id())))
            .collect();
        // The kind of each vote's source, in the order of `votes`; the
        // whole provenance is in votes.csv and data.json.
        let vote_sources: Vec<String> = p
            .evidence
            .iter()
            .filter_map(|e| {
                e.vote?;
                Some(format!(
                    "{}={}",
                    e.item.as_ref()?,
                    e.source.as_ref().map(Provenance::kind).unwrap_or("none")
                ))
            })
            .collect();
        let signed: Vec<String> = p
            .evidence
            .iter()
            .filter(|e| e.kind.is_signature())
            .filter_map(|e| Some(format!("{}={}", e.item.as_ref()?, e.kind.id())))
            .collect();
        push_row(
            &mut out,
            [
                p.id.clone(),
                p.name.clone(),
                p.verdict.clone(),
                p.symbol.clone(),
                label,
                p.suggested_verdict.clone().unwrap_or_default(),
                p.override_reason.clone().unwrap_or_default(),
                districts_text(&p.districts),
                p.programme
                    .as_ref()
                    .and_then(|x| x.url.clone())
                    .unwrap_or_default(),
                p.programme
                    .as_ref()
                    .map(|x| match x.format {
                        ProgrammeFormat::Html => "html".to_string(),
                        ProgrammeFormat::Pdf => "pdf".to_string(),
                    })
                    .unwrap_or_default(),
                votes.join(";"),
                p.evidence.len().to_string(),
                p.summary.clone(),
                p.said_vs_did.to_string(),
                signed.join(";"),
                vote_sources.join(";"),
            ]
            .into_iter(),
        );
    }
    out
}

/// The columns of `votes.csv`, in order: the party, the item and its vote,
/// then the vote's source in the four columns of [`provenance::CSV_COLUMNS`].
pub const VOTES_CSV_COLUMNS: [&str; 7] = [
    "party",
    "item",
    "vote",
    provenance::CSV_COLUMNS[0],
    provenance::CSV_COLUMNS[1],
    provenance::CSV_COLUMNS[2],
    provenance::CSV_COLUMNS[3],
];

/// `votes.csv` of `election`: one row per vote a party's verdict rests on,
/// with its source, in the order of `data.json` (parties by name, evidence
/// in the editors' order).
pub fn votes_csv(assessed: &Assessed, election: &Election) -> String {
    let mut out = String::new();
    push_row(&mut out, VOTES_CSV_COLUMNS.iter().map(|c| c.to_string()));
    for entry in election.entries_by_name(assessed.data) {
        for e in entry
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Vote)
        {
            let (Some(item), Some(vote)) = (&e.item, e.vote) else {
                continue;
            };
            let source = e
                .provenance()
                .map(Provenance::csv_fields)
                .unwrap_or_default();
            push_row(
                &mut out,
                [entry.party.clone(), item.clone(), vote.id().to_string()]
                    .into_iter()
                    .chain(source),
            );
        }
    }
    out
}

/// `all`, `except:3;16;20` or `count:19`.
fn districts_text(d: &Districts) -> String {
    match d {
        Districts::All => "all".to_string(),
        Districts::Except(list) => format!(
            "except:{}",
            list.iter().map(u8::to_string).collect::<Vec<_>>().join(";")
        ),
        Districts::Count(n) => format!("count:{n}"),
    }
}

/// Appends one CSV row (RFC 4180 quoting, CRLF) to `out`.
pub fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.map(|f| csv_field(&f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("plain", "plain")]
    #[test_case("a, b", "\"a, b\"")]
    #[test_case("zegt \"nee\"", "\"zegt \"\"nee\"\"\"")]
    #[test_case("twee\nregels", "\"twee\nregels\"")]
    fn csv_quoting(value: &str, expected: &str) {
        assert_eq!(csv_field(value), expected);
    }

    #[test_case(Districts::All, "all")]
    #[test_case(Districts::Except(vec![3, 16, 20]), "except:3;16;20")]
    #[test_case(Districts::Count(19), "count:19")]
    fn districts_in_csv(d: Districts, expected: &str) {
        assert_eq!(districts_text(&d), expected);
    }

    #[test_case(EvidenceKind::Submitted, true)]
    #[test_case(EvidenceKind::Cosigned, true)]
    #[test_case(EvidenceKind::Debate, false)]
    fn item_of_signed_motions_is_exported(kind: EvidenceKind, has_item: bool) {
        let e = Evidence {
            kind,
            item: Some("2025Z18230".into()),
            ..Evidence::default()
        };
        let json = serde_json::to_value(evidence_record(&e)).unwrap();
        assert_eq!(json["kind"], kind.id());
        assert_eq!(json.get("item").is_some(), has_item);
        assert!(json.get("vote").is_none());
    }

    #[test]
    fn vote_fields_only_on_votes() {
        let e = Evidence {
            kind: EvidenceKind::Programme,
            item: Some("36263".into()),
            ..Evidence::default()
        };
        let json = serde_json::to_value(evidence_record(&e)).unwrap();
        assert!(json.get("item").is_none());
        assert!(json.get("pages").unwrap().as_array().unwrap().is_empty());
        assert!(json.get("quote").unwrap().is_null());
    }
}
