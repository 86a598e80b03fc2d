//! Warnings about how well the Council data is sourced, for `check` and
//! `build`: claims that rest only on blogs or aggregators, and texts whose
//! title names another month than their date.
//!
//! These are warnings, not errors: the data is usable, but an editor should
//! look for a better source (or mark the claim `weakly_sourced = true`, which
//! the site then shows).

use chrono::Datelike;

use super::model::{ClaimDate, CouncilData, SourceKind};
use crate::content::dates::MONTHS_NL;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Adds the sourcing warnings for `data` to `diags` (claims dated after
/// today and title/date disagreements are warned about where they are read).
pub fn warn(data: &CouncilData, diags: &mut Diagnostics) {
    for claim in &data.claims {
        if claim.source.kind.is_weak() && !claim.weakly_sourced {
            diags.push(
                Diagnostic::warning(
                    &claim.file,
                    claim.line,
                    1,
                    format!(
                        "this claim ({} {}, {}) rests only on {} ({})",
                        claim.state,
                        claim.date,
                        claim.position,
                        if claim.source.kind == SourceKind::Aggregator { "an aggregator" } else { "a blog" },
                        claim.source.url.host()
                    ),
                )
                .with_hint(
                    "find the original report (press, parliament, government) and use it as the source, or add weakly_sourced = true so the site says the claim is weakly sourced",
                ),
            );
        }
    }
}

/// When `title` names a month and year (in Dutch, e.g. "november 2025")
/// other than the month of `date`, says so in plain words.
pub fn title_date_mismatch(title: &str, date: &ClaimDate) -> Option<String> {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for pair in words.windows(2) {
        let Some(month) = MONTHS_NL.iter().position(|m| *m == pair[0]) else {
            continue;
        };
        let Ok(year) = pair[1].parse::<i32>() else {
            continue;
        };
        let (m, y) = (date.effective.month0() as usize, date.effective.year());
        if (month, year) != (m, y) {
            return Some(format!(
                "the title names {} {year}, but the date is {date} ({})",
                MONTHS_NL[month],
                date.label_nl()
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("Deens compromis van november 2025", "2025-10-30", true; "november titled, october dated")]
    #[test_case("Deens compromis van november 2025", "2025-11-05", false; "same month")]
    #[test_case("Deense tekst van juli 2025", "2025-07-01", false; "july")]
    #[test_case("Hongaars compromis van september 2024", "2024-09", false; "month only date")]
    #[test_case("Belgisch compromis over uploadmoderatie", "2024-06", false; "no month in title")]
    #[test_case("Tekst van mei 2024", "2025-05-01", true; "other year")]
    fn finds_title_date_mismatches(title: &str, date: &str, mismatch: bool) {
        let date = ClaimDate::parse(date).unwrap();
        assert_eq!(title_date_mismatch(title, &date).is_some(), mismatch);
    }
}
