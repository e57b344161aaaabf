//! Activity Tracker events of the demo's Qiskit Runtime instance, in IBM's CADF profile.

use std::io;

use fastrand::Rng;

use super::super::cadf::record::{Initiator, Reason, Record, TargetInfo, Texts};
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

#[derive(Clone, Copy)]
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

impl Demo {
    /// Writes one Activity Tracker event.
    pub fn ibm(&mut self, time: i64, event: &Event) -> io::Result<()> {
        let texts = texts(&mut self.rng, time, event);
        let verb = event.verb.name();
        let action = format!("quantum-computing.{}.{verb}", event.object.name());
        let target = target(event);
        let initiator = initiator(&self.ibm[event.who], event.via);
        let header = Record::header(&action, verb, initiator, &target, &texts);
        let mut bytes = Vec::new();
        payloads(event, |request, response| {
            header.write(&mut bytes, request, response)
        })?;
        self.push(time, bytes);
        Ok(())
    }
}

/// The strings an event is made of, before the record borrows them.
fn texts(rng: &mut Rng, time: i64, event: &Event) -> Texts {
    let (object, verb) = (event.object.name(), event.verb.name());
    let suffix = if event.code >= 400 { " -failure" } else { "" };
    Texts {
        id: ids::uuid(rng),
        correlation: ids::uuid(rng),
        time: clock::cadf(time, rng.u32(..100), CadfStyle::Centis),
        message: format!("Qiskit Runtime: {verb} {object} {}{suffix}", event.name),
        reason: Reason::of(event.code),
    }
}

/// A job or program of the demo's one Qiskit Runtime instance.
fn target(event: &Event) -> TargetInfo {
    let instance = IBM_INSTANCE.trim_end_matches(':');
    TargetInfo {
        crn: format!("{instance}:{}:{}", event.object.name(), event.name),
        name: event.name.to_owned(),
        type_uri: match event.object {
            Object::Job => "quantum-computing/job",
            Object::Program => "quantum-computing/program",
        },
        log_source: IBM_INSTANCE.to_owned(),
        data_event: true,
    }
}

fn initiator(user: &IbmUser, via: Via) -> Initiator<'_> {
    let (address, agent, api_key) = match via {
        Via::Sdk(ip) => (user.ips[ip].as_str(), user.sdk, true),
        Via::Browser(ip) => (user.ips[ip].as_str(), user.browser.as_str(), false),
        Via::Foreign { ip, agent } => (ip, agent, true),
    };
    Initiator::new(user.id, user.name, user.service_id, address, agent, api_key)
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
