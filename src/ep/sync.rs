//! `chatcontrole sync ep-votes`: fetch roll-call votes of the European
//! Parliament from HowTheyVote.eu and write `data/ep/votes/<id>.toml`.
//!
//! It reuses the Tweede Kamer sync's client ([`crate::parliament::odata`]):
//! timeouts, retries with back-off, size and page caps, requests only to
//! the host of `--api`. Only the members of `--country` are kept, mapped to
//! our parties through `data/ep/meps.toml` by member id; a member whose
//! party cannot be found is written all the same and named in a warning
//! that says what to add to `meps.toml`.
//!
//! Which votes: every `--vote`, the main votes of every `--procedure`
//! (found through the API's paged listing), or, without either, every file
//! with a numeric id already in `data/ep/votes/`. Each vote is fetched and
//! written on its own, atomically, keeping the editors' words
//! ([`super::vote_file`]); an unchanged vote leaves its file byte-identical,
//! a failed one keeps its file, and the command then exits 1 after trying
//! the others.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use clap::Args;

use super::api::{ApiError, ApiVote, parse_list_page, parse_vote};
use super::join::UnmappedReason;
use super::load::FOLDER;
use super::meps::load_meps;
use super::model::{EpData, Group, VoteMember, VoteWord};
use super::vote_file::{EditorFields, SyncedVote, WrittenMember, editor_fields, render};
use super::votes::{DIR, is_numeric_id};
use crate::data_file::write_atomically;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::msg;
use crate::parliament::client_args::ClientArgs;
use crate::parliament::odata::{Client, FetchError, too_many_pages, too_many_rows};
use crate::parliament::sync::previous_file_kept_hint;
use crate::terminal::printable_diagnostics;

/// HowTheyVote.eu's API.
pub const DEFAULT_API: &str = "https://howtheyvote.eu/api";

/// Votes per page when listing the votes of a procedure (the API allows 200).
const PAGE_SIZE: u32 = 100;

/// Arguments of `sync ep-votes`.
#[derive(Debug, Clone, Args)]
pub struct SyncEpVotesArgs {
    /// The site folder.
    #[arg(long, default_value = "site")]
    pub site: PathBuf,
    /// Base URL of HowTheyVote.eu's API.
    #[arg(long, default_value = DEFAULT_API)]
    pub api: String,
    /// Fetch this vote (HowTheyVote.eu's vote id, e.g. 189574); without --vote and --procedure every numeric file in data/ep/votes/ is refreshed.
    #[arg(long = "vote", value_name = "ID", num_args = 1..)]
    pub votes: Vec<String>,
    /// Also fetch the main votes of this procedure (e.g. 2022/0155(COD)), found through the API's listing.
    #[arg(long = "procedure", value_name = "REF", num_args = 1..)]
    pub procedures: Vec<String>,
    /// Keep the members of this country (ISO 3166 alpha-2).
    #[arg(long, default_value = "NL")]
    pub country: String,
    /// Timeouts, retries and limits.
    #[command(flatten)]
    pub client: ClientArgs,
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct EpSyncReport {
    /// Votes whose file was written.
    pub fetched: usize,
    /// Votes that had not changed (file left as it was).
    pub unchanged: usize,
    /// Votes or procedures that failed (files kept).
    pub failed: usize,
    /// Warnings and errors.
    pub diagnostics: Diagnostics,
}

impl fmt::Display for EpSyncReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sync ep-votes: {} fetched, {} unchanged, {} failed",
            self.fetched, self.unchanged, self.failed
        )
    }
}

/// True for a procedure reference such as `2022/0155(COD)`.
pub fn is_procedure(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 14
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'/'
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9] == b'('
        && b[10..13].iter().all(u8::is_ascii_uppercase)
        && b[13] == b')'
}

/// `data/ep/votes/<id>.toml` below `site`.
pub fn vote_path(site: &Path, id: &str) -> PathBuf {
    site.join("data")
        .join(FOLDER)
        .join(DIR)
        .join(format!("{id}.toml"))
}

