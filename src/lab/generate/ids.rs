//! Random identifiers and skewed pickers, all driven by the caller's seeded RNG.

use fastrand::Rng;

const HEX: &[u8; 16] = b"0123456789abcdef";
/// IAM unique ids and access keys use upper-case letters and the digits 2-7 (base32).
const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const ALNUM: &[u8; 62] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOWER_ALNUM: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

fn push_from(rng: &mut Rng, out: &mut String, alphabet: &[u8], n: usize) {
    for _ in 0..n {
        out.push(char::from(alphabet[rng.usize(..alphabet.len())]));
    }
}

/// A version-4 UUID in its canonical lower-case form.
pub fn uuid(rng: &mut Rng) -> String {
    let mut out = String::with_capacity(36);
    push_uuid(rng, &mut out);
    out
}

pub fn push_uuid(rng: &mut Rng, out: &mut String) {
    let mut bits = rng.u128(..);
    bits = (bits & !(0xf << 76)) | (0x4 << 76);
    bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    for i in 0..32 {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        let nibble = (bits >> (124 - 4 * i)) & 0xf;
        out.push(char::from(HEX[usize::try_from(nibble).unwrap_or(0)]));
    }
}

pub fn hex(rng: &mut Rng, n: usize) -> String {
    let mut out = String::with_capacity(n);
    push_from(rng, &mut out, HEX, n);
    out
}

pub fn b32(rng: &mut Rng, n: usize) -> String {
    let mut out = String::with_capacity(n);
    push_from(rng, &mut out, B32, n);
    out
}

/// An IAM unique id (`AIDA...` user, `AROA...` role): 21 characters in all.
pub fn unique_id(rng: &mut Rng, prefix: &str) -> String {
    prefixed_b32(rng, prefix, 21)
}

/// An access key id (`AKIA...` long-term, `ASIA...` temporary): 20 characters in all.
pub fn access_key(rng: &mut Rng, prefix: &str) -> String {
    prefixed_b32(rng, prefix, 20)
}

fn prefixed_b32(rng: &mut Rng, prefix: &str, len: usize) -> String {
    let mut out = String::with_capacity(len);
    out.push_str(prefix);
    push_from(rng, &mut out, B32, len.saturating_sub(prefix.len()));
    out
}

pub fn alnum(rng: &mut Rng, n: usize) -> String {
    let mut out = String::with_capacity(n);
    push_from(rng, &mut out, ALNUM, n);
    out
}

/// Base64 text of `n` characters, for opaque tokens such as STS session tokens.
pub fn base64(rng: &mut Rng, n: usize) -> String {
    let mut out = String::with_capacity(n);
    push_from(rng, &mut out, BASE64, n);
    out
}

pub fn lower_alnum(rng: &mut Rng, n: usize) -> String {
    let mut out = String::with_capacity(n);
    push_from(rng, &mut out, LOWER_ALNUM, n);
    out
}

/// Twelve decimal digits that do not start with zero, like an AWS account id.
pub fn account_id(rng: &mut Rng) -> String {
    rng.u64(100_000_000_000..1_000_000_000_000).to_string()
}

/// True with probability `per_mille / 1000`.
pub fn chance(rng: &mut Rng, per_mille: u32) -> bool {
    rng.u32(..1000) < per_mille
}

/// Samples indices with fixed integer weights; a binary search keeps it O(log n).
#[derive(Debug, Clone)]
pub struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = u64>) -> Self {
        let mut total = 0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Self { cumulative }
    }

    /// Popularity that falls off as `1 / rank^exponent`, the shape of real API traffic.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the weight is rounded and lies in [1, 1e6]"
    )]
    pub fn zipf(n: usize, exponent: f64) -> Self {
        Self::new((1..=n).map(|rank| {
            let rank = f64::from(u32::try_from(rank).unwrap_or(u32::MAX));
            // Scaled so the rarest entries still get a non-zero integer weight.
            (1.0e6 / rank.powf(exponent)).round().max(1.0) as u64
        }))
    }

    pub fn len(&self) -> usize {
        self.cumulative.len()
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        if total == 0 {
            return 0;
        }
        let x = rng.u64(..total);
        self.cumulative.partition_point(|&c| c <= x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuid_has_canonical_v4_shape() {
        let mut rng = Rng::with_seed(7);
        let id = uuid(&mut rng);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        assert_eq!(id.matches('-').count(), 4);
    }

    #[test]
    fn iam_ids_have_aws_lengths() {
        let mut rng = Rng::with_seed(7);
        assert_eq!(access_key(&mut rng, "AKIA").len(), 20);
        assert_eq!(unique_id(&mut rng, "AROA").len(), 21);
    }

    #[test]
    fn zipf_is_skewed_towards_low_ranks() {
        let mut rng = Rng::with_seed(1);
        let w = Weighted::zipf(100, 1.0);
        let mut counts = [0u32; 100];
        for _ in 0..20_000 {
            counts[w.sample(&mut rng)] += 1;
        }
        assert!(counts[0] > 5 * counts[20], "{counts:?}");
        assert!(counts.iter().all(|&c| c < 20_000));
    }
}
