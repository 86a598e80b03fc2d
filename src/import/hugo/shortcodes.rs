//! What happens to each Hugo shortcode (`layouts/shortcodes/*.html`): the
//! built-in one is used when the purpose matches (alert, details, email,
//! audio, video), a plain-HTML one is copied, a Go-template one is
//! translated, and one that cannot be translated is kept aside for a hand
//! port. Also finds where pages use shortcodes, so the report can name them.

use std::collections::BTreeMap;
use std::path::Path;

use super::translate;

/// Whether a chatcontrole site has a built-in shortcode called `name`.
pub fn is_builtin(name: &str) -> bool {
    crate::render::builtin_shortcodes::find(name).is_some()
}

/// Other names Hugo themes give shortcodes with the purpose of a built-in one.
const BUILTIN_ALIASES: &[(&str, &str)] = &[
    ("callout", "alert"),
    ("notice", "alert"),
    ("note", "alert"),
    ("warning", "alert"),
    ("collapse", "details"),
    ("spoiler", "details"),
    ("mail", "email"),
    ("e-mail", "email"),
    ("mailto", "email"),
];

/// What the importer does with one shortcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The built-in shortcode of this name is used.
    Builtin(String),
    /// Plain HTML, copied as a template.
    Copied,
    /// Translated to a minijinja template.
    Translated,
    /// Needs a hand port; the reason.
    HandPort(translate::TranslateError),
}

/// One shortcode of the Hugo site.
#[derive(Debug, Clone)]
pub struct Shortcode {
    /// Its name (the file name without `.html`).
    pub name: String,
    /// What happens to it.
    pub outcome: Outcome,
    /// The template to write to `templates/shortcodes/<name>.html`, if any.
    pub template: Option<String>,
    /// The original Go template.
    pub original: String,
    /// Problems with the CSP that the template has (inline scripts, styles).
    pub notes: Vec<String>,
}

/// Decides what happens to the shortcode `name` with Go template `source`.
pub fn classify(name: &str, source: &str) -> Shortcode {
    let builtin = builtin_for(name, source);
    let mut notes = Vec::new();
    let lower = source.to_ascii_lowercase();
    let (outcome, template) = match builtin {
        Some(b) if b == name => (Outcome::Builtin(b), None),
        Some(b) => {
            let wrapper = format!(
                "{{#- Migrated from Hugo: uses the built-in `{b}` shortcode. -#}}\n{{% include \"shortcodes/{b}.html\" %}}\n"
            );
            (Outcome::Builtin(b), Some(wrapper))
        }
        None if !source.contains("{{") => (Outcome::Copied, Some(translate::plain_html(source))),
        None => match translate::translate(source) {
            Ok(t) => (Outcome::Translated, Some(t)),
            Err(reason) => (Outcome::HandPort(reason), None),
        },
    };
    if template.is_some() && outcome != Outcome::Builtin(name.to_string()) {
        if lower.contains("<script") {
            notes.push(
                "has a <script>, which the site's Content-Security-Policy blocks".to_string(),
            );
        }
        if lower.contains(" style=") {
            notes.push(
                "has style attributes, which the site's Content-Security-Policy blocks".to_string(),
            );
        }
    }
    Shortcode {
        name: name.to_string(),
        outcome,
        template,
        original: source.to_string(),
        notes,
    }
}

/// The built-in shortcode with the same purpose, by name, or by content for
/// an e-mail link written with a script.
fn builtin_for(name: &str, source: &str) -> Option<String> {
    let lower_name = name.to_ascii_lowercase();
    if is_builtin(&lower_name) {
        return Some(lower_name);
    }
    if let Some((_, b)) = BUILTIN_ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower_name)
    {
        return Some(b.to_string());
    }
    let lower = source.to_ascii_lowercase();
    if lower.contains("mailto") && lower.contains("<script") {
        return Some("email".into());
    }
    None
}

/// One place a page calls a shortcode.
#[derive(Debug, Clone)]
pub struct Use {
    /// The content file, as written in the new site.
    pub file: String,
    /// The 1-based line of the call in that file.
    pub line: usize,
    /// The call, with its arguments.
    pub call: crate::content::shortcodes::Call,
}

