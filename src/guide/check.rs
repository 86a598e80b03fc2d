//! Consistency checks over loaded guide data, for `chatcontrole check`.
//!
//! Loading already rejects what cannot be understood; this finds what is
//! understood but doubtful: verdicts without sources, evidence without links or
//! without classification, references to undefined items, votes whose stance
//! contradicts the item, verdicts that differ from the rules without a reason,
//! and parties treated differently on the same kind of evidence.
//!
//! Errors are problems a reader would be misled by; warnings are gaps an
//! editor should fill. The example site has neither.

use std::collections::BTreeMap;

use super::assessed::Assessed;
use super::model::{
    Election, Evidence, EvidenceKind, GuideData, PartyEntry, RuleOutcome, Stance, VoteChoice,
};
use super::verdict::Profile;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::locale::Locale;
use crate::msg;

/// Runs every check on every election of the assessed data and returns
/// what it found.
pub fn check(assessed: &Assessed) -> Diagnostics {
    let data = assessed.data;
    let mut diags = Diagnostics::new();
    for election in &data.elections {
        for entry in &election.entries {
            check_sources(election, entry, &mut diags);
            check_evidence(data, entry, &mut diags);
            check_override(assessed, election, entry, &mut diags);
        }
        check_equal_treatment(election, &mut diags);
    }
    check_items(data, &mut diags);
    check_vote_files(data, &mut diags);
    diags
}

/// The hint for a vote whose source is a local address.
fn local_address_hint() -> Message {
    msg!(
        "run `chatcontrole sync votes` against the Tweede Kamer's real API (the default --api), or give the press report or official record the vote comes from",
        "voer `chatcontrole sync votes` uit met de echte API van de Tweede Kamer (de standaard-API van --api), of geef het nieuwsbericht of het officiële verslag waar de stemming uit komt"
    )
}

/// The error for a vote whose source is a local address (`host`).
fn local_address(file: &std::path::Path, line: usize, host: &str) -> Diagnostic {
    Diagnostic::error(
        "guide-vote-source-local",
        file,
        line,
        1,
        msg!(
            "this vote's source is a local address ({host}), which must not be published",
            "de bron van deze stemming is een lokaal adres ({host}), en dat mag niet gepubliceerd worden"
        ),
    )
    .with_hint(local_address_hint())
}

/// A vote file written from a test API (127.0.0.1, a private network) must
/// not reach published data: its address would be in data.json and on the
/// pages.
fn check_vote_files(data: &GuideData, diags: &mut Diagnostics) {
    for file in data.votes.values() {
        if let Some(host) = file.provenance.as_ref().and_then(|p| p.local_address()) {
            diags.push(local_address(&file.source_at.0, file.source_at.1, host));
        }
    }
}

/// An item whose protecting vote nobody decided yet (`protects` missing or
/// `"unclassified"`, as the importer writes it) is an editor's to-do: its
/// votes and motions count for neither side until then.
fn check_items(data: &GuideData, diags: &mut Diagnostics) {
    for item in data.items.values().filter(|i| i.protects.is_none()) {
        let number = &item.number;
        diags.push(
            Diagnostic::warning(
                "guide-check-item-protects-missing",
                &item.origin.file,
                item.origin.line,
                1,
                msg!(
                    "item `{number}` does not say which vote protects yet",
                    "item `{number}` zegt nog niet welke stem beschermt"
                ),
            )
            .with_hint(msg!(
                "set protects = \"for\" or \"against\" (the vote that protects confidential communication); until then its votes and motions stay unclassified",
                "zet protects = \"for\" of \"against\" (de stem die vertrouwelijke communicatie beschermt); tot dan blijven de stemmingen en moties erover nog niet beoordeeld"
            )),
        );
    }
}

fn at_entry(entry: &PartyEntry) -> (&std::path::Path, usize) {
    (&entry.origin.file, entry.origin.line)
}

fn at_evidence(e: &Evidence) -> (&std::path::Path, usize) {
    (&e.origin.file, e.origin.line)
}

