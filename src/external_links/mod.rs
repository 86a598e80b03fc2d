//! `chatcontrole check --external`: asks every outside site the built pages
//! link to whether the page is still there.
//!
//! A campaign that cites its sources loses its footing when those sources
//! disappear, and nobody notices a dead link on a page they wrote a year
//! ago. `check` already resolves every internal link offline; this module
//! does the part that needs the network, politely: a `HEAD` request first
//! (a `GET` only when a server refuses `HEAD` with 403, 405 or 501), a
//! limited number of redirects, a timeout, at most one request to a host at a
//! time with a pause between two requests to the same host, and a cache next
//! to the site ([`CACHE_FILE`]) so a link that worked is not asked again
//! before its time to live has passed. A broken link is a warning against the
//! content or data file (and line) that holds it, like an internal one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;

/// The cache file, in the site folder (kept out of git by `.gitignore`).
pub const CACHE_FILE: &str = ".chatcontrole-links.json";

/// The version of the cache file's layout; another version is started afresh.
const CACHE_VERSION: u32 = 1;

/// How the outside links are checked.
#[derive(Debug, Clone)]
pub struct ExternalOptions {
    /// How long one request may take (connecting included).
    pub timeout: Duration,
    /// The pause between two requests to the same host.
    pub delay: Duration,
    /// How long a link that worked is trusted without asking again.
    pub ttl: Duration,
    /// Redirects followed before a link counts as broken.
    pub max_redirects: usize,
    /// How many hosts are asked at the same time (each host one request at a time).
    pub parallel_hosts: usize,
    /// Where the results are remembered.
    pub cache: PathBuf,
}

impl ExternalOptions {
    /// The defaults for the site in `site`: 15 s timeout, 1 s between
    /// requests to one host, results trusted for 7 days, 5 redirects, 4 hosts
    /// at a time, cache in `<site>/.chatcontrole-links.json`.
    pub fn for_site(site: &Path) -> ExternalOptions {
        ExternalOptions {
            timeout: Duration::from_secs(15),
            delay: Duration::from_secs(1),
            ttl: Duration::from_secs(7 * 24 * 60 * 60),
            max_redirects: 5,
            parallel_hosts: 4,
            cache: site.join(CACHE_FILE),
        }
    }
}

/// Where a link was found: the file and line an editor can fix.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// The content or data file (or `(generated) <page>`).
    pub file: PathBuf,
    /// Its line (0 when not found in the file).
    pub line: usize,
    /// Its column.
    pub column: usize,
}

/// What asking for a link gave.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    /// The page answered with this success status (after redirects).
    Ok(u16),
    /// The server answered with this error status.
    Broken(u16),
    /// No answer: the reason in plain words.
    Unreachable(Message),
}

/// The cache file as stored.
#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// Per address: when it last worked (seconds since 1970) and its status.
    links: BTreeMap<String, CacheEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CacheEntry {
    checked_at: u64,
    status: u16,
}

