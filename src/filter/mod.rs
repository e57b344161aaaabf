//! The filter language shared by `qtrail query --filter` and the TUI's filter bar:
//! [`Filter::parse`] reads it, [`evaluate`] runs it over an [`crate::index::Index`].

mod attribution;
mod bits;
mod compile;
mod display;
mod eval;
mod glob;
mod language;
mod parse;
mod path;
mod test;

pub use attribution::identity_matches;
pub use bits::Bits;
pub use eval::{Matcher, evaluate, keep_raw_matches, matching_rows, matching_rows_since};
pub use glob::Pattern;
pub use language::LANGUAGE;
pub use parse::{Field, Filter, FilterError, Term, TermKind};
pub use path::values_at;
