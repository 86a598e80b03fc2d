//! Reads `site/data/council/` into a [`CouncilData`] and reports every
//! mistake an editor can make there as a diagnostic with file and line.
//!
//! One file per kind of data file: `sources` (`sources.toml`, the kind of
//! publication behind each host), `states` (`states.toml`, member states
//! and population figures), `moments` (`moments.toml`, presidencies, texts
//! and Council moments), `positions` (`positions/XX.toml`, position claims
//! of one state; the file name is the state's code) and `procedure`
//! (`procedure.toml`, the stages of the legislative procedure). This module
//! reads them in that order, each file once, and holds the small checks they
//! share. All problems of all files are collected before giving up.

mod moments;
mod positions;
mod procedure;
mod sources;
mod states;

use std::path::Path;

use chrono::NaiveDate;
use toml::Spanned;

use super::model::{ClaimDate, CouncilData, STATE_CODES, normalize_code};
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostics, Message};
use crate::msg;
use sources::Hosts;

/// What to do when a Council data file cannot be read.
fn restore_hint() -> Message {
    msg!(
        "the EU Council tracker needs this file; restore it from git",
        "de pagina's over de Raad van de EU hebben dit bestand nodig; zet het terug uit git"
    )
}

/// Reads and validates everything under `<site_root>/data/council/`.
///
/// Returns the data, or all errors found (warnings are dropped; use
/// [`load_into`] to keep them).
pub fn load(site_root: &Path) -> Result<CouncilData, Diagnostics> {
    let mut diags = Diagnostics::new();
    match load_into(site_root, &mut diags) {
        Some(data) if !diags.has_errors() => Ok(data),
        _ => Err(diags),
    }
}

/// Like [`load`], but adds errors and warnings to `diags` and returns the data
/// only when no error was found.
pub fn load_into(site_root: &Path, diags: &mut Diagnostics) -> Option<CouncilData> {
    load_at(site_root, chrono::Local::now().date_naive(), diags)
}

/// Like [`load_into`], with `today` given: claims dated after it are warned
/// about, and so is a state whose newest claim is older than the default
/// age of site.toml's `[check] max_age_days` (90 days).
pub fn load_at(site_root: &Path, today: NaiveDate, diags: &mut Diagnostics) -> Option<CouncilData> {
    load_checked(
        site_root,
        today,
        crate::config::CheckConfig::default().max_age(),
        diags,
    )
}

/// Like [`load_at`], with the age after which a state's newest claim is
/// stale while the procedure is open (site.toml `[check] max_age_days`;
/// `claims_max_age_days` in procedure.toml overrides it).
pub fn load_checked(
    site_root: &Path,
    today: NaiveDate,
    max_age: chrono::Days,
    diags: &mut Diagnostics,
) -> Option<CouncilData> {
    let dir = site_root.join("data").join("council");
    let before = diags.error_count();
    let mut data = CouncilData::default();
    let hosts = read_toml(&dir.join("sources.toml"), restore_hint(), diags)
        .map(|file| sources::check_hosts(&file, diags))
        .unwrap_or_default();
    let ctx = Ctx { hosts, today };
    if let Some(file) = read_toml(&dir.join("states.toml"), restore_hint(), diags) {
        let (years, states) = states::check_states(&file, &ctx, diags);
        data.population_years = years;
        data.states = states;
    }
    if let Some(file) = read_toml(&dir.join("moments.toml"), restore_hint(), diags) {
        moments::check_moments(&file, &ctx, &mut data, diags);
    }
    data.claims = positions::load_positions(&dir.join("positions"), &ctx, &data, diags);
    let mut max_age = max_age;
    if let Some(file) = read_toml(&dir.join("procedure.toml"), restore_hint(), diags) {
        data.stages = procedure::check_stages(&file, &ctx, diags);
        max_age = procedure::claims_max_age(&file, diags).unwrap_or(max_age);
    }
    if diags.error_count() == before {
        super::check::warn(&data, diags);
        super::check::warn_stale(&data, ctx.today, max_age, diags);
    }
    (diags.error_count() == before).then_some(data)
}

/// What every check needs besides the file: source kinds and today's date.
struct Ctx {
    hosts: Hosts,
    today: NaiveDate,
}

/// A state code from a data file, or a diagnostic.
fn state_code<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<&'static str> {
    let code = normalize_code(at.get_ref());
    if code.is_none() {
        let written = at.get_ref();
        let codes = STATE_CODES.join(", ");
        diags.push(
            file.error(
                "state-code-unknown",
                at,
                msg!(
                    "`{written}` is not the code of an EU member state",
                    "`{written}` is niet de code van een EU-lidstaat"
                ),
            )
            .with_hint(msg!(
                "use one of {codes} (Greece is EL)",
                "gebruik een van {codes} (Griekenland is EL)"
            )),
        );
    }
    code
}

