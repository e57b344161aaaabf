//! Who acts through whom: the sessions STS calls start (`CloudTrail`), the service IDs IBM
//! IAM calls create (CADF). The index links them into chains; here each call says what it
//! started, if anything.

use std::borrow::Cow;

use super::fields::{Fields, ResponseElements};
use super::normalized::Started;
use crate::model::Outcome;

/// The STS calls that hand out temporary credentials.
const ISSUING: [&str; 5] = [
    "AssumeRole",
    "AssumeRoleWithSAML",
    "AssumeRoleWithWebIdentity",
    "GetSessionToken",
    "GetFederationToken",
];

/// The session a successful STS call started: its access key and ARN. `GetSessionToken`
/// gives its caller a session of its own identity, `caller`.
pub fn started_by_sts<'a>(
    f: &mut Fields<'a>,
    outcome: Outcome,
    caller: &str,
) -> Option<Started<'a>> {
    let name = f.eventName.get()?;
    if outcome != Outcome::Success
        || f.eventSource.get() != Some("sts.amazonaws.com")
        || !ISSUING.contains(&name)
    {
        return None;
    }
    let session_of_caller = name == "GetSessionToken";
    let mut response: ResponseElements<'a> = f.response();
    let key = response.credentials.0.as_mut()?.accessKeyId.take()?;
    let subject = response
        .assumedRoleUser
        .0
        .as_mut()
        .and_then(|u| u.arn.take())
        .or_else(|| response.federatedUser.0.as_mut().and_then(|u| u.arn.take()))
        .or_else(|| session_of_caller.then(|| Cow::Owned(caller.to_owned())))?;
    let source_identity = response.sourceIdentity.take();
    let source_identity = source_identity.or_else(|| f.request().sourceIdentity.take());
    Some(Started {
        key: Some(key),
        subject,
        source_identity,
    })
}

/// The service ID a successful `iam-identity.serviceid.create` made: its creator is the
/// one who acts through it. The id comes from the response's `iam_id`, else from the
/// target's CRN (`...:serviceid:ServiceId-<uuid>`).
pub fn started_by_ibm<'a>(action: &str, outcome: Outcome, f: &Fields<'a>) -> Option<Started<'a>> {
    if outcome != Outcome::Success || action != "iam-identity.serviceid.create" {
        return None;
    }
    let from_response = f
        .responseData
        .and_then(|raw| super::jobs::json_field(raw.get(), "iam_id"));
    let from_target = || {
        let target = super::jobs::target(f)?;
        let id = target.id.get()?;
        let (kind, value) = super::jobs::crn_resource(id)?;
        (kind.eq_ignore_ascii_case("serviceid")).then(|| format!("iam-{value}"))
    };
    let subject = from_response.or_else(from_target)?;
    Some(Started {
        key: None,
        subject: Cow::Owned(subject),
        source_identity: None,
    })
}
