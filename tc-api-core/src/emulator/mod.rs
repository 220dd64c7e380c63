//! A local emulator of the Tencent Cloud API endpoint, for tests, examples and scripts
//! (cargo feature `emulator`).
//!
//! It is a real HTTP/1.1 server on 127.0.0.1 that checks requests the way the cloud
//! does and answers through typed handlers:
//!
//! - **Signatures**: TC3-HMAC-SHA256 (the `Authorization` header parsed strictly, the
//!   canonical request rebuilt from what was received) and v1 HmacSHA1 / HmacSHA256
//!   (the source string rebuilt from the received `Host`, path and parameters), for API
//!   3.0 (path `/`) and API 2.0 (`/v2/index.php`). The checks and the codes they answer
//!   are listed in the `verify` module: `AuthFailure.SignatureFailure`,
//!   `AuthFailure.SignatureExpire` (more than 5 minutes off the emulator's clock),
//!   `AuthFailure.SecretIdNotFound`, `AuthFailure.InvalidAuthorization`,
//!   `AuthFailure.TokenFailure`, `MissingParameter`, `InvalidParameter`,
//!   `UnknownParameter`, `InvalidAction`, `UnsupportedRegion`; API 2.0 answers carry the
//!   numeric codes 4000-6200 in the `{code, message, codeDesc}` envelope.
//! - **Handlers**: [`Emulator::on`] registers a closure taking the typed action and
//!   returning its typed response, or an [`EmulatorError`] to answer. Parameters are
//!   decoded into the action from a JSON body or from flat parameters
//!   (`Filters.0.Values.1`), naming the parameter at fault when they do not fit.
//! - **Answers** carry a fresh RequestId and a `Date` header from the emulator's clock
//!   (shift it with [`Emulator::set_clock_offset_secs`] to test clock-skew handling).
//! - **Records**: every request is recorded ([`Emulator::requests`]), in a bounded log.
//! - **Faults**: [`Emulator::inject`] makes the next requests fail in chosen ways
//!   (throttling, 5xx, delays, dropped connections, malformed or truncated bodies, huge
//!   bodies); see [`Fault`].
//!
//! # Threat model
//!
//! The emulator **trusts** the process that starts it: its handlers, injected faults,
//! credentials and builder settings. It **does not trust** anything that arrives on its
//! socket. It listens on loopback only (a non-loopback address is a
//! [`StartError::NotLoopback`]), but any local process may connect, and a valid
//! signature proves little (the demo credential is public), so signed and unsigned
//! requests are bounded alike. No request can crash it (no input reaches a panic, and
//! nothing recurses on input without a bound), and what a request can make it hold is
//! bounded (defaults in parentheses, each settable on [`EmulatorBuilder`]):
//!
//! | resource | bound | past it |
//! |---|---|---|
//! | connections | [`max_connections`](EmulatorBuilder::max_connections) (1,024) at once | new ones wait in the listen backlog (1,024) |
//! | request head | 64 KiB per connection (hyper: at most 100 headers), within [`read_timeout`](EmulatorBuilder::read_timeout) (30 s) of the previous answer | refused (431/414) or the connection closed; idle connections close too |
//! | request body | [`max_body_bytes`](EmulatorBuilder::max_body_bytes) (10 MiB), within the read timeout (30 s) after the head | `RequestSizeLimitExceeded`; a late body closes the connection ([`Outcome::Closed`]) |
//! | bodies held at once | bodies over 64 KiB reserve their size from [`max_buffered_bytes`](EmulatorBuilder::max_buffered_bytes) (64 MiB) | the request waits, within its read timeout |
//! | nesting | [`MAX_PARAM_DEPTH`] (32) levels, flat names and JSON alike (serde_json stops parsing at 128) | `InvalidParameter` naming the first level too deep |
//! | request log | [`record_limit`](EmulatorBuilder::record_limit) (1,000) entries and [`record_bytes`](EmulatorBuilder::record_bytes) (32 MiB); a body prefix of [`record_body_bytes`](EmulatorBuilder::record_body_bytes) (64 KiB), kept for verified requests only ([`BodyKept`]) | the oldest entries are dropped |
//!
//! So with the defaults, request data held at once is at most about 64 MiB of heads,
//! 64 MiB of small bodies (1,024 × 64 KiB), 64 MiB of large bodies and 32 MiB of log,
//! plus what decoding makes of the bodies being handled (a JSON tree takes several
//! times the bytes of its text). `tests/tests/soak.rs` (survival) measures it. Not
//! bounded: the handlers' own work, injected delays, and a client that stops reading
//! its answer (the connection stays until it reads or goes away).
//!
//! ```
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use tc_api_core::emulator::{Emulator, EmulatorError};
//! use tc_api_core::{Client, Credential, Empty};
//!
//! # #[derive(serde::Serialize, serde::Deserialize)]
//! # struct Ping {}
//! # impl tc_api_core::Action for Ping {
//! #     type Response = Empty;
//! #     type ErrorCode = tc_api_core::CommonErrorCode;
//! #     const META: tc_api_core::ActionMeta = tc_api_core::ActionMeta {
//! #         service: "demo", action: "Ping", style: tc_api_core::ApiStyle::V3 { version: "2024-01-01" },
//! #         host: None, region: tc_api_core::RegionPolicy::None, rate_limit: None, idempotent: true };
//! # }
//! let emulator = Emulator::builder().credential("AKIDtest", "secret").start().await?;
//! emulator.on::<Ping>(|_ping| Ok(Empty {}))?;
//!
//! let client = Client::builder()
//!     .endpoint(emulator.url())
//!     .credential(Credential::new("AKIDtest", "secret")?)
//!     .build()?;
//! let out = client.send(Ping {}).await?;
//! assert_eq!(emulator.requests()[0].request_id.as_deref(), Some(out.request_id.as_str()));
//! # Ok(()) }
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(demo()).unwrap();
//! ```

