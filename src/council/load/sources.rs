//! `data/council/sources.toml`: the kind of publication behind each web
//! host. Every source address in the other Council files is graded by its
//! host through [`Hosts`], so a host must be listed here before it is cited.

use serde::Deserialize;
use toml::Spanned;

use crate::council::model::{ReliesOn, Source, SourceKind};
use crate::data_file::Parsed;
use crate::diagnostics::Diagnostics;
use crate::url::{ExternalUrl, Schemes};

/// One `[[host]]` of `sources.toml`, checked.
#[derive(Debug, Clone)]
struct HostEntry {
    host: String,
    kind: SourceKind,
    /// The host this one relies on, when it is listed too.
    relies_on: Option<String>,
}

/// The kind of publication behind each host, from `sources.toml`, and the
/// hosts whose entry had a mistake already reported.
#[derive(Debug, Default)]
pub(crate) struct Hosts(Vec<HostEntry>, Vec<String>);

/// True when `host` is `listed` or one of its subdomains.
fn covers(listed: &str, host: &str) -> bool {
    host == listed || host.ends_with(&format!(".{listed}"))
}

impl Hosts {
    /// True when `host` is listed with a mistake already reported.
    fn is_broken(&self, host: &str) -> bool {
        let host = host.trim_start_matches("www.");
        self.1.iter().any(|h| covers(h, host))
    }

    /// The entry for `host` (a `www.` prefix is ignored; a listed host also
    /// covers its subdomains; the longest match wins).
    fn entry(&self, host: &str) -> Option<&HostEntry> {
        let host = host.trim_start_matches("www.");
        self.0
            .iter()
            .filter(|e| covers(&e.host, host))
            .max_by_key(|e| e.host.len())
    }

    /// The kind of `host` itself, what it relies on, and the grade that
    /// counts: the weakest link along its `relies_on` chain.
    fn grade_of(&self, host: &str) -> Option<(SourceKind, Option<ReliesOn>, SourceKind)> {
        let entry = self.entry(host)?;
        let mut grade = entry.kind;
        let mut seen = vec![entry.host.as_str()];
        let mut next = entry.relies_on.as_deref();
        while let Some(other) = next.and_then(|h| self.entry(h)) {
            if seen.contains(&other.host.as_str()) {
                break;
            }
            seen.push(&other.host);
            grade = grade.weaker(other.kind);
            next = other.relies_on.as_deref();
        }
        let relies_on = entry
            .relies_on
            .as_deref()
            .and_then(|h| self.entry(h))
            .map(|e| ReliesOn {
                host: e.host.clone(),
                kind: e.kind,
            });
        Some((entry.kind, relies_on, grade))
    }
}

/// Hosts whose pages are official documents or parliamentary records: a
/// grade below `parliamentary` for them is a mistake in `sources.toml`.
const OFFICIAL_DOMAINS: [&str; 6] = [
    "europa.eu",
    "tweedekamer.nl",
    "eerstekamer.nl",
    "rijksoverheid.nl",
    "officielebekendmakingen.nl",
    "overheid.nl",
];

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
    relies_on: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
}

/// True when `host` (cleaned) can be a host name: not empty, no scheme, path or spaces.
fn is_host_name(host: &str) -> bool {
    !host.is_empty() && !host.contains(['/', ':', ' '])
}

/// A host name as written in `sources.toml`: trimmed, lower case, without `www.`.
fn clean_host(text: &str) -> String {
    text.trim().trim_start_matches("www.").to_ascii_lowercase()
}

/// The hosts of `sources.toml`, each checked; a host with a mistake is
/// remembered as broken so its sources are not reported again.
pub(super) fn check_hosts(file: &Parsed<RawSourcesFile>, diags: &mut Diagnostics) -> Hosts {
    let mut hosts: Vec<HostEntry> = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    for raw in &file.value.host {
        let host = clean_host(raw.host.get_ref());
        if !is_host_name(&host) {
            diags.push(
                file.untranslated_error(
                    &raw.host,
                    format!("`{}` is not a host name", raw.host.get_ref()),
                )
                .with_hint("write only the host, e.g. \"security.nl\" (no https://, no path)"),
            );
            continue;
        }
        let Some(kind) = SourceKind::parse(raw.kind.get_ref()) else {
            diags.push(
                file.untranslated_error(
                    &raw.kind,
                    format!("unknown source kind `{}`", raw.kind.get_ref()),
                )
                .with_hint(format!("write one of {}", kinds_list())),
            );
            broken.push(host);
            continue;
        };
        if hosts.iter().any(|e| e.host == host) {
            diags.push(
                file.untranslated_error(&raw.host, format!("host `{host}` is listed twice"))
                    .with_hint("keep one [[host]] entry per host"),
            );
            continue;
        }
        let relies_on = raw.relies_on.as_ref().map(|r| clean_host(r.get_ref()));
        if let (Some(at), Some(target)) = (&raw.relies_on, &relies_on)
            && !is_host_name(target)
        {
            diags.push(
                file.untranslated_error(at, format!("`{}` is not a host name", at.get_ref()))
                    .with_hint("write only the host this site relies on, e.g. \"fightchatcontrol.eu\" (no https://, no path)"),
            );
            broken.push(host);
            continue;
        }
        hosts.push(HostEntry {
            host,
            kind,
            relies_on,
        });
    }
    let hosts = Hosts(hosts, broken);
    check_grades(file, &hosts, diags);
    hosts
}

