//! The blocking client (feature `blocking`).
#![cfg(feature = "blocking")]

mod client_support;

use client_support::*;
use tc_api_core::error::Error;

#[test]
fn blocking_client_sends_and_reports_errors() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(TestServer::start());
    server.script([Reply::api_error(
        "FailedOperation.MNPVersionReleased",
        "b-1",
    )]);
    let client = builder_for(&server).build_blocking().unwrap();
    let err = client.send(ReleaseMnpVersion::sample()).unwrap_err();
    assert!(matches!(err, Error::Api { .. }), "{err:?}");
    let out = client.send(ReleaseMnpVersion::sample()).unwrap();
    assert!(out.data.data.unwrap().result);
    // Clones work from other threads.
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let client = client.clone();
            std::thread::spawn(move || client.send(DescribeThings::sample()).map(|o| o.request_id))
        })
        .collect();
    for handle in handles {
        assert!(!handle.join().unwrap().unwrap().is_empty());
    }
    assert_eq!(server.count(), 6);
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.signature == Some(Ok(())))
    );
}
