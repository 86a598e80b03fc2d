//! The staging folder: a new folder next to the output folder that a build
//! writes into and that takes the output folder's place in one step, so a
//! failed or killed build never leaves a half-written site. Also the
//! clean-up after a build that was killed, and the refusal to replace a
//! folder that holds a site or a project.

use std::io;
use std::path::{Path, PathBuf};

/// The file every build writes into its output folder, so that a later build
/// knows the folder is ours to replace (a copied output folder stays replaceable).
pub const MARKER: &str = ".chatcontrole-output";

/// A new folder next to the output folder that a build writes into; it
/// takes the output folder's place in one step when the build succeeded,
/// and is removed when it is dropped unpublished.
pub struct Staging {
    folder: tempfile::TempDir,
    out_dir: PathBuf,
    parent: PathBuf,
    name: String,
}

impl Staging {
    /// Creates the staging folder for `out_dir`.
    ///
    /// Staging folders left behind by a build that was killed are removed
    /// first. The caller checks that `out_dir` may be replaced
    /// ([`crate::out_folder::check`]); this only refuses folders that hold
    /// a site, a project or a repository, as a second line of defence.
    pub fn create(out_dir: &Path) -> io::Result<Staging> {
        refuse_dangerous_target(out_dir)?;
        let parent = match out_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let name = out_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        recover_interrupted_swap(out_dir, &parent, &name);
        remove_stale_staging(&parent, &name);
        let folder = tempfile::Builder::new()
            .prefix(&format!(".{name}.new-"))
            .tempdir_in(&parent)?;
        Ok(Staging {
            folder,
            out_dir: out_dir.to_path_buf(),
            parent,
            name,
        })
    }

    /// The folder to write into.
    pub fn path(&self) -> &Path {
        self.folder.path()
    }

    /// Marks the folder as ours and swaps it in place of the output folder.
    /// On any error the old output folder is left as it was.
    pub fn publish(self) -> io::Result<()> {
        let Staging {
            folder,
            out_dir,
            parent,
            name,
        } = self;
        std::fs::write(
            folder.path().join(MARKER),
            "This folder was written by `chatcontrole build`; the next build replaces it.\n",
        )?;
        let staged = folder.keep();
        if out_dir.exists() && exchange(&staged, &out_dir)? {
            // `staged` now holds the previous output.
            std::fs::remove_dir_all(&staged)?;
        } else if out_dir.exists() {
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.old-"))
                .tempdir_in(&parent)?
                .keep();
            std::fs::remove_dir(&old)?;
            std::fs::rename(&out_dir, &old)?;
            if let Err(e) = std::fs::rename(&staged, &out_dir) {
                let _ = std::fs::rename(&old, &out_dir);
                let _ = std::fs::remove_dir_all(&staged);
                return Err(e);
            }
            std::fs::remove_dir_all(&old)?;
        } else {
            std::fs::rename(&staged, &out_dir)?;
        }
        Ok(())
    }
}

/// Swaps two folders in one step (Linux's `renameat2` with
/// `RENAME_EXCHANGE`), so that the output folder is never missing, not even
/// for a moment. `Ok(false)` when the system or file system cannot: the
/// caller then moves the old folder aside and the new one in.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// When a build was killed between moving the old output aside and moving
/// the new one in, `out_dir` is missing and the previous output waits in a
/// `.NAME.old-*` folder: put it back before anything is cleaned up.
fn recover_interrupted_swap(out_dir: &Path, parent: &Path, name: &str) {
    if out_dir.exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let old = format!(".{name}.old-");
    let newest = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&old))
        .filter(|e| e.path().join(MARKER).is_file())
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
    if let Some(entry) = newest {
        let _ = std::fs::rename(entry.path(), out_dir);
    }
}

/// Removes `.NAME.new-*` and `.NAME.old-*` folders in `parent`, left behind
/// by a build that was killed before it could clean up.
fn remove_stale_staging(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let new = format!(".{name}.new-");
    let old = format!(".{name}.old-");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if (file_name.starts_with(&new) || file_name.starts_with(&old))
            && entry.file_type().is_ok_and(|t| t.is_dir())
        {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Refuses to replace a folder that holds a site, a project or a repository.
fn refuse_dangerous_target(out_dir: &Path) -> io::Result<()> {
    for marker in ["site.toml", "content", "Cargo.toml", ".git"] {
        if out_dir.join(marker).exists() {
            return Err(io::Error::other(format!(
                "{} contains {marker}; refusing to replace it with the generated site (choose another --out folder)",
                out_dir.display()
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn puts_back_the_output_of_a_build_killed_in_the_middle_of_the_swap() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("public");
        let old = dir.path().join(".public.old-xyz");
        std::fs::create_dir_all(&old).unwrap();
        std::fs::write(old.join(MARKER), "").unwrap();
        std::fs::write(old.join("oud.txt"), "oud").unwrap();
        recover_interrupted_swap(&out_dir, dir.path(), "public");
        assert_eq!(
            std::fs::read_to_string(out_dir.join("oud.txt")).unwrap(),
            "oud"
        );
    }

    /// Publishes again and again while another thread looks for the output
    /// folder as fast as it can: with one exchange there is no moment
    /// without it (two renames left a gap that a deploy could ship).
    #[cfg(target_os = "linux")]
    #[test]
    fn the_output_folder_is_never_missing_while_a_new_one_takes_its_place() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("public");
        let first = Staging::create(&out_dir).unwrap();
        std::fs::write(first.path().join("index.html"), "0").unwrap();
        first.publish().unwrap();
        let done = Arc::new(AtomicBool::new(false));
        let missing = Arc::new(AtomicUsize::new(0));
        let watcher = {
            let (done, missing, index) =
                (done.clone(), missing.clone(), out_dir.join("index.html"));
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    if std::fs::symlink_metadata(&index).is_err() {
                        missing.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        };
        for i in 1..=300 {
            let staging = Staging::create(&out_dir).unwrap();
            std::fs::write(staging.path().join("index.html"), i.to_string()).unwrap();
            staging.publish().unwrap();
        }
        done.store(true, Ordering::Relaxed);
        watcher.join().unwrap();
        assert_eq!(
            missing.load(Ordering::Relaxed),
            0,
            "times the output was missing"
        );
        assert_eq!(
            std::fs::read_to_string(out_dir.join("index.html")).unwrap(),
            "300"
        );
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["public"], "no staging folder is left");
    }
}
