use std::io::Write;

use serde::Serialize;

use crate::index::Index;
use crate::model::Column;
use crate::model::{Outcome, Provider, Reject};
use crate::parse::time::format_utc_seconds;
use crate::sanitize::display;

/// How many rejects a summary lists in full.
const LISTED_REJECTS: usize = 20;

/// The summary `qtrail stats --json` prints.
#[derive(Serialize, Debug)]
pub struct Stats {
    pub events: usize,
    pub duplicates: u64,
    pub rejected: u64,
    pub providers: Providers,
    pub identities: usize,
    pub actions: usize,
    pub failures: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    pub sources: usize,
    /// Rejects by kind (`broken_json`, `truncated`, ...).
    pub reject_kinds: std::collections::BTreeMap<&'static str, u64>,
    /// The first rejects, with where they are and why.
    pub rejects: Vec<RejectJson>,
}

#[derive(Serialize, Debug)]
pub struct Providers {
    pub cloudtrail: usize,
    pub cadf: usize,
}

#[derive(Serialize, Debug)]
pub struct RejectJson {
    pub file: String,
    pub line: Option<u64>,
    pub record: Option<u64>,
    pub offset: u64,
    pub reason: String,
}

impl RejectJson {
    #[must_use]
    pub fn new(index: &Index, r: &Reject) -> Self {
        RejectJson {
            file: index.source_name(r.source).to_owned(),
            line: r.line,
            record: r.record,
            offset: r.offset,
            reason: r.reason.to_string(),
        }
    }
}

impl Stats {
    #[must_use]
    pub fn of(index: &Index) -> Stats {
        let range = index.time_range();
        let reject_kinds = index.reject_kinds().clone();
        let mut rejects: Vec<&Reject> = index.rejects().iter().collect();
        rejects.sort_by_key(|r| (r.source, r.offset));
        Stats {
            events: index.len(),
            duplicates: index.duplicates(),
            rejected: index.rejected(),
            providers: Providers {
                cloudtrail: index.count_provider(Provider::CloudTrail),
                cadf: index.count_provider(Provider::Cadf),
            },
            identities: distinct(index, Column::Identity),
            actions: distinct(index, Column::Action),
            failures: index.count_outcome(Outcome::Failure),
            first: range.map(|(first, _)| format_utc_seconds(first)),
            last: range.map(|(_, last)| format_utc_seconds(last)),
            sources: index.sources().len(),
            reject_kinds,
            rejects: rejects
                .into_iter()
                .take(LISTED_REJECTS)
                .map(|r| RejectJson::new(index, r))
                .collect(),
        }
    }
}

/// Distinct values that at least one event has (interners keep no empty entries but the first).
fn distinct(index: &Index, column: Column) -> usize {
    index.strings(column).len().saturating_sub(1)
}

/// The readable summary of `qtrail stats`.
pub fn write_stats_text(stats: &Stats, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "events      {}", stats.events)?;
    writeln!(out, "  cloudtrail {}", stats.providers.cloudtrail)?;
    writeln!(out, "  cadf       {}", stats.providers.cadf)?;
    writeln!(out, "duplicates  {}", stats.duplicates)?;
    writeln!(out, "rejected    {}", stats.rejected)?;
    writeln!(out, "failures    {}", stats.failures)?;
    writeln!(out, "identities  {}", stats.identities)?;
    writeln!(out, "actions     {}", stats.actions)?;
    writeln!(out, "sources     {}", stats.sources)?;
    if let (Some(first), Some(last)) = (&stats.first, &stats.last) {
        writeln!(out, "time range  {first} .. {last}")?;
    }
    if !stats.rejects.is_empty() {
        writeln!(
            out,
            "\nrejects (first {} of {}):",
            stats.rejects.len(),
            stats.rejected
        )?;
        for r in &stats.rejects {
            let at = match (r.line, r.record) {
                (Some(line), Some(rec)) => format!("line {line}, record {rec}"),
                (Some(line), None) => format!("line {line}"),
                (None, Some(rec)) => format!("record {rec}"),
                (None, None) => format!("offset {}", r.offset),
            };
            writeln!(out, "  {}: {at}: {}", display(&r.file), display(&r.reason))?;
        }
    }
    Ok(())
}
