//! `chatcontrole import hugo HUGO_DIR --into NEW_SITE_DIR`: moves a Hugo site
//! (Doks-shaped or plain) into a new chatcontrole site folder in one step,
//! keeping every URL.
//!
//! The Hugo folder is only read. Everything is planned in memory first, then
//! written into a temporary folder next to `--into` that is renamed into
//! place at the end, so an import either happens completely or not at all.
//! `MIGRATION.md` in the new folder says what was found, changed, dropped,
//! and what needs a hand before the site builds.

pub mod case_links;
pub mod config;
pub mod embed_card;
pub mod embeds;
mod foreign_html;
mod guides;
pub mod home_layout;
mod html_findings;
pub mod i18n;
pub mod identity;
pub mod language_links;
mod language_pages;
pub mod languages;
pub mod list_layouts;
pub mod menu_config;
mod menu_plan;
mod plan;
pub mod report;
pub mod shortcodes;
pub mod site_toml;
pub mod translate;
mod translate_error;
mod urls;

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;

pub use plan::{Plan, plan};

/// Arguments of `chatcontrole import hugo`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportHugoArgs {
    /// The Hugo site: the folder you run `hugo` in. It is only read.
    pub hugo_dir: PathBuf,
    /// The new site folder to write; it must not exist yet, or be empty.
    #[arg(long)]
    pub into: PathBuf,
    /// Print the report without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Turn pages with a voting-guide table into guide data (`import guide`), keeping their URL.
    #[arg(long)]
    pub guides: bool,
}

/// What a finished import tells the terminal.
#[derive(Debug)]
pub struct Imported {
    /// The short report.
    pub summary: String,
    /// Warnings: what was left out and why.
    pub warnings: Diagnostics,
}

/// The start of the name of the folder an import writes into before it
/// takes the name of `--into`; an import killed midway leaves one, which the
/// next import removes.
pub const STAGING_PREFIX: &str = ".chatcontrole-import-";

/// Runs the import; returns the short report and the warnings to print.
pub fn run(args: &ImportHugoArgs) -> Result<Imported, Diagnostics> {
    check_folders(&args.hugo_dir, &args.into)?;
    let mut plan = plan(&args.hugo_dir, &args.into)?;
    let warnings = std::mem::take(&mut plan.warnings);
    if args.dry_run {
        return Ok(Imported {
            summary: plan.report.short(false),
            warnings,
        });
    }
    let parent = match args.into.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot_write = |e: std::io::Error| {
        Diagnostics::from(
            Diagnostic::error(
                "import-hugo-write-failed",
                &args.into,
                0,
                0,
                msg!(
                    "cannot write the new site: {e}",
                    "de nieuwe site kan niet worden geschreven: {e}"
                ),
            )
            .with_hint(msg!(
                "check that the parent folder exists and is writable",
                "controleer of de bovenliggende map bestaat en of je erin mag schrijven"
            )),
        )
    };
    crate::leftovers::remove_stale(&parent, STAGING_PREFIX);
    let staging = crate::leftovers::create(&parent, STAGING_PREFIX).map_err(cannot_write)?;
    for (rel, bytes) in &plan.files {
        let path = staging.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(cannot_write)?;
        }
        std::fs::write(&path, bytes).map_err(cannot_write)?;
    }
    if args.guides {
        guides::import_guides(staging.path(), &args.hugo_dir, &mut plan.report);
    }
    plan.report.checked = Some(checked(staging.path()));
    std::fs::write(
        staging.path().join("MIGRATION.md"),
        plan.report.to_markdown(),
    )
    .map_err(cannot_write)?;
    if args.into.is_dir() {
        std::fs::remove_dir(&args.into).map_err(cannot_write)?;
    }
    let staged = staging.keep();
    std::fs::rename(&staged, &args.into).map_err(|e| {
        let _ = std::fs::remove_dir_all(&staged);
        cannot_write(e)
    })?;
    Ok(Imported {
        summary: plan.report.short(true),
        warnings,
    })
}

/// What `chatcontrole check` finds in the new site, as lines with the file
/// relative to the site folder: nothing about the new site stays unsaid.
fn checked(site: &Path) -> Vec<String> {
    let found = crate::check::check(&crate::build::BuildOptions::new(site));
    found
        .iter()
        .map(|d| {
            let file = d.file.strip_prefix(site).unwrap_or(&d.file);
            let place = match (d.line, d.column) {
                (0, _) => file.display().to_string(),
                (line, 0) => format!("{}:{line}", file.display()),
                (line, column) => format!("{}:{line}:{column}", file.display()),
            };
            let kind = if d.is_error() { "error" } else { "warning" };
            // MIGRATION.md is written in English.
            let hint = d
                .hint
                .as_ref()
                .map(|h| format!(" ({})", h.en))
                .unwrap_or_default();
            format!("({kind}) `{place}`: {}{hint}", d.message.en)
        })
        .collect()
}

/// Refuses a missing Hugo folder, a non-empty `--into`, and an `--into` inside the Hugo folder.
fn check_folders(hugo_dir: &Path, into: &Path) -> Result<(), Diagnostics> {
    if !hugo_dir.is_dir() {
        return Err(Diagnostic::error(
            "import-hugo-folder-missing",
            hugo_dir,
            0,
            0,
            msg!(
                "the Hugo site folder does not exist",
                "de map van de Hugo-site bestaat niet"
            ),
        )
        .with_hint(msg!(
            "give the folder you run `hugo` in, the one with config.toml, hugo.toml or config/",
            "geef de map waarin je `hugo` draait, die met config.toml, hugo.toml of config/"
        ))
        .into());
    }
    if into.exists() {
        let empty = into.is_dir()
            && std::fs::read_dir(into)
                .map(|mut entries| entries.next().is_none())
                .unwrap_or(false);
        if !empty {
            return Err(Diagnostic::error(
                "import-hugo-into-not-empty",
                into,
                0,
                0,
                msg!(
                    "the folder given with --into is not empty",
                    "de map die je met --into opgeeft, is niet leeg"
                ),
            )
            .with_hint(msg!(
                "the import writes a new site; give a folder that does not exist yet, for example --into ../nieuwe-site",
                "de import schrijft een nieuwe site; geef een map die nog niet bestaat, bijvoorbeeld --into ../nieuwe-site"
            ))
            .into());
        }
    }
    let hugo = std::fs::canonicalize(hugo_dir).unwrap_or_else(|_| hugo_dir.to_path_buf());
    let target_parent = into
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let target_parent =
        std::fs::canonicalize(target_parent).unwrap_or_else(|_| target_parent.to_path_buf());
    if target_parent.starts_with(&hugo) {
        return Err(Diagnostic::error(
            "import-hugo-into-inside",
            into,
            0,
            0,
            msg!(
                "--into is inside the Hugo site folder",
                "--into ligt in de map van de Hugo-site"
            ),
        )
        .with_hint(msg!(
            "the import never writes into the Hugo site; choose a folder next to it, for example --into ../nieuwe-site",
            "de import schrijft nooit in de Hugo-site; kies een map ernaast, bijvoorbeeld --into ../nieuwe-site"
        ))
        .into());
    }
    Ok(())
}
