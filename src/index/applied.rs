//! Which stretches of a source the index has taken in: eviction frees in-memory originals
//! only below the first gap.

/// How far a source's batches have been applied without a gap: everything before `upto`.
#[derive(Default)]
pub struct Applied {
    pub upto: u64,
    /// Stretches applied beyond a gap (batches arrive in any order), by start.
    ahead: std::collections::BTreeMap<u64, u64>,
}

impl Applied {
    pub fn add(&mut self, start: u64, end: u64) {
        if start <= self.upto {
            self.upto = self.upto.max(end);
        } else {
            let at = self.ahead.entry(start).or_insert(end);
            *at = (*at).max(end);
        }
        while let Some((&start, &end)) = self.ahead.first_key_value() {
            if start > self.upto {
                break;
            }
            self.upto = self.upto.max(end);
            self.ahead.pop_first();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Applied;

    #[test]
    fn applied_stretches_count_only_without_a_gap() {
        let mut applied = Applied::default();
        applied.add(10, 20);
        assert_eq!(applied.upto, 0, "0..10 not applied yet");
        applied.add(0, 10);
        assert_eq!(applied.upto, 20);
        applied.add(30, 40);
        applied.add(20, 30);
        assert_eq!(applied.upto, 40);
    }
}
