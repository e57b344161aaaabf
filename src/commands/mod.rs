//! The headless subcommands, each a function from its arguments to an exit status.

mod explore;
mod follow;
mod loading;
mod query;
mod reports;
mod sources;
mod stats;

pub use explore::explore;
pub use query::query;
pub use reports::{chains, jobs};
pub use stats::stats;
