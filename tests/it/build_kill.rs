//! A build killed at any moment (SIGKILL: no clean-up code runs) leaves the
//! previous output byte-identical, and the next build removes the staging
//! folders the killed ones left behind.
//!
//! The site is the example site plus 2,000 generated news posts, made once;
//! the 20 kill moments are spread at random over the time a build takes
//! (the seed is printed, `KILL_SEED=n` repeats a run).

#![cfg(unix)]

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PAGES: usize = 2000;
const KILLS: usize = 20;

fn build_command(site: &Path, out: &Path) -> Command {
    let mut command = crate::common::chatcontrole();
    command
        .args(["build", "--site"])
        .arg(site)
        .arg("--out")
        .arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Names in the output's parent folder that are staging folders of a build.
fn staging_folders(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.new-") || n.starts_with(".public.old-"))
        .collect()
}

/// A small pseudo-random generator (xorshift), enough to spread kill moments.
struct Moments(u64);

impl Moments {
    fn next_below(&mut self, limit: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % limit.max(1)
    }
}

#[test]
fn killed_builds_leave_the_previous_output_and_no_debris() {
    let site = common::site_copy();
    for i in 0..PAGES {
        common::write(
            site.path(),
            &format!("content/nieuws/gegenereerd/bericht-{i:04}.md"),
            &format!(
                "---\ntitle: \"Bericht {i}\"\ndate: 2024-01-{:02}\ntags: [\"test\"]\n---\n\nDit is bericht {i}. Het heeft **vette** tekst, een [link](/over/) en een lijst:\n\n- een\n- twee\n",
                i % 28 + 1
            ),
        );
    }
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("public");

    let started = Instant::now();
    let first = build_command(site.path(), &out).output().unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let build_time = started.elapsed();
    let before = common::snapshot(&out);
    assert!(before.len() > PAGES, "the generated pages were built");

    let seed = std::env::var("KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!(
        "kill seed {seed} (KILL_SEED={seed} repeats it); one build takes {} ms",
        build_time.as_millis()
    );
    let mut moments = Moments(seed);
    let window = build_time.as_millis() as u64 + 50;
    for kill in 0..KILLS {
        let delay = Duration::from_millis(moments.next_below(window));
        let mut child = build_command(site.path(), &out).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        let after = common::snapshot(&out);
        assert!(
            after == before,
            "kill {kill} after {} ms (exit {status}) changed the previous output",
            delay.as_millis()
        );
    }

    let last = build_command(site.path(), &out).output().unwrap();
    assert!(
        last.status.success(),
        "{}",
        String::from_utf8_lossy(&last.stderr)
    );
    assert_eq!(
        staging_folders(work.path()),
        Vec::<String>::new(),
        "the build after the kills removed every staging folder"
    );
    assert!(
        common::snapshot(&out) == before,
        "the same site builds the same output"
    );
}
