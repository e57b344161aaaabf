//! `--listen-token`: the shared secret a listener asks of its clients.

/// Compares the whole token whatever the first difference, so timing does not reveal it.
#[must_use]
pub fn tokens_match(given: &[u8], token: &str) -> bool {
    given.len() == token.len()
        && given
            .iter()
            .zip(token.as_bytes())
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}
