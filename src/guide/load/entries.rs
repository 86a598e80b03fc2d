//! `data/elections/<id>/parties/<party>.toml`: what the guide says about one
//! party in one election: its verdict, summary, programme, the kieskringen
//! it is on the ballot in, its evidence ([`super::evidence`]) and the
//! questions the campaign asked it.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::evidence::{RawEvidence, convert_evidence};
use super::keys::fields_of;
use super::{choice, english, file_stem, parse_date, read_guide, web_url};
use crate::data_file::Parsed;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::guide::model::{
    Districts, Election, GuideData, Origin, Outreach, PartyEntry, Programme, ProgrammeFormat,
};
use crate::msg;
use crate::url::Schemes;

/// The values of a programme's `format`.
const FORMATS: [(&str, ProgrammeFormat); 2] = [
    ("html", ProgrammeFormat::Html),
    ("pdf", ProgrammeFormat::Pdf),
];

/// A party file as written.
#[derive(Deserialize)]
struct RawEntry {
    name: Option<String>,
    verdict: Spanned<String>,
    override_reason: Option<String>,
    override_reason_en: Option<Spanned<String>>,
    summary: Option<String>,
    summary_en: Option<Spanned<String>>,
    districts: Option<Spanned<RawDistricts>>,
    programme: Option<RawProgramme>,
    #[serde(default)]
    evidence: Vec<RawEvidence>,
    #[serde(default)]
    outreach: Vec<RawOutreach>,
}

/// `[programme]`: the party's election programme.
#[derive(Deserialize)]
struct RawProgramme {
    url: Option<Spanned<String>>,
    title: Option<String>,
    format: Option<Spanned<String>>,
    available: Option<bool>,
    note: Option<String>,
    note_en: Option<Spanned<String>>,
}

/// `[districts]`: where the party is on the ballot.
#[derive(Deserialize)]
struct RawDistricts {
    all: Option<bool>,
    except: Option<Vec<Spanned<i64>>>,
    count: Option<Spanned<i64>>,
}

/// One `[[outreach]]`: a question the campaign asked the party.
#[derive(Deserialize)]
struct RawOutreach {
    asked_on: Spanned<toml::Value>,
    replied_on: Option<Spanned<toml::Value>>,
    reply_url: Option<Spanned<String>>,
    note: Option<String>,
    note_en: Option<Spanned<String>>,
}

/// The fields of the table at `place` of a party file, for hints.
fn fields_at(place: &str) -> &'static [&'static str] {
    match place {
        "districts" => fields_of::<RawDistricts>(),
        "programme" => fields_of::<RawProgramme>(),
        "evidence" => fields_of::<RawEvidence>(),
        "evidence.source" => fields_of::<crate::provenance::RawProvenance>(),
        "outreach" => fields_of::<RawOutreach>(),
        _ => fields_of::<RawEntry>(),
    }
}

/// Reads one party file of `election`; `None` when it cannot be read.
pub(super) fn load_entry(
    path: &Path,
    election: &Election,
    data: &GuideData,
    diags: &mut Diagnostics,
) -> Option<PartyEntry> {
    let (raw, file) = read_guide::<RawEntry>(path, fields_at, diags)?;
    let src = &file;
    let party = file_stem(path);
    if data.party(&party).is_none() {
        diags.push(
            Diagnostic::error(
                "party-file-unknown",
                path,
                1,
                1,
                msg!("unknown party `{party}`", "onbekende partij `{party}`"),
            )
            .with_hint(msg!(
                "the file name must be a party id from data/parties.toml; add a [[party]] with id = \"{party}\" there or rename the file",
                "de bestandsnaam moet de id van een partij uit data/parties.toml zijn; voeg daar een [[party]] met id = \"{party}\" toe of geef het bestand een andere naam"
            )),
        );
    }
    let verdict = raw.verdict.get_ref().clone();
    if election.level(&verdict).is_none() {
        let known: Vec<&str> = election.scale.iter().map(|l| l.id.as_str()).collect();
        let (scale_file, known) = (election.origin.file.display(), known.join(", "));
        diags.push(
            src.error(
                "guide-verdict-unknown",
                &raw.verdict,
                msg!(
                    "unknown verdict level `{verdict}`",
                    "onbekend niveau `{verdict}` voor het oordeel"
                ),
            )
            .with_hint(msg!(
                "use one of the level ids of {scale_file}: {known}",
                "gebruik een van de niveau-ids uit {scale_file}: {known}"
            )),
        );
    }
    let districts = raw
        .districts
        .as_ref()
        .map(|d| convert_entry_districts(src, d, election, diags))
        .unwrap_or_default();
    let evidence = raw
        .evidence
        .into_iter()
        .enumerate()
        .map(|(i, e)| convert_evidence(src, i, e, data, diags))
        .collect();
    let outreach = raw
        .outreach
        .into_iter()
        .filter_map(|o| {
            let asked_on = parse_date(src, &o.asked_on, diags)?;
            Some(Outreach {
                asked_on,
                replied_on: o
                    .replied_on
                    .as_ref()
                    .and_then(|d| parse_date(src, d, diags)),
                reply_url: o
                    .reply_url
                    .as_ref()
                    .and_then(|u| web_url(src, u, Schemes::WebOrMail, diags)),
                note_en: english(src, "note_en", &o.note_en, o.note.is_some(), diags),
                note: o.note,
            })
        })
        .collect();
    let override_reason_en = english(
        src,
        "override_reason_en",
        &raw.override_reason_en,
        raw.override_reason.is_some(),
        diags,
    );
    // A missing `summary` is reported on its own below.
    let summary_en = english(src, "summary_en", &raw.summary_en, true, diags);
    Some(PartyEntry {
        party,
        name: raw.name,
        verdict,
        override_reason: raw.override_reason,
        override_reason_en,
        summary_en,
        summary: raw.summary.unwrap_or_else(|| {
            diags.push(
                Diagnostic::error(
                    "party-summary-missing",
                    path,
                    1,
                    1,
                    msg!(
                        "the party file has no `summary`",
                        "het bestand van de partij heeft geen `summary`"
                    ),
                )
                .with_hint(msg!(
                    "add summary = \"...\": a short explanation of the verdict in your own words",
                    "voeg summary = \"...\" toe: een korte uitleg van het oordeel in je eigen woorden"
                )),
            );
            String::new()
        }),
        districts,
        programme: raw.programme.map(|p| convert_programme(src, p, diags)),
        evidence,
        outreach,
        origin: Origin {
            file: path.to_path_buf(),
            line: src.line_of(&raw.verdict),
        },
    })
}

