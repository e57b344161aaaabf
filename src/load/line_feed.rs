//! One source of one record a line, written as it arrives, through a [`Feed`].

use std::io::Read;
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::mpsc::sync_channel;

use rustix::event::{PollFd, PollFlags, Timespec};

use super::message::LoadMsg;
use super::plan::{Unit, Work};
use super::{Batch, Feed};
use crate::model::{Reject, RejectReason, SourceId};
use crate::parse::Layout;
use crate::source::{BlockStore, Content, SourceInfo, SourceKind};

/// Lines of a local stream may be this long (the 10 MB records of hostile inputs load).
pub const MAX_LOCAL_LINE: usize = 256 << 20;

/// A pump's thread reads into buffers of this size, and may queue this many.
const PUMP_READ: usize = 1 << 20;
const PUMP_DEPTH: usize = 4;

/// Room kept before the bytes of every read for the start of the line the previous read
/// ended in: joining the two then copies that start, not the read.
const ROOM: usize = 64 << 10;

/// Reads up to this size are handed over in a buffer of their own size.
const SMALL_READ: usize = 64 << 10;

/// A buffer being read into, with room kept before its bytes.
pub struct ReadBuffer {
    bytes: Vec<u8>,
    filled: usize,
}

impl ReadBuffer {
    /// Room for `len` bytes of reads.
    #[must_use]
    pub fn new(len: usize) -> ReadBuffer {
        ReadBuffer {
            bytes: vec![0; ROOM + len],
            filled: 0,
        }
    }

    /// A buffer holding `bytes`, as if they had been read.
    #[must_use]
    pub fn holding(bytes: &[u8]) -> ReadBuffer {
        let mut buffer = ReadBuffer::new(bytes.len());
        buffer.bytes[ROOM..].copy_from_slice(bytes);
        buffer.filled = bytes.len();
        buffer
    }

    /// One read into the free part; `Ok(0)` at the end of the input (or when full).
    pub fn read_from(&mut self, reader: &mut impl Read) -> std::io::Result<usize> {
        let n = reader.read(&mut self.bytes[ROOM + self.filled..])?;
        self.filled += n;
        Ok(n)
    }

    /// What was read, handed over; this buffer is emptied for the next reads. A small
    /// read is copied out, so a trickle does not take (and zero) a megabyte a line.
    #[must_use]
    pub fn take(&mut self) -> ReadBuffer {
        if self.filled <= SMALL_READ {
            let read = ReadBuffer::holding(&self.bytes[ROOM..ROOM + self.filled]);
            self.filled = 0;
            read
        } else {
            let len = self.bytes.len() - ROOM;
            std::mem::replace(self, ReadBuffer::new(len))
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.filled == 0
    }

    #[must_use]
    pub fn is_full(&self) -> bool {
        ROOM + self.filled == self.bytes.len()
    }
}

/// A line is tried as a whole record only when it could be one (it ends an object) and
/// is short enough that trying it on every read costs little.
pub const TRY_WHOLE_UP_TO: usize = 1 << 20;

#[must_use]
pub fn is_whole_record(line: &[u8]) -> bool {
    line.len() <= TRY_WHOLE_UP_TO
        && line.trim_ascii_end().ends_with(b"}")
        && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

/// Whether a read of `fd` would return at once (data, or the end of the input).
fn more_ready(fd: &impl AsFd) -> bool {
    let mut fds = [PollFd::new(fd, PollFlags::IN)];
    rustix::event::poll(&mut fds, Some(&Timespec::default())).is_ok_and(|n| n > 0)
}

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
    /// Offset in the source of the first byte of `carry` (while a line is skipped: of
    /// the first byte not yet skipped).
    offset: u64,
    /// Line number of the first line in `carry`.
    line: u64,
    carry: Vec<u8>,
    /// A line too long to keep, being skipped: where it started, and its line.
    skipping: Option<(u64, u64)>,
}

impl LineFeed {
    /// Registers a new source of one record a line, named `name`, kept in memory.
    #[must_use]
    pub fn in_memory(feed: &Feed, name: String, max_line: usize) -> Option<LineFeed> {
        let store = Arc::new(BlockStore::default());
        let kind = SourceKind::Memory(Arc::clone(&store));
        LineFeed::register(feed, SourceInfo { name, kind }, Some(store), max_line)
    }

