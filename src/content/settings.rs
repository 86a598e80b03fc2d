//! The content settings of `site.toml` that come from Hugo (`content_dir`,
//! `permalinks`, `ugly_urls`): checked once when the settings are read, and
//! turned into typed values for loading content.

use std::path::{Component, Path, PathBuf};

use super::permalinks::{Permalink, UrlSettings};
use crate::config::{SiteConfig, key_position};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Reports a `content_dir` that leaves the site folder and permalink
/// patterns that cannot be read, on their lines in `site.toml`.
pub fn validate(config: &SiteConfig, path: &Path, text: &str, diags: &mut Diagnostics) {
    let dir = Path::new(&config.content_dir);
    let inside = !config.content_dir.trim().is_empty()
        && dir
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside {
        let (line, col) = key_position(text, "content_dir");
        diags.push(
            Diagnostic::error(
                path,
                line,
                col,
                format!(
                    "`content_dir` must be a folder inside the site folder: {:?}",
                    config.content_dir
                ),
            )
            .with_hint(
                "write it relative to the site folder, for example content_dir = \"content/nl\"",
            ),
        );
    }
    for (section, pattern) in &config.permalinks {
        if let Err(message) = Permalink::parse(pattern) {
            let (line, col) = key_position(text, section);
            diags.push(
                Diagnostic::error(
                    path,
                    line,
                    col,
                    format!("permalink of `{section}`: {message}"),
                )
                .with_hint("for example nieuws = \"/nieuws/:year/:month/:slug/\""),
            );
        }
    }
}

/// The URL settings of a validated configuration.
pub fn url_settings(config: &SiteConfig) -> UrlSettings {
    UrlSettings {
        permalinks: config
            .permalinks
            .iter()
            .filter_map(|(section, pattern)| {
                Permalink::parse(pattern).ok().map(|p| (section.clone(), p))
            })
            .collect(),
        ugly_urls: config.ugly_urls,
    }
}

/// The content folder of the site at `site_root`.
pub fn content_path(site_root: &Path, config: &SiteConfig) -> PathBuf {
    site_root.join(&config.content_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(extra: &str) -> Result<SiteConfig, Diagnostics> {
        SiteConfig::parse(
            Path::new("site.toml"),
            &format!("title = 'T'\nbase_url = 'https://e.org/'\n{extra}"),
        )
    }

    #[test]
    fn reads_hugo_keys() {
        let c = parse(
            "contentDir = 'content/nl'\nuglyURLs = true\n[permalinks]\nnieuws = '/:year/:slug/'\n",
        )
        .unwrap();
        assert_eq!(c.content_dir, "content/nl");
        let s = url_settings(&c);
        assert!(s.ugly_urls);
        assert!(s.permalinks.contains_key("nieuws"));
    }

    #[test]
    fn content_dir_outside_the_site_is_an_error_on_its_line() {
        let err = parse("content_dir = '../elders'\n").unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!(d.line, 3);
        assert!(d.message.contains("content_dir"));
    }

    #[test]
    fn unknown_permalink_part_is_an_error_on_its_line() {
        let err = parse("[permalinks]\nnieuws = '/:jaar/:slug/'\n").unwrap_err();
        let d = &err.sorted()[0];
        assert_eq!(d.line, 4);
        assert!(d.message.contains(":jaar"), "{d}");
    }
}