/// Warns about grades that do not fit: a `relies_on` that names an unknown
/// host, the host itself or a loop; a note that names another listed host
/// without `relies_on`; an official domain graded below a parliamentary record.
fn check_grades(file: &Parsed<RawSourcesFile>, hosts: &Hosts, diags: &mut Diagnostics) {
    for raw in &file.value.host {
        let host = clean_host(raw.host.get_ref());
        let Some(entry) = hosts.0.iter().find(|e| e.host == host) else {
            continue;
        };
        if let (Some(at), Some(target)) = (&raw.relies_on, &entry.relies_on) {
            match hosts.entry(target) {
                None if hosts.is_broken(target) => {}
                None => diags.push(
                    file.untranslated_warning(at, format!("`{host}` relies on `{target}`, which is not listed here"))
                        .with_hint(format!(
                            "add [[host]] host = \"{target}\" with its kind, so the sources of {host} can take the weaker grade"
                        )),
                ),
                Some(other) if other.host == host => diags.push(
                    file.untranslated_warning(at, format!("`{host}` relies on itself"))
                        .with_hint("name the other publication this site takes its facts from, or remove relies_on"),
                ),
                Some(other) if leads_back(hosts, &other.host, &host) => diags.push(
                    file.untranslated_warning(at, format!("`{host}` and `{}` rely on each other", other.host))
                        .with_hint("keep relies_on on the site that takes its facts from the other one only"),
                ),
                Some(_) => {}
            }
        }
        if raw.relies_on.is_none()
            && let Some(note) = &raw.note
            && let Some(other) = hosts
                .0
                .iter()
                .find(|e| e.host != host && mentions(note.get_ref(), &e.host))
            && other.kind.strength() < entry.kind.strength()
        {
            diags.push(
                file.untranslated_warning(
                    note,
                    format!(
                        "`{host}` is graded {} but its note names `{}` ({}): a source that relies on another is worth no more than it",
                        entry.kind.as_str(),
                        other.host,
                        other.kind.as_str()
                    ),
                )
                .with_hint(format!(
                    "add relies_on = \"{}\" so its claims take the weaker grade, or reword the note if {host} does its own reporting",
                    other.host
                )),
            );
        }
        if OFFICIAL_DOMAINS.iter().any(|d| covers(d, &host))
            && entry.kind.strength() < SourceKind::Parliamentary.strength()
        {
            diags.push(
                file.untranslated_warning(
                    &raw.kind,
                    format!(
                        "`{host}` publishes official documents but is graded {}",
                        entry.kind.as_str()
                    ),
                )
                .with_hint(
                    "grade it \"official\" (or \"parliamentary\" for minutes and questions)",
                ),
            );
        }
    }
}

/// True when following `relies_on` from `from` reaches `target`.
fn leads_back(hosts: &Hosts, from: &str, target: &str) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut next = Some(from);
    while let Some(entry) = next.and_then(|h| hosts.entry(h)) {
        if entry.host == target {
            return true;
        }
        if seen.contains(&entry.host.as_str()) {
            return false;
        }
        seen.push(&entry.host);
        next = entry.relies_on.as_deref();
    }
    false
}

