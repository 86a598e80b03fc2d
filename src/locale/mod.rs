//! What changes with the language a page is written in: its interface
//! strings ([`strings`], Hugo's i18n files) and how it writes dates,
//! numbers and lists ([`format`]). Each language of a site is rendered with
//! its own [`Locale`]; templates reach it through `T`/`i18n` and the
//! formatting filters, Rust views through [`Locale::t`] and friends.

pub mod format;
pub mod strings;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use format::Formats;
use strings::{Strings, Translation};

/// The built-in strings: the example site's own i18n files, carried by the
/// binary so that every site using our theme and views has them.
const BUILTIN: &[(&str, &str)] = &[
    ("nl", include_str!("../../site/i18n/nl.toml")),
    ("en", include_str!("../../site/i18n/en.toml")),
];

/// The built-in strings of language `code` (empty for a language we have
/// none for).
pub fn builtin(code: &str) -> Strings {
    BUILTIN
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(c, text)| strings::parse(Path::new(&format!("i18n/{c}.toml")), text).ok())
        .unwrap_or_default()
}

/// True when the binary has strings for language `code`.
pub fn has_builtin(code: &str) -> bool {
    BUILTIN.iter().any(|(c, _)| *c == code)
}

/// The codes of the languages the binary has strings for.
pub fn builtin_languages() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(c, _)| *c)
}

/// One language's strings and formats.
#[derive(Debug, Clone)]
pub struct Locale {
    code: String,
    tag: String,
    formats: Formats,
    /// Built-in strings with the site's file over them.
    own: Arc<Strings>,
    /// The default language's strings, for keys this language lacks.
    fallback: Arc<Strings>,
    /// The language's i18n file, or where it would be.
    file: PathBuf,
}

impl Locale {
    /// The locale of language `code` (`en`) with tag `tag` (`en-GB`):
    /// `own` are its strings, `fallback` those of the default language.
    pub fn new(code: &str, tag: &str, own: Strings, fallback: Arc<Strings>, file: PathBuf) -> Self {
        Locale {
            code: code.to_string(),
            tag: tag.to_string(),
            formats: Formats::of(tag),
            own: Arc::new(own),
            fallback,
            file,
        }
    }

    /// The built-in locale of `code`, with nothing from a site: for tests
    /// and for commands that print outside a site build.
    pub fn builtin(code: &str) -> Locale {
        let own = builtin(code);
        let fallback = Arc::new(builtin(if has_builtin(code) { "nl" } else { "en" }));
        Locale::new(
            code,
            code,
            own,
            fallback,
            PathBuf::from(format!("i18n/{code}.toml")),
        )
    }

    /// The language's code (`en`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The language's tag (`en-GB`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The i18n file of this language (it may not exist).
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// True when the language has its own text for `key`.
    pub fn has(&self, key: &str) -> bool {
        self.own.contains_key(key)
    }

    fn lookup(&self, key: &str) -> Option<&Translation> {
        self.own.get(key).or_else(|| self.fallback.get(key))
    }

    /// The text of `key`; the key itself when no language has it, so that
    /// the gap shows (and `check` names it).
    pub fn t(&self, key: &str) -> String {
        self.text(key, None, &[])
    }

    /// The text of `key` for `count` things, with `{{ .Count }}` filled in.
    pub fn tn(&self, key: &str, count: i64) -> String {
        self.text(key, Some(count), &[])
    }

