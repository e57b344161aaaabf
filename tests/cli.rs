//! The real binary, as scripts use it: outputs, exit codes, stderr, stdin.

mod common;

use std::io::Write;
use std::process::{Command, Output};

use common::data;
use serde_json::Value;

fn qtrail(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qtrail"))
        .args(args)
        .output()
        .expect("run qtrail")
}

fn qtrail_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = common::spawn_piped(args);
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("feed stdin");
    child.wait_with_output().expect("wait")
}

fn path(rel: &str) -> String {
    data(rel).display().to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

#[test]
fn stats_json_holds_the_documented_fields() {
    let out = qtrail(&[
        "stats",
        "--json",
        &path("braket"),
        &path("cadf"),
        &path("hostile"),
    ]);
    assert!(out.status.success());
    let stats: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(stats["events"], 20);
    assert_eq!(stats["duplicates"], 3);
    assert_eq!(stats["rejected"], 3);
    assert_eq!(
        stats["providers"],
        serde_json::json!({"cloudtrail": 13, "cadf": 7})
    );
    assert_eq!(stats["failures"], 5);
    assert_eq!(stats["first"], "2026-03-02T08:59:50Z");
    assert_eq!(stats["last"], "2026-03-05T01:00:04Z");
    assert!(stats["identities"].as_u64().is_some_and(|n| n > 5));
    assert!(stats["actions"].as_u64().is_some_and(|n| n > 10));
    let first = &stats["rejects"][0];
    assert!(
        first["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("wrong-types.ndjson"))
    );
    assert_eq!(first["line"], 1);
    assert!(
        first["reason"]
            .as_str()
            .is_some_and(|r| r.starts_with("no usable time"))
    );
}

#[test]
fn stats_text_is_readable() {
    let out = qtrail(&["stats", &path("hostile")]);
    let text = stdout(&out);
    assert!(text.contains("events      5"), "{text}");
    assert!(
        text.contains("wrong-types.ndjson: line 4: broken JSON: the line ends inside this record"),
        "{text}"
    );
}

#[test]
fn query_jsonl_in_time_order_with_raw() {
    let out = qtrail(&[
        "query",
        "--raw",
        "--filter",
        "service:braket outcome:failure",
        &path("braket"),
    ]);
    assert!(out.status.success());
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let actions: Vec<&str> = lines.iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions, ["braket:GetDevice", "braket:CancelQuantumTask"]);
    assert_eq!(lines[0]["raw"]["errorCode"], "404");
}

#[test]
fn csv_neutralises_formulas_and_escape_sequences() {
    let out = qtrail(&[
        "query",
        "--format",
        "csv",
        &path("hostile/escape-sequences.ndjson"),
    ]);
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}'), "no raw ESC reaches the output");
    assert!(text.contains(",'-1+1,"), "{text}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for row in reader.records() {
        let row = row.expect("valid CSV");
        assert!(
            row.iter()
                .all(|cell| !cell.starts_with(['=', '+', '-', '@'])),
            "{row:?}"
        );
    }
    assert!(text.contains("\\e]0;PWNED\\a\\e[2J"), "{text}");
    assert!(text.starts_with("time,provider,action,identity"));
}

#[test]
fn table_never_prints_control_characters_and_marks_failures() {
    let out = qtrail(&[
        "query",
        "--format",
        "table",
        &path("hostile/escape-sequences.ndjson"),
        &path("braket"),
    ]);
    let text = stdout(&out);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let cancel = text
        .lines()
        .find(|l| l.contains("CancelQuantumTask"))
        .expect("row");
    assert!(
        cancel.contains(" ! "),
        "failure marked without colour: {cancel}"
    );
}

#[test]
fn bad_filter_is_a_usage_error_naming_the_term() {
    let out = qtrail(&[
        "query",
        "--filter",
        "outcome:failure actoin:x",
        &path("braket"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("`actoin:x`"), "{err}");
}

#[test]
fn missing_input_fails_with_one_clear_line() {
    let out = qtrail(&["stats", "/nonexistent/trail.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("qtrail: cannot read /nonexistent/trail.json"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn stdin_dash_reads_plain_and_gzipped_input() {
    let plain = std::fs::read(data("braket/quantum-tasks.ndjson")).expect("fixture");
    let out = qtrail_stdin(&["stats", "--json", "-"], &plain);
    let stats: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(stats["events"], 7);
    let gz = std::fs::read(data(
        "braket/111122223333_CloudTrail_us-east-1_20260302T0905Z_r3dEl1v3rEdAbCdE.json.gz",
    ))
    .expect("fixture");
    let out = qtrail_stdin(&["query", "--raw", "-"], &gz);
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[1]["raw"]["eventName"], "SearchQuantumTasks",
        "originals of stdin are kept"
    );
}

#[test]
fn help_teaches_the_filter_language() {
    let out = qtrail(&["query", "--help"]);
    let text = stdout(&out);
    assert!(text.contains("since:T until:T"));
    assert!(text.contains("Examples:"));
}

#[test]
fn table_columns_stay_aligned_with_wide_characters() {
    let record = |user: &str, id: &str| {
        format!(
            "{{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-02T09:00:00Z\",\
             \"eventSource\":\"braket.amazonaws.com\",\"eventName\":\"GetDevice\",\
             \"eventID\":\"{id}\",\"sourceIPAddress\":\"198.51.100.7\",\
             \"userIdentity\":{{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/{user}\"}}}}\n"
        )
    };
    let input = record("量子計算の研究者です量子計算の研究者です", "1") + &record("ana", "2");
    let out = qtrail_stdin(&["query", "--format", "table", "-"], input.as_bytes());
    let text = stdout(&out);
    let columns: Vec<usize> = text
        .lines()
        .skip(1)
        .map(|l| {
            let at = l.find("braket:GetDevice").expect("the action column");
            unicode_width::UnicodeWidthStr::width(&l[..at])
        })
        .collect();
    assert_eq!(columns.len(), 2, "{text}");
    assert_eq!(
        columns[0], columns[1],
        "the action starts in the same column:\n{text}"
    );
}

#[test]
fn the_table_fits_80_columns_and_keeps_the_end_of_long_actions() {
    let out = qtrail(&["query", "--format", "table", &path("cadf"), &path("braket")]);
    let text = stdout(&out);
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    assert!(text.contains("…um-computing.job.cancel"), "{text}");
}

#[test]
fn an_empty_folder_says_it_holds_no_events() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = qtrail(&["stats", dir.path().to_str().expect("UTF-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("found no events"), "{err}");
}

#[test]
fn a_missing_file_names_its_reason_once() {
    let out = qtrail(&["stats", "/no/such/trail.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("No such file").count(), 1, "{err}");
}

#[test]
fn a_filter_may_start_with_a_dash() {
    let all = stdout(&qtrail(&["query", &path("braket")])).lines().count();
    let out = qtrail(&["query", "--filter", "-action:GetDevice", &path("braket")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kept = stdout(&out).lines().count();
    assert!(kept > 0 && kept < all, "{kept} of {all}");
}

#[test]
fn csv_has_event_and_request_ids() {
    let out = qtrail(&["query", "--format", "csv", &path("braket")]);
    let text = stdout(&out);
    let header: Vec<&str> = text.lines().next().expect("a header").split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let first: Vec<&str> = text.lines().nth(1).expect("a row").split(',').collect();
    assert!(!first[at("event_id")].is_empty() && !first[at("request_id")].is_empty());
}
