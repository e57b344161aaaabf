//! `qtrail jobs`: each quantum task, hybrid job, Qiskit job or program, with its lifecycle.

use std::io::Write;

use serde::Serialize;

use crate::index::Index;
use crate::model::Column;
use crate::parse::time::format_utc_millis;
use crate::sanitize::display;

/// One job, as `qtrail jobs --json` prints it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct JobJson {
    pub job: String,
    /// `quantum-task`, `hybrid-job`, `job` or `program`, when the trail says.
    pub kind: Option<&'static str>,
    pub provider: &'static str,
    pub created_by: Option<String>,
    pub created: Option<String>,
    /// `cancelled`, `deleted`, or `null` while it runs or ran to its end.
    pub ended: Option<&'static str>,
    pub ended_by: Option<String>,
    pub device: Option<String>,
    pub shots: Option<u64>,
    pub events: u64,
    /// Everyone who touched it, sorted.
    pub actors: Vec<String>,
}

/// Every job, the earliest created first.
#[must_use]
pub fn jobs(index: &Index) -> Vec<JobJson> {
    let identity = |id: u32| index.strings(Column::Identity).get(id).to_owned();
    let mut out: Vec<JobJson> = index
        .jobs()
        .iter()
        .map(|(id, job)| {
            let mut actors: Vec<String> = job.actors.iter().map(|&a| identity(a)).collect();
            actors.sort();
            JobJson {
                job: index.strings(Column::Job).get(id).to_owned(),
                kind: job.kind.map(crate::parse::JobKind::name),
                provider: job.provider.name(),
                created_by: job.created.map(|(_, who)| identity(who)),
                created: job.created.map(|(t, _)| format_utc_millis(t)),
                ended: job.ended.map(|(how, _, _)| how.name()),
                ended_by: job.ended.map(|(_, _, who)| identity(who)),
                device: job.device.as_deref().map(str::to_owned),
                shots: job.shots,
                events: job.events,
                actors,
            }
        })
        .collect();
    out.sort_by(|a, b| (&a.created, &a.job).cmp(&(&b.created, &b.job)));
    out
}

/// The jobs for a terminal: one line each.
pub fn write_jobs_text(jobs: &[JobJson], out: &mut impl Write) -> std::io::Result<()> {
    for j in jobs {
        let ended = match (j.ended, &j.ended_by) {
            (Some(how), Some(by)) => format!("{how} by {by}"),
            _ => "-".to_owned(),
        };
        writeln!(
            out,
            "{}  {}  created {} by {}  {ended}  {} events",
            display(&j.job),
            j.kind.unwrap_or("?"),
            j.created.as_deref().unwrap_or("?"),
            display(j.created_by.as_deref().unwrap_or("?")),
            j.events,
        )?;
    }
    Ok(())
}
