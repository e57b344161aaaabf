//! Turns inputs into units of parallel work: a plain file is mapped and, when it holds one
//! record a line, cut into chunks at line ends; a gzip file is one unit (inflated by the
//! worker); stdin is read here and kept compressed for later re-reads.

use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use super::SourceIds;
use crate::model::{Reject, RejectReason, SourceId};
use crate::parse::{Layout, layout};
use crate::source::{BlockStore, Content, Input, is_gzip, open_file, read_stream};
use crate::source::{SourceInfo, SourceKind};

/// Chunk size for one-record-a-line files: small enough to spread a file over the workers
/// and to show progress, large enough that per-batch costs vanish.
const CHUNK: usize = 4 << 20;

pub struct Unit {
    pub source: SourceId,
    pub seq: u32,
    pub work: Work,
    /// Part of the start-up inputs, which `Done` waits for.
    pub initial: bool,
}

pub enum Work {
    /// A stretch of content, whose first line is known for the first chunk only.
    Span {
        content: Content,
        /// Offset in the source of the byte at `start` (a stream's chunks start past 0).
        origin: u64,
        start: usize,
        end: usize,
        layout: Layout,
        first_line: Option<u64>,
        /// Where the worker keeps the stretch, compressed, for later reads (streams).
        store: Option<Arc<BlockStore>>,
    },
    /// A whole gzip file (its compressed bytes), inflated by the worker.
    Gzip(Content),
}

#[derive(Default)]
pub struct Planned {
    pub sources: Vec<(SourceId, SourceInfo)>,
    pub units: Vec<Unit>,
    pub rejects: Vec<Reject>,
    pub total_bytes: u64,
}

/// Opens one input and cuts it into units of work.
pub fn plan(input: &Input, ids: &SourceIds) -> Planned {
    let mut planned = Planned::default();
    let id = ids.next();
    match input {
        Input::File(path) => plan_file(&mut planned, id, path),
        Input::Stdin => plan_stream(&mut planned, id, "-", std::io::stdin().lock()),
        Input::Embedded { name, bytes } => plan_stream(&mut planned, id, name, *bytes),
    }
    planned
}

/// A stream read to its end and planned like a file (gzip, documents).
pub fn plan_stream_input(id: SourceId, name: &str, reader: impl std::io::Read) -> Planned {
    let mut planned = Planned::default();
    plan_stream(&mut planned, id, name, reader);
    planned
}

fn unreadable(planned: &mut Planned, source: SourceId, why: String) {
    planned
        .rejects
        .push(Reject::of_source(source, 0, RejectReason::Unreadable(why)));
}

fn plan_file(planned: &mut Planned, id: SourceId, path: &Path) {
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        // A pipe or a process substitution: read once, like stdin.
        match std::fs::File::open(path) {
            Ok(file) => plan_stream(planned, id, &path.display().to_string(), file),
            Err(e) => {
                planned.sources.push((id, file_info(path, false, 0, None)));
                unreadable(planned, id, e.to_string());
            }
        }
        return;
    }
    let opened = match open_file(path) {
        Ok(opened) => opened,
        Err(e) => {
            planned.sources.push((id, file_info(path, false, 0, None)));
            unreadable(planned, id, e.to_string());
            return;
        }
    };
    let gzip = is_gzip(opened.content.bytes());
    planned
        .sources
        .push((id, file_info(path, gzip, opened.len, opened.modified)));
    planned.total_bytes += opened.len;
    if gzip {
        let work = Work::Gzip(opened.content);
        planned.units.push(Unit {
            source: id,
            seq: 0,
            work,
            initial: false,
        });
    } else {
        add_spans(planned, id, &opened.content);
    }
}

fn file_info(path: &Path, gzip: bool, len: u64, modified: Option<SystemTime>) -> SourceInfo {
    SourceInfo {
        name: path.display().to_string(),
        kind: SourceKind::File {
            path: path.to_path_buf(),
            gzip,
            len,
            modified,
        },
    }
}

/// Content that cannot be read twice (stdin, a pipe) is read here and kept compressed.
fn plan_stream(planned: &mut Planned, id: SourceId, name: &str, reader: impl std::io::Read) {
    let (data, error) = read_stream(reader);
    let store = Arc::new(BlockStore::new(&data));
    planned.sources.push((
        id,
        SourceInfo {
            name: name.into(),
            kind: SourceKind::Memory(store),
        },
    ));
    if let Some(e) = error {
        let offset = data.len() as u64;
        let reason = RejectReason::read_failed(offset, &e);
        planned.rejects.push(Reject::of_source(id, offset, reason));
    }
    planned.total_bytes += data.len() as u64;
    add_spans(planned, id, &Content::Owned(Arc::new(data)));
}

/// Splits content into units: line-end chunks for one record a line, else one unit.
fn add_spans(planned: &mut Planned, id: SourceId, content: &Content) {
    let bytes = content.bytes();
    let layout = layout::detect(bytes);
    match layout {
        Layout::Empty => {}
        Layout::Binary => unreadable(planned, id, "binary data, not JSON text".into()),
        Layout::NotJson => unreadable(planned, id, "text that is not JSON".into()),
        Layout::Documents => {
            let work = span(content, 0, bytes.len(), layout, Some(1));
            planned.units.push(Unit {
                source: id,
                seq: 0,
                work,
                initial: false,
            });
        }
        Layout::Lines => {
            for (seq, (start, end)) in (0u32..).zip(line_chunks(bytes, CHUNK)) {
                let first_line = (start == 0).then_some(1);
                let work = span(content, start, end, layout, first_line);
                planned.units.push(Unit {
                    source: id,
                    seq,
                    work,
                    initial: false,
                });
            }
        }
    }
}

fn span(
    content: &Content,
    start: usize,
    end: usize,
    layout: Layout,
    first_line: Option<u64>,
) -> Work {
    Work::Span {
        content: content.clone(),
        origin: start as u64,
        start,
        end,
        layout,
        first_line,
        store: None,
    }
}

/// Cuts `bytes` into pieces of about `size` bytes, each ending after a newline.
fn line_chunks(bytes: &[u8], size: usize) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let target = (start + size).min(bytes.len());
        let end = memchr::memchr(b'\n', &bytes[target..]).map_or(bytes.len(), |i| target + i + 1);
        chunks.push((start, end));
        start = end;
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::line_chunks;

    #[test]
    fn chunks_end_at_line_ends_and_cover_everything() {
        let text = b"aaaa\nbb\ncccccc\nd";
        let chunks = line_chunks(text, 3);
        assert_eq!(
            chunks,
            vec![(0, 5), (5, 15), (15, 16)],
            "each chunk at least `size` long"
        );
        assert_eq!(line_chunks(b"", 3), vec![]);
    }
}