/// Keeps a mapping to a built-in only when the built-in reads every argument
/// the site's calls pass: otherwise the shortcode is translated from its own
/// template (or kept aside for a hand port), with a note naming the calls, so
/// no argument is dropped on the way (Doks's `email user= domain=` once lost
/// its address this way).
pub fn keep_arguments(sc: Shortcode, uses: &[Use]) -> Shortcode {
    let Outcome::Builtin(b) = &sc.outcome else {
        return sc;
    };
    let Some(builtin) = crate::render::builtin_shortcodes::find(b) else {
        return sc;
    };
    let dropped: Vec<String> = uses
        .iter()
        .filter_map(|u| {
            let mut call = u.call.clone();
            call.name = b.clone();
            builtin
                .check(&call)
                .err()
                .map(|why| format!("`{}:{}`: {why}", u.file, u.line))
        })
        .collect();
    if dropped.is_empty() {
        return sc;
    }
    let (outcome, template) = match translate::translate(&sc.original) {
        Ok(t) => (Outcome::Translated, Some(t)),
        Err(reason) => (Outcome::HandPort(reason), None),
    };
    let mut notes = sc.notes;
    notes.push(format!(
        "not mapped to the built-in `{b}`, which would drop what these calls pass: {}",
        dropped.join("; ")
    ));
    Shortcode {
        outcome,
        template,
        notes,
        ..sc
    }
}

/// Reads the shortcodes of a Hugo site: the site's own, then a theme's that
/// the site does not override. Folders and links that lead out of the Hugo
/// folder are not read but returned.
pub fn read_all(hugo_dir: &Path) -> (BTreeMap<String, Shortcode>, Vec<crate::confined::Refused>) {
    let mut found = BTreeMap::new();
    let mut folders = vec![hugo_dir.join("layouts/shortcodes")];
    let (themes, mut refused) = crate::confined::subfolders(&hugo_dir.join("themes"), hugo_dir);
    folders.extend(themes.into_iter().map(|t| t.join("layouts/shortcodes")));
    for folder in folders {
        let walk = crate::confined::files(&folder, hugo_dir);
        refused.extend(walk.refused);
        for path in walk.files {
            if path.extension().is_none_or(|x| x != "html") {
                continue;
            }
            let name = crate::output::slash_path(&folder, &path)
                .trim_end_matches(".html")
                .to_string();
            if found.contains_key(&name) {
                continue;
            }
            if let Ok(source) = std::fs::read_to_string(&path) {
                found.insert(name.clone(), classify(&name, &source));
            }
        }
    }
    (found, refused)
}

/// Where a page uses shortcodes: (1-based line in the body, the call).
pub fn uses(body: &str) -> Vec<(usize, crate::content::shortcodes::Call)> {
    let Ok(pieces) = crate::content::shortcodes::parse(body, &|_| false) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    collect(body, 0, &pieces, &mut out);
    out
}

fn collect(
    body: &str,
    base: usize,
    pieces: &[crate::content::shortcodes::Piece],
    out: &mut Vec<(usize, crate::content::shortcodes::Call)>,
) {
    for piece in pieces {
        if let crate::content::shortcodes::Piece::Call(call) = piece {
            let offset = base + call.offset;
            out.push((
                body[..offset.min(body.len())].matches('\n').count() + 1,
                call.clone(),
            ));
            if let Some(inner) = &call.inner
                && let Ok(nested) = crate::content::shortcodes::parse(inner, &|_| false)
            {
                collect(body, base + call.inner_offset, &nested, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("alert", "<div>{{ .Inner }}</div>", Outcome::Builtin("alert".into()); "same name")]
    #[test_case("obfuscated", "<script>document.write('<a href=\"mailto:' + x)</script>", Outcome::Builtin("email".into()); "email by content")]
    #[test_case("tijdlijn", "<ol><li>2022</li></ol>", Outcome::Copied; "plain html")]
    #[test_case("knop", "<a href=\"{{ .Get \"href\" }}\">x</a>", Outcome::Translated; "go template")]
    fn classifies(name: &str, source: &str, expected: Outcome) {
        assert_eq!(classify(name, source).outcome, expected);
    }

    #[test]
    fn untranslatable_keeps_the_reason_and_writes_no_template() {
        let s = classify(
            "laatste",
            "{{ range where .Site.RegularPages \"Section\" \"x\" }}{{ end }}",
        );
        assert!(
            matches!(&s.outcome, Outcome::HandPort(r) if r.to_string().contains(".Site.RegularPages")),
            "{:?}",
            s.outcome
        );
        assert!(s.template.is_none());
    }

    #[test]
    fn another_name_for_a_builtin_gets_a_wrapper() {
        let s = classify("mail", "<a>{{ .Get 0 }}</a>");
        assert_eq!(s.outcome, Outcome::Builtin("email".into()));
        assert!(
            s.template
                .unwrap()
                .contains("include \"shortcodes/email.html\"")
        );
    }

    #[test]
    fn finds_uses_with_lines_including_nested_ones() {
        let body = "Tekst\n\n{{< a x=\"1\" >}}\n{{% b %}}\nbinnen {{< c >}}\n{{% /b %}}\n";
        let found: Vec<(String, usize)> = uses(body)
            .into_iter()
            .map(|(line, call)| (call.name, line))
            .collect();
        assert_eq!(
            found,
            [
                ("a".to_string(), 3),
                ("b".to_string(), 4),
                ("c".to_string(), 5)
            ]
        );
    }
}