/// A verdict needs a source readers can check. The one exception: an unclear
/// verdict of a party whose programme the editors marked as not available
/// (`[programme] available = false` with a `note`), because then there is
/// nothing to link to and the page says why. Without a source, an unclear
/// verdict or one resting on evidence still `unclassified` is a warning.
fn check_sources(election: &Election, entry: &PartyEntry, diags: &mut Diagnostics) {
    if entry.has_source() {
        return;
    }
    let (file, line) = at_entry(entry);
    let unclear = election
        .level(&entry.verdict)
        .is_some_and(|l| l.rule == Some(RuleOutcome::Unclear));
    let documented_absence = entry
        .programme
        .as_ref()
        .is_some_and(|p| p.unavailable_with_note());
    if unclear && documented_absence {
        return;
    }
    let verdict = &entry.verdict;
    let message = msg!(
        "the verdict `{verdict}` has no source at all",
        "het oordeel `{verdict}` heeft helemaal geen bron"
    );
    // Imported evidence nobody reviewed yet (e.g. a statement the party sent
    // the campaign, quoted without a link) is an editor's to-do, not yet a
    // published claim.
    let unreviewed = entry
        .evidence
        .iter()
        .any(|e| e.stance == Stance::Unclassified);
    let hint = if unclear {
        msg!(
            "add a [programme] url or evidence with a url, so readers can check the verdict; if the party published no programme, write [programme] available = false with a note saying so",
            "voeg een url toe bij [programme] of bewijs met een url, zodat lezers het oordeel kunnen controleren; heeft de partij geen programma gepubliceerd, schrijf dan bij [programme] available = false met een note die dat zegt"
        )
    } else {
        msg!(
            "add a [programme] url or evidence with a url, so readers can check the verdict",
            "voeg een url toe bij [programme] of bewijs met een url, zodat lezers het oordeel kunnen controleren"
        )
    };
    diags.push(if unclear || unreviewed {
        Diagnostic::warning("guide-check-verdict-unsourced", file, line, 1, message).with_hint(hint)
    } else {
        Diagnostic::error("guide-check-verdict-unsourced", file, line, 1, message).with_hint(hint)
    });
}

