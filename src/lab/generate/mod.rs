//! Deterministic generator of realistic quantum-cloud audit trails.
//!
//! It simulates three AWS accounts whose people, CI pipelines, applications, auditors and AWS
//! services call about 200 actions over 21 services (Amazon Braket among them), and two IBM Cloud
//! accounts running Qiskit Runtime jobs, and writes what `CloudTrail` and Activity Tracker would
//! have logged: skewed popularity, realistic identities and clients, about 4 % failures, and
//! records that arrive late and out of order. The output depends only on [`GenConfig`]: the same
//! configuration always yields the same bytes.

mod access;
mod actions;
mod agents;
mod braket;
mod cadf;
mod catalog;
mod clock;
mod cloudtrail;
mod demo;
mod ec2;
mod errors;
mod ids;
mod json;
mod s3;
mod s3tree;
mod shapes;
mod vocabulary;
mod world;

#[cfg(test)]
mod tests;

use std::io::{self, Write};

use chrono::{DateTime, Utc};
use fastrand::Rng;

pub use demo::write_demo;
pub use s3tree::write_s3_tree;

/// 2026-03-01T00:00:00Z, the start of the benchmark data set.
const BENCHMARK_START: i64 = 1_772_323_200;
/// Keeps the simulated organisation independent of the record stream's random draws.
const WORLD_SALT: u64 = 0x9e37_79b9_7f4a_7c15;
const HOUR: i64 = 3_600;
/// Per ten thousand records: logged 1-300 s before their neighbours.
const SLIGHTLY_LATE: u32 = 500;
/// Per ten thousand records: delivered up to an hour late.
const VERY_LATE: u32 = 10;
const FLUSH_AT: usize = 1 << 16;

/// What to generate; the output is a pure function of these fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenConfig {
    /// Total records to produce.
    pub events: usize,
    pub seed: u64,
    /// Nominal time of the first event.
    pub start: DateTime<Utc>,
    /// Events are spread over `[start, start + span_secs)`; late ones reach back an hour more.
    pub span_secs: i64,
    /// Percentage of records that are IBM CADF events (0 = `CloudTrail` only).
    pub cadf_share_percent: u8,
}

impl GenConfig {
    /// Seed 42, one week from 2026-03-01T00:00:00Z, `CloudTrail` only.
    #[must_use]
    pub fn benchmark(events: usize) -> Self {
        Self {
            events,
            seed: 42,
            start: DateTime::from_timestamp(BENCHMARK_START, 0).unwrap_or_default(),
            span_secs: 7 * 24 * HOUR,
            cadf_share_percent: 0,
        }
    }
}

/// Where a generated record belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A `CloudTrail` record of AWS account `account` (see [`Generator::aws_account_id`]) logged in `region`.
    CloudTrail { account: usize, region: usize },
    /// An Activity Tracker event of IBM account `account` (see [`Generator::ibm_account_id`]).
    Cadf { account: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Emitted {
    pub origin: Origin,
    /// When the record reached the log (Unix seconds); never decreases from record to record.
    pub arrival: i64,
    /// The record's own event time (Unix seconds), at most an hour before `arrival`.
    pub event_time: i64,
}

/// Produces the records of one configuration, one at a time, in delivery order.
pub struct Generator {
    rng: Rng,
    schedule: clock::Schedule,
    trail: cloudtrail::Trail,
    tracker: cadf::Tracker,
    cadf_share: u32,
    earliest: i64,
    remaining: usize,
}

impl Generator {
    #[must_use]
    pub fn new(cfg: &GenConfig) -> Self {
        let mut world_rng = Rng::with_seed(cfg.seed ^ WORLD_SALT);
        let start = cfg.start.timestamp();
        Self {
            rng: Rng::with_seed(cfg.seed),
            schedule: clock::Schedule::new(start, cfg.span_secs, cfg.events),
            trail: cloudtrail::Trail::new(&mut world_rng),
            tracker: cadf::Tracker::new(&mut world_rng),
            cadf_share: u32::from(cfg.cadf_share_percent.min(100)),
            earliest: start - HOUR,
            remaining: cfg.events,
        }
    }

    /// Appends the next record's JSON (without a line break) to `out`, or returns `None` once
    /// all configured records have been produced.
    ///
    /// # Errors
    ///
    /// Only if serialization fails, which writing to memory does not.
    pub fn next_record(&mut self, out: &mut Vec<u8>) -> io::Result<Option<Emitted>> {
        if self.remaining == 0 {
            return Ok(None);
        }
        self.remaining -= 1;
        let arrival = self.schedule.next_time();
        let event_time = self.lateness(arrival);
        let origin = if self.rng.u32(..100) < self.cadf_share {
            let account = self.tracker.emit(&mut self.rng, event_time, out)?;
            Origin::Cadf { account }
        } else {
            let (account, region) = self.trail.emit(&mut self.rng, event_time, out)?;
            Origin::CloudTrail { account, region }
        };
        Ok(Some(Emitted {
            origin,
            arrival,
            event_time,
        }))
    }

    fn lateness(&mut self, arrival: i64) -> i64 {
        let roll = self.rng.u32(..10_000);
        let back = if roll < VERY_LATE {
            self.rng.i64(1..=HOUR)
        } else if roll < VERY_LATE + SLIGHTLY_LATE {
            self.rng.i64(1..=300)
        } else {
            0
        };
        (arrival - back).max(self.earliest)
    }

    #[must_use]
    pub fn aws_account_id(&self, account: usize) -> &str {
        &self.trail.world.accounts[account].id
    }

    #[must_use]
    pub fn region_name(region: usize) -> &'static str {
        world::REGIONS[region]
    }

    #[must_use]
    pub fn ibm_account_id(&self, account: usize) -> &str {
        self.tracker.account_id(account)
    }
}

/// One record a line (NDJSON); `CloudTrail` and CADF records interleaved per `cadf_share_percent`.
/// Returns the number of records written.
///
/// # Errors
///
/// Any error of `out`.
pub fn write_ndjson(cfg: &GenConfig, out: &mut impl Write) -> io::Result<u64> {
    let mut generator = Generator::new(cfg);
    let mut buf = Vec::with_capacity(FLUSH_AT + 16 * 1024);
    let mut written = 0;
    while generator.next_record(&mut buf)?.is_some() {
        buf.push(b'\n');
        written += 1;
        if buf.len() >= FLUSH_AT {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()?;
    Ok(written)
}
