//! The template global `contact`: the recipients grouped as the contact page
//! shows them, each with a ready `mailto:` link carrying the default message.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use minijinja::Value;
use serde::Serialize;

use super::email::EmailAddress;
use super::load::{Kind, Recipients};
use super::message::{Audience, Decision, Message, PartyVerdict, compose, mailto};
use crate::config::SiteConfig;
use crate::content::dates::dutch_day;
use crate::council::model::{CouncilData, MomentResult};
use crate::guide::GuideData;
use crate::kamer::Kamer;
use crate::parliament::tally::SEATS;
use crate::provenance::Wording;

/// One person to write to.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientView {
    /// Full name.
    pub name: String,
    /// Role or faction shown under the name.
    pub role: String,
    /// E-mail address; empty when none is published.
    pub email: String,
    /// Member of the committee for Justice and Security.
    pub justice_committee: bool,
    /// The prepared message.
    pub subject: String,
    /// The prepared message's body.
    pub body: String,
    /// `mailto:` link with subject and body.
    pub mailto: String,
    /// How name and role are known (editors' list only).
    pub provenance: Option<Wording>,
    /// The first day in the role, in Dutch (editors' list only).
    pub since: Option<String>,
    /// The day an editor last checked the recipient, in Dutch (editors' list only).
    pub checked: Option<String>,
    /// True when the address was built from a pattern, not read on a page.
    pub email_from_pattern: bool,
}

/// A party elected to the Kamer of which the list has no member.
#[derive(Debug, Clone, Serialize)]
pub struct MissingFaction {
    /// The party's name.
    pub name: String,
    /// Its seats at the election.
    pub seats: u32,
}

/// A faction with its members.
#[derive(Debug, Clone, Serialize)]
pub struct FactionView {
    /// Faction name.
    pub name: String,
    /// Anchor id on the page.
    pub id: String,
    /// The guide's verdict label for the party, when known.
    pub verdict: Option<String>,
    /// The guide's verdict level id (for the CSS tone), when known.
    pub tone: Option<String>,
    /// The party page in the guide.
    pub party_url: Option<String>,
    /// Members, by name.
    pub members: Vec<RecipientView>,
    /// How many of them sit on the Justice and Security committee.
    pub justice_count: usize,
}

/// The latest decision the Council took: the last moment with a result of
/// "agreed".
pub fn latest_decision(council: &CouncilData) -> Option<Decision> {
    council
        .moments
        .iter()
        .rev()
        .find(|m| m.result == MomentResult::Agreed)
        .map(|m| Decision {
            date: m.date.label_nl(),
            body: m.body.label_nl().to_string(),
            summary: m.summary.clone(),
        })
}

/// The guide's latest election's verdict for `party`.
fn verdict_of(
    guide: &GuideData,
    config: &SiteConfig,
    today: NaiveDate,
    party: &str,
) -> Option<(PartyVerdict, String)> {
    let election = guide.elections.iter().max_by_key(|e| e.date)?;
    let entry = election.entry(party)?;
    let level = election.level(&entry.verdict)?;
    let tone = level
        .rule
        .map(|r| r.id().replace('_', "-"))
        .unwrap_or_default();
    Some((
        PartyVerdict {
            party: entry.display_name(guide).to_string(),
            label: level.label.clone(),
            meaning: level.meaning.clone(),
            election: election.title.clone(),
            past: election.date < today,
            url: config.absolute_url(&format!("{}{}/", election.path, party)),
        },
        tone,
    ))
}

fn view(
    name: &str,
    role: String,
    email: Option<&EmailAddress>,
    message: Message,
    justice_committee: bool,
) -> RecipientView {
    let to: Vec<&EmailAddress> = email.into_iter().collect();
    RecipientView {
        name: name.to_string(),
        role,
        email: email.map(|e| e.to_string()).unwrap_or_default(),
        justice_committee,
        mailto: mailto(&to, &message),
        subject: message.subject,
        body: message.body,
        provenance: None,
        since: None,
        checked: None,
        email_from_pattern: false,
    }
}

