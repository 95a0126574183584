//! [`MockBuilder`]: a mock's settings (keys, port, state, limits, timeouts, how many requests
//! are recorded) and starting it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::record::Log;
use crate::server::Timeouts;
use crate::{Mock, defaults, gateway, handler, server, state};

/// The largest request body the mock reads, by default: 1 MiB. A larger body gets the API
/// error [`codes::INVALID_PARAMS`](crate::codes::INVALID_PARAMS); the real API's requests are a
/// few kilobytes at most. So that a client still sending gets that answer, the mock reads and
/// discards up to 16 times the limit; past that, it answers and closes the connection.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The most params a request may carry, by default: 1,000, where the API's requests carry a
/// few dozen. More get [`codes::INVALID_PARAMS`](crate::codes::INVALID_PARAMS) before any param
/// is read one by one.
pub const MAX_PARAMS: usize = 1000;

/// How long a request's head (its request line and headers) may take to arrive once its first
/// byte has, by default: 10 s. A slower head closes the connection.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection may go without a byte moving either way, by default: 60 s. It bounds
/// idle keep-alive connections, half-sent bodies and clients that stop reading their answer.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

/// Settings of a [`Mock`]; [`start`](Self::start) runs it.
#[derive(Clone, Debug)]
pub struct MockBuilder {
    public_key: String,
    private_key: String,
    port: u16,
    stateful: bool,
    transition_delay: Duration,
    max_resources: usize,
    max_body_bytes: usize,
    max_params: usize,
    record: Option<usize>,
    timeouts: Timeouts,
    verbose: bool,
}

impl Default for MockBuilder {
    fn default() -> Self {
        Self {
            public_key: crate::PUBLIC_KEY.to_owned(),
            private_key: crate::PRIVATE_KEY.to_owned(),
            port: 0,
            stateful: false,
            transition_delay: Duration::ZERO,
            max_resources: state::MAX_RESOURCES,
            max_body_bytes: MAX_BODY_BYTES,
            max_params: MAX_PARAMS,
            record: None,
            timeouts: Timeouts {
                header: HEADER_TIMEOUT,
                idle: IDLE_TIMEOUT,
            },
            verbose: false,
        }
    }
}

impl MockBuilder {
    /// The key pair requests must be signed with.
    pub fn keys(mut self, public_key: impl Into<String>, private_key: impl Into<String>) -> Self {
        self.public_key = public_key.into();
        self.private_key = private_key.into();
        self
    }

    /// The port on 127.0.0.1; 0 (the default) picks a free one.
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Keeps the state of instances, disks, CFS and shared bandwidth: see
    /// [Stateful resources](crate#stateful-resources).
    pub fn stateful(mut self) -> Self {
        self.stateful = true;
        self
    }

    /// How long a stateful instance stays in a transitional state (`Initializing`,
    /// `Starting`, `Stopping`, `Rebooting`) before it settles; zero, the default, settles at
    /// once.
    pub fn transition_delay(mut self, delay: Duration) -> Self {
        self.transition_delay = delay;
        self
    }

    /// The most resources of each kind (instances, data disks, CFS, shared bandwidth) a
    /// stateful mock holds at once; one more gets
    /// [`codes::TOO_MANY_RESOURCES`](crate::codes::TOO_MANY_RESOURCES). Default:
    /// [`MAX_RESOURCES`](crate::MAX_RESOURCES).
    pub fn max_resources(mut self, limit: usize) -> Self {
        self.max_resources = limit;
        self
    }

    /// The largest request body read; see [`MAX_BODY_BYTES`].
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.max_body_bytes = limit;
        self
    }

    /// The most params a request may carry; see [`MAX_PARAMS`].
    pub fn max_params(mut self, limit: usize) -> Self {
        self.max_params = limit;
        self
    }

    /// Records only the latest `n` requests (and at most 64 MiB of their params), for a
    /// long-running mock; 0 records none. By default every request is recorded, for
    /// [`Mock::requests`] and [`Mock::received`]; [`Mock::clear_requests`] forgets them.
    pub fn record(mut self, n: usize) -> Self {
        self.record = Some(n);
        self
    }

    /// How long a request's head may take once its first byte arrives; see
    /// [`HEADER_TIMEOUT`].
    pub fn header_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.header = timeout;
        self
    }

    /// How long a connection may go without a byte moving either way; see [`IDLE_TIMEOUT`].
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.timeouts.idle = timeout;
        self
    }

    /// Logs one line per request to stderr: the action, the params (never `PublicKey`,
    /// `Signature` or a value that may be secret) and the outcome.
    pub fn verbose(mut self, on: bool) -> Self {
        self.verbose = on;
        self
    }

    /// Binds 127.0.0.1 and starts serving in the current tokio runtime.
    ///
    /// # Errors
    /// When the port cannot be bound.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub async fn start(self) -> std::io::Result<Mock> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(handler::Shared {
            keys: gateway::Keys {
                public_key: self.public_key,
                private_key: self.private_key,
            },
            rules: Default::default(),
            log: Mutex::new(Log::new(self.record)),
            state: self
                .stateful
                .then(|| Mutex::new(state::State::new(self.transition_delay, self.max_resources))),
            defaults: defaults::Defaults::new(),
            ids: Default::default(),
            limits: handler::Limits {
                max_body_bytes: self.max_body_bytes,
                max_params: self.max_params,
            },
            verbose: self.verbose,
        });
        let task = tokio::spawn(server::serve(listener, shared.clone(), self.timeouts));
        Ok(Mock { addr, shared, task })
    }
}
