//! The two places where a connection's [`Activity`](super::connections::Activity)
//! is observed: its socket (bytes moving, or a write waiting because the
//! client does not read) and its responses (a request is in flight until
//! its response body has been handed over to the connection).

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use hyper::body::{Frame, SizeHint};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

use super::connections::Connection;

/// A socket that reports its reads and writes to its [`Connection`].
#[derive(Debug)]
pub struct TrackedIo {
    stream: TcpStream,
    connection: Arc<Connection>,
}

impl TrackedIo {
    /// Wraps `stream`.
    pub fn new(stream: TcpStream, connection: Arc<Connection>) -> TrackedIo {
        TrackedIo { stream, connection }
    }

    fn written(&self, result: Poll<io::Result<usize>>) -> Poll<io::Result<usize>> {
        match &result {
            Poll::Ready(Ok(n)) if *n > 0 => self.connection.wrote_some(),
            Poll::Pending => self.connection.write_waits(),
            _ => {}
        }
        result
    }
}

impl AsyncRead for TrackedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.connection.read_some();
        }
        result
    }
}

impl AsyncWrite for TrackedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.written(result)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let result = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.written(result)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// A response body that keeps its request counted as in flight until the
/// connection has taken all of it (or dropped it).
pub struct TrackedBody {
    inner: Body,
    _request: InFlight,
}

impl TrackedBody {
    /// Counts a request as in flight until the returned guard's body is dropped.
    pub fn start(connection: Arc<Connection>) -> InFlight {
        connection.request_started();
        InFlight(connection)
    }

    /// `inner`, keeping `request` in flight while it is being sent.
    pub fn new(inner: Body, request: InFlight) -> TrackedBody {
        TrackedBody {
            inner,
            _request: request,
        }
    }
}

/// One request in flight on a connection; done when dropped.
pub struct InFlight(Arc<Connection>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.request_done();
    }
}

impl hyper::body::Body for TrackedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
