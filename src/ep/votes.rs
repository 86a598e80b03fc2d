//! Reads `data/ep/votes/<id>.toml`: one roll-call vote in plenary with the
//! votes of the site's country's members (see `docs/data-schema.md`,
//! "European Parliament").
//!
//! Checked per file: the id in the file name, the date, the words of
//! `result`, `protects` and every member's `vote` and `group`, that
//! `title_nl` and `why` are written (a file `sync ep-votes` just created has
//! them empty until an editor fills them in), a member listed twice, more
//! members voting one way than the whole Parliament did, and a synced
//! source on a local address (a test API). A file with a mistake is left
//! out; the others are kept.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::fields::{day, place, provenance};
use super::meps::group_codes_hint;
use super::model::{EpVote, Group, Protects, Totals, VoteMember, VoteResult, VoteWord};
use crate::data_file::{Parsed, read_toml};
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::provenance::{DateText, RawProvenance};

/// The folder of vote files, below `data/ep/`.
pub const DIR: &str = "votes";

/// A vote file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteFile {
    date: Spanned<DateText>,
    title_nl: Spanned<String>,
    #[serde(default)]
    title_en: Option<String>,
    #[serde(default)]
    procedure: Option<String>,
    result: Spanned<String>,
    protects: Spanned<String>,
    why: Spanned<String>,
    why_en: Option<Spanned<String>>,
    #[serde(default)]
    editors_note: Option<String>,
    #[serde(default)]
    licence: Option<String>,
    totals: RawTotals,
    provenance: RawProvenance,
    #[serde(default, rename = "member")]
    members: Vec<RawMember>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTotals {
    #[serde(rename = "for")]
    for_: Spanned<i64>,
    against: Spanned<i64>,
    #[serde(default)]
    abstain: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMember {
    #[serde(default)]
    mep: Option<Spanned<i64>>,
    name: Spanned<String>,
    group: Spanned<String>,
    vote: Spanned<String>,
}

/// True for a vote id: HowTheyVote's number, or a slug `[a-z0-9-]+`.
pub fn is_vote_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for HowTheyVote's vote ids (digits only), the ones `sync ep-votes` refreshes.
pub fn is_numeric_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 12 && id.bytes().all(|b| b.is_ascii_digit())
}

/// Reads every `*.toml` of `dir`, sorted newest first (then by id). Files
/// with mistakes are left out; their mistakes are in `diags`.
pub fn load_votes(dir: &Path, diags: &mut Diagnostics) -> Vec<EpVote> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut votes: Vec<EpVote> = paths
        .iter()
        .filter_map(|path| load_vote(path, diags))
        .collect();
    votes.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    votes
}

