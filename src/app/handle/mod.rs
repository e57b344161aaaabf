//! One handler per family of messages; [`update`](super::update::update) picks the one.

pub mod browse;
pub mod data;
pub mod filter_bar;
pub mod layout;
pub mod overlay;
pub mod palette;
pub mod results;
mod text_input;
pub mod values;
