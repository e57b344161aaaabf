//! The headless subcommands, each a function from its arguments to an exit status.

mod explore;
mod follow;
mod loading;
mod query;
mod sources;
mod stats;

pub use explore::explore;
pub use query::query;
pub use stats::stats;
