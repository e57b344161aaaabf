//! Runs a [`Filter`] over an [`Index`]. Terms on indexed columns are turned into sets of
//! interned ids once (matching patterns against the few distinct strings, never against
//! every event); the most selective one picks candidates from the postings, the others are
//! checked per row. Bare words and wildcard ids need the original record and are checked
//! last, on the rows every other term let through.

use memchr::memmem;

use super::compile::compile;
use super::glob::Pattern;
use super::parse::Filter;
use super::test::Test;
use crate::index::Index;
use crate::model::{Column, Outcome, RawRef, Row};
use crate::parse::parse_record;
use crate::source::{RawReader, SourceInfo};

/// A filter compiled against one index.
pub struct Matcher {
    checks: Vec<Check>,
    since: Option<i64>,
    until: Option<i64>,
    /// The positive posting-backed check with the fewest rows, if any.
    seed: Option<usize>,
}

struct Check {
    negated: bool,
    test: Test,
}

impl Matcher {
    #[must_use]
    pub fn new(index: &Index, filter: &Filter) -> Matcher {
        let mut matcher = Matcher {
            checks: Vec::new(),
            since: None,
            until: None,
            seed: None,
        };
        for term in &filter.terms {
            let test = compile(index, &term.kind);
            if !term.negated
                && let Test::Time { since, until } = test
            {
                matcher.since = matcher.since.max(since);
                matcher.until = match (matcher.until, until) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            matcher.checks.push(Check {
                negated: term.negated,
                test,
            });
        }
        matcher.seed = matcher.pick_seed(index);
        matcher
    }

    fn pick_seed(&self, index: &Index) -> Option<usize> {
        self.checks
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.negated)
            .filter_map(|(i, c)| candidates_len(index, &c.test).map(|n| (n, i)))
            .min()
            .map(|(_, i)| i)
    }

    /// Whether a row passes every check that does not need its original record.
    #[must_use]
    pub fn row_matches(&self, id: u32, row: &Row) -> bool {
        self.checks
            .iter()
            .all(|c| match row_test(&c.test, id, row) {
                Some(hit) => hit != c.negated,
                None => true,
            })
    }

    /// Whether some check needs the original record.
    #[must_use]
    pub fn needs_raw(&self) -> bool {
        self.checks.iter().any(|c| {
            matches!(
                c.test,
                Test::Word(_) | Test::IdPattern(_) | Test::Path { .. }
            )
        })
    }

    /// The checks that need the original record, on its bytes.
    #[must_use]
    pub fn raw_matches(&self, raw: &[u8], folded: &mut String) -> bool {
        let text = String::from_utf8_lossy(raw);
        self.checks.iter().all(|c| match &c.test {
            Test::Word(needle) => contains_folded(&text, needle, folded) != c.negated,
            Test::IdPattern(patterns) => id_matches(raw, patterns) != c.negated,
            Test::Path { path, any_of } => {
                super::path::path_matches(raw, path, any_of) != c.negated
            }
            _ => true,
        })
    }
}

/// `Some(hit)` for checks decided by the row alone, `None` for those needing the record.
fn row_test(test: &Test, id: u32, row: &Row) -> Option<bool> {
    Some(match test {
        Test::Ids { column, allowed } => allowed.has(row.col(*column)),
        Test::Service { actions, .. } => actions.has(row.col(Column::Action)),
        Test::Outcome(mask) => mask[row.outcome as usize],
        Test::Provider(mask) => mask[row.provider as usize],
        Test::IdHash(hashes) => hashes
            .iter()
            .any(|h| *h == row.event_id_hash || *h == row.request_id_hash),
        Test::Time { since, until } => {
            since.is_none_or(|s| row.time_ms >= s) && until.is_none_or(|u| row.time_ms < u)
        }
        Test::Actor { identities, keys } => {
            identities.has(row.col(Column::Identity)) || keys.has(row.col(Column::AccessKey))
        }
        Test::Rows(rows, _) => rows.has(id),
        Test::Word(_) | Test::IdPattern(_) | Test::Path { .. } => return None,
    })
}

/// Rows a positive check selects, from the postings, and how many (`None`: no postings).
fn candidates_len(index: &Index, test: &Test) -> Option<usize> {
    let postings = index.postings();
    match test {
        Test::Ids { column, allowed } if crate::index::Postings::has(*column) => {
            Some(allowed.ids().map(|id| postings.of(*column, id).len()).sum())
        }
        Test::Service { services, .. } => {
            Some(services.iter().map(|&s| postings.of_service(s).len()).sum())
        }
        Test::Outcome(mask) => Some(sum_masked(mask, &Outcome::ALL, |o| {
            postings.outcome(o).len()
        })),
        Test::Rows(_, rows) => Some(rows.len()),
        _ => None,
    }
}

