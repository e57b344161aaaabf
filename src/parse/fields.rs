//! The fields qtrail reads from one JSON object, borrowed from the input buffer.
//!
//! One struct covers `CloudTrail` records, CADF events and the envelopes that wrap them
//! (S3 `Records`, `lookup-events`, `EventBridge`, IBM `payload`, `CloudWatch` `message`), so a
//! record is parsed once whatever it turns out to be. Everything else in the record is
//! skipped without being copied.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::lenient::{Obj, Str, Text};

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct Fields<'a> {
    // CloudTrail
    #[serde(borrow, default)]
    pub eventVersion: Text<'a>,
    #[serde(borrow, default)]
    pub userIdentity: Obj<UserIdentity<'a>>,
    #[serde(borrow, default)]
    pub eventTime: Text<'a>,
    #[serde(borrow, default)]
    pub eventSource: Text<'a>,
    #[serde(borrow, default)]
    pub eventName: Text<'a>,
    #[serde(borrow, default)]
    pub awsRegion: Text<'a>,
    #[serde(borrow, default)]
    pub sourceIPAddress: Text<'a>,
    #[serde(borrow, default)]
    pub userAgent: Text<'a>,
    #[serde(borrow, default)]
    pub errorCode: Text<'a>,
    #[serde(borrow, default)]
    pub errorMessage: Text<'a>,
    #[serde(borrow, default)]
    pub requestID: Text<'a>,
    #[serde(borrow, default)]
    pub eventID: Text<'a>,
    #[serde(borrow, default)]
    pub eventType: Text<'a>,
    #[serde(borrow, default)]
    pub recipientAccountId: Text<'a>,
    /// Like `requestParameters`, read only for the calls that need it.
    #[serde(borrow, default)]
    pub responseElements: Option<&'a RawValue>,
    /// Read only for the calls that need it (STS, Braket): most records' parameters are
    /// skipped without being looked into.
    #[serde(borrow, default)]
    pub requestParameters: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub resources: Option<&'a RawValue>,
    #[serde(rename = "@timestamp", borrow, default)]
    pub at_timestamp: Text<'a>,

    // CADF
    #[serde(borrow, default)]
    pub action: Str<'a>,
    #[serde(borrow, default)]
    pub initiator: Obj<Initiator<'a>>,
    #[serde(borrow, default)]
    pub outcome: Text<'a>,
    #[serde(borrow, default)]
    pub target: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub observer: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub id: Text<'a>,
    #[serde(borrow, default)]
    pub correlationId: Text<'a>,
    #[serde(borrow, default)]
    pub reason: Obj<Reason<'a>>,
    #[serde(borrow, default)]
    pub logSourceCRN: Text<'a>,
    #[serde(borrow, default)]
    pub requestData: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub responseData: Option<&'a RawValue>,

    // Containers and envelopes
    #[serde(borrow, default)]
    pub Records: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub Events: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub detail: Option<&'a RawValue>,
    #[serde(rename = "detail-type", borrow, default)]
    pub detail_type: Text<'a>,
    #[serde(borrow, default)]
    pub payload: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub CloudTrailEvent: Str<'a>,
    #[serde(borrow, default)]
    pub EventTime: Text<'a>,
    #[serde(borrow, default)]
    pub message: Str<'a>,
    #[serde(borrow, default)]
    pub digestStartTime: Text<'a>,
    #[serde(borrow, default)]
    pub TopicArn: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct UserIdentity<'a> {
    #[serde(rename = "type", borrow, default)]
    pub kind: Text<'a>,
    #[serde(borrow, default)]
    pub principalId: Text<'a>,
    #[serde(borrow, default)]
    pub arn: Text<'a>,
    #[serde(borrow, default)]
    pub accountId: Text<'a>,
    #[serde(borrow, default)]
    pub invokedBy: Text<'a>,
    #[serde(borrow, default)]
    pub accessKeyId: Text<'a>,
    #[serde(borrow, default)]
    pub userName: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct ResponseElements<'a> {
    #[serde(borrow, default)]
    pub ConsoleLogin: Text<'a>,
    /// STS: the session a call started.
    #[serde(borrow, default)]
    pub credentials: Obj<Credentials<'a>>,
    #[serde(borrow, default)]
    pub assumedRoleUser: Obj<Principal<'a>>,
    #[serde(borrow, default)]
    pub federatedUser: Obj<Principal<'a>>,
    #[serde(borrow, default)]
    pub sourceIdentity: Text<'a>,
    /// Braket: the task or job a call created.
    #[serde(borrow, default)]
    pub quantumTaskArn: Text<'a>,
    #[serde(borrow, default)]
    pub jobArn: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct Credentials<'a> {
    #[serde(borrow, default)]
    pub accessKeyId: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
