//! The template global `contact`: the recipients grouped as the contact page
//! shows them, each with a ready `mailto:` link carrying the default message.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use minijinja::Value;
use serde::Serialize;

use super::email::EmailAddress;
use super::load::{Kind, Recipients};
use super::message::{Audience, Decision, Message, PartyVerdict, compose, greeting, mailto, plain};
use crate::config::SiteConfig;
use crate::content::dates::dutch_day;
use crate::council::model::{Body, CouncilData, MomentResult};
use crate::guide::GuideData;
use crate::guide::votes_file::VoteChoice;
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
    /// Its first line, which names the recipient (the script swaps it when
    /// the visitor picks someone else and keeps the rest of their text).
    pub greeting: String,
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

/// Several people in one message: all members of a faction, the Justice and
/// Security committee, or all MEPs. The `mailto:` link lists every known
/// address, comma separated (RFC 6068); the plain text is the same message
/// for a webmail user to copy.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// What the choice is called ("Alle 3 Kamerleden van SP").
    pub label: String,
    /// How many people the group has.
    pub count: usize,
    /// The known addresses, comma separated.
    pub addresses: String,
    /// The names of members without a known address.
    pub missing: Vec<String>,
    /// The prepared subject.
    pub subject: String,
    /// The prepared body.
    pub body: String,
    /// Its first line.
    pub greeting: String,
    /// `mailto:` link to every known address with subject and body.
    pub mailto: String,
    /// Addresses, subject and body as plain text.
    pub plain: String,
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
    /// The year of the guide's election that gave the verdict.
    pub verdict_year: Option<i32>,
    /// The guide's verdict level id (for the CSS tone), when known.
    pub tone: Option<String>,
    /// The party page in the guide.
    pub party_url: Option<String>,
    /// Members, by name.
    pub members: Vec<RecipientView>,
    /// How many of them sit on the Justice and Security committee.
    pub justice_count: usize,
    /// One message to all members (filled in once the members are known).
    pub all: Option<GroupView>,
}

/// Who took a Council decision, in words a voter knows: no "Coreper".
pub fn body_in_words(body: Body) -> &'static str {
    match body {
        Body::Coreper => "het overleg van de ambassadeurs van de lidstaten in Brussel",
        Body::JhaCouncil => {
            "de vergadering van de Europese ministers van Justitie en Binnenlandse Zaken"
        }
    }
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
            body: body_in_words(m.body).to_string(),
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
            year: election.date.year(),
            past: election.date < today,
            url: config.absolute_url(&format!("{}{}/", election.path, party)),
        },
        tone,
    ))
}

/// What the party did in the current Kamer, from `kamer.toml`: the motions
/// it moved and its votes where a source gives them, one sentence each.
pub fn party_record(kamer: &Kamer, party: &str, name: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for m in &kamer.motions {
        let result = if m.adopted { "aangenomen" } else { "verworpen" };
        let day = dutch_day(m.voted_on);
        if m.mover_party == party {
            lines.push(format!(
                "In de huidige Kamer diende {name} de {} over chatcontrole in; die werd op {day} {result}.",
                m.name
            ));
        } else if let Some((_, vote)) = m.votes.iter().find(|(p, _)| p == party) {
            match vote {
                VoteChoice::For | VoteChoice::Against => lines.push(format!(
                    "Over de {} over chatcontrole stemde {name} op {day} {}; de motie werd {result}.",
                    m.name,
                    vote.dutch()
                )),
                VoteChoice::Absent => {}
            }
        }
    }
    lines
}

fn view(
    name: &str,
    role: String,
    email: Option<&EmailAddress>,
    audience: Audience<'_>,
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
        greeting: greeting(audience),
        subject: message.subject,
        body: message.body,
        provenance: None,
        since: None,
        checked: None,
        email_from_pattern: false,
    }
}