/// True when `text` names `host` as a word (not as part of a longer name:
/// `fightchatcontrol.eu` is in "relies on fightchatcontrol.eu." but `eu` is not).
fn mentions(text: &str, host: &str) -> bool {
    let text = text.to_ascii_lowercase();
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '-';
    text.match_indices(host).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let rest = &text[i + host.len()..];
        let mut after = rest.chars();
        let next = after.next();
        let before_ok = before.is_none_or(|c| !name_char(c) && c != '.');
        let after_ok = match next {
            None => true,
            Some('.') => after.next().is_none_or(|c| !name_char(c)),
            Some(c) => !name_char(c),
        };
        before_ok && after_ok
    })
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
                crate::msg!("the source is empty", "de bron is leeg")
            } else {
                err.message
            };
            diags.push(file.untranslated_error(at, message).with_hint(err.hint));
            return None;
        }
    };
    let Some((host_kind, relies_on, kind)) = hosts.grade_of(url.host()) else {
        if hosts.is_broken(url.host()) {
            return None;
        }
        diags.push(
            file.untranslated_error(at, format!("no source kind is known for `{}`", url.host()))
                .with_hint(format!(
                    "add [[host]] host = \"{}\" with kind = one of {} to data/council/sources.toml",
                    url.host().trim_start_matches("www."),
                    kinds_list()
                )),
        );
        return None;
    };
    if let Some(problem) = page_problem(&url) {
        diags.push(
            file.untranslated_warning(at, problem.0)
                .with_hint(problem.1),
        );
    }
    Some(Source {
        url,
        kind,
        host_kind,
        relies_on,
        archive_url: None,
    })
}

/// Path parts that mark a listing of many articles rather than one page.
const LISTING_PARTS: [&str; 8] = [
    "category",
    "categories",
    "categorie",
    "tag",
    "tags",
    "kategorie",
    "topics",
    "archive",
];

/// Why `url` does not point at one page that could carry a claim: a bare
/// domain, or a category or tag listing. The message and a hint.
pub(super) fn page_problem(url: &ExternalUrl) -> Option<(String, String)> {
    let parsed = url::Url::parse(url.as_str()).ok()?;
    let path = parsed.path().trim_matches('/');
    if path.is_empty() && parsed.query().is_none() {
        return Some((
            format!(
                "`{}` is a whole site, not the page that says this",
                url.as_str()
            ),
            "link the article or document itself, so a reader can check the claim".to_string(),
        ));
    }
    let listing = path
        .split('/')
        .find(|part| LISTING_PARTS.contains(&part.to_ascii_lowercase().as_str()))?;
    Some((
        format!(
            "`{}` is a `/{listing}/` page, a list of articles that changes over time",
            url.as_str()
        ),
        "link the article itself (open it from the list and copy its address)".to_string(),
    ))
}

