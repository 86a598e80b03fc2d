//! The languages of a multilingual Hugo site: `defaultContentLanguage`,
//! `defaultContentLanguageInSubdir`, `disableLanguages` and
//! `[languages.<code>]`, and where each language's pages are, either in its
//! own `contentDir` (directory mode) or in the shared content folder with
//! the language in the file name, `over.en.md` (filename mode).
//!
//! A Hugo site with one language is not multilingual here: it is imported
//! as before, without a `[languages]` table, so that its `site.toml` stays
//! what it was. With two or more languages (switched off ones count: their
//! content is carried so that an editor can switch them on again) the new
//! `site.toml` gets the multilingual keys of the shared spec.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::config::HugoConfig;
use super::identity::identity;
use super::menu_config::{HugoMenus, read_menus};
use crate::content::Content;
use crate::diagnostics::{Diagnostics, Message};
use crate::msg;

/// The settings of a `[languages.<code>]` table that the new site carries.
const CARRIED: &[&str] = &[
    "languagename",
    "languagecode",
    "weight",
    "title",
    "description",
    "contentdir",
    "params",
    "menus",
    "menu",
    "disabled",
];

/// Settings of a language that decide its addresses; the new site has them
/// once for the whole site, so a language that set its own publishes
/// elsewhere than in Hugo.
const URL_SETTINGS: &[&str] = &["baseurl", "permalinks", "uglyurls", "taxonomies"];

/// The languages of a Hugo site with more than one.
#[derive(Debug, Clone)]
pub struct Languages {
    /// `defaultContentLanguage` (lower case; Hugo's default is `en`).
    pub default: String,
    /// `defaultContentLanguageInSubdir` as the Hugo site wrote it.
    pub in_subdir: bool,
    /// Switched-off languages (`disableLanguages`, or `disabled = true` in
    /// the language's table), in the order of [`Languages::list`].
    pub disabled: Vec<String>,
    /// Hugo's top-level `contentDir` (default `content`): the folder that
    /// languages without their own share.
    pub shared_content_dir: String,
    /// Every language, in Hugo's order: by weight (a language without one
    /// last), then by code.
    pub list: Vec<Language>,
    /// Settings that were read but are not carried: (setting, why).
    pub not_carried: Vec<(String, String)>,
    /// Settings the new site cannot follow and that change addresses:
    /// (setting, what changes). Each is also a warning.
    pub url_changes: Vec<(String, Message)>,
    /// What makes Hugo refuse the configuration (the default language is
    /// switched off or not defined); each is an error of the import.
    pub problems: Vec<Message>,
}

/// One language of the Hugo site, as the new `site.toml` carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// Its code, the key of `[languages.<code>]` (lower case, as Hugo reads it).
    pub code: String,
    /// `languageName`.
    pub name: Option<String>,
    /// `languageCode` (or Doks's `params.languageISO`), a BCP 47 tag.
    pub language_code: Option<String>,
    /// `weight`.
    pub weight: Option<i64>,
    /// The site's name in this language, when it differs from the
    /// top-level `title` or the language names its own.
    pub title: Option<String>,
    /// The description in this language, on the same terms as `title`.
    pub description: Option<String>,
    /// `contentDir`, relative to the site folder, when the language has its own.
    pub content_dir: Option<String>,
    /// The language's own `params`, merged over the top-level ones by the new site.
    pub params: Map<String, Value>,
    /// The language's own menus (`menus` and `menu`), which replace the
    /// top-level ones for this language.
    pub menus: HugoMenus,
    /// Whether it is switched off.
    pub disabled: bool,
}

