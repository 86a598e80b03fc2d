//! Plans an import in memory: every file of the new site and the report,
//! computed from the Hugo folder without writing anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::Utc;

use super::case_links;
use super::config::HugoConfig;
use super::embeds;
use super::guides::{guide_id, guide_table_line};
use super::report::{GuideRow, Report, ShortcodeRow, UrlKind, UrlRow};
use super::shortcodes::{self, Outcome, Use};
use super::site_toml;
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

/// Reads the Hugo site in `hugo_dir` and plans the new site for `into`:
/// one step per part of the site, in the order the report tells them.
pub fn plan(hugo_dir: &Path, into: &Path) -> Result<Plan, Diagnostics> {
    let config = HugoConfig::read(hugo_dir)?;
    let mut settings = site_toml::settings(&config);
    settings.read_files(hugo_dir, &config);
    let base_url = base_url(hugo_dir, &config, &settings)?;
    let mut draft = Draft::new(hugo_dir, into, &config, &settings);
    let url_settings = UrlSettings {
        permalinks: settings
            .permalinks
            .iter()
            .filter_map(|(s, p)| Permalink::parse(p).ok().map(|p| (s.clone(), p)))
            .collect(),
        ugly_urls: settings.ugly_urls,
    };
    let hugo_content = hugo_dir.join(&settings.content_dir);
    let content = load_content_from(
        hugo_dir,
        &hugo_content,
        &url_settings,
        Utc::now().fixed_offset(),
        false,
        crate::content::load::DEFAULT_MAX_PAGE_BYTES,
    )?;
    let all_pages = load_content_from(
        hugo_dir,
        &hugo_content,
        &url_settings,
        Utc::now().fixed_offset(),
        true,
        crate::content::load::DEFAULT_MAX_PAGE_BYTES,
    )?;
    let uses = draft.copy_content(&settings, &hugo_content, &all_pages);
    draft.note_other_languages(&settings);
    draft.copy_static_data_and_i18n();
    draft.copy_used_assets();
    draft.note_layouts();
    draft.note_home_layout(&settings);
    draft.add_shortcodes(uses);
    draft.add_starter_files();
    let (menus, section_menus) = draft.plan_menus(&settings, &content);
    draft.add_site_toml(&settings, &base_url, &content, &menus, &section_menus);
    draft.count_pages_and_urls(&config, &settings, &content, &all_pages, &url_settings);
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
        if config.flag("defaultcontentlanguageinsubdir") {
            report.config_ignored.push((
                "defaultcontentlanguageinsubdir".into(),
                format!("Hugo served the site under /{}/; the new site serves it at the root, so those addresses change", settings.language),
            ));
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
                Diagnostic::warning(&r.path, 0, 0, d.message)
                    .with_hint("the import did not copy it; copy what the site needs into the Hugo folder, or remove the link"),
            );
            self.report.refused.push((rel, r.describe()));
        }
    }

    /// Content: copied unchanged, except raw HTML that breaks the site's
    /// promises. Returns where each shortcode is used.
    fn copy_content(
        &mut self,
        settings: &site_toml::Settings,
        hugo_content: &Path,
        all_pages: &Content,
    ) -> BTreeMap<String, Vec<Use>> {
        let mut uses: BTreeMap<String, Vec<Use>> = BTreeMap::new();
        let published = case_links::Published::new(all_pages.pages.iter().map(|p| p.path.as_str()));
        for path in self.walk(hugo_content) {
            let rel = slash_path(hugo_content, &path);
            let target = format!("{}/{rel}", settings.content_dir);
            let bytes = read(&path, &mut self.diags);
            if !rel.ends_with(".md") {
                self.files.insert(target, bytes);
                continue;
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let Ok(split) = front_matter::split(&path, &text) else {
                self.files.insert(target, bytes);
                continue;
            };
            let body_start = text.len() - split.body.len();
            let body_line = split.body_line;
            let (cased, case_fixes) = case_links::fix(split.body, &published);
            let (clean, mut findings) = embeds::clean(&cased);
            let kept = embeds::front_matter_findings(split.raw, split.raw_line);
            for (line, call) in shortcodes::uses(split.body) {
                uses.entry(call.name.clone()).or_default().push(Use {
                    file: target.clone(),
                    line: line + body_line - 1,
                    call,
                });
            }
            if let Ok(front) = front_matter::parse(&path, &split) {
                for field in front.params.keys() {
                    if !front_matter::EFFECTIVE_KEYS.contains(&field.as_str()) {
                        *self.report.fields.entry(field.clone()).or_default() += 1;
                    }
                }
            }
            if guide_table_line(split.body).is_some()
                && let Some(page) = all_pages.pages.iter().find(|p| p.rel == rel)
            {
                let id = guide_id(&rel);
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
        uses
    }

    /// Notes the other language folders of `content/`, which are not copied.
    fn note_other_languages(&mut self, settings: &site_toml::Settings) {
        if let Ok(entries) = std::fs::read_dir(self.hugo_dir.join("content")) {
            let migrated = self.hugo_dir.join(&settings.content_dir);
            for e in entries.flatten() {
                let path = e.path();
                if path.is_dir()
                    && path != migrated
                    && !migrated.starts_with(&path)
                    && settings.content_dir != "content"
                {
                    self.report.other_languages.push(format!(
                        "`content/{}` (not copied)",
                        e.file_name().to_string_lossy()
                    ));
                }
            }
        }
    }

    /// `static/`, `data/` and `i18n/`, as they are.
    fn copy_static_data_and_i18n(&mut self) {
        for folder in ["static", "data", "i18n"] {
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

    /// Menus: `pageRef` becomes the page's URL; page menus are added as the
    /// engine adds them; with Doks's `params.menu.section.auto`, a menu named
    /// after a section is built from that section, as Doks built its sidebar.
    /// Returns the menus for `site.toml` and the sections whose menu is built.
    fn plan_menus(
        &mut self,
        settings: &site_toml::Settings,
        content: &Content,
    ) -> (BTreeMap<String, Vec<MenuEntry>>, Vec<String>) {
        let mut menus: BTreeMap<String, Vec<MenuEntry>> = BTreeMap::new();
        for (name, entries) in &settings.menus {
            let before = self.report.menus_before.entry(name.clone()).or_default();
            for (entry, page_ref) in entries {
                let mut entry = entry.clone();
                if let Some(page_ref) = page_ref {
                    let wanted = page_ref.trim_matches('/');
                    match content.pages.iter().find(|p| {
                        let stem = p.rel.trim_end_matches(".md").trim_end_matches("_index").trim_end_matches("index").trim_end_matches('/');
                        stem == wanted
                    }) {
                        Some(page) => entry.url = page.path.clone(),
                        None => self.report.config_ignored.push(("menus".into(), format!("pageRef `{page_ref}` of \"{}\" names no page; the entry points at {page_ref}", entry.name))),
                    }
                    if entry.url.is_empty() {
                        entry.url = format!("/{wanted}/");
                    }
                }
                before.push(format!(
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
        for page in &content.pages {
            for m in &page.front.menus {
                self.report
                    .menus_before
                    .entry(m.menu.clone())
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
        let section_menus = self.section_menus(settings, content);
        let mut built = menus.clone();
        menu::add_page_entries(&mut built, &content.pages, &section_menus);
        self.note_missing_parents(&built);
        crate::content::section_menu::add_section_menus(&mut built, &content.pages, &section_menus);
        for (name, entries) in &built {
            let lines = self.report.menus_after.entry(name.clone()).or_default();
            for node in menu::tree(entries) {
                lines.push(format!("- {} → `{}`", node.entry.name, node.entry.url));
                for child in &node.children {
                    lines.push(format!("  - {} → `{}`", child.entry.name, child.entry.url));
                }
            }
        }
        (menus, section_menus)
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
                if !entries.iter().any(|e| menu::key(e) == parent) {
                    self.report.menu_notes.push(format!(
                        "\"{}\" (`{}`) names the parent `{parent}`, which the `{name}` menu does not have: Hugo left it out, and so does the new site; add an entry `{parent}` or change the parent.",
                        entry.name, entry.url
                    ));
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
        menus: &BTreeMap<String, Vec<MenuEntry>>,
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
            section_menus,
        );
        if let Err(e) = SiteConfig::parse(&self.into.join("site.toml"), &site_toml) {
            self.diags.extend(e);
        }
        self.files
            .insert("site.toml".into(), site_toml.into_bytes());
    }

    /// Counts of pages and every URL Hugo published, with how it answers now.
    fn count_pages_and_urls(
        &mut self,
        config: &HugoConfig,
        settings: &site_toml::Settings,
        content: &Content,
        all_pages: &Content,
        url_settings: &UrlSettings,
    ) {
        let lists = content
            .pages
            .iter()
            .filter(|p| p.kind != PageKind::Page)
            .count();
        let regular = content.pages.len() - lists;
        self.report.page_counts = (lists, regular, all_pages.pages.len() - content.pages.len());
        self.report.urls = hugo_urls(self.hugo_dir, content, url_settings);
        for url in taxonomy_urls(content, &settings.taxonomies) {
            let url = if settings.ugly_urls && url.ends_with('/') {
                ugly(&url)
            } else {
                url
            };
            self.report.urls.push(UrlRow {
                hugo: url.clone(),
                new: url,
                kind: UrlKind::Generated,
            });
        }
        // The further pages of lists Hugo paginated (`page/1/` is a redirect).
        for url in settings
            .list_pagination
            .iter()
            .flat_map(|p| p.urls(content))
        {
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
            self.report.urls.push(UrlRow {
                hugo: url,
                new,
                kind,
            });
        }
        self.report.urls.sort();
        if config.flag("disablealiases") {
            self.report.urls.retain(|u| u.kind != UrlKind::Alias);
        }
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

/// Every URL Hugo published for this content, and how it answers in the new site.
fn hugo_urls(hugo_dir: &Path, content: &Content, urls: &UrlSettings) -> Vec<UrlRow> {
    let mut rows = BTreeSet::new();
    let row = |hugo: String, new: String, kind| UrlRow { hugo, new, kind };
    rows.insert(row(
        "/index.xml".into(),
        "/index.xml".into(),
        UrlKind::Generated,
    ));
    rows.insert(row(
        "/sitemap.xml".into(),
        "/sitemap.xml".into(),
        UrlKind::Generated,
    ));
    for special in ["404.html", "robots.txt"] {
        let made = match special {
            "404.html" => hugo_dir.join("layouts/404.html").is_file(),
            _ => false,
        };
        if made {
            rows.insert(row(
                format!("/{special}"),
                format!("/{special}"),
                UrlKind::Generated,
            ));
        }
    }
    for page in &content.pages {
        let ugly_section = urls.ugly_urls && page.kind == PageKind::Section;
        if ugly_section {
            rows.insert(row(ugly(&page.path), page.path.clone(), UrlKind::Redirect));
        } else {
            rows.insert(row(page.path.clone(), page.path.clone(), UrlKind::Page));
        }
        if page.kind == PageKind::Section {
            rows.insert(row(
                format!("{}index.xml", page.path),
                format!("{}index.xml", page.path),
                UrlKind::Generated,
            ));
        }
        for alias in &page.front.aliases {
            let alias = alias.to_string();
            if ugly_section && alias == ugly(&page.path) {
                continue;
            }
            rows.insert(row(alias, page.path.clone(), UrlKind::Alias));
        }
    }
    for resource in &content.resources {
        let path = format!("/{}", resource.target);
        rows.insert(row(path.clone(), path, UrlKind::File));
    }
    let static_dir = hugo_dir.join("static");
    // What is refused here was reported when `static/` was copied.
    for file in crate::confined::files(&static_dir, hugo_dir).files {
        let path = format!("/{}", slash_path(&static_dir, &file));
        rows.insert(row(path.clone(), path, UrlKind::File));
    }
    rows.into_iter().collect()
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
