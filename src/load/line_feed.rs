//! One source of one record a line, written as it arrives, through a [`Feed`].

use std::io::Read;
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

use super::plan::{Unit, Work};
use super::{Batch, Feed, LoadMsg};
use crate::model::{Reject, RejectReason, SourceId};
use crate::parse::Layout;
use crate::source::{BlockStore, Content};

/// Reads a pump's thread makes at most, and may queue before it waits.
const PUMP_READ: usize = 1 << 20;
const PUMP_DEPTH: usize = 16;
/// Queued reads are joined up to this size into one batch.
const JOIN_UP_TO: usize = 1 << 20;

/// The first line of `chunk` longer than `max`: from its start to after its newline.
fn long_line(chunk: &[u8], max: usize) -> Option<(usize, usize)> {
    if chunk.len() <= max {
        return None;
    }
    let mut start = 0;
    for newline in memchr::memchr_iter(b'\n', chunk).chain([chunk.len()]) {
        if newline - start > max {
            return Some((start, (newline + 1).min(chunk.len())));
        }
        start = newline + 1;
    }
    None
}

/// One source of one record a line, written as it arrives: complete lines go to the
/// workers at once, the last incomplete line waits for its newline. A line longer than
/// `max_line` is skipped to its end and counted as a reject, so a missing newline cannot
/// make memory grow without bound.
pub struct LineFeed {
    feed: Feed,
    id: SourceId,
    /// Where the workers keep the originals, unless the source can be read again.
    store: Option<Arc<BlockStore>>,
    max_line: usize,
    seq: u32,
    /// Offset in the source of the first byte of `carry`.
    offset: u64,
    /// Line number of the first line in `carry`.
    line: u64,
    carry: Vec<u8>,
    /// A line too long to keep, being skipped: where it started, and its line.
    skipping: Option<(u64, u64)>,
}

impl LineFeed {
    pub(super) fn new(
        feed: Feed,
        id: SourceId,
        store: Option<Arc<BlockStore>>,
        max_line: usize,
    ) -> LineFeed {
        LineFeed {
            feed,
            id,
            store,
            max_line,
            seq: 0,
            offset: 0,
            line: 1,
            carry: Vec::new(),
            skipping: None,
        }
    }

    /// The same feed, for a source read from byte `offset` on, which is on line `line`.
    pub(super) fn starting_at(self, offset: u64, line: u64) -> LineFeed {
        LineFeed {
            offset,
            line,
            ..self
        }
    }

    /// Reads `reader` to its end on a thread of its own and writes what it reads, joining
    /// the reads that queued up while the last batch was being sent: under a flood (a pipe
    /// gives 64 KiB a read) batches stay large, while a trickle goes on read by read.
    #[must_use]
    pub fn pump(mut self, mut reader: impl Read + Send + 'static) -> bool {
        let (tx, rx) = sync_channel::<std::io::Result<Vec<u8>>>(PUMP_DEPTH);
        std::thread::spawn(move || {
            let mut buffer = vec![0; PUMP_READ];
            loop {
                let read = match reader.read(&mut buffer) {
                    Ok(0) => return,
                    Ok(n) => Ok(buffer[..n].to_vec()),
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => Err(e),
                };
                let failed = read.is_err();
                if tx.send(read).is_err() || failed {
                    return;
                }
            }
        });
        while let Ok(first) = rx.recv() {
            let mut error = None;
            let mut joined = first.unwrap_or_else(|e| {
                error = Some(e);
                Vec::new()
            });
            while error.is_none() && joined.len() < JOIN_UP_TO {
                match rx.try_recv() {
                    Ok(Ok(more)) => joined.extend_from_slice(&more),
                    Ok(Err(e)) => error = Some(e),
                    Err(_) => break,
                }
            }
            if !self.push(joined) {
                return false;
            }
            if let Some(e) = error {
                self.failed(&e);
                break;
            }
        }
        self.finish()
    }

