//! IBM Cloud Activity Tracker (CADF) event -> normalised event.

use std::borrow::Cow;

use super::fields::{Fields, Target, present};
use super::normalized::Normalized;
use super::time::parse_time;
use crate::model::{Outcome, Provider, RejectReason};

/// A CADF event has a string `action` and at least one of the CADF actors or its outcome.
#[must_use]
pub fn is_cadf(f: &Fields) -> bool {
    f.action.0.is_present()
        && (f.initiator.get().is_some()
            || f.outcome.is_present()
            || present(f.target)
            || present(f.observer))
}

pub fn normalize(mut f: Fields<'_>) -> Result<Normalized<'_>, RejectReason> {
    let time_ms = match f.eventTime.get() {
        Some(t) => parse_time(t)
            .ok_or_else(|| RejectReason::NoUsableTime(format!("eventTime {t:?} is not a time")))?,
        None => {
            return Err(RejectReason::NoUsableTime(
                "CADF event without eventTime".into(),
            ));
        }
    };
    let outcome = f.outcome.get().map_or(Outcome::Unknown, Outcome::from_cadf);
    let mut initiator = f.initiator.0.take().unwrap_or_default();
    let mut host = initiator.host.0.take().unwrap_or_default();
    let crn = f.logSourceCRN.take().or_else(|| target_crn(&f));
    let (region, account) = crn.as_deref().map(crn_location).unwrap_or_default();
    let identity = initiator
        .id
        .take()
        .or_else(|| initiator.name.take())
        .unwrap_or(Cow::Borrowed("unknown"));
    let action = f.action.0.take().unwrap_or(Cow::Borrowed("unknown"));
    let started = super::sessions::started_by_ibm(&action, outcome, &f);
    let job = super::jobs::qiskit_job(&action, &f);
    Ok(Normalized {
        provider: Provider::Cadf,
        time_ms,
        action,
        identity,
        identity_type: initiator.typeURI.take(),
        outcome,
        error: error_of(&mut f, outcome),
        source_ip: host.address.take(),
        user_agent: host.agent.take(),
        region: region.map(|r| Cow::Owned(r.to_owned())),
        account: account.map(|a| Cow::Owned(a.to_owned())),
        request_id: f.correlationId.take(),
        event_id: f.id.take(),
        access_key: None,
        started: started.map(Box::new),
        job: job.map(Box::new),
    })
}

/// For failures: why, as specific as the event says (`reasonForFailure`, `reasonType`, code).
fn error_of<'a>(f: &mut Fields<'a>, outcome: Outcome) -> Option<Cow<'a, str>> {
    if outcome != Outcome::Failure {
        return None;
    }
    let reason = f.reason.0.as_mut()?;
    reason
        .reasonForFailure
        .take()
        .or_else(|| reason.reasonType.take())
        .or_else(|| reason.reasonCode.take())
}

fn target_crn<'a>(f: &Fields<'a>) -> Option<Cow<'a, str>> {
    let raw = f.target?;
    let mut target: Target<'a> = serde_json::from_str(raw.get()).ok()?;
    target.id.take().filter(|id| id.starts_with("crn:"))
}

/// `crn:v1:bluemix:public:<service>:<location>:a/<account>:...` -> (location, account).
#[must_use]
pub fn crn_location(crn: &str) -> (Option<&str>, Option<&str>) {
    let mut parts = crn.split(':');
    let location = parts.nth(5).filter(|s| !s.is_empty());
    let account = parts
        .next()
        .and_then(|scope| scope.strip_prefix("a/"))
        .filter(|s| !s.is_empty());
    (location, account)
}

#[cfg(test)]
mod tests {
    use super::crn_location;

    #[test]
    fn crn_parts() {
        assert_eq!(
            crn_location("crn:v1:bluemix:public:quantum-computing:eu-de:a/abc123:inst::"),
            (Some("eu-de"), Some("abc123"))
        );
        assert_eq!(
            crn_location("crn:v1:bluemix:public:iam-groups:global:a/x:::"),
            (Some("global"), Some("x"))
        );
        assert_eq!(crn_location("nonsense"), (None, None));
    }
}
