//! Recorded votes from the Tweede Kamer's open data (DESIGN §7): an OData
//! client with timeouts and retries, the API's rows, counting a vote, mapping
//! factions to parties, the `data/votes/` files `sync votes` writes, and the
//! list of current members `sync members` writes for the contact page.
//!
//! Only `sync` touches the network; the guide reads the files it wrote. The
//! client distrusts the API (limits on size, pages, rows and hosts), and
//! every text of the API that a `sync` command prints goes through
//! [`crate::terminal::printable`].

pub mod api;
pub mod client_args;
pub mod mapping;
pub mod members;
pub mod odata;
pub mod record;
pub mod sync;
pub mod tally;
