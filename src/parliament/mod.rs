//! Recorded votes from the Tweede Kamer's open data (DESIGN §7): an OData
//! client with timeouts and retries, the API's rows, counting a vote, mapping
//! factions to parties, and the `data/votes/` files `sync votes` writes.
//!
//! Only `sync` touches the network; the guide reads the files it wrote.

pub mod api;
pub mod mapping;
pub mod odata;
pub mod sync;
pub mod tally;
pub mod votes_file;
