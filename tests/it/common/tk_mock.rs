//! A stand-in for the Tweede Kamer's OData API on 127.0.0.1, for tests of
//! `sync`: each request is answered by a function of the decoded path and
//! query and the number of requests so far. It never leaves this computer.
//! It can also play a hostile server: extra headers (a redirect), a body
//! streamed without a length (endless if asked), and a second address of
//! the loopback network (127.0.0.2) to stand for "another host".

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes};
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
    /// Extra response headers.
    pub headers: Vec<(String, String)>,
    /// Instead of `body`: this many spaces (JSON whitespace), streamed in
    /// 64 KiB chunks without a Content-Length; `u64::MAX` never ends.
    pub stream: Option<u64>,
}

impl Answer {
    /// 200 with a JSON body.
    pub fn json(body: impl Into<String>) -> Answer {
        Answer {
            status: 200,
            body: body.into().into_bytes(),
            delay: Duration::ZERO,
            headers: Vec::new(),
            stream: None,
        }
    }

    /// A 302 redirect to `location`.
    pub fn redirect(location: impl Into<String>) -> Answer {
        Answer {
            headers: vec![("location".to_string(), location.into())],
            ..Answer::status(302)
        }
    }

    /// 200 with `bytes` spaces streamed without a length (`u64::MAX`: endless).
    pub fn streamed(bytes: u64) -> Answer {
        Answer {
            stream: Some(bytes),
            ..Answer::json("")
        }
    }

    /// Any status with a short text body.
    pub fn status(status: u16) -> Answer {
        Answer {
            status,
            body: b"{\"error\":\"mock\"}".to_vec(),
            delay: Duration::ZERO,
            headers: Vec::new(),
            stream: None,
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
    /// Bytes of streamed bodies handed to the connection so far.
    pub streamed: Arc<AtomicU64>,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
}

impl Mock {
    /// Starts a mock whose answers come from `handler(decoded path?query, request number from 0)`.
    pub fn start(handler: impl Fn(&str, usize) -> Answer + Send + Sync + 'static) -> Mock {
        Mock::start_on("127.0.0.1", handler)
    }

    /// As [`Mock::start`], listening on `ip` (an address of the loopback network).
    pub fn start_on(
        ip: &str,
        handler: impl Fn(&str, usize) -> Answer + Send + Sync + 'static,
    ) -> Mock {
        let handler: Arc<Handler> = Arc::new(handler);
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        let streamed = Arc::new(AtomicU64::new(0));
        let sent = streamed.clone();
        let bind = format!("{ip}:0");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(bind).await.unwrap();
                tx.send(listener.local_addr().unwrap().port()).unwrap();
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let handler = handler.clone();
                    let counter = counter.clone();
                    let sent = sent.clone();
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
                        let mut response = Response::builder()
                            .status(StatusCode::from_u16(answer.status).unwrap())
                            .header("content-type", "application/json; odata.metadata=minimal");
                        for (name, value) in &answer.headers {
                            response = response.header(name, value);
                        }
                        let body = match answer.stream {
                            None => Body::from(answer.body),
                            Some(total) => Body::from_stream(spaces(total, sent)),
                        };
                        response.body(body).unwrap()
                    }
                });
                axum::serve(listener, app).await.unwrap();
            });
        });
        let port = rx.recv().unwrap();
        Mock {
            api: format!("http://{ip}:{port}/OData/v4/2.0/"),
            requests,
            streamed,
            origin: format!("http://{ip}:{port}"),
        }
    }

    /// How many requests were answered.
    pub fn count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// How many bytes of streamed bodies the connection took so far.
    pub fn streamed_bytes(&self) -> u64 {
        self.streamed.load(Ordering::SeqCst)
    }
}

/// `total` spaces in 64 KiB chunks, produced only as the connection takes
/// them (so `sent` counts what the client could have read).
fn spaces(
    total: u64,
    sent: Arc<AtomicU64>,
) -> impl futures_util::Stream<Item = Result<Bytes, std::io::Error>> {
    const CHUNK: u64 = 64 * 1024;
    let chunk = Bytes::from(vec![b' '; CHUNK as usize]);
    futures_util::stream::unfold(0u64, move |done| {
        let chunk = chunk.clone();
        let sent = sent.clone();
        async move {
            if done >= total {
                return None;
            }
            let n = CHUNK.min(total - done);
            sent.fetch_add(n, Ordering::SeqCst);
            Some((Ok(chunk.slice(..n as usize)), done + n))
        }
    })
}

/// Runs `chatcontrole sync WHAT --site SITE --api API` with short timeouts,
/// two retries and a 1 ms back-off, plus `extra` arguments.
pub fn run_sync(
    what: &str,
    site: &std::path::Path,
    api: &str,
    extra: &[&str],
) -> std::process::Output {
    crate::common::chatcontrole()
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
