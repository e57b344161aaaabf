//! Activity Tracker events of the demo's Qiskit Runtime instance, in IBM's CADF profile.

use std::io;

use fastrand::Rng;
use serde::Serialize;

use super::super::clock::{self, CadfStyle};
use super::super::ids;
use super::super::json::Val;
use super::Demo;
use super::cast::{IBM_INSTANCE, IbmUser};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Object {
    Job,
    Program,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Create,
    Read,
    Update,
    Cancel,
    Delete,
}

impl Object {
    fn name(self) -> &'static str {
        match self {
            Object::Job => "job",
            Object::Program => "program",
        }
    }
}

impl Verb {
    fn name(self) -> &'static str {
        match self {
            Verb::Create => "create",
            Verb::Read => "read",
            Verb::Update => "update",
            Verb::Cancel => "cancel",
            Verb::Delete => "delete",
        }
    }
}

/// Where a request came from.
#[derive(Clone, Copy)]
pub enum Via {
    /// The user's Qiskit SDK with an API key, from one of the user's addresses.
    Sdk(usize),
    /// The IBM Quantum Platform in a browser, signed in as the user.
    Browser(usize),
    /// Someone else's client holding the user's credentials.
    Foreign {
        ip: &'static str,
        agent: &'static str,
    },
}

/// One Qiskit Runtime request: who, about which job or program, and the HTTP status it got.
pub struct Event<'a> {
    pub who: usize,
    pub via: Via,
    pub object: Object,
    pub verb: Verb,
    /// The job id or program id.
    pub name: &'a str,
    pub backend: &'a str,
    pub program: &'a str,
    /// The job's state as a successful read reports it.
    pub status: &'a str,
    pub code: u16,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    id: &'a str,
    event_time: &'a str,
    action: &'a str,
    outcome: &'a str,
    reason: Reason<'a>,
    severity: &'a str,
    message: &'a str,
    correlation_id: &'a str,
    initiator: Initiator<'a>,
    target: Target<'a>,
    observer: Val<'a>,
    #[serde(rename = "logSourceCRN")]
    log_source_crn: &'a str,
    data_event: bool,
    save_service_copy: bool,
    request_data: Val<'a>,
    response_data: Val<'a>,
}

#[derive(Serialize)]
struct Reason<'a> {
    #[serde(rename = "reasonCode")]
    code: u16,
    #[serde(rename = "reasonType")]
    kind: &'a str,
    #[serde(rename = "reasonForFailure", skip_serializing_if = "Option::is_none")]
    failure: Option<&'a str>,
}

#[derive(Serialize)]
struct Initiator<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "typeURI")]
    type_uri: &'a str,
    host: Host<'a>,
    credential: Credential<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Host<'a> {
    address: &'a str,
    address_type: &'a str,
    agent: &'a str,
}

#[derive(Serialize)]
struct Credential<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(Serialize)]
struct Target<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "typeURI")]
    type_uri: &'a str,
}

/// The strings an event is made of, before the record borrows them.
struct Texts {
    id: String,
    correlation: String,
    time: String,
    action: String,
    crn: String,
    message: String,
}

impl Texts {
    fn new(rng: &mut Rng, time: i64, event: &Event) -> Self {
        let (object, verb) = (event.object.name(), event.verb.name());
        let suffix = if event.code >= 400 { " -failure" } else { "" };
        let instance = IBM_INSTANCE.trim_end_matches(':');
        Self {
            id: ids::uuid(rng),
            correlation: ids::uuid(rng),
            time: clock::cadf(time, rng.u32(..100), CadfStyle::Centis),
            action: format!("quantum-computing.{object}.{verb}"),
            crn: format!("{instance}:{object}:{}", event.name),
            message: format!("Qiskit Runtime: {verb} {object} {}{suffix}", event.name),
        }
    }
}

