//! `chatcontrole sync members`: the current members of the Tweede Kamer, with
//! faction, party, committee seats and published e-mail address, written to
//! `data/recipients/kamerleden.toml` for the contact page.
//!
//! The file says how it is known with a `synced` provenance (the query for
//! the faction seats and the moment it was fetched), and each member carries
//! the first day of their current faction seat as `start`, so that `check`
//! can tell a current list from an old one.
//!
//! Three flat queries (each followed through its nextLink pages) are joined on
//! the person's id: current faction seats (`FractieZetelPersoon` with
//! `Persoon` and `FractieZetel/Fractie`), current committee seats
//! (`CommissieZetelVastPersoon` with `CommissieZetel/Commissie`) and e-mail
//! addresses (`PersoonContactinformatie`). "Current" means `TotEnMet eq null`.
//! Deleted rows are left out at every level. An address is kept only when
//! it is an [`EmailAddress`] (what the contact page accepts); a member whose
//! address is not is written without one and named in a warning, so synced
//! data cannot make `build` fail. The file is replaced atomically and only
//! when the list changed or was last fetched on an earlier day; when
//! anything fails it stays as it was.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client_args::ClientArgs;
use super::mapping::{Mapping, map_faction};
use super::odata::DEFAULT_API;
use super::sync::previous_file_kept_hint;
use super::tally::SEATS;
use crate::contact::email::{BadEmail, EmailAddress};
use crate::data_file::write_atomically;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::terminal::printable_diagnostics;

/// Arguments of `sync members`.
#[derive(Debug, Clone, Args)]
pub struct SyncMembersArgs {
    /// The site folder.
    #[arg(long, default_value = "site")]
    pub site: PathBuf,
    /// Base URL of the Tweede Kamer's OData API.
    #[arg(long, default_value = DEFAULT_API)]
    pub api: String,
    /// Timeouts, retries and limits.
    #[command(flatten)]
    pub client: ClientArgs,
}

/// `data/recipients/kamerleden.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembersFile {
    /// How the list is known: always `synced` when this command wrote it.
    #[serde(rename = "source")]
    pub provenance: SyncedProvenance,
    /// The members, sorted by name.
    #[serde(default, rename = "member")]
    pub members: Vec<Member>,
}

/// The `[source]` table `sync members` writes: a provenance of kind
/// `synced` (see [`crate::provenance`]) with the real query and moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncedProvenance {
    /// Always "synced".
    pub kind: String,
    /// The query for the faction seats, the list's main source.
    pub api: String,
    /// When the list was fetched (RFC 3339, UTC).
    pub fetched_at: String,
}

/// One member of the Tweede Kamer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The API's id of the person.
    pub id: String,
    /// First name (roepnaam), prefix and surname.
    pub name: String,
    /// The faction as the API writes it (its abbreviation, else its name).
    pub faction: String,
    /// The party id the faction maps to; absent when it maps to none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// Names of the committees the member has a (full) seat in.
    #[serde(default)]
    pub committees: Vec<String>,
    /// Member of the committee for Justitie en Veiligheid.
    pub justice_committee: bool,
    /// Published e-mail address; absent when none is published or the
    /// published one is not an [`EmailAddress`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAddress>,
    /// The first day of the current faction seat (`YYYY-MM-DD`), when the
    /// API gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
}

/// What `sync members` did.
#[derive(Debug, Default)]
pub struct MembersReport {
    /// Members in the file.
    pub members: usize,
    /// True when the file was written, false when unchanged.
    pub written: bool,
    /// Warnings (unmapped factions, unusable addresses).
    pub diagnostics: Diagnostics,
}

impl fmt::Display for MembersReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sync members: {} members, {}",
            self.members,
            if self.written { "written" } else { "unchanged" }
        )
    }
}

/// The three queries, relative to the API base.
pub const SEATS_QUERY: &str = "FractieZetelPersoon?$filter=TotEnMet eq null and Verwijderd eq false&$expand=Persoon,FractieZetel($expand=Fractie)";
/// Current full committee seats.
pub const COMMITTEES_QUERY: &str = "CommissieZetelVastPersoon?$filter=TotEnMet eq null and Verwijderd eq false&$expand=CommissieZetel($expand=Commissie)";
/// Published e-mail addresses.
pub const EMAIL_QUERY: &str =
    "PersoonContactinformatie?$filter=Soort eq 'E-mail' and Verwijderd eq false";

/// `data/recipients/kamerleden.toml` below `site`.
pub fn members_path(site: &Path) -> PathBuf {
    site.join("data").join("recipients").join("kamerleden.toml")
}

