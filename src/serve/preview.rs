//! The builds behind `serve`. The first build (and any change to settings,
//! templates, data or static files) loads and renders the whole site; an
//! edit inside `content/` reloads only the content, renders again only the
//! Markdown of the pages it changed (the rest comes from a cache), and
//! writes only the files whose bytes changed into the folder being served.
//! The page reloads as soon as that is done; the search index follows a
//! moment later, because it is the slowest part and a preview rarely needs
//! it at once.
//!
//! Only the very first build swaps a whole folder in; every later one, full
//! or incremental, replaces file by file what changed (each file in one
//! step) and removes what went, so a request during a rebuild sees the old
//! or the new version of a file, never none. The search index keeps its old
//! files until the new ones are written, `meta.json` (which names the
//! chunks) last.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::build::{
    BuildOptions, BuildSummary, SiteModel, load_content, load_languages, render_languages,
};
use crate::content::ContentCache;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::msg;
use crate::output::Output;
use crate::render::pages::RenderCache;
use crate::render::search;

use super::scratch::WriteGate;

/// What a preview keeps between builds.
pub struct Preview {
    options: BuildOptions,
    session: Option<Session>,
    /// The files in the output folder, as the last build that wrote them
    /// left them; None before the first build and after a failed write
    /// (the next build then swaps in a whole new folder).
    on_disk: Option<Output>,
    /// Closed when `serve` stops: no write may start after that.
    gate: Arc<WriteGate>,
}

/// The loaded site of the last successful full build (its content replaced
/// by every incremental build).
struct Session {
    /// One model per language, the default language's first.
    models: Vec<SiteModel>,
    /// One content cache per language.
    content_caches: Vec<ContentCache>,
    /// One render cache per language.
    caches: Vec<RenderCache>,
}

/// What one build did.
pub struct Built {
    /// The summary to print.
    pub summary: BuildSummary,
    /// True when only the changed content was rendered again.
    pub incremental: bool,
}

impl Preview {
    /// A preview of the site `options` names, built into `options.out`;
    /// every write passes `gate`.
    pub fn new(options: BuildOptions, gate: Arc<WriteGate>) -> Preview {
        Preview {
            options,
            session: None,
            on_disk: None,
            gate,
        }
    }

    /// Builds after `changed` (None for the first build) and writes the
    /// changed files into the output folder; calls `reload` as soon as the
    /// pages are there, before the search index is rebuilt.
    ///
    /// On failure the folder being served stays as it was.
    pub fn build(
        &mut self,
        changed: Option<&[PathBuf]>,
        reload: impl FnOnce(&BuildSummary),
    ) -> Result<Built, Diagnostics> {
        let start = Instant::now();
        let out_dir = self.options.out_dir();
        let content_only = changed.is_some_and(|paths| only_content(&self.options.site, paths));
        let incremental = content_only && self.session.is_some();
        // A full build loads the content with everything else; an
        // incremental one loads only the content, below.
        if !incremental {
            self.session = None;
            crate::out_folder::check(&self.options.site, &out_dir, self.options.force)
                .map_err(Diagnostics::from)?;
            let mut content_caches = Vec::new();
            let models = load_languages(&self.options, Some(&mut content_caches))?;
            self.session = Some(Session {
                models,
                content_caches,
                caches: Vec::new(),
            });
        }
        let Some(session) = self.session.as_mut() else {
            return Err(Diagnostics::new());
        };
        if incremental {
            let now = self
                .options
                .now
                .unwrap_or_else(|| chrono::Utc::now().fixed_offset());
            for (model, cache) in session.models.iter_mut().zip(&mut session.content_caches) {
                model.now = now;
                model.content = load_content(&self.options, &model.settings, now, Some(cache))?;
            }
        }
        // A site with several languages gets each language's search index
        // with its pages; one language's index follows after the reload.
        let multilingual = session.models.len() > 1;
        let rendered = render_languages(
            &session.models,
            Output::new(),
            multilingual,
            Some(&mut session.caches),
        );
        let generated = match rendered {
            Ok(done) => done,
            Err(diags) => {
                if !incremental {
                    // The next change rebuilds everything again: the folder
                    // being served still holds an older build.
                    self.session = None;
                }
                return Err(diags);
            }
        };
        // What the folder holds is unknown while a write is under way.
        let previous = self.on_disk.take();
        let written = self.gate.write(|| match &previous {
            Some(previous) => write_changes(&out_dir, previous, &generated.output),
            None => generated.output.write_atomically(&out_dir),
        });
        written.map_err(|e| cannot_write(&out_dir, e))?;
        let summary = summary(
            &out_dir,
            &generated.output,
            generated.warnings.clone(),
            start,
        );
        reload(&summary);
        let mut served = generated.output;
        let mut diags = Diagnostics::new();
        let content = self
            .session
            .as_ref()
            .filter(|s| s.models.len() == 1)
            .and_then(|s| s.models.first())
            .map(|m| &m.content);
        let bundle = match content {
            Some(content) => search::bundle_for(content, &generated.config, &served),
            None => Ok(Vec::new()),
        };
        search::add_bundle(bundle, &mut served, &mut diags);
        let empty = Output::new();
        let written = self
            .gate
            .write(|| write_search_changes(&out_dir, previous.as_ref().unwrap_or(&empty), &served));
        written.map_err(|e| cannot_write(&out_dir, e))?;
        self.on_disk = Some(served);
        if diags.has_errors() {
            return Err(diags);
        }
        Ok(Built {
            summary,
            incremental,
        })
    }
}

