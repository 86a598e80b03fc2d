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
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::locale::Locale;

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

const LOCAL_ADDRESS_HINT: &str = "run `chatcontrole sync votes` against the Tweede Kamer's real API (the default --api), or give the press report or official record the vote comes from";

/// A vote file written from a test API (127.0.0.1, a private network) must
/// not reach published data: its address would be in data.json and on the
/// pages.
fn check_vote_files(data: &GuideData, diags: &mut Diagnostics) {
    for file in data.votes.values() {
        if let Some(host) = file.provenance.as_ref().and_then(|p| p.local_address()) {
            diags.push(
                Diagnostic::untranslated_error(
                    &file.source_at.0,
                    file.source_at.1,
                    1,
                    format!("this vote's source is a local address ({host}), which must not be published"),
                )
                .with_hint(LOCAL_ADDRESS_HINT),
            );
        }
    }
}

/// An item whose protecting vote nobody decided yet (`protects` missing or
/// `"unclassified"`, as the importer writes it) is an editor's to-do: its
/// votes and motions count for neither side until then.
fn check_items(data: &GuideData, diags: &mut Diagnostics) {
    for item in data.items.values().filter(|i| i.protects.is_none()) {
        diags.push(
            Diagnostic::untranslated_warning(
                &item.origin.file,
                item.origin.line,
                1,
                format!("item `{}` does not say which vote protects yet", item.number),
            )
            .with_hint("set protects = \"for\" or \"against\" (the vote that protects confidential communication); until then its votes and motions stay unclassified"),
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
    let message = format!("the verdict `{}` has no source at all", entry.verdict);
    // Imported evidence nobody reviewed yet (e.g. a statement the party sent
    // the campaign, quoted without a link) is an editor's to-do, not yet a
    // published claim.
    let unreviewed = entry
        .evidence
        .iter()
        .any(|e| e.stance == Stance::Unclassified);
    let hint = if unclear {
        "add a [programme] url or evidence with a url, so readers can check the verdict; if the party published no programme, write [programme] available = false with a note saying so"
    } else {
        "add a [programme] url or evidence with a url, so readers can check the verdict"
    };
    diags.push(if unclear || unreviewed {
        Diagnostic::untranslated_warning(file, line, 1, message).with_hint(hint)
    } else {
        Diagnostic::untranslated_error(file, line, 1, message).with_hint(hint)
    });
}

fn check_evidence(data: &GuideData, entry: &PartyEntry, diags: &mut Diagnostics) {
    for e in &entry.evidence {
        let (file, line) = at_evidence(e);
        // A missing answer has nothing to link to.
        let unanswered = e.kind == EvidenceKind::Reply && e.stance == Stance::Silent;
        if e.url.is_none() && !unanswered {
            diags.push(
                Diagnostic::untranslated_warning(file, line, 1, "evidence without a url")
                    .with_hint(
                        "add url = \"https://...\" pointing at the programme, vote or article",
                    ),
            );
        }
        if let Some(host) = e.source.as_ref().and_then(|p| p.local_address()) {
            diags.push(
                Diagnostic::untranslated_error(
                    file,
                    if e.source_line > 0 { e.source_line } else { line },
                    1,
                    format!("this vote's source is a local address ({host}), which must not be published"),
                )
                .with_hint(LOCAL_ADDRESS_HINT),
            );
        }
        // A vote that contradicts the vote file is reported as such below.
        if e.kind == EvidenceKind::Vote && e.provenance().is_none() && e.contradicts.is_none() {
            let item = e.item.as_deref().unwrap_or("");
            diags.push(
                Diagnostic::untranslated_error(
                    file,
                    line,
                    1,
                    format!("this vote on {item} has no source: no file in data/votes/ records this party's vote, and the evidence has no [evidence.source]"),
                )
                .with_hint(format!("run `chatcontrole sync votes --item {item}` to record the vote from the Tweede Kamer's open data, or add an [evidence.source] table (kind = \"press\", \"official\" or \"editor\") saying where the vote comes from; if no source gives it, remove the vote")),
            );
        }
        if e.stance == Stance::Unclassified {
            diags.push(
                Diagnostic::untranslated_warning(file, line, 1, "evidence is not classified yet")
                    .with_hint("set stance = \"protects\", \"undermines\", \"mixed\" or \"silent\", and strength = \"explicit\" or \"general\""),
            );
        }
        if let Some(synced) = e.contradicts
            && let Some(vote) = e.vote
        {
            diags.push(
                Diagnostic::untranslated_error(
                    file,
                    line,
                    1,
                    format!(
                        "this vote says `{}` on {}, but data/votes/{}.toml records `{}` for this party",
                        vote.id(),
                        e.item.as_deref().unwrap_or(""),
                        e.item.as_deref().unwrap_or(""),
                        synced.id()
                    ),
                )
                .with_hint(format!(
                    "remove this [[evidence]] (the recorded vote in data/votes/{}.toml counts for the party) or correct vote = \"{}\"; if the vote file is wrong, run `chatcontrole sync votes`",
                    e.item.as_deref().unwrap_or(""),
                    synced.id()
                )),
            );
        }
        let Some(number) = &e.item else { continue };
        let Some(item) = data.item(number) else {
            diags.push(
                Diagnostic::untranslated_error(
                    file,
                    line,
                    1,
                    format!("item `{number}` is referenced but not defined"),
                )
                .with_hint(format!(
                    "add data/items/{number}.toml with number, title, kind, url and protects"
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
                diags.push(
                    Diagnostic::untranslated_error(
                        file,
                        line,
                        1,
                        format!(
                            "a vote `{}` on {number} has stance `{}`, but {number} says voting `{}` protects",
                            vote.id(),
                            stance_id(e.stance),
                            protects.id()
                        ),
                    )
                    .with_hint(format!("set stance = \"{}\" or correct the vote", stance_id(expected))),
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
    let suggested = a
        .suggested_level
        .map(|l| format!("`{}` ({})", l.id, l.symbol))
        .unwrap_or_else(|| format!("`{}` (no level on the scale)", a.suggestion.outcome().id()));
    match (a.agrees, entry.override_reason.is_some()) {
        (false, false) => {
            let message = format!(
                "the verdict `{}` differs from what the rules suggest, {suggested}, and there is no override_reason",
                entry.verdict
            );
            let hint = "explain the editors' choice in override_reason = \"...\" (shown on the party page), or change the verdict or the evidence";
            let level_without_rule = election
                .level(&entry.verdict)
                .is_some_and(|l| l.rule.is_none());
            diags.push(if level_without_rule {
                Diagnostic::untranslated_warning(
                    file,
                    line,
                    1,
                    format!("{message}; the level `{}` has no `rule` yet", entry.verdict),
                )
                .with_hint(format!(
                    "first add rule = \"protects\", \"mixed\", \"does_not_protect\" or \"unclear\" to the [[level]] `{}` in election.toml; then {hint}",
                    entry.verdict
                ))
            } else if a.suggestion.profile.unclassified > 0 {
                Diagnostic::untranslated_warning(
                    file,
                    line,
                    1,
                    format!("{message}; some evidence is still unclassified"),
                )
                .with_hint(hint)
            } else {
                Diagnostic::untranslated_error(file, line, 1, message).with_hint(hint)
            });
        }
        (true, true) => diags.push(
            Diagnostic::untranslated_warning(
                file,
                line,
                1,
                "override_reason is given, but the rules suggest this verdict anyway",
            )
            .with_hint("remove override_reason"),
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
    // Diagnostics are for the editors, who write the guide in Dutch.
    let dutch = Locale::builtin("nl");
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
            let (message, hint) = if entry.override_reason.is_none() {
                (
                    format!(
                        "same kinds of evidence ({}) as {}, but verdict `{}`",
                        Profile::of(&entry.evidence).describe(&dutch),
                        unexplained.join(", "),
                        entry.verdict
                    ),
                    "the same rules must visibly apply to every party: align the verdicts or explain the difference in override_reason",
                )
            } else {
                (
                    format!(
                        "same kinds of evidence ({}) as {}, and both verdicts differ from the rules in different ways (this one: `{}`)",
                        Profile::of(&entry.evidence).describe(&dutch),
                        unexplained.join(", "),
                        entry.verdict
                    ),
                    "make sure each override_reason says what sets the party apart from the other, or align the verdicts",
                )
            };
            diags.push(Diagnostic::untranslated_warning(file, line, 1, message).with_hint(hint));
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

    fn warnings(entries: Vec<PartyEntry>) -> usize {
        let election = Election {
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
        };
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
}
