//! The codes of the diagnostics: every one is written where the problem is
//! found (`Diagnostic::error("front-matter-unclosed", …)`), is lower-case
//! words joined by `-`, and is listed in `docs/diagnostics.md` with what it
//! says in English and in Dutch, so that an editor who gets one can look it
//! up in either language. `BLESS=1` rewrites the list from the source.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What one code says where it is made: the English and Dutch text of the
/// first `msg!` after it (empty when the message is made elsewhere).
type Catalogue = BTreeMap<String, Vec<(String, String)>>;

fn source_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.into_path())
        .collect()
}

/// Every code in the program's source (not its unit tests), with its texts.
fn catalogue() -> Catalogue {
    let code = regex::Regex::new(r#"\b(?:error|warning|usage)\(\s*"([^"\s]*)"\s*,"#).unwrap();
    let texts =
        regex::Regex::new(r#"^\s*msg!\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)""#).unwrap();
    let mut found = Catalogue::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in source_files(&src) {
        let text = std::fs::read_to_string(&file).unwrap();
        let program = text.split("#[cfg(test)]").next().unwrap_or_default();
        let calls: Vec<regex::Captures> = code.captures_iter(program).collect();
        for (i, m) in calls.iter().enumerate() {
            let name = m[1].to_string();
            // The message is the next argument but the place (file, line,
            // column or the spanned value): look a few lines ahead, but not
            // past the next diagnostic.
            let from = m.get(0).unwrap().end();
            let to = calls
                .get(i + 1)
                .map_or(program.len(), |next| next.get(0).unwrap().start());
            let window: String = program[from..to].chars().take(400).collect();
            let said = window
                .match_indices("msg!(")
                .next()
                .and_then(|(at, _)| texts.captures(&window[at..]))
                .map(|t| (unescape(&t[1]), unescape(&t[2])));
            let entry = found.entry(name).or_default();
            if let Some(said) = said
                && !entry.contains(&said)
            {
                entry.push(said);
            }
        }
    }
    found
}

fn unescape(text: &str) -> String {
    text.replace("\\\"", "\"").replace("\\\\", "\\")
}

/// `docs/diagnostics.md` as the source says it should read.
fn document(codes: &Catalogue) -> String {
    let mut out = String::from(
        "# Diagnostic codes\n\n\
         Every error and warning `chatcontrole` prints has a code in brackets, the same in\n\
         English and in Dutch (`error[front-matter-unclosed]` is `fout[front-matter-unclosed]`).\n\
         `--lang nl` or `--lang en` chooses the language; without it the locale does (`LC_ALL`,\n\
         `LC_MESSAGES`, `LANG`: `nl_NL.UTF-8` gives Dutch, anything else English).\n\n\
         This list is made from the source (`BLESS=1 cargo test --test it diagnostic_codes`); a\n\
         name in braces stands for the value the message quotes.\n\n\
         | Code | English | Nederlands |\n|---|---|---|\n",
    );
    let cell = |t: &str| t.replace('|', "\\|").replace('\n', " ");
    for (code, said) in codes {
        let english: Vec<String> = said.iter().map(|(en, _)| cell(en)).collect();
        let dutch: Vec<String> = said.iter().map(|(_, nl)| cell(nl)).collect();
        out.push_str(&format!(
            "| `{code}` | {} | {} |\n",
            english.join("<br>"),
            dutch.join("<br>")
        ));
    }
    out
}

#[test]
fn every_code_is_lower_case_words_joined_by_hyphens() {
    let codes = catalogue();
    assert!(codes.len() > 100, "only {} codes found", codes.len());
    let form = regex::Regex::new(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$").unwrap();
    let wrong: Vec<&String> = codes.keys().filter(|c| !form.is_match(c)).collect();
    assert!(
        wrong.is_empty(),
        "codes not in the form `area-what`: {wrong:?}"
    );
}

#[test]
fn the_list_of_codes_in_the_docs_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md");
    let expected = document(&catalogue());
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == expected,
        "docs/diagnostics.md is not what the source says; run BLESS=1 cargo test --test it diagnostic_codes"
    );
}
