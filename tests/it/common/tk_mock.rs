//! A stand-in for the Tweede Kamer's OData API on 127.0.0.1, for tests of
//! `sync`: each request is answered by a function of the decoded path and
//! query and the number of requests so far. It never leaves this computer.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::Response;

/// What the mock answers to one request.
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// Body bytes.
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
}

impl Answer {
    /// 200 with a JSON body.
    pub fn json(body: impl Into<String>) -> Answer {
        Answer {
            status: 200,
            body: body.into().into_bytes(),
            delay: Duration::ZERO,
        }
    }

    /// Any status with a short text body.
    pub fn status(status: u16) -> Answer {
        Answer {
            status,
            body: b"{\"error\":\"mock\"}".to_vec(),
            delay: Duration::ZERO,
        }
    }
}

type Handler = dyn Fn(&str, usize) -> Answer + Send + Sync;

/// A running mock; stops when dropped with the test process.
pub struct Mock {
    /// `http://127.0.0.1:PORT/OData/v4/2.0/`
    pub api: String,
    /// Requests answered so far.
    pub requests: Arc<AtomicUsize>,
}

impl Mock {
    /// Starts a mock whose answers come from `handler(decoded path?query, request number from 0)`.
    pub fn start(handler: impl Fn(&str, usize) -> Answer + Send + Sync + 'static) -> Mock {
        let handler: Arc<Handler> = Arc::new(handler);
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(listener.local_addr().unwrap().port()).unwrap();
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let handler = handler.clone();
                    let counter = counter.clone();
                    async move {
                        let n = counter.fetch_add(1, Ordering::SeqCst);
                        let raw = req
                            .uri()
                            .path_and_query()
                            .map(|p| p.as_str().to_string())
                            .unwrap_or_default();
                        let decoded = percent_encoding::percent_decode_str(&raw)
                            .decode_utf8_lossy()
                            .into_owned();
                        let answer = handler(&decoded, n);
                        if !answer.delay.is_zero() {
                            tokio::time::sleep(answer.delay).await;
                        }
                        Response::builder()
                            .status(StatusCode::from_u16(answer.status).unwrap())
                            .header("content-type", "application/json; odata.metadata=minimal")
                            .body(Body::from(answer.body))
                            .unwrap()
                    }
                });
                axum::serve(listener, app).await.unwrap();
            });
        });
        let port = rx.recv().unwrap();
        Mock {
            api: format!("http://127.0.0.1:{port}/OData/v4/2.0/"),
            requests,
        }
    }

    /// How many requests were answered.
    pub fn count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Runs `chatcontrole sync WHAT --site SITE --api API` with short timeouts,
/// two retries and a 1 ms back-off, plus `extra` arguments.
pub fn run_sync(
    what: &str,
    site: &std::path::Path,
    api: &str,
    extra: &[&str],
) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chatcontrole"))
        .args(["sync", what, "--site"])
        .arg(site)
        .args([
            "--api",
            api,
            "--retry-delay",
            "1",
            "--timeout",
            "1",
            "--retries",
            "2",
        ])
        .args(extra)
        .output()
        .unwrap()
}
