//! Reads the voting-guide data files under `<site>/data/` into [`GuideData`].
//!
//! Every problem an editor can cause (a typo in a verdict, an unknown party, a
//! district that does not exist, a malformed date) becomes a [`Diagnostic`] with
//! the file, line and column and a suggested fix. Loading goes on after a problem
//! so that one run reports all of them.
//!
//! One file per kind of data file: `parties` (`data/parties.toml`),
//! `items` (`data/items/<number>.toml`), `elections`
//! (`data/elections/<id>/election.toml`) and `entries`
//! (`data/elections/<id>/parties/<party>.toml`, with the evidence of a party
//! in `evidence`). Each file is read once, through `read_guide`, which
//! also reports every key the file's type has no field for (`keys`). This
//! module holds the checks of single values that all of them share.

mod elections;
mod entries;
mod evidence;
mod items;
mod keys;
mod parties;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use toml::Spanned;

use super::model::{GuideData, Origin};
use crate::data_file::{Parsed, parse_toml_noting_unknown, read_text};
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::url::{ExternalUrl, Schemes};

pub(crate) use items::load_items;
pub(crate) use parties::load_parties;

/// Reads `data/parties.toml`, `data/items/*.toml` and `data/elections/*/` below
/// `site_root`. Returns every problem found when any of them is an error.
pub fn load(site_root: &Path) -> Result<GuideData, Diagnostics> {
    let data_dir = site_root.join("data");
    let mut diags = Diagnostics::new();
    let items = load_items(&data_dir.join("items"), &mut diags);
    let votes = super::synced::load_votes(&data_dir.join("votes"), &items, &mut diags);
    let mut data = GuideData {
        parties: load_parties(&data_dir.join("parties.toml"), &mut diags),
        items,
        elections: Vec::new(),
        votes,
    };
    for dir in sorted_entries(&data_dir.join("elections"), &mut diags)
        .into_iter()
        .filter(|p| p.is_dir())
    {
        if let Some(election) = elections::load_election(&dir, &data, &mut diags) {
            data.elections.push(election);
        }
    }
    data.elections
        .sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    let mut elections = std::mem::take(&mut data.elections);
    for election in &mut elections {
        super::synced::apply(&data, election);
    }
    data.elections = elections;
    elections::check_unique_paths(&data.elections, &mut diags);
    if diags.has_errors() {
        Err(diags)
    } else {
        Ok(data)
    }
}

/// Reads a guide data file once into `T`: every key that `T` has no field
/// for is reported (all of them, see [`keys`]), and so is every mistake that
/// stops the file from reading as a `T`. `fields_at` names the fields of the
/// table at a place of the file (`""` for the file itself, `"evidence"` for
/// its `[[evidence]]` tables), for the hints.
fn read_guide<T: DeserializeOwned>(
    path: &Path,
    fields_at: fn(&str) -> &'static [&'static str],
    diags: &mut Diagnostics,
) -> Option<(T, Parsed<()>)> {
    let text = read_text(path, read_hint(), diags)?;
    let mut unknown = Vec::new();
    let value = parse_toml_noting_unknown::<T>(path, &text, &mut unknown, diags);
    keys::report_unknown(path, &text, &unknown, fields_at, diags);
    let value = value?;
    Some((
        value,
        Parsed {
            path: path.to_path_buf(),
            text,
            value: (),
        },
    ))
}

/// What to do when a guide data file cannot be read.
fn read_hint() -> Message {
    msg!(
        "check that the file exists and is UTF-8 text",
        "kijk of het bestand bestaat en of het UTF-8-tekst is"
    )
}

/// Files and folders directly inside `dir`, sorted by name; empty when `dir` is absent.
fn sorted_entries(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    if !dir.exists() {
        return Vec::new();
    }
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
        }
        Err(err) => {
            diags.push(Diagnostic::error(
                "guide-folder-unreadable",
                dir,
                0,
                0,
                msg!(
                    "cannot read the folder: {err}",
                    "de map kan niet worden gelezen: {err}"
                ),
            ));
            Vec::new()
        }
    }
}

/// The `.toml` files directly inside `dir`, sorted by name.
fn toml_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    sorted_entries(dir, diags)
        .into_iter()
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect()
}

/// The file name of `path` without its extension.
fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub use crate::guide::model::is_valid_id;

/// Where `at` was written, for the model.
fn origin_at<T>(file: &Parsed<()>, at: &Spanned<T>) -> Origin {
    Origin {
        file: file.path.clone(),
        line: file.line_of(at),
    }
}

