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
use crate::council::facts::{end_of, position_fact_in};
use crate::council::local_text::{Phrase, date_label};
use crate::council::model::{Body, MomentResult, Position};
use crate::locale::Locale;

/// Who met and what came of it, in words a voter knows (the Council's own
/// names, such as Coreper, are jargon): `levels_council_<body>_<result>`.
pub fn what_happened(body: Body, result: MomentResult, locale: &Locale) -> String {
    let body = match body {
        Body::Coreper => "coreper",
        Body::JhaCouncil => "jha",
    };
    locale.t(&format!("levels_council_{body}_{}", result.as_str()))
}

/// The party's Council level, in `locale`'s words.
pub fn level(inputs: &Inputs, party: &str, locale: &Locale) -> Level {
    let (Some(council), Some(cabinets)) = (inputs.council, inputs.cabinets) else {
        return Level::new(
            LevelKind::Council,
            Vec::new(),
            locale.t("levels_council_no_data"),
            locale,
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
        let fact = position_fact_in(council, "NL", &iso, locale).ok();
        let (label, key) = fact
            .as_ref()
            .map(|f| (f.label.clone(), f.position))
            .unwrap_or_else(|| (locale.t("council_position_unknown"), "unknown"));
        let minister = cabinet.minister_on(day);
        let own = minister.is_some_and(|m| m.party.as_deref() == Some(party));
        // A clear position says of what: "tegen het voorstel".
        let position = match Position::parse(key) {
            Some(p @ (Position::Oppose | Position::Support)) => p.label_proposal(locale),
            _ => label,
        };
        let cabinet_name = cabinet.name_phrase(locale);
        let mut what = Phrase::tf(
            locale,
            if own {
                "levels_council_event_own_minister"
            } else {
                "levels_council_event"
            },
            &[
                ("cabinet", &cabinet_name),
                (
                    "what",
                    &Phrase::text(&what_happened(moment.body, moment.result, locale)),
                ),
                ("position", &Phrase::text(&position)),
            ],
        );
        if let Some(m) = minister {
            let key = match (&m.party, own) {
                (Some(_), true) => "levels_council_minister_own",
                (Some(_), false) => "levels_council_minister_party",
                (None, _) => "levels_council_minister",
            };
            let party_name = m
                .party
                .as_deref()
                .map(|p| party_name(inputs, p))
                .unwrap_or_default();
            what.push_str(" ");
            what.push_str(&locale.tf(key, &[("name", &m.name), ("party", &party_name)]));
        }
        events.push(LevelEvent {
            date: day,
            date_label: date_label(&moment.date, locale),
            what,
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
        locale.t("levels_council_not_in_cabinet")
    } else {
        locale.t("levels_council_abstention_note")
    };
    Level::new(LevelKind::Council, events, note, locale)
}

fn party_name(inputs: &Inputs, id: &str) -> String {
    inputs
        .guide
        .party(id)
        .map(|p| p.short_name.clone().unwrap_or_else(|| p.name.clone()))
        .unwrap_or_else(|| id.to_string())
}
