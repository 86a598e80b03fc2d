//! Finds what a Hugo site says about itself where Hugo, Doks and common
//! themes keep it: its name, description, default share image, language tag
//! and feed length. A Doks site often has an empty top-level `title` and
//! its name in `params.titleHome` or the language's params; reading only
//! `title` gave migrated sites no name at all.

use std::path::Path;

use serde_json::Value;

use super::config::HugoConfig;

/// A value and the Hugo setting it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The value, as the new site uses it.
    pub value: String,
    /// Where it was found (`languages.nl.params.titleHome`).
    pub from: String,
}

/// What the Hugo configuration says about the site itself.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    /// The site's name.
    pub title: Option<Found>,
    /// Its description.
    pub description: Option<Found>,
    /// Its default share image: a site path or an http(s) address.
    pub image: Option<Found>,
    /// A default image named in the settings that the site does not have.
    pub image_missing: Option<Found>,
    /// The BCP 47 language tag (`nl-NL`).
    pub language_tag: Option<Found>,
    /// Items per feed (0: all, Hugo's default) and where that came from.
    pub feed_limit: (usize, String),
}

/// Where the name is looked for, in order: Hugo's own `.Site.Title`
/// (the language's `title`, then `title`), then the params themes use.
const TITLE_KEYS: &[&str] = &[
    "languages.{l}.title",
    "title",
    "languages.{l}.params.title",
    "params.title",
    "languages.{l}.params.titlehome",
    "params.titlehome",
];
const DESCRIPTION_KEYS: &[&str] = &[
    "languages.{l}.params.description",
    "params.description",
    "languages.{l}.description",
    "description",
];
const IMAGE_KEYS: &[&str] = &[
    "languages.{l}.params.images",
    "params.images",
    "languages.{l}.params.image",
    "params.image",
    "languages.{l}.images",
    "images",
];
const LANGUAGE_KEYS: &[&str] = &[
    "languages.{l}.languagecode",
    "languagecode",
    "languages.{l}.params.languageiso",
    "params.languageiso",
];

/// Reads the site's identity for the migrated `language` from `config`.
pub fn identity(config: &HugoConfig, language: &str) -> Identity {
    let find = |keys: &[&str]| -> Option<Found> {
        keys.iter().find_map(|key| {
            let key = key.replace("{l}", language);
            let value = match config.get(&key)? {
                Value::Array(items) => items.first()?.as_str()?.trim().to_string(),
                Value::String(s) => s.trim().to_string(),
                _ => return None,
            };
            (!value.is_empty()).then(|| Found {
                value,
                from: written_key(&key),
            })
        })
    };
    let language_tag = find(LANGUAGE_KEYS)
        .map(|f| Found {
            value: f.value.replace('_', "-"),
            ..f
        })
        .filter(|f| is_tag(&f.value));
    let limit = |key: &str| {
        config
            .get(key)
            .and_then(Value::as_i64)
            .map(|n| (n, format!("`{}`", written_key(key))))
    };
    let feed_limit = match limit("rsslimit").or_else(|| limit("services.rss.limit")) {
        Some((n, from)) if n > 0 => (n as usize, from),
        Some((_, from)) => (0, from),
        None => (0, "Hugo's default (no limit)".into()),
    };
    Identity {
        title: find(TITLE_KEYS),
        description: find(DESCRIPTION_KEYS),
        image: find(IMAGE_KEYS),
        image_missing: None,
        language_tag,
        feed_limit,
    }
}

impl Identity {
    /// Keeps the default image only when the Hugo site has it in `static/`
    /// (copied to the new site's `static/`) or it is an http(s) address;
    /// a site path is written with its leading `/`.
    pub fn check_image(&mut self, hugo_dir: &Path) {
        let Some(image) = self.image.take() else {
            return;
        };
        if image.value.starts_with("https://") || image.value.starts_with("http://") {
            self.image = Some(image);
            return;
        }
        let rel = image.value.trim_start_matches('/');
        if !rel.is_empty() && !rel.contains("..") && hugo_dir.join("static").join(rel).is_file() {
            self.image = Some(Found {
                value: format!("/{rel}"),
                from: image.from,
            });
        } else {
            self.image_missing = Some(image);
        }
    }

