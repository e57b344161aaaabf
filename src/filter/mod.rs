//! The filter language shared by `qtrail query --filter` and the TUI's filter bar:
//! [`Filter::parse`] reads it, [`evaluate`] runs it over an [`crate::index::Index`].

mod display;
mod eval;
mod glob;
mod parse;

pub use eval::{Matcher, evaluate, keep_raw_matches, matching_rows, matching_rows_since};
pub use glob::*;
pub use parse::*;
