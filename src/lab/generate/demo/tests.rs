//! What the README's walkthrough promises about the demo trail.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use chrono::DateTime;
use flate2::read::GzDecoder;
use serde_json::Value;

use super::cast::OPS_ROLE_NAME;
use super::cast::{CAMPUS, IBM_INSTANCE, PIPELINE_IP};
use super::incidents::{HOSTILE_UA, KEY_THIEF_IP, KEY_THIEF_UA, ROOT_IP, SESSION_THIEF_IP};
use super::{SPAN, START, at, write_demo};

const PIPELINE_ID: &str = "iam-ServiceId-7c1e4b2a-5d3f-4e6a-9b8c-1f2e3d4c5b6a";

fn demo() -> Vec<u8> {
    let mut out = Vec::new();
    let written = write_demo(&mut out).expect("writing to memory");
    let lines = std::str::from_utf8(&out).expect("UTF-8").lines().count();
    assert_eq!(usize::try_from(written), Ok(lines));
    out
}

fn records() -> Vec<Value> {
    demo()
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("every line is one JSON document"))
        .collect()
}

fn text<'a>(r: &'a Value, pointer: &str) -> &'a str {
    r.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn is_cadf(r: &Value) -> bool {
    r.get("initiator").is_some()
}

/// Unix seconds of either format's `eventTime`.
fn seconds(r: &Value) -> i64 {
    let time = text(r, "/eventTime");
    let parsed = if is_cadf(r) {
        DateTime::parse_from_str(time, "%Y-%m-%dT%H:%M:%S%.f%z")
    } else {
        DateTime::parse_from_rfc3339(time)
    };
    parsed.unwrap_or_else(|e| panic!("{time}: {e}")).timestamp()
}

#[test]
fn demo_is_deterministic() {
    assert_eq!(demo(), demo());
}

#[test]
fn asset_matches_the_generator() {
    let mut asset = Vec::new();
    GzDecoder::new(
        &include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/demo.ndjson.gz"
        ))[..],
    )
    .read_to_end(&mut asset)
    .expect("the asset is gzip");
    assert!(
        asset == demo(),
        "assets/demo.ndjson.gz is stale: regenerate it with `cargo run --release -p qtrail-lab -- demo` (assets/DEMO.md)"
    );
}

#[test]
fn records_are_many_unique_in_time_and_mostly_ordered() {
    let all = records();
    assert!(
        (3_000..=5_000).contains(&all.len()),
        "{} records",
        all.len()
    );
    let ids: HashSet<&str> = all
        .iter()
        .map(|r| {
            if is_cadf(r) {
                text(r, "/id")
            } else {
                text(r, "/eventID")
            }
        })
        .collect();
    assert_eq!(ids.len(), all.len(), "every record has its own id");
    let times: Vec<i64> = all.iter().map(seconds).collect();
    assert!(times.iter().all(|&t| (START..START + SPAN).contains(&t)));
    let late = times.windows(2).filter(|w| w[1] < w[0]).count();
    assert!(
        (1..all.len() / 50).contains(&late),
        "{late} records out of order"
    );
    let cadf = all.iter().filter(|r| is_cadf(r)).count();
    assert!(
        cadf * 5 > all.len() && cadf * 2 < all.len(),
        "{cadf} CADF events"
    );
}

#[test]
fn cloudtrail_records_have_the_real_shape() {
    const FIELDS: [&str; 15] = [
        "eventVersion",
        "userIdentity",
        "eventTime",
        "eventSource",
        "eventName",
        "awsRegion",
        "sourceIPAddress",
        "userAgent",
        "requestParameters",
        "responseElements",
        "eventID",
        "readOnly",
        "eventType",
        "recipientAccountId",
        "eventCategory",
    ];
    for r in records().iter().filter(|r| !is_cadf(r)) {
        assert!(FIELDS.iter().all(|f| r.get(f).is_some()), "{r}");
        assert_eq!(r["recipientAccountId"], "111122223333");
        if r["userIdentity"]["type"] == "AssumedRole" {
            let issuer = text(r, "/userIdentity/sessionContext/sessionIssuer/arn");
            assert!(issuer.starts_with("arn:aws:iam::111122223333:role/"), "{r}");
        }
        if r["eventType"] == "AwsApiCall" {
            assert!(r.get("requestID").is_some() && r.get("managementEvent").is_some());
        }
    }
}

