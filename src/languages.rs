//! The languages of a site, as Hugo's multilingual mode has them:
//! `[languages.<code>]` in site.toml with a name, weight, title, params,
//! menus and content folder per language, the default language at `/` (or
//! `/<code>/` with `default_content_language_in_subdir`) and every other
//! one under `/<code>/`. A site without `[languages]` has one language,
//! its `language`, and is built exactly as before.
//!
//! Each language is built as a site of its own from
//! [`SiteConfig::for_language`], with the data shared and the interface
//! strings of that language; [`Alternates`] links the pages that are
//! translations of each other.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostics;
pub use crate::language_table::{Language, LanguageConfig, primary};

impl SiteConfig {
    /// The code of the default language: `default_content_language`, else
    /// the primary subtag of `language`.
    pub fn default_language(&self) -> String {
        self.default_content_language
            .clone()
            .unwrap_or_else(|| primary(&self.language))
    }

    /// True when the site has more than one language to build.
    pub fn is_multilingual(&self) -> bool {
        self.languages().len() > 1
    }

    /// The languages the site is built in, the default one first, then by
    /// weight and code; disabled languages are left out. A site without
    /// `[languages]` has one: its default language, at the root.
    pub fn languages(&self) -> Vec<Language> {
        let default = self.default_language();
        let enabled = |code: &String, lang: &LanguageConfig| {
            !lang.disabled
                && !self
                    .disable_languages
                    .iter()
                    .any(|d| d.eq_ignore_ascii_case(code))
        };
        let mut list: Vec<Language> = self
            .languages
            .iter()
            .filter(|(code, lang)| enabled(code, lang) || **code == default)
            .map(|(code, lang)| {
                let is_default = *code == default;
                Language {
                    code: code.clone(),
                    tag: lang.language_code.clone().unwrap_or_else(|| {
                        if is_default && primary(&self.language) == *code {
                            self.language.clone()
                        } else {
                            code.clone()
                        }
                    }),
                    name: lang.name.clone().unwrap_or_else(|| code.clone()),
                    weight: lang.weight,
                    is_default,
                    dir: if is_default && !self.default_content_language_in_subdir {
                        String::new()
                    } else {
                        code.clone()
                    },
                }
            })
            .collect();
        if !list.iter().any(|l| l.is_default) {
            list.push(Language {
                code: default.clone(),
                tag: self.language.clone(),
                name: default.clone(),
                weight: 0,
                is_default: true,
                dir: if self.default_content_language_in_subdir && !self.languages.is_empty() {
                    default
                } else {
                    String::new()
                },
            });
        }
        list.sort_by(|a, b| {
            (!a.is_default, a.weight, &a.code).cmp(&(!b.is_default, b.weight, &b.code))
        });
        list
    }

    /// The settings of one of the site's languages: its title,
    /// description, tag, params, menus and content folder over the site's,
    /// and the base URL of its folder (`https://example.org/en/`).
    pub fn for_language(&self, language: &Language) -> SiteConfig {
        let mut config = self.clone();
        config.language = language.tag.clone();
        if !language.dir.is_empty() {
            config.base_url = self.base_url.below(&language.dir);
        }
        if let Some(own) = self.languages.get(&language.code) {
            if let Some(title) = &own.title {
                config.title = title.clone();
            }
            if let Some(description) = &own.description {
                config.description = description.clone();
            }
            for (key, value) in &own.params {
                config.params.insert(key.clone(), value.clone());
            }
            if !own.menu.is_empty() {
                config.menu = own.menu.clone();
            }
            if let Some(dir) = &own.content_dir {
                config.content_dir = dir.clone();
            }
        }
        config.current_language = Some(language.clone());
        config
    }

    /// The language these settings render ([`SiteConfig::for_language`]);
    /// the default language for the site's own settings.
    pub fn language_of(&self) -> Language {
        self.current_language.clone().unwrap_or_else(|| {
            let languages = self.languages();
            languages
                .into_iter()
                .find(|l| l.is_default)
                .expect("languages() always has the default language")
        })
    }