fn summary(out_dir: &Path, output: &Output, warnings: Diagnostics, start: Instant) -> BuildSummary {
    BuildSummary {
        pages: output.page_count(),
        files: output.len(),
        millis: start.elapsed().as_millis(),
        out_dir: out_dir.to_path_buf(),
        warnings,
    }
}

fn cannot_write(out_dir: &Path, e: io::Error) -> Diagnostics {
    Diagnostic::error(
        "serve-preview-unwritable",
        out_dir,
        0,
        0,
        msg!(
            "cannot write the preview folder: {e}",
            "de voorbeeldmap kan niet worden geschreven: {e}"
        ),
    )
    .with_hint(msg!(
        "check that the temporary folder (TMPDIR) is writable and not full",
        "controleer of je in de tijdelijke map (TMPDIR) mag schrijven en of die niet vol is"
    ))
    .into()
}

/// True when every changed path is inside the site's `content/` folder.
fn only_content(site: &Path, changed: &[PathBuf]) -> bool {
    let site = site.canonicalize().unwrap_or_else(|_| site.to_path_buf());
    let content = site.join("content");
    !changed.is_empty() && changed.iter().all(|p| p.starts_with(&content))
}

/// Writes the files of `new` that differ from `old` into `out_dir` and
/// removes the ones `new` no longer has, except the search index, which
/// [`write_search_changes`] updates after the reload.
fn write_changes(out_dir: &Path, old: &Output, new: &Output) -> io::Result<()> {
    let in_search = |path: &str| path.starts_with(&format!("{}/", search::SEARCH_BUNDLE_DIR));
    for (path, file) in new.files() {
        if old.get(path).is_none_or(|o| o.bytes != file.bytes) {
            replace_file(out_dir, path, &file.bytes)?;
        }
    }
    remove_missing(out_dir, old, new, |path| !in_search(path))
}

/// Writes the search index files of `new` that differ from `old` and
/// removes the index files `new` no longer has. `meta.json` names the
/// other files, so it is written after them and before the removals: a
/// browser that reads it finds every file it names.
fn write_search_changes(out_dir: &Path, old: &Output, new: &Output) -> io::Result<()> {
    let prefix = format!("{}/", search::SEARCH_BUNDLE_DIR);
    let meta = format!("{prefix}meta.json");
    let (first, last): (Vec<_>, Vec<_>) = new
        .files()
        .filter(|(p, _)| p.starts_with(&prefix))
        .partition(|(p, _)| *p != meta);
    for (path, file) in first.into_iter().chain(last) {
        if old.get(path).is_none_or(|o| o.bytes != file.bytes) {
            replace_file(out_dir, path, &file.bytes)?;
        }
    }
    remove_missing(out_dir, old, new, |path| path.starts_with(&prefix))
}

fn remove_missing(
    out_dir: &Path,
    old: &Output,
    new: &Output,
    applies: impl Fn(&str) -> bool,
) -> io::Result<()> {
    let kept: BTreeSet<&str> = new.files().map(|(p, _)| p).collect();
    for (path, _) in old.files() {
        if applies(path) && !kept.contains(path) {
            match std::fs::remove_file(out_dir.join(path)) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}

/// Replaces one file in one step (a page being read sees the old or the
/// new version, never half of one). `path` comes from an [`Output`], whose
/// paths are checked to be plain relative names.
fn replace_file(out_dir: &Path, path: &str, bytes: &[u8]) -> io::Result<()> {
    let target = out_dir.join(path);
    let dir = target.parent().unwrap_or(out_dir);
    std::fs::create_dir_all(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    io::Write::write_all(&mut temp, bytes)?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)]) -> Output {
        let mut out = Output::new();
        for (path, text) in files {
            out.add(path, text.as_bytes().to_vec(), None).unwrap();
        }
        out
    }

    #[test]
    fn writes_only_what_changed_and_removes_what_went() {
        let dir = tempfile::tempdir().unwrap();
        let old = output(&[
            ("a/index.html", "a"),
            ("b/index.html", "b"),
            ("zoekindex/x.json", "x"),
        ]);
        old.write_atomically(dir.path()).unwrap();
        let untouched = dir.path().join("a/index.html");
        let before = std::fs::metadata(&untouched).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let new = output(&[("a/index.html", "a"), ("c/index.html", "c")]);
        write_changes(dir.path(), &old, &new).unwrap();
        assert_eq!(
            std::fs::metadata(&untouched).unwrap().modified().unwrap(),
            before,
            "an unchanged file is not written again"
        );
        assert!(!dir.path().join("b/index.html").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("c/index.html")).unwrap(),
            "c"
        );
        assert!(
            dir.path().join("zoekindex/x.json").exists(),
            "the search index is updated after the reload"
        );
        write_search_changes(dir.path(), &old, &new).unwrap();
        assert!(!dir.path().join("zoekindex/x.json").exists());
    }

    #[test]
    fn only_changes_inside_content_are_incremental() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path().canonicalize().unwrap();
        let page = root.join("content/nieuws/a.md");
        let template = root.join("templates/base.html");
        assert!(only_content(site.path(), std::slice::from_ref(&page)));
        assert!(!only_content(site.path(), &[page, template]));
        assert!(!only_content(site.path(), &[]));
    }
}
