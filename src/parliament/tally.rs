//! From the API's decisions to one recorded vote: which decision counts, how
//! the rows add up, and whether the totals can be right.
//!
//! Rules (facts/tk_odata.md §5–6): only decisions with vote rows count, and
//! not proposals (`Status = Voorstel`); of several, the latest by date and then
//! by `AgendapuntZaakBesluitVolgorde` wins. A member row (roll call) weighs 1,
//! a faction row weighs its `FractieGrootte`. Rows repeated for the same
//! faction or member are counted once. A mistaken-vote flag is kept on the row
//! and never changes the tally, which must reproduce the official result.
//! More than 150 seats in total means the data are wrong.

use chrono::NaiveDate;

use super::api::{Besluit, Stemming, Zaak};
use crate::diagnostics::Message;
use crate::guide::model::VoteChoice;
pub use crate::guide::votes_file::VoteKind;
use crate::msg;

/// Seats in the Tweede Kamer.
pub const SEATS: u32 = 150;

/// One counted row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Faction label as the API wrote it at the time.
    pub faction: String,
    /// Member name for a member row.
    pub member: Option<String>,
    /// How the row voted.
    pub vote: VoteChoice,
    /// Seats (faction row) or 1 (member row); `None` when the API gave no size.
    pub weight: Option<u32>,
    /// Declared afterwards to be a mistake.
    pub mistaken: bool,
}

/// The vote that counts for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// The Zaak number the decision belongs to.
    pub zaak: String,
    /// The case's title.
    pub title: String,
    /// `BesluitSoort`, e.g. `Stemmen - aangenomen`.
    pub result: String,
    /// Show of hands or roll call.
    pub kind: VoteKind,
    /// The vote date, when the API gave it.
    pub date: Option<NaiveDate>,
    /// The counted rows, in the API's order.
    pub rows: Vec<Row>,
}

impl Tally {
    /// Seats (or members) for, against and not taking part; rows without a size are left out.
    pub fn totals(&self) -> (u32, u32, u32) {
        let mut t = (0, 0, 0);
        for r in &self.rows {
            let w = r.weight.unwrap_or(0);
            match r.vote {
                VoteChoice::For => t.0 += w,
                VoteChoice::Against => t.1 += w,
                VoteChoice::Absent => t.2 += w,
            }
        }
        t
    }

    /// How many rows have no seat count.
    pub fn rows_without_seats(&self) -> usize {
        self.rows.iter().filter(|r| r.weight.is_none()).count()
    }
}

/// Why no vote could be taken from an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyError {
    /// The item exists but has no recorded vote (yet).
    NoVote,
    /// The answer has no case with this number.
    NotFound,
    /// The data cannot be right, e.g. more than 150 seats.
    Invalid(Message),
}

/// Picks the deciding vote among all decisions of `zaken` and counts it.
pub fn tally(zaken: &[Zaak], is_motion: bool) -> Result<Tally, TallyError> {
    if zaken.is_empty() {
        return Err(TallyError::NotFound);
    }
    let mut best: Option<(&Zaak, &Besluit)> = None;
    for z in zaken {
        for b in &z.besluit {
            if b.stemming.is_empty() || b.status.as_deref() == Some("Voorstel") {
                continue;
            }
            let key = |b: &Besluit| (b.date(), b.agendapunt_zaak_besluit_volgorde.unwrap_or(0));
            if best.is_none_or(|(_, current)| key(b) > key(current)) {
                best = Some((z, b));
            }
        }
    }
    let Some((zaak, besluit)) = best else {
        return Err(TallyError::NoVote);
    };
    let roll_call = besluit
        .stemmings_soort
        .as_deref()
        .is_some_and(|s| s.eq_ignore_ascii_case("hoofdelijk"));
    let mut seen = std::collections::BTreeSet::new();
    let mut rows = Vec::new();
    for s in &besluit.stemming {
        let key = s
            .persoon_id
            .clone()
            .or_else(|| s.fractie_id.clone())
            .or_else(|| s.actor_naam.clone())
            .unwrap_or_else(|| s.id.clone());
        if !seen.insert(key) {
            continue;
        }
        rows.push(row(s)?);
    }
    let title = if is_motion {
        zaak.onderwerp.clone().or_else(|| zaak.titel.clone())
    } else {
        zaak.citeertitel.clone().or_else(|| zaak.titel.clone())
    };
    let tally = Tally {
        zaak: zaak.nummer.clone().unwrap_or_default(),
        title: title.unwrap_or_default(),
        result: besluit.besluit_soort.clone().unwrap_or_default(),
        kind: if roll_call {
            VoteKind::RollCall
        } else {
            VoteKind::Faction
        },
        date: besluit.date(),
        rows,
    };
    let (f, a, n) = tally.totals();
    if f + a + n > SEATS {
        return Err(TallyError::Invalid(msg!(
            "the vote rows add up to {} seats ({f} for, {a} against, {n} not taking part), more than the {SEATS} of the Kamer",
            "de stemrijen tellen op tot {} zetels ({f} voor, {a} tegen, {n} niet deelgenomen), meer dan de {SEATS} van de Kamer",
            f + a + n
        )));
    }
    Ok(tally)
}

