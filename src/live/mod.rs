//! Live sources: followed files and folders, stdin, and network listeners. Each runs on
//! its own thread and writes through a [`Feed`](crate::load::Feed), so the pipeline's
//! bounded channels slow a reader down when the index owner falls behind, rather than
//! dropping records.

mod address;
mod http;
mod limits;
mod sources;
mod tail;
mod tcp;
mod token;
pub mod watch;

pub use address::{Bound, ListenAddr, Scheme};
pub use limits::{MAX_BODY, MAX_CONNECTIONS, MAX_NET_LINE, TCP_IDLE};
pub use sources::LiveSources;
