//! `data/council/sources.toml`: the kind of publication behind each web
//! host. Every source address in the other Council files is graded by its
//! host through [`Hosts`], so a host must be listed here before it is cited.

use serde::Deserialize;
use toml::Spanned;

use crate::council::model::{Source, SourceKind};
use crate::data_file::Parsed;
use crate::diagnostics::Diagnostics;
use crate::url::{ExternalUrl, Schemes};

/// The kind of publication behind each host, from `sources.toml`.
#[derive(Debug, Default)]
pub(crate) struct Hosts(Vec<(String, SourceKind)>, Vec<String>);

impl Hosts {
    /// True when `host` is listed with a mistake already reported.
    fn is_broken(&self, host: &str) -> bool {
        let host = host.trim_start_matches("www.");
        self.1
            .iter()
            .any(|h| host == h || host.ends_with(&format!(".{h}")))
    }

    /// The kind for `host` (a `www.` prefix is ignored; a listed host also
    /// covers its subdomains).
    fn kind_of(&self, host: &str) -> Option<SourceKind> {
        let host = host.trim_start_matches("www.");
        self.0
            .iter()
            .filter(|(h, _)| host == h || host.ends_with(&format!(".{h}")))
            .max_by_key(|(h, _)| h.len())
            .map(|(_, k)| *k)
    }
}

/// The source kinds, for hints.
fn kinds_list() -> String {
    SourceKind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `sources.toml` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSourcesFile {
    #[serde(default)]
    host: Vec<RawHost>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHost {
    host: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

/// The hosts of `sources.toml`, each checked; a host with a mistake is
/// remembered as broken so its sources are not reported again.
pub(super) fn check_hosts(file: &Parsed<RawSourcesFile>, diags: &mut Diagnostics) -> Hosts {
    let mut hosts: Vec<(String, SourceKind)> = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    for raw in &file.value.host {
        let host = raw
            .host
            .get_ref()
            .trim()
            .trim_start_matches("www.")
            .to_ascii_lowercase();
        if host.is_empty() || host.contains(['/', ':', ' ']) {
            diags.push(
                file.error(
                    &raw.host,
                    format!("`{}` is not a host name", raw.host.get_ref()),
                )
                .with_hint("write only the host, e.g. \"security.nl\" (no https://, no path)"),
            );
            continue;
        }
        let Some(kind) = SourceKind::parse(raw.kind.get_ref()) else {
            diags.push(
                file.error(
                    &raw.kind,
                    format!("unknown source kind `{}`", raw.kind.get_ref()),
                )
                .with_hint(format!("write one of {}", kinds_list())),
            );
            broken.push(host);
            continue;
        };
        if hosts.iter().any(|(h, _)| *h == host) {
            diags.push(
                file.error(&raw.host, format!("host `{host}` is listed twice"))
                    .with_hint("keep one [[host]] entry per host"),
            );
            continue;
        }
        hosts.push((host, kind));
    }
    Hosts(hosts, broken)
}

/// A source address from a data file, checked as an [`ExternalUrl`] and
/// graded by its host; or a diagnostic.
pub(super) fn source<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    hosts: &Hosts,
    diags: &mut Diagnostics,
) -> Option<Source> {
    let url = match ExternalUrl::parse(at.get_ref(), Schemes::Web) {
        Ok(url) => url,
        Err(err) => {
            let message = if at.get_ref().trim().is_empty() {
                "the source is empty".to_string()
            } else {
                err.message
            };
            diags.push(file.error(at, message).with_hint(err.hint));
            return None;
        }
    };
    let Some(kind) = hosts.kind_of(url.host()) else {
        if hosts.is_broken(url.host()) {
            return None;
        }
        diags.push(
            file.error(at, format!("no source kind is known for `{}`", url.host()))
                .with_hint(format!(
                    "add [[host]] host = \"{}\" with kind = one of {} to data/council/sources.toml",
                    url.host().trim_start_matches("www."),
                    kinds_list()
                )),
        );
        return None;
    };
    Some(Source { url, kind })
}
