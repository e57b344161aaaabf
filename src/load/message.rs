//! What loaders send to the index owner, and the source ids they share.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use super::Batch;
use crate::model::{Reject, SourceId};
use crate::source::SourceInfo;

/// What a load sends to the index owner, in this order per source: its `Source`, then
/// batches. `Done` once the inputs given at the start are read; live sources go on after.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a batch is the common message; boxing it would allocate once more per batch"
)]
pub enum LoadMsg {
    /// An input is open; this many more bytes will be read.
    Started {
        total_bytes: u64,
    },
    Source(SourceId, SourceInfo),
    Batch(Batch),
    Rejects(Vec<Reject>),
    /// Everything sent before this is indexed once the owner has taken this; it answers
    /// (a network request waits for that before saying "accepted").
    Indexed(tokio::sync::oneshot::Sender<()>),
    Done,
}

/// Hands out source ids, shared by every loader feeding one index.
#[derive(Clone, Default)]
pub struct SourceIds(Arc<AtomicU32>);

impl SourceIds {
    #[must_use]
    pub fn next(&self) -> SourceId {
        self.0.fetch_add(1, Ordering::Relaxed)
    }
}
