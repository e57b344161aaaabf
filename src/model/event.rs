use std::fmt;

/// Which audit system wrote an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provider {
    CloudTrail,
    Cadf,
}

impl Provider {
    pub const ALL: [Provider; 2] = [Provider::CloudTrail, Provider::Cadf];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Provider::CloudTrail => "cloudtrail",
            Provider::Cadf => "cadf",
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The CADF outcome taxonomy, which `CloudTrail` records are mapped onto.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    Success,
    Failure,
    Pending,
    Unknown,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Success,
        Outcome::Failure,
        Outcome::Pending,
        Outcome::Unknown,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Pending => "pending",
            Outcome::Unknown => "unknown",
        }
    }

    /// Reads a CADF `outcome`; anything outside the taxonomy is `Unknown`.
    #[must_use]
    pub fn from_cadf(text: &str) -> Outcome {
        let text = text.trim();
        Outcome::ALL
            .into_iter()
            .find(|o| o.name().eq_ignore_ascii_case(text))
            .unwrap_or(Outcome::Unknown)
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
