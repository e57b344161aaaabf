use super::Index;
use crate::model::Column;

/// Events per value of `column` among `ids` (indexed by interned id): the identity
/// regroup of the explorer, and the counts next to each action.
#[must_use]
pub fn group_counts(index: &Index, ids: &[u32], column: Column) -> Vec<u32> {
    let mut counts = vec![0u32; index.strings(column).len()];
    for &id in ids {
        counts[index.row(id).col(column) as usize] += 1;
    }
    counts
}
