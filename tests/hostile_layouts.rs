//! Damaged and unusual layouts found in review: each must index every good record and
//! report each broken one once, without swallowing its neighbours.

mod common;

use std::io::Write;

use common::{load_bytes, reasons};
use flate2::Compression;
use flate2::write::GzEncoder;

fn ev(i: u32) -> String {
    format!(
        r#"{{"eventVersion":"1.09","eventID":"e-{i}","eventTime":"2026-03-01T00:00:0{}Z","eventSource":"braket.amazonaws.com","eventName":"GetDevice","resources":[{{"ARN":"a"}},{{"ARN":"b"}}]}}"#,
        i % 10
    )
}

/// A record whose value is broken but whose brackets balance.
fn broken(i: u32) -> String {
    ev(i).replace(r#""eventName""#, r#""x":tru,"eventName""#)
}

fn counts(name: &str, text: &str) -> (usize, usize) {
    let (_dir, index) = load_bytes(name, text.as_bytes());
    (
        index.len(),
        usize::try_from(index.rejected()).expect("a count"),
    )
}

#[test]
fn a_broken_record_inside_records_costs_one_reject_and_no_neighbour() {
    let line = format!("{{\"Records\":[{},{},{}]}}", broken(2), ev(3), ev(4));
    assert_eq!(counts("t1.jsonl", &format!("{}\n{line}\n", ev(1))), (3, 1));
    assert_eq!(counts("t1.json", &line), (2, 1));
}

#[test]
fn a_broken_last_element_does_not_end_the_file() {
    let pretty = format!(
        "{{\n  \"Records\": [\n    {},\n    {}\n  ]\n}}\n",
        ev(1),
        broken(2)
    );
    let compact = format!("{{\"Records\":[{},{}]}}", ev(3), ev(4));
    assert_eq!(counts("t5.json", &(pretty + &compact)), (3, 1));
}

#[test]
fn elements_that_are_not_objects_are_rejects_and_skip_nothing() {
    assert_eq!(
        counts(
            "n1.json",
            &format!("{{\"Records\":[null,{},{}]}}", ev(1), ev(2))
        ),
        (2, 1)
    );
    assert_eq!(
        counts(
            "n3.json",
            &format!("[{},null,{},\"x\",{}]", ev(1), ev(2), ev(3))
        ),
        (3, 2)
    );
}

#[test]
fn several_values_on_one_line_all_load() {
    let text = format!(
        "{}\n{}{}\n{{\"Records\":[{}]}}{{\"Records\":[{}]}}\n",
        ev(1),
        ev(2),
        ev(3),
        ev(4),
        ev(5)
    );
    assert_eq!(counts("cat.jsonl", &text), (5, 0));
}

#[test]
fn an_unclosed_line_never_reaches_into_the_next() {
    let mut text = ev(1) + "\n";
    for _ in 0..2_000 {
        text.push_str("{\"Records\":[\n");
    }
    text.push_str(&ev(2));
    text.push('\n');
    assert_eq!(counts("quad.jsonl", &text), (2, 2_000));
}

#[test]
fn resynchronising_finds_concatenated_and_indented_values() {
    let same_line = format!("{}{}{}{}", ev(1), broken(2), ev(3), ev(4));
    assert_eq!(counts("t7.json", &same_line), (3, 1));
    let indented = format!("{}\n{}\n  {}\n {}\n", ev(1), broken(2), ev(3), ev(4));
    let (events, rejects) = counts("t8.json", &indented);
    assert_eq!(
        (events, rejects),
        (3, 1),
        "every good record after the broken one"
    );
}

#[test]
fn concatenated_files_with_byte_order_marks() {
    let one = format!("\u{feff}{{\"Records\":[{}]}}\n", ev(1));
    let two = format!("\u{feff}{{\"Records\":[{},{}]}}\n", ev(2), ev(3));
    assert_eq!(counts("bom.json", &(one + &two)), (3, 0));
}

#[test]
fn a_cut_gzip_is_reported_even_after_a_broken_line() {
    let gz = |text: &str| {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(text.as_bytes()).expect("gzip");
        enc.finish().expect("gzip")
    };
    let mut bytes = gz(&format!("{}\n{{\"eventTime\": \n{}\n", ev(1), ev(3)));
    let second = gz(&format!("{}\n{}\n", ev(4), ev(5)));
    bytes.extend_from_slice(&second[..30]);
    let (_dir, index) = load_bytes("t9.gz", &bytes);
    assert_eq!(index.len(), 2);
    let found = reasons(&index);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|r| r.contains("gzip")), "{found:?}");
}

