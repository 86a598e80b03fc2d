//! Reading the site's templates: every file of `templates/`, by its name
//! there (`guide/party.html`), for [`crate::render::Renderer`] to compile.
//! Part of loading the site, so the renderer never reads a file.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::output::slash_path;

/// The template files of a site.
#[derive(Debug, Clone, Default)]
pub struct TemplateFiles {
    /// The site's `templates/` folder (named in diagnostics).
    pub dir: PathBuf,
    /// Every file found, in the order of their paths.
    pub files: Vec<TemplateFile>,
    /// Files that could not be read.
    pub unreadable: Vec<Diagnostic>,
}

/// One template file.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// Its name: the path below `templates/` with `/` (`guide/party.html`).
    pub name: String,
    /// Its text.
    pub source: String,
}

/// Reads every file of `site_root/templates` (none when the folder is
/// missing: the renderer then reports the required ones).
pub fn read_templates(site_root: &Path) -> TemplateFiles {
    let dir = site_root.join("templates");
    let mut templates = TemplateFiles {
        dir: dir.clone(),
        ..TemplateFiles::default()
    };
    if !dir.is_dir() {
        return templates;
    }
    let walk = crate::confined::files(&dir, site_root);
    templates.unreadable.extend(
        walk.refused
            .iter()
            .map(crate::confined::Refused::diagnostic),
    );
    for path in &walk.files {
        match std::fs::read_to_string(path) {
            Ok(source) => templates.files.push(TemplateFile {
                name: slash_path(&dir, path),
                source,
            }),
            Err(e) => templates.unreadable.push(Diagnostic::error(
                "template-unreadable",
                path,
                0,
                0,
                crate::msg!(
                    "cannot read template: {e}",
                    "de template kan niet gelezen worden: {e}"
                ),
            )),
        }
    }
    templates
}
