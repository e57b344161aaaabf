//! The values overlay (`v`): the most frequent values of any field over the events the
//! filter shows, like a group-by; Enter filters to one. A field the index holds is counted
//! at once; a JSON path into the original records is counted off the UI thread.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::effect::{Effect, ValueCount};
use super::line_edit::LineEdit;
use super::list::ListState;
use crate::filter::{Field, Filter, TermKind};
use crate::index::{Index, group_counts};
use crate::model::Column;

/// Values listed, at most.
pub const TOP_VALUES: usize = 200;

#[derive(Debug, Default)]
pub struct ValuesState {
    /// The field or JSON path typed.
    pub(in crate::app) input: LineEdit,
    /// What `counts` were counted for, as it was typed.
    pub(in crate::app) counted: Option<String>,
    pub(in crate::app) counts: Vec<(String, usize)>,
    /// Original records are being read to count a path.
    pub(in crate::app) counting: bool,
    pub(in crate::app) error: Option<String>,
    pub(in crate::app) list: ListState,
    /// Drops a count of originals that a later one replaced.
    pub(in crate::app) generation: u64,
}

impl ValuesState {
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.text()
    }

    #[must_use]
    pub fn counts(&self) -> &[(String, usize)] {
        &self.counts
    }

    #[must_use]
    pub fn counted(&self) -> Option<&str> {
        self.counted.as_deref()
    }

    #[must_use]
    pub fn counting(&self) -> bool {
        self.counting
    }

    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    #[must_use]
    pub fn list(&self) -> ListState {
        self.list
    }
}

/// What the input names: a field of the index, or a path into the originals.
pub enum Counted {
    Field(Field),
    Path(Vec<String>),
}

/// Reads the input as a filter term would read its field: `ip`, `requestParameters.x`.
pub fn what(input: &str) -> Result<Counted, String> {
    let probe = format!("{}:x", input.trim());
    match Filter::parse(&probe, 0).map(|f| f.terms.into_iter().next().map(|t| t.kind)) {
        Ok(Some(TermKind::Field { field, .. })) => Ok(Counted::Field(field)),
        Ok(Some(TermKind::Path { path, .. })) => Ok(Counted::Path(path)),
        _ => Err(format!(
            "`{input}` is neither a field (action, identity, ip, ua, ...) nor a JSON path (a.b.c)"
        )),
    }
}

/// Counts a field of the index over `rows`, most frequent first; `None` for a field the
/// index does not hold per event (`actor`, `first`, `id`).
#[must_use]
pub fn count_field(index: &Index, rows: &[u32], field: Field) -> Option<Vec<(String, usize)>> {
    let column = match field {
        Field::Action => Column::Action,
        Field::Identity => Column::Identity,
        Field::Ip => Column::Ip,
        Field::Ua => Column::UserAgent,
        Field::Region => Column::Region,
        Field::Account => Column::Account,
        Field::Error => Column::Error,
        Field::Type => Column::IdentityType,
        Field::Job => Column::Job,
        Field::Outcome => return Some(count_by(rows, |id| index.row(id).outcome.name())),
        Field::Provider => return Some(count_by(rows, |id| index.row(id).provider.name())),
        Field::Service => {
            let services = index.postings().services();
            let service = |id: u32| {
                let action = index.row(id).col(Column::Action);
                services.get(index.postings().service_of_action(action))
            };
            return Some(count_by(rows, service));
        }
        Field::Actor | Field::First | Field::Id => return None,
    };
    let counts = group_counts(index, rows, column);
    let strings = index.strings(column);
    let pairs = (1u32..)
        .zip(counts.iter().skip(1))
        .filter(|(_, n)| **n > 0)
        .map(|(id, n)| (strings.get(id).to_owned(), *n as usize))
        .collect();
    Some(top(pairs))
}

fn count_by<'a>(rows: &[u32], key: impl Fn(u32) -> &'a str) -> Vec<(String, usize)> {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for &id in rows {
        *counts.entry(key(id)).or_default() += 1;
    }
    top(counts.into_iter().map(|(k, n)| (k.to_owned(), n)).collect())
}

/// Most frequent first, then by value; at most [`TOP_VALUES`].
#[must_use]
pub fn top(mut pairs: Vec<(String, usize)>) -> Vec<(String, usize)> {
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs.truncate(TOP_VALUES);
    pairs
}

/// The effect counting a path over the originals of `rows`.
#[must_use]
pub fn count_path(index: &Index, rows: &[u32], path: Vec<String>, generation: u64) -> Effect {
    Effect::CountValues(ValueCount {
        generation,
        path,
        candidates: rows.iter().map(|&id| index.row(id).raw).collect(),
        sources: Arc::clone(&index.shared_sources()),
    })
}
