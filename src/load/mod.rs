//! Loading: inputs -> units of work -> parsed batches, on a pool of worker threads, sent
//! over a bounded channel to whoever owns the index.
//!
//! ```text
//!  inputs ─► plan (open, map, detect) ─► units ─► rayon workers ─► fix line numbers ─► channel ─► Index::apply
//!  live sources (tail, folder, stdin, tcp, http) ─► Feed ─┘
//! ```
//!
//! Every channel is bounded, so a reader that outruns the index owner waits (backpressure)
//! instead of dropping records.

mod batch;
mod feed;
mod line_feed;
mod lines;
mod message;
mod pipeline;
mod plan;
mod stream;
mod trim;
mod worker;

pub use batch::{Batch, BatchBuilder, JobFacts, MAX_FIELD, SAMPLED_PER_BATCH, SessionStart};
pub use feed::Feed;
pub use line_feed::{LineFeed, MAX_LOCAL_LINE, ReadBuffer, TRY_WHOLE_UP_TO, is_whole_record};
pub use message::{LoadMsg, SourceIds};
pub use pipeline::{lower_priority, spawn_live, spawn_load};
pub use stream::{add_input, stream};
pub use trim::release_free_memory;
pub use worker::{parse_buffer, parse_buffer_at};
