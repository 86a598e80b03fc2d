//! Reads the evidence out of one party's cells: quotations (“…” and "…"), page
//! references in all their written forms, links to Tweede Kamer motions and
//! bills with the vote direction written around them, other links, and the
//! programme link of the source column.
//!
//! Stances are not guessed from prose: quotations and page references come out
//! `unclassified`; only votes get a stance later, once the importer knows which
//! vote protects (`import.rs`).

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use chrono::NaiveDate;

use super::inline;
use super::kinds::{self, LinkKind};
use crate::diagnostics::{Code, Message};
use crate::msg;
use crate::url::{ExternalUrl, Schemes};

use crate::guide::model::{
    Evidence, EvidenceKind, ItemKind, Programme, ProgrammeFormat, Stance, VoteChoice,
};

static CURLY_QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"“([^”]*)”").expect("valid regex"));
static STRAIGHT_QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""([^"]*)""#).expect("valid regex"));
static PAGE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\((?:(pp?)\.\s*([^)]*)|zonder\s+paginanummers?)\)").expect("valid regex")
});
static DIRECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(vóór|voor|tegen)$").expect("valid regex"));

/// A parliamentary item a link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRef {
    /// `2023Z07239` or `36263`.
    pub number: String,
    /// Motion or bill.
    pub kind: ItemKind,
    /// The link as written.
    pub url: String,
    /// Which vote protects, as far as the link text tells ("ter bescherming" → for,
    /// "massasurveillance" → against).
    pub protects_hint: Option<VoteChoice>,
}

/// What one explanation cell holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Explanation {
    /// Evidence in the order it appears; votes still `unclassified`.
    pub evidence: Vec<Evidence>,
    /// The items that vote evidence refers to.
    pub items: Vec<ItemRef>,
    /// True when the text says the programme is not available as one document.
    pub programme_unavailable: bool,
    /// The first link to a programme or list of positions in the text
    /// (link text and address), for a table without a source column.
    pub programme_link: Option<(String, String)>,
}

/// A problem in a cell, at a character offset within the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// 0-based character offset in the cell.
    pub offset: usize,
    /// What kind of problem this is (the diagnostic's code).
    pub code: Code,
    /// What is wrong.
    pub message: Message,
    /// What to do, when the cell's usual hint does not fit.
    pub hint: Option<Message>,
}

impl CellError {
    fn new(offset: usize, code: Code, message: Message) -> Self {
        CellError {
            offset,
            code,
            message,
            hint: None,
        }
    }
}

/// Why a page reference cannot be read: its code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PageError {
    code: Code,
    message: Message,
}

