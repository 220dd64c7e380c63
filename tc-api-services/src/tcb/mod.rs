//! Tencent CloudBase (TCB), `tcb.tencentcloudapi.com`.

pub mod v20180608;
