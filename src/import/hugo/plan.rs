//! Plans an import in memory: every file of the new site and the report,
//! computed from the Hugo folder without writing anything.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::case_links;
use super::config::HugoConfig;
use super::embeds;
use super::guides::{guide_id, guide_table_line};
use super::i18n;
use super::language_links;
use super::language_pages::{self, LanguagePages};
use super::menu_plan;
use super::report::{GuideRow, Report, ShortcodeRow};
use super::shortcodes::{self, Outcome, Use};
use super::site_toml::{self, Menus};
use super::urls;
use crate::config::SiteConfig;
use crate::content::permalinks::{Permalink, UrlSettings};
use crate::content::{Content, PageKind, front_matter};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
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

/// Reads the Hugo site in `hugo_dir` and plans the new site for `into`:
/// one step per part of the site, in the order the report tells them.
pub fn plan(hugo_dir: &Path, into: &Path) -> Result<Plan, Diagnostics> {
    let config = HugoConfig::read(hugo_dir)?;
    let mut settings = site_toml::settings(&config);
    settings.read_files(hugo_dir, &config);
    let base_url = base_url(hugo_dir, &config, &settings)?;
    let mut draft = Draft::new(hugo_dir, into, &config, &settings);
    language_pages::check(
        hugo_dir,
        &config,
        &settings,
        &mut draft.report,
        &mut draft.diags,
    )?;
    let url_settings = UrlSettings {
        permalinks: settings
            .permalinks
            .iter()
            .filter_map(|(s, p)| Permalink::parse(p).ok().map(|p| (s.clone(), p)))
            .collect(),
        ugly_urls: settings.ugly_urls,
    };
    let languages = language_pages::load(hugo_dir, &settings, &url_settings, &mut draft.report)?;
    let content = &languages[0].content;
    let uses = draft.copy_content(&settings, &languages);
    draft.note_other_languages(&settings);
    draft.copy_static_and_data();
    draft.copy_i18n(&config, &settings);
    draft.copy_used_assets();
    draft.note_layouts();
    draft.note_home_layout(&settings);
    draft.add_shortcodes(uses);
    draft.add_starter_files();
    let (menus, language_menus, section_menus) =
        menu_plan::plan(&mut draft.report, &settings, &languages);
    draft.add_site_toml(
        &settings,
        &base_url,
        content,
        &menus,
        &language_menus,
        &section_menus,
    );
    urls::count(
        &mut draft.report,
        hugo_dir,
        &config,
        &settings,
        &languages,
        &url_settings,
    );
    language_pages::report(&mut draft.report, &settings, &languages);
    draft.finish()
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
            let (code, message) = match (other, &settings.base_url) {
                (Some(Err(e)), Some(url)) => {
                    let reason = e.0;
                    (
                        "import-hugo-base-url-invalid",
                        msg!(
                            "the Hugo baseURL is not a full web address: {url:?}: {reason}",
                            "de baseURL van Hugo is geen volledig webadres: {url:?}: {reason}";
                            reason
                        ),
                    )
                }
                _ => (
                    "import-hugo-base-url-missing",
                    msg!(
                        "the Hugo configuration has no baseURL",
                        "de Hugo-configuratie heeft geen baseURL"
                    ),
                ),
            };
            Err(Diagnostic::error(code, file, 0, 0, message)
                .with_hint(msg!(
                    "set baseURL in the Hugo configuration to the site's public address, e.g. baseURL = \"https://chatcontrole.nl/\"",
                    "zet baseURL in de Hugo-configuratie op het openbare adres van de site, bijvoorbeeld baseURL = \"https://chatcontrole.nl/\""
                ))
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
                Diagnostic::warning(d.code, &r.path, 0, 0, d.message)
                    .with_hint(msg!(
                        "the import did not copy it; copy what the site needs into the Hugo folder, or remove the link",
                        "de import heeft het niet gekopieerd; kopieer wat de site nodig heeft naar de Hugo-map, of haal de link weg"
                    )),
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
    fn copy_i18n(&mut self, config: &HugoConfig, settings: &site_toml::Settings) {
        let languages: Vec<String> = match &settings.languages {
            Some(l) => l.list.iter().map(|l| l.code.clone()).collect(),
            None => vec![settings.language.clone()],
        };
        let carried = i18n::carry(self.hugo_dir, config, &languages);
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
        self.report.i18n_theme_skipped = carried.theme_skipped;
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
                        "import-hugo-starter-file-taken",
                        self.hugo_dir.join(path),
                        0,
                        0,
                        msg!(
                            "the Hugo site already has `{path}`, which the new site needs for itself",
                            "de Hugo-site heeft al `{path}`, en dat bestand heeft de nieuwe site zelf nodig"
                        ),
                    )
                    .with_hint(msg!(
                        "rename that file in a copy of the Hugo site and import the copy",
                        "geef dat bestand een andere naam in een kopie van de Hugo-site en importeer de kopie"
                    )),
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
        diags.push(Diagnostic::error(
            "import-hugo-file-unreadable",
            path,
            0,
            0,
            msg!("cannot read: {e}", "kan niet worden gelezen: {e}"),
        ));
        Vec::new()
    })
}
