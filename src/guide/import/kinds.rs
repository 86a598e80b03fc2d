//! Which kind of evidence a link of a guide cell stands for, read from the
//! link's address, its text and the words of its sentence: a recorded vote, a
//! motion the party submitted or co-signed, a debate, a programme, or another
//! source. Also the small readings that go with them: a Dutch date written in
//! the sentence, whether a sentence says the programme is silent or that the
//! party did not answer, and which vote on a submitted motion protects.
//!
//! Kept apart from `cell.rs`, which cuts a cell into links, quotations and
//! page references, so each reading can be tested on its own.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use percent_encoding::percent_decode_str;
use regex::Regex;

use crate::guide::model::{ItemKind, VoteChoice};

static MOTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)tweedekamer\.nl/.*moties/detail\?(?:.*&)?id=(\d{4}Z\d{5})")
        .expect("valid regex")
});
static BILL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)tweedekamer\.nl/.*wetsvoorstel:(\d+)").expect("valid regex"));
static DUTCH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)(?:\s+(\d{4}))?\b")
        .expect("valid regex")
});

/// What a link in an explanation cell is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// A link to a motion or bill with the party's vote written around it.
    Vote,
    /// A motion or bill the party submitted ("diende een motie in").
    Submitted,
    /// A motion the party co-signed ("mede-ondertekend").
    Cosigned,
    /// A motion or bill link that says neither how the party voted nor that it
    /// submitted it: kept as an action for an editor to read.
    OtherItem,
    /// A debate (a debate-direct recording, or "debat" in the link text).
    Debate,
    /// The party's programme or list of positions.
    Programme,
    /// Any other source.
    Other,
}

/// The motion (`2025Z18230`) or bill (`36263`) a link points at.
pub fn item_of(url: &str) -> Option<(String, ItemKind)> {
    let decoded = percent_decode_str(url).decode_utf8_lossy();
    if let Some(c) = MOTION.captures(&decoded) {
        Some((c[1].to_uppercase(), ItemKind::Motion))
    } else {
        BILL.captures(&decoded)
            .map(|c| (c[1].to_string(), ItemKind::Bill))
    }
}

/// The kind of a link with text `label` to `url`; `sentence` is the sentence
/// it stands in, `has_vote` whether a vote direction was read around it (a
/// written vote wins over words about submitting).
pub fn link_kind(label: &str, url: &str, sentence: &str, has_vote: bool) -> LinkKind {
    let words = format!(" {} {} ", sentence.to_lowercase(), label.to_lowercase());
    if item_of(url).is_some() {
        return if has_vote {
            LinkKind::Vote
        } else if contains_any(
            &words,
            &[
                "mede-ondertekend",
                "medeondertekend",
                "mede ondertekend",
                "mede-ingediend",
                "medeingediend",
                "mede-indiener",
                "ondertekende",
            ],
        ) {
            LinkKind::Cosigned
        } else if contains_any(&words, &["diende", "ingediend", " dient ", "indiende"]) {
            LinkKind::Submitted
        } else {
            LinkKind::OtherItem
        };
    }
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    let label = label.to_lowercase();
    if host.ends_with("1848.nl") || host.starts_with("debatdirect.") || label.contains("debat") {
        LinkKind::Debate
    } else if contains_any(
        &label,
        &[
            "programma",
            "standpunten",
            "verkiezingspunten",
            "puntenplan",
        ],
    ) {
        LinkKind::Programme
    } else {
        LinkKind::Other
    }
}

fn contains_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// The first Dutch date written in `text` ("30 september 2025", "2 oktober").
/// A date without a year gets the year that puts it on or before `before`
/// (election day); without that day it is not read.
pub fn dutch_date(text: &str, before: Option<NaiveDate>) -> Option<NaiveDate> {
    let c = DUTCH_DATE.captures(text)?;
    let day: u32 = c[1].parse().ok()?;
    let month_name = c[2].to_lowercase();
    let month = crate::content::dates::MONTHS_NL
        .iter()
        .position(|m| *m == month_name)? as u32
        + 1;
    match c.get(3) {
        Some(year) => NaiveDate::from_ymd_opt(year.as_str().parse().ok()?, month, day),
        None => {
            let limit = before?;
            let this_year = NaiveDate::from_ymd_opt(limit.year(), month, day)?;
            if this_year <= limit {
                Some(this_year)
            } else {
                NaiveDate::from_ymd_opt(limit.year() - 1, month, day)
            }
        }
    }
}

/// True when the sentence says the programme does not discuss the subject.
pub fn says_silent(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    contains_any(&s, &["niets opgenomen", "niet expliciet iets"])
        || (s.contains("bespreekt") && s.contains(" niet "))
}

/// True when the sentence says the party did not answer the campaign's questions.
pub fn says_no_answer(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    contains_any(&s, &["geen antwoord", "geen reactie"])
}

/// True when the sentence only says the party's position is unclear.
pub fn says_unclear(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    contains_any(&s, &["onduidelijk", "onbekend"])
}