fn sum_masked<T: Copy>(mask: &[bool], all: &[T], len: impl Fn(T) -> usize) -> usize {
    mask.iter()
        .zip(all)
        .filter(|(on, _)| **on)
        .map(|(_, v)| len(*v))
        .sum()
}

fn candidates(index: &Index, test: &Test) -> Vec<u32> {
    let postings = index.postings();
    let mut out = Vec::new();
    match test {
        Test::Ids { column, allowed } => allowed
            .ids()
            .for_each(|id| out.extend_from_slice(postings.of(*column, id))),
        Test::Service { services, .. } => {
            for &service in services {
                out.extend_from_slice(postings.of_service(service));
            }
        }
        Test::Outcome(mask) => {
            for (o, _) in Outcome::ALL.iter().zip(mask).filter(|(_, on)| **on) {
                out.extend_from_slice(postings.outcome(*o));
            }
        }
        Test::Rows(_, rows) => out.extend_from_slice(rows),
        _ => {}
    }
    out
}

/// The rows matching `filter`, in time order. `raw` reads originals for bare words; rows
/// whose original cannot be read do not match.
pub fn evaluate(index: &Index, filter: &Filter, raw: &mut RawReader) -> Vec<u32> {
    let matcher = Matcher::new(index, filter);
    let ids = matching_rows(index, &matcher);
    if !matcher.needs_raw() {
        return ids;
    }
    let candidates = ids.iter().map(|&id| (id, index.row(id).raw));
    keep_raw_matches(&matcher, candidates, index.sources(), raw)
}

/// The candidates whose original record passes the checks that need it (bare words,
/// wildcard ids), in the candidates' order.
pub fn keep_raw_matches(
    matcher: &Matcher,
    candidates: impl IntoIterator<Item = (u32, RawRef)>,
    sources: &[Option<SourceInfo>],
    raw: &mut RawReader,
) -> Vec<u32> {
    let mut folded = String::new();
    candidates
        .into_iter()
        .filter(|(_, at)| {
            raw.read(sources, *at)
                .is_ok_and(|bytes| matcher.raw_matches(&bytes, &mut folded))
        })
        .map(|(id, _)| id)
        .collect()
}

/// Rows from id `from` on (those added since a look) that pass the index checks, in id
/// order; those that need their original read still have to pass that.
pub fn matching_rows_since<'a>(
    index: &'a Index,
    matcher: &'a Matcher,
    from: usize,
) -> impl Iterator<Item = u32> + 'a {
    (from..index.len())
        .filter_map(|id| u32::try_from(id).ok())
        .filter(|&id| matcher.row_matches(id, index.row(id)))
}

/// The rows passing every row-level check, in time order.
#[must_use]
pub fn matching_rows(index: &Index, matcher: &Matcher) -> Vec<u32> {
    let order = time_window(index, matcher.since, matcher.until);
    let Some(seed) = matcher.seed else {
        return order
            .iter()
            .copied()
            .filter(|&id| matcher.row_matches(id, index.row(id)))
            .collect();
    };
    let seed_len = candidates_len(index, &matcher.checks[seed].test).unwrap_or(usize::MAX);
    if seed_len.saturating_mul(8) >= order.len() {
        return order
            .iter()
            .copied()
            .filter(|&id| matcher.row_matches(id, index.row(id)))
            .collect();
    }
    let mut hits: Vec<(crate::index::OrderKey, u32)> =
        candidates(index, &matcher.checks[seed].test)
            .into_iter()
            .filter(|&id| matcher.row_matches(id, index.row(id)))
            .map(|id| (index.order_key(id), id))
            .collect();
    hits.sort_unstable();
    hits.into_iter().map(|(_, id)| id).collect()
}

/// The stretch of the time order between `since` (inclusive) and `until` (exclusive).
fn time_window(index: &Index, since: Option<i64>, until: Option<i64>) -> &[u32] {
    let order = index.order();
    let time = |id: &u32| index.row(*id).time_ms;
    let lo = since.map_or(0, |s| order.partition_point(|id| time(id) < s));
    let hi = until.map_or(order.len(), |u| order.partition_point(|id| time(id) < u));
    &order[lo..hi.max(lo)]
}

/// Case-insensitive substring test, folding the text the way the filter folds its needle.
fn contains_folded(text: &str, needle: &str, folded: &mut String) -> bool {
    folded.clear();
    if text.is_ascii() {
        folded.push_str(text);
        folded.make_ascii_lowercase();
    } else {
        folded.extend(text.chars().flat_map(char::to_lowercase));
    }
    memmem::find(folded.as_bytes(), needle.as_bytes()).is_some()
}

fn id_matches(raw: &[u8], patterns: &[Pattern]) -> bool {
    let Ok(event) = parse_record(raw) else {
        return false;
    };
    [event.event_id.as_deref(), event.request_id.as_deref()]
        .into_iter()
        .flatten()
        .any(|id| patterns.iter().any(|p| p.matches(id)))
}
