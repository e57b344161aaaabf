use std::io::Write;

use crate::index::{Column, Index};
use crate::model::Outcome;
use crate::names::short_identity;
use crate::parse::time::format_utc_seconds;
use crate::sanitize::display;

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
        let identity = fit(
            &display(short_identity(index.text(row, Column::Identity))),
            36,
        );
        let action = fit(&display(index.text(row, Column::Action)), 40);
        let ip = display(index.text(row, Column::Ip));
        writeln!(
            out,
            "{:<20} {mark} {identity:<36} {action:<40} {ip}",
            format_utc_seconds(row.time_ms)
        )?;
    }
    Ok(())
}

/// Cuts text to `width` characters, marking the cut with `…`.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}
