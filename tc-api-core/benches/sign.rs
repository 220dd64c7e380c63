//! Signing cost of one API 3.0 request, side by side in one criterion group:
//!
//! - `a_tc3_full`: TC3 through the public API the client uses (`tc3::authorization`,
//!   which streams the canonical request and string to sign into their hash and MAC),
//!   deriving the signing key;
//! - `b_crypto_floor`: only the SHA-256 hashes and HMACs that (a) computes, with sha2/hmac
//!   on prebuilt strings (canonical request and string to sign built outside the loop);
//! - `c_tc3_cached_key`: TC3 with the signing key from a warm `SigningKeyCache`;
//! - `d_aws_sigv4`: aws-sigv4 signing an equivalent request (same method, URL, signed
//!   headers and body; fixed time; signing parameters built outside the loop);
//! - `e_v1_hmacsha256`: signature v1 (HmacSHA256) of the same parameters;
//! - `f_tc3_intermediates`: (a) through `tc3::sign`, which also keeps the canonical
//!   request, string to sign and signature as strings (for diagnostics; not targeted).
//!
//! The request is `DescribeBatchProduction` as the client sends it: a 59-byte JSON body,
//! `content-type` and `host` signed (as the official SDKs sign them).
//!
//! After criterion's report the targeted ratios are printed twice: from criterion's
//! medians, and from paired rounds (see `support/ratios.rs`). Targets: a/b <= 1.25,
//! c/a <= 0.6, a < d.
//!
//! `cargo bench -p tc-api-core --bench sign`

#[path = "support/ratios.rs"]
mod ratios;

