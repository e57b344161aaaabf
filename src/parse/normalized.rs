use std::borrow::Cow;

use crate::model::{Outcome, Provider};

/// One audit event in qtrail's normalised model, borrowing from the input where it can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized<'a> {
    pub provider: Provider,
    /// Milliseconds since the Unix epoch, UTC.
    pub time_ms: i64,
    /// `braket:CreateQuantumTask` (`CloudTrail`) or `quantum-computing.job.cancel` (CADF).
    pub action: Cow<'a, str>,
    pub identity: Cow<'a, str>,
    pub identity_type: Option<Cow<'a, str>>,
    pub outcome: Outcome,
    pub error: Option<Cow<'a, str>>,
    pub source_ip: Option<Cow<'a, str>>,
    pub user_agent: Option<Cow<'a, str>>,
    pub region: Option<Cow<'a, str>>,
    pub account: Option<Cow<'a, str>>,
    /// `CloudTrail` `requestID`, CADF `correlationId`.
    pub request_id: Option<Cow<'a, str>>,
    /// `CloudTrail` `eventID`, CADF `id`: the deduplication key when present.
    pub event_id: Option<Cow<'a, str>>,
}

impl Normalized<'_> {
    /// Detaches the event from the buffer it was read from.
    #[must_use]
    pub fn into_owned(self) -> Normalized<'static> {
        fn own(c: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        Normalized {
            provider: self.provider,
            time_ms: self.time_ms,
            action: own(self.action),
            identity: own(self.identity),
            identity_type: self.identity_type.map(own),
            outcome: self.outcome,
            error: self.error.map(own),
            source_ip: self.source_ip.map(own),
            user_agent: self.user_agent.map(own),
            region: self.region.map(own),
            account: self.account.map(own),
            request_id: self.request_id.map(own),
            event_id: self.event_id.map(own),
        }
    }

    /// The service an action belongs to: `braket`, `quantum-computing`.
    #[must_use]
    pub fn service(&self) -> &str {
        service_of(self.provider, &self.action)
    }
}

/// The service part of an action name.
#[must_use]
pub fn service_of(provider: Provider, action: &str) -> &str {
    let separator = match provider {
        Provider::CloudTrail => ':',
        Provider::Cadf => '.',
    };
    action
        .split_once(separator)
        .map_or(action, |(service, _)| service)
}