/// The parties elected to `kamer` of which `recipients` lists no current
/// member, largest first, named as the guide names them.
fn missing_factions(
    recipients: &Recipients,
    kamer: &Kamer,
    guide: Option<&GuideData>,
    today: NaiveDate,
) -> Vec<MissingFaction> {
    let mut missing: Vec<MissingFaction> = kamer
        .seats
        .iter()
        .filter(|(party, _)| {
            !recipients
                .members
                .iter()
                .any(|m| m.period.holds_on(today) && m.party.as_deref() == Some(party.as_str()))
        })
        .map(|(party, seats)| MissingFaction {
            name: guide
                .and_then(|g| g.party(party))
                .map(|p| p.short_name.clone().unwrap_or_else(|| p.name.clone()))
                .unwrap_or_else(|| party.clone()),
            seats: *seats,
        })
        .collect();
    missing.sort_by(|a, b| b.seats.cmp(&a.seats).then(a.name.cmp(&b.name)));
    missing
}

/// The `contact` global: `factions` (the current Kamerleden per faction),
/// `ministers` and `meps` in their role on `today`, how the list of
/// Kamerleden is known (`members_provenance`, `members_synced`) and how
/// complete it is (`member_count` of `seats`, `missing_factions` of the
/// Kamer elected on `kamer_elected`).
pub fn template_value(
    recipients: &Recipients,
    guide: Option<&GuideData>,
    council: Option<&CouncilData>,
    kamer: Option<&Kamer>,
    config: &SiteConfig,
    today: NaiveDate,
) -> Value {
    let decision = council.and_then(latest_decision);
    let prefix = config.path_prefix();
    let mut factions: BTreeMap<String, FactionView> = BTreeMap::new();
    let members: Vec<_> = recipients
        .members
        .iter()
        .filter(|m| m.period.holds_on(today))
        .collect();
    for m in &members {
        let verdict = m
            .party
            .as_deref()
            .zip(guide)
            .and_then(|(p, g)| verdict_of(g, config, today, p));
        let faction = factions
            .entry(m.faction.to_lowercase())
            .or_insert_with(|| FactionView {
                name: m.faction.clone(),
                id: format!(
                    "fractie-{}",
                    m.faction
                        .to_lowercase()
                        .chars()
                        .map(|c| if c.is_alphanumeric() { c } else { '-' })
                        .collect::<String>()
                ),
                verdict: verdict.as_ref().map(|(v, _)| v.label.clone()),
                tone: verdict.as_ref().map(|(_, t)| t.clone()),
                party_url: verdict.as_ref().and_then(|(v, _)| {
                    v.url
                        .strip_prefix(config.base_url.as_str().trim_end_matches('/'))
                        .map(|path| format!("{prefix}{path}"))
                }),
                members: Vec::new(),
                justice_count: 0,
            });
        let message = compose(
            Audience::Kamerlid(&m.name),
            decision.as_ref(),
            verdict.as_ref().map(|(v, _)| v),
        );
        let role = if m.justice_committee {
            format!("{}, commissie Justitie en Veiligheid", m.faction)
        } else {
            m.faction.clone()
        };
        faction.justice_count += usize::from(m.justice_committee);
        faction.members.push(view(
            &m.name,
            role,
            m.email.as_ref(),
            message,
            m.justice_committee,
        ));
    }
    let mut factions: Vec<FactionView> = factions.into_values().collect();
    for f in &mut factions {
        f.members.sort_by(|a, b| a.name.cmp(&b.name));
    }
    let others = |kind: Kind| -> Vec<RecipientView> {
        recipients
            .others
            .iter()
            .filter(|o| o.kind == kind && o.period.holds_on(today))
            .map(|o| {
                let audience = match kind {
                    Kind::Minister => Audience::Minister(&o.name),
                    Kind::Mep => Audience::Mep(&o.name),
                };
                RecipientView {
                    provenance: Some(o.provenance.wording()),
                    since: o.period.start.as_ref().map(|s| dutch_day(s.day)),
                    checked: Some(dutch_day(o.checked_on.day)),
                    email_from_pattern: o.email_from_pattern,
                    ..view(
                        &o.name,
                        o.role.clone(),
                        o.email.as_ref(),
                        compose(audience, decision.as_ref(), None),
                        false,
                    )
                }
            })
            .collect()
    };
    let missing = kamer
        .map(|k| missing_factions(recipients, k, guide, today))
        .unwrap_or_default();
    Value::from_serialize(serde_json::json!({
        "factions": factions,
        "member_count": members.len(),
        "seats": SEATS,
        "complete": members.len() >= SEATS as usize,
        "justice_marked": members.iter().any(|m| m.justice_committee),
        "missing_factions": missing,
        "kamer_elected": kamer.map(|k| dutch_day(k.elected_on)),
        "ministers": others(Kind::Minister),
        "meps": others(Kind::Mep),
        "members_synced": matches!(recipients.members_provenance, crate::provenance::Provenance::Synced { .. }),
        "members_provenance": recipients.members_provenance.wording(),
    }))
}