impl Demo {
    /// Writes one Activity Tracker event.
    pub fn ibm(&mut self, time: i64, event: &Event) -> io::Result<()> {
        let texts = Texts::new(&mut self.rng, time, event);
        let header = header(&texts, event, &self.ibm[event.who]);
        let bytes = payloads(event, |request_data, response_data| {
            let record = Record {
                request_data,
                response_data,
                ..header
            };
            serde_json::to_vec(&record).map_err(io::Error::from)
        })?;
        self.push(time, bytes);
        Ok(())
    }
}

/// Everything but `requestData` and `responseData`.
fn header<'a>(texts: &'a Texts, event: &'a Event, user: &'a IbmUser) -> Record<'a> {
    let (reason_type, why) = reason(event.code);
    Record {
        id: &texts.id,
        event_time: &texts.time,
        action: &texts.action,
        outcome: if event.code >= 400 {
            "failure"
        } else {
            "success"
        },
        reason: Reason {
            code: event.code,
            kind: reason_type,
            failure: why,
        },
        severity: severity(event),
        message: &texts.message,
        correlation_id: &texts.correlation,
        initiator: initiator(user, event.via),
        target: Target {
            id: &texts.crn,
            name: event.name,
            type_uri: match event.object {
                Object::Job => "quantum-computing/job",
                Object::Program => "quantum-computing/program",
            },
        },
        observer: Val::Obj(&[("name", Val::Str("ActivityTracker"))]),
        log_source_crn: IBM_INSTANCE,
        data_event: true,
        save_service_copy: true,
        request_data: Val::Null,
        response_data: Val::Null,
    }
}

fn initiator(user: &IbmUser, via: Via) -> Initiator<'_> {
    let (address, agent, kind) = match via {
        Via::Sdk(ip) => (user.ips[ip].as_str(), user.sdk, "apikey"),
        Via::Browser(ip) => (user.ips[ip].as_str(), user.browser.as_str(), "user"),
        Via::Foreign { ip, agent } => (ip, agent, "apikey"),
    };
    let type_uri = if user.service_id {
        "service/security/account/serviceid"
    } else {
        "service/security/account/user"
    };
    Initiator {
        id: user.id,
        name: user.name,
        type_uri,
        host: Host {
            address,
            address_type: "IPv4",
            agent,
        },
        credential: Credential { kind },
    }
}

fn reason(code: u16) -> (&'static str, Option<&'static str>) {
    match code {
        200 => ("OK", None),
        201 => ("Created", None),
        204 => ("No Content", None),
        403 => (
            "Forbidden",
            Some("The caller does not have the required access to the service instance"),
        ),
        409 => ("Conflict", Some("Job is already in a final state")),
        _ => ("Not Found", Some("The requested resource was not found")),
    }
}

fn severity(event: &Event) -> &'static str {
    match event.code {
        401 | 403 => "critical",
        400.. => "warning",
        _ if event.verb == Verb::Delete => "warning",
        _ => "normal",
    }
}

/// Builds `requestData` and `responseData` and hands them to `k`.
fn payloads<R>(event: &Event, k: impl FnOnce(Val, Val) -> R) -> R {
    let name = Val::Str(event.name);
    let create = [
        ("program_id", Val::Str(event.program)),
        ("backend", Val::Str(event.backend)),
    ];
    let job = [("job_id", name)];
    let program = [("program_id", name)];
    let request = match (event.object, event.verb) {
        (Object::Job, Verb::Create) => Val::Obj(&create),
        (Object::Job, _) => Val::Obj(&job),
        (Object::Program, _) => Val::Obj(&program),
    };
    let status = match event.verb {
        Verb::Create => "Queued",
        Verb::Cancel => "Cancelled",
        _ => event.status,
    };
    let state = [("id", name), ("status", Val::Str(status))];
    let response = match (event.object, event.verb) {
        _ if event.code >= 400 => Val::Null,
        (Object::Job, Verb::Create | Verb::Read | Verb::Cancel) => Val::Obj(&state),
        _ => Val::Null,
    };
    k(request, response)
}
