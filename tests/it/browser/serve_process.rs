//! Runs `chatcontrole serve` as a separate process on a free port, the way
//! an editor runs it, and reads what it prints. Shared by the HTTP tests
//! and the browser tests.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A running `chatcontrole serve`; stopped (SIGTERM, then SIGKILL) when dropped.
pub struct ServeProcess {
    child: Child,
    /// The address it printed, e.g. `http://127.0.0.1:40123/`.
    pub url: String,
    /// `127.0.0.1:40123`.
    pub addr: String,
    /// The temporary output folder it builds into.
    pub out_dir: PathBuf,
    log: Arc<Mutex<String>>,
}

impl ServeProcess {
    /// Starts `serve --site SITE --port 0` and waits (up to 60 s) until it
    /// prints its address. Panics with everything it printed when it does not.
    pub fn start(site: &Path) -> ServeProcess {
        Self::start_with(site, &[])
    }

    /// Like [`ServeProcess::start`], with extra arguments.
    pub fn start_with(site: &Path, extra: &[&str]) -> ServeProcess {
        Self::start_command(Self::command(site, extra))
    }

    /// The command [`ServeProcess::start_with`] runs, to add to (e.g. `TMPDIR`).
    pub fn command(site: &Path, extra: &[&str]) -> Command {
        let mut command = crate::common::chatcontrole();
        command
            .args([
                "serve",
                "--site",
                site.to_str().expect("utf-8 path"),
                "--port",
                "0",
            ])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Runs `command` (see [`ServeProcess::command`]) and waits for its address.
    pub fn start_command(mut command: Command) -> ServeProcess {
        let mut child = command.spawn().expect("start chatcontrole serve");
        let log = Arc::new(Mutex::new(String::new()));
        let (lines, received) = mpsc::channel();
        drain(
            child.stdout.take().expect("stdout"),
            log.clone(),
            Some(lines),
        );
        drain(child.stderr.take().expect("stderr"), log.clone(), None);
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut out_dir = None;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match received.recv_timeout(left) {
                Ok(line) => {
                    if line.starts_with("built ")
                        && let Some(dir) = line.rsplit(" into ").next()
                    {
                        out_dir = Some(PathBuf::from(dir.trim()));
                    }
                    if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                        let url = url.to_string();
                        let addr = url
                            .trim_start_matches("http://")
                            .trim_end_matches('/')
                            .to_string();
                        return ServeProcess {
                            child,
                            url,
                            addr,
                            out_dir: out_dir.unwrap_or_default(),
                            log,
                        };
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    std::thread::sleep(Duration::from_millis(100));
                    panic!("serve did not print its address:\n{}", log.lock().unwrap());
                }
            }
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The address of a site path: `url("/nieuws/")`.
    pub fn page(&self, path: &str) -> String {
        format!("{}{}", self.url.trim_end_matches('/'), path)
    }

    /// Everything the process printed so far (stdout and stderr).
    pub fn output(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the output contains `needle` `count` times; false after `timeout`.
    pub fn wait_for_output(&self, needle: &str, count: usize, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if self.output().matches(needle).count() >= count {
                return true;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        false
    }

    /// Sends `signal` (e.g. "INT" for Ctrl-C) and waits up to `timeout` for
    /// the process to end; None when it did not.
    pub fn signal_and_wait(&mut self, signal: &str, timeout: Duration) -> Option<ExitStatus> {
        let _ = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait()
            && self
                .signal_and_wait("TERM", Duration::from_secs(5))
                .is_none()
        {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Copies a pipe into `log` on a thread (so the process never blocks on a
/// full pipe), sending each line on `lines` when given.
fn drain(
    pipe: impl Read + Send + 'static,
    log: Arc<Mutex<String>>,
    lines: Option<mpsc::Sender<String>>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            {
                let mut log = log.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
            if let Some(lines) = &lines {
                let _ = lines.send(line);
            }
        }
    });
}