    /// Registers a followed file, whose originals are read again through `file`; reading
    /// starts at byte `start`, on line `line`.
    #[must_use]
    pub fn followed(
        feed: &Feed,
        path: &std::path::Path,
        name: String,
        (file, intact): (Arc<std::fs::File>, Arc<std::sync::atomic::AtomicBool>),
        (start, line): (u64, u64),
    ) -> Option<LineFeed> {
        let path = path.to_path_buf();
        let kind = SourceKind::Followed { path, file, intact };
        let info = SourceInfo { name, kind };
        let lines = LineFeed::register(feed, info, None, MAX_LOCAL_LINE)?;
        Some(lines.starting_at(start, line))
    }

    fn register(
        feed: &Feed,
        info: SourceInfo,
        store: Option<Arc<BlockStore>>,
        max_line: usize,
    ) -> Option<LineFeed> {
        let id = feed.ids().next();
        feed.send(LoadMsg::Source(id, info)).then(|| LineFeed {
            feed: feed.clone(),
            id,
            store,
            max_line,
            seq: 0,
            offset: 0,
            line: 1,
            carry: Vec::new(),
            skipping: None,
        })
    }

    /// The same feed, for a source read from byte `offset` on, which is on line `line`.
    fn starting_at(self, offset: u64, line: u64) -> LineFeed {
        LineFeed {
            offset,
            line,
            ..self
        }
    }