/// A text setting of a language table.
fn text(table: &Map<String, Value>, key: &str) -> Option<String> {
    table
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// A folder setting as the new site writes it: relative, with `/`, no
/// slash at either end.
fn folder(value: &str) -> String {
    value.replace('\\', "/").trim_matches('/').to_string()
}

impl Languages {
    /// The languages of the Hugo site, or None when it has fewer than two
    /// (then it is imported as a site with one language). Menu fields the
    /// new menus do not have are added to `menu_fields_dropped`.
    pub fn read(config: &HugoConfig, menu_fields_dropped: &mut Vec<String>) -> Option<Languages> {
        let Some(Value::Object(tables)) = config.get("languages") else {
            return None;
        };
        if tables.len() < 2 {
            return None;
        }
        let default = config
            .text("defaultcontentlanguage")
            .unwrap_or_else(|| "en".into())
            .to_lowercase();
        let listed: Vec<String> = config
            .get("disablelanguages")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_lowercase)
                    .collect()
            })
            .unwrap_or_default();
        let shared_content_dir = config
            .text("contentdir")
            .map(|d| folder(&d))
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| "content".into());
        let site_identity = identity(config, &default);
        let top_title = site_identity.title.as_ref().map(|f| f.value.clone());
        let top_description = site_identity.description.as_ref().map(|f| f.value.clone());
        let mut languages = Languages {
            default: default.clone(),
            in_subdir: config.flag("defaultcontentlanguageinsubdir"),
            disabled: Vec::new(),
            shared_content_dir,
            list: Vec::new(),
            not_carried: Vec::new(),
            url_changes: Vec::new(),
            problems: Vec::new(),
        };
        for code in &listed {
            if !tables.contains_key(code) {
                languages.not_carried.push((
                    "disablelanguages".into(),
                    format!("`{code}` is not one of the site's languages; Hugo ignored it, and so does the new site"),
                ));
            }
        }
        for (code, table) in tables {
            let empty = Map::new();
            let table = table.as_object().unwrap_or(&empty);
            let own = identity(config, code);
            let own_key = format!("languages.{code}.");
            let params = table.get("params").and_then(Value::as_object);
            let own_text = |keys: &[&str]| {
                keys.iter().find_map(|k| match k.strip_prefix("params.") {
                    Some(p) => params.and_then(|params| text(params, p)),
                    None => text(table, k),
                })
            };
            // The language's name and description for the site: its own
            // when it has them; else what Hugo gave it (the top-level
            // settings), written when that differs from the default
            // language's, which the new site's top-level keys hold.
            let title = own_text(&["title", "params.title", "params.titlehome"]).or_else(|| {
                own.title
                    .map(|f| f.value)
                    .filter(|t| Some(t) != top_title.as_ref())
            });
            let description = own_text(&["description", "params.description"]).or_else(|| {
                own.description
                    .map(|f| f.value)
                    .filter(|d| Some(d) != top_description.as_ref())
            });
            let language_code = match own.language_tag {
                Some(found) if found.from.to_lowercase().starts_with(&own_key) => Some(found.value),
                Some(found) if *code == default => Some(found.value),
                _ => None,
            };
            let mut menus = read_menus(table.get("menus"), menu_fields_dropped);
            for (name, entries) in read_menus(table.get("menu"), menu_fields_dropped) {
                menus.entry(name).or_default().extend(entries);
            }
            let disabled =
                listed.contains(code) || table.get("disabled") == Some(&Value::Bool(true));
            for key in table.keys().filter(|k| !CARRIED.contains(&k.as_str())) {
                let setting = format!("languages.{code}.{key}");
                if URL_SETTINGS.contains(&key.as_str()) {
                    languages.url_changes.push((
                        setting,
                        msg!(
                            "the new site has one `{}` for every language, so the pages of `{code}` are published where the site-wide setting puts them, not where this one did",
                            "de nieuwe site heeft één `{}` voor alle talen, dus de pagina's van `{code}` komen te staan waar de instelling voor de hele site ze zet, niet waar deze ze zette",
                            key_name(key)
                        ),
                    ));
                } else {
                    languages.not_carried.push((
                        setting,
                        "the new site has no such setting for a language".into(),
                    ));
                }
            }
            languages.list.push(Language {
                code: code.clone(),
                name: text(table, "languagename"),
                language_code,
                weight: table.get("weight").and_then(Value::as_i64),
                title,
                description,
                content_dir: text(table, "contentdir")
                    .map(|d| folder(&d))
                    .filter(|d| !d.is_empty()),
                params: table
                    .get("params")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default(),
                menus,
                disabled,
            });
        }
        // Hugo's order: by weight, a language without one after those with one, then by code.
        languages.list.sort_by(|a, b| {
            let key = |l: &Language| (l.weight.unwrap_or(0) == 0, l.weight.unwrap_or(0));
            key(a).cmp(&key(b)).then_with(|| a.code.cmp(&b.code))
        });
        languages.disabled = languages
            .list
            .iter()
            .filter(|l| l.disabled)
            .map(|l| l.code.clone())
            .collect();
        match languages.get(&default) {
            None => languages.problems.push(msg!(
                "defaultContentLanguage is `{default}`, which is not one of the languages ({}); Hugo refuses this configuration",
                "defaultContentLanguage is `{default}`, en dat is geen van de talen ({}); Hugo weigert deze configuratie",
                languages.list.iter().map(|l| format!("`{}`", l.code)).collect::<Vec<_>>().join(", ")
            )),
            Some(l) if l.disabled => languages.problems.push(msg!(
                "the default language `{default}` is switched off (disableLanguages); Hugo refuses this configuration",
                "de standaardtaal `{default}` staat uit (disableLanguages); Hugo weigert deze configuratie"
            )),
            Some(_) => {}
        }
        Some(languages)
    }

    /// The language with this code.
    pub fn get(&self, code: &str) -> Option<&Language> {
        self.list.iter().find(|l| l.code == code)
    }

    /// The languages Hugo built (every one that is not switched off).
    pub fn enabled(&self) -> impl Iterator<Item = &Language> {
        self.list.iter().filter(|l| !l.disabled)
    }

    /// Whether the default language is the only one built (the others are
    /// switched off). The new site then builds it from the top-level
    /// settings, as a site of one language, so its params and menus are
    /// written there.
    pub fn only_default_built(&self) -> bool {
        self.enabled().count() == 1
    }

    /// Whether Hugo published the default language under `/<code>/`: only
    /// with `defaultContentLanguageInSubdir` and more than one language
    /// built (with one, Hugo 0.111 publishes it at the root whatever the
    /// setting says).
    pub fn subdir_in_effect(&self) -> bool {
        self.in_subdir && self.enabled().count() > 1
    }

    /// What the addresses of a language start with: `""` at the root,
    /// `/en` for a language in its own folder.
    pub fn prefix(&self, code: &str) -> String {
        if self.enabled().count() <= 1 || (code == self.default && !self.subdir_in_effect()) {
            String::new()
        } else {
            format!("/{code}")
        }
    }

    /// The content folder of a language, relative to the site folder.
    pub fn content_dir_of<'a>(&'a self, language: &'a Language) -> &'a str {
        language
            .content_dir
            .as_deref()
            .unwrap_or(&self.shared_content_dir)
    }

    /// The new site's top-level `content_dir`: Hugo's shared folder when a
    /// language reads it; when every language has its own folder, the
    /// default language's (no language reads the top-level one then, and a
    /// tool that knows of one language finds the default language's pages).
    pub fn top_content_dir(&self) -> String {
        match self.get(&self.default) {
            Some(l) if self.list.iter().all(|l| l.content_dir.is_some()) => {
                self.content_dir_of(l).to_string()
            }
            _ => self.shared_content_dir.clone(),
        }
    }

    /// The content folders to copy, each once, in the order of the languages.
    pub fn folders(&self) -> Vec<String> {
        let mut folders: Vec<String> = Vec::new();
        for l in &self.list {
            let dir = self.content_dir_of(l).to_string();
            if !folders.contains(&dir) {
                folders.push(dir);
            }
        }
        folders
    }

    /// The languages that read `folder`.
    fn owners(&self, folder: &str) -> Vec<&Language> {
        self.list
            .iter()
            .filter(|l| self.content_dir_of(l) == folder)
            .collect()
    }

    /// Whether more than one language reads `folder`, telling its pages
    /// apart by the language in their file names.
    pub fn is_shared(&self, folder: &str) -> bool {
        self.owners(folder).len() > 1
    }

    /// The language a file of a content folder belongs to, and its path as
    /// that language sees it (`over.en.md` → `en`, `over.md`). In a folder
    /// of one language every file is that language's, as it is for the
    /// loader; in a shared folder a file named with a language's code
    /// belongs to it, and any other to the default language (or, when the
    /// default has a folder of its own, the first language that reads it).
    pub fn language_of(&self, folder: &str, rel: &str) -> (String, String) {
        let owners = self.owners(folder);
        let first = owners
            .iter()
            .find(|l| l.code == self.default)
            .or(owners.first())
            .map_or(self.default.clone(), |l| l.code.clone());
        if owners.len() <= 1 {
            return (first, rel.to_string());
        }
        match self.suffix(rel) {
            Some((code, stripped)) => (code, stripped),
            None => (first, rel.to_string()),
        }
    }

    /// `over.en.md` → (`en`, `over.md`) when `en` is one of the languages.
    fn suffix(&self, rel: &str) -> Option<(String, String)> {
        let (dir, name) = match rel.rsplit_once('/') {
            Some((dir, name)) => (format!("{dir}/"), name),
            None => (String::new(), rel),
        };
        let (stem, ext) = name.rsplit_once('.')?;
        let (base, code) = stem.rsplit_once('.')?;
        let code = code.to_lowercase();
        if base.is_empty() || self.get(&code).is_none() {
            return None;
        }
        Some((code, format!("{dir}{base}.{ext}")))
    }

    /// The files of a shared `folder` that belong to `code`, each as the
    /// language sees it: its Markdown files, and the other files named for
    /// it or for no language (page resources Hugo publishes with each
    /// language's page).
    pub fn view_files(&self, folder: &str, code: &str, files: &[String]) -> Vec<(String, String)> {
        files
            .iter()
            .filter_map(|rel| {
                let (language, seen) = self.language_of(folder, rel);
                let markdown = rel.ends_with(".md");
                let named = self.suffix(rel).is_some();
                (language == code || (!markdown && !named)).then(|| (rel.clone(), seen))
            })
            .collect()
    }
}

