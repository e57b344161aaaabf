//! What the headless commands print: `stats` summaries, `query` results as JSON lines, CSV
//! or a table, the sessions of `chains` and the workloads of `jobs`.

mod chains;
mod event_json;
mod jobs;
mod query;
mod stats;
mod table;

pub use chains::{ChainJson, chains, write_chains_text};
pub use event_json::EventJson;
pub use jobs::{JobJson, jobs, write_jobs_text};
pub use query::{QueryFormat, write_query};
pub use stats::{Stats, write_stats_text};
