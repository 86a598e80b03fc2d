//! Headless Chromium driven through chromedriver (fantoccini, rustls). The
//! harness starts chromedriver itself on a free port and Chromium with a
//! fresh profile and no background traffic, and offers what page tests
//! need: open a page, read console errors and the network log, emulate a
//! phone viewport and dark mode through the DevTools protocol, press Tab,
//! take screenshots.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{Value as Json, json};

/// Printed when the browser tests cannot run on this machine.
pub const SKIP_LINE: &str = "skipped: browser tests need chromium and chromedriver (set CHATCONTROLE_BROWSER_TESTS=required to make this an error)";

/// The flags Chromium runs with: headless, no sandbox (CI runs as root), and
/// none of the background requests that would leave the machine.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
];

/// Records what a page's own console does not always show: CSP violations,
/// script errors and resources that failed to load. Runs before any page script.
const PROBLEM_RECORDER: &str = r#"
window.__chatcontroleProblems = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__chatcontroleProblems.push("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline code") + " in " + e.sourceFile + ":" + e.lineNumber);
});
window.addEventListener("error", function (e) {
  var t = e.target;
  if (t && t !== window && (t.src || t.href)) {
    window.__chatcontroleProblems.push("failed to load " + (t.src || t.href));
  } else {
    window.__chatcontroleProblems.push("script error: " + e.message + " in " + e.filename + ":" + e.lineno);
  }
}, true);
window.addEventListener("unhandledrejection", function (e) {
  window.__chatcontroleProblems.push("unhandled promise rejection: " + e.reason);
});
"#;

/// Prints `line` on stderr past the test harness's output capture, so that
/// a skip is visible in a plain `cargo test`.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// True when CI demands the browser tests (`CHATCONTROLE_BROWSER_TESTS=required`).
pub fn required() -> bool {
    std::env::var("CHATCONTROLE_BROWSER_TESTS")
        .is_ok_and(|v| v.trim().eq_ignore_ascii_case("required"))
}

fn find_program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(env).map(PathBuf::from) {
        return path.is_file().then_some(path);
    }
    let dirs = std::env::var_os("PATH")?;
    std::env::split_paths(&dirs)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
}

/// Chromium and chromedriver, from `CHROMIUM`/`CHROMEDRIVER` or the PATH.
pub fn find_tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = find_program(
        "CHROMIUM",
        &[
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ],
    )?;
    let driver = find_program("CHROMEDRIVER", &["chromedriver"])?;
    Some((chromium, driver))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .unwrap()
        .port()
}

/// A command fantoccini does not have: any endpoint below the session.
#[derive(Debug)]
struct SessionCommand {
    method: http::Method,
    path: &'static str,
    body: Json,
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (self.method.clone(), Some(self.body.to_string()))
    }
}

/// One headless Chromium with its chromedriver; closed when dropped.
pub struct Browser {
    client: Option<Client>,
    driver: Child,
    driver_port: u16,
    session: String,
    _profile: tempfile::TempDir,
    name: String,
}

impl Browser {
    /// Starts chromedriver and Chromium for the test `name` (used in
    /// screenshot names). Returns None after printing [`SKIP_LINE`] when the
    /// tools are missing, and panics instead when the tests are required.
    pub async fn launch(name: &str) -> Option<Browser> {
        let Some((chromium, chromedriver)) = find_tools() else {
            assert!(
                !required(),
                "browser tests are required (CHATCONTROLE_BROWSER_TESTS=required) but chromium or chromedriver is missing"
            );
            say(SKIP_LINE);
            return None;
        };
        Some(Self::start(name, &chromium, &chromedriver).await)
    }

