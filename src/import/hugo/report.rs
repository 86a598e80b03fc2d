//! The migration report: everything `import hugo` found, changed, dropped or
//! could not do, written to `MIGRATION.md` in the new site and printed in
//! short on the terminal.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use super::embeds::Finding;
use super::shortcodes::Outcome;

/// How a Hugo URL answers in the new site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum UrlKind {
    /// A page at the same address.
    Page,
    /// A redirect page, as it was in Hugo (`aliases`).
    Alias,
    /// A redirect page to the new address of what was a page in Hugo.
    Redirect,
    /// A feed, sitemap or other generated file at the same address.
    Generated,
    /// A static file or page resource at the same address.
    File,
    /// The redirect page Hugo writes between `/` and the default
    /// language's folder when it builds several languages.
    LanguageRedirect,
}

impl UrlKind {
    fn label(self) -> &'static str {
        match self {
            UrlKind::Page => "page",
            UrlKind::Alias => "redirect (an alias, as in Hugo)",
            UrlKind::Redirect => "redirect (was a page in Hugo)",
            UrlKind::Generated => "generated file",
            UrlKind::File => "file",
            UrlKind::LanguageRedirect => {
                "redirect (between `/` and the default language, as in Hugo)"
            }
        }
    }
}

/// One row of the URL table.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct UrlRow {
    /// The address Hugo published.
    pub hugo: String,
    /// Where it is in the new site (the same address, or the redirect target).
    pub new: String,
    /// How it answers.
    pub kind: UrlKind,
}

/// One shortcode in the report.
#[derive(Debug, Clone)]
pub struct ShortcodeRow {
    /// Its name.
    pub name: String,
    /// What the importer did.
    pub outcome: Outcome,
    /// Problems noticed in its template.
    pub notes: Vec<String>,
    /// Where pages use it: (content file, line).
    pub uses: Vec<(String, usize)>,
}

/// A page with a voting-guide table.
#[derive(Debug, Clone)]
pub struct GuideRow {
    /// The content file in the new site.
    pub file: String,
    /// Its URL.
    pub url: String,
    /// The `import guide` command that turns it into data.
    pub command: String,
    /// With `--guides`: what happened (on success, a note on what now renders the page).
    pub result: Option<Result<String, GuideImportError>>,
}

/// Why `import hugo --guides` could not turn a guide page into data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GuideImportError {
    /// `import guide` refused the table; the first of its messages, if it gave any.
    #[error("{}", .first.as_deref().unwrap_or("unknown problem"))]
    Rejected {
        /// The first diagnostic's message.
        first: Option<String>,
    },
    /// The imported `election.toml` could not be read or written.
    #[error("{message}")]
    Io {
        /// The `election.toml` file.
        path: PathBuf,
        /// What the operating system said.
        message: String,
    },
    /// The imported `election.toml` has no `path` line to point at the page's URL.
    #[error("{} has no `path`", .0.display())]
    NoPath(PathBuf),
}

/// One language of a multilingual site, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageRow {
    /// Its code.
    pub code: String,
    /// Its `languageName`.
    pub name: Option<String>,
    /// Whether it is the default language.
    pub default: bool,
    /// Whether it is switched off.
    pub disabled: bool,
    /// Its content folder in the new site (the same as in the Hugo site).
    pub content_dir: String,
    /// Whether the folder is its own (else the languages share it and tell
    /// their pages apart by file name, `over.en.md`).
    pub own_folder: bool,
    /// Where it is published (`/`, `/en/`); None when it is not built.
    pub address: Option<String>,
    /// Its published pages; None when it is not built (its pages were not read).
    pub pages: Option<usize>,
}

