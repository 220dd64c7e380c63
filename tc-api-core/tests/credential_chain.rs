//! The default chain end to end: environment -> profile file -> tccli -> CVM role ->
//! TKE OIDC, with loopback stand-ins of the metadata service and of STS, and every
//! step's answer kept when none is configured.

mod client_support;
mod credential_support;

use std::ffi::OsString;
use std::time::{Duration, Instant};

use client_support::{Reply, TestServer};
use credential_support::*;
use tc_api_core::client::Client;
use tc_api_core::credential::{
    CredentialError, CvmRoleProblem, CvmRoleProvider, DefaultChain, ENV_METADATA_DISABLED,
    ENV_SECRET_ID, ENV_SECRET_KEY, ENV_TKE_PROVIDER_ID, ENV_TKE_REGION, ENV_TKE_ROLE_ARN,
    ENV_TKE_WEB_IDENTITY_TOKEN_FILE, Environment, ProvideCredential, ValueProblem,
};

const FILE_KEY: &str = "file-secret-key-CHAIN-Lp0Oi9";

/// A home directory, variables, and the two stand-ins, assembled into a default chain.
struct Setup {
    home: TempDir,
    vars: Vec<(String, OsString)>,
    metadata: TestServer,
    sts: TestServer,
}

impl Setup {
    async fn new() -> Setup {
        let home = TempDir::new();
        let vars = vec![
            ("HOME".to_owned(), home.path().as_os_str().to_owned()),
            ("USERPROFILE".to_owned(), home.path().as_os_str().to_owned()),
        ];
        let metadata = TestServer::start().await;
        metadata.set_verify(false);
        let sts = TestServer::start().await;
        sts.set_verify(false);
        Setup {
            home,
            vars,
            metadata,
            sts,
        }
    }

    fn var(&mut self, name: &str, value: impl Into<OsString>) -> &mut Self {
        self.vars.push((name.to_owned(), value.into()));
        self
    }

    fn environment(&mut self) -> &mut Self {
        self.var(ENV_SECRET_ID, "AKIDfromenv")
            .var(ENV_SECRET_KEY, "env-secret-key")
    }

    fn profile_file(&mut self) -> &mut Self {
        self.home.write(
            ".tencentcloud/credentials",
            format!("[default]\nsecret_id = AKIDfromprofile\nsecret_key = {FILE_KEY}\n"),
        );
        self
    }

    fn tccli_file(&mut self, contents: &str) -> &mut Self {
        self.home.write(".tccli/default.credential", contents);
        self
    }

    fn tccli_keys(&mut self) -> &mut Self {
        self.tccli_file(&format!(
            r#"{{"secretId": "AKIDfromtccli", "secretKey": "{FILE_KEY}"}}"#
        ))
    }

    /// The metadata service knows a role with keys `n`.
    fn cvm_role(&mut self, n: usize) -> &mut Self {
        self.metadata.script([
            Reply::json("chain-role"),
            Reply::json(metadata_document(n, T0 + 3600)),
        ]);
        self
    }

    /// The metadata service says no role is bound.
    fn no_cvm_role(&mut self) -> &mut Self {
        self.metadata.script([Reply::status(404, "")]);
        self
    }

    fn tke(&mut self, n: usize) -> &mut Self {
        let token = self.home.write("tke/token", "tke.jwt.token");
        self.var(ENV_TKE_REGION, "ap-guangzhou")
            .var(ENV_TKE_PROVIDER_ID, "tke-provider")
            .var(ENV_TKE_WEB_IDENTITY_TOKEN_FILE, token.into_os_string())
            .var(ENV_TKE_ROLE_ARN, "qcs::cam::uin/1:roleName/pod");
        self.sts.script([Reply::json(format!(
            r#"{{"Response":{{"Credentials":{{"Token":"{TMP_TOKEN}","TmpSecretId":"{}","TmpSecretKey":"{TMP_KEY}"}},"ExpiredTime":{},"RequestId":"tke-1"}}}}"#,
            tmp_id(n),
            T0 + 3600
        ))]);
        self
    }

    fn chain(&self) -> DefaultChain {
        DefaultChain::with_environment(Environment::from_vars(self.vars.clone()))
            .cvm_role(
                CvmRoleProvider::with_base_url(&format!(
                    "{}/latest/meta-data/",
                    self.metadata.url()
                ))
                .unwrap(),
            )
            .sts_client(Client::builder().endpoint(self.sts.url()).no_env_proxy())
    }

    async fn provide(&self) -> Result<tc_api_core::Credential, CredentialError> {
        self.chain().provide().await
    }
}

#[tokio::test]
async fn environment_comes_first() {
    let mut setup = Setup::new().await;
    setup
        .environment()
        .profile_file()
        .tccli_keys()
        .cvm_role(1)
        .tke(2);
    assert_eq!(setup.provide().await.unwrap().secret_id(), "AKIDfromenv");
    assert_eq!((setup.metadata.count(), setup.sts.count()), (0, 0));
}

#[tokio::test]
async fn then_the_profile_file() {
    let mut setup = Setup::new().await;
    setup.profile_file().tccli_keys().cvm_role(1).tke(2);
    assert_eq!(
        setup.provide().await.unwrap().secret_id(),
        "AKIDfromprofile"
    );
    assert_eq!((setup.metadata.count(), setup.sts.count()), (0, 0));
}

