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
    let code = regex::Regex::new(r#"\b(?:error|warning|usage)\(\s*"([^"\s{}]*)"\s*,"#).unwrap();
    let texts =
        regex::Regex::new(r#"^\s*msg!\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)""#).unwrap();
    let mut found = Catalogue::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in source_files(&src) {
        let text = std::fs::read_to_string(&file).unwrap();
        let program = text.split("#[cfg(test)]").next().unwrap_or_default();
        for m in code.captures_iter(program) {
            let name = m[1].to_string();
            // The message is the call's last argument, when it is written
            // there with `msg!`.
            let from = m.get(0).unwrap().end();
            let said = last_argument(&program[from..])
                .filter(|arg| arg.starts_with("msg!("))
                .and_then(|arg| texts.captures(arg))
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

/// The last argument of a call whose arguments start `text` (after its
/// opening parenthesis and first argument), trimmed; None when the call does
/// not end (the scan skips string literals and nested brackets).
fn last_argument(text: &str) -> Option<&str> {
    let char_literal = regex::Regex::new(r"^'(\\.|[^\\'])'").unwrap();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = 0;
    let mut last = "";
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '\'' => {
                if let Some(m) = char_literal.find(&text[at..]) {
                    skip_to = at + m.end();
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => {
                let tail = text[start..at].trim();
                return Some(if tail.is_empty() { last } else { tail });
            }
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                last = text[start..at].trim();
                start = at + 1;
            }
            _ => {}
        }
    }
    None
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
        let (english, dutch) = if said.is_empty() {
            // The message is put together from what was found (a web address
            // and its reason, a template engine's error): see the report.
            (
                "(put together from what was found)".to_string(),
                "(samengesteld uit wat er gevonden is)".to_string(),
            )
        } else {
            (english.join("<br>"), dutch.join("<br>"))
        };
        out.push_str(&format!("| `{code}` | {english} | {dutch} |\n"));
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
