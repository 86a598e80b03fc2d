//! Turns a footnote about electoral districts into district data:
//! "ongeldig verklaard voor de kieskringen 3 (Assen) en 20 (Bonaire)" → all but
//! 3 and 20; "Doet mee in 19 kieskringen." or "negentien kieskringen" → a
//! count of 19; "alleen in kieskring 9" → only 9.
//!
//! The footnote is cut into words, numbers (written as digits or as Dutch
//! words), names in parentheses and separators, and read in one pass, so a
//! footnote of any length costs linear time.

use std::fmt;

use crate::diagnostics::Message;
use crate::guide::model::{District, Districts, name_key};
use crate::msg;

/// Dutch number words up to twenty, the number of kieskringen.
const NUMBER_WORDS: [&str; 21] = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
];

/// One piece of a footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A lower-case word.
    Word(String),
    /// A number, written in digits or as a word; `None` when too large.
    Number(Option<u32>, String),
    /// Text in parentheses, e.g. a district's name.
    Name(String),
    /// `,`, `:` or `;` between list items.
    Separator,
    /// `.` or anything else that ends a list.
    Stop,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = c.to_string();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                digits.push(d);
            }
            out.push(Token::Number(digits.parse().ok(), digits));
        } else if c.is_alphabetic() {
            let mut word: String = c.to_lowercase().collect();
            while let Some(d) =
                chars.next_if(|d| d.is_alphabetic() || matches!(d, '-' | '\'' | '’'))
            {
                word.extend(d.to_lowercase());
            }
            let word = word.replace('é', "e");
            match NUMBER_WORDS.iter().position(|w| *w == word) {
                Some(n) => out.push(Token::Number(Some(n as u32), word)),
                None => out.push(Token::Word(word)),
            }
        } else if c == '(' {
            let name: String = chars.by_ref().take_while(|d| *d != ')').collect();
            out.push(Token::Name(name));
        } else if matches!(c, ',' | ':' | ';') {
            out.push(Token::Separator);
        } else if !c.is_whitespace() {
            out.push(Token::Stop);
        }
    }
    out
}

fn is_district_word(token: Option<&Token>) -> bool {
    matches!(token, Some(Token::Word(w)) if w == "kieskring" || w == "kieskringen")
}

/// Why a footnote about kieskringen cannot be read ([`FootnoteError::message`]
/// names the problem in English and Dutch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FootnoteError {
    /// The footnote says "kieskring" but neither counts nor lists them.
    NoNumbers,
    /// A count outside 1 to the number of kieskringen; the count as written.
    ImpossibleCount {
        /// The count as the footnote writes it ("21", "eenentwintig").
        written: String,
        /// How many kieskringen there are.
        total: usize,
    },
    /// "Not in N kieskringen" where N is all of them.
    NoneLeft {
        /// How many kieskringen there are.
        total: usize,
    },
    /// A listed number that is no kieskring; the number as written.
    NoSuchDistrict(String),
    /// A listed number whose name in parentheses is another kieskring's.
    WrongName {
        /// The kieskring's number.
        number: u8,
        /// Its real name.
        name: String,
        /// The name the footnote gives.
        written: String,
    },
    /// A list without "ongeldig"/"doet niet mee" or "alleen"/"uitsluitend".
    Unclear,
}

impl FootnoteError {
    /// What is wrong, in English and Dutch.
    pub fn message(&self) -> Message {
        match self {
            FootnoteError::NoNumbers => msg!(
                "the footnote mentions kieskringen but names no numbers",
                "de voetnoot noemt kieskringen, maar geen nummers"
            ),
            FootnoteError::ImpossibleCount { written, total } => msg!(
                "a party cannot take part in {written} of {total} kieskringen",
                "een partij kan niet meedoen in {written} van de {total} kieskringen"
            ),
            FootnoteError::NoneLeft { total } => msg!(
                "a party cannot take part in none of the {total} kieskringen",
                "een partij moet in minstens één van de {total} kieskringen meedoen"
            ),
            FootnoteError::NoSuchDistrict(written) => msg!(
                "there is no kieskring {written}",
                "er is geen kieskring {written}"
            ),
            FootnoteError::WrongName {
                number,
                name,
                written,
            } => msg!(
                "kieskring {number} is {name}, not {written}",
                "kieskring {number} is {name}, niet {written}"
            ),
            FootnoteError::Unclear => msg!(
                "cannot tell whether the party does or does not take part in these kieskringen",
                "uit de voetnoot blijkt niet of de partij in deze kieskringen wel of niet meedoet"
            ),
        }
    }
}

/// The English message.
impl fmt::Display for FootnoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for FootnoteError {}

