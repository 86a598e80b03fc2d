//! Where a published fact comes from, as one type.
//!
//! Every vote, recipient, source and evidence item the site publishes says
//! how we know it, and the words on the page must say what really happened:
//! "opgehaald uit de open data" ("retrieved from the open data") only for
//! data a `sync` command fetched, "volgens security.nl, 12 oktober 2023"
//! ("according to security.nl, 12 October 2023") for a press report, the
//! body and date for an official document, and "vastgesteld door de
//! redactie" ("established by the editors") with the day of the last check
//! for what an editor established by hand. One enum holds the four cases so
//! that no page, JSON file or CSV row can word them differently, and so
//! that `check` can find a local address (a test API on 127.0.0.1) before it
//! reaches published data. The words come from the page language's
//! interface strings (`provenance_…` keys), the same four cases in every
//! language.
//!
//! In data files a provenance is a small TOML table with a `kind` and the
//! fields of that kind; [`RawProvenance::parse`] turns it into a
//! [`Provenance`] or a diagnostic on the line of the mistake.

use std::net::IpAddr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;

use crate::content::dates::ClaimDate;
use crate::data_file::Parsed;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locale::Locale;
use crate::msg;
use crate::url::{ExternalUrl, Schemes};

/// Days and provenance tables in an editor's data file, read where they were
/// written so that a mistake points at its line. (They live here rather than
/// in [`crate::data_file`] so that reading a file does not depend on what a
/// provenance is.)
impl<T> Parsed<T> {
    /// The day written at `at` (`2025-11-25`), or an error on its line.
    pub fn day(
        &self,
        at: &Spanned<DateText>,
        diags: &mut Diagnostics,
    ) -> Option<chrono::NaiveDate> {
        match chrono::NaiveDate::parse_from_str(&at.get_ref().0, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                let text = &at.get_ref().0;
                diags.push(
                    self.error(
                        "data-day-invalid",
                        at,
                        msg!("`{text}` is not a day", "`{text}` is geen datum"),
                    )
                    .with_hint(msg!(
                        "write the day as 2025-11-25",
                        "schrijf de dag als 2025-11-25"
                    )),
                );
                None
            }
        }
    }

    /// The provenance table `raw`, or its mistakes in `diags`.
    pub fn provenance(&self, raw: &RawProvenance, diags: &mut Diagnostics) -> Option<Provenance> {
        match raw.parse(self) {
            Ok(p) => Some(p),
            Err(errors) => {
                diags.extend(errors);
                None
            }
        }
    }
}

/// How we know a published fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// Fetched by a `sync` command from an open-data API.
    Synced {
        /// The address that was queried.
        api: ExternalUrl,
        /// When it was fetched.
        fetched_at: DateTime<Utc>,
    },
    /// Reported by a newspaper, broadcaster or news site.
    Press {
        /// The article.
        url: ExternalUrl,
        /// The publication's name or the article's title, as the page shows it.
        title: String,
        /// When it was published (a day, or only the month).
        date: ClaimDate,
    },
    /// Published by a parliament, government or EU institution.
    Official {
        /// The document.
        url: ExternalUrl,
        /// Its title or the body that published it, when recorded.
        title: Option<String>,
        /// When it was published (a day, or only the month).
        date: ClaimDate,
    },
    /// Established by the editors by hand.
    Editor {
        /// What they checked, and against what (Dutch, shown on the site).
        note: String,
        /// The day they last checked it.
        checked_on: NaiveDate,
    },
}

/// The four kinds, as data files and published data name them.
pub const KINDS: [&str; 4] = ["synced", "press", "official", "editor"];