/// Checks the outside `links` (address without fragment → where it was
/// found, as `check` collects them from the built pages) as `options` says,
/// and returns a warning per broken link and place (plus one if the cache
/// could not be read or written).
pub fn check_external(
    links: &BTreeMap<String, Vec<Place>>,
    options: &ExternalOptions,
) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut cache = read_cache(&options.cache, &mut diags);
    let fresh = |entry: &CacheEntry| now.saturating_sub(entry.checked_at) < options.ttl.as_secs();
    cache.links.retain(|_, entry| fresh(entry));
    let mut by_host: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for url in links.keys() {
        if cache.links.contains_key(url) {
            continue;
        }
        let host = url::Url::parse(url)
            .ok()
            .map(|u| {
                format!(
                    "{}:{}",
                    u.host_str().unwrap_or(""),
                    u.port_or_known_default().unwrap_or(0)
                )
            })
            .unwrap_or_default();
        by_host.entry(host).or_default().push(url.clone());
    }
    let outcomes = match ask_all(by_host, options) {
        Ok(outcomes) => outcomes,
        Err(problem) => {
            diags.push(
                Diagnostic::error("link-check-failed", &options.cache, 0, 0, problem).with_hint(
                    msg!(
                        "this is a problem of this computer, not of the site; try again",
                        "dit is een probleem van deze computer, niet van de site; probeer het opnieuw"
                    ),
                ),
            );
            return diags;
        }
    };
    for (url, outcome) in &outcomes {
        if let Outcome::Ok(status) = outcome {
            cache.links.insert(
                url.clone(),
                CacheEntry {
                    checked_at: now,
                    status: *status,
                },
            );
        }
    }
    for (url, places) in links {
        let Some(outcome) = outcomes.get(url) else {
            continue;
        };
        let (code, message, hint) = match outcome {
            Outcome::Ok(_) => continue,
            Outcome::Broken(status @ (404 | 410)) => (
                "link-page-gone",
                msg!(
                    "outside link `{url}` is broken: the server says the page does not exist ({status})",
                    "externe link `{url}` werkt niet: de server zegt dat de pagina niet bestaat ({status})"
                ),
                msg!(
                    "find the page's new address, or link a copy in a web archive (web.archive.org) and say so",
                    "zoek het nieuwe adres van de pagina, of link naar een kopie in een webarchief (web.archive.org) en vermeld dat"
                ),
            ),
            Outcome::Broken(status) => (
                "link-error-status",
                msg!(
                    "outside link `{url}` answered with error {status}",
                    "externe link `{url}` antwoordde met fout {status}"
                ),
                msg!(
                    "open the address in a browser: the site may be down, or refuse automated checks",
                    "open het adres in een browser: de site kan onbereikbaar zijn, of automatische controles weigeren"
                ),
            ),
            Outcome::Unreachable(reason) => (
                "link-unreachable",
                msg!(
                    "outside link `{url}` could not be checked: {reason}",
                    "externe link `{url}` kon niet worden gecontroleerd: {reason}";
                    reason
                ),
                msg!(
                    "open the address in a browser; if the site is gone, link an archived copy instead",
                    "open het adres in een browser; als de site weg is, link dan naar een gearchiveerde kopie"
                ),
            ),
        };
        for place in places {
            diags.push(
                Diagnostic::warning(code, &place.file, place.line, place.column, message.clone())
                    .with_hint(hint.clone()),
            );
        }
    }
    write_cache(&options.cache, &cache, &mut diags);
    diags
}

/// Reads the cache; a missing file is an empty cache, an unreadable one is
/// a warning and an empty cache.
fn read_cache(path: &Path, diags: &mut Diagnostics) -> CacheFile {
    let empty = CacheFile {
        version: CACHE_VERSION,
        links: BTreeMap::new(),
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return empty;
    };
    match serde_json::from_str::<CacheFile>(&text) {
        Ok(cache) if cache.version == CACHE_VERSION => cache,
        Ok(_) => empty,
        Err(err) => {
            diags.push(
                Diagnostic::warning(
                    "link-cache-unreadable",
                    path,
                    0,
                    0,
                    msg!(
                        "the link cache cannot be read ({err}); every link is checked again",
                        "de linkcache kan niet worden gelezen ({err}); elke link wordt opnieuw gecontroleerd"
                    ),
                )
                .with_hint(msg!(
                    "delete {} if this keeps happening; it is rebuilt on the next check",
                    "verwijder {} als dit blijft gebeuren; het bestand wordt bij de volgende controle opnieuw gemaakt",
                    path.display()
                )),
            );
            empty
        }
    }
}

