//! Turns the settings of a Hugo site into the new site's `site.toml`, and
//! lists which Hugo settings went where and which have no effect.

use std::collections::BTreeMap;

use serde_json::Value;

use super::config::HugoConfig;
use super::identity::{Identity, identity};
use super::languages::Languages;
use super::list_layouts::{ListPagination, list_pagination};
use super::menu_config::{HugoMenus, read_menus};
use crate::config::MenuEntry;

/// What the Hugo configuration says about the one language being migrated.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The language code (`nl`).
    pub language: String,
    /// The content folder, relative to the site folder (`content/nl`).
    pub content_dir: String,
    /// Languages that are not migrated, with the reason.
    pub other_languages: Vec<String>,
    /// The site's name, description, image, language tag and feed length,
    /// with where each was found.
    pub identity: Identity,
    /// How Hugo's list templates paginated, once read from the layouts.
    pub list_pagination: Option<ListPagination>,
    /// `baseURL`.
    pub base_url: Option<String>,
    /// Permalink patterns per section.
    pub permalinks: BTreeMap<String, String>,
    /// `uglyURLs`.
    pub ugly_urls: bool,
    /// Posts per list page.
    pub paginate: Option<i64>,
    /// Menus: name → entries, with Hugo's `pageRef` still to resolve. With
    /// one language, the language's menus or else the top-level ones; with
    /// several, the top-level ones (each language's own are in [`Languages`]).
    pub menus: HugoMenus,
    /// Menu fields dropped (`pre`, `post`, …): (menu, entry, field).
    pub menu_fields_dropped: Vec<String>,
    /// The params of the default language: the top-level ones with the
    /// language's own over them (lower-case keys).
    pub params: serde_json::Map<String, Value>,
    /// The top-level params alone, which a multilingual `site.toml` writes
    /// (each language's own go into its `[languages.<code>.params]`).
    pub root_params: serde_json::Map<String, Value>,
    /// The languages of a Hugo site with more than one; None for one language.
    pub languages: Option<Languages>,
    /// The taxonomies Hugo published pages for.
    pub taxonomies: Vec<String>,
    /// Goldmark's typographer (`markup.goldmark.extensions.typographer`, on unless switched off).
    pub typographer: bool,
    /// Hugo setting → where it went.
    pub used: Vec<(String, String)>,
    /// Hugo setting → why it has no effect.
    pub ignored: Vec<(String, String)>,
}

