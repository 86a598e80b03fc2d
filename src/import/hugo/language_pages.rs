//! Each language's pages as Hugo published them: the published ones and
//! all of them (drafts, future and expired too), read from the language's
//! own content folder or, for languages that share one, from a [`View`] of
//! the files named for it. A site with one language has one entry, read as
//! before. Also the checks and the report's part on the languages.

use std::path::Path;

use chrono::Utc;

use super::config::HugoConfig;
use super::languages::View;
use super::report::{LanguageRow, Report};
use super::site_toml::Settings;
use crate::content::permalinks::UrlSettings;
use crate::content::{Content, PageKind, load_content_from};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::output::slash_path;

/// One language's pages as Hugo published them.
pub struct LanguagePages {
    /// The language's code.
    pub code: String,
    /// What its addresses start with (`""` or `/en`).
    pub prefix: String,
    /// Its published pages.
    pub content: Content,
    /// Its pages with drafts, future and expired ones.
    pub all_pages: Content,
}

/// Loads a language's pages from `dir`, published ones and all.
fn load_pages(
    site_root: &Path,
    dir: &Path,
    urls: &UrlSettings,
) -> (Result<Content, Diagnostics>, Result<Content, Diagnostics>) {
    let load = |drafts| {
        load_content_from(
            site_root,
            dir,
            urls,
            Utc::now().fixed_offset(),
            drafts,
            crate::content::load::DEFAULT_MAX_PAGE_BYTES,
        )
    };
    (load(false), load(true))
}

/// What makes Hugo refuse the languages is an error here too; a
/// language setting the new site cannot follow, which moves pages, a
/// warning.
pub fn check(
    hugo_dir: &Path,
    config: &HugoConfig,
    settings: &Settings,
    report: &mut Report,
    diags: &mut Diagnostics,
) -> Result<(), Diagnostics> {
    let Some(languages) = &settings.languages else {
        return Ok(());
    };
    let file = hugo_dir.join(config.files.first().map(String::as_str).unwrap_or_default());
    let mut errors = Diagnostics::new();
    for problem in &languages.problems {
        errors.push(
            Diagnostic::error(
                "import-hugo-default-language-invalid",
                &file,
                0,
                0,
                problem.clone(),
            )
            .with_hint(msg!(
                "make defaultContentLanguage one of the languages that is built, as Hugo requires",
                "maak van defaultContentLanguage een van de talen die worden gebouwd, zoals Hugo vereist"
            )),
        );
    }
    if errors.has_errors() {
        return Err(errors);
    }
    for (setting, why) in &languages.url_changes {
        diags.push(
            Diagnostic::warning(
                "import-hugo-language-url-changed",
                &file,
                0,
                0,
                msg!(
                    "`{setting}` is not carried: {why}",
                    "`{setting}` is niet overgenomen: {why}";
                    why
                ),
            )
            .with_hint(msg!(
                "the URL table of MIGRATION.md lists where the pages are now; add aliases for the old addresses where they matter",
                "de URL-tabel in MIGRATION.md laat zien waar de pagina's nu staan; voeg aliases toe voor de oude adressen waar die ertoe doen"
            )),
        );
        report
            .language_todo
            .push(format!("`{setting}` is not carried: {}", why.en));
    }
    Ok(())
}

