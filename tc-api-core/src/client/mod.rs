//! The client: one request pipeline for every action of both API generations.
//!
//! serialize -> (per attempt: rate-limit slot -> credential -> sign with a fresh
//! timestamp and nonce -> send -> classify) -> retry or decode.
//!
//! ```no_run
//! # use tc_api_core::client::Client;
//! # async fn demo<A: tc_api_core::Action>(action: A) -> Result<(), tc_api_core::error::Error>
//! # where A::Response: std::fmt::Debug {
//! let client = Client::builder().region("ap-guangzhou").build()?; // default credential chain
//! let out = client.send(action).await?;
//! println!("{:?} {}", out.data, out.request_id);
//! # Ok(()) }
//! ```
//!
//! # Threat model
//!
//! What the client trusts:
//!
//! - **The endpoint**: the action's host (`<service>.tencentcloudapi.com`, or the one
//!   the action documents) or the override set with [`ClientBuilder::endpoint`]. It
//!   receives the signed request and, for temporary keys, the session token. Plain
//!   `http://` is refused unless the host is loopback or
//!   [`ClientBuilder::allow_insecure_http`] says otherwise.
//! - **The proxy**: one set with [`ClientBuilder::proxy`], else `HTTPS_PROXY` /
//!   `HTTP_PROXY` / `ALL_PROXY` / `NO_PROXY`. Through https it sees only the host
//!   name; through plain http it sees everything. A loopback endpoint (`127.0.0.0/8`,
//!   `::1`, `localhost`) never goes through a proxy, explicit or from the environment.
//! - **TLS roots**: the platform's trust store (rustls with the platform verifier);
//!   certificate and host-name checks are never switched off.
//! - **Answers**: an answer that passes TLS from the endpoint is taken as the service's
//!   (they carry no signature). Its content is not trusted to be well formed: a
//!   malformed, oversized or unexpected answer is a typed error, never a panic; its
//!   `Date` is used only to correct the clock after a `SignatureExpire` refusal, once
//!   per call.
//!
//! What the client bounds (defaults in parentheses; all settable on the builder):
//!
//! - answer size: [`DEFAULT_MAX_RESPONSE_BYTES`] (16 MiB), refused from the declared
//!   length or while reading, never buffered past the cap;
//! - time: connect [`DEFAULT_CONNECT_TIMEOUT`] (10 s), each attempt from sending to the
//!   last byte [`DEFAULT_ATTEMPT_TIMEOUT`] (60 s), the whole call none unless
//!   [`ClientBuilder::total_timeout`] is set;
//! - retries: 3 attempts per call with full-jitter backoff from 1 s up to 20 s, and a
//!   retry budget of 500 tokens per client shared by its clones (a retry costs
//!   [`RETRY_COST`](crate::retry::RETRY_COST) = 5, after a timeout
//!   [`TIMEOUT_RETRY_COST`](crate::retry::TIMEOUT_RETRY_COST) = 10, a first-attempt
//!   success gives back [`SUCCESS_REFUND`](crate::retry::SUCCESS_REFUND) = 1), so an
//!   outage costs about one attempt per call once the budget is spent; non-idempotent
//!   actions are not retried after an ambiguous failure unless asked;
//! - redirects: never followed (a redirect would carry the signed `X-TC-Token` to
//!   another host); a 3xx is an error.
//!
//! The CVM metadata client of the credential module has its own, tighter bounds (1 s
//! connect, 2 s total, 64 KiB answers) and never uses a proxy.

mod builder;
mod dynamic;
mod encode;
mod transport;

#[cfg(feature = "blocking")]
pub mod blocking;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderMap;
use http::header::HeaderValue;
use serde::Serialize;
use tracing::Instrument;

pub(crate) use builder::validate_region;
pub use builder::{
    ClientBuilder, Clock, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_RESPONSE_BYTES, HttpMethod, Language, REQUEST_CLIENT, SignMethod,
};
pub use encode::form_encode;

