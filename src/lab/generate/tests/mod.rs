//! Properties of generated trails that consumers rely on.

mod realism;
mod tree;

use std::collections::HashSet;

use chrono::{DateTime, NaiveDateTime};
use serde_json::Value;

use super::{GenConfig, write_ndjson};

const REGIONS: [&str; 5] = [
    "us-east-1",
    "us-west-1",
    "us-west-2",
    "eu-west-2",
    "eu-north-1",
];

fn config(events: usize, cadf: u8) -> GenConfig {
    GenConfig {
        cadf_share_percent: cadf,
        ..GenConfig::benchmark(events)
    }
}

fn ndjson(cfg: &GenConfig) -> Vec<u8> {
    let mut out = Vec::new();
    let written = write_ndjson(cfg, &mut out).expect("writing to memory");
    assert_eq!(written, cfg.events as u64);
    out
}

fn records(cfg: &GenConfig) -> Vec<Value> {
    ndjson(cfg)
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("every line is one JSON document"))
        .collect()
}

fn per_mille(part: usize, whole: usize) -> usize {
    part * 1000 / whole.max(1)
}

fn is_cadf(r: &Value) -> bool {
    r.get("initiator").is_some()
}

fn str_of<'a>(r: &'a Value, pointer: &str) -> &'a str {
    r.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} missing in {r}"))
}

/// Unix seconds of a `CloudTrail` or CADF `eventTime`, whichever documented shape it uses.
fn event_seconds(r: &Value) -> i64 {
    let text = str_of(r, "/eventTime");
    if is_cadf(r) {
        DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z")
            .or_else(|_| DateTime::parse_from_rfc3339(text))
            .unwrap_or_else(|e| panic!("CADF time {text}: {e}"))
            .timestamp()
    } else {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ")
            .unwrap_or_else(|e| panic!("CloudTrail time {text}: {e}"))
            .and_utc()
            .timestamp()
    }
}

#[test]
fn same_seed_gives_identical_bytes() {
    let cfg = config(3_000, 20);
    let first = ndjson(&cfg);
    assert_eq!(first, ndjson(&cfg));
    let other = ndjson(&GenConfig { seed: 43, ..cfg });
    assert_ne!(first, other, "the seed must matter");
}

#[test]
fn benchmark_config_matches_the_contract() {
    let cfg = GenConfig::benchmark(10);
    assert_eq!(cfg.seed, 42);
    assert_eq!(cfg.start.to_rfc3339(), "2026-03-01T00:00:00+00:00");
    assert_eq!(cfg.span_secs, 7 * 86_400);
    assert_eq!(cfg.cadf_share_percent, 0);
}

#[test]
fn cloudtrail_records_carry_the_documented_fields() {
    let all = records(&config(20_000, 10));
    let mut event_ids = HashSet::new();
    for r in all.iter().filter(|r| !is_cadf(r)) {
        check_trail_record(r);
        let event_id = str_of(r, "/eventID");
        assert_eq!(event_id.len(), 36);
        assert!(
            event_ids.insert(event_id.to_owned()),
            "duplicate eventID {event_id}"
        );
    }
    assert!(event_ids.len() > 15_000);
}

fn check_trail_record(r: &Value) {
    assert!(matches!(str_of(r, "/eventVersion"), "1.08" | "1.09"), "{r}");
    assert!(str_of(r, "/eventSource").ends_with(".amazonaws.com"));
    assert!(!str_of(r, "/eventName").is_empty());
    assert!(REGIONS.contains(&str_of(r, "/awsRegion")));
    assert!(!str_of(r, "/sourceIPAddress").is_empty() && !str_of(r, "/userAgent").is_empty());
    assert!(r.get("requestParameters").is_some() && r.get("responseElements").is_some());
    assert!(r["readOnly"].is_boolean() && r["managementEvent"].is_boolean());
    assert!(matches!(str_of(r, "/eventCategory"), "Management" | "Data"));
    assert!(matches!(
        str_of(r, "/eventType"),
        "AwsApiCall" | "AwsConsoleSignIn"
    ));
    event_seconds(r);
    let account = str_of(r, "/recipientAccountId");
    assert!(account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()));
    match str_of(r, "/userIdentity/type") {
        "AssumedRole" => check_assumed_role(r, account),
        "IAMUser" => {
            let name = str_of(r, "/userIdentity/userName");
            let arn = format!("arn:aws:iam::{account}:user/{name}");
            assert_eq!(str_of(r, "/userIdentity/arn"), arn);
            assert!(str_of(r, "/userIdentity/principalId").starts_with("AIDA"));
        }
        "AWSService" => assert!(str_of(r, "/userIdentity/invokedBy").ends_with(".amazonaws.com")),
        "Root" => assert_eq!(
            str_of(r, "/userIdentity/arn"),
            format!("arn:aws:iam::{account}:root")
        ),
        other => panic!("unexpected identity type {other}"),
    }
}