/// The pages of every language Hugo built, the default language's
/// first. A language in a folder of its own is read from it; languages
/// that share a folder are each read from a [`View`] of their files.
pub fn load(
    hugo_dir: &Path,
    settings: &Settings,
    urls: &UrlSettings,
    report: &mut Report,
) -> Result<Vec<LanguagePages>, Diagnostics> {
    let Some(languages) = &settings.languages else {
        let dir = hugo_dir.join(&settings.content_dir);
        let (content, all_pages) = load_pages(hugo_dir, &dir, urls);
        return Ok(vec![LanguagePages {
            code: settings.language.clone(),
            prefix: String::new(),
            content: content?,
            all_pages: all_pages?,
        }]);
    };
    let mut order: Vec<_> = languages.enabled().collect();
    order.sort_by_key(|l| l.code != languages.default);
    let mut out = Vec::new();
    let mut errors = Diagnostics::new();
    for language in order {
        let folder = languages.content_dir_of(language);
        let dir = hugo_dir.join(folder);
        let prefix = languages.prefix(&language.code);
        if !dir.is_dir() && language.code != languages.default {
            report.language_todo.push(format!(
                "`{}` has no content folder `{folder}`: Hugo made only its home page and lists at `{prefix}/`; create the folder with an `_index.md` for the new site",
                language.code
            ));
            out.push(LanguagePages {
                code: language.code.clone(),
                prefix,
                content: Content::default(),
                all_pages: Content::default(),
            });
            continue;
        }
        let (content, all_pages) = if languages.is_shared(folder) {
            let files: Vec<String> = crate::confined::files(&dir, hugo_dir)
                .files
                .iter()
                .map(|p| slash_path(&dir, p))
                .collect();
            let view = View::new(&dir, &languages.view_files(folder, &language.code, &files))
                .map_err(|e| {
                    Diagnostics::from(Diagnostic::error(
                        "import-hugo-language-copy-failed",
                        &dir,
                        0,
                        0,
                        msg!(
                            "cannot copy the pages of `{}` to a temporary folder to read them: {e}",
                            "de pagina's van `{}` kunnen niet naar een tijdelijke map worden gekopieerd om ze te lezen: {e}",
                            language.code
                        ),
                    ))
                })?;
            let (content, all_pages) = load_pages(view.path(), view.path(), urls);
            (
                content
                    .map(|c| view.content(c))
                    .map_err(|d| view.diagnostics(d)),
                all_pages
                    .map(|c| view.content(c))
                    .map_err(|d| view.diagnostics(d)),
            )
        } else {
            load_pages(hugo_dir, &dir, urls)
        };
        match (content, all_pages) {
            (Ok(content), Ok(all_pages)) => out.push(LanguagePages {
                code: language.code.clone(),
                prefix,
                content,
                all_pages,
            }),
            (Err(e), _) | (_, Err(e)) => errors.extend(e),
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(out)
}

/// The "Languages" part of the report: each language, where it is
/// published, its content folder and pages.
pub fn report(report: &mut Report, settings: &Settings, pages: &[LanguagePages]) {
    let Some(languages) = &settings.languages else {
        return;
    };
    for l in &languages.list {
        let built = pages.iter().find(|p| p.code == l.code);
        report.languages.push(LanguageRow {
            code: l.code.clone(),
            name: l.name.clone(),
            default: l.code == languages.default,
            disabled: l.disabled,
            content_dir: languages.content_dir_of(l).to_string(),
            own_folder: l.content_dir.is_some(),
            address: built.map(|p| format!("{}/", p.prefix)),
            pages: built.map(|p| p.content.pages.len()),
        });
    }
    // `main_section` and `search_sections` are the site's, read from the
    // default language's sections; a language whose sections have other
    // names is told.
    let sections = |content: &Content| -> Vec<String> {
        content
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Section && !p.section_dir.contains('/'))
            .map(|p| p.section_dir.clone())
            .collect()
    };
    let default_sections = sections(&pages[0].content);
    for l in &pages[1..] {
        let own = sections(&l.content);
        if own != default_sections {
            report.language_notes.push(format!(
                "`{}` has the sections {}, the default language has {}: `main_section` and `search_sections` in site.toml name the default language's",
                l.code,
                code_list(&own),
                code_list(&default_sections)
            ));
        }
    }
    if languages.only_default_built() && !languages.disabled.is_empty() {
        report.language_notes.push(format!(
            "`{}` is the only language built, so the new site builds it from the top-level settings as a site of one language: its params and menus are the top-level `[params]` and `[menu]`. When you switch on {}, move what is only `{}`'s into `[languages.{}]`.",
            languages.default,
            code_list(&languages.disabled),
            languages.default,
            languages.default
        ));
    }
    report.subdir = Some(match (languages.in_subdir, languages.subdir_in_effect()) {
        (true, true) => format!(
            "`defaultContentLanguageInSubdir = true`: the default language `{}` is published under `/{}/`, and `/` is a redirect page to it, as in Hugo (`default_content_language_in_subdir = true`)",
            languages.default, languages.default
        ),
        (true, false) => format!(
            "`defaultContentLanguageInSubdir = true`, but with one language built Hugo published `{}` at the root; so does the new site (`default_content_language_in_subdir = false`). Set it to `true` when you switch on another language, to have Hugo's `/{}/` addresses",
            languages.default, languages.default
        ),
        (false, _) => format!(
            "the default language `{}` is published at the root (`default_content_language_in_subdir = false`), as in Hugo",
            languages.default
        ),
    });
}

/// `a`, `b` as a list of code (or "none").
fn code_list(items: &[String]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