/// Like [`source`], with the `archive_url` beside it (an http(s) address,
/// checked like any source address but not graded).
pub(super) fn source_with_archive<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    archive: Option<&Spanned<String>>,
    hosts: &Hosts,
    diags: &mut Diagnostics,
) -> Option<Source> {
    let mut found = source(file, at, hosts, diags)?;
    if let Some(archive) = archive {
        match ExternalUrl::parse(archive.get_ref(), Schemes::Web) {
            Ok(url) => found.archive_url = Some(url),
            Err(err) => {
                let hint = err.hint;
                diags.push(
                    file.untranslated_error(archive, err.message)
                        .with_hint(crate::msg!(
                            "{hint}; for example https://web.archive.org/web/2025/https://… ",
                            "{hint}; bijvoorbeeld https://web.archive.org/web/2025/https://… ";
                            hint
                        )),
                );
                return None;
            }
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use test_case::test_case;

    fn parsed(text: &str) -> Parsed<RawSourcesFile> {
        Parsed {
            path: PathBuf::from("data/council/sources.toml"),
            text: text.to_string(),
            value: toml::from_str(text).unwrap(),
        }
    }

    fn hosts(text: &str) -> (Hosts, Diagnostics) {
        let mut diags = Diagnostics::new();
        let hosts = check_hosts(&parsed(text), &mut diags);
        (hosts, diags)
    }

    const RELYING: &str = r#"
[[host]]
host = "cloudwards.net"
kind = "press"
relies_on = "fightchatcontrol.eu"

[[host]]
host = "fightchatcontrol.eu"
kind = "blog"

[[host]]
host = "consilium.europa.eu"
kind = "official"
"#;

    #[test_case("www.cloudwards.net", SourceKind::Press, Some("fightchatcontrol.eu"), SourceKind::Blog; "press relying on a blog counts as a blog")]
    #[test_case("fightchatcontrol.eu", SourceKind::Blog, None, SourceKind::Blog; "the blog itself")]
    #[test_case("www.consilium.europa.eu", SourceKind::Official, None, SourceKind::Official; "official stays official")]
    fn a_source_takes_its_weakest_link(
        host: &str,
        own: SourceKind,
        relies_on: Option<&str>,
        grade: SourceKind,
    ) {
        let (hosts, diags) = hosts(RELYING);
        assert!(diags.is_empty(), "{diags}");
        let (kind, relied, counted) = hosts.grade_of(host).unwrap();
        assert_eq!(kind, own);
        assert_eq!(relied.map(|r| r.host), relies_on.map(str::to_string));
        assert_eq!(counted, grade);
    }

    #[test]
    fn a_chain_of_relies_on_takes_the_weakest_of_all() {
        let (hosts, _) = hosts(
            r#"
[[host]]
host = "a.example"
kind = "official"
relies_on = "b.example"

[[host]]
host = "b.example"
kind = "press"
relies_on = "c.example"

[[host]]
host = "c.example"
kind = "aggregator"
"#,
        );
        assert_eq!(
            hosts.grade_of("a.example").unwrap().2,
            SourceKind::Aggregator
        );
    }

    #[test_case(r#"
[[host]]
host = "cloudwards.net"
kind = "press"
relies_on = "fightchatcontrol.eu"
"#, 5, "which is not listed here"; "relies on an unknown host")]
    #[test_case(r#"
[[host]]
host = "cloudwards.net"
kind = "press"
relies_on = "www.cloudwards.net"
"#, 5, "relies on itself"; "relies on itself")]
    #[test_case(r#"
[[host]]
host = "a.example"
kind = "press"
relies_on = "b.example"

[[host]]
host = "b.example"
kind = "press"
relies_on = "a.example"
"#, 5, "rely on each other"; "a loop")]
    #[test_case(r#"
[[host]]
host = "cloudwards.net"
kind = "press"
note = "its overview relies on fightchatcontrol.eu."

[[host]]
host = "fightchatcontrol.eu"
kind = "blog"
"#, 5, "its note names `fightchatcontrol.eu` (blog)"; "note names a weaker host without relies_on")]
    #[test_case(r#"
[[host]]
host = "consilium.europa.eu"
kind = "press"
"#, 4, "publishes official documents but is graded press"; "official domain graded as press")]
    fn warns_about_grades_that_do_not_fit(text: &str, line: usize, message: &str) {
        let (_, diags) = hosts(text);
        let found = diags.iter().find(|d| d.message.contains(message));
        let found = found.unwrap_or_else(|| panic!("no `{message}` in:\n{diags}"));
        assert_eq!(found.line, line, "{found}");
        assert!(found.hint.is_some());
        assert!(!diags.has_errors(), "{diags}");
    }

    #[test]
    fn a_relies_on_that_is_no_host_name_is_an_error() {
        let (hosts, diags) = hosts(
            r#"
[[host]]
host = "cloudwards.net"
kind = "press"
relies_on = "https://fightchatcontrol.eu/"
"#,
        );
        let found = diags
            .iter()
            .find(|d| d.message.contains("is not a host name"))
            .unwrap_or_else(|| panic!("{diags}"));
        assert_eq!(found.line, 5);
        assert!(diags.has_errors());
        assert!(hosts.grade_of("cloudwards.net").is_none());
    }

    #[test_case("cloudwards.net relies on fightchatcontrol.eu", "fightchatcontrol.eu", true; "plain")]
    #[test_case("relies on fightchatcontrol.eu.", "fightchatcontrol.eu", true; "end of sentence")]
    #[test_case("see news.fightchatcontrol.eu", "fightchatcontrol.eu", false; "subdomain of another name")]
    #[test_case("see fightchatcontrol.eu.org", "fightchatcontrol.eu", false; "longer name")]
    #[test_case("Legislative Train of the European Parliament", "europarl.europa.eu", false; "not named")]
    fn notes_name_hosts_as_words(note: &str, host: &str, expected: bool) {
        assert_eq!(mentions(note, host), expected);
    }

    #[test_case("https://femtejuli.se/category/eu", Some("/category/"); "category page")]
    #[test_case("https://example.org/tag/chatcontrol/", Some("/tag/"); "tag page")]
    #[test_case("https://example.nl/categorie/privacy", Some("/categorie/"); "dutch category page")]
    #[test_case("http://blog.icod.de", Some("whole site"); "bare domain")]
    #[test_case("https://example.org/", Some("whole site"); "bare domain with slash")]
    #[test_case("https://cyberwarzone.com/?p=2008", None; "article by query")]
    #[test_case("https://netzpolitik.org/2024/etappensieg/", None; "article")]
    #[test_case("https://example.org/news/tagged-story", None; "word containing tag")]
    fn flags_addresses_that_are_not_one_page(url: &str, expected: Option<&str>) {
        let url = ExternalUrl::parse(url, Schemes::Web).unwrap();
        let problem = page_problem(&url).map(|(message, _)| message);
        match expected {
            None => assert_eq!(problem, None),
            Some(part) => assert!(
                problem.as_deref().is_some_and(|m| m.contains(part)),
                "{problem:?}"
            ),
        }
    }
}
