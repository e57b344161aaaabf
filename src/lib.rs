//! qtrail explores the audit trail of quantum-computing clouds: AWS `CloudTrail` records
//! (Amazon Braket) and IBM Cloud Activity Tracker CADF events (IBM Qiskit Runtime).
//!
//! Data flows one way; each module uses only those to its left (and `model`):
//!
//! ```text
//!  source ──► parse ──► load ──────────────► index ──► filter ──► output / commands
//!  files,     bytes ->  units of work on      time order,         headless stats,
//!  gzip,      events    worker threads,       postings,           query, bench
//!  stdin      + rejects batches over a        dedup, rejects
//!                       bounded channel
//! ```
//!
//! `model` is the shared vocabulary, `sanitize` makes event text safe for a terminal, and
//! `generate` writes deterministic synthetic trails for benchmarks and the demo.

pub mod app;
pub mod cli;
pub mod commands;
pub mod filter;
pub mod index;
pub mod live;
pub mod load;
pub mod model;
pub mod names;
pub mod output;
pub mod parse;
pub mod sanitize;
pub mod source;
pub mod term;
pub mod view;