    /// The text of `key` with its named placeholders (`{{ .Name }}`) filled
    /// from `args`.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(String, String)> = args
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.text(key, None, &args)
    }

    /// The text of `key` for `count` (if any) with `args` filled in.
    pub fn text(&self, key: &str, count: Option<i64>, args: &[(String, String)]) -> String {
        match self.lookup(key) {
            Some(t) => strings::fill(t.pick(count, &self.code), count, args),
            None => key.to_string(),
        }
    }

    /// A calendar day as this language writes it (`9 September 2025`).
    pub fn date(&self, date: NaiveDate) -> String {
        self.formats.date(date)
    }

    /// A month of a year (`September 2025`).
    pub fn month(&self, date: NaiveDate) -> String {
        self.formats.month(date)
    }

    /// A whole number with grouped thousands (`451,028,881`).
    pub fn number(&self, n: i64) -> String {
        self.formats.number(n)
    }

    /// Items as a sentence lists them ("A, B and C").
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        self.formats.list(items)
    }

    /// Every key this language has a text for.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.own.keys()
    }
}

/// Reads the site's i18n files and makes the locale of every language in
/// `languages` (code, tag); the first is the default language. A file that
/// cannot be read is an error in `diags`.
pub fn load(site: &Path, languages: &[(String, String)], diags: &mut Diagnostics) -> Vec<Locale> {
    let files = strings::files(site);
    let mut own: BTreeMap<String, Strings> = BTreeMap::new();
    for (code, _) in languages {
        let mut strings = builtin(code);
        if let Some(file) = files.get(&code.to_ascii_lowercase()) {
            match strings::read(file) {
                Ok(site_strings) => strings.extend(site_strings),
                Err(e) => diags.extend(e),
            }
        }
        own.insert(code.clone(), strings);
    }
    let default = languages
        .first()
        .map(|(c, _)| c.clone())
        .unwrap_or_default();
    let fallback = Arc::new(own.get(&default).cloned().unwrap_or_default());
    // A language the theme has no strings for falls back to English, which
    // more of its readers understand than the default language.
    let english = Arc::new(own.get("en").cloned().unwrap_or_else(|| builtin("en")));
    languages
        .iter()
        .map(|(code, tag)| {
            let file = files
                .get(&code.to_ascii_lowercase())
                .cloned()
                .unwrap_or_else(|| site.join("i18n").join(format!("{code}.toml")));
            let fallback = if has_builtin(code) || *code == default {
                fallback.clone()
            } else {
                english.clone()
            };
            Locale::new(
                code,
                tag,
                own.remove(code).unwrap_or_default(),
                fallback,
                file,
            )
        })
        .collect()
}

/// One use of `T("key")` in a template: the key and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyUse {
    /// The key.
    pub key: String,
    /// The template file.
    pub file: PathBuf,
    /// 1-based line and column.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

/// The keys templates ask for with a literal: `T("key")`, `T('key', …)`,
/// `i18n("key")`, in `source` (the text of `file`).
pub fn key_uses(file: &Path, source: &str) -> Vec<KeyUse> {
    static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"\b(?:T|i18n)\(\s*(?:"([^"]+)"|'([^']+)')"#).expect("a valid pattern")
    });
    PATTERN
        .captures_iter(source)
        .filter_map(|c| {
            let m = c.get(1).or_else(|| c.get(2))?;
            let call = c.get(0)?;
            let (line, column) = crate::diagnostics::line_col(source, call.start());
            Some(KeyUse {
                key: m.as_str().to_string(),
                file: file.to_path_buf(),
                line,
                column,
            })
        })
        .collect()
}

