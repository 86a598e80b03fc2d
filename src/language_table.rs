//! The `[languages.<code>]` tables of site.toml as Hugo's multilingual
//! mode has them, read and checked where site.toml is read; what a site
//! does with its languages is in [`crate::languages`].

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::settings_rules::{MenuEntry, check_menus, is_inside, is_language_tag, key_position};

/// One `[languages.<code>]` table of site.toml.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// The language's name in itself, shown in the language switch
    /// (`Nederlands`, `English`); the code when not given.
    #[serde(default, alias = "languageName")]
    pub name: Option<String>,
    /// Its BCP 47 tag for `<html lang>`, `hreflang` and feeds (`en-GB`);
    /// the code when not given.
    #[serde(default, alias = "languageCode")]
    pub language_code: Option<String>,
    /// Lower weights come first in the language switch; the default
    /// language is built first whatever its weight.
    #[serde(default)]
    pub weight: i64,
    /// The site's name in this language.
    #[serde(default)]
    pub title: Option<String>,
    /// The site's description in this language.
    #[serde(default)]
    pub description: Option<String>,
    /// The folder of this language's pages (`content/en`); without it the
    /// language's pages are the `*.<code>.md` files of the site's content
    /// folder (Hugo's translation by file name).
    #[serde(default, alias = "contentDir")]
    pub content_dir: Option<String>,
    /// Values for templates, over the site's `[params]` (a key here wins).
    #[serde(default)]
    pub params: toml::Table,
    /// This language's menus; when given, they replace the site's `[menu]`.
    #[serde(default, alias = "menus")]
    pub menu: BTreeMap<String, Vec<MenuEntry>>,
    /// Hugo's `disabled`: the language is not built.
    #[serde(default)]
    pub disabled: bool,
}

/// One language a site is built in, as the build and the templates see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    /// The code as site.toml names it (`nl`, `en`): the folder of its pages
    /// and the name of its i18n file.
    pub code: String,
    /// Its BCP 47 tag (`en-GB`).
    pub tag: String,
    /// Its name in itself (`English`).
    pub name: String,
    /// Its weight in the language switch.
    pub weight: i64,
    /// True for the default language.
    pub is_default: bool,
    /// The folder below the output root its pages go to: `""` for the
    /// language at the root, `en` for `/en/`.
    pub dir: String,
}

impl Language {
    /// The site path of this language's home page: `/` or `/en/`.
    pub fn home_path(&self) -> String {
        if self.dir.is_empty() {
            "/".to_string()
        } else {
            format!("/{}/", self.dir)
        }
    }
}

/// The primary subtag of a language tag, lower case: `nl` for `nl-NL`.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Checks the language settings where site.toml is read: codes, the
/// default language, menus and content folders.
pub fn check(
    languages: &mut BTreeMap<String, LanguageConfig>,
    default: &str,
    disabled: &[String],
    path: &Path,
    text: &str,
    diags: &mut Diagnostics,
) {
    for code in languages.keys() {
        if !is_code(code) {
            let (line, col) = table_position(text, code);
            diags.push(
                Diagnostic::error(
                    "language-code-invalid",
                    path,
                    line,
                    col,
                    msg!(
                        "`{code}` is not a language code",
                        "`{code}` is geen taalcode"
                    ),
                )
                .with_hint(msg!(
                    "name each language by its code, for example [languages.en] or [languages.pt-br]",
                    "geef elke taal de naam van haar taalcode, bijvoorbeeld [languages.en] of [languages.pt-br]"
                )),
            );
        }
    }
    if !languages.is_empty() && !languages.contains_key(default) {
        let (line, col) = key_position(text, "default_content_language");
        let known: Vec<&str> = languages.keys().map(String::as_str).collect();
        diags.push(
            Diagnostic::error(
                "language-default-missing",
                path,
                line,
                col,
                msg!(
                    "the default language `{default}` has no [languages.{default}] table",
                    "de standaardtaal `{default}` heeft geen tabel [languages.{default}]"
                ),
            )
            .with_hint(msg!(
                "add [languages.{default}], or set default_content_language to one of: {}",
                "voeg [languages.{default}] toe, of zet default_content_language op een van: {}",
                known.join(", ")
            )),
        );
    }
    if disabled.iter().any(|d| d.eq_ignore_ascii_case(default)) {
        let (line, col) = key_position(text, "disable_languages");
        diags.push(
            Diagnostic::error(
                "language-default-disabled",
                path,
                line,
                col,
                msg!(
                    "the default language `{default}` cannot be disabled",
                    "de standaardtaal `{default}` kan niet worden uitgezet"
                ),
            )
            .with_hint(msg!(
                "remove it from disable_languages, or make another language the default",
                "haal hem uit disable_languages, of maak een andere taal de standaardtaal"
            )),
        );
    }
    for (code, lang) in languages.iter_mut() {
        if let Some(dir) = &lang.content_dir
            && !is_inside(dir)
        {
            let (line, col) = key_position(text, "content_dir");
            diags.push(
                Diagnostic::error(
                    "language-content-dir-outside",
                    path,
                    line,
                    col,
                    msg!(
                        "`content_dir` of language `{code}` must be a folder inside the site folder: {dir:?}",
                        "`content_dir` van taal `{code}` moet een map binnen de map van de site zijn: {dir:?}"
                    ),
                )
                .with_hint(msg!(
                    "write it relative to the site folder, for example content_dir = \"content/{code}\"",
                    "schrijf het pad vanaf de map van de site, bijvoorbeeld content_dir = \"content/{code}\""
                )),
            );
        }
        if let Some(tag) = &lang.language_code
            && !is_language_tag(tag)
        {
            let (line, col) = key_position(text, "language_code");
            diags.push(
                Diagnostic::error(
                    "language-tag-invalid",
                    path,
                    line,
                    col,
                    msg!(
                        "`language_code` of language `{code}` is not a language tag: {tag:?}",
                        "`language_code` van taal `{code}` is geen taalcode: {tag:?}"
                    ),
                )
                .with_hint(msg!(
                    "write a language code, optionally with its region: \"en\" or \"en-GB\"",
                    "schrijf een taalcode, eventueel met de regio: \"en\" of \"en-GB\""
                )),
            );
        }
        check_menus(&mut lang.menu, path, text, diags);
    }
}

/// True for a language code as Hugo names languages: letters, digits and
/// `-`, starting with a letter (`en`, `pt-br`, `zh-hans`).
fn is_code(code: &str) -> bool {
    let mut chars = code.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && code.len() <= 35
}

/// Line and column of the `[languages.<code>]` header, or (0, 0).
fn table_position(text: &str, code: &str) -> (usize, usize) {
    let header = format!("[languages.{code}");
    text.lines()
        .enumerate()
        .find(|(_, l)| l.trim_start().starts_with(&header))
        .map(|(i, l)| (i + 1, l.len() - l.trim_start().len() + 1))
        .unwrap_or((0, 0))
}
