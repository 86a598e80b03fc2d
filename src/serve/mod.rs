//! `chatcontrole serve`: the editors' live preview. Builds the site into a
//! temporary folder, serves it on this computer, rebuilds on every change
//! and reloads the open pages; a failed rebuild shows its diagnostics on the
//! page until the file is fixed.
//!
//! The output goes to a temporary folder outside the site, not to
//! `<site>/public`: the preview is built with the local address as base URL
//! and must never be mistaken for (or deployed as) the real build, and the
//! site folder an editor works in stays untouched. The folder is removed
//! when `serve` stops, also on SIGINT, SIGTERM or SIGHUP during the first
//! build; one left by a `serve` that was killed is removed by the next
//! (see [`scratch`]).

pub mod content_type;
pub mod reload;
pub mod safe_path;
/// `println!` that ends quietly when the reader of standard output went away.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

/// `eprintln!` that ends quietly when standard error is closed.
macro_rules! tell {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

pub mod accept;
pub mod connections;
pub mod preview;
pub mod scratch;
pub mod server;
pub mod tracked;
pub mod watch;

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;
use tokio::sync::watch as signal;
use tokio::task::JoinHandle;

use crate::build::BuildOptions;
use crate::diagnostics::{Diagnostic, Diagnostics, Language};
use crate::msg;
use preview::Preview;
use reload::LiveReload;
use scratch::Scratch;
use watch::SiteWatcher;

/// What to serve and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (with `site.toml`).
    pub site: PathBuf,
    /// The address to listen on; loopback unless the editor asks otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The language of the messages in the terminal and the error panel.
    pub language: Language,
}

impl ServeOptions {
    /// Serve `site` on 127.0.0.1:1111.
    pub fn new(site: impl Into<PathBuf>) -> Self {
        ServeOptions {
            site: site.into(),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 1111,
            language: Language::English,
        }
    }
}

/// A running preview server.
pub struct Server {
    addr: SocketAddr,
    url: String,
    out_dir: PathBuf,
    live: Arc<LiveReload>,
    stop: signal::Sender<bool>,
    http: JoinHandle<io::Result<()>>,
    rebuilds: JoinHandle<()>,
    watcher: Option<SiteWatcher>,
    scratch: Scratch,
}