    /// True when the language's pages are the `*.<code>.md` files of a
    /// content folder it shares with other languages (no `content_dir` of
    /// its own while another language has the same folder). A switched-off
    /// language counts: its `*.<code>.md` files are not the others' pages.
    pub fn shares_content_folder(&self) -> bool {
        let folder = |code: &str| {
            self.languages
                .get(code)
                .and_then(|c| c.content_dir.clone())
                .unwrap_or_else(|| self.content_dir.clone())
        };
        let mine = folder(&self.language_of().code);
        self.language_codes()
            .iter()
            .filter(|code| folder(code) == mine)
            .count()
            > 1
    }

    /// The code of every language site.toml names, switched off or not.
    pub fn language_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.languages.keys().cloned().collect();
        for code in &self.disable_languages {
            if !codes.iter().any(|c| c.eq_ignore_ascii_case(code)) {
                codes.push(code.clone());
            }
        }
        codes
    }
}

/// A page in one language as the translation index knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternate {
    /// The language's code (`en`).
    pub lang: String,
    /// Its tag for `hreflang` (`en-GB`).
    pub hreflang: String,
    /// Its name in itself, for the language switch.
    pub name: String,
    /// The site path of the page, with the language's folder (`/en/about/`).
    pub path: String,
    /// True when this is the page or a translation of it, false when it is
    /// the language's home page standing in for a page that has none (and,
    /// from `alternates(page)`, for the page itself when it has no
    /// translation at all).
    pub translation: bool,
}

/// Which pages are translations of which: content pages by their
/// `translationKey` or their path in the content folder, the pages made
/// from the data (guide, Council, levels, contact tool, search) by their
/// path, which is the same in every language.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    languages: Vec<Language>,
    /// Per language code: content page path (without the language folder)
    /// → its key.
    keys: HashMap<String, HashMap<String, String>>,
    /// Per key: language code → content page path.
    pages: HashMap<String, BTreeMap<String, String>>,
}

impl Translations {
    /// An index of the `languages` and, per language code, the content
    /// pages as (site path without the language folder, translation key).
    pub fn new(languages: Vec<Language>, pages: Vec<(String, Vec<(String, String)>)>) -> Self {
        let mut index = Translations {
            languages,
            ..Default::default()
        };
        for (lang, list) in pages {
            for (path, key) in list {
                index
                    .pages
                    .entry(key.clone())
                    .or_default()
                    .insert(lang.clone(), path.clone());
                index
                    .keys
                    .entry(lang.clone())
                    .or_default()
                    .insert(path, key);
            }
        }
        index
    }

    /// Where a link in language `lang` to a page path of the default
    /// language goes when `lang` has no page at that path: to the
    /// translation (`/schrijf/` → `/en/write/`, with `prefix`, the
    /// language's path prefix), else to the default language's page (with
    /// `root`, the root's path prefix). Empty for the default language.
    pub fn links_to_default_pages(
        &self,
        lang: &str,
        prefix: &str,
        root: &str,
    ) -> BTreeMap<String, String> {
        let Some(default) = self.languages.iter().find(|l| l.is_default) else {
            return BTreeMap::new();
        };
        if default.code == lang {
            return BTreeMap::new();
        }
        let own = self.keys.get(lang);
        let default_dir = if default.dir.is_empty() {
            String::new()
        } else {
            format!("/{}", default.dir)
        };
        self.keys
            .get(&default.code)
            .into_iter()
            .flatten()
            .filter(|(path, _)| own.is_none_or(|own| !own.contains_key(*path)))
            .map(|(path, key)| {
                let link = match self.pages.get(key).and_then(|p| p.get(lang)) {
                    Some(translation) => format!("{prefix}{translation}"),
                    None => format!("{root}{default_dir}{path}"),
                };
                (path.clone(), link)
            })
            .collect()
    }

    /// The languages, the default one first.
    pub fn languages(&self) -> &[Language] {
        &self.languages
    }

