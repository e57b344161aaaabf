//! I/O only: finding the inputs, reading their bytes (gzip detected by magic bytes), and
//! reading an indexed record's original bytes again later.

mod blocks;
mod content;
mod info;
mod inputs;
mod raw;

pub use blocks::BlockStore;
pub use content::{Content, OpenedFile, inflate, is_gzip, open_file, read_stream, widen_pipe};
pub use info::{SourceInfo, SourceKind};
pub use inputs::{Input, InputError, expand_inputs};
pub use raw::RawReader;
