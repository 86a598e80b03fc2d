//! `chatcontrole sync votes`: fetch every motion and bill the guide refers to
//! and write `data/votes/<item>.toml`, the only command that uses the network.
//!
//! Each item is fetched, counted and mapped on its own. A file is only
//! replaced (atomically) when the vote changed, so a repeated sync leaves the
//! files byte-identical; an item that fails keeps its previous file, and the
//! command then exits 1.

use std::collections::BTreeSet;
use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;

use super::api::{ZaakError, zaken};
use super::client_args::ClientArgs;
use super::mapping::{Mapping, map_faction};
use super::odata::{Client, DEFAULT_API, FetchError, quote};
use super::record::record_from_tally;
use super::tally::{TallyError, tally};
use crate::data_file::write_atomically;
use crate::diagnostics::{Diagnostic, Diagnostics, Message};
use crate::guide::model::{GuideData, ItemKind};
use crate::guide::votes_file::{VotesFile, path_of};
use crate::msg;
use crate::terminal::printable_diagnostics;

/// Arguments of `sync votes`.
#[derive(Debug, Clone, Args)]
pub struct SyncVotesArgs {
    /// The site folder.
    #[arg(long, default_value = "site")]
    pub site: PathBuf,
    /// Base URL of the Tweede Kamer's OData API.
    #[arg(long, default_value = DEFAULT_API)]
    pub api: String,
    /// Also fetch this motion (2025Z20461) or bill dossier (36263), and add it to data/items/.
    #[arg(long = "item", value_name = "NUMBER", num_args = 1..)]
    pub items: Vec<String>,
    /// Timeouts, retries and limits.
    #[command(flatten)]
    pub client: ClientArgs,
}

/// What a sync did.
#[derive(Debug, Default)]
pub struct SyncReport {
    /// Items whose file was written.
    pub fetched: usize,
    /// Items whose vote had not changed (file left as it was).
    pub unchanged: usize,
    /// Items without a recorded vote yet.
    pub no_vote: usize,
    /// Items that failed (previous file kept).
    pub failed: usize,
    /// Warnings and errors, per item.
    pub diagnostics: Diagnostics,
}

impl fmt::Display for SyncReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "sync votes: {} fetched, {} unchanged, {} failed",
            self.fetched, self.unchanged, self.failed
        )?;
        if self.no_vote > 0 {
            write!(f, ", {} without a recorded vote yet", self.no_vote)?;
        }
        Ok(())
    }
}

/// Whether a number is a motion (Zaak number) or a bill (dossier number).
pub fn item_kind(number: &str) -> Option<ItemKind> {
    let b = number.as_bytes();
    let motion = b.len() == 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'Z'
        && b[5..].iter().all(u8::is_ascii_digit);
    if motion {
        Some(ItemKind::Motion)
    } else if (3..=6).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        Some(ItemKind::Bill)
    } else {
        None
    }
}

/// The query for an item: recipe A (motion by Zaak number) or C (bill by dossier).
pub fn query_for(number: &str, kind: ItemKind) -> String {
    let expand = "$expand=Besluit($filter=Verwijderd eq false;$expand=Stemming($filter=Verwijderd eq false),Agendapunt($expand=Activiteit($select=Datum,Soort,Nummer)))";
    match kind {
        ItemKind::Motion => format!(
            "Zaak?$filter=Nummer eq {} and Verwijderd eq false&{expand}",
            quote(number)
        ),
        ItemKind::Bill => format!(
            "Zaak?$filter=Kamerstukdossier/any(d: d/Nummer eq {number}) and (Soort eq 'Wetgeving' or Soort eq 'Initiatiefwetgeving') and Verwijderd eq false&{expand}"
        ),
    }
}

/// Runs `sync votes`. `Err` only for problems before any request (bad
/// arguments, unreadable guide data); per-item failures are in the report.
/// Every diagnostic comes back printable: the API's text in it (faction
/// names, quoted rows) cannot steer the terminal.
pub fn run(args: &SyncVotesArgs) -> Result<SyncReport, Diagnostics> {
    match run_unchecked(args) {
        Ok(mut report) => {
            report.diagnostics = printable_diagnostics(report.diagnostics);
            Ok(report)
        }
        Err(diags) => Err(printable_diagnostics(diags)),
    }
}

