//! Folders a command works in while it runs (an import's staging folder,
//! the preview's temporary output) carry the id of the process that owns
//! them in their name, from the moment they exist: `<prefix>pid<PID>-<random>`.
//! A process killed before it could clean up (SIGKILL, a power cut) leaves
//! its folder behind; the next run of the same kind removes every such
//! folder of this user whose owner is gone, and never one whose owner still
//! runs, so two imports or previews at once stay out of each other's way.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// A folder whose name does not say its owner (made by an older version)
/// is removed once it was not changed for this long.
pub const UNOWNED_AGE: Duration = Duration::from_secs(60 * 60);

/// A new folder in `parent` named `<prefix>pid<this process>-<random>`.
pub fn create(parent: &Path, prefix: &str) -> std::io::Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix(&format!("{prefix}pid{}-", std::process::id()))
        .tempdir_in(parent)
}

/// Removes every `<prefix>…` folder in `parent` that is stale (see
/// [`is_stale`]); returns what was removed. Folders it cannot read or
/// remove are left alone.
pub fn remove_stale(parent: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    for path in folders(parent, prefix) {
        if is_stale(&path, prefix) && std::fs::remove_dir_all(&path).is_ok() {
            removed.push(path);
        }
    }
    removed
}

/// True when `folder` is a real folder (not a link) of this user, and the
/// owner its name gives is not running, or its name gives none and it was
/// not changed for [`UNOWNED_AGE`].
pub fn is_stale(folder: &Path, prefix: &str) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(folder) else {
        return false;
    };
    if !meta.is_dir() || !mine(&meta) {
        return false;
    }
    let name = folder.file_name().unwrap_or_default().to_string_lossy();
    if !name.starts_with(prefix) {
        return false;
    }
    match owner(&name, prefix) {
        Some(pid) => !running(pid),
        None => meta
            .modified()
            .ok()
            .and_then(|time| time.elapsed().ok())
            .is_some_and(|age| age >= UNOWNED_AGE),
    }
}

/// The owner's process id in a folder name `<prefix>pid<PID>-…`.
pub fn owner(name: &str, prefix: &str) -> Option<u32> {
    let (pid, _) = name
        .strip_prefix(prefix)?
        .strip_prefix("pid")?
        .split_once('-')?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok().filter(|&pid| pid > 0)
}

/// The `<prefix>…` entries in `parent`, sorted.
pub fn folders(parent: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(parent)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

#[cfg(unix)]
fn mine(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.uid() == rustix::process::getuid().as_raw()
}

#[cfg(not(unix))]
fn mine(_meta: &std::fs::Metadata) -> bool {
    true
}

/// True when a process `pid` exists (also one of another user); a process
/// id that is not a valid one counts as gone.
#[cfg(unix)]
pub fn running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e != rustix::io::Errno::SRCH,
    }
}

/// Without a way to ask, every owner counts as running.
#[cfg(not(unix))]
pub fn running(_pid: u32) -> bool {
    true
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn removes_folders_of_gone_processes_only() {
        let dir = tempfile::tempdir().unwrap();
        let mine = create(dir.path(), ".x-import-").unwrap();
        // A process that has ended: a child we waited for.
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let gone = child.id();
        child.wait().unwrap();
        let stale = dir.path().join(format!(".x-import-pid{gone}-abc123"));
        std::fs::create_dir_all(stale.join("static")).unwrap();
        std::fs::write(stale.join("static/a.txt"), "a").unwrap();
        let other = dir.path().join(".y-import-pid1-abc");
        std::fs::create_dir(&other).unwrap();
        let removed = remove_stale(dir.path(), ".x-import-");
        assert_eq!(removed, std::slice::from_ref(&stale));
        assert!(!stale.exists());
        assert!(mine.path().is_dir(), "the running process's folder stays");
        assert!(other.is_dir(), "another prefix is not touched");
    }

    #[test]
    fn reads_the_owner_from_the_name() {
        assert_eq!(owner(".x-pid4242-a1b2c3", ".x-"), Some(4242));
        assert_eq!(owner(".x-a1b2c3", ".x-"), None);
        assert_eq!(owner(".x-pid0-abc", ".x-"), None);
        assert_eq!(owner(".y-pid12-abc", ".x-"), None);
    }
}
