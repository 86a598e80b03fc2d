//! `chatcontrole import guide FILE.md --election ID`: turns a hand-written
//! Markdown guide page (the format of the 2023 stemwijzer) into the guide's data
//! files.
//!
//! The page is read by column name and by its legend, never by position, and
//! every problem is reported with its line before anything is written. Votes get
//! a stance from the item's protecting direction; everything else the importer
//! cannot judge is written as `unclassified`, for an editor to decide.
//!
//! This file is the command: its arguments, reading the page and what an
//! earlier import left, and writing; `plan.rs` decides what to write.

mod cell;
mod districts;
mod document;
mod inline;
mod kinds;
mod plan;
mod write;

use std::fs;
use std::path::{Path, PathBuf};

pub use self::plan::slugify;
use self::plan::{Planner, PreviousElection};
use self::write::write_all;
use super::load::{load_items, load_parties};
use super::model::ElectionId;
use crate::data_file::read_toml;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::site_path::SitePath;

/// Arguments of `chatcontrole import guide`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportGuideArgs {
    /// The Markdown guide page to read (e.g. the old stemwijzer page).
    pub file: PathBuf,
    /// Id of the election to write, e.g. `tk2023` (lower-case letters, digits, hyphens).
    #[arg(long)]
    pub election: String,
    /// The site folder.
    #[arg(long, default_value = "site")]
    pub site: PathBuf,
    /// Print what would be written instead of writing it.
    #[arg(long)]
    pub dry_run: bool,
    /// How the written files name their source, when not by `file`:
    /// `import hugo --guides` reads a copy in its staging folder and names
    /// the Hugo site's own file instead.
    #[arg(skip)]
    pub source_name: Option<String>,
}

/// Reads the guide page, and writes (or with `--dry-run` lists) the election,
/// party and item files. Returns the report to print; on any problem returns
/// every diagnostic and writes nothing.
pub fn run_import(args: &ImportGuideArgs) -> Result<String, Diagnostics> {
    let Some(election) = ElectionId::parse(&args.election) else {
        return Err(Diagnostic::error(
            "guide-import-election-id-bad",
            &args.file,
            0,
            0,
            msg!(
                "`{}` is not a valid election id",
                "`{}` is geen geldige id voor een verkiezing",
                args.election
            ),
        )
        .with_hint(msg!(
            "use lower-case letters, digits and hyphens, e.g. --election tk2023",
            "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld --election tk2023"
        ))
        .into());
    };
    let text = fs::read_to_string(&args.file).map_err(|err| {
        Diagnostic::error(
            "guide-import-file-unreadable",
            &args.file,
            0,
            0,
            msg!(
                "cannot read the file: {err}",
                "het bestand is niet te lezen: {err}"
            ),
        )
        .with_hint(msg!(
            "check the path of the Markdown file",
            "controleer het pad naar het Markdown-bestand"
        ))
    })?;
    let doc = document::parse(&args.file, &text)?;

    let data_dir = args.site.join("data");
    let mut diags = Diagnostics::new();
    let parties = load_parties(&data_dir.join("parties.toml"), &mut diags);
    let items = load_items(&data_dir.join("items"), &mut diags);
    let election_dir = data_dir.join("elections").join(&args.election);
    let previous = read_previous_election(&election_dir.join("election.toml"), &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }

    let plan = Planner::new(&args.file, &doc, parties, items).plan(&election, previous)?;
    let source = args
        .source_name
        .clone()
        .unwrap_or_else(|| args.file.display().to_string());
    let files = plan.files(&data_dir, &source)?;
    if args.dry_run {
        let mut out = format!("Dry run: would write {} files.\n", files.len());
        for f in &files {
            out.push_str(&format!("\n=== {} ===\n{}", f.path.display(), f.contents));
        }
        return Ok(out);
    }
    write_all(&files)?;
    Ok(plan.report(&election_dir, &files))
}

/// Reads what an earlier import or an editor put in `election.toml`. A file
/// that exists but cannot be read is an error: the import would otherwise
/// replace the editor's path, intro and methodology with defaults.
fn read_previous_election(path: &Path, diags: &mut Diagnostics) -> PreviousElection {
    if !path.exists() {
        return PreviousElection::default();
    }
    let mut problems = Diagnostics::new();
    let Some(parsed) = read_toml::<toml::Table>(
        path,
        msg!(
            "the election file exists but cannot be read; check its permissions",
            "het bestand van de verkiezing bestaat, maar is niet te lezen; controleer de rechten van het bestand"
        ),
        &mut problems,
    ) else {
        for d in problems {
            let first = d
                .hint
                .clone()
                .unwrap_or_else(|| msg!("fix the file", "herstel het bestand"));
            let hint = msg!(
                "{first}; the importer keeps this file's path, intro and methodology, so it never replaces a file it cannot read (fix it, or move it away to import from scratch)",
                "{first}; het importeren neemt het pad, de inleiding en de methode uit dit bestand over, en vervangt dus nooit een bestand dat het niet kan lezen (herstel het, of zet het ergens anders neer om helemaal opnieuw te importeren)";
                first
            );
            diags.push(d.with_hint(hint));
        }
        return PreviousElection::default();
    };
    let mut text = |key: &str| match parsed.value.get(key) {
        None => None,
        Some(toml::Value::String(s)) => Some(s.clone()),
        Some(other) => {
            let found = toml_type(other.type_str());
            diags.push(
                Diagnostic::error(
                    "guide-import-value-not-text",
                    path,
                    line_of_key(&parsed.text, key),
                    1,
                    msg!(
                        "`{key}` must be text, not {found}",
                        "`{key}` moet tekst zijn, geen {found}";
                        found
                    ),
                )
                .with_hint(msg!(
                    "write `{key} = \"...\"`; the importer keeps this value and would otherwise lose it",
                    "schrijf `{key} = \"...\"`; het importeren neemt deze waarde over en zou hem anders kwijtraken"
                )),
            );
            None
        }
    };
    let written_path = text("path");
    let intro = text("intro");
    let methodology = text("methodology");
    let intro_en = text("intro_en");
    let methodology_en = text("methodology_en");
    let path = written_path.and_then(|written| match SitePath::parse(written.trim()) {
        Ok(site_path) => Some(site_path),
        Err(e) => {
            let (problem, fix) = (e.message, e.hint);
            diags.push(
                Diagnostic::error(
                    "guide-import-path-bad",
                    path,
                    line_of_key(&parsed.text, "path"),
                    1,
                    msg!("path: {problem}", "path: {problem}"; problem),
                )
                .with_hint(msg!(
                    "{fix}; the importer keeps this path, so fix it first",
                    "{fix}; het importeren neemt dit pad over, dus herstel het eerst";
                    fix
                )),
            );
            None
        }
    });
    PreviousElection {
        path,
        intro,
        methodology,
        intro_en,
        methodology_en,
    }
}

/// "an integer" ("een geheel getal"), "a boolean" ("een ja/nee-waarde"):
/// a TOML type name with its article, in English and Dutch. In the Dutch
/// the article is left out: "geen" stands before it.
fn toml_type(noun: &str) -> Message {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let dutch = match noun {
        "integer" => "geheel getal",
        "float" => "kommagetal",
        "boolean" => "ja/nee-waarde (true of false)",
        "datetime" => "datum of tijd",
        "array" => "lijst",
        "table" => "tabel",
        "string" => "tekst",
        other => other,
    };
    msg!("{article} {noun}", "{dutch}")
}

/// The 1-based line on which `key = ` is written at the top of a TOML file, or 1.
fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}
