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
    (index.len(), index.rejects().len())
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
