//! Event times in every shape the formats use, to milliseconds since the Unix epoch (UTC).

use chrono::{DateTime, NaiveDateTime};

/// Parses RFC 3339 and its relatives: `Z`, `+hh:mm`, `+hhmm` or no zone (taken as UTC),
/// 0–9 fraction digits, `T` or a space between date and time.
#[must_use]
pub fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some(t.timestamp_millis());
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Some(t.timestamp_millis());
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t.and_utc().timestamp_millis());
        }
    }
    None
}

/// `lookup-events` `EventTime`: epoch seconds as a number (CLI v1, `wire` format) or ISO 8601.
#[must_use]
pub fn parse_epoch_or_iso(text: &str) -> Option<i64> {
    match text.trim().parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs.abs() < 1e13 =>
        {
            #[allow(clippy::cast_possible_truncation, reason = "range checked above")]
            Some((secs * 1000.0).round() as i64)
        }
        _ => parse_time(text),
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the fraction truncated, as the headless outputs print times.
#[must_use]
pub fn format_utc_seconds(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms).map_or_else(
        || format!("@{ms}ms"),
        |t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    )
}

/// RFC 3339 with milliseconds, for machine-readable output.
#[must_use]
pub fn format_utc_millis(ms: i64) -> String {
    DateTime::from_timestamp_millis(ms).map_or_else(
        || format!("@{ms}ms"),
        |t| t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_583_670_121_000; // 2020-03-08T12:22:01Z

    #[test]
    fn every_documented_shape() {
        assert_eq!(parse_time("2020-03-08T12:22:01Z"), Some(T0));
        assert_eq!(parse_time("2020-03-08T12:22:01+00:00"), Some(T0));
        assert_eq!(parse_time("2020-03-08T12:22:01+0000"), Some(T0));
        assert_eq!(parse_time("2020-03-08T12:22:01.32+0000"), Some(T0 + 320));
        assert_eq!(parse_time("2020-03-08T12:22:01.5Z"), Some(T0 + 500));
        assert_eq!(parse_time("2020-03-08T12:22:01.123456789Z"), Some(T0 + 123));
        assert_eq!(parse_time("2020-03-08T14:22:01+02:00"), Some(T0));
        assert_eq!(parse_time("2020-03-08T07:22:01-0500"), Some(T0));
        assert_eq!(parse_time("2020-03-08T12:22:01"), Some(T0));
        assert_eq!(parse_time("2020-03-08 12:22:01.000Z"), Some(T0));
        assert_eq!(parse_time("2020-03-08T12:22:01.946"), Some(T0 + 946));
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "ThisIsAWrongEventTime",
            "2020-13-08T12:22:01Z",
            "12:22:01",
            "1583670121",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn lookup_event_time_as_epoch_or_iso() {
        assert_eq!(parse_epoch_or_iso("1583670121.0"), Some(T0));
        assert_eq!(parse_epoch_or_iso("1583670121.25"), Some(T0 + 250));
        assert_eq!(
            parse_epoch_or_iso("2020-03-08T12:22:01.250000+00:00"),
            Some(T0 + 250)
        );
        assert_eq!(parse_epoch_or_iso("NaN"), None);
    }

    #[test]
    fn formats_truncate_fraction() {
        assert_eq!(format_utc_seconds(T0 + 999), "2020-03-08T12:22:01Z");
        assert_eq!(format_utc_millis(T0 + 7), "2020-03-08T12:22:01.007Z");
    }
}