/// A lower-cased Hugo setting as Hugo's documentation writes it.
fn key_name(key: &str) -> &str {
    match key {
        "baseurl" => "baseURL",
        "uglyurls" => "uglyURLs",
        other => other,
    }
}

/// A copy of one language's files of a shared content folder, named as that
/// language sees them, so that the content loader reads the language's pages
/// (`over.en.md` as `over.md`); it is removed when dropped.
pub struct View {
    dir: tempfile::TempDir,
    /// Copied file → the file in the Hugo folder.
    originals: HashMap<PathBuf, PathBuf>,
}

/// The start of the name of a view's temporary folder; a view left by an
/// import that was killed is removed by the next one.
pub const VIEW_PREFIX: &str = ".chatcontrole-language-view-";

impl View {
    /// Copies `files` (path in `folder` → path as the language sees it) of
    /// the Hugo content folder `folder` into a new temporary folder.
    pub fn new(folder: &Path, files: &[(String, String)]) -> std::io::Result<View> {
        let parent = std::env::temp_dir();
        crate::leftovers::remove_stale(&parent, VIEW_PREFIX);
        let dir = crate::leftovers::create(&parent, VIEW_PREFIX)?;
        let mut originals = HashMap::new();
        for (rel, seen) in files {
            let target = dir.path().join(seen);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(folder.join(rel), &target)?;
            originals.insert(target, folder.join(rel));
        }
        Ok(View { dir, originals })
    }

