//! Folders a command works in while it runs (an import's staging folder, a
//! preview's temporary output) carry the id of the process that owns them
//! in their name: `<prefix><pid>-<random>`. A process killed before it
//! could clean up leaves its folder behind; the next run of the same kind
//! removes every such folder whose owner is gone, and never one whose owner
//! still runs (two imports or previews at once stay out of each other's way).

use std::path::{Path, PathBuf};

/// A new folder in `parent` named `<prefix><this pid>-<random>`.
pub fn create(parent: &Path, prefix: &str) -> std::io::Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix(&format!("{prefix}{}-", std::process::id()))
        .tempdir_in(parent)
}

/// Removes the folders in `parent` named `<prefix><pid>-…` whose process no
/// longer runs; returns what was removed. Folders named by an older version
/// without a process id are removed when they are over a day old.
pub fn remove_stale(parent: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let stale = match owner(rest) {
            Some(pid) => !is_running(pid),
            None => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 60 * 60),
        };
        if stale && std::fs::remove_dir_all(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// The process id at the start of `<pid>-<random>`.
fn owner(rest: &str) -> Option<u32> {
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty()).then_some(())?;
    pid.parse().ok().filter(|pid| *pid > 0)
}

/// Whether a process with this id exists (and is not a zombie we could
/// never be told about: a signal 0 probe says only that the id is taken).
#[cfg(unix)]
fn is_running(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // The process exists but belongs to someone else.
        Err(e) => e == rustix::io::Errno::PERM,
    }
}

#[cfg(not(unix))]
fn is_running(_pid: u32) -> bool {
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
        let stale = dir.path().join(format!(".x-import-{gone}-abc123"));
        std::fs::create_dir_all(stale.join("static")).unwrap();
        std::fs::write(stale.join("static/a.txt"), "a").unwrap();
        let other = dir.path().join(".y-import-1-abc");
        std::fs::create_dir(&other).unwrap();
        let removed = remove_stale(dir.path(), ".x-import-");
        assert_eq!(removed, std::slice::from_ref(&stale));
        assert!(!stale.exists());
        assert!(mine.path().is_dir(), "the running process's folder stays");
        assert!(other.is_dir(), "another prefix is not touched");
    }

    #[test]
    fn reads_the_owner_from_the_name() {
        assert_eq!(owner("4242-a1b2c3"), Some(4242));
        assert_eq!(owner("a1b2c3"), None);
        assert_eq!(owner("0-abc"), None);
        assert_eq!(owner("12-"), None);
    }
}