#[test]
fn a_damaged_first_line_before_a_long_record_is_still_one_record_a_line() {
    let long = ev(1).replace(
        r#""eventName""#,
        &format!(r#""pad":"{}","eventName""#, "p".repeat(70_000)),
    );
    let mut text = String::from("Name\":\"cut-off tail of a record\"}\n");
    text.push_str(&long);
    text.push('\n');
    for i in 2..50 {
        text.push_str(&ev(i));
        text.push('\n');
    }
    assert_eq!(counts("tail.jsonl", &text), (49, 1));
}

#[test]
fn an_array_cut_between_records_is_reported() {
    let text = format!("{{\"Owner\":\"x\",\"Records\":[{},{},", ev(1), ev(2));
    let (_dir, index) = load_bytes("tr.json", text.as_bytes());
    assert_eq!(index.len(), 2);
    assert_eq!(index.rejects()[0].reason.kind(), "truncated");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_like_stdin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("feed");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let writer_path = fifo.clone();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(writer_path)
            .expect("open fifo");
        writeln!(f, "{}\n{}", ev(1), ev(2)).expect("write fifo");
    });
    let index = common::load(&[fifo]);
    writer.join().expect("writer");
    assert_eq!(index.len(), 2);
    assert_eq!(common::events(&index).len(), 2, "originals kept in memory");
}

/// Found by a hostile-input campaign: records after a container's array, inside its
/// object, vanished without a reject. Each case must index all of them, as a file, as one
/// line of a one-record-a-line file and gzipped.
#[test]
fn records_after_a_container_array_are_never_skipped() {
    let cases = [
        // Two trail files joined, the first without its closing brace.
        format!(
            "{{\"Records\":[{},{}]\n{{\"Records\":[{}]}}",
            ev(1),
            ev(2),
            ev(3)
        ),
        format!(
            "{{\"Records\":[{},{}]{{\"Records\":[{}]}}",
            ev(1),
            ev(2),
            ev(3)
        ),
        // The key twice, leading or not.
        format!(
            "{{\"Records\":[{}],\"Records\":[{},{}]}}",
            ev(1),
            ev(2),
            ev(3)
        ),
        format!(
            "{{\"Owner\":1,\"Records\":[{}],\"Records\":[{},{}]}}",
            ev(1),
            ev(2),
            ev(3)
        ),
        format!(
            "{{\"Events\":[{}],\"NextToken\":\"t\",\"Events\":[{},{}]}}",
            ev(1),
            ev(2),
            ev(3)
        ),
        // A stray array, or stray records, after the array.
        format!("{{\"Records\":[],[{},{},{}]}}", ev(1), ev(2), ev(3)),
        format!("{{\"Records\":[{}] {} {}}}", ev(1), ev(2), ev(3)),
        format!(
            "{{\"Records\":[{}]],\"x\":[1,2],{},{}}}",
            ev(1),
            ev(2),
            ev(3)
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert_eq!(counts(&format!("c{i}.json"), text), (3, 0), "{text}");
        let lines = format!("{}\n{}\n{}\n", ev(7), text.replace('\n', " "), ev(8));
        assert_eq!(counts(&format!("c{i}.jsonl"), &lines), (5, 0), "{lines}");
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        gz.write_all(text.as_bytes()).expect("gzip");
        let (_dir, index) = load_bytes(&format!("c{i}.json.gz"), &gz.finish().expect("gzip"));
        assert_eq!((index.len(), index.rejects().len()), (3, 0), "{text}");
    }
}

#[test]
fn broken_text_after_a_container_array_is_a_reject_not_a_silent_gap() {
    let text = format!("{{\"Records\":[{}],\"x\":tru,\"y\":1}}\n{}", ev(1), ev(2));
    assert_eq!(counts("after.json", &text), (2, 1));
    let text = format!("{{\"Records\":[{}] garbage }}\n{}", ev(1), ev(2));
    assert_eq!(counts("garbage.json", &text), (2, 1));
}

#[test]
fn records_separated_by_vertical_tabs_or_form_feeds_all_load() {
    let records: Vec<String> = (1..=13).map(ev).collect();
    assert_eq!(counts("vt.json", &records.join("\u{0b}")), (13, 0));
    assert_eq!(counts("ff.json", &records.join("\u{0c}")), (13, 0));
    let text = format!("{{\"Records\":[{}]}}", records.join(",\u{0b}"));
    assert_eq!(counts("vt-records.json", &text), (13, 0));
}
