//! The freshness rules of the contact tool, run by `check` and `build` on
//! the day the site is built (`--today` sets it).
//!
//! A page that asks visitors to write to a minister who left office months
//! ago wastes their effort and the site's credibility, and nothing in the
//! data changes by itself when a cabinet does. So a role whose `end` has
//! passed, or whose `start` is still to come, is an **error** on the line
//! of that date; a recipient (or the list of Kamerleden) that nobody has
//! checked for longer than `[check] max_age_days` is a **warning** on the
//! line of its `checked_on` (or the list's provenance).

use chrono::{Days, NaiveDate};

use super::load::{Dated, Period, Recipients};
use crate::content::dates::dutch_day;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::provenance::Provenance;

/// Every rule broken by `recipients` on `today`, in file order.
pub fn check(recipients: &Recipients, today: NaiveDate, max_age: Days) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let as_of = recipients.members_provenance.as_of();
    if is_stale(as_of, today, max_age) {
        let (what, hint) = match &recipients.members_provenance {
            Provenance::Synced { .. } => (
                msg!("fetched", "opgehaald"),
                msg!(
                    "run `chatcontrole sync members` to fetch the current members",
                    "haal de huidige leden op met `chatcontrole sync members`"
                ),
            ),
            _ => (
                msg!("checked", "nagekeken"),
                msg!(
                    "check the list against the Tweede Kamer's own pages (or run `chatcontrole sync members`), then set checked_on to the day of your check; the limit is `[check] max_age_days` ({}) in site.toml",
                    "vergelijk de lijst met de eigen pagina's van de Tweede Kamer (of draai `chatcontrole sync members`) en zet checked_on daarna op de dag van je controle; de grens is `[check] max_age_days` ({}) in site.toml",
                    max_age_days(max_age)
                ),
            ),
        };
        let days = (today - as_of).num_days();
        found.push(
            recipients
                .members_provenance_at
                .warning(
                    "recipient-list-stale",
                    msg!(
                        "the list of Kamerleden was last {what} on {as_of}, {days} days before {today}",
                        "de lijst met Kamerleden is voor het laatst {what} op {as_of}, {days} dagen voor {today}";
                        what
                    ),
                )
                .with_hint(hint),
        );
    }
    for m in &recipients.members {
        found.extend(period_rules(&m.name, "Kamerlid", &m.period, today, false));
    }
    for o in &recipients.others {
        // A minister or MEP whose role ended is history (so that the site
        // can be built as of an earlier day) once a successor of the same
        // kind is recorded: someone who holds the role today, or who took
        // over later (and is reported in turn if their role ended too).
        // Without one the page would address nobody, or the wrong person.
        let succeeded = recipients.others.iter().any(|other| {
            other.kind == o.kind
                && (other.period.holds_on(today)
                    || matches!(
                        (&o.period.end, &other.period.start),
                        (Some(end), Some(start)) if start.day >= end.day
                    ))
        });
        found.extend(period_rules(&o.name, &o.role, &o.period, today, succeeded));
        let ended = o.period.end.as_ref().is_some_and(|end| end.day <= today);
        if !ended {
            found.extend(staleness(&o.name, &o.checked_on, today, max_age));
        }
    }
    found
}

fn max_age_days(max_age: Days) -> u64 {
    // `Days` does not expose its count; measure it from a fixed day.
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a real day");
    (base + max_age - base).num_days().unsigned_abs()
}

/// True when a fact established on `as_of` is older than `max_age` on `today`.
pub fn is_stale(as_of: NaiveDate, today: NaiveDate, max_age: Days) -> bool {
    as_of
        .checked_add_days(max_age)
        .is_some_and(|limit| limit < today)
}

