use serde::Serialize;
use serde_json::value::RawValue;

use crate::index::Index;
use crate::model::{Column, Row};
use crate::parse::time::format_utc_millis;

/// One event as `qtrail query --format jsonl` prints it: the normalised fields, where it
/// came from, and with `--raw` the original record as it was in the input.
#[derive(Serialize)]
pub struct EventJson<'a> {
    pub time: String,
    pub provider: &'static str,
    pub action: &'a str,
    pub service: &'a str,
    pub identity: &'a str,
    pub identity_type: Option<&'a str>,
    pub outcome: &'static str,
    pub error: Option<&'a str>,
    pub source_ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
    pub region: Option<&'a str>,
    pub account: Option<&'a str>,
    pub request_id: Option<String>,
    pub event_id: Option<String>,
    pub targets: Vec<String>,
    pub source: &'a str,
    pub offset: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<&'a RawValue>,
}

impl<'a> EventJson<'a> {
    /// `original` is the record's bytes, read again from its source.
    #[must_use]
    pub fn new(index: &'a Index, row: &Row, original: &[u8]) -> EventJson<'a> {
        let text = |c: Column| Some(index.text(row, c)).filter(|s| !s.is_empty());
        let ids = crate::parse::parse_record(original).ok();
        let action = index.text(row, Column::Action);
        let postings = index.postings();
        EventJson {
            time: format_utc_millis(row.time_ms),
            provider: row.provider.name(),
            action,
            service: postings
                .services()
                .get(postings.service_of_action(row.col(Column::Action))),
            identity: index.text(row, Column::Identity),
            identity_type: text(Column::IdentityType),
            outcome: row.outcome.name(),
            error: text(Column::Error),
            source_ip: text(Column::Ip),
            user_agent: text(Column::UserAgent),
            region: text(Column::Region),
            account: text(Column::Account),
            request_id: ids
                .as_ref()
                .and_then(|e| e.request_id.as_deref().map(str::to_owned)),
            event_id: ids
                .as_ref()
                .and_then(|e| e.event_id.as_deref().map(str::to_owned)),
            targets: crate::parse::targets::targets(original),
            source: index.source_name(row.raw.source),
            offset: row.raw.offset,
            raw: None,
        }
    }
}
