//! Plans an import in memory: every file of the new site and the report,
//! computed from the Hugo folder without writing anything.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use chrono::Utc;

use super::case_links;
use super::config::HugoConfig;
use super::embeds;
use super::guides::{guide_id, guide_table_line};
use super::i18n;
use super::language_links;
use super::languages::View;
use super::report::{GuideRow, LanguageRow, Report, ShortcodeRow, UrlKind, UrlRow};
use super::shortcodes::{self, Outcome, Use};
use super::site_toml::{self, HugoMenus, Menus};
use crate::config::{MenuEntry, SiteConfig};
use crate::content::permalinks::{Permalink, UrlSettings, ugly_text as ugly};
use crate::content::{Content, PageKind, front_matter, load_content_from, menu};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::slash_path;

/// The templates and style every migrated site starts with.
const STARTER: &[(&str, &str)] = &[
    ("templates/base.html", include_str!("starter/base.html")),
    ("templates/index.html", include_str!("starter/index.html")),
    ("templates/list.html", include_str!("starter/list.html")),
    ("templates/single.html", include_str!("starter/single.html")),
    ("templates/404.html", include_str!("starter/404.html")),
    ("templates/search.html", include_str!("starter/search.html")),
    (
        "static/css/chatcontrole.css",
        include_str!("starter/chatcontrole.css"),
    ),
    (
        "static/js/search.js",
        include_str!("../../../site/static/js/search.js"),
    ),
];

/// An import worked out in memory.
pub struct Plan {
    /// Files of the new site: path relative to the site folder → bytes.
    pub files: BTreeMap<String, Vec<u8>>,
    /// What the report says.
    pub report: Report,
    /// Warnings to show on the terminal (what was left out and why).
    pub warnings: Diagnostics,
}

/// What the links of content are checked against: the addresses Hugo
/// published for pages and page resources of every language (with its
/// prefix), and the static files.
struct Links<'a> {
    /// The pages' addresses, looked up without regard to case.
    published: &'a case_links::Published,
    /// The pages' and page resources' addresses.
    paths: &'a HashSet<String>,
    /// The static files (`/css/site.css`).
    statics: &'a HashSet<String>,
}

/// One language's pages as Hugo published them.
struct LanguagePages {
    /// The language's code.
    code: String,
    /// What its addresses start with (`""` or `/en`).
    prefix: String,
    /// Its published pages.
    content: Content,
    /// Its pages with drafts, future and expired ones.
    all_pages: Content,
}

/// Reads the Hugo site in `hugo_dir` and plans the new site for `into`:
/// one step per part of the site, in the order the report tells them.
pub fn plan(hugo_dir: &Path, into: &Path) -> Result<Plan, Diagnostics> {
    let config = HugoConfig::read(hugo_dir)?;
    let mut settings = site_toml::settings(&config);
    settings.read_files(hugo_dir, &config);
    let base_url = base_url(hugo_dir, &config, &settings)?;
    let mut draft = Draft::new(hugo_dir, into, &config, &settings);
    draft.check_languages(&config, &settings)?;
    let url_settings = UrlSettings {
        permalinks: settings
            .permalinks
            .iter()
            .filter_map(|(s, p)| Permalink::parse(p).ok().map(|p| (s.clone(), p)))
            .collect(),
        ugly_urls: settings.ugly_urls,
    };
    let languages = draft.load_languages(&settings, &url_settings)?;
    let content = &languages[0].content;
    let uses = draft.copy_content(&settings, &languages);
    draft.note_other_languages(&settings);
    draft.copy_static_and_data();
    draft.copy_i18n(&config);
    draft.copy_used_assets();
    draft.note_layouts();
    draft.note_home_layout(&settings);
    draft.add_shortcodes(uses);
    draft.add_starter_files();
    let (menus, language_menus, section_menus) = draft.plan_menus(&settings, &languages);
    draft.add_site_toml(
        &settings,
        &base_url,
        content,
        &menus,
        &language_menus,
        &section_menus,
    );
    draft.count_pages_and_urls(&config, &settings, &languages, &url_settings);
    draft.note_languages(&settings, &languages);
    draft.finish()
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

/// The Hugo site's `baseURL`, which must be a full http(s) address.
fn base_url(
    hugo_dir: &Path,
    config: &HugoConfig,
    settings: &site_toml::Settings,
) -> Result<String, Diagnostics> {
    let parsed = settings
        .base_url
        .as_deref()
        .map(crate::base_url::BaseUrl::parse);
    match parsed {
        Some(Ok(url)) => Ok(url.to_string()),
        other => {
            let file = hugo_dir.join(config.files.first().map(String::as_str).unwrap_or_default());
            let message = match (other, &settings.base_url) {
                (Some(Err(e)), Some(url)) => {
                    format!("the Hugo baseURL is not a full web address: {url:?}: {e}")
                }
                _ => "the Hugo configuration has no baseURL".to_string(),
            };
            Err(Diagnostic::error(file, 0, 0, message)
                .with_hint("set baseURL in the Hugo configuration to the site's public address, e.g. baseURL = \"https://chatcontrole.nl/\"")
                .into())
        }
    }
}

/// The new site while it is planned: its files, what the report will say
/// and the problems found so far.
struct Draft<'a> {
    hugo_dir: &'a Path,
    into: &'a Path,
    /// Files of the new site: path relative to the site folder → bytes.
    files: BTreeMap<String, Vec<u8>>,
    report: Report,
    diags: Diagnostics,
}

