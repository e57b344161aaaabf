//! Event text on its way to the screen: sanitised, shortened, timed.

use std::borrow::Cow;

use chrono::{DateTime, Local};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::sanitize::display;

/// Display-safe text cut to `width` terminal columns (a cut is marked with `…`); wide
/// characters (CJK) count two columns.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    let safe: Cow<'_, str> = display(text);
    if safe.width() <= width {
        return safe.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in safe.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The last `width` terminal columns of `text`, a cut marked with `…` at the start: what
/// tells long names apart is often their end (`…job.cancel`). The text must be safe already.
#[must_use]
pub fn fit_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// `text` followed by spaces up to `width` columns (format's `{:<w$}` counts characters).
#[must_use]
pub fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(text.width())));
    out
}

/// `2026-03-02 09:00:05` in UTC or local time.
#[must_use]
pub fn time(ms: i64, local: bool) -> String {
    let Some(t) = DateTime::from_timestamp_millis(ms) else {
        return format!("@{ms}ms");
    };
    if local {
        t.with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

/// A time cut to the minute (`2026-03-02 09:00`) or, `short`, without the year
/// (`03-02 09:00`). Built from the date, never by slicing text, so any year is safe.
#[must_use]
pub fn minute(ms: i64, local: bool, short: bool) -> String {
    let Some(t) = DateTime::from_timestamp_millis(ms) else {
        return format!("@{ms}ms");
    };
    let format = if short {
        "%m-%d %H:%M"
    } else {
        "%Y-%m-%d %H:%M"
    };
    if local {
        t.with_timezone(&Local).format(format).to_string()
    } else {
        t.format(format).to_string()
    }
}

/// A count with thousands separators: `1,000,000`.
#[must_use]
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_and_sanitises() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("量子計算です", 7), "量子計…");
        assert_eq!(pad("量子", 6), "量子  ");
        assert_eq!(fit("a\u{1b}[2Jb", 20), "a\\e[2Jb");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(12), "12");
        assert_eq!(time(0, false), "1970-01-01 00:00:00");
        assert_eq!(minute(0, false, true), "01-01 00:00");
        assert_eq!(
            minute(i64::MAX, false, false),
            format!("@{}ms", i64::MAX),
            "out of range, no panic"
        );
    }
}
