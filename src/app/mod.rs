//! The explorer's state and its one update: keys become [`Command`]s through the
//! [`Keymap`], every change arrives as a [`Msg`], [`update`] applies it to the
//! [`AppState`] and returns the [`Effect`]s (I/O) for the effect runner, whose results
//! come back as messages. No terminal and no I/O here.
//!
//! ```text
//!  keys ─► keymap ─► Msg::Command ─┐
//!  loaders ─► Msg::Loaded, Refresh ├─► update ─► handle/<family> ─► AppState ─► view
//!  effect runner ─► Msg::Original… ┘        └─► Effect ─► effect runner (term)
//! ```

mod command;
pub mod detail;
mod effect;
mod filter_text;
mod follow;
mod handle;
pub mod identities;
mod job_of;
mod keymap;
mod line_edit;
mod list;
mod msg;
pub mod palette;
mod refresh;
mod state;
mod timeline;
mod update;
pub mod values;

pub use command::Command;
pub use detail::parse_original;
pub use effect::{Effect, RawScan, RawScanDone, Sources, ValueCount};
pub use filter_text::quote;
pub use follow::FollowState;
pub use keymap::{Condition, Keymap, Rule, key_name};
pub use list::ListState;
pub use msg::{Clock, Msg, Pages};
pub use state::{AppState, FilterState, LoadState, Mode, Pane, Screen, Setup};
pub use update::update;
