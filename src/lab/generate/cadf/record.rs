//! The serialized shape of one Activity Tracker event, for the benchmark generator and the demo,
//! and the texts the generator samples for it.

use std::io;

use fastrand::Rng;
use serde::Serialize;

use super::super::clock::{self, CadfStyle};
use super::super::ids;
use super::super::json::Val;
use super::super::shapes::pick;
use super::super::vocabulary;
use super::{CadfAction, IbmAccount, Instance, Job, Object};

/// The Object Storage bucket the Qiskit users keep their results in.
const BUCKET: &str = "qiskit-results";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Record<'a> {
    id: &'a str,
    event_time: &'a str,
    action: &'a str,
    outcome: &'a str,
    reason: Reason,
    severity: &'a str,
    message: &'a str,
    correlation_id: &'a str,
    initiator: Initiator<'a>,
    target: Target<'a>,
    observer: Observer,
    #[serde(rename = "logSourceCRN")]
    log_source_crn: &'a str,
    data_event: bool,
    save_service_copy: bool,
    request_data: Val<'a>,
    response_data: Val<'a>,
}

#[derive(Serialize, Clone, Copy)]
pub struct Reason {
    #[serde(rename = "reasonCode")]
    code: u16,
    #[serde(rename = "reasonType")]
    kind: &'static str,
    #[serde(rename = "reasonForFailure", skip_serializing_if = "Option::is_none")]
    failure: Option<&'static str>,
}

impl Reason {
    /// The reason Qiskit Runtime and its neighbours give for answering with HTTP `code`.
    pub fn of(code: u16) -> Self {
        let (kind, failure) = match code {
            200 => ("OK", None),
            201 => ("Created", None),
            204 => ("No Content", None),
            403 => (
                "Forbidden",
                Some("The caller does not have the required access to the service instance"),
            ),
            409 => ("Conflict", Some("Job is already in a final state")),
            _ => ("Not Found", Some("The requested resource was not found")),
        };
        Reason {
            code,
            kind,
            failure,
        }
    }
}

#[derive(Serialize)]
pub struct Initiator<'a> {
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

#[derive(Serialize)]
struct Observer {
    name: &'static str,
}

/// What an event is about: the resource CRN, its name, and the CRN of the logging service.
pub struct TargetInfo {
    pub crn: String,
    pub name: String,
    pub type_uri: &'static str,
    pub log_source: String,
    /// API-key logins are management events; work on jobs, programs and objects is data.
    pub data_event: bool,
}

/// The per-event strings, made before the record borrows them, and the reason it ended as it did.
pub struct Texts {
    pub id: String,
    pub correlation: String,
    pub time: String,
    pub message: String,
    pub reason: Reason,
}

impl Texts {
    /// The texts of a sampled event.
    pub(super) fn sample(
        rng: &mut Rng,
        time: i64,
        action: &CadfAction,
        target: &TargetInfo,
        failed: bool,
    ) -> Self {
        Self {
            id: ids::uuid(rng),
            correlation: ids::uuid(rng),
            time: event_time(rng, time),
            message: message(action, target, failed),
            reason: reason(rng, action, failed),
        }
    }
}

impl<'a> Initiator<'a> {
    /// A user or service ID calling from `address` with `agent`, either with an API key or signed
    /// in as itself in a browser.
    pub fn new(
        id: &'a str,
        name: &'a str,
        service_id: bool,
        address: &'a str,
        agent: &'a str,
        api_key: bool,
    ) -> Self {
        let type_uri = if service_id {
            "service/security/account/serviceid"
        } else {
            "service/security/account/user"
        };
        Initiator {
            id,
            name,
            type_uri,
            host: Host {
                address,
                address_type: "IPv4",
                agent,
            },
            credential: Credential {
                kind: if api_key { "apikey" } else { "user" },
            },
        }
    }
}

impl<'a> Record<'a> {
    /// Everything but `requestData` and `responseData`, which [`Record::write`] fills in.
    pub fn header(
        action: &'a str,
        verb: &str,
        initiator: Initiator<'a>,
        target: &'a TargetInfo,
        texts: &'a Texts,
    ) -> Self {
        let code = texts.reason.code;
        Record {
            id: &texts.id,
            event_time: &texts.time,
            action,
            outcome: if code >= 400 { "failure" } else { "success" },
            reason: texts.reason,
            severity: severity(verb, code),
            message: &texts.message,
            correlation_id: &texts.correlation,
            initiator,
            target: Target {
                id: &target.crn,
                name: &target.name,
                type_uri: target.type_uri,
            },
            observer: Observer {
                name: "ActivityTracker",
            },
            log_source_crn: &target.log_source,
            data_event: target.data_event,
            save_service_copy: true,
            request_data: Val::Null,
            response_data: Val::Null,
        }
    }

    /// Serializes the event with its payloads, which may borrow more briefly than the header.
    pub fn write(self, out: &mut Vec<u8>, request: Val<'_>, response: Val<'_>) -> io::Result<()> {
        let event = Record {
            request_data: request,
            response_data: response,
            ..self
        };
        serde_json::to_writer(out, &event).map_err(io::Error::from)
    }
}

/// Mostly the documented shape, with the variants other IBM services write mixed in.
fn event_time(rng: &mut Rng, time: i64) -> String {
    let style = match rng.u32(..100) {
        0..=84 => CadfStyle::Centis,
        85..=94 => CadfStyle::Colon,
        _ => CadfStyle::Zulu,
    };
    clock::cadf(time, rng.u32(..100), style)
}