/// Everything the report says.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The Hugo folder that was read.
    pub hugo_dir: String,
    /// The new site folder.
    pub into: String,
    /// The language migrated.
    pub language: String,
    /// The content folder, relative to the site folder.
    pub content_dir: String,
    /// Languages of the Hugo site that were not migrated, with the reason,
    /// and content folders that no language reads.
    pub other_languages: Vec<String>,
    /// The languages of a multilingual site; empty for one language.
    pub languages: Vec<LanguageRow>,
    /// How the default language is published, in a sentence (multilingual sites).
    pub subdir: Option<String>,
    /// What the report says on the languages besides the table.
    pub language_notes: Vec<String>,
    /// What an editor must see to about the languages.
    pub language_todo: Vec<String>,
    /// Root links in pages of a language under its own folder that the new
    /// site gives the language's prefix: (content file, the link).
    pub moved_links: Vec<(String, super::language_links::Moved)>,
    /// The i18n files of the new site.
    pub i18n: Vec<super::i18n::Row>,
    /// Themes whose i18n files could not be read: not in `themes/`.
    pub i18n_missing_themes: Vec<String>,
    /// A theme's i18n files not carried (other languages, other files).
    pub i18n_theme_skipped: Vec<String>,
    /// Configuration files read.
    pub config_files: Vec<String>,
    /// Environment folders found.
    pub environments: Vec<String>,
    /// Hugo settings carried over, with where they went.
    pub config_used: Vec<(String, String)>,
    /// Hugo settings without effect in the new site, with why.
    pub config_ignored: Vec<(String, String)>,
    /// site.toml keys about the site itself and its lists, with where each came from.
    pub identity: Vec<(String, String)>,
    /// What an editor must still give the site (a name, a description, an image).
    pub identity_todo: Vec<String>,
    /// Pages migrated: (home + sections, regular pages, not published now).
    pub page_counts: (usize, usize, usize),
    /// Files copied per folder.
    pub files_copied: Vec<(String, usize)>,
    /// Files from `assets/`: path and whether content uses it (then copied to `static/`).
    pub assets: Vec<(String, bool)>,
    /// Hugo layouts that were not migrated.
    pub layouts_skipped: Vec<String>,
    /// Symbolic links (and unreadable entries) that were not followed:
    /// path in the Hugo folder and what happened.
    pub refused: Vec<(String, String)>,
    /// The Hugo site's shortcodes.
    pub shortcodes: Vec<ShortcodeRow>,
    /// Shortcodes used by pages that neither Hugo's layouts nor the new site define.
    pub undefined_shortcodes: Vec<(String, Vec<(String, usize)>)>,
    /// Changes made to raw HTML, per content file.
    pub findings: Vec<(String, Vec<Finding>)>,
    /// Front-matter fields that the new templates do not use, with the number of pages.
    pub fields: BTreeMap<String, usize>,
    /// Menus as Hugo defined them: menu name → lines.
    pub menus_before: BTreeMap<String, Vec<String>>,
    /// Menus of the new site: menu name → lines.
    pub menus_after: BTreeMap<String, Vec<String>>,
    /// Links that differed from a published address only in case, written
    /// anew: (content file, the change with its line in that file).
    pub case_links: Vec<(String, super::case_links::CaseFix)>,
    /// What `chatcontrole check` found in the written site, one line each;
    /// None before the site is written (a dry run).
    pub checked: Option<Vec<String>>,
    /// What the Hugo home layout showed that the new home does not, as a to-do.
    pub home_layout: Option<String>,
    /// What the menus lose or gain on the way, in sentences: a sidebar built
    /// from its section, front-matter blocks never shown, a missing parent.
    pub menu_notes: Vec<String>,
    /// Pages with a voting-guide table.
    pub guides: Vec<GuideRow>,
    /// Every Hugo URL and how it answers now.
    pub urls: Vec<UrlRow>,
}

impl Report {
    /// The shortcodes that need a hand port before the site builds.
    pub fn hand_ports(&self) -> impl Iterator<Item = &ShortcodeRow> {
        self.shortcodes
            .iter()
            .filter(|s| matches!(s.outcome, Outcome::HandPort(_)) && !s.uses.is_empty())
    }