pub struct Principal<'a> {
    #[serde(borrow, default)]
    pub arn: Text<'a>,
}

/// What a call was asked to act on, of the request's many possible fields.
#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct RequestParameters<'a> {
    #[serde(borrow, default)]
    pub sourceIdentity: Text<'a>,
    #[serde(borrow, default)]
    pub quantumTaskArn: Text<'a>,
    #[serde(borrow, default)]
    pub jobArn: Text<'a>,
    #[serde(borrow, default)]
    pub deviceArn: Text<'a>,
    #[serde(borrow, default)]
    pub shots: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct Initiator<'a> {
    #[serde(borrow, default)]
    pub id: Text<'a>,
    #[serde(borrow, default)]
    pub name: Text<'a>,
    #[serde(borrow, default)]
    pub typeURI: Text<'a>,
    #[serde(borrow, default)]
    pub host: Obj<Host<'a>>,
}

#[derive(Deserialize, Default, Debug)]
pub struct Host<'a> {
    #[serde(borrow, default)]
    pub address: Text<'a>,
    #[serde(borrow, default)]
    pub agent: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct Reason<'a> {
    #[serde(borrow, default)]
    pub reasonCode: Text<'a>,
    #[serde(borrow, default)]
    pub reasonType: Text<'a>,
    #[serde(borrow, default)]
    pub reasonForFailure: Text<'a>,
}

#[derive(Deserialize, Default, Debug)]
#[allow(non_snake_case, reason = "field names are those of the JSON formats")]
pub struct Target<'a> {
    #[serde(borrow, default)]
    pub id: Text<'a>,
    #[serde(borrow, default)]
    pub name: Text<'a>,
    #[serde(borrow, default)]
    pub typeURI: Text<'a>,
}

/// `true` when a raw JSON value is present and not `null`.
#[must_use]
pub fn present(raw: Option<&RawValue>) -> bool {
    raw.is_some_and(|r| r.get() != "null")
}

/// The raw value when it is a JSON array.
#[must_use]
pub fn array(raw: Option<&RawValue>) -> Option<&RawValue> {
    raw.filter(|r| r.get().starts_with('['))
}

/// The raw value when it is a JSON object.
#[must_use]
pub fn object(raw: Option<&RawValue>) -> Option<&RawValue> {
    raw.filter(|r| r.get().starts_with('{'))
}

impl<'a> Fields<'a> {
    /// The response's elements, parsed (absent, `null` or not an object: empty).
    #[must_use]
    pub fn response(&self) -> ResponseElements<'a> {
        parse_object(self.responseElements)
    }

    /// The request's parameters, parsed (absent, `null` or not an object: empty).
    #[must_use]
    pub fn request(&self) -> RequestParameters<'a> {
        parse_object(self.requestParameters)
    }
}

/// A member parsed only when a call needs it; what does not parse reads as empty, as the
/// record's other fields still hold.
fn parse_object<'a, T: Deserialize<'a> + Default>(raw: Option<&'a RawValue>) -> T {
    raw.and_then(|raw| serde_json::from_str::<Obj<T>>(raw.get()).ok())
        .and_then(|o| o.0)
        .unwrap_or_default()
}
