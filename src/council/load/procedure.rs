//! `data/council/procedure.toml`: the stages of the legislative procedure,
//! in the order they happen, each dated once it has happened.

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::sources::source;
use super::{Ctx, check_not_empty, date, local_text};
use crate::council::model::{Source, Stage};
use crate::data_file::Parsed;
use crate::diagnostics::Diagnostics;

/// `procedure.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProcedureFile {
    /// Days after which the newest claim about a state is stale while the
    /// procedure is open; overrides site.toml `[check] max_age_days` for
    /// Council claims only.
    claims_max_age_days: Option<Spanned<u32>>,
    #[serde(default)]
    stage: Vec<RawStage>,
}

/// The age after which Council claims are stale, when `procedure.toml` sets
/// its own (`claims_max_age_days`); a zero is reported.
pub(super) fn claims_max_age(
    file: &Parsed<RawProcedureFile>,
    diags: &mut Diagnostics,
) -> Option<chrono::Days> {
    let at = file.value.claims_max_age_days.as_ref()?;
    if *at.get_ref() == 0 {
        diags.push(
            file.untranslated_error(at, "claims_max_age_days is 0: every claim would be stale")
                .with_hint("write a number of days, e.g. 90, or leave the line out to use site.toml's [check] max_age_days"),
        );
        return None;
    }
    Some(chrono::Days::new(u64::from(*at.get_ref())))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStage {
    id: Spanned<String>,
    title: Spanned<String>,
    title_en: Option<Spanned<String>>,
    body: Spanned<String>,
    body_en: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    about: Spanned<String>,
    about_en: Option<Spanned<String>>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
}

/// The stages of `procedure.toml`, checked for order, dates and sources.
pub(super) fn check_stages(
    file: &Parsed<RawProcedureFile>,
    ctx: &Ctx,
    diags: &mut Diagnostics,
) -> Vec<Stage> {
    let mut stages: Vec<Stage> = Vec::new();
    let mut previous: Option<(NaiveDate, &Spanned<String>)> = None;
    let mut open = false;
    for raw in &file.value.stage {
        let id = raw.id.get_ref().trim().to_string();
        check_not_empty(file, &raw.id, "stage id", diags);
        check_not_empty(file, &raw.title, "title", diags);
        check_not_empty(file, &raw.about, "description", diags);
        if stages.iter().any(|s| s.id == id) {
            diags.push(
                file.untranslated_error(&raw.id, format!("stage id `{id}` is used twice"))
                    .with_hint("give every [[stage]] its own id"),
            );
        }
        let when = raw.date.as_ref().and_then(|d| date(file, d, diags));
        if let (Some(when), Some(at)) = (when, &raw.date) {
            if open {
                diags.push(
                    file.untranslated_error(at, "this stage has a date but an earlier stage has none")
                        .with_hint("stages happen in order: give the earlier stage its date, or remove this one"),
                );
            }
            if let Some((before, _)) = previous
                && when.effective < before
            {
                diags.push(
                    file.untranslated_error(
                        at,
                        format!("this stage ({when}) is dated before the stage above it"),
                    )
                    .with_hint("list the stages in the order they happen, with their dates"),
                );
            }
            if when.effective > ctx.today {
                diags.push(
                    file.untranslated_warning(
                        at,
                        format!("this stage is dated {when}, after today"),
                    )
                    .with_hint("leave out the date of a stage that has not happened yet"),
                );
            }
            previous = Some((when.effective, at));
        } else if raw.date.is_none() {
            open = true;
        }
        if raw.date.is_some() && raw.sources.is_empty() {
            diags.push(
                file.untranslated_error(&raw.title, "a stage that happened needs a source")
                    .with_hint("add sources = [\"https://...\"]"),
            );
        }
        let sources: Vec<Option<Source>> = raw
            .sources
            .iter()
            .map(|s| source(file, s, &ctx.hosts, diags))
            .collect();
        let Some(sources) = sources.into_iter().collect::<Option<Vec<_>>>() else {
            continue;
        };
        let title = local_text(
            file,
            raw.title.get_ref(),
            raw.title_en.as_ref(),
            "title",
            diags,
        );
        let body = local_text(
            file,
            raw.body.get_ref(),
            raw.body_en.as_ref(),
            "body",
            diags,
        );
        let about = local_text(
            file,
            raw.about.get_ref(),
            raw.about_en.as_ref(),
            "about",
            diags,
        );
        stages.push(Stage {
            id,
            title,
            body,
            date: when,
            about,
            sources,
        });
    }
    stages
}