fn run_unchecked(args: &SyncVotesArgs) -> Result<SyncReport, Diagnostics> {
    let data = crate::guide::load(&args.site)?;
    let mut usage = Diagnostics::new();
    for number in &args.items {
        if item_kind(number).is_none() {
            usage.push(
                Diagnostic::usage(
                    "usage-sync-item-invalid",
                    msg!(
                        "--item `{number}` is not a motion or bill number",
                        "--item `{number}` is geen nummer van een motie of wetsvoorstel"
                    ),
                )
                .with_hint(msg!(
                    "write a motion's Zaak number, e.g. 2025Z20461, or a bill's dossier number, e.g. 36263",
                    "schrijf het Zaak-nummer van een motie, bijvoorbeeld 2025Z20461, of het dossiernummer van een wetsvoorstel, bijvoorbeeld 36263"
                )),
            );
        }
    }
    let client = match args.client.client(&args.api) {
        Ok(c) => c,
        Err(e) => {
            let reason = e.message;
            usage.push(Diagnostic::usage(
                "usage-sync-api-invalid",
                msg!("--api: {reason}", "--api: {reason}"; reason),
            ));
            return Err(usage);
        }
    };
    if usage.has_errors() {
        return Err(usage);
    }
    let items = items_to_sync(&data, &args.items);
    let runtime = crate::parliament::client_args::runtime().map_err(|e| {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("sync-runtime-failed", "sync", 0, 0, e));
        d
    })?;
    Ok(runtime.block_on(sync_all(&client, &args.site, &data, &items)))
}

/// Every item in data/items/, every item evidence refers to, and the extra ones.
fn items_to_sync(data: &GuideData, extra: &[String]) -> Vec<String> {
    let mut set: BTreeSet<String> = data.items.keys().cloned().collect();
    for election in &data.elections {
        for entry in &election.entries {
            set.extend(entry.evidence.iter().filter_map(|e| e.item.clone()));
        }
    }
    set.extend(extra.iter().cloned());
    set.into_iter().filter(|n| item_kind(n).is_some()).collect()
}

async fn sync_all(client: &Client, site: &Path, data: &GuideData, items: &[String]) -> SyncReport {
    let mut report = SyncReport::default();
    let progress = std::io::stderr().is_terminal();
    for (i, number) in items.iter().enumerate() {
        if progress {
            eprint!("\r\x1b[2K[{}/{}] {number} …", i + 1, items.len());
        }
        let path = path_of(site, number);
        match sync_item(client, site, data, number, &mut report.diagnostics).await {
            Ok(Outcome::Written) => report.fetched += 1,
            Ok(Outcome::Unchanged) => report.unchanged += 1,
            Ok(Outcome::NoVote) => {
                report.no_vote += 1;
                report.diagnostics.push(
                    Diagnostic::warning(
                        "sync-vote-not-recorded",
                        &path,
                        0,
                        0,
                        msg!(
                            "{number} has no recorded vote yet",
                            "{number} heeft nog geen vastgelegde stemming"
                        ),
                    )
                    .with_hint(msg!(
                        "nothing was written; sync again after the vote",
                        "er is niets geschreven; synchroniseer opnieuw na de stemming"
                    )),
                );
            }
            Err(e) => {
                report.failed += 1;
                let message = e.message();
                report.diagnostics.push(
                    Diagnostic::error(
                        "sync-item-failed",
                        &path,
                        0,
                        0,
                        msg!("{number}: {message}", "{number}: {message}"; message),
                    )
                    .with_hint(previous_file_kept_hint()),
                );
            }
        }
    }
    if progress {
        eprint!("\r\x1b[2K");
    }
    report
}

enum Outcome {
    Written,
    Unchanged,
    NoVote,
}

/// The hint when a sync of one item, vote or list failed.
pub(crate) fn previous_file_kept_hint() -> Message {
    msg!(
        "the previous file (if any) was kept; try again later or check --api",
        "het vorige bestand (als dat er was) is bewaard; probeer het later opnieuw of controleer --api"
    )
}

