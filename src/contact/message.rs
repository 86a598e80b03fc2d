//! The default message of the contact tool, written from the site's own
//! data in the page's language (its sentences are interface strings,
//! `contact_message_…`): the latest decision of the Council of the EU and,
//! for a Kamerlid, the verdict the voting guide gave their party. The
//! visitor is invited to change it; it only ever leaves through their own
//! mail program.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::email::EmailAddress;
use crate::locale::Locale;

/// Whom the message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience<'a> {
    /// A member of the Tweede Kamer.
    Kamerlid(&'a str),
    /// All members of one faction of the Tweede Kamer (its name).
    Faction(&'a str),
    /// The members of the Justice and Security committee.
    Committee,
    /// The responsible minister.
    Minister(&'a str),
    /// A Dutch member of the European Parliament.
    Mep(&'a str),
    /// All Dutch members of the European Parliament in the list.
    Meps,
}

impl Audience<'_> {
    /// True for the audiences in the Tweede Kamer, who hear their party's
    /// record.
    fn in_kamer(self) -> bool {
        matches!(self, Audience::Kamerlid(_) | Audience::Faction(_))
    }
}

/// The first line of the message, the only one that names the recipient:
/// the contact tool swaps it when the visitor picks someone else and keeps
/// the rest of their text.
pub fn greeting(locale: &Locale, to: Audience<'_>) -> String {
    match to {
        Audience::Kamerlid(n) | Audience::Minister(n) | Audience::Mep(n) => {
            locale.tf("contact_greeting_person", &[("name", n)])
        }
        Audience::Faction(f) => locale.tf("contact_greeting_faction", &[("name", f)]),
        Audience::Committee => locale.t("contact_greeting_committee"),
        Audience::Meps => locale.t("contact_greeting_meps"),
    }
}

/// The latest decision in the Council, as the message mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// "26 november 2025".
    pub date: String,
    /// Who took it, in plain words ("het overleg van de ambassadeurs van de
    /// lidstaten"), without the Council's own jargon.
    pub body: String,
    /// The editors' summary of what happened, in the message's language;
    /// none when they wrote none in it (a mail cannot mark a Dutch
    /// sentence inside an English message, so it leaves it out).
    pub summary: Option<String>,
}

/// What the voting guide said about the recipient's party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyVerdict {
    /// Party name.
    pub party: String,
    /// Verdict label, e.g. "Beschermt niet".
    pub label: String,
    /// `Some("nl")` when the label is Dutch on a page in another language.
    pub label_lang: Option<&'static str>,
    /// What the verdict means.
    pub meaning: String,
    /// The year of the guide's election: an old verdict always says it.
    pub year: i32,
    /// True when the election is over (the message then uses the past tense).
    pub past: bool,
    /// The party page, as an absolute URL.
    pub url: String,
}

/// A subject and a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Subject line.
    pub subject: String,
    /// Body, lines separated by `\n`.
    pub body: String,
}

/// Writes the default message for `to` in the words of `locale`: the
/// greeting, the Council's latest decision, and for the Kamer the party's
/// record (its verdict in the guide, with the year, and `record`: sentences
/// about its motions and votes in the current Kamer), then the concern and
/// one question. Kept short.
pub fn compose(
    locale: &Locale,
    to: Audience<'_>,
    decision: Option<&Decision>,
    verdict: Option<&PartyVerdict>,
    record: &[String],
) -> Message {
    let mut paragraphs = vec![greeting(locale, to), locale.t("contact_message_intro")];
    if let Some(d) = decision {
        let mut paragraph = locale.tf(
            "contact_message_decision",
            &[("date", &d.date), ("body", &d.body)],
        );
        if let Some(summary) = &d.summary {
            paragraph.push(' ');
            paragraph.push_str(summary.trim());
        }
        paragraphs.push(paragraph);
    }
    if to.in_kamer() {
        let mut lines = Vec::new();
        if let Some(v) = verdict {
            let key = if v.past {
                "contact_message_verdict_past"
            } else {
                "contact_message_verdict_now"
            };
            lines.push(locale.tf(
                key,
                &[
                    ("year", &v.year.to_string()),
                    ("party", &v.party),
                    ("label", &v.label),
                    ("meaning", &v.meaning),
                ],
            ));
        }
        lines.extend(record.iter().cloned());
        if !lines.is_empty() {
            let mut paragraph = lines.join(" ");
            if let Some(v) = verdict {
                paragraph.push('\n');
                paragraph.push_str(&locale.tf("contact_message_reasoning", &[("url", &v.url)]));
            }
            paragraphs.push(paragraph);
        }
    }
    paragraphs.push(locale.t("contact_message_concern"));
    paragraphs.push(locale.t(match to {
        Audience::Kamerlid(_) | Audience::Faction(_) | Audience::Committee => {
            "contact_message_ask_kamer"
        }
        Audience::Minister(_) => "contact_message_ask_minister",
        Audience::Mep(_) | Audience::Meps => "contact_message_ask_mep",
    }));
    paragraphs.push(locale.t("contact_message_closing"));
    Message {
        subject: locale.t("contact_subject"),
        body: paragraphs.join("\n\n"),
    }
}

