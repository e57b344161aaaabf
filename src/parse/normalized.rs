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
    /// The access key the call was signed with (`CloudTrail` `userIdentity.accessKeyId`).
    pub access_key: Option<Cow<'a, str>>,
    /// A session (or service ID) this call started: who acts through it is this caller.
    pub started: Option<Box<Started<'a>>>,
    /// The quantum task, hybrid job, Qiskit Runtime job or program the call touches.
    pub job: Option<Box<JobTouch<'a>>>,
}

/// A session a call started: an STS call's new credentials, or an IBM service ID created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started<'a> {
    /// The new session's access key (none for an IBM service ID).
    pub key: Option<Cow<'a, str>>,
    /// Who acts through it: the session's ARN, the service ID's IAM id.
    pub subject: Cow<'a, str>,
    /// The source identity the session carries, when the call set one.
    pub source_identity: Option<Cow<'a, str>>,
}

/// What a quantum workload is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// A Braket quantum task.
    QuantumTask,
    /// A Braket hybrid job.
    HybridJob,
    /// A Qiskit Runtime job.
    Job,
    /// A Qiskit Runtime program.
    Program,
}

impl JobKind {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            JobKind::QuantumTask => "quantum-task",
            JobKind::HybridJob => "hybrid-job",
            JobKind::Job => "job",
            JobKind::Program => "program",
        }
    }
}

/// The job a call touches, with what its creation says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobTouch<'a> {
    /// The task or job ARN (Braket), the job or program id (Qiskit Runtime).
    pub id: Cow<'a, str>,
    pub kind: JobKind,
    /// The device (Braket `deviceArn`) or backend (Qiskit) it was created for.
    pub device: Option<Cow<'a, str>>,
    pub shots: Option<u64>,
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
            access_key: self.access_key.map(own),
            started: self.started.map(|s| {
                Box::new(Started {
                    key: s.key.map(own),
                    subject: own(s.subject),
                    source_identity: s.source_identity.map(own),
                })
            }),
            job: self.job.map(|j| {
                Box::new(JobTouch {
                    id: own(j.id),
                    kind: j.kind,
                    device: j.device.map(own),
                    shots: j.shots,
                })
            }),
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
