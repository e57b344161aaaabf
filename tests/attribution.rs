//! Who is behind each call: session chains, `actor:`, first sightings and the quantum job
//! lifecycle, on a trail written for these rules (tests/data/attribution): a user's
//! session that assumes a second role (role chaining), a failed `AssumeRole` whose
//! response still names credentials, a session whose start is not in the trail, a SAML
//! sign-in, a session token, Braket tasks and a hybrid job cancelled by someone else, and
//! an IBM service ID created by a user that cancels her Qiskit job.

mod common;

use common::{data, load};
use qtrail::filter::{Filter, evaluate};
use qtrail::index::Index;
use qtrail::source::RawReader;
use serde_json::{Value, json};

const A: &str = "arn:aws:iam::111122223333:user/alice";
const RESEARCHER: &str = "arn:aws:sts::111122223333:assumed-role/Researcher/alice";
const ADMIN: &str = "arn:aws:sts::111122223333:assumed-role/Admin/alice-admin";

fn trail() -> Index {
    load(&[data("attribution")])
}

/// The event ids a filter selects, in time order.
fn ids(index: &Index, filter: &str) -> Vec<String> {
    let filter = Filter::parse(filter, 0).expect("a filter");
    let events = common::events(index);
    evaluate(index, &filter, &mut RawReader::new())
        .iter()
        .map(|&row| {
            let at = index
                .order()
                .iter()
                .position(|&r| r == row)
                .expect("in order");
            events[at]["event_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

fn run_json(command: &str) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_qtrail"))
        .args([command, "--json"])
        .arg(data("attribution"))
        .output()
        .expect("run qtrail");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON document")
}

#[test]
fn actor_follows_every_session_an_identity_started() {
    let index = trail();
    let alice = ids(&index, "actor:user/alice");
    // Her own calls (the failed sign-in carries no ARN, and is hers), those of her
    // Researcher session, and those of the Admin session it assumed.
    let expected = [
        "evt-001", "evt-002", "evt-003", "evt-006", "evt-010", "evt-015", "evt-016", "evt-017",
    ];
    assert_eq!(alice, expected);
    assert_eq!(
        ids(&index, &format!("actor:{A}")),
        expected,
        "the full ARN too"
    );
    assert_eq!(
        ids(&index, &format!("actor:{RESEARCHER}")),
        [
            "evt-002", "evt-003", "evt-006", "evt-010", "evt-016", "evt-017"
        ],
        "a session is the actor of the sessions it started"
    );
    assert_eq!(
        ids(&index, "actor:user/bob"),
        ["evt-004", "evt-005"],
        "a failed AssumeRole starts no session"
    );
    assert_eq!(
        ids(&index, "actor:IBMid-DANA01").len(),
        5,
        "her service ID's calls"
    );
    assert_eq!(ids(&index, "-actor:user/alice").len(), 22 - expected.len());
}

#[test]
fn identity_matches_the_short_name_shown_on_screen() {
    let index = trail();
    assert_eq!(ids(&index, "identity:user/alice"), ["evt-001", "evt-015"]);
    assert_eq!(
        ids(&index, "identity:Admin/alice-admin"),
        ["evt-006", "evt-010"]
    );
}

#[test]
fn first_action_lists_each_identitys_first_use_of_an_action() {
    let index = trail();
    let firsts = ids(&index, "first:action");
    assert_eq!(
        firsts.len(),
        21,
        "all but the second read of t1 by the same session"
    );
    assert!(!firsts.contains(&"evt-017".to_owned()));
    assert_eq!(
        ids(
            &index,
            "first:action since:2026-05-04T10:15:00Z until:2026-05-04T11:00:00Z"
        ),
        ["evt-016"]
    );
    // Each source address an identity is first seen from.
    assert_eq!(
        ids(&index, "first:ip identity:*Admin*"),
        ["evt-006"],
        "one address for the Admin session"
    );
}

#[test]
fn job_matches_every_event_that_touches_a_task_or_job() {
    let index = trail();
    assert_eq!(
        ids(&index, "job:t1"),
        ["evt-002", "evt-007", "evt-014", "evt-016", "evt-017"]
    );
    assert_eq!(
        ids(&index, "job:vqe-eve"),
        ["evt-009", "evt-010", "evt-011"]
    );
    assert_eq!(
        ids(&index, "job:q1").len(),
        4,
        "create, read, cancel, refused delete"
    );
    assert_eq!(
        ids(&index, "requestParameters.shots:1000"),
        ["evt-004"],
        "a JSON path into the original"
    );
}

#[test]
fn chains_json_has_one_entry_per_session() {
    let chains = run_json("chains");
    let entries = chains.as_array().expect("an array");
    let by_key = |key: &str| {
        entries
            .iter()
            .find(|e| e["access_key"] == key)
            .unwrap_or_else(|| panic!("no session {key}: {chains:#}"))
    };
    assert_eq!(
        by_key("ASIAALICE2000000002"),
        &json!({
            "session": ADMIN,
            "access_key": "ASIAALICE2000000002",
            "chain": [A, RESEARCHER, ADMIN],
            "started": "2026-05-04T09:10:00.000Z",
            "events": 2,
            "source_ips": ["203.0.113.9"],
            "source_identity": null,
        })
    );
    assert_eq!(by_key("ASIAALICE1000000001")["source_identity"], "alice");
    assert_eq!(
        by_key("ASIACI00000000000007")["chain"],
        json!(["arn:aws:sts::111122223333:assumed-role/CI/run-7"]),
        "a session whose start is not loaded is its own origin"
    );
    assert_eq!(
        by_key("ASIAEVE0000000000003")["chain"][0],
        "SAMLUser:prov:eve@uni.example"
    );
    assert!(
        entries
            .iter()
            .all(|e| e["access_key"] != "ASIABOBFAILED000001"),
        "the failed AssumeRole started nothing"
    );
    let service = entries
        .iter()
        .find(|e| e["session"] == "iam-ServiceId-77aa")
        .expect("the service ID");
    assert_eq!(
        service["chain"],
        json!(["IBMid-DANA01", "iam-ServiceId-77aa"])
    );
    assert_eq!(service["events"], 3);
    assert_eq!(entries.len(), 6);
}

#[test]
fn jobs_json_tells_each_lifecycle() {
    let jobs = run_json("jobs");
    let job = |id: &str| {
        jobs.as_array()
            .expect("an array")
            .iter()
            .find(|j| j["job"].as_str().is_some_and(|j| j.ends_with(id)))
            .unwrap_or_else(|| panic!("no job {id}: {jobs:#}"))
            .clone()
    };
    let t2 = job("quantum-task/t2");
    assert_eq!(t2["created_by"], "arn:aws:iam::111122223333:user/bob");
    assert_eq!(
        (&t2["ended"], &t2["ended_by"]),
        (&json!("cancelled"), &json!(ADMIN))
    );
    assert_eq!((&t2["shots"], &t2["events"]), (&json!(1000), &json!(2)));
    let t1 = job("quantum-task/t1");
    assert_eq!(t1["ended"], Value::Null);
    assert_eq!(
        t1["device"],
        "arn:aws:braket:::device/quantum-simulator/amazon/sv1"
    );
    let hybrid = job("job/vqe-eve");
    assert_eq!(
        (&hybrid["kind"], &hybrid["ended"]),
        (&json!("hybrid-job"), &json!("cancelled"))
    );
    let q1 = job("q1");
    assert_eq!(
        (&q1["created_by"], &q1["ended"], &q1["ended_by"]),
        (
            &json!("IBMid-DANA01"),
            &json!("cancelled"),
            &json!("iam-ServiceId-77aa")
        ),
        "the refused delete does not end it"
    );
    assert_eq!(q1["actors"], json!(["IBMid-DANA01", "iam-ServiceId-77aa"]));
    assert_eq!(jobs.as_array().map(Vec::len), Some(4));
}

#[test]
fn chains_and_jobs_do_not_depend_on_the_order_events_arrive_in() {
    let text = std::fs::read_to_string(data("attribution/cloudtrail.ndjson")).expect("fixture");
    let reversed: Vec<&str> = text.lines().rev().collect();
    let (_dir, backwards) = common::load_bytes("reversed.ndjson", reversed.join("\n").as_bytes());
    let forwards = load(&[data("attribution/cloudtrail.ndjson")]);
    assert_eq!(
        qtrail::output::chains(&backwards),
        qtrail::output::chains(&forwards)
    );
    assert_eq!(
        qtrail::output::jobs(&backwards),
        qtrail::output::jobs(&forwards)
    );
    assert_eq!(ids(&backwards, "actor:user/alice").len(), 8);
}
