//! Warnings about how well the Council data is sourced, for `check` and
//! `build`: claims that rest only on blogs or aggregators (after the
//! weakest-link rule of `relies_on`), texts whose title names another month
//! than their date, and states whose newest claim is stale while the
//! procedure is open.
//!
//! These are warnings, not errors: the data is usable, but an editor should
//! look for a better source (or mark the claim `weakly_sourced = true`, which
//! the site then shows).

use chrono::{Datelike, Days, NaiveDate};

use super::model::{ClaimDate, CouncilData, SourceKind};
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::locale::format::Formats;
use crate::msg;

/// Adds the sourcing warnings for `data` to `diags` (claims dated after
/// today and title/date disagreements are warned about where they are read).
pub fn warn(data: &CouncilData, diags: &mut Diagnostics) {
    for claim in &data.claims {
        if claim.source.kind.is_weak() && !claim.weakly_sourced {
            let (state, date, position) = (claim.state, claim.date, claim.position);
            let kind = if claim.source.kind == SourceKind::Aggregator {
                msg!("an aggregator", "een doorgeefsite")
            } else {
                msg!("a blog", "een blog")
            };
            let host = claim.source.url.host();
            let host = match &claim.source.relies_on {
                Some(r) if r.kind == claim.source.kind => {
                    let other = &r.host;
                    msg!(
                        "{host}, which relies on {other}",
                        "{host}, dat steunt op {other}"
                    )
                }
                _ => Message::verbatim(host),
            };
            diags.push(
                Diagnostic::warning(
                    "position-source-weak",
                    &claim.file,
                    claim.line,
                    1,
                    msg!(
                        "this claim ({state} {date}, {position}) rests only on {kind} ({host})",
                        "dit standpunt ({state} {date}, {position}) steunt alleen op {kind} ({host})";
                        kind, host
                    ),
                )
                .with_hint(msg!(
                    "find the original report (press, parliament, government) and use it as the source, or add weakly_sourced = true so the site says the claim is weakly sourced",
                    "zoek het oorspronkelijke bericht (pers, parlement, overheid) en gebruik dat als bron, of zet weakly_sourced = true, dan meldt de site dat het standpunt een zwakke bron heeft"
                )),
            );
        }
    }
}

/// Warns, for every state, when the newest claim about it is older than
/// `max_age` on `today` while the procedure is still open (a stage of
/// `procedure.toml` has no date yet): positions may have moved since. The
/// warning points at that newest claim.
pub fn warn_stale(data: &CouncilData, today: NaiveDate, max_age: Days, diags: &mut Diagnostics) {
    if !procedure_is_open(data) {
        return;
    }
    let Some(limit) = today.checked_sub_days(max_age) else {
        return;
    };
    for state in &data.states {
        let Some(newest) = data
            .claims_of(state.code)
            .max_by_key(|c| (c.date.effective, c.line))
        else {
            continue;
        };
        if newest.date.effective >= limit {
            continue;
        }
        let days = (today - newest.date.effective).num_days();
        let (code, name) = (state.code, &state.name_nl);
        let on = newest.date.label_nl();
        let limit = max_age_days(max_age, today);
        diags.push(
            Diagnostic::warning(
                "position-stale",
                &newest.file,
                newest.line,
                1,
                msg!(
                    "the newest claim about {code} ({name}) is of {on}, {days} days before {today}: older than {limit} days while the procedure is still open",
                    "het nieuwste standpunt van {code} ({name}) is van {on}, {days} dagen voor {today}: ouder dan {limit} dagen terwijl de procedure nog loopt"
                ),
            )
            .with_hint(msg!(
                "look for newer reporting on this state's position and add a [[claim]] with its source; if positions cannot have moved, set claims_max_age_days in data/council/procedure.toml (or [check] max_age_days in site.toml) with a comment saying why",
                "zoek nieuwere berichten over het standpunt van deze lidstaat en voeg een [[claim]] met bron toe; kunnen de standpunten niet veranderd zijn, zet dan claims_max_age_days in data/council/procedure.toml (of [check] max_age_days in site.toml), met een opmerking waarom"
            )),
        );
    }
}

/// True while a stage of the procedure has no date yet: the regulation is
/// not adopted, so member states' positions still matter.
pub fn procedure_is_open(data: &CouncilData) -> bool {
    data.stages.iter().any(|s| s.date.is_none())
}

/// The number of days in `age` (for messages).
fn max_age_days(age: Days, today: NaiveDate) -> i64 {
    today
        .checked_sub_days(age)
        .map(|d| (today - d).num_days())
        .unwrap_or_default()
}