    /// The things an editor must do before the new site builds and keeps its promises.
    pub fn todo(&self) -> Vec<String> {
        let mut todo = Vec::new();
        for s in self.hand_ports() {
            let pages: Vec<String> = s.uses.iter().map(|(f, l)| format!("{f}:{l}")).collect();
            todo.push(format!(
                "(build) port the shortcode `{}` by hand (templates/shortcodes/{}.html; the Hugo original is in hugo-shortcodes/{}.html); used in {}",
                s.name,
                s.name,
                s.name,
                pages.join(", ")
            ));
        }
        for (name, uses) in &self.undefined_shortcodes {
            let pages: Vec<String> = uses.iter().map(|(f, l)| format!("{f}:{l}")).collect();
            todo.push(format!(
                "(build) the shortcode `{name}` is used but defined nowhere in the Hugo site (a theme's?); write templates/shortcodes/{name}.html; used in {}",
                pages.join(", ")
            ));
        }
        for s in &self.shortcodes {
            if !s.notes.is_empty() && !s.uses.is_empty() {
                todo.push(format!(
                    "check the shortcode `{}`: {}",
                    s.name,
                    s.notes.join("; ")
                ));
            }
        }
        if let Some(home) = &self.home_layout {
            todo.push(home.clone());
        }
        todo.extend(self.identity_todo.iter().cloned());
        todo.extend(self.language_todo.iter().cloned());
        for row in &self.i18n {
            if let Some(p) = &row.problem {
                let place = match p.line {
                    0 => row.file.clone(),
                    line => format!("{}:{line}", row.file),
                };
                todo.push(format!(
                    "fix the i18n file `{place}`: {} (copied as it is; Hugo could not read it either)",
                    p.message.en
                ));
            }
            if !row.not_added.is_empty() {
                todo.push(format!(
                    "add the theme's strings {} to `{}` by hand: they could not be appended to it (see \"Interface strings\")",
                    join_code(&row.not_added),
                    row.file
                ));
            }
        }
        for (file, m) in self.moved_links.iter().filter(|(_, m)| !m.exists) {
            todo.push(format!(
                "check the link `{}` in `{file}:{}`: Hugo led it to `{}`; the new site leads it to `{}`, which does not exist (see \"Links in other languages' pages\")",
                m.from, m.line, m.from, m.to
            ));
        }
        for theme in &self.i18n_missing_themes {
            todo.push(format!(
                "the theme `{theme}` is not in the Hugo folder's themes/ (a Hugo module?): copy the strings of its i18n/ files that the site uses into i18n/"
            ));
        }
        for g in &self.guides {
            if !matches!(g.result, Some(Ok(_))) {
                todo.push(format!(
                    "turn the voting guide {} into data: {}",
                    g.file, g.command
                ));
            }
        }
        todo
    }

    /// The report as Markdown, for `MIGRATION.md`.
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# Migration from Hugo\n");
        let _ = writeln!(
            md,
            "`chatcontrole import hugo {} --into {}` wrote this report. The Hugo folder was only read.\n",
            self.hugo_dir, self.into
        );
        let (lists, pages, hidden) = self.page_counts;
        let _ = writeln!(md, "## Summary\n");
        let _ = writeln!(
            md,
            "- Language: `{}`, content in `{}`",
            self.language, self.content_dir
        );
        let _ = writeln!(
            md,
            "- Pages migrated: {} (home and sections: {lists}, pages: {pages}); not published now (drafts, future or expired): {hidden}",
            lists + pages
        );
        let redirects = self
            .urls
            .iter()
            .filter(|u| matches!(u.kind, UrlKind::Alias | UrlKind::Redirect))
            .count();
        let _ = writeln!(
            md,
            "- Hugo URLs: {}, of which redirects: {redirects}; every one answers in the new site",
            self.urls.len()
        );
        for (folder, n) in &self.files_copied {
            let _ = writeln!(md, "- `{folder}/`: {n} files copied");
        }
        if !self.languages.is_empty() {
            let built: Vec<String> = self
                .languages
                .iter()
                .filter_map(|l| {
                    l.address.as_ref().map(|a| {
                        format!(
                            "`{}` ({}at `{a}`)",
                            l.code,
                            if l.default { "default, " } else { "" }
                        )
                    })
                })
                .collect();
            let _ = writeln!(md, "- Languages: {}", built.join(", "));
            let off: Vec<String> = self
                .languages
                .iter()
                .filter(|l| l.disabled)
                .map(|l| format!("`{}`", l.code))
                .collect();
            if !off.is_empty() {
                let _ = writeln!(
                    md,
                    "- Switched off (disableLanguages): {}; their content and i18n files are copied, and they are not built until removed from `disable_languages`",
                    off.join(", ")
                );
            }
        }
        for lang in &self.other_languages {
            let _ = writeln!(md, "- Not migrated: {lang}");
        }
        let todo = self.todo();
        let _ = writeln!(md, "\n## To do before publishing\n");
        if todo.is_empty() {
            let _ = writeln!(
                md,
                "Nothing: the site builds as it is. Check the changes below."
            );
        } else {
            let _ = writeln!(
                md,
                "Items marked (build) make `chatcontrole build` fail until they are done.\n"
            );
            for t in &todo {
                let _ = writeln!(md, "- [ ] {t}");
            }
        }
        match &self.checked {
            Some(found) if found.is_empty() => {
                let _ = writeln!(
                    md,
                    "\n`chatcontrole check` on the new site, right after the import: no errors, no warnings."
                );
            }
            Some(found) => {
                let _ = writeln!(
                    md,
                    "\n`chatcontrole check` on the new site, right after the import, finds {} problem(s); an error stops the build, and `check` stops at build errors, so run it again once these are done:\n",
                    found.len()
                );
                for line in found {
                    let _ = writeln!(md, "- [ ] {line}");
                }
            }
            None => {}
        }

