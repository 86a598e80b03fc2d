//! A small, polite client for the Tweede Kamer's OData v4 API.
//!
//! The API is public but "neartime", occasionally slow, and may one day limit
//! requests per address (facts/tk_odata.md §1). So every request has a
//! timeout, transient failures (no connection, timeout, 429, 5xx) are retried
//! with exponential back-off, other 4xx answers fail at once with a clear
//! message, and a body that is not the JSON envelope the API documents is an
//! error rather than an empty result. A collection is followed through its
//! `@odata.nextLink` pages to the end.
//!
//! The client also distrusts the server it talks to: an answer (all pages of
//! a collection together) may have at most [`ClientOptions::max_bytes`], read
//! in chunks so that a larger one is refused before it fills memory (an
//! announced `Content-Length` past the limit is refused before reading); a
//! collection may have at most [`ClientOptions::max_pages`] pages and
//! [`ClientOptions::max_rows`] rows, and a next-page link that was already
//! read ends it; redirects and next-page links are followed only to the
//! scheme, host and port of the API's base URL, so the API cannot send the
//! client elsewhere.

use std::collections::HashSet;
use std::fmt;
use std::time::Duration;

use serde_json::Value;

use crate::diagnostics::Message;
use crate::msg;

/// The Tweede Kamer's OData v4 base URL (facts/tk_odata.md §1).
pub const DEFAULT_API: &str = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/";

/// Bytes in a megabyte, as `--max-response-mb` counts them.
pub const MB: u64 = 1_000_000;

/// How requests are made: timeouts, retries and limits.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Time allowed for one request, from connecting to the last byte.
    pub timeout: Duration,
    /// How often a transient failure is retried after the first attempt.
    pub retries: u32,
    /// Wait before the first retry; it doubles before each next one.
    pub base_delay: Duration,
    /// The most bytes one answer may have, all pages of a collection together.
    pub max_bytes: u64,
    /// The most pages one collection may have.
    pub max_pages: usize,
    /// The most rows one collection may have.
    pub max_rows: usize,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(30),
            retries: 4,
            base_delay: Duration::from_millis(500),
            max_bytes: 50 * MB,
            max_pages: 100,
            max_rows: 25_000,
        }
    }
}

/// Why a request failed, in words for the person running `sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// What went wrong, in English and Dutch.
    pub message: Message,
}

/// The English text.
impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl FetchError {
    fn new(message: Message) -> Self {
        FetchError { message }
    }
}

/// An HTTP client for one API base URL.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: url::Url,
    options: ClientOptions,
}

