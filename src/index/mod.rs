//! The in-memory index: events in time order, postings by the columns filters use, distinct
//! action names with their counts, per-minute counts for the histogram, and the rejects.
//!
//! It is owned by one task and changed only by [`Index::apply`] (a batch from a loader) and
//! [`Index::ensure_sorted`]. Appending is cheap: rows are pushed, postings appended, and the
//! new rows are merged into the time order once, when a reader next needs it.

mod applied;
mod buckets;
mod dedup;
mod evict;
mod fill;
mod first_seen;
mod groups;
mod interner;
mod jobs;
mod postings;
mod sessions;
mod store;

pub use crate::model::OrderKey;
pub use buckets::{Bucket, MINUTE_MS};
pub use fill::{LoadTimings, load_blocking};
pub use first_seen::{FirstSeen, Novelty};
pub use groups::group_counts;
pub use interner::Interner;
pub use jobs::{Ending, Job, Jobs, Verb};
pub use postings::Postings;
pub use sessions::{Issue, Sessions};
pub use store::{Index, KEPT_REJECTS, merge_into};