    /// The page at `path` (without the language folder) of language `lang`
    /// in every language: itself, its translations, and the home page of
    /// each language that has no translation of it. `data_page` is true for
    /// a page made from the data, which every language has at the same path.
    pub fn alternates(&self, lang: &str, path: &str, data_page: bool) -> Vec<Alternate> {
        let key = self.keys.get(lang).and_then(|k| k.get(path));
        self.languages
            .iter()
            .map(|l| {
                let found = if l.code == lang {
                    Some(path.to_string())
                } else if let Some(key) = key {
                    self.pages.get(key).and_then(|p| p.get(&l.code)).cloned()
                } else if data_page {
                    Some(path.to_string())
                } else {
                    None
                };
                let (path, translation) = match found {
                    Some(p) => (join(&l.dir, &p), true),
                    None => (l.home_path(), false),
                };
                Alternate {
                    lang: l.code.clone(),
                    hreflang: l.tag.clone(),
                    name: l.name.clone(),
                    path,
                    translation,
                }
            })
            .collect()
    }
}

/// The template function `alternates(page)`: the page in every language of
/// the site (see [`Translations::alternates`]), each as `{lang, hreflang,
/// name, url, permalink, translation, current}`: what the language switch
/// and the `hreflang` links are made of. A site with one language gets an
/// empty list: no switch, no alternates.
pub fn alternates_function(
    translations: std::sync::Arc<Translations>,
    language: &Language,
    settings: &SiteConfig,
) -> minijinja::Value {
    #[derive(Serialize)]
    struct Entry {
        lang: String,
        hreflang: String,
        name: String,
        url: String,
        permalink: String,
        translation: bool,
        current: bool,
    }
    let lang = language.code.clone();
    let prefix = settings.root_files.prefix.clone();
    let root = settings.base_url.with_path_prefix(&prefix);
    let single = translations.languages().len() < 2;
    minijinja::Value::from_function(
        move |page: minijinja::Value| -> Result<minijinja::Value, minijinja::Error> {
            if single {
                return Ok(minijinja::Value::from(Vec::<minijinja::Value>::new()));
            }
            let path = page.get_attr("path")?;
            let Some(path) = path.as_str() else {
                return Ok(minijinja::Value::from(Vec::<minijinja::Value>::new()));
            };
            let kind = page.get_attr("kind")?;
            let kind = kind.as_str().unwrap_or("page");
            let data_page = !matches!(kind, "section" | "404");
            let mut found = translations.alternates(&lang, path, data_page);
            // A page without any translation has no alternates, not even itself.
            if !found.iter().any(|a| a.translation && a.lang != lang) {
                for a in &mut found {
                    a.translation = false;
                }
            }
            let entries: Vec<Entry> = found
                .into_iter()
                .map(|a| Entry {
                    current: a.lang == lang,
                    url: format!("{prefix}{}", a.path),
                    permalink: root.join_path(&a.path),
                    lang: a.lang,
                    hreflang: a.hreflang,
                    name: a.name,
                    translation: a.translation,
                })
                .collect();
            Ok(minijinja::Value::from_serialize(&entries))
        },
    )
}

/// The redirect pages a site with several languages needs, as Hugo makes
/// them: `/<code>/` of the default language to `/` when it is at the root,
/// or `/` to `/<code>/` when it is in its folder.
pub fn render_language_redirects(
    config: &SiteConfig,
    languages: &[Language],
    out: &mut crate::output::Output,
    diags: &mut Diagnostics,
) {
    let Some(default) = languages.iter().find(|l| l.is_default) else {
        return;
    };
    let (from, to) = if default.dir.is_empty() {
        (format!("/{}/", default.code), "/".to_string())
    } else {
        ("/".to_string(), default.home_path())
    };
    let target = crate::html::escape(&config.root_url(&to));
    let html = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{target}</title><link rel=\"canonical\" href=\"{target}\"><meta name=\"robots\" content=\"noindex\"><meta http-equiv=\"refresh\" content=\"0; url={target}\"></head><body><p><a href=\"{target}\">{target}</a></p></body></html>\n",
        lang = crate::html::escape(&default.tag),
    );
    match out.add_page(&from, html, None) {
        Ok(()) => out.mark_redirect(&from),
        Err(e) => diags.push(e),
    }
}

