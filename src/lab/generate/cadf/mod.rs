//! IBM Cloud Activity Tracker events (IBM's CADF profile) for Qiskit Runtime and its neighbours.

/// Shared with the demo, which logs its scripted Qiskit Runtime requests in the same shape.
pub(super) mod record;

use std::io;

use fastrand::Rng;

use super::agents;
use super::ids::{self, Weighted};
use super::shapes::{pick, pick_str};
use super::vocabulary;
use record::{Initiator, Record};

pub const IBM_ACCOUNTS: usize = 2;
const JOB_RING: usize = 256;
const FAILURE_PER_MILLE: u32 = 40;
const RECALL_PER_MILLE: u32 = 850;
const US_BACKENDS: &[&str] = &[
    "ibm_brisbane",
    "ibm_kyiv",
    "ibm_sherbrooke",
    "ibm_torino",
    "ibm_fez",
    "ibm_marrakesh",
    "ibm_kingston",
];
const EU_BACKENDS: &[&str] = &["ibm_strasbourg", "ibm_brussels", "ibm_aachen"];
const PROGRAMS: &[&str] = &[
    "sampler",
    "estimator",
    "sampler",
    "estimator",
    "circuit-runner",
    "qaoa-custom",
];
const JOB_STATES: &[&str] = &[
    "Queued",
    "Running",
    "Completed",
    "Completed",
    "Completed",
    "Failed",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Object {
    Job,
    Program,
    ApiKey,
    Stored,
}

struct CadfAction {
    name: &'static str,
    verb: &'static str,
    object: Object,
    weight: u64,
}

const fn ca(name: &'static str, verb: &'static str, object: Object, weight: u64) -> CadfAction {
    CadfAction {
        name,
        verb,
        object,
        weight,
    }
}

const ACTIONS: [CadfAction; 10] = [
    ca("quantum-computing.job.read", "read", Object::Job, 500),
    ca("quantum-computing.job.create", "create", Object::Job, 120),
    ca("quantum-computing.job.cancel", "cancel", Object::Job, 10),
    ca("quantum-computing.job.delete", "delete", Object::Job, 8),
    ca(
        "quantum-computing.program.read",
        "read",
        Object::Program,
        30,
    ),
    ca(
        "quantum-computing.program.create",
        "create",
        Object::Program,
        3,
    ),
    ca(
        "quantum-computing.program.update",
        "update",
        Object::Program,
        2,
    ),
    ca(
        "quantum-computing.program.delete",
        "delete",
        Object::Program,
        1,
    ),
    ca("iam-identity.apikey.login", "login", Object::ApiKey, 60),
    ca(
        "cloud-object-storage.object.read",
        "read",
        Object::Stored,
        40,
    ),
];

struct Instance {
    crn: String,
    eu: bool,
}

struct IbmAccount {
    id: String,
    instances: Vec<Instance>,
    cos_guid: String,
}

struct Person {
    account: usize,
    id: String,
    name: String,
    service_id: bool,
    ip: String,
    agent: String,
    browser: String,
}

struct Job {
    person: usize,
    instance: usize,
    id: String,
    backend: &'static str,
    program: &'static str,
}

pub struct Tracker {
    accounts: Vec<IbmAccount>,
    people: Vec<Person>,
    popularity: Weighted,
    actions: Weighted,
    jobs: Vec<Job>,
    next_job: usize,
}

impl Tracker {
    pub fn new(rng: &mut Rng) -> Self {
        let accounts: Vec<IbmAccount> = (0..IBM_ACCOUNTS).map(|_| account(rng)).collect();
        let mut people = Vec::new();
        for index in 0..accounts.len() {
            for n in 0..13 {
                people.push(person(rng, index, n >= 10));
            }
        }
        // Popularity follows list order, so shuffle to mix accounts and service ids.
        rng.shuffle(&mut people);
        Self {
            popularity: Weighted::zipf(people.len(), 1.1),
            accounts,
            people,
            actions: Weighted::new(ACTIONS.iter().map(|a| a.weight)),
            jobs: Vec::with_capacity(JOB_RING),
            next_job: 0,
        }
    }

    pub fn account_id(&self, account: usize) -> &str {
        &self.accounts[account].id
    }

    /// Appends one event to `out`; returns the IBM account it belongs to.
    pub fn emit(&mut self, rng: &mut Rng, time: i64, out: &mut Vec<u8>) -> io::Result<usize> {
        let action = &ACTIONS[self.actions.sample(rng)];
        let job = self.job_for(rng, action);
        let failed = ids::chance(rng, FAILURE_PER_MILLE);
        let account = self.write(rng, time, action, job.as_ref(), failed, out)?;
        if let Some(job) = job
            && action.verb == "create"
            && !failed
        {
            self.remember(job);
        }
        Ok(account)
    }

    fn write(
        &self,
        rng: &mut Rng,
        time: i64,
        action: &CadfAction,
        job: Option<&Job>,
        failed: bool,
        out: &mut Vec<u8>,
    ) -> io::Result<usize> {
        let person = &self.people[job.map_or_else(|| self.popularity.sample(rng), |j| j.person)];
        let account = &self.accounts[person.account];
        let instance = job.map_or_else(|| rng.usize(..account.instances.len()), |j| j.instance);
        let target = record::target_for(
            rng,
            action.object,
            account,
            &account.instances[instance],
            job,
        );
        let texts = record::Texts::sample(rng, time, action, &target, failed);
        // Browsers cannot log in with an API key; everything else is mostly the SDK.
        let from_sdk = person.service_id || action.object == Object::ApiKey || rng.u32(..10) < 8;
        let initiator = initiator(person, from_sdk);
        let header = Record::header(action.name, action.verb, initiator, &target, &texts);
        let status = *pick(rng, JOB_STATES);
        record::data(
            action,
            job,
            &target.name,
            failed,
            status,
            |request, response| header.write(out, request, response),
        )?;
        Ok(person.account)
    }

    fn job_for(&self, rng: &mut Rng, action: &CadfAction) -> Option<Job> {
        if action.object != Object::Job {
            return None;
        }
        if action.verb != "create" && !self.jobs.is_empty() && ids::chance(rng, RECALL_PER_MILLE) {
            let j = &self.jobs[rng.usize(..self.jobs.len())];
            return Some(Job {
                person: j.person,
                instance: j.instance,
                id: j.id.clone(),
                backend: j.backend,
                program: j.program,
            });
        }
        let person = self.popularity.sample(rng);
        let account = &self.accounts[self.people[person].account];
        let instance = rng.usize(..account.instances.len());
        let backends = if account.instances[instance].eu {
            EU_BACKENDS
        } else {
            US_BACKENDS
        };
        Some(Job {
            person,
            instance,
            id: ids::lower_alnum(rng, 20),
            backend: pick_str(rng, backends),
            program: pick_str(rng, PROGRAMS),
        })
    }

    fn remember(&mut self, job: Job) {
        if self.jobs.len() < JOB_RING {
            self.jobs.push(job);
        } else {
            self.jobs[self.next_job] = job;
        }
        self.next_job = (self.next_job + 1) % JOB_RING;
    }
}

fn account(rng: &mut Rng) -> IbmAccount {
    let id = ids::hex(rng, 32);
    let instances = [true, true, false]
        .into_iter()
        .map(|eu| {
            let region = if eu { "eu-de" } else { "us-east" };
            Instance {
                crn: format!(
                    "crn:v1:bluemix:public:quantum-computing:{region}:a/{id}:{}::",
                    ids::uuid(rng)
                ),
                eu,
            }
        })
        .collect();
    IbmAccount {
        cos_guid: ids::uuid(rng),
        id,
        instances,
    }
}

fn person(rng: &mut Rng, account: usize, service_id: bool) -> Person {
    let (id, name) = if service_id {
        let guid = ids::uuid(rng);
        (format!("iam-ServiceId-{guid}"), format!("ServiceId-{guid}"))
    } else {
        let first = pick(rng, vocabulary::FIRST_NAMES);
        let last = pick(rng, vocabulary::LAST_NAMES);
        (
            format!("IBMid-{}", ids::b32(rng, 10)),
            format!("{first}.{last}@{}", vocabulary::MAIL_DOMAIN),
        )
    };
    let agent = format!(
        "qiskit-ibm-runtime/0.{}.{}",
        rng.u32(23..=34),
        rng.u32(0..=2)
    );
    Person {
        account,
        id,
        name,
        service_id,
        ip: agents::public_ipv4(rng),
        agent,
        browser: agents::browser(rng),
    }
}

/// An SDK call uses the person's API key; anything else, their browser session.
fn initiator(person: &Person, from_sdk: bool) -> Initiator<'_> {
    let agent = if from_sdk {
        &person.agent
    } else {
        &person.browser
    };
    Initiator::new(
        &person.id,
        &person.name,
        person.service_id,
        &person.ip,
        agent,
        from_sdk,
    )
}
