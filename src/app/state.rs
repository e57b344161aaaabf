//! Everything the explorer shows, owned by the UI task and changed only through
//! [`update`](super::update::update). Its fields are the app's own; views read them
//! through the accessors below.

use serde::Deserialize;

use super::detail::DetailState;
use super::follow::FollowState;
use super::identities::IdentitiesState;
use super::line_edit::LineEdit;
use super::list::ListState;
use super::msg::Pages;
use super::palette::PaletteState;
use super::values::ValuesState;
use crate::filter::Filter;
use crate::index::{Bucket, Index};

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
    /// The values overlay: a field's most frequent values.
    Values,
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
    pub(in crate::app) text: String,
    pub(in crate::app) applied: Filter,
    /// The text being edited in the filter bar.
    pub(in crate::app) editing: LineEdit,
    /// Filters applied before, oldest first (Up in the filter bar goes back through them),
    /// and where the bar is in them while going back.
    pub(in crate::app) history: Vec<String>,
    pub(in crate::app) history_at: Option<usize>,
    /// The filters a change replaced, for `UndoFilter`.
    pub(in crate::app) undo: Vec<String>,
    /// Why the edited text is not a filter, shown in place.
    pub(in crate::app) error: Option<String>,
    /// Rows whose original records are still being searched for bare words.
    pub(in crate::app) scanning: bool,
}

impl FilterState {
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    #[must_use]
    pub fn editing(&self) -> &str {
        self.editing.text()
    }

    /// Where the cursor is in the text being edited, in characters.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.editing.cursor()
    }

    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    #[must_use]
    pub fn scanning(&self) -> bool {
        self.scanning
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.applied.terms.is_empty()
    }
}

/// Progress of the start-up load.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LoadState {
    pub done_bytes: u64,
    pub total_bytes: u64,
    pub finished: bool,
}

/// What the histogram depends on: filter generation, rows, zoom, width, screen.
pub(in crate::app) type HistogramKey = (u64, usize, Option<(i64, i64)>, usize, Screen);

/// The filters `r` offers for one event, and which comes next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::app) struct RelatedCycle {
    pub filters: Vec<String>,
    pub next: usize,
}

/// What loader messages left for the next refresh to do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(in crate::app) enum Pending {
    #[default]
    Nothing,
    /// Progress or rejects arrived: redraw.
    Draw,
    /// Events arrived: the rows are recomputed, then redrawn.
    Data,
}

/// What the explorer starts with besides its index.
#[derive(Debug, Default)]
pub struct Setup {
    /// The help screen: keys and what they do, generated from the keymap.
    pub help: Vec<(String, String)>,
    /// A line above everything (the demo's notice, the addresses listened on).
    pub banner: Option<String>,
    pub follow: FollowState,
}

pub struct AppState {
    pub(in crate::app) index: Index,
    pub(in crate::app) mode: Mode,
    pub(in crate::app) screen: Screen,
    pub(in crate::app) focus: Pane,
    pub(in crate::app) filter: FilterState,
    /// Rows matching the filter, in time order.
    pub(in crate::app) rows: Vec<u32>,
    /// Rows of the drilled-in identity (within the filter), in time order.
    pub(in crate::app) identity_rows: Vec<u32>,
    pub(in crate::app) timeline: ListState,
    pub(in crate::app) identities: IdentitiesState,
    pub(in crate::app) palette: PaletteState,
    pub(in crate::app) values: ValuesState,
    pub(in crate::app) detail: DetailState,
    pub(in crate::app) overlay: ListState,
    /// Histogram range, when zoomed in.
    pub(in crate::app) zoom: Option<(i64, i64)>,
    pub(in crate::app) local_time: bool,
    /// When the message being handled was taken (relative filters count from it).
    pub(in crate::app) now_ms: i64,
    pub(in crate::app) load: LoadState,
    /// The frame's geometry, from the last layout.
    pub(in crate::app) pages: Pages,
    /// A short message for the status bar (copied, nothing related, ...).
    pub(in crate::app) notice: Option<String>,
    /// Bumped whenever `rows` is recomputed, to drop stale background scans.
    pub(in crate::app) generation: u64,
    pub(in crate::app) banner: Option<String>,
    /// Events per histogram column over the shown range.
    pub(in crate::app) histogram: Vec<Bucket>,
    /// What `histogram` was computed from.
    pub(in crate::app) histogram_key: Option<HistogramKey>,
    /// The user moved the timeline cursor: new data keeps it on its event. Until then it
    /// stays on the first event, whichever batch arrives first.
    pub(in crate::app) cursor_moved: bool,
    /// `r` cycles the related-events filters of the event it was first pressed on.
    pub(in crate::app) related: Option<RelatedCycle>,
    pub(in crate::app) help: Vec<(String, String)>,
    pub(in crate::app) follow: FollowState,
    /// The index's row count and reorder count when `rows` were last computed.
    pub(in crate::app) rows_cover: Option<(usize, u64)>,
    pub(in crate::app) pending: Pending,
}

