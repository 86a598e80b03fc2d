//! An `import hugo` killed at any moment (SIGKILL: no clean-up code runs)
//! never leaves a half-written site under the `--into` name, and the next
//! import removes the staging folders the killed ones left behind.

#![cfg(unix)]

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Names in `parent` that are an import's staging folders.
fn staging_folders(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".chatcontrole-import-"))
        .collect()
}

fn import(hugo: &Path, into: &Path) -> Command {
    let mut command = crate::common::chatcontrole();
    command
        .args(["import", "hugo"])
        .arg(hugo)
        .arg("--into")
        .arg(into)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn killed_imports_leave_no_site_and_the_next_import_removes_their_debris() {
    let dir = tempfile::tempdir().unwrap();
    let hugo = dir.path().join("hugo");
    common::write(
        &hugo,
        "hugo.toml",
        "baseURL = \"https://example.org/\"\ntitle = \"Voorbeeld\"\n",
    );
    common::write(
        &hugo,
        "content/_index.md",
        "---\ntitle: Start\n---\nWelkom.\n",
    );
    for i in 0..400 {
        common::write(
            &hugo,
            &format!("content/nieuws/bericht-{i:03}.md"),
            &format!("---\ntitle: Bericht {i}\ndate: 2025-01-01\n---\nTekst over versleuteling.\n"),
        );
    }
    let blob = "x".repeat(256 * 1024);
    for i in 0..200 {
        common::write(&hugo, &format!("static/bestanden/{i:03}.txt"), &blob);
    }
    let out = dir.path().join("uit");
    std::fs::create_dir(&out).unwrap();

    // Kill each import as soon as it starts writing (its staging folder
    // appears), after a different delay each time.
    let mut interrupted = 0;
    let mut left_behind = 0;
    for k in 0..6u64 {
        let into = out.join(format!("nieuw-{k}"));
        let mut child = import(&hugo, &into).spawn().unwrap();
        let own = format!(".chatcontrole-import-pid{}-", child.id());
        let started = Instant::now();
        while !staging_folders(&out).iter().any(|n| n.starts_with(&own))
            && child.try_wait().unwrap().is_none()
            && started.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(k * 3));
        let _ = child.kill();
        child.wait().unwrap();
        if into.exists() {
            assert!(
                into.join("MIGRATION.md").is_file(),
                "a site under --into is always complete: {}",
                into.display()
            );
        } else {
            interrupted += 1;
        }
        // The next import removes this one's folder, so count it now.
        if staging_folders(&out).iter().any(|n| n.starts_with(&own)) {
            left_behind += 1;
        }
    }
    assert!(interrupted > 0, "no kill landed inside an import");
    assert!(
        left_behind > 0,
        "no killed import left a staging folder to clean"
    );

    let last = out.join("nieuw-laatst");
    assert!(import(&hugo, &last).status().unwrap().success());
    assert_eq!(
        staging_folders(&out),
        Vec::<String>::new(),
        "debris of killed imports"
    );
}
