//! Reads `site/data/kamer.toml` (documented in `docs/data-schema.md`):
//!
//! ```toml
//! elected_on = 2025-10-29
//! installed_on = 2025-11-12
//! [seats_source]                 # a provenance table (crate::provenance)
//! kind = "press"
//! …
//! [seats]
//! d66 = 26
//! …
//! [[motion]]
//! name = "motie-Kathmann c.s."
//! about = "…"                    # what it asked, in our own words
//! about_en = "…"                 # optional: the same in English
//! mover_party = "groenlinks-pvda"
//! voted_on = 2025-11-25
//! result = "adopted"             # or "rejected"
//! protects = true
//! votes = { groenlinks-pvda = "for" }   # only what a source gives
//! [motion.source]
//! kind = "press"
//! …
//! ```
//!
//! A site without the file has no current-Kamer section. Every mistake is a
//! diagnostic on its line, all reported together.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::model::{Kamer, Motion};
use crate::council::local_text::local_text;
use crate::data_file::read_toml;
use crate::diagnostics::Diagnostics;
use crate::guide::model::VoteChoice;
use crate::msg;
use crate::provenance::{DateText, RawProvenance};

/// The file, below `site/data`.
pub const FILE: &str = "kamer.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KamerFile {
    elected_on: Spanned<DateText>,
    installed_on: Spanned<DateText>,
    seats_source: RawProvenance,
    seats: BTreeMap<String, Spanned<u32>>,
    #[serde(default, rename = "motion")]
    motions: Vec<MotionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MotionFile {
    name: Spanned<String>,
    about: Spanned<String>,
    about_en: Option<Spanned<String>>,
    mover_party: Spanned<String>,
    voted_on: Spanned<DateText>,
    result: Spanned<String>,
    protects: bool,
    #[serde(default)]
    votes: BTreeMap<String, Spanned<String>>,
    source: RawProvenance,
}

/// Reads the file below `site`; `known` tells whether a party id exists in
/// the guide. None when the file is absent or has mistakes (then in `diags`).
pub fn load(site: &Path, known: &dyn Fn(&str) -> bool, diags: &mut Diagnostics) -> Option<Kamer> {
    let path = site.join("data").join(FILE);
    if !path.is_file() {
        return None;
    }
    let parsed = read_toml::<KamerFile>(
        &path,
        msg!(
            "check that the file is saved as UTF-8 text",
            "controleer of het bestand als UTF-8-tekst is opgeslagen"
        ),
        diags,
    )?;
    let before = diags.error_count();
    let file = &parsed.value;
    let elected_on = parsed.day(&file.elected_on, diags);
    let installed_on = parsed.day(&file.installed_on, diags);
    let seats_source = parsed.provenance(&file.seats_source, diags);
    let mut seats = Vec::new();
    for (party, n) in &file.seats {
        if !known(party) {
            diags.push(parsed.unknown_party(n, party));
        }
        seats.push((party.clone(), *n.get_ref()));
    }
    let mut motions = Vec::new();
    for m in &file.motions {
        let voted_on = parsed.day(&m.voted_on, diags);
        let adopted = match m.result.get_ref().as_str() {
            "adopted" => Some(true),
            "rejected" => Some(false),
            other => {
                diags.push(
                    parsed
                        .error(
                            "kamer-result-invalid",
                            &m.result,
                            msg!("`{other}` is not a result", "`{other}` is geen uitslag"),
                        )
                        .with_hint(msg!(
                            "write result = \"adopted\" (aangenomen) or \"rejected\" (verworpen)",
                            "schrijf result = \"adopted\" (aangenomen) of \"rejected\" (verworpen)"
                        )),
                );
                None
            }
        };
        if !known(m.mover_party.get_ref()) {
            diags.push(parsed.unknown_party(&m.mover_party, m.mover_party.get_ref()));
        }
        let mut votes = Vec::new();
        for (party, vote) in &m.votes {
            if !known(party) {
                diags.push(parsed.unknown_party(vote, party));
            }
            match vote.get_ref().as_str() {
                "for" => votes.push((party.clone(), VoteChoice::For)),
                "against" => votes.push((party.clone(), VoteChoice::Against)),
                other => diags.push(
                    parsed
                        .error(
                            "kamer-vote-invalid",
                            vote,
                            msg!("`{other}` is not a vote", "`{other}` is geen stem"),
                        )
                        .with_hint(msg!(
                            "write \"for\" or \"against\"; leave a party out when no source gives its vote",
                            "schrijf \"for\" (voor) of \"against\" (tegen); laat een partij weg als geen bron haar stem geeft"
                        )),
                ),
            }
        }
        for (text, field) in [(&m.name, "name"), (&m.about, "about")] {
            if text.get_ref().trim().is_empty() {
                diags.push(
                    parsed
                        .error(
                            "kamer-text-empty",
                            text,
                            msg!("`{field}` is empty", "`{field}` is leeg"),
                        )
                        .with_hint(msg!(
                            "write it in Dutch, in your own words",
                            "schrijf het in het Nederlands, in je eigen woorden"
                        )),
                );
            }
        }
        let about = local_text(
            &parsed,
            m.about.get_ref(),
            m.about_en.as_ref(),
            "about",
            diags,
        );
        let source = parsed.provenance(&m.source, diags);
        if let (Some(voted_on), Some(adopted), Some(source)) = (voted_on, adopted, source) {
            motions.push(Motion {
                name: m.name.get_ref().trim().to_string(),
                about,
                mover_party: m.mover_party.get_ref().clone(),
                voted_on,
                adopted,
                protects: m.protects,
                votes,
                source,
            });
        }
    }
    motions.sort_by_key(|m| m.voted_on);
    if diags.error_count() > before {
        return None;
    }
    Some(Kamer {
        elected_on: elected_on?,
        installed_on: installed_on?,
        seats,
        seats_source: seats_source?,
        motions,
    })
}