/// What is wrong with a role's period on `today`: an end before the start
/// (an error), a start after today (a warning: the page does not address the
/// recipient until then, which is right for a successor named in advance and
/// wrong for a mistyped year), and a role that has ended (an error unless
/// `succeeded`: someone else holds it today, and this entry is history).
pub fn period_rules(
    name: &str,
    role: &str,
    period: &Period,
    today: NaiveDate,
    succeeded: bool,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if let (Some(start), Some(end)) = (&period.start, &period.end)
        && end.day <= start.day
    {
        found.push(
            end.at
                .error(
                    "recipient-period-reversed",
                    msg!(
                        "the role of {name} ends on {} but starts on {}",
                        "de functie van {name} eindigt op {} maar begint op {}",
                        end.day,
                        start.day
                    ),
                )
                .with_hint(msg!(
                    "`end` is the day the role ended, after `start`; correct one of the two",
                    "`end` is de dag waarop de functie eindigde, na `start`; verbeter een van de twee"
                )),
        );
        return found;
    }
    if let Some(start) = &period.start
        && start.day > today
    {
        found.push(
            start
                .at
                .warning(
                    "recipient-start-future",
                    msg!(
                        "{name} starts as {role} on {}, after today ({}): the contact page does not address them until then",
                        "{name} begint als {role} op {}, na vandaag ({}): de contactpagina richt zich pas vanaf dan tot deze persoon",
                        dutch_day(start.day),
                        dutch_day(today)
                    ),
                )
                .with_hint(msg!(
                    "the contact page addresses only people who hold their role today: correct `start` if the year or day is mistyped",
                    "de contactpagina richt zich alleen tot mensen die hun functie vandaag hebben: verbeter `start` als het jaar of de dag verkeerd getypt is"
                )),
        );
    }
    if let Some(end) = &period.end
        && end.day <= today
        && !succeeded
    {
        found.push(
            end.at
                .error(
                    "recipient-role-ended",
                    msg!(
                        "the role of {name} ({role}) ended on {}; the contact page would address someone who no longer holds it",
                        "de functie van {name} ({role}) is geëindigd op {}; de contactpagina zou zich richten tot iemand die de functie niet meer heeft",
                        dutch_day(end.day)
                    ),
                )
                .with_hint(msg!(
                    "add their successor, with `start` the day they took over and a source that names them (this entry may stay, as history), or remove this recipient",
                    "voeg de opvolger toe, met als `start` de dag waarop die het overnam en een bron die de opvolger noemt (dit item mag blijven staan, als geschiedenis), of haal deze ontvanger weg"
                )),
        );
    }
    found
}