fn check_evidence(data: &GuideData, entry: &PartyEntry, diags: &mut Diagnostics) {
    for e in &entry.evidence {
        let (file, line) = at_evidence(e);
        // A missing answer has nothing to link to.
        let unanswered = e.kind == EvidenceKind::Reply && e.stance == Stance::Silent;
        if e.url.is_none() && !unanswered {
            diags.push(
                Diagnostic::warning(
                    "guide-check-evidence-no-url",
                    file,
                    line,
                    1,
                    msg!("evidence without a url", "bewijs zonder url"),
                )
                .with_hint(msg!(
                    "add url = \"https://...\" pointing at the programme, vote or article",
                    "voeg url = \"https://...\" toe die naar het programma, de stemming of het artikel wijst"
                )),
            );
        }
        if let Some(host) = e.source.as_ref().and_then(|p| p.local_address()) {
            let at = if e.source_line > 0 {
                e.source_line
            } else {
                line
            };
            diags.push(local_address(file, at, host));
        }
        // A vote that contradicts the vote file is reported as such below.
        if e.kind == EvidenceKind::Vote && e.provenance().is_none() && e.contradicts.is_none() {
            let item = e.item.as_deref().unwrap_or("");
            diags.push(
                Diagnostic::error(
                    "guide-vote-unsourced",
                    file,
                    line,
                    1,
                    msg!(
                        "this vote on {item} has no source: no file in data/votes/ records this party's vote, and the evidence has no [evidence.source]",
                        "deze stem over {item} heeft geen bron: geen bestand in data/votes/ legt de stem van deze partij vast, en het bewijs heeft geen [evidence.source]"
                    ),
                )
                .with_hint(msg!(
                    "run `chatcontrole sync votes --item {item}` to record the vote from the Tweede Kamer's open data, or add an [evidence.source] table (kind = \"press\", \"official\" or \"editor\") saying where the vote comes from; if no source gives it, remove the vote",
                    "voer `chatcontrole sync votes --item {item}` uit om de stem uit de open data van de Tweede Kamer vast te leggen, of voeg een tabel [evidence.source] toe (kind = \"press\", \"official\" of \"editor\") die zegt waar de stem vandaan komt; noemt geen enkele bron de stem, haal hem dan weg"
                )),
            );
        }
        if e.stance == Stance::Unclassified {
            diags.push(
                Diagnostic::warning(
                    "guide-check-evidence-unclassified",
                    file,
                    line,
                    1,
                    msg!(
                        "evidence is not classified yet",
                        "het bewijs is nog niet beoordeeld"
                    ),
                )
                .with_hint(msg!(
                    "set stance = \"protects\", \"undermines\", \"mixed\" or \"silent\", and strength = \"explicit\" or \"general\"",
                    "zet stance = \"protects\", \"undermines\", \"mixed\" of \"silent\", en strength = \"explicit\" of \"general\""
                )),
            );
        }
        if let Some(synced) = e.contradicts
            && let Some(vote) = e.vote
        {
            let item = e.item.as_deref().unwrap_or("");
            let (vote, synced) = (vote.id(), synced.id());
            diags.push(
                Diagnostic::error(
                    "guide-vote-contradicts-record",
                    file,
                    line,
                    1,
                    msg!(
                        "this vote says `{vote}` on {item}, but data/votes/{item}.toml records `{synced}` for this party",
                        "deze stem zegt `{vote}` over {item}, maar data/votes/{item}.toml legt voor deze partij `{synced}` vast"
                    ),
                )
                .with_hint(msg!(
                    "remove this [[evidence]] (the recorded vote in data/votes/{item}.toml counts for the party) or correct vote = \"{synced}\"; if the vote file is wrong, run `chatcontrole sync votes`",
                    "haal dit [[evidence]] weg (de vastgelegde stem in data/votes/{item}.toml telt voor de partij) of verbeter het in vote = \"{synced}\"; klopt het bestand van de stemming niet, voer dan `chatcontrole sync votes` uit"
                )),
            );
        }
        let Some(number) = &e.item else { continue };
        let Some(item) = data.item(number) else {
            diags.push(
                Diagnostic::error(
                    "guide-check-item-undefined",
                    file,
                    line,
                    1,
                    msg!(
                        "item `{number}` is referenced but not defined",
                        "item `{number}` wordt genoemd, maar bestaat niet"
                    ),
                )
                .with_hint(msg!(
                    "add data/items/{number}.toml with number, title, kind, url and protects",
                    "maak data/items/{number}.toml met number, title, kind, url en protects"
                )),
            );
            continue;
        };
        if let (Some(vote), Some(protects)) = (e.vote, item.protects) {
            let expected = if vote == VoteChoice::Absent {
                Stance::Silent
            } else if vote == protects {
                Stance::Protects
            } else {
                Stance::Undermines
            };
            if e.stance != expected && e.stance != Stance::Unclassified {
                let (vote, stance, protects, expected) = (
                    vote.id(),
                    stance_id(e.stance),
                    protects.id(),
                    stance_id(expected),
                );
                diags.push(
                    Diagnostic::error(
                        "guide-vote-stance-mismatch",
                        file,
                        line,
                        1,
                        msg!(
                            "a vote `{vote}` on {number} has stance `{stance}`, but {number} says voting `{protects}` protects",
                            "een stem `{vote}` over {number} heeft stance `{stance}`, maar volgens {number} beschermt een stem `{protects}`"
                        ),
                    )
                    .with_hint(msg!(
                        "set stance = \"{expected}\" or correct the vote",
                        "zet stance = \"{expected}\" of verbeter de stem"
                    )),
                );
            }
        }
    }
}

fn stance_id(stance: Stance) -> &'static str {
    match stance {
        Stance::Protects => "protects",
        Stance::Undermines => "undermines",
        Stance::Mixed => "mixed",
        Stance::Silent => "silent",
        Stance::Unclassified => "unclassified",
    }
}