use std::hint::black_box;
use std::time::{Duration, Instant, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningParams, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use criterion::{BatchSize, Criterion};
use hmac::{Hmac, KeyInit, Mac};
use ratios::Contender;
use sha2::{Digest, Sha256};
use tc_api_core::sign::tc3::{self, CanonicalRequest, Payload, SigningKeyCache};
use tc_api_core::sign::v1::{self, V1Algorithm, V1Common};

const GROUP: &str = "sign";
const SERVICE: &str = "iotexplorer";
const HOST: &str = "iotexplorer.tencentcloudapi.com";
const REGION: &str = "ap-guangzhou";
const SECRET_ID: &str = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const SECRET_KEY: &str = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
/// 2023-11-14T22:13:20Z.
const TIMESTAMP: i64 = 1_700_000_000;
/// What the client sends for `DescribeBatchProduction` (the documented example).
const BODY: &[u8] = br#"{"ProductId":"R32ONVL0EU","BatchProductionId":"LC-ya6zinv9"}"#;
/// The headers the client signs for a POST JSON request.
const SIGNED_HEADERS: &[(&str, &str)] = &[("content-type", "application/json"), ("host", HOST)];

const IDS: [&str; 6] = [
    "a_tc3_full",
    "b_crypto_floor",
    "c_tc3_cached_key",
    "d_aws_sigv4",
    "e_v1_hmacsha256",
    "f_tc3_intermediates",
];

/// The signing key of (a) and (f), derived on every call as a client without a cache would.
fn derived_key() -> tc3::SigningKey {
    let date = tc3::utc_date(black_box(TIMESTAMP));
    tc3::derive_signing_key(black_box(SECRET_KEY), &date, SERVICE)
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Everything the five routines share, prepared outside the timed code.
struct Fixture<'a> {
    request: CanonicalRequest<'static>,
    date: String,
    canonical: String,
    string_to_sign: String,
    tc3_secret: String,
    cache: SigningKeyCache,
    aws_params: SigningParams<'a>,
    aws_url: String,
    v1_params: Vec<(String, String)>,
    v1_common: V1Common<'static>,
}

impl<'a> Fixture<'a> {
    fn new(aws_identity: &'a Identity) -> Self {
        let request = CanonicalRequest {
            method: "POST",
            path: "/",
            query: "",
            headers: SIGNED_HEADERS,
            payload: Payload::Bytes(BODY),
        };
        let date = tc3::utc_date(TIMESTAMP);
        let reference = tc3::sign(
            &request,
            SERVICE,
            TIMESTAMP,
            SECRET_ID,
            &tc3::derive_signing_key(SECRET_KEY, &date, SERVICE),
        );
        let cache = SigningKeyCache::new();
        cache.get(SECRET_KEY, &date, SERVICE);
        let aws_time = SystemTime::UNIX_EPOCH + Duration::from_secs(TIMESTAMP as u64);
        let aws_params = v4::SigningParams::builder()
            .identity(aws_identity)
            .region(REGION)
            .name(SERVICE)
            .time(aws_time)
            .settings(SigningSettings::default())
            .build()
            .expect("complete signing params")
            .into();
        let fixture = Fixture {
            request,
            date,
            canonical: reference.canonical_request.clone(),
            string_to_sign: reference.string_to_sign.clone(),
            tc3_secret: format!("TC3{SECRET_KEY}"),
            cache,
            aws_params,
            aws_url: format!("https://{HOST}/"),
            v1_params: vec![
                ("ProductId".to_owned(), "R32ONVL0EU".to_owned()),
                ("BatchProductionId".to_owned(), "LC-ya6zinv9".to_owned()),
            ],
            v1_common: V1Common {
                action: "DescribeBatchProduction",
                version: Some("2019-04-23"),
                region: Some(REGION),
                secret_id: SECRET_ID,
                token: None,
                timestamp: TIMESTAMP,
                nonce: 11886,
                algorithm: V1Algorithm::HmacSha256,
            },
        };
        // The floor computes exactly the digests and MACs of the real signature.
        let (body_hash, canonical_hash, signature) = fixture.floor();
        assert_eq!(hex::encode(signature), reference.signature);
        assert!(
            reference
                .canonical_request
                .ends_with(&hex::encode(body_hash))
        );
        assert!(
            reference
                .string_to_sign
                .ends_with(&hex::encode(canonical_hash))
        );
        assert_eq!(fixture.full(), reference.authorization);
        assert_eq!(fixture.cached(), reference.authorization);
        assert_eq!(fixture.intermediates(), reference);
        fixture
    }

    /// (a)
    fn full(&self) -> String {
        let key = derived_key();
        tc3::authorization(
            black_box(&self.request),
            SERVICE,
            TIMESTAMP,
            SECRET_ID,
            &key,
        )
    }

    /// (b)
    fn floor(&self) -> (impl AsRef<[u8]>, impl AsRef<[u8]>, [u8; 32]) {
        let body_hash = Sha256::digest(black_box(BODY));
        let canonical_hash = Sha256::digest(black_box(self.canonical.as_bytes()));
        let secret_date = hmac_sha256(black_box(self.tc3_secret.as_bytes()), self.date.as_bytes());
        let secret_service = hmac_sha256(&secret_date, SERVICE.as_bytes());
        let signing_key = hmac_sha256(&secret_service, b"tc3_request");
        let signature = hmac_sha256(&signing_key, black_box(self.string_to_sign.as_bytes()));
        (body_hash, canonical_hash, signature)
    }

    /// (c)
    fn cached(&self) -> String {
        let date = tc3::utc_date(black_box(TIMESTAMP));
        let key = self.cache.get(black_box(SECRET_KEY), &date, SERVICE);
        tc3::authorization(
            black_box(&self.request),
            SERVICE,
            TIMESTAMP,
            SECRET_ID,
            &key,
        )
    }

    /// (f)
    fn intermediates(&self) -> tc3::Tc3Signature {
        let key = derived_key();
        tc3::sign(
            black_box(&self.request),
            SERVICE,
            TIMESTAMP,
            SECRET_ID,
            &key,
        )
    }

    /// (d)
    fn aws(&self) -> impl Sized {
        let signable = SignableRequest::new(
            "POST",
            self.aws_url.as_str(),
            SIGNED_HEADERS.iter().copied(),
            SignableBody::Bytes(black_box(BODY)),
        )
        .expect("valid request");
        aws_sigv4::http_request::sign(signable, &self.aws_params)
            .expect("signed")
            .into_parts()
    }

    /// (e); the parameter list is consumed by the signer, so its copy is made by the caller.
    fn v1(&self, params: Vec<(String, String)>) -> Vec<(String, String)> {
        v1::sign_params("POST", HOST, "/", &self.v1_common, params, SECRET_KEY)
    }
}

fn bench_sign(c: &mut Criterion, fixture: &Fixture<'_>) {
    let mut group = c.benchmark_group(GROUP);
    group.bench_function(IDS[0], |b| b.iter(|| fixture.full()));
    group.bench_function(IDS[1], |b| b.iter(|| fixture.floor()));
    group.bench_function(IDS[2], |b| b.iter(|| fixture.cached()));
    group.bench_function(IDS[3], |b| b.iter(|| fixture.aws()));
    group.bench_function(IDS[4], |b| {
        b.iter_batched(
            || fixture.v1_params.clone(),
            |params| fixture.v1(params),
            BatchSize::SmallInput,
        )
    });
    group.bench_function(IDS[5], |b| b.iter(|| fixture.intermediates()));
    group.finish();
}

/// Times `iterations` calls of `f`.
fn timed<R>(iterations: u32, mut f: impl FnMut() -> R) -> Duration {
    let started = Instant::now();
    for _ in 0..iterations {
        black_box(f());
    }
    started.elapsed()
}

/// A targeted ratio: name, numerator and denominator (indices into `IDS`), the target as
/// text, and whether a value meets it.
type Target = (&'static str, usize, usize, &'static str, fn(f64) -> bool);

fn print_ratios(fixture: &Fixture<'_>) {
    println!("\ncriterion medians (ns):");
    let medians: Vec<Option<f64>> = IDS.iter().map(|id| ratios::median_ns(GROUP, id)).collect();
    for (id, median) in IDS.iter().zip(&medians) {
        match median {
            Some(ns) => println!("  {id:<18} {ns:>9.0}"),
            None => println!("  {id:<18} (not run)"),
        }
    }
    let targets: [Target; 3] = [
        ("a/b (full / crypto floor)", 0, 1, "<= 1.25", |r| r <= 1.25),
        ("c/a (cached key / full)", 2, 0, "<= 0.6", |r| r <= 0.6),
        ("a/d (full / aws-sigv4)", 0, 3, "< 1", |r| r < 1.0),
    ];
    println!("ratios of criterion medians:");
    for (name, x, y, target, met) in targets {
        if let (Some(x), Some(y)) = (medians[x], medians[y]) {
            ratios::report(name, x / y, None, target, met(x / y));
        }
    }

    const ROUNDS: usize = 60;
    const ITERATIONS: u32 = 2_000;
    let mut contenders = [
        Contender {
            name: IDS[0],
            run: Box::new(|| timed(ITERATIONS, || fixture.full())),
        },
        Contender {
            name: IDS[1],
            run: Box::new(|| timed(ITERATIONS, || fixture.floor())),
        },
        Contender {
            name: IDS[2],
            run: Box::new(|| timed(ITERATIONS, || fixture.cached())),
        },
        Contender {
            name: IDS[3],
            run: Box::new(|| timed(ITERATIONS, || fixture.aws())),
        },
        Contender {
            name: IDS[4],
            run: Box::new(|| {
                let copies: Vec<_> = (0..ITERATIONS).map(|_| fixture.v1_params.clone()).collect();
                let started = Instant::now();
                for params in copies {
                    black_box(fixture.v1(params));
                }
                started.elapsed()
            }),
        },
        Contender {
            name: IDS[5],
            run: Box::new(|| timed(ITERATIONS, || fixture.intermediates())),
        },
    ];
    let times = ratios::paired_rounds(ROUNDS, &mut contenders);
    println!("paired rounds ({ROUNDS} rounds x {ITERATIONS} calls; ns per call, median and best):");
    for (contender, times) in contenders.iter().zip(&times) {
        let per_call = |d: Duration| d.as_nanos() as f64 / f64::from(ITERATIONS);
        let best = times.iter().min().copied().unwrap_or_default();
        println!(
            "  {:<18} {:>9.0} {:>9.0}",
            contender.name,
            per_call(ratios::median(times)),
            per_call(best)
        );
    }
    println!("ratios of paired rounds:");
    for (name, x, y, target, met) in targets {
        ratios::report_paired(name, &times[x], &times[y], target, met);
    }
}

fn main() {
    let identity = Credentials::new(SECRET_ID, SECRET_KEY, None, None, "bench").into();
    let fixture = Fixture::new(&identity);
    // Modest times: the machine is shared; repeat the whole run to see the spread.
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(60)
        .configure_from_args();
    bench_sign(&mut criterion, &fixture);
    criterion.final_summary();
    if ratios::full_run() {
        print_ratios(&fixture);
    }
}
