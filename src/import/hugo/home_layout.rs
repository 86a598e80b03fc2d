//! What the Hugo site's home page layout (`layouts/index.html`) showed
//! besides the home page's own text: buttons and links, lists of the newest
//! posts, partials such as an animation and the images they use. Layouts are
//! not migrated, so the report names each of these with what to do, instead
//! of letting a hero and its buttons disappear without a word.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)<!--.*?-->|\{\{-?\s*/\*.*?\*/\s*-?\}\}").expect("valid comment pattern")
});
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<a\b[^>]*?\bhref="([^"{}]*)"[^>]*>(.*?)</a>"#).expect("valid link pattern")
});
static TAG_OR_ACTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<[^>]*>|\{\{.*?\}\}").expect("valid tag pattern"));
static I18N: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{-?\s*i18n\s+"([^"]+)"\s*-?\}\}"#).expect("valid i18n pattern")
});
static PARTIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"partial\s+"([^"]+)""#).expect("valid partial pattern"));
static LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"where\s+\.Site\.RegularPages\s+"Section"\s+"([^"]+)"(?:\s*\|\s*first\s+(\d+))?"#)
        .expect("valid list pattern")
});
static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:src|href|data)="/?([^"{}:]+\.(?:svg|png|jpe?g|gif|webp))""#)
        .expect("valid image pattern")
});

/// What the home layout showed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HomeLayout {
    /// The layout file, relative to the Hugo folder.
    pub file: String,
    /// Links and buttons with a fixed address: (text, address).
    pub links: Vec<(String, String)>,
    /// Lists of other pages: (section, how many; None for all).
    pub lists: Vec<(String, Option<usize>)>,
    /// Partials it includes, with the images each one uses.
    pub partials: Vec<(String, Vec<String>)>,
    /// Images it uses itself.
    pub images: Vec<String>,
}

impl HomeLayout {
    /// True when the layout shows nothing beyond the home page's text.
    pub fn is_plain(&self) -> bool {
        self.links.is_empty()
            && self.lists.is_empty()
            && self.partials.is_empty()
            && self.images.is_empty()
    }

    /// The to-do for the report, in words.
    pub fn todo(&self, home_file: &str) -> String {
        let mut parts = Vec::new();
        if !self.links.is_empty() {
            let links: Vec<String> = self
                .links
                .iter()
                .map(|(text, href)| format!("[{text}]({href})"))
                .collect();
            parts.push(format!("buttons and links {}", links.join(", ")));
        }
        for (section, n) in &self.lists {
            parts.push(match n {
                Some(n) => format!("the newest {n} posts of `{section}`"),
                None => format!("every post of `{section}`"),
            });
        }
        for (partial, images) in &self.partials {
            let uses = if images.is_empty() {
                String::new()
            } else {
                format!(" (uses {})", code_list(images))
            };
            parts.push(format!("the partial `{partial}`{uses}"));
        }
        if !self.images.is_empty() {
            parts.push(format!("the images {}", code_list(&self.images)));
        }
        format!(
            "the Hugo home page layout `{}` showed more than the home page's text: {}. The new home (templates/index.html) shows {home_file} and the newest posts of `main_section`; write the buttons and links into {home_file} as Markdown, and port a partial into templates/index.html by hand (without inline scripts or styles) or leave it out",
            self.file,
            parts.join("; ")
        )
    }
}