#[tokio::test]
async fn then_tccli() {
    let mut setup = Setup::new().await;
    setup.tccli_keys().cvm_role(1).tke(2);
    let credential = setup.provide().await.unwrap();
    assert_eq!(credential.secret_id(), "AKIDfromtccli");
    assert_eq!(credential.secret_key(), FILE_KEY);
    assert_eq!((setup.metadata.count(), setup.sts.count()), (0, 0));
}

#[tokio::test]
async fn then_the_cvm_role() {
    let mut setup = Setup::new().await;
    setup.cvm_role(1).tke(2);
    assert_temporary(&setup.provide().await.unwrap(), 1, T0 + 3600);
    assert_eq!((setup.metadata.count(), setup.sts.count()), (2, 0));
}

#[tokio::test]
async fn a_tccli_profile_of_type_cvm_role_uses_the_cvm_role() {
    let mut setup = Setup::new().await;
    setup.tccli_file(r#"{"type": "cvm-role"}"#).cvm_role(1);
    assert_temporary(&setup.provide().await.unwrap(), 1, T0 + 3600);
}

#[tokio::test]
async fn then_tke_oidc() {
    let mut setup = Setup::new().await;
    setup.no_cvm_role().tke(2);
    assert_temporary(&setup.provide().await.unwrap(), 2, T0 + 3600);
    assert_eq!((setup.metadata.count(), setup.sts.count()), (1, 1));
    assert_eq!(
        setup.sts.requests()[0].header("authorization"),
        Some("SKIP")
    );
}

#[tokio::test]
async fn nothing_configured_lists_every_step_in_order() {
    let mut setup = Setup::new().await;
    setup.no_cvm_role();
    let started = Instant::now();
    let err = setup.provide().await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let CredentialError::NoCredential { attempts } = &err else {
        panic!("expected NoCredential, got {err:?}");
    };
    let steps: Vec<&str> = attempts.iter().map(|a| a.step.as_ref()).collect();
    assert_eq!(
        steps,
        ["environment", "profile", "tccli", "cvm-role", "tke-oidc"]
    );
    assert!(attempts.iter().all(|a| a.error.is_not_configured()));
    let text = err.to_string();
    for needle in [
        ENV_SECRET_ID,
        ".tencentcloud",
        ".tccli",
        "404",
        ENV_TKE_ROLE_ARN,
    ] {
        assert!(text.contains(needle), "{needle} missing from: {text}");
    }
}

#[tokio::test]
async fn not_being_on_a_cvm_costs_no_more_than_a_refused_connection() {
    let mut setup = Setup::new().await;
    setup.tke(1);
    // Nothing listens where the metadata service would be.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/latest/meta-data/",
        listener.local_addr().unwrap()
    );
    drop(listener);
    let chain = setup
        .chain()
        .cvm_role(CvmRoleProvider::with_base_url(&url).unwrap());
    let started = Instant::now();
    assert_temporary(&chain.provide().await.unwrap(), 1, T0 + 3600);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_broken_metadata_answer_stops_the_chain() {
    let mut setup = Setup::new().await;
    setup.tke(2);
    setup
        .metadata
        .script([Reply::json("chain-role"), Reply::status(500, "")]);
    match setup.provide().await.unwrap_err() {
        CredentialError::CvmRole { problem, .. } => {
            assert_eq!(problem, CvmRoleProblem::Status(500))
        }
        other => panic!("expected CvmRole, got {other:?}"),
    }
    assert_eq!(
        setup.sts.count(),
        0,
        "the chain did not fall through to TKE"
    );
}

#[tokio::test]
async fn a_broken_tccli_file_stops_the_chain() {
    let mut setup = Setup::new().await;
    setup
        .tccli_file(&format!(
            "{{\"secretId\": \"AKIDx\", \"secretKey\": \"{FILE_KEY}\""
        ))
        .cvm_role(1);
    let err = setup.provide().await.unwrap_err();
    assert!(
        matches!(err, CredentialError::MalformedTccliFile { .. }),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains(FILE_KEY));
    assert_eq!(setup.metadata.count(), 0);
}

#[tokio::test]
async fn the_metadata_switch_drops_the_cvm_step_from_outside_the_program() {
    let mut setup = Setup::new().await;
    setup.cvm_role(1).var(ENV_METADATA_DISABLED, "true");
    let err = setup.provide().await.unwrap_err();
    assert_eq!(
        setup.metadata.count(),
        0,
        "the metadata address was not asked"
    );
    assert!(
        err.to_string()
            .contains("cvm-role: not configured: switched off by TC_API_METADATA_DISABLED"),
        "{err}"
    );

    let mut setup = Setup::new().await;
    setup.cvm_role(1).var(ENV_METADATA_DISABLED, "false");
    assert_temporary(&setup.provide().await.unwrap(), 1, T0 + 3600);

    let mut setup = Setup::new().await;
    setup.cvm_role(1).tke(2).var(ENV_METADATA_DISABLED, "maybe");
    let err = setup.provide().await.unwrap_err();
    assert!(
        matches!(
            err,
            CredentialError::InvalidEnvVar {
                var: ENV_METADATA_DISABLED,
                problem: ValueProblem::NotABoolean
            }
        ),
        "{err:?}"
    );
    assert_eq!((setup.metadata.count(), setup.sts.count()), (0, 0));
}