/// Which vote on a submitted or co-signed motion protects, as far as the words
/// of its sentence (and the quoted request) tell: asking the government to
/// oppose or reject the proposal → a vote for it protects; asking it to be
/// positive about or support the proposal → a vote against it protects.
pub fn motion_protects(words: &str) -> Option<VoteChoice> {
    let w = words.to_lowercase();
    if contains_any(
        &w,
        &[
            "tegen te stemmen",
            "af te wijzen",
            "niet in te stemmen",
            "niet te steunen",
            "te beschermen",
            "ter bescherming",
        ],
    ) {
        Some(VoteChoice::For)
    } else if contains_any(
        &w,
        &[
            "positief te staan",
            "te steunen",
            "in te stemmen",
            "steun uit te spreken",
        ],
    ) {
        Some(VoteChoice::Against)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    const MOTION: &str =
        "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2025Z00001&did=2025D00002";
    const BILL: &str = "https://www.tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?cfg=wetsvoorsteldetails&qry=wetsvoorstel%3A36263";

    #[test_case("een motie in", MOTION, "Diende op 1 mei 2025 ", false, LinkKind::Submitted; "submitted motion")]
    #[test_case("deze motie", MOTION, "Heeft ", false, LinkKind::OtherItem; "motion without vote or submission")]
    #[test_case("vóór deze motie", MOTION, "Stemde ", true, LinkKind::Vote; "vote")]
    #[test_case("een motie", MOTION, "Heeft [een motie] mede-ondertekend.", false, LinkKind::Cosigned; "co-signed")]
    #[test_case("vóór motie", MOTION, "Stemde [vóór motie], ingediend door een ander.", true, LinkKind::Vote; "written vote wins")]
    #[test_case("motie", MOTION, "Ondertekende ", false, LinkKind::Cosigned; "signed along")]
    #[test_case("het wetsvoorstel", BILL, "Diende ", false, LinkKind::Submitted; "submitted bill")]
    #[test_case("kamerdebat", "https://app.1848.nl/document/debat-direct/1", "In een ", false, LinkKind::Debate; "debate recording")]
    #[test_case("verslag", "https://debatdirect.tweedekamer.nl/x", "", false, LinkKind::Debate; "debate direct host")]
    #[test_case("het debat", "https://example.org/verslag", "", false, LinkKind::Debate; "debate in link text")]
    #[test_case("partijprogramma", "https://p.example/p.pdf", "", false, LinkKind::Programme; "programme")]
    #[test_case("standpunten", "https://p.example/s/", "", false, LinkKind::Programme; "positions page")]
    #[test_case("45-puntenplan", "https://p.example/plan.pdf", "", false, LinkKind::Programme; "points plan")]
    #[test_case("website van de partij", "https://p.example/", "", false, LinkKind::Other; "other link")]
    fn links(label: &str, url: &str, sentence: &str, has_vote: bool, kind: LinkKind) {
        assert_eq!(link_kind(label, url, sentence, has_vote), kind);
    }

    #[test_case("Diende op 30 september 2025 een motie in", Some("2025-09-30"); "full date")]
    #[test_case("in een debat van 2 oktober uit", Some("2025-10-02"); "no year: before election day")]
    #[test_case("op 3 december", Some("2024-12-03"); "no year: previous year")]
    #[test_case("op 31 februari 2025", None; "impossible day")]
    #[test_case("geen datum", None; "no date")]
    fn dates(text: &str, expected: Option<&str>) {
        let election = NaiveDate::from_ymd_opt(2025, 10, 29);
        assert_eq!(
            dutch_date(text, election),
            expected.map(|d| d.parse().unwrap())
        );
    }

    #[test]
    fn date_without_year_needs_election_day() {
        assert_eq!(dutch_date("2 oktober", None), None);
    }

    #[test_case("Noemt het onderwerp niet in diens programma.", false)]
    #[test_case("Bespreekt het voorstel niet in diens programma.", true)]
    #[test_case("X heeft niets opgenomen over encryptie.", true)]
    fn silence(sentence: &str, silent: bool) {
        assert_eq!(says_silent(sentence), silent);
    }

    #[test_case("Er kwam nog geen antwoord op onze vragen.", true)]
    #[test_case("Antwoordde uitgebreid.", false)]
    fn no_answer(sentence: &str, expected: bool) {
        assert_eq!(says_no_answer(sentence), expected);
    }

    #[test_case("vraagt de regering positief te staan tegenover het compromis", Some(VoteChoice::Against); "asks support")]
    #[test_case("verzoekt de regering niet in te stemmen met het voorstel", Some(VoteChoice::For); "asks rejection")]
    #[test_case("verzoekt de regering encryptie te beschermen", Some(VoteChoice::For); "asks protection")]
    #[test_case("over de planning van het debat", None; "says nothing")]
    fn motions(words: &str, expected: Option<VoteChoice>) {
        assert_eq!(motion_protects(words), expected);
    }
}