        let _ = writeln!(md, "\n## Configuration\n");
        let _ = writeln!(md, "Read: {}.", join_code(&self.config_files));
        if !self.environments.is_empty() {
            let _ = writeln!(
                md,
                "Environment folders: {}. `production` is merged over `_default`, as `hugo` does when it builds the live site; others are not used.",
                join_code(&self.environments)
            );
        }
        let _ = writeln!(md, "\n| Hugo setting | In the new site |\n|---|---|");
        for (key, to) in &self.config_used {
            let _ = writeln!(md, "| `{key}` | {to} |");
        }
        if !self.config_ignored.is_empty() {
            let _ = writeln!(
                md,
                "\nSettings without effect in the new site:\n\n| Hugo setting | Why |\n|---|---|"
            );
            for (key, why) in &self.config_ignored {
                let _ = writeln!(md, "| `{key}` | {why} |");
            }
        }

        self.languages_markdown(&mut md);
        self.i18n_markdown(&mut md);
        if !self.moved_links.is_empty() {
            let _ = writeln!(
                md,
                "\n## Links in other languages' pages\n\nHugo wrote a Markdown link as it is, so a root link in a page under `/en/` led outside `/en/`. The new site gives a root link that is not a static file the page's language prefix, as it does in templates. These links now lead elsewhere; they are left as written. To keep Hugo's target, write the full address (with the site's base URL).\n"
            );
            for (file, m) in &self.moved_links {
                let state = if m.exists {
                    "exists"
                } else {
                    "**does not exist**"
                };
                let _ = writeln!(
                    md,
                    "- `{file}:{}`: `{}` → `{}` ({state})",
                    m.line, m.from, m.to
                );
            }
        }

        if !self.case_links.is_empty() {
            let _ = writeln!(
                md,
                "\n## Links whose case was wrong\n\nThese links differed from the address Hugo published only in upper and lower case: they worked on a host that ignores case and were already broken on one that does not (most hosts). They now point at the published address.\n"
            );
            for (file, fix) in &self.case_links {
                let _ = writeln!(md, "- `{file}:{}`: `{}` → `{}`", fix.line, fix.from, fix.to);
            }
        }

        let _ = writeln!(md, "\n## Markdown\n\n{MARKDOWN_RULES}");
        if !self.identity.is_empty() {
            let _ = writeln!(md, "\n## Site name, meta and lists\n");
            let _ = writeln!(md, "{IDENTITY_RULES}\n\n| site.toml | From |\n|---|---|");
            for (key, from) in &self.identity {
                let _ = writeln!(md, "| `{key}` | {from} |");
            }
        }

        let _ = writeln!(md, "\n## Menus\n");
        for note in &self.menu_notes {
            let _ = writeln!(md, "- {note}");
        }
        if !self.menu_notes.is_empty() {
            let _ = writeln!(md);
        }
        let names: std::collections::BTreeSet<&String> = self
            .menus_before
            .keys()
            .chain(self.menus_after.keys())
            .collect();
        for name in names {
            let _ = writeln!(
                md,
                "### {name}\n\nBefore (Hugo configuration and front matter):\n"
            );
            for line in self.menus_before.get(name).into_iter().flatten() {
                let _ = writeln!(md, "{line}");
            }
            let _ = writeln!(md, "\nAfter (as the new site builds it):\n");
            for line in self.menus_after.get(name).into_iter().flatten() {
                let _ = writeln!(md, "{line}");
            }
            let _ = writeln!(md);
        }