    /// The folder to load the language's pages from.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The Hugo file a path of the view stands for (itself if it is not in the view).
    pub fn original(&self, path: &Path) -> PathBuf {
        self.originals
            .get(path)
            .cloned()
            .unwrap_or_else(|| path.to_path_buf())
    }

    /// Diagnostics of loading the view, naming the Hugo files.
    pub fn diagnostics(&self, diags: Diagnostics) -> Diagnostics {
        let mut out = Diagnostics::new();
        out.extend(diags.into_iter().map(|mut d| {
            d.file = self.original(&d.file);
            d
        }));
        out
    }

    /// Content loaded from the view, naming the Hugo files.
    pub fn content(&self, mut content: Content) -> Content {
        for page in &mut content.pages {
            if let Some(file) = page.file.take() {
                page.file = Some(self.original(&file));
            }
        }
        for resource in &mut content.resources {
            resource.source = self.original(&resource.source);
        }
        content.warnings = self.diagnostics(std::mem::take(&mut content.warnings));
        content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(config: &str) -> Option<Languages> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        Languages::read(&HugoConfig::read(dir.path()).unwrap(), &mut Vec::new())
    }

    const TWO: &str = "baseURL = 'https://a.test/'\ntitle = 'Chatcontrole'\ndefaultContentLanguage = 'nl'\n[languages.nl]\nlanguageName = 'Nederlands'\nlanguageCode = 'nl-NL'\nweight = 1\ncontentDir = 'content/nl'\n[languages.en]\nlanguageName = 'English'\nweight = 2\ntitle = 'Chat control'\ncontentDir = 'content/en/'\n[languages.en.params]\ndescription = 'Against chat control'\n";

    #[test]
    fn one_language_is_not_multilingual() {
        assert!(read("baseURL = 'https://a.test/'\n[languages.nl]\nweight = 1\n").is_none());
        assert!(read("baseURL = 'https://a.test/'\n").is_none());
    }

