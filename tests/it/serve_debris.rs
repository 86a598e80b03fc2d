//! `serve` leaves no temporary folder behind: SIGINT (Ctrl-C), SIGTERM and
//! SIGHUP remove it at any moment, also in the middle of the first build,
//! and the folder of a `serve` killed with SIGKILL (no clean-up code runs)
//! is removed by the next `serve`, while the folder of one still running is
//! kept. Each run gets a private TMPDIR, so the tests see only their own
//! folders.

#![cfg(unix)]

use crate::browser::serve_process::ServeProcess;
use crate::common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitStatus};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatcontrole::serve::scratch::{PREFIX, folders, owner};

/// News posts added to the example site, so the first build takes long
/// enough to be interrupted.
const PAGES: usize = 500;

fn serve_command(site: &Path, tmp: &Path) -> Command {
    let mut command = ServeProcess::command(site, &[]);
    command.env("TMPDIR", tmp);
    command
}

/// A `serve` started without waiting for its address, its output read on a thread.
struct Running {
    child: Child,
    log: Arc<Mutex<String>>,
}

impl Running {
    fn spawn(site: &Path, tmp: &Path) -> Running {
        let mut child = serve_command(site, tmp).spawn().expect("start serve");
        let log = Arc::new(Mutex::new(String::new()));
        for pipe in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let log = log.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    let mut log = log.lock().unwrap();
                    log.push_str(&line);
                    log.push('\n');
                }
            });
        }
        Running { child, log }
    }

    fn serving(&self) -> bool {
        self.log.lock().unwrap().contains("serving ")
    }

    fn signal_and_wait(&mut self, signal: &str) -> ExitStatus {
        Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!(
                    "serve did not stop within 20 s of SIG{signal}:\n{}",
                    self.log.lock().unwrap()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn large_site() -> tempfile::TempDir {
    let site = common::site_copy();
    for i in 0..PAGES {
        common::write(
            site.path(),
            &format!("content/nieuws/gegenereerd/bericht-{i:04}.md"),
            &format!(
                "---\ntitle: \"Bericht {i}\"\ndate: 2024-01-{:02}\n---\n\nDit is bericht {i}, met **vette** tekst en een [link](/over/).\n",
                i % 28 + 1
            ),
        );
    }
    site
}

#[test]
fn a_signal_during_or_after_the_first_build_leaves_no_folder() {
    let site = large_site();
    // How long the first build takes, from the folder's birth to the address.
    let tmp = tempfile::tempdir().unwrap();
    let mut first = Running::spawn(site.path(), tmp.path());
    wait_until("a temporary folder", Duration::from_secs(30), || {
        !folders(tmp.path()).is_empty()
    });
    let born = Instant::now();
    wait_until("the first build", Duration::from_secs(120), || {
        first.serving()
    });
    let build_time = born.elapsed();
    assert!(first.signal_and_wait("TERM").success());
    assert_eq!(folders(tmp.path()), Vec::<std::path::PathBuf>::new());

    let mut problems = Vec::new();
    for (signal, during) in [
        ("INT", Some(0.0)),
        ("TERM", Some(0.1)),
        ("HUP", Some(0.2)),
        ("INT", None),
        ("TERM", None),
        ("HUP", None),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let mut serve = Running::spawn(site.path(), tmp.path());
        wait_until("a temporary folder", Duration::from_secs(30), || {
            !folders(tmp.path()).is_empty()
        });
        let moment = match during {
            Some(fraction) => {
                std::thread::sleep(build_time.mul_f64(fraction));
                if serve.serving() {
                    problems.push(format!(
                        "SIG{signal} at {fraction} of the build came after it"
                    ));
                }
                format!("{fraction} of the first build")
            }
            None => {
                wait_until("the first build", Duration::from_secs(120), || {
                    serve.serving()
                });
                "after the first build".to_string()
            }
        };
        let status = serve.signal_and_wait(signal);
        let left = folders(tmp.path());
        if !status.success() || !left.is_empty() {
            problems.push(format!(
                "SIG{signal} at {moment}: {status:?}, left {left:?}\n{}",
                serve.log.lock().unwrap()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "first build took {build_time:?}:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_next_serve_removes_the_folder_of_a_killed_one() {
    let site = common::site_copy();
    let tmp = tempfile::tempdir().unwrap();
    let mut killed = ServeProcess::start_command(serve_command(site.path(), tmp.path()));
    let left = folders(tmp.path());
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(
        killed
            .signal_and_wait("KILL", Duration::from_secs(10))
            .is_some()
    );
    assert!(
        left[0].join("public/index.html").is_file(),
        "SIGKILL leaves it"
    );

    // A folder of a serve that still runs (this test's process) stays.
    let live = tmp
        .path()
        .join(format!("{PREFIX}pid{}-levend", std::process::id()));
    std::fs::create_dir(&live).unwrap();

    let next = ServeProcess::start_command(serve_command(site.path(), tmp.path()));
    let now: Vec<_> = folders(tmp.path());
    assert!(!left[0].exists(), "the killed serve's folder is removed");
    assert!(live.is_dir(), "a running serve's folder is kept");
    let owners: Vec<Option<u32>> = now
        .iter()
        .map(|f| owner(&f.file_name().unwrap().to_string_lossy()))
        .collect();
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(owners.contains(&Some(next.pid())), "{now:?}");
    assert!(owners.contains(&Some(std::process::id())), "{now:?}");
    drop(next);
    assert_eq!(folders(tmp.path()), vec![live]);
}
