//! `a.b.c:value`: a JSON path into the original record, for any field the index does not
//! hold. The record is looked at inside its envelope (`EventBridge` `detail`, IBM `payload`,
//! `lookup-events` `CloudTrailEvent`), as the event it carries.

use serde_json::Value;

use super::glob::Pattern;

/// Whether the value at `path` in the record matches a pattern: a string as it is, a
/// number or boolean as its JSON text, an array when one of its items does.
#[must_use]
pub fn path_matches(raw: &[u8], path: &[String], any_of: &[Pattern]) -> bool {
    let Ok(record) = serde_json::from_slice::<Value>(raw) else {
        return false;
    };
    let event = unwrapped(record);
    let found = path.iter().try_fold(&event, |at, key| at.get(key));
    found.is_some_and(|value| value_matches(value, any_of))
}

/// The values at `path` of each record, for a count of what a field holds.
#[must_use]
pub fn values_at(raw: &[u8], path: &[String]) -> Vec<String> {
    let Ok(record) = serde_json::from_slice::<Value>(raw) else {
        return Vec::new();
    };
    let event = unwrapped(record);
    match path.iter().try_fold(&event, |at, key| at.get(key)) {
        Some(Value::Array(items)) => items.iter().filter_map(scalar_text).collect(),
        Some(value) => scalar_text(value).into_iter().collect(),
        None => Vec::new(),
    }
}

fn value_matches(value: &Value, any_of: &[Pattern]) -> bool {
    match value {
        Value::Array(items) => items.iter().any(|v| value_matches(v, any_of)),
        other => scalar_text(other).is_some_and(|text| any_of.iter().any(|p| p.matches(&text))),
    }
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some("null".to_owned()),
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// The event inside its envelope, at most three deep.
fn unwrapped(mut value: Value) -> Value {
    for _ in 0..3 {
        if value.get("eventVersion").is_some() || value.get("action").is_some() {
            break;
        }
        let inner = ["detail", "payload"]
            .iter()
            .find_map(|k| value.get(*k).filter(|v| v.is_object()).cloned())
            .or_else(|| {
                ["CloudTrailEvent", "message"]
                    .iter()
                    .find_map(|k| serde_json::from_str(value.get(*k)?.as_str()?).ok())
            });
        match inner {
            Some(inner) => value = inner,
            None => break,
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::{path_matches, values_at};
    use crate::filter::Pattern;

    #[test]
    fn paths_reach_into_the_event_inside_its_envelope() {
        let record = br#"{"detail":{"eventVersion":"1.09","requestParameters":{"deviceArn":"arn:aws:braket:::device/qpu/ionq/Aria-1","shots":100},"userIdentity":{"sessionContext":{"attributes":{"mfaAuthenticated":"false"}}},"resources":[{"ARN":"a"},{"ARN":"b"}]}}"#;
        let path = |p: &str| p.split('.').map(str::to_owned).collect::<Vec<_>>();
        let pat = |p: &str| vec![Pattern::new(p)];
        assert!(path_matches(
            record,
            &path("requestParameters.deviceArn"),
            &pat("*ionq*")
        ));
        assert!(path_matches(
            record,
            &path("requestParameters.shots"),
            &pat("100")
        ));
        assert!(path_matches(
            record,
            &path("userIdentity.sessionContext.attributes.mfaAuthenticated"),
            &pat("false")
        ));
        assert!(!path_matches(
            record,
            &path("requestParameters.nothing"),
            &pat("*")
        ));
        assert_eq!(values_at(record, &path("requestParameters.shots")), ["100"]);
    }
}