fn check_assumed_role(r: &Value, account: &str) {
    let arn = str_of(r, "/userIdentity/arn");
    assert!(
        arn.starts_with(&format!("arn:aws:sts::{account}:assumed-role/")),
        "{arn}"
    );
    let context = &r["userIdentity"]["sessionContext"];
    assert_eq!(str_of(context, "/sessionIssuer/type"), "Role");
    let issuer = str_of(context, "/sessionIssuer/arn");
    assert!(
        issuer.starts_with(&format!("arn:aws:iam::{account}:role/")),
        "{issuer}"
    );
    let role = str_of(context, "/sessionIssuer/userName");
    assert!(arn.contains(&format!("/{role}/")) && issuer.ends_with(role));
    assert!(matches!(
        str_of(context, "/attributes/mfaAuthenticated"),
        "true" | "false"
    ));
    assert!(str_of(context, "/attributes/creationDate").ends_with('Z'));
}

#[test]
fn cadf_events_carry_the_documented_fields() {
    let all = records(&config(10_000, 40));
    let cadf: Vec<&Value> = all.iter().filter(|r| is_cadf(r)).collect();
    assert!(
        (3_000..5_000).contains(&cadf.len()),
        "{} CADF events",
        cadf.len()
    );
    let mut shapes = HashSet::new();
    for r in &cadf {
        check_cadf_event(r);
        let time = str_of(r, "/eventTime");
        shapes.insert(if time.ends_with('Z') {
            'Z'
        } else if time.ends_with("+00:00") {
            ':'
        } else {
            '.'
        });
    }
    assert_eq!(shapes.len(), 3, "all three eventTime shapes appear");
}

fn check_cadf_event(r: &Value) {
    event_seconds(r);
    assert!(str_of(r, "/id").len() == 36 && !str_of(r, "/correlationId").is_empty());
    let outcome = str_of(r, "/outcome");
    assert!(outcome == "success" || outcome == "failure");
    if outcome == "failure" {
        assert!(
            matches!(r["reason"]["reasonCode"].as_u64(), Some(403 | 404 | 409)),
            "{r}"
        );
        assert!(str_of(r, "/message").ends_with("-failure"));
    }
    assert!(str_of(r, "/target/id").starts_with("crn:v1:bluemix:public:"));
    assert_eq!(str_of(r, "/observer/name"), "ActivityTracker");
    assert!(str_of(r, "/logSourceCRN").starts_with("crn:v1:bluemix:public:"));
    assert!(matches!(
        str_of(r, "/severity"),
        "normal" | "warning" | "critical"
    ));
    let id = str_of(r, "/initiator/id");
    assert!(id.starts_with("IBMid-") || id.starts_with("iam-ServiceId-"));
    assert!(matches!(
        str_of(r, "/initiator/credential/type"),
        "user" | "apikey"
    ));
    if str_of(r, "/action").starts_with("quantum-computing.job.") {
        assert_eq!(str_of(r, "/target/typeURI"), "quantum-computing/job");
        assert!(str_of(r, "/requestData/backend").starts_with("ibm_"));
        assert!(str_of(r, "/message").starts_with("Qiskit Runtime: "));
        assert_eq!(r["dataEvent"], Value::Bool(true));
    }
}
