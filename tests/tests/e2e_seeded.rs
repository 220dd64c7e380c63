//! Every documented example of tc-api-services through the real client and the seeded
//! emulator, in every encoding: API 3.0 actions by POST and GET with TC3-HMAC-SHA256,
//! HmacSHA1 and HmacSHA256 (6 encodings), API 2.0 actions by POST and GET with HmacSHA1
//! and HmacSHA256 (4). The client must hand back the documented answer as the typed
//! response, and the emulator must decode exactly the request that was sent.

mod e2e_support;

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use e2e_support::{V2_COMBOS, V3_COMBOS, method_name, seeded};
use serde_json::{Value, json};
use tc_api_core::client::{HttpMethod, SignMethod};
use tc_api_core::emulator::{self, Emulator, Outcome};
use tc_api_core::{Action, ApiStyle, Client, RegionPolicy};
use tc_api_services::doc_example::{DocExample, ExampleRequest};
use tc_api_services::emulator::{ActionVisitor, DefinedAction, for_each_action, response_payload};

/// What a sent case reports: the RequestId, and whether the typed response equals the
/// documented one (`Err` with both when not).
type Sent = Pin<Box<dyn Future<Output = Result<(String, Result<(), String>), String>> + Send>>;

/// One documented example, ready to send.
struct Case {
    action: &'static str,
    title: &'static str,
    style: ApiStyle,
    /// `Debug` of the request, to compare with what the emulator decoded.
    request_debug: String,
    send: Box<dyn Fn(Client) -> Sent + Send + Sync>,
}

/// The request an example shows, as the action's struct.
fn request_of<A: DefinedAction>(example: &DocExample) -> A {
    let decoded = match example.request {
        ExampleRequest::Json(body) => emulator::decode_json(body.as_bytes()),
        ExampleRequest::Params { .. } => {
            let mut params = example.request.documented_params().unwrap();
            // The parameter table requires these; the printed example leaves them out.
            for name in example.request.missing_params() {
                params.push((name.to_owned(), format!("placeholder-{name}")));
            }
            emulator::decode_flat(params)
        }
    };
    decoded.unwrap_or_else(|e| {
        panic!(
            "{} ({}): the documented request does not decode: {e}",
            example.action, example.title
        )
    })
}

struct Cases(Vec<Case>);

impl ActionVisitor for Cases {
    fn visit<A: DefinedAction>(&mut self) {
        let examples = tc_api_services::examples()
            .into_iter()
            .filter(|example| example.action == A::META.action);
        for example in examples {
            let request: A = request_of(example);
            let whole: Value = serde_json::from_str(example.response).unwrap();
            let payload = response_payload::<A>(&whole).unwrap();
            let documented: A::Response = serde_json::from_value(Value::Object(payload)).unwrap();
            let takes_region = A::META.region != RegionPolicy::None;
            self.0.push(Case {
                action: example.action,
                title: example.title,
                style: A::META.style,
                request_debug: format!("{request:?}"),
                send: Box::new(move |client: Client| -> Sent {
                    let request = request.clone();
                    let documented = documented.clone();
                    Box::pin(async move {
                        let client = if takes_region {
                            client
                        } else {
                            client.with_region(None).unwrap()
                        };
                        let out = client.send(request).await.map_err(|e| e.to_string())?;
                        let same = if out.data == documented {
                            Ok(())
                        } else {
                            Err(format!("got {:?}, documented {documented:?}", out.data))
                        };
                        Ok((out.request_id.to_string(), same))
                    })
                }),
            });
        }
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Cases(Vec::new());
    for_each_action(&mut cases);
    assert_eq!(cases.0.len(), tc_api_services::examples().len());
    cases.0
}

fn combos(style: ApiStyle) -> &'static [(SignMethod, HttpMethod)] {
    match style {
        ApiStyle::V3 { .. } => &V3_COMBOS,
        ApiStyle::V2 => &V2_COMBOS,
    }
}

/// One client per encoding, reused across cases.
fn clients(emulator: &Emulator) -> Vec<((SignMethod, HttpMethod), Client)> {
    V3_COMBOS
        .iter()
        .map(|&(sign, method)| ((sign, method), e2e_support::client(emulator, sign, method)))
        .collect()
}

fn client_for(
    clients: &[((SignMethod, HttpMethod), Client)],
    combo: (SignMethod, HttpMethod),
) -> Client {
    clients
        .iter()
        .find(|(c, _)| *c == combo)
        .map(|(_, client)| client.clone())
        .unwrap()
}

