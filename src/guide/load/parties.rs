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
use crate::diagnostics::Diagnostics;
use crate::guide::model::{Alias, Party};
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
                src.untranslated_error(&p.id, format!("party id `{id}` is not a valid id"))
                    .with_hint(
                        "use lower-case letters, digits and hyphens, e.g. `groenlinks-pvda`",
                    ),
            );
            continue;
        }
        if !seen.insert(id.clone()) {
            diags.push(
                src.untranslated_error(&p.id, format!("party id `{id}` is used twice"))
                    .with_hint("each [[party]] needs its own id; remove or rename the second one"),
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
const ALIAS_HINT: &str = "write a name, e.g. \"GroenLinks\", or a name with a period, e.g. { name = \"Lid Omtzigt\", from = 2023-08-20, until = 2023-11-22 }";

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
                            src.untranslated_error(
                                raw,
                                format!("`{key} = {text}` in an alias is not a date"),
                            )
                            .with_hint("write dates as year-month-day, e.g. 2023-08-20"),
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
                        src.untranslated_error(
                            raw,
                            format!("an alias has an unknown field `{key}`"),
                        )
                        .with_hint("an alias table has only name, from and until"),
                    );
                }
                let Some(toml::Value::String(name)) = table.get("name") else {
                    diags.push(
                        src.untranslated_error(raw, "an alias table needs a `name`")
                            .with_hint(ALIAS_HINT),
                    );
                    continue;
                };
                let from = date("from", diags);
                let until = date("until", diags);
                if let (Some(f), Some(u)) = (from, until)
                    && u < f
                {
                    diags.push(
                        src.untranslated_error(
                            raw,
                            format!("the alias `{name}` ends ({u}) before it starts ({f})"),
                        )
                        .with_hint("swap from and until"),
                    );
                }
                aliases.push(Alias {
                    name: name.clone(),
                    from,
                    until,
                });
            }
            other => diags.push(
                src.untranslated_error(raw, format!("`{other}` is not an alias"))
                    .with_hint(ALIAS_HINT),
            ),
        }
    }
    aliases
}
