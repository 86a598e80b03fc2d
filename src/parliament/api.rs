//! The rows of the Tweede Kamer API that a vote needs: Zaak → Besluit →
//! Stemming (facts/tk_odata.md §2), read from JSON into typed values.
//!
//! Field names are the API's PascalCase. Content fields are optional because
//! deleted rows come back with them emptied (§6); a field of the wrong type is
//! an error naming the row, never a silent default.

use chrono::{DateTime, NaiveDate};
use serde::Deserialize;
use serde_json::Value;

use crate::diagnostics::Message;
use crate::msg;

/// A parliamentary case: a motion, a bill, …
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Zaak {
    /// GUID.
    pub id: String,
    /// E.g. `2023Z07239`.
    pub nummer: Option<String>,
    /// `Motie`, `Wetgeving`, …
    pub soort: Option<String>,
    /// For motions usually the dossier title.
    pub titel: Option<String>,
    /// For motions the usable motion title ("Motie van het lid … over …").
    pub onderwerp: Option<String>,
    /// Short title of a bill.
    pub citeertitel: Option<String>,
    /// When the case started (submission of a motion).
    pub gestart_op: Option<String>,
    /// True for a deleted row.
    pub verwijderd: Option<bool>,
    /// The decisions on this case.
    #[serde(default)]
    pub besluit: Vec<Besluit>,
}

/// A decision on an agenda item, possibly a vote.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Besluit {
    /// GUID.
    pub id: String,
    /// `Met handopsteken` or `Hoofdelijk`; null for decisions without a vote.
    pub stemmings_soort: Option<String>,
    /// E.g. `Stemmen - aangenomen`.
    pub besluit_soort: Option<String>,
    /// `Besluit`, `Voorstel`, …
    pub status: Option<String>,
    /// Order of decisions on one agenda item.
    pub agendapunt_zaak_besluit_volgorde: Option<i64>,
    /// True for a deleted row.
    pub verwijderd: Option<bool>,
    /// The vote rows.
    #[serde(default)]
    pub stemming: Vec<Stemming>,
    /// The agenda item, whose activity carries the date.
    pub agendapunt: Option<Agendapunt>,
}

/// An agenda item of a plenary session.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Agendapunt {
    /// The activity (the voting session).
    pub activiteit: Option<Activiteit>,
}

/// A session; for votes its `Datum` is the vote date.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Activiteit {
    /// Date and time, e.g. `2023-04-18T00:00:00+02:00`.
    pub datum: Option<String>,
}

/// One vote row: a faction (show of hands) or a member (roll call).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Stemming {
    /// GUID.
    pub id: String,
    /// `Voor`, `Tegen` or `Niet deelgenomen`.
    pub soort: Option<String>,
    /// Seats the row represents in a faction vote.
    pub fractie_grootte: Option<i64>,
    /// Faction name, or member name in a roll call.
    pub actor_naam: Option<String>,
    /// Faction label at the time of the vote.
    pub actor_fractie: Option<String>,
    /// Declared afterwards to be a mistake.
    pub vergissing: Option<bool>,
    /// Set on member rows (roll call).
    #[serde(rename = "Persoon_Id")]
    pub persoon_id: Option<String>,
    /// The faction entity.
    #[serde(rename = "Fractie_Id")]
    pub fractie_id: Option<String>,
    /// True for a deleted row.
    pub verwijderd: Option<bool>,
}

impl Besluit {
    /// The vote date from the agenda item's activity, if the API gave it.
    pub fn date(&self) -> Option<NaiveDate> {
        self.agendapunt
            .as_ref()
            .and_then(|a| a.activiteit.as_ref())
            .and_then(|a| a.datum.as_deref())
            .and_then(parse_day)
    }
}

/// The calendar day of an OData date-time (in its own offset) or date.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.date_naive())
        .ok()
        .or_else(|| NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok())
}

/// A Zaak row of the API's answer that does not have the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message().en)]
pub struct ZaakError {
    /// The row's `Id`, if it has one.
    pub id: Option<String>,
    /// What the JSON reader said (its own words, in English).
    pub reason: String,
}

impl ZaakError {
    /// What is wrong, in English and Dutch; the JSON reader's words stay as
    /// they are.
    pub fn message(&self) -> Message {
        let id = self
            .id
            .clone()
            .map(Message::verbatim)
            .unwrap_or_else(|| msg!("(no Id)", "(geen Id)"));
        let reason = &self.reason;
        msg!(
            "Zaak {id} does not have the expected fields: {reason}",
            "Zaak {id} heeft niet de verwachte velden: {reason}";
            id
        )
    }
}

/// Reads the Zaak rows of an answer, dropping deleted rows at every level.
/// A row of the wrong shape is an error that names it.
pub fn zaken(rows: Vec<Value>) -> Result<Vec<Zaak>, ZaakError> {
    let mut out = Vec::new();
    for row in rows {
        let id = row.get("Id").and_then(Value::as_str).map(str::to_string);
        let mut zaak: Zaak = serde_json::from_value(row).map_err(|e| ZaakError {
            id: id.clone(),
            reason: e.to_string(),
        })?;
        if zaak.verwijderd == Some(true) {
            continue;
        }
        zaak.besluit.retain(|b| b.verwijderd != Some(true));
        for b in &mut zaak.besluit {
            b.stemming.retain(|s| s.verwijderd != Some(true));
        }
        out.push(zaak);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("2023-04-18T00:00:00+02:00", Some("2023-04-18"))]
    #[test_case("2023-10-24", Some("2023-10-24"))]
    #[test_case("gisteren", None)]
    fn days(text: &str, expected: Option<&str>) {
        assert_eq!(
            parse_day(text),
            expected.map(|d| d.parse::<NaiveDate>().unwrap())
        );
    }

    #[test]
    fn reads_the_constructed_example_and_drops_the_tombstone() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/tk/zaak_by_nummer_expanded.CONSTRUCTED.json"
        ))
        .expect("fixture");
        let json: Value = serde_json::from_str(&text).unwrap();
        let rows = json["value"].as_array().unwrap().clone();
        let raw_rows: usize = rows[0]["Besluit"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["Stemming"].as_array().unwrap().len())
            .sum();
        let zaken = zaken(rows).unwrap();
        let kept: usize = zaken[0].besluit.iter().map(|b| b.stemming.len()).sum();
        assert_eq!(kept, raw_rows - 1);
        assert!(
            zaken[0]
                .besluit
                .iter()
                .flat_map(|b| &b.stemming)
                .all(|s| s.soort.is_some())
        );
    }

    #[test]
    fn wrong_types_name_the_row() {
        let row = serde_json::json!({"Id": "z1", "Nummer": "2023Z1", "Besluit": [
            {"Id": "b1", "Stemming": [{"Id": "s1", "FractieGrootte": "veel"}]}
        ]});
        let err = zaken(vec![row]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Zaak z1 does not have the expected fields: "),
            "{err}"
        );
        assert!(
            err.message()
                .nl
                .starts_with("Zaak z1 heeft niet de verwachte velden: "),
            "{}",
            err.message().nl
        );
    }

    #[test]
    fn a_row_without_id_says_so_in_both_languages() {
        let err = zaken(vec![serde_json::json!({"Nummer": 3})]).unwrap_err();
        assert!(
            err.to_string().starts_with("Zaak (no Id) does not"),
            "{err}"
        );
        assert!(
            err.message().nl.starts_with("Zaak (geen Id) heeft"),
            "{}",
            err.message().nl
        );
    }
}