/// Runs `sync ep-votes`. `Err` only for problems before any request (bad
/// arguments, an unreadable meps.toml); per-vote failures are in the
/// report. Every diagnostic comes back printable: the API's text in it
/// (names) cannot steer the terminal.
pub fn run(args: &SyncEpVotesArgs) -> Result<EpSyncReport, Diagnostics> {
    match run_unchecked(args) {
        Ok(mut report) => {
            report.diagnostics = printable_diagnostics(report.diagnostics);
            Ok(report)
        }
        Err(diags) => Err(printable_diagnostics(diags)),
    }
}

fn run_unchecked(args: &SyncEpVotesArgs) -> Result<EpSyncReport, Diagnostics> {
    let mut usage = Diagnostics::new();
    for id in &args.votes {
        if !is_numeric_id(id) {
            usage.push(
                Diagnostic::usage(
                    "usage-sync-vote-invalid",
                    msg!(
                        "--vote `{id}` is not a HowTheyVote.eu vote id",
                        "--vote `{id}` is geen id van een stemming bij HowTheyVote.eu"
                    ),
                )
                .with_hint(msg!(
                    "give the number of the vote's page, e.g. 189574 for howtheyvote.eu/votes/189574",
                    "geef het nummer van de pagina van de stemming, bijvoorbeeld 189574 voor howtheyvote.eu/votes/189574"
                )),
            );
        }
    }
    for p in &args.procedures {
        if !is_procedure(p) {
            usage.push(
                Diagnostic::usage(
                    "usage-sync-procedure-invalid",
                    msg!(
                        "--procedure `{p}` is not a procedure reference",
                        "--procedure `{p}` is geen kenmerk van een procedure"
                    ),
                )
                .with_hint(msg!(
                    "write it as the Legislative Observatory does, e.g. 2022/0155(COD)",
                    "schrijf het zoals de Legislative Observatory dat doet, bijvoorbeeld 2022/0155(COD)"
                )),
            );
        }
    }
    let country = args.country.trim().to_ascii_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        usage.push(
            Diagnostic::usage(
                "usage-sync-country-invalid",
                msg!(
                    "--country `{}` is not a two-letter country code",
                    "--country `{}` is geen landcode van twee letters",
                    args.country
                ),
            )
            .with_hint(msg!(
                "write the ISO 3166 code, e.g. --country NL",
                "schrijf de ISO 3166-code, bijvoorbeeld --country NL"
            )),
        );
    }
    let client = match args.client.client(&args.api) {
        Ok(c) => Some(c),
        Err(e) => {
            let reason = e.message;
            usage.push(Diagnostic::usage(
                "usage-sync-api-invalid",
                msg!("--api: {reason}", "--api: {reason}"; reason),
            ));
            None
        }
    };
    if usage.has_errors() {
        return Err(usage);
    }
    let client = client.ok_or(usage)?;
    let mut diags = Diagnostics::new();
    let ep_dir = args.site.join("data").join(FOLDER);
    let (national_parties, meps) = load_meps(&ep_dir, &|_| true, &mut diags).unwrap_or_default();
    if diags.has_errors() {
        return Err(diags);
    }
    let data = EpData {
        national_parties,
        meps,
        votes: Vec::new(),
    };
    let runtime = crate::parliament::client_args::runtime().map_err(|e| {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("sync-runtime-failed", "sync", 0, 0, e));
        d
    })?;
    let job = Job {
        client: &client,
        site: &args.site,
        data: &data,
        country: &country,
    };
    let mut report = EpSyncReport {
        diagnostics: diags,
        ..EpSyncReport::default()
    };
    runtime.block_on(job.sync_all(args, &mut report));
    Ok(report)
}

/// What every vote's sync needs.
struct Job<'a> {
    client: &'a Client,
    site: &'a Path,
    data: &'a EpData,
    country: &'a str,
}

