//! Reads the recipients of the contact tool from `site/data/recipients/`:
//! `kamerleden.toml`, written by `chatcontrole sync members` from the Tweede
//! Kamer's open data (or, in the example, by hand), and `editors.toml`, kept
//! by hand (the responsible minister and the Dutch members of the European
//! Parliament).
//!
//! Every recipient says how we know it (a [`Provenance`], parsed by
//! [`RawProvenance::parse`]) and holds a role for a period, so that `check`
//! can refuse a page that addresses someone whose role has ended and warn
//! when a list has not been checked for too long (see [`super::check`]).
//!
//! `editors.toml`:
//!
//! ```toml
//! [[recipient]]
//! kind = "mep"                     # "minister" or "mep"
//! name = "Voornaam Achternaam"
//! role = "Europarlementariër"      # shown under the name
//! start = 2024-07-16               # first day in the role
//! end = 2029-07-15                 # optional: the day the role ended
//! checked_on = 2026-12-01          # the day an editor last checked it
//! party = "volt"                   # optional: a party id from parties.toml
//! email = "naam@europarl.europa.eu"  # optional
//! email_from_pattern = true        # optional: the address was built, not read
//! [recipient.source]               # where name and role are published
//! kind = "press"
//! …
//! ```
//!
//! `kamerleden.toml` has one `[source]` table for the whole list and
//! `[[member]]` rows (`id`, `name`, `faction`, optional `party`,
//! `committees`, `justice_committee`, `email`, `start`, `end`).
//!
//! A site without the folder has no contact tool data; every mistake in the
//! files is reported with its line, all at once.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::email::EmailAddress;
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Message, line_col};
use crate::msg;
use crate::provenance::{DateText, Provenance, RawProvenance};

/// The folder under `site/data` with the recipient files.
pub const DIR: &str = "recipients";

/// What kind of recipient an editor listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The minister responsible in the Council (Justice and Security).
    Minister,
    /// A Dutch member of the European Parliament.
    Mep,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        match text {
            "minister" => Some(Kind::Minister),
            "mep" => Some(Kind::Mep),
            _ => None,
        }
    }
}

/// Where a value was written, for diagnostics found after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The data file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl Place {
    fn of<T, S>(file: &Parsed<T>, at: &Spanned<S>) -> Place {
        let (line, column) = line_col(&file.text, at.span().start);
        Place {
            file: file.path.clone(),
            line,
            column,
        }
    }

    /// An error with `code` at this place.
    pub fn error(&self, code: Code, message: Message) -> Diagnostic {
        Diagnostic::error(code, &self.file, self.line, self.column, message)
    }

    /// A warning with `code` at this place.
    pub fn warning(&self, code: Code, message: Message) -> Diagnostic {
        Diagnostic::warning(code, &self.file, self.line, self.column, message)
    }
}

/// A day with the place it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The day.
    pub day: NaiveDate,
    /// Where it was written.
    pub at: Place,
}

/// The period of a role: from `start` (the first day) until `end` (the
/// day the role ended, e.g. the day a successor took over), both optional
/// for members of the Tweede Kamer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    /// The first day in the role.
    pub start: Option<Dated>,
    /// The day the role ended; from this day on it is not held.
    pub end: Option<Dated>,
}

impl Period {
    /// True when the role is held on `day`: started on or before it and
    /// not yet ended.
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.start.as_ref().is_none_or(|s| s.day <= day)
            && self.end.as_ref().is_none_or(|e| day < e.day)
    }
}

/// A member of the Tweede Kamer.
#[derive(Debug, Clone)]
pub struct Member {
    /// Id in the Tweede Kamer's open data.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Faction name as the Tweede Kamer writes it.
    pub faction: String,
    /// Party id of the voting guide, when known.
    pub party: Option<String>,
    /// Committees the member sits on.
    pub committees: Vec<String>,
    /// Member of the committee for Justice and Security.
    pub justice_committee: bool,
    /// E-mail address, when the source publishes one.
    pub email: Option<EmailAddress>,
    /// The seat's period, when known.
    pub period: Period,
}