        let _ = writeln!(
            md,
            "## Shortcodes\n\n| Shortcode | What happened | Used in |\n|---|---|---|"
        );
        for s in &self.shortcodes {
            let what = match &s.outcome {
                Outcome::Builtin(b) => format!("uses the built-in `{b}`"),
                Outcome::Copied => "plain HTML, copied".to_string(),
                Outcome::Translated => "translated from the Go template".to_string(),
                Outcome::HandPort(reason) => format!("**needs a hand port**: {reason}"),
            };
            let notes = if s.notes.is_empty() {
                String::new()
            } else {
                format!("; {}", s.notes.join("; "))
            };
            let uses: Vec<String> = s.uses.iter().map(|(f, l)| format!("`{f}:{l}`")).collect();
            let used = if uses.is_empty() {
                "not used".to_string()
            } else {
                uses.join(", ")
            };
            let _ = writeln!(md, "| `{}` | {what}{notes} | {used} |", s.name);
        }
        for (name, uses) in &self.undefined_shortcodes {
            let uses: Vec<String> = uses.iter().map(|(f, l)| format!("`{f}:{l}`")).collect();
            let _ = writeln!(
                md,
                "| `{name}` | **not defined in the Hugo site** | {} |",
                uses.join(", ")
            );
        }

        let _ = writeln!(md, "\n## Embeds, scripts and styles removed from content\n");
        if self.findings.is_empty() {
            let _ = writeln!(md, "None.");
        }
        for (file, findings) in &self.findings {
            let _ = writeln!(md, "- `{file}`:");
            for f in findings {
                let _ = writeln!(md, "  - line {}: {}", f.line, f.kind.describe());
            }
        }

        let _ = writeln!(md, "\n## Voting-guide pages\n");
        if self.guides.is_empty() {
            let _ = writeln!(md, "None.");
        }
        for g in &self.guides {
            let status = match &g.result {
                None => format!("run `{}`", g.command),
                Some(Ok(note)) => format!("imported: {note}"),
                Some(Err(e)) => format!(
                    "import failed ({e}); run `{}` after fixing the table",
                    g.command
                ),
            };
            let _ = writeln!(md, "- `{}` ({}): {status}", g.file, g.url);
        }

        let _ = writeln!(
            md,
            "\n## Front-matter fields the new templates do not use\n"
        );
        if self.fields.is_empty() {
            let _ = writeln!(md, "None.");
        } else {
            let _ = writeln!(
                md,
                "They are kept in the files and available to templates as `page.params`.\n"
            );
            for (field, n) in &self.fields {
                let _ = writeln!(md, "- `{field}` ({n} pages)");
            }
        }

        let _ = writeln!(md, "\n## Files\n");
        for (asset, used) in &self.assets {
            let what = if *used {
                format!(
                    "copied to `static/{}`: content refers to it",
                    asset.trim_start_matches("assets/")
                )
            } else {
                "not copied: no content refers to it (Hugo publishes assets only through templates)"
                    .to_string()
            };
            let _ = writeln!(md, "- `{asset}`: {what}");
        }
        if !self.layouts_skipped.is_empty() {
            let _ = writeln!(
                md,
                "- Hugo layouts not migrated (the new site has its own templates in `templates/`): {}",
                join_code(&self.layouts_skipped)
            );
        }

        if !self.refused.is_empty() {
            let _ = writeln!(
                md,
                "\n## Links not followed\n\nThe import copies nothing from outside the Hugo folder. These entries were left out; copy what the site needs into it by hand:\n"
            );
            for (path, what) in &self.refused {
                let _ = writeln!(md, "- `{path}`: {what}");
            }
        }

