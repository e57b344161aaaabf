//! Filters written for the user: what `r`, `b` and the palette put in the filter bar,
//! built from the parsed filter so that it reads back as the same terms.

use crate::filter::{Field, Filter, TermKind};

/// A value as the filter language reads it back literally.
#[must_use]
pub fn quote(value: &str) -> String {
    // An empty value is quoted too: `identity:` alone is not a filter.
    if value.is_empty()
        || value
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == ',' || c == '\\')
    {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_owned()
    }
}

/// The filter with the terms `drop` picks removed, as text.
fn without(filter: &Filter, drop: impl Fn(&TermKind) -> bool) -> String {
    Filter {
        terms: filter
            .terms
            .iter()
            .filter(|t| !drop(&t.kind))
            .cloned()
            .collect(),
    }
    .to_string()
}

/// The filter with its `action:` terms replaced by one for `actions`.
#[must_use]
pub fn with_actions(filter: &Filter, actions: &[String]) -> String {
    let kept = without(filter, |kind| {
        matches!(
            kind,
            TermKind::Field {
                field: Field::Action,
                ..
            }
        )
    });
    let quoted: Vec<String> = actions.iter().map(|a| quote(a)).collect();
    let term = format!("action:{}", quoted.join(","));
    [kept, term]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The filter without its `since:` and `until:` terms.
#[must_use]
pub fn without_time(filter: &Filter) -> String {
    without(filter, |kind| {
        matches!(kind, TermKind::Since(_) | TermKind::Until(_))
    })
}
