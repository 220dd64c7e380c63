//! The HTTP side: the reqwest client (one connection pool per [`Client`](super::Client)),
//! one exchange, and the mapping of its failures onto [`Error`].

use std::time::{Duration, SystemTime};

use bytes::{Bytes, BytesMut};

use crate::error::{ConfigError, Error, TimeoutKind, TransportPhase};

/// The reqwest builder for the given settings. Kept separate from `build()` so that a
/// test can see that the settings reach reqwest.
pub(crate) fn http_client_builder(
    connect_timeout: Option<Duration>,
    proxy: Option<&str>,
    env_proxy: bool,
) -> Result<reqwest::ClientBuilder, ConfigError> {
    // Redirects are never followed: the cloud does not send them, and following one
    // would carry the signed X-TC-Token header to another host.
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(super::builder::REQUEST_CLIENT);
    if let Some(timeout) = connect_timeout {
        builder = builder.connect_timeout(timeout);
    }
    match proxy {
        Some(url) => {
            let proxy = reqwest::Proxy::all(url)
                .map_err(|e| ConfigError::InvalidProxy(e.without_url().to_string()))?;
            builder = builder.proxy(proxy);
        }
        // reqwest reads HTTP(S)_PROXY, ALL_PROXY and NO_PROXY itself unless told not to.
        None if !env_proxy => builder = builder.no_proxy(),
        None => {}
    }
    Ok(builder)
}

/// What came back from one exchange.
pub(crate) struct Answer {
    pub status: u16,
    /// The `Date` header, read only when an error asks for clock-skew correction.
    date: Option<http::HeaderValue>,
    pub body: Bytes,
}

impl Answer {
    /// The server's clock from the `Date` header, if it sent a valid one.
    pub fn date(&self) -> Option<SystemTime> {
        let text = self.date.as_ref()?.to_str().ok()?;
        httpdate::parse_http_date(text).ok()
    }
}

/// Sends `request` and reads the whole answer, refusing bodies over `max_bytes`.
pub(crate) async fn exchange(
    http: &reqwest::Client,
    request: reqwest::Request,
    connect_timeout: Option<Duration>,
    max_bytes: usize,
) -> Result<Answer, Error> {
    let mut response = http
        .execute(request)
        .await
        .map_err(|e| transport_error(e, connect_timeout))?;
    let status = response.status().as_u16();
    let date = response.headers().get(http::header::DATE).cloned();
    let too_large = || Error::TooLarge {
        limit: max_bytes,
        http_status: status,
    };
    let declared = response.content_length();
    if declared.is_some_and(|len| len > max_bytes as u64) {
        return Err(too_large());
    }
    let body = match declared {
        // Known and small enough: one read, usually without copying.
        Some(_) => response
            .bytes()
            .await
            .map_err(|e| transport_error(e, connect_timeout))?,
        None => {
            let mut buf = BytesMut::new();
            while let Some(chunk) = response
                .chunk()
                .await
                .map_err(|e| transport_error(e, connect_timeout))?
            {
                if buf.len() + chunk.len() > max_bytes {
                    return Err(too_large());
                }
                buf.extend_from_slice(&chunk);
            }
            buf.freeze()
        }
    };
    Ok(Answer { status, date, body })
}

/// Classifies a reqwest failure by how far the exchange got. The URL is removed: for
/// v1 GET requests it holds the signed parameters, token included.
fn transport_error(error: reqwest::Error, connect_timeout: Option<Duration>) -> Error {
    let error = error.without_url();
    if error.is_connect() {
        if error.is_timeout() {
            return Error::Timeout {
                kind: TimeoutKind::Connect,
                after: connect_timeout.unwrap_or_default(),
            };
        }
        return Error::Transport {
            phase: TransportPhase::Connect,
            source: Box::new(error),
        };
    }
    if error.is_builder() {
        return Error::InvalidRequest(crate::error::InvalidRequest::Http(Box::new(error)));
    }
    Error::Transport {
        phase: TransportPhase::Exchange,
        source: Box::new(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_timeout_reaches_reqwest() {
        let builder = http_client_builder(Some(Duration::from_millis(250)), None, true).unwrap();
        let text = format!("{builder:?}");
        assert!(text.contains("connect_timeout: 250ms"), "{text}");
        let builder = http_client_builder(None, None, true).unwrap();
        assert!(!format!("{builder:?}").contains("connect_timeout"));
    }

    #[test]
    fn explicit_proxy_reaches_reqwest() {
        let builder = http_client_builder(None, Some("http://127.0.0.1:3128"), true).unwrap();
        let text = format!("{builder:?}");
        assert!(text.contains("proxies"), "{text}");
        assert!(text.contains("127.0.0.1:3128"), "{text}");
    }

    #[test]
    fn env_proxy_can_be_switched_off() {
        // With the environment allowed, reqwest adds its system matcher at build time,
        // not in the builder; switching it off must leave no proxy at all.
        let builder = http_client_builder(None, None, false).unwrap();
        assert!(!format!("{builder:?}").contains("proxies"));
        assert!(builder.build().is_ok());
    }

    #[test]
    fn invalid_proxy_is_a_config_error() {
        let err = http_client_builder(None, Some("::nope::"), true).unwrap_err();
        assert!(matches!(err, ConfigError::InvalidProxy(_)), "{err}");
    }
}
