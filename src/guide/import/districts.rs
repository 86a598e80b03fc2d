//! Turns a footnote about electoral districts into district data:
//! "ongeldig verklaard voor de kieskringen 3 (Assen) en 20 (Bonaire)" → all but
//! 3 and 20; "Doet mee in 19 kieskringen." → a count of 19.

use regex::Regex;

use crate::guide::model::{District, Districts, name_key};

/// Reads one footnote. Returns `Ok(None)` when the footnote is not about
/// districts at all, and an error message (English, with the problem) when it
/// is about districts but cannot be read.
pub fn parse_footnote(text: &str, districts: &[District]) -> Result<Option<Districts>, String> {
    let lower = text.to_lowercase();
    if !lower.contains("kieskring") {
        return Ok(None);
    }
    let count = Regex::new(r"(?i)\bdoet\s+mee\s+in\s+(\d+)\s+kieskringen").expect("valid regex");
    if let Some(c) = count.captures(text) {
        let n: usize = c[1]
            .parse()
            .map_err(|_| format!("`{}` is not a number", &c[1]))?;
        if n == 0 || n > districts.len() {
            return Err(format!(
                "a party cannot take part in {n} of {} kieskringen",
                districts.len()
            ));
        }
        return Ok(Some(Districts::Count(n as u8)));
    }
    let numbers = numbered_districts(text, districts)?;
    if numbers.is_empty() {
        return Err("the footnote mentions kieskringen but names no numbers".to_string());
    }
    let excluded = lower.contains("ongeldig")
        || lower.contains("doet niet mee")
        || lower.contains("niet op de kieslijst")
        || lower.contains("niet in kieskring");
    let only = lower.contains("alleen") || lower.contains("uitsluitend");
    match (excluded, only) {
        (true, false) => Ok(Some(Districts::Except(numbers))),
        (false, true) => Ok(Some(Districts::Except(
            districts
                .iter()
                .map(|d| d.number)
                .filter(|n| !numbers.contains(n))
                .collect(),
        ))),
        _ => Err(
            "cannot tell whether the party does or does not take part in these kieskringen"
                .to_string(),
        ),
    }
}

/// The district numbers named in `text`, as `3 (Assen)` or bare after "kieskring(en)".
fn numbered_districts(text: &str, districts: &[District]) -> Result<Vec<u8>, String> {
    let with_name = Regex::new(r"(\d{1,3})\s*\(([^)]*)\)").expect("valid regex");
    let mut found: Vec<(String, Option<String>)> = with_name
        .captures_iter(text)
        .map(|c| (c[1].to_string(), Some(c[2].to_string())))
        .collect();
    if found.is_empty() {
        let bare = Regex::new(r"(?i)kieskring(?:en)?\s+((?:\d{1,3}(?:\s*,\s*|\s+en\s+|\s*))+)")
            .expect("valid regex");
        let digits = Regex::new(r"\d{1,3}").expect("valid regex");
        for c in bare.captures_iter(text) {
            found.extend(
                digits
                    .find_iter(&c[1])
                    .map(|m| (m.as_str().to_string(), None)),
            );
        }
    }
    let mut numbers = Vec::new();
    for (number, name) in found {
        let district = number
            .parse::<u8>()
            .ok()
            .and_then(|n| districts.iter().find(|d| d.number == n))
            .ok_or_else(|| format!("there is no kieskring {number}"))?;
        if let Some(name) = name
            && name_key(&name) != name_key(&district.name)
        {
            return Err(format!(
                "kieskring {} is {}, not {}",
                district.number, district.name, name
            ));
        }
        numbers.push(district.number);
    }
    numbers.sort_unstable();
    numbers.dedup();
    Ok(numbers)
}

/// Combines the districts of several footnotes of one party.
pub fn combine(a: Districts, b: Districts) -> Result<Districts, String> {
    match (a, b) {
        (Districts::All, x) | (x, Districts::All) => Ok(x),
        (Districts::Except(mut x), Districts::Except(y)) => {
            x.extend(y);
            x.sort_unstable();
            x.dedup();
            Ok(Districts::Except(x))
        }
        _ => Err("two footnotes give a count and a list of kieskringen for one party".to_string()),
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
    fn footnotes_become_districts(text: &str, expected: Districts) {
        assert_eq!(parse_footnote(text, &all()), Ok(Some(expected)));
    }

    #[test_case("Ongeldig verklaard voor kieskring 21 (Nergens)."; "unknown number")]
    #[test_case("Ongeldig verklaard voor kieskring 3 (Zwolle)."; "wrong name")]
    #[test_case("Doet mee in 25 kieskringen."; "count too high")]
    #[test_case("Iets over kieskringen zonder nummers."; "no numbers")]
    #[test_case("Kieskring 3 (Assen) is genoemd."; "direction unknown")]
    fn unreadable_footnotes(text: &str) {
        assert!(parse_footnote(text, &all()).is_err());
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
        assert!(combine(Districts::Count(19), Districts::Except(vec![3])).is_err());
    }
}
