//! The examples of the API Gateway 2.0 guide, as data (see [`crate::doc_example`]).
//!
//! `response_as_printed` is the printed text with page furniture (headers, footers, blank
//! lines of page breaks) and line-end spaces removed; `response` repairs its JSON syntax
//! (trailing and missing commas, unquoted values and keys) without changing a word.
//! Generated once from the document text, then reviewed; edit by hand.

use crate::doc_example::{DocExample, ExampleRequest, ParamFix};

/// The batch asynchronous task answer shown in the guide's calling conventions: one
/// outcome per resource id. The printed text repeats the same resource id twice, so the
/// decoded map holds one entry, the later one.
pub const BATCH_TASK_RESPONSE_AS_PRINTED: &str = r#"{
"code":0,
"message": "success",
"detail":
{
"qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0":
{
"code":0,
"message":"",
"requestId":"1231231231231":,
}
"qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0":
{
"code":0,
"message":"",
"requestId":"1231231231232":,
}
}
}"#;

/// [`BATCH_TASK_RESPONSE_AS_PRINTED`] as valid JSON.
pub const BATCH_TASK_RESPONSE: &str = r#"{
"code":0,
"message": "success",
"detail":
{
"qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0":
{
"code":0,
"message":"",
"requestId":"1231231231231"
},
"qcvm6a456b0d8f01d4b2b1f5073d3fb8ccc0":
{
"code":0,
"message":"",
"requestId":"1231231231232"
}
}
}"#;

