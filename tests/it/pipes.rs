//! Output into a closed pipe (`chatcontrole council | head -1`) ends quietly:
//! exit 0 (or 141, killed by SIGPIPE like other Unix tools), never a panic.

use crate::common;

use std::process::Stdio;

/// Runs `chatcontrole` with its standard output going into a pipe whose
/// reading end is already closed; returns the exit code and stderr.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let mut child = crate::common::chatcontrole()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chatcontrole");
    // Close the reader at once, like `head` that has seen enough.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for chatcontrole");
    #[cfg(unix)]
    let code = {
        use std::os::unix::process::ExitStatusExt;
        output
            .status
            .code()
            .or_else(|| output.status.signal().map(|s| 128 + s))
    };
    #[cfg(not(unix))]
    let code = output.status.code();
    (code, String::from_utf8_lossy(&output.stderr).into_owned())
}

fn assert_quiet(args: &[&str]) {
    let (code, stderr) = run_into_closed_pipe(args);
    assert!(
        matches!(code, Some(0) | Some(141)),
        "{args:?}: exit {code:?}, stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{args:?}:\n{stderr}");
}

#[test]
fn council_into_a_closed_pipe_ends_quietly() {
    let site = common::example_site();
    assert_quiet(&["council", "--site", site.to_str().unwrap()]);
    assert_quiet(&["council", "--site", site.to_str().unwrap(), "--json"]);
}

#[test]
fn build_and_check_into_a_closed_pipe_end_quietly() {
    let site = common::site_copy();
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("public");
    assert_quiet(&[
        "build",
        "--site",
        site.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(out.join("index.html").is_file(), "the build still finished");
    assert_quiet(&["check", "--site", site.path().to_str().unwrap()]);
}

#[test]
fn import_dry_run_into_a_closed_pipe_ends_quietly() {
    let Some(_) = common::seed("000_b75f5f2a0c8728ac.txt") else {
        return;
    };
    let site = common::site_copy();
    let seed = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/000_b75f5f2a0c8728ac.txt");
    assert_quiet(&[
        "import",
        "guide",
        seed.to_str().unwrap(),
        "--election",
        "tk2023",
        "--site",
        site.path().to_str().unwrap(),
        "--dry-run",
    ]);
}
