//! The template global `contact`: the recipients grouped as the contact page
//! shows them, each with a ready `mailto:` link carrying the default message,
//! in the words of one language ([`template_value_in`]).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use minijinja::Value;
use serde::Serialize;

use super::email::EmailAddress;
use super::load::{Kind, Recipients};
use super::message::{Audience, Decision, Message, PartyVerdict, compose, greeting, mailto, plain};
use crate::config::SiteConfig;
use crate::council::model::{Body, CouncilData, MomentResult};
use crate::guide::GuideData;
use crate::guide::localized::{DATA_LANGUAGE, is_data_language, pick};
use crate::guide::votes_file::VoteChoice;
use crate::kamer::Kamer;
use crate::locale::Locale;
use crate::parliament::tally::SEATS;
use crate::provenance::Wording;

/// One person to write to.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientView {
    /// Full name.
    pub name: String,
    /// Role or faction shown under the name.
    pub role: String,
    /// `Some("nl")` when the role is the editors' Dutch on a page in another language.
    pub role_lang: Option<&'static str>,
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
    /// The first day in the role, in words (editors' list only).
    pub since: Option<String>,
    /// The day an editor last checked the recipient, in words (editors' list only).
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
    /// `Some("nl")` when that label is Dutch on a page in another language.
    pub verdict_lang: Option<&'static str>,
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
pub fn body_in_words(locale: &Locale, body: Body) -> String {
    locale.t(match body {
        Body::Coreper => "contact_body_coreper",
        Body::JhaCouncil => "contact_body_jha",
    })
}

/// The latest decision the Council took: the last moment with a result of
/// "agreed", in the words of `locale`. Its summary is the editors' Dutch,
/// so only a Dutch message repeats it.
pub fn latest_decision(locale: &Locale, council: &CouncilData) -> Option<Decision> {
    council
        .moments
        .iter()
        .rev()
        .find(|m| m.result == MomentResult::Agreed)
        .map(|m| Decision {
            date: if m.date.day_known {
                locale.date(m.date.effective)
            } else {
                locale.month(m.date.effective)
            },
            body: body_in_words(locale, m.body),
            summary: is_data_language(locale).then(|| m.summary.clone()),
        })
}

/// The guide's latest election's verdict for `party`, in the words of `locale`.
fn verdict_of(
    locale: &Locale,
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
    let english = level.english.as_ref();
    let label = pick(locale, &level.label, english.map(|e| e.label.as_str()));
    Some((
        PartyVerdict {
            party: entry.display_name(guide).to_string(),
            label: label.text,
            label_lang: label.lang,
            meaning: pick(locale, &level.meaning, english.map(|e| e.meaning.as_str())).text,
            year: election.date.year(),
            past: election.date < today,
            url: config.absolute_url(&format!("{}{}/", election.path, party)),
        },
        tone,
    ))
}

/// What the party did in the current Kamer, from `kamer.toml`: the motions
/// it moved and its votes where a source gives them, one sentence each, in
/// the words of `locale`. The motion's name ("motie-Kathmann") is Dutch, so
/// a message in another language says "a motion" instead.
pub fn party_record(locale: &Locale, kamer: &Kamer, party: &str, name: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for m in &kamer.motions {
        let result = locale.t(if m.adopted {
            "guide_outcome_adopted"
        } else {
            "guide_outcome_rejected"
        });
        let day = locale.date(m.voted_on);
        let args = [
            ("party", name),
            ("motion", m.name.as_str()),
            ("date", day.as_str()),
            ("result", result.as_str()),
        ];
        if m.mover_party == party {
            lines.push(locale.tf("contact_record_moved", &args));
        } else if let Some((_, vote)) = m.votes.iter().find(|(p, _)| p == party) {
            match vote {
                VoteChoice::For | VoteChoice::Against => {
                    let vote = vote.word(locale);
                    let mut args = args.to_vec();
                    args.push(("vote", vote.as_str()));
                    lines.push(locale.tf("contact_record_voted", &args));
                }
                VoteChoice::Absent => {}
            }
        }
    }
    lines
}

