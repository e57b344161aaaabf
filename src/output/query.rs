use std::io::Write;

use super::event_json::EventJson;
use super::table::write_table;
use crate::index::Index;
use crate::model::Column;
use crate::parse::time::format_utc_millis;
use crate::sanitize::display;
use crate::source::RawReader;

/// Output formats of `qtrail query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum QueryFormat {
    /// One JSON object a line: the normalised fields (and `raw` with `--raw`).
    Jsonl,
    /// A header and one row an event, safe to open in a spreadsheet.
    Csv,
    /// Aligned columns for reading in a terminal.
    Table,
}

/// Prints the events `ids` (in the given order). Returns how many originals could not be
/// read again (their events are printed from the index alone).
pub fn write_query(
    index: &Index,
    ids: &[u32],
    format: QueryFormat,
    with_raw: bool,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut reader = RawReader::new();
    match format {
        QueryFormat::Jsonl => write_jsonl(index, ids, with_raw, &mut reader, out),
        QueryFormat::Csv => write_csv(index, ids, &mut reader, out),
        QueryFormat::Table => write_table(index, ids, out).map(|()| 0),
    }
}

fn write_jsonl(
    index: &Index,
    ids: &[u32],
    with_raw: bool,
    reader: &mut RawReader,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut unreadable = 0;
    for &id in ids {
        let row = index.row(id);
        let original = reader.read(index.sources(), row.raw).unwrap_or_else(|_| {
            unreadable += 1;
            Vec::new()
        });
        let mut event = EventJson::new(index, row, &original);
        let compact = if with_raw {
            compact_json(&original)
        } else {
            None
        };
        event.raw = compact
            .as_deref()
            .and_then(|c| serde_json::from_str(c).ok());
        serde_json::to_writer(&mut *out, &event)?;
        out.write_all(b"\n")?;
    }
    Ok(unreadable)
}

/// The original record on one line, keys and values exactly as they were.
fn compact_json(original: &[u8]) -> Option<String> {
    let mut de = serde_json::Deserializer::from_slice(original);
    let mut out = Vec::with_capacity(original.len());
    serde_transcode::transcode(&mut de, &mut serde_json::Serializer::new(&mut out)).ok()?;
    String::from_utf8(out).ok()
}

const CSV_COLUMNS: [&str; 16] = [
    "time",
    "provider",
    "action",
    "identity",
    "identity_type",
    "outcome",
    "error",
    "source_ip",
    "user_agent",
    "region",
    "account",
    "event_id",
    "request_id",
    "job",
    "source",
    "offset",
];

/// The ids the index keeps only as hashes are read from the original.
fn write_csv(
    index: &Index,
    ids: &[u32],
    reader: &mut RawReader,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut csv = csv::Writer::from_writer(out);
    csv.write_record(CSV_COLUMNS)?;
    let mut unreadable = 0;
    for &id in ids {
        let row = index.row(id);
        let text = |c: Column| csv_cell(index.text(row, c));
        let original = reader.read(index.sources(), row.raw).unwrap_or_else(|_| {
            unreadable += 1;
            Vec::new()
        });
        let event = crate::parse::parse_record(&original).ok();
        let (event_id, request_id) = event.as_ref().map_or((None, None), |e| {
            (e.event_id.as_deref(), e.request_id.as_deref())
        });
        csv.write_record([
            format_utc_millis(row.time_ms),
            row.provider.name().to_owned(),
            text(Column::Action),
            text(Column::Identity),
            text(Column::IdentityType),
            row.outcome.name().to_owned(),
            text(Column::Error),
            text(Column::Ip),
            text(Column::UserAgent),
            text(Column::Region),
            text(Column::Account),
            csv_cell(event_id.unwrap_or_default()),
            csv_cell(request_id.unwrap_or_default()),
            text(Column::Job),
            csv_cell(index.source_name(row.raw.source)),
            row.raw.offset.to_string(),
        ])?;
    }
    csv.flush()?;
    Ok(unreadable)
}

/// A cell that a spreadsheet will not run as a formula and a terminal will not interpret:
/// cells starting with `=`, `+`, `-`, `@` (or a tab or carriage return, which some
/// spreadsheets skip before looking) get a leading `'`; control characters become visible.
#[must_use]
pub fn csv_cell(text: &str) -> String {
    let safe = display(text);
    if safe.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{safe}")
    } else {
        safe.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn neutralises_formulas_and_controls() {
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2+3"), "'-2+3");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a\u{1b}[2Jb"), "a\\e[2Jb");
        assert_eq!(csv_cell("braket:GetDevice"), "braket:GetDevice");
    }
}
