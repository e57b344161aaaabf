//! Pure parsing: bytes -> normalised events and rejects. No I/O.
//!
//! [`walk::Walker`] finds records in a buffer whatever the container, [`dispatch`] decides
//! what each object is (`CloudTrail`, CADF, an envelope of either, or a reject), and
//! [`cloudtrail`] / [`cadf`] map the provider's fields onto [`Normalized`].

pub mod cadf;
pub mod cloudtrail;
mod dispatch;
pub mod fields;
pub mod hash;
mod jobs;
pub mod layout;
pub mod lenient;
mod normalized;
mod resync;
mod sessions;
pub mod targets;
pub mod time;
pub mod walk;

pub use layout::Layout;
pub use normalized::{JobKind, JobTouch, Normalized, Started, service_of};
pub use walk::{Sink, Walker};

use crate::model::RejectReason;

/// Parses one original record (as stored by the index) back into its normalised event.
pub fn parse_record(raw: &[u8]) -> Result<Normalized<'_>, RejectReason> {
    let fields = serde_json::from_slice::<fields::Fields>(raw)
        .map_err(|e| RejectReason::BrokenJson(e.to_string()))?;
    match dispatch::classify(fields) {
        dispatch::Verdict::Event(event) => Ok(event),
        dispatch::Verdict::Reject(reason) => Err(reason),
        dispatch::Verdict::Container(_) => Err(RejectReason::NotAnEvent("a container".into())),
    }
}
