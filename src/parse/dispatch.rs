//! One parsed JSON object -> an event, a reject, or the records of a container it holds.

use std::borrow::Cow;

use serde_json::value::RawValue;

use super::fields::{Fields, array, object};
use super::normalized::Normalized;
use super::time::{format_utc_millis, parse_epoch_or_iso};
use super::{cadf, cloudtrail};
use crate::model::RejectReason;

/// What one object turned out to be.
#[allow(
    clippy::large_enum_variant,
    reason = "moved once per record; boxing would allocate per event"
)]
pub enum Verdict<'a> {
    Event(Normalized<'a>),
    /// A container: its `Records` / `Events` array, to be walked record by record.
    Container(&'a RawValue),
    Reject(RejectReason),
}

/// Envelopes nest (an `EventBridge` event inside a shipper's line); this bounds the unwrapping.
const MAX_WRAPPING: u8 = 3;

pub fn classify(f: Fields<'_>) -> Verdict<'_> {
    classify_at(f, 0)
}

fn classify_at(mut f: Fields<'_>, depth: u8) -> Verdict<'_> {
    if cloudtrail::is_cloudtrail(&f) {
        return verdict(cloudtrail::normalize(f));
    }
    if cadf::is_cadf(&f) {
        return verdict(cadf::normalize(f));
    }
    if let Some(records) = array(f.Records).or_else(|| array(f.Events)) {
        return Verdict::Container(records);
    }
    if depth >= MAX_WRAPPING {
        return Verdict::Reject(RejectReason::NotAnEvent(
            "envelopes nested too deeply".into(),
        ));
    }
    if let Some(detail) = object(f.detail) {
        return unwrap_eventbridge(&f, detail, depth);
    }
    if let Some(payload) = object(f.payload) {
        return borrowed_inner(payload.get(), depth, "IBM `payload` envelope");
    }
    if let Some(text) = f.CloudTrailEvent.0.take() {
        let fallback_time = f.EventTime.get().and_then(parse_epoch_or_iso);
        return owned_inner(&text, depth, fallback_time, "lookup-events CloudTrailEvent");
    }
    if let Some(text) = f
        .message
        .0
        .take()
        .filter(|m| m.trim_start().starts_with('{'))
    {
        return owned_inner(&text, depth, None, "`message` string");
    }
    Verdict::Reject(RejectReason::NotAnEvent(not_an_event_hint(&f).into()))
}

fn verdict(result: Result<Normalized<'_>, RejectReason>) -> Verdict<'_> {
    match result {
        Ok(event) => Verdict::Event(event),
        Err(reason) => Verdict::Reject(reason),
    }
}

fn unwrap_eventbridge<'a>(f: &Fields<'a>, detail: &'a RawValue, depth: u8) -> Verdict<'a> {
    match borrowed_inner(detail.get(), depth, "EventBridge `detail`") {
        Verdict::Reject(RejectReason::NotAnEvent(_)) => {
            let kind = f.detail_type.get().unwrap_or("without detail-type");
            Verdict::Reject(RejectReason::NotAnEvent(format!(
                "EventBridge event {kind:?} carries no CloudTrail record"
            )))
        }
        other => other,
    }
}

fn borrowed_inner<'a>(json: &'a str, depth: u8, what: &str) -> Verdict<'a> {
    match serde_json::from_str::<Fields<'a>>(json) {
        Ok(inner) => match classify_at(inner, depth + 1) {
            Verdict::Container(_) => nested_container(what),
            other => other,
        },
        Err(e) => Verdict::Reject(RejectReason::BrokenJson(format!("in {what}: {e}"))),
    }
}

/// Events inside a JSON *string* borrow from a fresh buffer, so they are detached from it.
fn owned_inner(json: &str, depth: u8, fallback_time: Option<i64>, what: &str) -> Verdict<'static> {
    let mut inner = match serde_json::from_str::<Fields<'_>>(json) {
        Ok(inner) => inner,
        Err(e) => return Verdict::Reject(RejectReason::BrokenJson(format!("in {what}: {e}"))),
    };
    if inner.eventTime.get().is_none()
        && let Some(ms) = fallback_time
    {
        inner.eventTime.0 = Some(Cow::Owned(format_utc_millis(ms)));
    }
    match classify_at(inner, depth + 1) {
        Verdict::Event(event) => Verdict::Event(event.into_owned()),
        Verdict::Reject(reason) => Verdict::Reject(reason),
        Verdict::Container(_) => nested_container(what),
    }
}

fn nested_container(what: &str) -> Verdict<'static> {
    Verdict::Reject(RejectReason::NotAnEvent(format!(
        "a container of records inside {what} is not supported"
    )))
}

fn not_an_event_hint(f: &Fields) -> &'static str {
    if f.digestStartTime.is_present() {
        "a CloudTrail digest file (it lists log files, it holds no events)"
    } else if f.TopicArn.is_present() {
        "an SNS/SQS delivery notification (it names log files, it holds no events)"
    } else if f.action.0.is_present() {
        "has `action` but none of CADF's initiator, outcome, target or observer"
    } else {
        "neither a CloudTrail record nor a CADF event"
    }
}