pub(super) fn target_for(
    rng: &mut Rng,
    object: Object,
    account: &IbmAccount,
    instance: &Instance,
    job: Option<&Job>,
) -> TargetInfo {
    let (name, type_uri) = match object {
        Object::Job => {
            let name = job.map_or_else(|| ids::lower_alnum(rng, 20), |j| j.id.clone());
            (name, "quantum-computing/job")
        }
        Object::Program => {
            let project = pick(rng, vocabulary::PROJECTS);
            (
                format!("{project}-{}", ids::lower_alnum(rng, 6)),
                "quantum-computing/program",
            )
        }
        Object::ApiKey | Object::Stored => return service_target(rng, object, account),
    };
    let crn = instance.crn.clone();
    let log_source = crn.clone();
    TargetInfo {
        crn,
        name,
        type_uri,
        log_source,
        data_event: true,
    }
}

/// Targets of the IAM and Object Storage events that surround Qiskit Runtime work.
fn service_target(rng: &mut Rng, object: Object, account: &IbmAccount) -> TargetInfo {
    const PUBLIC: &str = "crn:v1:bluemix:public";
    let (acct, cos) = (&account.id, &account.cos_guid);
    if object == Object::ApiKey {
        let key = ids::uuid(rng);
        return TargetInfo {
            crn: format!("{PUBLIC}:iam-identity::a/{acct}::apikey:ApiKey-{key}"),
            name: "qiskit-runtime-key".to_owned(),
            type_uri: "iam-identity/apikey",
            log_source: format!("{PUBLIC}:iam-identity:global:a/{acct}:::"),
            data_event: false,
        };
    }
    let project = pick(rng, vocabulary::PROJECTS);
    TargetInfo {
        crn: format!("{PUBLIC}:cloud-object-storage:global:a/{acct}:{cos}:bucket:{BUCKET}"),
        name: format!("{project}/{}.json", ids::lower_alnum(rng, 20)),
        type_uri: "cloud-object-storage/object",
        log_source: format!("{PUBLIC}:cloud-object-storage:global:a/{acct}:{cos}::"),
        data_event: true,
    }
}

fn message(action: &CadfAction, target: &TargetInfo, failed: bool) -> String {
    let suffix = if failed { " -failure" } else { "" };
    match action.object {
        Object::Job => format!(
            "Qiskit Runtime: {} job {}{suffix}",
            action.verb, target.name
        ),
        Object::Program => format!(
            "Qiskit Runtime: {} program {}{suffix}",
            action.verb, target.name
        ),
        Object::ApiKey => format!(
            "IAM Identity Service: login API key {}{suffix}",
            target.name
        ),
        Object::Stored => format!(
            "Cloud Object Storage: read object {} in bucket {BUCKET}{suffix}",
            target.name
        ),
    }
}

fn reason(rng: &mut Rng, action: &CadfAction, failed: bool) -> Reason {
    if !failed {
        return Reason::of(match action.verb {
            "create" => 201,
            "delete" => 204,
            _ => 200,
        });
    }
    let conflict = matches!(action.verb, "cancel" | "delete");
    Reason::of(match rng.u32(..10) {
        0..=4 => 403,
        5..=7 if conflict => 409,
        _ => 404,
    })
}

fn severity(verb: &str, code: u16) -> &'static str {
    match code {
        401 | 403 => "critical",
        400.. => "warning",
        _ if verb == "delete" => "warning",
        _ => "normal",
    }
}

/// Builds `requestData` and `responseData` and hands them to `k`.
pub(super) fn data<R>(
    action: &CadfAction,
    job: Option<&Job>,
    name: &str,
    failed: bool,
    status: &str,
    k: impl FnOnce(Val, Val) -> R,
) -> R {
    let (backend, program) = job.map_or((Val::Null, Val::Null), |j| {
        (Val::Str(j.backend), Val::Str(j.program))
    });
    let job_request = [
        ("backend", backend),
        ("program_id", program),
        ("job_id", Val::Str(name)),
    ];
    let program_request = [("program_id", Val::Str(name))];
    let grant = [(
        "grant_type",
        Val::Str("urn:ibm:params:oauth:grant-type:apikey"),
    )];
    let request = match action.object {
        Object::Job => Val::Obj(&job_request),
        Object::Program => Val::Obj(&program_request),
        Object::ApiKey => Val::Obj(&grant),
        Object::Stored => Val::Null,
    };
    let created = [("id", Val::Str(name)), ("status", Val::Str("Queued"))];
    let state = [("id", Val::Str(name)), ("status", Val::Str(status))];
    let cancelled = [("id", Val::Str(name)), ("status", Val::Str("Cancelled"))];
    let cos = [
        ("bucketLocation", Val::Str("eu-de")),
        ("objectLengthInBytes", Val::Str("48213")),
    ];
    let response = match (action.object, action.verb) {
        _ if failed => Val::Null,
        (Object::Job, "create") => Val::Obj(&created),
        (Object::Job, "read") => Val::Obj(&state),
        (Object::Job, "cancel") => Val::Obj(&cancelled),
        (Object::Stored, _) => Val::Obj(&cos),
        _ => Val::Null,
    };
    k(request, response)
}
