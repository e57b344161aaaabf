//! Inputs built to exhaust memory: floods of rejects, decompression bombs, deep nesting,
//! megabyte-long fields. Each loads with a clear reject and what it costs stays bounded:
//! rejects beyond a sample are counted, not kept; inflating stops; fields are cut.

mod common;

use std::io::Write;

use common::{events, load_bytes};
use flate2::Compression;
use flate2::write::GzEncoder;
use qtrail::model::Column;

fn gzip(text: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(text).expect("gzip");
    gz.finish().expect("gzip")
}

fn record(id: &str) -> String {
    format!(
        r#"{{"eventVersion":"1.09","eventID":"{id}","eventTime":"2026-03-01T00:00:00Z","eventSource":"braket.amazonaws.com","eventName":"GetDevice","userIdentity":{{"type":"IAMUser","arn":"arn:aws:iam::1:user/a"}}}}"#
    )
}

#[test]
fn a_flood_of_rejects_is_counted_with_a_capped_sample() {
    let flood = "{}\n".repeat(300_000);
    let (_dir, index) = load_bytes("flood.ndjson.gz", &gzip(flood.as_bytes()));
    assert_eq!(index.rejected(), 300_000, "every record counted");
    assert_eq!(index.reject_kinds().get("not_an_event"), Some(&300_000));
    assert_eq!(
        index.rejects().len(),
        qtrail::load::SAMPLED_PER_BATCH,
        "one file is one batch: its first rejects kept in full, the rest counted"
    );
    let records = format!("{{\"Records\":[{}]}}", vec!["{}"; 100_000].join(","));
    let (_dir, index) = load_bytes("flood.json.gz", &gzip(records.as_bytes()));
    assert_eq!(index.rejected(), 100_000);
    assert!(index.rejects().len() <= qtrail::load::SAMPLED_PER_BATCH);
}

#[test]
fn a_flood_over_many_chunks_keeps_at_most_the_index_sample() {
    // A plain file is cut into chunks of 4 MiB: each keeps its own sample of rejects, and
    // the index keeps no more than its own cap of them all.
    let flood = "{}\n".repeat(3_000_000);
    let (_dir, index) = load_bytes("flood.ndjson", flood.as_bytes());
    assert_eq!(index.rejected(), 3_000_000);
    assert!(index.rejects().len() <= qtrail::index::KEPT_REJECTS);
    let lines: Vec<u64> = index.rejects().iter().filter_map(|r| r.line).collect();
    assert_eq!(
        lines.len(),
        index.rejects().len(),
        "each kept one has its line"
    );
}

#[test]
fn a_gzip_bomb_stops_inflating_with_a_reject_and_keeps_what_came_before() {
    // Gzip members concatenated: 100 MiB of spaces after one record, from 100 KB or so.
    let mut bomb = gzip(format!("{{\"Records\":[{},", record("before")).as_bytes());
    let spaces = gzip(&vec![b' '; 1 << 20]);
    for _ in 0..100 {
        bomb.extend_from_slice(&spaces);
    }
    bomb.extend_from_slice(&gzip(format!("{}]}}", record("after")).as_bytes()));
    let (_dir, index) = load_bytes("bomb.json.gz", &bomb);
    let ids: Vec<String> = events(&index)
        .iter()
        .map(|e| e["event_id"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids, ["before"], "the record before the bomb is kept");
    let reasons = common::reasons(&index);
    assert!(
        reasons.iter().any(|r| r.contains("decompression bomb")),
        "{reasons:?}"
    );
}

#[test]
fn gzipped_zeros_stop_at_once_as_binary() {
    let zeros = gzip(&vec![0u8; 1 << 20]);
    let bomb: Vec<u8> = std::iter::repeat_n(zeros, 1024).flatten().collect();
    let (inflated, error) = qtrail::source::inflate(&bomb);
    assert!(
        inflated.len() <= 64 << 10,
        "{} bytes inflated",
        inflated.len()
    );
    assert!(error.is_none());
    let (_dir, index) = load_bytes("zeros.gz", &bomb);
    assert_eq!((index.len(), index.rejected()), (0, 1));
    assert!(common::reasons(&index)[0].contains("binary"));
}

#[test]
fn deep_nesting_is_one_reject_and_the_next_record_loads() {
    let mut text = "[".repeat(5 << 20);
    text.push('\n');
    text.push_str(&record("after"));
    text.push('\n');
    let (_dir, index) = load_bytes("deep.json", text.as_bytes());
    assert_eq!(index.len(), 1, "{:?}", common::reasons(&index));
    assert!(index.rejected() >= 1);
    let gz = gzip(text.as_bytes());
    let (_dir, index) = load_bytes("deep.json.gz", &gz);
    assert_eq!(index.len(), 1, "{:?}", common::reasons(&index));
}

#[test]
fn a_megabyte_long_field_is_cut_in_the_index_and_whole_in_the_original() {
    let agent = "A".repeat(1 << 20);
    let text = record("long").replace(
        r#""eventName""#,
        &format!(r#""userAgent":"{agent}","eventName""#),
    );
    let (_dir, index) = load_bytes("long.json", text.as_bytes());
    let kept = index.text(index.row(0), Column::UserAgent);
    assert!(
        kept.len() <= qtrail::load::MAX_FIELD,
        "{} bytes kept",
        kept.len()
    );
    assert!(kept.starts_with("AAAA") && kept.ends_with('…'));
    let original = &events(&index)[0]["raw"]["userAgent"];
    assert_eq!(original.as_str().map(str::len), Some(agent.len()));
}