/// Why one vote could not be synced.
#[derive(Debug)]
enum VoteError {
    Fetch(FetchError),
    Api(ApiError),
    OtherVote(u64),
    NoGroup {
        name: String,
        id: u64,
    },
    UnknownGroup {
        name: String,
        id: u64,
        code: String,
    },
    /// Why the existing file cannot be read (the TOML parser's or the
    /// operating system's words, or ours).
    Existing(Message),
    Write(std::io::Error),
}

impl From<ApiError> for VoteError {
    fn from(e: ApiError) -> Self {
        VoteError::Api(e)
    }
}

impl VoteError {
    /// What went wrong, in English and Dutch.
    fn message(&self) -> Message {
        match self {
            VoteError::Fetch(e) => e.message.clone(),
            VoteError::Api(e) => e.message(),
            VoteError::OtherVote(other) => msg!(
                "the API answered vote {other} for this id",
                "de API gaf voor dit id stemming {other} terug"
            ),
            VoteError::NoGroup { name, id } => msg!(
                "{name} (member id {id}) has no group code in the API's answer",
                "{name} (lidnummer {id}) heeft geen fractiecode in het antwoord van de API"
            ),
            VoteError::UnknownGroup { name, id, code } => msg!(
                "{name} (member id {id}) is in the group `{code}`, which ep::model::Group does not know yet",
                "{name} (lidnummer {id}) zit in de fractie `{code}`, die ep::model::Group nog niet kent"
            ),
            VoteError::Existing(reason) => msg!(
                "the existing file cannot be read ({reason}); it was kept so that the editors' words are not lost: fix it and sync again",
                "het bestaande bestand kan niet worden gelezen ({reason}); het is bewaard zodat de woorden van de redactie niet verloren gaan: verbeter het en synchroniseer opnieuw";
                reason
            ),
            VoteError::Write(e) => msg!(
                "cannot write the file: {e}",
                "kan het bestand niet schrijven: {e}"
            ),
        }
    }
}

/// The English text.
impl fmt::Display for VoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

enum Outcome {
    Written,
    Unchanged,
}

