/// Index of a source (file or stream) in the order the loader registered it.
pub type SourceId = u32;

/// Where the original bytes of a record are: a span of a source's (decompressed) content.
/// The originals are never copied into the index; they are read again from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RawRef {
    pub offset: u64,
    pub len: u32,
    pub source: SourceId,
}