    /// Writes `head` (what was read to tell the layout), then reads `reader` to its end
    /// on a thread of its own. A buffer is handed over once nothing more is ready to be
    /// read: under a flood (a pipe gives at most its size a read) batches stay large,
    /// while a trickle goes on read by read.
    #[must_use]
    pub fn pump(mut self, head: &[u8], mut reader: impl Read + AsFd + Send + 'static) -> bool {
        if !head.is_empty() && !self.push(ReadBuffer::holding(head)) {
            return false;
        }
        let (tx, rx) = sync_channel::<std::io::Result<ReadBuffer>>(PUMP_DEPTH);
        std::thread::spawn(move || {
            let mut buffer = ReadBuffer::new(PUMP_READ);
            loop {
                match buffer.read_from(&mut reader) {
                    Ok(0) => {
                        if !buffer.is_empty() {
                            let _ = tx.send(Ok(buffer));
                        }
                        return;
                    }
                    Ok(_) if !buffer.is_full() && more_ready(&reader) => continue,
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // A read timeout (an idle connection) ends the input like its end.
                    Err(e) if is_timeout(&e) => {
                        if !buffer.is_empty() {
                            let _ = tx.send(Ok(buffer));
                        }
                        return;
                    }
                    Err(e) => {
                        if !buffer.is_empty() {
                            let _ = tx.send(Ok(buffer));
                        }
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
                if tx.send(Ok(buffer.take())).is_err() {
                    return;
                }
            }
        });
        for read in rx {
            match read {
                Ok(read) => {
                    if !self.push(read) {
                        return false;
                    }
                }
                Err(e) => {
                    self.failed(&e);
                    break;
                }
            }
        }
        self.finish()
    }

    /// Adds what was read; sends the complete lines it finishes. `false` once the index
    /// owner has hung up.
    pub fn push(&mut self, read: ReadBuffer) -> bool {
        let ReadBuffer { mut bytes, filled } = read;
        bytes.truncate(ROOM + filled);
        let mut from = ROOM;
        if let Some((start, line)) = self.skipping {
            let Some(end) = memchr::memchr(b'\n', &bytes[from..]) else {
                self.offset += filled as u64;
                return true;
            };
            self.offset += end as u64 + 1;
            self.line += 1;
            self.skipping = None;
            from += end + 1;
            if !self.too_long(start, self.offset, line) {
                return false;
            }
        }
        // The carry holds no newline: only what was just read needs searching (a line
        // that never ends would otherwise be searched again on every read).
        let Some(mut last) = memchr::memrchr(b'\n', &bytes[from..]).map(|i| from + i) else {
            self.carry.extend_from_slice(&bytes[from..]);
            return self.settle_carry();
        };
        let start = if self.carry.len() <= from {
            let start = from - self.carry.len();
            bytes[start..from].copy_from_slice(&self.carry);
            start
        } else {
            // A line longer than the room is joined by copying.
            let carried = self.carry.len();
            let mut joined = std::mem::take(&mut self.carry);
            joined.extend_from_slice(&bytes[from..]);
            last = carried + (last - from);
            bytes = joined;
            0
        };
        self.carry.clear();
        self.carry.extend_from_slice(&bytes[last + 1..]);
        self.send(&Arc::new(bytes), start, last + 1) && self.settle_carry()
    }

    /// The unfinished last line: sent at once when it already holds a whole record (a
    /// writer that leaves the newline off, or adds it later), dropped and the rest of its
    /// line skipped when longer than a line may be, otherwise kept for the next read.
    fn settle_carry(&mut self) -> bool {
        if self.carry.len() > self.max_line {
            self.skipping = Some((self.offset, self.line));
            self.offset += self.carry.len() as u64;
            self.carry = Vec::new();
        } else if is_whole_record(&self.carry) {
            let line = std::mem::take(&mut self.carry);
            let len = line.len();
            return self.send(&Arc::new(line), 0, len);
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

    /// Sends the complete lines `content[start..end]`, taking out any longer than the
    /// limit (as rejects).
    fn send(&mut self, content: &Arc<Vec<u8>>, mut start: usize, end: usize) -> bool {
        while let Some((from, to)) = long_line(&content[start..end], self.max_line) {
            let (from, to) = (start + from, start + to);
            let skipped = (to - from) as u64;
            if !self.send_lines(content, start, from)
                || !self.too_long(self.offset, self.offset + skipped, self.line)
            {
                return false;
            }
            self.offset += skipped;
            self.line += 1;
            start = to;
        }
        self.send_lines(content, start, end)
    }

    fn send_lines(&mut self, content: &Arc<Vec<u8>>, start: usize, end: usize) -> bool {
        if start == end {
            return true;
        }
        let len = end - start;
        let first_line = self.line;
        self.line += memchr::memchr_iter(b'\n', &content[start..end]).count() as u64;
        let origin = self.offset;
        self.offset += len as u64;
        let work = Work::Span {
            content: Content::Owned(Arc::clone(content)),
            origin,
            start,
            end,
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
        let reject = Reject::of_source(self.id, offset, RejectReason::read_failed(offset, e));
        let _ = self.feed.send(LoadMsg::Rejects(vec![reject]));
    }

    /// The stream ended: its last line, if it had no newline, and a line being skipped.
    #[must_use]
    pub fn finish(mut self) -> bool {
        if let Some((start, line)) = self.skipping.take() {
            return self.too_long(start, self.offset, line);
        }
        let last = std::mem::take(&mut self.carry);
        let len = last.len();
        self.send(&Arc::new(last), 0, len)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;
    use std::sync::mpsc::{Receiver, sync_channel};

    use super::{LineFeed, ROOM, ReadBuffer};
    use crate::load::plan::{Unit, Work};
    use crate::load::{Feed, LoadMsg, SourceIds};
    use crate::model::RejectReason;

    fn line_feed(max_line: usize) -> (LineFeed, Receiver<LoadMsg>, Receiver<Unit>) {
        let (tx, messages) = sync_channel(4096);
        let (unit_tx, units) = sync_channel(4096);
        let feed = Feed::new(SourceIds::default(), tx, unit_tx).live();
        let lines = LineFeed::in_memory(&feed, "test".into(), max_line).expect("registered");
        (lines, messages, units)
    }

    /// What the units cover: (offset in the source, bytes, line of the first byte).
    fn spans(units: &Receiver<Unit>) -> Vec<(u64, Vec<u8>, Option<u64>)> {
        units
            .try_iter()
            .map(|unit| match unit.work {
                Work::Span {
                    content,
                    origin,
                    start,
                    end,
                    first_line,
                    ..
                } => (origin, content.bytes()[start..end].to_vec(), first_line),
                Work::Gzip(_) => panic!("a stream of lines made a gzip unit"),
            })
            .collect()
    }

    fn push_in_pieces(lines: &mut LineFeed, text: &[u8], piece: usize) {
        for chunk in text.chunks(piece) {
            assert!(lines.push(ReadBuffer::holding(chunk)));
        }
    }

    #[test]
    fn lines_cut_anywhere_arrive_whole_once_at_their_offset_and_line() {
        let mut text = String::new();
        for i in 0..200 {
            let pad = "x".repeat(i * 37 % 700);
            let _ = writeln!(text, "{{\"n\":{i},\"pad\":\"{pad}\"}}");
        }
        // Longer than the room kept before each read: joined the other way.
        let long = "y".repeat(ROOM + 5000);
        let _ = write!(text, "{{\"long\":\"{long}\"}}\n{{\"last\":true}}");
        let text = text.into_bytes();
        for piece in [1, 7, 4096, ROOM - 3, ROOM + 10, text.len()] {
            let (mut lines, _messages, units) = line_feed(1 << 20);
            push_in_pieces(&mut lines, &text, piece);
            assert!(lines.finish());
            let mut joined = Vec::new();
            for (offset, bytes, first_line) in spans(&units) {
                assert_eq!(offset, joined.len() as u64, "pieces of {piece}");
                let line = 1 + memchr::memchr_iter(b'\n', &joined).count() as u64;
                assert_eq!(first_line, Some(line), "pieces of {piece}");
                // A unit ends at a newline, or at the end of a whole record.
                let last_line = bytes.rsplit(|&b| b == b'\n').next().unwrap_or_default();
                let whole = serde_json::from_slice::<serde::de::IgnoredAny>(last_line).is_ok();
                assert!(
                    last_line.is_empty() || whole,
                    "a unit ends inside a line (pieces of {piece})"
                );
                joined.extend_from_slice(&bytes);
            }
            assert_eq!(joined, text, "pieces of {piece}");
        }
    }

    #[test]
    fn a_whole_record_without_its_newline_is_sent_at_once_a_partial_one_waits() {
        let (mut lines, _messages, units) = line_feed(1 << 20);
        push_in_pieces(&mut lines, b"{\"a\":1}\n{\"b\":{\"c\":2}", 1000);
        let sent: Vec<u8> = spans(&units).into_iter().flat_map(|s| s.1).collect();
        assert_eq!(sent, b"{\"a\":1}\n", "an object still open waits");
        push_in_pieces(&mut lines, b"}", 1000);
        let sent = spans(&units);
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].0, 8, "at its offset");
        assert_eq!(sent[0].1, b"{\"b\":{\"c\":2}}");
        assert_eq!(sent[0].2, Some(2), "on its line");
        // The newline that comes later starts the next line, on which the next record is.
        push_in_pieces(&mut lines, b"\n{\"d\":4}\n", 1000);
        let sent = spans(&units);
        assert_eq!(sent[0].0, 21);
        assert_eq!(sent[0].2, Some(2));
        assert_eq!(sent[0].1, b"\n{\"d\":4}\n");
    }

    #[test]
    fn a_read_timeout_ends_a_connection_like_its_end() {
        use std::io::Write;
        use std::sync::atomic::{AtomicBool, Ordering};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("address");
        let (stop, stopped) = sync_channel::<()>(1);
        let closed = std::sync::Arc::new(AtomicBool::new(false));
        let closed_by_client = std::sync::Arc::clone(&closed);
        let client = std::thread::spawn(move || {
            let mut stream = std::net::TcpStream::connect(addr).expect("connect");
            stream.write_all(b"{\"a\":1}\n{\"b\":2}").expect("write");
            // Open and silent until the test is done (at most 30 s).
            let _ = stopped.recv_timeout(std::time::Duration::from_secs(30));
            closed_by_client.store(true, Ordering::SeqCst);
        });
        let (server, _) = listener.accept().expect("accept");
        server
            .set_read_timeout(Some(std::time::Duration::from_millis(200)))
            .expect("timeout");
        let (lines, messages, units) = line_feed(1 << 20);
        assert!(lines.pump(&[], server));
        let rejected = messages
            .try_iter()
            .any(|m| matches!(m, LoadMsg::Rejects(r) if !r.is_empty()));
        assert!(!rejected, "an idle end loses nothing");
        assert!(
            !closed.load(Ordering::SeqCst),
            "ended by the timeout, not by the client"
        );
        let sent: Vec<u8> = spans(&units).into_iter().flat_map(|s| s.1).collect();
        assert_eq!(sent, b"{\"a\":1}\n{\"b\":2}");
        let _ = stop.send(());
        client.join().expect("client");
    }

    #[test]
    fn a_line_over_the_limit_is_one_reject_and_the_rest_still_arrives() {
        let text = format!(
            "{{\"a\":1}}\n{{\"b\":\"{}\"}}\n{{\"c\":3}}\n",
            "z".repeat(5000)
        );
        for piece in [3, 100, 4000, text.len()] {
            let (mut lines, messages, units) = line_feed(1000);
            push_in_pieces(&mut lines, text.as_bytes(), piece);
            assert!(lines.finish());
            let kept: Vec<u8> = spans(&units).into_iter().flat_map(|s| s.1).collect();
            assert_eq!(kept, b"{\"a\":1}\n{\"c\":3}\n", "pieces of {piece}");
            let rejects: Vec<_> = messages
                .try_iter()
                .filter_map(|m| match m {
                    LoadMsg::Rejects(r) => Some(r),
                    _ => None,
                })
                .flatten()
                .collect();
            assert_eq!(rejects.len(), 1, "pieces of {piece}");
            assert_eq!(rejects[0].line, Some(2));
            assert_eq!(rejects[0].offset, 8);
            assert!(matches!(rejects[0].reason, RejectReason::TooLong(1000)));
        }
    }
}
