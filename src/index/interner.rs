use rustc_hash::FxHashMap;

/// Distinct strings of one column, each stored once; id 0 is the empty string ("absent").
#[derive(Debug)]
pub struct Interner {
    ids: FxHashMap<Box<str>, u32>,
    strings: Vec<Box<str>>,
}

impl Default for Interner {
    fn default() -> Self {
        let mut interner = Interner {
            ids: FxHashMap::default(),
            strings: Vec::new(),
        };
        interner.intern("");
        interner
    }
}

impl Interner {
    pub fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        self.strings.push(text.into());
        self.ids.insert(text.into(), id);
        id
    }

    #[must_use]
    pub fn get(&self, id: u32) -> &str {
        self.strings.get(id as usize).map_or("", |s| s)
    }

    #[must_use]
    pub fn lookup(&self, text: &str) -> Option<u32> {
        self.ids.get(text).copied()
    }

    /// Number of distinct strings, the empty one included.
    #[must_use]
    pub fn len(&self) -> usize {
        self.strings.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.strings.len() <= 1
    }

    /// Approximate heap bytes: each string twice (list and map) plus table overhead.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let text: usize = self.strings.iter().map(|s| s.len()).sum();
        2 * text + self.strings.capacity() * 16 + self.ids.capacity() * 25
    }

    /// Every (id, string), the empty one included.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &str)> {
        (0u32..).zip(self.strings.iter().map(|s| &**s))
    }
}