/// Writes the cache atomically; a failure is a warning (the check itself worked).
fn write_cache(path: &Path, cache: &CacheFile, diags: &mut Diagnostics) {
    let text = match serde_json::to_string_pretty(cache) {
        Ok(text) => text + "\n",
        Err(_) => return,
    };
    if let Err(err) = crate::data_file::write_atomically(path, text.as_bytes()) {
        diags.push(
            Diagnostic::warning(
                "link-cache-unwritable",
                path,
                0,
                0,
                msg!(
                    "the link cache cannot be written: {err}",
                    "de linkcache kan niet worden geschreven: {err}"
                ),
            )
            .with_hint(msg!(
                "check that the site folder is writable; the next check will ask every link again",
                "controleer of er in de map van de site geschreven mag worden; de volgende controle vraagt dan elke link opnieuw op"
            )),
        );
    }
}

/// Asks every link, host by host: hosts in parallel (at most
/// `parallel_hosts`), the links of one host one after the other with
/// `delay` between them.
fn ask_all(
    by_host: BTreeMap<String, Vec<String>>,
    options: &ExternalOptions,
) -> Result<BTreeMap<String, Outcome>, Message> {
    if by_host.is_empty() {
        return Ok(BTreeMap::new());
    }
    // One TLS backend for the whole program, as `sync` uses; installing it twice is harmless.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let client = reqwest::Client::builder()
        .timeout(options.timeout)
        .connect_timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::limited(options.max_redirects))
        .user_agent(concat!(
            "chatcontrole/",
            env!("CARGO_PKG_VERSION"),
            " link check (+https://chatcontrole.nl)"
        ))
        .build()
        .map_err(|e| {
            msg!(
                "cannot set up the HTTP client: {e}",
                "de HTTP-client kan niet worden opgezet: {e}"
            )
        })?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| {
            msg!(
                "cannot start the network runtime: {e}",
                "de netwerkomgeving kan niet worden gestart: {e}"
            )
        })?;
    let limit = Arc::new(tokio::sync::Semaphore::new(options.parallel_hosts.max(1)));
    let delay = options.delay;
    let max_redirects = options.max_redirects;
    let outcomes = runtime.block_on(async move {
        let mut tasks = tokio::task::JoinSet::new();
        for (_, urls) in by_host {
            let client = client.clone();
            let limit = limit.clone();
            tasks.spawn(async move {
                let _permit = limit.acquire_owned().await;
                let mut results = Vec::new();
                for (i, url) in urls.into_iter().enumerate() {
                    if i > 0 {
                        tokio::time::sleep(delay).await;
                    }
                    let outcome = ask(&client, &url, max_redirects).await;
                    results.push((url, outcome));
                }
                results
            });
        }
        let mut all = BTreeMap::new();
        while let Some(done) = tasks.join_next().await {
            if let Ok(results) = done {
                all.extend(results);
            }
        }
        all
    });
    Ok(outcomes)
}

/// Asks for one link: `HEAD`, then `GET` when the server refuses `HEAD`.
async fn ask(client: &reqwest::Client, url: &str, max_redirects: usize) -> Outcome {
    let head = client.head(url).send().await;
    let response = match head {
        Ok(r) if matches!(r.status().as_u16(), 403 | 405 | 501) => client.get(url).send().await,
        other => other,
    };
    match response {
        Ok(r) if r.status().is_success() => Outcome::Ok(r.status().as_u16()),
        Ok(r) if r.status().is_redirection() => Outcome::Unreachable(msg!(
            "a redirect ({}) without a usable address",
            "een doorverwijzing ({}) zonder bruikbaar adres",
            r.status().as_u16()
        )),
        Ok(r) => Outcome::Broken(r.status().as_u16()),
        Err(err) => Outcome::Unreachable(describe(&err, max_redirects)),
    }
}

/// A network error in plain words.
fn describe(err: &reqwest::Error, max_redirects: usize) -> Message {
    if err.is_redirect() {
        msg!(
            "more than {max_redirects} redirects",
            "meer dan {max_redirects} doorverwijzingen"
        )
    } else if err.is_timeout() {
        msg!("no answer in time", "geen antwoord op tijd")
    } else if err.is_connect() {
        msg!(
            "no connection to the server",
            "geen verbinding met de server"
        )
    } else {
        msg!("the request failed", "het verzoek is mislukt")
    }
}
