//! What the headless commands print: `stats` summaries and `query` results as JSON lines,
//! CSV or a table.

mod event_json;
mod query;
mod stats;
mod table;

pub use event_json::EventJson;
pub use query::{QueryFormat, write_query};
pub use stats::{Stats, write_stats_text};