/// Runs `sync members`. Any failure leaves the previous file as it was.
/// Every diagnostic comes back printable: the API's text in it (names,
/// factions, addresses) cannot steer the terminal.
pub fn run(args: &SyncMembersArgs) -> Result<MembersReport, Diagnostics> {
    match run_unchecked(args) {
        Ok(mut report) => {
            report.diagnostics = printable_diagnostics(report.diagnostics);
            Ok(report)
        }
        Err(diags) => Err(printable_diagnostics(diags)),
    }
}

fn run_unchecked(args: &SyncMembersArgs) -> Result<MembersReport, Diagnostics> {
    let path = members_path(&args.site);
    let fail = |message: Message| {
        let mut d = Diagnostics::new();
        d.push(
            Diagnostic::error("sync-members-failed", &path, 0, 0, message)
                .with_hint(previous_file_kept_hint()),
        );
        d
    };
    let mut diags = Diagnostics::new();
    let parties =
        crate::guide::load::load_parties(&args.site.join("data").join("parties.toml"), &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    let client = args.client.client(&args.api).map_err(|e| fail(e.message))?;
    let runtime = super::client_args::runtime().map_err(fail)?;
    let source = client.url(SEATS_QUERY);
    let (seats, committees, emails) = runtime
        .block_on(async {
            Ok::<_, super::odata::FetchError>((
                client.get_all(&source).await?,
                client.get_all(&client.url(COMMITTEES_QUERY)).await?,
                client.get_all(&client.url(EMAIL_QUERY)).await?,
            ))
        })
        .map_err(|e| fail(e.message))?;
    let today = chrono::Utc::now().date_naive();
    let Joined {
        mut members,
        unusable,
    } = join(&seats, &committees, &emails).map_err(|e| fail(e.message()))?;
    if members.is_empty() || members.len() > SEATS as usize {
        return Err(fail(msg!(
            "the API gave {} current members; the Kamer has {SEATS} seats",
            "de API gaf {} huidige leden; de Kamer heeft {SEATS} zetels",
            members.len()
        )));
    }
    for m in &mut members {
        m.party = match map_faction(&parties, &m.faction, Some(today)) {
            Mapping::Party(p) => Some(p.id.clone()),
            _ => None,
        };
    }
    let mut unmapped: Vec<&str> = members
        .iter()
        .filter(|m| m.party.is_none())
        .map(|m| m.faction.as_str())
        .collect();
    unmapped.sort_unstable();
    unmapped.dedup();
    for faction in unmapped {
        diags.push(
            Diagnostic::warning(
                "sync-member-faction-unmapped",
                &path,
                0,
                0,
                msg!(
                    "faction `{faction}` of the current members maps to no party",
                    "fractie `{faction}` van de huidige leden is aan geen partij gekoppeld"
                ),
            )
            .with_hint(msg!(
                "add the name to the aliases of its party in data/parties.toml; the members are kept without a party",
                "zet de naam bij de aliassen van de partij in data/parties.toml; de leden blijven zonder partij in het bestand staan"
            )),
        );
    }
    for bad in unusable {
        diags.push(
            Diagnostic::warning(
                "sync-member-email-unusable",
                &path,
                0,
                0,
                {
                    let (name, id, reason) = (&bad.name, &bad.id, bad.error.message());
                    msg!(
                        "the e-mail address of {name} (id {id}) is left out: {reason}",
                        "het e-mailadres van {name} (id {id}) is weggelaten: {reason}";
                        reason
                    )
                },
            )
            .with_hint(msg!(
                "the member is written without an address, so the contact page offers no mailto: link to them until the API publishes a usable one",
                "het lid wordt zonder adres geschreven, dus de contactpagina biedt geen mailto:-link naar dit lid tot de API een bruikbaar adres publiceert"
            )),
        );
    }
    let file = MembersFile {
        provenance: SyncedProvenance {
            kind: "synced".to_string(),
            api: source,
            fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        },
        members,
    };
    let previous = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| toml::from_str::<MembersFile>(&t).ok());
    let count = file.members.len();
    // An unchanged list is left alone, unless its `fetched_at` is from an
    // earlier day: then the new moment is written, so that `check` (which
    // warns about a list fetched longer ago than `[check] max_age_days`)
    // sees that the list was confirmed today.
    let same_day =
        |p: &MembersFile| p.provenance.fetched_at.get(..10) == file.provenance.fetched_at.get(..10);
    if previous.is_some_and(|p| p.members == file.members && same_day(&p)) {
        return Ok(MembersReport {
            members: count,
            written: false,
            diagnostics: diags,
        });
    }
    let text = format!(
        "# Written by `chatcontrole sync members`; do not edit by hand.\n\n{}",
        toml::to_string(&file).map_err(|e| fail(msg!(
            "cannot write the members as TOML: {e}",
            "kan de leden niet als TOML schrijven: {e}"
        )))?
    );
    write_atomically(&path, text.as_bytes()).map_err(|e| {
        let shown = path.display();
        fail(msg!(
            "cannot write {shown}: {e}",
            "kan {shown} niet schrijven: {e}"
        ))
    })?;
    Ok(MembersReport {
        members: count,
        written: true,
        diagnostics: diags,
    })
}