impl Provenance {
    /// The keyword of this kind: `synced`, `press`, `official` or `editor`.
    pub fn kind(&self) -> &'static str {
        match self {
            Provenance::Synced { .. } => "synced",
            Provenance::Press { .. } => "press",
            Provenance::Official { .. } => "official",
            Provenance::Editor { .. } => "editor",
        }
    }

    /// The address behind the fact, if it has one.
    pub fn url(&self) -> Option<&ExternalUrl> {
        match self {
            Provenance::Synced { api, .. } => Some(api),
            Provenance::Press { url, .. } | Provenance::Official { url, .. } => Some(url),
            Provenance::Editor { .. } => None,
        }
    }

    /// The day the fact was last established: fetched, published or checked.
    /// `check` compares it with today to find stale facts.
    pub fn as_of(&self) -> NaiveDate {
        match self {
            Provenance::Synced { fetched_at, .. } => fetched_at.date_naive(),
            Provenance::Press { date, .. } | Provenance::Official { date, .. } => date.effective,
            Provenance::Editor { checked_on, .. } => *checked_on,
        }
    }

    /// The host when the address points at this machine or a private
    /// network (a test API, a preview server): such an address must never
    /// reach published data.
    pub fn local_address(&self) -> Option<&str> {
        self.url()
            .map(ExternalUrl::host)
            .filter(|host| is_local_host(host))
    }

    /// The honest wording of this provenance on a page in `locale`: only a
    /// synced fact is "retrieved", a press report is "according to" its
    /// publication. A title or note the editors wrote stays as written; on
    /// a page that is not Dutch it is marked Dutch (`lang`).
    pub fn wording_in(&self, locale: &Locale) -> Wording {
        let dutch_text = (!locale.code().starts_with("nl")).then_some("nl");
        let date = |d: &ClaimDate| {
            if d.day_known {
                locale.date(d.effective)
            } else {
                locale.month(d.effective)
            }
        };
        match self {
            Provenance::Synced { api, fetched_at } => {
                let host = api.host();
                let link = if host.ends_with("tweedekamer.nl") {
                    locale.t("provenance_tk_open_data")
                } else {
                    host.to_string()
                };
                Wording {
                    kind: "synced",
                    before: locale.t("provenance_synced_before"),
                    link,
                    url: Some(api.as_str().to_string()),
                    after: locale.tf(
                        "provenance_synced_after",
                        &[("date", &locale.date(fetched_at.date_naive()))],
                    ),
                    lang: None,
                }
            }
            Provenance::Press {
                url,
                title,
                date: d,
            } => Wording {
                kind: "press",
                before: locale.t("provenance_press_before"),
                link: title.clone(),
                url: Some(url.as_str().to_string()),
                after: locale.tf("provenance_published_after", &[("date", &date(d))]),
                lang: dutch_text,
            },
            Provenance::Official {
                url,
                title,
                date: d,
            } => Wording {
                kind: "official",
                before: locale.t("provenance_official_before"),
                link: title
                    .clone()
                    .unwrap_or_else(|| url.host().trim_start_matches("www.").to_string()),
                url: Some(url.as_str().to_string()),
                after: locale.tf("provenance_published_after", &[("date", &date(d))]),
                lang: title.as_ref().and(dutch_text),
            },
            Provenance::Editor { note, checked_on } => Wording {
                kind: "editor",
                before: locale.t("provenance_editor_before"),
                link: note.clone(),
                url: None,
                after: locale.tf(
                    "provenance_editor_after",
                    &[("date", &locale.date(*checked_on))],
                ),
                lang: dutch_text,
            },
        }
    }

    /// The four CSV columns `source_kind`, `source_url`, `source_text`
    /// (title or note) and `source_date` (publication, fetch or check day).
    pub fn csv_fields(&self) -> [String; 4] {
        let (text, date) = match self {
            Provenance::Synced { fetched_at, .. } => (
                String::new(),
                fetched_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
            Provenance::Press { title, date, .. } => (title.clone(), date.to_string()),
            Provenance::Official { title, date, .. } => {
                (title.clone().unwrap_or_default(), date.to_string())
            }
            Provenance::Editor { note, checked_on } => (note.clone(), checked_on.to_string()),
        };
        [
            self.kind().to_string(),
            self.url()
                .map(|u| u.as_str().to_string())
                .unwrap_or_default(),
            text,
            date,
        ]
    }
}

/// The column names that go with [`Provenance::csv_fields`].
pub const CSV_COLUMNS: [&str; 4] = ["source_kind", "source_url", "source_text", "source_date"];

