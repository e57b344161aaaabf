use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::time::SystemTime;

use flate2::read::MultiGzDecoder;

/// The bytes of an input, shared by the units of work that parse parts of it.
#[derive(Clone)]
pub enum Content {
    /// A plain file, memory-mapped: its pages belong to the page cache, not to qtrail.
    Mapped(Arc<memmap2::Mmap>),
    /// Decompressed or streamed bytes.
    Owned(Arc<Vec<u8>>),
    Empty,
}

impl Content {
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        match self {
            Content::Mapped(map) => map,
            Content::Owned(data) => data,
            Content::Empty => &[],
        }
    }
}

/// A file opened read-only, with what identifies its version.
pub struct OpenedFile {
    pub content: Content,
    pub len: u64,
    pub modified: Option<SystemTime>,
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Gzip is recognised by its magic bytes, never by a file name.
#[must_use]
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&GZIP_MAGIC)
}

/// Opens a file read-only and maps it.
pub fn open_file(path: &Path) -> std::io::Result<OpenedFile> {
    let file = File::open(path)?;
    let meta = file.metadata()?;
    let content = if meta.len() == 0 {
        Content::Empty
    } else {
        Content::Mapped(Arc::new(map_file(&file)?))
    };
    Ok(OpenedFile {
        content,
        len: meta.len(),
        modified: meta.modified().ok(),
    })
}

#[allow(
    unsafe_code,
    reason = "mapping is the only way to index a large file without copying it"
)]
fn map_file(file: &File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: the map is read-only. If another process truncates the file while it is
    // mapped, reading past the new end faults; qtrail holds maps only while it loads and
    // reads originals again with ordinary reads afterwards.
    let map = unsafe { memmap2::MmapOptions::new().map(file)? };
    #[cfg(unix)]
    let _ = map.advise(memmap2::Advice::Sequential);
    Ok(map)
}

/// Reads a stream (stdin) to its end, inflating gzip. Returns what was read and the error
/// that cut it short, if any.
pub fn read_stream(mut reader: impl Read) -> (Vec<u8>, Option<std::io::Error>) {
    let mut data = Vec::new();
    let error = reader.read_to_end(&mut data).err();
    if is_gzip(&data) {
        let (inflated, gz_error) = inflate(&data);
        return (inflated, gz_error.or(error));
    }
    (data, error)
}

/// A gzip input may inflate to this many times its size (trail files inflate about 10
/// to 25 times); past that it is taken for a decompression bomb and inflated no further.
pub const MAX_INFLATE_RATIO: u64 = 100;
/// Below this, any ratio is let through (a small file of very repetitive records).
const INFLATE_FLOOR: u64 = 64 << 20;
/// Inflated bytes looked at before going on: NUL bytes there mean binary data, which no
/// audit trail is, so inflating stops at once.
const SNIFF: u64 = 8 << 10;

/// Inflates every gzip member; on corruption or truncation keeps every byte before it.
/// Bounded: binary content stops after its first bytes, and past [`MAX_INFLATE_RATIO`]
/// times its size (64 MiB at least) it stops with an error saying so.
#[must_use]
pub fn inflate(compressed: &[u8]) -> (Vec<u8>, Option<std::io::Error>) {
    let limit = (compressed.len() as u64)
        .saturating_mul(MAX_INFLATE_RATIO)
        .max(INFLATE_FLOOR);
    let mut data = Vec::new();
    let mut reader = MultiGzDecoder::new(compressed).take(limit + 1);
    if let Err(e) = (&mut reader).take(SNIFF).read_to_end(&mut data) {
        return (data, Some(e));
    }
    if memchr::memchr(0, &data).is_some() {
        return (data, None);
    }
    // Room for all it may inflate to at once (memory not yet written costs nothing):
    // growing by doubling would copy, and hold twice, what a large file inflates to.
    data.reserve(usize::try_from(limit.min(1 << 30)).unwrap_or(0));
    let error = reader.read_to_end(&mut data).err();
    if data.len() as u64 > limit {
        data.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
        let why = format!(
            "it inflates to over {MAX_INFLATE_RATIO} times its size ({limit} bytes): \
             stopped there, as a decompression bomb"
        );
        return (
            data,
            Some(std::io::Error::new(std::io::ErrorKind::FileTooLarge, why)),
        );
    }
    (data, error)
}

/// Pipe buffers hold 64 KiB by default: a shipper writing faster than that waits on every
/// 64 KiB, and so does the reader. A larger pipe lets both run in longer stretches. Not a
/// pipe, or a system that refuses: it stays as it is.
pub fn widen_pipe(fd: impl std::os::fd::AsFd) {
    let _ = rustix::pipe::fcntl_setpipe_size(fd, 1 << 20);
}