/// Reads one vote file; None (with diagnostics) when it has a mistake.
pub fn load_vote(path: &Path, diags: &mut Diagnostics) -> Option<EpVote> {
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !is_vote_id(&id) {
        diags.push(
            Diagnostic::error(
                "ep-vote-id-invalid",
                path,
                0,
                0,
                msg!("`{id}` is not a vote id", "`{id}` is geen id van een stemming"),
            )
            .with_hint(msg!(
                "name the file after HowTheyVote.eu's vote id (digits, e.g. 189574.toml) or, for a vote it does not have, a slug of lower-case letters, digits and hyphens",
                "geef het bestand de naam van het id van de stemming bij HowTheyVote.eu (cijfers, bijvoorbeeld 189574.toml) of, voor een stemming die daar niet staat, een naam van kleine letters, cijfers en streepjes"
            )),
        );
        return None;
    }
    let parsed = read_toml::<VoteFile>(
        path,
        msg!(
            "check that the file is saved as UTF-8 text",
            "controleer of het bestand als UTF-8-tekst is opgeslagen"
        ),
        diags,
    )?;
    let before = diags.error_count();
    let file = &parsed.value;
    let date = day(&parsed, &file.date, "date", diags);
    let title_nl = parsed.filled(
        &file.title_nl,
        "title_nl",
        msg!(
            "write in plain Dutch what was voted on, e.g. title_nl = \"Verlenging van de tijdelijke uitzondering op de e-privacyrichtlijn\"",
            "schrijf in gewoon Nederlands waarover gestemd is, bijvoorbeeld title_nl = \"Verlenging van de tijdelijke uitzondering op de e-privacyrichtlijn\""
        ),
        diags,
    );
    let why = parsed.filled(
        &file.why,
        "why",
        msg!(
            "write in one Dutch sentence why that vote protects private messages; it is published with the vote",
            "schrijf in één Nederlandse zin waarom die stem privéberichten beschermt; die zin wordt met de stemming gepubliceerd"
        ),
        diags,
    );
    let why_en = crate::council::local_text::english(
        &parsed,
        file.why.get_ref(),
        file.why_en.as_ref(),
        "why",
        diags,
    );
    let result = match file.result.get_ref().trim() {
        "adopted" => Some(VoteResult::Adopted),
        "rejected" => Some(VoteResult::Rejected),
        "" => {
            diags.push(
                parsed
                    .error(
                        "ep-vote-result-missing",
                        &file.result,
                        msg!(
                            "`result` is not filled in yet",
                            "`result` is nog niet ingevuld"
                        ),
                    )
                    .with_hint(msg!(
                        "HowTheyVote.eu gives results from 2024 on; for an older vote write result = \"adopted\" or \"rejected\" from the Parliament's minutes",
                        "HowTheyVote.eu geeft uitslagen vanaf 2024; schrijf voor een oudere stemming result = \"adopted\" of \"rejected\", volgens de notulen van het Parlement"
                    )),
            );
            None
        }
        other => {
            diags.push(
                parsed
                    .error(
                        "ep-vote-result-invalid",
                        &file.result,
                        msg!("`{other}` is not a result", "`{other}` is geen uitslag"),
                    )
                    .with_hint(msg!(
                        "write result = \"adopted\" (aangenomen) or \"rejected\" (verworpen), as the Parliament's minutes give it",
                        "schrijf result = \"adopted\" (aangenomen) of \"rejected\" (verworpen), zoals de notulen van het Parlement het geven"
                    )),
            );
            None
        }
    };
    let protects = match file.protects.get_ref().trim() {
        "for" => Some(Protects::For),
        "against" => Some(Protects::Against),
        "" => {
            diags.push(
                parsed
                    .error(
                        "ep-vote-protects-missing",
                        &file.protects,
                        msg!(
                            "`protects` is not filled in yet",
                            "`protects` is nog niet ingevuld"
                        ),
                    )
                    .with_hint(protects_hint()),
            );
            None
        }
        other => {
            diags.push(
                parsed
                    .error(
                        "ep-vote-protects-invalid",
                        &file.protects,
                        msg!("`{other}` is not a side", "`{other}` is geen kant"),
                    )
                    .with_hint(protects_hint()),
            );
            None
        }
    };
    let totals = totals(&parsed, &file.totals, diags);
    let provenance = provenance(&parsed, &file.provenance, diags);
    if let Some(host) = provenance.as_ref().and_then(|p| p.local_address()) {
        diags.push(
            parsed
                .error(
                    "ep-vote-source-local",
                    &file.provenance.kind,
                    msg!(
                        "this vote's source is a local address ({host}), which must not be published",
                        "de bron van deze stemming is een lokaal adres ({host}), dat niet gepubliceerd mag worden"
                    ),
                )
                .with_hint(msg!(
                    "run `chatcontrole sync ep-votes` against HowTheyVote.eu's real API (the default --api)",
                    "voer `chatcontrole sync ep-votes` uit met de echte API van HowTheyVote.eu (de standaard --api)"
                )),
        );
    }
    let members = members(&parsed, diags);
    if let (Some(t), Some(members)) = (&totals, &members) {
        check_counts(&parsed, t, members, diags);
    }
    if diags.error_count() > before {
        return None;
    }
    Some(EpVote {
        id,
        date: date?,
        title_nl: title_nl?,
        title_en: text(&file.title_en),
        procedure: text(&file.procedure),
        result: result?,
        protects: protects?,
        why: why?,
        why_en,
        editors_note: text(&file.editors_note),
        totals: totals?,
        provenance: provenance?,
        licence: text(&file.licence),
        members: members?,
        file: path.to_path_buf(),
    })
}

