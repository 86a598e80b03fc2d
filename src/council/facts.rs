//! Council facts for prose: what a page may say about a state's position,
//! worked out from the data so that it is typed once.
//!
//! A news post that says "Nederland stemde tegen" states a fact the Council
//! data also records; when the two are typed separately they drift apart (a
//! post said "onthouding" for June 2024 where the data said against). The
//! `raad-positie` shortcode asks [`position_fact_in`] instead, through the
//! template function `raad_positie` that the build registers; a state code
//! or date that does not exist is a diagnostic on the page's line.

use chrono::NaiveDate;
use serde::Serialize;

use super::local_text::date_label;
use super::model::{ClaimDate, CouncilData, Position, normalize_code};
use crate::diagnostics::Message;
use crate::locale::Locale;
use crate::msg;

/// A state's position on a date, as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PositionFact {
    /// EU code, e.g. `NL`.
    pub code: &'static str,
    /// Name of the state in the page's language.
    pub state: String,
    /// The state's page, e.g. `/raad/nl/`.
    pub path: String,
    /// The date asked about, in words.
    pub date_label: String,
    /// The position in words ("tegen", "voor", "onthouding", "onbeslist"),
    /// "onbekend", or for disputed claims the positions joined with "of".
    pub label: String,
    /// The position keyword (`oppose`, …), or `unknown` / `disputed`.
    pub position: &'static str,
    /// The day of the latest claim it rests on, in words.
    pub claim_date_label: Option<String>,
    /// The sources of those claims: (host, url).
    pub sources: Vec<(String, String)>,
}

/// What the Council data says about `code`'s position on `date`
/// (`YYYY-MM-DD`, or `YYYY-MM` for the end of that month), in `locale`'s
/// words. The error says in plain words what is wrong with the arguments.
pub fn position_fact_in(
    data: &CouncilData,
    code: &str,
    date: &str,
    locale: &Locale,
) -> Result<PositionFact, Message> {
    let Some(code) = normalize_code(code) else {
        return Err(msg!(
            "`{code}` is not the code of an EU member state; write the two-letter code, e.g. {{{{< raad-positie NL 2025-11-26 >}}}}",
            "`{code}` is geen code van een EU-lidstaat; schrijf de code van twee letters, bijvoorbeeld {{{{< raad-positie NL 2025-11-26 >}}}}"
        ));
    };
    let claim_date = ClaimDate::parse(date).map_err(|e| e.message())?;
    let on = end_of(&claim_date);
    let state = super::explain::state_name(data, code, locale);
    let stance = data.stance_at(code, on);
    let positions = stance.positions();
    let (label, position) = match positions.as_slice() {
        [] => (locale.t("council_position_unknown"), "unknown"),
        [one] => (one.label(locale), one.as_str()),
        many => (
            many.iter()
                .map(|p| p.label(locale))
                .collect::<Vec<_>>()
                .join(&format!(" {} ", locale.t("council_or"))),
            "disputed",
        ),
    };
    let mut sources: Vec<(String, String)> = stance
        .claims
        .iter()
        .map(|c| {
            (
                c.source.url.host().trim_start_matches("www.").to_string(),
                c.source.url.as_str().to_string(),
            )
        })
        .collect();
    sources.dedup();
    Ok(PositionFact {
        code,
        state,
        path: format!("/raad/{}/", code.to_ascii_lowercase()),
        date_label: date_label(&claim_date, locale),
        label,
        position,
        claim_date_label: stance.claims.first().map(|c| date_label(&c.date, locale)),
        sources,
    })
}

/// The position the data gives `code` on `date` when it gives exactly one.
pub fn single_position(data: &CouncilData, code: &str, date: NaiveDate) -> Option<Position> {
    match data.stance_at(code, date).positions().as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The last day a date stands for: the day itself, or the month's last day.
pub fn end_of(date: &ClaimDate) -> NaiveDate {
    if date.day_known {
        return date.effective;
    }
    let next_month = date
        .effective
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(date.effective);
    next_month.pred_opt().unwrap_or(date.effective)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use test_case::test_case;

    fn example() -> CouncilData {
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        crate::council::load(&site).expect("the example site's Council data loads")
    }

    #[test_case("NL", "2025-11-26", "tegen"; "the Netherlands at the Coreper vote")]
    #[test_case("nl", "2025-11-26", "tegen"; "lower case code")]
    #[test_case("IT", "2025-11-26", "tegen of onthouding"; "Italy, where sources differ")]
    #[test_case("DE", "2025-11-26", "voor"; "Germany voted for the mandate")]
    #[test_case("NL", "2019-01", "onbekend"; "before any text")]
    fn gives_the_recorded_position(code: &str, date: &str, label: &str) {
        let fact = position_fact_in(&example(), code, date, &Locale::builtin("nl")).unwrap();
        assert_eq!(fact.label, label);
    }

    #[test_case("NL", "2025-11-26", "against"; "the Netherlands in English")]
    #[test_case("IT", "2025-11-26", "against or abstention"; "Italy in English")]
    #[test_case("NL", "2019-01", "unknown"; "unknown in English")]
    fn gives_the_recorded_position_in_english(code: &str, date: &str, label: &str) {
        let fact = position_fact_in(&example(), code, date, &Locale::builtin("en")).unwrap();
        assert_eq!(fact.label, label);
        assert!(!fact.date_label.contains("november"), "{}", fact.date_label);
    }

    #[test_case("XX", "2025-11-26", "`XX` is not the code of an EU member state"; "unknown state")]
    #[test_case("NL", "26-11-2025", "`26-11-2025` is not a valid date"; "bad date")]
    fn says_what_is_wrong(code: &str, date: &str, start: &str) {
        let err = position_fact_in(&example(), code, date, &Locale::builtin("nl")).unwrap_err();
        assert!(err.starts_with(start), "{err}");
        assert!(err.nl.contains(" geen "), "said in Dutch too: {}", err.nl);
    }

    #[test]
    fn a_month_means_its_last_day() {
        let june = ClaimDate::parse("2024-06").unwrap();
        assert_eq!(end_of(&june), NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
        let day = ClaimDate::parse("2024-06-20").unwrap();
        assert_eq!(end_of(&day), NaiveDate::from_ymd_opt(2024, 6, 20).unwrap());
    }
}
