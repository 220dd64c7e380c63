//! A newcomer's first program, built by `scripts/newcomer.sh` in a crate outside the
//! workspace: CVM's DescribeInstances, sent through the real client to the emulator.

use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator};
use tc_api_core::{Client, Credential};
use tc_api_services::cvm::v20170312::{DescribeInstances, DescribeInstancesResponse, Instance};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = Emulator::start().await?;
    emulator.on::<DescribeInstances>(|request| {
        let ids = request.instance_ids.unwrap_or_default();
        Ok(DescribeInstancesResponse {
            total_count: Some(ids.len() as i64),
            instance_set: Some(
                ids.into_iter()
                    .map(|id| Instance {
                        instance_id: Some(id),
                        instance_state: Some("RUNNING".into()),
                        ..Default::default()
                    })
                    .collect(),
            ),
        })
    })?;

    let client = Client::builder()
        .credential(Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY)?)
        .region("ap-guangzhou")
        .endpoint(emulator.url())
        .build()?;
    let out = client
        .send(DescribeInstances {
            instance_ids: Some(vec!["ins-1".into(), "ins-2".into()]),
            ..Default::default()
        })
        .await?;
    let response = out.data;
    println!(
        "TotalCount {:?}, first {:?}, RequestId {}",
        response.total_count,
        response.instance_set.as_deref().and_then(|set| set.first()).and_then(|i| i.instance_id.as_deref()),
        out.request_id
    );
    assert_eq!(response.total_count, Some(2));
    Ok(())
}
