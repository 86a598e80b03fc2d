//! The accept loop of `serve`: one HTTP/1 connection per task, with limits
//! so that a misbehaving client cannot hold the preview hostage (see
//! [`Limits`]). A request whose headers are not complete within the header
//! timeout is dropped, and so is a keep-alive connection that waits that
//! long for its next request (hyper's `header_read_timeout`); a connection
//! whose client stops reading is closed after the write timeout; every
//! connection ends after its lifetime. Who may hold one of the limited
//! connections is decided in [`connections`](super::connections): a newcomer
//! takes the place of an idle or stalled connection, so clients that never
//! read cannot keep a fresh request out.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Request;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

pub use super::connections::Limits;
use super::connections::{Connection, Registry};
use super::tracked::{TrackedBody, TrackedIo};

/// How many refusals (`503`, see [`refuse`]) may be under way at once;
/// beyond that a refused connection is closed without an answer.
const MAX_REFUSALS: usize = 64;

/// The answer to a connection that no limit lets in.
const REFUSAL: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 58\r\nRetry-After: 1\r\nConnection: close\r\n\r\n503: too many connections are open; try again in a moment\n";

/// Serves `app` on `listener` with the default [`Limits`] until `stopped`
/// becomes true.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    stopped: watch::Receiver<bool>,
) -> std::io::Result<()> {
    serve_with(listener, app, stopped, Limits::default()).await
}

/// [`serve`] with other limits (for tests).
pub async fn serve_with(
    listener: TcpListener,
    app: Router,
    mut stopped: watch::Receiver<bool>,
    limits: Limits,
) -> std::io::Result<()> {
    let registry = Arc::new(Registry::new(limits));
    let refusals = Arc::new(Semaphore::new(MAX_REFUSALS));
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stopped.wait_for(|s| *s) => return Ok(()),
        };
        let Ok((stream, peer)) = accepted else {
            // A connection that failed before it was accepted, or no file
            // descriptor left: pause a moment and keep going.
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        };
        let Some(connection) = registry.admit(peer.ip()) else {
            if let Ok(permit) = refusals.clone().try_acquire_owned() {
                tokio::spawn(async move {
                    let _permit = permit;
                    refuse(stream).await;
                });
            }
            continue;
        };
        // Without it only throughput suffers, so a failure is no reason to refuse.
        let _ = socket2::SockRef::from(&stream).set_send_buffer_size(limits.send_buffer);
        let (app, registry, stop) = (app.clone(), registry.clone(), stopped.clone());
        tokio::spawn(async move {
            run_connection(stream, app, &connection, limits, stop).await;
            registry.leave(&connection);
        });
    }
}

/// Serves one connection until it ends, the server stops, the registry
/// closes it for a newcomer, its write waits too long or its life is over.
async fn run_connection(
    stream: TcpStream,
    app: Router,
    connection: &Arc<Connection>,
    limits: Limits,
    mut stop: watch::Receiver<bool>,
) {
    let tracked = connection.clone();
    let service = tower::service_fn(move |request: Request<hyper::body::Incoming>| {
        let in_flight = TrackedBody::start(tracked.clone());
        let app = app.clone();
        async move {
            let response = app.oneshot(request.map(axum::body::Body::new)).await?;
            Ok::<_, Infallible>(response.map(|body| TrackedBody::new(body, in_flight)))
        }
    });
    let io = TokioIo::new(TrackedIo::new(stream, connection.clone()));
    let http = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .serve_connection(io, TowerToHyperService::new(service));
    let mut http = std::pin::pin!(http);
    let end_of_life = connection.opened() + limits.lifetime;
    let mut ending = false;
    let mut check = tokio::time::interval(limits.tick);
    loop {
        tokio::select! {
            _ = http.as_mut() => return,
            _ = connection.evicted() => return,
            _ = stop.wait_for(|s| *s) => return,
            _ = check.tick() => {
                let now = Instant::now();
                if connection.activity().write_waiting(now) >= limits.write_timeout
                    || now >= end_of_life + limits.lifetime_grace
                {
                    return;
                }
                if !ending && now >= end_of_life {
                    http.as_mut().graceful_shutdown();
                    ending = true;
                }
            }
        }
    }
}

