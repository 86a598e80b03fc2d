//! The generated site. A build streams every file into a staging folder as
//! soon as it is rendered (keeping only the list of paths in memory) and
//! swaps that folder in place of the old output once everything succeeded;
//! `serve`, `check` and the tests hold the files in memory instead. A
//! failed build therefore never touches the previous output.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Message};
use crate::msg;
use crate::site_path::{OutputPath, SitePath};

mod staging;
pub use staging::{MARKER, Staging};

/// One generated file.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// The file's contents; empty in a streaming output, whose files are on
    /// disk (read them with [`Output::read`]).
    pub bytes: Vec<u8>,
    /// The source file it came from, for diagnostics (content page, data file, static file).
    pub origin: Option<PathBuf>,
}

/// All files of a build, by path relative to the output root (`nieuws/index.html`).
#[derive(Debug, Clone, Default)]
pub struct Output {
    files: BTreeMap<OutputPath, OutputFile>,
    redirects: BTreeSet<OutputPath>,
    hidden: BTreeSet<OutputPath>,
    /// Pages left out of the search index (filtered views of another page).
    unsearched: BTreeSet<OutputPath>,
    lastmod: BTreeMap<OutputPath, String>,
    /// The staging folder files are written into as they are added; None
    /// when the files are kept in memory.
    streaming: Option<PathBuf>,
}

/// A file rendered for the output but not yet recorded in it, so that
/// pages can be rendered (and, in a streaming output, written) in parallel
/// and recorded in a fixed order afterwards. See [`Output::stage`].
#[derive(Debug)]
pub struct Staged {
    key: OutputPath,
    /// The bytes, or nothing when they were written to the staging folder.
    bytes: Vec<u8>,
    origin: Option<PathBuf>,
    redirect: bool,
    lastmod: Option<String>,
}

impl Staged {
    /// Marks the file as a redirect page (see [`Output::mark_redirect`]).
    pub fn redirect(mut self) -> Self {
        self.redirect = true;
        self
    }

    /// Records when the page last changed, for the sitemap (`2025-11-24`).
    pub fn set_lastmod(&mut self, date: Option<String>) {
        self.lastmod = date;
    }
}

/// The output file for a site path: `/nieuws/` → `nieuws/index.html`,
/// `/index.xml` → `index.xml`, `/` → `index.html`; None when the path is
/// not a safe site path.
pub fn file_for_path(path: &str) -> Option<OutputPath> {
    SitePath::parse_page(path).ok().map(|p| p.output_file())
}

/// The path of `path` below `root` with `/` separators, as used for URLs and
/// template names (`nieuws/foto/kaart.svg`).
pub fn slash_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

impl Output {
    /// An empty output that keeps its files in memory.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty output that writes every file into `folder` (a fresh
    /// staging folder, see [`Staging`]) as soon as it is added, keeping
    /// only the paths in memory.
    pub fn streaming(folder: &Path) -> Self {
        Output {
            streaming: Some(folder.to_path_buf()),
            ..Self::default()
        }
    }

    /// Prepares the page at the site path `path` (`/nieuws/` becomes
    /// `nieuws/index.html`) for [`Output::commit`]; a streaming output
    /// writes it now. Takes `&self`, so pages can be staged in parallel.
    pub fn stage_page(
        &self,
        path: &str,
        html: String,
        origin: Option<&Path>,
    ) -> Result<Staged, Diagnostic> {
        let site_path = SitePath::parse_page(path).map_err(|e| unsafe_path(path, origin, e))?;
        self.stage(&site_path, html.into_bytes(), origin)
    }

