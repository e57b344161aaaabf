use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Content that cannot be read again (stdin, a pipe, a followed file, the network), kept
/// as LZ4-compressed blocks so the originals cost a fraction of their size; a record is
/// read by inflating its block(s). Blocks are added by whichever worker parsed them, in
/// any order, each at its offset in the stream; stretches never stored (a line too long
/// to keep) read as missing.
#[derive(Debug, Default)]
pub struct BlockStore {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// Compressed blocks by the offset of their first byte.
    blocks: BTreeMap<u64, Block>,
    /// The last inflated block: detail views read neighbouring records.
    last: Option<(u64, Vec<u8>)>,
}

#[derive(Debug)]
struct Block {
    len: usize,
    compressed: Vec<u8>,
}

/// Blocks hold at most this much: a stream's chunk (a read of up to 1 MiB and the line
/// before it) stays one block; content read whole (a piped gzip, a request body) is cut.
const BLOCK: usize = 2 << 20;

impl BlockStore {
    #[must_use]
    pub fn new(data: &[u8]) -> Self {
        let store = BlockStore::default();
        store.insert(0, data);
        store
    }

    /// Compresses `data` and keeps it as the bytes from `offset` on, in blocks of at most
    /// `BLOCK` bytes: reading one record inflates one block, not a whole request.
    pub fn insert(&self, offset: u64, data: &[u8]) {
        let mut at = offset;
        for piece in data.chunks(BLOCK) {
            let Some(compressed) = compress(piece) else {
                return;
            };
            let block = Block {
                len: piece.len(),
                compressed,
            };
            if let Ok(mut inner) = self.inner.lock() {
                inner.blocks.insert(at, block);
            }
            at += piece.len() as u64;
        }
    }

    /// Drops the blocks that end at or before `offset` (their events were evicted).
    pub fn forget_before(&self, offset: u64) {
        if let Ok(mut inner) = self.inner.lock() {
            inner
                .blocks
                .retain(|&start, block| start + block.len as u64 > offset);
            if inner.last.as_ref().is_some_and(|(s, _)| *s < offset) {
                inner.last = None;
            }
        }
    }

    /// The bytes `offset..offset+len`, or `None` when any of them is not held.
    #[must_use]
    pub fn read(&self, offset: u64, len: usize) -> Option<Vec<u8>> {
        let end = offset.checked_add(len as u64)?;
        let mut inner = self.inner.lock().ok()?;
        let mut out = Vec::with_capacity(len);
        let mut pos = offset;
        while pos < end {
            let (start, data) = inner.block_at(pos)?;
            let within = usize::try_from(pos - start).ok()?;
            let take = (data.len() - within).min(usize::try_from(end - pos).ok()?);
            out.extend_from_slice(data.get(within..within + take)?);
            pos += take as u64;
        }
        Some(out)
    }

    /// Memory held by the compressed blocks.
    #[cfg(test)]
    fn compressed_len(&self) -> usize {
        self.inner.lock().map_or(0, |i| {
            i.blocks.values().map(|b| b.compressed.len()).sum::<usize>()
        })
    }
}

/// LZ4's acceleration: its speed-for-size setting (1 is its default).
const ACCELERATION: i32 = 4;

thread_local! {
    /// Room for the worst case, reused: only the compressed bytes are then copied out, so
    /// a block keeps no spare capacity and no fresh memory is touched for the worst case.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The scratch buffer is kept for blocks up to this size (a read and its room); a longer
/// line gets a buffer of its own, so one huge record does not pin memory for good.
const KEEP_SCRATCH_UP_TO: usize = 2 << 20;

/// `data` compressed; `None` for a block LZ4 cannot take (over 2 GiB, never made here).
fn compress(data: &[u8]) -> Option<Vec<u8>> {
    let bound = lz4::block::compress_bound(data.len()).ok()?;
    let into = |scratch: &mut Vec<u8>| {
        if scratch.len() < bound {
            scratch.resize(bound, 0);
        }
        let mode = lz4::block::CompressionMode::FAST(ACCELERATION);
        let n = lz4::block::compress_to_buffer(data, Some(mode), false, scratch).ok()?;
        Some(scratch[..n].to_vec())
    };
    if bound > KEEP_SCRATCH_UP_TO {
        return into(&mut Vec::new());
    }
    SCRATCH.with_borrow_mut(into)
}

impl Inner {
    /// The inflated block holding byte `pos`, with its start.
    fn block_at(&mut self, pos: u64) -> Option<(u64, &[u8])> {
        let (&start, block) = self.blocks.range(..=pos).next_back()?;
        if pos >= start + block.len as u64 {
            return None;
        }
        if self.last.as_ref().is_none_or(|(s, _)| *s != start) {
            let len = i32::try_from(block.len).ok()?;
            let data = lz4::block::decompress(&block.compressed, Some(len)).ok()?;
            self.last = Some((start, data));
        }
        self.last.as_ref().map(|(s, data)| (*s, data.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, BlockStore};

    #[test]
    fn reads_across_blocks_inserted_in_any_order() {
        let data: Vec<u8> = (0..(BLOCK * 2 + 100))
            .map(|i| u8::try_from(i % 251).unwrap_or(0))
            .collect();
        let store = BlockStore::default();
        let pieces: Vec<(usize, &[u8])> = data
            .chunks(300_001)
            .enumerate()
            .map(|(i, p)| (i * 300_001, p))
            .collect();
        for (offset, piece) in pieces.iter().rev() {
            store.insert(*offset as u64, piece);
        }
        let at = 300_001 - 10;
        assert_eq!(
            store.read(at as u64, 50).as_deref(),
            Some(&data[at..at + 50])
        );
        let end = data.len() - 50;
        assert_eq!(store.read(end as u64, 50).as_deref(), Some(&data[end..]));
        assert_eq!(store.read(end as u64, 51), None);
        assert!(store.compressed_len() < data.len());
    }

    #[test]
    fn a_large_insert_is_kept_in_blocks_of_at_most_block() {
        let data = vec![7u8; BLOCK * 2 + 10];
        let store = BlockStore::default();
        store.insert(100, &data);
        let lens: Vec<usize> = store
            .inner
            .lock()
            .map(|i| i.blocks.values().map(|b| b.len).collect())
            .unwrap_or_default();
        assert_eq!(lens, [BLOCK, BLOCK, 10]);
        let across = 100 + BLOCK as u64 - 5;
        assert_eq!(store.read(across, 10).as_deref(), Some(&data[..10]));
    }

    #[test]
    fn a_gap_or_a_forgotten_block_reads_as_missing() {
        let store = BlockStore::default();
        store.insert(0, b"first\n");
        store.insert(100, b"third\n");
        assert_eq!(store.read(0, 6).as_deref(), Some(&b"first\n"[..]));
        assert_eq!(store.read(4, 4), None, "bytes 6..100 were never stored");
        store.forget_before(100);
        assert_eq!(store.read(0, 6), None);
        assert_eq!(store.read(100, 5).as_deref(), Some(&b"third"[..]));
    }
}
