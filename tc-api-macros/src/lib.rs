//! `#[tc_action]`: turns a plain struct into a Tencent Cloud request.
