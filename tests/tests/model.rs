//! `#[tc_model]`: the decoding rules of answers. Unknown fields are ignored, `null` and
//! absence are `None`, absent lists are empty, 64-bit integers fit.

use serde_json::json;
use tc_api_macros::tc_model;

/// The Data of DescribeMNPMAUMetricCard.
#[tc_model]
#[derive(Debug, PartialEq)]
pub struct MAUIndicatorCard {
    pub comparison_ratio: Option<String>,
    pub comparison_result: Option<i64>,
    pub flush_time: Option<i64>,
    #[tc(rename = "SourceMAUNum")]
    pub source_mau_num: Option<i64>,
    #[tc(rename = "TargetMAUNum")]
    pub target_mau_num: Option<i64>,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct DescribeMNPMAUMetricCardResponse {
    pub data: Option<MAUIndicatorCard>,
}

#[test]
fn decodes_the_documented_example() {
    let response: DescribeMNPMAUMetricCardResponse = serde_json::from_value(json!({
        "Data": {
            "ComparisonRatio": "-85.19%",
            "ComparisonResult": 2,
            "FlushTime": 1764593542,
            "SourceMAUNum": 27,
            "TargetMAUNum": 4
        },
        "RequestId": "4aa0dad4-a5df-4ec2-8417-d077eedc223b"
    }))
    .unwrap();
    let data = response.data.unwrap();
    assert_eq!(data.comparison_ratio.as_deref(), Some("-85.19%"));
    assert_eq!(data.source_mau_num, Some(27));
}

#[test]
fn null_absent_and_unknown_fields_are_tolerated() {
    let card: MAUIndicatorCard = serde_json::from_value(json!({
        "ComparisonRatio": null,
        "FlushTime": 9432130281_i64,
        "AddedNextYear": {"deep": [1, 2, 3]}
    }))
    .unwrap();
    assert_eq!(
        card,
        MAUIndicatorCard {
            comparison_ratio: None,
            comparison_result: None,
            flush_time: Some(9_432_130_281),
            source_mau_num: None,
            target_mau_num: None,
        }
    );
    assert_eq!(
        serde_json::to_value(&card).unwrap(),
        json!({"FlushTime": 9432130281_i64})
    );
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct Page {
    pub total_count: u64,
    pub items: Vec<Item>,
    pub team_id: i64,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct Item {
    pub id: u64,
}

#[test]
fn required_fields_are_required_and_lists_default_to_empty() {
    let page: Page = serde_json::from_str(r#"{"TotalCount": 0, "TeamId": -9432130281}"#).unwrap();
    assert_eq!(
        page,
        Page {
            total_count: 0,
            items: vec![],
            team_id: -9_432_130_281
        }
    );
    assert!(serde_json::from_str::<Page>(r#"{"TeamId": 1}"#).is_err());
    assert!(serde_json::from_str::<Page>(r#"{"TotalCount": null, "TeamId": 1}"#).is_err());
    let page = Page {
        total_count: u64::MAX,
        items: vec![],
        team_id: 0,
    };
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        json!({"TotalCount": u64::MAX, "Items": [], "TeamId": 0}),
        "a model writes every list, even an empty one"
    );
}

/// An API 2.0 answer: camelCase, `in` as a field name.
#[tc_model(api2)]
#[derive(Debug, PartialEq)]
pub struct ServiceParameter {
    pub name: String,
    pub r#in: Option<String>,
    pub relevant_request_parameter_name: Option<String>,
}

#[test]
fn api2_models_use_camel_case() {
    let parameter: ServiceParameter = serde_json::from_value(json!({
        "name": "p", "in": "query", "relevantRequestParameterName": "q", "codeDesc": "Success"
    }))
    .unwrap();
    assert_eq!(parameter.r#in.as_deref(), Some("query"));
    assert_eq!(
        parameter.relevant_request_parameter_name.as_deref(),
        Some("q")
    );
}

#[tc_model]
#[derive(Debug, PartialEq, Default)]
pub struct Nothing;

#[test]
fn unit_models_are_empty_objects() {
    assert_eq!(serde_json::to_string(&Nothing).unwrap(), "{}");
    assert_eq!(
        serde_json::from_str::<Nothing>(r#"{"RequestId": "x"}"#).unwrap(),
        Nothing
    );
}

/// Generic models keep serde's inferred bounds.
#[tc_model]
#[derive(Debug, PartialEq)]
pub struct Listing<T> {
    pub total_count: u64,
    pub set: Vec<T>,
}

/// A recursive model.
#[tc_model]
#[derive(Debug, PartialEq)]
pub struct Node {
    pub name: String,
    pub children: Vec<Node>,
}

#[test]
fn generic_and_recursive_models() {
    let listing: Listing<Item> =
        serde_json::from_str(r#"{"TotalCount": 1, "Set": [{"Id": 7}]}"#).unwrap();
    assert_eq!(listing.set, vec![Item { id: 7 }]);
    let tree: Node = serde_json::from_str(r#"{"Name": "a", "Children": [{"Name": "b"}]}"#).unwrap();
    assert_eq!(
        tree.children[0],
        Node {
            name: "b".into(),
            children: vec![]
        }
    );
}

/// A recursive model through `Option<Box<Self>>`, as generated for a member whose type
/// is its own structure.
#[tc_model]
#[derive(Debug, PartialEq)]
pub struct Condition {
    pub key: String,
    pub next: Option<Box<Condition>>,
    #[tc(rename = "Else")]
    pub otherwise: Option<Box<Self>>,
}

#[test]
fn option_box_recursion_encodes_and_decodes() {
    let chain = Condition {
        key: "a".into(),
        next: Some(Box::new(Condition {
            key: "b".into(),
            next: None,
            otherwise: Some(Box::new(Condition {
                key: "c".into(),
                next: None,
                otherwise: None,
            })),
        })),
        otherwise: None,
    };
    let wire = json!({"Key": "a", "Next": {"Key": "b", "Else": {"Key": "c"}}});
    assert_eq!(serde_json::to_value(&chain).unwrap(), wire);
    assert_eq!(serde_json::from_value::<Condition>(wire).unwrap(), chain);
    let leaf: Condition = serde_json::from_str(r#"{"Key": "z", "Next": null}"#).unwrap();
    assert_eq!(leaf.next, None);
}

/// lkeap answers an `Error` member of its own; a response may declare it.
#[tc_model]
#[derive(Debug, PartialEq)]
pub struct ChatCompletionsResponse {
    pub id: String,
    pub error: Option<ErrorDetail>,
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct ErrorDetail {
    pub reason: String,
}

#[test]
fn a_response_may_declare_its_own_error_member() {
    use tc_api_core::envelope::decode_v3;
    let body = br#"{"Response":{"Id":"c-1","Error":{"Reason":"x"},"RequestId":"r-1"}}"#;
    let (response, id) = decode_v3::<ChatCompletionsResponse>(200, body).unwrap();
    assert_eq!(
        response,
        ChatCompletionsResponse {
            id: "c-1".into(),
            error: Some(ErrorDetail { reason: "x".into() }),
        }
    );
    assert_eq!(id.as_str(), "r-1");
    // The error envelope is still an error, whatever the response declares.
    let body =
        br#"{"Response":{"Error":{"Code":"InternalError","Message":"m"},"RequestId":"r-2"}}"#;
    let err = decode_v3::<ChatCompletionsResponse>(200, body).unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    assert_eq!(err.request_id().unwrap().as_str(), "r-2");
}

/// Decodes a count that may come as a number or as a string holding one.
fn lenient_count<'de, D>(deserializer: D) -> Result<Option<Count>, D::Error>
where
    D: tc_api_core::__private::serde::Deserializer<'de>,
{
    use tc_api_core::__private::serde::Deserialize;
    use tc_api_core::__private::serde::de::Error;
    match Option::<serde_json::Value>::deserialize(deserializer)? {
        None => Ok(None),
        Some(serde_json::Value::Number(n)) => Ok(n.as_u64().map(|n| Count { n })),
        Some(serde_json::Value::String(s)) => s
            .parse()
            .map(|n| Some(Count { n }))
            .map_err(D::Error::custom),
        Some(other) => Err(D::Error::custom(format!("not a count: {other}"))),
    }
}

#[tc_model]
#[derive(Debug, PartialEq)]
pub struct Count {
    pub n: u64,
}

/// `#[serde(...)]` keys the user writes on a field win over the macro's.
#[tc_model(api2)]
#[derive(Debug, PartialEq)]
pub struct Usage {
    #[serde(default, deserialize_with = "lenient_count")]
    pub total_count: Option<Count>,
    #[serde(alias = "seviceId")]
    pub service_id: Option<String>,
}

#[test]
fn user_serde_keys_are_kept() {
    let usage: Usage = serde_json::from_str(r#"{"totalCount": "12", "seviceId": "s-1"}"#).unwrap();
    assert_eq!(
        usage,
        Usage {
            total_count: Some(Count { n: 12 }),
            service_id: Some("s-1".into())
        }
    );
    let usage: Usage = serde_json::from_str("{}").unwrap();
    assert_eq!(usage.total_count, None);
    assert_eq!(
        serde_json::to_string(&Usage {
            total_count: None,
            service_id: None
        })
        .unwrap(),
        "{}"
    );
}
