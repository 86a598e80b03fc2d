//! `data/council/sources.toml`: the kind of publication behind each web
//! host. Every source address in the other Council files is graded by its
//! host through [`Hosts`], so a host must be listed here before it is cited.

use serde::Deserialize;
use toml::Spanned;

use crate::council::model::{ReliesOn, Source, SourceKind};
use crate::data_file::Parsed;
use crate::diagnostics::{Code, Diagnostics, Message};
use crate::msg;
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
            let written = raw.host.get_ref();
            diags.push(
                file.error(
                    "source-host-invalid",
                    &raw.host,
                    msg!("`{written}` is not a host name", "`{written}` is geen hostnaam"),
                )
                .with_hint(msg!(
                    "write only the host, e.g. \"security.nl\" (no https://, no path)",
                    "schrijf alleen de host, bijvoorbeeld \"security.nl\" (zonder https:// en zonder pad)"
                )),
            );
            continue;
        }
        let Some(kind) = SourceKind::parse(raw.kind.get_ref()) else {
            let written = raw.kind.get_ref();
            let kinds = kinds_list();
            diags.push(
                file.error(
                    "source-kind-unknown",
                    &raw.kind,
                    msg!(
                        "unknown source kind `{written}`",
                        "onbekende soort bron `{written}`"
                    ),
                )
                .with_hint(msg!("write one of {kinds}", "schrijf een van {kinds}")),
            );
            broken.push(host);
            continue;
        };
        if hosts.iter().any(|e| e.host == host) {
            diags.push(
                file.error(
                    "source-host-twice",
                    &raw.host,
                    msg!(
                        "host `{host}` is listed twice",
                        "host `{host}` staat er twee keer in"
                    ),
                )
                .with_hint(msg!(
                    "keep one [[host]] entry per host",
                    "houd per host één [[host]] over"
                )),
            );
            continue;
        }
        let relies_on = raw.relies_on.as_ref().map(|r| clean_host(r.get_ref()));
        if let (Some(at), Some(target)) = (&raw.relies_on, &relies_on)
            && !is_host_name(target)
        {
            let written = at.get_ref();
            diags.push(
                file.error(
                    "source-host-invalid",
                    at,
                    msg!("`{written}` is not a host name", "`{written}` is geen hostnaam"),
                )
                .with_hint(msg!(
                    "write only the host this site relies on, e.g. \"fightchatcontrol.eu\" (no https://, no path)",
                    "schrijf alleen de host waarop deze site steunt, bijvoorbeeld \"fightchatcontrol.eu\" (zonder https:// en zonder pad)"
                )),
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
                    file.warning(
                        "source-relies-on-unlisted",
                        at,
                        msg!(
                            "`{host}` relies on `{target}`, which is not listed here",
                            "`{host}` steunt op `{target}`, maar die staat hier niet"
                        ),
                    )
                    .with_hint(msg!(
                        "add [[host]] host = \"{target}\" with its kind, so the sources of {host} can take the weaker grade",
                        "voeg [[host]] host = \"{target}\" met zijn soort toe, zodat de bronnen van {host} de zwakkere beoordeling krijgen"
                    )),
                ),
                Some(other) if other.host == host => diags.push(
                    file.warning(
                        "source-relies-on-itself",
                        at,
                        msg!("`{host}` relies on itself", "`{host}` steunt op zichzelf"),
                    )
                    .with_hint(msg!(
                        "name the other publication this site takes its facts from, or remove relies_on",
                        "noem de andere publicatie waar deze site zijn feiten vandaan haalt, of haal relies_on weg"
                    )),
                ),
                Some(other) if leads_back(hosts, &other.host, &host) => {
                    let other = &other.host;
                    diags.push(
                        file.warning(
                            "source-relies-on-loop",
                            at,
                            msg!(
                                "`{host}` and `{other}` rely on each other",
                                "`{host}` en `{other}` steunen op elkaar"
                            ),
                        )
                        .with_hint(msg!(
                            "keep relies_on on the site that takes its facts from the other one only",
                            "laat relies_on alleen staan bij de site die zijn feiten van de andere haalt"
                        )),
                    )
                }
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
            let (kind, other_host, other_kind) =
                (entry.kind.as_str(), &other.host, other.kind.as_str());
            diags.push(
                file.warning(
                    "source-note-names-weaker",
                    note,
                    msg!(
                        "`{host}` is graded {kind} but its note names `{other_host}` ({other_kind}): a source that relies on another is worth no more than it",
                        "`{host}` is ingedeeld als {kind}, maar de note noemt `{other_host}` ({other_kind}): een bron die op een andere steunt, is niet meer waard dan die andere"
                    ),
                )
                .with_hint(msg!(
                    "add relies_on = \"{other_host}\" so its claims take the weaker grade, or reword the note if {host} does its own reporting",
                    "voeg relies_on = \"{other_host}\" toe, zodat de standpunten de zwakkere beoordeling krijgen, of herschrijf de note als {host} zelf verslag doet"
                )),
            );
        }
        if OFFICIAL_DOMAINS.iter().any(|d| covers(d, &host))
            && entry.kind.strength() < SourceKind::Parliamentary.strength()
        {
            let kind = entry.kind.as_str();
            diags.push(
                file.warning(
                    "source-official-graded-low",
                    &raw.kind,
                    msg!(
                        "`{host}` publishes official documents but is graded {kind}",
                        "`{host}` publiceert officiële documenten, maar is ingedeeld als {kind}"
                    ),
                )
                .with_hint(msg!(
                    "grade it \"official\" (or \"parliamentary\" for minutes and questions)",
                    "deel het in als \"official\" (of \"parliamentary\" voor verslagen en Kamervragen)"
                )),
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
            let found = if at.get_ref().trim().is_empty() {
                file.error(
                    "source-empty",
                    at,
                    msg!("the source is empty", "de bron is leeg"),
                )
            } else {
                file.error("source-url-invalid", at, err.message)
            };
            diags.push(found.with_hint(err.hint));
            return None;
        }
    };
    let Some((host_kind, relies_on, kind)) = hosts.grade_of(url.host()) else {
        if hosts.is_broken(url.host()) {
            return None;
        }
        let host = url.host();
        let listed = host.trim_start_matches("www.");
        let kinds = kinds_list();
        diags.push(
            file.error(
                "source-host-unlisted",
                at,
                msg!(
                    "no source kind is known for `{host}`",
                    "van `{host}` is niet bekend wat voor bron het is"
                ),
            )
            .with_hint(msg!(
                "add [[host]] host = \"{listed}\" with kind = one of {kinds} to data/council/sources.toml",
                "voeg [[host]] host = \"{listed}\" met kind = een van {kinds} toe aan data/council/sources.toml"
            )),
        );
        return None;
    };
    if let Some(problem) = page_problem(&url) {
        diags.push(
            file.warning(problem.code, at, problem.message)
                .with_hint(problem.hint),
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

/// Why a source address does not point at one page: the code, the message
/// and a hint.
pub(super) struct PageProblem {
    code: Code,
    message: Message,
    hint: Message,
}

/// Why `url` does not point at one page that could carry a claim: a bare
/// domain, or a category or tag listing.
pub(super) fn page_problem(url: &ExternalUrl) -> Option<PageProblem> {
    let parsed = url::Url::parse(url.as_str()).ok()?;
    let path = parsed.path().trim_matches('/');
    let address = url.as_str();
    if path.is_empty() && parsed.query().is_none() {
        return Some(PageProblem {
            code: "source-whole-site",
            message: msg!(
                "`{address}` is a whole site, not the page that says this",
                "`{address}` is een hele site, niet de pagina waar dit staat"
            ),
            hint: msg!(
                "link the article or document itself, so a reader can check the claim",
                "link naar het artikel of document zelf, zodat een lezer het standpunt kan nagaan"
            ),
        });
    }
    let listing = path
        .split('/')
        .find(|part| LISTING_PARTS.contains(&part.to_ascii_lowercase().as_str()))?;
    Some(PageProblem {
        code: "source-listing-page",
        message: msg!(
            "`{address}` is a `/{listing}/` page, a list of articles that changes over time",
            "`{address}` is een `/{listing}/`-pagina, een lijst met artikelen die steeds verandert"
        ),
        hint: msg!(
            "link the article itself (open it from the list and copy its address)",
            "link naar het artikel zelf (open het vanuit de lijst en kopieer het adres)"
        ),
    })
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
                    file.error("source-archive-invalid", archive, err.message)
                        .with_hint(msg!(
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
        let problem = page_problem(&url).map(|p| p.message.en);
        match expected {
            None => assert_eq!(problem, None),
            Some(part) => assert!(
                problem.as_deref().is_some_and(|m| m.contains(part)),
                "{problem:?}"
            ),
        }
    }
}