/// A provenance worded for a page: `before`, then `link` (a link when `url`
/// is set, plain text otherwise), then `after`. Templates print the three
/// parts escaped; nothing here is HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wording {
    /// The kind keyword, for a class name.
    pub kind: &'static str,
    /// Words before the link, e.g. "volgens ".
    pub before: String,
    /// The link text (or the editors' note).
    pub link: String,
    /// Where the link goes; none for an editor's note.
    pub url: Option<String>,
    /// Words after the link, e.g. ", 12 oktober 2023".
    pub after: String,
    /// `Some("nl")` when `link` is the editors' Dutch (a title or note) on a
    /// page in another language: the template marks it `lang="nl"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

impl Wording {
    /// The wording as one line of plain text (for e-mails and the terminal).
    pub fn plain(&self) -> String {
        format!("{}{}{}", self.before, self.link, self.after)
    }
}

impl Serialize for Provenance {
    /// Published data carries the same fields as the data files:
    /// `{"kind": "press", "url": …, "title": …, "date": "2023-10"}`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.kind())?;
        match self {
            Provenance::Synced { api, fetched_at } => {
                map.serialize_entry("api", api.as_str())?;
                map.serialize_entry(
                    "fetched_at",
                    &fetched_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                )?;
            }
            Provenance::Press { url, title, date } => {
                map.serialize_entry("url", url.as_str())?;
                map.serialize_entry("title", title)?;
                map.serialize_entry("date", &date.to_string())?;
            }
            Provenance::Official { url, title, date } => {
                map.serialize_entry("url", url.as_str())?;
                if let Some(title) = title {
                    map.serialize_entry("title", title)?;
                }
                map.serialize_entry("date", &date.to_string())?;
            }
            Provenance::Editor { note, checked_on } => {
                map.serialize_entry("note", note)?;
                map.serialize_entry("checked_on", &checked_on.to_string())?;
            }
        }
        map.end()
    }
}

/// True for `localhost`, `*.localhost`, loopback, private, link-local and
/// unspecified addresses.
pub fn is_local_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => {
            ip.is_loopback() || ip.is_private() || ip.is_link_local() || ip.is_unspecified()
        }
        Ok(IpAddr::V6(ip)) => {
            ip.is_loopback()
                || ip.is_unspecified()
                || (ip.segments()[0] & 0xfe00) == 0xfc00
                || (ip.segments()[0] & 0xffc0) == 0xfe80
        }
        Err(_) => false,
    }
}

/// A provenance table as an editor writes it in a data file:
///
/// ```toml
/// [source]
/// kind = "press"
/// url = "https://www.security.nl/posting/…"
/// title = "Security.NL"
/// date = 2023-10-17      # or "2023-10" when only the month is known
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvenance {
    /// `synced`, `press`, `official` or `editor`.
    pub kind: Spanned<String>,
    /// The article or document (press, official).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Spanned<String>>,
    /// The publication or document title (press: required; official: optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Spanned<String>>,
    /// The publication date (press, official).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Spanned<DateText>>,
    /// The queried address (synced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api: Option<Spanned<String>>,
    /// When it was fetched (synced).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<Spanned<DateText>>,
    /// What the editors checked (editor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Spanned<String>>,
    /// The day of the last check (editor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_on: Option<Spanned<DateText>>,
}

/// The fields each kind takes, for "not for this kind" mistakes.
fn fields_of(kind: &str) -> &'static [&'static str] {
    match kind {
        "synced" => &["api", "fetched_at"],
        "press" => &["url", "title", "date"],
        "official" => &["url", "title", "date"],
        _ => &["note", "checked_on"],
    }
}

impl RawProvenance {
    /// The table a `sync` command writes: kind "synced" with the queried
    /// address and the moment it was fetched (RFC 3339).
    pub fn synced(api: &str, fetched_at: &str) -> RawProvenance {
        let at = |text: &str| Spanned::new(0..0, text.to_string());
        RawProvenance {
            kind: at("synced"),
            url: None,
            title: None,
            date: None,
            api: Some(at(api)),
            fetched_at: Some(Spanned::new(0..0, DateText(fetched_at.to_string()))),
            note: None,
            checked_on: None,
        }
    }

    /// The span of the address (`api` or `url`), else of `kind`: where a
    /// mistake about the source as a whole is reported.
    pub fn address_span(&self) -> std::ops::Range<usize> {
        self.api
            .as_ref()
            .or(self.url.as_ref())
            .map(|s| s.span())
            .unwrap_or_else(|| self.kind.span())
    }

