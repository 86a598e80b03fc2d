//! Watches the site folder for changes an editor makes (content, data,
//! templates, static files and `site.toml`) and groups bursts of changes
//! (an editor saving several files, or writing one in steps) into one
//! rebuild.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};

use crate::diagnostics::Diagnostic;
use crate::msg;

/// How long the folder must stay quiet before a rebuild starts: long
/// enough for an editor's save (a write, or a write and a rename, takes a
/// few milliseconds), short enough that the preview follows at once.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// The folders of a site whose changes trigger a rebuild.
const WATCHED_FOLDERS: &[&str] = &["content", "data", "templates", "static"];

/// A running watch; changes stop being reported when it is dropped.
pub struct SiteWatcher {
    _watcher: RecommendedWatcher,
}

/// Starts watching `site`; each relevant changed path arrives on the receiver.
///
/// Fails when the operating system refuses to watch the folder.
pub fn watch(site: &Path) -> Result<(SiteWatcher, UnboundedReceiver<PathBuf>), Diagnostic> {
    let root = site.canonicalize().unwrap_or_else(|_| site.to_path_buf());
    let (sender, receiver) = unbounded_channel();
    let filter_root = root.clone();
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<Event>| {
        if let Ok(event) = result {
            forward(&filter_root, &event, &sender);
        }
    })
    .map_err(|e| cannot_watch(site, &e))?;
    watcher
        .watch(&root, RecursiveMode::Recursive)
        .map_err(|e| cannot_watch(site, &e))?;
    Ok((SiteWatcher { _watcher: watcher }, receiver))
}

fn cannot_watch(site: &Path, error: &notify::Error) -> Diagnostic {
    Diagnostic::error(
        "serve-watch-failed",
        site,
        0,
        0,
        msg!(
            "cannot watch the site folder for changes: {error}",
            "de map van de site kan niet op wijzigingen worden gevolgd: {error}"
        ),
    )
    .with_hint(msg!(
        "check that the folder exists and is readable; on Linux, a low fs.inotify.max_user_watches can cause this",
        "controleer of de map bestaat en leesbaar is; op Linux kan een lage fs.inotify.max_user_watches dit veroorzaken"
    ))
}

fn forward(root: &Path, event: &Event, sender: &UnboundedSender<PathBuf>) {
    let relevant_kind = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    };
    if !relevant_kind {
        return;
    }
    for path in &event.paths {
        if is_watched(root, path) {
            let _ = sender.send(path.clone());
        }
    }
}

/// True when a change to `path` should rebuild the site in `root`: files
/// below content/, data/, templates/ or static/, and `site.toml`; not the
/// hidden and backup files that editors write while saving.
pub fn is_watched(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut components = rel.components();
    let Some(Component::Normal(first)) = components.next() else {
        return false;
    };
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name == "4913"
    {
        return false;
    }
    let in_folder = WATCHED_FOLDERS.iter().any(|folder| first == *folder);
    in_folder || (first == "site.toml" && components.next().is_none())
}

/// Waits for the next change, then until no change came for `quiet`;
/// returns every path that changed, or None when the watch has ended.
pub async fn next_batch(
    receiver: &mut UnboundedReceiver<PathBuf>,
    quiet: Duration,
) -> Option<Vec<PathBuf>> {
    let mut changed = vec![receiver.recv().await?];
    while let Ok(Some(path)) = tokio::time::timeout(quiet, receiver.recv()).await {
        changed.push(path);
    }
    changed.sort();
    changed.dedup();
    Some(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("content/nieuws/post.md", true)]
    #[test_case("content/_index.md", true)]
    #[test_case("data/partijen.toml", true)]
    #[test_case("templates/base.html", true)]
    #[test_case("static/css/site.css", true)]
    #[test_case("content", true; "a watched folder itself")]
    #[test_case("site.toml", true)]
    #[test_case("public/index.html", false; "output folder")]
    #[test_case("README.md", false)]
    #[test_case("other/site.toml", false)]
    #[test_case("content/nieuws/.post.md.swp", false; "vim swap file")]
    #[test_case("content/nieuws/post.md~", false; "backup file")]
    #[test_case("content/nieuws/4913", false; "vim write test")]
    #[test_case("content/.#post.md", false; "emacs lock")]
    fn decides_what_triggers_a_rebuild(rel: &str, expected: bool) {
        let root = Path::new("/sites/campagne");
        assert_eq!(is_watched(root, &root.join(rel)), expected, "{rel}");
    }

    #[test]
    fn outside_the_site_is_ignored() {
        assert!(!is_watched(
            Path::new("/sites/campagne"),
            Path::new("/tmp/content/x.md")
        ));
    }

    #[tokio::test]
    async fn groups_a_burst_of_changes() {
        let (sender, mut receiver) = unbounded_channel();
        for name in ["a", "b", "a"] {
            sender.send(PathBuf::from(name)).unwrap();
        }
        let batch = next_batch(&mut receiver, Duration::from_millis(30))
            .await
            .unwrap();
        assert_eq!(batch, [PathBuf::from("a"), PathBuf::from("b")]);
        sender.send(PathBuf::from("c")).unwrap();
        drop(sender);
        assert_eq!(
            next_batch(&mut receiver, Duration::from_millis(30))
                .await
                .unwrap(),
            [PathBuf::from("c")]
        );
        assert!(
            next_batch(&mut receiver, Duration::from_millis(30))
                .await
                .is_none()
        );
    }

    #[tokio::test]
    async fn reports_a_saved_content_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::create_dir_all(dir.path().join("public")).unwrap();
        let (_watcher, mut receiver) = watch(dir.path()).unwrap();
        std::fs::write(dir.path().join("public/index.html"), "ignored").unwrap();
        std::fs::write(dir.path().join("content/post.md"), "---\ntitle: x\n---\n").unwrap();
        let batch =
            tokio::time::timeout(Duration::from_secs(5), next_batch(&mut receiver, DEBOUNCE))
                .await
                .expect("a change within 5 s")
                .unwrap();
        assert!(
            batch.iter().all(|p| p.ends_with("content/post.md")),
            "{batch:?}"
        );
    }
}
