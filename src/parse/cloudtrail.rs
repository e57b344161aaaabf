//! `CloudTrail` record -> normalised event.

use std::borrow::Cow;

use super::fields::{Fields, UserIdentity};
use super::normalized::Normalized;
use super::time::parse_time;
use crate::model::{Outcome, Provider, RejectReason};

/// A record is `CloudTrail`'s if it carries any of the fields every `CloudTrail` record has.
#[must_use]
pub fn is_cloudtrail(f: &Fields) -> bool {
    f.eventVersion.is_present()
        || f.eventSource.is_present()
        || f.eventName.is_present()
        || f.eventID.is_present()
        || f.userIdentity.get().is_some()
}

pub fn normalize(mut f: Fields<'_>) -> Result<Normalized<'_>, RejectReason> {
    let time_ms = event_time(&f)?;
    let (outcome, error) = outcome_of(&mut f);
    let mut user = f.userIdentity.0.take().unwrap_or_default();
    let account = f
        .recipientAccountId
        .take()
        .or_else(|| user.accountId.0.clone());
    let identity_type = user.kind.0.clone().filter(|s| !s.is_empty());
    let access_key = user.accessKeyId.take();
    let identity = identity_of(user);
    let started = super::sessions::started_by_sts(&mut f, outcome, &identity);
    let job = super::jobs::braket_job(&mut f);
    Ok(Normalized {
        provider: Provider::CloudTrail,
        time_ms,
        action: action_name(&f),
        identity,
        identity_type,
        outcome,
        error,
        source_ip: f.sourceIPAddress.take(),
        user_agent: f.userAgent.take(),
        region: f.awsRegion.take(),
        account: account.filter(|a| !a.is_empty()),
        request_id: f.requestID.take(),
        event_id: f.eventID.take(),
        access_key,
        started: started.map(Box::new),
        job: job.map(Box::new),
    })
}

/// `eventTime`, or the `@timestamp` Logstash moves it to.
fn event_time(f: &Fields<'_>) -> Result<i64, RejectReason> {
    match (f.eventTime.get(), f.at_timestamp.get()) {
        (Some(t), _) | (None, Some(t)) => parse_time(t)
            .ok_or_else(|| RejectReason::NoUsableTime(format!("eventTime {t:?} is not a time"))),
        (None, None) => Err(RejectReason::NoUsableTime(
            "CloudTrail record without eventTime".into(),
        )),
    }
}

/// A failure is an `errorCode`, or a failed console sign-in (which carries none: its
/// error is the `errorMessage`).
fn outcome_of<'a>(f: &mut Fields<'a>) -> (Outcome, Option<Cow<'a, str>>) {
    let console_failure = f.eventSource.get() == Some("signin.amazonaws.com")
        && f.response()
            .ConsoleLogin
            .get()
            .is_some_and(|v| v.eq_ignore_ascii_case("failure"));
    let error = f.errorCode.take().or_else(|| {
        console_failure.then(|| {
            f.errorMessage
                .take()
                .unwrap_or(Cow::Borrowed("ConsoleLogin Failure"))
        })
    });
    let outcome = if error.is_some() {
        Outcome::Failure
    } else {
        Outcome::Success
    };
    (outcome, error)
}

/// `eventSource` without `.amazonaws.com`, a colon, and `eventName`.
fn action_name<'a>(f: &Fields<'a>) -> Cow<'a, str> {
    let source = f.eventSource.get().unwrap_or("unknown");
    let service = source.strip_suffix(".amazonaws.com").unwrap_or(source);
    let name = f.eventName.get().unwrap_or("unknown");
    Cow::Owned(format!("{service}:{name}"))
}

/// What a failed console sign-in writes in place of a user name it will not confirm.
const HIDDEN_USER: &str = "HIDDEN_DUE_TO_SECURITY_REASONS";

/// The identity rule: the ARN; else, for an IAM user, the ARN its account and user name
/// make (sign-ins often carry no ARN), so its events are filed with the user's others;
/// else the invoking service; else `type:principalId`; else the type.
fn identity_of(user: UserIdentity<'_>) -> Cow<'_, str> {
    let UserIdentity {
        mut kind,
        mut principalId,
        mut arn,
        mut invokedBy,
        userName,
        accountId,
        ..
    } = user;
    if let Some(arn) = arn.take() {
        return arn;
    }
    if kind.get() == Some("IAMUser")
        && let Some(name) = userName.get().filter(|n| *n != HIDDEN_USER)
    {
        return Cow::Owned(match accountId.get() {
            Some(account) => format!("arn:aws:iam::{account}:user/{name}"),
            None => format!("user/{name}"),
        });
    }
    let kind_text = kind.take();
    if kind_text.as_deref() == Some("AWSService")
        && let Some(service) = invokedBy.take()
    {
        return service;
    }
    match (kind_text, principalId.take()) {
        (Some(k), Some(p)) => Cow::Owned(format!("{k}:{p}")),
        (None, Some(p)) => Cow::Owned(format!("Unknown:{p}")),
        (Some(k), None) => k,
        (None, None) => Cow::Borrowed("Unknown"),
    }
}