    /// Rows for MIGRATION.md: (site.toml key, where its value came from).
    pub fn notes(&self, fallback_title: &str) -> Vec<(String, String)> {
        let mut notes = Vec::new();
        let from = |f: &Option<Found>| f.as_ref().map(|f| format!("`{}`", f.from));
        notes.push((
            "title".into(),
            from(&self.title).unwrap_or_else(|| {
                format!("not found in the Hugo settings; \"{fallback_title}\" for now")
            }),
        ));
        notes.push((
            "description".into(),
            from(&self.description).unwrap_or_else(|| "not found in the Hugo settings".into()),
        ));
        notes.push((
            "image".into(),
            match (&self.image, &self.image_missing) {
                (Some(f), _) => format!("`{}` (`{}`)", f.from, f.value),
                (None, Some(m)) => format!(
                    "`{}` names `{}`, which is not in static/; not set",
                    m.from, m.value
                ),
                (None, None) => "not found in the Hugo settings".into(),
            },
        ));
        notes.push((
            "language".into(),
            from(&self.language_tag).unwrap_or_else(|| {
                "no languageCode: the language code (defaultContentLanguage)".into()
            }),
        ));
        notes.push(("feed_limit".into(), self.feed_limit.1.clone()));
        notes
    }

    /// What an editor must still do about the site's identity.
    pub fn todo(&self) -> Vec<String> {
        let mut todo = Vec::new();
        if self.title.is_none() {
            todo.push("give the site its name: `title` in site.toml (none of `title`, `params.title`, `params.titleHome` or the language's was set)".to_string());
        }
        if self.description.is_none() {
            todo.push("describe the site: `description` in site.toml (no `params.description` was set); pages without a description of their own use it".to_string());
        }
        match &self.image_missing {
            Some(m) => todo.push(format!(
                "the default share image `{}` (from `{}`) is not in static/: put it there and set `image = \"/{}\"` in site.toml",
                m.value,
                m.from,
                m.value.trim_start_matches('/')
            )),
            None if self.image.is_none() => todo.push(
                "choose a default share image (`og:image`) for pages without one: `image` in site.toml".to_string(),
            ),
            None => {}
        }
        todo
    }
}

/// `languages.nl.params.titlehome` as people write it: `languages.nl.params.titleHome`.
fn written_key(key: &str) -> String {
    key.replace("titlehome", "titleHome")
        .replace("languagecode", "languageCode")
        .replace("languageiso", "languageISO")
        .replace("rsslimit", "rssLimit")
}

/// A BCP 47 tag as sites write them (`nl`, `nl-NL`).
fn is_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=8).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(toml_text: &str) -> HugoConfig {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), toml_text).unwrap();
        HugoConfig::read(dir.path()).unwrap()
    }

    #[test_case::test_case("title = 'T'\n", Some("T"), "title"; "top level")]
    #[test_case::test_case("title = ''\n[params]\ntitleHome = 'Doks'\n", Some("Doks"), "params.titleHome"; "doks title home")]
    #[test_case::test_case("title = ''\n[params]\ntitleHome = 'A'\n[languages.nl.params]\ntitleHome = 'B'\n", Some("B"), "languages.nl.params.titleHome"; "language params win")]
    #[test_case::test_case("[languages.nl]\ntitle = 'L'\n[params]\ntitle = 'P'\n", Some("L"), "languages.nl.title"; "language title first")]
    #[test_case::test_case("title = '  '\n", None, ""; "blank is none")]
    fn finds_the_name(text: &str, value: Option<&str>, from: &str) {
        let found = identity(&config(text), "nl").title;
        assert_eq!(found.as_ref().map(|f| f.value.as_str()), value);
        if let Some(f) = found {
            assert_eq!(f.from, from);
        }
    }

    #[test]
    fn finds_image_language_tag_and_feed_limit() {
        let c = config(
            "rssLimit = 10\nlanguageCode = 'nl_NL'\n[params]\nimages = ['images/logo.svg']\n",
        );
        let id = identity(&c, "nl");
        assert_eq!(id.image.unwrap().value, "images/logo.svg");
        assert_eq!(id.language_tag.unwrap().value, "nl-NL");
        assert_eq!(id.feed_limit, (10, "`rssLimit`".into()));
        let newer = identity(&config("[services.rss]\nlimit = 5\n"), "nl");
        assert_eq!(newer.feed_limit, (5, "`services.rss.limit`".into()));
        assert_eq!(identity(&config("title = 'T'\n"), "nl").feed_limit.0, 0);
    }

    #[test]
    fn a_missing_image_is_a_todo_not_a_setting() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("static/images")).unwrap();
        std::fs::write(dir.path().join("static/images/a.png"), "x").unwrap();
        let mut id = Identity {
            image: Some(Found {
                value: "images/a.png".into(),
                from: "params.images".into(),
            }),
            ..Identity::default()
        };
        id.check_image(dir.path());
        assert_eq!(id.image.as_ref().unwrap().value, "/images/a.png");
        id.image = Some(Found {
            value: "images/weg.png".into(),
            from: "params.images".into(),
        });
        id.check_image(dir.path());
        assert!(id.image.is_none());
        assert!(
            id.todo().iter().any(|t| t.contains("images/weg.png")),
            "{:?}",
            id.todo()
        );
    }
}
