use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{config, event_seconds, is_cadf, per_mille, records, str_of};

#[test]
fn error_rate_is_realistic() {
    let all = records(&config(20_000, 20));
    let (cadf, trail): (Vec<&Value>, Vec<&Value>) = all.iter().partition(|r| is_cadf(r));
    let failed = trail
        .iter()
        .filter(|r| r.get("errorCode").is_some())
        .count();
    let rate = per_mille(failed, trail.len());
    assert!((20..=60).contains(&rate), "CloudTrail error rate {rate}");
    assert!(
        trail
            .iter()
            .filter(|r| r.get("errorCode").is_some())
            .all(|r| r.get("errorMessage").is_some())
    );
    let cadf_failed = cadf.iter().filter(|r| r["outcome"] == "failure").count();
    let cadf_rate = per_mille(cadf_failed, cadf.len());
    assert!(
        (20..=60).contains(&cadf_rate),
        "CADF failure rate {cadf_rate}"
    );
}

#[test]
fn actions_are_many_and_skewed() {
    let all = records(&config(20_000, 0));
    let mut counts: HashMap<(&str, &str), usize> = HashMap::new();
    for r in &all {
        *counts
            .entry((str_of(r, "/eventSource"), str_of(r, "/eventName")))
            .or_default() += 1;
    }
    assert!(counts.len() >= 150, "{} distinct actions", counts.len());
    let services: HashSet<&str> = counts.keys().map(|k| k.0).collect();
    assert!(services.len() >= 20, "{} services", services.len());
    let mut sorted: Vec<usize> = counts.values().copied().collect();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let top10: usize = sorted.iter().take(10).sum();
    assert!(
        top10 > all.len() / 3,
        "the ten most popular actions dominate"
    );
    for name in [
        "CreateQuantumTask",
        "GetQuantumTask",
        "SearchDevices",
        "GetDevice",
        "CreateJob",
    ] {
        assert!(
            counts.contains_key(&("braket.amazonaws.com", name)),
            "{name}"
        );
    }
}

#[test]
fn times_are_late_and_out_of_order_within_bounds() {
    let cfg = config(20_000, 10);
    let start = cfg.start.timestamp();
    let all = records(&cfg);
    let times: Vec<i64> = all.iter().map(event_seconds).collect();
    assert!(
        times
            .iter()
            .all(|&t| t >= start - 3_600 && t < start + cfg.span_secs + 3_600)
    );
    let earlier = times.windows(2).filter(|w| w[1] < w[0]).count();
    let share = per_mille(earlier, times.len());
    assert!(
        (30..=80).contains(&share),
        "out-of-order share {share} per mille"
    );
    let very_late = times.windows(2).filter(|w| w[0] - w[1] > 300).count();
    assert!(
        very_late > 0,
        "some records arrive more than five minutes late"
    );
    assert!(times.last().copied().unwrap_or(0) > start + cfg.span_secs - 86_400);
}

#[test]
fn braket_tasks_have_a_lifecycle() {
    let all = records(&config(20_000, 0));
    let braket = |name: &str| -> Vec<&Value> {
        all.iter()
            .filter(|r| r["eventSource"] == "braket.amazonaws.com" && r["eventName"] == name)
            .collect()
    };
    let created: HashSet<&str> = braket("CreateQuantumTask")
        .into_iter()
        .filter_map(created_task)
        .collect();
    let polled = braket("GetQuantumTask");
    let known = polled
        .iter()
        .filter(|r| created.contains(str_of(r, "/requestParameters/quantumTaskArn")))
        .count();
    assert!(
        known * 2 > polled.len(),
        "{known} of {} polls refer to created tasks",
        polled.len()
    );
    assert!(braket("GetDevice").iter().any(|r| r["errorCode"] == "404"));
}

/// Checks a `CreateQuantumTask` record and returns the ARN of the task it created, if any.
fn created_task(r: &Value) -> Option<&str> {
    assert!(str_of(r, "/requestParameters/deviceArn").starts_with("arn:aws:braket:"));
    assert!(
        r["requestParameters"]["shots"]
            .as_u64()
            .is_some_and(|s| s > 0)
    );
    let program: Value =
        serde_json::from_str(str_of(r, "/requestParameters/action")).expect("action is JSON");
    assert!(str_of(&program, "/source").starts_with("OPENQASM 3.0;"));
    if r.get("errorCode").is_some() {
        return None;
    }
    let arn = str_of(r, "/responseElements/quantumTaskArn");
    let region = str_of(r, "/awsRegion");
    let prefix = format!(
        "arn:aws:braket:{region}:{}:quantum-task/",
        str_of(r, "/recipientAccountId")
    );
    assert!(arn.starts_with(&prefix), "{arn}");
    Some(arn)
}
