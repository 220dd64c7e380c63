//! Tencent Cloud Super App as a Service (TCSAS), international site,
//! `tcsas.intl.tencentcloudapi.com`.

pub mod v20250106;