#[test]
fn cadf_events_have_ibm_shape() {
    for r in records().iter().filter(|r| is_cadf(r)) {
        assert!(text(r, "/action").starts_with("quantum-computing."), "{r}");
        assert_eq!(text(r, "/logSourceCRN"), IBM_INSTANCE);
        assert!(text(r, "/target/id").starts_with(IBM_INSTANCE.trim_end_matches(':')));
        assert!(text(r, "/message").contains(text(r, "/target/name")));
        assert_eq!(r["observer"]["name"], "ActivityTracker");
        assert_eq!(r["dataEvent"], true);
        let critical = r["severity"] == "critical";
        assert_eq!(critical, r["reason"]["reasonCode"] == 403, "{r}");
        assert_eq!(
            text(r, "/eventTime").len(),
            "2026-03-04T02:11:05.42+0000".len()
        );
    }
}

/// Which identity created each Qiskit Runtime job.
fn job_owners(all: &[Value]) -> HashMap<&str, &str> {
    all.iter()
        .filter(|r| r["action"] == "quantum-computing.job.create" && r["outcome"] == "success")
        .map(|r| (text(r, "/target/name"), text(r, "/initiator/id")))
        .collect()
}

/// Requests made with the pipeline's key from anywhere but its CI runner.
fn stolen_key_requests(all: &[Value]) -> Vec<&Value> {
    let stolen: Vec<&Value> = all
        .iter()
        .filter(|r| is_cadf(r) && text(r, "/initiator/id") == PIPELINE_ID)
        .filter(|r| text(r, "/initiator/host/address") != PIPELINE_IP)
        .collect();
    let window = at(2, 2, 10, 0)..at(2, 2, 40, 0);
    for r in &stolen {
        assert_eq!(text(r, "/initiator/host/address"), KEY_THIEF_IP);
        assert_eq!(text(r, "/initiator/host/agent"), KEY_THIEF_UA);
        assert!(window.contains(&seconds(r)), "{r}");
    }
    stolen
}

#[test]
fn pipeline_key_from_a_new_address_sabotages_other_peoples_jobs() {
    let all = records();
    let owners = job_owners(&all);
    let stolen = stolen_key_requests(&all);
    let reads = stolen
        .iter()
        .filter(|r| r["action"] == "quantum-computing.program.read");
    assert!(reads.count() >= 20);
    let sabotage: Vec<&Value> = stolen
        .into_iter()
        .filter(|r| {
            [".cancel", ".delete"]
                .iter()
                .any(|v| text(r, "/action").ends_with(v))
        })
        .collect();
    assert!(
        sabotage.len() >= 8,
        "{} cancels and deletes",
        sabotage.len()
    );
    let mut victims = HashSet::new();
    for r in &sabotage {
        let job = text(r, "/target/name");
        let owner = owners.get(job).copied();
        assert!(
            owner.is_some_and(|o| o != PIPELINE_ID),
            "not another user's job: {r}"
        );
        assert!(text(r, "/target/id").ends_with(job) && text(r, "/message").contains(job));
        victims.extend(owner);
    }
    assert!(victims.len() >= 2, "both researchers lose jobs");
    let refused = sabotage.iter().filter(|r| r["reason"]["reasonCode"] == 403);
    assert!((2..sabotage.len()).contains(&refused.count()));
}

#[test]
fn one_role_is_denied_thirty_times_within_five_minutes() {
    let all = records();
    let mut denied: HashMap<&str, Vec<(i64, &str)>> = HashMap::new();
    for r in all
        .iter()
        .filter(|r| text(r, "/errorCode").starts_with("AccessDenied"))
    {
        let call = (seconds(r), text(r, "/sourceIPAddress"));
        denied
            .entry(text(r, "/userIdentity/arn"))
            .or_default()
            .push(call);
    }
    let (arn, burst) = denied
        .iter_mut()
        .map(|(arn, calls)| {
            calls.sort_unstable();
            let burst = (0..calls.len())
                .map(|i| &calls[i..][..calls[i..].partition_point(|c| c.0 - calls[i].0 < 300)])
                .max_by_key(|window| window.len())
                .unwrap_or_default();
            (*arn, burst)
        })
        .max_by_key(|(_, burst)| burst.len())
        .expect("some calls are denied");
    assert!(
        burst.len() >= 30,
        "{arn}: {} denials in five minutes",
        burst.len()
    );
    assert!(
        arn.contains(":assumed-role/AWSReservedSSO_QuantumResearch_"),
        "{arn}"
    );
    assert!(burst.iter().all(|&(_, ip)| ip == SESSION_THIEF_IP));
}