mod error;
mod faults;
mod params;
mod record;
mod reply;
mod routes;
mod server;
mod state;
mod verify;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::watch;
use zeroize::Zeroizing;

pub use error::{EmulatorError, RegisterError, StartError, codes};
pub use faults::{Fault, FaultCount, FaultKind, FaultScope};
pub use params::{MAX_PARAM_DEPTH, ParamError};
pub use record::{BodyKept, Outcome, RecordedRequest};

use crate::action::{Action, ActionMeta};
use crate::sign::tc3::SigningKeyCache;
use faults::FaultQueue;
use record::RequestLog;
use routes::{Route, Routes};
use state::{BodyBudget, KnownCredential, State, write};

/// SecretId of [`EmulatorBuilder::demo_credential`], for examples and scripts. Not a
/// real credential.
pub const DEMO_SECRET_ID: &str = "AKIDTCAPIEMULATOR0000000000000000000";
/// SecretKey of [`EmulatorBuilder::demo_credential`]. Not a real credential.
pub const DEMO_SECRET_KEY: &str = "tc-api-emulator-demo-secret-key-0";

/// Default of [`EmulatorBuilder::max_clock_skew`]: five minutes, as the cloud.
pub const DEFAULT_MAX_CLOCK_SKEW: Duration = Duration::from_secs(300);
/// Default of [`EmulatorBuilder::record_limit`].
pub const DEFAULT_RECORD_LIMIT: usize = 1_000;
/// Default of [`EmulatorBuilder::max_body_bytes`]: 10 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 10 * 1024 * 1024;
/// Default of [`EmulatorBuilder::record_bytes`]: 32 MiB.
pub const DEFAULT_RECORD_BYTES: usize = 32 * 1024 * 1024;
/// Default of [`EmulatorBuilder::record_body_bytes`]: 64 KiB.
pub const DEFAULT_RECORD_BODY_BYTES: usize = 64 * 1024;
/// Default of [`EmulatorBuilder::read_timeout`]: 30 seconds.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Default of [`EmulatorBuilder::max_connections`]: 1,024.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1_024;
/// Default of [`EmulatorBuilder::max_buffered_bytes`]: 64 MiB.
pub const DEFAULT_MAX_BUFFERED_BYTES: usize = 64 * 1024 * 1024;

