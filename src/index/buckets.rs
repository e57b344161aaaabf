use rustc_hash::FxHashMap;

use crate::model::Outcome;

pub const MINUTE_MS: i64 = 60_000;

/// Events and failures in one minute.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    pub events: u32,
    pub failures: u32,
}

/// Per-minute counts, from which the histogram sums any coarser bucket size.
#[derive(Default)]
pub struct Buckets {
    by_minute: FxHashMap<i64, Bucket>,
}

impl Buckets {
    pub fn add(&mut self, time_ms: i64, outcome: Outcome) {
        let bucket = self
            .by_minute
            .entry(time_ms.div_euclid(MINUTE_MS))
            .or_default();
        bucket.events += 1;
        if outcome == Outcome::Failure {
            bucket.failures += 1;
        }
    }

    /// Counts of the minute that contains `time_ms`.
    #[must_use]
    pub fn minute(&self, time_ms: i64) -> Bucket {
        self.by_minute
            .get(&time_ms.div_euclid(MINUTE_MS))
            .copied()
            .unwrap_or_default()
    }

    /// Sums the minutes overlapping `[from, to)` into `count` equal buckets (empty ones
    /// included).
    #[must_use]
    pub fn histogram(&self, from_ms: i64, to_ms: i64, count: usize) -> Vec<Bucket> {
        let mut out = vec![Bucket::default(); count];
        let span = (to_ms - from_ms).max(1);
        for (&minute, b) in &self.by_minute {
            let t = minute * MINUTE_MS;
            // A range rarely starts on a minute: the minute it starts in still counts.
            if t + MINUTE_MS <= from_ms || t >= to_ms {
                continue;
            }
            let t = t.max(from_ms);
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "bounded by count"
            )]
            let slot = ((i128::from(t - from_ms) * count as i128) / i128::from(span)) as usize;
            let slot = &mut out[slot.min(count - 1)];
            slot.events += b.events;
            slot.failures += b.failures;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Buckets, MINUTE_MS};
    use crate::model::Outcome;

    #[test]
    fn a_range_starting_mid_minute_keeps_that_minute() {
        let mut buckets = Buckets::default();
        let start = 10 * MINUTE_MS + 10_000;
        for i in 0..50 {
            buckets.add(
                start + i * 900,
                if i % 5 == 0 {
                    Outcome::Failure
                } else {
                    Outcome::Success
                },
            );
        }
        buckets.add(100 * MINUTE_MS, Outcome::Success);
        let h = buckets.histogram(start, 100 * MINUTE_MS + 1, 10);
        assert_eq!((h[0].events, h[0].failures), (50, 10));
        assert_eq!(h.iter().map(|b| b.events).sum::<u32>(), 51);
    }
}