/// The hint for a `protects` that is empty or not a side.
fn protects_hint() -> Message {
    msg!(
        "write protects = \"for\" or \"against\": the vote that protects private messages",
        "schrijf protects = \"for\" (voor) of \"against\" (tegen): de stem die privéberichten beschermt"
    )
}

fn text(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn count(parsed: &Parsed<VoteFile>, at: &Spanned<i64>, diags: &mut Diagnostics) -> Option<u32> {
    match u32::try_from(*at.get_ref()) {
        Ok(n) if n <= 1000 => Some(n),
        _ => {
            diags.push(
                parsed
                    .error(
                        "ep-vote-count-invalid",
                        at,
                        msg!(
                            "`{}` is not a number of votes",
                            "`{}` is geen aantal stemmen",
                            at.get_ref()
                        ),
                    )
                    .with_hint(msg!(
                        "the Parliament has at most 720 members; copy the number from the source",
                        "het Parlement heeft hoogstens 720 leden; neem het aantal over uit de bron"
                    )),
            );
            None
        }
    }
}

fn totals(parsed: &Parsed<VoteFile>, raw: &RawTotals, diags: &mut Diagnostics) -> Option<Totals> {
    let for_ = count(parsed, &raw.for_, diags);
    let against = count(parsed, &raw.against, diags);
    let abstain = match &raw.abstain {
        None => Some(None),
        Some(a) => count(parsed, a, diags).map(Some),
    };
    Some(Totals {
        for_: for_?,
        against: against?,
        abstain: abstain?,
    })
}

fn members(parsed: &Parsed<VoteFile>, diags: &mut Diagnostics) -> Option<Vec<VoteMember>> {
    let mut members: Vec<VoteMember> = Vec::new();
    let mut ok = true;
    for raw in &parsed.value.members {
        let mep = match &raw.mep {
            None => Some(None),
            Some(n) => match u64::try_from(*n.get_ref()) {
                Ok(id) if id > 0 => Some(Some(id)),
                _ => {
                    diags.push(
                        parsed
                            .error(
                                "mep-id-invalid",
                                n,
                                msg!(
                                    "`{}` is not a member id",
                                    "`{}` is geen lidnummer",
                                    n.get_ref()
                                ),
                            )
                            .with_hint(msg!(
                                "write the number of europarl.europa.eu/meps/en/<id>, or leave `mep` out and give the name as meps.toml writes it",
                                "schrijf het nummer uit europarl.europa.eu/meps/en/<id>, of laat `mep` weg en geef de naam zoals meps.toml die schrijft"
                            )),
                    );
                    None
                }
            },
        };
        let name = parsed.filled(
            &raw.name,
            "name",
            msg!(
                "write the member's name as meps.toml writes it",
                "schrijf de naam van het lid zoals meps.toml die schrijft"
            ),
            diags,
        );
        let group = Group::from_code(raw.group.get_ref().trim());
        if group.is_none() {
            diags.push(
                parsed
                    .error(
                        "ep-group-unknown",
                        &raw.group,
                        msg!(
                            "`{}` is not a political group code",
                            "`{}` is geen code van een fractie",
                            raw.group.get_ref()
                        ),
                    )
                    .with_hint(group_codes_hint()),
            );
        }
        let vote = VoteWord::from_word(raw.vote.get_ref().trim());
        if vote.is_none() {
            diags.push(
                parsed
                    .error(
                        "ep-vote-word-invalid",
                        &raw.vote,
                        msg!(
                            "`{}` is not a vote",
                            "`{}` is geen stem",
                            raw.vote.get_ref()
                        ),
                    )
                    .with_hint(msg!(
                        "write \"for\", \"against\", \"abstain\" or \"absent\" (did not vote)",
                        "schrijf \"for\" (voor), \"against\" (tegen), \"abstain\" (onthouding) of \"absent\" (stemde niet)"
                    )),
            );
        }
        let (Some(mep), Some(name), Some(group), Some(vote)) = (mep, name, group, vote) else {
            ok = false;
            continue;
        };
        let same = |m: &VoteMember| match (m.mep, mep) {
            (Some(a), Some(b)) => a == b,
            _ => m.name == name,
        };
        if let Some(other) = members.iter().find(|m| same(m)) {
            diags.push(
                parsed
                    .error(
                        "ep-vote-member-twice",
                        &raw.name,
                        msg!(
                            "{name} is listed twice on this vote (also on line {})",
                            "{name} staat twee keer bij deze stemming (ook op regel {})",
                            other.at.line
                        ),
                    )
                    .with_hint(msg!(
                        "keep one [[member]] per member",
                        "houd één [[member]] per lid"
                    )),
            );
            ok = false;
            continue;
        }
        members.push(VoteMember {
            mep,
            name,
            group,
            vote,
            at: place(parsed, &raw.name),
        });
    }
    ok.then_some(members)
}

/// More of our members voting one way than the whole Parliament did cannot be right.
fn check_counts(
    parsed: &Parsed<VoteFile>,
    totals: &Totals,
    members: &[VoteMember],
    diags: &mut Diagnostics,
) {
    let raw = &parsed.value.totals;
    let n = |w: VoteWord| members.iter().filter(|m| m.vote == w).count() as u32;
    let checks = [
        (VoteWord::For, Some(totals.for_), Some(&raw.for_)),
        (VoteWord::Against, Some(totals.against), Some(&raw.against)),
        (VoteWord::Abstain, totals.abstain, raw.abstain.as_ref()),
    ];
    for (word, total, at) in checks {
        if let (Some(total), Some(at)) = (total, at)
            && n(word) > total
        {
            let here = n(word);
            let message = match word {
                VoteWord::For => msg!(
                    "{here} members here voted {word}, but the whole Parliament only {total}",
                    "meer leden stemden hier voor ({here}) dan in het hele Parlement ({total})"
                ),
                VoteWord::Against => msg!(
                    "{here} members here voted {word}, but the whole Parliament only {total}",
                    "meer leden stemden hier tegen ({here}) dan in het hele Parlement ({total})"
                ),
                VoteWord::Abstain => msg!(
                    "{here} members here voted {word}, but the whole Parliament only {total}",
                    "meer leden onthielden zich hier ({here}) dan in het hele Parlement ({total})"
                ),
                VoteWord::Absent => msg!(
                    "{here} members here voted {word}, but the whole Parliament only {total}",
                    "meer leden waren hier afwezig ({here}) dan in het hele Parlement ({total})"
                ),
            };
            diags.push(
                parsed
                    .error("ep-vote-count-too-high", at, message)
                    .with_hint(msg!(
                        "check the totals and the members' votes against the source",
                        "vergelijk de totalen en de stemmen van de leden met de bron"
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("189574", true, true; "number")]
    #[test_case("chat-control-2026", true, false; "slug")]
    #[test_case("Chat", false, false; "capitals")]
    #[test_case("-x", false, false; "leading hyphen")]
    #[test_case("a_b", false, false; "underscore")]
    #[test_case("", false, false; "empty")]
    fn vote_ids(id: &str, valid: bool, numeric: bool) {
        assert_eq!(is_vote_id(id), valid);
        assert_eq!(is_numeric_id(id), numeric);
    }

    const GOOD: &str = r#"date = 2026-03-26
title_nl = "Verlenging"
procedure = "2025/0429(COD)"
result = "rejected"
protects = "against"
why = "Tegen stemmen beschermt."

[totals]
for = 2
against = 3

[provenance]
kind = "editor"
note = "nagekeken"
checked_on = 2026-12-04

[[member]]
mep = 1
name = "A"
group = "GREENS"
vote = "against"

[[member]]
name = "B"
group = "EPP"
vote = "for"
"#;

    fn load_diagnostics(text: &str) -> (Option<EpVote>, Diagnostics) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("189574.toml");
        std::fs::write(&path, text).unwrap();
        let mut diags = Diagnostics::new();
        let vote = load_vote(&path, &mut diags);
        (vote, diags)
    }

    fn load_text(text: &str) -> (Option<EpVote>, Vec<String>) {
        let (vote, diags) = load_diagnostics(text);
        let messages = diags
            .sorted()
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .collect();
        (vote, messages)
    }

    #[test]
    fn reads_a_good_file() {
        let (vote, messages) = load_text(GOOD);
        assert_eq!(messages, Vec::<String>::new());
        let vote = vote.unwrap();
        assert_eq!(vote.id, "189574");
        assert_eq!(vote.protects, Protects::Against);
        assert_eq!(vote.totals.abstain, None);
        assert_eq!(vote.members.len(), 2);
        assert_eq!(vote.members[1].at.line, 24);
    }

    #[test_case("vote = \"against\"\n\n[[member]]\nname = \"B\"", "vote = \"voor\"\n\n[[member]]\nname = \"B\"", &["21:8: `voor` is not a vote"]; "unknown vote word")]
    #[test_case("group = \"EPP\"", "group = \"PPE\"", &["25:9: `PPE` is not a political group code"]; "unknown group")]
    #[test_case("name = \"B\"", "name = \"A\"", &["24:8: A is listed twice on this vote (also on line 19)"]; "same name, one without id")]
    #[test_case("name = \"B\"\n", "mep = 1\nname = \"B\"\n", &["25:8: B is listed twice on this vote (also on line 19)"]; "duplicate member id")]
    #[test_case("for = 2", "for = 0", &["9:7: 1 members here voted for, but the whole Parliament only 0"]; "counts above totals")]
    #[test_case("protects = \"against\"", "protects = \"\"", &["5:12: `protects` is not filled in yet"]; "protects placeholder")]
    #[test_case("title_nl = \"Verlenging\"", "title_nl = \"\"", &["2:12: `title_nl` is empty"]; "title placeholder")]
    #[test_case("result = \"rejected\"", "result = \"verworpen\"", &["4:10: `verworpen` is not a result"]; "result word")]
    #[test_case("date = 2026-03-26", "date = \"26 maart\"", &["1:8: `date` is not a day: `26 maart`"]; "date")]
    #[test_case("why = \"Tegen stemmen beschermt.\"", "why = \"Tegen stemmen beschermt.\"\nwhy_en = \"\"", &["7:10: why_en is empty"]; "empty English why")]
    fn mistakes_are_on_their_line(find: &str, replace: &str, expected: &[&str]) {
        let (vote, messages) = load_text(&GOOD.replacen(find, replace, 1));
        assert_eq!(messages, expected);
        assert_eq!(vote.is_none(), !expected.is_empty());
    }

    #[test]
    fn an_english_why_is_read_beside_the_dutch_one() {
        let text = GOOD.replace(
            "why = \"Tegen stemmen beschermt.\"",
            "why = \"Tegen stemmen beschermt.\"\nwhy_en = \" Voting against protects. \"",
        );
        let (vote, messages) = load_text(&text);
        assert_eq!(messages, Vec::<String>::new());
        assert_eq!(
            vote.unwrap().why_en.as_deref(),
            Some("Voting against protects.")
        );
        assert_eq!(load_text(GOOD).0.unwrap().why_en, None);
    }

    #[test]
    fn a_test_api_is_not_published() {
        let text = GOOD.replace(
            "kind = \"editor\"\nnote = \"nagekeken\"\nchecked_on = 2026-12-04",
            "kind = \"synced\"\napi = \"http://127.0.0.1:9/api/votes/1\"\nfetched_at = 2026-12-04T10:00:00Z",
        );
        let (vote, messages) = load_text(&text);
        assert!(vote.is_none());
        assert_eq!(
            messages,
            [
                "13:8: this vote's source is a local address (127.0.0.1), which must not be published"
            ]
        );
        let (_, diags) = load_diagnostics(&text);
        let d = diags.iter().next().unwrap();
        assert_eq!(d.code, "ep-vote-source-local");
        assert_eq!(
            d.message.nl,
            "de bron van deze stemming is een lokaal adres (127.0.0.1), dat niet gepubliceerd mag worden"
        );
    }

    #[test]
    fn too_many_members_voting_one_way_is_said_in_dutch() {
        let (_, diags) = load_diagnostics(&GOOD.replacen("for = 2", "for = 0", 1));
        let d = diags.iter().next().unwrap();
        assert_eq!(d.code, "ep-vote-count-too-high");
        assert_eq!(
            d.message.nl,
            "meer leden stemden hier voor (1) dan in het hele Parlement (0)"
        );
    }
}
