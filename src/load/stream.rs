//! Streams (stdin, pipes) read as they arrive: when they hold one record a line, every
//! read's complete lines go to the workers at once, so `shipper | qtrail` shows events as
//! they come rather than at the end. Anything else (gzip, JSON documents) is read to its
//! end first, since it cannot be parsed in pieces.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::mpsc::SyncSender;

use super::LoadMsg;
use super::plan::{self, Unit, Work};
use crate::index::{SourceInfo, SourceKind};
use crate::model::{Reject, RejectReason, SourceId};
use crate::parse::Layout;
use crate::source::{BlockStore, Content, is_gzip};

/// Reads at most this much at a time; under a flood, reads fill it and chunks stay large.
const READ_BUFFER: usize = 1 << 20;

/// Reads `reader` to its end, sending its units as its lines complete. `false` when the
/// receiving side hung up.
pub fn stream(
    id: SourceId,
    name: &str,
    reader: impl Read,
    tx: &SyncSender<LoadMsg>,
    units: &SyncSender<Unit>,
) -> bool {
    let mut reader = BufReader::with_capacity(READ_BUFFER, reader);
    let head = reader.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
    if is_gzip(&head) || crate::parse::layout::detect(&head) != Layout::Lines {
        return super::announce(plan::plan_stream_input(id, name, reader), tx, units);
    }
    let store = Arc::new(BlockStore::default());
    let info = SourceInfo {
        name: name.to_owned(),
        kind: SourceKind::Memory(Arc::clone(&store)),
    };
    if tx.send(LoadMsg::Source(id, info)).is_err() {
        return false;
    }
    let mut chunks = Chunks {
        id,
        store,
        units,
        tx,
        seq: 0,
        offset: 0,
        carry: Vec::new(),
    };
    loop {
        let read = match reader.fill_buf() {
            Ok([]) => break,
            Ok(bytes) => bytes.to_vec(),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                chunks.failed(&e);
                break;
            }
        };
        reader.consume(read.len());
        if !chunks.push(&read) {
            return false;
        }
    }
    chunks.finish()
}

struct Chunks<'a> {
    id: SourceId,
    store: Arc<BlockStore>,
    units: &'a SyncSender<Unit>,
    tx: &'a SyncSender<LoadMsg>,
    seq: u32,
    offset: u64,
    /// The last, incomplete line, until its newline arrives.
    carry: Vec<u8>,
}

impl Chunks<'_> {
    /// Adds what was read; sends the complete lines it finishes.
    fn push(&mut self, read: &[u8]) -> bool {
        self.carry.extend_from_slice(read);
        match memchr::memrchr(b'\n', &self.carry) {
            Some(last) => {
                let rest = self.carry.split_off(last + 1);
                let complete = std::mem::replace(&mut self.carry, rest);
                self.send(complete)
            }
            None => true,
        }
    }

    fn send(&mut self, chunk: Vec<u8>) -> bool {
        if chunk.is_empty() {
            return true;
        }
        self.store.append(&chunk);
        let (origin, len) = (self.offset, chunk.len());
        self.offset += len as u64;
        let first_line = (self.seq == 0).then_some(1);
        let work = Work::Span {
            content: Content::Owned(Arc::new(chunk)),
            origin,
            start: 0,
            end: len,
            layout: Layout::Lines,
            first_line,
        };
        let unit = Unit {
            source: self.id,
            seq: self.seq,
            work,
        };
        self.seq += 1;
        self.tx
            .send(LoadMsg::Started {
                total_bytes: len as u64,
            })
            .is_ok()
            && self.units.send(unit).is_ok()
    }

    fn failed(&self, e: &std::io::Error) {
        let reason =
            RejectReason::Truncated(format!("reading failed after {} bytes: {e}", self.offset));
        let reject = Reject {
            source: self.id,
            line: None,
            record: None,
            offset: self.offset,
            reason,
        };
        let _ = self.tx.send(LoadMsg::Rejects(vec![reject]));
    }

    /// The last line, if the stream did not end with a newline.
    fn finish(mut self) -> bool {
        let last = std::mem::take(&mut self.carry);
        self.send(last)
    }
}
