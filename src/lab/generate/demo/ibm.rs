//! Ordinary days on the Qiskit Runtime instance: two researchers and an hourly CI pipeline.

use std::io;

use super::super::ids;
use super::cadf::{Event, Object, Verb, Via};
use super::cast::{DANA, LENA, PIPELINE};
use super::{DAY, Demo, HOUR, IbmJob, MINUTE, SPAN, START, at};

const EU_BACKENDS: [&str; 3] = ["ibm_brussels", "ibm_strasbourg", "ibm_aachen"];
const PRIMITIVES: [&str; 2] = ["sampler", "estimator"];
/// Each researcher's own runtime program, created on the first day and revised later.
pub const CUSTOM: [&str; 2] = ["vqe-h2-k3x9pq", "qaoa-maxcut-7fz2mc"];
/// The pipeline keeps its results for a day, then deletes them.
const RETENTION: i64 = DAY;

pub fn routine(demo: &mut Demo) -> io::Result<()> {
    let mut run = at(0, 8, 0, 0);
    while run < START + SPAN {
        let start = run + demo.pause(3, 40);
        pipeline(demo, start)?;
        run += HOUR;
    }
    for day in 0..3 {
        for (who, arrives) in [(DANA, 8), (LENA, 9)] {
            let morning = at(day, arrives, 20, 0) + demo.pause(0, HOUR);
            session(demo, who, morning, day == 0)?;
            let afternoon = at(day, 14, 0, 0) + demo.pause(0, 2 * HOUR);
            session(demo, who, afternoon, false)?;
        }
    }
    overnight(demo, at(1, 17, 40, 0))
}

/// One scheduled run: read the primitive, run a job to completion, delete yesterday's result.
fn pipeline(demo: &mut Demo, start: i64) -> io::Result<()> {
    let via = Via::Sdk(0);
    demo.ibm(start, &Event::program(PIPELINE, via, Verb::Read, "sampler"))?;
    let t = start + demo.pause(1, 4);
    let job = submit(demo, t, PIPELINE, via, ("ibm_brussels", "sampler"))?;
    let polls = demo.rng.u32(3..=6);
    let t = follow(demo, t, PIPELINE, via, &job, polls)?;
    let expired = demo
        .ibm_jobs
        .iter()
        .find(|j| j.owner == PIPELINE && (start - RETENTION - j.created).abs() < HOUR / 2)
        .cloned();
    if let Some(old) = expired {
        let delete = Event::job(PIPELINE, via, Verb::Delete, &old);
        let later = t + demo.pause(2, 8);
        demo.ibm(later, &delete)?;
    }
    Ok(())
}

/// A researcher running primitives from a notebook or the platform's web interface.
fn session(demo: &mut Demo, who: usize, start: i64, first_day: bool) -> io::Result<()> {
    let ip = usize::from(!demo.chance(700));
    let via = if demo.chance(250) {
        Via::Browser(ip)
    } else {
        Via::Sdk(ip)
    };
    let primitive = PRIMITIVES[demo.rng.usize(..PRIMITIVES.len())];
    demo.ibm(start, &Event::program(who, via, Verb::Read, primitive))?;
    let mut t = start + demo.pause(5, 60);
    if first_day || demo.chance(200) {
        let verb = if first_day {
            Verb::Create
        } else {
            Verb::Update
        };
        demo.ibm(t, &Event::program(who, via, verb, CUSTOM[who]))?;
    }
    for _ in 0..demo.rng.u32(3..=8) {
        t += demo.pause(MINUTE, 10 * MINUTE);
        let backend = EU_BACKENDS[demo.rng.usize(..EU_BACKENDS.len())];
        let job = submit(demo, t, who, via, (backend, primitive))?;
        if demo.chance(60) {
            let cancel = Event::job(who, via, Verb::Cancel, &job);
            let later = t + demo.pause(20, 200);
            demo.ibm(later, &cancel)?;
            continue;
        }
        let polls = demo.rng.u32(3..=12);
        t = follow(demo, t, who, via, &job, polls)?;
    }
    Ok(())
}

/// Before leaving on the second day, both queue long jobs on a busy backend overnight.
fn overnight(demo: &mut Demo, start: i64) -> io::Result<()> {
    let mut t = start;
    for (who, jobs) in [(DANA, 3), (LENA, 2)] {
        let via = Via::Sdk(0);
        for _ in 0..jobs {
            t += demo.pause(2 * MINUTE, 9 * MINUTE);
            let job = submit(demo, t, who, via, ("ibm_strasbourg", "estimator"))?;
            if let Some(last) = demo.ibm_jobs.last_mut() {
                last.pending = true;
            }
            let status = Event {
                status: "Queued",
                ..Event::job(who, via, Verb::Read, &job)
            };
            let later = t + demo.pause(30, 120);
            demo.ibm(later, &status)?;
        }
    }
    Ok(())
}

fn submit(
    demo: &mut Demo,
    time: i64,
    who: usize,
    via: Via,
    (backend, program): (&'static str, &'static str),
) -> io::Result<IbmJob> {
    let job = IbmJob {
        owner: who,
        id: ids::lower_alnum(&mut demo.rng, 20),
        backend,
        program,
        created: time,
        pending: false,
    };
    demo.ibm(time, &Event::job(who, via, Verb::Create, &job))?;
    demo.ibm_jobs.push(job.clone());
    Ok(job)
}

/// Polls a job until it completes; returns the time of the last poll.
fn follow(
    demo: &mut Demo,
    start: i64,
    who: usize,
    via: Via,
    job: &IbmJob,
    polls: u32,
) -> io::Result<i64> {
    let mut t = start;
    for poll in 1..=polls {
        t += demo.pause(15, 2 * MINUTE);
        let status = match poll {
            1 => "Queued",
            _ if poll == polls => "Completed",
            _ => "Running",
        };
        let read = Event {
            status,
            ..Event::job(who, via, Verb::Read, job)
        };
        demo.ibm(t, &read)?;
    }
    Ok(t)
}

impl<'a> Event<'a> {
    /// A successful request about `job`.
    pub fn job(who: usize, via: Via, verb: Verb, job: &'a IbmJob) -> Self {
        Self {
            who,
            via,
            object: Object::Job,
            verb,
            name: &job.id,
            backend: job.backend,
            program: job.program,
            status: "Completed",
            code: success(verb),
        }
    }

    /// A successful request about the runtime program `name`.
    pub fn program(who: usize, via: Via, verb: Verb, name: &'a str) -> Self {
        Self {
            who,
            via,
            object: Object::Program,
            verb,
            name,
            backend: "",
            program: name,
            status: "",
            code: success(verb),
        }
    }
}

pub fn success(verb: Verb) -> u16 {
    match verb {
        Verb::Create => 201,
        Verb::Delete => 204,
        _ => 200,
    }
}
