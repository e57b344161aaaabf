//! Amazon Braket: devices, `OpenQASM` programs, and the task and job lifecycles.
//!
//! Created tasks and jobs are remembered in small rings so that later `GetQuantumTask`, `GetJob`
//! and cancel calls refer to them from the same identity and region, as an SDK polling its own
//! task would.

mod create;
mod qasm;

use std::borrow::Cow;

use fastrand::Rng;

use super::catalog::Braket as Op;
use super::clock;
use super::ids::{self, Weighted};
use super::json::{EMPTY, Val};
use super::shapes::{Call, Payload, pick, pick_str};
use super::vocabulary;
use super::world::REGIONS;

const TASK_RING: usize = 512;
const JOB_RING: usize = 64;
/// Share of follow-up calls that refer to a task or job created earlier in the trail.
const RECALL_PER_MILLE: u32 = 850;

pub struct Device {
    pub arn: &'static str,
    /// `None` for on-demand simulators, which every Braket region serves.
    pub region: Option<usize>,
    pub retired: bool,
    schema: &'static str,
}

const fn device(arn: &'static str, region: Option<usize>, schema: &'static str) -> Device {
    Device {
        arn,
        region,
        retired: false,
        schema,
    }
}

const SIMULATOR: &str = "braket.device_schema.simulators.gate_model_simulator_device_parameters";
const IONQ: &str = "braket.device_schema.ionq.ionq_device_parameters";
const IQM: &str = "braket.device_schema.iqm.iqm_device_parameters";

#[rustfmt::skip]
const DEVICES: [Device; 9] = [
    device("arn:aws:braket:::device/quantum-simulator/amazon/sv1", None, SIMULATOR),
    device("arn:aws:braket:::device/quantum-simulator/amazon/dm1", None, SIMULATOR),
    device("arn:aws:braket:::device/quantum-simulator/amazon/tn1", None, SIMULATOR),
    device("arn:aws:braket:us-east-1::device/qpu/ionq/Aria-1", Some(0), IONQ),
    device("arn:aws:braket:us-east-1::device/qpu/ionq/Forte-1", Some(0), IONQ),
    device("arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3", Some(1), "braket.device_schema.rigetti.rigetti_device_parameters"),
    device("arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet", Some(4), IQM),
    device("arn:aws:braket:eu-north-1::device/qpu/iqm/Emerald", Some(4), IQM),
    Device { retired: true, ..device("arn:aws:braket:eu-west-2::device/qpu/oqc/Lucy", Some(3), "braket.device_schema.oqc.oqc_device_parameters") },
];
const DEVICE_WEIGHTS: [u64; 9] = [40, 10, 4, 10, 6, 8, 7, 3, 1];

struct Remembered {
    identity: usize,
    region: usize,
    arn: String,
}

/// What a Braket call is about, decided before the caller's identity and region are chosen.
#[derive(Default)]
pub struct Plan {
    pub identity: Option<usize>,
    pub region: Option<usize>,
    device: usize,
    slot: Option<usize>,
}

impl Plan {
    pub fn device(&self) -> &'static Device {
        &DEVICES[self.device]
    }
}

pub struct Fleet {
    devices: Weighted,
    programs: Vec<qasm::Program>,
    tasks: Vec<Remembered>,
    jobs: Vec<Remembered>,
    next_task: usize,
    next_job: usize,
}

impl Fleet {
    pub fn new(rng: &mut Rng) -> Self {
        Self {
            devices: Weighted::new(DEVICE_WEIGHTS),
            programs: (0..32).map(|i| qasm::program(rng, i)).collect(),
            tasks: Vec::with_capacity(TASK_RING),
            jobs: Vec::with_capacity(JOB_RING),
            next_task: 0,
            next_job: 0,
        }
    }

    pub fn plan(&self, rng: &mut Rng, op: Op) -> Plan {
        let device = self.devices.sample(rng);
        let remembered = match op {
            Op::GetTask | Op::CancelTask | Op::ListTags | Op::Tag | Op::Untag => &self.tasks,
            Op::GetJob | Op::CancelJob => &self.jobs,
            // Work is submitted in the region of the QPU it targets.
            _ => {
                return Plan {
                    region: DEVICES[device].region,
                    device,
                    ..Plan::default()
                };
            }
        };
        if remembered.is_empty() || !ids::chance(rng, RECALL_PER_MILLE) {
            return Plan {
                device,
                ..Plan::default()
            };
        }
        let slot = rng.usize(..remembered.len());
        let entry = &remembered[slot];
        Plan {
            identity: Some(entry.identity),
            region: Some(entry.region),
            device,
            slot: Some(slot),
        }
    }

    fn remember(&mut self, job: bool, entry: Remembered) {
        let (ring, next, cap) = if job {
            (&mut self.jobs, &mut self.next_job, JOB_RING)
        } else {
            (&mut self.tasks, &mut self.next_task, TASK_RING)
        };
        if ring.len() < cap {
            ring.push(entry);
        } else {
            ring[*next] = entry;
        }
        *next = (*next + 1) % cap;
    }