    /// Validates the table read from `file`: the kind, the fields that kind
    /// needs (and no others), http(s) addresses and real dates. Every mistake
    /// is a diagnostic on its own line.
    pub fn parse<T>(&self, file: &Parsed<T>) -> Result<Provenance, Vec<Diagnostic>> {
        let kind = self.kind.get_ref().trim();
        if !KINDS.contains(&kind) {
            return Err(vec![
                file.error(
                    "provenance-kind-unknown",
                    &self.kind,
                    msg!(
                        "`{kind}` is not a kind of provenance",
                        "`{kind}` is geen soort bronvermelding"
                    ),
                )
                .with_hint(msg!(
                    "write kind = \"press\" (a news report), \"official\" (a parliament, government or EU document), \"editor\" (checked by hand, with note and checked_on) or \"synced\" (written by a sync command)",
                    "schrijf kind = \"press\" (een nieuwsbericht), \"official\" (een document van een parlement, een regering of de EU), \"editor\" (met de hand nagekeken, met note en checked_on) of \"synced\" (geschreven door een sync-opdracht)"
                )),
            ]);
        }
        let mut errors = Vec::new();
        let present: [(&str, Option<usize>); 7] = [
            ("url", self.url.as_ref().map(|s| s.span().start)),
            ("title", self.title.as_ref().map(|s| s.span().start)),
            ("date", self.date.as_ref().map(|s| s.span().start)),
            ("api", self.api.as_ref().map(|s| s.span().start)),
            (
                "fetched_at",
                self.fetched_at.as_ref().map(|s| s.span().start),
            ),
            ("note", self.note.as_ref().map(|s| s.span().start)),
            (
                "checked_on",
                self.checked_on.as_ref().map(|s| s.span().start),
            ),
        ];
        for (field, at) in present {
            if let Some(start) = at
                && !fields_of(kind).contains(&field)
            {
                let (line, column) = crate::diagnostics::line_col(&file.text, start);
                let fields = fields_of(kind).join(", ");
                errors.push(
                    Diagnostic::error(
                        "provenance-field-foreign",
                        &file.path,
                        line,
                        column,
                        msg!(
                            "`{field}` does not belong to a provenance of kind \"{kind}\"",
                            "`{field}` hoort niet bij een bronvermelding van soort \"{kind}\""
                        ),
                    )
                    .with_hint(msg!(
                        "a \"{kind}\" provenance takes {fields}",
                        "een bronvermelding van soort \"{kind}\" heeft deze velden: {fields}"
                    )),
                );
            }
        }
        let missing = |field: &str| {
            let fields = fields_of(kind).join(", ");
            file.error(
                "provenance-field-missing",
                &self.kind,
                msg!(
                    "a provenance of kind \"{kind}\" needs `{field}`",
                    "een bronvermelding van soort \"{kind}\" heeft `{field}` nodig"
                ),
            )
            .with_hint(msg!(
                "add {field} under this kind; a \"{kind}\" provenance takes {fields}",
                "voeg {field} toe aan deze bronvermelding; een bronvermelding van soort \"{kind}\" heeft deze velden: {fields}"
            ))
        };
        let url =
            |field: &Option<Spanned<String>>, name: &str, errors: &mut Vec<Diagnostic>| match field
            {
                None => {
                    errors.push(missing(name));
                    None
                }
                Some(text) => match ExternalUrl::parse(text.get_ref(), Schemes::Web) {
                    Ok(u) => Some(u),
                    Err(e) => {
                        errors.push(
                            file.error("provenance-url-invalid", text, e.message)
                                .with_hint(e.hint),
                        );
                        None
                    }
                },
            };
        let text =
            |field: &Option<Spanned<String>>, name: &str, errors: &mut Vec<Diagnostic>| match field
            {
                None => {
                    errors.push(missing(name));
                    None
                }
                Some(t) if t.get_ref().trim().is_empty() => {
                    errors.push(
                        file.error(
                            "provenance-field-empty",
                            t,
                            msg!("`{name}` is empty", "`{name}` is leeg"),
                        )
                        .with_hint(msg!(
                            "write what a reader should see, in Dutch",
                            "schrijf wat een lezer moet zien, in het Nederlands"
                        )),
                    );
                    None
                }
                Some(t) => Some(t.get_ref().trim().to_string()),
            };
        let claim_date = |errors: &mut Vec<Diagnostic>| match &self.date {
            None => {
                errors.push(missing("date"));
                None
            }
            Some(value) => match ClaimDate::parse(&value_text(value.get_ref())) {
                Ok(d) => Some(d),
                Err(e) => {
                    let written = &e.0;
                    errors.push(
                        file.error(
                            "provenance-date-invalid",
                            value,
                            msg!(
                                "`{written}` is not a valid date; write it as YYYY-MM-DD (or YYYY-MM if only the month is known)",
                                "`{written}` is geen geldige datum; schrijf hem als YYYY-MM-DD (of YYYY-MM als alleen de maand bekend is)"
                            ),
                        )
                        .with_hint(msg!(
                            "write the day the source was published, e.g. date = 2023-10-17, or \"2023-10\" if only the month is known",
                            "schrijf de dag waarop de bron verscheen, bijvoorbeeld date = 2023-10-17, of \"2023-10\" als alleen de maand bekend is"
                        )),
                    );
                    None
                }
            },
        };
        let result = match kind {
            "synced" => {
                let api = url(&self.api, "api", &mut errors);
                let fetched_at = match &self.fetched_at {
                    None => {
                        errors.push(missing("fetched_at"));
                        None
                    }
                    Some(value) => {
                        match DateTime::parse_from_rfc3339(&value_text(value.get_ref())) {
                            Ok(at) => Some(at.with_timezone(&Utc)),
                            Err(_) => {
                                errors.push(
                                    file.error(
                                        "provenance-fetched-at-invalid",
                                        value,
                                        msg!(
                                            "`fetched_at` is not a moment in RFC 3339 form",
                                            "`fetched_at` is geen tijdstip in RFC 3339-vorm"
                                        ),
                                    )
                                    .with_hint(msg!(
                                        "sync commands write it as 2026-12-01T09:30:00Z; run the sync again instead of editing it",
                                        "sync-opdrachten schrijven het als 2026-12-01T09:30:00Z; draai de sync opnieuw in plaats van het zelf te wijzigen"
                                    )),
                                );
                                None
                            }
                        }
                    }
                };
                api.zip(fetched_at)
                    .map(|(api, fetched_at)| Provenance::Synced { api, fetched_at })
            }
            "press" => {
                let u = url(&self.url, "url", &mut errors);
                let title = text(&self.title, "title", &mut errors);
                let date = claim_date(&mut errors);
                match (u, title, date) {
                    (Some(url), Some(title), Some(date)) => {
                        Some(Provenance::Press { url, title, date })
                    }
                    _ => None,
                }
            }
            "official" => {
                let u = url(&self.url, "url", &mut errors);
                let title = match &self.title {
                    None => None,
                    some => text(some, "title", &mut errors),
                };
                let date = claim_date(&mut errors);
                u.zip(date)
                    .map(|(url, date)| Provenance::Official { url, title, date })
            }
            _ => {
                let note = text(&self.note, "note", &mut errors);
                let checked_on = match &self.checked_on {
                    None => {
                        errors.push(missing("checked_on"));
                        None
                    }
                    Some(value) => {
                        match NaiveDate::parse_from_str(&value_text(value.get_ref()), "%Y-%m-%d") {
                            Ok(d) => Some(d),
                            Err(_) => {
                                errors.push(
                                    file.error(
                                        "provenance-checked-on-invalid",
                                        value,
                                        msg!(
                                            "`checked_on` is not a day",
                                            "`checked_on` is geen datum"
                                        ),
                                    )
                                    .with_hint(msg!(
                                        "write the day of your last check, e.g. checked_on = 2026-12-01",
                                        "schrijf de dag van je laatste controle, bijvoorbeeld checked_on = 2026-12-01"
                                    )),
                                );
                                None
                            }
                        }
                    }
                };
                note.zip(checked_on)
                    .map(|(note, checked_on)| Provenance::Editor { note, checked_on })
            }
        };
        match result {
            Some(p) if errors.is_empty() => Ok(p),
            _ => Err(errors),
        }
    }
}