impl Job<'_> {
    async fn sync_all(&self, args: &SyncEpVotesArgs, report: &mut EpSyncReport) {
        let mut ids: BTreeSet<u64> = args.votes.iter().filter_map(|v| v.parse().ok()).collect();
        for procedure in &args.procedures {
            match self.votes_of(procedure).await {
                Ok(found) => {
                    if found.is_empty() {
                        report.diagnostics.push(
                            Diagnostic::warning(
                                "sync-ep-procedure-empty",
                                "sync ep-votes",
                                0,
                                0,
                                msg!(
                                    "HowTheyVote.eu lists no main vote of {procedure}",
                                    "HowTheyVote.eu noemt geen hoofdstemming van {procedure}"
                                ),
                            )
                            .with_hint(msg!(
                                "check the reference on oeil.europarl.europa.eu; give single votes with --vote",
                                "controleer het kenmerk op oeil.europarl.europa.eu; geef losse stemmingen met --vote"
                            )),
                        );
                    }
                    ids.extend(found);
                }
                Err(e) => {
                    report.failed += 1;
                    report.diagnostics.push(
                        Diagnostic::error(
                            "sync-ep-procedure-failed",
                            "sync ep-votes",
                            0,
                            0,
                            msg!(
                                "the votes of {procedure}: {e}",
                                "de stemmingen van {procedure}: {e}";
                                e
                            ),
                        )
                        .with_hint(msg!(
                            "no file was changed for this procedure; try again later or check --api",
                            "er is geen bestand van deze procedure veranderd; probeer het later opnieuw of controleer --api"
                        )),
                    );
                }
            }
        }
        if args.votes.is_empty() && args.procedures.is_empty() {
            ids.extend(existing_ids(self.site));
            if ids.is_empty() {
                report.diagnostics.push(
                    Diagnostic::warning(
                        "sync-ep-nothing-to-refresh",
                        self.site.join("data").join(FOLDER).join(DIR),
                        0,
                        0,
                        msg!(
                            "there is no vote to refresh",
                            "er is geen stemming om te verversen"
                        ),
                    )
                    .with_hint(msg!(
                        "give a vote with --vote 189574 or a procedure with --procedure 2022/0155(COD)",
                        "geef een stemming met --vote 189574 of een procedure met --procedure 2022/0155(COD)"
                    )),
                );
            }
        }
        for id in ids {
            let path = vote_path(self.site, &id.to_string());
            let named = args.votes.iter().any(|v| v.parse() == Ok(id));
            match self
                .sync_vote(id, &path, named, &mut report.diagnostics)
                .await
            {
                Ok(Outcome::Written) => report.fetched += 1,
                Ok(Outcome::Unchanged) => report.unchanged += 1,
                Err(e) => {
                    report.failed += 1;
                    let e = e.message();
                    report.diagnostics.push(
                        Diagnostic::error(
                            "sync-ep-vote-failed",
                            &path,
                            0,
                            0,
                            msg!("vote {id}: {e}", "stemming {id}: {e}"; e),
                        )
                        .with_hint(previous_file_kept_hint()),
                    );
                }
            }
        }
    }

    /// The main votes of `procedure`, through every page of the listing,
    /// within the client's caps on pages, rows and bytes (all pages together).
    async fn votes_of(&self, procedure: &str) -> Result<Vec<u64>, Message> {
        let mut ids = Vec::new();
        let limits = self.client.options();
        let cap = limits.max_pages;
        let mut budget = limits.max_bytes;
        let mut rows = 0;
        for page in 1.. {
            if page > cap {
                return Err(too_many_pages(cap));
            }
            let url = self.client.url(&format!(
                "votes?q={procedure}&page={page}&page_size={PAGE_SIZE}"
            ));
            let (value, size) = self
                .client
                .get_one_within(&url, budget)
                .await
                .map_err(|e| e.message)?;
            budget = budget.saturating_sub(size);
            let listed = parse_list_page(&value, procedure).map_err(|e| {
                let e = e.message();
                msg!("{url}: {e}", "{url}: {e}"; e)
            })?;
            rows += listed.rows;
            if rows > limits.max_rows {
                return Err(too_many_rows(limits.max_rows));
            }
            ids.extend(listed.main_votes);
            if !listed.has_next {
                break;
            }
        }
        Ok(ids)
    }

    /// Fetches vote `id` into `path`. A file the editors entered by hand
    /// (a provenance other than `synced`) is only replaced when the vote was
    /// `named` with `--vote`; then its comments and its old provenance stay
    /// in the file as comments.
    async fn sync_vote(
        &self,
        id: u64,
        path: &Path,
        named: bool,
        diags: &mut Diagnostics,
    ) -> Result<Outcome, VoteError> {
        let previous = match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(VoteError::Existing(Message::verbatim(e.to_string()))),
        };
        let mut editor = match &previous {
            Some(text) => editor_fields(text).map_err(VoteError::Existing)?,
            None => EditorFields::default(),
        };
        let entered_by_hand =
            previous.is_some() && editor.provenance_kind.as_deref() != Some("synced");
        if entered_by_hand {
            let kind = editor.provenance_kind.as_deref().unwrap_or("none");
            if !named {
                diags.push(
                    Diagnostic::warning(
                        "sync-ep-vote-by-editors",
                        path,
                        0,
                        0,
                        msg!(
                            "vote {id} was entered by the editors (provenance kind `{kind}`); left as it is",
                            "stemming {id} is door de redactie ingevoerd (provenance kind `{kind}`); zo gelaten"
                        ),
                    )
                    .with_hint(msg!(
                        "to replace it with HowTheyVote.eu's record, run sync ep-votes --vote {id}; the editors' words and comments are kept",
                        "voer sync ep-votes --vote {id} uit om de stemming te vervangen door die van HowTheyVote.eu; de woorden en opmerkingen van de redactie blijven bewaard"
                    )),
                );
                return Ok(Outcome::Unchanged);
            }
            if let Some(text) = &previous {
                editor.comments.extend(old_provenance(text));
            }
        }
        let url = self.client.url(&format!("votes/{id}"));
        let answer = self.client.get_one(&url).await.map_err(VoteError::Fetch)?;
        let vote = parse_vote(&answer)?;
        if vote.id != id {
            return Err(VoteError::OtherVote(vote.id));
        }
        let members = self.members(&vote, path, diags)?;
        let fetched_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let synced = SyncedVote {
            date: vote.date,
            title_en: vote.title,
            procedure: vote.procedure,
            result: vote.result,
            totals: vote.totals,
            api: url,
            fetched_at,
            members,
        };
        if let (Some(text), Some(at)) = (&previous, &editor.fetched_at) {
            let same = SyncedVote {
                fetched_at: at.clone(),
                ..synced.clone()
            };
            if render(&same, &editor) == *text {
                return Ok(Outcome::Unchanged);
            }
        }
        if previous.is_none() {
            diags.push(
                Diagnostic::warning(
                    "sync-ep-vote-new",
                    path,
                    0,
                    0,
                    msg!(
                        "vote {id} is new: title_nl, protects and why are empty",
                        "stemming {id} is nieuw: title_nl, protects en why zijn leeg"
                    ),
                )
                .with_hint(msg!(
                    "fill them in before the next build; `check` reports them until then",
                    "vul ze in vóór de volgende build; tot dan meldt `check` ze"
                )),
            );
        }
        write_atomically(path, render(&synced, &editor).as_bytes()).map_err(VoteError::Write)?;
        if entered_by_hand {
            let kind = editor.provenance_kind.as_deref().unwrap_or("none");
            diags.push(
                Diagnostic::warning(
                    "sync-ep-vote-replaced",
                    path,
                    0,
                    0,
                    msg!(
                        "vote {id} was entered by the editors (provenance kind `{kind}`) and is now HowTheyVote.eu's record",
                        "stemming {id} was door de redactie ingevoerd (provenance kind `{kind}`) en is nu die van HowTheyVote.eu"
                    ),
                )
                .with_hint(msg!(
                    "title_nl, protects, why, editors_note and the comments at the top were kept, and the old provenance is a comment there; check the members' votes against it",
                    "title_nl, protects, why, editors_note en de opmerkingen bovenaan zijn bewaard, en de oude provenance staat daar als opmerking; vergelijk de stemmen van de leden ermee"
                )),
            );
        }
        Ok(Outcome::Written)
    }

    /// The members of the country, with the names of meps.toml where it
    /// knows them; a warning for each whose party cannot be found.
    fn members(
        &self,
        vote: &ApiVote,
        path: &Path,
        diags: &mut Diagnostics,
    ) -> Result<Vec<WrittenMember>, VoteError> {
        let mut written = Vec::new();
        for m in vote
            .members
            .iter()
            .filter(|m| m.country.as_deref() == Some(self.country))
        {
            let code = m.group.clone().ok_or_else(|| VoteError::NoGroup {
                name: m.name.clone(),
                id: m.id,
            })?;
            let group = Group::from_code(&code).ok_or_else(|| VoteError::UnknownGroup {
                name: m.name.clone(),
                id: m.id,
                code: code.clone(),
            })?;
            let known = self.data.mep_by_id(m.id);
            let name = known.map_or_else(|| m.name.clone(), |k| k.name.clone());
            let member = VoteMember {
                mep: Some(m.id),
                name: name.clone(),
                group,
                vote: m.vote,
                at: Default::default(),
            };
            if let Some(reason) = self.data.why_unmapped(&member, vote.date) {
                diags.push(unmapped_warning(path, vote, &member, &reason));
            }
            written.push(WrittenMember {
                mep: m.id,
                name,
                group: code,
                vote: m.vote,
            });
        }
        Ok(written)
    }
}

