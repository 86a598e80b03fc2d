//! Dates in the forms Hugo accepts in front matter, and their Dutch display.

use std::fmt;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::Serialize;

/// Parses a front-matter date: `2025-11-24`, `2020-11-05T08:49:31+00:00`,
/// `2020-11-05T08:49:31Z`, `2020-11-05T08:49:31` or `2020-11-05 08:49`
/// (times without a zone are taken as UTC, as Hugo does by default).
///
/// Returns None when the text is none of these.
pub fn parse_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt);
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(text, format) {
            return Some(dt);
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return Some(utc(naive));
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(utc)
}

fn utc(naive: NaiveDateTime) -> DateTime<FixedOffset> {
    Utc.from_utc_datetime(&naive).fixed_offset()
}

/// Dutch month names, January first.
pub const MONTHS_NL: [&str; 12] = [
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

/// Formats a calendar day as Dutch readers write it: `24 november 2025`.
pub fn dutch_day(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS_NL[date.month0() as usize],
        date.year()
    )
}

/// Formats a date as Dutch readers write it: `24 november 2025`.
pub fn dutch_date(date: &DateTime<FixedOffset>) -> String {
    dutch_day(date.date_naive())
}

/// A text that is not a [`ClaimDate`]; the text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a valid date; write it as YYYY-MM-DD (or YYYY-MM if only the month is known)"
)]
pub struct BadClaimDate(pub String);

impl BadClaimDate {
    /// What is wrong, in English and Dutch.
    pub fn message(&self) -> crate::diagnostics::Message {
        let text = &self.0;
        crate::msg!(
            "`{text}` is not a valid date; write it as YYYY-MM-DD (or YYYY-MM if only the month is known)",
            "`{text}` is geen geldige datum; schrijf hem als JJJJ-MM-DD (of JJJJ-MM als alleen de maand bekend is)"
        )
    }
}

/// A date as sources give it: a full day, or only a month (`2024-06`).
///
/// A month-only date takes effect on the first day of that month: that is the
/// day used for ordering and for "the latest claim on or before a date".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClaimDate {
    /// The day the date takes effect (the first of the month for month-only dates).
    pub effective: NaiveDate,
    /// False when the source only gives the month.
    pub day_known: bool,
}

impl ClaimDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`; the error says what is wrong in plain words.
    pub fn parse(text: &str) -> Result<ClaimDate, BadClaimDate> {
        let text = text.trim();
        let bad = || BadClaimDate(text.to_string());
        let parts: Vec<&str> = text.split('-').collect();
        let number = |s: &str, len: usize| -> Option<u32> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        match parts.as_slice() {
            [y, m] => {
                let (year, month) = (number(y, 4).ok_or_else(bad)?, number(m, 2).ok_or_else(bad)?);
                let effective = NaiveDate::from_ymd_opt(year as i32, month, 1).ok_or_else(bad)?;
                Ok(ClaimDate {
                    effective,
                    day_known: false,
                })
            }
            [y, m, d] => {
                let year = number(y, 4).ok_or_else(bad)?;
                let month = number(m, 2).ok_or_else(bad)?;
                let day = number(d, 2).ok_or_else(bad)?;
                let effective = NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(bad)?;
                Ok(ClaimDate {
                    effective,
                    day_known: true,
                })
            }
            _ => Err(bad()),
        }
    }

    /// A full-day date.
    pub fn day(date: NaiveDate) -> ClaimDate {
        ClaimDate {
            effective: date,
            day_known: true,
        }
    }

    /// The date in Dutch: "26 november 2025", or "juni 2024" when only the month is known.
    pub fn label_nl(&self) -> String {
        let month = MONTHS_NL[self.effective.month0() as usize];
        if self.day_known {
            format!("{} {month} {}", self.effective.day(), self.effective.year())
        } else {
            format!("{month} {}", self.effective.year())
        }
    }
}

impl fmt::Display for ClaimDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.day_known {
            write!(f, "{}", self.effective.format("%Y-%m-%d"))
        } else {
            write!(f, "{}", self.effective.format("%Y-%m"))
        }
    }
}

impl Serialize for ClaimDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("2025-11-24", "2025-11-24T00:00:00+00:00")]
    #[test_case("2020-11-05T08:49:31+00:00", "2020-11-05T08:49:31+00:00")]
    #[test_case("2020-11-05T08:49:31+01:00", "2020-11-05T08:49:31+01:00")]
    #[test_case("2020-11-05T08:49:31Z", "2020-11-05T08:49:31+00:00")]
    #[test_case("2020-11-05T08:49:31", "2020-11-05T08:49:31+00:00")]
    #[test_case("2020-11-05 08:49", "2020-11-05T08:49:00+00:00")]
    #[test_case(" 2024-06-20 ", "2024-06-20T00:00:00+00:00")]
    fn parses_hugo_date_forms(input: &str, expected: &str) {
        assert_eq!(parse_date(input).unwrap().to_rfc3339(), expected);
    }

    #[test_case("24-11-2025")]
    #[test_case("2025-13-01")]
    #[test_case("gisteren")]
    #[test_case("")]
    fn rejects_other_text(input: &str) {
        assert!(parse_date(input).is_none());
    }

    #[test]
    fn formats_in_dutch() {
        let d = parse_date("2025-11-24").unwrap();
        assert_eq!(dutch_date(&d), "24 november 2025");
        assert_eq!(
            d.date_naive().to_string(),
            "2025-11-24",
            "what templates see"
        );
        let day = NaiveDate::from_ymd_opt(2023, 11, 22).unwrap();
        assert_eq!(dutch_day(day), "22 november 2023");
    }
}
