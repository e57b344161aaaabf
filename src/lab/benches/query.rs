//! Criterion benches of the query engine over a generated trail (200,000 events by
//! default; `QTRAIL_BENCH_EVENTS` changes it). Run with `cargo bench -p qtrail-lab --bench query`.

use std::hint::black_box;
use std::io::BufWriter;

use criterion::{Criterion, criterion_group, criterion_main};
use qtrail::filter::{Filter, evaluate};
use qtrail::index::load_blocking;
use qtrail::index::{Index, group_counts};
use qtrail::model::Column;
use qtrail::source::{Input, RawReader};
use qtrail_lab::generate::{GenConfig, write_ndjson};

fn build_index() -> (tempfile::TempDir, Index) {
    let events = std::env::var("QTRAIL_BENCH_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("trail.ndjson");
    let file = std::fs::File::create(&path).expect("create");
    write_ndjson(&GenConfig::benchmark(events), &mut BufWriter::new(file)).expect("generate");
    let mut index = Index::new();
    load_blocking(vec![Input::File(path)], &mut index, |_, _| {});
    (dir, index)
}

fn filters(c: &mut Criterion) {
    let (_dir, index) = build_index();
    let day = index
        .time_range()
        .map_or(0, |(first, _)| first + 86_400_000);
    let cases = [
        (
            "action equality",
            "action:braket:CreateQuantumTask".to_owned(),
        ),
        (
            "fuzzy-chosen actions",
            "action:braket:CancelQuantumTask,braket:CancelJob,s3:DeleteObject".to_owned(),
        ),
        (
            "failures of one service",
            "service:braket outcome:failure".to_owned(),
        ),
        ("identity wildcard", "identity:*assumed-role/*".to_owned()),
        ("one day", one_day_filter(day)),
    ];
    for (name, expr) in cases {
        let filter = Filter::parse(&expr, 0).expect("valid filter");
        c.bench_function(&format!("filter/{name}"), |b| {
            b.iter(|| black_box(evaluate(&index, &filter, &mut RawReader::new()).len()));
        });
    }
    c.bench_function("regroup/by identity", |b| {
        b.iter(|| black_box(group_counts(&index, index.order(), Column::Identity)));
    });
}

fn one_day_filter(start_ms: i64) -> String {
    let fmt = qtrail::parse::time::format_utc_seconds;
    format!(
        "since:{} until:{}",
        fmt(start_ms),
        fmt(start_ms + 86_400_000)
    )
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = filters
}
criterion_main!(benches);