        let _ = writeln!(
            md,
            "\n## URLs\n\n| Hugo URL | New URL | How |\n|---|---|---|"
        );
        for u in &self.urls {
            let _ = writeln!(md, "| `{}` | `{}` | {} |", u.hugo, u.new, u.kind.label());
        }
        md
    }

    /// The "Languages" section of a multilingual site.
    fn languages_markdown(&self, md: &mut String) {
        if self.languages.is_empty() {
            return;
        }
        let _ = writeln!(
            md,
            "\n## Languages\n\nEvery language of the Hugo site is in `site.toml` (`[languages.<code>]`), with its content folder and i18n file. {LANGUAGE_RULES}\n"
        );
        if let Some(subdir) = &self.subdir {
            let _ = writeln!(md, "- {subdir}.");
        }
        let _ = writeln!(
            md,
            "\n| Language | Name | Published at | Content | Pages |\n|---|---|---|---|---|"
        );
        for l in &self.languages {
            let code = if l.default {
                format!("`{}` (default)", l.code)
            } else {
                format!("`{}`", l.code)
            };
            let at = match (&l.address, l.disabled) {
                (Some(a), _) => format!("`{a}`"),
                (None, true) => "not built: switched off with disableLanguages".to_string(),
                (None, false) => "not built".to_string(),
            };
            // Languages sharing a folder tell their pages apart by file
            // name; the default language's are those named for no language.
            let content = match (l.own_folder, l.default) {
                (true, _) => format!("`{}/`", l.content_dir),
                (false, true) => format!(
                    "`{}/`, the files named for no other language (`*.md`, `*.{}.md`)",
                    l.content_dir, l.code
                ),
                (false, false) => format!("`{}/`, the files `*.{}.md`", l.content_dir, l.code),
            };
            let pages = l
                .pages
                .map_or_else(|| "not read".to_string(), |n| n.to_string());
            let _ = writeln!(
                md,
                "| {code} | {} | {at} | {content} | {pages} |",
                l.name.as_deref().unwrap_or("")
            );
        }
        if !self.language_notes.is_empty() || !self.language_todo.is_empty() {
            let _ = writeln!(md);
        }
        for note in self.language_notes.iter().chain(&self.language_todo) {
            let _ = writeln!(md, "- {note}");
        }
    }

    /// The "Interface strings (i18n)" section.
    fn i18n_markdown(&self, md: &mut String) {
        if self.i18n.is_empty()
            && self.i18n_missing_themes.is_empty()
            && self.i18n_theme_skipped.is_empty()
        {
            return;
        }
        let _ = writeln!(
            md,
            "\n## Interface strings (i18n)\n\nThe i18n files of the site and of its theme, in `i18n/`, read as Hugo reads them. Where both have a file for a language, the site's strings win key by key, and the theme's other strings are appended to the site's file in its format (the file is otherwise kept as it is).\n"
        );
        for row in &self.i18n {
            let mut line = format!("- `{}`: from `{}`", row.file, row.from);
            match &row.problem {
                Some(p) => {
                    let place = if p.line == 0 {
                        String::new()
                    } else {
                        format!(" (line {})", p.line)
                    };
                    line.push_str(&format!(
                        "; **cannot be read**{place}: {}; copied as it is",
                        p.message.en
                    ));
                    if !row.themes.is_empty() {
                        line.push_str(&format!(
                            "; the theme's strings ({}) were not added to it",
                            join_code(&row.themes)
                        ));
                    }
                }
                None => line.push_str(&format!(
                    ", {}",
                    crate::diagnostics::count(row.keys, "string", "strings")
                )),
            }
            if !row.added.is_empty() {
                line.push_str(&format!(
                    "; added from {}: {}",
                    join_code(&row.themes),
                    join_code(&row.added)
                ));
            }
            if !row.not_added.is_empty() {
                line.push_str(&format!(
                    "; **not added** from {} (the file's layout gives no place to append them; add them by hand): {}",
                    join_code(&row.themes),
                    join_code(&row.not_added)
                ));
            }
            let _ = writeln!(md, "{line}");
        }
        for theme in &self.i18n_missing_themes {
            let _ = writeln!(
                md,
                "- The theme `{theme}` is not in the Hugo folder's `themes/` (a Hugo module?): its strings were not read."
            );
        }
        if !self.i18n_theme_skipped.is_empty() {
            let _ = writeln!(
                md,
                "- Not copied, as Hugo used them for none of the site's languages: {}.",
                join_code(&self.i18n_theme_skipped)
            );
        }
    }

    /// A few lines for the terminal.
    pub fn short(&self, written: bool) -> String {
        let (lists, pages, _) = self.page_counts;
        let redirects = self
            .urls
            .iter()
            .filter(|u| matches!(u.kind, UrlKind::Alias | UrlKind::Redirect))
            .count();
        let mut s = format!(
            "{} {} pages, {} Hugo URLs ({redirects} redirects), {} shortcodes, {} pages with embeds or inline code changed",
            if written { "imported" } else { "would import" },
            lists + pages,
            self.urls.len(),
            self.shortcodes.len(),
            self.findings.len()
        );
        if written {
            s.push_str(&format!(
                " into {}; read {}/MIGRATION.md",
                self.into, self.into
            ));
        }
        if !self.languages.is_empty() {
            let shown: Vec<String> = self
                .languages
                .iter()
                .map(|l| match (&l.address, l.default) {
                    (Some(at), true) => format!("{} (default, {at})", l.code),
                    (Some(at), false) => format!("{} ({at})", l.code),
                    (None, _) => format!("{} (switched off: copied, not built)", l.code),
                })
                .collect();
            s.push_str(&format!("\nlanguages: {}", shown.join(", ")));
        }
        let todo = self.todo();
        if !todo.is_empty() {
            s.push_str(&format!("\nto do before publishing ({}):", todo.len()));
            for t in todo {
                s.push_str(&format!("\n  - {t}"));
            }
        }
        if let Some(found) = self.checked.as_ref().filter(|f| !f.is_empty()) {
            const SHOWN: usize = 20;
            s.push_str(&format!(
                "\n`chatcontrole check` on the new site finds {} problem(s):",
                found.len()
            ));
            for line in found.iter().take(SHOWN) {
                s.push_str(&format!("\n  - {line}"));
            }
            if found.len() > SHOWN {
                s.push_str(&format!(
                    "\n  - … and {} more, listed in MIGRATION.md",
                    found.len() - SHOWN
                ));
            }
        }
        s
    }
}

