//! The I/O `update` asks for: carried out by the effect runner (`term::EffectRunner`), whose
//! results come back as messages.

use std::sync::Arc;

use crate::filter::Matcher;
use crate::model::RawRef;
use crate::source::SourceInfo;

/// The sources, shared with the tasks that read originals off the UI thread.
pub type Sources = Arc<Vec<Option<SourceInfo>>>;

pub enum Effect {
    Quit,
    /// Read the original record of this row (for the detail pane).
    ReadOriginal {
        row: u32,
        raw: RawRef,
        sources: Sources,
    },
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Search original records for a bare-word filter.
    ScanRaw(RawScan),
    /// Count the values of a JSON path over original records.
    CountValues(ValueCount),
}

/// The values of a path, to be counted over these records.
pub struct ValueCount {
    pub generation: u64,
    pub path: Vec<String>,
    pub candidates: Vec<RawRef>,
    pub sources: Sources,
}

/// Bare-word filters need the original records: those are searched off the UI thread.
pub struct RawScan {
    pub generation: u64,
    /// Rows added while streaming, to be merged in; otherwise the whole filter's rows.
    pub added: bool,
    pub matcher: Arc<Matcher>,
    pub candidates: Vec<(u32, RawRef)>,
    pub sources: Sources,
}

/// A finished search of originals.
pub struct RawScanDone {
    pub generation: u64,
    pub rows: Vec<u32>,
    pub added: bool,
}
