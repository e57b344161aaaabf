//! Sets of small ids (interned strings, rows), one bit each.

/// A set of interned ids.
#[derive(Clone, Debug, Default)]
pub struct Bits(Vec<u64>);

impl Bits {
    #[must_use]
    pub fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }
    pub fn set(&mut self, id: u32) {
        self.0[id as usize / 64] |= 1 << (id % 64);
    }
    #[must_use]
    pub fn has(&self, id: u32) -> bool {
        self.0
            .get(id as usize / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }
    pub fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        (0u32..).zip(&self.0).flat_map(|(w, bits)| {
            (0..64)
                .filter(move |b| bits & (1u64 << b) != 0)
                .map(move |b| w * 64 + b)
        })
    }
}
