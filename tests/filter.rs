//! The filter language, evaluated over a real index of the fixtures.

mod common;

use common::{data, load};
use qtrail::filter::{Filter, evaluate};
use qtrail::index::Index;
use qtrail::model::Column;
use qtrail::source::RawReader;

/// 2026-03-03T00:00:00Z, a fixed "now" for relative ages.
const NOW: i64 = 1_772_496_000_000;

fn fixture() -> Index {
    load(&[
        data("braket"),
        data("cadf"),
        data("containers"),
        data("hostile"),
    ])
}

fn actions(index: &Index, expr: &str) -> Vec<String> {
    let filter = Filter::parse(expr, NOW).expect("valid filter");
    evaluate(index, &filter, &mut RawReader::new())
        .iter()
        .map(|&id| index.text(index.row(id), Column::Action).to_owned())
        .collect()
}

fn count(index: &Index, expr: &str) -> usize {
    actions(index, expr).len()
}

#[test]
fn field_equality_is_whole_value_and_case_insensitive() {
    let index = fixture();
    assert_eq!(
        actions(&index, "action:BRAKET:canceljob"),
        ["braket:CancelJob"]
    );
    assert_eq!(
        actions(&index, "action:CancelJob"),
        ["braket:CancelJob"],
        "the name without its service"
    );
    assert_eq!(
        count(&index, "action:braket:Cancel"),
        0,
        "no prefix match without *"
    );
}

#[test]
fn identity_values_keep_their_colons() {
    let index = fixture();
    let ana = count(&index, "identity:arn:aws:iam::111122223333:user/ana");
    assert_eq!(ana, 15);
    assert_eq!(
        count(
            &index,
            "identity:arn:aws:sts::111122223333:assumed-role/QuantumResearch/*"
        ),
        4
    );
}

#[test]
fn alternatives_wildcards_and_negation() {
    let index = fixture();
    assert_eq!(
        count(
            &index,
            "action:braket:CancelQuantumTask,quantum-computing.job.cancel"
        ),
        2
    );
    assert_eq!(count(&index, "action:*cancel*"), 3);
    let all = count(&index, "");
    assert_eq!(
        count(&index, "-provider:cadf") + count(&index, "provider:cadf"),
        all
    );
    assert_eq!(
        count(&index, "service:quantum-computing -outcome:success"),
        1
    );
}

#[test]
fn every_field_selects() {
    let index = fixture();
    for (expr, expected) in [
        ("service:braket outcome:failure", 3),
        ("outcome:failure", 5),
        ("provider:cadf", 7),
        ("ip:203.0.113.*", 3),
        ("region:us-west-1", 1),
        ("region:eu-de", 7),
        ("account:b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6", 7),
        ("error:404", 1),
        ("ua:qiskit-ibm-runtime/*", 5),
        ("type:AWSService", 1),
        ("type:Root", 1),
        ("type:service/security/account/serviceid", 2),
    ] {
        assert_eq!(count(&index, expr), expected, "{expr}");
    }
}

#[test]
fn ids_match_event_request_and_correlation_ids() {
    let index = fixture();
    assert_eq!(
        actions(&index, "id:0B7E2C1A-0003-4A55-8D1E-5A0F1C2B3C03"),
        ["braket:CancelQuantumTask"]
    );
    assert_eq!(
        actions(&index, "id:req-0b7e2c1a-0004-4a55-8d1e-5a0f1c2b3c04"),
        ["braket:GetDevice"]
    );
    assert_eq!(
        count(&index, "id:corr-a0000001"),
        6,
        "one correlation id shared by six events"
    );
    assert_eq!(
        count(&index, "id:0b7e2c1a-000*"),
        8,
        "wildcards read the records"
    );
}

#[test]
fn time_windows() {
    let index = fixture();
    assert_eq!(count(&index, "since:2026-03-05"), 5);
    assert_eq!(count(&index, "until:2026-03-01"), 0);
    assert_eq!(
        count(&index, "until:2026-03-02"),
        15,
        "until a date includes that day"
    );
    assert_eq!(
        count(
            &index,
            "since:2026-03-02T09:00:00Z until:2026-03-02T09:01:00Z"
        ),
        2
    );
    assert_eq!(count(&index, "since:2026-03-04 until:2026-03-04"), 6);
    assert_eq!(count(&index, "since:1d"), count(&index, "since:2026-03-02"));
}

#[test]
fn bare_words_search_the_original_record() {
    let index = fixture();
    assert_eq!(actions(&index, "Aria-1"), ["braket:CreateQuantumTask"]);
    assert_eq!(
        actions(&index, "\"already in a terminal state\""),
        ["braket:CancelQuantumTask"]
    );
    assert_eq!(count(&index, "ibm_brisbane"), 7);
    assert_eq!(count(&index, "ibm_brisbane -cq1wz7k0ab"), 6);
}

#[test]
fn bad_filters_name_the_bad_term() {
    for (expr, term) in [
        ("actoin:x", "actoin:x"),
        ("since:yesterday", "since:yesterday"),
        ("outcome:maybe", "outcome:maybe"),
    ] {
        let err = Filter::parse(expr, NOW).expect_err(expr).to_string();
        assert!(err.contains(&format!("`{term}`")), "{err}");
    }
}
