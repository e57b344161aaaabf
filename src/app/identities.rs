//! The identities pane: every identity (assumed-role sessions grouped under their role)
//! with its type, counts and time span, over the events the filter shows.

use rustc_hash::FxHashMap;

use super::list::ListState;
use crate::index::{Column, Index};
use crate::model::Outcome;
use crate::names::short_identity;

/// One line of the identities pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityGroup {
    /// The identity, or for assumed-role sessions their role (`assumed-role/Role`).
    pub name: String,
    pub kind: String,
    /// Interned identity ids in the group (several sessions for a role).
    pub members: Vec<u32>,
    pub events: usize,
    pub failures: usize,
    pub first_ms: i64,
    pub last_ms: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Events,
    Failures,
    LastSeen,
    Name,
}

impl SortKey {
    #[must_use]
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Events => SortKey::Failures,
            SortKey::Failures => SortKey::LastSeen,
            SortKey::LastSeen => SortKey::Name,
            SortKey::Name => SortKey::Events,
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Events => "events",
            SortKey::Failures => "failures",
            SortKey::LastSeen => "last seen",
            SortKey::Name => "name",
        }
    }
}

#[derive(Debug, Default)]
pub struct IdentitiesState {
    pub groups: Vec<IdentityGroup>,
    pub sort: SortKey,
    pub list: ListState,
}

/// The group an identity belongs to: sessions of one assumed role share their role.
#[must_use]
pub fn group_name(identity: &str) -> String {
    match crate::names::assumed_role(identity) {
        Some(role) => format!("assumed-role/{role}"),
        None => short_identity(identity).to_owned(),
    }
}

/// Groups `rows` by identity (one pass; 1M rows in a few milliseconds).
#[must_use]
pub fn compute_groups(index: &Index, rows: &[u32], sort: SortKey) -> Vec<IdentityGroup> {
    let identities = index.strings(Column::Identity);
    let mut by_name: FxHashMap<String, usize> = FxHashMap::default();
    let mut group_of: Vec<Option<usize>> = vec![None; identities.len()];
    let mut groups: Vec<IdentityGroup> = Vec::new();
    for &id in rows {
        let row = index.row(id);
        let identity = row.col(Column::Identity);
        let slot = *group_of[identity as usize].get_or_insert_with(|| {
            let name = group_name(identities.get(identity));
            let next = groups.len();
            let at = *by_name.entry(name.clone()).or_insert(next);
            if at == next {
                let kind = index.text(row, Column::IdentityType).to_owned();
                groups.push(IdentityGroup {
                    name,
                    kind,
                    members: Vec::new(),
                    events: 0,
                    failures: 0,
                    first_ms: i64::MAX,
                    last_ms: i64::MIN,
                });
            }
            groups[at].members.push(identity);
            at
        });
        let group = &mut groups[slot];
        group.events += 1;
        group.failures += usize::from(row.outcome == Outcome::Failure);
        group.first_ms = group.first_ms.min(row.time_ms);
        group.last_ms = group.last_ms.max(row.time_ms);
    }
    sort_groups(&mut groups, sort);
    groups
}

pub fn sort_groups(groups: &mut [IdentityGroup], sort: SortKey) {
    match sort {
        SortKey::Events => {
            groups.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        }
        SortKey::Failures => groups.sort_by(|a, b| {
            b.failures
                .cmp(&a.failures)
                .then_with(|| b.events.cmp(&a.events))
        }),
        SortKey::LastSeen => {
            groups.sort_by(|a, b| b.last_ms.cmp(&a.last_ms).then_with(|| a.name.cmp(&b.name)));
        }
        SortKey::Name => groups.sort_by(|a, b| a.name.cmp(&b.name)),
    }
}

/// What the drill-down shows besides the timeline: counts of each value of `column`
/// among `rows`, most frequent first.
#[must_use]
pub fn breakdown(
    index: &Index,
    rows: &[u32],
    column: Column,
    limit: usize,
) -> Vec<(String, usize)> {
    let counts = crate::index::group_counts(index, rows, column);
    let mut pairs: Vec<(String, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(id, n)| **n > 0 && *id > 0)
        .map(|(id, n)| {
            (
                index
                    .strings(column)
                    .get(u32::try_from(id).unwrap_or(0))
                    .to_owned(),
                *n as usize,
            )
        })
        .collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs.truncate(limit);
    pairs
}

#[cfg(test)]
mod tests {
    use super::group_name;

    #[test]
    fn sessions_group_under_their_role() {
        assert_eq!(
            group_name("arn:aws:sts::1:assumed-role/QuantumResearch/ana@uni.example"),
            "assumed-role/QuantumResearch"
        );
        assert_eq!(group_name("arn:aws:iam::1:user/ana"), "user/ana");
        assert_eq!(group_name("IBMid-6900055ABC"), "IBMid-6900055ABC");
    }
}
