//! Follow mode while live sources feed the index: the timeline keeps the newest event in
//! view until the user moves up; the status bar shows the ingest rate or, paused, what
//! arrived since.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// The ingest rate is averaged over this long.
const RATE_WINDOW: Duration = Duration::from_secs(3);

#[derive(Debug, Default)]
pub struct FollowState {
    /// Live sources feed the index (followed files, stdin, listeners).
    pub(in crate::app) active: bool,
    /// The timeline keeps the newest event in view.
    pub(in crate::app) following: bool,
    /// Events received when following paused.
    pub(in crate::app) paused_at: u64,
    /// Events per second over the last seconds.
    pub(in crate::app) rate: u64,
    /// Evict the oldest events beyond this many.
    pub(in crate::app) max_events: Option<usize>,
    /// The live sources were active and have all ended.
    pub(in crate::app) ended: bool,
    samples: VecDeque<(Instant, u64)>,
}

impl FollowState {
    /// Live from the start, following.
    #[must_use]
    pub fn live(max_events: Option<usize>) -> FollowState {
        FollowState {
            active: true,
            following: true,
            max_events,
            ..FollowState::default()
        }
    }

    /// Nothing live; memory bounded by `max_events` all the same.
    #[must_use]
    pub fn bounded(max_events: Option<usize>) -> FollowState {
        FollowState {
            max_events,
            ..FollowState::default()
        }
    }

    #[must_use]
    pub fn active(&self) -> bool {
        self.active
    }

    /// Live sources fed the index and have all ended.
    #[must_use]
    pub fn ended(&self) -> bool {
        self.ended
    }

    #[must_use]
    pub fn following(&self) -> bool {
        self.following
    }

    #[must_use]
    pub fn rate(&self) -> u64 {
        self.rate
    }

    /// Takes a sample of the received count; `true` when the rate shown changed.
    pub(in crate::app) fn sample(&mut self, now: Instant, received: u64) -> bool {
        let samples = &mut self.samples;
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
                    clippy::cast_precision_loss,
                    reason = "a rate for people to read"
                )]
                let rate = ((n1 - n0) as f64 / secs).round() as u64;
                rate
            }
            _ => 0,
        };
        std::mem::replace(&mut self.rate, rate) != rate
    }

    /// The user moved up the timeline: following pauses, counting from `received`.
    pub(in crate::app) fn pause(&mut self, received: u64) {
        if self.following {
            self.following = false;
            self.paused_at = received;
        }
    }
}