/// Why one item could not be synced; the message follows "<number>: ".
#[derive(Debug, Clone, PartialEq, Eq)]
enum SyncError {
    /// The number is neither a motion's (`2023Z07239`) nor a bill's (`36263`).
    NotANumber,
    /// The request to the API failed.
    Fetch(FetchError),
    /// The API's answer has a row of the wrong shape.
    Zaak(ZaakError),
    /// The API has no case with this number.
    NotFound(ItemKind),
    /// The vote in the answer cannot be right; why.
    Invalid(Message),
    /// A file could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        message: String,
    },
}

impl From<ZaakError> for SyncError {
    fn from(e: ZaakError) -> Self {
        SyncError::Zaak(e)
    }
}

/// The English text.
impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for SyncError {}

impl SyncError {
    /// What went wrong, in English and Dutch.
    fn message(&self) -> Message {
        match self {
            SyncError::NotANumber => msg!(
                "not a motion or bill number",
                "geen nummer van een motie of wetsvoorstel"
            ),
            SyncError::Fetch(e) => e.message.clone(),
            SyncError::Zaak(e) => e.message(),
            SyncError::NotFound(ItemKind::Motion) => msg!(
                "the API knows no motion with this number",
                "de API kent geen motie met dit nummer"
            ),
            SyncError::NotFound(_) => msg!(
                "the API knows no bill dossier with this number",
                "de API kent geen wetsvoorsteldossier met dit nummer"
            ),
            SyncError::Invalid(m) => m.clone(),
            SyncError::Write { path, message } => {
                let path = path.display();
                msg!(
                    "cannot write {path}: {message}",
                    "kan {path} niet schrijven: {message}"
                )
            }
        }
    }

    fn write(path: &Path) -> impl FnOnce(std::io::Error) -> SyncError + '_ {
        move |e| SyncError::Write {
            path: path.to_path_buf(),
            message: e.to_string(),
        }
    }
}

async fn sync_item(
    client: &Client,
    site: &Path,
    data: &GuideData,
    number: &str,
    diags: &mut Diagnostics,
) -> Result<Outcome, SyncError> {
    let kind = data
        .item(number)
        .map(|i| i.kind)
        .or_else(|| item_kind(number))
        .ok_or(SyncError::NotANumber)?;
    let url = client.url(&query_for(number, kind));
    let rows = client.get_all(&url).await.map_err(SyncError::Fetch)?;
    let zaken = zaken(rows)?;
    let tally = match tally(&zaken, kind == ItemKind::Motion) {
        Ok(t) => t,
        Err(TallyError::NoVote) => return Ok(Outcome::NoVote),
        Err(TallyError::NotFound) => return Err(SyncError::NotFound(kind)),
        Err(TallyError::Invalid(m)) => return Err(SyncError::Invalid(m)),
    };
    let path = path_of(site, number);
    let fetched_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut unmapped = Vec::new();
    let mut file =
        record_from_tally(
            number,
            kind,
            &tally,
            &url,
            &fetched_at,
            |faction| match map_faction(&data.parties, faction, tally.date) {
                Mapping::Party(p) => Some(p.id.clone()),
                Mapping::None => {
                    unmapped.push((faction.to_string(), None));
                    None
                }
                Mapping::Ambiguous(ps) => {
                    unmapped.push((
                        faction.to_string(),
                        Some(
                            ps.iter()
                                .map(|p| p.id.clone())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ));
                    None
                }
            },
        );
    unmapped.sort();
    unmapped.dedup();
    for (faction, ambiguous) in unmapped {
        let warning = match ambiguous {
            None => Diagnostic::warning(
                "sync-faction-unmapped",
                &path,
                0,
                0,
                msg!(
                    "faction `{faction}` in the vote on {number} maps to no party",
                    "fractie `{faction}` in de stemming over {number} is aan geen partij gekoppeld"
                ),
            )
            .with_hint(msg!(
                "add the name to the aliases of its party in data/parties.toml (with from/until if the name stood for another party at another time); its vote is kept in the file without a party",
                "zet de naam bij de aliassen van de partij in data/parties.toml (met from/until als de naam in een andere periode voor een andere partij stond); de stem blijft zonder partij in het bestand staan"
            )),
            Some(ids) => Diagnostic::warning(
                "sync-faction-ambiguous",
                &path,
                0,
                0,
                msg!(
                    "faction `{faction}` in the vote on {number} is an alias of several parties ({ids})",
                    "fractie `{faction}` in de stemming over {number} is een alias van meerdere partijen ({ids})"
                ),
            )
            .with_hint(msg!(
                "give the aliases in data/parties.toml periods (from/until) that do not overlap",
                "geef de aliassen in data/parties.toml periodes (from/until) die elkaar niet overlappen"
            )),
        };
        diags.push(warning);
    }
    let previous = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| toml::from_str::<VotesFile>(&t).ok());
    if let Some(previous) = &previous {
        file.note = previous.note.clone();
        file.editors_note = previous.editors_note.clone();
        // A vote the editors reconstructed is replaced by the synced record
        // even when the numbers agree, so that its source says "synced".
        if previous.is_synced() && previous.same_vote(&file) {
            return Ok(Outcome::Unchanged);
        }
    }
    if data.item(number).is_none() {
        write_item_file(site, number, kind, &file)?;
    }
    write_atomically(&path, file.to_toml().as_bytes()).map_err(SyncError::write(&path))?;
    Ok(Outcome::Written)
}