    async fn start(name: &str, chromium: &Path, chromedriver: &Path) -> Browser {
        // The port is free when picked, but another test's chromedriver (or
        // a server) may take it before ours binds; ours then exits and the
        // port answers for the other one. Start again on a new port then.
        let mut attempt = 0;
        let (driver_port, driver) = loop {
            attempt += 1;
            let driver_port = free_port();
            let mut driver = Command::new(chromedriver)
                .arg(format!("--port={driver_port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", chromedriver.display()));
            let deadline = Instant::now() + Duration::from_secs(30);
            while TcpStream::connect(("127.0.0.1", driver_port)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "chromedriver did not listen on port {driver_port} within 30 s"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
            match driver.try_wait() {
                Ok(None) => break (driver_port, driver),
                _ if attempt < 5 => continue,
                _ => panic!("chromedriver kept losing its port to other programs"),
            }
        };
        let profile = tempfile::Builder::new()
            .prefix("chatcontrole-chromium-")
            .tempdir()
            .expect("profile dir");
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args,
                "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
            },
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
        });
        let Json::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let mut browser = Browser {
            client: None,
            driver,
            driver_port,
            session: String::new(),
            _profile: profile,
            name: name.to_string(),
        };
        let client = ClientBuilder::rustls()
            .expect("rustls client")
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{driver_port}/"))
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot start Chromium {} through chromedriver: {e}",
                    chromium.display()
                )
            });
        browser.session = client.session_id().await.ok().flatten().unwrap_or_default();
        browser.client = Some(client);
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": PROBLEM_RECORDER }),
            )
            .await;
        browser
    }

    /// The WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("browser is open")
    }

    async fn session_command(&self, method: http::Method, path: &'static str, body: Json) -> Json {
        self.client()
            .issue_cmd(SessionCommand { method, path, body })
            .await
            .unwrap_or_else(|e| panic!("chromedriver {path}: {e}"))
    }

    /// Runs a DevTools protocol command (through chromedriver's
    /// `goog/cdp/execute`) and returns its result.
    pub async fn cdp(&self, command: &str, params: Json) -> Json {
        self.session_command(
            http::Method::POST,
            "goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        )
        .await
    }

    /// Opens `url` and waits until the page has loaded (deferred scripts ran).
    pub async fn open(&self, url: &str) {
        self.client()
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub async fn eval(&self, script: &str, args: Vec<Json>) -> Json {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    fn log(&self, kind: &str) -> impl std::future::Future<Output = Vec<Json>> + '_ {
        let body = json!({ "type": kind });
        async move {
            match self
                .session_command(http::Method::POST, "se/log", body)
                .await
            {
                Json::Array(entries) => entries,
                _ => Vec::new(),
            }
        }
    }

    /// Forgets console messages and network requests seen so far.
    pub async fn clear_logs(&self) {
        self.log("browser").await;
        self.log("performance").await;
    }

    /// Console errors since the last read (level SEVERE), plus CSP
    /// violations, script errors and failed loads of the current page.
    pub async fn console_errors(&self) -> Vec<String> {
        let mut errors: Vec<String> = self
            .log("browser")
            .await
            .into_iter()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| format!("console: {}", e["message"].as_str().unwrap_or_default()))
            .collect();
        let recorded = self
            .eval("return window.__chatcontroleProblems || [];", vec![])
            .await;
        errors.extend(
            recorded
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p.as_str().map(str::to_string)),
        );
        errors
    }

    /// Every URL the page requested since the last read (from Chromium's
    /// network log: documents, styles, scripts, images, fetches, event streams).
    pub async fn requests(&self) -> Vec<String> {
        let mut urls = Vec::new();
        for entry in self.log("performance").await {
            let Some(message) = entry["message"].as_str() else {
                continue;
            };
            let Ok(message) = serde_json::from_str::<Json>(message) else {
                continue;
            };
            if message["message"]["method"] == "Network.requestWillBeSent"
                && let Some(url) = message["message"]["params"]["request"]["url"].as_str()
            {
                urls.push(url.to_string());
            }
        }
        let timed = self
            .eval("return performance.getEntriesByType('resource').map(function (e) { return e.name; });", vec![])
            .await;
        urls.extend(
            timed
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|u| u.as_str().map(str::to_string)),
        );
        urls.sort();
        urls.dedup();
        urls
    }

    /// Emulates a phone screen of `width` × `height` CSS pixels (desktop
    /// mode, so a page that is too wide scrolls instead of being zoomed out).
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    }

    /// Runs JavaScript on the pages opened from now on (true) or not
    /// (false), as a visitor who switched it off.
    pub async fn set_scripts(&self, enabled: bool) {
        self.cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": !enabled }),
        )
        .await;
    }

    /// Runs `script` and returns a problem naming `what` when it does not
    /// return true.
    pub async fn expect(&self, what: &str, script: &str) -> Option<String> {
        let value = self.eval(script, vec![]).await;
        (value != Json::Bool(true)).then(|| format!("{what}: got {value}"))
    }

    /// Back to the normal window size.
    pub async fn reset_viewport(&self) {
        self.cdp("Emulation.clearDeviceMetricsOverride", json!({}))
            .await;
    }

    /// Emulates `prefers-color-scheme: dark` (true) or light (false).
    pub async fn emulate_dark_mode(&self, dark: bool) {
        let value = if dark { "dark" } else { "light" };
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": value }] }),
        )
        .await;
    }

    /// Presses Tab once, as a person at a keyboard does.
    pub async fn press_tab(&self) {
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down {
                value: Key::Tab.into(),
            })
            .then(KeyAction::Up {
                value: Key::Tab.into(),
            });
        self.client()
            .perform_actions(keys)
            .await
            .expect("press Tab");
    }

    /// Saves a screenshot as `target/browser-screenshots/<test>-<label>.png`
    /// and returns its path.
    pub async fn screenshot(&self, label: &str) -> Option<PathBuf> {
        let png = self.client().screenshot().await.ok()?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).ok()?;
        let safe: String = format!("{}-{label}", self.name)
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let path = dir.join(format!("{safe}.png"));
        std::fs::write(&path, png).ok()?;
        Some(path)
    }

    /// Ends the session (Chromium quits) and stops chromedriver.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

/// Where screenshots of failed checks go.
pub fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("browser-screenshots")
}

impl Drop for Browser {
    fn drop(&mut self) {
        // After a panic the async close never ran: end the session over a
        // plain socket so that chromedriver quits Chromium, then stop it.
        if self.client.take().is_some()
            && !self.session.is_empty()
            && let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.driver_port))
        {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
            let _ = write!(
                stream,
                "DELETE /session/{} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                self.session
            );
            let _ = stream.read(&mut [0u8; 512]);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