/// Configures and starts an [`Emulator`].
pub struct EmulatorBuilder {
    credentials: HashMap<String, Arc<KnownCredential>>,
    addr: SocketAddr,
    clock_offset_secs: i64,
    max_clock_skew: Duration,
    record_limit: usize,
    record_bytes: usize,
    record_body_bytes: usize,
    max_body_bytes: usize,
    max_buffered_bytes: usize,
    max_connections: usize,
    read_timeout: Duration,
}

impl fmt::Debug for EmulatorBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut ids: Vec<&String> = self.credentials.keys().collect();
        ids.sort();
        f.debug_struct("EmulatorBuilder")
            .field("secret_ids", &ids)
            .field("addr", &self.addr)
            .field("clock_offset_secs", &self.clock_offset_secs)
            .field("max_clock_skew", &self.max_clock_skew)
            .field("record_limit", &self.record_limit)
            .field("record_bytes", &self.record_bytes)
            .field("record_body_bytes", &self.record_body_bytes)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_buffered_bytes", &self.max_buffered_bytes)
            .field("max_connections", &self.max_connections)
            .field("read_timeout", &self.read_timeout)
            .finish()
    }
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            credentials: HashMap::new(),
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            clock_offset_secs: 0,
            max_clock_skew: DEFAULT_MAX_CLOCK_SKEW,
            record_limit: DEFAULT_RECORD_LIMIT,
            record_bytes: DEFAULT_RECORD_BYTES,
            record_body_bytes: DEFAULT_RECORD_BODY_BYTES,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_buffered_bytes: DEFAULT_MAX_BUFFERED_BYTES,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            read_timeout: DEFAULT_READ_TIMEOUT,
        }
    }
}

fn known(secret_key: &str, token: Option<&str>) -> Arc<KnownCredential> {
    Arc::new(KnownCredential {
        secret_key: Zeroizing::new(secret_key.to_owned()),
        token: token.map(|t| Zeroizing::new(t.to_owned())),
    })
}

impl EmulatorBuilder {
    /// No credentials, 127.0.0.1 on a free port, the system clock, and the bounds of
    /// the module documentation's threat model at their defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Accepts requests signed with this SecretId and SecretKey.
    pub fn credential(mut self, secret_id: impl Into<String>, secret_key: &str) -> Self {
        self.credentials
            .insert(secret_id.into(), known(secret_key, None));
        self
    }

    /// Accepts requests signed with this temporary credential, which must carry `token`
    /// (`X-TC-Token` / `Token`); others answer `AuthFailure.TokenFailure`.
    pub fn temporary_credential(
        mut self,
        secret_id: impl Into<String>,
        secret_key: &str,
        token: &str,
    ) -> Self {
        self.credentials
            .insert(secret_id.into(), known(secret_key, Some(token)));
        self
    }

    /// Accepts [`DEMO_SECRET_ID`] / [`DEMO_SECRET_KEY`].
    pub fn demo_credential(self) -> Self {
        self.credential(DEMO_SECRET_ID, DEMO_SECRET_KEY)
    }

    /// Listens on this port of 127.0.0.1 (default 0: any free port).
    pub fn port(mut self, port: u16) -> Self {
        self.addr.set_port(port);
        self
    }

    /// Listens on this address, which must be a loopback address.
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Starts the emulator's clock this many seconds off the system clock.
    pub fn clock_offset_secs(mut self, offset: i64) -> Self {
        self.clock_offset_secs = offset;
        self
    }