impl Client {
    /// A client for the API at `base` (ending in `/`), e.g. [`DEFAULT_API`].
    pub fn new(base: &str, options: ClientOptions) -> Result<Client, FetchError> {
        let mut base_text = base.trim().to_string();
        if !base_text.ends_with('/') {
            base_text.push('/');
        }
        let base = url::Url::parse(&base_text)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| {
                FetchError::new(msg!(
                    "`{base}` is not an http(s) address of an OData API, e.g. {DEFAULT_API}",
                    "`{base}` is geen http(s)-adres van een OData-API, zoals {DEFAULT_API}"
                ))
            })?;
        // One TLS backend for the whole program (aws-lc-rs, as the browser
        // tests' WebDriver client uses); installing it twice is harmless.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let origin = base.origin();
        // A redirect to another scheme, host or port is not followed: the
        // 3xx answer itself comes back and `try_once` refuses it by name.
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= MAX_REDIRECTS {
                attempt.error(format!("more than {MAX_REDIRECTS} redirects"))
            } else if attempt.url().origin() == origin {
                attempt.follow()
            } else {
                attempt.stop()
            }
        });
        let http = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
            .redirect(redirects)
            .user_agent(concat!(
                "chatcontrole/",
                env!("CARGO_PKG_VERSION"),
                " (+https://chatcontrole.nl)"
            ))
            .build()
            .map_err(|e| {
                FetchError::new(msg!(
                    "cannot set up the HTTP client: {e}",
                    "de HTTP-client kan niet worden klaargezet: {e}"
                ))
            })?;
        Ok(Client {
            http,
            base,
            options,
        })
    }

    /// The full URL of `path_and_query` (relative to the base), with spaces,
    /// quotes and other special characters percent-encoded.
    pub fn url(&self, path_and_query: &str) -> String {
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let mut url = self.base.join(path).unwrap_or_else(|_| self.base.clone());
        if !query.is_empty() {
            url.set_query(Some(query));
        }
        url.to_string()
    }

    /// Fetches every row of a collection, following `@odata.nextLink` to the
    /// end, within the limits of [`ClientOptions`].
    pub async fn get_all(&self, url: &str) -> Result<Vec<Value>, FetchError> {
        let limits = &self.options;
        let mut rows = Vec::new();
        let mut seen = HashSet::new();
        let mut budget = limits.max_bytes;
        let mut next = Some(url.to_string());
        while let Some(url) = next.take() {
            if !seen.insert(url.clone()) {
                return Err(FetchError::new(msg!(
                    "the server sends the page {url} again: its next-page links go round in a circle",
                    "de server stuurt de pagina {url} opnieuw: de links naar de volgende pagina gaan in een kringetje rond"
                )));
            }
            if seen.len() > limits.max_pages {
                return Err(FetchError::new(too_many_pages(limits.max_pages)));
            }
            let (page, size) = self.get_json(&url, budget).await?;
            budget -= size;
            let Value::Object(mut object) = page else {
                return Err(FetchError::new(msg!(
                    "the answer of {url} is not a JSON object",
                    "het antwoord van {url} is geen JSON-object"
                )));
            };
            match object.remove("value") {
                Some(Value::Array(values)) => rows.extend(values),
                _ => {
                    return Err(FetchError::new(msg!(
                        "the answer of {url} has no `value` list",
                        "het antwoord van {url} heeft geen `value`-lijst"
                    )));
                }
            }
            if rows.len() > limits.max_rows {
                return Err(FetchError::new(too_many_rows(limits.max_rows)));
            }
            next = match object.remove("@odata.nextLink") {
                None | Some(Value::Null) => None,
                Some(Value::String(link)) => Some(self.next_page(&url, &link)?),
                Some(_) => {
                    return Err(FetchError::new(msg!(
                        "the answer of {url} has an `@odata.nextLink` that is not text",
                        "het antwoord van {url} heeft een `@odata.nextLink` die geen tekst is"
                    )));
                }
            };
        }
        Ok(rows)
    }

    /// Fetches one JSON document that is not an OData collection (as
    /// HowTheyVote.eu's API answers), with the same timeouts, retries, size
    /// limit and same-host rule as [`Client::get_all`].
    pub async fn get_one(&self, url: &str) -> Result<Value, FetchError> {
        self.get_one_within(url, self.options.max_bytes)
            .await
            .map(|(value, _)| value)
    }

    /// [`Client::get_one`] for one page of a listing that is not OData: at
    /// most `budget` bytes (what is left of `max_bytes` for the whole
    /// listing); gives the answer and its size, to take from the budget.
    pub async fn get_one_within(&self, url: &str, budget: u64) -> Result<(Value, u64), FetchError> {
        let on_api = url::Url::parse(url).is_ok_and(|u| u.origin() == self.base.origin());
        if !on_api {
            return Err(FetchError::new(msg!(
                "{url} is not on {} (the host of --api); not fetched",
                "{url} staat niet op {} (de host van --api); niet opgehaald",
                self.origin()
            )));
        }
        self.get_json(url, budget).await
    }

    /// The timeouts, retries and limits this client keeps to.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// A nextLink may be absolute (as the API writes it) or relative; it must
    /// stay on the scheme, host and port of the API.
    fn next_page(&self, current: &str, link: &str) -> Result<String, FetchError> {
        let next = url::Url::parse(current)
            .and_then(|c| c.join(link))
            .map_err(|_| {
                FetchError::new(msg!(
                    "`{link}` is not a usable next-page link",
                    "`{link}` is geen bruikbare link naar een volgende pagina"
                ))
            })?;
        if next.origin() != self.base.origin() {
            return Err(FetchError::new(msg!(
                "the answer of {current} sends the next page to {next}, which is not on {} (the host of --api); not followed",
                "het antwoord van {current} stuurt de volgende pagina naar {next}, dat niet op {} staat (de host van --api); niet gevolgd",
                self.origin()
            )));
        }
        Ok(next.to_string())
    }

    /// Scheme, host and port of the API, as a URL prefix.
    fn origin(&self) -> String {
        self.base.origin().ascii_serialization()
    }

    /// One GET with retries, parsed as JSON, of at most `limit` bytes;
    /// gives the value and the size of the body.
    async fn get_json(&self, url: &str, limit: u64) -> Result<(Value, u64), FetchError> {
        let mut attempt = 0;
        loop {
            match self.try_once(url, limit).await {
                Ok(value) => return Ok(value),
                Err(Attempt::Fatal(e)) => return Err(e),
                Err(Attempt::Transient(e)) => {
                    if attempt >= self.options.retries {
                        let (message, tries) = (e.message, attempt + 1);
                        return Err(FetchError::new(msg!(
                            "{message} (gave up after {tries} attempts)",
                            "{message} (opgegeven na {tries} pogingen)";
                            message
                        )));
                    }
                    tokio::time::sleep(self.options.base_delay * 2u32.saturating_pow(attempt))
                        .await;
                    attempt += 1;
                }
            }
        }
    }

    async fn try_once(&self, url: &str, limit: u64) -> Result<(Value, u64), Attempt> {
        let mut response = self.http.get(url).send().await.map_err(|e| {
            Attempt::Transient(FetchError::new(if e.is_timeout() {
                msg!(
                    "{url} did not answer in time",
                    "{url} gaf niet op tijd antwoord"
                )
            } else if e.is_redirect() {
                // The redirect policy's own words, in both languages.
                msg!(
                    "cannot reach {url}: more than {MAX_REDIRECTS} redirects",
                    "{url} is niet bereikbaar: meer dan {MAX_REDIRECTS} doorverwijzingen"
                )
            } else {
                msg!(
                    "cannot reach {url}: {}",
                    "{url} is niet bereikbaar: {}",
                    describe(&e)
                )
            }))
        })?;
        let status = response.status();
        if status.is_redirection() {
            let to = response
                .headers()
                .get(reqwest::header::LOCATION)
                .map(|l| Message::verbatim(String::from_utf8_lossy(l.as_bytes())))
                .unwrap_or_else(|| msg!("nowhere", "nergens"));
            let origin = self.origin();
            return Err(Attempt::Fatal(FetchError::new(msg!(
                "{url} redirects to {to}, which is not on {origin} (the host of --api); not followed",
                "{url} stuurt door naar {to}, dat niet op {origin} staat (de host van --api); niet gevolgd";
                to
            ))));
        }
        if status.as_u16() == 429 || status.is_server_error() {
            return Err(Attempt::Transient(FetchError::new(msg!(
                "{url} answered {status}",
                "{url} antwoordde {status}"
            ))));
        }
        if !status.is_success() {
            return Err(Attempt::Fatal(FetchError::new(msg!(
                "{url} answered {status}; check the --api address and the item number",
                "{url} antwoordde {status}; controleer het adres bij --api en het nummer"
            ))));
        }
        let too_large = || {
            Attempt::Fatal(FetchError::new(msg!(
                "the answer of {url} is larger than {} (with the pages before it); not read further (raise --max-response-mb if the API really sends this much)",
                "het antwoord van {url} is groter dan {} (samen met de pagina's ervoor); niet verder gelezen (verhoog --max-response-mb als de API echt zoveel stuurt)",
                size_text(self.options.max_bytes)
            )))
        };
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| {
            Attempt::Transient(FetchError::new(if e.is_timeout() {
                msg!(
                    "{url} did not finish its answer in time",
                    "{url} maakte zijn antwoord niet op tijd af"
                )
            } else {
                msg!(
                    "the answer of {url} broke off: {}",
                    "het antwoord van {url} brak af: {}",
                    describe(&e)
                )
            }))
        })? {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        let value = serde_json::from_slice(&body).map_err(|e| {
            Attempt::Fatal(FetchError::new(msg!(
                "the answer of {url} is not valid JSON ({e}); it may have been cut off",
                "het antwoord van {url} is geen geldige JSON ({e}); misschien is het afgebroken"
            )))
        })?;
        Ok((value, body.len() as u64))
    }
}

