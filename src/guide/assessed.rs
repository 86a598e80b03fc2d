//! The rules' assessment of every party entry, worked out once per build.
//!
//! The party pages, the methodology page, the open data files and the
//! consistency checks all show what the rules suggest for a party; they read
//! it from [`Assessed`] instead of each applying the rules again, so they
//! cannot disagree.

use std::collections::HashMap;

use super::model::{Election, GuideData, PartyEntry};
use super::verdict::{Assessment, assess};

/// The guide's data with every entry's [`Assessment`].
pub struct Assessed<'a> {
    /// The data assessed.
    pub data: &'a GuideData,
    /// Per election id and party id.
    by_entry: HashMap<(&'a str, &'a str), Assessment<'a>>,
}

impl<'a> Assessed<'a> {
    /// Assesses every entry of every election of `data`.
    pub fn new(data: &'a GuideData) -> Assessed<'a> {
        let by_entry = data
            .elections
            .iter()
            .flat_map(|election| {
                election.entries.iter().map(move |entry| {
                    (
                        (election.id.as_str(), entry.party.as_str()),
                        assess(election, entry),
                    )
                })
            })
            .collect();
        Assessed { data, by_entry }
    }

    /// The assessment of `entry` in `election`.
    ///
    /// An entry that is not part of the assessed data (which the build never
    /// asks for) is assessed on the spot.
    pub fn of(&self, election: &'a Election, entry: &PartyEntry) -> Assessment<'a> {
        self.by_entry
            .get(&(election.id.as_str(), entry.party.as_str()))
            .cloned()
            .unwrap_or_else(|| assess(election, entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_of_the_example_is_assessed_once() {
        let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let data = crate::guide::load(&site).expect("example guide loads");
        let assessed = Assessed::new(&data);
        let entries: usize = data.elections.iter().map(|e| e.entries.len()).sum();
        assert_eq!(assessed.by_entry.len(), entries);
        for election in &data.elections {
            for entry in &election.entries {
                let a = assessed.of(election, entry);
                let fresh = assess(election, entry);
                assert_eq!(a.agrees, fresh.agrees, "{}", entry.party);
                assert_eq!(
                    a.suggested_level.map(|l| &l.id),
                    fresh.suggested_level.map(|l| &l.id),
                    "{}",
                    entry.party
                );
            }
        }
    }
}