/// ModifyApi: Point an API at an HTTP backend.
pub const MODIFY_API_HTTP: DocExample = DocExample {
    action: "ModifyApi",
    title: "Point an API at an HTTP backend",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiId", "api-XX"),
            ("apiDesc", "myTestApi"),
            ("requestConfig.path", "/path"),
            ("requestConfig.method", "GET"),
            ("requestConfig.protocol", "Http"),
            ("requestParameters.0.name", "age"),
            ("requestParameters.0.location", "head"),
            ("requestParameters.0.type", "Int"),
            ("requestParameters.0.defaultValue", "18"),
            ("requestParameters.0.required", "REQUIRED"),
            ("requestParameters.0.description", "Age"),
            ("serviceType", "Http"),
            ("serviceTimeout", "60"),
            ("serviceConfig.url", "cloud.tencent.com"),
            ("serviceConfig.path", "/path"),
            ("serviceConfig.method", "GET"),
            ("serviceParameters.0.name", "age"),
            ("serviceParameters.0.location", "head"),
            ("serviceParameters.0.relevantRequestParameterName", "age"),
            ("serviceParameters.0.relevantRequestParameterIn", "head"),
            ("serviceParameters.0.defaultValue", "18"),
            ("serviceParameters.0.description", "Age"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "requestParameters.0.location",
                documented: "requestParameters.0.position",
                reason: "the table calls the position `position`",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.description",
                documented: "requestParameters.0.desc",
                reason: "the table calls the description `desc`",
            },
            ParamFix::Rename {
                printed: "serviceParameters.0.location",
                documented: "serviceParameters.0.position",
                reason: "the table calls the position `position`",
            },
            ParamFix::Rename {
                printed: "serviceParameters.0.relevantRequestParameterIn",
                documented: "serviceParameters.0.relevantRequestParameterPosition",
                reason: "the table calls it `relevantRequestParameterPosition`",
            },
            ParamFix::Drop {
                printed: "serviceParameters.0.defaultValue",
                reason: "the table documents no default value for backend parameters",
            },
            ParamFix::Rename {
                printed: "serviceParameters.0.description",
                documented: "serviceParameters.0.desc",
                reason: "the table calls the description `desc`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// ModifyApi: Point an API at a mock backend.
pub const MODIFY_API_MOCK: DocExample = DocExample {
    action: "ModifyApi",
    title: "Point an API at a mock backend",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiId", "api-XX"),
            ("apiDescription", "myTestApi"),
            ("requestConfig.path", "/path"),
            ("requestConfig.method", "GET"),
            ("requestConfig.protocol", "Http"),
            ("requestParameters.0.name", "age"),
            ("requestParameters.0.location", "head"),
            ("requestParameters.0.type", "Int"),
            ("requestParameters.0.defaultValue", "18"),
            ("requestParameters.0.required", "REQUIRED"),
            ("requestParameters.0.description", "Age"),
            ("serviceType", "MOCK"),
            ("serviceTimeout", "60"),
            ("serviceMockReturnMessage", "Returned message from MOCK"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "apiDescription",
                documented: "apiDesc",
                reason: "the table calls the description `apiDesc`",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.location",
                documented: "requestParameters.0.position",
                reason: "the table calls the position `position`",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.description",
                documented: "requestParameters.0.desc",
                reason: "the table calls the description `desc`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// ModifyApi: Point an API at a cloud function.
pub const MODIFY_API_SCF: DocExample = DocExample {
    action: "ModifyApi",
    title: "Point an API at a cloud function",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiId", "api-XX"),
            ("apiDescription", "myTestApi"),
            ("requestConfig.path", "/path"),
            ("requestConfig.method", "GET"),
            ("requestConfig.protocol", "Http"),
            ("requestParameters.0.name", "age"),
            ("requestParameters.0.location", "head"),
            ("requestParameters.0.type", "Int"),
            ("requestParameters.0.defaultValue", "18"),
            ("requestParameters.0.required", "REQUIRED"),
            ("requestParameters.0.description", "Age"),
            ("serviceType", "SCF"),
            ("serviceTimeout", "60"),
            ("serviceScfFunctionName", "myScfFunction"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "apiDescription",
                documented: "apiDesc",
                reason: "the table calls the description `apiDesc`",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.location",
                documented: "requestParameters.0.position",
                reason: "the table calls the position `position`",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.description",
                documented: "requestParameters.0.desc",
                reason: "the table calls the description `desc`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// DeleteApi: Delete an API.
pub const DELETE_API: DocExample = DocExample {
    action: "DeleteApi",
    title: "Delete an API",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX"), ("apiId", "api-xx")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// DescribeApi: Read an API with an HTTP backend.
pub const DESCRIBE_API_HTTP: DocExample = DocExample {
    action: "DescribeApi",
    title: "Read an API with an HTTP backend",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX"), ("apiId", "api-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test",
"serviceDesc":"testDesc",
"apiId":api-XX,
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"myHTTPTestApi",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"requestConfig":{
"path":"/path",
"method":"GET",
},
"requestParameters":[
{
"name":"age",
"in":"HEADER",
"type":"Int",
"defaultValue":18,
"required:True,
"desc:"Age"
}
],
"serviceType":HTTP,
"serviceTimeout":60,
"serviceConfig":{
"url":"cloud.tencent.com",
"path":"/path",
"method":"GET"
},
"serviceParameters":[
{
"name":"age",
"in":"HEADER",
"relevantRequestParameterName":"age",
"relevantRequestParameterIn":"HEADER",
"defaultValue":18,
"desc":"Age"
}
],
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test",
"serviceDesc":"testDesc",
"apiId":"api-XX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"myHTTPTestApi",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"requestConfig":{
"path":"/path",
"method":"GET"
},
"requestParameters":[
{
"name":"age",
"in":"HEADER",
"type":"Int",
"defaultValue":18,
"required":"True",
"desc":"Age"
}
],
"serviceType":"HTTP",
"serviceTimeout":60,
"serviceConfig":{
"url":"cloud.tencent.com",
"path":"/path",
"method":"GET"
},
"serviceParameters":[
{
"name":"age",
"in":"HEADER",
"relevantRequestParameterName":"age",
"relevantRequestParameterIn":"HEADER",
"defaultValue":18,
"desc":"Age"
}
]
}"#,
};

/// DescribeApi: Read an API with a mock backend.
pub const DESCRIBE_API_MOCK: DocExample = DocExample {
    action: "DescribeApi",
    title: "Read an API with a mock backend",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX"), ("apiId", "api-XXX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test",
"serviceDesc":"testDescription",
"apiId":api-XXX,
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"myMockTestApi"
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"requestConfig":{
"path":"/path",
"method":"GET",
},
"requestParameters":[
{
"name":"age",
"in":"HEADER",
"type":"Int",
"defaultValue":18,
"required:"REQUIRED",
"desc:"Age"
}
],
"serviceType":MOCK,
"serviceTimeout":60,
"serviceMockReturnMessage":"Returned message from MOCK",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test",
"serviceDesc":"testDescription",
"apiId":"api-XXX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"myMockTestApi",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"requestConfig":{
"path":"/path",
"method":"GET"
},
"requestParameters":[
{
"name":"age",
"in":"HEADER",
"type":"Int",
"defaultValue":18,
"required":"REQUIRED",
"desc":"Age"
}
],
"serviceType":"MOCK",
"serviceTimeout":60,
"serviceMockReturnMessage":"Returned message from MOCK"
}"#,
};

/// DescribeApi: Read an API with a cloud function backend.
pub const DESCRIBE_API_SCF: DocExample = DocExample {
    action: "DescribeApi",
    title: "Read an API with a cloud function backend",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX"), ("apiId", "api-XXXX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test",
"serviceDesc":"testDescription",
"apiId":api-XXXX,
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"mySCFTestApi",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"requestConfig":{
"path":"/path",
"method":"GET",
},
"requestParameters":[
{
"name":"age",
"in":"HEADER",
"type":"Int",
"defaultValue":18,
"required:"REQUIRED",
"desc:"Age"
}
],
"serviceType":SCF,
"serviceTimeout":60,
"serviceScfFunctionName":"myScfFunction",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test",
"serviceDesc":"testDescription",
"apiId":"api-XXXX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"mySCFTestApi",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"requestConfig":{
"path":"/path",
"method":"GET"
},
"requestParameters":[
{
"name":"age",
"in":"HEADER",
"type":"Int",
"defaultValue":18,
"required":"REQUIRED",
"desc":"Age"
}
],
"serviceType":"SCF",
"serviceTimeout":60,
"serviceScfFunctionName":"myScfFunction"
}"#,
};

/// DescribeApisStatus: List two APIs of a service.
pub const DESCRIBE_APIS_STATUS: DocExample = DocExample {
    action: "DescribeApisStatus",
    title: "List two APIs of a service",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiIds.0", "api-XX"),
            ("apiIds.1", "api-XXX"),
            ("offet", "0"),
            ("limit", "2"),
            ("orderby", "createdTime"),
            ("order", "desc"),
            ("searchKey", "aa"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "offet",
                documented: "offset",
                reason: "misspelling of `offset`",
            },
            ParamFix::Drop {
                printed: "searchKey",
                reason: "no `searchKey` in the table; it has `searchName` (fuzzy) and `searchId` (exact) and the example does not say which is meant",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"totalCount":2,
"apiIdStatusSet":[
{
"apiId":"api-XX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"apiDescription1",
"path":"path1",
"method":"http",
"serviceId":"serviceId-XXX",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"authRequired":"TRUE"
},
{
"apiId":"api-XXX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"apiDescription2",
"path":"path2",
"method":"https",
"serviceId":"serviceId-XXXX",
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
"authRequired":"TRUE"
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"totalCount":2,
"apiIdStatusSet":[
{
"apiId":"api-XX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"apiDescription1",
"path":"path1",
"method":"http",
"serviceId":"serviceId-XXX",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"authRequired":"TRUE"
},
{
"apiId":"api-XXX",
"apiName":"apiXXXX",
"apiType":"NORMAL",
"apiDesc":"apiDescription2",
"path":"path2",
"method":"https",
"serviceId":"serviceId-XXXX",
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
"authRequired":"TRUE"
}
]
}"#,
};

/// RunApi: Debug-call an API.
pub const RUN_API: DocExample = DocExample {
    action: "RunApi",
    title: "Debug-call an API",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiId", "api-XX"),
            (
                "requestHeader",
                "{\"headerKey1\":\"headerValue1\",\"headerKey2\":\"headerValue2\"}",
            ),
            (
                "requestQuery",
                "{\"queryKey1\":\"queryValue1\",\"queryKey2\":\"queryValue2\"}",
            ),
            (
                "requestPath",
                "{\"pathKey1\":\"pathValue1\",\"pathKey2\":\"pathValue2\"}",
            ),
            ("requestMethod", "GET"),
            ("requestBody", "abalabala"),
            ("contentType", "application/json"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"returnHeader":"abcd",
"returnBody":"efgh",
"returnCode":200,
"delay":300,
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"returnHeader":"abcd",
"returnBody":"efgh",
"returnCode":200,
"delay":300
}"#,
};

/// CreateApi: Create an API with an HTTP backend.
pub const CREATE_API_HTTP: DocExample = DocExample {
    action: "CreateApi",
    title: "Create an API with an HTTP backend",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiDesc", "myTestApi"),
            ("requestConfig.path", "/path"),
            ("requestConfig.method", "GET"),
            ("requestParameters.0.name", "age"),
            ("requestParameters.0.position", "HEADER"),
            ("requestParameters.0.type", "Int"),
            ("requestParameters.0.defaultValue", "18"),
            ("requestParameters.0.required", "REQUIRED"),
            ("requestParameters.0.description", "Age"),
            ("serviceType", "Http"),
            ("serviceTimeout", "60"),
            ("serviceConfig.url", "cloud.tencent.com"),
            ("serviceConfig.path", "/path"),
            ("serviceConfig.method", "GET"),
            ("serviceParameters.0.name", "age"),
            ("serviceParameters.0.in", "HEADER"),
            ("serviceParameters.0.relevantRequestParameterName", "age"),
            ("serviceParameters.0.relevantRequestParameterIn", "HEADER"),
            ("serviceParameters.0.defaultValue", "18"),
            ("serviceParameters.0.desc", "Age"),
            ("constantParameters.0.name", "aa"),
            ("constantParameters.0.desc", "aa"),
            ("constantParameters.0.position", "HEADER"),
            ("constantParameters.0.defaultValue", "aa"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "requestParameters.0.description",
                documented: "requestParameters.0.desc",
                reason: "the table calls the description `desc`",
            },
            ParamFix::Rename {
                printed: "serviceParameters.0.in",
                documented: "serviceParameters.0.position",
                reason: "the table calls the position `position`",
            },
            ParamFix::Rename {
                printed: "serviceParameters.0.relevantRequestParameterIn",
                documented: "serviceParameters.0.relevantRequestParameterPosition",
                reason: "the table calls it `relevantRequestParameterPosition`",
            },
            ParamFix::Drop {
                printed: "serviceParameters.0.defaultValue",
                reason: "the table documents no default value for backend parameters",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"apiId":"api-XX",
"path":"/path",
"method":"GET",
"createdTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"apiId":"api-XX",
"path":"/path",
"method":"GET",
"createdTime":"2017-08-07T00:00:00Z"
}"#,
};

/// CreateApi: Create an API with a mock backend.
pub const CREATE_API_MOCK: DocExample = DocExample {
    action: "CreateApi",
    title: "Create an API with a mock backend",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiDescription", "myTestApi"),
            ("requestConfig.path", "/path"),
            ("requestConfig.method", "GET"),
            ("requestConfig.protocol", "Http"),
            ("requestParameters.0.name", "age"),
            ("requestParameters.0.in", "HEADER"),
            ("requestParameters.0.type", "Int"),
            ("requestParameters.0.defaultValue", "18"),
            ("requestParameters.0.required", "REQUIRED"),
            ("requestParameters.0.desc", "Age"),
            ("serviceType", "MOCK"),
            ("serviceTimeout", "60"),
            ("serviceMockReturnMessage", "Returned message from MOCK"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "apiDescription",
                documented: "apiDesc",
                reason: "the table calls the description `apiDesc`",
            },
            ParamFix::Drop {
                printed: "requestConfig.protocol",
                reason: "CreateApi's table has no caller protocol (ModifyApi's does)",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.in",
                documented: "requestParameters.0.position",
                reason: "the table calls the position `position`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"apiId":"api-XXX",
"path":"/path",
"method":"GET",
"createdTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"apiId":"api-XXX",
"path":"/path",
"method":"GET",
"createdTime":"2017-08-07T00:00:00Z"
}"#,
};

/// CreateApi: Create an API with a cloud function backend.
pub const CREATE_API_SCF: DocExample = DocExample {
    action: "CreateApi",
    title: "Create an API with a cloud function backend",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("apiDescription", "myTestApi"),
            ("requestConfig.path", "/path"),
            ("requestConfig.method", "GET"),
            ("requestConfig.protocol", "Http"),
            ("requestParameters.0.name", "age"),
            ("requestParameters.0.in", "HEADER"),
            ("requestParameters.0.type", "Int"),
            ("requestParameters.0.defaultValue", "18"),
            ("requestParameters.0.required", "REQUIRED"),
            ("requestParameters.0.description", "Age"),
            ("serviceType", "SCF"),
            ("serviceTimeout", "60"),
            ("serviceScfFunctionName", "myScfFunction"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "apiDescription",
                documented: "apiDesc",
                reason: "the table calls the description `apiDesc`",
            },
            ParamFix::Drop {
                printed: "requestConfig.protocol",
                reason: "CreateApi's table has no caller protocol (ModifyApi's does)",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.in",
                documented: "requestParameters.0.position",
                reason: "the table calls the position `position`",
            },
            ParamFix::Rename {
                printed: "requestParameters.0.description",
                documented: "requestParameters.0.desc",
                reason: "the table calls the description `desc`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"apiId":"api-XXXX",
"path":"/path",
"method":"GET",
"createdTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"apiId":"api-XXXX",
"path":"/path",
"method":"GET",
"createdTime":"2017-08-07T00:00:00Z"
}"#,
};

/// DescribeApiUsagePlan: List the usage plans bound to the APIs of a service.
pub const DESCRIBE_API_USAGE_PLAN: DocExample = DocExample {
    action: "DescribeApiUsagePlan",
    title: "List the usage plans bound to the APIs of a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"usagePlanList":[
{
"maxRequestNumPreSec": 2000,
"usagePlanId": "usagePlan-0var1p8v",
"modifiedTime": "2018-07-31 20:26:28",
"usagePlanDesc": "test",
"apiId": "api-2yuua008",
"environment": "release",
"serviceId": "service-XX",
"apiName": "sjiofjsdioj",
"createdTime": "2018-07-20 14:09:47",
"path": "/fsodjfsd",
"usagePlanName": "test",
"method": "GET",
"serviceName": "test"
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"usagePlanList":[
{
"maxRequestNumPreSec": 2000,
"usagePlanId": "usagePlan-0var1p8v",
"modifiedTime": "2018-07-31 20:26:28",
"usagePlanDesc": "test",
"apiId": "api-2yuua008",
"environment": "release",
"serviceId": "service-XX",
"apiName": "sjiofjsdioj",
"createdTime": "2018-07-20 14:09:47",
"path": "/fsodjfsd",
"usagePlanName": "test",
"method": "GET",
"serviceName": "test"
}
]
}"#,
};

/// UnReleaseService: Take a service offline.
pub const UN_RELEASE_SERVICE: DocExample = DocExample {
    action: "UnReleaseService",
    title: "Take a service offline",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service=XX"),
            ("environmentName", "Online"),
            ("unReleaseDesc", "Deactivation description"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"unReleaseDesc":"unReleaseDesc"
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"unReleaseDesc":"unReleaseDesc"
}"#,
};

/// ModifyService: Rename a service and switch it to HTTPS.
pub const MODIFY_SERVICE: DocExample = DocExample {
    action: "ModifyService",
    title: "Rename a service and switch it to HTTPS",
    request: ExampleRequest::Params {
        printed: &[
            ("$serviceId", "service-XXXX"),
            ("serviceName", "newTest"),
            ("serviceDesc", "newTestDescription"),
            ("protocol", "https"),
        ],
        fixes: &[ParamFix::Rename {
            printed: "$serviceId",
            documented: "serviceId",
            reason: "printed with `$` for `&`",
        }],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XXXX",
"serviceName":"newTest",
"serviceDesc":"newTestDescription",
"protocol":"https",
"modifiedTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XXXX",
"serviceName":"newTest",
"serviceDesc":"newTestDescription",
"protocol":"https",
"modifiedTime":"2017-08-07T00:00:00Z"
}"#,
};

/// UpdateService: Switch the running version of an environment.
pub const UPDATE_SERVICE: DocExample = DocExample {
    action: "UpdateService",
    title: "Switch the running version of an environment",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XX"),
            ("environmentalName", "release"),
            ("versionName", "xxxxx"),
            ("updateDesc", "updateDesc"),
        ],
        fixes: &[ParamFix::Rename {
            printed: "environmentalName",
            documented: "environmentName",
            reason: "misspelling of `environmentName`",
        }],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"updateDesc":"updateDesc"
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"updateDesc":"updateDesc"
}"#,
};

/// CreateService: Create an HTTP service.
pub const CREATE_SERVICE: DocExample = DocExample {
    action: "CreateService",
    title: "Create an HTTP service",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceName", "test"),
            ("serviceDescription", "testDescription"),
            ("protocol", "http"),
        ],
        fixes: &[ParamFix::Rename {
            printed: "serviceDescription",
            documented: "serviceDesc",
            reason: "the table calls the description `serviceDesc`",
        }],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XXXX",
"serviceName":"test",
"serviceDesc":"desc",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"createdTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XXXX",
"serviceName":"test",
"serviceDesc":"desc",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"createdTime":"2017-08-07T00:00:00Z"
}"#,
};