/// The warning for a member whose party cannot be found, with what to add.
fn unmapped_warning(
    path: &Path,
    vote: &ApiVote,
    m: &VoteMember,
    reason: &UnmappedReason,
) -> Diagnostic {
    let id = m.mep.unwrap_or_default();
    let (name, vote_id, date, group) = (&m.name, vote.id, vote.date, m.group);
    let (code, why, hint) = match reason {
        UnmappedReason::NotInMeps => (
            "mep-not-listed",
            msg!(
                "is not in data/ep/meps.toml",
                "staat niet in data/ep/meps.toml"
            ),
            msg!(
                "add to data/ep/meps.toml: [[mep]] id = {id}, name = \"…\", country, checked_on, [[mep.term]] from, [[mep.party]] name = \"<national party>\" from, [[mep.group]] code = \"{group}\" from, and [mep.source]",
                "voeg toe aan data/ep/meps.toml: [[mep]] id = {id}, name = \"…\", country, checked_on, [[mep.term]] from, [[mep.party]] name = \"<nationale partij>\" from, [[mep.group]] code = \"{group}\" from, en [mep.source]"
            ),
        ),
        UnmappedReason::NoPartyOnDate => (
            "mep-no-party-on-date",
            msg!(
                "has no national party on {date} in data/ep/meps.toml",
                "heeft op {date} geen nationale partij in data/ep/meps.toml"
            ),
            msg!(
                "add a [[mep.party]] to member {id} in data/ep/meps.toml whose period covers {date}",
                "voeg bij lid {id} in data/ep/meps.toml een [[mep.party]] toe waarvan de periode {date} omvat"
            ),
        ),
        UnmappedReason::PartyNotMapped(national) => (
            "mep-party-not-mapped",
            msg!(
                "belongs to `{national}`, which [national_parties] does not map",
                "hoort bij `{national}`, dat niet in [national_parties] staat"
            ),
            msg!(
                "add \"{national}\" = \"<party id>\" to [national_parties] in data/ep/meps.toml",
                "voeg \"{national}\" = \"<partij-id>\" toe aan [national_parties] in data/ep/meps.toml"
            ),
        ),
    };
    let voted = match m.vote {
        VoteWord::For => msg!("voted for", "stemde voor"),
        VoteWord::Against => msg!("voted against", "stemde tegen"),
        VoteWord::Abstain => msg!("voted abstain", "onthield zich"),
        VoteWord::Absent => msg!("voted absent", "was afwezig"),
    };
    Diagnostic::warning(
        code,
        path,
        0,
        0,
        msg!(
            "{name} (member id {id}) {voted} on vote {vote_id} but {why}; the vote counts for no party",
            "{name} (lidnummer {id}) {voted} bij stemming {vote_id}, maar {why}; de stem telt voor geen enkele partij";
            voted, why
        ),
    )
    .with_hint(hint)
}

