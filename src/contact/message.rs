//! The default message of the contact tool, in Dutch, written from the
//! site's own data: the latest decision of the Council of the EU and, for a
//! Kamerlid, the verdict the voting guide gave their party. The visitor is
//! invited to change it; it only ever leaves through their own mail program.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::email::EmailAddress;

/// Whom the message is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience<'a> {
    /// A member of the Tweede Kamer.
    Kamerlid(&'a str),
    /// The responsible minister.
    Minister(&'a str),
    /// A Dutch member of the European Parliament.
    Mep(&'a str),
}

/// The latest decision in the Council, as the message mentions it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// "26 november 2025".
    pub date: String,
    /// "Coreper" or "JBZ-Raad".
    pub body: String,
    /// The editors' summary of what happened.
    pub summary: String,
}

/// What the voting guide said about the recipient's party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyVerdict {
    /// Party name.
    pub party: String,
    /// Verdict label, e.g. "Beschermt niet".
    pub label: String,
    /// What the verdict means.
    pub meaning: String,
    /// The guide's title.
    pub election: String,
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

/// The subject of every prepared message.
pub const SUBJECT: &str = "Chatcontrole: bescherm vertrouwelijke communicatie";

/// Writes the default message for `to`.
pub fn compose(
    to: Audience<'_>,
    decision: Option<&Decision>,
    verdict: Option<&PartyVerdict>,
) -> Message {
    let name = match to {
        Audience::Kamerlid(n) | Audience::Minister(n) | Audience::Mep(n) => n,
    };
    let mut paragraphs = vec![
        format!("Beste {name},"),
        "Ik schrijf u over chatcontrole: het Europese voorstel waarmee chatdiensten de berichten van hun gebruikers zouden doorzoeken op beelden van kindermisbruik, ook van mensen die nergens van worden verdacht.".to_string(),
    ];
    if let Some(d) = decision {
        paragraphs.push(format!(
            "Het laatste besluit in de Raad van de EU viel op {}, in {}. {}",
            d.date,
            d.body,
            d.summary.trim()
        ));
    }
    if let (Audience::Kamerlid(_), Some(v)) = (to, verdict) {
        let verb = if v.past { "kreeg" } else { "krijgt" };
        paragraphs.push(format!(
            "In de {} {verb} {} het oordeel \"{}\": {} De onderbouwing staat op {}",
            v.election, v.party, v.label, v.meaning, v.url
        ));
    }
    paragraphs.push("Kinderen verdienen betere bescherming. Maar het doorzoeken van ieders privéberichten maakt versleuteling zwakker, treft vooral onschuldige mensen en levert veel valse meldingen op.".to_string());
    paragraphs.push(match to {
        Audience::Kamerlid(_) => "Wilt u het kabinet vragen om in Brussel op te komen voor versleutelde communicatie, en tegen het doorzoeken van berichten zonder verdenking?",
        Audience::Minister(_) => "Wilt u er in de Raad voor zorgen dat Nederland opkomt voor versleutelde communicatie, en geen tekst steunt die het doorzoeken van privéberichten zonder verdenking mogelijk maakt?",
        Audience::Mep(_) => "Wilt u in de onderhandelingen met de Raad vasthouden aan het standpunt van het Parlement: gericht onderzoek naar verdachten, geen ongericht scannen en geen verzwakking van versleuteling?",
    }.to_string());
    paragraphs.push("Met vriendelijke groet,\n\n[uw naam en woonplaats]".to_string());
    Message {
        subject: SUBJECT.to_string(),
        body: paragraphs.join("\n\n"),
    }
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

    fn decision() -> Decision {
        Decision {
            date: "26 november 2025".into(),
            body: "Coreper".into(),
            summary: "De lidstaten stelden hun standpunt vast.".into(),
        }
    }

    fn verdict(past: bool) -> PartyVerdict {
        PartyVerdict {
            party: "Volt".into(),
            label: "Beschermt".into(),
            meaning: "Komt op voor digitale rechten.".into(),
            election: "stemwijzer 2023".into(),
            past,
            url: "https://chatcontrole.nl/stemwijzer2023/volt/".into(),
        }
    }

    #[test]
    fn a_kamerlid_hears_about_the_council_and_their_party() {
        let m = compose(
            Audience::Kamerlid("A. Lid"),
            Some(&decision()),
            Some(&verdict(true)),
        );
        assert!(m.body.starts_with("Beste A. Lid,\n\n"));
        assert!(
            m.body
                .contains("viel op 26 november 2025, in Coreper. De lidstaten")
        );
        assert!(m.body.contains("kreeg Volt het oordeel \"Beschermt\""));
        assert!(
            m.body
                .contains("https://chatcontrole.nl/stemwijzer2023/volt/")
        );
        let now = compose(Audience::Kamerlid("A. Lid"), None, Some(&verdict(false)));
        assert!(now.body.contains("krijgt Volt"));
        assert!(!now.body.contains("Raad van de EU viel"));
    }

    #[test]
    fn others_get_their_own_question_and_no_party_verdict() {
        let m = compose(
            Audience::Mep("B. Lid"),
            Some(&decision()),
            Some(&verdict(true)),
        );
        assert!(!m.body.contains("oordeel"));
        assert!(m.body.contains("standpunt van het Parlement"));
        let m = compose(Audience::Minister("C. Lid"), None, None);
        assert!(m.body.contains("in de Raad voor zorgen"));
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
}