fn row(s: &Stemming) -> Result<Row, TallyError> {
    let vote = match s.soort.as_deref().map(str::trim) {
        Some("Voor") => VoteChoice::For,
        Some("Tegen") => VoteChoice::Against,
        Some("Niet deelgenomen") => VoteChoice::Absent,
        other => {
            let id = &s.id;
            let soort = other
                .map(|t| Message::verbatim(format!("{t:?}")))
                .unwrap_or_else(|| msg!("\"(empty)\"", "\"(leeg)\""));
            return Err(TallyError::Invalid(msg!(
                "vote row {id} has Soort {soort}, not Voor, Tegen or Niet deelgenomen",
                "stemrij {id} heeft Soort {soort}, niet Voor, Tegen of Niet deelgenomen";
                soort
            )));
        }
    };
    let is_member = s.persoon_id.is_some();
    let faction = s
        .actor_fractie
        .clone()
        .or_else(|| (!is_member).then(|| s.actor_naam.clone()).flatten())
        .ok_or_else(|| {
            TallyError::Invalid(msg!(
                "vote row {} names no faction",
                "stemrij {} noemt geen fractie",
                s.id
            ))
        })?;
    let weight = if is_member {
        Some(1)
    } else {
        match s.fractie_grootte {
            None => None,
            Some(n) if (0..=i64::from(SEATS)).contains(&n) => Some(n as u32),
            Some(n) => {
                return Err(TallyError::Invalid(msg!(
                    "vote row {} gives {faction} {n} seats",
                    "stemrij {} geeft {faction} {n} zetels",
                    s.id
                )));
            }
        }
    };
    Ok(Row {
        faction,
        member: if is_member {
            s.actor_naam.clone()
        } else {
            None
        },
        vote,
        weight,
        mistaken: s.vergissing == Some(true),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parliament::api::zaken;
    use serde_json::json;

    fn stemming(
        id: &str,
        soort: &str,
        size: i64,
        naam: &str,
        persoon: Option<&str>,
    ) -> serde_json::Value {
        json!({"Id": id, "Soort": soort, "FractieGrootte": size, "ActorNaam": naam,
               "ActorFractie": if persoon.is_some() { "VVD" } else { naam },
               "Vergissing": false, "Persoon_Id": persoon, "Fractie_Id": null, "Verwijderd": false})
    }

    fn zaak(besluiten: Vec<serde_json::Value>) -> Vec<Zaak> {
        zaken(vec![json!({"Id": "z", "Nummer": "2023Z1", "Onderwerp": "Motie over iets", "Besluit": besluiten})]).unwrap()
    }

    fn besluit(
        id: &str,
        datum: &str,
        soort: &str,
        rows: Vec<serde_json::Value>,
    ) -> serde_json::Value {
        json!({"Id": id, "StemmingsSoort": soort, "BesluitSoort": "Stemmen - aangenomen", "Status": "Besluit",
               "AgendapuntZaakBesluitVolgorde": 1, "Verwijderd": false, "Stemming": rows,
               "Agendapunt": {"Activiteit": {"Datum": datum}}})
    }

    #[test]
    fn faction_rows_weigh_their_seats_and_roll_calls_one_each() {
        let z = zaak(vec![besluit(
            "b",
            "2023-04-18T00:00:00+02:00",
            "Met handopsteken",
            vec![
                stemming("1", "Voor", 24, "D66", None),
                stemming("2", "Tegen", 34, "VVD", None),
            ],
        )]);
        assert_eq!(tally(&z, true).unwrap().totals(), (24, 34, 0));
        let z = zaak(vec![besluit(
            "b",
            "2023-04-18",
            "Hoofdelijk",
            vec![
                stemming("1", "Voor", 34, "Lid A", Some("p1")),
                stemming("2", "Tegen", 34, "Lid B", Some("p2")),
                stemming("3", "Tegen", 34, "Lid B", Some("p2")),
            ],
        )]);
        let t = tally(&z, true).unwrap();
        assert_eq!(t.kind, VoteKind::RollCall);
        assert_eq!(
            t.totals(),
            (1, 1, 0),
            "member rows count 1, duplicates once"
        );
    }

    #[test]
    fn the_latest_decision_counts() {
        let z = zaak(vec![
            besluit(
                "old",
                "2023-04-11",
                "Met handopsteken",
                vec![stemming("1", "Tegen", 24, "D66", None)],
            ),
            besluit(
                "new",
                "2023-04-18",
                "Met handopsteken",
                vec![stemming("2", "Voor", 24, "D66", None)],
            ),
        ]);
        let t = tally(&z, true).unwrap();
        assert_eq!(t.rows[0].vote, VoteChoice::For);
        assert_eq!(t.date, Some("2023-04-18".parse().unwrap()));
    }

    #[test]
    fn more_than_150_seats_is_invalid() {
        let z = zaak(vec![besluit(
            "b",
            "2023-04-18",
            "Met handopsteken",
            vec![
                stemming("1", "Voor", 100, "A", None),
                stemming("2", "Tegen", 51, "B", None),
            ],
        )]);
        let Err(TallyError::Invalid(m)) = tally(&z, true) else {
            panic!("151 seats must be invalid");
        };
        assert!(m.en.starts_with("the vote rows add up to 151 seats"), "{m}");
        assert!(
            m.nl.starts_with("de stemrijen tellen op tot 151 zetels"),
            "{}",
            m.nl
        );
    }

    #[test]
    fn no_vote_rows_is_no_vote() {
        let z = zaak(vec![besluit("b", "2023-04-18", "Met handopsteken", vec![])]);
        assert_eq!(tally(&z, true), Err(TallyError::NoVote));
        assert_eq!(tally(&[], true), Err(TallyError::NotFound));
    }
}
