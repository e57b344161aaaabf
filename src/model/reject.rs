use std::collections::BTreeMap;
use std::fmt;

use super::SourceId;

/// A record (or a whole file) that could not be indexed, with where it was and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reject {
    pub source: SourceId,
    /// 1-based line of the record's first byte, when the loader could tell it.
    pub line: Option<u64>,
    /// 1-based position of the record inside its container (`Records`, `Events`, array).
    pub record: Option<u64>,
    /// Byte offset of the record in the source's (decompressed) content.
    pub offset: u64,
    pub reason: RejectReason,
}

impl Reject {
    /// A reject that no line number fits: a source that could not be read, a failed read,
    /// a refused request. `offset` is how far the source got.
    #[must_use]
    pub fn of_source(source: SourceId, offset: u64, reason: RejectReason) -> Reject {
        Reject {
            source,
            line: None,
            record: None,
            offset,
            reason,
        }
    }
}

/// Why a record was rejected. The texts are user-facing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RejectReason {
    /// Not well-formed JSON; the parser's message.
    BrokenJson(String),
    /// The input ended inside a record (cut-off file or truncated gzip).
    Truncated(String),
    /// Valid JSON, but neither a `CloudTrail` record nor a CADF event.
    NotAnEvent(String),
    /// An event without a time that can be read.
    NoUsableTime(String),
    /// The file or stream itself could not be read.
    Unreadable(String),
    /// A line longer than a live source accepts (its limit in bytes); it was skipped.
    TooLong(usize),
    /// A network request refused whole (too large); its records are lost to qtrail.
    Refused(String),
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RejectReason::BrokenJson(m) => write!(f, "broken JSON: {m}"),
            RejectReason::Truncated(m) => write!(f, "truncated: {m}"),
            RejectReason::NotAnEvent(m) => write!(f, "not an event: {m}"),
            RejectReason::NoUsableTime(m) => write!(f, "no usable time: {m}"),
            RejectReason::Unreadable(m) => write!(f, "unreadable: {m}"),
            RejectReason::TooLong(limit) => {
                write!(f, "line too long: over {limit} bytes, skipped to its end")
            }
            RejectReason::Refused(m) => write!(f, "refused: {m}"),
        }
    }
}

impl RejectReason {
    /// Reading the source failed after `offset` bytes: what follows is lost.
    #[must_use]
    pub fn read_failed(offset: u64, e: &std::io::Error) -> RejectReason {
        RejectReason::Truncated(format!("reading failed after {offset} bytes: {e}"))
    }

    /// A short stable name for grouping rejects in summaries.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            RejectReason::BrokenJson(_) => "broken_json",
            RejectReason::Truncated(_) => "truncated",
            RejectReason::NotAnEvent(_) => "not_an_event",
            RejectReason::NoUsableTime(_) => "no_usable_time",
            RejectReason::Unreadable(_) => "unreadable",
            RejectReason::TooLong(_) => "too_long",
            RejectReason::Refused(_) => "refused",
        }
    }
}

/// Rejects counted by kind only: beyond the sample kept in full, a flood of garbage costs
/// a counter, not memory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RejectTally(BTreeMap<&'static str, u64>);

impl RejectTally {
    pub fn add(&mut self, reason: &RejectReason) {
        *self.0.entry(reason.kind()).or_insert(0) += 1;
    }

    pub fn merge(&mut self, other: &RejectTally) {
        for (kind, n) in &other.0 {
            *self.0.entry(kind).or_insert(0) += n;
        }
    }

    /// Rejects counted, all kinds.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.0.values().sum()
    }

    /// Each kind (see [`RejectReason::kind`]) with its count.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.0.iter().map(|(k, n)| (*k, *n))
    }
}
