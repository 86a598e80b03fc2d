//! The bad-input corpus: every folder in `tests/bad/` is one small mistake an
//! editor (or a hostile pull request) can make, and the exact diagnostics it
//! must give.
//!
//! A case folder holds:
//! - `case.toml`: `about` (what the case shows), `base` (`"example"`: a copy of
//!   the example site, already built once into the output folder; `"empty"`:
//!   an empty folder), optional `args` (default `["build", "--site", "{site}",
//!   "--out", "{out}"]`; `{site}`, `{out}` and `{case}` are replaced by the
//!   paths), optional `exit` (default 1), optional `[[edit]]` tables
//!   (`file`, `find`, `replace`) that change one text in a base file, and
//!   optional `remove = ["path", …]` to delete base files first, and optional
//!   `[[symlink]]` tables (`path` in the site, `target` text with `{site}`
//!   and `{case}` replaced) for symbolic links, which a `files/` overlay
//!   cannot carry;
//! - `files/`: files laid over the base site (same relative paths);
//! - `expected.stderr`: what the command must print on stderr, with the site
//!   folder written as `SITE`, the output folder as `OUT` and the case folder
//!   as `CASE`. Run with `BLESS=1` to write it from the actual output.
//!
//! For every case the harness also checks that nothing panicked, that every
//! file of the site is byte-identical after the command, and, when the command
//! failed, that the previous output folder is byte-identical too.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    about: String,
    base: String,
    #[serde(default)]
    args: Option<Vec<String>>,
    #[serde(default = "default_exit")]
    exit: i32,
    #[serde(default)]
    edit: Vec<Edit>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    symlink: Vec<Link>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Link {
    path: String,
    target: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    file: String,
    find: String,
    replace: String,
}

fn default_exit() -> i32 {
    1
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad")
}

/// The example site built once; every case starts from a copy of it.
fn built_example() -> &'static (tempfile::TempDir, PathBuf, PathBuf) {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = common::site_copy();
        let site = dir.path().to_path_buf();
        let out = tempfile::tempdir().expect("temp dir").keep();
        common::build(&site, &out, &[]);
        (dir, site, out)
    })
}

/// Every regular file below `dir` with its bytes (empty when `dir` is absent).
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    if dir.exists() {
        common::snapshot(dir)
    } else {
        BTreeMap::new()
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable");
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Runs one case; returns a description of every way it failed.
fn run_case(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let mut problems = Vec::new();
    let case: Case = match std::fs::read_to_string(dir.join("case.toml"))
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(case) => case,
        Err(e) => return vec![format!("{name}: case.toml: {e}")],
    };
    let work = tempfile::tempdir().expect("temp dir");
    let site = work.path().join("site");
    let out = work.path().join("out");
    std::fs::create_dir_all(&site).unwrap();
    match case.base.as_str() {
        "example" => {
            let (_, example, built) = built_example();
            copy_tree(example, &site);
            copy_tree(built, &out);
        }
        "empty" => {}
        other => return vec![format!("{name}: unknown base `{other}`")],
    }
    for rel in &case.remove {
        let path = site.join(rel);
        let _ = std::fs::remove_file(&path).or_else(|_| std::fs::remove_dir_all(&path));
    }
    for edit in &case.edit {
        let path = site.join(&edit.file);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if !text.contains(&edit.find) {
            problems.push(format!(
                "{name}: edit: `{}` not found in {}",
                edit.find, edit.file
            ));
            continue;
        }
        std::fs::write(&path, text.replacen(&edit.find, &edit.replace, 1)).unwrap();
    }
    if dir.join("files").is_dir() {
        copy_tree(&dir.join("files"), &site);
    }
    for link in &case.symlink {
        let target = link
            .target
            .replace("{site}", site.to_str().unwrap())
            .replace("{case}", dir.to_str().unwrap());
        let path = site.join(&link.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, &path).unwrap();
    }
    let sources_before = files(&site);
    let out_before = files(&out);
    let replace = |a: &str| {
        a.replace("{site}", site.to_str().unwrap())
            .replace("{out}", out.to_str().unwrap())
            .replace("{case}", dir.to_str().unwrap())
    };
    let args: Vec<String> = case
        .args
        .clone()
        .unwrap_or_else(|| {
            ["build", "--site", "{site}", "--out", "{out}"]
                .map(String::from)
                .to_vec()
        })
        .iter()
        .map(|a| replace(a))
        .collect();
    let result = Command::new(env!("CARGO_BIN_EXE_chatcontrole"))
        .args(&args)
        .current_dir(work.path())
        .stdin(Stdio::null())
        .output()
        .expect("run chatcontrole");
    let stderr = String::from_utf8_lossy(&result.stderr)
        .replace(site.to_str().unwrap(), "SITE")
        .replace(out.to_str().unwrap(), "OUT")
        .replace(dir.to_str().unwrap(), "CASE")
        .replace(&format!("{}/", work.path().display()), "");
    let stderr: String = stderr
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    if result.status.code() != Some(case.exit) {
        problems.push(format!(
            "{name} ({}): exit {:?}, expected {}; stderr:\n{stderr}",
            case.about,
            result.status.code(),
            case.exit
        ));
    }
    if stderr.contains("panicked") {
        problems.push(format!("{name}: panicked:\n{stderr}"));
    }
    let expected_path = dir.join("expected.stderr");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&expected_path, &stderr).unwrap();
    } else {
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == stderr => {}
            Ok(expected) => problems.push(format!(
                "{name} ({}): stderr differs (BLESS=1 rewrites it)\n--- expected\n{expected}--- actual\n{stderr}",
                case.about
            )),
            Err(_) => problems.push(format!(
                "{name}: expected.stderr is missing (BLESS=1 writes it); actual:\n{stderr}"
            )),
        }
    }
    if files(&site) != sources_before {
        problems.push(format!("{name}: a source file of the site was changed"));
    }
    if result.status.code() != Some(0) && files(&out) != out_before {
        problems.push(format!(
            "{name}: the previous output was changed by a failed command"
        ));
    }
    problems
}

#[test]
fn every_bad_input_gives_its_diagnostic_and_changes_nothing() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/bad exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("case.toml").is_file())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "tests/bad holds cases");
    let failures: Vec<String> = std::thread::scope(|scope| {
        let chunks: Vec<Vec<PathBuf>> = (0..2)
            .map(|i| cases.iter().skip(i).step_by(2).cloned().collect())
            .collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || chunk.iter().flat_map(|c| run_case(c)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    println!("{} bad-input cases run", cases.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