    /// Adds what was read; sends the complete lines it finishes. `false` once the index
    /// owner has hung up.
    pub fn push(&mut self, mut read: Vec<u8>) -> bool {
        if let Some((start, line)) = self.skipping {
            let Some(end) = memchr::memchr(b'\n', &read) else {
                self.offset += read.len() as u64;
                return true;
            };
            self.offset += end as u64 + 1;
            self.line += 1;
            self.skipping = None;
            read.drain(..=end);
            if !self.too_long(start, self.offset, line) {
                return false;
            }
        }
        // The carry holds no newline: only what was just read needs searching (a line
        // that never ends would otherwise be searched again on every read).
        let searched_from = self.carry.len();
        if self.carry.is_empty() {
            self.carry = read;
        } else {
            self.carry.extend_from_slice(&read);
        }
        let complete = match memchr::memrchr(b'\n', &self.carry[searched_from..]) {
            Some(last) => {
                let last = searched_from + last;
                let rest = self.carry.split_off(last + 1);
                std::mem::replace(&mut self.carry, rest)
            }
            None => Vec::new(),
        };
        if !self.send(complete) {
            return false;
        }
        if self.carry.len() > self.max_line {
            self.skipping = Some((self.offset, self.line));
            self.offset += self.carry.len() as u64;
            self.carry = Vec::new();
        }
        true
    }

    /// Reports a skipped line (`start..end`), with an empty batch over its bytes: the
    /// index learns that this stretch was handled, though nothing of it is kept.
    fn too_long(&self, start: u64, end: u64, line: u64) -> bool {
        let reject = Reject {
            source: self.id,
            line: Some(line),
            record: None,
            offset: start,
            reason: RejectReason::TooLong(self.max_line),
        };
        let skipped = Batch {
            source: self.id,
            start,
            bytes: end - start,
            ..Batch::default()
        };
        self.feed.send(LoadMsg::Rejects(vec![reject])) && self.feed.send(LoadMsg::Batch(skipped))
    }

    /// Sends complete lines, taking out any longer than the limit (as rejects).
    fn send(&mut self, mut chunk: Vec<u8>) -> bool {
        while let Some((start, end)) = long_line(&chunk, self.max_line) {
            let rest = chunk.split_off(end);
            chunk.truncate(start);
            let skipped_end = self.offset + (end - start) as u64;
            if !self.send_lines(chunk) || !self.too_long(self.offset, skipped_end, self.line) {
                return false;
            }
            self.offset += (end - start) as u64;
            self.line += 1;
            chunk = rest;
        }
        self.send_lines(chunk)
    }

    fn send_lines(&mut self, chunk: Vec<u8>) -> bool {
        if chunk.is_empty() {
            return true;
        }
        let len = chunk.len();
        let first_line = self.line;
        self.line += memchr::memchr_iter(b'\n', &chunk).count() as u64;
        let origin = self.offset;
        self.offset += len as u64;
        let work = Work::Span {
            content: Content::Owned(Arc::new(chunk)),
            origin,
            start: 0,
            end: len,
            layout: Layout::Lines,
            first_line: Some(first_line),
            store: self.store.clone(),
        };
        let unit = Unit {
            source: self.id,
            seq: self.seq,
            work,
            initial: false,
        };
        self.seq += 1;
        self.feed.send(LoadMsg::Started {
            total_bytes: len as u64,
        }) && self.feed.unit(unit)
    }

    /// Reports a read error after what was read so far.
    pub fn failed(&self, e: &std::io::Error) {
        let offset = self.offset + self.carry.len() as u64;
        let reason = RejectReason::Truncated(format!("reading failed after {offset} bytes: {e}"));
        let reject = Reject {
            source: self.id,
            line: None,
            record: None,
            offset,
            reason,
        };
        let _ = self.feed.send(LoadMsg::Rejects(vec![reject]));
    }

    /// The stream ended: its last line, if it had no newline, and a line being skipped.
    #[must_use]
    pub fn finish(mut self) -> bool {
        if let Some((start, line)) = self.skipping.take() {
            return self.too_long(start, self.offset, line);
        }
        let last = std::mem::take(&mut self.carry);
        self.send(last)
    }
}