    /// Prepares a file that serves the site path `path` for
    /// [`Output::commit`]; a streaming output writes it now.
    pub fn stage(
        &self,
        path: &SitePath,
        bytes: Vec<u8>,
        origin: Option<&Path>,
    ) -> Result<Staged, Diagnostic> {
        let key = path.output_file();
        let bytes = match &self.streaming {
            Some(folder) => {
                write_file(folder, &key, &bytes).map_err(|e| {
                    Diagnostic::error(
                        "output-write-failed",
                        origin
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| folder.clone()),
                        0,
                        0,
                        msg!("cannot write /{key}: {e}", "/{key} kan niet geschreven worden: {e}"),
                    )
                    .with_hint(msg!(
                        "check that the output folder's disk is not full and writable",
                        "controleer of de schijf van de uitvoermap niet vol is en of je erin mag schrijven"
                    ))
                })?;
                Vec::new()
            }
            None => bytes,
        };
        Ok(Staged {
            key,
            bytes,
            origin: origin.map(Path::to_path_buf),
            redirect: false,
            lastmod: None,
        })
    }

    /// Records a staged file.
    ///
    /// Fails when another file already claimed its path; the error names
    /// both sources (the build then fails, so a file written over in the
    /// staging folder is never published).
    pub fn commit(&mut self, staged: Staged) -> Result<(), Diagnostic> {
        let Staged {
            key,
            bytes,
            origin,
            redirect,
            lastmod,
        } = staged;
        if let Some(existing) = self.files.get(&key) {
            let file = origin.unwrap_or_else(|| PathBuf::from(key.as_str()));
            let other = existing
                .origin
                .as_ref()
                .map(|o| Message::verbatim(o.display().to_string()))
                .unwrap_or_else(|| msg!("a generated page", "een gemaakte pagina"));
            return Err(Diagnostic::error(
                "output-path-taken",
                file,
                0,
                0,
                msg!(
                    "two things want to be published at /{key}: this and {other}",
                    "twee dingen willen op /{key} gepubliceerd worden: dit en {other}";
                    other
                ),
            )
            .with_hint(msg!(
                "rename one of them, or give the page another `slug:` or `url:`",
                "geef een van beide een andere naam, of geef de pagina een andere `slug:` of `url:`"
            )));
        }
        if redirect {
            self.redirects.insert(key.clone());
        }
        if let Some(date) = lastmod {
            self.lastmod.insert(key.clone(), date);
        }
        self.files.insert(key, OutputFile { bytes, origin });
        Ok(())
    }

    /// The contents of the file at `path` (`nieuws/index.html`), read back
    /// from the staging folder in a streaming output.
    pub fn read(&self, path: &str) -> Option<Cow<'_, [u8]>> {
        let (key, file) = self.files.get_key_value(path.trim_start_matches('/'))?;
        match &self.streaming {
            Some(folder) => plain_join(folder, key)
                .and_then(std::fs::read)
                .ok()
                .map(Cow::Owned),
            None => Some(Cow::Borrowed(&file.bytes)),
        }
    }

    /// Adds a file at `path` (relative to the output root, e.g. `raad/index.html`;
    /// every part a plain name, not percent-encoded).
    ///
    /// Fails when the path is not a safe path or another file already claimed it.
    pub fn add(
        &mut self,
        path: &str,
        bytes: impl Into<Vec<u8>>,
        origin: Option<&Path>,
    ) -> Result<(), Diagnostic> {
        let rel = path.trim_start_matches('/');
        let site_path = SitePath::from_segments(rel.split('/'), false)
            .map_err(|e| unsafe_path(path, origin, e))?;
        self.add_file(&site_path, bytes, origin)
    }

    /// Adds a copy of the file `source` at `path` (relative to the output
    /// root, e.g. `nieuws/beeld/kaart.svg`): a streaming output copies it
    /// straight into the staging folder, so a site's images never pass
    /// through memory; otherwise its bytes are read.
    pub fn copy(&mut self, path: &str, source: &Path) -> Result<(), Diagnostic> {
        let rel = path.trim_start_matches('/');
        let site_path = SitePath::from_segments(rel.split('/'), false)
            .map_err(|e| unsafe_path(path, Some(source), e))?;
        let cannot = |e: io::Error| {
            Diagnostic::error(
                "output-copy-failed",
                source,
                0,
                0,
                msg!(
                    "cannot copy to /{rel}: {e}",
                    "kopiëren naar /{rel} lukt niet: {e}"
                ),
            )
            .with_hint(msg!(
                "check that the file is readable and the output folder writable",
                "controleer of het bestand leesbaar is en of je in de uitvoermap mag schrijven"
            ))
        };
        let Some(folder) = &self.streaming else {
            let bytes = std::fs::read(source).map_err(cannot)?;
            return self.add_file(&site_path, bytes, Some(source));
        };
        let key = site_path.output_file();
        let target = plain_join(folder, &key).map_err(cannot)?;
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(cannot)?;
        }
        std::fs::copy(source, &target).map_err(cannot)?;
        self.commit(Staged {
            key,
            bytes: Vec::new(),
            origin: Some(source.to_path_buf()),
            redirect: false,
            lastmod: None,
        })
    }

    /// Adds a file that serves the site path `path` (`/nieuws/` is written
    /// as `nieuws/index.html`).
    ///
    /// Fails when another file already claimed that output file; the error
    /// names both sources.
    pub fn add_file(
        &mut self,
        path: &SitePath,
        bytes: impl Into<Vec<u8>>,
        origin: Option<&Path>,
    ) -> Result<(), Diagnostic> {
        let staged = self.stage(path, bytes.into(), origin)?;
        self.commit(staged)
    }

    /// Adds an HTML page at the site path `path` (e.g. `/raad/`).
    pub fn add_page(
        &mut self,
        path: &str,
        html: String,
        origin: Option<&Path>,
    ) -> Result<(), Diagnostic> {
        let site_path = SitePath::parse_page(path).map_err(|e| unsafe_path(path, origin, e))?;
        self.add_file(&site_path, html, origin)
    }

    /// Marks the page at `path` as a redirect (left out of the sitemap and link checks of content).
    pub fn mark_redirect(&mut self, path: &str) {
        self.redirects.extend(file_for_path(path));
    }

    /// Keeps the page at `path` out of the sitemap.
    pub fn mark_hidden(&mut self, path: &str) {
        self.hidden.extend(file_for_path(path));
    }

    /// Keeps the page at `path` out of the search index, not out of the
    /// sitemap: a filtered view of another page (the guide's verdict and
    /// district filters) would otherwise fill the results with copies.
    pub fn mark_unsearched(&mut self, path: &str) {
        self.unsearched.extend(file_for_path(path));
    }

    /// True when the page at the site path `path` is kept out of the search
    /// index (see [`Output::mark_unsearched`]).
    pub fn is_unsearched(&self, path: &str) -> bool {
        file_for_path(path).is_some_and(|f| self.unsearched.contains(&f))
    }

    /// Records when the page at `path` last changed, for the sitemap (`2025-11-24`).
    pub fn set_lastmod(&mut self, path: &str, date: String) {
        if let Some(file) = file_for_path(path) {
            self.lastmod.insert(file, date);
        }
    }

    /// The file at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&OutputFile> {
        self.files.get(path.trim_start_matches('/'))
    }

    /// True when a file exists at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path.trim_start_matches('/'))
    }

    /// All files, sorted by path.
    pub fn files(&self) -> impl Iterator<Item = (&str, &OutputFile)> {
        self.files.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// True when the file is a redirect page.
    pub fn is_redirect(&self, file: &str) -> bool {
        self.redirects.contains(file)
    }

    /// HTML pages that belong in the sitemap, with their last change if known.
    pub fn sitemap_pages(&self) -> Vec<(String, Option<&String>)> {
        self.files
            .keys()
            .filter(|f| {
                f.ends_with("index.html")
                    && !self.redirects.contains(*f)
                    && !self.hidden.contains(*f)
            })
            .map(|f| {
                let path = format!("/{}", f.trim_end_matches("index.html"));
                (path, self.lastmod.get(f))
            })
            .collect()
    }

    /// The staging folder of a streaming output.
    pub fn streaming_folder(&self) -> Option<&Path> {
        self.streaming.as_deref()
    }

    /// Takes every file of `other`, an output rendered for the folder `dir`
    /// (a language's: `en`), into this one below that folder. A streaming
    /// `other` must have streamed into `dir` of this output's folder, so
    /// its files are on disk where they belong already.
    ///
    /// Fails when a file of `other` claims a path this output has.
    pub fn absorb(&mut self, other: Output, dir: &str) -> Result<(), Diagnostic> {
        let moved = |key: &OutputPath| {
            key.below(dir).ok_or_else(|| {
                Diagnostic::error(
                    "output-language-folder-invalid",
                    dir,
                    0,
                    0,
                    msg!(
                        "`{dir}` cannot be a folder of the site",
                        "`{dir}` kan geen map van de site zijn"
                    ),
                )
                .with_hint(msg!(
                    "name languages by their code, such as `en`",
                    "noem talen naar hun code, zoals `en`"
                ))
            })
        };
        for (key, file) in other.files {
            let key = moved(&key)?;
            self.commit(Staged {
                redirect: false,
                lastmod: None,
                key,
                bytes: file.bytes,
                origin: file.origin,
            })?;
        }
        for (set, target) in [
            (&other.redirects, &mut self.redirects),
            (&other.hidden, &mut self.hidden),
            (&other.unsearched, &mut self.unsearched),
        ] {
            for key in set {
                target.insert(moved(key)?);
            }
        }
        for (key, date) in other.lastmod {
            self.lastmod.insert(moved(&key)?, date);
        }
        Ok(())
    }

    /// Number of HTML files.
    pub fn page_count(&self) -> usize {
        self.files.keys().filter(|f| f.ends_with(".html")).count()
    }

    /// Writes every file into a new folder next to `out_dir`, then swaps it
    /// in place of `out_dir`. On any error the old `out_dir` is left as it was.
    ///
    /// A streaming output is already in its staging folder: use
    /// [`Staging::publish`] for it instead.
    pub fn write_atomically(&self, out_dir: &Path) -> io::Result<()> {
        let staging = Staging::create(out_dir)?;
        for (key, file) in &self.files {
            write_file(staging.path(), key, &file.bytes)?;
        }
        staging.publish()
    }
}