impl Server {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address to open in a browser, e.g. `http://127.0.0.1:1111/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The temporary output folder being served.
    pub fn out_dir(&self) -> &Path {
        &self.out_dir
    }

    /// The id of the build being served (changes with every successful build).
    pub fn build_id(&self) -> String {
        self.live.build_id()
    }

    /// Stops watching, ends open event streams and connections, and
    /// removes the temporary output folder. A rebuild under way is not
    /// waited for: it may end its current write, then it can write no more.
    pub async fn stop(mut self) {
        self.watcher = None;
        self.rebuilds.abort();
        self.live.shutdown();
        let _ = self.stop.send(true);
        let _ = (&mut self.http).await;
        let scratch = self.scratch;
        let _ = tokio::task::spawn_blocking(move || drop(scratch)).await;
    }
}

/// Binds the address, builds the site, starts watching and serving, and
/// returns the running server. A failing first build does not stop it:
/// the pages show the diagnostics until the editor fixes them.
///
/// Fails when the site folder has no `site.toml`, the address cannot be
/// bound (port in use, address not on this machine) or the folder cannot
/// be watched.
pub async fn start(options: &ServeOptions) -> Result<Server, Diagnostics> {
    let site_toml = options.site.join("site.toml");
    if !site_toml.is_file() {
        return Err(Diagnostic::error(
            "serve-site-missing",
            &site_toml,
            0,
            0,
            msg!(
                "there is no site here: site.toml is missing",
                "hier staat geen site: site.toml ontbreekt"
            ),
        )
        .with_hint(msg!(
            "run serve in the project folder, or point at the site folder with --site DIR",
            "draai serve in de projectmap, of wijs met --site DIR de map van de site aan"
        ))
        .into());
    }
    let listener = TcpListener::bind((options.bind, options.port))
        .await
        .map_err(|e| bind_error(options, &e))?;
    let addr = listener.local_addr().map_err(|e| bind_error(options, &e))?;
    let url = format!(
        "http://{}/",
        SocketAddr::new(browsable(addr.ip()), addr.port())
    );
    let scratch = Scratch::create()?;
    let out_dir = scratch.path().join("public");
    let live = LiveReload::new();
    let build_options = BuildOptions {
        site: options.site.clone(),
        out: Some(out_dir.clone()),
        base_url: Some(url.clone()),
        drafts: false,
        now: None,
        force: false,
    };
    let builder = Arc::new(Builder {
        site: options.site.clone(),
        preview: Mutex::new(Preview::new(build_options, scratch.gate())),
        live: live.clone(),
        language: options.language,
        gate: scratch.gate(),
    });
    let (watcher, mut changes) = watch::watch(&options.site).map_err(Diagnostics::from)?;
    let first = builder.clone();
    let _ = tokio::task::spawn_blocking(move || first.build(None)).await;
    let rebuilds = tokio::spawn(async move {
        while let Some(changed) = watch::next_batch(&mut changes, watch::DEBOUNCE).await {
            let builder = builder.clone();
            let _ = tokio::task::spawn_blocking(move || builder.build(Some(&changed))).await;
        }
    });
    let (stop, stopped) = signal::channel(false);
    let app = server::router(out_dir.clone(), live.clone(), options.language);
    let http = tokio::spawn(accept::serve(listener, app, stopped));
    Ok(Server {
        addr,
        url,
        out_dir,
        live,
        stop,
        http,
        rebuilds,
        watcher: Some(watcher),
        scratch,
    })
}

/// Runs `serve` until Ctrl-C (or SIGTERM, SIGHUP): prints the address,
/// rebuilds on changes, then stops cleanly. A signal during the first build
/// stops it too, and removes the temporary folder all the same.
pub async fn run(options: ServeOptions) -> Result<(), Diagnostics> {
    let mut stops = StopSignals::listen();
    let server = tokio::select! {
        server = start(&options) => server?,
        // Dropping `start` drops its temporary folder (see `scratch`).
        _ = stops.next() => {
            say!("stopping");
            return Ok(());
        }
    };
    if !server.addr().ip().is_loopback() {
        tell!(
            "warning: serving on {}: other computers on the network can see this preview (use --bind 127.0.0.1 to keep it private)",
            server.addr()
        );
    }
    say!(
        "serving {} at {} (press Ctrl-C to stop)",
        options.site.display(),
        server.url()
    );
    stops.next().await;
    say!("stopping");
    server.stop().await;
    Ok(())
}

/// Runs `serve` on a new Tokio runtime, for the command line. A build
/// still running when `serve` stopped (it can no longer write) is not
/// waited for.
pub fn run_blocking(options: ServeOptions) -> Result<(), Diagnostics> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            Diagnostics::from(Diagnostic::error(
                "serve-runtime-failed",
                &options.site,
                0,
                0,
                msg!(
                    "cannot start the server runtime: {e}",
                    "de serveromgeving kan niet worden gestart: {e}"
                ),
            ))
        })?;
    let result = runtime.block_on(run(options));
    runtime.shutdown_background();
    result
}

/// The signals that stop `serve`: Ctrl-C (SIGINT), SIGTERM and SIGHUP (the
/// terminal closed). Listening starts when this is made, so a signal that
/// arrives before [`StopSignals::next`] is awaited is not lost.
struct StopSignals {
    #[cfg(unix)]
    unix: Vec<tokio::signal::unix::Signal>,
    #[cfg(not(unix))]
    ctrl_c: std::pin::Pin<Box<dyn std::future::Future<Output = io::Result<()>> + Send>>,
}

impl StopSignals {
    /// Starts listening (must run inside the runtime).
    fn listen() -> StopSignals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let kinds = [
                SignalKind::interrupt(),
                SignalKind::terminate(),
                SignalKind::hangup(),
            ];
            StopSignals {
                unix: kinds.into_iter().filter_map(|k| signal(k).ok()).collect(),
            }
        }
        #[cfg(not(unix))]
        StopSignals {
            ctrl_c: Box::pin(tokio::signal::ctrl_c()),
        }
    }

    /// Waits for the first of the signals.
    async fn next(&mut self) {
        #[cfg(unix)]
        {
            if self.unix.is_empty() {
                std::future::pending::<()>().await;
            }
            let waits = self.unix.iter_mut().map(|s| Box::pin(s.recv()));
            let _ = futures_util::future::select_all(waits).await;
        }
        #[cfg(not(unix))]
        {
            let _ = (&mut self.ctrl_c).await;
        }
    }
}

/// The address to put in links: loopback when listening on all addresses.
fn browsable(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        other => other,
    }
}

fn bind_error(options: &ServeOptions, error: &io::Error) -> Diagnostics {
    let address = SocketAddr::new(options.bind, options.port);
    let (port, bind) = (options.port, options.bind);
    let (code, what, message, hint) = match error.kind() {
        io::ErrorKind::AddrInUse => (
            "serve-port-in-use",
            "--port",
            msg!(
                "port {port} on {bind} is already in use",
                "poort {port} op {bind} is al in gebruik"
            ),
            msg!(
                "another program (perhaps another `chatcontrole serve`) uses it; stop that program or choose another port, for example --port {}",
                "een ander programma (misschien een andere `chatcontrole serve`) gebruikt hem; stop dat programma of kies een andere poort, bijvoorbeeld --port {}",
                port.wrapping_add(1).max(1024)
            ),
        ),
        io::ErrorKind::AddrNotAvailable => (
            "serve-address-unavailable",
            "--bind",
            msg!(
                "{bind} is not an address of this computer",
                "{bind} is geen adres van deze computer"
            ),
            msg!(
                "leave out --bind to use 127.0.0.1 (only this computer)",
                "laat --bind weg om 127.0.0.1 te gebruiken (alleen deze computer)"
            ),
        ),
        io::ErrorKind::PermissionDenied => (
            "serve-port-forbidden",
            "--port",
            msg!(
                "not allowed to listen on {address}",
                "luisteren op {address} is niet toegestaan"
            ),
            msg!(
                "ports below 1024 need administrator rights; choose another, for example --port 1111",
                "poorten onder 1024 vragen beheerdersrechten; kies een andere, bijvoorbeeld --port 1111"
            ),
        ),
        _ => (
            "serve-listen-failed",
            "--bind",
            msg!(
                "cannot listen on {address}: {error}",
                "kan niet luisteren op {address}: {error}"
            ),
            msg!("check --bind and --port", "controleer --bind en --port"),
        ),
    };
    Diagnostic::error(code, what, 0, 0, message)
        .with_hint(hint)
        .into()
}

/// Runs builds for `serve` and reports them to the terminal and the pages.
struct Builder {
    site: PathBuf,
    preview: Mutex<Preview>,
    live: Arc<LiveReload>,
    /// The language of the messages.
    language: Language,
    /// Closed when `serve` stops; a build that ends after that says nothing.
    gate: Arc<scratch::WriteGate>,
}

impl Builder {
    /// Builds once; `changed` names the files that caused it (None for the first build).
    fn build(&self, changed: Option<&[PathBuf]>) {
        if let Some(changed) = changed {
            let names: Vec<String> = changed
                .iter()
                .take(3)
                .map(|p| p.display().to_string())
                .collect();
            let more = changed.len().saturating_sub(names.len());
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            say!("changed: {}{more}", names.join(", "));
        }
        let mut preview = self
            .preview
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let result = preview.build(changed, |summary| {
            {
                use std::io::Write as _;
                let _ = write!(
                    std::io::stderr(),
                    "{}",
                    summary.warnings.report_in(self.language)
                );
            }
            say!("{summary}");
            self.live.built();
        });
        if let Err(diags) = result {
            if self.gate.is_closed() {
                return;
            }
            {
                use std::io::Write as _;
                let _ = write!(std::io::stderr(), "{}", diags.report_in(self.language));
            }
            let summary = diags.summary_in(self.language);
            match self.language {
                Language::English => {
                    tell!("build failed: {summary}; open pages show them until the files are fixed")
                }
                Language::Dutch => tell!(
                    "bouwen mislukt: {summary}; open pagina's tonen ze tot de bestanden verbeterd zijn"
                ),
            }
            self.live
                .failed(&relative_to_site(&diags, &self.site), self.language);
        }
    }
}

/// The diagnostics with file paths relative to the site folder, as the
/// error panel in the browser shows them (`content/nieuws/x.md`).
fn relative_to_site(diags: &Diagnostics, site: &Path) -> Diagnostics {
    let site = site.canonicalize().unwrap_or_else(|_| site.to_path_buf());
    let mut shown = Diagnostics::new();
    for d in diags.iter() {
        let mut d = d.clone();
        let file = d.file.canonicalize().unwrap_or_else(|_| d.file.clone());
        if let Ok(rel) = file
            .strip_prefix(&site)
            .or_else(|_| d.file.strip_prefix(&site))
        {
            d.file = rel.to_path_buf();
        }
        shown.push(d);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use test_case::test_case;

    #[test]
    fn the_error_panel_shows_paths_relative_to_the_site() {
        let site = tempfile::tempdir().unwrap();
        let file = site.path().join("content").join("a.md");
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::error(
            "serve-test",
            &file,
            2,
            1,
            msg!("broken", "kapot"),
        ));
        diags.push(Diagnostic::error(
            "serve-test",
            "elders.md",
            1,
            1,
            msg!("broken", "kapot"),
        ));
        let shown: Vec<PathBuf> = relative_to_site(&diags, site.path())
            .iter()
            .map(|d| d.file.clone())
            .collect();
        assert_eq!(
            shown,
            vec![
                Path::new("content").join("a.md"),
                PathBuf::from("elders.md")
            ]
        );
    }

    #[test_case("0.0.0.0", "127.0.0.1")]
    #[test_case("::", "::1")]
    #[test_case("127.0.0.1", "127.0.0.1")]
    #[test_case("192.0.2.7", "192.0.2.7")]
    fn links_use_a_browsable_address(bind: &str, expected: &str) {
        assert_eq!(
            browsable(bind.parse().unwrap()),
            expected.parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn defaults_to_loopback() {
        let options = ServeOptions::new("site");
        assert!(options.bind.is_loopback());
        assert_eq!(options.port, 1111);
    }

    #[tokio::test]
    async fn port_in_use_is_a_clear_diagnostic() {
        let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let options = ServeOptions {
            port: taken.local_addr().unwrap().port(),
            ..ServeOptions::new(site)
        };
        let diags = start(&options).await.err().expect("the port is taken");
        let text = diags.to_string();
        assert!(
            text.contains("already in use") && text.contains("--port"),
            "{text}"
        );
    }

    /// A copy of the example site (without built output) in a temp folder.
    fn site_copy() -> tempfile::TempDir {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let dir = tempfile::tempdir().unwrap();
        for entry in walkdir::WalkDir::new(&from)
            .into_iter()
            .filter_entry(|e| e.file_name() != "public")
        {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        dir
    }

    async fn get(server: &Server, path: &str) -> String {
        use std::io::{Read, Write};
        let (addr, path) = (server.addr(), path.to_string());
        tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            write!(
                stream,
                "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let mut response = String::new();
            stream.read_to_string(&mut response).unwrap();
            response
        })
        .await
        .unwrap()
    }

    async fn wait_for_build(server: &Server, build: &str) -> bool {
        for _ in 0..200 {
            if server.build_id().ends_with(build) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_broken_first_build_is_served_as_errors_and_recovers() {
        let site = site_copy();
        let home = site.path().join("content/_index.md");
        let original = std::fs::read_to_string(&home).unwrap();
        std::fs::write(&home, original.replacen("---", "--", 1)).unwrap();
        let server = start(&ServeOptions {
            port: 0,
            ..ServeOptions::new(site.path())
        })
        .await
        .unwrap();
        assert!(server.url().starts_with("http://127.0.0.1:"));
        assert!(server.build_id().ends_with("-0"), "no successful build yet");
        assert!(
            server
                .live
                .current_errors()
                .is_some_and(|e| e.contains("_index.md"))
        );
        let page = get(&server, "/").await;
        assert!(
            page.starts_with("HTTP/1.1 404") && page.contains(reload::SCRIPT_PATH),
            "{page}"
        );

        std::fs::write(&home, &original).unwrap();
        assert!(wait_for_build(&server, "-1").await, "rebuilt after the fix");
        assert!(server.live.current_errors().is_none());
        assert!(get(&server, "/").await.starts_with("HTTP/1.1 200"));
        let out_dir = server.out_dir().to_path_buf();
        assert!(out_dir.join("index.html").is_file());
        assert!(
            !site.path().join("public").exists(),
            "nothing is written into the site folder"
        );
        server.stop().await;
        assert!(!out_dir.exists(), "the temporary output is removed on stop");
    }

    #[tokio::test]
    async fn missing_site_is_a_clear_diagnostic() {
        let dir = tempfile::tempdir().unwrap();
        let options = ServeOptions {
            port: 0,
            ..ServeOptions::new(dir.path())
        };
        let text = start(&options).await.err().expect("no site").to_string();
        assert!(text.contains("site.toml is missing"), "{text}");
    }
}