enum Token {
    Link { text: String, url: String },
    Quote(String),
    Pages(Pages),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pages {
    Numbers(Vec<u32>),
    None,
}

/// Reads the explanation cell. `programme_url` is the programme link of the
/// source column; quotations and page references point there.
#[cfg(test)]
pub fn parse_explanation(
    text: &str,
    programme_url: Option<&str>,
) -> Result<Explanation, Vec<CellError>> {
    parse_explanation_on(text, programme_url, None)
}

/// Reads the explanation cell, as [`parse_explanation`]; `election_date`
/// gives a date written without its year ("2 oktober") the year that puts it
/// before election day.
pub fn parse_explanation_on(
    text: &str,
    programme_url: Option<&str>,
    election_date: Option<NaiveDate>,
) -> Result<Explanation, Vec<CellError>> {
    let mut errors = Vec::new();
    let mut taken = Taken::default();
    let mut tokens: Vec<(Range<usize>, Token)> = Vec::new();
    for link in inline::links(text) {
        if let Err(e) = check_url(text, &link) {
            errors.push(e);
        }
        taken.claim(&link.range);
        tokens.push((
            link.range,
            Token::Link {
                text: link.text,
                url: link.url,
            },
        ));
    }
    for c in CURLY_QUOTE.captures_iter(text) {
        let range = c.get(0).expect("whole match").range();
        if taken.claim(&range) {
            tokens.push((range, Token::Quote(c[1].trim().to_string())));
        }
    }
    for c in STRAIGHT_QUOTE.captures_iter(text) {
        let range = c.get(0).expect("whole match").range();
        if taken.claim(&range) {
            tokens.push((range, Token::Quote(c[1].trim().to_string())));
        }
    }
    for c in PAGE_REF.captures_iter(text) {
        let range = c.get(0).expect("whole match").range();
        if !taken.is_free(&range) {
            continue;
        }
        let pages = match (c.get(1), c.get(2)) {
            (Some(_), Some(list)) => match parse_page_list(list.as_str()) {
                Ok(pages) => Pages::Numbers(pages),
                Err(e) => {
                    errors.push(CellError::new(
                        char_offset(text, range.start),
                        e.code,
                        e.message,
                    ));
                    continue;
                }
            },
            _ => Pages::None,
        };
        taken.claim(&range);
        tokens.push((range, Token::Pages(pages)));
    }
    tokens.sort_by_key(|(r, _)| r.start);

    let mut out = Explanation {
        programme_unavailable: text.to_lowercase().contains("niet beschikbaar"),
        ..Explanation::default()
    };
    let silent_link = tokens.iter().any(|(range, token)| {
        matches!(token, Token::Link { text: label, url } if kinds::link_kind(label, url, "", false) == LinkKind::Programme
            && kinds::says_silent(&text[sentence_start(text, range.start)..sentence_end(text, range.end)]))
    });
    if !silent_link && let Some(silent) = silent_programme(text, programme_url) {
        out.evidence.push(silent);
    }
    let mut previous_end = 0;
    let mut i = 0;
    while i < tokens.len() {
        let (range, token) = &tokens[i];
        match token {
            Token::Link { text: label, url } => {
                let before = &text[previous_end..range.start];
                let sentence =
                    &text[sentence_start(text, range.start)..sentence_end(text, range.end)];
                let vote = vote_link(label, url, before);
                let kind = kinds::link_kind(
                    label,
                    url,
                    sentence,
                    vote.as_ref().is_some_and(|(e, _)| e.vote.is_some()),
                );
                if kind == LinkKind::Vote
                    && let Some((evidence, item)) = vote
                {
                    out.evidence.push(evidence);
                    out.items.push(item);
                    previous_end = range.end;
                    i += 1;
                    continue;
                }
                let mut evidence = Evidence {
                    kind: match kind {
                        LinkKind::Submitted => EvidenceKind::Submitted,
                        LinkKind::Cosigned => EvidenceKind::Cosigned,
                        LinkKind::OtherItem => EvidenceKind::Action,
                        LinkKind::Debate => EvidenceKind::Debate,
                        LinkKind::Programme => EvidenceKind::Programme,
                        LinkKind::Vote | LinkKind::Other => EvidenceKind::Statement,
                    },
                    stance: Stance::Unclassified,
                    title: Some(label.clone()).filter(|t| !t.is_empty()),
                    url: Some(url.clone()),
                    ..Evidence::default()
                };
                let mut end = range.end;
                if let Some((quote_range, Token::Quote(quote))) = tokens.get(i + 1)
                    && !ends_sentence(&text[range.end..quote_range.start])
                {
                    evidence.quote = Some(quote.clone());
                    end = quote_range.end;
                    i += 1;
                    if let Some((pages_range, Token::Pages(pages))) = tokens.get(i + 1)
                        && only_punctuation(&text[quote_range.end..pages_range.start])
                    {
                        set_pages(&mut evidence, pages);
                        end = pages_range.end;
                        i += 1;
                    }
                }
                let words = &text[sentence_start(text, range.start)..sentence_end(text, end)];
                if matches!(
                    kind,
                    LinkKind::Submitted | LinkKind::Cosigned | LinkKind::Debate
                ) {
                    evidence.date = kinds::dutch_date(words, election_date);
                }
                if let Some((number, item_kind)) = kinds::item_of(url) {
                    evidence.item = Some(number.clone());
                    out.items.push(ItemRef {
                        number,
                        kind: item_kind,
                        url: url.clone(),
                        protects_hint: if kind == LinkKind::OtherItem {
                            None
                        } else {
                            kinds::motion_protects(words)
                        },
                    });
                }
                if kind == LinkKind::Programme {
                    out.programme_link
                        .get_or_insert((label.clone(), url.clone()));
                    if kinds::says_silent(sentence) {
                        evidence.stance = Stance::Silent;
                        evidence.note = Some(silent_clause(sentence));
                    }
                }
                out.evidence.push(evidence);
                previous_end = end;
                i += 1;
                continue;
            }
            Token::Quote(quote) => {
                let mut evidence = Evidence {
                    kind: if programme_url.is_some() {
                        EvidenceKind::Programme
                    } else {
                        EvidenceKind::Statement
                    },
                    stance: Stance::Unclassified,
                    quote: Some(quote.clone()),
                    url: programme_url.map(str::to_string),
                    ..Evidence::default()
                };
                if let Some((next_range, Token::Pages(pages))) = tokens.get(i + 1)
                    && only_punctuation(&text[range.end..next_range.start])
                {
                    evidence.kind = EvidenceKind::Programme;
                    set_pages(&mut evidence, pages);
                    i += 1;
                    previous_end = next_range.end;
                    out.evidence.push(evidence);
                    i += 1;
                    continue;
                }
                out.evidence.push(evidence);
            }
            Token::Pages(pages) => {
                let mut evidence = Evidence {
                    kind: EvidenceKind::Programme,
                    stance: Stance::Unclassified,
                    note: clause_before(text, previous_end, range.start),
                    url: programme_url.map(str::to_string),
                    ..Evidence::default()
                };
                set_pages(&mut evidence, pages);
                out.evidence.push(evidence);
            }
        }
        previous_end = range.end;
        i += 1;
    }
    add_silence_follow_ups(text, &mut out);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// After a programme that is silent on the subject: the party's missing
/// answer, and the rest of the cell's prose when it says more about the
/// programme than its silence (a stance the editors inferred, which the
/// importer cannot judge and leaves `unclassified`).
fn add_silence_follow_ups(text: &str, out: &mut Explanation) {
    if sentences(text).any(kinds::says_no_answer) {
        out.evidence.push(Evidence {
            kind: EvidenceKind::Reply,
            stance: Stance::Silent,
            note: Some(NO_ANSWER.to_string()),
            ..Evidence::default()
        });
    }
    let only_silence = out
        .evidence
        .iter()
        .all(|e| e.stance == Stance::Silent && e.quote.is_none() && e.pages.is_empty());
    let Some(url) = out
        .evidence
        .iter()
        .find(|e| e.kind == EvidenceKind::Programme && e.stance == Stance::Silent)
        .map(|e| e.url.clone())
    else {
        return;
    };
    if !only_silence {
        return;
    }
    let rest: Vec<String> = sentences(text)
        .filter(|s| !kinds::says_no_answer(s) && !kinds::says_unclear(s))
        .filter_map(|s| {
            if kinds::says_silent(s) {
                s.split_once(", maar ").map(|(_, rest)| rest)
            } else {
                Some(s)
            }
        })
        .map(|s| inline::plain_text(s).trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if !rest.is_empty() {
        out.evidence.push(Evidence {
            kind: EvidenceKind::Programme,
            stance: Stance::Unclassified,
            note: Some(rest.join(" ")),
            url,
            ..Evidence::default()
        });
    }
}

/// The note of a party that did not answer (the importer's own words).
const NO_ANSWER: &str = "De partij heeft (nog) niet geantwoord op onze vragen om verduidelijking.";

/// The sentences of a cell, each with its closing full stop.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(". ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Byte offset where the sentence holding byte `at` starts.
fn sentence_start(text: &str, at: usize) -> usize {
    text[..at].rfind(". ").map_or(0, |i| i + 2)
}

/// Byte offset just after the sentence holding byte `at` ends.
fn sentence_end(text: &str, at: usize) -> usize {
    text[at..].find(". ").map_or(text.len(), |i| at + i + 1)
}

/// True when `between` (the text between two tokens) closes a sentence.
fn ends_sentence(between: &str) -> bool {
    between.contains(". ") || between.trim_end().ends_with('.')
}

/// True when `between` holds only spaces and punctuation.
fn only_punctuation(between: &str) -> bool {
    between
        .chars()
        .all(|c| c.is_whitespace() || ".,;:".contains(c))
}

/// The part of a sentence that says the programme is silent, as plain text:
/// up to ", maar" when the sentence goes on about something else.
fn silent_clause(sentence: &str) -> String {
    let clause = sentence.split_once(", maar ").map_or(sentence, |(c, _)| c);
    inline::plain_text(clause.trim())
        .trim_end_matches('.')
        .to_string()
}

fn set_pages(evidence: &mut Evidence, pages: &Pages) {
    match pages {
        Pages::Numbers(list) => evidence.pages = list.clone(),
        Pages::None => evidence.no_pages = true,
    }
}

/// Reads `48`, `18, 19`, `10-11` or `3 en 4` into page numbers.
fn parse_page_list(list: &str) -> Result<Vec<u32>, PageError> {
    let mut pages = Vec::new();
    let normalised = list.replace(" en ", ",").replace('–', "-");
    for part in normalised.split(',').map(str::trim) {
        let number = |s: &str| {
            s.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| PageError {
                    code: "guide-cell-page-bad",
                    message: msg!(
                        "`{list}` is not a page reference",
                        "`{list}` is geen verwijzing naar een pagina"
                    ),
                })
        };
        if let Some((from, to)) = part.split_once('-') {
            let (from, to) = (number(from)?, number(to)?);
            if to < from || to - from > 50 {
                return Err(PageError {
                    code: "guide-cell-page-range-bad",
                    message: msg!(
                        "`{part}` is not a page range",
                        "`{part}` is geen reeks pagina's"
                    ),
                });
            }
            pages.extend(from..=to);
        } else {
            pages.push(number(part)?);
        }
    }
    Ok(pages)
}

/// The plain text of the clause just before a page reference, as a note.
fn clause_before(text: &str, from: usize, to: usize) -> Option<String> {
    let piece = &text[from..to];
    let start = piece.rfind(". ").map(|i| i + 2).unwrap_or(0);
    let clause = inline::plain_text(&piece[start..]);
    let clause = clause
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .trim();
    let clause = clause.strip_prefix("en:").unwrap_or(clause).trim();
    (!clause.is_empty()).then(|| clause.to_string())
}

/// A silent programme item when the text says the programme contains nothing on the subject.
fn silent_programme(text: &str, programme_url: Option<&str>) -> Option<Evidence> {
    let sentence = text.split(". ").find(|s| kinds::says_silent(s))?;
    Some(Evidence {
        kind: EvidenceKind::Programme,
        stance: Stance::Silent,
        url: programme_url.map(str::to_string),
        note: Some(silent_clause(sentence)),
        ..Evidence::default()
    })
}

/// Recognises a link to a Tweede Kamer motion or bill and the vote written in
/// or just before its text.
fn vote_link(label: &str, url: &str, before: &str) -> Option<(Evidence, ItemRef)> {
    let (number, kind) = kinds::item_of(url)?;
    let vote = direction(label, before);
    let lower = label.to_lowercase();
    let protects_hint = if lower.contains("bescherm") {
        Some(VoteChoice::For)
    } else if ["surveillance", "sleepwet", "sleepnet"]
        .iter()
        .any(|w| lower.contains(w))
    {
        Some(VoteChoice::Against)
    } else {
        None
    };
    let evidence = Evidence {
        kind: EvidenceKind::Vote,
        stance: Stance::Unclassified,
        title: Some(label.to_string()).filter(|t| !t.is_empty()),
        url: Some(url.to_string()),
        item: Some(number.clone()),
        vote,
        ..Evidence::default()
    };
    let item = ItemRef {
        number,
        kind,
        url: url.to_string(),
        protects_hint,
    };
    Some((evidence, item))
}

/// "vóór"/"voor" → for, "tegen" → against: the first word of the link text,
/// else one of the last three words before the link.
fn direction(label: &str, before: &str) -> Option<VoteChoice> {
    let as_vote = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        DIRECTION.is_match(word).then(|| {
            if word.eq_ignore_ascii_case("tegen") {
                VoteChoice::Against
            } else {
                VoteChoice::For
            }
        })
    };
    if let Some(vote) = label.split_whitespace().next().and_then(as_vote) {
        return Some(vote);
    }
    before.split_whitespace().rev().take(3).find_map(as_vote)
}

/// What the source column holds: the programme and any further links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceCell {
    /// The programme, from the first link; `None` for `---` or an empty cell.
    pub programme: Option<Programme>,
    /// Further links, kept as unclassified programme evidence.
    pub extra: Vec<Evidence>,
}

