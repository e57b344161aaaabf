//! `qtrail-lab bench`: qtrail's own code timed without a terminal; each mode prints one
//! JSON object (the README's figures come from here).

mod ingest;
mod load;
mod ui;

pub use ingest::Via;
pub use ingest::run as run_ingest;
pub use load::{memory_mb, run_load};
pub use ui::run as run_ui;

/// `WIDTHxHEIGHT`, as `--ui` takes it.
pub fn parse_size(size: &str) -> anyhow::Result<(u16, u16)> {
    size.split_once('x')
        .and_then(|(w, h)| Some((w.parse().ok()?, h.parse().ok()?)))
        .ok_or_else(|| anyhow::anyhow!("--ui takes WIDTHxHEIGHT, not {size:?}"))
}

/// Milliseconds, for the reports.
#[must_use]
pub fn ms(duration: std::time::Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Milliseconds elapsed since `since`.
#[must_use]
pub fn millis(since: std::time::Instant) -> f64 {
    ms(since.elapsed())
}

/// The `p`th percentile of sorted samples, rounded to 0.01.
#[must_use]
pub fn percentile(sorted: &[f64], p: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = (sorted.len() * p / 100).min(sorted.len() - 1);
    (sorted[at] * 100.0).round() / 100.0
}