/// Adds `data/items/<number>.toml` for an item given with `--item`.
fn write_item_file(
    site: &Path,
    number: &str,
    kind: ItemKind,
    file: &VotesFile,
) -> Result<(), SyncError> {
    let url = match kind {
        ItemKind::Motion => {
            format!("https://www.tweedekamer.nl/kamerstukken/moties/detail?id={number}")
        }
        ItemKind::Bill => format!(
            "https://www.tweedekamer.nl/kamerstukken/wetsvoorstellen/detail?cfg=wetsvoorsteldetails&qry=wetsvoorstel%3A{number}"
        ),
    };
    let mut text = String::from(
        "# Added by `chatcontrole sync votes --item`. Set `protects` to the vote\n# (\"for\" or \"against\") that protects confidential communication.\n",
    );
    let table = toml::toml! {
        number = number
        title = (file.title.clone())
        kind = (if kind == ItemKind::Motion { "motion" } else { "bill" })
        url = url
    };
    text.push_str(&toml::to_string(&table).unwrap_or_default());
    if let Some(date) = file.date {
        text.push_str(&format!("date = {date}\n"));
    }
    let path = site
        .join("data")
        .join("items")
        .join(format!("{number}.toml"));
    write_atomically(&path, text.as_bytes()).map_err(SyncError::write(&path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_case::test_case;

    #[test_case("2023Z07239", Some(ItemKind::Motion))]
    #[test_case("36263", Some(ItemKind::Bill))]
    #[test_case("2023z07239", None; "lower case z")]
    #[test_case("../etc", None)]
    fn numbers(n: &str, kind: Option<ItemKind>) {
        assert_eq!(item_kind(n), kind);
    }

    #[test_case(
        SyncError::NotFound(ItemKind::Motion),
        "the API knows no motion with this number"
    )]
    #[test_case(
        SyncError::NotFound(ItemKind::Bill),
        "the API knows no bill dossier with this number"
    )]
    #[test_case(SyncError::NotANumber, "not a motion or bill number")]
    #[test_case(SyncError::Write { path: "a/b.toml".into(), message: "disk full".into() }, "cannot write a/b.toml: disk full")]
    fn sync_error_messages(error: SyncError, message: &str) {
        assert_eq!(error.to_string(), message);
    }

    #[test_case(
        SyncError::NotFound(ItemKind::Motion),
        "de API kent geen motie met dit nummer"
    )]
    #[test_case(SyncError::Write { path: "a/b.toml".into(), message: "disk full".into() }, "kan a/b.toml niet schrijven: disk full")]
    fn sync_errors_in_dutch(error: SyncError, message: &str) {
        assert_eq!(error.message().nl, message);
    }
}
