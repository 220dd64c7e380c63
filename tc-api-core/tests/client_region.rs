//! Region rules: refused before anything is sent; the header is omitted for actions that
//! take no region.

mod client_support;

use client_support::*;
use tc_api_core::error::{Error, InvalidRequest};

#[tokio::test]
async fn region_errors_send_nothing() {
    let server = TestServer::start().await;

    let no_region = builder_for(&server)
        .build()
        .unwrap()
        .with_region(None)
        .unwrap();
    let err = no_region
        .send(ReleaseMnpVersion::sample())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidRequest(InvalidRequest::RegionRequired {
                action: "ReleaseMNPVersion",
                ..
            })
        ),
        "{err:?}"
    );

    let beijing = builder_for(&server).region("ap-beijing").build().unwrap();
    let err = beijing.send(DescribeThings::sample()).await.unwrap_err();
    match &err {
        Error::InvalidRequest(InvalidRequest::RegionNotAllowed {
            region, allowed, ..
        }) => {
            assert_eq!(region, "ap-beijing");
            assert_eq!(*allowed, ["ap-guangzhou", "ap-shanghai"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("ap-beijing"));

    let guangzhou = builder_for(&server).build().unwrap();
    let err = guangzhou
        .send(CreatePackage {
            env_id: "env".into(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidRequest(InvalidRequest::RegionNotAccepted { .. })
        ),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert!(err.request_id().is_none());

    // Give the server a moment: nothing may have arrived.
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    assert_eq!(server.count(), 0, "no request reaches the server");
}

#[tokio::test]
async fn actions_without_region_omit_the_header_and_param() {
    let server = TestServer::start().await;
    let client = builder_for(&server)
        .build()
        .unwrap()
        .with_region(None)
        .unwrap();
    let out = client
        .send(CreatePackage {
            env_id: "env-1".into(),
        })
        .await
        .unwrap();
    assert_eq!(out.data, tc_api_core::Empty {});
    // An optional-region action without a region.
    client
        .send(FixedHostAction {
            platform_id: "p".into(),
        })
        .await
        .unwrap();
    for req in server.requests() {
        assert_eq!(req.header("x-tc-region"), None);
        assert_eq!(req.signature, Some(Ok(())));
    }
    let v1 = builder_for(&server)
        .sign_method(tc_api_core::client::SignMethod::HmacSha256)
        .build()
        .unwrap()
        .with_region(None)
        .unwrap();
    v1.send(CreatePackage {
        env_id: "env-2".into(),
    })
    .await
    .unwrap();
    let last = server.requests().pop().unwrap();
    assert_eq!(last.param("Region"), None);
    assert_eq!(last.signature, Some(Ok(())));
}

#[tokio::test]
async fn with_region_validates_and_shares_the_client() {
    let server = TestServer::start().await;
    let client = builder_for(&server).build().unwrap();
    assert!(matches!(
        client.with_region(Some("bad region")),
        Err(Error::Config(_))
    ));
    let shanghai = client.with_region(Some("ap-shanghai")).unwrap();
    shanghai.send(DescribeThings::sample()).await.unwrap();
    assert_eq!(
        server.requests()[0].header("x-tc-region"),
        Some("ap-shanghai")
    );
}
