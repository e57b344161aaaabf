//! Everything the explorer shows, owned by the UI task and changed only by `update`.

use serde::Deserialize;

use super::detail::DetailState;
use super::identities::IdentitiesState;
use super::list::ListState;
use super::palette::PaletteState;
use crate::filter::Filter;
use crate::index::Index;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Timeline,
    Detail,
    Identities,
}

/// What takes the keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Filter,
    Palette,
    Help,
    Rejects,
}

/// The main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Events,
    Identities,
    /// Drilled into the identity group at this index of the identities list.
    Identity(usize),
}

#[derive(Debug, Default)]
pub struct FilterState {
    /// The applied filter as typed.
    pub text: String,
    pub applied: Filter,
    /// The text being edited in the filter bar.
    pub editing: String,
    /// Why the edited text is not a filter, shown in place.
    pub error: Option<String>,
    /// Rows whose original records are still being searched for bare words.
    pub scanning: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LoadState {
    pub done_bytes: u64,
    pub total_bytes: u64,
    pub finished: bool,
}

/// What the histogram depends on: filter generation, rows, zoom, width, screen.
pub type HistogramKey = (u64, usize, Option<(i64, i64)>, usize, Screen);

/// The filters `r` offers for one event, and which comes next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedCycle {
    pub filters: Vec<String>,
    pub next: usize,
}

pub struct AppState {
    pub index: Index,
    pub mode: Mode,
    pub screen: Screen,
    pub focus: Pane,
    pub filter: FilterState,
    /// Rows matching the filter, in time order.
    pub rows: Vec<u32>,
    /// Rows of the drilled-in identity (within the filter), in time order.
    pub identity_rows: Vec<u32>,
    pub timeline: ListState,
    pub identities: IdentitiesState,
    pub palette: PaletteState,
    pub detail: DetailState,
    pub overlay: ListState,
    /// Histogram range, when zoomed in.
    pub zoom: Option<(i64, i64)>,
    pub local_time: bool,
    /// Injected so relative filters and snapshots are deterministic.
    pub now_ms: i64,
    pub load: LoadState,
    /// Rows of a list that fit on screen (set from the terminal size).
    pub page: usize,
    /// Columns of the histogram (set from the terminal size).
    pub histogram_columns: usize,
    /// A short message for the status bar (copied, nothing related, ...).
    pub notice: Option<String>,
    /// Bumped whenever `rows` is recomputed, to drop stale background scans.
    pub generation: u64,
    pub banner: Option<String>,
    /// Events per histogram column over the shown range.
    pub histogram: Vec<crate::index::Bucket>,
    /// What `histogram` was computed from.
    pub histogram_key: Option<HistogramKey>,
    /// The user moved the timeline cursor: new data keeps it on its event. Until then it
    /// stays on the first event, whichever batch arrives first.
    pub cursor_moved: bool,
    /// `r` cycles the related-events filters of the event it was first pressed on.
    pub related: Option<RelatedCycle>,
    /// The help screen: keys and what they do, generated from the keymap.
    pub help: Vec<(String, String)>,
    pub live: super::live::LiveState,
    /// The index's row count and reorder count when `rows` were last computed.
    pub rows_cover: Option<(usize, u64)>,
}

impl AppState {
    #[must_use]
    pub fn new(index: Index, now_ms: i64) -> AppState {
        let mut state = AppState {
            index,
            mode: Mode::Browse,
            screen: Screen::Events,
            focus: Pane::Timeline,
            filter: FilterState::default(),
            rows: Vec::new(),
            identity_rows: Vec::new(),
            timeline: ListState::default(),
            identities: IdentitiesState::default(),
            palette: PaletteState::default(),
            detail: DetailState::default(),
            overlay: ListState::default(),
            zoom: None,
            local_time: false,
            now_ms,
            load: LoadState::default(),
            page: 10,
            histogram_columns: 60,
            notice: None,
            generation: 0,
            banner: None,
            histogram: Vec::new(),
            histogram_key: None,
            help: Vec::new(),
            related: None,
            cursor_moved: false,
            live: super::live::LiveState::default(),
            rows_cover: None,
        };
        // Its effect, reading the selected event's original, cannot be run from here: the
        // selection is left to the caller's first refresh, which asks for it again.
        let _ = state.refresh_rows();
        state.detail.select(None);
        state
    }

    /// The events the timeline lists on the current screen.
    #[must_use]
    pub fn timeline_rows(&self) -> &[u32] {
        match self.screen {
            Screen::Identity(_) => &self.identity_rows,
            _ => &self.rows,
        }
    }

    /// The row id under the timeline's cursor.
    #[must_use]
    pub fn selected_row(&self) -> Option<u32> {
        self.timeline_rows().get(self.timeline.selected).copied()
    }
}