/// DeleteService: Delete a service.
pub const DELETE_SERVICE: DocExample = DocExample {
    action: "DeleteService",
    title: "Delete a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XXXX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// DeleteServiceSubDomainMapping: Remove the test mapping of a custom domain.
pub const DELETE_SERVICE_SUB_DOMAIN_MAPPING: DocExample = DocExample {
    action: "DeleteServiceSubDomainMapping",
    title: "Remove the test mapping of a custom domain",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XXXX"),
            ("subDomain", "www.qq.com"),
            ("environment", "test"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// ReleaseService: Publish a service.
pub const RELEASE_SERVICE: DocExample = DocExample {
    action: "ReleaseService",
    title: "Publish a service",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service=XX"),
            ("environmentName", "Online"),
            ("releaseDesc", "Publishing description"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"releaseTime":"2017-08-07T00:00:00Z"
"releaseDesc":1234,
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"releaseTime":"2017-08-07T00:00:00Z",
"releaseDesc":1234
}"#,
};

/// ModifySubDomain: Map a custom domain path to the release environment.
pub const MODIFY_SUB_DOMAIN: DocExample = DocExample {
    action: "ModifySubDomain",
    title: "Map a custom domain path to the release environment",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XXXX"),
            ("subDomain", "testSubDomain"),
            ("isDefaultMapping", "FALSE"),
            ("pathMapping.0.path", "/test"),
            ("pathMapping.0.environment", "release"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "pathMapping.0.path",
                documented: "pathMappingSet.0.path",
                reason: "the table names the list `pathMappingSet`",
            },
            ParamFix::Rename {
                printed: "pathMapping.0.environment",
                documented: "pathMappingSet.0.environment",
                reason: "the table names the list `pathMappingSet`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// BindSubDomain: Bind a custom domain with a custom path mapping.
pub const BIND_SUB_DOMAIN: DocExample = DocExample {
    action: "BindSubDomain",
    title: "Bind a custom domain with a custom path mapping",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XXXX"),
            ("subDomain", "testSubDomain"),
            ("certificate", "testcertificate"),
            ("pathMapping.0.path", "/test"),
            ("pathMapping.0.environment", "release"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "certificate",
                documented: "certificateId",
                reason: "the table calls it `certificateId`",
            },
            ParamFix::Rename {
                printed: "pathMapping.0.path",
                documented: "pathMappingSet.0.path",
                reason: "the table names the list `pathMappingSet`",
            },
            ParamFix::Rename {
                printed: "pathMapping.0.environment",
                documented: "pathMappingSet.0.environment",
                reason: "the table names the list `pathMappingSet`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// UnBindSubDomain: Unbind a custom domain.
pub const UN_BIND_SUB_DOMAIN: DocExample = DocExample {
    action: "UnBindSubDomain",
    title: "Unbind a custom domain",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-XXXX"),
            ("subDomain", "testSubDomain"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// DescribeServiceUsagePlan: List the usage plans bound to a service.
pub const DESCRIBE_SERVICE_USAGE_PLAN: DocExample = DocExample {
    action: "DescribeServiceUsagePlan",
    title: "List the usage plans bound to a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"usagePlanList":[
{
"usagePlanId":"usagePlan-XX",
"usagePlanName":"usagePlanName1",
"usagePlanDesc":"usagePlanDesc1",
"environment":"Pre",
"maxRequestNumPreSec":100,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"inUseRequestNum": 0,
"maxRequestNum": -1
},
{
"usagePlanId":"usagePlan-XXX",
"usagePlanName":"usagePlanName2",
"usagePlanDesc":"usagePlanDesc2",
"environment":"Test",
"maxRequestNumPreSec":100,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"inUseRequestNum": 10,
"maxRequestNum": 100
},
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"usagePlanList":[
{
"usagePlanId":"usagePlan-XX",
"usagePlanName":"usagePlanName1",
"usagePlanDesc":"usagePlanDesc1",
"environment":"Pre",
"maxRequestNumPreSec":100,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"inUseRequestNum": 0,
"maxRequestNum": -1
},
{
"usagePlanId":"usagePlan-XXX",
"usagePlanName":"usagePlanName2",
"usagePlanDesc":"usagePlanDesc2",
"environment":"Test",
"maxRequestNumPreSec":100,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"inUseRequestNum": 10,
"maxRequestNum": 100
}
]
}"#,
};

/// DescribeServicesStatus: List two services.
pub const DESCRIBE_SERVICES_STATUS: DocExample = DocExample {
    action: "DescribeServicesStatus",
    title: "List two services",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceIds.0", "service-XX"),
            ("serviceIds.1", "service-XXXX"),
            ("offset", "0"),
            ("limit", "2"),
            ("orderby", "createdTime"),
            ("order", "desc"),
            ("searchKey", "aa"),
        ],
        fixes: &[ParamFix::Drop {
            printed: "searchKey",
            reason: "no `searchKey` in the table; it has `searchName` (fuzzy) and `searchId` (exact) and the example does not say which is meant",
        }],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"serviceStatusSet":[
{
"serviceId":"service-XX",
"serviceName":"test1",
"serviceDescription":"test1",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"protocol":"http",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"availableEnvironments":[
"Pre",
"release"
],
},
{
"serviceId":"service-XXXX",
"serviceName":"test2",
"serviceDescription":"test2",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"protocol":"https",
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
"availableEnvironments":[
"Test",
"Pre"
],
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"serviceStatusSet":[
{
"serviceId":"service-XX",
"serviceName":"test1",
"serviceDescription":"test1",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"protocol":"http",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"availableEnvironments":[
"Pre",
"release"
]
},
{
"serviceId":"service-XXXX",
"serviceName":"test2",
"serviceDescription":"test2",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"protocol":"https",
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
"availableEnvironments":[
"Test",
"Pre"
]
}
]
}"#,
};

/// DescribeServiceReleaseVersion: List the published versions of a service.
pub const DESCRIBE_SERVICE_RELEASE_VERSION: DocExample = DocExample {
    action: "DescribeServiceReleaseVersion",
    title: "List the published versions of a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"versionList":[
{
"versionName":"version-20170904xx",
"versionDesc":"desc",
"environments":
[
"test",
"prepub"
],
"createTime":"2017-09-27 00:00::00"
},
{
"versionName":"version-20170905xx",
"versionDesc":"desc",
"environments":
[
"release",
],
createTime":"2017-09-27 00:00::00"
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"versionList":[
{
"versionName":"version-20170904xx",
"versionDesc":"desc",
"environments":
[
"test",
"prepub"
],
"createTime":"2017-09-27 00:00::00"
},
{
"versionName":"version-20170905xx",
"versionDesc":"desc",
"environments":
[
"release"
],
"createTime":"2017-09-27 00:00::00"
}
]
}"#,
};

/// DescribeServiceEnvironmentList: List the environments of a service.
pub const DESCRIBE_SERVICE_ENVIRONMENT_LIST: DocExample = DocExample {
    action: "DescribeServiceEnvironmentList",
    title: "List the environments of a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"environmentList":[
{
"environmentName":"test",
"url":"hahah.ap-guangzhou.1251000011.tencentyunapi.com/test",
"status":0,
"verisonName":""
},
{
"environmentName":"pre",
"url":"hahah.ap-guangzhou.1251000011.tencentyunapi.com/pre",
"status":1,
"verisonName":"version-20170904xx"
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"environmentList":[
{
"environmentName":"test",
"url":"hahah.ap-guangzhou.1251000011.tencentyunapi.com/test",
"status":0,
"verisonName":""
},
{
"environmentName":"pre",
"url":"hahah.ap-guangzhou.1251000011.tencentyunapi.com/pre",
"status":1,
"verisonName":"version-20170904xx"
}
]
}"#,
};

/// DescribeServiceEnvironmentReleaseHistory: List the releases to the test environment.
pub const DESCRIBE_SERVICE_ENVIRONMENT_RELEASE_HISTORY: DocExample = DocExample {
    action: "DescribeServiceEnvironmentReleaseHistory",
    title: "List the releases to the test environment",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX"), ("environmentName", "test")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"versionList":[
{
"versionName":"version-20170904xx",
"versionDesc":"Desc1",
"releaseTime":"2017-06-08_21:53",
},
{
"versionName":"version-20170905xx",
"versionDesc":"Desc2",
"releaseTime":"2017-06-08_21:54",
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"versionList":[
{
"versionName":"version-20170904xx",
"versionDesc":"Desc1",
"releaseTime":"2017-06-08_21:53"
},
{
"versionName":"version-20170905xx",
"versionDesc":"Desc2",
"releaseTime":"2017-06-08_21:54"
}
]
}"#,
};

/// DescribeService: Read a service.
pub const DESCRIBE_SERVICE: DocExample = DocExample {
    action: "DescribeService",
    title: "Read a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test1",
"serviceDesc:"test1",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"protocol":"http",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"availableEnvironments":[
"Pre",
"release"
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"serviceId":"service-XX",
"serviceName":"test1",
"serviceDesc":"test1",
"subDomain":"523e8dc7bbe04613b5b1d726c2a7889d-apigateway.ap-guangzhou.qcloud.com",
"protocol":"http",
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"availableEnvironments":[
"Pre",
"release"
]
}"#,
};

/// DescribeServiceSubDomains: List the custom domains of a service (the example sends Action=DescribeSubDomain).
pub const DESCRIBE_SERVICE_SUB_DOMAINS: DocExample = DocExample {
    action: "DescribeServiceSubDomains",
    title: "List the custom domains of a service (the example sends Action=DescribeSubDomain)",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XXXX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"domainSet":[
{
"domainName":"domain1",
"status":"True",
"certificateId":XXXX,
},
{
"domainName":"domain2",
"status":"Flase",
"certificateId":XXXX,
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"domainSet":[
{
"domainName":"domain1",
"status":"True",
"certificateId":"XXXX"
},
{
"domainName":"domain2",
"status":"Flase",
"certificateId":"XXXX"
}
]
}"#,
};

/// DescribeServiceSubDomainMappings: Read the path mappings of a custom domain.
pub const DESCRIBE_SERVICE_SUB_DOMAIN_MAPPINGS: DocExample = DocExample {
    action: "DescribeServiceSubDomainMappings",
    title: "Read the path mappings of a custom domain",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XXXX"), ("subDomain", "www.qq.com")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"isDefaultMapping":"FALSE",
"pathMapping":[
{
"path":"/path1",
"environment":"release",
},
{
"path":"/path2",
"environment":"test",
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"isDefaultMapping":"FALSE",
"pathMapping":[
{
"path":"/path1",
"environment":"release"
},
{
"path":"/path2",
"environment":"test"
}
]
}"#,
};

/// CreateApiKey: Create a key pair.
pub const CREATE_API_KEY: DocExample = DocExample {
    action: "CreateApiKey",
    title: "Create a key pair",
    request: ExampleRequest::Params {
        printed: &[("secretName", "myTest")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"secretName":"myTest",
"secretId":"AKIDXXXXWKipDlK",
"secretKey":"adasfdasffa",
"createdTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"secretName":"myTest",
"secretId":"AKIDXXXXWKipDlK",
"secretKey":"adasfdasffa",
"createdTime":"2017-08-07T00:00:00Z"
}"#,
};

/// DeleteApiKey: Delete a key pair.
pub const DELETE_API_KEY: DocExample = DocExample {
    action: "DeleteApiKey",
    title: "Delete a key pair",
    request: ExampleRequest::Params {
        printed: &[("secretId", "AKIDXXXXWKipDlK")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// EnableApiKey: Enable a key pair.
pub const ENABLE_API_KEY: DocExample = DocExample {
    action: "EnableApiKey",
    title: "Enable a key pair",
    request: ExampleRequest::Params {
        printed: &[("secretId", "AKIDXXXXWKipDlK")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// UpdateApiKey: Replace the secret of a key pair.
pub const UPDATE_API_KEY: DocExample = DocExample {
    action: "UpdateApiKey",
    title: "Replace the secret of a key pair",
    request: ExampleRequest::Params {
        printed: &[("secretId", "AKIDXXXXWKipDlK")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"secretId":"AKIDXXXXWKipDlK",
"secretKey":"adasfdasffa",
"modifiedTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"secretId":"AKIDXXXXWKipDlK",
"secretKey":"adasfdasffa",
"modifiedTime":"2017-08-07T00:00:00Z"
}"#,
};

/// DescribeApiKeysStatus: List two key pairs.
pub const DESCRIBE_API_KEYS_STATUS: DocExample = DocExample {
    action: "DescribeApiKeysStatus",
    title: "List two key pairs",
    request: ExampleRequest::Params {
        printed: &[
            ("secretIds.0", "AKIDXXXXWKipDlK"),
            ("secretIds.1", "AKIDXXXXAVd3EuW"),
            ("offet", "0"),
            ("limit", "2"),
            ("orderby", "createdTime"),
            ("order", "desc"),
            ("searchKey", "aa"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "offet",
                documented: "offset",
                reason: "misspelling of `offset`",
            },
            ParamFix::Drop {
                printed: "searchKey",
                reason: "no `searchKey` in the table; it has `searchName` (fuzzy) and `searchId` (exact) and the example does not say which is meant",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"apiKeyStatusSet":[
{
"secretId":"AKIDXXXXWKipDlK",
"secretName":"myTest",
"status":1,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
},
{
"secretId":"AKIDXXXXAVd3EuW",
"secretName":"myTest1",
"status":0,
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"apiKeyStatusSet":[
{
"secretId":"AKIDXXXXWKipDlK",
"secretName":"myTest",
"status":1,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z"
},
{
"secretId":"AKIDXXXXAVd3EuW",
"secretName":"myTest1",
"status":0,
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z"
}
]
}"#,
};

/// DescribeApiKey: Read a key pair with its secret.
pub const DESCRIBE_API_KEY: DocExample = DocExample {
    action: "DescribeApiKey",
    title: "Read a key pair with its secret",
    request: ExampleRequest::Params {
        printed: &[("secretId", "AKIDXXXXWKipDlK")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"secretId":"AKIDXXXXWKipDlK",
"secretKey":"asdkXXXXKOlhKn",
"secretName":"mytest",
"status":1,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"secretId":"AKIDXXXXWKipDlK",
"secretKey":"asdkXXXXKOlhKn",
"secretName":"mytest",
"status":1,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z"
}"#,
};

/// DisableApiKey: Disable a key pair.
pub const DISABLE_API_KEY: DocExample = DocExample {
    action: "DisableApiKey",
    title: "Disable a key pair",
    request: ExampleRequest::Params {
        printed: &[("secretId", "AKIDXXXXWKipDlK")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// UnBindEnvironment: Unbind two usage plans from a service environment.
pub const UN_BIND_ENVIRONMENT_SERVICE: DocExample = DocExample {
    action: "UnBindEnvironment",
    title: "Unbind two usage plans from a service environment",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId.0", "usagePlan-XX"),
            ("usagePlanId.1", "usagePlan-XXX"),
            ("serviceId", "sevice-XX"),
            ("environment", "test"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "usagePlanId.0",
                documented: "usagePlanIds.0",
                reason: "the table names the list `usagePlanIds`",
            },
            ParamFix::Rename {
                printed: "usagePlanId.1",
                documented: "usagePlanIds.1",
                reason: "the table names the list `usagePlanIds`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// UnBindEnvironment: Unbind two usage plans from an API.
pub const UN_BIND_ENVIRONMENT_API: DocExample = DocExample {
    action: "UnBindEnvironment",
    title: "Unbind two usage plans from an API",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId.0", "usagePlan-XX"),
            ("usagePlanId.1", "usagePlan-XXX"),
            ("serviceId", "sevice-XX"),
            ("apiIds.0", "api-2yuua008"),
            ("bindType", "API"),
            ("environment", "test"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "usagePlanId.0",
                documented: "usagePlanIds.0",
                reason: "the table names the list `usagePlanIds`",
            },
            ParamFix::Rename {
                printed: "usagePlanId.1",
                documented: "usagePlanIds.1",
                reason: "the table names the list `usagePlanIds`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// BindSecretIds: Bind two keys to a usage plan.
pub const BIND_SECRET_IDS: DocExample = DocExample {
    action: "BindSecretIds",
    title: "Bind two keys to a usage plan",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId", "usagePlan-XX"),
            ("secretIds.0", "AKIDXXXXXXwEdsADQ"),
            ("secretIds.1", "AKIDXXXXXXjkIjdDE"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// UnBindSecretIds: Unbind two keys from a usage plan.
pub const UN_BIND_SECRET_IDS: DocExample = DocExample {
    action: "UnBindSecretIds",
    title: "Unbind two keys from a usage plan",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId", "usagePlan-XX"),
            ("secretIds.0", "AKIDXXXXXXwEdsADQ"),
            ("secretIds.1", "AKIDXXXXXXjkIjdDE"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// ModifyUsagePlan: Rename a usage plan and change its rate limit.
pub const MODIFY_USAGE_PLAN: DocExample = DocExample {
    action: "ModifyUsagePlan",
    title: "Rename a usage plan and change its rate limit",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId", "usagePlan-XX"),
            ("usagePlanName", "newusagePlanName"),
            ("usagePlanDesc", "newUsagePlanDescription"),
            ("maxRequestNumPreSec", "1000"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"usagePlanId":"usagePlan-XX",
"usagePlanName":"newusagePlanName",
"usagePlanDesc":"newUsagePlanDescription",
"maxRequestNumPreSec":1000,
"modifiedTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"usagePlanId":"usagePlan-XX",
"usagePlanName":"newusagePlanName",
"usagePlanDesc":"newUsagePlanDescription",
"maxRequestNumPreSec":1000,
"modifiedTime":"2017-08-07T00:00:00Z"
}"#,
};

/// CreateUsagePlan: Create a usage plan of 100 requests per second.
pub const CREATE_USAGE_PLAN: DocExample = DocExample {
    action: "CreateUsagePlan",
    title: "Create a usage plan of 100 requests per second",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanName", "test"),
            ("usagePlanDesc", "testDesc"),
            ("maxRequestNumPreSec", "100"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"usagePlanId":"usagePlan-XX",
"usagePlanName":"name",
"usagePlanDesc":"desc",
"createdTime":"2017-08-07T00:00:00Z",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"usagePlanId":"usagePlan-XX",
"usagePlanName":"name",
"usagePlanDesc":"desc",
"createdTime":"2017-08-07T00:00:00Z"
}"#,
};

/// DeleteUsagePlan: Delete a usage plan.
pub const DELETE_USAGE_PLAN: DocExample = DocExample {
    action: "DeleteUsagePlan",
    title: "Delete a usage plan",
    request: ExampleRequest::Params {
        printed: &[("usagePlanId", "usagePlan-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// DescribeUsagePlansStatus: List two usage plans.
pub const DESCRIBE_USAGE_PLANS_STATUS: DocExample = DocExample {
    action: "DescribeUsagePlansStatus",
    title: "List two usage plans",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanIds.0", "usagePlan-XX"),
            ("usagePlanIds.1", "usagePlan-XXXX"),
            ("offset", "0"),
            ("limit", "2"),
            ("orderby", "createdTime"),
            ("order", "desc"),
            ("searchKey", "aa"),
            ("filter.notServiceId", "service-6qdpttk"),
            ("filter.environment", "Test"),
        ],
        fixes: &[
            ParamFix::Drop {
                printed: "searchKey",
                reason: "no `searchKey` in the table; it has `searchName` (fuzzy) and `searchId` (exact) and the example does not say which is meant",
            },
            ParamFix::Drop {
                printed: "filter.notServiceId",
                reason: "no `filter` parameters in the table",
            },
            ParamFix::Drop {
                printed: "filter.environment",
                reason: "no `filter` parameters in the table",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"usagePlanStatusSet":[
{
"usagePlanId":"usagePlan-XX",
"usagePlanName":"test1",
"usagePlanDescription":"test1",
"maxRequestNumPreSec":500,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"maxRequestNum": -1
},
{
"usagePlanId":"usagePlan-XXXX",
"usagePlanName":"test2",
"usagePlanDescription":"test2",
"maxRequestNumPreSec":500,
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
"maxRequestNum": 100
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"usagePlanStatusSet":[
{
"usagePlanId":"usagePlan-XX",
"usagePlanName":"test1",
"usagePlanDescription":"test1",
"maxRequestNumPreSec":500,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"maxRequestNum": -1
},
{
"usagePlanId":"usagePlan-XXXX",
"usagePlanName":"test2",
"usagePlanDescription":"test2",
"maxRequestNumPreSec":500,
"createdTime":"2017-08-07T00:10:00Z",
"modifiedTime":"2017-08-07T00:10:00Z",
"maxRequestNum": 100
}
]
}"#,
};

/// DescribeUsagePlanSecretIds: List the keys bound to a usage plan.
pub const DESCRIBE_USAGE_PLAN_SECRET_IDS: DocExample = DocExample {
    action: "DescribeUsagePlanSecretIds",
    title: "List the keys bound to a usage plan",
    request: ExampleRequest::Params {
        printed: &[("usagePlanId", "usagePlan-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2
"secretIdList":[
{
"secretName":"hwpwolmy",
"secretId":"AKIDckpbbu0uogyngvbjuhn3z1mbqfy1db7h2cs9",
"status":1
},
{
"secretName":"8jsuxt2i",
"secretId":"AKIDFD3ZD5rq48TQKH61Lh6l37m0w507rD3h79z",
"status":0
}
]
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"secretIdList":[
{
"secretName":"hwpwolmy",
"secretId":"AKIDckpbbu0uogyngvbjuhn3z1mbqfy1db7h2cs9",
"status":1
},
{
"secretName":"8jsuxt2i",
"secretId":"AKIDFD3ZD5rq48TQKH61Lh6l37m0w507rD3h79z",
"status":0
}
]
}"#,
};

/// DescribeUsagePlanEnvironments: List the environments a usage plan is bound to.
pub const DESCRIBE_USAGE_PLAN_ENVIRONMENTS: DocExample = DocExample {
    action: "DescribeUsagePlanEnvironments",
    title: "List the environments a usage plan is bound to",
    request: ExampleRequest::Params {
        printed: &[("usagePlanId", "usagePlan-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"environmentList":[
{
"seviceId":"sevice-XX",
"serviceName":"xxx",
"environmentName":"Test",
"inUseRequestNum": 0,
"maxRequestNum": -1
},
{
"seviceId":"sevice-XXXX",
"serviceName":"xxx",
"environmentName":"release",
"inUseRequestNum": 10,
"maxRequestNum": 100
}
],
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"totalCount":2,
"environmentList":[
{
"seviceId":"sevice-XX",
"serviceName":"xxx",
"environmentName":"Test",
"inUseRequestNum": 0,
"maxRequestNum": -1
},
{
"seviceId":"sevice-XXXX",
"serviceName":"xxx",
"environmentName":"release",
"inUseRequestNum": 10,
"maxRequestNum": 100
}
]
}"#,
};

/// DescribeUsagePlan: Read a usage plan.
pub const DESCRIBE_USAGE_PLAN: DocExample = DocExample {
    action: "DescribeUsagePlan",
    title: "Read a usage plan",
    request: ExampleRequest::Params {
        printed: &[("usagePlanId", "usagePlan-XX")],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"usagePlanId":"usagePlan-XX",
"usagePlanName":"test1",
"usagePlanDesc":"test1",
"maxRequestNumPreSec":500,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"bindSecretIdTotalCount":2,
"bindSecretIds":[
"AKIDXXXXXwdeqDFaw",
"AKIDXXXXXkoihMAlS",
],
"bindEnvironmentTotalCount":2,
"bindEnvironments":[
{
"seviceId":"sevice-XX",
"environmentName":"Test",
},
{
"seviceId":"sevice-XXXX",
"environmentName":"release"
}
],
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"usagePlanId":"usagePlan-XX",
"usagePlanName":"test1",
"usagePlanDesc":"test1",
"maxRequestNumPreSec":500,
"createdTime":"2017-08-07T00:00:00Z",
"modifiedTime":"2017-08-07T00:00:00Z",
"bindSecretIdTotalCount":2,
"bindSecretIds":[
"AKIDXXXXXwdeqDFaw",
"AKIDXXXXXkoihMAlS"
],
"bindEnvironmentTotalCount":2,
"bindEnvironments":[
{
"seviceId":"sevice-XX",
"environmentName":"Test"
},
{
"seviceId":"sevice-XXXX",
"environmentName":"release"
}
]
}"#,
};

/// BindEnvironment: Bind two usage plans to a service environment.
pub const BIND_ENVIRONMENT_SERVICE: DocExample = DocExample {
    action: "BindEnvironment",
    title: "Bind two usage plans to a service environment",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId.0", "usagePlan-XX"),
            ("usagePlanId.1", "usagePlan-XXX"),
            ("serviceId", "sevice-XX"),
            ("bindEnvironment", "test"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "usagePlanId.0",
                documented: "usagePlanIds.0",
                reason: "the table names the list `usagePlanIds`",
            },
            ParamFix::Rename {
                printed: "usagePlanId.1",
                documented: "usagePlanIds.1",
                reason: "the table names the list `usagePlanIds`",
            },
            ParamFix::Rename {
                printed: "bindEnvironment",
                documented: "environment",
                reason: "the table calls the environment `environment`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// BindEnvironment: Bind two usage plans to an API.
pub const BIND_ENVIRONMENT_API: DocExample = DocExample {
    action: "BindEnvironment",
    title: "Bind two usage plans to an API",
    request: ExampleRequest::Params {
        printed: &[
            ("usagePlanId.0", "usagePlan-XX"),
            ("usagePlanId.1", "usagePlan-XXX"),
            ("serviceId", "sevice-XX"),
            ("bindType", "API"),
            ("apiIds.0", "api-2yuua008"),
            ("bindEnvironment", "test"),
        ],
        fixes: &[
            ParamFix::Rename {
                printed: "usagePlanId.0",
                documented: "usagePlanIds.0",
                reason: "the table names the list `usagePlanIds`",
            },
            ParamFix::Rename {
                printed: "usagePlanId.1",
                documented: "usagePlanIds.1",
                reason: "the table names the list `usagePlanIds`",
            },
            ParamFix::Rename {
                printed: "bindEnvironment",
                documented: "environment",
                reason: "the table calls the environment `environment`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// DemoteServiceUsagePlan: Demote the usage plan binding of a service.
pub const DEMOTE_SERVICE_USAGE_PLAN: DocExample = DocExample {
    action: "DemoteServiceUsagePlan",
    title: "Demote the usage plan binding of a service",
    request: ExampleRequest::Params {
        printed: &[("serviceId", "service-XX")],
        fixes: &[
            ParamFix::Missing {
                documented: "environment",
                reason: "the example sends only `serviceId`",
            },
            ParamFix::Missing {
                documented: "usagePlanId",
                reason: "the example sends only `serviceId`",
            },
        ],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success"
}"#,
};

/// GenerateApiDocument: Generate the Python SDK of a service.
pub const GENERATE_API_DOCUMENT: DocExample = DocExample {
    action: "GenerateApiDocument",
    title: "Generate the Python SDK of a service",
    request: ExampleRequest::Params {
        printed: &[
            ("serviceId", "service-xxxx"),
            ("language", "python"),
            ("environment", "release"),
        ],
        fixes: &[],
    },
    response_as_printed: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"documentURL":"http://api-document-1253970226.cosgz.myqcloud.com/service-xxxx.zip",
"sdkURL":"http://api-sdk-python-1253970226.cosgz.myqcloud.com/service-xxxx.zip",
}"#,
    response: r#"{
"code":"0",
"message":"",
"codeDesc":"Success",
"documentURL":"http://api-document-1253970226.cosgz.myqcloud.com/service-xxxx.zip",
"sdkURL":"http://api-sdk-python-1253970226.cosgz.myqcloud.com/service-xxxx.zip"
}"#,
};

/// Every example of the guide, in its order.
pub const ALL: &[DocExample] = &[
    MODIFY_API_HTTP,
    MODIFY_API_MOCK,
    MODIFY_API_SCF,
    DELETE_API,
    DESCRIBE_API_HTTP,
    DESCRIBE_API_MOCK,
    DESCRIBE_API_SCF,
    DESCRIBE_APIS_STATUS,
    RUN_API,
    CREATE_API_HTTP,
    CREATE_API_MOCK,
    CREATE_API_SCF,
    DESCRIBE_API_USAGE_PLAN,
    UN_RELEASE_SERVICE,
    MODIFY_SERVICE,
    UPDATE_SERVICE,
    CREATE_SERVICE,
    DELETE_SERVICE,
    DELETE_SERVICE_SUB_DOMAIN_MAPPING,
    RELEASE_SERVICE,
    MODIFY_SUB_DOMAIN,
    BIND_SUB_DOMAIN,
    UN_BIND_SUB_DOMAIN,
    DESCRIBE_SERVICE_USAGE_PLAN,
    DESCRIBE_SERVICES_STATUS,
    DESCRIBE_SERVICE_RELEASE_VERSION,
    DESCRIBE_SERVICE_ENVIRONMENT_LIST,
    DESCRIBE_SERVICE_ENVIRONMENT_RELEASE_HISTORY,
    DESCRIBE_SERVICE,
    DESCRIBE_SERVICE_SUB_DOMAINS,
    DESCRIBE_SERVICE_SUB_DOMAIN_MAPPINGS,
    CREATE_API_KEY,
    DELETE_API_KEY,
    ENABLE_API_KEY,
    UPDATE_API_KEY,
    DESCRIBE_API_KEYS_STATUS,
    DESCRIBE_API_KEY,
    DISABLE_API_KEY,
    UN_BIND_ENVIRONMENT_SERVICE,
    UN_BIND_ENVIRONMENT_API,
    BIND_SECRET_IDS,
    UN_BIND_SECRET_IDS,
    MODIFY_USAGE_PLAN,
    CREATE_USAGE_PLAN,
    DELETE_USAGE_PLAN,
    DESCRIBE_USAGE_PLANS_STATUS,
    DESCRIBE_USAGE_PLAN_SECRET_IDS,
    DESCRIBE_USAGE_PLAN_ENVIRONMENTS,
    DESCRIBE_USAGE_PLAN,
    BIND_ENVIRONMENT_SERVICE,
    BIND_ENVIRONMENT_API,
    DEMOTE_SERVICE_USAGE_PLAN,
    GENERATE_API_DOCUMENT,
];
