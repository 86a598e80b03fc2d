//! `data/items/<number>.toml`: the motions and bills that evidence of a
//! vote refers to, one file per item named after its number, with the votes
//! of the factions once `sync votes` has filled them in.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::keys::fields_of;
use super::{choice, english, file_stem, origin_at, parse_date, read_guide, toml_files, web_url};
use crate::diagnostics::Diagnostics;
use crate::guide::model::{FactionResult, Item, ItemKind, UNCLASSIFIED, VoteChoice};
use crate::msg;
use crate::url::Schemes;

/// The values of `kind`.
const ITEM_KINDS: [(&str, ItemKind); 2] = [("motion", ItemKind::Motion), ("bill", ItemKind::Bill)];
/// The values of `protects`: the vote that protects encryption.
const PROTECTING_VOTES: [(&str, VoteChoice); 2] =
    [("for", VoteChoice::For), ("against", VoteChoice::Against)];

/// An item file as written.
#[derive(Deserialize)]
struct RawItem {
    number: Spanned<String>,
    title: String,
    title_en: Option<Spanned<String>>,
    name: Option<Spanned<String>>,
    name_en: Option<Spanned<String>>,
    mover: Option<Spanned<String>>,
    mover_en: Option<Spanned<String>>,
    source: Option<crate::provenance::RawProvenance>,
    date: Option<Spanned<toml::Value>>,
    kind: Spanned<String>,
    url: Option<Spanned<String>>,
    protects: Option<Spanned<String>>,
    #[serde(default)]
    result: Vec<FactionResult>,
}

/// Reads every item file in `dir`, by number.
pub(crate) fn load_items(dir: &Path, diags: &mut Diagnostics) -> BTreeMap<String, Item> {
    let mut items = BTreeMap::new();
    for path in toml_files(dir, diags) {
        let Some((raw, file)) = read_guide::<RawItem>(&path, |_| fields_of::<RawItem>(), diags)
        else {
            continue;
        };
        let src = &file;
        let number = raw.number.get_ref().trim().to_string();
        if number != file_stem(&path) {
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            diags.push(
                src.error(
                    "item-number-mismatch",
                    &raw.number,
                    msg!(
                        "item number `{number}` does not match the file name `{file_name}`",
                        "het itemnummer `{number}` past niet bij de bestandsnaam `{file_name}`"
                    ),
                )
                .with_hint(msg!(
                    "name the file `{number}.toml` or correct the number",
                    "noem het bestand `{number}.toml` of verbeter het nummer"
                )),
            );
            continue;
        }
        let date = raw.date.as_ref().and_then(|d| parse_date(src, d, diags));
        let kind = choice(src, "kind", &raw.kind, &ITEM_KINDS, diags);
        // `unclassified` is what the importer writes when the page did not
        // say which vote protects; `check` reports it as a warning.
        let protects = raw
            .protects
            .as_ref()
            .filter(|p| p.get_ref().trim() != UNCLASSIFIED)
            .and_then(|p| choice(src, "protects", p, &PROTECTING_VOTES, diags));
        let url = raw
            .url
            .as_ref()
            .and_then(|u| web_url(src, u, Schemes::Web, diags));
        let source = raw.source.as_ref().and_then(|p| match p.parse(src) {
            Ok(p) => Some(p),
            Err(errors) => {
                diags.extend(errors);
                None
            }
        });
        // The name and the mover are facts like any other: they need a source.
        if raw.source.is_none()
            && let Some(at) = raw.name.as_ref().or(raw.mover.as_ref())
        {
            diags.push(
                src.error(
                    "item-source-missing",
                    at,
                    msg!(
                        "the item's name and mover need a [source]",
                        "de naam en de indiener van het item hebben een [source] nodig"
                    ),
                )
                .with_hint(msg!(
                    "add a [source] table (kind = \"press\" with url, title and date, or \"official\") saying where the name and mover come from",
                    "voeg een tabel [source] toe (kind = \"press\" met url, title en date, of \"official\") die zegt waar de naam en de indiener vandaan komen"
                )),
            );
        }
        let text = |field: &Option<Spanned<String>>| {
            field
                .as_ref()
                .map(|t| t.get_ref().trim().to_string())
                .filter(|t| !t.is_empty())
        };
        let title_en = english(src, "title_en", &raw.title_en, true, diags);
        let name_en = english(src, "name_en", &raw.name_en, raw.name.is_some(), diags);
        let mover_en = english(src, "mover_en", &raw.mover_en, raw.mover.is_some(), diags);
        let Some(kind) = kind else { continue };
        items.insert(
            number.clone(),
            Item {
                origin: origin_at(src, &raw.number),
                number,
                title: raw.title,
                title_en,
                name: text(&raw.name),
                name_en,
                mover: text(&raw.mover),
                mover_en,
                source,
                date,
                kind,
                url,
                protects,
                results: raw.result,
            },
        );
    }
    items
}
