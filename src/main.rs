use std::process::ExitCode;

use clap::Parser;
use qtrail::cli::{Cli, Headless, UsageError};
use qtrail::commands;
use qtrail::sanitize::display;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.headless {
        Some(Headless::Stats(args)) => commands::stats(args),
        Some(Headless::Query(args)) => commands::query(args),
        Some(Headless::Chains(args)) => commands::chains(args),
        Some(Headless::Jobs(args)) => commands::jobs(args),
        None => commands::explore(&cli.inputs, &cli.live),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qtrail: {}", display(&format!("{e:#}")));
            if e.is::<UsageError>() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

/// `qtrail query | head` closes the pipe early: that is not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
