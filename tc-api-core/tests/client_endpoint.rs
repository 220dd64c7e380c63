//! Endpoint choice end to end (the rules without an override are unit-tested in
//! `endpoint.rs`: no test may leave loopback).

mod client_support;

use client_support::*;
use tc_api_core::client::Client;

#[tokio::test]
async fn override_wins_over_the_documented_host_and_signs_the_real_host() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    client
        .send(FixedHostAction {
            platform_id: "p".into(),
        })
        .await
        .unwrap();
    let [req] = &server.requests()[..] else {
        panic!()
    };
    // Went to the override, not tcsas.intl.tencentcloudapi.com, and signed its host.
    assert_eq!(req.header("host"), Some(server.host().as_str()));
    assert_eq!(req.signature, Some(Ok(())));
    assert_eq!(req.path, "/");
}

#[tokio::test]
async fn api2_with_override_goes_to_its_origin_plus_v2_index_php() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    client.send(DescribeServiceV2::sample()).await.unwrap();
    let [req] = &server.requests()[..] else {
        panic!()
    };
    assert_eq!(req.path, "/v2/index.php");
    assert_eq!(req.header("host"), Some(server.host().as_str()));
    assert_eq!(req.signature, Some(Ok(())));
}

#[tokio::test]
async fn bare_loopback_host_with_scheme_and_trailing_slash_is_accepted() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .endpoint(format!("http://127.0.0.1:{}/", server.addr.port()))
        .build()
        .unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    assert_eq!(server.count(), 1);
}

#[tokio::test]
async fn explicit_proxy_carries_the_request_and_the_target_host_is_signed() {
    // The "proxy" is the test server; the target is a name that does not resolve
    // (`.invalid`), so the call can only succeed through the proxy, and nothing leaves
    // loopback: with an http proxy the client never looks the target up.
    let proxy = TestServer::start().await;
    let target = "cvm.tc-api-test.invalid:8080";
    let client = Client::builder()
        .credential(credential())
        .region("ap-guangzhou")
        .endpoint(format!("http://{target}"))
        .allow_insecure_http(true)
        .proxy(proxy.url())
        .build()
        .unwrap();
    client.send(ReleaseMnpVersion::sample()).await.unwrap();
    let [req] = &proxy.requests()[..] else {
        panic!()
    };
    assert_eq!(
        req.target,
        format!("http://{target}/"),
        "absolute-form request line"
    );
    assert_eq!(req.header("host"), Some(target));
    assert_eq!(req.signature, Some(Ok(())));
}

#[tokio::test]
async fn loopback_endpoints_never_go_through_a_proxy() {
    // The fake proxy answers like the cloud, so a proxied call would succeed too: only
    // the request counts tell where the call went.
    let proxy = TestServer::start().await;
    let server = TestServer::start().await;
    let port = server.addr.port();
    for endpoint in [
        format!("http://127.0.0.1:{port}"),
        format!("http://localhost:{port}"),
    ] {
        let client = builder_for(&server)
            .endpoint(&endpoint)
            .proxy(proxy.url())
            .build()
            .unwrap();
        client
            .send(ReleaseMnpVersion::sample())
            .await
            .unwrap_or_else(|e| panic!("{endpoint}: {e}"));
    }
    assert_eq!(proxy.count(), 0, "the proxy saw {:?}", proxy.requests());
    assert_eq!(server.count(), 2);
}
