//! The shared vocabulary of qtrail: what an event, a source and a reject are.
//! No I/O here; every other module may use it.

mod event;
mod reject;
mod row;
mod source;

pub use event::{Outcome, Provider};
pub use reject::{Reject, RejectReason, RejectTally};
pub use row::{Column, OrderKey, Row};
pub use source::{RawRef, SourceId};
