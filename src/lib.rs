//! qtrail explores the audit trail of quantum-computing clouds: AWS `CloudTrail` records
//! (Amazon Braket) and IBM Cloud Activity Tracker CADF events (IBM Qiskit Runtime).
//!
//! Data flows one way, and so do the imports: each module uses only the shared ones and
//! those to its left (`tests/layering.rs` fails on any import that runs back, and on any
//! two files that import each other).
//!
//! ```text
//!  source ─► parse ─► load ─► live ─► index ─► filter ─► app ─► view ─► output ─► term ─► cli ─► commands
//!  bytes:    bytes -> units on   tails,  time     the      state  pure    headless  the      the       stats,
//!  files,    events,  worker     folders, order,  filter   and a  render  stats,    terminal command  query,
//!  gzip,     rejects  threads,   stdin,   postings, language update of the query     loop,    line      explore
//!  stdin,             batches    sockets  dedup,  and its  (Msg   state   output    effects
//!  originals          over a     (Feed)   rejects  evaluation -> state)
//!                     bounded channel
//! ```
//!
//! Shared by all: `model` (what an event, a row, a source and a reject are), `sanitize`
//! (event text made safe for a terminal) and `names` (short forms of identities).

pub mod app;
pub mod cli;
pub mod commands;
pub mod filter;
pub mod index;
pub mod live;
pub mod load;
pub mod model;
pub mod names;
pub mod output;
pub mod parse;
pub mod sanitize;
pub mod source;
pub mod term;
pub mod view;