/// Answers `503 Service Unavailable` and closes, within a second: reads
/// (and drops) what the client sent, so that closing does not reset the
/// connection before the client has read the answer.
async fn refuse(mut stream: TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(REFUSAL).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 4096];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<_, std::io::Error>(())
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn drops_a_request_whose_headers_never_end_and_serves_others() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = Router::new().fallback(|| async { "ok" });
        let (stop, stopped) = watch::channel(false);
        let server = tokio::spawn(serve_with(
            listener,
            app,
            stopped,
            Limits {
                header_timeout: Duration::from_millis(300),
                ..Limits::default()
            },
        ));
        let (answer, slow_closed) = tokio::task::spawn_blocking(move || {
            let mut slow = std::net::TcpStream::connect(addr).unwrap();
            slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
            let mut fast = std::net::TcpStream::connect(addr).unwrap();
            fast.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut answer = String::new();
            fast.read_to_string(&mut answer).unwrap();
            slow.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
            let mut rest = Vec::new();
            // Ends (closed by the server) well before the 5 s read timeout.
            let closed = slow.read_to_end(&mut rest).is_ok();
            (answer, closed)
        })
        .await
        .unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(slow_closed, "the half-sent request was kept open");
        stop.send(true).unwrap();
        server.await.unwrap().unwrap();
    }

    /// A server with `limits` (fast clocks) in front of `app`; stopped when dropped.
    struct Running {
        addr: std::net::SocketAddr,
        stop: watch::Sender<bool>,
    }

    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.stop.send(true);
        }
    }

    async fn running(app: Router, limits: Limits) -> Running {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = watch::channel(false);
        tokio::spawn(serve_with(listener, app, stopped, limits));
        Running { addr, stop }
    }

    fn fast() -> Limits {
        Limits {
            write_timeout: Duration::from_millis(300),
            stalled_after: Duration::from_millis(100),
            tick: Duration::from_millis(50),
            send_buffer: 16 * 1024,
            ..Limits::default()
        }
    }

    const LARGE: usize = 8 << 20;

    fn large_app() -> Router {
        Router::new().fallback(|| async { vec![b'x'; LARGE] })
    }

    /// Sends `GET /` and, after `wait`, reads what arrives until the server
    /// closes (or 5 s pass): the bytes and whether it was closed.
    fn read_after(addr: std::net::SocketAddr, wait: Duration) -> (usize, bool) {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        std::thread::sleep(wait);
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut received = 0;
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            match stream.read(&mut chunk) {
                Ok(0) => return (received, true),
                Ok(n) => received += n,
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                    return (received, true);
                }
                Err(_) => return (received, false),
            }
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_client_that_reads_nothing_is_cut_off_after_the_write_timeout() {
        let server = running(large_app(), fast()).await;
        let addr = server.addr;
        let (received, closed) =
            tokio::task::spawn_blocking(move || read_after(addr, Duration::from_millis(1500)))
                .await
                .unwrap();
        assert!(closed, "the connection was closed");
        assert!(received < LARGE, "only what was sent before the cut-off");
        let (received, closed) =
            tokio::task::spawn_blocking(move || read_after(addr, Duration::ZERO))
                .await
                .unwrap();
        assert!(closed && received > LARGE, "a reading client gets it all");
    }

    /// A response that never ends: a small event every 20 ms.
    fn endless_app() -> Router {
        Router::new().fallback(|| async {
            let chunks = futures_util::stream::unfold((), |()| async {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Some((Ok::<_, Infallible>(b"data: x\n\n".to_vec()), ()))
            });
            axum::body::Body::from_stream(chunks)
        })
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_connection_ends_after_its_lifetime_even_mid_stream() {
        let limits = Limits {
            lifetime: Duration::from_millis(300),
            lifetime_grace: Duration::from_millis(300),
            ..fast()
        };
        let server = running(endless_app(), limits).await;
        let addr = server.addr;
        let started = Instant::now();
        let (received, closed) =
            tokio::task::spawn_blocking(move || read_after(addr, Duration::ZERO))
                .await
                .unwrap();
        assert!(closed && received > 0, "{received} bytes, closed {closed}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_client_whose_connections_all_make_progress_gets_503() {
        let limits = Limits {
            per_client: 1,
            ..fast()
        };
        let server = running(endless_app(), limits).await;
        let addr = server.addr;
        let answer = tokio::task::spawn_blocking(move || {
            // A stream that is being read: busy, never stalled.
            let mut busy = std::net::TcpStream::connect(addr).unwrap();
            busy.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
            let mut first = [0u8; 12];
            busy.read_exact(&mut first).unwrap();
            std::thread::spawn(move || {
                let mut chunk = [0u8; 1024];
                while busy.read(&mut chunk).is_ok_and(|n| n > 0) {}
            });
            std::thread::sleep(Duration::from_millis(300));
            let mut refused = std::net::TcpStream::connect(addr).unwrap();
            refused
                .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                .unwrap();
            refused
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut answer = String::new();
            refused.read_to_string(&mut answer).unwrap();
            answer
        })
        .await
        .unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 503 "), "{answer}");
        assert!(
            head.contains(&format!("Content-Length: {}", body.len())),
            "{answer}"
        );
    }
}
