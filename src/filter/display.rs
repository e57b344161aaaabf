//! The canonical text of a filter: what `Filter::parse` reads back to the same filter.

use std::fmt;

use chrono::{DateTime, SecondsFormat};

use super::parse::{Filter, Term, TermKind};

/// Canonical text: parsing it gives back an equal filter. Relative ages come
/// out as the absolute times they resolved to.
impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_joined(f, &self.terms, " ", |f, term| write!(f, "{term}"))
    }
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        match &self.kind {
            TermKind::Field { field, any_of } => {
                write!(f, "{}:", field.name())?;
                write_joined(f, any_of, ",", |f, pattern| {
                    write_value(f, pattern.as_text())
                })
            }
            TermKind::Path { path, any_of } => {
                write!(f, "{}:", path.join("."))?;
                write_joined(f, any_of, ",", |f, pattern| {
                    write_value(f, pattern.as_text())
                })
            }
            TermKind::Since(ms) => write_time(f, "since", *ms),
            TermKind::Until(ms) => write_time(f, "until", *ms),
            TermKind::Word(word) if word_needs_quotes(word) => write_quoted(f, word),
            TermKind::Word(word) => f.write_str(word),
        }
    }
}

fn write_joined<T>(
    f: &mut fmt::Formatter<'_>,
    items: &[T],
    separator: &str,
    mut write_item: impl FnMut(&mut fmt::Formatter<'_>, &T) -> fmt::Result,
) -> fmt::Result {
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            f.write_str(separator)?;
        }
        write_item(f, item)?;
    }
    Ok(())
}

fn write_value(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    if text.is_empty()
        || text
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == ',')
    {
        write_quoted(f, text)
    } else {
        f.write_str(text)
    }
}

/// Whether a bare word would read back as something else without quotes.
fn word_needs_quotes(word: &str) -> bool {
    let looks_like_field = word
        .split_once(':')
        .is_some_and(|(name, _)| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()));
    looks_like_field
        || word.is_empty()
        || word.starts_with('-')
        || word.chars().any(|c| c.is_whitespace() || c == '"')
}

fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    f.write_str("\"")?;
    for c in text.chars() {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

/// Writes RFC 3339 in UTC. Times chrono cannot represent (never produced by
/// parsing) fall back to raw milliseconds, which do not parse back.
fn write_time(f: &mut fmt::Formatter<'_>, name: &str, ms: i64) -> fmt::Result {
    let Some(time) = DateTime::from_timestamp_millis(ms) else {
        return write!(f, "{name}:{ms}ms");
    };
    let text = time.to_rfc3339_opts(SecondsFormat::AutoSi, true);
    write!(f, "{name}:{text}")
}
