//! The Council level: what the Dutch government did at each Council meeting
//! on chat control while the party was part of it, and whether the party's
//! own minister held the file (Justice and Security) then.
//!
//! It joins the Council's moments with the Dutch position on each day
//! (`data/council/`) and the cabinets with their ministers
//! (`data/cabinets.toml`). A meeting before the first cabinet on record is
//! left out rather than guessed; the words say "het kabinet", because a
//! coalition party did not decide alone.

use super::{Inputs, Level, LevelEvent, LevelKind};
use crate::council::facts::{end_of, position_fact};
use crate::council::model::{Body, MomentResult};

/// Who met and what came of it, in words a voter knows (the Council's own
/// names, such as Coreper, are jargon).
pub fn what_happened(body: Body, result: MomentResult) -> &'static str {
    match (body, result) {
        (Body::Coreper, MomentResult::Agreed) => "de EU-ambassadeurs bereikten een akkoord",
        (Body::Coreper, MomentResult::Withdrawn) => {
            "een stemming van de EU-ambassadeurs ging niet door"
        }
        (Body::JhaCouncil, MomentResult::Agreed) => {
            "de EU-ministers van Justitie bereikten een akkoord"
        }
        (Body::JhaCouncil, MomentResult::Withdrawn) => {
            "een stemming van de EU-ministers van Justitie ging niet door"
        }
    }
}

/// The party's Council level.
pub fn level(inputs: &Inputs, party: &str) -> Level {
    let (Some(council), Some(cabinets)) = (inputs.council, inputs.cabinets) else {
        return Level::new(
            LevelKind::Council,
            Vec::new(),
            "Deze site heeft geen gegevens over kabinetten en de Raad.".to_string(),
        );
    };
    let mut events = Vec::new();
    for moment in &council.moments {
        let day = end_of(&moment.date);
        if day > inputs.today {
            continue;
        }
        let Some(cabinet) = cabinets.on(day) else {
            continue;
        };
        if !cabinet.includes(party, day) {
            continue;
        }
        let iso = day.format("%Y-%m-%d").to_string();
        let fact = position_fact(council, "NL", &iso).ok();
        let (label, key) = fact
            .as_ref()
            .map(|f| (f.label.clone(), f.position))
            .unwrap_or_else(|| ("onbekend".to_string(), "unknown"));
        let minister = cabinet.minister_on(day);
        let own = minister.is_some_and(|m| m.party.as_deref() == Some(party));
        let who = match minister {
            Some(m) => format!(
                " Minister van Justitie en Veiligheid: {}{}{}.",
                m.name,
                m.party
                    .as_deref()
                    .map(|p| format!(" ({})", party_name(inputs, p)))
                    .unwrap_or_default(),
                if own { ", van deze partij" } else { "" }
            ),
            None => String::new(),
        };
        events.push(LevelEvent {
            date: day,
            date_label: moment.date.label_nl(),
            what: format!(
                "Onder het {} ({}): {}; positie van Nederland: {label}{}.{who}",
                cabinet.name,
                if own {
                    "met de minister van deze partij"
                } else {
                    "waarin de partij zat"
                },
                what_happened(moment.body, moment.result),
                if matches!(key, "oppose" | "support") {
                    " het voorstel"
                } else {
                    ""
                },
            ),
            detail: None,
            protects: match key {
                "oppose" => Some(true),
                "support" => Some(false),
                _ => None,
            },
            source: None,
            page: Some("/raad/nl/".to_string()),
            more: None,
        });
    }
    let note = if events.is_empty() {
        "De partij zat niet in een kabinet op de dagen dat de Raad over chatcontrole besliste of een stemming schrapte.".to_string()
    } else {
        "Een onthouding telt in de Raad mee als tegenstem, maar is geen nee; dan staat hier geen oordeel.".to_string()
    };
    Level::new(LevelKind::Council, events, note)
}

fn party_name(inputs: &Inputs, id: &str) -> String {
    inputs
        .guide
        .party(id)
        .map(|p| p.short_name.clone().unwrap_or_else(|| p.name.clone()))
        .unwrap_or_else(|| id.to_string())
}
