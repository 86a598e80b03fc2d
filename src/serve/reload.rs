//! Live reload: tells every open page about each rebuild through
//! server-sent events. A successful build makes the pages reload; a failed
//! one sends the diagnostics, which the page shows over the stale content
//! until the next successful build. The small script that listens is served
//! from a reserved path and added to HTML responses by `serve` only; it is
//! never part of the built site.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream, StreamExt};
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{broadcast, watch};

use crate::diagnostics::{Diagnostics, Language, Severity};

/// Where the live-reload script is served (reserved, never a site file).
pub const SCRIPT_PATH: &str = "/__chatcontrole/live-reload.js";

/// Where pages subscribe to rebuild events.
pub const EVENTS_PATH: &str = "/__chatcontrole/events";

/// The live-reload script.
pub const SCRIPT: &str = include_str!("live-reload.js");

/// One message to the open pages.
#[derive(Debug, Clone)]
enum Message {
    /// A new build is ready (its id).
    Reload(String),
    /// The last build failed (diagnostics as JSON).
    Errors(String),
}

impl Message {
    fn event(&self) -> Event {
        match self {
            Message::Reload(build) => Event::default().event("reload").data(hello_json(build)),
            Message::Errors(json) => Event::default().event("errors").data(json),
        }
    }
}

#[derive(Debug)]
struct State {
    generation: u64,
    errors: Option<String>,
}

/// The rebuild state shared by the builder and every open page.
#[derive(Debug)]
pub struct LiveReload {
    instance: String,
    state: Mutex<State>,
    sender: broadcast::Sender<Message>,
    shutdown: watch::Sender<bool>,
    streams: AtomicUsize,
}

