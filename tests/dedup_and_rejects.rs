//! Nothing lost, nothing invented: duplicates counted once, every unreadable record a
//! reject with its file, position and reason, and inputs never written.

mod common;

use std::io::Write;

use common::{data, load, load_bytes, load_data, reasons};
use flate2::Compression;
use flate2::write::GzEncoder;
use qtrail::model::RejectReason;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}

fn record(i: usize) -> String {
    format!(
        r#"{{"eventVersion":"1.09","eventID":"id-{i}","eventTime":"2026-03-01T00:00:{:02}Z","eventSource":"braket.amazonaws.com","eventName":"GetQuantumTask","userIdentity":{{"type":"IAMUser","arn":"arn:aws:iam::1:user/u{i}"}}}}"#,
        i % 60
    )
}

#[test]
fn the_same_file_twice_counts_once() {
    let once = load_data(&["braket"]);
    let twice = load(&[data("braket"), data("braket/quantum-tasks.ndjson")]);
    assert_eq!(once.len(), twice.len());
    assert_eq!(twice.duplicates(), once.duplicates() + 7);
}

#[test]
fn an_event_delivered_three_times_adds_two_duplicates() {
    let text = format!(
        "{}\n{}\n{}\n{}\n",
        record(1),
        record(1),
        record(2),
        record(1)
    );
    let (_dir, index) = load_bytes("three.ndjson", text.as_bytes());
    assert_eq!((index.len(), index.duplicates()), (2, 2));
}

#[test]
fn records_without_id_deduplicate_by_content_whatever_the_formatting() {
    // The AWS fixtures have no eventID; these three files hold the same six records
    // (pretty, compact, gzipped compact), "Location" the same six again.
    let index = load_data(&[
        "aws-cloudtrail-processing-library/SerializerTestFile.json",
        "aws-cloudtrail-processing-library/SerializerTestFileCompact.json",
        "aws-cloudtrail-processing-library/SerializerTestFileCompact.json.gz",
        "aws-cloudtrail-processing-library/SerializerTestFileLocation.json",
    ]);
    assert_eq!((index.len(), index.duplicates()), (6, 18));
}

#[test]
fn truncated_gzip_keeps_complete_records_and_rejects_the_cut_one() {
    let records: Vec<String> = (0..50).map(record).collect();
    let doc = format!("{{\"Records\":[{}]}}", records.join(",\n"));
    let gz = gzip(doc.as_bytes());
    let (_dir, index) = load_bytes("cut.json.gz", &gz[..gz.len() * 2 / 3]);
    let kept = index.len();
    assert!(kept > 10 && kept < 50, "kept {kept}");
    assert_eq!(index.rejects().len(), 1, "{:?}", reasons(&index));
    let reject = &index.rejects()[0];
    assert!(matches!(reject.reason, RejectReason::Truncated(_)));
    assert_eq!(
        reject.record,
        Some(kept as u64 + 1),
        "the first record not kept is the cut one"
    );
}

#[test]
fn truncated_gzip_of_one_record_a_line_keeps_every_complete_line() {
    let text: String = (0..200).map(|i| record(i) + "\n").collect();
    let gz = gzip(text.as_bytes());
    let (_dir, index) = load_bytes("cut.ndjson.gz", &gz[..gz.len() / 2]);
    assert!(index.len() > 20 && index.len() < 200);
    assert_eq!(index.rejects().len(), 1);
}

#[test]
fn broken_json_in_a_records_array_resynchronises() {
    let index =
        load_data(&["aws-cloudtrail-processing-library/SerializerTestFileBadJsonFormat.json"]);
    assert_eq!(index.len(), 1);
    let r = &index.rejects()[0];
    assert_eq!((r.line, r.record, r.offset), (Some(3), Some(1), 27));
    assert!(matches!(r.reason, RejectReason::BrokenJson(_)));
}

