//! One unit of work: parse a stretch of content into a batch.

use super::batch::{Batch, BatchBuilder};
use super::plan::{Unit, Work};
use crate::model::{RejectReason, SourceId};
use crate::parse::{Layout, Walker, layout};
use crate::source::inflate;

/// What the line fixer needs to know about a finished unit.
pub struct UnitDone {
    pub source: SourceId,
    pub seq: u32,
    /// Lines the unit walked.
    pub lines: u64,
    /// Its rejects carry lines relative to the unit's start.
    pub relative: bool,
    pub initial: bool,
}

pub fn run_unit(unit: Unit) -> (UnitDone, Batch) {
    let Unit {
        source,
        seq,
        work,
        initial,
    } = unit;
    match work {
        Work::Span {
            content,
            origin,
            start,
            end,
            layout,
            first_line,
            store,
        } => {
            let line_base = first_line.map_or(0, |l| l - 1);
            let mut builder = BatchBuilder::new(source, origin, line_base);
            let bytes = &content.bytes()[start..end];
            let lines = walk(bytes, layout, &mut builder);
            // Kept before the batch is sent, so its events can always be read again.
            if let Some(store) = store {
                store.insert(origin, bytes);
            }
            let done = UnitDone {
                source,
                seq,
                lines,
                relative: first_line.is_none(),
                initial,
            };
            (done, builder.finish((end - start) as u64))
        }
        Work::Gzip(compressed) => {
            let compressed = compressed.bytes();
            let (data, error) = inflate(compressed);
            let mut builder = BatchBuilder::new(source, 0, 0);
            walk_whole(&data, &mut builder);
            if let Some(e) = error {
                report_gzip_error(&mut builder, data.len() as u64, &e);
            }
            let done = UnitDone {
                source,
                seq,
                lines: 0,
                relative: false,
                initial,
            };
            (done, builder.finish(compressed.len() as u64))
        }
    }
}

/// Parses a whole (decompressed) buffer of one source into one batch, whatever its
/// layout: the path a gzip file takes, usable on its own by tests and tools.
#[must_use]
pub fn parse_buffer(source: SourceId, data: &[u8]) -> Batch {
    parse_buffer_at(source, 0, data)
}

/// Like [`parse_buffer`], for a buffer kept at offset `base` of its source (a network
/// request among others); rejects' lines count from the buffer's start.
#[must_use]
pub fn parse_buffer_at(source: SourceId, base: u64, data: &[u8]) -> Batch {
    let mut builder = BatchBuilder::new(source, base, 0);
    walk_whole(data, &mut builder);
    builder.finish(data.len() as u64)
}

fn walk_whole(data: &[u8], builder: &mut BatchBuilder) {
    match layout::detect(data) {
        Layout::Binary | Layout::NotJson => {
            let why = "binary data or text that is not JSON".into();
            builder.reject_here(0, None, RejectReason::Unreadable(why));
        }
        layout => {
            walk(data, layout, builder);
        }
    }
}

fn walk(bytes: &[u8], layout: Layout, builder: &mut BatchBuilder) -> u64 {
    match layout {
        Layout::Lines => Walker::new(bytes, builder).lines(),
        Layout::Documents => {
            Walker::new(bytes, builder).documents();
            0
        }
        Layout::Empty | Layout::Binary | Layout::NotJson => 0,
    }
}

/// A cut-off gzip loses whatever followed the cut. When the cut fell inside a record, that
/// record is already a "truncated" reject; otherwise, or when inflating was stopped (a
/// decompression bomb), the file itself is reported, so the loss is never silent.
fn report_gzip_error(builder: &mut BatchBuilder, inflated: u64, e: &std::io::Error) {
    let stopped = e.kind() == std::io::ErrorKind::FileTooLarge;
    if stopped || builder.last_reject() != Some("truncated") {
        let why = format!("gzip data is truncated or corrupt after {inflated} bytes: {e}");
        builder.reject_here(inflated, None, RejectReason::Truncated(why));
    }
}