    /// The largest accepted distance between a request's timestamp and the emulator's
    /// clock (default five minutes); beyond it, `AuthFailure.SignatureExpire`.
    pub fn max_clock_skew(mut self, skew: Duration) -> Self {
        self.max_clock_skew = skew;
        self
    }

    /// How many requests the log keeps (default [`DEFAULT_RECORD_LIMIT`]); older ones
    /// are dropped. 0 keeps none.
    pub fn record_limit(mut self, limit: usize) -> Self {
        self.record_limit = limit;
        self
    }

    /// About how many bytes of memory the log may hold (default
    /// [`DEFAULT_RECORD_BYTES`], 32 MiB), counting heads, kept bodies and messages;
    /// older entries are dropped first, and an entry larger than the whole limit is
    /// not kept.
    pub fn record_bytes(mut self, bytes: usize) -> Self {
        self.record_bytes = bytes;
        self
    }

    /// How many bytes of a verified request's body the log keeps (default
    /// [`DEFAULT_RECORD_BODY_BYTES`], 64 KiB); see [`RecordedRequest::body_kept`].
    /// Bodies of requests that were not verified are never kept.
    pub fn record_body_bytes(mut self, bytes: usize) -> Self {
        self.record_body_bytes = bytes;
        self
    }

    /// The largest request body accepted (default [`DEFAULT_MAX_BODY_BYTES`], 10 MiB);
    /// larger ones answer `RequestSizeLimitExceeded`.
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// How many bytes of request bodies larger than 64 KiB all connections may hold at
    /// once (default [`DEFAULT_MAX_BUFFERED_BYTES`], 64 MiB; at most 4 GiB). Such a
    /// request reserves its announced size (a chunked one: `max_body_bytes`) before its
    /// body is read, and waits, within the read timeout, until it fits; a body larger
    /// than the whole budget waits for all of it.
    pub fn max_buffered_bytes(mut self, bytes: usize) -> Self {
        self.max_buffered_bytes = bytes;
        self
    }

    /// How many connections are served at once (default [`DEFAULT_MAX_CONNECTIONS`],
    /// 1,024; 0 is taken as 1). Past it, new connections wait in the listen backlog
    /// until one closes.
    pub fn max_connections(mut self, connections: usize) -> Self {
        self.max_connections = connections.max(1);
        self
    }

    /// How long a request's head may take to arrive, counted from the end of the
    /// previous answer on the connection (so it also closes idle connections), and
    /// then how long its body may take (default [`DEFAULT_READ_TIMEOUT`], 30 s). A
    /// late head or body closes the connection without an answer; a late body is
    /// recorded as [`Outcome::Closed`].
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Binds the listening socket. Must run inside a tokio runtime. The backlog is
    /// 1024 (std's is 128) so that hundreds of clients connecting at once are not made
    /// to wait for SYN retransmissions.
    fn listener(&self) -> Result<tokio::net::TcpListener, StartError> {
        const BACKLOG: u32 = 1024;
        if !self.addr.ip().is_loopback() {
            return Err(StartError::NotLoopback(self.addr.to_string()));
        }
        let bind_error = |source| StartError::Bind {
            addr: self.addr.to_string(),
            source,
        };
        let socket = match self.addr {
            SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4(),
            SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6(),
        }
        .map_err(bind_error)?;
        socket.set_reuseaddr(true).map_err(bind_error)?;
        socket.bind(self.addr).map_err(bind_error)?;
        socket.listen(BACKLOG).map_err(bind_error)
    }