use crate::action::{Action, ActionMeta, ApiStyle, CommonErrorCode, ErrorCode};
use crate::credential::ProvideCredential;
use crate::endpoint::{EndpointOverride, TargetCache};
use crate::envelope;
use crate::error::{Error, TimeoutKind, V2Code};
use crate::limiter::RateLimiter;
use crate::region;
use crate::retry::{self, RetryBudget, RetryClass, RetryConfig};
use crate::sign::tc3::SigningKeyCache;

/// The id the service gives each request; quote it when asking support about a call.
///
/// Empty only for API 2.0 answers that carry no `requestId`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct RequestId(String);

impl RequestId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the service sent no id.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for RequestId {
    fn from(id: String) -> Self {
        RequestId(id)
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A successful call: the typed response and the request id beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output<T> {
    /// The action's response.
    pub data: T,
    /// The service's id of this request.
    pub request_id: RequestId,
}

/// A Tencent Cloud API client. Cheap to clone (the clones share one connection pool,
/// rate limiter, retry budget and clock offset), `Send` and `Sync`.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
    region: Option<Arc<str>>,
}

/// Everything the clones of a client share.
pub(crate) struct Shared {
    http: reqwest::Client,
    credentials: Arc<dyn ProvideCredential>,
    endpoint: Option<EndpointOverride>,
    root_domain: Box<str>,
    targets: TargetCache,
    sign_method: SignMethod,
    http_method: HttpMethod,
    language: Option<Language>,
    request_client: HeaderValue,
    extra_headers: HeaderMap,
    unsigned_payload: bool,
    /// Send `Authorization: SKIP` and look up no credential.
    skip_signature: bool,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    total_timeout: Option<Duration>,
    rate_limit: bool,
    limiter: RateLimiter,
    retry: RetryConfig,
    budget: RetryBudget,
    retry_ambiguous: bool,
    max_response_bytes: usize,
    clock: Option<Clock>,
    /// Server clock minus local clock, seconds, learnt from `SignatureExpire` answers.
    skew_secs: AtomicI64,
    signing_keys: SigningKeyCache,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("region", &self.region)
            .field("endpoint", &self.shared.endpoint)
            .field("root_domain", &self.shared.root_domain)
            .field("sign_method", &self.shared.sign_method)
            .field("http_method", &self.shared.http_method)
            .field("credentials", &self.shared.credentials)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A builder with every default; see [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The region this client sends.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The same client (pool, limiter, budget shared) with another region, or with none
    /// for actions that take no region.
    pub fn with_region(&self, region: Option<&str>) -> Result<Client, Error> {
        if let Some(region) = region {
            builder::validate_region(region)?;
        }
        Ok(Client {
            shared: Arc::clone(&self.shared),
            region: region.map(Arc::from),
        })
    }

    /// The clock offset learnt from `SignatureExpire` answers, in seconds (server
    /// minus local); added to the local clock when signing. Shared by all clones.
    pub fn clock_skew_secs(&self) -> i64 {
        self.shared.skew_secs.load(Ordering::Relaxed)
    }

    /// Tokens left in the retry budget.
    pub fn retry_tokens(&self) -> u32 {
        self.shared.budget.available()
    }

    /// Sends `action` and returns its typed response with the request id.
    ///
    /// Region and parameters are checked before anything is sent. Throttled and other
    /// transient failures are retried as [`crate::retry`] describes; every attempt is
    /// signed afresh. A `SignatureExpire` answer makes the client adopt the server's
    /// clock (from its `Date` header) and re-sign once.
    pub async fn send<A: Action>(&self, action: A) -> Result<Output<A::Response>, Error> {
        let decode: Decode<A::Response> = match A::META.style {
            ApiStyle::V3 { .. } => envelope::decode_v3,
            ApiStyle::V2 => envelope::decode_v2,
        };
        self.dispatch(&A::META, &action, decode).await
    }

    /// The one pipeline behind [`send`](Self::send), [`send_json`](Self::send_json) and
    /// [`call_json`](Self::call_json): `params` sent as the action `meta` describes, the
    /// answer read with `decode`, under the total timeout and the call's tracing span.
    ///
    /// Only this front is generic: it checks the region, serializes the parameters and
    /// wraps `decode`; the rest of the pipeline ([`run`](Self::run)) is compiled once,
    /// not once per action type (a crate of a few hundred annotated actions would
    /// otherwise compile the whole pipeline a few hundred times).
    async fn dispatch<P, T>(
        &self,
        meta: &ActionMeta,
        params: &P,
        decode: Decode<T>,
    ) -> Result<Output<T>, Error>
    where
        P: Serialize + Sync + ?Sized,
        T: Send,
    {
        let region = region::region_for(meta, self.region.as_deref())?;
        let params = encode::Params::new(&self.shared, meta, params, self.shared.language)?;
        let mut data = None;
        let request_id = self
            .run(meta, region, &params, &mut |status, body| {
                let (decoded, request_id) = decode(status, body)?;
                data = Some(decoded);
                Ok(request_id)
            })
            .await?;
        // `run` succeeds only after `decode` did, which kept the data.
        data.map(|data| Output { data, request_id })
            .ok_or_else(|| Error::Decode {
                reason: "internal error: an accepted answer was not kept".to_owned(),
                excerpt: String::new(),
                http_status: 0,
                request_id: None,
            })
    }

    /// [`call`](Self::call) under the total timeout and the call's tracing span.
    async fn run(
        &self,
        meta: &ActionMeta,
        region: Option<&str>,
        params: &encode::Params,
        decode: &mut DecodeInto<'_>,
    ) -> Result<RequestId, Error> {
        let span = tracing::info_span!(
            "tc_api.call",
            service = meta.service,
            action = meta.action,
            region = self.region.as_deref().unwrap_or(""),
        );
        let call = self.call(meta, region, params, decode);
        match self.shared.total_timeout {
            Some(limit) => match tokio::time::timeout(limit, call).instrument(span).await {
                Ok(result) => result,
                Err(_) => Err(Error::Timeout {
                    kind: TimeoutKind::Total,
                    after: limit,
                }),
            },
            None => call.instrument(span).await,
        }
    }

    async fn call(
        &self,
        meta: &ActionMeta,
        region: Option<&str>,
        params: &encode::Params,
        decode: &mut DecodeInto<'_>,
    ) -> Result<RequestId, Error> {
        let shared = &*self.shared;
        let target = shared
            .targets
            .resolve(meta, shared.endpoint.as_ref(), &shared.root_domain)?;

        let mut attempt: u32 = 0;
        let mut spent: u32 = 0;
        let mut skew_corrected = false;
        loop {
            attempt += 1;
            if let (true, Some(rate)) = (shared.rate_limit, meta.rate_limit) {
                shared
                    .limiter
                    .acquire(meta.service, meta.action, rate)
                    .await;
            }
            let credential = match shared.skip_signature {
                true => None,
                false => Some(shared.credentials.provide().await?),
            };
            let timestamp = shared.now_unix();
            let request = encode::signed_request(
                shared,
                meta,
                &target,
                region,
                params,
                credential.as_ref(),
                timestamp,
            )?;
            drop(credential);

            let (error, server_date) = match shared.attempt(request, attempt, decode).await {
                Ok(request_id) => {
                    shared.budget.on_success(spent);
                    return Ok(request_id);
                }
                Err(failed) => failed,
            };

            if let Some(date) =
                server_date.filter(|_| !skew_corrected && is_expired_signature(&error))
            {
                let skew = unix_secs(date).saturating_sub(unix_secs(shared.local_now()));
                shared.skew_secs.store(skew, Ordering::Relaxed);
                skew_corrected = true;
                tracing::warn!(
                    skew_secs = skew,
                    "clock skew detected; re-signing with the server's time"
                );
                // The corrected attempt does not count against max_attempts.
                attempt -= 1;
                continue;
            }

            let cost = match retry::classify(&error) {
                RetryClass::Fatal => return Err(error),
                RetryClass::Safe { cost } => cost,
                RetryClass::Ambiguous { cost } => {
                    if !(meta.idempotent || shared.retry_ambiguous) {
                        tracing::debug!(
                            error = %error,
                            "not retrying: the request may have been processed and the action is not idempotent"
                        );
                        return Err(error);
                    }
                    cost
                }
            };
            if attempt >= shared.retry.max_attempts {
                return Err(error);
            }
            if !shared.budget.try_acquire(cost) {
                tracing::debug!(error = %error, "not retrying: the retry budget is exhausted");
                return Err(error);
            }
            spent += cost;
            let delay = shared.retry.backoff(attempt);
            tracing::debug!(
                error = %error,
                delay_ms = delay.as_millis() as u64,
                next_attempt = attempt + 1,
                "retrying"
            );
            tokio::time::sleep(delay).await;
        }
    }
}

/// Whether the service refused the signature's timestamp as too far off its clock.
fn is_expired_signature(error: &Error) -> bool {
    match error {
        Error::Api { code, .. } => {
            CommonErrorCode::from_code(code) == CommonErrorCode::SignatureExpire
        }
        Error::ApiV2 { code, .. } => *code == V2Code::RequestExpired,
        _ => false,
    }
}

fn unix_secs(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

type Decode<T> = fn(u16, &[u8]) -> Result<(T, RequestId), Error>;

/// A [`Decode`] with its data type erased: it keeps the data itself and returns the
/// request id, so that the pipeline is not generic.
type DecodeInto<'a> = dyn FnMut(u16, &[u8]) -> Result<RequestId, Error> + Send + 'a;

impl Shared {
    fn local_now(&self) -> SystemTime {
        match &self.clock {
            Some(clock) => clock(),
            None => SystemTime::now(),
        }
    }

    /// Seconds since the epoch on the server's clock, as far as the client knows it.
    fn now_unix(&self) -> i64 {
        unix_secs(self.local_now()).saturating_add(self.skew_secs.load(Ordering::Relaxed))
    }

    /// One exchange under the per-attempt timeout, decoded. On failure, also the
    /// answer's `Date`, for skew correction.
    async fn attempt(
        &self,
        request: reqwest::Request,
        attempt: u32,
        decode: &mut DecodeInto<'_>,
    ) -> Result<RequestId, (Error, Option<SystemTime>)> {
        let span = tracing::debug_span!(
            "tc_api.attempt",
            attempt,
            request_id = tracing::field::Empty,
            http_status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        let started = std::time::Instant::now();
        let exchange = transport::exchange(
            &self.http,
            request,
            self.connect_timeout,
            self.max_response_bytes,
        );
        let answer = match self.attempt_timeout {
            Some(limit) => match tokio::time::timeout(limit, exchange)
                .instrument(span.clone())
                .await
            {
                Ok(answer) => answer,
                Err(_) => Err(Error::Timeout {
                    kind: TimeoutKind::Attempt,
                    after: limit,
                }),
            },
            None => exchange.instrument(span.clone()).await,
        };
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        let answer = match answer {
            Ok(answer) => answer,
            Err(error) => {
                span.in_scope(|| tracing::debug!(error = %error, "attempt failed"));
                return Err((error, None));
            }
        };
        span.record("http_status", answer.status);
        match decode(answer.status, &answer.body) {
            Ok(request_id) => {
                span.record("request_id", request_id.as_str());
                Ok(request_id)
            }
            Err(error) => {
                if let Some(id) = error.request_id() {
                    span.record("request_id", id.as_str());
                }
                span.in_scope(|| tracing::debug!(error = %error, "attempt answered an error"));
                Err((error, answer.date()))
            }
        }
    }
}