/// The programme, its link checked.
fn convert_programme(src: &Parsed<()>, p: RawProgramme, diags: &mut Diagnostics) -> Programme {
    Programme {
        url: p
            .url
            .as_ref()
            .and_then(|u| web_url(src, u, Schemes::Web, diags)),
        title: p.title,
        format: p
            .format
            .as_ref()
            .and_then(|f| choice(src, "format", f, &FORMATS, diags))
            .unwrap_or_default(),
        available: p.available.unwrap_or(true),
        note_en: english(src, "note_en", &p.note_en, p.note.is_some(), diags),
        note: p.note,
    }
}

/// `[districts]`: exactly one of `all`, `except` or `count`, with kieskringen of the election.
fn convert_entry_districts(
    src: &Parsed<()>,
    raw: &Spanned<RawDistricts>,
    election: &Election,
    diags: &mut Diagnostics,
) -> Districts {
    let d = raw.get_ref();
    let given = usize::from(d.all.is_some())
        + usize::from(d.except.is_some())
        + usize::from(d.count.is_some());
    if given != 1 {
        diags.push(
            src.error(
                "kieskring-choice-not-one",
                raw,
                msg!(
                    "[districts] needs exactly one of `all`, `except` or `count`",
                    "[districts] heeft precies één van `all`, `except` of `count` nodig"
                ),
            )
            .with_hint(msg!(
                "leave [districts] out when the party is on the ballot everywhere; write except = [3, 20] or count = 19 otherwise",
                "laat [districts] weg als de partij overal op het stembiljet staat; schrijf anders except = [3, 20] of count = 19"
            )),
        );
        return Districts::All;
    }
    if let Some(list) = &d.except {
        let mut numbers = Vec::new();
        for n in list {
            let known = u8::try_from(*n.get_ref())
                .ok()
                .filter(|x| election.district_name(*x).is_some());
            match known {
                Some(x) => numbers.push(x),
                None => {
                    let (number, scale_file) = (n.get_ref(), election.origin.file.display());
                    diags.push(
                        src.error(
                            "kieskring-unknown",
                            n,
                            msg!(
                                "there is no kieskring {number}",
                                "er is geen kieskring {number}"
                            ),
                        )
                        .with_hint(msg!(
                            "use the numbers of the [[district]] tables in {scale_file}",
                            "gebruik de nummers van de tabellen [[district]] in {scale_file}"
                        )),
                    )
                }
            }
        }
        numbers.sort_unstable();
        numbers.dedup();
        return Districts::Except(numbers);
    }
    if let Some(count) = &d.count {
        let n = *count.get_ref();
        return match u8::try_from(n) {
            Ok(x) if x >= 1 && usize::from(x) <= election.districts.len() => Districts::Count(x),
            _ => {
                let total = election.districts.len();
                diags.push(
                    src.error(
                        "kieskring-count-invalid",
                        count,
                        msg!(
                            "a party cannot be on the ballot in {n} kieskringen",
                            "een partij kan niet in {n} kieskringen op het stembiljet staan"
                        ),
                    )
                    .with_hint(msg!(
                        "the election has {total} kieskringen",
                        "de verkiezing heeft {total} kieskringen"
                    )),
                );
                Districts::All
            }
        };
    }
    if d.all == Some(false) {
        diags.push(
            src.error(
                "kieskring-all-false",
                raw,
                msg!(
                    "`all = false` does not say where the party is on the ballot",
                    "`all = false` zegt niet waar de partij op het stembiljet staat"
                ),
            )
            .with_hint(msg!(
                "write except = [..] or count = N instead",
                "schrijf in plaats daarvan except = [..] of count = N"
            )),
        );
    }
    Districts::All
}
