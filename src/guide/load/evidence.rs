//! The `[[evidence]]` tables of a party file: what a party wrote, said or
//! voted that the verdict rests on, each with its kind, stance and strength.

use serde::Deserialize;
use toml::Spanned;

use super::{choice, english, parse_date, web_url};
use crate::data_file::Parsed;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Message};
use crate::guide::model::{
    Evidence, EvidenceKind, GuideData, Origin, Stance, Strength, VoteChoice,
};
use crate::msg;
use crate::url::Schemes;

/// The values of `vote`.
const VOTES: [(&str, VoteChoice); 3] = [
    ("for", VoteChoice::For),
    ("against", VoteChoice::Against),
    ("absent", VoteChoice::Absent),
];
/// The values of `kind`.
const KINDS: [(&str, EvidenceKind); 8] = [
    ("programme", EvidenceKind::Programme),
    ("vote", EvidenceKind::Vote),
    ("debate", EvidenceKind::Debate),
    ("reply", EvidenceKind::Reply),
    ("action", EvidenceKind::Action),
    ("statement", EvidenceKind::Statement),
    ("submitted", EvidenceKind::Submitted),
    ("cosigned", EvidenceKind::Cosigned),
];
/// The values of `stance`; the last, `unclassified`, is accepted but not offered.
const STANCES: [(&str, Stance); 5] = [
    ("protects", Stance::Protects),
    ("undermines", Stance::Undermines),
    ("mixed", Stance::Mixed),
    ("silent", Stance::Silent),
    ("unclassified", Stance::Unclassified),
];
/// The values of `strength`.
const STRENGTHS: [(&str, Strength); 2] = [
    ("explicit", Strength::Explicit),
    ("general", Strength::General),
];

/// One `[[evidence]]` as written.
#[derive(Deserialize)]
pub(super) struct RawEvidence {
    kind: Option<Spanned<String>>,
    stance: Option<Spanned<String>>,
    strength: Option<Spanned<String>>,
    quote: Option<String>,
    note: Option<String>,
    note_en: Option<Spanned<String>>,
    pages: Option<Spanned<toml::Value>>,
    #[serde(default)]
    no_pages: bool,
    title: Option<String>,
    title_en: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    date: Option<Spanned<toml::Value>>,
    item: Option<Spanned<String>>,
    vote: Option<Spanned<String>>,
    /// Where a vote comes from when no file in `data/votes/` records it.
    source: Option<crate::provenance::RawProvenance>,
}

/// The line of the `n`-th (0-based) `[[header]]` line of `file`, or 0 when not found.
fn nth_header_line(file: &Parsed<()>, header: &str, n: usize) -> usize {
    let wanted = format!("[[{header}]]");
    file.text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(&wanted))
        .nth(n)
        .map(|(i, _)| i + 1)
        .unwrap_or(0)
}