/// A warning for every key in `uses` that `locale` has no text for, once
/// per key: file and line of its first use, the key, the language and the
/// file to add it to.
pub fn missing_keys(uses: &[KeyUse], locale: &Locale) -> Diagnostics {
    let mut seen = BTreeSet::new();
    let mut diags = Diagnostics::new();
    for u in uses {
        if locale.has(&u.key) || !seen.insert(u.key.clone()) {
            continue;
        }
        diags.push(
            Diagnostic::warning(
                "i18n-key-untranslated",
                &u.file,
                u.line,
                u.column,
                msg!(
                    "the interface string `{}` has no translation in language `{}`",
                    "de interfacetekst `{}` heeft geen vertaling in de taal `{}`",
                    u.key,
                    locale.code()
                ),
            )
            .with_hint(msg!(
                "add `{} = \"…\"` to {}; until then pages in `{}` show it in another language (English, or the default language)",
                "zet `{} = \"…\"` in {}; tot dan tonen pagina's in `{}` deze tekst in een andere taal (Engels, of de standaardtaal)",
                u.key,
                locale.file().display(),
                locale.code()
            )),
        );
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_dutch_and_english_have_the_same_keys() {
        let nl: BTreeSet<String> = builtin("nl").into_keys().collect();
        let en: BTreeSet<String> = builtin("en").into_keys().collect();
        let only_nl: Vec<_> = nl.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&nl).collect();
        assert!(
            only_nl.is_empty() && only_en.is_empty(),
            "only in nl: {only_nl:?}; only in en: {only_en:?}"
        );
        assert!(!nl.is_empty());
    }

    #[test]
    fn a_language_without_builtin_strings_falls_back_to_english() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("i18n")).unwrap();
        std::fs::write(
            site.path().join("i18n/de.toml"),
            "footer_about = \"Über uns\"\n",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let languages = [
            ("nl".to_string(), "nl-NL".to_string()),
            ("de".to_string(), "de-DE".to_string()),
        ];
        let locales = load(site.path(), &languages, &mut diags);
        assert!(diags.is_empty());
        let de = &locales[1];
        assert_eq!(de.t("footer_about"), "Über uns");
        assert_eq!(de.t("menu_search"), Locale::builtin("en").t("menu_search"));
        assert!(
            !de.has("menu_search"),
            "a key shown in English is still missing in German"
        );
        assert_eq!(
            Locale::builtin("de").t("menu_search"),
            Locale::builtin("en").t("menu_search")
        );
        assert_eq!(
            locales[0].t("menu_search"),
            Locale::builtin("nl").t("menu_search")
        );
    }

    #[test]
    fn a_missing_key_falls_back_and_is_named() {
        let mut nl = Strings::new();
        nl.insert(
            "hello".into(),
            Translation {
                one: None,
                other: "Hallo".into(),
            },
        );
        let en = Locale::new(
            "en",
            "en-GB",
            Strings::new(),
            Arc::new(nl),
            PathBuf::from("site/i18n/en.toml"),
        );
        assert_eq!(en.t("hello"), "Hallo");
        assert_eq!(en.t("nowhere"), "nowhere");
        let uses = key_uses(
            Path::new("templates/base.html"),
            "<p>\n{{ T(\"hello\") }} {{ i18n('hello', 2) }}</p>",
        );
        assert_eq!(uses.len(), 2);
        let warnings = missing_keys(&uses, &en);
        let d: Vec<_> = warnings.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (2, 4));
        assert!(
            d[0].message.contains("`hello`") && d[0].message.contains("`en`"),
            "{}",
            d[0].message
        );
        assert!(d[0].hint.as_deref().unwrap().contains("site/i18n/en.toml"));
        assert_eq!(d[0].code, "i18n-key-untranslated");
        assert_eq!(
            d[0].message.nl,
            "de interfacetekst `hello` heeft geen vertaling in de taal `en`"
        );
    }

    #[test]
    fn plurals_and_placeholders() {
        let mut en = Strings::new();
        en.insert(
            "votes".into(),
            Translation {
                one: Some("{{ .Count }} vote".into()),
                other: "{{ .Count }} votes".into(),
            },
        );
        en.insert(
            "by".into(),
            Translation {
                one: None,
                other: "by {{ .Name }}".into(),
            },
        );
        let l = Locale::new("en", "en", en, Arc::new(Strings::new()), PathBuf::new());
        assert_eq!(l.tn("votes", 1), "1 vote");
        assert_eq!(l.tn("votes", 2), "2 votes");
        assert_eq!(l.tf("by", &[("name", "VVD")]), "by VVD");
        assert_eq!(l.number(451_028_881), "451,028,881");
    }
}
