//! Reads the recipients of the contact tool from `site/data/recipients/`:
//! `kamerleden.toml`, written by `chatcontrole sync members` from the Tweede
//! Kamer's open data, and `editors.toml`, kept by hand (the responsible
//! minister and the Dutch members of the European Parliament).
//!
//! `editors.toml`:
//!
//! ```toml
//! checked_on = 2026-12-01          # when an editor last checked this list
//!
//! [[recipient]]
//! kind = "mep"                     # "minister" or "mep"
//! name = "Voornaam Achternaam"
//! role = "Europarlementariër"      # shown under the name
//! party = "volt"                   # optional: a party id from parties.toml
//! email = "naam@europarl.europa.eu"
//! source = "https://…"             # where the address is published
//! ```
//!
//! A site without the folder has no contact tool data; every mistake in the
//! files is reported with its line, all at once.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use super::email::EmailAddress;
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::url::{ExternalUrl, Schemes};

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
    /// E-mail address, when the open data publishes one.
    pub email: Option<EmailAddress>,
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
    /// Party id of the voting guide, when given.
    pub party: Option<String>,
    /// E-mail address; None when the source publishes none (ministers
    /// take mail through their ministry), so the visitor fills it in.
    pub email: Option<EmailAddress>,
    /// Where the name, the role and the address are published.
    pub source: ExternalUrl,
}

