//! `qtrail query --follow`: what matches among the start-up inputs, in time order, then
//! each matching event as it arrives (in arrival order), one JSON object a line, flushed
//! as it goes so a script sees it at once.

use std::io::Write;

use crate::cli::{QueryArgs, UsageError};
use crate::filter::{Filter, Matcher, keep_raw_matches, matching_rows_since};
use crate::index::Index;
use crate::load::{LoadMsg, SourceIds, spawn_live};
use crate::output::{QueryFormat, write_query};
use crate::sanitize::display;
use crate::source::RawReader;

pub fn follow(args: &QueryArgs, filter: &Filter) -> anyhow::Result<()> {
    if args.format != QueryFormat::Jsonl {
        return Err(UsageError("query --follow prints jsonl only".into()).into());
    }
    let (initial, live) = super::sources::split_inputs(&args.inputs, &args.live)?;
    for url in live.urls() {
        eprintln!("qtrail: listening on {url}");
    }
    let loads = spawn_live(initial, SourceIds::default(), move |feed| live.start(&feed));
    let mut index = Index::new();
    let mut out = std::io::stdout().lock();
    let mut started = false;
    for msg in loads {
        let before = index.len();
        match msg {
            LoadMsg::Done => {
                started = true;
                index.ensure_sorted();
                let ids = crate::filter::evaluate(&index, filter, &mut RawReader::new());
                write_query(&index, &ids, args.format, args.raw, &mut out)?;
            }
            LoadMsg::Batch(batch) => {
                report_rejects(&index, &batch.rejects);
                report_unsampled(&index, batch.source, &batch.unsampled);
                index.apply(batch);
                if started {
                    let ids = new_matches(&index, filter, before);
                    write_query(&index, &ids, args.format, args.raw, &mut out)?;
                }
            }
            LoadMsg::Source(id, info) => index.set_source(id, info),
            LoadMsg::Rejects(rejects) => {
                report_rejects(&index, &rejects);
                index.add_rejects(rejects);
            }
            LoadMsg::Indexed(ack) => {
                let _ = ack.send(());
            }
            LoadMsg::Started { .. } => {}
        }
        out.flush()?;
        if let Some(max) = args.live.max_events {
            index.evict_beyond(max);
        }
    }
    Ok(())
}

/// Rows added since `from` that pass the filter (reading originals for bare words).
fn new_matches(index: &Index, filter: &Filter, from: usize) -> Vec<u32> {
    let matcher = Matcher::new(index, filter);
    let added = matching_rows_since(index, &matcher, from);
    if !matcher.needs_raw() {
        return added.collect();
    }
    let candidates = added.map(|id| (id, index.row(id).raw));
    keep_raw_matches(&matcher, candidates, index.sources(), &mut RawReader::new())
}

/// A flood of rejects is told as counts, as it is kept.
fn report_unsampled(index: &Index, source: u32, tally: &crate::model::RejectTally) {
    if tally.total() == 0 {
        return;
    }
    let kinds: Vec<String> = tally.iter().map(|(k, n)| format!("{n} {k}")).collect();
    eprintln!(
        "qtrail: rejected {} more records of {} ({}), not listed one by one",
        tally.total(),
        display(index.source_name(source)),
        kinds.join(", ")
    );
}

/// Rejects go to stderr as they come, so a script's operator sees what was not taken.
fn report_rejects(index: &Index, rejects: &[crate::model::Reject]) {
    for reject in rejects {
        let place = reject.line.map_or_else(
            || format!("offset {}", reject.offset),
            |l| format!("line {l}"),
        );
        eprintln!(
            "qtrail: rejected {} {place}: {}",
            display(index.source_name(reject.source)),
            display(&reject.reason.to_string())
        );
    }
}
