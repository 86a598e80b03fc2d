//! The switches the `sync` commands share: how the client waits and
//! retries, and how much the API may send before the client stops reading
//! ([`ClientOptions`]), so every command is limited alike; and the one
//! runtime they run their requests on.

use std::time::Duration;

use clap::Args;

use super::odata::{Client, ClientOptions, FetchError, MB};
use crate::diagnostics::Message;
use crate::msg;

/// Timeouts, retries and limits of a `sync` command's client.
#[derive(Debug, Clone, Args)]
pub struct ClientArgs {
    /// Seconds allowed for one request.
    #[arg(long, default_value_t = 30, hide = true)]
    pub timeout: u64,
    /// Milliseconds to wait before the first retry (doubling after that).
    #[arg(long, default_value_t = 500, hide = true)]
    pub retry_delay: u64,
    /// How often a failed request is retried.
    #[arg(long, default_value_t = 4, hide = true)]
    pub retries: u32,
    /// The most megabytes one answer of the API may have (all pages of a list together); a larger one is refused.
    #[arg(
        long,
        value_name = "MB",
        default_value_t = ClientOptions::default().max_bytes / MB,
        value_parser = clap::value_parser!(u64).range(1..=100_000),
    )]
    pub max_response_mb: u64,
    /// The most pages one list of the API may have; more is refused.
    #[arg(
        long,
        value_name = "N",
        default_value_t = ClientOptions::default().max_pages as u64,
        value_parser = clap::value_parser!(u64).range(1..=1_000_000),
    )]
    pub max_pages: u64,
    /// The most rows one list of the API may have; more is refused.
    #[arg(
        long,
        value_name = "N",
        default_value_t = ClientOptions::default().max_rows as u64,
        value_parser = clap::value_parser!(u64).range(1..=100_000_000),
    )]
    pub max_rows: u64,
}

impl ClientArgs {
    /// The options these switches give.
    pub fn options(&self) -> ClientOptions {
        ClientOptions {
            timeout: Duration::from_secs(self.timeout.max(1)),
            retries: self.retries,
            base_delay: Duration::from_millis(self.retry_delay),
            max_bytes: self.max_response_mb * MB,
            max_pages: usize::try_from(self.max_pages).unwrap_or(usize::MAX),
            max_rows: usize::try_from(self.max_rows).unwrap_or(usize::MAX),
        }
    }

    /// A client for the API at `api` with these options.
    pub fn client(&self, api: &str) -> Result<Client, FetchError> {
        Client::new(api, self.options())
    }
}

/// The single-threaded runtime a `sync` command runs its requests on; the
/// reason it cannot start, in words, otherwise.
pub fn runtime() -> Result<tokio::runtime::Runtime, Message> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| msg!("cannot start: {e}", "kan niet starten: {e}"))
}