    /// The ARN a follow-up call is about: the remembered one, or one this trail never saw.
    fn subject(&self, call: &Call, plan: &Plan, rng: &mut Rng, jobs: bool) -> Cow<'_, str> {
        let remembered = if jobs { &self.jobs } else { &self.tasks };
        match plan.slot.and_then(|s| remembered.get(s)) {
            Some(entry) => Cow::Borrowed(&entry.arn),
            None => Cow::Owned(unknown_arn(call, rng, jobs)),
        }
    }

    pub fn build<R>(
        &mut self,
        call: &Call,
        plan: &Plan,
        rng: &mut Rng,
        op: Op,
        k: impl FnOnce(&Payload) -> R,
    ) -> R {
        match op {
            Op::CreateTask => self.create_task(call, plan, rng, k),
            Op::CreateJob => self.create_job(call, plan, rng, k),
            Op::GetTask | Op::CancelTask | Op::GetJob | Op::CancelJob => {
                self.follow_up(call, plan, rng, op, k)
            }
            Op::ListTags | Op::Tag | Op::Untag => self.tagging(call, plan, rng, op, k),
            Op::SearchTasks => search_tasks(call, plan, k),
            Op::SearchJobs => search_jobs(rng, k),
            Op::GetDevice => k(&Payload::request(Val::Obj(&[(
                "deviceArn",
                Val::Str(plan.device().arn),
            )]))),
            Op::SearchDevices => k(&Payload::request(Val::Obj(&[("filters", Val::Arr(&[]))]))),
        }
    }

    fn follow_up<R>(
        &self,
        call: &Call,
        plan: &Plan,
        rng: &mut Rng,
        op: Op,
        k: impl FnOnce(&Payload) -> R,
    ) -> R {
        let jobs = matches!(op, Op::GetJob | Op::CancelJob);
        let cancel = matches!(op, Op::CancelTask | Op::CancelJob);
        let arn = self.subject(call, plan, rng, jobs);
        let arn = Val::Str(&arn);
        let key = if jobs { "jobArn" } else { "quantumTaskArn" };
        let token = ids::uuid(rng);
        let queue_info = [Val::Str("QueueInfo")];
        let req = if cancel {
            [(key, arn), ("clientToken", Val::Str(&token))]
        } else {
            [
                (key, arn),
                ("additionalAttributeNames", Val::Arr(&queue_info)),
            ]
        };
        let resp = [(key, arn), ("cancellationStatus", Val::Str("CANCELLING"))];
        let resp = if cancel && !call.failed {
            Val::Obj(&resp)
        } else {
            Val::Null
        };
        k(&Payload {
            resp,
            ..Payload::request(Val::Obj(&req))
        })
    }

    fn tagging<R>(
        &self,
        call: &Call,
        plan: &Plan,
        rng: &mut Rng,
        op: Op,
        k: impl FnOnce(&Payload) -> R,
    ) -> R {
        let arn = self.subject(call, plan, rng, false);
        let arn = Val::Str(&arn);
        let project = Val::Str(pick_str(rng, vocabulary::PROJECTS));
        let tags = [
            ("project", project),
            ("cost-center", Val::Str("quantum-rnd")),
        ];
        let req = match op {
            Op::Tag => [("resourceArn", arn), ("tags", Val::Obj(&tags))],
            Op::Untag => [
                ("resourceArn", arn),
                ("tagKeys", Val::Arr(&[Val::Str("cost-center")])),
            ],
            _ => [("resourceArn", arn), ("tags", EMPTY)],
        };
        let req = if op == Op::ListTags {
            &req[..1]
        } else {
            &req[..]
        };
        k(&Payload::request(Val::Obj(req)))
    }
}

fn search_tasks<R>(call: &Call, plan: &Plan, k: impl FnOnce(&Payload) -> R) -> R {
    let since = clock::iso(call.time - 86_400);
    let device = [Val::Str(plan.device().arn)];
    let created = [Val::Str(&since)];
    let filters = [
        Val::Obj(&[
            ("name", Val::Str("deviceArn")),
            ("operator", Val::Str("EQUAL")),
            ("values", Val::Arr(&device)),
        ]),
        Val::Obj(&[
            ("name", Val::Str("createdAt")),
            ("operator", Val::Str("GTE")),
            ("values", Val::Arr(&created)),
        ]),
    ];
    let req = [
        ("filters", Val::Arr(&filters)),
        ("maxResults", Val::Num(100)),
    ];
    k(&Payload::request(Val::Obj(&req)))
}

fn search_jobs<R>(rng: &mut Rng, k: impl FnOnce(&Payload) -> R) -> R {
    let project = [Val::Str(pick_str(rng, vocabulary::PROJECTS))];
    let filter = [Val::Obj(&[
        ("name", Val::Str("jobName")),
        ("operator", Val::Str("CONTAINS")),
        ("values", Val::Arr(&project)),
    ])];
    let req = [("filters", Val::Arr(&filter)), ("maxResults", Val::Num(50))];
    k(&Payload::request(Val::Obj(&req)))
}

/// A task or job this trail never saw created: older than the window, or simply mistyped.
fn unknown_arn(call: &Call, rng: &mut Rng, job: bool) -> String {
    let (region, acct) = (REGIONS[call.region], call.account.id.as_str());
    if job {
        let stamp = rng.u64(1_700_000_000_000..1_770_000_000_000);
        format!(
            "arn:aws:braket:{region}:{acct}:job/{}-{stamp}",
            pick(rng, vocabulary::PROJECTS)
        )
    } else {
        format!(
            "arn:aws:braket:{region}:{acct}:quantum-task/{}",
            ids::uuid(rng)
        )
    }
}