    fn into_state(self) -> Arc<State> {
        Arc::new(State {
            credentials: RwLock::new(self.credentials),
            routes: Routes::default(),
            faults: FaultQueue::default(),
            log: RequestLog::new(self.record_limit, self.record_bytes),
            clock_offset: AtomicI64::new(self.clock_offset_secs),
            max_skew_secs: i64::try_from(self.max_clock_skew.as_secs()).unwrap_or(i64::MAX),
            max_body_bytes: self.max_body_bytes,
            record_body_bytes: self.record_body_bytes,
            max_connections: self.max_connections,
            read_timeout: self.read_timeout,
            body_budget: BodyBudget::new(self.max_buffered_bytes),
            signing_keys: SigningKeyCache::new(),
        })
    }

    /// Starts serving on the current tokio runtime (it must have IO and time enabled);
    /// the emulator stops when the returned handle is dropped.
    pub async fn start(self) -> Result<Emulator, StartError> {
        let listener = self.listener()?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: self.addr.to_string(),
            source,
        })?;
        let state = self.into_state();
        let (shutdown, stop) = watch::channel(false);
        tokio::spawn(server::serve(listener, Arc::clone(&state), stop));
        Ok(Emulator::new(state, addr, shutdown))
    }

    /// Starts serving on a runtime of its own, in a background thread: for synchronous
    /// tests, blocking clients, or tests whose runtime is busy. The emulator stops when
    /// the returned handle is dropped.
    pub fn start_in_background(self) -> Result<Emulator, StartError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("tc-api-emulator")
            .enable_all()
            .build()
            .map_err(StartError::Runtime)?;
        let listener = {
            let _entered = runtime.enter();
            self.listener()?
        };
        let addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: self.addr.to_string(),
            source,
        })?;
        let state = self.into_state();
        let (shutdown, stop) = watch::channel(false);
        let serving = Arc::clone(&state);
        std::thread::Builder::new()
            .name("tc-api-emulator".to_owned())
            .spawn(move || runtime.block_on(server::serve(listener, serving, stop)))
            .map_err(StartError::Runtime)?;
        Ok(Emulator::new(state, addr, shutdown))
    }
}

/// A running emulator. Dropping it stops the server and closes its connections.
pub struct Emulator {
    state: Arc<State>,
    addr: SocketAddr,
    url: String,
    shutdown: watch::Sender<bool>,
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("url", &self.url)
            .field("routes", &self.state.routes.len())
            .field("requests", &self.state.log.total())
            .finish_non_exhaustive()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

impl Emulator {
    fn new(state: Arc<State>, addr: SocketAddr, shutdown: watch::Sender<bool>) -> Self {
        Emulator {
            state,
            addr,
            url: format!("http://{addr}"),
            shutdown,
        }
    }

    /// A builder: no credentials, 127.0.0.1 on a free port.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::new()
    }

    /// Starts an emulator on a free port of 127.0.0.1 that accepts the demo credential
    /// ([`DEMO_SECRET_ID`], [`DEMO_SECRET_KEY`]).
    pub async fn start() -> Result<Emulator, StartError> {
        Self::builder().demo_credential().start().await
    }

    /// The base URL, `http://127.0.0.1:PORT`: give it to `ClientBuilder::endpoint`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Answers action `A` with `handler`: it gets the decoded action and returns the
    /// response, or an [`EmulatorError`] to answer instead.
    ///
    /// API 3.0 actions are routed by (action, version), API 2.0 actions by name; a
    /// second handler for the same route is a [`RegisterError`].
    pub fn on<A>(
        &self,
        handler: impl Fn(A) -> Result<A::Response, EmulatorError> + Send + Sync + 'static,
    ) -> Result<(), RegisterError>
    where
        A: Action + DeserializeOwned,
        A::Response: Serialize,
    {
        self.state
            .routes
            .insert(Route::typed::<A, _, _>(move |action| {
                std::future::ready(handler(action))
            }))
    }

    /// Like [`on`](Self::on), with an async handler.
    pub fn on_async<A, Fut>(
        &self,
        handler: impl Fn(A) -> Fut + Send + Sync + 'static,
    ) -> Result<(), RegisterError>
    where
        A: Action + DeserializeOwned,
        A::Response: Serialize,
        Fut: Future<Output = Result<A::Response, EmulatorError>> + Send + 'static,
    {
        self.state.routes.insert(Route::typed::<A, _, _>(handler))
    }

