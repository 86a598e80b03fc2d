//! Cabinets and ministers as typed values, apart from the loader that reads
//! them and the pages that word them.

use chrono::NaiveDate;

use crate::council::local_text::Phrase;
use crate::locale::Locale;
use crate::provenance::Provenance;

/// Every cabinet on record, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cabinets {
    /// The cabinets, oldest first, without overlaps.
    pub cabinets: Vec<Cabinet>,
}

/// One cabinet, from the day it was sworn in to the day its successor was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cabinet {
    /// Its name, e.g. "kabinet-Schoof".
    pub name: String,
    /// Its name on English pages, e.g. "Schoof cabinet", when the data
    /// gives one.
    pub name_en: Option<String>,
    /// The day it was sworn in.
    pub from: NaiveDate,
    /// The day its successor was sworn in; none while it sits.
    pub until: Option<NaiveDate>,
    /// The party ids of the coalition when it was sworn in.
    pub parties: Vec<String>,
    /// Parties that left the coalition before the cabinet ended, with the
    /// first day they no longer were part of it.
    pub left: Vec<(String, NaiveDate)>,
    /// Where name, dates and parties come from.
    pub source: Provenance,
    /// The ministers of Justice and Security in this cabinet, oldest first.
    pub ministers: Vec<Minister>,
}

/// A minister of Justice and Security, who led the file in the Council.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Minister {
    /// Full name.
    pub name: String,
    /// The party id, or none for a minister without a party.
    pub party: Option<String>,
    /// First day in office.
    pub from: NaiveDate,
    /// The day the office passed on; none while in office.
    pub until: Option<NaiveDate>,
    /// Where this comes from.
    pub source: Provenance,
}

/// True when `day` lies in `[from, until)`.
fn within(from: NaiveDate, until: Option<NaiveDate>, day: NaiveDate) -> bool {
    day >= from && until.is_none_or(|u| day < u)
}

impl Cabinet {
    /// The cabinet's name as a page in `locale`'s language shows it: the
    /// English name on English pages when there is one, else the Dutch
    /// name, marked as Dutch on pages in another language.
    pub fn name_phrase(&self, locale: &Locale) -> Phrase {
        match (&self.name_en, locale.code()) {
            (Some(en), "en") => Phrase::text(en),
            _ => {
                let mut p = Phrase::default();
                p.push_dutch_name(&self.name, locale);
                p
            }
        }
    }

    /// True when the cabinet governed on `day`.
    pub fn governs_on(&self, day: NaiveDate) -> bool {
        within(self.from, self.until, day)
    }

    /// True when `party` was part of the cabinet on `day`.
    pub fn includes(&self, party: &str, day: NaiveDate) -> bool {
        self.governs_on(day)
            && self.parties.iter().any(|p| p == party)
            && !self.left.iter().any(|(p, left)| p == party && day >= *left)
    }

    /// The minister in office on `day`, if any is on record.
    pub fn minister_on(&self, day: NaiveDate) -> Option<&Minister> {
        self.ministers.iter().find(|m| within(m.from, m.until, day))
    }
}

impl Cabinets {
    /// The cabinet that governed on `day`.
    pub fn on(&self, day: NaiveDate) -> Option<&Cabinet> {
        self.cabinets.iter().find(|c| c.governs_on(day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn source() -> Provenance {
        Provenance::Editor {
            note: "test".into(),
            checked_on: day("2026-01-01"),
        }
    }

    fn cabinets() -> Cabinets {
        let minister = |name: &str, from: &str, until: Option<&str>| Minister {
            name: name.into(),
            party: Some("vvd".into()),
            from: day(from),
            until: until.map(day),
            source: source(),
        };
        Cabinets {
            cabinets: vec![
                Cabinet {
                    name: "A".into(),
                    name_en: Some("Cabinet A".into()),
                    from: day("2022-01-10"),
                    until: Some(day("2024-07-02")),
                    parties: vec!["vvd".into()],
                    left: Vec::new(),
                    source: source(),
                    ministers: vec![minister("M1", "2022-01-10", Some("2024-07-02"))],
                },
                Cabinet {
                    name: "B".into(),
                    name_en: None,
                    from: day("2024-07-02"),
                    until: None,
                    parties: vec!["pvv".into(), "nsc".into()],
                    left: vec![("nsc".into(), day("2025-08-22"))],
                    source: source(),
                    ministers: vec![minister("M2", "2024-07-02", Some("2025-09-05"))],
                },
            ],
        }
    }

    #[test]
    fn a_name_without_english_stays_dutch_and_says_so() {
        let all = cabinets();
        let en = Locale::builtin("en");
        assert_eq!(all.cabinets[0].name_phrase(&en).html(), "Cabinet A");
        assert_eq!(
            all.cabinets[1].name_phrase(&en).html(),
            r#"<span lang="nl">B</span>"#
        );
        assert_eq!(
            all.cabinets[0].name_phrase(&Locale::builtin("nl")).html(),
            "A"
        );
    }

    #[test_case("nsc", "2025-08-21", true; "a party on its last day in the coalition")]
    #[test_case("nsc", "2025-08-22", false; "the day it left")]
    #[test_case("pvv", "2025-08-22", true; "a party that stayed")]
    #[test_case("vvd", "2025-08-22", false; "a party of another cabinet")]
    fn who_was_in_the_coalition(party: &str, on: &str, expected: bool) {
        let all = cabinets();
        let included = all.on(day(on)).is_some_and(|c| c.includes(party, day(on)));
        assert_eq!(included, expected);
    }

    #[test_case("2022-01-09", None, None; "before the first cabinet on record")]
    #[test_case("2022-01-10", Some("A"), Some("M1"); "the day it was sworn in")]
    #[test_case("2024-07-01", Some("A"), Some("M1"); "its last day")]
    #[test_case("2024-07-02", Some("B"), Some("M2"); "the successor's first day")]
    #[test_case("2026-01-01", Some("B"), None; "a gap in the ministers on record")]
    fn who_governed(on: &str, cabinet: Option<&str>, minister: Option<&str>) {
        let all = cabinets();
        let c = all.on(day(on));
        assert_eq!(c.map(|c| c.name.as_str()), cabinet);
        assert_eq!(
            c.and_then(|c| c.minister_on(day(on)))
                .map(|m| m.name.as_str()),
            minister
        );
    }
}
