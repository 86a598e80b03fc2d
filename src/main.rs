//! Command-line entry point of `chatcontrole`: parses arguments, calls the
//! library, prints diagnostics and sets the exit code (0 success, 1 content or
//! data errors, 2 wrong usage).

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use chatcontrole::build::{BuildOptions, build};
use chatcontrole::check::check_with;
use chatcontrole::council::cli::CouncilArgs;
use chatcontrole::diagnostics::{Diagnostics, Language};
use chatcontrole::external_links::ExternalOptions;
use chatcontrole::guide::import::{ImportGuideArgs, run_import};
use chatcontrole::import::hugo::ImportHugoArgs;
use chatcontrole::msg;
use chatcontrole::serve::{ServeOptions, run_blocking};

/// A build allocates and frees many small strings on every core; glibc's
/// allocator spent a third of a 10,000-page build returning memory to the
/// system and faulting it back in (measured with perf), mimalloc does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Builds and checks the chatcontrole.nl campaign site.
#[derive(Parser)]
#[command(name = "chatcontrole", version, about)]
struct Cli {
    /// The language of errors, warnings and summaries, nl or en (default: the
    /// locale, LANG); `council` also prints its sentences in it (default: the
    /// site's language).
    #[arg(long, global = true, value_name = "CODE", value_parser = parse_language)]
    lang: Option<Language>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into a folder of static files.
    Build {
        /// The site folder.
        #[arg(long, default_value = "site")]
        site: PathBuf,
        /// Where to write the site (default: <site>/public).
        #[arg(long)]
        out: Option<PathBuf>,
        /// The public address, replacing base_url of site.toml.
        #[arg(long)]
        base_url: Option<String>,
        /// Include drafts and posts dated in the future.
        #[arg(long)]
        drafts: bool,
        /// Replace the output folder even when it holds files an earlier build did not write.
        #[arg(long)]
        force: bool,
        /// Build as if today were this day (YYYY-MM-DD): what is published and what is current.
        #[arg(long, value_parser = parse_today)]
        today: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
    /// Preview the site: build, serve it on this computer, rebuild and reload on every change.
    Serve {
        /// The site folder.
        #[arg(long, default_value = "site")]
        site: PathBuf,
        /// The address to listen on (the default keeps the preview on this computer).
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// The port to listen on (0 picks a free one).
        #[arg(long, default_value_t = 1111)]
        port: u16,
    },
    /// Check content, data and links without writing anything.
    Check {
        /// The site folder.
        #[arg(long, default_value = "site")]
        site: PathBuf,
        /// Check as if today were this day (YYYY-MM-DD): which roles have ended, which checks are stale.
        #[arg(long, value_parser = parse_today)]
        today: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// Also ask every outside link whether its page is still there (needs the network; results are cached for 7 days in <site>/.chatcontrole-links.json).
        #[arg(long)]
        external: bool,
        /// With --external: seconds to wait for one answer.
        #[arg(long, default_value_t = 15, requires = "external")]
        external_timeout: u64,
        /// With --external: milliseconds between two requests to the same host.
        #[arg(long, default_value_t = 1000, requires = "external")]
        external_delay: u64,
    },
    /// Compute whether the EU Council would adopt the proposal, from the tracked positions.
    Council(CouncilArgs),
    /// Bring existing material into the site's data.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Fetch data from the Tweede Kamer's open data and HowTheyVote.eu (the only command that uses the network).
    #[command(subcommand)]
    Sync(SyncCommand),
}

#[derive(Subcommand)]
enum SyncCommand {
    /// Fetch the recorded votes on every motion and bill the guide refers to into data/votes/.
    Votes(chatcontrole::parliament::sync::SyncVotesArgs),
    /// Fetch the current members of the Tweede Kamer into data/recipients/kamerleden.toml.
    Members(chatcontrole::parliament::members::SyncMembersArgs),
    /// Fetch European Parliament roll-call votes from HowTheyVote.eu into data/ep/votes/.
    EpVotes(chatcontrole::ep::sync::SyncEpVotesArgs),
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Read a Markdown voting-guide page (a table of parties) into election and party data files.
    Guide(ImportGuideArgs),
    /// Move a Hugo site into a new site folder, keeping every URL; writes MIGRATION.md.
    Hugo(ImportHugoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let language = cli.lang.unwrap_or_else(Language::from_environment);
    let print_diagnostics = |diags: &Diagnostics| print_diagnostics(diags, language);
    let fail = |diags: &Diagnostics, what: chatcontrole::diagnostics::Message| {
        fail(diags, what.get(language), language)
    };
    match cli.command {
        Command::Build {
            site,
            out,
            base_url,
            drafts,
            force,
            today,
        } => {
            let options = BuildOptions {
                site,
                out,
                base_url,
                drafts,
                now: today,
                force,
            };
            match build(&options) {
                Ok(summary) => {
                    print_diagnostics(&summary.warnings);
                    say(&summary.describe(language));
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(
                    &diags,
                    msg!(
                        "build failed; the previous output was left as it was",
                        "bouwen mislukt; de vorige uitvoer is gebleven zoals hij was"
                    ),
                ),
            }
        }
        Command::Import(ImportCommand::Guide(args)) => match run_import(&args) {
            Ok(report) => {
                say(&report.to_string());
                ExitCode::SUCCESS
            }
            Err(diags) => fail(
                &diags,
                msg!(
                    "import failed; nothing was written",
                    "importeren mislukt; er is niets geschreven"
                ),
            ),
        },
        Command::Sync(SyncCommand::Votes(args)) => {
            match chatcontrole::parliament::sync::run(&args) {
                Ok(report) => {
                    print_diagnostics(&report.diagnostics);
                    say(&report.to_string());
                    if report.failed > 0 {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(diags) => fail(
                    &diags,
                    msg!(
                        "sync failed before fetching anything",
                        "sync mislukt voordat er iets is opgehaald"
                    ),
                ),
            }
        }
        Command::Sync(SyncCommand::EpVotes(args)) => match chatcontrole::ep::sync::run(&args) {
            Ok(report) => {
                print_diagnostics(&report.diagnostics);
                say(&report.to_string());
                if report.failed > 0 {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(diags) => fail(
                &diags,
                msg!(
                    "sync ep-votes failed before fetching anything",
                    "sync ep-votes mislukt voordat er iets is opgehaald"
                ),
            ),
        },
        Command::Sync(SyncCommand::Members(args)) => {
            match chatcontrole::parliament::members::run(&args) {
                Ok(report) => {
                    print_diagnostics(&report.diagnostics);
                    say(&report.to_string());
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(
                    &diags,
                    msg!(
                        "sync members failed; the previous file was kept",
                        "sync members mislukt; het vorige bestand is bewaard"
                    ),
                ),
            }
        }
        Command::Import(ImportCommand::Hugo(args)) => {
            match chatcontrole::import::hugo::run(&args) {
                Ok(imported) => {
                    print_diagnostics(&imported.warnings);
                    say(&imported.summary);
                    ExitCode::SUCCESS
                }
                Err(diags) => fail(
                    &diags,
                    msg!(
                        "import failed; nothing was written",
                        "importeren mislukt; er is niets geschreven"
                    ),
                ),
            }
        }
        Command::Council(mut args) => match chatcontrole::council::cli::run({
            args.lang = cli.lang.map(|l| l.code().to_string());
            &args
        }) {
            Ok(text) => {
                say(&text);
                ExitCode::SUCCESS
            }
            Err(diags) => fail(&diags, msg!("council failed", "council mislukt")),
        },
        Command::Serve { site, bind, port } => {
            match run_blocking(ServeOptions {
                site,
                bind,
                port,
                language,
            }) {
                Ok(()) => ExitCode::SUCCESS,
                Err(diags) => fail(
                    &diags,
                    msg!("serve could not start", "serve kon niet starten"),
                ),
            }
        }
        Command::Check {
            site,
            today,
            external,
            external_timeout,
            external_delay,
        } => {
            let external = external.then(|| ExternalOptions {
                timeout: std::time::Duration::from_secs(external_timeout.max(1)),
                delay: std::time::Duration::from_millis(external_delay),
                ..ExternalOptions::for_site(&site)
            });
            let mut options = BuildOptions::new(site);
            options.now = today;
            let diags = check_with(&options, external.as_ref());
            if diags.has_errors() {
                fail(&diags, msg!("check found problems", "check vond problemen"))
            } else {
                print_diagnostics(&diags);
                let warnings =
                    chatcontrole::diagnostics::warnings_in(diags.warning_count(), language);
                let passed = msg!("check passed ({warnings})", "check geslaagd ({warnings})");
                say(passed.get(language));
                ExitCode::SUCCESS
            }
        }
    }
}

/// Reads `--today`: a day, taken as its noon in UTC so that posts dated
/// that day are published whatever their time zone.
fn parse_today(text: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a day; write it as YYYY-MM-DD, e.g. 2026-12-04"))?;
    let noon = day.and_hms_opt(12, 0, 0).ok_or("not a time of day")?;
    Ok(noon.and_utc().fixed_offset())
}

/// Writes a line to standard output. A reader that went away (`| head -1`)
/// is not an error: the command ends quietly instead of panicking.
fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}").and_then(|()| out.flush());
}

/// Writes a line to standard error, ignoring a closed pipe like [`say`].
fn tell(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Reads `--lang`.
fn parse_language(text: &str) -> Result<Language, String> {
    text.parse()
}

/// Writes the report of `diags` in `language` to standard error.
fn print_diagnostics(diags: &Diagnostics, language: Language) {
    let report = diags.report_in(language);
    if !report.is_empty() {
        use std::io::Write;
        let _ = write!(std::io::stderr().lock(), "{report}");
    }
}

/// Prints the problems and gives the exit code: 2 when the command was
/// used wrongly, 1 for problems in the site or its data.
fn fail(diags: &Diagnostics, what: &str, language: Language) -> ExitCode {
    print_diagnostics(diags, language);
    if diags.is_usage_error() {
        return ExitCode::from(2);
    }
    tell(&format!("{what}: {}", diags.summary_in(language)));
    ExitCode::from(1)
}
