//! Data arriving while the explorer runs (the initial load in the background).

use super::state::AppState;
use super::update::Effect;
use crate::load::LoadMsg;

impl AppState {
    /// Takes one message from a loader. Returns `true` when events were added (the
    /// caller refreshes the views, throttled, with [`AppState::data_changed`]).
    pub fn apply_load(&mut self, msg: LoadMsg) -> bool {
        match msg {
            LoadMsg::Started { total_bytes } => self.load.total_bytes += total_bytes,
            LoadMsg::Source(id, info) => self.index.set_source(id, info),
            LoadMsg::Batch(batch) => {
                self.load.done_bytes += batch.bytes;
                self.index.apply(batch);
                return true;
            }
            LoadMsg::Rejects(rejects) => self.index.add_rejects(rejects),
            LoadMsg::Done => {
                self.load.finished = true;
                return true;
            }
        }
        false
    }

    /// Re-sorts new events in and re-runs the filter, keeping the cursor on its event.
    pub fn data_changed(&mut self) -> Vec<Effect> {
        let selected = self.selected_row().filter(|_| self.cursor_moved);
        if !self.cursor_moved {
            self.timeline.to_top();
        }
        let mut effects = self.refresh_rows();
        if let Some(row) = selected {
            let key = self.index.order_key(row);
            let rows = self.timeline_rows();
            let (at, len) = (
                rows.partition_point(|&r| self.index.order_key(r) < key),
                rows.len(),
            );
            self.timeline.selected = at;
            self.timeline.clamp(len, self.page);
            effects.extend(self.select_detail());
        }
        effects
    }
}