/// An empty text field is a mistake: `what` names it in the message, in
/// English without and in Dutch with its article (`msg!("title", "de titel")`).
fn check_not_empty<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    what: Message,
    diags: &mut Diagnostics,
) {
    if at.get_ref().trim().is_empty() {
        diags.push(
            file.error(
                "council-field-empty",
                at,
                msg!("{what} is empty", "{what} is leeg"; what),
            )
            .with_hint(msg!("write the {what}", "schrijf {what}"; what)),
        );
    }
}

use crate::council::local_text::{english, local_text};

/// A claim date (`"2025-11-26"`, or `"2024-06"` when only the month is known), or a diagnostic.
fn date<T>(file: &Parsed<T>, at: &Spanned<String>, diags: &mut Diagnostics) -> Option<ClaimDate> {
    match ClaimDate::parse(at.get_ref()) {
        Ok(date) => Some(date),
        Err(bad) => {
            let text = bad.0;
            diags.push(
                file.error(
                    "council-date-invalid",
                    at,
                    msg!(
                        "`{text}` is not a valid date; write it as YYYY-MM-DD (or YYYY-MM if only the month is known)",
                        "`{text}` is geen geldige datum; schrijf hem als YYYY-MM-DD (of YYYY-MM als alleen de maand bekend is)"
                    ),
                )
                .with_hint(msg!(
                    "for example \"2025-11-26\", or \"2024-06\" when only the month is known",
                    "bijvoorbeeld \"2025-11-26\", of \"2024-06\" als alleen de maand bekend is"
                )),
            );
            None
        }
    }
}

/// A date that must name its day, or a diagnostic.
fn full_day<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let date = date(file, at, diags)?;
    if !date.day_known {
        diags.push(
            file.error(
                "council-date-no-day",
                at,
                msg!("this date needs a day", "bij deze datum hoort ook de dag"),
            )
            .with_hint(msg!("write YYYY-MM-DD", "schrijf YYYY-MM-DD")),
        );
        return None;
    }
    Some(date.effective)
}

/// The hint for a text id that is not in `moments.toml`: the known ids.
fn known_texts(data: &CouncilData) -> Message {
    let ids: Vec<&str> = data.texts.iter().map(|t| t.id.as_str()).collect();
    let ids = ids.join(", ");
    msg!(
        "use the id of a [[text]] in moments.toml: {ids}",
        "gebruik de id van een [[text]] in moments.toml: {ids}"
    )
}

/// A copy of the real Council data in a temporary folder, for the tests of
/// every data file kind.
#[cfg(test)]
pub(super) mod test_site {
    use std::path::PathBuf;

    use crate::diagnostics::Diagnostics;

    /// The example site of the repository.
    pub fn site_root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site")
    }

    /// A copy of the real data in a temporary folder, with one file
    /// replaced, and the diagnostics of loading it.
    pub fn with_file(name: &str, content: &str) -> (tempfile::TempDir, Diagnostics) {
        let tmp = tempfile::tempdir().unwrap();
        let src = site_root().join("data/council");
        let dst = tmp.path().join("data/council");
        std::fs::create_dir_all(dst.join("positions")).unwrap();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(&src).unwrap();
            if entry.file_type().is_file() {
                std::fs::copy(entry.path(), dst.join(rel)).unwrap();
            }
        }
        std::fs::write(dst.join(name), content).unwrap();
        let diags = super::load(tmp.path()).expect_err("expected diagnostics");
        (tmp, diags)
    }

    /// Loads the real data with `name` replaced by `content` and checks that
    /// a diagnostic containing `message` names `file` at `line`, with a hint.
    pub fn assert_reported(name: &str, content: &str, file: &str, line: usize, message: &str) {
        let (_tmp, diags) = with_file(name, content);
        let found = diags.iter().find(|d| d.message.contains(message));
        let found = found.unwrap_or_else(|| panic!("no `{message}` in:\n{diags}"));
        assert!(found.file.ends_with(file), "{found}");
        assert_eq!(found.line, line, "{found}");
        assert!(found.hint.is_some());
    }
}

#[cfg(test)]
mod tests {
    use super::test_site::site_root;
    use super::*;

    #[test]
    fn loads_the_real_data() {
        let data = load(&site_root()).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(data.states.len(), 27);
        assert_eq!(data.moments.len(), 4);
        assert!(data.claims.len() >= 59);
        assert_eq!(
            data.state("GR").map(|s| s.name_nl.as_str()),
            Some("Griekenland")
        );
    }
}