/// Reads the source column: `[Programma X](url) (pdf)`, `---` or empty.
pub fn parse_source(text: &str) -> Result<SourceCell, CellError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().all(|c| c == '-') {
        return Ok(SourceCell::default());
    }
    let mut links = Vec::new();
    for link in inline::links(trimmed) {
        check_url(trimmed, &link)?;
        links.push((link.text, link.url));
    }
    let Some((title, url)) = links.first() else {
        return Err(CellError::new(
            0,
            "guide-cell-source-no-link",
            msg!(
                "the source cell has text but no link",
                "de cel in de kolom Bron heeft tekst maar geen link"
            ),
        ));
    };
    let format = if trimmed.to_lowercase().contains("(pdf)") || url.to_lowercase().ends_with(".pdf")
    {
        ProgrammeFormat::Pdf
    } else {
        ProgrammeFormat::Html
    };
    Ok(SourceCell {
        programme: Some(Programme {
            url: Some(url.clone()),
            title: Some(title.clone()).filter(|t| !t.is_empty()),
            format,
            available: true,
            note: None,
            note_en: None,
        }),
        extra: links
            .iter()
            .skip(1)
            .map(|(title, url)| Evidence {
                kind: EvidenceKind::Programme,
                stance: Stance::Unclassified,
                title: Some(title.clone()),
                url: Some(url.clone()),
                ..Evidence::default()
            })
            .collect(),
    })
}