    #[test]
    fn two_languages_in_their_own_folders() {
        let l = read(TWO).unwrap();
        assert_eq!(l.default, "nl");
        let codes: Vec<&str> = l.list.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["nl", "en"]);
        let en = l.get("en").unwrap();
        assert_eq!(en.title.as_deref(), Some("Chat control"));
        assert_eq!(en.description.as_deref(), Some("Against chat control"));
        assert_eq!(en.content_dir.as_deref(), Some("content/en"));
        assert_eq!(en.language_code, None);
        let nl = l.get("nl").unwrap();
        assert_eq!(nl.language_code.as_deref(), Some("nl-NL"));
        assert_eq!(nl.title, None, "the top-level title is the default's");
        assert_eq!(l.prefix("nl"), "");
        assert_eq!(l.prefix("en"), "/en");
        assert_eq!(l.top_content_dir(), "content/nl");
        assert_eq!(l.folders(), ["content/nl", "content/en"]);
        assert_eq!(
            l.language_of("content/en", "over.nl.md"),
            ("en".to_string(), "over.nl.md".to_string()),
            "a folder of one language: every file is that language's"
        );
        assert!(l.problems.is_empty());
    }

    #[test]
    fn filename_mode_tells_languages_apart_by_suffix() {
        let l = read("defaultContentLanguage = 'nl'\n[languages.nl]\nweight = 1\n[languages.en]\nweight = 2\n").unwrap();
        assert_eq!(l.top_content_dir(), "content");
        assert!(l.is_shared("content"));
        let of = |rel: &str| l.language_of("content", rel);
        assert_eq!(of("over.en.md"), ("en".into(), "over.md".into()));
        assert_eq!(
            of("nieuws/_index.en.md"),
            ("en".into(), "nieuws/_index.md".into())
        );
        assert_eq!(of("b/index.en.md"), ("en".into(), "b/index.md".into()));
        assert_eq!(of("over.md"), ("nl".into(), "over.md".into()));
        assert_eq!(of("versie.1.2.md"), ("nl".into(), "versie.1.2.md".into()));
        let files: Vec<String> = [
            "over.md",
            "over.en.md",
            "b/index.md",
            "b/kaart.svg",
            "b/kaart.nl.svg",
        ]
        .map(String::from)
        .to_vec();
        let en: Vec<String> = l
            .view_files("content", "en", &files)
            .into_iter()
            .map(|(_, seen)| seen)
            .collect();
        assert_eq!(en, ["over.md", "b/kaart.svg"]);
    }

    #[test]
    fn disabled_languages_and_the_subdir_setting() {
        let l = read("defaultContentLanguage = 'nl'\ndefaultContentLanguageInSubdir = true\ndisableLanguages = ['de', 'fr']\n[languages.nl]\nweight = 1\n[languages.en]\nweight = 2\n[languages.de]\nweight = 3\n").unwrap();
        assert_eq!(l.disabled, ["de"]);
        assert!(l.subdir_in_effect());
        assert_eq!(l.prefix("nl"), "/nl");
        assert!(l.not_carried.iter().any(|(_, why)| why.contains("`fr`")));

        // With one language built Hugo ignores the subdir setting.
        let one = read("defaultContentLanguage = 'nl'\ndefaultContentLanguageInSubdir = true\ndisableLanguages = ['en']\n[languages.nl]\nweight = 1\n[languages.en]\nweight = 2\n").unwrap();
        assert!(!one.subdir_in_effect());
        assert_eq!(one.prefix("nl"), "");
        assert!(one.only_default_built());
        assert!(!l.only_default_built());
    }

    #[test]
    fn what_hugo_refuses_is_a_problem() {
        let l = read("defaultContentLanguage = 'fr'\n[languages.nl]\n[languages.en]\n").unwrap();
        assert!(l.problems[0].contains("`fr`"), "{:?}", l.problems);
        let l = read("defaultContentLanguage = 'nl'\ndisableLanguages = ['nl']\n[languages.nl]\n[languages.en]\n").unwrap();
        assert!(l.problems[0].contains("switched off"), "{:?}", l.problems);
        assert!(l.problems[0].nl.contains("staat uit"), "{:?}", l.problems);
    }

    #[test]
    fn settings_that_move_pages_are_named() {
        let l = read("defaultContentLanguage = 'nl'\n[languages.nl]\n[languages.en]\nbaseURL = 'https://en.a.test/'\nlanguageDirection = 'ltr'\n").unwrap();
        assert_eq!(l.url_changes[0].0, "languages.en.baseurl");
        assert_eq!(l.not_carried[0].0, "languages.en.languagedirection");
    }

    #[test]
    fn both_menu_spellings_are_read() {
        let l = read("defaultContentLanguage = 'nl'\n[languages.nl]\n[[languages.nl.menus.main]]\nname = 'Nieuws'\nurl = '/nieuws/'\n[languages.en]\n[[languages.en.menu.main]]\nname = 'News'\npageRef = '/nieuws'\n").unwrap();
        assert_eq!(l.get("nl").unwrap().menus["main"][0].0.name, "Nieuws");
        let en = &l.get("en").unwrap().menus["main"][0];
        assert_eq!(
            (en.0.name.as_str(), en.1.as_deref()),
            ("News", Some("/nieuws"))
        );
    }
}
