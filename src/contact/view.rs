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
    /// Where the address is published (editors' list only).
    pub source: Option<String>,
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
    source: Option<String>,
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
        source,
    }
}

/// The `contact` global: `factions` (Kamerleden per faction), `ministers`,
/// `meps`, and when the lists were last updated (`members_updated`,
/// `members_source`, `others_checked`).
pub fn template_value(
    recipients: &Recipients,
    guide: Option<&GuideData>,
    council: Option<&CouncilData>,
    config: &SiteConfig,
    today: NaiveDate,
) -> Value {
    let decision = council.and_then(latest_decision);
    let prefix = config.path_prefix();
    let mut factions: BTreeMap<String, FactionView> = BTreeMap::new();
    for m in &recipients.members {
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
            None,
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
            .filter(|o| o.kind == kind)
            .map(|o| {
                let audience = match kind {
                    Kind::Minister => Audience::Minister(&o.name),
                    Kind::Mep => Audience::Mep(&o.name),
                };
                view(
                    &o.name,
                    o.role.clone(),
                    o.email.as_ref(),
                    compose(audience, decision.as_ref(), None),
                    false,
                    Some(o.source.to_string()),
                )
            })
            .collect()
    };
    Value::from_serialize(serde_json::json!({
        "factions": factions,
        "member_count": recipients.members.len(),
        "ministers": others(Kind::Minister),
        "meps": others(Kind::Mep),
        "members_updated": dutch_day(recipients.members_fetched_at.date_naive()),
        "members_source": recipients.members_source.to_string(),
        "others_checked": dutch_day(recipients.others_checked_on),
    }))
}
