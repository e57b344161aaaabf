//! The normalisation rules of the event model, one by one.

mod common;

use common::{event_where, events, load_data};
use serde_json::json;

#[test]
fn cloudtrail_identity_rules() {
    let all = events(&load_data(&["braket/quantum-tasks.ndjson"]));
    let by_action = |a: &str| event_where(&all, "action", a)["identity"].clone();
    assert_eq!(
        by_action("braket:CreateQuantumTask"),
        "arn:aws:iam::111122223333:user/ana"
    );
    assert_eq!(
        by_action("braket:GetQuantumTask"),
        "arn:aws:sts::111122223333:assumed-role/QuantumResearch/ana@example.org"
    );
    assert_eq!(
        by_action("braket:SearchDevices"),
        "braket.amazonaws.com",
        "AWSService: invokedBy"
    );
    assert_eq!(
        by_action("braket:CreateJob"),
        "AssumedRole:AROAEXAMPLEJOB000001:braket-job-7",
        "no arn: type:principalId"
    );
    assert_eq!(
        by_action("signin:ConsoleLogin"),
        "arn:aws:iam::111122223333:root"
    );
}

#[test]
fn cloudtrail_fields() {
    let all = events(&load_data(&["braket/quantum-tasks.ndjson"]));
    let create = event_where(&all, "action", "braket:CreateQuantumTask");
    assert_eq!(create["provider"], "cloudtrail");
    assert_eq!(create["service"], "braket");
    assert_eq!(create["outcome"], "success");
    assert_eq!(create["error"], json!(null));
    assert_eq!(create["source_ip"], "198.51.100.23");
    assert_eq!(create["region"], "us-east-1");
    assert_eq!(create["account"], "111122223333");
    assert_eq!(create["identity_type"], "IAMUser");
    assert_eq!(
        create["request_id"],
        "req-0b7e2c1a-0001-4a55-8d1e-5a0f1c2b3c01"
    );
    assert_eq!(create["event_id"], "0b7e2c1a-0001-4a55-8d1e-5a0f1c2b3c01");
    assert_eq!(create["time"], "2026-03-02T09:00:05.000Z");
    assert_eq!(
        create["targets"],
        json!([
            "arn:aws:braket:us-east-1:111122223333:quantum-task/6b1f6a6e-0c1e-4d44-9b3e-3f2c2a1c0001"
        ])
    );
    assert!(
        create["user_agent"]
            .as_str()
            .is_some_and(|ua| ua.contains("amazon-braket-sdk"))
    );
}

#[test]
fn cloudtrail_outcome_rules() {
    let all = events(&load_data(&["braket/quantum-tasks.ndjson"]));
    let cancel = event_where(&all, "action", "braket:CancelQuantumTask");
    assert_eq!(
        (cancel["outcome"].clone(), cancel["error"].clone()),
        (json!("failure"), json!("ValidationException"))
    );
    let device = event_where(&all, "action", "braket:GetDevice");
    assert_eq!(device["error"], "404", "an HTTP status as errorCode");
    // Failed console sign-ins carry no errorCode.
    let login = event_where(&all, "action", "signin:ConsoleLogin");
    assert_eq!(login["outcome"], "failure");
    assert_eq!(login["error"], "Failed authentication");
}

#[test]
fn cloudtrail_without_amazonaws_suffix_and_odd_identities() {
    let all = events(&load_data(&[
        "aws-cloudtrail-processing-library/SerializerTestFile.json",
    ]));
    let first = event_where(&all, "action", "eventSource1:eventName1");
    assert_eq!(first["identity"], "userIdentityArn1");
    assert_eq!(first["identity_type"], "userIdentityType1");
    let various = events(&load_data(&[
        "aws-cloudtrail-processing-library/SerializerVariousUserIdentityTestFile.json",
    ]));
    assert_eq!(various.len(), 1);
}

#[test]
fn wrong_types_are_read_leniently() {
    let all = events(&load_data(&["hostile/wrong-types.ndjson"]));
    let string_identity = event_where(&all, "event_id", "7c000000-0002-4a55-8d1e-5a0f1c2b3c02");
    assert_eq!(
        string_identity["identity"], "Unknown",
        "userIdentity as a string"
    );
    assert_eq!(
        string_identity["source_ip"], "12345",
        "a number read as text"
    );
    assert_eq!(
        string_identity["outcome"], "success",
        "errorCode null is no error"
    );
    let object_name = event_where(&all, "event_id", "7c000000-0003-4a55-8d1e-5a0f1c2b3c03");
    assert_eq!(
        object_name["action"], "braket:unknown",
        "eventName as an object"
    );
}

#[test]
fn cadf_fields_and_type_drift() {
    let all = events(&load_data(&["cadf/qiskit-runtime.ndjson"]));
    let create = event_where(&all, "action", "quantum-computing.job.create");
    assert_eq!(create["identity"], "IBMid-6900055ABC");
    assert_eq!(create["identity_type"], "service/security/account/user");
    assert_eq!(create["service"], "quantum-computing");
    assert_eq!(create["outcome"], "success");
    assert_eq!(create["source_ip"], "192.0.2.10");
    assert_eq!(create["region"], "eu-de");
    assert_eq!(create["account"], "b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6");
    assert_eq!(create["request_id"], "corr-a0000001");
    assert_eq!(create["time"], "2026-03-02T10:15:30.420Z");
    assert_eq!(
        create["targets"],
        json!([
            "crn:v1:bluemix:public:quantum-computing:eu-de:a/b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6:7a1b2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b::"
        ])
    );
    let read = event_where(&all, "action", "quantum-computing.job.read");
    assert_eq!(read["time"], "2026-03-02T10:16:00.000Z", "+00:00 offset");
    let cancel = event_where(&all, "action", "quantum-computing.job.cancel");
    assert_eq!(
        (cancel["outcome"].clone(), cancel["error"].clone()),
        (json!("failure"), json!("Forbidden"))
    );
    assert_eq!(cancel["source_ip"], "203.0.113.200");
    let delete = event_where(&all, "action", "quantum-computing.job.delete");
    assert_eq!(
        delete["time"], "2026-03-02T09:18:00.123Z",
        "+01:00 converted to UTC"
    );
}
