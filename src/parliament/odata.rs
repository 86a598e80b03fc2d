//! A small, polite client for the Tweede Kamer's OData v4 API.
//!
//! The API is public but "neartime", occasionally slow, and may one day limit
//! requests per address (facts/tk_odata.md §1). So every request has a
//! timeout, transient failures (no connection, timeout, 429, 5xx) are retried
//! with exponential back-off, other 4xx answers fail at once with a clear
//! message, and a body that is not the JSON envelope the API documents is an
//! error rather than an empty result. A collection is followed through its
//! `@odata.nextLink` pages to the end.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

/// The Tweede Kamer's OData v4 base URL (facts/tk_odata.md §1).
pub const DEFAULT_API: &str = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/";

/// The most pages one collection may have; a loop of nextLinks stops here.
const MAX_PAGES: usize = 1000;

/// How requests are made: timeouts and retries.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// Time allowed for one request, from connecting to the last byte.
    pub timeout: Duration,
    /// How often a transient failure is retried after the first attempt.
    pub retries: u32,
    /// Wait before the first retry; it doubles before each next one.
    pub base_delay: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: Duration::from_secs(30),
            retries: 4,
            base_delay: Duration::from_millis(500),
        }
    }
}

/// Why a request failed, in words for the person running `sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl FetchError {
    fn new(message: impl Into<String>) -> Self {
        FetchError {
            message: message.into(),
        }
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
                FetchError::new(format!(
                    "`{base}` is not an http(s) address of an OData API, e.g. {DEFAULT_API}"
                ))
            })?;
        // One TLS backend for the whole program (aws-lc-rs, as the browser
        // tests' WebDriver client uses); installing it twice is harmless.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.timeout)
            .user_agent(concat!(
                "chatcontrole/",
                env!("CARGO_PKG_VERSION"),
                " (+https://chatcontrole.nl)"
            ))
            .build()
            .map_err(|e| FetchError::new(format!("cannot set up the HTTP client: {e}")))?;
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

    /// Fetches every row of a collection, following `@odata.nextLink` to the end.
    pub async fn get_all(&self, url: &str) -> Result<Vec<Value>, FetchError> {
        let mut rows = Vec::new();
        let mut next = Some(url.to_string());
        let mut pages = 0;
        while let Some(url) = next.take() {
            pages += 1;
            if pages > MAX_PAGES {
                return Err(FetchError::new(format!(
                    "more than {MAX_PAGES} pages; the server keeps sending a next page"
                )));
            }
            let page = self.get_json(&url).await?;
            let Value::Object(mut object) = page else {
                return Err(FetchError::new(format!(
                    "the answer of {url} is not a JSON object"
                )));
            };
            match object.remove("value") {
                Some(Value::Array(values)) => rows.extend(values),
                _ => {
                    return Err(FetchError::new(format!(
                        "the answer of {url} has no `value` list"
                    )));
                }
            }
            next = match object.remove("@odata.nextLink") {
                None | Some(Value::Null) => None,
                Some(Value::String(link)) => Some(self.absolute(&url, &link)?),
                Some(_) => {
                    return Err(FetchError::new(format!(
                        "the answer of {url} has an `@odata.nextLink` that is not text"
                    )));
                }
            };
        }
        Ok(rows)
    }

    /// A nextLink may be absolute (as the API writes it) or relative.
    fn absolute(&self, current: &str, link: &str) -> Result<String, FetchError> {
        url::Url::parse(current)
            .and_then(|c| c.join(link))
            .map(|u| u.to_string())
            .map_err(|_| FetchError::new(format!("`{link}` is not a usable next-page link")))
    }

    /// One GET with retries, parsed as JSON.
    pub async fn get_json(&self, url: &str) -> Result<Value, FetchError> {
        let mut attempt = 0;
        loop {
            match self.try_once(url).await {
                Ok(value) => return Ok(value),
                Err(Attempt::Fatal(e)) => return Err(e),
                Err(Attempt::Transient(e)) => {
                    if attempt >= self.options.retries {
                        return Err(FetchError::new(format!(
                            "{} (gave up after {} attempts)",
                            e.message,
                            attempt + 1
                        )));
                    }
                    tokio::time::sleep(self.options.base_delay * 2u32.saturating_pow(attempt))
                        .await;
                    attempt += 1;
                }
            }
        }
    }

    async fn try_once(&self, url: &str) -> Result<Value, Attempt> {
        let response = self.http.get(url).send().await.map_err(|e| {
            Attempt::Transient(FetchError::new(if e.is_timeout() {
                format!("{url} did not answer in time")
            } else {
                format!("cannot reach {url}: {}", describe(&e))
            }))
        })?;
        let status = response.status();
        if status.as_u16() == 429 || status.is_server_error() {
            return Err(Attempt::Transient(FetchError::new(format!(
                "{url} answered {status}"
            ))));
        }
        if !status.is_success() {
            return Err(Attempt::Fatal(FetchError::new(format!(
                "{url} answered {status}; check the --api address and the item number"
            ))));
        }
        let body = response.bytes().await.map_err(|e| {
            Attempt::Transient(FetchError::new(if e.is_timeout() {
                format!("{url} did not finish its answer in time")
            } else {
                format!("the answer of {url} broke off: {}", describe(&e))
            }))
        })?;
        serde_json::from_slice(&body).map_err(|e| {
            Attempt::Fatal(FetchError::new(format!(
                "the answer of {url} is not valid JSON ({e}); it may have been cut off"
            )))
        })
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

    #[test]
    fn only_web_addresses_are_apis() {
        assert!(Client::new("file:///etc/", ClientOptions::default()).is_err());
    }
}