/// The `index`-th (0-based) evidence of a party file, checked.
pub(super) fn convert_evidence(
    src: &Parsed<()>,
    index: usize,
    e: RawEvidence,
    data: &GuideData,
    diags: &mut Diagnostics,
) -> Evidence {
    let header = nth_header_line(src, "evidence", index);
    let at_kind = |code: Code, message: Message| match &e.kind {
        Some(k) => src.error(code, k, message),
        None => Diagnostic::error(code, &src.path, header, 1, message),
    };
    if e.kind.is_none() {
        diags.push(
            Diagnostic::error(
                "evidence-kind-missing",
                &src.path,
                header,
                1,
                msg!(
                    "this [[evidence]] has no `kind`",
                    "deze [[evidence]] heeft geen `kind`"
                ),
            )
            .with_hint(msg!(
                "add kind = \"programme\", \"vote\", \"debate\", \"reply\", \"action\", \"statement\", \"submitted\" (a motion the party filed) or \"cosigned\"",
                "voeg kind = \"programme\", \"vote\", \"debate\", \"reply\", \"action\", \"statement\", \"submitted\" (een motie die de partij indiende) of \"cosigned\" toe"
            )),
        );
    }
    if e.stance.is_none() {
        diags.push(
            Diagnostic::error(
                "evidence-stance-missing",
                &src.path,
                header,
                1,
                msg!(
                    "this [[evidence]] has no `stance`",
                    "deze [[evidence]] heeft geen `stance`"
                ),
            )
            .with_hint(msg!(
                "add stance = \"protects\", \"undermines\", \"mixed\" or \"silent\"",
                "voeg stance = \"protects\", \"undermines\", \"mixed\" of \"silent\" toe"
            )),
        );
    }
    let kind = e.kind.as_ref().and_then(|k| kind_choice(src, k, diags));
    // `unclassified` is what the importer writes before an editor judged the
    // evidence; it is accepted but not offered.
    let stance = match &e.stance {
        Some(s) if s.get_ref().trim() == "unclassified" => Some(Stance::Unclassified),
        Some(s) => choice(src, "stance", s, &STANCES[..4], diags),
        None => None,
    };
    let strength = e
        .strength
        .as_ref()
        .and_then(|x| choice(src, "strength", x, &STRENGTHS, diags));
    let vote = e
        .vote
        .as_ref()
        .and_then(|x| choice(src, "vote", x, &VOTES, diags));
    if let (Some(stance), Some(at)) = (stance, &e.stance)
        && matches!(
            stance,
            Stance::Protects | Stance::Undermines | Stance::Mixed
        )
        && e.strength.is_none()
    {
        let verb = stance_verb(stance);
        diags.push(
            src.error(
                "evidence-strength-missing",
                at,
                msg!(
                    "evidence that {verb} needs a strength",
                    "bewijs dat {verb}, heeft een `strength` nodig";
                    verb
                ),
            )
            .with_hint(msg!(
                "add strength = \"explicit\" (about encryption, scanning, chat control or a recorded vote) or \"general\" (a general remark on privacy)",
                "voeg strength = \"explicit\" toe (over encryptie, scannen, chatcontrole of een vastgelegde stemming) of \"general\" (een algemene opmerking over privacy)"
            )),
        );
    }
    if kind == Some(EvidenceKind::Vote) {
        if e.item.is_none() || e.vote.is_none() {
            diags.push(
                at_kind(
                    "evidence-vote-incomplete",
                    msg!(
                        "a vote needs `item` and `vote`",
                        "een stemming heeft `item` en `vote` nodig"
                    ),
                )
                .with_hint(msg!(
                    "add item = \"2023Z07239\" (motion) or \"36263\" (bill) and vote = \"for\", \"against\" or \"absent\"",
                    "voeg item = \"2023Z07239\" (motie) of \"36263\" (wetsvoorstel) toe, en vote = \"for\", \"against\" of \"absent\""
                )),
            );
        }
    } else if let Some(kind) = kind
        && e.vote.is_some()
    {
        let hint = if kind.is_signature() {
            msg!(
                "a party that submitted or co-signed a motion did not necessarily vote on it: remove the vote, and add a separate [[evidence]] with kind = \"vote\" for the recorded vote",
                "een partij die een motie indiende of mede ondertekende, heeft er niet per se over gestemd: haal de stem weg, en voeg voor de vastgelegde stemming een aparte [[evidence]] toe met kind = \"vote\""
            )
        } else {
            msg!(
                "set kind = \"vote\" or remove the vote",
                "zet kind = \"vote\" of haal de stem weg"
            )
        };
        diags.push(
            at_kind(
                "evidence-vote-misplaced",
                msg!(
                    "only evidence of kind = \"vote\" can have a `vote`",
                    "alleen bewijs met kind = \"vote\" kan een `vote` hebben"
                ),
            )
            .with_hint(hint),
        );
    } else if kind.is_some_and(EvidenceKind::is_signature) && e.item.is_none() {
        diags.push(
            at_kind(
                "evidence-item-missing",
                msg!(
                    "a submitted or co-signed motion needs `item`",
                    "een ingediende of mede ondertekende motie heeft `item` nodig"
                ),
            )
            .with_hint(msg!(
                "add item = \"2025Z18230\", the motion's Zaak number from its tweedekamer.nl address (id=...)",
                "voeg item = \"2025Z18230\" toe: het zaaknummer van de motie uit het adres op tweedekamer.nl (id=...)"
            )),
        );
    }
    if let Some(item) = &e.item
        && data.item(item.get_ref()).is_none()
    {
        let number = item.get_ref();
        diags.push(
            src.error(
                "evidence-item-unknown",
                item,
                msg!("unknown item `{number}`", "onbekend item `{number}`"),
            )
            .with_hint(msg!(
                "define it in data/items/{number}.toml (number, title, kind, url, protects)",
                "leg het vast in data/items/{number}.toml (number, title, kind, url, protects)"
            )),
        );
    }
    let source = e.source.as_ref().and_then(|raw| match raw.parse(src) {
        Ok(p) => Some(p),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    });
    let pages = e
        .pages
        .as_ref()
        .map(|p| convert_pages(src, p, diags))
        .unwrap_or_default();
    if let Some(p) = &e.pages
        && e.no_pages
        && !pages.is_empty()
    {
        diags.push(
            src.error(
                "evidence-pages-conflict",
                p,
                msg!(
                    "evidence has both `pages` and `no_pages = true`",
                    "het bewijs heeft zowel `pages` als `no_pages = true`"
                ),
            )
            .with_hint(msg!(
                "keep pages when the source has page numbers, no_pages = true when it has none",
                "houd pages als de bron paginanummers heeft, en no_pages = true als die er niet zijn"
            )),
        );
    }
    Evidence {
        kind: kind.unwrap_or_default(),
        stance: stance.unwrap_or_default(),
        strength,
        quote: e.quote,
        note_en: english(src, "note_en", &e.note_en, e.note.is_some(), diags),
        note: e.note,
        pages,
        no_pages: e.no_pages,
        title_en: english(src, "title_en", &e.title_en, e.title.is_some(), diags),
        title: e.title,
        url: e
            .url
            .as_ref()
            .and_then(|u| web_url(src, u, Schemes::Web, diags)),
        date: e.date.as_ref().and_then(|d| parse_date(src, d, diags)),
        item: e.item.map(|i| i.into_inner()),
        vote,
        synced: None,
        source,
        source_line: e
            .source
            .as_ref()
            .map(|raw| crate::diagnostics::line_col(&src.text, raw.address_span().start).0)
            .unwrap_or(0),
        contradicts: None,
        origin: Origin {
            file: src.path.clone(),
            line: header,
        },
    }
}