fn deleted(row: &Value) -> bool {
    row.get("Verwijderd").and_then(Value::as_bool) == Some(true)
}

/// Why the API's answers cannot be joined into members.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JoinError {
    /// A field that should be a text (or null) is not.
    #[error("row {} has {field} = {value}, not a text", .id.as_deref().unwrap_or("(no Id)"))]
    NotText {
        /// The row's `Id`, if it has one.
        id: Option<String>,
        /// The field's name.
        field: String,
        /// The value as JSON.
        value: String,
    },
    /// A current seat without a faction; the member's name.
    #[error("the seat of {0} names no faction")]
    NoFaction(String),
}

impl JoinError {
    /// What is wrong, in English and Dutch (the `Display` text is the English).
    pub fn message(&self) -> Message {
        match self {
            JoinError::NotText { id, field, value } => {
                let id = id
                    .clone()
                    .map(Message::verbatim)
                    .unwrap_or_else(|| msg!("(no Id)", "(geen Id)"));
                msg!(
                    "row {id} has {field} = {value}, not a text",
                    "rij {id} heeft {field} = {value}, geen tekst";
                    id
                )
            }
            JoinError::NoFaction(name) => msg!(
                "the seat of {name} names no faction",
                "de zetel van {name} noemt geen fractie"
            ),
        }
    }
}

/// A text field that must be a string or null; anything else is an error naming the row.
fn text(row: &Value, field: &str) -> Result<Option<String>, JoinError> {
    match row.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string()).filter(|s| !s.is_empty())),
        Some(other) => Err(JoinError::NotText {
            id: row.get("Id").and_then(Value::as_str).map(str::to_string),
            field: field.to_string(),
            value: other.to_string(),
        }),
    }
}

fn nested<'a>(row: &'a Value, field: &str) -> Option<&'a Value> {
    row.get(field)
        .filter(|v| v.is_object())
        .filter(|v| !deleted(v))
}

/// An address the API publishes for a current member that is not an
/// [`EmailAddress`]; the member is kept without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnusableAddress {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// Why the address is refused.
    pub error: BadEmail,
}

/// The members from the three answers, and the addresses left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// The members, sorted by name.
    pub members: Vec<Member>,
    /// Addresses of current members that are not usable, in the API's order.
    pub unusable: Vec<UnusableAddress>,
}