#[test]
fn rejects_carry_file_line_offset_and_reason() {
    let index = load_data(&["hostile/wrong-types.ndjson"]);
    let found: Vec<(Option<u64>, &str)> = index
        .rejects()
        .iter()
        .map(|r| (r.line, r.reason.kind()))
        .collect();
    assert_eq!(
        found,
        [
            (Some(1), "no_usable_time"),
            (Some(4), "broken_json"),
            (Some(5), "broken_json")
        ]
    );
    let text = std::fs::read(data("hostile/wrong-types.ndjson")).expect("fixture");
    let line5 = text
        .split(|b| *b == b'\n')
        .take(4)
        .map(|l| l.len() + 1)
        .sum::<usize>() as u64;
    assert_eq!(index.rejects()[2].offset, line5);
    assert!(
        index
            .source_name(index.rejects()[0].source)
            .ends_with("wrong-types.ndjson")
    );
}

#[test]
fn line_numbers_stay_right_across_parallel_chunks() {
    // Well over one 4 MiB chunk, with broken lines far into the file.
    let mut text = String::new();
    let mut bad = Vec::new();
    for i in 0..40_000 {
        if i % 9_999 == 0 {
            text.push_str("{\"broken\": \n");
            bad.push(i as u64 + 1);
        } else {
            text.push_str(&record(i));
            text.push('\n');
        }
    }
    let (_dir, index) = load_bytes("big.ndjson", text.as_bytes());
    let mut lines: Vec<u64> = index.rejects().iter().filter_map(|r| r.line).collect();
    lines.sort_unstable();
    assert_eq!(lines, bad);
    assert_eq!(index.len() + index.rejects().len(), 40_000);
}

#[test]
fn binary_garbage_and_text_files_are_one_reject_each() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes()[2])
        .collect();
    let (_dir, index) = load_bytes("garbage.bin", &garbage);
    assert_eq!(index.len(), 0);
    assert_eq!(index.rejects().len(), 1);
    let (_dir, index) = load_bytes("notes.md", b"# Notes\n\nSome text with a { brace.\n");
    assert_eq!(reasons(&index), ["unreadable: text that is not JSON"]);
}

#[test]
fn a_ten_megabyte_line_loads_and_a_broken_one_is_rejected() {
    let huge_ua = "x".repeat(10 << 20);
    let big = record(1).replace(
        "\"eventSource\"",
        &format!("\"userAgent\":\"{huge_ua}\",\"eventSource\""),
    );
    let broken = format!("{{\"eventTime\":\"{huge_ua}");
    let text = format!("{}\n{big}\n{broken}\n{}\n", record(0), record(2));
    let (_dir, index) = load_bytes("huge.ndjson", text.as_bytes());
    assert_eq!(index.len(), 3);
    assert_eq!(index.rejects().len(), 1);
    assert_eq!(index.rejects()[0].line, Some(3));
}

#[test]
fn unreadable_entries_in_a_folder_are_rejects() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.ndjson"), record(1) + "\n").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("missing"), dir.path().join("dangling.json"))
        .expect("symlink");
    let index = load(&[dir.path().to_path_buf()]);
    assert_eq!(index.len(), 1);
    #[cfg(unix)]
    assert_eq!(index.rejects().len(), 1, "{:?}", reasons(&index));
}

#[test]
fn inputs_are_never_written() {
    let path = data("braket/quantum-tasks.ndjson");
    let before = (
        std::fs::read(&path).expect("read"),
        std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
    );
    let index = load(std::slice::from_ref(&path));
    let _ = common::events(&index);
    let after = (
        std::fs::read(&path).expect("read"),
        std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
    );
    assert_eq!(before, after);
}

/// A flood of garbage is counted in full but kept only in part, so memory stays bounded.
#[test]
fn rejects_beyond_the_kept_number_are_counted_not_kept() {
    let mut index = qtrail::index::Index::new();
    let extra = 5;
    let reject = |offset| qtrail::model::Reject {
        source: 0,
        line: Some(offset + 1),
        record: None,
        offset,
        reason: qtrail::model::RejectReason::BrokenJson("x".into()),
    };
    let total = qtrail::index::KEPT_REJECTS as u64 + extra;
    index.add_rejects((0..total).map(reject));
    assert_eq!(index.rejected(), total);
    assert_eq!(index.rejects().len(), qtrail::index::KEPT_REJECTS);
    assert_eq!(index.reject_kinds().get("broken_json"), Some(&total));
}