/// Dutch words editors may write for a kind, and the kind they mean.
const DUTCH_KINDS: [(&str, &str); 8] = [
    ("motie", "submitted"),
    ("ingediend", "submitted"),
    ("amendement", "submitted"),
    ("medeondertekend", "cosigned"),
    ("mede-ondertekend", "cosigned"),
    ("stemming", "vote"),
    ("debat", "debate"),
    ("uitspraak", "statement"),
];

/// Reads `kind`; a Dutch word for a kind gets a hint naming the English id.
fn kind_choice(
    src: &Parsed<()>,
    value: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<EvidenceKind> {
    let text = value.get_ref().trim().to_lowercase();
    if let Some((_, id)) = DUTCH_KINDS.iter().find(|(dutch, _)| *dutch == text) {
        let written = value.get_ref().trim();
        diags.push(
            src.error(
                "evidence-kind-dutch",
                value,
                msg!(
                    "`{written}` is not a valid kind: kinds are written in English",
                    "`{written}` is geen geldige waarde voor kind: soorten schrijf je in het Engels"
                ),
            )
            .with_hint(msg!(
                "did you mean kind = \"{id}\"?",
                "bedoel je kind = \"{id}\"?"
            )),
        );
        return None;
    }
    choice(src, "kind", value, &KINDS, diags)
}

/// `pages = [12, 13]`; a single number or a text is a mistake with a hint.
fn convert_pages(
    src: &Parsed<()>,
    value: &Spanned<toml::Value>,
    diags: &mut Diagnostics,
) -> Vec<u32> {
    let list = match value.get_ref() {
        toml::Value::Array(list) => list,
        other => {
            let example = match other {
                toml::Value::Integer(n) => format!("pages = [{n}]"),
                toml::Value::String(s) => format!("pages = [{}]", s.trim()),
                _ => "pages = [12]".to_string(),
            };
            diags.push(
                src.error(
                    "evidence-pages-not-list",
                    value,
                    msg!(
                        "pages must be a list of page numbers, not `{other}`",
                        "pages moet een lijst met paginanummers zijn, niet `{other}`"
                    ),
                )
                .with_hint(msg!(
                    "write {example}, with square brackets and without quotes",
                    "schrijf {example}, met vierkante haken en zonder aanhalingstekens"
                )),
            );
            return Vec::new();
        }
    };
    let mut pages = Vec::new();
    for p in list {
        match p.as_integer().map(u32::try_from) {
            Some(Ok(n)) if n >= 1 => pages.push(n),
            _ => diags.push(
                src.error(
                    "evidence-page-invalid",
                    value,
                    msg!("{p} is not a page number", "{p} is geen paginanummer"),
                )
                .with_hint(msg!(
                    "page numbers are whole numbers from 1, without quotes, e.g. pages = [12, 13]",
                    "paginanummers zijn hele getallen vanaf 1, zonder aanhalingstekens, bijvoorbeeld pages = [12, 13]"
                )),
            ),
        }
    }
    pages
}

/// How the message about a missing strength names `stance`.
fn stance_verb(stance: Stance) -> Message {
    match stance {
        Stance::Protects => msg!("protects", "beschermt"),
        Stance::Undermines => msg!("undermines", "ondermijnt"),
        _ => msg!("points both ways", "twee kanten op wijst"),
    }
}
