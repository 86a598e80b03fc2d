//! Small parsers the EP loaders share: a day, a period (`from`/`until`), a
//! provenance, a text that must not be empty. Each mistake becomes a
//! diagnostic on the line where it was written; the caller keeps going.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::model::{Period, Place};
use crate::data_file::Parsed;
use crate::diagnostics::Diagnostics;
use crate::msg;
use crate::provenance::{DateText, Provenance, RawProvenance};

/// `from` and `until` as an editor writes them in a `[[mep.term]]`,
/// `[[mep.party]]` or `[[mep.group]]` table.
#[derive(Debug, Clone, Deserialize)]
pub struct RawPeriod {
    /// The first day.
    pub from: Spanned<DateText>,
    /// The last day, absent while the period runs.
    #[serde(default)]
    pub until: Option<Spanned<DateText>>,
}

/// The day written at `at`, or a diagnostic.
pub fn day<T>(
    parsed: &Parsed<T>,
    at: &Spanned<DateText>,
    field: &str,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(&at.get_ref().0, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            diags.push(
                parsed
                    .error(
                        "ep-day-invalid",
                        at,
                        msg!(
                            "`{field}` is not a day: `{}`",
                            "`{field}` is geen datum: `{}`",
                            at.get_ref().0
                        ),
                    )
                    .with_hint(msg!(
                        "write the day as 2024-07-16, without quotes",
                        "schrijf de datum als 2024-07-16, zonder aanhalingstekens"
                    )),
            );
            None
        }
    }
}

impl RawPeriod {
    /// The two days, as [`period`] takes them.
    pub fn days(&self) -> (&Spanned<DateText>, Option<&Spanned<DateText>>) {
        (&self.from, self.until.as_ref())
    }
}

/// The period from `from` to `until`; `until` before `from` is a mistake.
pub fn period<T>(
    parsed: &Parsed<T>,
    (from_at, until_at): (&Spanned<DateText>, Option<&Spanned<DateText>>),
    diags: &mut Diagnostics,
) -> Option<Period> {
    let from = day(parsed, from_at, "from", diags);
    let until = match until_at {
        None => Some(None),
        Some(u) => day(parsed, u, "until", diags).map(Some),
    };
    let (from, until) = (from?, until?);
    if let (Some(u), Some(at)) = (until, until_at)
        && u < from
    {
        diags.push(
            parsed
                .error(
                    "ep-period-reversed",
                    at,
                    msg!(
                        "`until` ({u}) is before `from` ({from})",
                        "`until` ({u}) ligt vóór `from` ({from})"
                    ),
                )
                .with_hint(msg!(
                    "swap the days, or correct the one that is wrong",
                    "draai de datums om, of verbeter de datum die fout is"
                )),
        );
        return None;
    }
    Some(Period { from, until })
}

/// The provenance of `raw`, or its mistakes in `diags`.
pub fn provenance<T>(
    parsed: &Parsed<T>,
    raw: &RawProvenance,
    diags: &mut Diagnostics,
) -> Option<Provenance> {
    match raw.parse(parsed) {
        Ok(p) => Some(p),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    }
}

/// The place of `at` in `parsed`.
pub fn place<T, S>(parsed: &Parsed<T>, at: &Spanned<S>) -> Place {
    let (line, column) = crate::diagnostics::line_col(&parsed.text, at.span().start);
    Place {
        file: parsed.path.clone(),
        line,
        column,
    }
}
