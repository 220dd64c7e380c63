//! A synchronous client (cargo feature `blocking`): the async [`Client`](super::Client)
//! driven by a runtime the blocking client owns.
//!
//! Do not call it from inside an async runtime (blocking there would stall the
//! runtime's thread; tokio refuses with a panic); use the async client there.

use std::sync::Arc;

use super::{ClientBuilder, Output};
use crate::action::Action;
use crate::error::{ConfigError, Error};

/// A blocking Tencent Cloud API client. Cheap to clone, `Send` and `Sync`; clones share
/// the connection pool and the runtime (one background thread).
#[derive(Debug, Clone)]
pub struct Client {
    inner: super::Client,
    runtime: Arc<tokio::runtime::Runtime>,
}

impl Client {
    /// A builder with every default; finish with [`ClientBuilder::build_blocking`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// Sends `action` and waits for its typed response; see
    /// [`Client::send`](super::Client::send).
    pub fn send<A: Action>(&self, action: A) -> Result<Output<A::Response>, Error> {
        self.runtime.block_on(self.inner.send(action))
    }

    /// The async client inside, sharing everything with this one.
    pub fn as_async(&self) -> &super::Client {
        &self.inner
    }
}

impl ClientBuilder {
    /// Builds a [`blocking::Client`](Client): the same checks as
    /// [`build`](ClientBuilder::build), plus a one-thread runtime for its IO.
    pub fn build_blocking(self) -> Result<Client, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("tc-api-blocking")
            .enable_all()
            .build()
            .map_err(ConfigError::Runtime)?;
        let inner = {
            // reqwest's connector wants a runtime context when it is built.
            let _guard = runtime.enter();
            self.build()?
        };
        Ok(Client {
            inner,
            runtime: Arc::new(runtime),
        })
    }
}