/// How the languages are carried, for MIGRATION.md.
const LANGUAGE_RULES: &str = "Each language keeps Hugo's addresses: the default language at the root (or under its code with `defaultContentLanguageInSubdir`), every other one under `/<code>/`; aliases stay where Hugo wrote them. Pages are translations of each other by `translationKey`, else by their path in their language's folder. A language's `params` and menus are its own; the top-level ones are for the languages without them.";

/// How the importer finds the site's identity and list settings, for MIGRATION.md.
const IDENTITY_RULES: &str = "The site's name is Hugo's `title` of the language, else `title`, else `params.title`, else Doks's `params.titleHome` (the language's params first); without any, the host name stands in and the to-do list asks for one. The description is `params.description`; the default share image (`og:image` of pages without their own) the first of `params.images` when it is in static/. `language` is the language's `languageCode` (`nl-NL`), giving `<html lang>` and `og:locale` (`nl_NL`). `feed_limit` is `rssLimit` (`services.rss.limit` in newer Hugo); without one, Hugo put every page in its feeds, and so does `feed_limit = 0`. Feeds hold what Hugo's RSS template put in them: the site feed every regular page, a section feed the pages directly in it, newest first. Lists follow Hugo's default order (weight, then newest first, then link title, then file) and are paginated by `paginate` only where Hugo's list template used `.Paginator`/`.Paginate`; `paginate = 0` (or a section's `section_paginate` entry of 0) puts every page on one page, as Doks's lists did.";

fn join_code(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the new site reads Markdown written for Goldmark, for `MIGRATION.md`.
const MARKDOWN_RULES: &str = "The pages render as Hugo's Goldmark rendered them:\n\n\
- Tables: a header row with fewer cells than the row of dashes below it gets empty header cells, as in Goldmark; body rows with fewer cells get empty cells, extra cells are dropped.\n\
- Footnotes: numbered in the order of their first reference; when a label is defined twice the first definition counts; a definition that is never referenced is not shown; a note referenced twice links back to each reference (`#fnref:1`, `#fnref1:1`, as in Hugo).\n\
- Typographer: \"quotes\" and apostrophes become curly (’s avonds, zo’n), `...` an ellipsis, `--` and `---` dashes, `<<` and `>>` guillemets; never in code, raw HTML or web addresses. It is on, as in Hugo; a Hugo site that switched it off gets `[markdown] typographer = false` in `site.toml`.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_import_errors_read_as_before() {
        let rejected = GuideImportError::Rejected {
            first: Some("the table has no header".into()),
        };
        assert_eq!(rejected.to_string(), "the table has no header");
        assert_eq!(
            GuideImportError::Rejected { first: None }.to_string(),
            "unknown problem"
        );
        assert_eq!(
            GuideImportError::NoPath(PathBuf::from("data/elections/x/election.toml")).to_string(),
            "data/elections/x/election.toml has no `path`"
        );
    }
}
