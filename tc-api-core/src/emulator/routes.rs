//! Handlers and how requests find them.
//!
//! The service is not visible in every request (through an endpoint override the host is
//! `127.0.0.1:PORT`, and a v1 signature has no credential scope), so API 3.0 actions are
//! routed by (action, version) and API 2.0 actions by name; the service of the route is
//! then checked against the TC3 credential scope when there is one.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::{Arc, RwLock};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{EmulatorError, RegisterError, codes};
use super::params::{self, Node, ParamError};
use super::state::{read, write};
use crate::action::{Action, ActionMeta, ApiStyle};

/// The answer of a handler: the response object as JSON (without `RequestId`).
pub(crate) type HandlerFuture =
    Pin<Box<dyn Future<Output = Result<serde_json::Value, EmulatorError>> + Send>>;

type ErasedHandler = dyn Fn(Node) -> Result<HandlerFuture, ParamError> + Send + Sync;

/// One registered action.
pub(crate) struct Route {
    pub(crate) meta: ActionMeta,
    /// The top-level wire names of a typed action's parameters (empty for JSON routes).
    pub(crate) fields: &'static [&'static str],
    call: Box<ErasedHandler>,
}

impl Route {
    /// A route decoding the parameters into `A` and answering what `handler` returns.
    pub(crate) fn typed<A, F, Fut>(handler: F) -> Route
    where
        A: Action + DeserializeOwned,
        A::Response: Serialize,
        F: Fn(A) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<A::Response, EmulatorError>> + Send + 'static,
    {
        Route {
            meta: A::META,
            fields: params::struct_fields::<A>(),
            call: Box::new(move |node| {
                let action: A = params::decode(node)?;
                let answer = handler(action);
                Ok(Box::pin(async move {
                    let response = answer.await?;
                    serde_json::to_value(&response).map_err(|e| {
                        EmulatorError::internal(format!(
                            "the handler's response cannot be serialized: {e}"
                        ))
                    })
                }))
            }),
        }
    }

    /// A route passing the parameters as JSON (flat parameters as strings, numbered
    /// groups as arrays) and answering the JSON `handler` returns.
    pub(crate) fn json<F>(meta: ActionMeta, handler: F) -> Route
    where
        F: Fn(serde_json::Value) -> Result<serde_json::Value, EmulatorError>
            + Send
            + Sync
            + 'static,
    {
        Route {
            meta,
            fields: &[],
            call: Box::new(move |node| {
                let answer = handler(node.into_json());
                Ok(Box::pin(std::future::ready(answer)))
            }),
        }
    }

    /// Decodes the parameters and starts the handler.
    pub(crate) fn call(&self, params: Node) -> Result<HandlerFuture, ParamError> {
        (self.call)(params)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum RouteKey {
    V3 { action: String, version: String },
    V2 { action: String },
}

impl RouteKey {
    fn of(meta: &ActionMeta) -> RouteKey {
        match meta.style {
            ApiStyle::V3 { version } => RouteKey::V3 {
                action: meta.action.to_owned(),
                version: version.to_owned(),
            },
            ApiStyle::V2 => RouteKey::V2 {
                action: meta.action.to_owned(),
            },
        }
    }
}

/// Every registered route.
#[derive(Default)]
pub(crate) struct Routes {
    routes: RwLock<HashMap<RouteKey, Arc<Route>>>,
}

impl Routes {
    pub(crate) fn insert(&self, route: Route) -> Result<(), RegisterError> {
        let key = RouteKey::of(&route.meta);
        let mut routes = write(&self.routes);
        if let Some(existing) = routes.get(&key) {
            return Err(RegisterError::Duplicate {
                action: route.meta.action.to_owned(),
                version: route.meta.version().map(str::to_owned),
                existing_service: existing.meta.service.to_owned(),
            });
        }
        routes.insert(key, Arc::new(route));
        Ok(())
    }

    pub(crate) fn remove(&self, meta: &ActionMeta) -> bool {
        write(&self.routes).remove(&RouteKey::of(meta)).is_some()
    }

    pub(crate) fn len(&self) -> usize {
        read(&self.routes).len()
    }

    /// The metadata of every route, sorted by action then version.
    pub(crate) fn metas(&self) -> Vec<ActionMeta> {
        let mut metas: Vec<ActionMeta> = read(&self.routes).values().map(|r| r.meta).collect();
        metas.sort_by_key(|meta| (meta.action, meta.version()));
        metas
    }

    /// The API 3.0 route of (action, version), or `InvalidAction` saying which part is
    /// unknown.
    pub(crate) fn v3(&self, action: &str, version: &str) -> Result<Arc<Route>, EmulatorError> {
        let routes = read(&self.routes);
        let key = RouteKey::V3 {
            action: action.to_owned(),
            version: version.to_owned(),
        };
        if let Some(route) = routes.get(&key) {
            return Ok(Arc::clone(route));
        }
        let mut versions: Vec<&str> = routes
            .keys()
            .filter_map(|key| match key {
                RouteKey::V3 { action: a, version } if a == action => Some(version.as_str()),
                _ => None,
            })
            .collect();
        versions.sort_unstable();
        let message = if versions.is_empty() {
            format!("the action `{action}` does not exist")
        } else {
            format!(
                "the action `{action}` does not exist in version {version}; it exists in {}",
                versions.join(", ")
            )
        };
        Err(EmulatorError::new(codes::INVALID_ACTION, message))
    }

    /// The API 2.0 route of `action`, or `InvalidAction`.
    pub(crate) fn v2(&self, action: &str) -> Result<Arc<Route>, EmulatorError> {
        let key = RouteKey::V2 {
            action: action.to_owned(),
        };
        read(&self.routes).get(&key).cloned().ok_or_else(|| {
            EmulatorError::new(
                codes::INVALID_ACTION,
                format!("the API 2.0 action `{action}` does not exist"),
            )
        })
    }
}
