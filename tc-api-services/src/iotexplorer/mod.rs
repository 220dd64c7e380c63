//! IoT Explorer, `iotexplorer.tencentcloudapi.com`.

pub mod v20190423;