/// A recipient kept by the editors.
#[derive(Debug, Clone)]
pub struct Other {
    /// Minister or MEP.
    pub kind: Kind,
    /// Full name.
    pub name: String,
    /// Role shown under the name.
    pub role: String,
    /// The role in English (`role_en`), for English pages.
    pub role_en: Option<String>,
    /// When the role began and, if known, ended.
    pub period: Period,
    /// The day an editor last checked name and role against the source.
    pub checked_on: Dated,
    /// Party id of the voting guide, when given.
    pub party: Option<String>,
    /// E-mail address; None when the source publishes none (ministers
    /// take mail through their ministry), so the visitor fills it in.
    pub email: Option<EmailAddress>,
    /// True when the address was built from a pattern, not read on a page.
    pub email_from_pattern: bool,
    /// Where name and role come from.
    pub provenance: Provenance,
}

/// Everyone the contact tool offers.
#[derive(Debug, Clone)]
pub struct Recipients {
    /// Members of the Tweede Kamer.
    pub members: Vec<Member>,
    /// How the list of members is known: synced by `sync members`, or
    /// written by an editor.
    pub members_provenance: Provenance,
    /// Where that provenance was written.
    pub members_provenance_at: Place,
    /// Minister and MEPs.
    pub others: Vec<Other>,
}