/// Reads one footnote. Returns `Ok(None)` when the footnote is not about
/// districts at all, and an error when it is about districts but cannot be read.
pub fn parse_footnote(
    text: &str,
    districts: &[District],
) -> Result<Option<Districts>, FootnoteError> {
    let lower = text.to_lowercase();
    if !lower.contains("kieskring") {
        return Ok(None);
    }
    let tokens = tokens(text);
    let mut count = None;
    let mut listed: Vec<(String, Option<u32>, Option<&str>)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Number(n, written) if is_district_word(tokens.get(i + 1)) => {
                count.get_or_insert((*n, written.clone()));
            }
            Token::Word(_) if is_district_word(Some(token)) => {
                let mut j = i + 1;
                if tokens.get(j) == Some(&Token::Separator) {
                    j += 1;
                }
                while let Some(Token::Number(n, written)) = tokens.get(j) {
                    let name = match tokens.get(j + 1) {
                        Some(Token::Name(name)) => {
                            j += 1;
                            Some(name.as_str())
                        }
                        _ => None,
                    };
                    listed.push((written.clone(), *n, name));
                    j += 1;
                    if tokens.get(j) == Some(&Token::Separator) {
                        j += 1;
                        if matches!(tokens.get(j), Some(Token::Word(w)) if w == "en") {
                            j += 1;
                        }
                    } else if matches!(tokens.get(j), Some(Token::Word(w)) if w == "en") {
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    let excluded = [
        "ongeldig",
        "doet niet mee",
        "niet op de kieslijst",
        "niet in kieskring",
        "niet deel",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let only = lower.contains("alleen") || lower.contains("uitsluitend");
    let total = districts.len();
    if listed.is_empty() {
        let Some((n, written)) = count else {
            return Err(FootnoteError::NoNumbers);
        };
        let n = n
            .map(|n| n as usize)
            .filter(|n| (1..=total).contains(n))
            .ok_or(FootnoteError::ImpossibleCount { written, total })?;
        let n = if excluded { total - n } else { n };
        if n == 0 {
            return Err(FootnoteError::NoneLeft { total });
        }
        return Ok(Some(Districts::Count(n as u8)));
    }
    let numbers = numbered_districts(&listed, districts)?;
    match (excluded, only) {
        (true, false) => Ok(Some(Districts::Except(numbers))),
        (false, true) => Ok(Some(Districts::Except(
            districts
                .iter()
                .map(|d| d.number)
                .filter(|n| !numbers.contains(n))
                .collect(),
        ))),
        _ => Err(FootnoteError::Unclear),
    }
}

/// Checks the listed district numbers (and names, where given) against the districts.
fn numbered_districts(
    listed: &[(String, Option<u32>, Option<&str>)],
    districts: &[District],
) -> Result<Vec<u8>, FootnoteError> {
    let mut numbers = Vec::new();
    for (written, number, name) in listed {
        let district = number
            .and_then(|n| districts.iter().find(|d| u32::from(d.number) == n))
            .ok_or_else(|| FootnoteError::NoSuchDistrict(written.clone()))?;
        if let Some(name) = name
            && name_key(name) != name_key(&district.name)
        {
            return Err(FootnoteError::WrongName {
                number: district.number,
                name: district.name.clone(),
                written: name.to_string(),
            });
        }
        numbers.push(district.number);
    }
    numbers.sort_unstable();
    numbers.dedup();
    Ok(numbers)
}

/// Two footnotes of one party, one giving a count of kieskringen and the other a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountAndList;

impl CountAndList {
    /// What is wrong, in English and Dutch.
    pub fn message(&self) -> Message {
        msg!(
            "two footnotes give a count and a list of kieskringen for one party",
            "twee voetnoten geven voor één partij zowel een aantal als een lijst van kieskringen"
        )
    }
}

/// The English message.
impl fmt::Display for CountAndList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for CountAndList {}

/// Combines the districts of several footnotes of one party.
pub fn combine(a: Districts, b: Districts) -> Result<Districts, CountAndList> {
    match (a, b) {
        (Districts::All, x) | (x, Districts::All) => Ok(x),
        (Districts::Except(mut x), Districts::Except(y)) => {
            x.extend(y);
            x.sort_unstable();
            x.dedup();
            Ok(Districts::Except(x))
        }
        _ => Err(CountAndList),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::KIESKRINGEN;
    use test_case::test_case;

    fn all() -> Vec<District> {
        KIESKRINGEN
            .iter()
            .map(|(n, name)| District {
                number: *n,
                name: name.to_string(),
            })
            .collect()
    }

    #[test_case("Partij ongeldig verklaard voor kieskring 20 (Bonaire), omdat.", Districts::Except(vec![20]); "one district")]
    #[test_case("Partij ongeldig verklaard voor de kieskringen 3 (Assen), 16 (Middelburg) en 20 (Bonaire).", Districts::Except(vec![3, 16, 20]); "list with en")]
    #[test_case("Ongeldig verklaard voor de kieskringen 12 (’s-Gravenhage) en 13 (Rotterdam).", Districts::Except(vec![12, 13]); "curly apostrophe")]
    #[test_case("Ongeldig verklaard voor kieskringen 3, 16 en 20.", Districts::Except(vec![3, 16, 20]); "bare numbers")]
    #[test_case("Doet mee in 19 kieskringen.", Districts::Count(19); "count")]
    #[test_case("Doet alleen mee in kieskring 9 (Amsterdam).", Districts::Except((1..=20).filter(|n| *n != 9).collect()); "only one")]
    #[test_case("Ongeldig verklaard in kieskring 3.", Districts::Except(vec![3]); "singular bare")]
    #[test_case("Ongeldig voor de kieskringen 19 (Maastricht), en 20 (Bonaire).", Districts::Except(vec![19, 20]); "comma before en")]
    #[test_case("Lijst ongeldig in kieskring 3 (Assen) en kieskring 20 (Bonaire).", Districts::Except(vec![3, 20]); "singular twice")]
    #[test_case("Ongeldig verklaard voor de kieskringen 3 en 20.", Districts::Except(vec![3, 20]); "plural bare with en")]
    #[test_case("Neemt deel in negentien kieskringen.", Districts::Count(19); "count in words")]
    #[test_case("Doet mee in één kieskring.", Districts::Count(1); "one in words singular")]
    #[test_case("Doet mee in 1 kieskring.", Districts::Count(1); "one in digits singular")]
    #[test_case("Doet niet mee in 2 kieskringen.", Districts::Count(18); "count excluded")]
    #[test_case("Ongeldig verklaard voor de kieskringen drie en twintig.", Districts::Except(vec![3, 20]); "list in words")]
    fn footnotes_become_districts(text: &str, expected: Districts) {
        assert_eq!(parse_footnote(text, &all()), Ok(Some(expected)));
    }

    #[test_case("Ongeldig verklaard voor kieskring 21 (Nergens)."; "unknown number")]
    #[test_case("Ongeldig verklaard voor kieskring 3 (Zwolle)."; "wrong name")]
    #[test_case("Doet mee in 25 kieskringen."; "count too high")]
    #[test_case("Iets over kieskringen zonder nummers."; "no numbers")]
    #[test_case("Kieskring 3 (Assen) is genoemd."; "direction unknown")]
    #[test_case("Ongeldig in kieskring 99999999999999999999."; "number too large")]
    #[test_case("Doet mee in 0 kieskringen."; "count zero")]
    #[test_case("Doet niet mee in 20 kieskringen."; "excluded everywhere")]
    fn unreadable_footnotes(text: &str) {
        assert!(parse_footnote(text, &all()).is_err());
    }

    #[test_case("Ongeldig verklaard voor kieskring 3 (Zwolle).", "kieskring 3 is Assen, not Zwolle"; "wrong name")]
    #[test_case("Doet mee in 25 kieskringen.", "a party cannot take part in 25 of 20 kieskringen"; "count too high")]
    #[test_case("Doet niet mee in 20 kieskringen.", "a party cannot take part in none of the 20 kieskringen"; "excluded everywhere")]
    fn footnote_messages(text: &str, message: &str) {
        assert_eq!(
            parse_footnote(text, &all()).unwrap_err().to_string(),
            message
        );
    }

    #[test]
    fn footnote_messages_in_dutch() {
        let e =
            parse_footnote("Ongeldig verklaard voor kieskring 3 (Zwolle).", &all()).unwrap_err();
        assert_eq!(e.message().nl, "kieskring 3 is Assen, niet Zwolle");
    }

    #[test]
    fn footnote_about_something_else_is_not_districts() {
        assert_eq!(
            parse_footnote("Het programma verscheen laat.", &all()),
            Ok(None)
        );
    }

    #[test]
    fn combining() {
        let c = combine(Districts::Except(vec![20]), Districts::Except(vec![3, 20]));
        assert_eq!(c, Ok(Districts::Except(vec![3, 20])));
        assert_eq!(
            combine(Districts::Count(19), Districts::Except(vec![3]))
                .unwrap_err()
                .to_string(),
            "two footnotes give a count and a list of kieskringen for one party"
        );
    }
}
