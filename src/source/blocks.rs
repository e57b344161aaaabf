use std::sync::Mutex;

/// Content that cannot be read again (stdin), kept as LZ4-compressed blocks so that the
/// originals cost a fraction of their size; a record is read by inflating its block(s).
#[derive(Debug)]
pub struct BlockStore {
    blocks: Vec<Vec<u8>>,
    len: u64,
    /// The last inflated block: detail views read neighbouring records.
    last: Mutex<Option<(usize, Vec<u8>)>>,
}

const BLOCK: usize = 1 << 20;

impl BlockStore {
    #[must_use]
    pub fn new(data: &[u8]) -> Self {
        BlockStore {
            blocks: data
                .chunks(BLOCK)
                .map(lz4_flex::compress_prepend_size)
                .collect(),
            len: data.len() as u64,
            last: Mutex::new(None),
        }
    }

    /// The bytes `offset..offset+len`, or `None` when out of range.
    #[must_use]
    pub fn read(&self, offset: u64, len: usize) -> Option<Vec<u8>> {
        let start = usize::try_from(offset).ok()?;
        let end = start.checked_add(len)?;
        if end as u64 > self.len {
            return None;
        }
        let mut last = self.last.lock().ok()?;
        let mut out = Vec::with_capacity(len);
        let mut pos = start;
        while pos < end {
            let (block, within) = (pos / BLOCK, pos % BLOCK);
            if last.as_ref().is_none_or(|(b, _)| *b != block) {
                let data = lz4_flex::decompress_size_prepended(self.blocks.get(block)?).ok()?;
                *last = Some((block, data));
            }
            let data = &last.as_ref()?.1;
            let take = (BLOCK - within).min(end - pos);
            out.extend_from_slice(data.get(within..within + take)?);
            pos += take;
        }
        Some(out)
    }

    /// Memory held by the compressed blocks.
    #[must_use]
    pub fn compressed_len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }
}