/// When `title`, written in `language` (`nl`, `en`), names a month and
/// year ("november 2025", "November 2025") other than the month of `date`,
/// says so in plain words.
pub fn title_date_mismatch(title: &str, date: &ClaimDate, language: &str) -> Option<Message> {
    let formats = Formats::of(language);
    let months: Vec<String> = (0..12)
        .filter_map(|m| formats.month_name(m))
        .map(str::to_lowercase)
        .collect();
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let Some(month) = months.iter().position(|m| m == pair[0]) else {
            continue;
        };
        let Ok(year) = pair[1].parse::<i32>() else {
            continue;
        };
        let (m, y) = (date.effective.month0() as usize, date.effective.year());
        if (month, year) != (m, y) {
            let label = if date.day_known {
                formats.date(date.effective)
            } else {
                formats.month(date.effective)
            };
            let named = formats.month_name(month as u32).unwrap_or_default();
            return Some(msg!(
                "the title names {named} {year}, but the date is {date} ({label})",
                "de titel noemt {named} {year}, maar de datum is {date} ({label})"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::model::{Claim, LocalText, MemberState, Position, Source, Stage};
    use crate::url::{ExternalUrl, Schemes};
    use std::collections::BTreeMap;
    use std::path::PathBuf;
    use test_case::test_case;

    fn stale_data(newest: &str, open: bool) -> CouncilData {
        let source = Source::plain(
            ExternalUrl::parse("https://example.org/a", Schemes::Web).unwrap(),
            SourceKind::Press,
        );
        let claim = |date: &str, line: usize| Claim {
            state: "NL",
            date: ClaimDate::parse(date).unwrap(),
            position: Position::Oppose,
            text: "t".to_string(),
            source: source.clone(),
            weakly_sourced: false,
            note: LocalText::default(),
            file: PathBuf::from("positions/NL.toml"),
            line,
        };
        let stage = |date: Option<&str>| Stage {
            id: "s".to_string(),
            title: "s".into(),
            body: "b".into(),
            date: date.map(|d| ClaimDate::parse(d).unwrap()),
            about: LocalText::default(),
            sources: Vec::new(),
        };
        CouncilData {
            states: vec![MemberState {
                code: "NL",
                name_nl: "Nederland".to_string(),
                name_en: "Netherlands".to_string(),
                tile: None,
                population: BTreeMap::new(),
            }],
            claims: vec![claim("2025-01-01", 3), claim(newest, 9)],
            stages: vec![
                stage(Some("2022-05-11")),
                stage(if open { None } else { Some("2026-01-01") }),
            ],
            ..CouncilData::default()
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test_case("2026-11-01", 90, true, false; "recent claim")]
    #[test_case("2026-09-05", 90, true, false; "exactly 90 days")]
    #[test_case("2026-09-04", 90, true, true; "91 days")]
    #[test_case("2025-09-12", 90, true, true; "over a year")]
    #[test_case("2025-09-12", 500, true, false; "longer age allowed")]
    #[test_case("2025-09", 90, true, true; "month only")]
    #[test_case("2025-09-12", 90, false, false; "procedure closed")]
    fn warns_when_the_newest_claim_is_stale(newest: &str, days: u64, open: bool, warned: bool) {
        let mut diags = Diagnostics::new();
        warn_stale(
            &stale_data(newest, open),
            day("2026-12-04"),
            Days::new(days),
            &mut diags,
        );
        assert_eq!(diags.iter().count(), usize::from(warned), "{diags}");
        if let Some(d) = diags.iter().next() {
            assert_eq!(d.line, 9, "the warning points at the newest claim");
            assert!(d.message.contains("NL (Nederland)"), "{d}");
            assert_eq!(d.code, "position-stale");
            assert!(
                d.message
                    .nl
                    .starts_with("het nieuwste standpunt van NL (Nederland)"),
                "{}",
                d.message.nl
            );
            assert!(d.hint.is_some());
            assert!(!diags.has_errors());
        }
    }

    #[test_case("Deens compromis van november 2025", "2025-10-30", true; "november titled, october dated")]
    #[test_case("Deens compromis van november 2025", "2025-11-05", false; "same month")]
    #[test_case("Deense tekst van juli 2025", "2025-07-01", false; "july")]
    #[test_case("Hongaars compromis van september 2024", "2024-09", false; "month only date")]
    #[test_case("Belgisch compromis over uploadmoderatie", "2024-06", false; "no month in title")]
    #[test_case("Tekst van mei 2024", "2025-05-01", true; "other year")]
    fn finds_title_date_mismatches(title: &str, date: &str, mismatch: bool) {
        let date = ClaimDate::parse(date).unwrap();
        assert_eq!(title_date_mismatch(title, &date, "nl").is_some(), mismatch);
    }

    #[test_case("Danish compromise of November 2025", "2025-10-30", true; "november titled, october dated")]
    #[test_case("Danish text of July 2025", "2025-07-01", false; "july")]
    #[test_case("Deens compromis van november 2025", "2025-10-30", true; "a Dutch title is no English one, but the month reads the same")]
    fn finds_mismatches_in_english_titles(title: &str, date: &str, mismatch: bool) {
        let date = ClaimDate::parse(date).unwrap();
        let found = title_date_mismatch(title, &date, "en");
        assert_eq!(found.is_some(), mismatch, "{found:?}");
        if let Some(message) = found {
            assert!(message.contains("(30 October 2025)"), "{message}");
            assert!(
                message.nl.starts_with("de titel noemt November 2025"),
                "{}",
                message.nl
            );
        }
    }
}
