//! `qtrail-lab bench`: the real loader and query engine, timed phase by phase, with the
//! process's memory, as one JSON object (the README's figures come from here).

use std::time::Instant;

use serde::Serialize;

use qtrail::filter::{Filter, evaluate};
use qtrail::index::Index;
use qtrail::index::load_blocking;
use qtrail::model::Column;
use qtrail::parse::time::format_utc_seconds;
use qtrail::source::{Input, RawReader};

use super::{millis, ms};

#[derive(Serialize)]
pub struct Report {
    events: usize,
    duplicates: u64,
    rejected: u64,
    load_ms: f64,
    read_parse_index_ms: f64,
    sort_ms: f64,
    compact_ms: f64,
    index_heap_mb: f64,
    rss_anon_mb_after_load: Option<f64>,
    vm_hwm_mb_after_load: Option<f64>,
    queries: Vec<QueryTiming>,
    regroup_by_identity_ms: f64,
    threads: usize,
}

#[derive(Serialize)]
struct QueryTiming {
    filter: String,
    matches: usize,
    median_ms: f64,
    max_ms: f64,
}

/// Loads `inputs` and times `filters` (a standard set when empty) `runs` times each.
pub fn run_load(inputs: Vec<Input>, filters: &[String], runs: usize) -> anyhow::Result<Report> {
    let started = Instant::now();
    let mut index = Index::new();
    let phases = load_blocking(inputs, &mut index, |_, _| {});
    let load_ms = millis(started);
    let (rss_anon, hwm) = (memory_mb("RssAnon:"), memory_mb("VmHWM:"));
    let filters = if filters.is_empty() {
        standard_filters(&index)
    } else {
        filters.to_vec()
    };
    let mut queries = Vec::new();
    for text in filters {
        let filter = Filter::parse(&text, chrono::Utc::now().timestamp_millis())?;
        queries.push(time_query(&index, &filter, text, runs.max(1)));
    }
    let started = Instant::now();
    let groups = qtrail::index::group_counts(&index, index.order(), Column::Identity);
    let regroup_by_identity_ms = millis(started);
    std::hint::black_box(groups);
    let report = Report {
        events: index.len(),
        duplicates: index.duplicates(),
        rejected: index.rejected(),
        load_ms,
        read_parse_index_ms: ms(phases.read_parse_index),
        sort_ms: ms(phases.sort),
        compact_ms: ms(phases.compact),
        index_heap_mb: megabytes(index.heap_bytes()),
        rss_anon_mb_after_load: rss_anon,
        vm_hwm_mb_after_load: hwm,
        queries,
        regroup_by_identity_ms,
        threads: rayon::current_num_threads(),
    };
    Ok(report)
}

fn time_query(index: &Index, filter: &Filter, text: String, runs: usize) -> QueryTiming {
    let mut times = Vec::with_capacity(runs);
    let mut matches = 0;
    for _ in 0..runs {
        let started = Instant::now();
        matches = evaluate(index, filter, &mut RawReader::new()).len();
        times.push(millis(started));
    }
    times.sort_by(f64::total_cmp);
    QueryTiming {
        filter: text,
        matches,
        median_ms: times[times.len() / 2],
        max_ms: times[times.len() - 1],
    }
}

/// The query mix, adapted to what the data holds: one action, a set of actions,
/// failures of one service, and one day.
fn standard_filters(index: &Index) -> Vec<String> {
    let mut filters = vec![
        "action:braket:CreateQuantumTask".to_owned(),
        "action:braket:CancelQuantumTask,braket:CancelJob,quantum-computing.job.cancel,s3:DeleteObject".to_owned(),
        "service:braket outcome:failure".to_owned(),
    ];
    if let Some((first, _)) = index.time_range() {
        let day = 86_400_000;
        let start = first + day;
        filters.push(format!(
            "since:{} until:{}",
            format_utc_seconds(start),
            format_utc_seconds(start + day)
        ));
    }
    filters
}

#[allow(
    clippy::cast_precision_loss,
    reason = "a report in MB needs no exact bytes"
)]
fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

/// A `/proc/self/status` memory line in MB (Linux only).
#[must_use]
pub fn memory_mb(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