/// What the `minister` shortcode shows: the minister responsible in the
/// Council on the build date, from `editors.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct MinisterFact {
    /// Full name.
    pub name: String,
    /// The role as the data words it.
    pub role: String,
    /// The first day in the role, in Dutch.
    pub since: Option<String>,
}

/// The minister responsible in the Council on `today`, or why there is none.
pub fn minister_fact(
    recipients: Option<&Recipients>,
    today: NaiveDate,
) -> Result<MinisterFact, String> {
    let recipients = recipients.ok_or_else(|| {
        "minister needs the recipients in data/recipients/, which this site does not have"
            .to_string()
    })?;
    let minister = recipients.minister_on(today).ok_or_else(|| {
        format!(
            "no recipient of kind \"minister\" in data/recipients/editors.toml holds the role on {}; add the current minister with `start`",
            dutch_day(today)
        )
    })?;
    Ok(MinisterFact {
        name: minister.name.clone(),
        role: minister.role.clone(),
        since: minister.period.start.as_ref().map(|s| dutch_day(s.day)),
    })
}

/// The template function behind the `minister` shortcode: the minister in
/// their role on the build date; a site without one is an error the page's
/// diagnostic names. When the recipient files have errors of their own
/// (`broken`), those already fail the build and say what to fix, so the
/// shortcode renders a placeholder instead of repeating them on every page.
pub fn minister_function(recipients: Option<&Recipients>, broken: bool, today: NaiveDate) -> Value {
    let fact = if broken && recipients.is_none() {
        Ok(MinisterFact {
            name: "de minister".to_string(),
            role: "minister".to_string(),
            since: None,
        })
    } else {
        minister_fact(recipients, today)
    };
    Value::from_function(move || -> Result<Value, minijinja::Error> {
        match &fact {
            Ok(fact) => Ok(Value::from_serialize(fact)),
            Err(message) => Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                message.clone(),
            )),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::load::{Dated, Other, Period, Place};
    use crate::provenance::Provenance;
    use test_case::test_case;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn dated(text: &str) -> Dated {
        Dated {
            day: day(text),
            at: Place {
                file: "editors.toml".into(),
                line: 1,
                column: 1,
            },
        }
    }

    fn minister(name: &str, start: &str, end: Option<&str>) -> Other {
        Other {
            kind: Kind::Minister,
            name: name.to_string(),
            role: "minister van Justitie en Veiligheid".to_string(),
            period: Period {
                start: Some(dated(start)),
                end: end.map(dated),
            },
            checked_on: dated("2026-12-01"),
            party: None,
            email: None,
            email_from_pattern: false,
            provenance: Provenance::Editor {
                note: "nagekeken".to_string(),
                checked_on: day("2026-12-01"),
            },
        }
    }

    fn recipients() -> Recipients {
        Recipients {
            members: Vec::new(),
            members_provenance: Provenance::Editor {
                note: "voorbeeld".to_string(),
                checked_on: day("2026-12-01"),
            },
            members_provenance_at: dated("2026-12-01").at,
            others: vec![
                minister("A. Vorige", "2025-09-01", Some("2026-02-23")),
                minister("B. Huidige", "2026-02-23", None),
            ],
        }
    }

    #[test_case("2025-08-31", Err("no recipient of kind \"minister\" in data/recipients/editors.toml holds the role on 31 augustus 2025; add the current minister with `start`"); "before anyone's start")]
    #[test_case("2025-11-26", Ok("A. Vorige"); "the minister of November 2025")]
    #[test_case("2026-02-22", Ok("A. Vorige"); "the last day before the handover")]
    #[test_case("2026-02-23", Ok("B. Huidige"); "the day of the handover")]
    #[test_case("2026-12-04", Ok("B. Huidige"); "today")]
    fn the_minister_on_a_day(today: &str, expected: Result<&str, &str>) {
        let r = recipients();
        let found = minister_fact(Some(&r), day(today)).map(|f| f.name);
        assert_eq!(found.as_deref().map_err(String::as_str), expected);
    }

    #[test]
    fn without_recipients_the_shortcode_says_why() {
        assert_eq!(
            minister_fact(None, day("2026-12-04")).unwrap_err(),
            "minister needs the recipients in data/recipients/, which this site does not have"
        );
    }
}
