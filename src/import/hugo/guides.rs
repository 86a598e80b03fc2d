//! Voting-guide pages of a Hugo site: found by their table's columns, and
//! with `--guides` turned into guide data (`import guide`) that keeps the
//! page's address, with the guide templates the new site then needs.

use std::path::Path;

use super::report::{GuideImportError, Report};

/// The templates, style and script of the voting-guide pages, added when
/// `--guides` turned a page into guide data.
const GUIDE_FILES: &[(&str, &str)] = &[
    (
        "templates/guide/_archive.html",
        include_str!("../../../site/templates/guide/_archive.html"),
    ),
    (
        "templates/guide/_head.html",
        include_str!("../../../site/templates/guide/_head.html"),
    ),
    (
        "templates/guide/_kamer.html",
        include_str!("../../../site/templates/guide/_kamer.html"),
    ),
    (
        "templates/guide/_nav.html",
        include_str!("../../../site/templates/guide/_nav.html"),
    ),
    (
        "templates/guide/_provenance.html",
        include_str!("../../../site/templates/guide/_provenance.html"),
    ),
    (
        "templates/guide/_levels.html",
        include_str!("../../../site/templates/guide/_levels.html"),
    ),
    (
        "templates/levels/overview.html",
        include_str!("../../../site/templates/levels/overview.html"),
    ),
    (
        "templates/guide/_verdict.html",
        include_str!("../../../site/templates/guide/_verdict.html"),
    ),
    (
        "templates/guide/changes.html",
        include_str!("../../../site/templates/guide/changes.html"),
    ),
    (
        "templates/guide/highlights.html",
        include_str!("../../../site/templates/guide/highlights.html"),
    ),
    (
        "templates/guide/methodology.html",
        include_str!("../../../site/templates/guide/methodology.html"),
    ),
    (
        "templates/guide/overview.html",
        include_str!("../../../site/templates/guide/overview.html"),
    ),
    (
        "templates/guide/party.html",
        include_str!("../../../site/templates/guide/party.html"),
    ),
    (
        "templates/guide/said_vs_did.html",
        include_str!("../../../site/templates/guide/said_vs_did.html"),
    ),
    (
        "static/css/guide.css",
        include_str!("../../../site/static/css/guide.css"),
    ),
    // The party page includes the share section (plain links; the script only enhances).
    (
        "templates/partials/share.html",
        include_str!("../../../site/templates/partials/share.html"),
    ),
    (
        "static/js/share.js",
        include_str!("../../../site/static/js/share.js"),
    ),
];

/// The line of a Markdown table whose header has the columns Partij and Oordeel.
pub(super) fn guide_table_line(body: &str) -> Option<usize> {
    body.lines()
        .position(|line| {
            if !line.contains('|') {
                return false;
            }
            let cells: Vec<String> = line.split('|').map(|c| c.trim().to_lowercase()).collect();
            cells.iter().any(|c| c == "partij") && cells.iter().any(|c| c == "oordeel")
        })
        .map(|i| i + 1)
}

/// An election id from a file name: `stemwijzer-2023.md` → `stemwijzer-2023`.
pub(super) fn guide_id(rel: &str) -> String {
    let stem = rel.trim_end_matches(".md").trim_end_matches("/index");
    let stem = stem.rsplit('/').next().unwrap_or(stem);
    let id: String = crate::site_path::Slug::urlize(stem)
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect();
    if id.is_empty() {
        "verkiezing".into()
    } else {
        id.trim_start_matches('-').to_string()
    }
}

/// With `--guides`: runs `import guide` for each guide page in the staged site,
/// and on success replaces the page by the guide at the same URL.
pub(super) fn import_guides(site: &Path, hugo_dir: &Path, report: &mut Report) {
    for guide in &mut report.guides {
        let page = site.join(&guide.file);
        let hugo_source = hugo_dir.join(&guide.file);
        let id = guide_id(&guide.file);
        let args = crate::guide::import::ImportGuideArgs {
            file: page.clone(),
            election: id.clone(),
            site: site.to_path_buf(),
            dry_run: false,
            source_name: Some(hugo_source.display().to_string()),
        };
        guide.result = Some(match crate::guide::import::run_import(&args) {
            Ok(_) => {
                let election = site.join("data/elections").join(&id).join("election.toml");
                match set_election_path(&election, &guide.url) {
                    Ok(()) => {
                        let _ = std::fs::remove_file(&page);
                        for (rel, text) in GUIDE_FILES {
                            let path = site.join(rel);
                            if !path.exists() {
                                let _ = path.parent().map(std::fs::create_dir_all);
                                let _ = std::fs::write(&path, text);
                            }
                        }
                        Ok(format!(
                            "data/elections/{id}/ now renders {}; the page was removed",
                            guide.url
                        ))
                    }
                    Err(e) => Err(e),
                }
            }
            Err(diags) => Err(GuideImportError::Rejected {
                first: diags.sorted().first().map(|d| d.message.en.clone()),
            }),
        });
    }
}

fn set_election_path(file: &Path, url: &str) -> Result<(), GuideImportError> {
    let io = |e: std::io::Error| GuideImportError::Io {
        path: file.to_path_buf(),
        message: e.to_string(),
    };
    let text = std::fs::read_to_string(file).map_err(io)?;
    let mut found = false;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if !found && line.trim_start().starts_with("path") && line.contains('=') {
                found = true;
                format!("path = {}", toml::Value::String(url.to_string()))
            } else {
                line.to_string()
            }
        })
        .collect();
    if !found {
        return Err(GuideImportError::NoPath(file.to_path_buf()));
    }
    std::fs::write(file, lines.join("\n") + "\n").map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_guide_tables_by_their_columns() {
        assert_eq!(
            guide_table_line("Tekst\n\n| Partij | Oordeel | Toelichting |\n|---|---|---|\n"),
            Some(3)
        );
        assert_eq!(guide_table_line("Oordeel | Partij\n--- | ---\n"), Some(1));
        assert_eq!(guide_table_line("| Naam | Waarde |\n"), None);
    }

    #[test]
    fn guide_ids_are_valid_election_ids() {
        assert_eq!(guide_id("stemwijzer-2023.md"), "stemwijzer-2023");
        assert_eq!(
            guide_id("verkiezingen/Stemwijzer TK 2025/index.md"),
            "stemwijzer-tk-2025"
        );
    }
}