    /// Answers the action `meta` describes with a handler of untyped JSON: it gets the
    /// parameters (flat ones as strings, numbered groups as arrays) and returns the
    /// response object. For actions nobody has annotated.
    pub fn on_json<F>(&self, meta: ActionMeta, handler: F) -> Result<(), RegisterError>
    where
        F: Fn(serde_json::Value) -> Result<serde_json::Value, EmulatorError>
            + Send
            + Sync
            + 'static,
    {
        self.state.routes.insert(Route::json(meta, handler))
    }

    /// Removes the handler of `A`; whether there was one.
    pub fn remove<A: Action>(&self) -> bool {
        self.state.routes.remove(&A::META)
    }

    /// The metadata of every registered action, sorted by action and version.
    pub fn routes(&self) -> Vec<ActionMeta> {
        self.state.routes.metas()
    }

    /// Accepts one more credential.
    pub fn add_credential(&self, secret_id: impl Into<String>, secret_key: &str) {
        write(&self.state.credentials).insert(secret_id.into(), known(secret_key, None));
    }

    /// Accepts one more temporary credential, whose requests must carry `token`.
    pub fn add_temporary_credential(
        &self,
        secret_id: impl Into<String>,
        secret_key: &str,
        token: &str,
    ) {
        write(&self.state.credentials).insert(secret_id.into(), known(secret_key, Some(token)));
    }

    /// Sets the emulator's clock this many seconds off the system clock (it stamps the
    /// `Date` header and judges timestamps).
    pub fn set_clock_offset_secs(&self, offset: i64) {
        self.state.clock_offset.store(offset, Ordering::Relaxed);
    }

    /// The emulator's clock.
    pub fn now(&self) -> SystemTime {
        self.state.now()
    }

    /// Adds a fault after those already injected; see [`Fault`].
    pub fn inject(&self, fault: Fault) {
        self.state.faults.push(fault);
    }

    /// Removes every injected fault.
    pub fn clear_faults(&self) {
        self.state.faults.clear();
    }

    /// How many injected faults are still pending.
    pub fn pending_faults(&self) -> usize {
        self.state.faults.len()
    }

    /// The recorded requests, oldest first (at most the record limit).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.state.log.snapshot()
    }

    /// The recorded requests, emptying the log.
    pub fn take_requests(&self) -> Vec<RecordedRequest> {
        self.state.log.take()
    }

    /// Empties the log.
    pub fn clear_requests(&self) {
        self.state.log.clear();
    }

    /// About how many bytes of memory the log holds now (bounded by
    /// [`EmulatorBuilder::record_bytes`]).
    pub fn recorded_bytes(&self) -> usize {
        self.state.log.bytes()
    }

    /// How many requests arrived since the start, including those the log dropped.
    pub fn request_count(&self) -> u64 {
        self.state.log.total()
    }

    /// Stops the server (as dropping the handle does).
    pub fn shutdown(self) {}
}

/// Decodes flat parameters (`Filters.0.Values.1=x`, as [`crate::sign::flatten`] writes
/// them and as GET and v1 requests carry them) into `T`, the way the emulator decodes
/// requests: numbers and booleans are parsed from the text when `T` wants them, lists are
/// read from `.0`, `.1`, ..., and a parameter `T` does not define is an error.
pub fn decode_flat<T: DeserializeOwned>(params: Vec<(String, String)>) -> Result<T, ParamError> {
    params::decode(params::Node::from_flat(params)?)
}

/// Decodes a JSON request body into `T`, the way the emulator decodes TC3 POST requests:
/// strictly typed (a string is no integer), `null` members taken as absent, and a
/// parameter `T` does not define is an error.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ParamError> {
    params::decode(params::Node::from_json_body(body)?)
}