fn check_override(
    assessed: &Assessed,
    election: &Election,
    entry: &PartyEntry,
    diags: &mut Diagnostics,
) {
    let (file, line) = at_entry(entry);
    let a = assessed.of(election, entry);
    let suggested = match a.suggested_level {
        Some(l) => msg!("`{}` ({})", "`{}` ({})", l.id, l.symbol),
        None => msg!(
            "`{}` (no level on the scale)",
            "`{}` (geen niveau op de schaal)",
            a.suggestion.outcome().id()
        ),
    };
    let verdict = &entry.verdict;
    match (a.agrees, entry.override_reason.is_some()) {
        (false, false) => {
            let message = msg!(
                "the verdict `{verdict}` differs from what the rules suggest, {suggested}, and there is no override_reason",
                "het oordeel `{verdict}` wijkt af van wat de regels voorstellen, {suggested}, en er is geen override_reason";
                suggested
            );
            let hint = msg!(
                "explain the editors' choice in override_reason = \"...\" (shown on the party page), or change the verdict or the evidence",
                "leg de keuze van de redactie uit in override_reason = \"...\" (dat staat op de pagina van de partij), of verander het oordeel of het bewijs"
            );
            let level_without_rule = election
                .level(&entry.verdict)
                .is_some_and(|l| l.rule.is_none());
            diags.push(if level_without_rule {
                Diagnostic::warning(
                    "guide-check-level-rule-missing",
                    file,
                    line,
                    1,
                    msg!(
                        "{message}; the level `{verdict}` has no `rule` yet",
                        "{message}; het niveau `{verdict}` heeft nog geen `rule`";
                        message
                    ),
                )
                .with_hint(msg!(
                    "first add rule = \"protects\", \"mixed\", \"does_not_protect\" or \"unclear\" to the [[level]] `{verdict}` in election.toml; then {hint}",
                    "zet eerst rule = \"protects\", \"mixed\", \"does_not_protect\" of \"unclear\" bij het [[level]] `{verdict}` in election.toml; daarna: {hint}";
                    hint
                ))
            } else if a.suggestion.profile.unclassified > 0 {
                Diagnostic::warning(
                    "guide-check-override-missing",
                    file,
                    line,
                    1,
                    msg!(
                        "{message}; some evidence is still unclassified",
                        "{message}; een deel van het bewijs is nog niet beoordeeld";
                        message
                    ),
                )
                .with_hint(hint)
            } else {
                Diagnostic::error("guide-check-override-missing", file, line, 1, message)
                    .with_hint(hint)
            });
        }
        (true, true) => diags.push(
            Diagnostic::warning(
                "guide-check-override-needless",
                file,
                line,
                1,
                msg!(
                    "override_reason is given, but the rules suggest this verdict anyway",
                    "er staat een override_reason, maar de regels stellen dit oordeel toch al voor"
                ),
            )
            .with_hint(msg!("remove override_reason", "haal override_reason weg")),
        ),
        _ => {}
    }
}

