use std::io::Write;

use crate::index::Index;
use crate::model::Column;
use crate::model::Outcome;
use crate::names::compact_identity;
use crate::parse::time::format_utc_seconds;
use crate::sanitize::display;
use crate::view::text::{fit, fit_end, pad};

/// Column widths that fit a line in 80 columns: the time (20), the failure mark, then these.
const IDENTITY: usize = 16;
const ACTION: usize = 24;
const IP: usize = 15;

/// Aligned columns; failures are marked with `!` so they show without colour. Identities
/// are shown as in the explorer; actions keep their end, which tells them apart.
pub fn write_table(index: &Index, ids: &[u32], out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<20}   {:<IDENTITY$} {:<ACTION$} SOURCE IP",
        "TIME (UTC)", "IDENTITY", "ACTION"
    )?;
    for &id in ids {
        let row = index.row(id);
        let mark = if row.outcome == Outcome::Failure {
            '!'
        } else {
            ' '
        };
        // Sanitised and cut to terminal columns, so wide characters keep the columns aligned.
        let identity = compact_identity(index.text(row, Column::Identity));
        let identity = pad(&fit(&identity, IDENTITY), IDENTITY);
        let action = display(index.text(row, Column::Action));
        let action = pad(&fit_end(&action, ACTION), ACTION);
        let ip = fit(index.text(row, Column::Ip), IP);
        writeln!(
            out,
            "{:<20} {mark} {identity} {action} {ip}",
            format_utc_seconds(row.time_ms)
        )?;
    }
    Ok(())
}