/// The same message as plain text for a webmail user to copy: the
/// addresses, the subject and the body, each labelled in the words of
/// `locale`.
pub fn plain(locale: &Locale, to: &[&EmailAddress], message: &Message) -> String {
    let to: Vec<&str> = to.iter().map(|a| a.as_str()).collect();
    let to = if to.is_empty() {
        locale.t("contact_plain_no_address")
    } else {
        to.join(", ")
    };
    format!(
        "{}: {to}\n{}: {}\n\n{}",
        locale.t("contact_plain_to"),
        locale.t("contact_plain_subject"),
        message.subject,
        message.body
    )
}

/// Characters kept as they are in a `mailto:` link (RFC 3986 unreserved).
const MAILTO: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A `mailto:` link (RFC 6068) to `to` (none: the visitor fills it in) with
/// the message; line breaks become CRLF. An [`EmailAddress`] has no `?`, `&`,
/// `,` or `%`, so an address cannot add a field or a recipient to the link;
/// what is left to encode (`'`, `+`, letters outside ASCII) is encoded.
pub fn mailto(to: &[&EmailAddress], message: &Message) -> String {
    let enc = |s: &str| utf8_percent_encode(s, MAILTO).to_string();
    let to: Vec<String> = to
        .iter()
        .map(|a| enc(a.as_str()).replace("%40", "@"))
        .collect();
    format!(
        "mailto:{}?subject={}&body={}",
        to.join(","),
        enc(&message.subject),
        enc(&message.body.replace("\r\n", "\n").replace('\n', "\r\n"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    fn nl() -> Locale {
        Locale::builtin("nl")
    }

    fn en() -> Locale {
        Locale::builtin("en")
    }

    fn decision() -> Decision {
        Decision {
            date: "26 november 2025".into(),
            body: "het overleg van de ambassadeurs van de lidstaten".into(),
            summary: Some("De lidstaten stelden hun standpunt vast.".into()),
        }
    }

    fn verdict(past: bool) -> PartyVerdict {
        PartyVerdict {
            party: "Volt".into(),
            label: "Beschermt".into(),
            label_lang: None,
            meaning: "Komt op voor digitale rechten.".into(),
            year: 2023,
            past,
            url: "https://chatcontrole.nl/stemwijzer2023/volt/".into(),
        }
    }

    #[test]
    fn a_kamerlid_hears_about_the_council_and_their_party_with_the_year() {
        let record = vec!["In de huidige Kamer diende Volt de motie-X in.".to_string()];
        let m = compose(
            &nl(),
            Audience::Kamerlid("A. Lid"),
            Some(&decision()),
            Some(&verdict(true)),
            &record,
        );
        assert!(m.body.starts_with("Beste A. Lid,\n\n"));
        assert!(m.body.contains(
            "viel op 26 november 2025, in het overleg van de ambassadeurs van de lidstaten. De lidstaten"
        ));
        assert!(
            m.body.contains(
                "In de stemwijzer van 2023 kreeg Volt het oordeel \"Beschermt\": Komt op voor digitale rechten. In de huidige Kamer diende Volt de motie-X in.\nDe onderbouwing: https://chatcontrole.nl/stemwijzer2023/volt/"
            ),
            "{}",
            m.body
        );
        assert!(!m.body.contains("Coreper"));
        let now = compose(
            &nl(),
            Audience::Kamerlid("A. Lid"),
            None,
            Some(&verdict(false)),
            &[],
        );
        assert!(now.body.contains("In de stemwijzer van 2023 krijgt Volt"));
        assert!(!now.body.contains("Raad van de EU viel"));
    }

    #[test_case(Audience::Kamerlid("A. Lid"), "Beste A. Lid,", true; "one member")]
    #[test_case(Audience::Faction("Volt"), "Beste leden van de fractie van Volt,", true; "a whole faction")]
    #[test_case(Audience::Committee, "Beste leden van de vaste commissie voor Justitie en Veiligheid,", false; "the committee")]
    #[test_case(Audience::Minister("C. Lid"), "Beste C. Lid,", false; "the minister")]
    #[test_case(Audience::Mep("B. Lid"), "Beste B. Lid,", false; "one MEP")]
    #[test_case(Audience::Meps, "Beste Europarlementariërs,", false; "all MEPs")]
    fn each_audience_has_its_greeting_and_only_the_kamer_hears_the_party_record(
        to: Audience<'_>,
        first_line: &str,
        record: bool,
    ) {
        let m = compose(
            &nl(),
            to,
            Some(&decision()),
            Some(&verdict(true)),
            &["Een motie.".to_string()],
        );
        assert_eq!(m.body.lines().next(), Some(first_line));
        assert_eq!(greeting(&nl(), to), first_line);
        assert_eq!(m.body.contains("oordeel"), record, "{}", m.body);
        assert_eq!(m.body.contains("Een motie."), record, "{}", m.body);
    }

    #[test_case(Audience::Minister("C. Lid"), "in de Raad voor zorgen"; "the minister")]
    #[test_case(Audience::Mep("B. Lid"), "standpunt van het Parlement"; "an MEP")]
    #[test_case(Audience::Meps, "standpunt van het Parlement"; "all MEPs")]
    #[test_case(Audience::Committee, "het kabinet vragen"; "the committee")]
    fn each_audience_gets_its_own_question(to: Audience<'_>, question: &str) {
        assert!(compose(&nl(), to, None, None, &[]).body.contains(question));
    }

    #[test_case(Audience::Kamerlid("A. Lid"), "Dear A. Lid,"; "one member")]
    #[test_case(Audience::Faction("Volt"), "Dear members of the Volt parliamentary group,"; "a whole faction")]
    #[test_case(Audience::Committee, "Dear members of the Standing Committee on Justice and Security,"; "the committee")]
    #[test_case(Audience::Meps, "Dear Members of the European Parliament,"; "all MEPs")]
    fn english_greetings(to: Audience<'_>, first_line: &str) {
        assert_eq!(greeting(&en(), to), first_line);
    }

    #[test]
    fn the_english_message_to_meps() {
        let d = Decision {
            date: "26 November 2025".into(),
            body: "the meeting of the member states' ambassadors in Brussels".into(),
            summary: None,
        };
        let m = compose(&en(), Audience::Mep("B. Lid"), Some(&d), None, &[]);
        assert_eq!(
            m.subject,
            "Chat control: protect confidential communication"
        );
        insta::assert_snapshot!("english_message_to_an_mep", m.body);
        assert!(
            m.body.contains("end-to-end encryption") && m.body.contains("scanning"),
            "{}",
            m.body
        );
    }

    #[test]
    fn mailto_links_encode_subject_and_body() {
        let m = Message {
            subject: "Hé & ja?".into(),
            body: "regel 1\nregel 2".into(),
        };
        let to: EmailAddress = "a.lid@tweedekamer.nl".parse().unwrap();
        assert_eq!(
            mailto(&[&to], &m),
            "mailto:a.lid@tweedekamer.nl?subject=H%C3%A9%20%26%20ja%3F&body=regel%201%0D%0Aregel%202"
        );
        assert!(mailto(&[], &m).starts_with("mailto:?subject="));
        let odd: EmailAddress = "o'neil+zoë@kamer.nl".parse().unwrap();
        assert!(
            mailto(&[&odd], &m).starts_with("mailto:o%27neil%2Bzo%C3%AB@kamer.nl?subject="),
            "{}",
            mailto(&[&odd], &m)
        );
    }

    #[test]
    fn several_recipients_share_one_link_comma_separated() {
        let m = Message {
            subject: "S".into(),
            body: "B".into(),
        };
        let a: EmailAddress = "a.lid@tweedekamer.nl".parse().unwrap();
        let b: EmailAddress = "b.lid@tweedekamer.nl".parse().unwrap();
        assert_eq!(
            mailto(&[&a, &b], &m),
            "mailto:a.lid@tweedekamer.nl,b.lid@tweedekamer.nl?subject=S&body=B"
        );
    }

    #[test_case("nl", &["a.lid@tweedekamer.nl", "b.lid@tweedekamer.nl"], "Aan: a.lid@tweedekamer.nl, b.lid@tweedekamer.nl\nOnderwerp: S\n\nB"; "addresses")]
    #[test_case("nl", &[], "Aan: (geen nagekeken adres in onze lijst: vul het zelf in)\nOnderwerp: S\n\nB"; "no address says so")]
    #[test_case("en", &[], "To: (no checked address in our list: fill it in yourself)\nSubject: S\n\nB"; "in English")]
    fn the_plain_text_for_webmail(lang: &str, to: &[&str], expected: &str) {
        let to: Vec<EmailAddress> = to.iter().map(|a| a.parse().unwrap()).collect();
        let to: Vec<&EmailAddress> = to.iter().collect();
        let m = Message {
            subject: "S".into(),
            body: "B".into(),
        };
        assert_eq!(plain(&Locale::builtin(lang), &to, &m), expected);
    }
}
