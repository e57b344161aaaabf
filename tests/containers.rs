//! Every delivery container is recognised from its content and yields its records.

mod common;

use common::{data, event_where, events, load, load_data, reasons};
use qtrail::model::Provider;

#[test]
fn s3_records_file_pretty_compact_and_gzipped() {
    for file in [
        "aws-cloudtrail-processing-library/SerializerTestFile.json",
        "aws-cloudtrail-processing-library/SerializerTestFileCompact.json",
        "aws-cloudtrail-processing-library/SerializerTestFileCompact.json.gz",
    ] {
        let index = load_data(&[file]);
        assert_eq!(index.len(), 6, "{file}");
        assert!(index.rejects().is_empty(), "{file}: {:?}", reasons(&index));
    }
}

#[test]
fn lookup_events_output_with_epoch_and_iso_event_times() {
    let index = load_data(&[
        "containers/lookup-events-cli-v1.json",
        "containers/lookup-events-cli-v2.json",
    ]);
    let all = events(&index);
    assert_eq!(all.len(), 3);
    let cancel = event_where(&all, "action", "braket:CancelJob");
    assert_eq!(cancel["time"], "2026-03-03T10:00:00.000Z");
    assert_eq!(
        cancel["raw"]["EventName"], "CancelJob",
        "the original is the Events entry"
    );
    // The v2 entry's CloudTrailEvent has no eventTime: the entry's ISO EventTime is used.
    let v2 = event_where(&all, "event_id", "1c000000-0003-4a55-8d1e-5a0f1c2b3c03");
    assert_eq!(v2["time"], "2026-03-03T10:00:02.500Z");
}

#[test]
fn eventbridge_envelope_holds_a_record_and_service_events_are_rejects() {
    let index = load_data(&["containers/eventbridge.ndjson"]);
    let all = events(&index);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["action"], "braket:CreateQuantumTask");
    assert_eq!(all[0]["raw"]["detail-type"], "AWS API Call via CloudTrail");
    let rejects = index.rejects();
    assert_eq!(rejects.len(), 1);
    assert_eq!(rejects[0].line, Some(2));
    assert!(
        rejects[0]
            .reason
            .to_string()
            .contains("Braket Task State Change")
    );
}

#[test]
fn shipper_lines_with_timestamp_blank_lines_and_cloudwatch_messages() {
    let index = load_data(&["containers/shipped.ndjson"]);
    let all = events(&index);
    assert_eq!(all.len(), 2, "{:?}", reasons(&index));
    let logstash = event_where(&all, "action", "braket:GetQuantumTask");
    assert_eq!(
        logstash["time"], "2026-03-04T14:00:00.000Z",
        "@timestamp stands in for eventTime"
    );
    assert!(index.rejects().is_empty(), "a blank line is not a record");
}

#[test]
fn top_level_array_and_concatenated_values() {
    let index = load_data(&["containers/array.json", "containers/concatenated.json"]);
    let actions: Vec<String> = events(&index)
        .iter()
        .map(|e| e["action"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        actions,
        [
            "braket:TagResource",
            "braket:UntagResource",
            "braket:ListTagsForResource",
            "braket:SearchJobs"
        ]
    );
}

#[test]
fn records_array_with_missing_commas_still_loads() {
    // A real SIEM re-export: records inside "Records" not separated by commas.
    let index = load_data(&["stratus-red-team/aws.execution.ec2-user-data.json"]);
    assert_eq!(index.len(), 3, "{:?}", reasons(&index));
    assert!(index.rejects().is_empty());
}

#[test]
fn cadf_lines_arrays_and_payload_envelope() {
    let index = load_data(&["cadf/qiskit-runtime.ndjson"]);
    let all = events(&index);
    assert_eq!(all.len(), 6);
    assert!(all.iter().all(|e| e["provider"] == "cadf"));
    let enveloped = event_where(&all, "action", "quantum-computing.program.read");
    assert!(
        enveloped["raw"]["meta"].is_object(),
        "the original is the whole envelope"
    );
    let array = load_data(&["cadf/qiskit-runtime-array.json"]);
    assert_eq!(
        array.len(),
        2,
        "the id-less event appears twice in the array"
    );
    assert_eq!(array.duplicates(), 1);
}

#[test]
fn mixed_folder_is_one_timeline() {
    let index = load(&[data("braket"), data("cadf"), data("containers")]);
    assert_eq!(index.count_provider(Provider::CloudTrail), 18);
    assert_eq!(index.count_provider(Provider::Cadf), 7);
    let times: Vec<i64> = index
        .order()
        .iter()
        .map(|&id| index.row(id).time_ms)
        .collect();
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "time order across files and providers"
    );
    let first = index.row(index.order()[0]);
    assert_eq!(
        first.provider,
        Provider::CloudTrail,
        "GetDevice at 08:59:50 comes first"
    );
}
