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
