//! Reads `site/data/cabinets.toml` (documented in `docs/data-schema.md`,
//! "Cabinets"):
//!
//! ```toml
//! [[cabinet]]
//! name = "kabinet-Schoof"
//! name_en = "Schoof cabinet" # optional: the name on English pages
//! from = 2024-07-02          # sworn in
//! until = 2026-02-23         # the successor sworn in; absent while it sits
//! parties = ["pvv", "vvd", "nsc", "bbb"]
//! left = { pvv = 2025-06-03 }  # optional: a party that left, and the first day it was out
//! [cabinet.source]           # a provenance table (crate::provenance)
//! …
//! [[cabinet.minister]]       # minister of Justice and Security
//! name = "David van Weel"
//! party = "vvd"
//! from = 2024-07-02
//! until = 2025-09-05
//! [cabinet.minister.source]
//! …
//! ```
//!
//! Cabinets may not overlap; a minister's period lies within the cabinet's
//! and ministers of one cabinet do not overlap. Every mistake is a
//! diagnostic on its line, all reported together.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::model::{Cabinet, Cabinets, Minister};
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostics, Message};
use crate::msg;
use crate::provenance::{DateText, RawProvenance};

/// The file, below `site/data`.
pub const FILE: &str = "cabinets.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CabinetsFile {
    #[serde(default, rename = "cabinet")]
    cabinets: Vec<CabinetEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CabinetEntry {
    name: Spanned<String>,
    name_en: Option<Spanned<String>>,
    from: Spanned<DateText>,
    until: Option<Spanned<DateText>>,
    parties: Vec<Spanned<String>>,
    #[serde(default)]
    left: std::collections::BTreeMap<String, Spanned<DateText>>,
    source: RawProvenance,
    #[serde(default, rename = "minister")]
    ministers: Vec<MinisterEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MinisterEntry {
    name: Spanned<String>,
    party: Option<Spanned<String>>,
    from: Spanned<DateText>,
    until: Option<Spanned<DateText>>,
    source: RawProvenance,
}

/// Reads the file below `site`; `known` tells whether a party id exists.
/// None when the file is absent or has mistakes (then in `diags`).
pub fn load(
    site: &Path,
    known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<Cabinets> {
    let path = site.join("data").join(FILE);
    if !path.is_file() {
        return None;
    }
    let parsed = read_toml::<CabinetsFile>(
        &path,
        msg!(
            "check that the file can be read, or restore it from git",
            "controleer of het bestand te lezen is, of zet het terug uit git"
        ),
        diags,
    )?;
    let before = diags.error_count();
    let mut cabinets = Vec::new();
    for entry in &parsed.value.cabinets {
        if let Some(cabinet) = cabinet(&parsed, entry, known, diags) {
            cabinets.push((entry, cabinet));
        }
    }
    cabinets.sort_by_key(|(_, c)| c.from);
    for pair in cabinets.windows(2) {
        let (earlier, later) = (&pair[0].1, &pair[1]);
        if earlier.until.is_none_or(|u| u > later.1.from) {
            let (name, other, day) = (&later.1.name, &earlier.name, later.1.from);
            diags.push(
                parsed
                    .error(
                        "cabinet-overlap",
                        &later.0.from,
                        msg!(
                            "{name} starts while {other} still governs",
                            "{name} begint terwijl {other} nog regeert"
                        ),
                    )
                    .with_hint(msg!(
                        "give {other} an `until` on or before {day} (the day its successor was sworn in)",
                        "geef {other} een `until` op of vóór {day} (de dag waarop de opvolger werd beëdigd)"
                    )),
            );
        }
    }
    if diags.error_count() > before {
        return None;
    }
    Some(Cabinets {
        cabinets: cabinets.into_iter().map(|(_, c)| c).collect(),
    })
}

/// The hint for an empty `name`.
fn name_hint() -> Message {
    msg!(
        "write the name as the government writes it",
        "schrijf de naam zoals de overheid die schrijft"
    )
}

fn cabinet(
    parsed: &Parsed<CabinetsFile>,
    entry: &CabinetEntry,
    known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<Cabinet> {
    let before = diags.error_count();
    let name = parsed.filled(&entry.name, "name", name_hint(), diags);
    let name_en = crate::council::local_text::english(
        parsed,
        entry.name.get_ref(),
        entry.name_en.as_ref(),
        "name",
        diags,
    );
    let from = parsed.day(&entry.from, diags);
    let until = entry.until.as_ref().and_then(|u| parsed.day(u, diags));
    if let (Some(from), Some(until), Some(at)) = (from, until, &entry.until) {
        period_order(parsed, at, from, until, diags);
    }
    if entry.parties.is_empty() {
        let name = entry.name.get_ref();
        diags.push(
            parsed
                .error(
                    "cabinet-no-parties",
                    &entry.name,
                    msg!("{name} has no parties", "{name} heeft geen partijen"),
                )
                .with_hint(msg!(
                    "write parties = [\"vvd\", …] with the ids of data/parties.toml",
                    "schrijf parties = [\"vvd\", …] met de id's uit data/parties.toml"
                )),
        );
    }
    for party in &entry.parties {
        if !known(party.get_ref()) {
            diags.push(parsed.unknown_party(party, party.get_ref()));
        }
    }
    let mut left = Vec::new();
    for (party, at) in &entry.left {
        let Some(day) = parsed.day(at, diags) else {
            continue;
        };
        let name = entry.name.get_ref();
        if !entry.parties.iter().any(|p| p.get_ref() == party) {
            diags.push(
                parsed
                    .error(
                        "cabinet-left-not-member",
                        at,
                        msg!(
                            "`{party}` left {name}, but is not among its parties",
                            "`{party}` stapte uit {name}, maar staat niet bij de partijen"
                        ),
                    )
                    .with_hint(msg!(
                        "list the party under `parties` (the coalition when it was sworn in)",
                        "zet de partij bij `parties` (de coalitie toen het kabinet werd beëdigd)"
                    )),
            );
        } else if from.is_some_and(|f| day <= f) || until.is_some_and(|u| day >= u) {
            diags.push(
                parsed
                    .error(
                        "cabinet-left-outside-period",
                        at,
                        msg!(
                            "`{party}` left on {day}, outside the period of {name}",
                            "`{party}` stapte op {day} uit, buiten de periode van {name}"
                        ),
                    )
                    .with_hint(msg!(
                        "a party leaves after the cabinet was sworn in and before its successor was",
                        "een partij stapt uit na de beëdiging van het kabinet en vóór die van de opvolger"
                    )),
            );
        } else {
            left.push((party.clone(), day));
        }
    }
    let source = parsed.provenance(&entry.source, diags);
    let mut ministers = Vec::new();
    for m in &entry.ministers {
        if let Some(minister) = minister(parsed, m, known, diags) {
            ministers.push((m, minister));
        }
    }
    ministers.sort_by_key(|(_, m)| m.from);
    if let Some(from) = from {
        for (m, minister) in &ministers {
            let after_end = until.is_some_and(|u| minister.until.is_none_or(|mu| mu > u));
            if minister.from < from || after_end {
                let (who, name) = (&minister.name, entry.name.get_ref());
                diags.push(
                    parsed
                        .error(
                            "cabinet-minister-outside",
                            &m.from,
                            msg!(
                                "{who}'s period lies outside that of {name}",
                                "de periode van {who} valt buiten die van {name}"
                            ),
                        )
                        .with_hint(msg!(
                            "a minister serves within the cabinet's `from` and `until`; put a minister of another cabinet under that cabinet",
                            "een minister dient tussen `from` en `until` van het kabinet; zet een minister van een ander kabinet onder dat kabinet"
                        )),
                );
            }
        }
    }
    for pair in ministers.windows(2) {
        let (earlier, later) = (&pair[0].1, &pair[1]);
        if earlier.until.is_none_or(|u| u > later.1.from) {
            let (who, other, day) = (&later.1.name, &earlier.name, later.1.from);
            diags.push(
                parsed
                    .error(
                        "cabinet-minister-overlap",
                        &later.0.from,
                        msg!(
                            "{who} takes office while {other} still holds it",
                            "{who} treedt aan terwijl {other} nog minister is"
                        ),
                    )
                    .with_hint(msg!(
                        "give {other} an `until` on or before {day}",
                        "geef {other} een `until` op of vóór {day}"
                    )),
            );
        }
    }
    if diags.error_count() > before {
        return None;
    }
    Some(Cabinet {
        name: name?,
        name_en,
        from: from?,
        until,
        parties: entry.parties.iter().map(|p| p.get_ref().clone()).collect(),
        left,
        source: source?,
        ministers: ministers.into_iter().map(|(_, m)| m).collect(),
    })
}

fn minister(
    parsed: &Parsed<CabinetsFile>,
    entry: &MinisterEntry,
    known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<Minister> {
    let before = diags.error_count();
    let name = parsed.filled(&entry.name, "name", name_hint(), diags);
    if let Some(party) = &entry.party
        && !known(party.get_ref())
    {
        diags.push(parsed.unknown_party(party, party.get_ref()));
    }
    let from = parsed.day(&entry.from, diags);
    let until = entry.until.as_ref().and_then(|u| parsed.day(u, diags));
    if let (Some(from), Some(until), Some(at)) = (from, until, &entry.until) {
        period_order(parsed, at, from, until, diags);
    }
    let source = parsed.provenance(&entry.source, diags);
    if diags.error_count() > before {
        return None;
    }
    Some(Minister {
        name: name?,
        party: entry.party.as_ref().map(|p| p.get_ref().clone()),
        from: from?,
        until,
        source: source?,
    })
}

fn period_order(
    parsed: &Parsed<CabinetsFile>,
    at: &Spanned<DateText>,
    from: NaiveDate,
    until: NaiveDate,
    diags: &mut Diagnostics,
) {
    if until <= from {
        diags.push(
            parsed
                .error(
                    "cabinet-period-reversed",
                    at,
                    msg!(
                        "`until` ({until}) is not after `from` ({from})",
                        "`until` ({until}) ligt niet na `from` ({from})"
                    ),
                )
                .with_hint(msg!(
                    "`until` is the first day the office had passed on; swap or correct the days",
                    "`until` is de eerste dag dat het ambt was overgedragen; wissel de dagen om of verbeter ze"
                )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    const SOURCE: &str = "kind = \"editor\"\nnote = \"gecontroleerd\"\nchecked_on = 2026-12-04\n";

    fn run(text: &str) -> (Option<Cabinets>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("data")).unwrap();
        std::fs::write(dir.path().join("data").join(FILE), text).unwrap();
        let mut diags = Diagnostics::new();
        let known = |p: &str| ["vvd", "pvv", "d66"].contains(&p);
        let got = load(dir.path(), &known, &mut diags);
        let messages = diags
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        (got, messages)
    }

    fn cabinet(name: &str, from: &str, until: &str, ministers: &str) -> String {
        let until = if until.is_empty() {
            String::new()
        } else {
            format!("until = {until}\n")
        };
        format!(
            "[[cabinet]]\nname = \"{name}\"\nfrom = {from}\n{until}parties = [\"vvd\"]\n[cabinet.source]\n{SOURCE}{ministers}"
        )
    }

    fn minister(name: &str, from: &str, until: &str) -> String {
        let until = if until.is_empty() {
            String::new()
        } else {
            format!("until = {until}\n")
        };
        format!(
            "[[cabinet.minister]]\nname = \"{name}\"\nparty = \"vvd\"\nfrom = {from}\n{until}[cabinet.minister.source]\n{SOURCE}"
        )
    }

    #[test]
    fn a_sound_file_loads_oldest_first() {
        let text = cabinet("B", "2024-07-02", "", &minister("M2", "2024-07-02", ""))
            + &cabinet(
                "A",
                "2022-01-10",
                "2024-07-02",
                &minister("M1", "2022-01-10", "2024-07-02"),
            );
        let (got, messages) = run(&text);
        assert!(messages.is_empty(), "{messages:?}");
        let names: Vec<_> = got.unwrap().cabinets.into_iter().map(|c| c.name).collect();
        assert_eq!(names, ["A", "B"]);
    }

    #[test_case(
        &(cabinet("A", "2022-01-10", "2024-08-01", "") + &cabinet("B", "2024-07-02", "", "")),
        "12:8: B starts while A still governs";
        "overlapping cabinets")]
    #[test_case(
        &cabinet("A", "2022-01-10", "2021-01-01", ""),
        "4:9: `until` (2021-01-01) is not after `from` (2022-01-10)";
        "until before from")]
    #[test_case(
        &cabinet("A", "2022-01-10", "2024-07-02", &minister("M", "2021-05-01", "2022-02-01")),
        "13:8: M's period lies outside that of A";
        "minister before the cabinet")]
    #[test_case(
        &cabinet("A", "2022-01-10", "", &(minister("M1", "2022-01-10", "") + &minister("M2", "2023-01-01", ""))),
        "20:8: M2 takes office while M1 still holds it";
        "ministers overlap")]
    #[test_case(
        &cabinet("A", "2022-01-10", "", "").replace("[\"vvd\"]", "[\"xyz\"]"),
        "4:12: there is no party `xyz` in data/parties.toml";
        "unknown party")]
    #[test_case(
        &cabinet("A", "2022-01-10", "", "").replace("parties = [\"vvd\"]", "parties = [\"vvd\"]\nleft = { pvv = 2023-01-01 }"),
        "5:16: `pvv` left A, but is not among its parties";
        "a party that was not in it left")]
    #[test_case(
        &cabinet("A", "10 januari 2022", "", ""),
        "3:8: `10 januari 2022` is not a day";
        "a day in words")]
    fn mistakes_are_reported_on_their_line(text: &str, expected: &str) {
        let (got, messages) =
            run(&text.replace("from = 10 januari 2022", "from = \"10 januari 2022\""));
        assert!(got.is_none());
        assert!(messages.iter().any(|m| m == expected), "{messages:?}");
    }
}