/// A date field as text: a TOML date (`2023-10-17`) or a string
/// (`"2023-10"`, for a month) both work. Written back as a string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = DateText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date such as 2023-10-17 or \"2023-10\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DateText, E> {
                Ok(DateText(v.trim().to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<DateText, A::Error> {
                let date = toml::value::Datetime::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(DateText(date.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

fn value_text(value: &DateText) -> String {
    value.0.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use test_case::test_case;

    #[derive(Deserialize)]
    struct File {
        provenance: RawProvenance,
    }

    fn parse(toml_text: &str) -> Result<Provenance, Vec<String>> {
        let text = format!("[provenance]\n{toml_text}");
        let value: File = toml::from_str(&text).expect("valid TOML");
        let file = Parsed {
            path: PathBuf::from("data/votes/x.toml"),
            text,
            value: (),
        };
        value.provenance.parse(&file).map_err(|ds| {
            ds.iter()
                .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
                .collect()
        })
    }

    #[test_case(
        "kind = \"press\"\nurl = \"https://www.security.nl/posting/1\"\ntitle = \"Security.NL\"\ndate = 2023-10-17",
        "volgens Security.NL, 17 oktober 2023"; "press with a day"
    )]
    #[test_case(
        "kind = \"press\"\nurl = \"https://www.security.nl/posting/1\"\ntitle = \"Security.NL\"\ndate = \"2023-06\"",
        "volgens Security.NL, juni 2023"; "press with a month"
    )]
    #[test_case(
        "kind = \"official\"\nurl = \"https://www.consilium.europa.eu/en/press/\"\ndate = 2025-11-26",
        "officiële bron: consilium.europa.eu, 26 november 2025"; "official without title"
    )]
    #[test_case(
        "kind = \"synced\"\napi = \"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Stemming\"\nfetched_at = \"2026-12-01T09:30:00Z\"",
        "opgehaald uit de open data van de Tweede Kamer op 1 december 2026"; "synced from the Kamer"
    )]
    #[test_case(
        "kind = \"editor\"\nnote = \"nagekeken op europarl.europa.eu\"\nchecked_on = 2026-12-01",
        "vastgesteld door de redactie: nagekeken op europarl.europa.eu (gecontroleerd op 1 december 2026)"; "editor"
    )]
    fn words_each_kind_honestly(fields: &str, wording: &str) {
        let w = parse(fields).unwrap().wording_in(&Locale::builtin("nl"));
        assert_eq!(w.plain(), wording);
    }

    #[test_case(
        "kind = \"press\"\nurl = \"https://www.security.nl/posting/1\"\ntitle = \"Security.NL\"\ndate = 2023-10-17",
        "according to Security.NL, 17 October 2023", Some("nl"); "press with a day"
    )]
    #[test_case(
        "kind = \"press\"\nurl = \"https://www.security.nl/posting/1\"\ntitle = \"Security.NL\"\ndate = \"2023-06\"",
        "according to Security.NL, June 2023", Some("nl"); "press with a month"
    )]
    #[test_case(
        "kind = \"official\"\nurl = \"https://www.consilium.europa.eu/en/press/\"\ndate = 2025-11-26",
        "official source: consilium.europa.eu, 26 November 2025", None; "official without title"
    )]
    #[test_case(
        "kind = \"synced\"\napi = \"https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Stemming\"\nfetched_at = \"2026-12-01T09:30:00Z\"",
        "retrieved from the Tweede Kamer's open data on 1 December 2026", None; "synced from the Kamer"
    )]
    #[test_case(
        "kind = \"editor\"\nnote = \"nagekeken op europarl.europa.eu\"\nchecked_on = 2026-12-01",
        "established by the editors: nagekeken op europarl.europa.eu (checked on 1 December 2026)", Some("nl"); "editor, the note as written"
    )]
    fn words_each_kind_as_honestly_in_english(fields: &str, wording: &str, lang: Option<&str>) {
        let w = parse(fields).unwrap().wording_in(&Locale::builtin("en"));
        assert_eq!(w.plain(), wording);
        assert_eq!(w.lang, lang, "the editors' own text is marked Dutch");
        // Only a synced fact is retrieved; nothing else says so.
        assert_eq!(w.plain().contains("retrieved"), w.kind == "synced");
    }

    #[test]
    fn a_dutch_wording_marks_nothing() {
        let p = parse("kind = \"editor\"\nnote = \"nagekeken\"\nchecked_on = 2026-12-01").unwrap();
        let w = p.wording_in(&Locale::builtin("nl"));
        assert_eq!(w.lang, None);
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"kind":"editor","before":"vastgesteld door de redactie: ","link":"nagekeken","url":null,"after":" (gecontroleerd op 1 december 2026)"}"#
        );
    }

    #[test_case("kind = \"fetched\"", &["2:8: `fetched` is not a kind of provenance"]; "unknown kind")]
    #[test_case("kind = \"press\"\nurl = \"https://e.x/\"", &["2:8: a provenance of kind \"press\" needs `title`", "2:8: a provenance of kind \"press\" needs `date`"]; "missing fields all reported")]
    #[test_case("kind = \"press\"\nurl = \"javascript:alert(1)\"\ntitle = \"x\"\ndate = 2023-01-01", &["3:7: `javascript:alert(1)` is not allowed here: links must start with http:// or https://"]; "script link")]
    #[test_case("kind = \"editor\"\nnote = \"x\"\nchecked_on = 2026-12-01\nurl = \"https://e.x/\"", &["5:7: `url` does not belong to a provenance of kind \"editor\""]; "field of another kind")]
    #[test_case("kind = \"official\"\nurl = \"https://e.x/\"\ndate = \"2025-13\"", &["4:8: `2025-13` is not a valid date; write it as YYYY-MM-DD (or YYYY-MM if only the month is known)"]; "bad month")]
    #[test_case("kind = \"editor\"\nnote = \"  \"\nchecked_on = \"gisteren\"", &["3:8: `note` is empty", "4:14: `checked_on` is not a day"]; "empty note and bad day")]
    #[test_case("kind = \"synced\"\napi = \"https://e.x/\"\nfetched_at = \"1 december\"", &["4:14: `fetched_at` is not a moment in RFC 3339 form"]; "bad moment")]
    fn mistakes_are_diagnostics_on_their_line(fields: &str, expected: &[&str]) {
        assert_eq!(parse(fields).unwrap_err(), expected);
    }

    #[test_case("127.0.0.1", true; "loopback v4")]
    #[test_case("[::1]", true; "loopback v6")]
    #[test_case("localhost", true; "localhost")]
    #[test_case("preview.localhost", true; "localhost subdomain")]
    #[test_case("192.168.1.20", true; "private")]
    #[test_case("10.0.0.1", true; "private ten")]
    #[test_case("[fd00::1]", true; "unique local v6")]
    #[test_case("gegevensmagazijn.tweedekamer.nl", false; "public name")]
    #[test_case("8.8.8.8", false; "public ip")]
    fn finds_local_hosts(host: &str, local: bool) {
        assert_eq!(is_local_host(host), local);
    }

    #[test]
    fn a_synced_provenance_from_a_test_server_is_local() {
        let p = parse("kind = \"synced\"\napi = \"http://127.0.0.1:42847/OData/v4/2.0/Stemming\"\nfetched_at = \"2026-12-01T09:30:00Z\"").unwrap();
        assert_eq!(p.local_address(), Some("127.0.0.1"));
    }

    #[test]
    fn published_data_carries_the_same_fields() {
        let p = parse("kind = \"press\"\nurl = \"https://www.security.nl/posting/1\"\ntitle = \"Security.NL\"\ndate = \"2023-06\"").unwrap();
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"kind":"press","url":"https://www.security.nl/posting/1","title":"Security.NL","date":"2023-06"}"#
        );
        assert_eq!(
            p.csv_fields(),
            [
                "press",
                "https://www.security.nl/posting/1",
                "Security.NL",
                "2023-06"
            ]
        );
        assert_eq!(p.as_of(), NaiveDate::from_ymd_opt(2023, 6, 1).unwrap());
    }
}
