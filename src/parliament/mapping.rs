//! Which party a Tweede Kamer faction stands for on a given day.
//!
//! The API writes factions as they were called at the time (`GroenLinks`,
//! `PvdA`, later `GroenLinks-PvdA`; `Groep Van Haga`; `Lid Omtzigt`). Parties
//! list those names as aliases in `data/parties.toml`, optionally with a
//! period for a name that stood for another party (or none) at another time.

use chrono::NaiveDate;

use crate::guide::model::Party;

/// What a faction name maps to.
#[derive(Debug, Clone, PartialEq)]
pub enum Mapping<'a> {
    /// Exactly one party.
    Party(&'a Party),
    /// No party has this name on that day.
    None,
    /// Several parties claim the name on that day (the aliases need periods).
    Ambiguous(Vec<&'a Party>),
}

/// Maps `faction` on `date` (unknown dates match only aliases without a period).
pub fn map_faction<'a>(
    parties: &'a [Party],
    faction: &str,
    date: Option<NaiveDate>,
) -> Mapping<'a> {
    let found: Vec<&Party> = parties
        .iter()
        .filter(|p| p.has_faction_name(faction, date))
        .collect();
    match found.as_slice() {
        [] => Mapping::None,
        [one] => Mapping::Party(one),
        _ => Mapping::Ambiguous(found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::Alias;

    fn parties() -> Vec<Party> {
        vec![
            Party {
                id: "groenlinks-pvda".into(),
                name: "GroenLinks-PvdA".into(),
                aliases: vec![Alias::always("GroenLinks"), Alias::always("PvdA")],
                ..Party::default()
            },
            Party {
                id: "nsc".into(),
                name: "Nieuw Sociaal Contract".into(),
                aliases: vec![Alias {
                    name: "Lid Omtzigt".into(),
                    from: Some("2023-08-20".parse().unwrap()),
                    until: None,
                }],
                ..Party::default()
            },
        ]
    }

    #[test]
    fn factions_map_through_aliases_and_periods() {
        let p = parties();
        let day = |s: &str| Some(s.parse::<NaiveDate>().unwrap());
        assert!(
            matches!(map_faction(&p, "PvdA", day("2023-04-18")), Mapping::Party(x) if x.id == "groenlinks-pvda")
        );
        assert_eq!(
            map_faction(&p, "Lid Omtzigt", day("2023-04-18")),
            Mapping::None
        );
        assert!(
            matches!(map_faction(&p, "Lid Omtzigt", day("2023-10-24")), Mapping::Party(x) if x.id == "nsc")
        );
        assert_eq!(map_faction(&p, "Lid Omtzigt", None), Mapping::None);
        assert_eq!(
            map_faction(&p, "Fractie Den Haan", day("2023-04-18")),
            Mapping::None
        );
    }
}