/// The `[provenance]` table of an editor's file as comment lines, so that
/// replacing it with a synced record does not lose where it came from.
fn old_provenance(text: &str) -> Vec<String> {
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    let Some(toml::Value::Table(p)) = table.get("provenance") else {
        return Vec::new();
    };
    let mut lines =
        vec!["# Before sync ep-votes replaced it, the editors' provenance was:".to_string()];
    for (key, value) in p {
        lines.push(format!("#   {key} = {value}"));
    }
    lines
}

/// The numeric ids of the files in `data/ep/votes/`.
fn existing_ids(site: &Path) -> Vec<u64> {
    let dir = site.join("data").join(FOLDER).join(DIR);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let id = name.strip_suffix(".toml")?;
            is_numeric_id(id).then(|| id.parse().ok()).flatten()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("2022/0155(COD)", true; "regulation")]
    #[test_case("2025/0429(COD)", true; "another")]
    #[test_case("2022/0155(cod)", false; "lower case")]
    #[test_case("2022/155(COD)", false; "short number")]
    #[test_case("2022/0155(COD) ", false; "trailing space")]
    fn procedures(text: &str, ok: bool) {
        assert_eq!(is_procedure(text), ok);
    }

    #[test]
    fn vote_files_live_below_data_ep_votes() {
        assert_eq!(
            vote_path(Path::new("site"), "189574"),
            Path::new("site/data/ep/votes/189574.toml")
        );
    }
}
