//! API Gateway, `apigateway.api.qcloud.com`.

pub mod v2;
