//! `data/parties.toml`: every party the guide knows, with its id (the name
//! of its file in each election), its names and the names it had before
//! (aliases, optionally with the period they were used in).

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::keys::fields_of;
use super::{is_valid_id, origin_at, read_guide, web_url};
use crate::data_file::Parsed;
use crate::diagnostics::{Diagnostics, Message};
use crate::guide::model::{Alias, Party};
use crate::msg;
use crate::url::Schemes;

/// `parties.toml` as written.
#[derive(Deserialize)]
struct RawPartiesFile {
    #[serde(default)]
    party: Vec<RawParty>,
}

/// One `[[party]]`.
#[derive(Deserialize)]
struct RawParty {
    id: Spanned<String>,
    name: String,
    short_name: Option<String>,
    aliases: Option<Spanned<Vec<toml::Value>>>,
    website: Option<Spanned<String>>,
}

/// The fields of the table at `place` of `parties.toml`, for hints.
fn fields_at(place: &str) -> &'static [&'static str] {
    match place {
        "party" => fields_of::<RawParty>(),
        _ => fields_of::<RawPartiesFile>(),
    }
}

/// Reads the parties of `path` (none when it does not exist).
pub(crate) fn load_parties(path: &Path, diags: &mut Diagnostics) -> Vec<Party> {
    if !path.exists() {
        return Vec::new();
    }
    let Some((raw, file)) = read_guide::<RawPartiesFile>(path, fields_at, diags) else {
        return Vec::new();
    };
    let src = &file;
    let mut seen = BTreeSet::new();
    let mut parties = Vec::new();
    for p in raw.party {
        let id = p.id.get_ref().clone();
        if !is_valid_id(&id) {
            diags.push(
                src.error(
                    "party-id-invalid",
                    &p.id,
                    msg!(
                        "party id `{id}` is not a valid id",
                        "de partij-id `{id}` is geen geldige id"
                    ),
                )
                .with_hint(msg!(
                    "use lower-case letters, digits and hyphens, e.g. `groenlinks-pvda`",
                    "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld `groenlinks-pvda`"
                )),
            );
            continue;
        }
        if !seen.insert(id.clone()) {
            diags.push(
                src.error(
                    "party-id-twice",
                    &p.id,
                    msg!(
                        "party id `{id}` is used twice",
                        "de partij-id `{id}` komt twee keer voor"
                    ),
                )
                .with_hint(msg!(
                    "each [[party]] needs its own id; remove or rename the second one",
                    "elke [[party]] heeft een eigen id nodig; haal de tweede weg of geef die een andere id"
                )),
            );
            continue;
        }
        let aliases = p
            .aliases
            .as_ref()
            .map(|a| convert_aliases(src, a, diags))
            .unwrap_or_default();
        parties.push(Party {
            origin: origin_at(src, &p.id),
            id,
            name: p.name,
            short_name: p.short_name,
            aliases,
            website: p
                .website
                .as_ref()
                .and_then(|w| web_url(src, w, Schemes::Web, diags)),
        });
    }
    parties
}

/// What an alias may look like, for hints.
fn alias_hint() -> Message {
    msg!(
        "write a name, e.g. \"GroenLinks\", or a name with a period, e.g. {{ name = \"Lid Omtzigt\", from = 2023-08-20, until = 2023-11-22 }}",
        "schrijf een naam, bijvoorbeeld \"GroenLinks\", of een naam met een periode, bijvoorbeeld {{ name = \"Lid Omtzigt\", from = 2023-08-20, until = 2023-11-22 }}"
    )
}

/// Reads `aliases = ["X", { name = "Y", from = 2023-08-20 }]`.
fn convert_aliases(
    src: &Parsed<()>,
    raw: &Spanned<Vec<toml::Value>>,
    diags: &mut Diagnostics,
) -> Vec<Alias> {
    let mut aliases = Vec::new();
    for value in raw.get_ref() {
        match value {
            toml::Value::String(name) => aliases.push(Alias::always(name.clone())),
            toml::Value::Table(table) => {
                let date = |key: &str, diags: &mut Diagnostics| -> Option<NaiveDate> {
                    let v = table.get(key)?;
                    let text = match v {
                        toml::Value::Datetime(dt) => dt.to_string(),
                        toml::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let parsed = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
                    if parsed.is_none() {
                        diags.push(
                            src.error(
                                "party-alias-date-invalid",
                                raw,
                                msg!(
                                    "`{key} = {text}` in an alias is not a date",
                                    "`{key} = {text}` in een alias is geen datum"
                                ),
                            )
                            .with_hint(msg!(
                                "write dates as year-month-day, e.g. 2023-08-20",
                                "schrijf een datum als jaar-maand-dag, bijvoorbeeld 2023-08-20"
                            )),
                        );
                    }
                    parsed
                };
                let unknown: Vec<&String> = table
                    .keys()
                    .filter(|k| !["name", "from", "until"].contains(&k.as_str()))
                    .collect();
                if let Some(key) = unknown.first() {
                    diags.push(
                        src.error(
                            "party-alias-field-unknown",
                            raw,
                            msg!(
                                "an alias has an unknown field `{key}`",
                                "een alias heeft een onbekend veld `{key}`"
                            ),
                        )
                        .with_hint(msg!(
                            "an alias table has only name, from and until",
                            "een alias-tabel heeft alleen name, from en until"
                        )),
                    );
                }
                let Some(toml::Value::String(name)) = table.get("name") else {
                    diags.push(
                        src.error(
                            "party-alias-name-missing",
                            raw,
                            msg!(
                                "an alias table needs a `name`",
                                "een alias-tabel heeft een `name` nodig"
                            ),
                        )
                        .with_hint(alias_hint()),
                    );
                    continue;
                };
                let from = date("from", diags);
                let until = date("until", diags);
                if let (Some(f), Some(u)) = (from, until)
                    && u < f
                {
                    diags.push(
                        src.error(
                            "party-alias-period-reversed",
                            raw,
                            msg!(
                                "the alias `{name}` ends ({u}) before it starts ({f})",
                                "de alias `{name}` eindigt ({u}) voordat hij begint ({f})"
                            ),
                        )
                        .with_hint(msg!("swap from and until", "wissel from en until om")),
                    );
                }
                aliases.push(Alias {
                    name: name.clone(),
                    from,
                    until,
                });
            }
            other => diags.push(
                src.error(
                    "party-alias-invalid",
                    raw,
                    msg!("`{other}` is not an alias", "`{other}` is geen alias"),
                )
                .with_hint(alias_hint()),
            ),
        }
    }
    aliases
}
