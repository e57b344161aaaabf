//! `qtrail-lab`'s command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use qtrail_lab::bench::Via;

/// qtrail's workbench: synthetic trails, the demo asset, and benchmarks of qtrail's own
/// code.
#[derive(Parser, Debug)]
#[command(name = "qtrail-lab", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub task: Task,
}

#[derive(Subcommand, Debug)]
pub enum Task {
    /// Write a deterministic synthetic trail (for benchmarks).
    Generate(GenerateArgs),
    /// Write the explorer's embedded demo trail (assets/demo.ndjson.gz) again, after the
    /// demo's generator changed.
    Demo(DemoArgs),
    /// Time loading and filtering without a terminal; prints one JSON object.
    Bench(BenchArgs),
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Number of records.
    #[arg(long, default_value_t = 1_000_000)]
    pub events: usize,
    /// Seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    /// Share of IBM CADF events, in percent.
    #[arg(long, default_value_t = 0)]
    pub cadf_percent: u8,
    /// Write one record a line to this file (- for stdout).
    #[arg(long, conflicts_with = "s3_tree", required_unless_present = "s3_tree")]
    pub ndjson: Option<PathBuf>,
    /// Write S3-style gzipped `CloudTrail` files below this folder.
    #[arg(long)]
    pub s3_tree: Option<PathBuf>,
    /// Records per gzipped file with --s3-tree.
    #[arg(long, default_value_t = 500)]
    pub per_file: usize,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Where to write the gzipped demo trail.
    #[arg(long, default_value = "assets/demo.ndjson.gz")]
    pub out: PathBuf,
}

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Filters to time after loading (repeatable); a standard set when none is given.
    #[arg(long)]
    pub filter: Vec<String>,
    /// Runs of each filter (the median is reported).
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
    /// Time the explorer instead: first screen while loading, then update + render per
    /// keystroke at this size (e.g. 200x60), without a terminal.
    #[arg(long, value_name = "WxH")]
    pub ui: Option<String>,
    /// Time live ingest instead: one record-a-line INPUT is written through a pipe, a
    /// followed file or a TCP connection while the explorer's loop runs (at --ui size,
    /// 80x24 by default) and keys are pressed every 50 ms.
    #[arg(long, value_enum)]
    pub live: Option<Via>,
    /// Files or folders to load.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}
