//! Data arriving while the explorer runs: the start-up load in the background, then live
//! sources. A follow mode keeps the newest event in view until the user scrolls up.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use super::state::AppState;
use super::update::Effect;
use crate::load::LoadMsg;

/// The ingest rate is averaged over this long.
const RATE_WINDOW: Duration = Duration::from_secs(3);

/// What the status bar says about live sources.
#[derive(Debug, Default)]
pub struct LiveState {
    /// Live sources feed the index (followed files, stdin, listeners).
    pub active: bool,
    /// The timeline keeps the newest event in view.
    pub following: bool,
    /// Events received when following paused.
    pub paused_at: u64,
    /// Events per second over the last seconds.
    pub rate: u64,
    /// Evict the oldest events beyond this many.
    pub max_events: Option<usize>,
    samples: VecDeque<(Instant, u64)>,
}

impl LiveState {
    /// Live from the start, following.
    #[must_use]
    pub fn following(max_events: Option<usize>) -> LiveState {
        LiveState {
            active: true,
            following: true,
            max_events,
            ..LiveState::default()
        }
    }
}

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
            LoadMsg::Indexed(ack) => {
                let _ = ack.send(());
            }
            LoadMsg::Done => {
                self.load.finished = true;
                return true;
            }
        }
        false
    }

    /// Evicts beyond `--max-events`, re-sorts new events in and re-runs the filter,
    /// keeping the cursor on its event (or on the newest while following).
    pub fn data_changed(&mut self) -> Vec<Effect> {
        let selected = self.selected_row().filter(|_| self.cursor_moved);
        let key = selected.map(|row| self.index.order_key(row));
        let evicted = self.evict_over_bound();
        if evicted {
            self.detail.select(None);
        }
        if !self.cursor_moved {
            self.timeline.to_top();
        }
        let mut effects = match self.refresh_added_rows() {
            Some(effects) => effects,
            None => self.refresh_rows(),
        };
        let len = self.timeline_rows().len();
        if self.live.following {
            self.timeline.to_bottom(len, self.page);
            effects.extend(self.select_detail());
        } else if let Some(key) = key {
            let rows = self.timeline_rows();
            let at = rows.partition_point(|&r| self.index.order_key(r) < key);
            self.timeline.selected = at;
            self.timeline.clamp(len, self.page);
            effects.extend(self.select_detail());
        }
        effects
    }

    fn evict_over_bound(&mut self) -> bool {
        self.live
            .max_events
            .is_some_and(|max| self.index.evict_beyond(max))
    }

    /// Takes a sample of the received count for the ingest rate; `true` when the rate
    /// shown changed.
    pub fn sample_rate(&mut self, now: Instant) -> bool {
        let received = self.index.received();
        let samples = &mut self.live.samples;
        samples.push_back((now, received));
        while samples.len() > 2 && now.duration_since(samples[1].0) >= RATE_WINDOW {
            samples.pop_front();
        }
        let rate = match (samples.front(), samples.back()) {
            (Some(&(t0, n0)), Some(&(t1, n1))) if t1 > t0 => {
                let secs = t1.duration_since(t0).as_secs_f64();
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    clippy::cast_precision_loss
                )]
                let rate = ((n1 - n0) as f64 / secs).round() as u64;
                rate
            }
            _ => 0,
        };
        std::mem::replace(&mut self.live.rate, rate) != rate
    }

    /// Events received since following paused.
    #[must_use]
    pub fn new_since_pause(&self) -> u64 {
        if self.live.following {
            0
        } else {
            self.index.received().saturating_sub(self.live.paused_at)
        }
    }

    /// The user moved up the timeline: following pauses, counting what arrives.
    pub fn pause_following(&mut self) {
        if self.live.following {
            self.live.following = false;
            self.live.paused_at = self.index.received();
        }
    }

    /// Back to the newest event, following again.
    pub fn resume_following(&mut self) -> Vec<Effect> {
        self.live.following = self.live.active;
        self.cursor_moved = true;
        let len = self.timeline_rows().len();
        self.timeline.to_bottom(len, self.page);
        self.select_detail()
    }
}
