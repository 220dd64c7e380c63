//! Annotated Tencent Cloud action definitions, one module per service and version, each
//! behind a cargo feature of the service's name (all on by default).
//!
//! | module | API | feature |
//! |---|---|---|
//! | [`tcmpp::v20240801`] | 3.0, 2024-08-01 | `tcmpp` |
//! | [`tcb::v20180608`] | 3.0, 2018-06-08 | `tcb` |
//! | [`iotexplorer::v20190423`] | 3.0, 2019-04-23 | `iotexplorer` |
//! | [`tcsas::v20250106`] | 3.0, 2025-01-06 | `tcsas` |
//! | [`apigateway::v2`] | 2.0 | `apigateway` |
//!
//! Every action is a plain struct of its parameters; send it with
//! `tc_api_core::Client::send` and get its typed response. Each version module also holds
//! `ACTIONS` (the metadata of its actions) and `examples` (the documented examples as
//! data, see [`doc_example`]).
//!
//! Response fields are all `Option`, as in the official SDKs: services add, drop and null
//! fields over time, and one missing field should not make a whole answer unreadable.
//! Request fields are `Option` exactly when the document calls them optional.

#![warn(missing_docs)]

#[cfg(feature = "cli")]
pub mod cli;
pub mod doc_example;
#[cfg(feature = "emulator")]
pub mod emulator;

#[cfg(feature = "apigateway")]
pub mod apigateway;
#[cfg(feature = "iotexplorer")]
pub mod iotexplorer;
#[cfg(feature = "tcb")]
pub mod tcb;
#[cfg(feature = "tcmpp")]
pub mod tcmpp;
#[cfg(feature = "tcsas")]
pub mod tcsas;

use tc_api_core::ActionMeta;

/// Metadata of every action compiled in (per the enabled features), grouped by service in
/// the order of the table above.
pub fn actions() -> Vec<ActionMeta> {
    let groups: &[&[ActionMeta]] = &[
        #[cfg(feature = "tcmpp")]
        tcmpp::v20240801::ACTIONS,
        #[cfg(feature = "tcb")]
        tcb::v20180608::ACTIONS,
        #[cfg(feature = "iotexplorer")]
        iotexplorer::v20190423::ACTIONS,
        #[cfg(feature = "tcsas")]
        tcsas::v20250106::ACTIONS,
        #[cfg(feature = "apigateway")]
        apigateway::v2::ACTIONS,
    ];
    groups.concat()
}

/// Every documented example compiled in (per the enabled features), in the same order.
pub fn examples() -> Vec<&'static doc_example::DocExample> {
    let groups: &[&'static [doc_example::DocExample]] = &[
        #[cfg(feature = "tcmpp")]
        tcmpp::v20240801::examples::ALL,
        #[cfg(feature = "tcb")]
        tcb::v20180608::examples::ALL,
        #[cfg(feature = "iotexplorer")]
        iotexplorer::v20190423::examples::ALL,
        #[cfg(feature = "tcsas")]
        tcsas::v20250106::examples::ALL,
        #[cfg(feature = "apigateway")]
        apigateway::v2::examples::ALL,
    ];
    groups.iter().flat_map(|group| group.iter()).collect()
}
