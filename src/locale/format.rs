//! Dates, numbers and lists as readers of each language write them: the
//! few rules a campaign site needs (`9 september 2025` / `9 September
//! 2025`, `451.028.881` / `451,028,881`, "A, B en C" / "A, B and C"),
//! written out here because they are short and exact, where a full CLDR
//! library would add megabytes for four languages.

use chrono::{Datelike, NaiveDate};

/// How one language writes dates, numbers and lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    months: Option<&'static [&'static str; 12]>,
    /// Between groups of three digits.
    thousands: &'static str,
    /// Before the last item of a list.
    and: &'static str,
    /// After the day's number: `.` in German (`9. September`).
    day_mark: &'static str,
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

impl Formats {
    /// The rules of the language `code` (`nl`, `en-GB`, `de`); a language
    /// without rules here writes dates as `2025-09-09`, numbers without
    /// grouping and lists with commas only, which every reader can read.
    pub fn of(code: &str) -> Formats {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Formats {
                months: Some(&MONTHS_NL),
                thousands: ".",
                and: "en",
                day_mark: "",
            },
            "en" => Formats {
                months: Some(&MONTHS_EN),
                thousands: ",",
                and: "and",
                day_mark: "",
            },
            "de" => Formats {
                months: Some(&MONTHS_DE),
                thousands: ".",
                and: "und",
                day_mark: ".",
            },
            "fr" => Formats {
                months: Some(&MONTHS_FR),
                thousands: "\u{202f}",
                and: "et",
                day_mark: "",
            },
            _ => Formats {
                months: None,
                thousands: "",
                and: "",
                day_mark: "",
            },
        }
    }

    /// A calendar day: `9 september 2025` (nl), `9 September 2025` (en),
    /// `9. September 2025` (de).
    pub fn date(&self, date: NaiveDate) -> String {
        match self.months {
            Some(months) => format!(
                "{}{} {} {}",
                date.day(),
                self.day_mark,
                months[date.month0() as usize],
                date.year()
            ),
            None => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A month of a year: `september 2025`, `September 2025`.
    pub fn month(&self, date: NaiveDate) -> String {
        match self.months {
            Some(months) => format!("{} {}", months[date.month0() as usize], date.year()),
            None => date.format("%Y-%m").to_string(),
        }
    }

    /// The name of month `month0` (0 = January), as in a running text.
    pub fn month_name(&self, month0: u32) -> Option<&'static str> {
        self.months.and_then(|m| m.get(month0 as usize).copied())
    }

    /// A whole number with its thousands grouped: `451.028.881` (nl),
    /// `451,028,881` (en).
    pub fn number(&self, n: i64) -> String {
        let digits = n.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push_str(self.thousands);
            }
            grouped.push(c);
        }
        if n < 0 {
            format!("-{grouped}")
        } else {
            grouped
        }
    }

    /// Items joined as a sentence lists them: "A, B en C" (nl), "A, B and C"
    /// (en, without the serial comma, as British English writes it).
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [init @ .., last] if !self.and.is_empty() => {
                let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
                format!("{} {} {}", init.join(", "), self.and, last.as_ref())
            }
            all => all.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test_case("nl", "9 september 2025")]
    #[test_case("nl-NL", "9 september 2025")]
    #[test_case("en", "9 September 2025")]
    #[test_case("en-GB", "9 September 2025")]
    #[test_case("de", "9. September 2025")]
    #[test_case("fr", "9 septembre 2025")]
    #[test_case("pl", "2025-09-09")]
    fn dates(code: &str, expected: &str) {
        assert_eq!(Formats::of(code).date(day(2025, 9, 9)), expected);
    }

    #[test_case("nl", 451_028_881, "451.028.881")]
    #[test_case("en", 451_028_881, "451,028,881")]
    #[test_case("en", 999, "999")]
    #[test_case("en", 1000, "1,000")]
    #[test_case("nl", -12_345, "-12.345")]
    #[test_case("nl", 0, "0")]
    #[test_case("pl", 1_000_000, "1000000")]
    fn numbers(code: &str, n: i64, expected: &str) {
        assert_eq!(Formats::of(code).number(n), expected);
    }

    #[test_case("nl", &[], "")]
    #[test_case("nl", &["A"], "A")]
    #[test_case("nl", &["A", "B"], "A en B")]
    #[test_case("nl", &["A", "B", "C"], "A, B en C")]
    #[test_case("en", &["A", "B", "C"], "A, B and C")]
    #[test_case("pl", &["A", "B", "C"], "A, B, C")]
    fn lists(code: &str, items: &[&str], expected: &str) {
        assert_eq!(Formats::of(code).list(items), expected);
    }

    #[test]
    fn months() {
        assert_eq!(Formats::of("nl").month(day(2026, 3, 1)), "maart 2026");
        assert_eq!(Formats::of("en").month(day(2026, 3, 1)), "March 2026");
    }
}