impl LiveReload {
    /// A fresh state: no build yet, no errors.
    pub fn new() -> Arc<Self> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let (sender, _) = broadcast::channel(16);
        let (shutdown, _) = watch::channel(false);
        Arc::new(LiveReload {
            instance: format!("{:x}", nanos & 0xffff_ffff_ffff),
            state: Mutex::new(State {
                generation: 0,
                errors: None,
            }),
            sender,
            shutdown,
            streams: AtomicUsize::new(0),
        })
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The id of the build being served (changes with every successful
    /// build and every restart of `serve`).
    pub fn build_id(&self) -> String {
        format!("{}-{}", self.instance, self.state().generation)
    }

    /// The diagnostics of the last build as JSON when it failed.
    pub fn current_errors(&self) -> Option<String> {
        self.state().errors.clone()
    }

    /// Records a successful build and tells every open page to reload.
    pub fn built(&self) {
        let build = {
            let mut state = self.state();
            state.generation += 1;
            state.errors = None;
            format!("{}-{}", self.instance, state.generation)
        };
        let _ = self.sender.send(Message::Reload(build));
    }

    /// Records a failed build and sends its diagnostics to every open page.
    pub fn failed(&self, diags: &Diagnostics, language: Language) {
        let json = errors_json(diags, language);
        self.state().errors = Some(json.clone());
        let _ = self.sender.send(Message::Errors(json));
    }

    /// Ends every open event stream (before the server stops).
    pub fn shutdown(&self) {
        let _ = self.shutdown.send(true);
    }

    /// The tag that loads the live-reload script, for the end of `<body>`.
    pub fn script_tag(&self) -> String {
        format!(
            r#"<script src="{SCRIPT_PATH}" data-build="{}" data-events="{EVENTS_PATH}" defer></script>"#,
            self.build_id()
        )
    }

    /// The event stream of one page: first `hello` with the current build
    /// id (a page from an older build reloads at once) and the current
    /// errors if any, then every rebuild until the server stops.
    ///
    /// At most [`MAX_STREAMS`] streams are open at once; one more gets
    /// `503 Service Unavailable` (a page without live reload still works).
    pub fn events(self: &Arc<Self>) -> Response {
        let Some(slot) = StreamSlot::take(self) else {
            return (
                axum::http::StatusCode::SERVICE_UNAVAILABLE,
                "503: too many live-reload connections are open; close some preview tabs\n",
            )
                .into_response();
        };
        let receiver = self.sender.subscribe();
        let mut first = vec![
            Event::default()
                .event("hello")
                .data(hello_json(&self.build_id())),
        ];
        if let Some(errors) = self.current_errors() {
            first.push(Message::Errors(errors).event());
        }
        let updates = updates(receiver, self.shutdown.subscribe());
        let all = stream::iter(first).chain(updates).map(move |event| {
            // The slot is given back when the page goes away and the stream is dropped.
            let _ = &slot;
            Ok::<_, Infallible>(event)
        });
        Sse::new(all)
            .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
            .into_response()
    }
}

/// How many live-reload streams may be open at the same time.
pub const MAX_STREAMS: usize = 64;

/// One open live-reload stream, counted while it lives.
struct StreamSlot(Arc<LiveReload>);

impl StreamSlot {
    fn take(live: &Arc<LiveReload>) -> Option<StreamSlot> {
        live.streams
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < MAX_STREAMS).then_some(n + 1)
            })
            .ok()
            .map(|_| StreamSlot(live.clone()))
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The rebuild messages as events, ending when the server shuts down.
fn updates(
    receiver: broadcast::Receiver<Message>,
    shutdown: watch::Receiver<bool>,
) -> impl Stream<Item = Event> {
    stream::unfold(
        (receiver, shutdown),
        |(mut receiver, mut shutdown)| async move {
            let event = tokio::select! {
                biased;
                message = receiver.recv() => match message {
                    Ok(message) => message.event(),
                    // Missed messages: a reload brings the page up to date.
                    Err(broadcast::error::RecvError::Lagged(_)) => Message::Reload(String::new()).event(),
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = shutdown.wait_for(|stopped| *stopped) => return None,
            };
            Some((event, (receiver, shutdown)))
        },
    )
}

fn hello_json(build: &str) -> String {
    serde_json::json!({ "build": build }).to_string()
}

/// One diagnostic as the page shows it.
#[derive(Debug, Serialize)]
struct Problem {
    severity: &'static str,
    code: &'static str,
    file: String,
    line: usize,
    column: usize,
    message: String,
    hint: Option<String>,
    text: String,
}

/// The diagnostics of a failed build as JSON for the page: errors first,
/// each with its code, file, line, column, message, hint and the full text,
/// in `language`.
pub fn errors_json(diags: &Diagnostics, language: Language) -> String {
    let mut problems: Vec<Problem> = diags
        .sorted()
        .into_iter()
        .map(|d| Problem {
            severity: match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            code: d.code,
            file: d.file.display().to_string(),
            line: d.line,
            column: d.column,
            message: d.message.get(language).to_string(),
            hint: d.hint.as_ref().map(|h| h.get(language).to_string()),
            text: d.render(None, language),
        })
        .collect();
    problems.sort_by_key(|p| p.severity != "error");
    serde_json::json!({
        "errors": diags.error_count(),
        "warnings": diags.warning_count(),
        "problems": problems,
        "language": language.code(),
        "words": panel_words(language),
    })
    .to_string()
}

/// The words of the error panel around the diagnostics, in `language`
/// (`{n}` stands for the number of errors).
fn panel_words(language: Language) -> serde_json::Value {
    match language {
        Language::Dutch => serde_json::json!({
            "title": "De site kan niet worden gebouwd",
            "one": "Er is 1 fout gevonden.",
            "many": "Er zijn {n} fouten gevonden.",
            "what_now": "Je ziet hieronder waar. Herstel het bestand en sla het op: deze pagina laadt dan vanzelf opnieuw.",
            "error_in": "Fout in",
            "warning_in": "Waarschuwing in",
            "line": "regel",
            "column": "kolom",
            "hint": "Tip:",
            "code": "code",
        }),
        Language::English => serde_json::json!({
            "title": "The site cannot be built",
            "one": "1 error was found.",
            "many": "{n} errors were found.",
            "what_now": "You can see where below. Fix the file and save it: this page then reloads by itself.",
            "error_in": "Error in",
            "warning_in": "Warning in",
            "line": "line",
            "column": "column",
            "hint": "Hint:",
            "code": "code",
        }),
    }
}

/// Adds `tag` just before the last `</body>` of `html` (at the end when
/// there is none).
pub fn inject(html: &str, tag: &str) -> String {
    let position = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len() + 1);
    out.push_str(&html[..position]);
    out.push_str(tag);
    out.push('\n');
    out.push_str(&html[position..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;
    use crate::msg;
    use test_case::test_case;

    #[test_case("<html><body><p>x</p></body></html>", "<html><body><p>x</p>T\n</body></html>"; "before body end")]
    #[test_case("<BODY>x</BODY>", "<BODY>xT\n</BODY>"; "upper case")]
    #[test_case("<p>x</p>", "<p>x</p>T\n"; "no body end")]
    #[test_case("<body><pre></body></pre></body>", "<body><pre></body></pre>T\n</body>"; "last body end")]
    fn injects_before_body_end(html: &str, expected: &str) {
        assert_eq!(inject(html, "T"), expected);
    }

    #[test]
    fn script_tag_carries_build_and_is_no_inline_script() {
        let live = LiveReload::new();
        live.built();
        let tag = live.script_tag();
        assert!(tag.contains(&format!(r#"src="{SCRIPT_PATH}""#)));
        assert!(tag.contains(&format!(r#"data-build="{}""#, live.build_id())));
        assert!(tag.ends_with("defer></script>"), "{tag}");
    }

    #[test]
    fn build_id_changes_with_each_build_and_errors_clear() {
        let live = LiveReload::new();
        let first = live.build_id();
        let mut diags = Diagnostics::new();
        diags.push(
            Diagnostic::error("serve-test", "content/a.md", 3, 1, msg!("broken", "kapot"))
                .with_hint(msg!("repair it", "herstel")),
        );
        live.failed(&diags, Language::English);
        assert_eq!(
            live.build_id(),
            first,
            "a failed build keeps serving the old one"
        );
        assert!(live.current_errors().is_some());
        live.built();
        assert_ne!(live.build_id(), first);
        assert!(live.current_errors().is_none());
    }

    #[test]
    fn errors_json_has_file_line_message_hint() {
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::warning(
            "serve-test-warning",
            "content/b.md",
            1,
            1,
            msg!("careful", "let op"),
        ));
        diags.push(
            Diagnostic::error(
                "serve-test",
                "content/a.md",
                3,
                7,
                msg!("front matter is broken", "de front matter is kapot"),
            )
            .with_hint(msg!("close it with ---", "sluit hem af met ---")),
        );
        let value: serde_json::Value =
            serde_json::from_str(&errors_json(&diags, Language::English)).unwrap();
        assert_eq!(value["errors"], 1);
        assert_eq!(value["warnings"], 1);
        let first = &value["problems"][0];
        assert_eq!(first["severity"], "error");
        assert_eq!(first["file"], "content/a.md");
        assert_eq!(first["line"], 3);
        assert_eq!(first["column"], 7);
        assert_eq!(first["message"], "front matter is broken");
        assert_eq!(first["hint"], "close it with ---");
        assert_eq!(first["code"], "serve-test");
        assert_eq!(value["problems"][1]["severity"], "warning");
        let dutch: serde_json::Value =
            serde_json::from_str(&errors_json(&diags, Language::Dutch)).unwrap();
        assert_eq!(dutch["problems"][0]["message"], "de front matter is kapot");
        assert_eq!(dutch["problems"][0]["hint"], "sluit hem af met ---");
        assert_eq!(dutch["problems"][1]["message"], "let op");
        // The panel's own words come in the same language as the messages.
        assert_eq!(
            (&value["language"], &dutch["language"]),
            (&"en".into(), &"nl".into())
        );
        assert_eq!(value["words"]["title"], "The site cannot be built");
        assert_eq!(dutch["words"]["title"], "De site kan niet worden gebouwd");
        // ("code" is a Dutch word too.)
        for key in [
            "one",
            "many",
            "what_now",
            "error_in",
            "warning_in",
            "line",
            "column",
            "hint",
        ] {
            assert!(
                value["words"][key].is_string() && dutch["words"][key].is_string(),
                "{key}"
            );
            assert_ne!(
                value["words"][key], dutch["words"][key],
                "{key} is translated"
            );
        }
    }

    #[tokio::test]
    async fn open_pages_hear_about_rebuilds() {
        let live = LiveReload::new();
        let mut updates = Box::pin(updates(live.sender.subscribe(), live.shutdown.subscribe()));
        live.built();
        let mut diags = Diagnostics::new();
        diags.push(Diagnostic::error(
            "serve-test",
            "content/a.md",
            2,
            1,
            msg!("kapot", "kapot"),
        ));
        live.failed(&diags, Language::English);
        live.shutdown();
        let mut received = Vec::new();
        while let Some(event) = tokio::time::timeout(Duration::from_secs(5), updates.next())
            .await
            .unwrap()
        {
            received.push(format!("{event:?}"));
        }
        assert_eq!(received.len(), 2, "{received:?}");
        assert!(received[0].contains("reload"), "{received:?}");
        assert!(
            received[1].contains("errors") && received[1].contains("kapot"),
            "{received:?}"
        );
    }

    #[tokio::test]
    async fn live_reload_streams_are_capped() {
        let live = LiveReload::new();
        let open: Vec<Response> = (0..MAX_STREAMS).map(|_| live.events()).collect();
        assert!(
            open.iter()
                .all(|r| r.status() == axum::http::StatusCode::OK)
        );
        assert_eq!(
            live.events().status(),
            axum::http::StatusCode::SERVICE_UNAVAILABLE
        );
        drop(open);
        assert_eq!(live.events().status(), axum::http::StatusCode::OK);
    }
}
