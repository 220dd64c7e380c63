//! Tencent Cloud Mini Program Platform (TCMPP), `tcmpp.tencentcloudapi.com`.

pub mod v20240801;