/// Byte ranges of a cell already taken by a link, quotation or page
/// reference, so that the tokens of a cell never overlap.
#[derive(Default)]
struct Taken {
    /// Start → end of each taken range.
    ranges: BTreeMap<usize, usize>,
}

impl Taken {
    /// True when no taken range overlaps `range`.
    fn is_free(&self, range: &Range<usize>) -> bool {
        let before = self.ranges.range(..range.end).next_back();
        !matches!(before, Some((_, &end)) if end > range.start)
    }

    /// Takes `range` when it is free; returns whether it was.
    fn claim(&mut self, range: &Range<usize>) -> bool {
        let free = self.is_free(range);
        if free {
            self.ranges.insert(range.start, range.end);
        }
        free
    }
}

/// The character offset of byte `offset` in `text`.
fn char_offset(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |t| t.chars().count())
}

/// A link of the table must be a whole http(s) address.
fn check_url(text: &str, link: &inline::Link) -> Result<(), CellError> {
    ExternalUrl::parse(&link.url, Schemes::Web)
        .map(|_| ())
        .map_err(|e| {
            let label = &link.text;
            let problem = e.message;
            CellError {
                offset: char_offset(text, link.range.start),
                code: "guide-cell-link-bad",
                message: msg!("link `{label}`: {problem}", "link `{label}`: {problem}"; problem),
                hint: Some(e.hint),
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    const MOTION_URL: &str =
        "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2023Z07239&did=2023D17019";
    const BILL_URL: &str = "https://www.tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?cfg=wetsvoorsteldetails&qry=wetsvoorstel%3A36263";

    #[test_case("“Tekst.” (p. 48)", vec![48], false; "single page")]
    #[test_case("“Tekst.” (p.119).", vec![119], false; "no space")]
    #[test_case("“Tekst.” (pp. 18, 19)", vec![18, 19], false; "list")]
    #[test_case("“Tekst.” (pp. 10-11).", vec![10, 11], false; "range")]
    #[test_case("“Tekst.” (pp. 10–12)", vec![10, 11, 12], false; "en dash range")]
    #[test_case("“Tekst.” (zonder paginanummers)", vec![], true; "no page numbers")]
    #[test_case("\"Tekst.\" (p. 7)", vec![7], false; "straight quotes")]
    fn quotes_get_pages(cell: &str, pages: Vec<u32>, no_pages: bool) {
        let e = parse_explanation(cell, Some("https://p.example/x.pdf")).unwrap();
        assert_eq!(e.evidence.len(), 1);
        let ev = &e.evidence[0];
        assert_eq!(ev.quote.as_deref(), Some("Tekst."));
        assert_eq!(ev.pages, pages);
        assert_eq!(ev.no_pages, no_pages);
        assert_eq!(ev.kind, EvidenceKind::Programme);
        assert_eq!(ev.url.as_deref(), Some("https://p.example/x.pdf"));
    }

    #[test]
    fn page_reference_without_quote_keeps_its_clause() {
        let e = parse_explanation(
            "X wil privacy beschermen, maar vindt regels lastig (p. 48), en: “Citaat.” (p. 89).",
            None,
        )
        .unwrap();
        assert_eq!(e.evidence.len(), 2);
        assert_eq!(e.evidence[0].pages, vec![48]);
        assert_eq!(e.evidence[0].quote, None);
        assert_eq!(
            e.evidence[0].note.as_deref(),
            Some("X wil privacy beschermen, maar vindt regels lastig")
        );
        assert_eq!(e.evidence[1].pages, vec![89]);
    }

    #[test]
    fn quote_without_page_or_programme_is_a_statement() {
        let e = parse_explanation("X zegt: “Komt later online.” Meer volgt.", None).unwrap();
        assert_eq!(e.evidence[0].kind, EvidenceKind::Statement);
        assert!(e.evidence[0].pages.is_empty() && !e.evidence[0].no_pages);
    }

    #[test_case(&format!("zowel [vóór moties ter bescherming]({MOTION_URL}) als"), "2023Z07239", Some(VoteChoice::For), Some(VoteChoice::For); "for in link text")]
    #[test_case(&format!("[tegen moties ter bescherming]({MOTION_URL})"), "2023Z07239", Some(VoteChoice::Against), Some(VoteChoice::For); "against in link text")]
    #[test_case(&format!("stemde voor [ongerichte massasurveillance]({BILL_URL})"), "36263", Some(VoteChoice::For), Some(VoteChoice::Against); "direction before link")]
    #[test_case(&format!("[vóór ongerichte massasurveillance heeft gestemd]({BILL_URL})"), "36263", Some(VoteChoice::For), Some(VoteChoice::Against); "long link text")]
    #[test_case(&format!("en ook [tegen dergelijke moties heeft gestemd]({MOTION_URL})"), "2023Z07239", Some(VoteChoice::Against), None; "no hint")]
    fn vote_links(cell: &str, item: &str, vote: Option<VoteChoice>, hint: Option<VoteChoice>) {
        let e = parse_explanation(cell, None).unwrap();
        assert_eq!(e.evidence.len(), 1);
        assert_eq!(e.evidence[0].kind, EvidenceKind::Vote);
        assert_eq!(e.evidence[0].item.as_deref(), Some(item));
        assert_eq!(e.evidence[0].vote, vote);
        assert_eq!(e.items[0].protects_hint, hint);
    }

    #[test_case(&format!("Diende [een motie in]({MOTION_URL}) die vraagt \"het voorstel af te wijzen\"."), &[(EvidenceKind::Submitted, Stance::Unclassified)], Some(VoteChoice::For); "submitted motion keeps its request")]
    #[test_case(&format!("Heeft [een motie]({MOTION_URL}) mede-ondertekend."), &[(EvidenceKind::Cosigned, Stance::Unclassified)], None; "co-signed motion")]
    #[test_case("Zei in een [debat](https://app.1848.nl/d/1) van 2 oktober: \"Nee.\"", &[(EvidenceKind::Debate, Stance::Unclassified)], None; "debate with quote")]
    #[test_case("Schrijft in haar [programma](https://p.example/p.pdf): \"Ja.\" (p. 3)", &[(EvidenceKind::Programme, Stance::Unclassified)], None; "programme link with quote and page")]
    #[test_case("Bespreekt het niet in haar [programma](https://p.example/). Op onze vragen kwam nog geen antwoord.", &[(EvidenceKind::Programme, Stance::Silent), (EvidenceKind::Reply, Stance::Silent)], None; "silent and unanswered")]
    #[test_case("Bespreekt het niet in haar [programma](https://p.example/), maar wil een legitimatieplicht.", &[(EvidenceKind::Programme, Stance::Silent), (EvidenceKind::Programme, Stance::Unclassified)], None; "silent with an inferred stance")]
    #[test_case("Bespreekt het niet in haar [programma](https://p.example/). Het is ons onduidelijk wat zij vindt.", &[(EvidenceKind::Programme, Stance::Silent)], None; "silent and unclear")]
    #[test_case("Zegt: \"Nooit.\"", &[(EvidenceKind::Statement, Stance::Unclassified)], None; "statement without link")]
    fn kinds_of_evidence(
        cell: &str,
        expected: &[(EvidenceKind, Stance)],
        protects: Option<VoteChoice>,
    ) {
        let e = parse_explanation_on(cell, None, NaiveDate::from_ymd_opt(2025, 10, 29)).unwrap();
        let got: Vec<_> = e.evidence.iter().map(|x| (x.kind, x.stance)).collect();
        assert_eq!(got, expected);
        assert!(e.evidence.iter().all(|x| x.vote.is_none()));
        assert_eq!(e.items.first().and_then(|i| i.protects_hint), protects);
        if e.evidence[0].kind == EvidenceKind::Debate {
            assert_eq!(e.evidence[0].quote.as_deref(), Some("Nee."));
            assert_eq!(e.evidence[0].date, NaiveDate::from_ymd_opt(2025, 10, 2));
        }
    }

    #[test]
    fn motion_link_without_vote_is_an_action_not_a_vote() {
        let e = parse_explanation(&format!("zie [deze motie]({MOTION_URL})"), None).unwrap();
        assert_eq!(e.evidence.len(), 1);
        assert_eq!(e.evidence[0].kind, EvidenceKind::Action);
        assert_eq!(e.evidence[0].vote, None);
        assert_eq!(e.evidence[0].item.as_deref(), Some("2023Z07239"));
        assert_eq!(e.items[0].number, "2023Z07239");
    }

    #[test]
    fn other_links_are_kept() {
        let e = parse_explanation(
            "heeft [geweigerd](https://chatcontrole.nl/a/) om moties [uit te voeren](https://chatcontrole.nl/b/)",
            None,
        )
        .unwrap();
        let urls: Vec<_> = e.evidence.iter().map(|e| e.url.clone().unwrap()).collect();
        assert_eq!(
            urls,
            ["https://chatcontrole.nl/a/", "https://chatcontrole.nl/b/"]
        );
        assert!(e.evidence.iter().all(|e| e.stance == Stance::Unclassified));
    }

    #[test]
    fn silence_is_read() {
        let e = parse_explanation(
            "X heeft in haar partijprogramma niets opgenomen over encryptie.",
            Some("https://p.example/"),
        )
        .unwrap();
        assert_eq!(e.evidence.len(), 1);
        assert_eq!(e.evidence[0].stance, Stance::Silent);
    }

    #[test_case("“T.” (p. x)"; "not a number")]
    #[test_case("“T.” (pp. 11-10)"; "backwards range")]
    #[test_case("“T.” (p. 0)"; "page zero")]
    fn bad_page_references(cell: &str) {
        assert!(parse_explanation(cell, None).is_err());
    }

    #[test_case("[Programma A](https://a.example/p.pdf) (pdf)", Some(ProgrammeFormat::Pdf); "pdf")]
    #[test_case("[Programma A (sectie)](https://a.example/p/)", Some(ProgrammeFormat::Html); "web page")]
    #[test_case("[Programma BVNL](https://a.example/x)/Groep Van Haga (pdf)", Some(ProgrammeFormat::Pdf); "text after link")]
    #[test_case("---", None; "no source")]
    #[test_case("", None; "empty")]
    fn source_cells(cell: &str, format: Option<ProgrammeFormat>) {
        let s = parse_source(cell).unwrap();
        assert_eq!(s.programme.map(|p| p.format), format);
    }

    #[test]
    fn source_without_link_is_an_error() {
        let e = parse_source("programma op papier").unwrap_err();
        assert_eq!(e.code, "guide-cell-source-no-link");
        assert!(e.message.nl.contains("geen link"), "{}", e.message.nl);
    }

    #[test]
    fn a_bad_link_says_so_in_both_languages() {
        let e = parse_source("[Programma](ftp://a.example/p.pdf)").unwrap_err();
        assert_eq!(e.code, "guide-cell-link-bad");
        assert!(
            e.message.en.starts_with("link `Programma`: "),
            "{}",
            e.message.en
        );
        assert!(e.message.nl.contains("mag hier niet"), "{}", e.message.nl);
        assert!(e.hint.is_some_and(|h| h.nl.contains("adresbalk")));
    }
}
