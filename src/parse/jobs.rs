//! The quantum workload a call touches: a Braket quantum task or hybrid job (by ARN, in
//! the request, the response or `resources`), a Qiskit Runtime job or program (the
//! resource of `target.id`'s CRN, else the request or response data, else `target.name`).

use std::borrow::Cow;

use serde_json::Value;

use super::fields::{Fields, Target};
use super::normalized::{JobKind, JobTouch};

/// The Braket task or job of a `CloudTrail` call, and for a creation its device and shots.
pub fn braket_job<'a>(f: &mut Fields<'a>) -> Option<JobTouch<'a>> {
    if f.eventSource.get() != Some("braket.amazonaws.com") {
        return None;
    }
    // Only the calls about tasks and jobs name one (searches list many, or none).
    let name = f.eventName.get().unwrap_or_default();
    let about = ["QuantumTask", "Job"].iter().any(|n| name.ends_with(n));
    if !about || name.starts_with("Search") {
        return None;
    }
    let mut request = f.request();
    let device = request.deviceArn.take();
    let shots = request.shots.get().and_then(|s| s.parse().ok());
    let id = request
        .quantumTaskArn
        .take()
        .or_else(|| request.jobArn.take())
        .or_else(|| {
            let mut response = f.response();
            response
                .quantumTaskArn
                .take()
                .or_else(|| response.jobArn.take())
        })
        .or_else(|| resource_arn(f))?;
    let kind = if id.contains(":job/") {
        JobKind::HybridJob
    } else {
        JobKind::QuantumTask
    };
    Some(JobTouch {
        id,
        kind,
        device,
        shots,
    })
}

/// A task or job ARN among the record's `resources`.
fn resource_arn<'a>(f: &Fields<'a>) -> Option<Cow<'a, str>> {
    let resources: Vec<Value> = serde_json::from_str(f.resources?.get()).ok()?;
    resources.iter().find_map(|r| {
        let arn = r.get("ARN").or_else(|| r.get("arn"))?.as_str()?;
        (arn.contains(":quantum-task/") || arn.contains(":job/"))
            .then(|| Cow::Owned(arn.to_owned()))
    })
}

/// The Qiskit Runtime job or program of a CADF event, and for a creation its backend.
pub fn qiskit_job<'a>(action: &str, f: &Fields<'a>) -> Option<JobTouch<'a>> {
    let kind = if action.starts_with("quantum-computing.job.") {
        JobKind::Job
    } else if action.starts_with("quantum-computing.program.") {
        JobKind::Program
    } else {
        return None;
    };
    let resource = if kind == JobKind::Job {
        "job"
    } else {
        "program"
    };
    let data_key = if kind == JobKind::Job {
        "job_id"
    } else {
        "program_id"
    };
    let target = target(f);
    let from_crn = || {
        let id = target.as_ref()?.id.get()?;
        let (found, value) = crn_resource(id)?;
        (found == resource).then(|| value.to_owned())
    };
    // A target named by a CRN without a resource is the service instance, and its name
    // the instance's: only a target named otherwise may name the job.
    let from_name = || {
        let target = target.as_ref()?;
        let crn = target.id.get().is_some_and(|id| id.starts_with("crn:"));
        (!crn)
            .then(|| target.name.get().map(str::to_owned))
            .flatten()
    };
    let id = from_crn()
        .or_else(|| f.requestData.and_then(|r| json_field(r.get(), data_key)))
        .or_else(|| f.responseData.and_then(|r| json_field(r.get(), "id")))
        .or_else(from_name)?;
    let device = f
        .requestData
        .and_then(|r| json_field(r.get(), "backend"))
        .map(Cow::Owned);
    let shots = f
        .requestData
        .and_then(|r| json_field(r.get(), "shots"))
        .and_then(|s| s.parse().ok());
    Some(JobTouch {
        id: Cow::Owned(id),
        kind,
        device,
        shots,
    })
}

/// The event's `target`, parsed.
pub fn target<'a>(f: &Fields<'a>) -> Option<Target<'a>> {
    serde_json::from_str(f.target?.get()).ok()
}

/// A CRN's resource: `crn:...:<type>:<id>` (its last two parts), both non-empty.
#[must_use]
pub fn crn_resource(crn: &str) -> Option<(&str, &str)> {
    if !crn.starts_with("crn:") {
        return None;
    }
    let mut parts = crn.rsplitn(3, ':');
    let id = parts.next().filter(|s| !s.is_empty())?;
    let kind = parts.next().filter(|s| !s.is_empty())?;
    Some((kind, id))
}

/// A top-level string or number of a JSON object, which may itself be a JSON string
/// (IBM sends `responseData` both ways).
#[must_use]
pub fn json_field(json: &str, key: &str) -> Option<String> {
    let value: Value = serde_json::from_str(json).ok()?;
    let value = match value {
        Value::String(inner) => serde_json::from_str(&inner).ok()?,
        other => other,
    };
    match value.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::crn_resource;

    #[test]
    fn a_crn_names_its_resource_last() {
        assert_eq!(
            crn_resource("crn:v1:bluemix:public:quantum-computing:eu-de:a/1:inst:job:d1x"),
            Some(("job", "d1x"))
        );
        assert_eq!(crn_resource("crn:v1:bluemix:public:iam:global:a/1::"), None);
        assert_eq!(crn_resource("arn:aws:x"), None);
    }
}
