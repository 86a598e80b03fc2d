//! The temporary folder `serve` builds into, and the rules that keep it
//! from being left behind. The folder (`chatcontrole-serve-pid<PID>-*` in
//! the system's temporary folder, which `TMPDIR` chooses) names the process
//! that owns it, from the moment it exists. It is removed when `serve`
//! stops, also on a signal in the middle of a build: every write into it
//! passes a [`WriteGate`], which the removal closes first, so a build still
//! running cannot bring files back. What no process can clean up after
//! itself (SIGKILL, a power cut) the next `serve` removes: a folder whose
//! owner is no longer running.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;

/// How the folders of `serve` begin.
pub const PREFIX: &str = "chatcontrole-serve-";

/// Lets writes into the folder happen until it is closed, and never after:
/// closing waits for a write under way to end.
#[derive(Debug, Default)]
pub struct WriteGate {
    closed: Mutex<bool>,
}

impl WriteGate {
    /// Runs `write` unless the gate is closed (then an `Interrupted` error);
    /// the gate cannot close while `write` runs.
    pub fn write<T>(&self, write: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let closed = self.closed.lock().unwrap_or_else(PoisonError::into_inner);
        if *closed {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "serve is stopping",
            ));
        }
        write()
    }

    /// Closes the gate, after the write under way (if any) has ended.
    pub fn close(&self) {
        *self.closed.lock().unwrap_or_else(PoisonError::into_inner) = true;
    }

    /// True once [`WriteGate::close`] was called.
    pub fn is_closed(&self) -> bool {
        *self.closed.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The temporary folder of one `serve`; removed when dropped.
#[derive(Debug)]
pub struct Scratch {
    gate: Arc<WriteGate>,
    // Dropped after `Drop::drop` closed the gate: removes the folder.
    folder: tempfile::TempDir,
}

impl Scratch {
    /// Removes the folders of `serve`s that are no longer running, then
    /// makes a new folder owned by this process.
    pub fn create() -> Result<Scratch, Diagnostics> {
        let temp = std::env::temp_dir();
        remove_stale(&temp);
        let folder = crate::leftovers::create(&temp, PREFIX).map_err(|e| {
            Diagnostics::from(
                Diagnostic::error(
                    "serve-scratch-unwritable",
                    &temp,
                    0,
                    0,
                    msg!(
                        "cannot create a temporary output folder: {e}",
                        "er kan geen tijdelijke uitvoermap worden gemaakt: {e}"
                    ),
                )
                .with_hint(msg!(
                    "check that the temporary folder (TMPDIR) exists and is writable",
                    "controleer of de tijdelijke map (TMPDIR) bestaat en of je erin mag schrijven"
                )),
            )
        })?;
        Ok(Scratch {
            gate: Arc::new(WriteGate::default()),
            folder,
        })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.folder.path()
    }

    /// The gate every write into the folder passes.
    pub fn gate(&self) -> Arc<WriteGate> {
        self.gate.clone()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // After this no build writes here; then the folder goes.
        self.gate.close();
    }
}

/// Removes every `chatcontrole-serve-*` folder in `temp` that belongs to
/// this user and whose owner is gone (see [`crate::leftovers`]).
pub fn remove_stale(temp: &Path) {
    crate::leftovers::remove_stale(temp, PREFIX);
}

/// True when `folder` is a `serve` folder whose owner is gone.
pub fn is_stale(folder: &Path) -> bool {
    crate::leftovers::is_stale(folder, PREFIX)
}

/// The owner's process id in a folder name `chatcontrole-serve-pid<PID>-…`.
pub fn owner(name: &str) -> Option<u32> {
    crate::leftovers::owner(name, PREFIX)
}

/// The `chatcontrole-serve-*` entries in `temp`, sorted (for tests).
pub fn folders(temp: &Path) -> Vec<PathBuf> {
    crate::leftovers::folders(temp, PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    /// A process id that is surely not running: a child that has ended and
    /// been waited for.
    fn gone_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    fn folder(temp: &Path, name: &str) -> PathBuf {
        let path = temp.join(name);
        std::fs::create_dir_all(path.join("public")).unwrap();
        std::fs::write(path.join("public/index.html"), "x").unwrap();
        path
    }

    #[test_case("chatcontrole-serve-pid123-abc", Some(123))]
    #[test_case("chatcontrole-serve-pid4294967295-x", Some(u32::MAX))]
    #[test_case("chatcontrole-serve-pid4294967296-x", None)]
    #[test_case("chatcontrole-serve-pid0-abc", None)]
    #[test_case("chatcontrole-serve-pid-abc", None)]
    #[test_case("chatcontrole-serve-pid+12-abc", None)]
    #[test_case("chatcontrole-serve-pid12", None)]
    #[test_case("chatcontrole-serve-123456", None)]
    #[test_case("iets-anders-pid12-x", None)]
    fn the_owner_is_read_from_the_name(name: &str, pid: Option<u32>) {
        assert_eq!(owner(name), pid);
    }

    #[cfg(unix)]
    #[test]
    fn removes_folders_of_gone_owners_and_keeps_the_rest() {
        let temp = tempfile::tempdir().unwrap();
        let gone = folder(temp.path(), &format!("{PREFIX}pid{}-abc", gone_pid()));
        let kept = [
            folder(
                temp.path(),
                &format!("{PREFIX}pid{}-abc", std::process::id()),
            ),
            folder(temp.path(), &format!("{PREFIX}pid1-abc")),
            folder(temp.path(), &format!("{PREFIX}pid0-abc")),
            folder(temp.path(), &format!("{PREFIX}recent")),
            folder(temp.path(), "andere-map"),
        ];
        let file = temp
            .path()
            .join(format!("{PREFIX}pid{}-bestand", gone_pid()));
        std::fs::write(&file, "x").unwrap();
        remove_stale(temp.path());
        assert!(!gone.exists(), "the folder of a gone serve is removed");
        for kept in &kept {
            assert!(kept.exists(), "{} is kept", kept.display());
        }
        assert!(file.is_file(), "only folders are removed");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_folder_is_never_followed() {
        let temp = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = folder(elsewhere.path(), "doel");
        let link = temp.path().join(format!("{PREFIX}pid{}-link", gone_pid()));
        std::os::unix::fs::symlink(&target, &link).unwrap();
        remove_stale(temp.path());
        assert!(target.join("public/index.html").is_file());
    }

    #[test]
    fn the_gate_refuses_writes_once_closed() {
        let gate = WriteGate::default();
        assert_eq!(gate.write(|| Ok(1)).unwrap(), 1);
        gate.close();
        assert!(gate.is_closed());
        let refused = gate.write(|| Ok(2)).unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::Interrupted);
    }

    #[test]
    fn closing_waits_for_the_write_under_way() {
        let gate = Arc::new(WriteGate::default());
        let (started, wait) = std::sync::mpsc::channel();
        let writer = {
            let gate = gate.clone();
            std::thread::spawn(move || {
                gate.write(|| {
                    started.send(()).unwrap();
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    Ok(std::time::Instant::now())
                })
                .unwrap()
            })
        };
        wait.recv().unwrap();
        gate.close();
        let closed_at = std::time::Instant::now();
        assert!(writer.join().unwrap() <= closed_at);
    }

    #[test]
    fn the_folder_names_its_owner_and_goes_when_dropped() {
        let scratch = Scratch::create().unwrap();
        let path = scratch.path().to_path_buf();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(owner(&name), Some(std::process::id()));
        assert!(!is_stale(&path), "a live serve's folder is never stale");
        let gate = scratch.gate();
        drop(scratch);
        assert!(!path.exists());
        assert!(gate.is_closed());
    }
}
