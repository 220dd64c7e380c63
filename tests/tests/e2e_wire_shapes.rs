//! Request and answer shapes the generated definitions rely on, through the real client
//! and the emulator: a business parameter that shares a common parameter's name, a
//! required list sent empty, and an answer with an `Error` member of its own.

mod e2e_support;

use std::sync::{Arc, Mutex};

use e2e_support::{client, method_name};
use tc_api_core::client::{HttpMethod, SignMethod};
use tc_api_core::emulator::Emulator;
use tc_api_macros::{tc_action, tc_model};

/// Shaped like lkeap's chat call: `Language` is the action's own parameter, `Tags` a
/// required list, and the answer may carry an `Error` that is no error envelope.
#[tc_action(service = "lkeap", version = "2024-05-22")]
#[derive(Debug, Clone, PartialEq)]
pub struct ChatCompletions {
    pub model: String,
    #[tc(rename = "Language", shadows_common)]
    pub language: Option<String>,
    pub tags: Vec<String>,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct ChatCompletionsResponse {
    pub id: String,
    pub error: Option<String>,
}

/// TC3 keeps common parameters in headers, so the business `Language` is sent once, in
/// either method (v1 signatures put both in one list; that is not exercised here).
#[tokio::test]
async fn shadowing_parameters_empty_lists_and_error_members_round_trip() {
    let emulator = Emulator::start().await.unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    emulator
        .on::<ChatCompletions>(move |request| {
            record.lock().unwrap().push(request);
            Ok(ChatCompletionsResponse {
                id: "c-1".into(),
                error: Some("quota nearly used".into()),
            })
        })
        .unwrap();
    let request = ChatCompletions {
        model: "m".into(),
        language: Some("en".into()),
        tags: vec![],
    };
    for method in [HttpMethod::Post, HttpMethod::Get] {
        let client = client(&emulator, SignMethod::Tc3HmacSha256, method);
        let out = client.send(request.clone()).await.unwrap();
        let name = method_name(method);
        assert_eq!(out.data.id, "c-1", "{name}");
        assert_eq!(
            out.data.error.as_deref(),
            Some("quota nearly used"),
            "{name}"
        );
        assert!(!out.request_id.as_str().is_empty(), "{name}");
    }
    assert_eq!(*seen.lock().unwrap(), [request.clone(), request]);
    let recorded = emulator.requests();
    let post = String::from_utf8_lossy(&recorded[0].body);
    assert!(
        post.contains(r#""Language":"en""#) && post.contains(r#""Tags":[]"#),
        "the JSON body carries both: {post}"
    );
    assert_eq!(recorded[0].header("X-TC-Action"), Some("ChatCompletions"));
    // Flattened, the empty list has no pairs.
    let query = &recorded[1].query;
    assert!(
        query.contains("Language=en") && !query.contains("Tags"),
        "{query}"
    );
}

/// As generated for bsca (tc-api-services/src/bsca/v20210811.rs, written out here: the
/// tests do not turn on generated service features).
#[tc_action(service = "bsca", version = "2021-08-11", region = "optional", response = DescribeKbVulnerabilityResponse)]
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeKBVulnerability {
    #[tc(rename = "CVEID")]
    pub cveid: Option<Vec<String>>,
    #[tc(rename = "VulID")]
    pub vul_id: Option<Vec<String>>,
    #[tc(rename = "CNVDID")]
    pub cnvdid: Option<Vec<String>>,
    #[tc(rename = "CNNVDID")]
    pub cnnvdid: Option<Vec<String>>,
    #[tc(rename = "Language", shadows_common)]
    pub language: Option<String>,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct DescribeKbVulnerabilityResponse {
    pub vulnerability_detail_list: Option<Vec<String>>,
}

/// A business `RequestClient`, as some services document one.
#[tc_action(service = "lkeap", version = "2024-05-22", region = "optional")]
#[derive(Debug, Clone, PartialEq)]
pub struct TagClient {
    #[tc(rename = "RequestClient", shadows_common)]
    pub request_client: Option<String>,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct TagClientResponse {}

/// The pairs of a form body or query, decoded (`+` as space, `%XX`).
fn form_pairs(text: &str) -> Vec<(String, String)> {
    fn decode(part: &str) -> String {
        let bytes = part.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 2;
                }
                other => out.push(other),
            }
            i += 1;
        }
        String::from_utf8(out).unwrap()
    }
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// With a v1 signature everything is one list: a business `Language` or `RequestClient`
/// is sent once, with the business value, and the signature covers exactly that list.
/// The emulator refuses a repeated pair, so acceptance proves one pair; the requests are
/// also written to `$TC_API_V1_SHADOW_DUMP` (when set) for scripts/interop/v1_shadow.sh,
/// which checks them with the official Python SDK's signing code.
#[tokio::test]
async fn v1_business_language_and_request_client_win_and_are_sent_once() {
    use tc_api_core::client::Language;
    let emulator = Emulator::start().await.unwrap();
    let languages = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&languages);
    emulator
        .on::<DescribeKBVulnerability>(move |request| {
            record.lock().unwrap().push(request.language);
            Ok(DescribeKbVulnerabilityResponse {
                vulnerability_detail_list: None,
            })
        })
        .unwrap();
    let clients = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&clients);
    emulator
        .on::<TagClient>(move |request| {
            record.lock().unwrap().push(request.request_client);
            Ok(TagClientResponse {})
        })
        .unwrap();

