//! Chunks of one file are parsed in parallel, so a chunk knows its rejects' lines only
//! relative to its own start. This turns them into file lines once the chunks before it
//! are done, holding those rejects until then.

use rustc_hash::FxHashMap;

use super::worker::UnitDone;
use crate::model::{Reject, SourceId};

#[derive(Default)]
pub struct LineFixer {
    /// Lines walked by each chunk of each source, once known.
    lines: FxHashMap<SourceId, Vec<Option<u64>>>,
    held: Vec<(u32, Reject)>,
}

impl LineFixer {
    /// Records a finished unit and takes its relative-line rejects out of `rejects`.
    pub fn fix(&mut self, done: &UnitDone, rejects: &mut Vec<Reject>) {
        // A later unit that knows its own first line (a stream's) needs no record: one
        // per unit would grow for as long as a slow stream flows.
        if !done.relative && done.seq > 0 {
            return;
        }
        let chunks = self.lines.entry(done.source).or_default();
        let seq = done.seq as usize;
        if chunks.len() <= seq {
            chunks.resize(seq + 1, None);
        }
        chunks[seq] = Some(done.lines);
        if done.relative {
            self.held.extend(rejects.drain(..).map(|r| (done.seq, r)));
        }
    }

    /// Rejects whose file line is now known, with that line.
    pub fn release(&mut self) -> Vec<Reject> {
        let mut ready = Vec::new();
        let lines = &self.lines;
        self.held.retain_mut(
            |(seq, reject)| match line_base(lines, reject.source, *seq) {
                Some(base) => {
                    reject.line = reject.line.map(|l| l + base);
                    ready.push(reject.clone());
                    false
                }
                None => true,
            },
        );
        ready
    }

    /// At the end: everything, with lines where they could be known.
    pub fn release_all(&mut self) -> Vec<Reject> {
        let mut out = self.release();
        out.extend(self.held.drain(..).map(|(_, mut r)| {
            r.line = None;
            r
        }));
        out
    }
}

fn line_base(
    lines: &FxHashMap<SourceId, Vec<Option<u64>>>,
    source: SourceId,
    seq: u32,
) -> Option<u64> {
    lines.get(&source)?.iter().take(seq as usize).copied().sum()
}
