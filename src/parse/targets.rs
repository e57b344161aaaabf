//! The resources an event acted on, read from its original record on demand (they are not
//! indexed): `CloudTrail` `resources[].ARN`, CADF `target.id`.

use serde_json::Value;

/// Envelopes that may wrap the record, innermost last.
const WRAPPERS: [&str; 2] = ["detail", "payload"];
const STRING_WRAPPERS: [&str; 2] = ["CloudTrailEvent", "message"];

#[must_use]
pub fn targets(raw: &[u8]) -> Vec<String> {
    let Ok(mut value) = serde_json::from_slice::<Value>(raw) else {
        return Vec::new();
    };
    for _ in 0..3 {
        match unwrap_once(&value) {
            Some(inner) => value = inner,
            None => break,
        }
    }
    let mut out: Vec<String> = Vec::new();
    if let Some(resources) = value.get("resources").and_then(Value::as_array) {
        out.extend(resources.iter().filter_map(|r| {
            r.get("ARN")
                .or_else(|| r.get("arn"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        }));
    }
    if let Some(target) = value
        .get("target")
        .filter(|_| value.get("action").is_some())
    {
        out.extend(
            ["id", "name"]
                .iter()
                .find_map(|k| target.get(*k).and_then(Value::as_str))
                .map(str::to_owned),
        );
    }
    out
}

fn unwrap_once(value: &Value) -> Option<Value> {
    if value.get("eventVersion").is_some() || value.get("action").is_some() {
        return None;
    }
    for key in WRAPPERS {
        if let Some(inner) = value.get(key).filter(|v| v.is_object()) {
            return Some(inner.clone());
        }
    }
    for key in STRING_WRAPPERS {
        if let Some(text) = value.get(key).and_then(Value::as_str) {
            return serde_json::from_str(text).ok();
        }
    }
    None
}
