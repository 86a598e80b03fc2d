//! The accept loop of `serve`: one HTTP/1 connection per task, with limits
//! so that a misbehaving client cannot hold the preview hostage. A request
//! whose headers are not complete within [`HEADER_TIMEOUT`] is dropped (no
//! half-sent requests kept open for ever), and at most [`MAX_CONNECTIONS`]
//! connections are served at once; the rest wait in the kernel's queue.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};

/// How long a client may take to send the headers of a request.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How many connections are served at the same time.
pub const MAX_CONNECTIONS: usize = 256;

/// Serves `app` on `listener` until `stopped` becomes true.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    stopped: watch::Receiver<bool>,
) -> std::io::Result<()> {
    serve_with(listener, app, stopped, HEADER_TIMEOUT).await
}

/// [`serve`] with another header timeout (for tests).
pub async fn serve_with(
    listener: TcpListener,
    app: Router,
    mut stopped: watch::Receiver<bool>,
    header_timeout: Duration,
) -> std::io::Result<()> {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return Ok(()),
            },
            _ = stopped.wait_for(|s| *s) => return Ok(()),
        };
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // A connection that failed before it was accepted; keep going.
                Err(_) => continue,
            },
            _ = stopped.wait_for(|s| *s) => return Ok(()),
        };
        let service = TowerToHyperService::new(app.clone());
        let mut stop = stopped.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                _ = connection => {}
                _ = stop.wait_for(|s| *s) => {}
            }
        });
    }
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
            Duration::from_millis(300),
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
}