/// The error for a listing with more than `max` pages (also used for the
/// listings that are not OData).
pub fn too_many_pages(max: usize) -> Message {
    msg!(
        "more than {max} pages; the server keeps sending a next page (raise --max-pages if the API really has this many)",
        "meer dan {max} pagina's; de server blijft een volgende pagina sturen (verhoog --max-pages als de API er echt zoveel heeft)"
    )
}

/// The error for a listing with more than `max` rows (also used for the
/// listings that are not OData).
pub fn too_many_rows(max: usize) -> Message {
    msg!(
        "more than {max} rows; the server keeps sending rows (raise --max-rows if the API really has this many)",
        "meer dan {max} rijen; de server blijft rijen sturen (verhoog --max-rows als de API er echt zoveel heeft)"
    )
}

/// The most redirects followed for one request (all on the API's host).
const MAX_REDIRECTS: usize = 5;

/// "50 MB", "1.5 MB", "2000 bytes".
fn size_text(bytes: u64) -> String {
    if bytes >= MB {
        format!("{} MB", bytes as f64 / MB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

enum Attempt {
    Transient(FetchError),
    Fatal(FetchError),
}

/// The innermost cause of a reqwest error, which is the informative one.
fn describe(e: &reqwest::Error) -> String {
    let mut source: &dyn std::error::Error = e;
    while let Some(inner) = source.source() {
        source = inner;
    }
    source.to_string()
}

/// Quotes a string for an OData `$filter` (`'` doubled, facts §3).
pub fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_encoded_against_the_base() {
        let client = Client::new("http://127.0.0.1:9/OData/v4/2.0", ClientOptions::default())
            .expect("client");
        assert_eq!(
            client.url("Zaak?$filter=Nummer eq '2023Z07239'"),
            "http://127.0.0.1:9/OData/v4/2.0/Zaak?$filter=Nummer%20eq%20%272023Z07239%27"
        );
    }

    #[test]
    fn quotes_are_doubled() {
        assert_eq!(quote("O'Neil"), "'O''Neil'");
    }

    #[test_case::test_case("http://127.0.0.1:9/OData/v4/2.0/Zaak?$skiptoken=2", true; "absolute on the API")]
    #[test_case::test_case("Zaak?$skiptoken=2", true; "relative")]
    #[test_case::test_case("/other/path", true; "another path on the same host")]
    #[test_case::test_case("http://127.0.0.2:9/OData/v4/2.0/Zaak", false; "another address")]
    #[test_case::test_case("http://localhost:9/OData/v4/2.0/Zaak", false; "another host name")]
    #[test_case::test_case("http://127.0.0.1:10/OData/v4/2.0/Zaak", false; "another port")]
    #[test_case::test_case("https://127.0.0.1:9/OData/v4/2.0/Zaak", false; "another scheme")]
    #[test_case::test_case("//evil.example/x", false; "scheme-relative")]
    fn next_pages_stay_on_the_host_of_the_api(link: &str, followed: bool) {
        let client = Client::new("http://127.0.0.1:9/OData/v4/2.0/", ClientOptions::default())
            .expect("client");
        let next = client.next_page("http://127.0.0.1:9/OData/v4/2.0/Zaak?$filter=x", link);
        assert_eq!(next.is_ok(), followed, "{next:?}");
    }

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_text(50 * MB), "50 MB");
        assert_eq!(size_text(1_500_000), "1.5 MB");
        assert_eq!(size_text(2000), "2000 bytes");
    }

    #[test]
    fn only_web_addresses_are_apis() {
        assert!(Client::new("file:///etc/", ClientOptions::default()).is_err());
    }
}
