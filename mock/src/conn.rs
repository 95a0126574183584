//! One connection's timeouts. A connection's IO is [`Watched`]: its reads and writes mark when
//! a byte last moved. Two clocks read those marks:
//!
//! - the header timer ([`HeadTimer`], hyper's `header_read_timeout`): once the first byte of
//!   a request's head has arrived, the whole head must arrive within the header timeout, however
//!   slowly its bytes trickle in. Hyper starts its timer as soon as it waits for a head, which
//!   would also cut idle keep-alive connections short, so this timer starts at the first byte.
//! - the idle watchdog ([`idle`]): a connection on which no byte moves either way for the idle
//!   timeout, while no request is being answered, is closed: an idle keep-alive connection, a
//!   half-sent body, a client that stops reading its answer.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// How long a connection may wait.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timeouts {
    /// For a request's head, from its first byte.
    pub header: Duration,
    /// For any byte, either way, while no request is being answered.
    pub idle: Duration,
}

/// What a connection's IO last did.
#[derive(Debug)]
pub(crate) struct Activity {
    epoch: Instant,
    /// When a byte last moved, in milliseconds since `epoch`.
    last: AtomicU64,
    /// How many reads returned bytes.
    reads: AtomicU64,
    /// Whether an answer is being computed (no byte moves then, rightly).
    answering: AtomicBool,
}

impl Activity {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            epoch: Instant::now(),
            last: AtomicU64::new(0),
            reads: AtomicU64::new(0),
            answering: AtomicBool::new(false),
        })
    }

    /// Marks that a byte moved now.
    pub fn touch(&self) {
        let now = self.epoch.elapsed().as_millis() as u64;
        self.last.store(now, Ordering::Relaxed);
    }

    /// Marks the start (`true`) or end of computing an answer.
    pub fn answering(&self, on: bool) {
        self.answering.store(on, Ordering::Relaxed);
        self.touch();
    }

    fn last(&self) -> Instant {
        self.epoch + Duration::from_millis(self.last.load(Ordering::Relaxed))
    }
}

/// Resolves once the connection has been idle for `timeout`.
pub(crate) async fn idle(activity: Arc<Activity>, timeout: Duration) {
    loop {
        let deadline = activity.last() + timeout;
        if Instant::now() < deadline {
            tokio::time::sleep_until(deadline.into()).await;
        } else if activity.answering.load(Ordering::Relaxed) {
            // Ending the answer marks activity, so the next look starts the count afresh.
            tokio::time::sleep(timeout).await;
        } else {
            return;
        }
    }
}

/// An IO that marks its reads and writes in an [`Activity`].
pub(crate) struct Watched<T> {
    pub inner: T,
    pub activity: Arc<Activity>,
}

impl<T: AsyncRead + Unpin> AsyncRead for Watched<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.reads.fetch_add(1, Ordering::Relaxed);
            self.activity.touch();
        }
        polled
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Watched<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Hyper's timer for one connection, whose only use is the header read timeout; see the
/// module doc.
#[derive(Clone, Debug)]
pub(crate) struct HeadTimer {
    pub activity: Arc<Activity>,
}

impl hyper::rt::Timer for HeadTimer {
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn hyper::rt::Sleep>> {
        Box::pin(HeadSleep {
            activity: self.activity.clone(),
            reads_at_start: None,
            span: duration,
            timer: None,
        })
    }

    fn sleep_until(&self, deadline: Instant) -> Pin<Box<dyn hyper::rt::Sleep>> {
        Box::pin(HeadSleep {
            activity: self.activity.clone(),
            reads_at_start: Some(self.activity.reads.load(Ordering::Relaxed)),
            span: deadline.saturating_duration_since(Instant::now()),
            timer: None,
        })
    }
}

/// Sleeps for `span` from the first read after it was made (or at once, for a plain sleep).
struct HeadSleep {
    activity: Arc<Activity>,
    /// The read count when the head timer was set; `None` for a plain sleep.
    reads_at_start: Option<u64>,
    span: Duration,
    timer: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl Future for HeadSleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.timer.is_none() {
            let read = self.activity.reads.load(Ordering::Relaxed);
            // Before the head's first byte, the connection is idle: the watchdog's business.
            // Hyper polls this again after every read, so the first byte is seen.
            if self.reads_at_start == Some(read) {
                return Poll::Pending;
            }
            self.timer = Some(Box::pin(tokio::time::sleep(self.span)));
        }
        self.timer.as_mut().expect("set above").as_mut().poll(cx)
    }
}

impl hyper::rt::Sleep for HeadSleep {}