/// Reads a text field that must be one of `allowed` (TOML spelling, value).
/// A typo gives one diagnostic naming the allowed values and the closest one.
fn choice<T: Copy>(
    file: &Parsed<()>,
    field: &str,
    value: &Spanned<String>,
    allowed: &[(&str, T)],
    diags: &mut Diagnostics,
) -> Option<T> {
    let text = value.get_ref().trim();
    if let Some((_, v)) = allowed.iter().find(|(name, _)| *name == text) {
        return Some(*v);
    }
    let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
    let list = one_of(&names);
    let closest = names
        .iter()
        .find(|n| n.starts_with(text) || text.starts_with(**n) || n.eq_ignore_ascii_case(text));
    let hint = match closest {
        Some(n) => msg!(
            "did you mean {field} = \"{n}\"?",
            "bedoel je {field} = \"{n}\"?"
        ),
        None => {
            let first = names[0];
            msg!(
                "write {field} = \"{first}\" (or another of the values listed)",
                "schrijf {field} = \"{first}\" (of een andere van de genoemde waarden)"
            )
        }
    };
    diags.push(
        file.error(
            "guide-value-unknown",
            value,
            msg!(
                "`{text}` is not a valid {field}: {field} must be one of {list}",
                "`{text}` is geen geldige waarde voor {field}: {field} moet {list} zijn";
                list
            ),
        )
        .with_hint(hint),
    );
    None
}

/// "a, b or c" ("a, b of c"): the values a field allows, as a list.
fn one_of(names: &[&str]) -> Message {
    match names {
        [rest @ .., last] if !rest.is_empty() => {
            let rest = rest.join(", ");
            msg!("{rest} or {last}", "{rest} of {last}")
        }
        _ => Message::verbatim(names.join("")),
    }
}

/// Checks a link from a data file: only complete http(s) addresses
/// (or mailto where `schemes` allows it) get through.
fn web_url(
    file: &Parsed<()>,
    value: &Spanned<String>,
    schemes: Schemes,
    diags: &mut Diagnostics,
) -> Option<String> {
    match ExternalUrl::parse(value.get_ref(), schemes) {
        Ok(url) => Some(url.as_str().to_string()),
        Err(e) => {
            diags.push(
                file.error("guide-link-invalid", value, e.message)
                    .with_hint(e.hint),
            );
            None
        }
    }
}

/// Reads the English sibling of a Dutch text (`summary_en` next to
/// `summary`): English pages show it, and without it the Dutch text, marked
/// as Dutch. A blank one is a mistake (it would hide the Dutch text behind
/// nothing); `dutch` says whether the Dutch text it translates is there.
fn english(
    file: &Parsed<()>,
    field: &str,
    value: &Option<Spanned<String>>,
    dutch: bool,
    diags: &mut Diagnostics,
) -> Option<String> {
    let value = value.as_ref()?;
    let text = value.get_ref().trim();
    let dutch_field = field.strip_suffix("_en").unwrap_or(field);
    if text.is_empty() {
        diags.push(
            file.error(
                "guide-english-empty",
                value,
                msg!("`{field}` is empty", "`{field}` is leeg"),
            )
            .with_hint(msg!(
                "write the English text of `{dutch_field}`, or leave `{field}` out: English pages then show the Dutch text, marked as Dutch",
                "schrijf de Engelse tekst van `{dutch_field}`, of laat `{field}` weg: Engelse pagina's tonen dan de Nederlandse tekst, gemarkeerd als Nederlands"
            )),
        );
        return None;
    }
    if !dutch {
        diags.push(
            file.error(
                "guide-english-without-dutch",
                value,
                msg!(
                    "`{field}` translates `{dutch_field}`, which is missing",
                    "`{field}` vertaalt `{dutch_field}`, maar dat veld ontbreekt"
                ),
            )
            .with_hint(msg!(
                "write the Dutch text as `{dutch_field}` too: Dutch pages show it, and it is the text `{field}` translates",
                "schrijf ook de Nederlandse tekst, als `{dutch_field}`: Nederlandse pagina's tonen die, en `{field}` is de vertaling ervan"
            )),
        );
    }
    Some(text.to_string())
}