/// Joins the three answers into members sorted by name. An address that is
/// not an [`EmailAddress`] is left out and listed in [`Joined::unusable`].
pub fn join(seats: &[Value], committees: &[Value], emails: &[Value]) -> Result<Joined, JoinError> {
    let mut by_person: BTreeMap<String, Member> = BTreeMap::new();
    for seat in seats.iter().filter(|r| !deleted(r)) {
        let Some(person) = nested(seat, "Persoon") else {
            continue;
        };
        let Some(id) = text(person, "Id")?.or(text(seat, "Persoon_Id")?) else {
            continue;
        };
        let first = text(person, "Roepnaam")?.or(text(person, "Voornamen")?);
        let name = [
            first,
            text(person, "Tussenvoegsel")?,
            text(person, "Achternaam")?,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let fractie = nested(seat, "FractieZetel").and_then(|z| nested(z, "Fractie"));
        let faction = match fractie {
            Some(f) => text(f, "Afkorting")?.or(text(f, "NaamNL")?),
            None => None,
        };
        let Some(faction) = faction else {
            return Err(JoinError::NoFaction(name));
        };
        // "2023-12-06T00:00:00+01:00": the day is the first ten characters.
        let start = text(seat, "Van")?
            .filter(|v| {
                v.get(..10)
                    .is_some_and(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok())
            })
            .map(|v| v[..10].to_string());
        by_person.insert(
            id.clone(),
            Member {
                id,
                name,
                faction,
                party: None,
                committees: Vec::new(),
                justice_committee: false,
                email: None,
                start,
            },
        );
    }
    for seat in committees.iter().filter(|r| !deleted(r)) {
        let Some(person) = text(seat, "Persoon_Id")? else {
            continue;
        };
        let Some(member) = by_person.get_mut(&person) else {
            continue;
        };
        let Some(commissie) = nested(seat, "CommissieZetel").and_then(|z| nested(z, "Commissie"))
        else {
            continue;
        };
        let name = text(commissie, "NaamNL")?.or(text(commissie, "Afkorting")?);
        let Some(name) = name else { continue };
        let justice = name.to_lowercase().contains("justitie en veiligheid")
            || text(commissie, "Afkorting")?.as_deref() == Some("J&V");
        member.justice_committee |= justice;
        if !member.committees.contains(&name) {
            member.committees.push(name);
        }
    }
    let mut unusable = Vec::new();
    for row in emails.iter().filter(|r| !deleted(r)) {
        let (Some(person), Some(address)) = (text(row, "Persoon_Id")?, text(row, "Waarde")?) else {
            continue;
        };
        let Some(member) = by_person.get_mut(&person) else {
            continue;
        };
        match address.parse::<EmailAddress>() {
            Ok(address) => {
                member.email.get_or_insert(address);
            }
            Err(error) => unusable.push(UnusableAddress {
                id: person,
                name: member.name.clone(),
                error,
            }),
        }
    }
    let mut members: Vec<Member> = by_person.into_values().collect();
    for m in &mut members {
        m.committees.sort();
    }
    members.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(Joined { members, unusable })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn joins_seats_committees_and_addresses() {
        let seats = vec![
            json!({"Id": "s1", "Persoon_Id": "p1", "Verwijderd": false,
                   "Persoon": {"Id": "p1", "Roepnaam": "Anne", "Tussenvoegsel": "van", "Achternaam": "Dijk", "Verwijderd": false},
                   "FractieZetel": {"Id": "z1", "Verwijderd": false, "Fractie": {"Id": "f1", "Afkorting": "SP", "NaamNL": "Socialistische Partij", "Verwijderd": false}}}),
            json!({"Id": "s2", "Persoon_Id": "p2", "Verwijderd": true, "Persoon": null, "FractieZetel": null}),
        ];
        let committees = vec![json!({"Id": "c1", "Persoon_Id": "p1", "Verwijderd": false,
            "CommissieZetel": {"Id": "cz", "Verwijderd": false, "Commissie": {"Id": "k", "NaamNL": "vaste commissie voor Justitie en Veiligheid", "Afkorting": "J&V", "Verwijderd": false}}})];
        let emails = vec![
            json!({"Id": "e1", "Persoon_Id": "p1", "Soort": "E-mail", "Waarde": "a.vdijk@tweedekamer.nl", "Verwijderd": false}),
        ];
        let members = join(&seats, &committees, &emails).unwrap().members;
        assert_eq!(members.len(), 1);
        let m = &members[0];
        assert_eq!(m.name, "Anne van Dijk");
        assert_eq!(m.faction, "SP");
        assert_eq!(m.start, None, "the seat gives no `Van`");
        assert!(m.justice_committee);
        assert_eq!(
            m.committees,
            ["vaste commissie voor Justitie en Veiligheid"]
        );
        assert_eq!(
            m.email.as_ref().map(EmailAddress::as_str),
            Some("a.vdijk@tweedekamer.nl")
        );
    }

    #[test]
    fn a_name_of_the_wrong_type_is_an_error() {
        let seats = vec![json!({"Id": "s1", "Verwijderd": false,
            "Persoon": {"Id": "p1", "Achternaam": 12, "Verwijderd": false}, "FractieZetel": null})];
        let err = join(&seats, &[], &[]).unwrap_err();
        assert_eq!(err.to_string(), "row p1 has Achternaam = 12, not a text");
        assert_eq!(err.message().nl, "rij p1 heeft Achternaam = 12, geen tekst");
    }

    #[test]
    fn an_unusable_address_is_left_out_and_named() {
        let seats = vec![json!({"Id": "s1", "Verwijderd": false,
            "Persoon": {"Id": "p1", "Roepnaam": "Bo", "Achternaam": "Lid", "Verwijderd": false},
            "FractieZetel": {"Id": "z", "Verwijderd": false, "Fractie": {"Id": "f", "Afkorting": "SP", "Verwijderd": false}}})];
        let emails = vec![
            json!({"Id": "e1", "Persoon_Id": "p1", "Waarde": "bo@x.nl?bcc=y@z.nl", "Verwijderd": false}),
            json!({"Id": "e2", "Persoon_Id": "p2", "Waarde": "not a member", "Verwijderd": false}),
        ];
        let joined = join(&seats, &[], &emails).unwrap();
        assert_eq!(joined.members[0].email, None);
        assert_eq!(
            joined.unusable,
            vec![UnusableAddress {
                id: "p1".into(),
                name: "Bo Lid".into(),
                error: "bo@x.nl?bcc=y@z.nl".parse::<EmailAddress>().unwrap_err(),
            }],
            "only current members' addresses are reported"
        );
    }
}