/// Everyone the contact tool offers.
#[derive(Debug, Clone)]
pub struct Recipients {
    /// Members of the Tweede Kamer.
    pub members: Vec<Member>,
    /// When `sync members` fetched them.
    pub members_fetched_at: DateTime<FixedOffset>,
    /// Where they were fetched from.
    pub members_source: ExternalUrl,
    /// Minister and MEPs.
    pub others: Vec<Other>,
    /// When an editor last checked the others.
    pub others_checked_on: NaiveDate,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MembersFile {
    fetched_at: Spanned<String>,
    source: Spanned<String>,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditorsFile {
    checked_on: Spanned<toml::value::Datetime>,
    #[serde(default)]
    recipient: Vec<EditorRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EditorRow {
    kind: Spanned<String>,
    name: String,
    role: String,
    party: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    source: Spanned<String>,
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
        "run `chatcontrole sync members` to fetch the members of the Tweede Kamer",
        diags,
    );
    let editors = read_toml::<EditorsFile>(
        &dir.join("editors.toml"),
        "create editors.toml with the minister and the MEPs; see README.md, \"The contact tool\"",
        diags,
    );
    let members = members.and_then(|file| read_members(&file, party_known, diags));
    let others = editors.and_then(|file| read_others(&file, party_known, diags));
    let (Some((members, fetched_at, source)), Some((others, checked_on))) = (members, others)
    else {
        return None;
    };
    (diags.error_count() == errors_before).then_some(Recipients {
        members,
        members_fetched_at: fetched_at,
        members_source: source,
        others,
        others_checked_on: checked_on,
    })
}

fn url<T>(file: &Parsed<T>, at: &Spanned<String>, diags: &mut Diagnostics) -> Option<ExternalUrl> {
    match ExternalUrl::parse(at.get_ref(), Schemes::Web) {
        Ok(u) => Some(u),
        Err(e) => {
            diags.push(file.error(at, e.message).with_hint(e.hint));
            None
        }
    }
}

/// The hint for a wrong address in `editors.toml`.
const EDITOR_EMAIL_HINT: &str =
    "copy the address from the page that publishes it, e.g. `naam@tweedekamer.nl`";

/// The hint for a wrong address in `kamerleden.toml`, which `sync members` writes.
const SYNCED_EMAIL_HINT: &str = "run `chatcontrole sync members` again: it leaves out an address that cannot be used (or remove the `email` line)";

fn email<T>(
    file: &Parsed<T>,
    at: &Spanned<String>,
    hint: &str,
    diags: &mut Diagnostics,
) -> Option<EmailAddress> {
    match at.get_ref().parse::<EmailAddress>() {
        Ok(e) => Some(e),
        Err(error) => {
            diags.push(file.error(at, error.to_string()).with_hint(hint));
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
        diags.push(
            file.warning(at, format!("`{}` is not a party id of data/parties.toml", at.get_ref()))
                .with_hint("use the `id` of the party in data/parties.toml; without it the message cannot mention the party's verdict"),
        );
        return None;
    }
    Some(at.get_ref().clone())
}

fn read_members(
    file: &Parsed<MembersFile>,
    party_known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<(Vec<Member>, DateTime<FixedOffset>, ExternalUrl)> {
    let v = &file.value;
    let fetched_at = DateTime::parse_from_rfc3339(v.fetched_at.get_ref().trim());
    if fetched_at.is_err() {
        diags.push(
            file.error(
                &v.fetched_at,
                format!(
                    "`fetched_at` is not a moment: \"{}\"",
                    v.fetched_at.get_ref()
                ),
            )
            .with_hint("write it as RFC 3339, for example `2026-12-01T09:30:00Z`"),
        );
    }
    let source = url(file, &v.source, diags);
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
                .and_then(|e| email(file, e, SYNCED_EMAIL_HINT, diags)),
        })
        .collect();
    Some((members, fetched_at.ok()?, source?))
}

fn read_others(
    file: &Parsed<EditorsFile>,
    party_known: &dyn Fn(&str) -> bool,
    diags: &mut Diagnostics,
) -> Option<(Vec<Other>, NaiveDate)> {
    let v = &file.value;
    let checked_on = v.checked_on.get_ref();
    let checked_on = match (checked_on.date, checked_on.time) {
        (Some(d), None) => NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()),
        _ => None,
    };
    if checked_on.is_none() {
        diags.push(
            Diagnostic::error(
                &file.path,
                file.line_of(&v.checked_on),
                1,
                "`checked_on` must be a day",
            )
            .with_hint("write the day you checked the list, for example `checked_on = 2026-12-01`"),
        );
    }
    let mut others = Vec::new();
    for r in &v.recipient {
        let kind = Kind::parse(r.kind.get_ref());
        if kind.is_none() {
            diags.push(
                file.error(
                    &r.kind,
                    format!("`{}` is not a kind of recipient", r.kind.get_ref()),
                )
                .with_hint("write `kind = \"minister\"` or `kind = \"mep\"`"),
            );
        }
        // Some(None) when no address is given, None when it is wrong.
        let email = match &r.email {
            Some(address) => email(file, address, EDITOR_EMAIL_HINT, diags).map(Some),
            None => Some(None),
        };
        let source = url(file, &r.source, diags);
        let party = party(file, &r.party, party_known, diags);
        if let (Some(kind), Some(email), Some(source)) = (kind, email, source) {
            others.push(Other {
                kind,
                name: r.name.clone(),
                role: r.role.clone(),
                party,
                email,
                source,
            });
        }
    }
    Some((others, checked_on?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(members: &str, editors: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let rec = dir.path().join("data").join(DIR);
        std::fs::create_dir_all(&rec).unwrap();
        std::fs::write(rec.join("kamerleden.toml"), members).unwrap();
        std::fs::write(rec.join("editors.toml"), editors).unwrap();
        dir
    }

    const MEMBERS: &str = "fetched_at = \"2026-12-01T09:00:00Z\"\nsource = \"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Persoon\"\n\n[[member]]\nid = \"a1\"\nname = \"A. Lid\"\nfaction = \"Volt\"\nparty = \"volt\"\ncommittees = [\"Justitie en Veiligheid\"]\njustice_committee = true\nemail = \"a.lid@tweedekamer.nl\"\n";
    const EDITORS: &str = "checked_on = 2026-12-01\n\n[[recipient]]\nkind = \"mep\"\nname = \"B. Lid\"\nrole = \"Europarlementariër\"\nemail = \"b.lid@europarl.europa.eu\"\nsource = \"https://www.europarl.europa.eu/meps/nl/\"\n";

    #[test]
    fn reads_both_files() {
        let dir = site(MEMBERS, EDITORS);
        let mut diags = Diagnostics::new();
        let r = load(dir.path(), &|p| p == "volt", &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(r.members[0].party.as_deref(), Some("volt"));
        assert!(r.members[0].justice_committee);
        assert_eq!(r.others[0].kind, Kind::Mep);
        assert_eq!(r.others_checked_on.to_string(), "2026-12-01");
    }

    #[test]
    fn reports_every_mistake_on_its_line() {
        let members = MEMBERS.replace("a.lid@tweedekamer.nl", "a.lid tweedekamer.nl");
        let editors = EDITORS
            .replace("\"mep\"", "\"europarlementarier\"")
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
                ("kamerleden.toml".to_string(), 11),
                ("editors.toml".to_string(), 4),
                ("editors.toml".to_string(), 8),
            ]
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