fn staleness(
    name: &str,
    checked_on: &Dated,
    today: NaiveDate,
    max_age: Days,
) -> Option<Diagnostic> {
    is_stale(checked_on.day, today, max_age).then(|| {
        checked_on
            .at
            .warning(
                "recipient-check-stale",
                msg!(
                    "{name} was last checked on {}, {} days before {today}",
                    "{name} is voor het laatst nagekeken op {}, {} dagen voor {today}",
                    checked_on.day,
                    (today - checked_on.day).num_days()
                ),
            )
            .with_hint(msg!(
                "check name and role against the source (a new cabinet or election changes them), then set checked_on to the day of your check; the limit is `[check] max_age_days` ({}) in site.toml",
                "vergelijk naam en functie met de bron (een nieuw kabinet of een verkiezing verandert ze) en zet checked_on daarna op de dag van je controle; de grens is `[check] max_age_days` ({}) in site.toml",
                max_age_days(max_age)
            ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::load::Place;
    use test_case::test_case;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn dated(text: &str, line: usize) -> Dated {
        Dated {
            day: day(text),
            at: Place {
                file: "data/recipients/editors.toml".into(),
                line,
                column: 9,
            },
        }
    }

    fn period(start: Option<&str>, end: Option<&str>) -> Period {
        Period {
            start: start.map(|s| dated(s, 5)),
            end: end.map(|e| dated(e, 6)),
        }
    }

    #[test_case(Some("2026-02-23"), None, "2026-12-04", &[]; "current role without an end")]
    #[test_case(Some("2026-02-23"), None, "2026-02-23", &[]; "first day in the role")]
    #[test_case(None, None, "2026-12-04", &[]; "a member without dates")]
    #[test_case(Some("2025-09-01"), Some("2026-02-23"), "2026-02-22", &[]; "last day before the end")]
    #[test_case(Some("2025-09-01"), Some("2026-02-23"), "2026-02-23", &["6:9: error: the role of X (minister) ended on 23 februari 2026; the contact page would address someone who no longer holds it"]; "ended on the day of the end")]
    #[test_case(Some("2025-09-01"), Some("2026-02-23"), "2026-12-04", &["6:9: error: the role of X (minister) ended on 23 februari 2026; the contact page would address someone who no longer holds it"]; "ended long ago")]
    #[test_case(Some("2027-01-01"), None, "2026-12-04", &["5:9: warning: X starts as minister on 1 januari 2027, after today (4 december 2026): the contact page does not address them until then"]; "starts after today")]
    #[test_case(Some("2026-03-01"), Some("2026-02-23"), "2026-12-04", &["6:9: error: the role of X ends on 2026-02-23 but starts on 2026-03-01"]; "ends before it starts")]
    fn role_periods(start: Option<&str>, end: Option<&str>, today: &str, expected: &[&str]) {
        let p = period(start, end);
        let found: Vec<String> = period_rules("X", "minister", &p, day(today), false)
            .iter()
            .map(|d| {
                format!(
                    "{}:{}: {}: {}",
                    d.line,
                    d.column,
                    if d.is_error() { "error" } else { "warning" },
                    d.message
                )
            })
            .collect();
        assert_eq!(found, expected);
        assert_eq!(
            p.holds_on(day(today)),
            expected.is_empty(),
            "a role is held exactly when no rule is broken"
        );
    }

    #[test]
    fn an_ended_role_with_a_successor_is_history() {
        let p = period(Some("2025-09-05"), Some("2026-02-23"));
        assert!(period_rules("X", "minister", &p, day("2026-12-04"), true).is_empty());
        assert_eq!(
            period_rules("X", "minister", &p, day("2026-12-04"), false).len(),
            1,
            "without a successor the ended role is an error"
        );
    }

    #[test_case("2026-12-01", "2026-12-04", 90, None; "checked three days ago")]
    #[test_case("2026-09-05", "2026-12-04", 90, None; "exactly ninety days ago")]
    #[test_case("2026-09-04", "2026-12-04", 90, Some("warning: X was last checked on 2026-09-04, 91 days before 2026-12-04"); "ninety-one days ago")]
    #[test_case("2026-11-01", "2026-12-04", 30, Some("warning: X was last checked on 2026-11-01, 33 days before 2026-12-04"); "a shorter configured age")]
    #[test_case("2026-12-05", "2026-12-04", 90, None; "checked after a --today in the past is not stale")]
    fn staleness_of_checked_on(checked: &str, today: &str, max: u64, expected: Option<&str>) {
        let found = staleness("X", &dated(checked, 7), day(today), Days::new(max)).map(|d| {
            format!(
                "{}: {}",
                if d.is_error() { "error" } else { "warning" },
                d.message
            )
        });
        assert_eq!(found.as_deref(), expected);
    }

    fn members_list(provenance: Provenance) -> Recipients {
        Recipients {
            members: Vec::new(),
            members_provenance: provenance,
            members_provenance_at: dated("2026-12-01", 2).at,
            others: Vec::new(),
        }
    }

    #[test_case("2026-11-20T09:00:00Z", "2026-12-04", None; "fetched two weeks ago")]
    #[test_case("2026-06-01T09:00:00Z", "2026-12-04", Some(("the list of Kamerleden was last fetched on 2026-06-01, 186 days before 2026-12-04", "run `chatcontrole sync members`")); "fetched half a year ago")]
    fn a_synced_list_goes_stale(fetched_at: &str, today: &str, expected: Option<(&str, &str)>) {
        let r = members_list(Provenance::Synced {
            api: crate::url::ExternalUrl::parse(
                "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/FractieZetelPersoon",
                crate::url::Schemes::Web,
            )
            .unwrap(),
            fetched_at: chrono::DateTime::parse_from_rfc3339(fetched_at)
                .unwrap()
                .to_utc(),
        });
        let found = check(&r, day(today), Days::new(90));
        match expected {
            None => assert!(found.is_empty(), "{found:?}"),
            Some((message, hint)) => {
                assert_eq!(found.len(), 1, "{found:?}");
                assert_eq!(found[0].message, message);
                assert_eq!(found[0].line, 2, "on the line of the provenance's kind");
                assert!(!found[0].is_error(), "a warning, not an error");
                assert!(found[0].hint.as_deref().unwrap().starts_with(hint));
            }
        }
    }

    #[test]
    fn a_hand_written_list_asks_for_a_check() {
        let r = members_list(Provenance::Editor {
            note: "voorbeeld".to_string(),
            checked_on: day("2026-01-05"),
        });
        let found = check(&r, day("2026-12-04"), Days::new(90));
        assert_eq!(
            found[0].message,
            "the list of Kamerleden was last checked on 2026-01-05, 333 days before 2026-12-04"
        );
        assert!(found[0].hint.as_deref().unwrap().contains("(90)"));
        assert_eq!(found[0].code, "recipient-list-stale");
        assert_eq!(
            found[0].message.nl,
            "de lijst met Kamerleden is voor het laatst nagekeken op 2026-01-05, 333 dagen voor 2026-12-04"
        );
    }

    #[test]
    fn the_hint_names_the_configured_age() {
        let d = staleness(
            "X",
            &dated("2026-01-01", 7),
            day("2026-12-04"),
            Days::new(45),
        )
        .unwrap();
        assert!(d.hint.unwrap().contains("`[check] max_age_days` (45)"));
    }
}