fn code_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads the home layout of the Hugo site (its own, else a theme's) and
/// what it shows; `i18n` resolves `{{ i18n "key" }}` in link texts.
pub fn read(hugo_dir: &Path, i18n: &dyn Fn(&str) -> Option<String>) -> Option<HomeLayout> {
    let root = hugo_dir.canonicalize().ok()?;
    let hugo_dir = root.as_path();
    let mut candidates = vec!["layouts/index.html".to_string()];
    let (themes, _) = crate::confined::subfolders(&hugo_dir.join("themes"), hugo_dir);
    candidates.extend(themes.iter().filter_map(|t| {
        let rel = t.strip_prefix(hugo_dir).ok()?;
        Some(format!("{}/layouts/index.html", rel.display()))
    }));
    let (file, text) = candidates.into_iter().find_map(|rel| {
        let path = crate::confined::resolve_inside(&hugo_dir.join(&rel), hugo_dir).ok()?;
        std::fs::read_to_string(path).ok().map(|t| (rel, t))
    })?;
    let layout_dir = hugo_dir.join(file.trim_end_matches("index.html"));
    let mut layout = analyse(&text, i18n);
    layout.file = file;
    for (partial, images) in &mut layout.partials {
        let path = layout_dir.join("partials").join(partial.as_str());
        if let Ok(path) = crate::confined::resolve_inside(&path, hugo_dir)
            && let Ok(source) = std::fs::read_to_string(path)
        {
            *images = images_in(&source);
        }
    }
    Some(layout)
}

/// Looks up `key` in the Hugo site's translation file for `language`
/// (`i18n/nl.yaml`, `.yml`, `.toml` or `.json`; Hugo's list of `id` and
/// `translation`, or a table of keys), for the text of a button.
pub fn translation(hugo_dir: &Path, language: &str, key: &str) -> Option<String> {
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    let (path, text) = [language, primary]
        .iter()
        .flat_map(|l| {
            ["yaml", "yml", "toml", "json"].map(|x| hugo_dir.join(format!("i18n/{l}.{x}")))
        })
        .find_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))?;
    let value: serde_json::Value = match path.extension().and_then(|x| x.to_str()) {
        Some("toml") => toml::from_str::<toml::Value>(&text)
            .ok()
            .and_then(|v| serde_json::to_value(v).ok())?,
        Some("json") => serde_json::from_str(&text).ok()?,
        _ => serde_yaml::from_str(&text).ok()?,
    };
    let text_of = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        other => other
            .get("other")
            .and_then(|o| o.as_str())
            .map(str::to_string),
    };
    match &value {
        serde_json::Value::Array(items) => items
            .iter()
            .find(|i| i.get("id").and_then(|id| id.as_str()) == Some(key))
            .and_then(|i| i.get("translation"))
            .and_then(text_of),
        serde_json::Value::Object(map) => map.get(key).and_then(text_of),
        _ => None,
    }
}

/// What a home layout's text shows (without reading its partials).
fn analyse(text: &str, i18n: &dyn Fn(&str) -> Option<String>) -> HomeLayout {
    // What is commented out was never shown (Doks's own feature list, for one).
    let text = &*COMMENT.replace_all(text, " ");
    let links = LINK
        .captures_iter(text)
        .filter(|c| !c[1].is_empty())
        .map(|c| {
            let inner = I18N.replace_all(&c[2], |k: &regex::Captures| {
                i18n(&k[1]).unwrap_or_else(|| k[1].to_string())
            });
            let words = TAG_OR_ACTION.replace_all(&inner, " ");
            let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
            (
                if words.is_empty() {
                    c[1].to_string()
                } else {
                    words
                },
                c[1].to_string(),
            )
        })
        .collect();
    let lists = LIST
        .captures_iter(text)
        .map(|c| {
            (
                c[1].to_string(),
                c.get(2).and_then(|n| n.as_str().parse().ok()),
            )
        })
        .collect();
    let mut partials: Vec<(String, Vec<String>)> = Vec::new();
    for c in PARTIAL.captures_iter(text) {
        if !partials.iter().any(|(p, _)| *p == c[1]) {
            partials.push((c[1].to_string(), Vec::new()));
        }
    }
    HomeLayout {
        file: String::new(),
        links,
        lists,
        partials,
        images: images_in(text),
    }
}

fn images_in(text: &str) -> Vec<String> {
    let mut images: Vec<String> = IMAGE
        .captures_iter(text)
        .map(|c| c[1].to_string())
        .collect();
    images.dedup();
    images
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_buttons_lists_partials_and_images() {
        let text = r##"{{ define "main" }}<h1>{{ .Title }}</h1>
<a class="btn" href="#meer" role="button">{{ i18n "more-info" }}</a>
{{ range ( where .Site.RegularPages "Section" "nieuws" | first 3 ) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
<a class="btn" href="/nieuws">Meer <b>nieuws</b></a>
{{ partial "content/phone.html" . }}<img src="/images/logo.svg" alt="">{{ end }}
{{ define "extra" }}<!-- {{ if false }}<a href="https://observatory.example/">Uit</a>{{ end }} -->{{/* <a href="/weg/">Weg</a> */}}{{ end }}"##;
        let layout = analyse(text, &|k| {
            (k == "more-info").then(|| "Meer weten".to_string())
        });
        assert_eq!(
            layout.links,
            [
                ("Meer weten".to_string(), "#meer".to_string()),
                ("Meer nieuws".to_string(), "/nieuws".to_string())
            ]
        );
        assert_eq!(layout.lists, [("nieuws".to_string(), Some(3))]);
        assert_eq!(
            layout.partials,
            [("content/phone.html".to_string(), vec![])]
        );
        assert_eq!(layout.images, ["images/logo.svg"]);
        assert!(!layout.is_plain());
    }

    #[test]
    fn a_layout_with_only_title_and_content_is_plain() {
        let layout = analyse(
            r#"{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}"#,
            &|_| None,
        );
        assert!(layout.is_plain());
    }
}