/// Warns when parties with the same inputs to the verdict rules (which
/// stances occur at which strength) got different verdicts without reasons
/// that tell them apart: when neither has an `override_reason`, or when both
/// differ from the rules, each with its own reason, in different directions.
fn check_equal_treatment(election: &Election, diags: &mut Diagnostics) {
    let mut groups: BTreeMap<[bool; 4], Vec<&PartyEntry>> = BTreeMap::new();
    for entry in &election.entries {
        groups
            .entry(Profile::of(&entry.evidence).key())
            .or_default()
            .push(entry);
    }
    let (english, dutch) = (Locale::builtin("en"), Locale::builtin("nl"));
    for entries in groups.values() {
        for entry in entries.iter() {
            let unexplained: Vec<String> = entries
                .iter()
                .filter(|o| o.verdict != entry.verdict)
                .filter(|o| o.override_reason.is_some() == entry.override_reason.is_some())
                .map(|o| format!("`{}` ({})", o.party, o.verdict))
                .collect();
            if unexplained.is_empty() {
                continue;
            }
            let (file, line) = at_entry(entry);
            let profile = Profile::of(&entry.evidence);
            let kinds = Message::new(profile.describe(&english), profile.describe(&dutch));
            let others = unexplained.join(", ");
            let verdict = &entry.verdict;
            let (message, hint) = if entry.override_reason.is_none() {
                (
                    msg!(
                        "same kinds of evidence ({kinds}) as {others}, but verdict `{verdict}`",
                        "dezelfde soorten bewijs ({kinds}) als {others}, maar oordeel `{verdict}`";
                        kinds
                    ),
                    msg!(
                        "the same rules must visibly apply to every party: align the verdicts or explain the difference in override_reason",
                        "voor elke partij moeten zichtbaar dezelfde regels gelden: trek de oordelen gelijk of leg het verschil uit in override_reason"
                    ),
                )
            } else {
                (
                    msg!(
                        "same kinds of evidence ({kinds}) as {others}, and both verdicts differ from the rules in different ways (this one: `{verdict}`)",
                        "dezelfde soorten bewijs ({kinds}) als {others}, en beide oordelen wijken op een andere manier af van de regels (dit oordeel: `{verdict}`)";
                        kinds
                    ),
                    msg!(
                        "make sure each override_reason says what sets the party apart from the other, or align the verdicts",
                        "zorg dat elke override_reason zegt wat de partij onderscheidt van de andere, of trek de oordelen gelijk"
                    ),
                )
            };
            diags.push(
                Diagnostic::warning("guide-check-unequal-treatment", file, line, 1, message)
                    .with_hint(hint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::model::{Evidence, Strength};

    fn entry(party: &str, verdict: &str, reason: Option<&str>) -> PartyEntry {
        PartyEntry {
            party: party.into(),
            verdict: verdict.into(),
            override_reason: reason.map(str::to_string),
            evidence: vec![Evidence {
                kind: EvidenceKind::Vote,
                stance: Stance::Undermines,
                strength: Some(Strength::Explicit),
                ..Evidence::default()
            }],
            ..PartyEntry::default()
        }
    }

    fn election(entries: Vec<PartyEntry>) -> Election {
        Election {
            id: crate::guide::model::ElectionId::parse("t").unwrap(),
            title: "t".into(),
            title_en: None,
            date: "2023-11-22".parse().unwrap(),
            path: crate::site_path::SitePath::parse("/t/").unwrap(),
            intro: None,
            intro_en: None,
            methodology: String::new(),
            methodology_en: None,
            scale: vec![],
            districts: vec![],
            entries,
            origin: Default::default(),
        }
    }

    fn warnings(entries: Vec<PartyEntry>) -> usize {
        let election = election(entries);
        let mut diags = Diagnostics::new();
        check_equal_treatment(&election, &mut diags);
        diags.warning_count()
    }

    #[test]
    fn different_verdicts_on_the_same_inputs_need_reasons_that_tell_them_apart() {
        assert_eq!(
            warnings(vec![entry("a", "x", None), entry("b", "y", None)]),
            2
        );
        assert_eq!(
            warnings(vec![entry("a", "x", None), entry("b", "y", Some("r"))]),
            0
        );
        assert_eq!(
            warnings(vec![entry("a", "x", Some("r")), entry("b", "y", Some("s"))]),
            2
        );
        assert_eq!(
            warnings(vec![entry("a", "x", Some("r")), entry("b", "x", Some("s"))]),
            0
        );
    }

    #[test]
    fn unequal_treatment_describes_the_evidence_in_each_language() {
        let mut diags = Diagnostics::new();
        check_equal_treatment(
            &election(vec![entry("a", "x", None), entry("b", "y", None)]),
            &mut diags,
        );
        let d = diags.iter().next().expect("a warning");
        assert_eq!(d.code, "guide-check-unequal-treatment");
        assert_eq!(
            d.message.en,
            "same kinds of evidence (1 explicitly undermining) as `b` (y), but verdict `x`"
        );
        assert_eq!(
            d.message.nl,
            "dezelfde soorten bewijs (1 expliciet ondermijnend) als `b` (y), maar oordeel `x`"
        );
    }
}