/// Reads what the new site needs from the Hugo configuration.
pub fn settings(config: &HugoConfig) -> Settings {
    let language = config
        .text("defaultcontentlanguage")
        .unwrap_or_else(|| "en".into())
        .to_lowercase();
    let lang = |key: &str| config.get(&format!("languages.{language}.{key}")).cloned();
    let mut menu_fields_dropped = Vec::new();
    let languages = Languages::read(config, &mut menu_fields_dropped);
    let disabled: Vec<String> = config
        .get("disablelanguages")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let mut other_languages = Vec::new();
    if languages.is_none()
        && let Some(Value::Object(tables)) = config.get("languages")
    {
        for (code, _) in tables.iter().filter(|(code, _)| **code != language) {
            if disabled.contains(code) {
                other_languages.push(format!("`{code}` (switched off with disableLanguages)"));
            } else {
                other_languages.push(format!(
                    "`{code}`: the new site has one language; import it into its own site with the same command after making `{code}` the defaultContentLanguage"
                ));
            }
        }
    }
    let content_dir = match &languages {
        Some(l) => l.get(&language).map_or(l.shared_content_dir.clone(), |d| {
            l.content_dir_of(d).to_string()
        }),
        None => lang("contentdir")
            .and_then(|v| v.as_str().map(str::to_string))
            .or_else(|| config.text("contentdir"))
            .unwrap_or_else(|| "content".into())
            .trim_matches('/')
            .to_string(),
    };
    let root_params = match config.get("params") {
        Some(Value::Object(p)) => p.clone(),
        _ => serde_json::Map::new(),
    };
    let mut params = root_params.clone();
    if let Some(Value::Object(p)) = lang("params") {
        params.extend(p);
    }
    let identity = identity(config, &language);
    let permalinks = match config.get("permalinks") {
        Some(Value::Object(map)) => {
            let mut out = BTreeMap::new();
            for (key, value) in map {
                match value {
                    Value::String(pattern) => {
                        out.insert(key.clone(), pattern.clone());
                    }
                    Value::Object(kinds) if key == "page" => {
                        for (section, pattern) in kinds {
                            if let Some(p) = pattern.as_str() {
                                out.insert(section.clone(), p.to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
            out
        }
        _ => BTreeMap::new(),
    };
    // Hugo reads both `menus` and `menu`. With several languages the
    // top-level menus are for the languages without their own, so a
    // language's menus stay with it.
    let mut menus = BTreeMap::new();
    let sources = match languages {
        Some(_) => vec![config.get("menus").cloned(), config.get("menu").cloned()],
        None => match lang("menus").or_else(|| lang("menu")) {
            Some(own) => vec![Some(own)],
            None => vec![config.get("menus").cloned(), config.get("menu").cloned()],
        },
    };
    for source in sources {
        for (name, entries) in read_menus(source.as_ref(), &mut menu_fields_dropped) {
            menus.entry(name).or_insert_with(Vec::new).extend(entries);
        }
    }
    let disabled_kinds: Vec<String> = config
        .get("disablekinds")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_lowercase)
                .collect()
        })
        .unwrap_or_default();
    let taxonomies = if disabled_kinds
        .iter()
        .any(|k| k == "taxonomy" || k == "term")
    {
        Vec::new()
    } else {
        match config.get("taxonomies") {
            Some(Value::Object(t)) => t
                .values()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => vec!["categories".into(), "tags".into()],
        }
    };
    let (used, ignored) = classify_keys(config, languages.is_some());
    Settings {
        language,
        content_dir,
        other_languages,
        identity,
        list_pagination: None,
        base_url: config.text("baseurl"),
        permalinks,
        ugly_urls: config.flag("uglyurls"),
        paginate: config
            .get("paginate")
            .or_else(|| config.get("pagination.pagersize"))
            .and_then(Value::as_i64),
        menus,
        menu_fields_dropped,
        params,
        root_params,
        languages,
        taxonomies,
        typographer: typographer(config),
        used,
        ignored,
    }
}

/// Whether Hugo's typographer is on: `typographer = false` (Hugo 0.111) or
/// `typographer.disable = true` (later versions) switch it off.
fn typographer(config: &HugoConfig) -> bool {
    match config.get("markup.goldmark.extensions.typographer") {
        Some(Value::Bool(on)) => *on,
        Some(Value::Object(table)) => table.get("disable") != Some(&Value::Bool(true)),
        _ => true,
    }
}

impl Settings {
    /// Reads what the settings name in the Hugo folder: whether the default
    /// image exists and how the list templates paginate.
    pub fn read_files(&mut self, hugo_dir: &std::path::Path, config: &HugoConfig) {
        self.identity.check_image(hugo_dir);
        self.list_pagination = list_pagination(hugo_dir, config);
    }

    /// The site's name; when Hugo's settings have none, the host of its
    /// address (MIGRATION.md then asks for a real one), never empty.
    pub fn title(&self) -> String {
        match &self.identity.title {
            Some(found) => found.value.clone(),
            None => self
                .base_url
                .as_deref()
                .and_then(|u| url::Url::parse(u).ok())
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_else(|| "Website".into()),
        }
    }

    /// The rows MIGRATION.md shows about the site's identity and lists.
    pub fn identity_notes(&self) -> Vec<(String, String)> {
        let mut notes = self.identity.notes(&self.title());
        match &self.list_pagination {
            Some(p) => {
                let read: Vec<String> = p
                    .templates
                    .iter()
                    .map(|(t, paginates)| {
                        format!(
                            "`layouts/{t}` {}",
                            if *paginates {
                                "paginates"
                            } else {
                                "shows every page"
                            }
                        )
                    })
                    .collect();
                notes.push(("paginate".into(), read.join(", ")));
            }
            None => notes.push((
                "paginate".into(),
                "no list template found in layouts/ or the theme; Hugo's `paginate` kept".into(),
            )),
        }
        notes
    }
}

/// Hugo setting → where it went, or why it has no effect.
type KeyNotes = Vec<(String, String)>;

/// Which top-level Hugo settings are carried over, and why the others are
/// not; `multilingual` when the new site gets a `[languages]` table.
fn classify_keys(config: &HugoConfig, multilingual: bool) -> (KeyNotes, KeyNotes) {
    let mut used = Vec::new();
    let mut ignored = Vec::new();
    for key in config.root.keys() {
        let languages = match key.as_str() {
            "defaultcontentlanguage" => {
                Some("`default_content_language`; its pages are read from its content folder")
            }
            "languages" => Some(
                "`[languages.<code>]`: name, language_code, weight, title, description, content_dir, params and menus of each language (see \"Languages\")",
            ),
            "disablelanguages" => Some(
                "`disable_languages`: those languages are not built; their content and i18n files are copied",
            ),
            "defaultcontentlanguageinsubdir" => {
                Some("`default_content_language_in_subdir`, as Hugo applied it (see \"Languages\")")
            }
            "contentdir" => Some("the content folder of the languages without their own"),
            _ => None,
        };
        if let Some(to) = languages.filter(|_| multilingual) {
            used.push((key.clone(), to.to_string()));
            continue;
        }
        let to = match key.as_str() {
            "baseurl" => Some("`base_url`"),
            "title" => Some("`title`"),
            "defaultcontentlanguage" => Some("`language`, and which content folder is read"),
            "languages" => Some(
                "`language`, `content_dir` (contentDir), title, params and menus of the default language",
            ),
            "contentdir" => Some("`content_dir`"),
            "disablelanguages" => Some("those languages are not migrated"),
            "defaultcontentlanguageinsubdir" => {
                Some("with one language Hugo published it at the root, and so does the new site")
            }
            "permalinks" => Some("`[permalinks]`"),
            "uglyurls" => Some("`ugly_urls`"),
            "params" => Some(
                "`[params]` (keys lower-cased, as Hugo reads them); `description`, `images`, `title`/`titleHome` also become `description`, `image`, `title`",
            ),
            "menus" | "menu" if multilingual => {
                Some("`[[menu.<name>]]`, for the languages without menus of their own")
            }
            "menus" | "menu" => Some("`[[menu.<name>]]`"),
            "paginate" | "pagination" => Some(
                "`paginate` where Hugo's list template paginated (0 where it showed every page); see \"Site name, meta and lists\"",
            ),
            "languagecode" => Some("`language` (the language tag, `<html lang>` and `og:locale`)"),
            "rsslimit" => Some("`feed_limit`"),
            "images" => Some("`image`, when the file is in static/"),
            "disablekinds" => Some("taxonomy pages are made only when Hugo made them"),
            "taxonomies" => Some("`taxonomies`: the same pages for each term"),
            "disablealiases" => Some("aliases become redirect pages all the same"),
            _ => None,
        };
        if let Some(to) = to {
            used.push((key.clone(), to.to_string()));
            continue;
        }
        let why = match key.as_str() {
            "googleanalytics" | "services" => {
                "the new site has no analytics and makes no requests to other hosts"
            }
            "theme" | "module" | "themesdir" => "the new site has its own templates in templates/",
            "markup" => {
                "Markdown follows Hugo's defaults (Goldmark, raw HTML allowed, heading ids as Hugo makes them); a typographer switched off becomes `[markdown] typographer = false`"
            }
            "outputs" | "outputformats" | "mediatypes" => {
                "the new site always makes HTML pages, RSS feeds and the sitemap"
            }
            "enablerobotstxt" => "the new site always writes robots.txt",
            "enableemoji" => "`:emoji:` codes always work",
            "enablegitinfo" | "buildfuture" | "builddrafts" | "buildexpired" => {
                "a build option of Hugo; drafts and future posts follow `--drafts`"
            }
            "timeout" | "minify" | "build" | "caches" | "imaging" | "security" | "server"
            | "deployment" | "related" | "sitemap" | "privacy" | "frontmatter" => {
                "a Hugo build setting"
            }
            _ => "not used by the new site",
        };
        ignored.push((key.clone(), why.to_string()));
    }
    (used, ignored)
}

/// Converts a JSON value to TOML; `null` becomes nothing.
pub fn to_toml(value: &Value) -> Option<toml::Value> {
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => toml::Value::Boolean(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => toml::Value::Integer(i),
            None => toml::Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => toml::Value::String(s.clone()),
        Value::Array(items) => toml::Value::Array(items.iter().filter_map(to_toml).collect()),
        Value::Object(map) => toml::Value::Table(
            map.iter()
                .filter_map(|(k, v)| to_toml(v).map(|v| (k.clone(), v)))
                .collect(),
        ),
    })
}

/// The multilingual top-level keys of the new `site.toml`, and its
/// `[languages]` table with each language's menus as they were resolved.
fn languages_toml(
    languages: &Languages,
    menus: &BTreeMap<String, Menus>,
) -> (Vec<(String, toml::Value)>, toml::Table) {
    let s = |v: &str| toml::Value::String(v.to_string());
    let mut top = vec![
        (
            "default_content_language".to_string(),
            s(&languages.default),
        ),
        (
            "default_content_language_in_subdir".to_string(),
            toml::Value::Boolean(languages.subdir_in_effect()),
        ),
    ];
    if !languages.disabled.is_empty() {
        top.push((
            "disable_languages".into(),
            toml::Value::Array(languages.disabled.iter().map(|c| s(c)).collect()),
        ));
    }
    let mut tables = toml::Table::new();
    for l in &languages.list {
        let mut t = toml::Table::new();
        let mut put = |key: &str, value: &Option<String>| {
            if let Some(v) = value {
                t.insert(key.into(), s(v));
            }
        };
        put("name", &l.name);
        put("language_code", &l.language_code);
        put("title", &l.title);
        put("description", &l.description);
        put("content_dir", &l.content_dir);
        if let Some(w) = l.weight {
            t.insert("weight".into(), toml::Value::Integer(w));
        }
        let at_top = languages.only_default_built() && l.code == languages.default;
        if let Some(toml::Value::Table(params)) = to_toml(&Value::Object(l.params.clone()))
            && !params.is_empty()
            && !at_top
        {
            t.insert("params".into(), toml::Value::Table(params));
        }
        if let Some(own) = menus.get(&l.code).filter(|m| !m.is_empty()) {
            let mut menu_table = toml::Table::new();
            for (name, entries) in own {
                let items = entries
                    .iter()
                    .filter_map(|e| toml::Value::try_from(e).ok())
                    .collect();
                menu_table.insert(name.clone(), toml::Value::Array(items));
            }
            t.insert("menu".into(), toml::Value::Table(menu_table));
        }
        tables.insert(l.code.clone(), toml::Value::Table(t));
    }
    (top, tables)
}

/// Menus with their addresses resolved: name → entries.
pub type Menus = BTreeMap<String, Vec<MenuEntry>>;

/// The text of the new `site.toml`. `menus` are the top-level ones;
/// `language_menus` each language's own (code → menus), written in its
/// `[languages.<code>]` table when the site has several.
pub fn render(
    settings: &Settings,
    base_url: &str,
    main_section: &str,
    search_sections: &[String],
    menus: &Menus,
    language_menus: &BTreeMap<String, Menus>,
    section_menus: &[String],
) -> String {
    let mut table = toml::Table::new();
    let s = |v: &str| toml::Value::String(v.to_string());
    let id = &settings.identity;
    table.insert("title".into(), s(&settings.title()));
    table.insert("base_url".into(), s(base_url));
    let tag = id
        .language_tag
        .as_ref()
        .map_or(&settings.language, |f| &f.value);
    table.insert("language".into(), s(tag));
    let description = id.description.as_ref().map_or("", |f| f.value.as_str());
    table.insert("description".into(), s(description));
    if let Some(image) = &id.image {
        table.insert("image".into(), s(&image.value));
    }
    table.insert(
        "feed_limit".into(),
        toml::Value::Integer(id.feed_limit.0 as i64),
    );
    let content_dir = settings
        .languages
        .as_ref()
        .map_or(settings.content_dir.clone(), Languages::top_content_dir);
    table.insert("content_dir".into(), s(&content_dir));
    table.insert("main_section".into(), s(main_section));
    table.insert(
        "search_sections".into(),
        toml::Value::Array(search_sections.iter().map(|x| s(x)).collect()),
    );
    match &settings.list_pagination {
        Some(p) => {
            table.insert("paginate".into(), toml::Value::Integer(p.default as i64));
            if !p.sections.is_empty() {
                let sections = p
                    .sections
                    .iter()
                    .map(|(k, v)| (k.clone(), toml::Value::Integer(*v as i64)))
                    .collect();
                table.insert("section_paginate".into(), toml::Value::Table(sections));
            }
        }
        None => {
            if let Some(p) = settings.paginate.filter(|p| *p > 0) {
                table.insert("paginate".into(), toml::Value::Integer(p));
            }
        }
    }
    if settings.ugly_urls {
        table.insert("ugly_urls".into(), toml::Value::Boolean(true));
    }
    if !settings.taxonomies.is_empty() {
        table.insert(
            "taxonomies".into(),
            toml::Value::Array(settings.taxonomies.iter().map(|t| s(t)).collect()),
        );
    }
    if !settings.permalinks.is_empty() {
        table.insert(
            "permalinks".into(),
            toml::Value::Table(
                settings
                    .permalinks
                    .iter()
                    .map(|(k, v)| (k.clone(), s(v)))
                    .collect(),
            ),
        );
    }
    if !menus.is_empty() {
        let mut menu_table = toml::Table::new();
        for (name, entries) in menus {
            let items = entries
                .iter()
                .filter_map(|e| toml::Value::try_from(e).ok())
                .collect();
            menu_table.insert(name.clone(), toml::Value::Array(items));
        }
        table.insert("menu".into(), toml::Value::Table(menu_table));
    }
    if !section_menus.is_empty() {
        table.insert(
            "section_menus".into(),
            toml::Value::Array(section_menus.iter().map(|x| s(x)).collect()),
        );
    }
    if !settings.typographer {
        let mut markdown = toml::Table::new();
        markdown.insert("typographer".into(), toml::Value::Boolean(false));
        table.insert("markdown".into(), toml::Value::Table(markdown));
    }
    // With several languages each language's params are in its own table,
    // so that one language's do not reach another; with one language
    // built, the new site reads only the top level, where the default
    // language's params are written.
    let params = match &settings.languages {
        Some(l) if !l.only_default_built() => &settings.root_params,
        _ => &settings.params,
    };
    if let Some(toml::Value::Table(params)) = to_toml(&Value::Object(params.clone())) {
        table.insert("params".into(), toml::Value::Table(params));
    }
    if let Some(languages) = &settings.languages {
        let (top, tables) = languages_toml(languages, language_menus);
        table.extend(top);
        table.insert("languages".into(), toml::Value::Table(tables));
    }
    let body = toml::to_string(&table).unwrap_or_default();
    format!(
        "# Settings of this site, migrated from Hugo by `chatcontrole import hugo`.\n# See MIGRATION.md for what changed, and README.md of chatcontrole for every key.\n{body}"
    )
}

#[cfg(test)]
mod typographer_tests {
    use super::*;

    #[test_case::test_case("", None; "default on")]
    #[test_case::test_case("[markup.goldmark.extensions]\ntypographer = false\n", Some(false); "switched off in 0.111")]
    #[test_case::test_case("[markup.goldmark.extensions.typographer]\ndisable = true\n", Some(false); "switched off later")]
    #[test_case::test_case("[markup.goldmark.extensions]\ntypographer = true\n", None; "switched on")]
    fn hugo_typographer_becomes_the_markdown_table(config: &str, written: Option<bool>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("config.toml"),
            format!("baseURL = 'https://a.test/'\ntitle = 'T'\n{config}"),
        )
        .unwrap();
        let settings = settings(&HugoConfig::read(dir.path()).unwrap());
        let text = render(
            &settings,
            "https://a.test/",
            "nieuws",
            &[],
            &BTreeMap::new(),
            &BTreeMap::new(),
            &[],
        );
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        let got = parsed
            .get("markdown")
            .and_then(|m| m.get("typographer"))
            .and_then(toml::Value::as_bool);
        assert_eq!(got, written, "{text}");
    }
}
