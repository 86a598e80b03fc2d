//! Recorded votes from the Tweede Kamer's open data (DESIGN §7): an OData
//! client with timeouts and retries, the API's rows, counting a vote, mapping
//! factions to parties, the `data/votes/` files `sync votes` writes, and the
//! list of current members `sync members` writes for the contact page.
//!
//! Only `sync` touches the network; the guide reads the files it wrote.

pub mod api;
pub mod mapping;
pub mod members;
pub mod odata;
pub mod record;
pub mod sync;
pub mod tally;