    let mut expected_languages = Vec::new();
    let mut expected_clients = Vec::new();
    for sign in [SignMethod::HmacSha1, SignMethod::HmacSha256] {
        for method in [HttpMethod::Post, HttpMethod::Get] {
            let client = e2e_support::builder(&emulator)
                .sign_method(sign)
                .http_method(method)
                .language(Language::EnUs)
                .build()
                .unwrap();
            for business in [Some("ZH"), None] {
                let request = DescribeKBVulnerability {
                    cveid: Some(vec!["CVE-2020-1971".into()]),
                    vul_id: None,
                    cnvdid: None,
                    cnnvdid: None,
                    language: business.map(str::to_owned),
                };
                client.send(request).await.unwrap();
                // Without a business value the client's language is the one pair sent;
                // the action's field then receives it, as the cloud would read it.
                expected_languages.push(Some(business.unwrap_or("en-US").to_owned()));
            }
            let request = TagClient {
                request_client: Some("tag-7".into()),
            };
            client.send(request).await.unwrap();
            expected_clients.push(Some("tag-7".to_owned()));
        }
    }
    assert_eq!(*languages.lock().unwrap(), expected_languages);
    assert_eq!(*clients.lock().unwrap(), expected_clients);

    let recorded = emulator.requests();
    assert_eq!(recorded.len(), 12);
    let mut dump = String::new();
    for (i, request) in recorded.iter().enumerate() {
        assert!(request.is_success(), "{i}: {:?}", request.error_code());
        let text = match request.method.as_str() {
            "GET" => request.query.clone(),
            _ => String::from_utf8(request.body.to_vec()).unwrap(),
        };
        let pairs = form_pairs(&text);
        assert_eq!(values(&pairs, "Language").len(), 1, "{i}: {text}");
        assert_eq!(values(&pairs, "RequestClient").len(), 1, "{i}: {text}");
        if request.action.as_deref() == Some("TagClient") {
            assert_eq!(values(&pairs, "RequestClient"), ["tag-7"], "{i}");
            assert_eq!(values(&pairs, "Language"), ["en-US"], "{i}");
        }
        let line = serde_json::json!({
            "method": request.method,
            "host": request.header("host"),
            "path": request.path,
            "params": pairs,
            "secret_key": tc_api_core::emulator::DEMO_SECRET_KEY,
        });
        dump.push_str(&line.to_string());
        dump.push('\n');
    }
    if let Some(path) = std::env::var_os("TC_API_V1_SHADOW_DUMP") {
        std::fs::write(path, dump).unwrap();
    }
}
