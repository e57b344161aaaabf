//! qtrail's workbench, kept out of the product binary: [`generate`] writes deterministic
//! synthetic trails (the benchmark data sets and the explorer's embedded demo), and
//! [`bench`] times qtrail's loader, query engine, explorer and live ingest with them.
//! The `qtrail-lab` binary runs both (see the README's Benchmarks section).

pub mod bench;
pub mod generate;