/// A site path inside a language's folder: `/about/` in `en` → `/en/about/`.
pub fn join(dir: &str, path: &str) -> String {
    if dir.is_empty() {
        path.to_string()
    } else {
        format!("/{dir}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, Diagnostics> {
        SiteConfig::parse(std::path::Path::new("site.toml"), text)
    }

    const TWO: &str = "title = 'Chatcontrole'\nbase_url = 'https://e.org/'\nlanguage = 'nl-NL'\n[languages.nl]\nname = 'Nederlands'\nweight = 1\n[languages.en]\nlanguageName = 'English'\nlanguageCode = 'en-GB'\nweight = 2\ntitle = 'Chat control'\n[languages.en.params]\ntagline = 'Private stays private'\n[[languages.en.menu.main]]\nname = 'News'\nurl = '/news/'\n";

    #[test]
    fn a_site_without_languages_has_one_at_the_root() {
        let c = parse("title='T'\nbase_url='https://e.org/'\nlanguage='nl-NL'\n").unwrap();
        let langs = c.languages();
        assert_eq!(langs.len(), 1);
        assert_eq!(
            (
                langs[0].code.as_str(),
                langs[0].tag.as_str(),
                langs[0].dir.as_str()
            ),
            ("nl", "nl-NL", "")
        );
        assert!(!c.is_multilingual());
    }

    #[test]
    fn the_default_language_is_at_the_root_and_others_below() {
        let c = parse(TWO).unwrap();
        let langs = c.languages();
        let summary: Vec<_> = langs
            .iter()
            .map(|l| {
                (
                    l.code.as_str(),
                    l.tag.as_str(),
                    l.dir.as_str(),
                    l.name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("nl", "nl-NL", "", "Nederlands"),
                ("en", "en-GB", "en", "English")
            ]
        );
        let en = c.for_language(&langs[1]);
        assert_eq!(en.title, "Chat control");
        assert_eq!(en.path_prefix(), "/en");
        assert_eq!(en.absolute_url("/raad/"), "https://e.org/en/raad/");
        assert_eq!(en.params["tagline"].as_str(), Some("Private stays private"));
        assert_eq!(en.menu["main"][0].name, "News");
        assert_eq!(en.language, "en-GB");
        let nl = c.for_language(&langs[0]);
        assert_eq!(nl.path_prefix(), "");
    }

    #[test]
    fn in_subdir_and_disabled() {
        let text =
            format!("default_content_language_in_subdir = true\ndisable_languages = ['en']\n{TWO}");
        let c = parse(&text).unwrap();
        let langs = c.languages();
        assert_eq!(langs.len(), 1);
        assert_eq!(langs[0].dir, "nl");
        assert_eq!(c.for_language(&langs[0]).path_prefix(), "/nl");
    }

    #[test]
    fn mistakes_are_on_their_lines() {
        let text = "title='T'\nbase_url='https://e.org/'\ndefault_content_language = 'fr'\n[languages.nl]\n[languages.en]\nlanguage_code = 'en GB'\ncontent_dir = '../x'\n[[languages.en.menu.main]]\nname = 'X'\nurl = 'javascript:alert(1)'\n";
        let err = parse(text).unwrap_err();
        let lines: Vec<usize> = err.sorted().iter().map(|d| d.line).collect();
        assert_eq!(lines, [3, 6, 7, 10], "{err}");
    }

    #[test]
    fn translations_by_key_and_by_data_path() {
        let c = parse(TWO).unwrap();
        let t = Translations::new(
            c.languages(),
            vec![
                (
                    "nl".into(),
                    vec![
                        ("/over/".into(), "over.md".into()),
                        ("/nieuws/a/".into(), "nieuws/a.md".into()),
                    ],
                ),
                ("en".into(), vec![("/about/".into(), "over.md".into())]),
            ],
        );
        let over = t.alternates("nl", "/over/", false);
        assert_eq!(over[1].path, "/en/about/");
        assert!(over[1].translation);
        let about = t.alternates("en", "/about/", false);
        assert_eq!(
            (about[0].path.as_str(), about[0].translation),
            ("/over/", true)
        );
        let news = t.alternates("nl", "/nieuws/a/", false);
        assert_eq!(
            (news[1].path.as_str(), news[1].translation),
            ("/en/", false)
        );
        let raad = t.alternates("en", "/raad/", true);
        assert_eq!(
            (raad[0].path.as_str(), raad[1].path.as_str()),
            ("/raad/", "/en/raad/")
        );
    }
}