impl AppState {
    /// The explorer over `index`, every event listed, nothing selected until the first
    /// layout asks for the selected event's original.
    #[must_use]
    pub fn new(index: Index, setup: Setup) -> AppState {
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
            values: ValuesState::default(),
            detail: DetailState::default(),
            overlay: ListState::default(),
            zoom: None,
            local_time: false,
            now_ms: 0,
            load: LoadState::default(),
            pages: Pages::default(),
            notice: None,
            generation: 0,
            banner: setup.banner,
            histogram: Vec::new(),
            histogram_key: None,
            cursor_moved: false,
            related: None,
            help: setup.help,
            follow: setup.follow,
            rows_cover: None,
            pending: Pending::Nothing,
        };
        // No scan (the filter is empty) and no read: the first layout selects the event.
        let _ = state.refresh_rows();
        state.detail.select(None, None);
        state
    }

    #[must_use]
    pub fn index(&self) -> &Index {
        &self.index
    }

    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen
    }

    #[must_use]
    pub fn focus(&self) -> Pane {
        self.focus
    }

    #[must_use]
    pub fn filter(&self) -> &FilterState {
        &self.filter
    }

    /// Rows the filter lets through, in time order, whatever the screen.
    #[must_use]
    pub fn filtered_rows(&self) -> &[u32] {
        &self.rows
    }

    /// The events the timeline lists on the current screen.
    #[must_use]
    pub fn timeline_rows(&self) -> &[u32] {
        match self.screen {
            Screen::Identity(_) => &self.identity_rows,
            _ => &self.rows,
        }
    }

    /// The timeline's cursor and first line shown.
    #[must_use]
    pub fn timeline(&self) -> ListState {
        self.timeline
    }

    /// The row id under the timeline's cursor.
    #[must_use]
    pub fn selected_row(&self) -> Option<u32> {
        self.timeline_rows().get(self.timeline.selected).copied()
    }

    #[must_use]
    pub fn identities(&self) -> &IdentitiesState {
        &self.identities
    }

    #[must_use]
    pub fn palette(&self) -> &PaletteState {
        &self.palette
    }

    #[must_use]
    pub fn values(&self) -> &ValuesState {
        &self.values
    }

    #[must_use]
    pub fn detail(&self) -> &DetailState {
        &self.detail
    }

    /// The open overlay's scroll position.
    #[must_use]
    pub fn overlay(&self) -> ListState {
        self.overlay
    }

    #[must_use]
    pub fn zoom(&self) -> Option<(i64, i64)> {
        self.zoom
    }

    #[must_use]
    pub fn local_time(&self) -> bool {
        self.local_time
    }

    #[must_use]
    pub fn load(&self) -> LoadState {
        self.load
    }

    #[must_use]
    pub fn pages(&self) -> Pages {
        self.pages
    }

    #[must_use]
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    #[must_use]
    pub fn banner(&self) -> Option<&str> {
        self.banner.as_deref()
    }

    /// Events and failures per histogram column over [`AppState::histogram_range`].
    #[must_use]
    pub fn histogram(&self) -> &[Bucket] {
        &self.histogram
    }

    #[must_use]
    pub fn help(&self) -> &[(String, String)] {
        &self.help
    }

    #[must_use]
    pub fn follow(&self) -> &FollowState {
        &self.follow
    }

    /// Events received since following paused.
    #[must_use]
    pub fn new_since_pause(&self) -> u64 {
        if self.follow.following {
            0
        } else {
            self.index.received().saturating_sub(self.follow.paused_at)
        }
    }

    /// Whether loader messages left work for a refresh (the event loop schedules one).
    #[must_use]
    pub fn refresh_pending(&self) -> bool {
        self.pending != Pending::Nothing
    }

    /// The time the filter counts relative terms from (that of the last message).
    #[must_use]
    pub fn now_ms(&self) -> i64 {
        self.now_ms
    }
}
