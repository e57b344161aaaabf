//! Case-insensitive `*` globs for filter values.
//!
//! Case folding is per character (`char::to_lowercase`), not `str::to_lowercase`:
//! the latter lowercases a final capital sigma differently depending on its
//! neighbours, which would make a pattern and a haystack fold the same letter
//! two ways.

/// A case-insensitive glob: literal parts separated by `*`.
///
/// `*` stands for any run of characters, including none; a pattern without
/// `*` must match the whole haystack.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Pattern {
    text: String,
    /// Folded literal before the first `*`; the whole folded text when exact.
    prefix: String,
    stars: Option<Stars>,
}

/// What follows the first `*`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Stars {
    /// Folded literals between stars, to be found left to right. Empty runs
    /// (from `**`) are dropped because they constrain nothing.
    middle: Vec<String>,
    /// Folded literal after the last `*`, anchored at the end.
    suffix: String,
}

impl Pattern {
    /// Builds a pattern from user text, where every `*` is a wildcard.
    #[must_use]
    pub fn new(text: &str) -> Pattern {
        let mut runs = text.split('*').map(fold_case);
        let prefix = runs.next().unwrap_or_default();
        let mut rest: Vec<String> = runs.collect();
        let stars = rest.pop().map(|suffix| {
            rest.retain(|run| !run.is_empty());
            Stars {
                middle: rest,
                suffix,
            }
        });
        Pattern {
            text: text.to_owned(),
            prefix,
            stars,
        }
    }

    /// Case-insensitive (ASCII and Unicode simple lowercase) whole-string match with `*` wildcards.
    #[must_use]
    pub fn matches(&self, haystack: &str) -> bool {
        // ASCII haystacks are the common case and are compared in place; only
        // others pay for folding into a new string.
        if haystack.is_ascii() {
            self.matches_folded(haystack.as_bytes())
        } else {
            self.matches_folded(fold_case(haystack).as_bytes())
        }
    }

    /// True when the pattern has no wildcard.
    #[must_use]
    pub fn is_exact(&self) -> bool {
        self.stars.is_none()
    }

    /// The lowercased literal when the pattern has no wildcard, so callers can
    /// use a hash lookup instead of scanning.
    #[must_use]
    pub fn exact_lowercase(&self) -> Option<&str> {
        self.is_exact().then_some(self.prefix.as_str())
    }

    /// The pattern as the user wrote it (for messages).
    #[must_use]
    pub fn as_text(&self) -> &str {
        &self.text
    }

    /// Matches a haystack whose non-ASCII characters are already folded; ASCII
    /// letters may still be in any case.
    fn matches_folded(&self, hay: &[u8]) -> bool {
        let prefix = self.prefix.as_bytes();
        let Some(stars) = &self.stars else {
            return hay.eq_ignore_ascii_case(prefix);
        };
        let suffix = stars.suffix.as_bytes();
        let Some(inner_end) = hay.len().checked_sub(suffix.len()) else {
            return false;
        };
        if inner_end < prefix.len()
            || !hay[..prefix.len()].eq_ignore_ascii_case(prefix)
            || !hay[inner_end..].eq_ignore_ascii_case(suffix)
        {
            return false;
        }
        // Taking each middle literal at its leftmost occurrence leaves the most
        // room for the ones after it, so greedy search never misses a match.
        let mut rest = &hay[prefix.len()..inner_end];
        for literal in &stars.middle {
            match find_ignore_ascii_case(rest, literal.as_bytes()) {
                Some(at) => rest = &rest[at + literal.len()..],
                None => return false,
            }
        }
        true
    }
}

/// Lowercases character by character (see the module docs for why).
pub(super) fn fold_case(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Leftmost position of `needle` in `hay`, ignoring ASCII case.
fn find_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let last_start = hay.len().checked_sub(needle.len())?;
    (0..=last_start).find(|&at| hay[at..at + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
#[path = "glob_tests.rs"]
mod tests;
