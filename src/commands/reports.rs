//! `qtrail chains` and `qtrail jobs`: who is behind each session, and each job's life.

use std::io::Write;

use crate::cli::ReportArgs;
use crate::output::{chains as all_chains, jobs as all_jobs, write_chains_text, write_jobs_text};

pub fn chains(args: &ReportArgs) -> anyhow::Result<()> {
    let index = super::loading::load(&args.inputs)?;
    let chains = all_chains(&index);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &chains)?;
        out.write_all(b"\n")?;
    } else {
        write_chains_text(&chains, &mut out)?;
    }
    Ok(())
}

pub fn jobs(args: &ReportArgs) -> anyhow::Result<()> {
    let index = super::loading::load(&args.inputs)?;
    let jobs = all_jobs(&index);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &jobs)?;
        out.write_all(b"\n")?;
    } else {
        write_jobs_text(&jobs, &mut out)?;
    }
    Ok(())
}
