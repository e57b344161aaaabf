//! Helpers shared by the integration tests: fixture paths, loading through the real
//! loader, and the normalised events as JSON values.
#![allow(dead_code, reason = "each test crate uses a different subset")]

use std::path::{Path, PathBuf};

use qtrail::index::Index;
use qtrail::index::load_blocking;
use qtrail::output::{QueryFormat, write_query};
use qtrail::source::expand_inputs;
use serde_json::Value;

/// The binary with `args`, its stdin, stdout and stderr piped.
pub fn spawn_piped(args: &[&str]) -> std::process::Child {
    use std::process::{Command, Stdio};
    Command::new(env!("CARGO_BIN_EXE_qtrail"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start qtrail")
}

pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
}

/// Loads files or folders through the same loader the binary uses.
pub fn load(paths: &[PathBuf]) -> Index {
    let inputs = expand_inputs(paths).expect("fixture paths exist");
    let mut index = Index::new();
    load_blocking(inputs, &mut index, |_, _| {});
    index
}

pub fn load_data(rels: &[&str]) -> Index {
    load(&rels.iter().map(|r| data(r)).collect::<Vec<_>>())
}

/// Writes `bytes` to a file in a fresh temporary folder and loads it.
pub fn load_bytes(name: &str, bytes: &[u8]) -> (tempfile::TempDir, Index) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    let index = load(&[path]);
    (dir, index)
}

/// Every event as `qtrail query --format jsonl --raw` prints it, in time order.
pub fn events(index: &Index) -> Vec<Value> {
    let mut out = Vec::new();
    write_query(index, index.order(), QueryFormat::Jsonl, true, &mut out).expect("write jsonl");
    String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("jsonl line"))
        .collect()
}

/// The one event whose `field` equals `value`.
pub fn event_where<'a>(events: &'a [Value], field: &str, value: &str) -> &'a Value {
    let found: Vec<&Value> = events.iter().filter(|e| e[field] == value).collect();
    assert_eq!(found.len(), 1, "exactly one event with {field} = {value}");
    found[0]
}

pub fn reasons(index: &Index) -> Vec<String> {
    index
        .rejects()
        .iter()
        .map(|r| r.reason.to_string())
        .collect()
}
