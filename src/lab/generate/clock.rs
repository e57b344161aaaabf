//! Time arithmetic and the textual timestamp shapes of both trail formats.
//!
//! Formatting is done by hand from Unix seconds: it is on the per-record hot path and the shapes
//! are fixed, so a general-purpose formatter would only cost time.

use std::fmt::Write as _;

const DAY: i64 = 86_400;
const HOUR: i64 = 3_600;

/// Relative traffic per UTC hour: a European and an American working day overlap in the
/// afternoon, and nights keep a floor of automated calls.
const HOURLY_PROFILE: [f64; 24] = [
    0.35, 0.30, 0.25, 0.22, 0.22, 0.28, 0.45, 0.70, 0.95, 1.10, 1.15, 1.10, 1.05, 1.20, 1.45, 1.55,
    1.50, 1.35, 1.10, 0.95, 0.85, 0.70, 0.55, 0.45,
];
const WEEKEND_FACTOR: f64 = 0.35;

pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Splits Unix seconds into a proleptic Gregorian UTC date (days-from-civil inverse).
pub fn civil(secs: i64) -> Civil {
    let days = secs.div_euclid(DAY);
    let rem = u32::try_from(secs.rem_euclid(DAY)).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    Civil {
        year,
        month,
        day,
        hour: rem / 3600,
        minute: rem / 60 % 60,
        second: rem % 60,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, `CloudTrail`'s `eventTime` and `creationDate` shape.
pub fn push_iso(out: &mut String, secs: i64) {
    let c = civil(secs);
    let _ = write!(
        out,
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
}

pub fn iso(secs: i64) -> String {
    let mut out = String::with_capacity(20);
    push_iso(&mut out, secs);
    out
}

/// `YYYYMMDDTHHMMZ`, the timestamp in `CloudTrail` log file names.
pub fn compact_minute(secs: i64) -> String {
    let c = civil(secs);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}Z",
        c.year, c.month, c.day, c.hour, c.minute
    )
}

/// The Java-style date STS writes for credential expiry, e.g. `Mar 1, 2026 9:05:01 AM`.
pub fn sts_expiration(secs: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c = civil(secs);
    let month = MONTHS[usize::try_from(c.month - 1).unwrap_or(0)];
    let (hour12, half) = match c.hour {
        0 => (12, "AM"),
        h @ 1..=11 => (h, "AM"),
        12 => (12, "PM"),
        h => (h - 12, "PM"),
    };
    format!(
        "{month} {}, {} {hour12}:{:02}:{:02} {half}",
        c.day, c.year, c.minute, c.second
    )
}

/// The `eventTime` shapes seen in IBM Activity Tracker events.
#[derive(Debug, Clone, Copy)]
pub enum CadfStyle {
    /// `2026-03-01T10:22:01.53+0000`, the documented shape.
    Centis,
    /// `2026-03-01T10:22:01+00:00`, written by some services.
    Colon,
    /// `2026-03-01T10:22:01Z`.
    Zulu,
}

pub fn cadf(secs: i64, centis: u32, style: CadfStyle) -> String {
    let c = civil(secs);
    let mut out = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
    match style {
        CadfStyle::Centis => {
            let _ = write!(out, ".{centis:02}+0000");
        }
        CadfStyle::Colon => out.push_str("+00:00"),
        CadfStyle::Zulu => out.push('Z'),
    }
    out
}

/// Spreads `count` nominal arrival times over `[start, start + span)` following a daily and
/// weekly rhythm, so hourly volumes look like a working organisation rather than a flat line.
pub struct Schedule {
    start: i64,
    span: i64,
    /// Traffic weight of each hour bucket, already scaled by the bucket's length.
    weights: Vec<f64>,
    /// `cumulative[b]` is the total weight before bucket `b`.
    cumulative: Vec<f64>,
    step: f64,
    issued: usize,
    bucket: usize,
}

#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    reason = "record counts, bucket indices and offsets stay far below 2^52"
)]
impl Schedule {
    pub fn new(start: i64, span: i64, count: usize) -> Self {
        let span = span.max(1);
        let mut weights = Vec::new();
        let mut cumulative = vec![0.0];
        let mut at = start;
        while at < start + span {
            let len = (start + span - at).min(HOUR);
            let w = hour_weight(at) * len as f64 / HOUR as f64;
            weights.push(w);
            cumulative.push(cumulative.last().copied().unwrap_or(0.0) + w);
            at += len;
        }
        let total = cumulative.last().copied().unwrap_or(0.0);
        let step = total / count.max(1) as f64;
        Self {
            start,
            span,
            weights,
            cumulative,
            step,
            issued: 0,
            bucket: 0,
        }
    }

    /// The next nominal time; successive calls never go backwards.
    pub fn next_time(&mut self) -> i64 {
        let u = (self.issued as f64 + 0.5) * self.step;
        self.issued += 1;
        while self.bucket + 1 < self.weights.len() && self.cumulative[self.bucket + 1] <= u {
            self.bucket += 1;
        }
        let into = ((u - self.cumulative[self.bucket]) / self.weights[self.bucket]).clamp(0.0, 1.0);
        let bucket_start = self.start + HOUR * self.bucket as i64;
        let len = (self.start + self.span - bucket_start).min(HOUR);
        let offset = (into * len as f64) as i64;
        (bucket_start + offset).min(self.start + self.span - 1)
    }
}

fn hour_weight(secs: i64) -> f64 {
    let c = civil(secs);
    // 1970-01-01 was a Thursday; with Monday as 0, Saturday and Sunday are 5 and 6.
    let weekday = (secs.div_euclid(DAY) + 3).rem_euclid(7);
    let day_factor = if weekday >= 5 { WEEKEND_FACTOR } else { 1.0 };
    HOURLY_PROFILE[usize::try_from(c.hour).unwrap_or(0)] * day_factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        // 2026-03-01T13:05:09Z
        let t = 1_772_370_309;
        assert_eq!(iso(t), "2026-03-01T13:05:09Z");
        assert_eq!(compact_minute(t), "20260301T1305Z");
        assert_eq!(sts_expiration(t), "Mar 1, 2026 1:05:09 PM");
        assert_eq!(cadf(t, 7, CadfStyle::Centis), "2026-03-01T13:05:09.07+0000");
        assert_eq!(cadf(t, 7, CadfStyle::Colon), "2026-03-01T13:05:09+00:00");
        assert_eq!(iso(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn schedule_is_monotone_and_bounded() {
        let start = 1_772_323_200;
        let span = 7 * DAY;
        let mut s = Schedule::new(start, span, 10_000);
        let mut last = i64::MIN;
        for _ in 0..10_000 {
            let t = s.next_time();
            assert!(t >= last && t >= start && t < start + span);
            last = t;
        }
        assert!(
            last > start + span - DAY,
            "times must reach the end of the span"
        );
    }
}