#[test]
fn root_signs_in_without_mfa_after_a_failure() {
    let all = records();
    let mut logins: Vec<&Value> = all
        .iter()
        .filter(|r| r["eventName"] == "ConsoleLogin" && r["userIdentity"]["type"] == "Root")
        .collect();
    logins.sort_by_key(|r| seconds(r));
    let outcomes: Vec<&str> = logins
        .iter()
        .map(|r| text(r, "/responseElements/ConsoleLogin"))
        .collect();
    assert_eq!(outcomes, ["Failure", "Success"]);
    let failed = logins[0];
    assert_eq!(failed["errorMessage"], "Failed authentication");
    assert!(failed.get("errorCode").is_none());
    for r in &logins {
        assert_eq!(r["eventType"], "AwsConsoleSignIn");
        assert_eq!(r["additionalEventData"]["MFAUsed"], "No");
        assert_eq!(r["sourceIPAddress"], ROOT_IP);
        assert_eq!(r["userIdentity"]["arn"], "arn:aws:iam::111122223333:root");
        assert!((at(2, 0, 0, 0)..at(3, 0, 0, 0)).contains(&seconds(r)));
    }
}

#[test]
fn exactly_one_hostile_user_agent_on_a_braket_call_from_outside() {
    let all = records();
    let hostile: Vec<&Value> = all
        .iter()
        .filter(|r| r["userAgent"] == HOSTILE_UA)
        .collect();
    assert_eq!(hostile.len(), 1);
    assert_eq!(hostile[0]["eventSource"], "braket.amazonaws.com");
    assert_ne!(hostile[0]["sourceIPAddress"], CAMPUS);
    let raw = String::from_utf8(demo()).expect("UTF-8");
    assert_eq!(raw.matches(r"\u001b]0;PWNED\u0007\u001b[2J").count(), 1);
}

#[test]
fn researchers_follow_their_own_braket_tasks() {
    let all = records();
    let braket = |name: &'static str| {
        all.iter()
            .filter(move |r| r["eventSource"] == "braket.amazonaws.com" && r["eventName"] == name)
    };
    let created: HashMap<&str, &str> = braket("CreateQuantumTask")
        .filter(|r| r.get("errorCode").is_none())
        .map(|r| {
            (
                text(r, "/responseElements/quantumTaskArn"),
                text(r, "/userIdentity/arn"),
            )
        })
        .collect();
    assert!(created.len() > 150, "{} tasks", created.len());
    // Everyone but incident 2's escalated session, which reads Carla's task to cancel it.
    let researcher = |r: &&Value| !text(r, "/userIdentity/arn").contains(OPS_ROLE_NAME);
    for r in braket("GetQuantumTask").filter(researcher) {
        let task = text(r, "/requestParameters/quantumTaskArn");
        assert_eq!(
            created.get(task).copied(),
            Some(text(r, "/userIdentity/arn"))
        );
    }
    let devices: HashSet<&str> = braket("CreateQuantumTask")
        .map(|r| {
            text(r, "/requestParameters/deviceArn")
                .rsplit('/')
                .next()
                .unwrap_or_default()
        })
        .collect();
    let expected = ["sv1", "dm1", "tn1", "Aria-1", "Ankaa-3", "Garnet", "Aquila"];
    assert_eq!(devices, HashSet::from(expected));
}

#[test]
fn the_stolen_session_chains_into_the_operators_role_and_cancels_carlas_task() {
    let all = records();
    let assumed: Vec<&Value> = all
        .iter()
        .filter(|r| {
            r["eventName"] == "AssumeRole"
                && text(r, "/requestParameters/roleArn").ends_with(OPS_ROLE_NAME)
        })
        .collect();
    assert_eq!(assumed.len(), 1);
    let assume = assumed[0];
    assert_eq!(text(assume, "/sourceIPAddress"), SESSION_THIEF_IP);
    assert!(text(assume, "/userIdentity/arn").ends_with("/eve@uni.example"));
    let key = text(assume, "/responseElements/credentials/accessKeyId");
    let session = text(assume, "/responseElements/assumedRoleUser/arn");
    let calls: Vec<&Value> = all
        .iter()
        .filter(|r| text(r, "/userIdentity/accessKeyId") == key)
        .collect();
    assert!(
        calls
            .iter()
            .all(|r| text(r, "/userIdentity/arn") == session)
    );
    let cancel = calls
        .iter()
        .find(|r| r["eventName"] == "CancelQuantumTask")
        .expect("the escalated session cancels a task");
    let task = text(cancel, "/requestParameters/quantumTaskArn");
    let creator = all
        .iter()
        .find(|r| {
            r["eventName"] == "CreateQuantumTask"
                && text(r, "/responseElements/quantumTaskArn") == task
        })
        .expect("the task's creation");
    assert!(text(creator, "/userIdentity/arn").ends_with("/carla@uni.example"));
    assert!(seconds(creator) < seconds(assume) && seconds(assume) < seconds(cancel));
}
