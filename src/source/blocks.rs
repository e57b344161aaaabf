use std::sync::Mutex;

/// Content that cannot be read again (stdin, a pipe), kept as LZ4-compressed blocks so
/// the originals cost a fraction of their size; a record is read by inflating its
/// block(s). It grows as a stream is read: full blocks are compressed, the tail waits.
#[derive(Debug, Default)]
pub struct BlockStore {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    blocks: Vec<Vec<u8>>,
    /// Bytes after the last full block, not compressed yet.
    tail: Vec<u8>,
    /// The last inflated block: detail views read neighbouring records.
    last: Option<(usize, Vec<u8>)>,
}

const BLOCK: usize = 1 << 20;

impl BlockStore {
    #[must_use]
    pub fn new(data: &[u8]) -> Self {
        let store = BlockStore::default();
        store.append(data);
        store
    }

    /// Adds bytes at the end.
    pub fn append(&self, mut data: &[u8]) {
        let Ok(mut inner) = self.inner.lock() else {
            return;
        };
        while !data.is_empty() {
            let take = (BLOCK - inner.tail.len()).min(data.len());
            inner.tail.extend_from_slice(&data[..take]);
            data = &data[take..];
            if inner.tail.len() == BLOCK {
                let full = std::mem::take(&mut inner.tail);
                inner.blocks.push(lz4_flex::compress_prepend_size(&full));
            }
        }
    }

    /// The bytes `offset..offset+len`, or `None` when out of range.
    #[must_use]
    pub fn read(&self, offset: u64, len: usize) -> Option<Vec<u8>> {
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(len)?;
        let mut inner = self.inner.lock().ok()?;
        if end > inner.blocks.len() * BLOCK + inner.tail.len() {
            return None;
        }
        let mut out = Vec::with_capacity(len);
        let mut pos = start;
        while pos < end {
            let (block, within) = (pos / BLOCK, pos % BLOCK);
            let take = (BLOCK - within).min(end - pos);
            out.extend_from_slice(inner.block(block)?.get(within..within + take)?);
            pos += take;
        }
        Some(out)
    }

    /// Memory held by the compressed blocks and the tail.
    #[cfg(test)]
    fn compressed_len(&self) -> usize {
        self.inner.lock().map_or(0, |i| {
            i.blocks.iter().map(Vec::len).sum::<usize>() + i.tail.len()
        })
    }
}

impl Inner {
    fn block(&mut self, block: usize) -> Option<&[u8]> {
        if block == self.blocks.len() {
            return Some(&self.tail);
        }
        if self.last.as_ref().is_none_or(|(b, _)| *b != block) {
            let data = lz4_flex::decompress_size_prepended(self.blocks.get(block)?).ok()?;
            self.last = Some((block, data));
        }
        self.last.as_ref().map(|(_, data)| data.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::{BLOCK, BlockStore};

    #[test]
    fn reads_across_blocks_and_the_growing_tail() {
        let data: Vec<u8> = (0..(BLOCK * 2 + 100))
            .map(|i| u8::try_from(i % 251).unwrap_or(0))
            .collect();
        let store = BlockStore::default();
        for piece in data.chunks(300_001) {
            store.append(piece);
        }
        let at = BLOCK - 10;
        assert_eq!(
            store.read(at as u64, 50).as_deref(),
            Some(&data[at..at + 50])
        );
        let tail = BLOCK * 2 + 50;
        assert_eq!(
            store.read(tail as u64, 50).as_deref(),
            Some(&data[tail..tail + 50])
        );
        assert_eq!(store.read(tail as u64, 51), None);
        assert!(store.compressed_len() < data.len());
    }
}
