//! Helpers shared by the integration tests: a private copy of the example
//! site, running the `chatcontrole` binary, reading the output.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The example site in the repository.
pub fn example_site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("site")
}

/// The seed documents, or None (with a message) when `../shared/seeds` is absent.
pub fn seed(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!(
                "skipped: ../shared/seeds not found ({} is missing)",
                path.display()
            );
            None
        }
    }
}

/// A temporary copy of the example site (without any built output).
pub fn site_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&example_site(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| e.file_name() != "public")
    {
        let entry = entry.expect("readable site");
        let rel = entry.path().strip_prefix(from).expect("inside site");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("create dir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// The `chatcontrole` program, speaking English whatever the locale of the
/// machine that runs the tests (its messages follow `LC_ALL`/`LANG`).
pub fn chatcontrole() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chatcontrole"));
    command.env("LC_ALL", "C.UTF-8");
    command
}

/// Runs `chatcontrole` with `args`.
pub fn run(args: &[&str]) -> Output {
    chatcontrole()
        .args(args)
        .output()
        .expect("run chatcontrole")
}

/// Builds `site` into `out`, panicking with the diagnostics when it fails.
pub fn build(site: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec![
        "build",
        "--site",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let result = run(&args);
    assert!(
        result.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&result.stderr)
    );
}

/// Every file below `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// The text of a generated file.
pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Writes `text` to `rel` below `root`, creating folders.
pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}
pub mod html;
pub mod qmv_vectors;
pub mod tk_mock;

/// How a command run by [`run_within`] ended.
pub struct Finished {
    /// Its exit code (none when a signal ended it).
    pub code: Option<i32>,
    /// What it printed on stdout.
    pub stdout: String,
    /// What it printed on stderr.
    pub stderr: String,
    /// How long it ran.
    pub took: Duration,
}

/// Runs `command` with no stdin and its output caught in files (so a
/// chatty child never blocks on a full pipe); kills it and fails the test
/// when it has not ended after `limit`, naming it as `what`.
pub fn run_within(mut command: Command, limit: Duration, what: &str) -> Finished {
    let logs = tempfile::tempdir().unwrap();
    let (out, err) = (logs.path().join("stdout"), logs.path().join("stderr"));
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{what} did not end within {} s", limit.as_secs());
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Finished {
        code: status.code(),
        stdout: std::fs::read_to_string(out).unwrap(),
        stderr: std::fs::read_to_string(err).unwrap(),
        took: started.elapsed(),
    }
}
