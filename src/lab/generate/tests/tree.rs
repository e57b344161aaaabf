use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde_json::Value;

use super::super::write_s3_tree;
use super::{config, is_cadf, records, str_of};

#[test]
fn s3_tree_holds_every_record_in_delivery_files() {
    let cfg = config(4_000, 15);
    let per_file = 50;
    let dir = tempfile::tempdir().expect("temporary directory");
    let files = write_s3_tree(&cfg, dir.path(), per_file).expect("tree written");
    let mut paths = Vec::new();
    collect_files(dir.path(), &mut paths);
    assert_eq!(files, paths.len());
    let mut ids = Vec::new();
    let mut partial_per_trail: HashMap<(&OsStr, &OsStr), usize> = HashMap::new();
    for path in &paths {
        let text = gunzip(path);
        let relative = path.strip_prefix(dir.path()).expect("inside the tree");
        if relative.starts_with("AWSLogs") {
            let count = check_trail_file(relative, &text, per_file, &mut ids);
            if count < per_file {
                let mut parts = relative.iter();
                let account = parts.nth(1).expect("account folder");
                let region = parts.nth(1).expect("region folder");
                *partial_per_trail.entry((account, region)).or_default() += 1;
            }
        } else {
            check_hourly_file(relative, &text, &mut ids);
        }
    }
    assert!(
        partial_per_trail.values().all(|&n| n == 1),
        "only the last file of an account and region may be partial: {partial_per_trail:?}"
    );
    let mut expected: Vec<String> = records(&cfg).iter().map(record_id).collect();
    expected.sort_unstable();
    ids.sort_unstable();
    assert_eq!(ids, expected, "the tree holds exactly the NDJSON records");
}

fn record_id(r: &Value) -> String {
    str_of(r, if is_cadf(r) { "/id" } else { "/eventID" }).to_owned()
}

fn check_trail_file(relative: &Path, text: &str, per_file: usize, ids: &mut Vec<String>) -> usize {
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    assert_eq!(parts.len(), 8, "{relative:?}");
    let (account, region, name) = (parts[1], parts[3], parts[7]);
    assert_eq!(parts[2], "CloudTrail");
    let stem = name.strip_suffix(".json.gz").expect("gzipped JSON");
    let fields: Vec<&str> = stem.split('_').collect();
    assert_eq!(fields.len(), 5, "{name}");
    assert_eq!(
        (fields[0], fields[1], fields[2]),
        (account, "CloudTrail", region)
    );
    assert_eq!(fields[3].len(), 14);
    assert_eq!(
        &fields[3][..8],
        format!("{}{}{}", parts[4], parts[5], parts[6])
    );
    assert!(fields[4].len() == 16 && fields[4].bytes().all(|b| b.is_ascii_alphanumeric()));
    let doc: Value = serde_json::from_str(text).expect("log file is one JSON document");
    let batch = doc["Records"].as_array().expect("Records array");
    assert!(!batch.is_empty() && batch.len() <= per_file);
    for r in batch {
        assert_eq!(str_of(r, "/recipientAccountId"), account);
        assert_eq!(str_of(r, "/awsRegion"), region);
        ids.push(record_id(r));
    }
    batch.len()
}

fn check_hourly_file(relative: &Path, text: &str, ids: &mut Vec<String>) {
    let parts: Vec<&str> = relative.iter().filter_map(|p| p.to_str()).collect();
    assert_eq!(parts.len(), 5, "{relative:?}");
    assert_eq!(parts[0], "ibm-activity-tracker");
    assert!(
        parts[1].starts_with("year=")
            && parts[2].starts_with("month=")
            && parts[3].starts_with("day=")
    );
    let (account, rest) = parts[4].split_once('.').expect("account prefix");
    assert_eq!(account.len(), 32);
    assert!(rest.ends_with("00.json.gz"), "{rest}");
    for line in text.lines() {
        let r: Value = serde_json::from_str(line).expect("one event a line");
        assert!(str_of(&r, "/logSourceCRN").contains(account));
        ids.push(record_id(&r));
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn gunzip(path: &Path) -> String {
    let mut text = String::new();
    GzDecoder::new(fs::File::open(path).expect("file"))
        .read_to_string(&mut text)
        .expect("gzip");
    text
}
