//! Dates in the forms Hugo accepts in front matter, and their Dutch display.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

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
    use chrono::Datelike;
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
