//! The demo trail shipped with qtrail: three working days of a university quantum-research group
//! on Amazon Braket and IBM Qiskit Runtime, with three incidents to find on the third day.
//!
//! The benchmark [`Generator`](super::Generator) samples a large organisation from popularity
//! tables; the demo is scripted instead. Named people keep office hours and follow up on their
//! own tasks and jobs, and the incidents happen at fixed times and addresses, so that
//! `assets/DEMO.md` can point at them. It reuses the generator's identities, clients, payload
//! builders, timestamp shapes and record envelopes, so that both write records of one shape; the
//! few payloads the generator cannot aim at a given task, job or device are its own.

mod aws;
mod braket;
mod cadf;
mod cast;
mod ibm;
mod incidents;
mod sso;
mod trail;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::{self, Write};

use fastrand::Rng;

use super::braket::Fleet;
use super::catalog::Catalog;
use super::ids;
use super::world::World;
use cast::IbmUser;

/// 2026-03-02T07:00:00Z, a Monday: the first hour of the demo.
pub const START: i64 = 1_772_434_800;
/// The demo covers three days from [`START`].
pub const SPAN: i64 = 3 * DAY;
const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;
const MINUTE: i64 = 60;
/// Midnight UTC at the start of 2026-03-02, the first day.
const FIRST_MIDNIGHT: i64 = START - 7 * HOUR;
const SEED: u64 = 20_260_302;
/// Per ten thousand records: logged up to five minutes after the records around them.
const SLIGHTLY_LATE: u32 = 80;
/// Per ten thousand records: delivered up to an hour late.
const VERY_LATE: u32 = 10;

/// Midnight UTC of day `day` (0 = 2026-03-02) plus `hour`, `minute` and `second`.
const fn at(day: i64, hour: i64, minute: i64, second: i64) -> i64 {
    FIRST_MIDNIGHT + day * DAY + hour * HOUR + minute * MINUTE + second
}

/// A Qiskit Runtime job created in the trail, which later events (and the thief) refer to.
#[derive(Clone)]
struct IbmJob {
    owner: usize,
    id: String,
    backend: &'static str,
    program: &'static str,
    created: i64,
    /// Still waiting in the backend's queue when the day ends.
    pending: bool,
}

struct Line {
    arrival: i64,
    seq: usize,
    bytes: Vec<u8>,
}

/// The script's state: the cast, the Braket fleet, and every record written so far.
struct Demo {
    rng: Rng,
    world: World,
    ibm: Vec<IbmUser>,
    ibm_jobs: Vec<IbmJob>,
    /// When each identity's temporary credentials were issued, in order.
    sessions: HashMap<usize, Vec<i64>>,
    fleet: Fleet,
    catalog: Catalog,
    lines: Vec<Line>,
}

impl Demo {
    fn new() -> Self {
        let mut rng = Rng::with_seed(SEED);
        let world = cast::aws_world(&mut rng);
        let ibm = cast::ibm_users(&mut rng);
        let fleet = Fleet::new(&mut rng);
        Self {
            rng,
            world,
            ibm,
            ibm_jobs: Vec::new(),
            sessions: HashMap::new(),
            fleet,
            catalog: Catalog::new(),
            lines: Vec::new(),
        }
    }

    /// Files a serialized record under its event time; a few arrive late, as real logs do.
    fn push(&mut self, event_time: i64, bytes: Vec<u8>) {
        let roll = self.rng.u32(..10_000);
        let delay = if roll < VERY_LATE {
            self.rng.i64(301..=HOUR)
        } else if roll < VERY_LATE + SLIGHTLY_LATE {
            self.rng.i64(1..=300)
        } else {
            0
        };
        let seq = self.lines.len();
        self.lines.push(Line {
            arrival: event_time + delay,
            seq,
            bytes,
        });
    }

    /// Records that `who` was issued fresh temporary credentials at `time`.
    fn issue(&mut self, who: usize, time: i64) {
        self.sessions.entry(who).or_default().push(time);
    }

    /// When the credentials `who` uses at `time` were issued, if the script knows.
    fn issued(&self, who: usize, time: i64) -> Option<i64> {
        let starts = self.sessions.get(&who)?;
        starts.iter().copied().filter(|&t| t <= time).max()
    }

    /// A short human pause between two calls, in seconds.
    fn pause(&mut self, min: i64, max: i64) -> i64 {
        self.rng.i64(min..=max)
    }

    fn chance(&mut self, per_mille: u32) -> bool {
        ids::chance(&mut self.rng, per_mille)
    }

    fn finish(mut self, out: &mut impl Write) -> io::Result<u64> {
        self.lines.sort_by_key(|line| (line.arrival, line.seq));
        let mut written = 0;
        for line in &self.lines {
            out.write_all(&line.bytes)?;
            out.write_all(b"\n")?;
            written += 1;
        }
        out.flush()?;
        Ok(written)
    }
}

/// Writes the demo trail (NDJSON, `CloudTrail` and CADF records interleaved in delivery order)
/// to `out` and returns the number of records. The output is the same on every call.
///
/// # Errors
///
/// Any error of `out`.
pub fn write_demo(out: &mut impl Write) -> io::Result<u64> {
    let mut demo = Demo::new();
    aws::routine(&mut demo)?;
    ibm::routine(&mut demo)?;
    incidents::stage(&mut demo)?;
    demo.finish(out)
}