impl<'a> Draft<'a> {
    /// An empty new site, with what the report says of the configuration.
    fn new(
        hugo_dir: &'a Path,
        into: &'a Path,
        config: &HugoConfig,
        settings: &site_toml::Settings,
    ) -> Draft<'a> {
        let mut report = Report {
            hugo_dir: hugo_dir.display().to_string(),
            into: into.display().to_string(),
            language: settings.language.clone(),
            content_dir: settings.content_dir.clone(),
            other_languages: settings.other_languages.clone(),
            config_files: config.files.clone(),
            environments: config.environments.clone(),
            config_used: settings.used.clone(),
            config_ignored: settings.ignored.clone(),
            identity: settings.identity_notes(),
            identity_todo: settings.identity.todo(),
            ..Report::default()
        };
        for dropped in &settings.menu_fields_dropped {
            report
                .config_ignored
                .push(("menus".into(), format!("{dropped} dropped: the new menus have name, url, weight, identifier, parent and title")));
        }
        if let Some(languages) = &settings.languages {
            report
                .config_ignored
                .extend(languages.not_carried.iter().cloned());
        }
        Draft {
            hugo_dir,
            into,
            files: BTreeMap::new(),
            report,
            diags: Diagnostics::new(),
        }
    }

    /// What makes Hugo refuse the languages is an error here too; a
    /// language setting the new site cannot follow, which moves pages, a
    /// warning.
    fn check_languages(
        &mut self,
        config: &HugoConfig,
        settings: &site_toml::Settings,
    ) -> Result<(), Diagnostics> {
        let Some(languages) = &settings.languages else {
            return Ok(());
        };
        let file = self
            .hugo_dir
            .join(config.files.first().map(String::as_str).unwrap_or_default());
        let mut errors = Diagnostics::new();
        for problem in &languages.problems {
            errors.push(Diagnostic::error(&file, 0, 0, problem.clone()).with_hint(
                "make defaultContentLanguage one of the languages that is built, as Hugo requires",
            ));
        }
        if errors.has_errors() {
            return Err(errors);
        }
        for (setting, why) in &languages.url_changes {
            self.diags.push(
                Diagnostic::warning(&file, 0, 0, format!("`{setting}` is not carried: {why}"))
                    .with_hint("the URL table of MIGRATION.md lists where the pages are now; add aliases for the old addresses where they matter"),
            );
            self.report
                .language_todo
                .push(format!("`{setting}` is not carried: {why}"));
        }
        Ok(())
    }

    /// The pages of every language Hugo built, the default language's
    /// first. A language in a folder of its own is read from it; languages
    /// that share a folder are each read from a [`View`] of their files.
    fn load_languages(
        &mut self,
        settings: &site_toml::Settings,
        urls: &UrlSettings,
    ) -> Result<Vec<LanguagePages>, Diagnostics> {
        let Some(languages) = &settings.languages else {
            let dir = self.hugo_dir.join(&settings.content_dir);
            let (content, all_pages) = load_pages(self.hugo_dir, &dir, urls);
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
            let dir = self.hugo_dir.join(folder);
            let prefix = languages.prefix(&language.code);
            if !dir.is_dir() && language.code != languages.default {
                self.report.language_todo.push(format!(
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
                let files: Vec<String> = crate::confined::files(&dir, self.hugo_dir)
                    .files
                    .iter()
                    .map(|p| slash_path(&dir, p))
                    .collect();
                let view = View::new(&dir, &languages.view_files(folder, &language.code, &files))
                    .map_err(|e| {
                    Diagnostics::from(Diagnostic::error(
                        &dir,
                        0,
                        0,
                        format!(
                            "cannot copy the pages of `{}` to a temporary folder to read them: {e}",
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
                load_pages(self.hugo_dir, &dir, urls)
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

    /// The files below `dir`, through the one walk that never leaves the
    /// Hugo folder; what it refused is reported.
    fn walk(&mut self, dir: &Path) -> Vec<std::path::PathBuf> {
        let walk = crate::confined::files(dir, self.hugo_dir);
        self.refuse(walk.refused);
        walk.files
    }

    /// Links that were not followed: a warning each, and a line in the
    /// report, so that nothing is copied or dropped without a word.
    fn refuse(&mut self, refused: Vec<crate::confined::Refused>) {
        for r in refused {
            let rel = r
                .path
                .strip_prefix(self.hugo_dir)
                .unwrap_or(&r.path)
                .display()
                .to_string();
            let rel = rel.replace('\\', "/");
            if self.report.refused.iter().any(|(p, _)| *p == rel) {
                continue;
            }
            let d = r.diagnostic();
            self.diags.push(
                Diagnostic::warning(&r.path, 0, 0, d.message)
                    .with_hint("the import did not copy it; copy what the site needs into the Hugo folder, or remove the link"),
            );
            self.report.refused.push((rel, r.describe()));
        }
    }

    /// Content of every language (switched-off ones too, so that an editor
    /// can switch them on): copied unchanged, except raw HTML that breaks
    /// the site's promises. Returns where each shortcode is used.
    fn copy_content(
        &mut self,
        settings: &site_toml::Settings,
        languages: &[LanguagePages],
    ) -> BTreeMap<String, Vec<Use>> {
        let mut uses: BTreeMap<String, Vec<Use>> = BTreeMap::new();
        let pages: Vec<String> = languages
            .iter()
            .flat_map(|l| {
                l.all_pages
                    .pages
                    .iter()
                    .map(move |p| format!("{}{}", l.prefix, p.path))
            })
            .collect();
        let mut paths: HashSet<String> = pages.iter().cloned().collect();
        for l in languages {
            paths.extend(
                l.content
                    .resources
                    .iter()
                    .map(|r| format!("{}/{}", l.prefix, r.target)),
            );
        }
        let static_dir = self.hugo_dir.join("static");
        let statics: HashSet<String> = crate::confined::files(&static_dir, self.hugo_dir)
            .files
            .iter()
            .map(|f| format!("/{}", slash_path(&static_dir, f)))
            .collect();
        let published = case_links::Published::new(pages.iter().map(String::as_str));
        let links = Links {
            published: &published,
            paths: &paths,
            statics: &statics,
        };
        let folders = match &settings.languages {
            Some(l) => l.folders(),
            None => vec![settings.content_dir.clone()],
        };
        for folder in folders {
            let hugo_content = self.hugo_dir.join(&folder);
            for path in self.walk(&hugo_content) {
                let rel = slash_path(&hugo_content, &path);
                let target = format!("{folder}/{rel}");
                // A language's folder inside another's is walked twice.
                if self.files.contains_key(&target) {
                    continue;
                }
                let (language, seen) = match &settings.languages {
                    Some(l) => l.language_of(&folder, &rel),
                    None => (settings.language.clone(), rel.clone()),
                };
                let built = languages.iter().find(|l| l.code == language);
                let all_pages = built.map(|l| &l.all_pages);
                let prefix = built.map_or("", |l| l.prefix.as_str());
                self.copy_page(
                    &path, &target, &seen, &language, settings, all_pages, &links, prefix,
                    &mut uses,
                );
            }
        }
        uses
    }

    /// One content file: Markdown is cleaned of what breaks the site's
    /// promises, its links wrong only in case are fixed, and what it uses
    /// is noted; other files are copied as they are. `seen` is its path as
    /// its language sees it, `all_pages` that language's pages (None for
    /// a language that is switched off) and `prefix` what its addresses
    /// start with.
    #[allow(clippy::too_many_arguments)]
    fn copy_page(
        &mut self,
        path: &Path,
        target: &str,
        seen: &str,
        language: &str,
        settings: &site_toml::Settings,
        all_pages: Option<&Content>,
        links: &Links<'_>,
        prefix: &str,
        uses: &mut BTreeMap<String, Vec<Use>>,
    ) {
        let target = target.to_string();
        let bytes = read(path, &mut self.diags);
        if !target.ends_with(".md") {
            self.files.insert(target, bytes);
            return;
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let Ok(split) = front_matter::split(path, &text) else {
            self.files.insert(target, bytes);
            return;
        };
        let body_start = text.len() - split.body.len();
        let body_line = split.body_line;
        let (cased, case_fixes) = case_links::fix(split.body, links.published);
        let exists = |p: &str| links.paths.contains(p) || links.paths.contains(&format!("{p}/"));
        let is_static = |p: &str| links.statics.contains(p);
        for moved in language_links::moved(&cased, prefix, &is_static, &exists) {
            let line = moved.line + body_line - 1;
            self.report
                .moved_links
                .push((target.clone(), language_links::Moved { line, ..moved }));
        }
        let (clean, mut findings) = embeds::clean(&cased);
        let kept = embeds::front_matter_findings(split.raw, split.raw_line);
        for (line, call) in shortcodes::uses(split.body) {
            uses.entry(call.name.clone()).or_default().push(Use {
                file: target.clone(),
                line: line + body_line - 1,
                call,
            });
        }
        if let Ok(front) = front_matter::parse(path, &split) {
            for field in front.params.keys() {
                if !front_matter::EFFECTIVE_KEYS.contains(&field.as_str()) {
                    *self.report.fields.entry(field.clone()).or_default() += 1;
                }
            }
        }
        if guide_table_line(split.body).is_some() {
            // Voting guides are data of the default language; a guide table
            // in another language's page stays the Markdown table it is.
            if language != settings.language {
                self.report.language_notes.push(format!(
                    "`{target}` has a voting-guide table; it stays a Markdown page, as `import guide` makes guide data for the default language `{}` only",
                    settings.language
                ));
            } else if let Some(page) =
                all_pages.and_then(|a| a.pages.iter().find(|p| p.rel == seen))
            {
                let id = guide_id(seen);
                self.report.guides.push(GuideRow {
                    file: target.clone(),
                    url: page.path.clone(),
                    command: format!(
                        "chatcontrole import guide {}/{target} --election {id} --site {}",
                        self.into.display(),
                        self.into.display()
                    ),
                    result: None,
                });
            }
        }
        for f in &mut findings {
            f.line += body_line - 1;
        }
        for fix in case_fixes.iter().cloned() {
            let line = fix.line + body_line - 1;
            self.report
                .case_links
                .push((target.clone(), case_links::CaseFix { line, ..fix }));
        }
        if findings.is_empty() && case_fixes.is_empty() {
            self.files.insert(target.clone(), bytes);
        } else {
            let mut new_text = text[..body_start].to_string();
            new_text.push_str(&clean);
            self.files.insert(target.clone(), new_text.into_bytes());
        }
        let all: Vec<embeds::Finding> = kept.into_iter().chain(findings).collect();
        if !all.is_empty() {
            self.report.findings.push((target, all));
        }
    }

    /// Notes the folders of `content/` that no language reads, which are not copied.
    fn note_other_languages(&mut self, settings: &site_toml::Settings) {
        let folders = match &settings.languages {
            Some(l) => l.folders(),
            None => vec![settings.content_dir.clone()],
        };
        let inside = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}/"));
        if let Ok(entries) = std::fs::read_dir(self.hugo_dir.join("content")) {
            let mut names: Vec<String> = entries
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            for name in names {
                let rel = format!("content/{name}");
                if folders.iter().any(|f| inside(&rel, f) || inside(f, &rel)) {
                    continue;
                }
                self.report.other_languages.push(match settings.languages {
                    Some(_) => format!("`{rel}` (not copied: no language of the site reads it)"),
                    None => format!("`{rel}` (not copied)"),
                });
            }
        }
    }

    /// `static/` and `data/`, as they are.
    fn copy_static_and_data(&mut self) {
        for folder in ["static", "data"] {
            let dir = self.hugo_dir.join(folder);
            let files = self.walk(&dir);
            let n = files.len();
            for path in files {
                let bytes = read(&path, &mut self.diags);
                self.files
                    .insert(format!("{folder}/{}", slash_path(&dir, &path)), bytes);
            }
            if n > 0 {
                self.report.files_copied.push((folder.to_string(), n));
            }
        }
    }

    /// `i18n/` of the site and its theme (see [`i18n`]): every file of a
    /// language, switched off or not, checked to be one Hugo reads.
    fn copy_i18n(&mut self, config: &HugoConfig) {
        let carried = i18n::carry(self.hugo_dir, config);
        self.refuse(carried.refused);
        self.diags.extend(carried.warnings);
        if !carried.files.is_empty() {
            self.report
                .files_copied
                .push(("i18n".to_string(), carried.files.len()));
        }
        self.files.extend(carried.files);
        self.report.i18n = carried.rows;
        self.report.i18n_missing_themes = carried.missing_themes;
    }

    /// `assets/` that content refers to become static files.
    fn copy_used_assets(&mut self) {
        let content_text: String = self
            .files
            .iter()
            .filter(|(k, _)| k.ends_with(".md"))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
            .collect::<Vec<_>>()
            .join("\n");
        let assets_dir = self.hugo_dir.join("assets");
        for path in self.walk(&assets_dir) {
            let rel = slash_path(&assets_dir, &path);
            let used = content_text.contains(&rel);
            if used {
                self.files
                    .insert(format!("static/{rel}"), read(&path, &mut self.diags));
            }
            self.report.assets.push((format!("assets/{rel}"), used));
        }
    }

    /// What the Hugo home layout showed besides the home page's text (a hero's
    /// buttons, the newest posts, an animation) becomes a to-do.
    fn note_home_layout(&mut self, settings: &site_toml::Settings) {
        let hugo_dir = self.hugo_dir;
        let lookup = |key: &str| super::home_layout::translation(hugo_dir, &settings.language, key);
        if let Some(layout) = super::home_layout::read(hugo_dir, &lookup)
            && !layout.is_plain()
        {
            self.report.home_layout =
                Some(layout.todo(&format!("{}/_index.md", settings.content_dir)));
        }
    }

    /// Layouts other than shortcodes are not migrated: the report lists them.
    fn note_layouts(&mut self) {
        let layouts = self.hugo_dir.join("layouts");
        for path in self.walk(&layouts) {
            let rel = slash_path(&layouts, &path);
            if !rel.starts_with("shortcodes/") {
                self.report.layouts_skipped.push(format!("layouts/{rel}"));
            }
        }
    }

    /// The Hugo site's shortcodes, translated where they can be, with where
    /// each is used; shortcodes used but not defined are reported.
    fn add_shortcodes(&mut self, mut uses: BTreeMap<String, Vec<Use>>) {
        let (found, refused) = shortcodes::read_all(self.hugo_dir);
        self.refuse(refused);
        for (name, sc) in found {
            let calls = uses.remove(&name).unwrap_or_default();
            let sc = shortcodes::keep_arguments(sc, &calls);
            if let Some(template) = &sc.template {
                self.files.insert(
                    format!("templates/shortcodes/{name}.html"),
                    template.clone().into_bytes(),
                );
            }
            if matches!(sc.outcome, Outcome::HandPort(_)) {
                self.files.insert(
                    format!("hugo-shortcodes/{name}.html"),
                    sc.original.clone().into_bytes(),
                );
            }
            self.report.shortcodes.push(ShortcodeRow {
                name: name.clone(),
                outcome: sc.outcome,
                notes: sc.notes,
                uses: calls.into_iter().map(|u| (u.file, u.line)).collect(),
            });
        }
        for (name, places) in uses {
            if !shortcodes::is_builtin(&name) {
                let places = places.into_iter().map(|u| (u.file, u.line)).collect();
                self.report.undefined_shortcodes.push((name, places));
            }
        }
    }

    /// Starter templates and style, and an icon unless the Hugo site has its
    /// own (so browsers do not ask for a missing one).
    fn add_starter_files(&mut self) {
        for (path, text) in STARTER {
            if self.files.contains_key(*path) {
                self.diags.push(
                    Diagnostic::error(
                        self.hugo_dir.join(path),
                        0,
                        0,
                        format!(
                            "the Hugo site already has `{path}`, which the new site needs for itself"
                        ),
                    )
                    .with_hint("rename that file in a copy of the Hugo site and import the copy"),
                );
            }
            self.files
                .insert(path.to_string(), text.as_bytes().to_vec());
        }

        // An icon, unless the Hugo site has its own, so browsers do not ask for a missing one.
        self.files
            .entry("static/favicon.svg".into())
            .or_insert_with(|| include_bytes!("starter/favicon.svg").to_vec());
    }

    /// Menus: `pageRef` becomes the page's URL in its language (with the
    /// language's prefix, as Hugo's `.RelPermalink`); page menus are added
    /// as the engine adds them; with Doks's `params.menu.section.auto`, a
    /// menu named after a section is built from that section, as Doks built
    /// its sidebar. Returns the top-level menus for `site.toml`, each
    /// language's own (those that have their own, or whose `pageRef`s lead
    /// elsewhere than the default language's), and the sections whose menu
    /// is built.
    fn plan_menus(
        &mut self,
        settings: &site_toml::Settings,
        languages: &[LanguagePages],
    ) -> (Menus, BTreeMap<String, Menus>, Vec<String>) {
        let default = &languages[0];
        let section_menus = self.section_menus(settings, &default.content);
        let (top, _) = resolve_menus(&settings.menus, Some(&default.content), &default.prefix);
        let mut language_menus = BTreeMap::new();
        for lang in languages {
            let label = |name: &str| {
                if lang.code == default.code {
                    format!("`{name}`")
                } else {
                    format!("`{name}` ({})", lang.code)
                }
            };
            let own = settings
                .languages
                .as_ref()
                .and_then(|l| l.get(&lang.code))
                .map(|l| &l.menus)
                .filter(|m| !m.is_empty());
            let (resolved, (before, notes)) = resolve_menus(
                own.unwrap_or(&settings.menus),
                Some(&lang.content),
                &lang.prefix,
            );
            if settings.languages.is_some() && (own.is_some() || resolved != top) {
                language_menus.insert(lang.code.clone(), resolved.clone());
            }
            for note in notes {
                if !self.report.config_ignored.contains(&note) {
                    self.report.config_ignored.push(note);
                }
            }
            for (name, lines) in before {
                self.report
                    .menus_before
                    .entry(label(&name))
                    .or_default()
                    .extend(lines);
            }
            let pages = with_prefix(&lang.content.pages, &lang.prefix);
            for page in &pages {
                for m in &page.front.menus {
                    self.report
                        .menus_before
                        .entry(label(&m.menu))
                        .or_default()
                        .push(format!(
                            "- {} → `{}` (front matter of `{}`{})",
                            m.name.clone().unwrap_or_else(|| page.title()),
                            page.path,
                            page.rel,
                            m.parent
                                .as_deref()
                                .map(|p| format!(", parent {p}"))
                                .unwrap_or_default()
                        ));
                }
            }
            let mut built = resolved;
            menu::add_page_entries(&mut built, &pages, &section_menus);
            self.note_missing_parents(&built);
            crate::content::section_menu::add_section_menus(&mut built, &pages, &section_menus);
            for (name, entries) in &built {
                let lines = self.report.menus_after.entry(label(name)).or_default();
                for node in menu::tree(entries) {
                    lines.push(format!("- {} → `{}`", node.entry.name, node.entry.url));
                    for child in &node.children {
                        lines.push(format!("  - {} → `{}`", child.entry.name, child.entry.url));
                    }
                }
            }
        }
        // A switched-off language's own menus are carried too; Hugo read no
        // pages of it, so a `pageRef` leads to the page's path.
        if let Some(l) = &settings.languages {
            for off in l.list.iter().filter(|l| l.disabled && !l.menus.is_empty()) {
                let (resolved, (_, notes)) =
                    resolve_menus(&off.menus, None, &format!("/{}", off.code));
                self.report.config_ignored.extend(notes);
                language_menus.insert(off.code.clone(), resolved);
            }
        }
        (top, language_menus, section_menus)
    }

    /// With Doks's `params.menu.section.auto`, the menus that pages name in
    /// their front matter and that are also a top-level section (`docs`):
    /// Doks built those sidebars from the section, so the new site does too.
    /// The front-matter blocks Doks never showed are reported.
    fn section_menus(&mut self, settings: &site_toml::Settings, content: &Content) -> Vec<String> {
        let auto = settings
            .params
            .get("menu")
            .and_then(|m| m.get("section"))
            .and_then(|s| s.get("auto"))
            .and_then(serde_json::Value::as_bool)
            == Some(true);
        if !auto {
            return Vec::new();
        }
        let mut named: Vec<String> = content
            .pages
            .iter()
            .flat_map(|p| p.front.menus.iter().map(|m| m.menu.clone()))
            .filter(|menu| {
                content
                    .pages
                    .iter()
                    .any(|p| p.kind == PageKind::Section && p.section_dir == *menu)
            })
            .collect();
        named.sort();
        named.dedup();
        for section in &named {
            let unused: Vec<String> = content
                .pages
                .iter()
                .filter(|p| p.front.menus.iter().any(|m| m.menu == *section))
                .map(|p| format!("`{}`", p.rel))
                .collect();
            self.report.menu_notes.push(format!(
                "Doks built the `{section}` sidebar from the `{section}` section (`params.menu.section.auto`), and so does the new site (`section_menus = [\"{section}\"]` in site.toml): its subsections and pages, in Hugo's page order. The `menu: {section}:` blocks in the front matter of {} page(s) were never shown by Doks (most come from its archetype) and are not used: {}.",
                unused.len(),
                unused.join(", ")
            ));
        }
        named
    }

    /// Reports menu entries whose `parent` names no entry of their menu:
    /// Hugo leaves them out, and so does the new site.
    fn note_missing_parents(&mut self, menus: &BTreeMap<String, Vec<MenuEntry>>) {
        for (name, entries) in menus {
            for entry in entries {
                let Some(parent) = entry.parent.as_deref().filter(|p| !p.is_empty()) else {
                    continue;
                };
                let note = format!(
                    "\"{}\" (`{}`) names the parent `{parent}`, which the `{name}` menu does not have: Hugo left it out, and so does the new site; add an entry `{parent}` or change the parent.",
                    entry.name, entry.url
                );
                if !entries.iter().any(|e| menu::key(e) == parent)
                    && !self.report.menu_notes.contains(&note)
                {
                    self.report.menu_notes.push(note);
                }
            }
        }
    }

    /// `site.toml`, checked as the new site will read it.
    fn add_site_toml(
        &mut self,
        settings: &site_toml::Settings,
        base_url: &str,
        content: &Content,
        menus: &Menus,
        language_menus: &BTreeMap<String, Menus>,
        section_menus: &[String],
    ) {
        let sections: Vec<String> = content
            .pages
            .iter()
            .filter(|p| p.kind == PageKind::Section && !p.section_dir.contains('/'))
            .map(|p| p.section_dir.clone())
            .collect();
        let main_section = settings
            .params
            .get("mainsections")
            .and_then(|v| {
                v.as_array()
                    .and_then(|a| a.first().cloned())
                    .or(Some(v.clone()))
            })
            .and_then(|v| v.as_str().map(str::to_string))
            .or_else(|| busiest_section(content))
            .unwrap_or_default();
        let site_toml = site_toml::render(
            settings,
            base_url,
            &main_section,
            &sections,
            menus,
            language_menus,
            section_menus,
        );
        if let Err(e) = SiteConfig::parse(&self.into.join("site.toml"), &site_toml) {
            self.diags.extend(e);
        }
        self.files
            .insert("site.toml".into(), site_toml.into_bytes());
    }

    /// Counts of pages and every URL Hugo published, in every language it
    /// built, with how it answers now.
    fn count_pages_and_urls(
        &mut self,
        config: &HugoConfig,
        settings: &site_toml::Settings,
        languages: &[LanguagePages],
        url_settings: &UrlSettings,
    ) {
        let (mut lists, mut regular, mut hidden) = (0, 0, 0);
        for l in languages {
            let n = l
                .content
                .pages
                .iter()
                .filter(|p| p.kind != PageKind::Page)
                .count();
            lists += n;
            regular += l.content.pages.len() - n;
            hidden += l.all_pages.pages.len() - l.content.pages.len();
        }
        self.report.page_counts = (lists, regular, hidden);
        let several = settings
            .languages
            .as_ref()
            .filter(|l| l.enabled().count() > 1);
        let mut rows = BTreeSet::new();
        for (i, l) in languages.iter().enumerate() {
            let place = Place {
                code: &l.code,
                prefix: &l.prefix,
                first: i == 0,
                several: several.is_some(),
            };
            hugo_urls(self.hugo_dir, &l.content, url_settings, &place, &mut rows);
            for url in taxonomy_urls(&l.content, &settings.taxonomies) {
                let url = format!("{}{url}", l.prefix);
                let url = if settings.ugly_urls && url.ends_with('/') {
                    ugly(&url)
                } else {
                    url
                };
                rows.insert(UrlRow {
                    hugo: url.clone(),
                    new: url,
                    kind: UrlKind::Generated,
                });
            }
            // The further pages of lists Hugo paginated (`page/1/` is a redirect).
            for url in settings
                .list_pagination
                .iter()
                .flat_map(|p| p.urls(&l.content))
            {
                let url = format!("{}{url}", l.prefix);
                let (new, kind) = match url.strip_suffix("page/1/") {
                    Some(list) => (list.to_string(), UrlKind::Alias),
                    None => (url.clone(), UrlKind::Generated),
                };
                let (url, new) = if settings.ugly_urls {
                    let new = if kind == UrlKind::Alias {
                        new
                    } else {
                        ugly(&new)
                    };
                    (ugly(&url), new)
                } else {
                    (url, new)
                };
                rows.insert(UrlRow {
                    hugo: url,
                    new,
                    kind,
                });
            }
        }
        // With several languages built, Hugo's redirect between `/` and the
        // default language's folder.
        if let Some(langs) = several {
            let home = format!("/{}/", langs.default);
            let (from, to) = if langs.subdir_in_effect() {
                ("/".to_string(), home)
            } else {
                (home, "/".to_string())
            };
            rows.insert(UrlRow {
                hugo: from,
                new: to,
                kind: UrlKind::LanguageRedirect,
            });
        }
        self.report.urls = rows.into_iter().collect();
        if config.flag("disablealiases") {
            self.report.urls.retain(|u| u.kind != UrlKind::Alias);
        }
    }

    /// The "Languages" part of the report: each language, where it is
    /// published, its content folder and pages.
    fn note_languages(&mut self, settings: &site_toml::Settings, pages: &[LanguagePages]) {
        let Some(languages) = &settings.languages else {
            return;
        };
        for l in &languages.list {
            let built = pages.iter().find(|p| p.code == l.code);
            self.report.languages.push(LanguageRow {
                code: l.code.clone(),
                name: l.name.clone(),
                default: l.code == languages.default,
                disabled: l.disabled,
                content_dir: languages.content_dir_of(l).to_string(),
                own_folder: l.content_dir.is_some(),
                address: built.map(|p| format!("{}/", p.prefix)),
                pages: built.map_or(0, |p| p.content.pages.len()),
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
                self.report.language_notes.push(format!(
                    "`{}` has the sections {}, the default language {}: `main_section` and `search_sections` in site.toml name the default language's",
                    l.code,
                    code_list(&own),
                    code_list(&default_sections)
                ));
            }
        }
        self.report.subdir = Some(match (languages.in_subdir, languages.subdir_in_effect()) {
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

    /// The plan, or every problem found.
    fn finish(self) -> Result<Plan, Diagnostics> {
        if self.diags.has_errors() {
            return Err(self.diags);
        }
        Ok(Plan {
            files: self.files,
            report: self.report,
            warnings: self.diags,
        })
    }
}

/// Menu lines for the report (menu name → lines) and notes on the configuration.
type MenuReport = (BTreeMap<String, Vec<String>>, Vec<(String, String)>);

/// Hugo's menus with each `pageRef` resolved to its page's address in
/// `pages` (a language's pages, whose addresses start with `prefix`); with
/// no pages (a language that is not built) a `pageRef` leads to its path.
/// Also returns the report's lines on them and the notes on what could not
/// be resolved.
fn resolve_menus(hugo: &HugoMenus, pages: Option<&Content>, prefix: &str) -> (Menus, MenuReport) {
    let mut menus: Menus = BTreeMap::new();
    let (mut before, mut notes): MenuReport = Default::default();
    for (name, entries) in hugo {
        let lines = before.entry(name.clone()).or_default();
        for (entry, page_ref) in entries {
            let mut entry = entry.clone();
            if let Some(page_ref) = page_ref {
                let wanted = page_ref.trim_matches('/');
                let found = pages.map(|content| {
                    content.pages.iter().find(|p| {
                        let stem = p
                            .rel
                            .trim_end_matches(".md")
                            .trim_end_matches("_index")
                            .trim_end_matches("index")
                            .trim_end_matches('/');
                        stem == wanted
                    })
                });
                match found {
                    Some(Some(page)) => entry.url = format!("{prefix}{}", page.path),
                    Some(None) => notes.push(("menus".into(), format!("pageRef `{page_ref}` of \"{}\" names no page{}; the entry points at {page_ref}", entry.name, if prefix.is_empty() { String::new() } else { format!(" of `{}`", prefix.trim_start_matches('/')) }))),
                    None => notes.push(("menus".into(), format!("pageRef `{page_ref}` of \"{}\" in the menus of `{}`, which is switched off, points at the page's path", entry.name, prefix.trim_start_matches('/')))),
                }
                if entry.url.is_empty() {
                    entry.url = format!("{prefix}/{wanted}/");
                }
            }
            lines.push(format!(
                "- {} → `{}` (weight {}{})",
                entry.name,
                entry.url,
                entry.weight,
                entry
                    .parent
                    .as_deref()
                    .map(|p| format!(", parent {p}"))
                    .unwrap_or_default()
            ));
            menus.entry(name.clone()).or_default().push(entry);
        }
    }
    (menus, (before, notes))
}

/// `pages` with their addresses under `prefix` (for the report of a
/// language published under `/en/`); the same pages when there is none.
fn with_prefix(pages: &[crate::content::Page], prefix: &str) -> Vec<crate::content::Page> {
    pages
        .iter()
        .cloned()
        .map(|mut p| {
            p.path = format!("{prefix}{}", p.path);
            p
        })
        .collect()
}

/// Where a language's URLs are: its code, what they start with, whether it
/// is the first language listed (the static files and the site's sitemap
/// are listed once), and whether Hugo built several languages.
struct Place<'a> {
    code: &'a str,
    prefix: &'a str,
    first: bool,
    several: bool,
}

/// Every URL Hugo published for this language's content, and how it answers
/// in the new site. Aliases are written as they are: Hugo publishes them
/// at the address given, without the language's prefix.
fn hugo_urls(
    hugo_dir: &Path,
    content: &Content,
    urls: &UrlSettings,
    place: &Place<'_>,
    rows: &mut BTreeSet<UrlRow>,
) {
    let prefix = place.prefix;
    let row = |hugo: String, new: String, kind| UrlRow { hugo, new, kind };
    let generated = |path: String| row(path.clone(), path, UrlKind::Generated);
    rows.insert(generated(format!("{prefix}/index.xml")));
    if place.several {
        // A sitemap per language in its folder (the default language's too,
        // when it is at the root), and `/sitemap.xml` the index of them.
        rows.insert(generated(format!("/{}/sitemap.xml", place.code)));
        rows.insert(generated("/sitemap.xml".into()));
    } else if place.first {
        rows.insert(generated("/sitemap.xml".into()));
    }
    if hugo_dir.join("layouts/404.html").is_file() {
        rows.insert(generated(format!("{prefix}/404.html")));
    }
    if content.pages.iter().all(|p| p.kind != PageKind::Home) {
        rows.insert(row(
            format!("{prefix}/"),
            format!("{prefix}/"),
            UrlKind::Page,
        ));
    }
    for page in &content.pages {
        let path = format!("{prefix}{}", page.path);
        let ugly_section = urls.ugly_urls && page.kind == PageKind::Section;
        if ugly_section {
            rows.insert(row(ugly(&path), path.clone(), UrlKind::Redirect));
        } else {
            rows.insert(row(path.clone(), path.clone(), UrlKind::Page));
        }
        if page.kind == PageKind::Section {
            rows.insert(generated(format!("{path}index.xml")));
        }
        for alias in &page.front.aliases {
            let alias = alias.to_string();
            if ugly_section && alias == ugly(&page.path) {
                continue;
            }
            rows.insert(row(alias, path.clone(), UrlKind::Alias));
        }
    }
    for resource in &content.resources {
        let path = format!("{prefix}/{}", resource.target);
        rows.insert(row(path.clone(), path, UrlKind::File));
    }
    if place.first {
        let static_dir = hugo_dir.join("static");
        // What is refused here was reported when `static/` was copied.
        for file in crate::confined::files(&static_dir, hugo_dir).files {
            let path = format!("/{}", slash_path(&static_dir, &file));
            rows.insert(row(path.clone(), path, UrlKind::File));
        }
    }
}

/// The taxonomy pages Hugo made (`/tags/`, `/tags/privacy/`, their feeds);
/// the new site makes them too.
fn taxonomy_urls(content: &Content, taxonomies: &[String]) -> Vec<String> {
    let mut urls = BTreeSet::new();
    for taxonomy in taxonomies {
        for page in &content.pages {
            let terms: Vec<String> = match page.front.params.get(taxonomy) {
                Some(serde_json::Value::Array(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                Some(serde_json::Value::String(s)) => vec![s.clone()],
                _ => Vec::new(),
            };
            for term in terms {
                let base = crate::site_path::Slug::urlize(taxonomy);
                urls.insert(format!("/{base}/"));
                urls.insert(format!("/{base}/index.xml"));
                urls.insert(format!(
                    "/{base}/{}/",
                    crate::site_path::Slug::urlize(&term)
                ));
                urls.insert(format!(
                    "/{base}/{}/index.xml",
                    crate::site_path::Slug::urlize(&term)
                ));
            }
        }
    }
    urls.into_iter().collect()
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

/// The top-level section with the most dated pages.
fn busiest_section(content: &Content) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &content.pages {
        if p.kind == PageKind::Page && p.date().is_some() && !p.top_section().is_empty() {
            *counts.entry(p.top_section()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s.to_string())
}

fn read(path: &Path, diags: &mut Diagnostics) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| {
        diags.push(Diagnostic::error(path, 0, 0, format!("cannot read: {e}")));
        Vec::new()
    })
}
