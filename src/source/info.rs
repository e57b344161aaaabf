use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use super::BlockStore;

/// A source the index holds events of, and how to read their originals again.
#[derive(Debug, Clone)]
pub struct SourceInfo {
    /// As the user named it (a path, or `-` for stdin).
    pub name: String,
    pub kind: SourceKind,
}

#[derive(Debug, Clone)]
pub enum SourceKind {
    /// A file read again by offset; gzip files are inflated again on demand. `len` and
    /// `modified` detect a file that changed after it was loaded.
    File {
        path: PathBuf,
        gzip: bool,
        len: u64,
        modified: Option<SystemTime>,
    },
    /// Content that cannot be read again (stdin), kept compressed in memory.
    Memory(Arc<BlockStore>),
    /// A followed file, read again through the handle it was read with: that still
    /// reaches the file after a rotation renamed it.
    Followed {
        path: PathBuf,
        file: Arc<std::fs::File>,
        /// Cleared once the file was truncated: its bytes are then another file's.
        intact: Arc<std::sync::atomic::AtomicBool>,
    },
}
