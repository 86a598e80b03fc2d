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
use crate::msg;

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
            file.error(
                "procedure-max-age-zero",
                at,
                msg!(
                    "claims_max_age_days is 0: every claim would be stale",
                    "claims_max_age_days is 0: dan is elk standpunt verouderd"
                ),
            )
            .with_hint(msg!(
                "write a number of days, e.g. 90, or leave the line out to use site.toml's [check] max_age_days",
                "schrijf een aantal dagen, bijvoorbeeld 90, of laat de regel weg om [check] max_age_days uit site.toml te gebruiken"
            )),
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
        check_not_empty(file, &raw.id, msg!("stage id", "de id van de fase"), diags);
        check_not_empty(file, &raw.title, msg!("title", "de titel"), diags);
        check_not_empty(
            file,
            &raw.about,
            msg!("description", "de beschrijving"),
            diags,
        );
        if stages.iter().any(|s| s.id == id) {
            diags.push(
                file.error(
                    "procedure-stage-id-twice",
                    &raw.id,
                    msg!(
                        "stage id `{id}` is used twice",
                        "de id `{id}` van een fase komt twee keer voor"
                    ),
                )
                .with_hint(msg!(
                    "give every [[stage]] its own id",
                    "geef elke [[stage]] een eigen id"
                )),
            );
        }
        let when = raw.date.as_ref().and_then(|d| date(file, d, diags));
        if let (Some(when), Some(at)) = (when, &raw.date) {
            if open {
                diags.push(
                    file.error(
                        "procedure-stage-date-gap",
                        at,
                        msg!(
                            "this stage has a date but an earlier stage has none",
                            "deze fase heeft een datum, maar een eerdere fase niet"
                        ),
                    )
                    .with_hint(msg!(
                        "stages happen in order: give the earlier stage its date, or remove this one",
                        "fases gebeuren op volgorde: geef de eerdere fase haar datum, of haal deze datum weg"
                    )),
                );
            }
            if let Some((before, _)) = previous
                && when.effective < before
            {
                diags.push(
                    file.error(
                        "procedure-stage-order",
                        at,
                        msg!(
                            "this stage ({when}) is dated before the stage above it",
                            "deze fase ({when}) heeft een datum vóór de fase erboven"
                        ),
                    )
                    .with_hint(msg!(
                        "list the stages in the order they happen, with their dates",
                        "zet de fases in de volgorde waarin ze gebeuren, met hun datums"
                    )),
                );
            }
            if when.effective > ctx.today {
                diags.push(
                    file.warning(
                        "procedure-stage-future",
                        at,
                        msg!(
                            "this stage is dated {when}, after today",
                            "deze fase heeft de datum {when}, na vandaag"
                        ),
                    )
                    .with_hint(msg!(
                        "leave out the date of a stage that has not happened yet",
                        "laat de datum weg bij een fase die nog niet is gebeurd"
                    )),
                );
            }
            previous = Some((when.effective, at));
        } else if raw.date.is_none() {
            open = true;
        }
        if raw.date.is_some() && raw.sources.is_empty() {
            diags.push(
                file.error(
                    "procedure-stage-unsourced",
                    &raw.title,
                    msg!(
                        "a stage that happened needs a source",
                        "een fase die al is gebeurd, heeft een bron nodig"
                    ),
                )
                .with_hint(msg!(
                    "add sources = [\"https://...\"]",
                    "voeg sources = [\"https://...\"] toe"
                )),
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
