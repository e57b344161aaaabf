use std::io::Write;

use crate::index::Index;
use crate::model::Column;
use crate::model::Outcome;
use crate::names::short_identity;
use crate::parse::time::format_utc_seconds;
use crate::sanitize::display;
use crate::view::text::{fit, pad};

/// Aligned columns; failures are marked with `!` so they show without colour.
pub fn write_table(index: &Index, ids: &[u32], out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<20}   {:<36} {:<40} SOURCE IP",
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
        let identity = pad(
            &fit(short_identity(index.text(row, Column::Identity)), 36),
            36,
        );
        let action = pad(&fit(index.text(row, Column::Action), 40), 40);
        let ip = display(index.text(row, Column::Ip));
        writeln!(
            out,
            "{:<20} {mark} {identity} {action} {ip}",
            format_utc_seconds(row.time_ms)
        )?;
    }
    Ok(())
}
