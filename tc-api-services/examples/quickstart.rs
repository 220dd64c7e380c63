//! The quickstart: calls the four API 3.0 actions and two API 2.0 actions of this crate
//! through the real client and prints each typed response with its RequestId.
//!
//! ```sh
//! cargo run -p tc-api-services --example quickstart                     # against the built-in emulator, offline
//! cargo run -p tc-api-services --example quickstart -- --endpoint URL   # against another endpoint
//! cargo run -p tc-api-services --example quickstart -- --cloud          # against each action's real host
//! ```
//!
//! With the emulator, the client signs with the emulator's demo credential. With
//! `--endpoint` or `--cloud` no emulator is started and credentials come from the default
//! chain (`TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`, then the profile file);
//! `--region` (default `ap-guangzhou`) and `--sign-method tc3|hmacsha1|hmacsha256` apply
//! to every mode.

use std::fmt::Debug;
use std::process::ExitCode;

use tc_api_core::client::SignMethod;
use tc_api_core::credential::DefaultChain;
use tc_api_core::emulator::{DEMO_SECRET_ID, DEMO_SECRET_KEY, Emulator};
use tc_api_core::{Action, Client, Credential, ProvideCredential, RegionPolicy};
use tc_api_services::apigateway::v2 as apigateway;
use tc_api_services::iotexplorer::v20190423 as iotexplorer;
use tc_api_services::tcb::v20180608 as tcb;
use tc_api_services::tcmpp::v20240801 as tcmpp;
use tc_api_services::tcsas::v20250106 as tcsas;

const USAGE: &str = "usage: quickstart [--endpoint URL | --cloud] [--region REGION] [--sign-method tc3|hmacsha1|hmacsha256]";

/// Where the calls go.
enum Target {
    /// A fresh emulator on 127.0.0.1 answering the documented examples.
    Emulator,
    /// Any endpoint, default credential chain.
    Endpoint(String),
    /// Each action's own host, default credential chain.
    Cloud,
}

struct Options {
    target: Target,
    region: String,
    sign_method: SignMethod,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        target: Target::Emulator,
        region: "ap-guangzhou".to_owned(),
        sign_method: SignMethod::Tc3HmacSha256,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--endpoint" => options.target = Target::Endpoint(value("--endpoint")?),
            "--cloud" => options.target = Target::Cloud,
            "--region" => options.region = value("--region")?,
            "--sign-method" => {
                options.sign_method = match value("--sign-method")?.to_ascii_lowercase().as_str() {
                    "tc3" | "tc3-hmac-sha256" => SignMethod::Tc3HmacSha256,
                    "hmacsha1" => SignMethod::HmacSha1,
                    "hmacsha256" => SignMethod::HmacSha256,
                    other => return Err(format!("unknown sign method {other:?}")),
                }
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    Ok(options)
}

fn target_name(target: &Target) -> String {
    match target {
        Target::Emulator => "the emulator".to_owned(),
        Target::Endpoint(url) => url.clone(),
        Target::Cloud => "the cloud".to_owned(),
    }
}

/// Sends one action and prints its typed response and RequestId; whether it succeeded.
async fn call<A>(client: &Client, action: A) -> bool
where
    A: Action,
    A::Response: Debug,
{
    let meta = &A::META;
    // Actions that take no region are sent without one.
    let client = match meta.region {
        RegionPolicy::None => client.with_region(None).expect("no region is always valid"),
        _ => client.clone(),
    };
    let name = format!(
        "{}.{} ({})",
        meta.service,
        meta.action,
        meta.version().unwrap_or("API 2.0")
    );
    match client.send(action).await {
        Ok(out) => {
            println!(
                "{name}\n  RequestId: {}\n  {:#?}\n",
                out.request_id, out.data
            );
            true
        }
        Err(error) => {
            println!("{name}\n  failed: {error}\n");
            false
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };

    let mut builder = Client::builder()
        .region(options.region.as_str())
        .sign_method(options.sign_method);
    // Kept alive until the calls are done; dropping it stops the server.
    let mut _emulator = None;
    match &options.target {
        Target::Emulator => {
            let emulator = match Emulator::start().await {
                Ok(emulator) => emulator,
                Err(error) => {
                    eprintln!("cannot start the emulator: {error}");
                    return ExitCode::FAILURE;
                }
            };
            if let Err(error) = tc_api_services::emulator::seed(&emulator) {
                eprintln!("cannot seed the emulator: {error}");
                return ExitCode::FAILURE;
            }
            println!("emulator listening on {}\n", emulator.url());
            let credential = Credential::new(DEMO_SECRET_ID, DEMO_SECRET_KEY)
                .expect("the demo credential is well-formed");
            builder = builder.endpoint(emulator.url()).credential(credential);
            _emulator = Some(emulator);
        }
        Target::Endpoint(_) | Target::Cloud => {
            // Resolve the default chain once, so that a missing credential is one clear
            // message rather than one failure per call.
            let chain = DefaultChain::new();
            if let Err(error) = chain.provide().await {
                eprintln!(
                    "no credential for {}: {error}",
                    target_name(&options.target)
                );
                return ExitCode::FAILURE;
            }
            builder = builder.credential_provider(chain);
            if let Target::Endpoint(url) = &options.target {
                builder = builder.endpoint(url.as_str());
            }
        }
    }
    let client = match builder.build() {
        Ok(client) => client,
        Err(error) => {
            eprintln!("cannot build the client: {error}");
            return ExitCode::FAILURE;
        }
    };

    // The requests of the documented examples.
    let results = [
        call(
            &client,
            tcmpp::ReleaseMNPVersion {
                mnp_version_id: 2597,
                platform_id: "T04257DS9431720WTAG".to_owned(),
            },
        )
        .await,
        call(
            &client,
            tcb::CreatePostpayPackage {
                env_id: Some("cdnheader-v2a".to_owned()),
                free_quota: Some("basic".to_owned()),
                ..Default::default()
            },
        )
        .await,
        call(
            &client,
            iotexplorer::DescribeBatchProduction {
                product_id: "R32ONVL0EU".to_owned(),
                batch_production_id: "LC-ya6zinv9".to_owned(),
            },
        )
        .await,
        call(
            &client,
            tcsas::DescribeMNPMAUMetricCard {
                source_month: 202511,
                data_type: 1,
                platform_id: "T04398WY9481762VZTT".to_owned(),
                target_month: 202512,
                application_id: "ApplicationId".to_owned(),
                mnp_id: Some("mp1vd81ntbitj9k2".to_owned()),
                mnp_team_id: None,
            },
        )
        .await,
        call(
            &client,
            apigateway::DescribeServicesStatus {
                limit: Some(2),
                ..Default::default()
            },
        )
        .await,
        call(
            &client,
            apigateway::DescribeService {
                service_id: "service-XX".to_owned(),
            },
        )
        .await,
    ];
    let failed = results.iter().filter(|ok| !**ok).count();
    if failed == 0 {
        println!("all {} calls succeeded", results.len());
        ExitCode::SUCCESS
    } else {
        println!("{failed} of {} calls failed", results.len());
        ExitCode::FAILURE
    }
}