fn view(
    locale: &Locale,
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
        role_lang: None,
        email: email.map(|e| e.to_string()).unwrap_or_default(),
        justice_committee,
        mailto: mailto(&to, &message),
        greeting: greeting(locale, audience),
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
    locale: &Locale,
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
        plain: plain(locale, &to, &message),
        greeting: greeting(locale, audience),
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
fn kamerleden(locale: &Locale, n: usize) -> String {
    locale.tn("contact_members", n as i64)
}

/// The `contact` global: `factions` (the current Kamerleden per faction,
/// each with `all`, one message to every member), `committee` (one message
/// to the Justice and Security committee, only when the list marks its
/// members: `justice_marked`), `ministers`, `meps` and `meps_all` in their
/// role on `today`, how the list of Kamerleden is known
/// (`members_provenance`, `members_synced`) and how complete it is
/// (`member_count` of `seats`, `missing_factions` of the Kamer elected on
/// `kamer_elected`), all in the words of `locale`: labels, dates, roles
/// (their `role_en` on an English page) and the prepared messages.
pub fn template_value_in(
    locale: &Locale,
    recipients: &Recipients,
    guide: Option<&GuideData>,
    council: Option<&CouncilData>,
    kamer: Option<&Kamer>,
    config: &SiteConfig,
    today: NaiveDate,
) -> Value {
    let l = locale;
    let decision = council.and_then(|c| latest_decision(l, c));
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
            .and_then(|(p, g)| verdict_of(l, g, config, today, p));
        let record = match (m.party.as_deref(), kamer) {
            (Some(p), Some(k)) => party_record(l, k, p, &m.faction),
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
            verdict_lang: verdict.as_ref().and_then(|(v, _)| v.label_lang),
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
                    l,
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
            l,
            audience,
            decision.as_ref(),
            verdict.as_ref().map(|(v, _)| v),
            &record,
        );
        let role = if m.justice_committee {
            l.tf("contact_role_justice", &[("faction", &m.faction)])
        } else {
            m.faction.clone()
        };
        faction.justice_count += usize::from(m.justice_committee);
        faction.members.push(view(
            l,
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
        let key = if complete {
            "contact_group_faction"
        } else {
            "contact_group_faction_listed"
        };
        let members = kamerleden(l, people.len());
        f.all = Some(group(
            l,
            l.tf(key, &[("members", &members), ("faction", &f.name)]),
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
                l,
                l.tf(
                    "contact_group_committee",
                    &[("members", &kamerleden(l, people.len()))],
                ),
                &people,
                Audience::Committee,
                compose(l, Audience::Committee, decision.as_ref(), None, &[]),
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
                let role = pick(l, &o.role, o.role_en.as_deref());
                RecipientView {
                    provenance: Some(o.provenance.wording_in(l)),
                    since: o.period.start.as_ref().map(|s| l.date(s.day)),
                    checked: Some(l.date(o.checked_on.day)),
                    email_from_pattern: o.email_from_pattern,
                    role_lang: role.lang,
                    ..view(
                        l,
                        &o.name,
                        role.text,
                        o.email.as_ref(),
                        audience,
                        compose(l, audience, decision.as_ref(), None, &[]),
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
                l,
                l.tn("contact_group_meps", people.len() as i64),
                &people,
                Audience::Meps,
                compose(l, Audience::Meps, decision.as_ref(), None, &[]),
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
        "kamer_elected": kamer.map(|k| l.date(k.elected_on)),
        "ministers": others(Kind::Minister),
        "meps": others(Kind::Mep),
        "meps_all": meps_all,
        "members_synced": matches!(recipients.members_provenance, crate::provenance::Provenance::Synced { .. }),
        "members_provenance": recipients.members_provenance.wording_in(l),
    }))
}

/// What the `minister` shortcode shows: the minister responsible in the
/// Council on the build date, from `editors.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct MinisterFact {
    /// Full name.
    pub name: String,
    /// The role as the data words it (`role_en` on an English page).
    pub role: String,
    /// The first day in the role, in words.
    pub since: Option<String>,
}

/// The minister responsible in the Council on `today`, in the words of
/// `locale`, or why there is none. The reason is for the editors, in
/// English like every diagnostic.
pub fn minister_fact_in(
    locale: &Locale,
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
            // The editors' date, as in every recipients diagnostic: Dutch.
            Locale::builtin(DATA_LANGUAGE).date(today)
        )
    })?;
    Ok(MinisterFact {
        name: minister.name.clone(),
        role: pick(locale, &minister.role, minister.role_en.as_deref()).text,
        since: minister.period.start.as_ref().map(|s| locale.date(s.day)),
    })
}

