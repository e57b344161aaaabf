//! The explorer's state and its pure update: keys become [`Command`]s through the
//! [`keymap::Keymap`], [`update::update`] applies them to [`AppState`] and returns the
//! [`Effect`]s (I/O) for the event loop to carry out. No terminal, no I/O here.

pub mod command;
pub mod detail;
pub mod identities;
pub mod keymap;
pub mod list;
pub mod live;
pub mod palette;
pub mod refresh;
pub mod state;
pub mod timeline;
pub mod update;

pub use command::Command;
pub use keymap::Keymap;
pub use state::{AppState, Mode, Pane, Screen};
pub use update::{Effect, update};