/// Reads a date written as a TOML date (`2023-11-22`) or a string (`"2023-11-22"`).
fn parse_date(
    file: &Parsed<()>,
    value: &Spanned<toml::Value>,
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let text = match value.get_ref() {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(dt) => dt.to_string(),
        other => other.to_string(),
    };
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            diags.push(
                file.error(
                    "guide-date-invalid",
                    value,
                    msg!(
                        "`{text}` is not a valid date",
                        "`{text}` is geen geldige datum"
                    ),
                )
                .with_hint(msg!(
                    "write dates as year-month-day, e.g. 2023-11-22",
                    "schrijf een datum als jaar-maand-dag, bijvoorbeeld 2023-11-22"
                )),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("tk2023", true)]
    #[test_case("groenlinks-pvda", true)]
    #[test_case("GL", false; "upper case")]
    #[test_case("-x", false; "leading hyphen")]
    #[test_case("", false; "empty")]
    fn ids(id: &str, ok: bool) {
        assert_eq!(is_valid_id(id), ok);
    }

    /// A site with one party (`d66`) and one election whose election.toml
    /// is `election` (without its verdict scale) and whose party file is
    /// `party`; what `load` makes of it.
    fn loaded(
        election_extra: &str,
        level_extra: &str,
        party: &str,
    ) -> Result<GuideData, Diagnostics> {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let tk = data.join("elections").join("tk2023");
        fs::create_dir_all(tk.join("parties")).unwrap();
        fs::write(
            data.join("parties.toml"),
            "[[party]]\nid = \"d66\"\nname = \"D66\"\n",
        )
        .unwrap();
        fs::write(
            tk.join("election.toml"),
            format!(
                "title = \"Stemwijzer\"\ndate = 2023-11-22\nmethodology = \"Zo.\"\n{election_extra}\n[[level]]\nid = \"beschermt\"\nsymbol = \"✅\"\nlabel = \"Beschermt\"\nmeaning = \"Komt op.\"\nscreen_reader = \"beschermt\"\n{level_extra}rule = \"protects\"\n"
            ),
        )
        .unwrap();
        fs::write(
            tk.join("parties").join("d66.toml"),
            format!("verdict = \"beschermt\"\n{party}"),
        )
        .unwrap();
        load(dir.path())
    }

    fn found(result: Result<GuideData, Diagnostics>) -> Vec<Diagnostic> {
        match result {
            Ok(_) => Vec::new(),
            Err(d) => d.into_iter().collect(),
        }
    }
    #[test]
    fn english_siblings_are_read_with_their_dutch() {
        let data = loaded(
            "title_en = \"Voting guide\"\nmethodology_en = \"Like this.\"",
            "label_en = \"Protects\"\nmeaning_en = \"Stands up.\"\nscreen_reader_en = \"protects\"\n",
            "summary = \"Wil encryptie.\"\nsummary_en = \"  Wants encryption.  \"\n[[evidence]]\nkind = \"programme\"\nstance = \"silent\"\nnote = \"Niets.\"\nnote_en = \"Nothing.\"\n",
        )
        .unwrap_or_else(|d| panic!("{d}"));
        let e = &data.elections[0];
        assert_eq!(e.title_en.as_deref(), Some("Voting guide"));
        assert_eq!(e.methodology_en.as_deref(), Some("Like this."));
        let english = e.scale[0].english.as_ref().unwrap();
        assert_eq!(
            (english.label.as_str(), english.meaning.as_str()),
            ("Protects", "Stands up.")
        );
        assert_eq!(
            e.entries[0].summary_en.as_deref(),
            Some("Wants encryption.")
        );
        assert_eq!(
            e.entries[0].evidence[0].note_en.as_deref(),
            Some("Nothing.")
        );
    }

    #[test_case("", "", "summary = \"Ja.\"\nsummary_en = \" \"\n", "3:14: `summary_en` is empty", "guide-english-empty", "`summary_en` is leeg"; "blank English")]
    #[test_case("", "", "summary = \"Ja.\"\n[programme]\nnote_en = \"Only English.\"\n", "4:11: `note_en` translates `note`, which is missing", "guide-english-without-dutch", "`note_en` vertaalt `note`, maar dat veld ontbreekt"; "English without its Dutch")]
    #[test_case("", "label_en = \"Protects\"\n", "summary = \"Ja.\"\n", "11:12: this level's English is incomplete: `meaning_en` and `screen_reader_en` are missing", "level-english-incomplete", "het Engels van dit niveau is niet compleet: `meaning_en` en `screen_reader_en` ontbreken"; "a level half in English")]
    #[test_case("intro_en = \"About.\"", "", "summary = \"Ja.\"\n", "4:12: `intro_en` translates `intro`, which is missing", "guide-english-without-dutch", "`intro_en` vertaalt `intro`, maar dat veld ontbreekt"; "an intro only in English")]
    fn english_mistakes_are_named_on_their_line(
        election_extra: &str,
        level_extra: &str,
        party: &str,
        expected: &str,
        code: &str,
        dutch: &str,
    ) {
        let found = found(loaded(election_extra, level_extra, party));
        let english: Vec<String> = found
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        assert_eq!(english, [expected]);
        assert_eq!(found[0].code, code);
        assert_eq!(found[0].message.nl, dutch);
        assert!(found[0].hint.as_ref().is_some_and(|h| h.nl != h.en));
    }

    #[test]
    fn a_kind_written_in_dutch_is_named_in_both_languages() {
        let found = found(loaded(
            "",
            "",
            "summary = \"Ja.\"\n[[evidence]]\nkind = \"motie\"\nstance = \"silent\"\n",
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, "evidence-kind-dutch");
        assert_eq!(
            found[0].message.nl,
            "`motie` is geen geldige waarde voor kind: soorten schrijf je in het Engels"
        );
        assert_eq!(
            found[0].hint.as_ref().unwrap().nl,
            "bedoel je kind = \"submitted\"?"
        );
    }
}