/// Writes `bytes` at `key` below `root`, creating folders as needed.
fn write_file(root: &Path, key: &OutputPath, bytes: &[u8]) -> io::Result<()> {
    let target = plain_join(root, key)?;
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&target, bytes)
}

/// The diagnostic for a path that cannot be written safely.
fn unsafe_path(path: &str, origin: Option<&Path>, e: crate::site_path::PathError) -> Diagnostic {
    let file = origin
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(path));
    let reason = e.message;
    Diagnostic::error(
        "output-path-unsafe",
        file,
        0,
        0,
        msg!(
            "cannot publish at `{path}`: {reason}",
            "publiceren op `{path}` kan niet: {reason}";
            reason
        ),
    )
    .with_hint(e.hint)
}

/// `root` joined with the parts of `rel`, each checked to be a plain name:
/// the second line of defence behind [`SitePath`].
fn plain_join(root: &Path, rel: &OutputPath) -> io::Result<PathBuf> {
    let mut target = root.to_path_buf();
    for part in rel.split('/') {
        let mut components = Path::new(part).components();
        match (components.next(), components.next()) {
            (Some(std::path::Component::Normal(name)), None) if name == part => target.push(name),
            _ => {
                return Err(io::Error::other(format!(
                    "refusing to write `{rel}`: `{part}` is not a plain file name"
                )));
            }
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("/", "index.html")]
    #[test_case("/nieuws/", "nieuws/index.html")]
    #[test_case("/nieuws/page/2/", "nieuws/page/2/index.html")]
    #[test_case("/index.xml", "index.xml")]
    #[test_case("/raad", "raad/index.html")]
    fn maps_paths_to_files(path: &str, file: &str) {
        assert_eq!(file_for_path(path).unwrap().as_str(), file);
    }

    #[test]
    fn refuses_two_files_at_one_path() {
        let mut out = Output::new();
        out.add_page("/a/", "x".into(), None).unwrap();
        let err = out
            .add("a/index.html", "y", Some(Path::new("static/a/index.html")))
            .unwrap_err();
        assert!(err.message.contains("/a/index.html"));
    }

    #[test]
    fn copies_a_file_into_memory_or_straight_into_the_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("kaart.svg");
        std::fs::write(&source, "<svg/>").unwrap();
        let mut memory = Output::new();
        memory.copy("nieuws/kaart.svg", &source).unwrap();
        assert_eq!(memory.read("nieuws/kaart.svg").unwrap().as_ref(), b"<svg/>");

        let staging = dir.path().join("staging");
        let mut streaming = Output::streaming(&staging);
        streaming.copy("nieuws/kaart.svg", &source).unwrap();
        assert_eq!(
            std::fs::read_to_string(staging.join("nieuws/kaart.svg")).unwrap(),
            "<svg/>"
        );
        assert!(streaming.contains("nieuws/kaart.svg"));
        let err = streaming
            .copy("nieuws/kaart.svg", &source)
            .expect_err("a second file at the same path");
        assert!(err.message.contains("/nieuws/kaart.svg"), "{}", err.message);
        let missing = streaming
            .copy("x.svg", &dir.path().join("weg.svg"))
            .unwrap_err();
        assert!(
            missing.message.contains("cannot copy"),
            "{}",
            missing.message
        );
        assert!(streaming.copy("../x.svg", &source).is_err());
    }

    #[test]
    fn swaps_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("public");
        std::fs::create_dir_all(out_dir.join("oud")).unwrap();
        std::fs::write(out_dir.join("oud/x.txt"), "oud").unwrap();
        let mut out = Output::new();
        out.add("nieuw/index.html", "nieuw", None).unwrap();
        out.write_atomically(&out_dir).unwrap();
        assert!(!out_dir.join("oud").exists());
        assert_eq!(
            std::fs::read_to_string(out_dir.join("nieuw/index.html")).unwrap(),
            "nieuw"
        );
        assert!(out_dir.join(MARKER).is_file());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no staging folders left behind");
    }

    #[test]
    fn removes_staging_folders_of_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        let out_dir = dir.path().join("public");
        for stale in [".public.new-abc", ".public.old-def"] {
            std::fs::create_dir_all(dir.path().join(stale).join("x")).unwrap();
        }
        std::fs::create_dir_all(dir.path().join(".other.new-abc")).unwrap();
        Output::new().write_atomically(&out_dir).unwrap();
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, [".other.new-abc", "public"]);
    }

    #[test_case("../x.html"; "dot dot")]
    #[test_case("a//b.html"; "empty part")]
    #[test_case("a\\..\\b.html"; "backslash")]
    fn refuses_unsafe_file_paths(path: &str) {
        assert!(Output::new().add(path, "x", None).is_err());
    }

    #[test]
    fn refuses_to_replace_a_site_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.toml"), "").unwrap();
        assert!(Output::new().write_atomically(dir.path()).is_err());
        assert!(dir.path().join("site.toml").exists());
    }

    #[test]
    fn sitemap_leaves_out_redirects_and_hidden_pages() {
        let mut out = Output::new();
        out.add_page("/a/", String::new(), None).unwrap();
        out.add_page("/oud/", String::new(), None).unwrap();
        out.add_page("/zoeken/", String::new(), None).unwrap();
        out.add("404.html", "", None).unwrap();
        out.mark_redirect("/oud/");
        out.mark_hidden("/zoeken/");
        let paths: Vec<_> = out.sitemap_pages().into_iter().map(|(p, _)| p).collect();
        assert_eq!(paths, ["/a/"]);
    }
}
