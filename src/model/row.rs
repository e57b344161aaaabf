use super::{Outcome, Provider, RawRef};

/// The interned text columns of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Identity,
    IdentityType,
    Action,
    Ip,
    UserAgent,
    Account,
    Region,
    Error,
    /// The access key a call was signed with (`CloudTrail`).
    AccessKey,
    /// The quantum task, hybrid job, Qiskit job or program the event touches.
    Job,
}

impl Column {
    pub const COUNT: usize = 10;
    pub const ALL: [Column; Column::COUNT] = [
        Column::Identity,
        Column::IdentityType,
        Column::Action,
        Column::Ip,
        Column::UserAgent,
        Column::Account,
        Column::Region,
        Column::Error,
        Column::AccessKey,
        Column::Job,
    ];
}

/// One indexed event: what filters and views need, with strings as interned ids. The
/// original record stays in its source and is read again through `raw`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub time_ms: i64,
    pub raw: RawRef,
    /// Hash of the lower-cased event id (0: none), for `id:` filters.
    pub event_id_hash: u64,
    /// Hash of the lower-cased request / correlation id (0: none).
    pub request_id_hash: u64,
    pub cols: [u32; Column::COUNT],
    pub outcome: Outcome,
    pub provider: Provider,
}

impl Row {
    #[must_use]
    pub fn col(&self, column: Column) -> u32 {
        self.cols[column as usize]
    }
}

/// Where a row sorts: by time, then by its source and its offset there (its place in the
/// input), so that the order never depends on which worker finished first.
pub type OrderKey = (i64, u32, u64);