/// The template function behind the `minister` shortcode: the minister in
/// their role on the build date; a site without one is an error the page's
/// diagnostic names. When the recipient files have errors of their own
/// (`broken`), those already fail the build and say what to fix, so the
/// shortcode renders a placeholder instead of repeating them on every page.
/// Everything is in the words of `locale`.
pub fn minister_function_in(
    locale: &Locale,
    recipients: Option<&Recipients>,
    broken: bool,
    today: NaiveDate,
) -> Value {
    let fact = if broken && recipients.is_none() {
        Ok(MinisterFact {
            name: locale.t("contact_minister_unknown_name"),
            role: locale.t("contact_minister_unknown_role"),
            since: None,
        })
    } else {
        minister_fact_in(locale, recipients, today)
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
            role_en: Some("Minister of Justice and Security".to_string()),
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
        let found = minister_fact_in(&Locale::builtin("nl"), Some(&r), day(today)).map(|f| f.name);
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

    fn built_in(locale: &Locale, members: Vec<Member>) -> serde_json::Value {
        let mut r = recipients();
        r.members = members;
        let config = SiteConfig::parse(
            std::path::Path::new("site.toml"),
            "title='T'\nbase_url='https://e.org/'\n",
        )
        .unwrap();
        let value = template_value_in(locale, &r, None, None, None, &config, day("2026-12-04"));
        serde_json::to_value(&value).unwrap()
    }

    fn built(members: Vec<Member>) -> serde_json::Value {
        built_in(&Locale::builtin("nl"), members)
    }

    #[test]
    fn in_english_the_labels_roles_and_dates_are_english() {
        let v = built_in(
            &Locale::builtin("en"),
            vec![
                member("A. Eerste", "SP", Some("a.eerste@tweedekamer.nl"), true),
                member("B. Tweede", "SP", None, false),
            ],
        );
        let sp = &v["factions"][0];
        assert_eq!(sp["all"]["label"], "All 2 MPs of SP in our list");
        assert_eq!(
            sp["all"]["greeting"],
            "Dear members of the SP parliamentary group,"
        );
        assert_eq!(
            sp["members"][0]["role"],
            "SP, Justice and Security committee"
        );
        assert_eq!(
            v["committee"]["label"],
            "The Justice and Security committee (1 MP in our list)"
        );
        let minister = &v["ministers"][0];
        assert_eq!(minister["role"], "Minister of Justice and Security");
        assert!(minister["role_lang"].is_null());
        assert_eq!(minister["since"], "23 February 2026");
        assert_eq!(minister["checked"], "1 December 2026");
        assert_eq!(
            v["members_provenance"]["before"],
            "established by the editors: "
        );
        assert_eq!(v["members_provenance"]["lang"], "nl");
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

    #[test_case("nl", "sp", vec![], Some("In de huidige Kamer diende SP de motie-X over chatcontrole in; die werd op 25 november 2025 aangenomen."); "the party moved it")]
    #[test_case("nl", "pvv", vec![("sp".into(), VoteChoice::Against)], Some("Over de motie-X over chatcontrole stemde SP op 25 november 2025 tegen; de motie werd aangenomen."); "a vote a source gives")]
    #[test_case("nl", "pvv", vec![("sp".into(), VoteChoice::Absent)], None; "absent says nothing")]
    #[test_case("nl", "pvv", vec![], None; "no source, no vote")]
    #[test_case("en", "sp", vec![], Some("In the current Tweede Kamer, SP moved a motion on chat control; it was adopted on 25 November 2025."); "English, the party moved it")]
    #[test_case("en", "pvv", vec![("sp".into(), VoteChoice::Against)], Some("On 25 November 2025, SP voted against a motion on chat control; the motion was adopted."); "English, a vote a source gives")]
    fn the_party_record_says_only_what_the_data_knows(
        lang: &str,
        mover: &str,
        votes: Vec<(String, VoteChoice)>,
        expected: Option<&str>,
    ) {
        let lines = party_record(&Locale::builtin(lang), &kamer(mover, votes), "sp", "SP");
        assert_eq!(lines.first().map(String::as_str), expected);
        assert!(lines.len() <= 1);
    }

    #[test]
    fn the_council_body_is_named_without_jargon() {
        for lang in ["nl", "en"] {
            let l = Locale::builtin(lang);
            assert!(!body_in_words(&l, Body::Coreper).contains("Coreper"));
            assert!(!body_in_words(&l, Body::JhaCouncil).contains("JBZ"));
            assert!(!body_in_words(&l, Body::JhaCouncil).contains("JHA"));
        }
    }

    #[test]
    fn without_recipients_the_shortcode_says_why() {
        assert_eq!(
            minister_fact_in(&Locale::builtin("nl"), None, day("2026-12-04")).unwrap_err(),
            "minister needs the recipients in data/recipients/, which this site does not have"
        );
    }
}