/// One message to several people; `people` are names with their address,
/// if known.
fn group(
    label: String,
    people: &[(&str, Option<&EmailAddress>)],
    audience: Audience<'_>,
    message: Message,
) -> GroupView {
    let to: Vec<&EmailAddress> = people.iter().filter_map(|(_, e)| *e).collect();
    GroupView {
        label,
        count: people.len(),
        addresses: to.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(","),
        missing: people
            .iter()
            .filter(|(_, e)| e.is_none())
            .map(|(n, _)| n.to_string())
            .collect(),
        mailto: mailto(&to, &message),
        plain: plain(&to, &message),
        greeting: greeting(audience),
        subject: message.subject,
        body: message.body,
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

/// A name with its address, if known.
type Person = (String, Option<EmailAddress>);

/// "1 Kamerlid" or "3 Kamerleden", as a choice's label counts them.
fn kamerleden(n: usize) -> String {
    if n == 1 {
        "1 Kamerlid".to_string()
    } else {
        format!("{n} Kamerleden")
    }
}

/// The `contact` global: `factions` (the current Kamerleden per faction,
/// each with `all`, one message to every member), `committee` (one message
/// to the Justice and Security committee, only when the list marks its
/// members: `justice_marked`), `ministers`, `meps` and `meps_all` in their
/// role on `today`, how the list of Kamerleden is known
/// (`members_provenance`, `members_synced`) and how complete it is
/// (`member_count` of `seats`, `missing_factions` of the Kamer elected on
/// `kamer_elected`).
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
    // Per faction: the message to all, prepared with the first member's party.
    let mut faction_messages: BTreeMap<String, (Message, Vec<Person>)> = BTreeMap::new();
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
        let record = match (m.party.as_deref(), kamer) {
            (Some(p), Some(k)) => party_record(k, p, &m.faction),
            _ => Vec::new(),
        };
        let key = m.faction.to_lowercase();
        let faction = factions.entry(key.clone()).or_insert_with(|| FactionView {
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
            verdict_year: verdict.as_ref().map(|(v, _)| v.year),
            tone: verdict.as_ref().map(|(_, t)| t.clone()),
            party_url: verdict.as_ref().and_then(|(v, _)| {
                v.url
                    .strip_prefix(config.base_url.as_str().trim_end_matches('/'))
                    .map(|path| format!("{prefix}{path}"))
            }),
            members: Vec::new(),
            justice_count: 0,
            all: None,
        });
        let entry = faction_messages.entry(key).or_insert_with(|| {
            (
                compose(
                    Audience::Faction(&m.faction),
                    decision.as_ref(),
                    verdict.as_ref().map(|(v, _)| v),
                    &record,
                ),
                Vec::new(),
            )
        });
        entry.1.push((m.name.clone(), m.email.clone()));
        let audience = Audience::Kamerlid(&m.name);
        let message = compose(
            audience,
            decision.as_ref(),
            verdict.as_ref().map(|(v, _)| v),
            &record,
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
            audience,
            message,
            m.justice_committee,
        ));
    }
    let complete = members.len() >= SEATS as usize;
    for (key, (message, mut people)) in faction_messages {
        if people.len() < 2 {
            // One member: the message to them is the message to all.
            continue;
        }
        people.sort();
        let f = factions
            .get_mut(&key)
            .expect("every message has its faction");
        let people: Vec<(&str, Option<&EmailAddress>)> = people
            .iter()
            .map(|(n, e)| (n.as_str(), e.as_ref()))
            .collect();
        // An incomplete list must not claim the whole faction.
        let scope = if complete { "" } else { " in onze lijst" };
        f.all = Some(group(
            format!("Alle {} van {}{scope}", kamerleden(people.len()), f.name),
            &people,
            Audience::Faction(&f.name),
            message,
        ));
    }
    let mut factions: Vec<FactionView> = factions.into_values().collect();
    for f in &mut factions {
        f.members.sort_by(|a, b| a.name.cmp(&b.name));
    }
    let committee = {
        let mut people: Vec<(&str, Option<&EmailAddress>)> = members
            .iter()
            .filter(|m| m.justice_committee)
            .map(|m| (m.name.as_str(), m.email.as_ref()))
            .collect();
        people.sort();
        (!people.is_empty()).then(|| {
            group(
                format!(
                    "Commissie Justitie en Veiligheid ({} in onze lijst)",
                    kamerleden(people.len())
                ),
                &people,
                Audience::Committee,
                compose(Audience::Committee, decision.as_ref(), None, &[]),
            )
        })
    };
    let current = |kind: Kind| {
        recipients
            .others
            .iter()
            .filter(move |o| o.kind == kind && o.period.holds_on(today))
    };
    let others = |kind: Kind| -> Vec<RecipientView> {
        current(kind)
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
                        audience,
                        compose(audience, decision.as_ref(), None, &[]),
                        false,
                    )
                }
            })
            .collect()
    };
    let meps_all = {
        let people: Vec<(&str, Option<&EmailAddress>)> = current(Kind::Mep)
            .map(|o| (o.name.as_str(), o.email.as_ref()))
            .collect();
        (people.len() > 1).then(|| {
            group(
                format!("Alle {} Europarlementariërs in onze lijst", people.len()),
                &people,
                Audience::Meps,
                compose(Audience::Meps, decision.as_ref(), None, &[]),
            )
        })
    };
    let missing = kamer
        .map(|k| missing_factions(recipients, k, guide, today))
        .unwrap_or_default();
    Value::from_serialize(serde_json::json!({
        "factions": factions,
        "committee": committee,
        "member_count": members.len(),
        "seats": SEATS,
        "complete": complete,
        "justice_marked": members.iter().any(|m| m.justice_committee),
        "missing_factions": missing,
        "kamer_elected": kamer.map(|k| dutch_day(k.elected_on)),
        "ministers": others(Kind::Minister),
        "meps": others(Kind::Mep),
        "meps_all": meps_all,
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
    use crate::contact::load::{Dated, Member, Other, Period, Place};
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

    fn member(name: &str, faction: &str, email: Option<&str>, justice: bool) -> Member {
        Member {
            id: name.to_string(),
            name: name.to_string(),
            faction: faction.to_string(),
            party: None,
            committees: Vec::new(),
            justice_committee: justice,
            email: email.map(|e| e.parse().unwrap()),
            period: Period::default(),
        }
    }

    fn built(members: Vec<Member>) -> serde_json::Value {
        let mut r = recipients();
        r.members = members;
        let config = SiteConfig::parse(
            std::path::Path::new("site.toml"),
            "title='T'\nbase_url='https://e.org/'\n",
        )
        .unwrap();
        let value = template_value(&r, None, None, None, &config, day("2026-12-04"));
        serde_json::to_value(&value).unwrap()
    }

    #[test]
    fn a_faction_of_several_gets_one_message_with_every_known_address() {
        let v = built(vec![
            member("C. Derde", "SP", None, false),
            member("A. Eerste", "SP", Some("a.eerste@tweedekamer.nl"), true),
            member("B. Tweede", "SP", Some("b.tweede@tweedekamer.nl"), false),
            member("D. Alleen", "Volt", Some("d.alleen@tweedekamer.nl"), false),
        ]);
        let factions = v["factions"].as_array().unwrap();
        let sp = factions.iter().find(|f| f["name"] == "SP").unwrap();
        let all = &sp["all"];
        assert_eq!(all["label"], "Alle 3 Kamerleden van SP in onze lijst");
        assert_eq!(
            all["addresses"],
            "a.eerste@tweedekamer.nl,b.tweede@tweedekamer.nl"
        );
        assert_eq!(all["missing"], serde_json::json!(["C. Derde"]));
        assert_eq!(all["greeting"], "Beste leden van de fractie van SP,");
        assert!(
            all["mailto"]
                .as_str()
                .unwrap()
                .starts_with("mailto:a.eerste@tweedekamer.nl,b.tweede@tweedekamer.nl?subject="),
            "{all}"
        );
        assert!(
            all["plain"]
                .as_str()
                .unwrap()
                .starts_with("Aan: a.eerste@tweedekamer.nl, b.tweede@tweedekamer.nl\n"),
            "{all}"
        );
        let volt = factions.iter().find(|f| f["name"] == "Volt").unwrap();
        assert!(volt["all"].is_null(), "one member needs no group: {volt}");
        // The committee: only the marked member.
        assert_eq!(
            v["committee"]["label"],
            "Commissie Justitie en Veiligheid (1 Kamerlid in onze lijst)"
        );
        assert_eq!(v["committee"]["addresses"], "a.eerste@tweedekamer.nl");
        assert_eq!(v["justice_marked"], true);
    }

    #[test]
    fn only_a_complete_list_speaks_of_the_whole_faction() {
        let members = (0..150)
            .map(|n| member(&format!("Lid {n:03}"), "SP", None, false))
            .collect();
        let v = built(members);
        assert_eq!(v["complete"], true);
        assert_eq!(
            v["factions"][0]["all"]["label"],
            "Alle 150 Kamerleden van SP"
        );
    }

    #[test]
    fn without_marked_members_there_is_no_committee_choice() {
        let v = built(vec![
            member("A. Eerste", "SP", Some("a.eerste@tweedekamer.nl"), false),
            member("B. Tweede", "SP", None, false),
        ]);
        assert!(v["committee"].is_null());
        assert_eq!(v["justice_marked"], false);
    }

    fn kamer(mover: &str, votes: Vec<(String, VoteChoice)>) -> Kamer {
        Kamer {
            elected_on: day("2025-10-29"),
            installed_on: day("2025-11-12"),
            seats: Vec::new(),
            seats_source: Provenance::Editor {
                note: "x".into(),
                checked_on: day("2026-12-01"),
            },
            motions: vec![crate::kamer::model::Motion {
                name: "motie-X".into(),
                about: "Over chatcontrole.".into(),
                mover_party: mover.into(),
                voted_on: day("2025-11-25"),
                adopted: true,
                protects: true,
                votes,
                source: Provenance::Editor {
                    note: "x".into(),
                    checked_on: day("2026-12-01"),
                },
            }],
        }
    }

    #[test_case("sp", vec![], Some("In de huidige Kamer diende SP de motie-X over chatcontrole in; die werd op 25 november 2025 aangenomen."); "the party moved it")]
    #[test_case("pvv", vec![("sp".into(), VoteChoice::Against)], Some("Over de motie-X over chatcontrole stemde SP op 25 november 2025 tegen; de motie werd aangenomen."); "a vote a source gives")]
    #[test_case("pvv", vec![("sp".into(), VoteChoice::Absent)], None; "absent says nothing")]
    #[test_case("pvv", vec![], None; "no source, no vote")]
    fn the_party_record_says_only_what_the_data_knows(
        mover: &str,
        votes: Vec<(String, VoteChoice)>,
        expected: Option<&str>,
    ) {
        let lines = party_record(&kamer(mover, votes), "sp", "SP");
        assert_eq!(lines.first().map(String::as_str), expected);
        assert!(lines.len() <= 1);
    }

    #[test]
    fn the_council_body_is_named_without_jargon() {
        assert!(!body_in_words(Body::Coreper).contains("Coreper"));
        assert!(!body_in_words(Body::JhaCouncil).contains("JBZ"));
    }

    #[test]
    fn without_recipients_the_shortcode_says_why() {
        assert_eq!(
            minister_fact(None, day("2026-12-04")).unwrap_err(),
            "minister needs the recipients in data/recipients/, which this site does not have"
        );
    }
}