#[tokio::test]
async fn every_documented_example_in_every_encoding() {
    let emulator = seeded().await;
    let clients = clients(&emulator);
    let cases = cases();
    let mut failures = Vec::new();
    let (mut v3_calls, mut v2_calls) = (0, 0);
    for case in &cases {
        for &(sign, method) in combos(case.style) {
            match case.style {
                ApiStyle::V3 { .. } => v3_calls += 1,
                ApiStyle::V2 => v2_calls += 1,
            }
            let what = format!(
                "{} ({}) {} {}",
                case.action,
                case.title,
                sign.wire_name(),
                method_name(method)
            );
            emulator.clear_requests();
            let (request_id, same) = match (case.send)(client_for(&clients, (sign, method))).await {
                Ok(sent) => sent,
                Err(error) => {
                    failures.push(format!("{what}: {error}"));
                    continue;
                }
            };
            if let Err(difference) = same {
                failures.push(format!("{what}: {difference}"));
            }
            let recorded = emulator.requests();
            let [request] = &recorded[..] else {
                failures.push(format!(
                    "{what}: the emulator saw {} requests",
                    recorded.len()
                ));
                continue;
            };
            let expected_path = match case.style {
                ApiStyle::V3 { .. } => "/",
                ApiStyle::V2 => "/v2/index.php",
            };
            let checks = [
                (request.outcome == Outcome::Success, "outcome"),
                (request.sign_method == Some(sign), "sign method"),
                (request.method == method_name(method), "HTTP method"),
                (request.path == expected_path, "path"),
                (request.action.as_deref() == Some(case.action), "action"),
                (
                    request.request_id.as_deref() == Some(&request_id),
                    "RequestId",
                ),
            ];
            for (ok, name) in checks {
                if !ok {
                    failures.push(format!("{what}: recorded {name} differs: {request:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // 4 API 3.0 examples x 6 encodings, 53 API 2.0 examples x 4 encodings.
    assert_eq!((v3_calls, v2_calls), (4 * 6, 53 * 4));
}

/// Registers, for every action, a handler that keeps the `Debug` of what it decoded and
/// answers an empty response (every response field is optional).
struct Recorders<'a> {
    emulator: &'a Emulator,
    decoded: Arc<Mutex<Vec<String>>>,
}

impl ActionVisitor for Recorders<'_> {
    fn visit<A: DefinedAction>(&mut self) {
        let decoded = Arc::clone(&self.decoded);
        self.emulator
            .on::<A>(move |request| {
                decoded.lock().unwrap().push(format!("{request:?}"));
                Ok(serde_json::from_value(json!({})).expect("responses decode from {}"))
            })
            .unwrap();
    }
}

#[tokio::test]
async fn the_emulator_decodes_exactly_the_request_sent() {
    let emulator = Emulator::start().await.unwrap();
    let decoded = Arc::new(Mutex::new(Vec::new()));
    for_each_action(&mut Recorders {
        emulator: &emulator,
        decoded: Arc::clone(&decoded),
    });
    let clients = clients(&emulator);
    let mut failures = Vec::new();
    let mut calls = 0;
    for case in cases() {
        for &(sign, method) in combos(case.style) {
            calls += 1;
            decoded.lock().unwrap().clear();
            let what = format!(
                "{} ({}) {} {}",
                case.action,
                case.title,
                sign.wire_name(),
                method_name(method)
            );
            if let Err(error) = (case.send)(client_for(&clients, (sign, method))).await {
                failures.push(format!("{what}: {error}"));
                continue;
            }
            let seen = decoded.lock().unwrap().clone();
            if seen != [case.request_debug.clone()] {
                failures.push(format!(
                    "{what}: sent {}, the emulator decoded {seen:?}",
                    case.request_debug
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(calls, 4 * 6 + 53 * 4);
}

#[tokio::test]
async fn the_four_api3_actions_have_examples() {
    let v3: Vec<&str> = tc_api_services::actions()
        .iter()
        .filter(|meta| matches!(meta.style, ApiStyle::V3 { .. }))
        .map(|meta| meta.action)
        .collect();
    assert_eq!(
        v3,
        [
            "DescribeBatchProduction",
            "CreatePostpayPackage",
            "ReleaseMNPVersion",
            "DescribeMNPMAUMetricCard"
        ]
    );
    for action in v3 {
        assert!(
            tc_api_services::examples()
                .iter()
                .any(|example| example.action == action),
            "{action}"
        );
    }
    // Every seeded action is reachable: the emulator lists all 49.
    let emulator = seeded().await;
    assert_eq!(emulator.routes().len(), tc_api_services::actions().len());
    let _ = <tc_api_services::tcmpp::v20240801::ReleaseMNPVersion as Action>::META;
}
