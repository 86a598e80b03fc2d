//! Reads `data/ep/meps.toml`: how the Parliament's national party names map
//! to our party ids, and the MEPs of the site's country with their terms,
//! national parties and groups over time (see `docs/data-schema.md`,
//! "European Parliament").
//!
//! Every mistake is a diagnostic on its line: an unknown party id, a party
//! name that is not a key of `[national_parties]`, a group code that is not
//! one, `until` before `from`, overlapping periods, a country that is not a
//! two-letter code, two entries with one member id. An MEP with a mistake is
//! left out; the rest is kept.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::fields::{RawPeriod, day, period, place, provenance};
use super::model::{Group, Mep, Period};
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostics, Message};
use crate::msg;
use crate::provenance::{DateText, RawProvenance};

/// The file, below `data/ep/`.
pub const FILE: &str = "meps.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MepsFile {
    #[serde(default)]
    national_parties: BTreeMap<String, Spanned<String>>,
    #[serde(default, rename = "mep")]
    meps: Vec<RawMep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMep {
    #[serde(default)]
    id: Option<Spanned<i64>>,
    name: Spanned<String>,
    country: Spanned<String>,
    checked_on: Spanned<DateText>,
    #[serde(default, rename = "term")]
    terms: Vec<RawPeriod>,
    #[serde(default, rename = "party")]
    parties: Vec<RawNamed>,
    #[serde(default, rename = "group")]
    groups: Vec<RawCode>,
    source: RawProvenance,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNamed {
    name: Spanned<String>,
    from: Spanned<DateText>,
    #[serde(default)]
    until: Option<Spanned<DateText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCode {
    code: Spanned<String>,
    from: Spanned<DateText>,
    #[serde(default)]
    until: Option<Spanned<DateText>>,
}

/// What `meps.toml` holds: the party map and the MEPs without mistakes.
pub type Meps = (BTreeMap<String, String>, Vec<Mep>);

/// Reads `data/ep/meps.toml` in `ep_dir`; `known_party` tells whether a
/// party id exists in `data/parties.toml`. None when the file cannot be
/// read as TOML (the mistakes are in `diags`).
pub fn load_meps(
    ep_dir: &Path,
    known_party: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<Meps> {
    let path = ep_dir.join(FILE);
    let parsed = read_toml::<MepsFile>(
        &path,
        msg!(
            "data/ep/ needs meps.toml: the MEPs and how their national parties map to ours (see docs/data-schema.md, \"European Parliament\")",
            "data/ep/ heeft meps.toml nodig: de Europarlementariërs en hoe hun nationale partijen bij onze partijen horen (zie docs/data-schema.md, \"European Parliament\")"
        ),
        diags,
    )?;
    let mut parties = BTreeMap::new();
    for (name, id) in &parsed.value.national_parties {
        if !known_party(id.get_ref()) {
            diags.push(
                parsed
                    .error(
                        "ep-party-unknown",
                        id,
                        msg!(
                            "there is no party `{}` in data/parties.toml",
                            "er is geen partij `{}` in data/parties.toml",
                            id.get_ref()
                        ),
                    )
                    .with_hint(msg!(
                        "map the national party to a party id of data/parties.toml, e.g. \"GroenLinks\" = \"groenlinks-pvda\"",
                        "koppel de nationale partij aan een partij-id uit data/parties.toml, bijvoorbeeld \"GroenLinks\" = \"groenlinks-pvda\""
                    )),
            );
        }
        parties.insert(name.clone(), id.get_ref().clone());
    }
    let mut meps: Vec<Mep> = Vec::new();
    for raw in &parsed.value.meps {
        let Some(mep) = mep(&parsed, raw, diags) else {
            continue;
        };
        if let (Some(id), Some(at), Some(other)) = (
            mep.id,
            raw.id.as_ref(),
            meps.iter().find(|m| m.id.is_some() && m.id == mep.id),
        ) {
            diags.push(
                parsed
                    .error(
                        "mep-id-twice",
                        at,
                        msg!(
                            "member id {id} is also given to {} (line {})",
                            "lidnummer {id} is ook gegeven aan {} (regel {})",
                            other.name,
                            other.at.line
                        ),
                    )
                    .with_hint(msg!(
                        "each MEP has one entry; the id is the number in europarl.europa.eu/meps/en/<id>",
                        "elke Europarlementariër heeft één vermelding; het id is het nummer in europarl.europa.eu/meps/en/<id>"
                    )),
            );
            continue;
        }
        meps.push(mep);
    }
    Some((parties, meps))
}

fn mep(parsed: &Parsed<MepsFile>, raw: &RawMep, diags: &mut Diagnostics) -> Option<Mep> {
    let before = diags.error_count();
    let id = match &raw.id {
        None => None,
        Some(n) => match u64::try_from(*n.get_ref()) {
            Ok(id) if id > 0 => Some(id),
            _ => {
                diags.push(
                    parsed
                        .error(
                            "mep-id-invalid",
                            n,
                            msg!(
                                "`{}` is not a member id",
                                "`{}` is geen lidnummer",
                                n.get_ref()
                            ),
                        )
                        .with_hint(msg!(
                            "write the number of europarl.europa.eu/meps/en/<id>, e.g. 124831",
                            "schrijf het nummer uit europarl.europa.eu/meps/en/<id>, bijvoorbeeld 124831"
                        )),
                );
                None
            }
        },
    };
    let name = parsed.filled(
        &raw.name,
        "name",
        msg!(
            "write the MEP's name as the Parliament's site writes it",
            "schrijf de naam van de Europarlementariër zoals de site van het Parlement die schrijft"
        ),
        diags,
    );
    let country = raw.country.get_ref().trim();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        diags.push(
            parsed
                .error(
                    "mep-country-invalid",
                    &raw.country,
                    msg!(
                        "`{country}` is not a two-letter country code",
                        "`{country}` is geen landcode van twee letters"
                    ),
                )
                .with_hint(msg!(
                    "write the ISO 3166 code in capitals, e.g. country = \"NL\"",
                    "schrijf de ISO 3166-code in hoofdletters, bijvoorbeeld country = \"NL\""
                )),
        );
    }
    let checked_on = day(parsed, &raw.checked_on, "checked_on", diags);
    let terms = periods(
        parsed,
        raw.terms.iter().map(|t| ((), t.days())),
        msg!("terms", "zittingsperiodes"),
        diags,
    );
    let mut parties = Vec::new();
    for p in &raw.parties {
        if !parsed.value.national_parties.contains_key(p.name.get_ref()) {
            diags.push(
                parsed
                    .error(
                        "mep-party-not-mapped",
                        &p.name,
                        msg!(
                            "`{}` is not a key of [national_parties]",
                            "`{}` staat niet als sleutel in [national_parties]",
                            p.name.get_ref()
                        ),
                    )
                    .with_hint(msg!(
                        "add it to [national_parties] with the party id it belongs to, or use the name written there",
                        "zet de naam in [national_parties] met het id van de partij waar hij bij hoort, of gebruik de naam die daar staat"
                    )),
            );
        }
        parties.push((p.name.get_ref().clone(), (&p.from, p.until.as_ref())));
    }
    let parties = periods(
        parsed,
        parties.into_iter(),
        msg!("national parties", "nationale partijen"),
        diags,
    );
    let mut groups = Vec::new();
    for g in &raw.groups {
        match Group::from_code(g.code.get_ref()) {
            Some(group) => groups.push((group, (&g.from, g.until.as_ref()))),
            None => diags.push(
                parsed
                    .error(
                        "ep-group-unknown",
                        &g.code,
                        msg!(
                            "`{}` is not a political group code",
                            "`{}` is geen code van een fractie",
                            g.code.get_ref()
                        ),
                    )
                    .with_hint(group_codes_hint()),
            ),
        }
    }
    let groups = periods(
        parsed,
        groups.into_iter(),
        msg!("groups", "fracties"),
        diags,
    );
    let source = provenance(parsed, &raw.source, diags);
    if diags.error_count() > before {
        return None;
    }
    Some(Mep {
        id,
        name: name?,
        country: country.to_string(),
        checked_on: checked_on?,
        terms: terms.into_iter().map(|(_, p)| p).collect(),
        parties,
        groups,
        source: source?,
        at: place(parsed, &raw.name),
    })
}

/// The hint for a group code that is not one (also used by the vote files).
pub(super) fn group_codes_hint() -> Message {
    msg!(
        "write one of EPP, SD, RENEW, GREENS, ECR, PFE, ESN, GUE_NGL, NI (older: ID, EFDD, ENF, ALDE)",
        "schrijf een van EPP, SD, RENEW, GREENS, ECR, PFE, ESN, GUE_NGL, NI (ouder: ID, EFDD, ENF, ALDE)"
    )
}

/// The days of one period as written: `from` and `until`.
type Days<'a> = (&'a Spanned<DateText>, Option<&'a Spanned<DateText>>);

/// The periods of `items` (a value and its days), each checked on its own
/// and against the others: two that share a day are an error on the later
/// one.
fn periods<'a, V>(
    parsed: &Parsed<MepsFile>,
    items: impl Iterator<Item = (V, Days<'a>)>,
    what: Message,
    diags: &mut Diagnostics,
) -> Vec<(V, Period)> {
    let mut done: Vec<(V, Period)> = Vec::new();
    for (value, days) in items {
        let Some(p) = period(parsed, days, diags) else {
            continue;
        };
        if let Some((_, other)) = done.iter().find(|(_, o)| o.overlaps(&p)) {
            let until = |p: &Period, now: &str| {
                p.until
                    .map(|u| u.to_string())
                    .unwrap_or_else(|| now.to_string())
            };
            let (first, second) = (other.from, p.from);
            let (first_until, second_until) = (until(other, "now"), until(&p, "now"));
            let (first_tot, second_tot) = (until(other, "nu"), until(&p, "nu"));
            diags.push(
                parsed
                    .error(
                        "mep-periods-overlap",
                        days.0,
                        msg!(
                            "this MEP's {what} overlap: {first} to {first_until} and {second} to {second_until}",
                            "de {what} van deze Europarlementariër overlappen: {first} tot {first_tot} en {second} tot {second_tot}";
                            what
                        ),
                    )
                    .with_hint(msg!(
                        "end the earlier period (`until`) the day before the next one starts",
                        "laat de eerdere periode (`until`) eindigen op de dag voordat de volgende begint"
                    )),
            );
            continue;
        }
        done.push((value, p));
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    const GOOD: &str = r#"[national_parties]
"GroenLinks" = "groenlinks-pvda"
"Partij van de Arbeid" = "groenlinks-pvda"

[[mep]]
id = 124831
name = "Bas Eickhout"
country = "NL"
checked_on = 2026-12-04
[[mep.term]]
from = 2019-07-02
[[mep.party]]
name = "GroenLinks"
from = 2019-07-02
[[mep.group]]
code = "GREENS"
from = 2019-07-02
[mep.source]
kind = "editor"
note = "nagekeken"
checked_on = 2026-12-04
"#;

    fn load_text(text: &str) -> (Option<Meps>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE), text).unwrap();
        let mut diags = Diagnostics::new();
        let known = |id: &str| id == "groenlinks-pvda";
        let meps = load_meps(dir.path(), &known, &mut diags);
        let messages = diags
            .sorted()
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        (meps, messages)
    }

    #[test]
    fn reads_a_good_file() {
        let (meps, messages) = load_text(GOOD);
        assert_eq!(messages, Vec::<String>::new());
        let (parties, meps) = meps.unwrap();
        assert_eq!(parties["GroenLinks"], "groenlinks-pvda");
        assert_eq!(meps[0].id, Some(124831));
        assert_eq!(meps[0].groups[0].0, Group::Greens);
        assert_eq!(meps[0].at.line, 7);
    }

    #[test_case("\"GroenLinks\" = \"groenlinks-pvda\"", "\"GroenLinks\" = \"gl\"", &["2:16: there is no party `gl` in data/parties.toml"]; "unknown party id")]
    #[test_case("name = \"GroenLinks\"", "name = \"GL\"", &["13:8: `GL` is not a key of [national_parties]"]; "party name not a key")]
    #[test_case("code = \"GREENS\"", "code = \"Groenen\"", &["16:8: `Groenen` is not a political group code"]; "unknown group")]
    #[test_case("country = \"NL\"", "country = \"nl\"", &["8:11: `nl` is not a two-letter country code"]; "country")]
    #[test_case("[[mep.term]]\nfrom = 2019-07-02", "[[mep.term]]\nfrom = 2019-07-02\nuntil = 2019-01-01", &["12:9: `until` (2019-01-01) is before `from` (2019-07-02)"]; "until before from")]
    #[test_case("[[mep.party]]\nname = \"GroenLinks\"\nfrom = 2019-07-02", "[[mep.party]]\nname = \"GroenLinks\"\nfrom = 2019-07-02\n[[mep.party]]\nname = \"Partij van de Arbeid\"\nfrom = 2024-07-16", &["17:8: this MEP's national parties overlap: 2019-07-02 to now and 2024-07-16 to now"]; "overlapping parties")]
    #[test_case("[[mep.term]]\nfrom = 2019-07-02", "[[mep.term]]\nfrom = 2019-07-02\nuntil = 2024-07-15\n[[mep.term]]\nfrom = 2024-07-16", &[]; "terms one after the other")]
    #[test_case("checked_on = 2026-12-04\n[[mep.term]]", "checked_on = \"gisteren\"\n[[mep.term]]", &["9:14: `checked_on` is not a day: `gisteren`"]; "checked_on not a day")]
    #[test_case("id = 124831", "id = -3", &["6:6: `-3` is not a member id"]; "negative id")]
    fn mistakes_are_on_their_line(find: &str, replace: &str, expected: &[&str]) {
        assert!(GOOD.contains(find), "{find}");
        let (meps, messages) = load_text(&GOOD.replacen(find, replace, 1));
        assert_eq!(messages, expected);
        let kept = meps.unwrap().1.len();
        let unknown_id_only = expected.iter().all(|m| m.contains("in data/parties.toml"));
        assert_eq!(kept == 1, expected.is_empty() || unknown_id_only);
    }

    #[test]
    fn one_member_id_twice_is_an_error() {
        let text = format!("{GOOD}{}", &GOOD[GOOD.find("[[mep]]").unwrap()..]);
        let (meps, messages) = load_text(&text);
        assert_eq!(
            messages,
            ["23:6: member id 124831 is also given to Bas Eickhout (line 7)"]
        );
        assert_eq!(meps.unwrap().1.len(), 1);
    }
}
