//! Annotated Tencent Cloud action definitions, one module per service and version.