impl Recipients {
    /// The minister responsible in the Council on `day`, if the data has one.
    pub fn minister_on(&self, day: NaiveDate) -> Option<&Other> {
        self.others
            .iter()
            .find(|o| o.kind == Kind::Minister && o.period.holds_on(day))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembersFile {
    #[serde(rename = "source")]
    provenance: RawProvenance,
    #[serde(default)]
    member: Vec<MemberRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberRow {
    id: String,
    name: String,
    faction: String,
    party: Option<Spanned<String>>,
    #[serde(default)]
    committees: Vec<String>,
    #[serde(default)]
    justice_committee: bool,
    email: Option<Spanned<String>>,
    start: Option<Spanned<DateText>>,
    end: Option<Spanned<DateText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditorsFile {
    #[serde(default)]
    recipient: Vec<EditorRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditorRow {
    kind: Spanned<String>,
    name: String,
    role: String,
    role_en: Option<Spanned<String>>,
    start: Option<Spanned<DateText>>,
    end: Option<Spanned<DateText>>,
    checked_on: Option<Spanned<DateText>>,
    party: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    #[serde(default)]
    email_from_pattern: bool,
    #[serde(rename = "source")]
    provenance: RawProvenance,
}

/// Reads `site_root/data/recipients/`. `None` when the site has no such
/// folder, or when a file has errors (they go to `diags`). `party_known`
/// says whether a party id exists; unknown ones are reported.
pub fn load(
    site_root: &Path,
    party_known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<Recipients> {
    let dir = site_root.join("data").join(DIR);
    if !dir.is_dir() {
        return None;
    }
    let errors_before = diags.error_count();
    let members = read_toml::<MembersFile>(
        &dir.join("kamerleden.toml"),
        msg!(
            "run `chatcontrole sync members` to fetch the members of the Tweede Kamer",
            "haal de leden van de Tweede Kamer op met `chatcontrole sync members`"
        ),
        diags,
    );
    let editors = read_toml::<EditorsFile>(
        &dir.join("editors.toml"),
        msg!(
            "create editors.toml with the minister and the MEPs; see docs/data-schema.md, \"Recipients\"",
            "maak editors.toml met de minister en de Europarlementariërs; zie docs/data-schema.md, \"Recipients\""
        ),
        diags,
    );
    let members = members.and_then(|file| read_members(&file, party_known, diags));
    let others = editors.map(|file| read_others(&file, party_known, diags));
    let (Some((members, provenance, at)), Some(others)) = (members, others) else {
        return None;
    };
    (diags.error_count() == errors_before).then_some(Recipients {
        members,
        members_provenance: provenance,
        members_provenance_at: at,
        others,
    })
}

/// The hint for a wrong address in `editors.toml`.
fn editor_email_hint() -> Message {
    msg!(
        "copy the address from the page that publishes it, e.g. `naam@tweedekamer.nl`",
        "kopieer het adres van de pagina die het publiceert, bijvoorbeeld `naam@tweedekamer.nl`"
    )
}

/// The hint for a wrong address in `kamerleden.toml`, which `sync members` writes.
fn synced_email_hint() -> Message {
    msg!(
        "run `chatcontrole sync members` again: it leaves out an address that cannot be used (or remove the `email` line)",
        "draai `chatcontrole sync members` opnieuw: die laat een onbruikbaar adres weg (of haal de regel met `email` weg)"
    )
}

fn email<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    hint: fn() -> Message,
    diags: &mut Diagnostics,
) -> Option<EmailAddress> {
    match at.get_ref().parse::<EmailAddress>() {
        Ok(e) => Some(e),
        Err(error) => {
            diags.push(
                file.error("recipient-email-invalid", at, error.message())
                    .with_hint(hint()),
            );
            None
        }
    }
}

fn party<T>(
    file: &Parsed<T>,
    at: &Option<Spanned<String>>,
    party_known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<String> {
    let at = at.as_ref()?;
    if !party_known(at.get_ref()) {
        let id = at.get_ref();
        diags.push(
            file.warning(
                "recipient-party-unknown",
                at,
                msg!(
                    "`{id}` is not a party id of data/parties.toml",
                    "`{id}` is geen partij-id uit data/parties.toml"
                ),
            )
            .with_hint(msg!(
                "use the `id` of the party in data/parties.toml; without it the message cannot mention the party's verdict",
                "gebruik de `id` van de partij in data/parties.toml; zonder die id kan het bericht het oordeel over de partij niet noemen"
            )),
        );
        return None;
    }
    Some(at.get_ref().clone())
}

/// A `YYYY-MM-DD` day written as a TOML date or a string.
fn day<T>(
    file: &Parsed<T>,
    at: &Spanned<DateText>,
    field: &str,
    diags: &mut Diagnostics,
) -> Option<Dated> {
    match NaiveDate::parse_from_str(&at.get_ref().0, "%Y-%m-%d") {
        Ok(day) => Some(Dated {
            day,
            at: Place::of(file, at),
        }),
        Err(_) => {
            let text = &at.get_ref().0;
            diags.push(
                file.error(
                    "recipient-day-invalid",
                    at,
                    msg!(
                        "`{field}` is not a day: \"{text}\"",
                        "`{field}` is geen datum: \"{text}\""
                    ),
                )
                .with_hint(msg!(
                    "write the day as {field} = 2026-02-23",
                    "schrijf de dag als {field} = 2026-02-23"
                )),
            );
            None
        }
    }
}

fn provenance<T>(
    file: &Parsed<T>,
    raw: &RawProvenance,
    diags: &mut Diagnostics,
) -> Option<Provenance> {
    match raw.parse(file) {
        Ok(p) => Some(p),
        Err(errors) => {
            diags.extend(errors);
            None
        }
    }
}

fn period<T>(
    file: &Parsed<T>,
    start: &Option<Spanned<DateText>>,
    end: &Option<Spanned<DateText>>,
    diags: &mut Diagnostics,
) -> Period {
    Period {
        start: start.as_ref().and_then(|s| day(file, s, "start", diags)),
        end: end.as_ref().and_then(|e| day(file, e, "end", diags)),
    }
}

fn read_members(
    file: &Parsed<MembersFile>,
    party_known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<(Vec<Member>, Provenance, Place)> {
    let v = &file.value;
    let provenance = provenance(file, &v.provenance, diags);
    let members = v
        .member
        .iter()
        .map(|m| Member {
            id: m.id.clone(),
            name: m.name.clone(),
            faction: m.faction.clone(),
            party: party(file, &m.party, party_known, diags),
            committees: m.committees.clone(),
            justice_committee: m.justice_committee,
            email: m
                .email
                .as_ref()
                .and_then(|e| email(file, e, synced_email_hint, diags)),
            period: period(file, &m.start, &m.end, diags),
        })
        .collect();
    Some((members, provenance?, Place::of(file, &v.provenance.kind)))
}

fn read_others(
    file: &Parsed<EditorsFile>,
    party_known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Vec<Other> {
    let mut others = Vec::new();
    for r in &file.value.recipient {
        let kind = Kind::parse(r.kind.get_ref());
        if kind.is_none() {
            let written = r.kind.get_ref();
            diags.push(
                file.error(
                    "recipient-kind-unknown",
                    &r.kind,
                    msg!(
                        "`{written}` is not a kind of recipient",
                        "`{written}` is geen soort ontvanger"
                    ),
                )
                .with_hint(msg!(
                    "write `kind = \"minister\"` or `kind = \"mep\"`",
                    "schrijf `kind = \"minister\"` of `kind = \"mep\"`"
                )),
            );
        }
        // Some(None) when no address is given, None when it is wrong.
        let email = match &r.email {
            Some(address) => email(file, address, editor_email_hint, diags).map(Some),
            None => Some(None),
        };
        let period = period(file, &r.start, &r.end, diags);
        if r.start.is_none() {
            let name = &r.name;
            diags.push(
                file.error(
                    "recipient-start-missing",
                    &r.kind,
                    msg!("{name} has no `start`", "bij {name} ontbreekt `start`"),
                )
                .with_hint(msg!(
                    "add the first day in the role, e.g. start = 2026-02-23, from the source that names them",
                    "vul de eerste dag in de functie in, bijvoorbeeld start = 2026-02-23, uit de bron die de persoon noemt"
                )),
            );
        }
        let checked_on = match &r.checked_on {
            Some(at) => day(file, at, "checked_on", diags),
            None => {
                let name = &r.name;
                diags.push(
                    file.error(
                        "recipient-checked-on-missing",
                        &r.kind,
                        msg!(
                            "{name} has no `checked_on`",
                            "bij {name} ontbreekt `checked_on`"
                        ),
                    )
                    .with_hint(msg!(
                        "add the day you last checked name and role against the source, e.g. checked_on = 2026-12-01",
                        "vul de dag in waarop je naam en functie voor het laatst met de bron hebt vergeleken, bijvoorbeeld checked_on = 2026-12-01"
                    )),
                );
                None
            }
        };
        let provenance = provenance(file, &r.provenance, diags);
        let party = party(file, &r.party, party_known, diags);
        // The English role is optional; a blank one would hide the Dutch.
        let role_en = r.role_en.as_ref().and_then(|at| {
            let text = at.get_ref().trim();
            if text.is_empty() {
                diags.push(
                    file.error(
                        "recipient-role-en-empty",
                        at,
                        msg!("`role_en` is empty", "`role_en` is leeg"),
                    )
                    .with_hint(msg!(
                        "write the role in English, or leave `role_en` out: English pages then show the Dutch role, marked as Dutch",
                        "schrijf de functie in het Engels, of laat `role_en` weg: Engelse pagina's tonen dan de Nederlandse functie, gemarkeerd als Nederlands"
                    )),
                );
                None
            } else {
                Some(text.to_string())
            }
        });
        if let (Some(kind), Some(email), Some(checked_on), Some(provenance)) =
            (kind, email, checked_on, provenance)
        {
            others.push(Other {
                kind,
                name: r.name.clone(),
                role: r.role.clone(),
                role_en,
                period,
                checked_on,
                party,
                email_from_pattern: r.email_from_pattern && email.is_some(),
                email,
                provenance,
            });
        }
    }
    others
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn site(members: &str, editors: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let rec = dir.path().join("data").join(DIR);
        std::fs::create_dir_all(&rec).unwrap();
        std::fs::write(rec.join("kamerleden.toml"), members).unwrap();
        std::fs::write(rec.join("editors.toml"), editors).unwrap();
        dir
    }

    pub(crate) const MEMBERS: &str = "[source]\nkind = \"synced\"\napi = \"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/FractieZetelPersoon\"\nfetched_at = \"2026-12-01T09:00:00Z\"\n\n[[member]]\nid = \"a1\"\nname = \"A. Lid\"\nfaction = \"Volt\"\nparty = \"volt\"\ncommittees = [\"Justitie en Veiligheid\"]\njustice_committee = true\nemail = \"a.lid@tweedekamer.nl\"\nstart = \"2025-11-12\"\n";
    pub(crate) const EDITORS: &str = "[[recipient]]\nkind = \"mep\"\nname = \"B. Lid\"\nrole = \"Europarlementariër\"\nstart = 2024-07-16\nchecked_on = 2026-12-01\nemail = \"b.lid@europarl.europa.eu\"\nemail_from_pattern = true\n[recipient.source]\nkind = \"official\"\nurl = \"https://www.europarl.europa.eu/meps/nl/\"\ndate = 2024-07-16\n";

    #[test]
    fn reads_both_files() {
        let dir = site(MEMBERS, EDITORS);
        let mut diags = Diagnostics::new();
        let r = load(dir.path(), &|p| p == "volt", &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(r.members[0].party.as_deref(), Some("volt"));
        assert!(r.members[0].justice_committee);
        assert_eq!(r.members_provenance.kind(), "synced");
        assert_eq!(r.members_provenance_at.line, 2);
        assert_eq!(
            r.members[0]
                .period
                .start
                .as_ref()
                .map(|s| s.day.to_string()),
            Some("2025-11-12".to_string())
        );
        assert_eq!(r.others[0].kind, Kind::Mep);
        assert!(r.others[0].email_from_pattern);
        assert_eq!(r.others[0].checked_on.day.to_string(), "2026-12-01");
        assert_eq!(r.others[0].checked_on.at.line, 6);
    }

    #[test]
    fn reports_every_mistake_on_its_line() {
        let members = MEMBERS.replace("a.lid@tweedekamer.nl", "a.lid tweedekamer.nl");
        let editors = EDITORS
            .replace("\"mep\"", "\"europarlementarier\"")
            .replace("checked_on = 2026-12-01", "checked_on = \"gisteren\"")
            .replace("https://www.europarl", "www.europarl");
        let dir = site(&members, &editors);
        let mut diags = Diagnostics::new();
        assert!(load(dir.path(), &|_| true, &mut diags).is_none());
        let found: Vec<(String, usize)> = diags
            .iter()
            .map(|d| {
                (
                    d.file.file_name().unwrap().to_string_lossy().to_string(),
                    d.line,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                ("kamerleden.toml".to_string(), 13),
                ("editors.toml".to_string(), 2),
                ("editors.toml".to_string(), 6),
                ("editors.toml".to_string(), 11),
            ]
        );
    }

    #[test]
    fn a_recipient_needs_a_start_and_a_checked_on() {
        let editors = EDITORS
            .replace("start = 2024-07-16\n", "")
            .replace("checked_on = 2026-12-01\n", "");
        let dir = site(MEMBERS, &editors);
        let mut diags = Diagnostics::new();
        assert!(load(dir.path(), &|_| true, &mut diags).is_none());
        let messages: Vec<String> = diags
            .iter()
            .map(|d| format!("{}: {}", d.line, d.message))
            .collect();
        assert_eq!(
            messages,
            ["2: B. Lid has no `start`", "2: B. Lid has no `checked_on`"]
        );
    }

    #[test]
    fn a_site_without_recipients_has_no_contact_data() {
        let dir = tempfile::tempdir().unwrap();
        let mut diags = Diagnostics::new();
        assert!(load(dir.path(), &|_| true, &mut diags).is_none());
        assert!(diags.is_empty());
    }
}
