//! What every headless command starts with: the inputs loaded, and the time now.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressStyle};

use crate::index::Index;
use crate::index::load_blocking;
use crate::sanitize::display;
use crate::source::expand_inputs;

/// Loads the inputs, with a progress bar on stderr when it is a terminal. Inputs that
/// hold nothing at all (an empty folder, empty files) are an error: most likely the wrong
/// place was named.
pub fn load(paths: &[PathBuf]) -> anyhow::Result<Index> {
    let inputs = expand_inputs(paths)?;
    let mut index = Index::new();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} loading {bytes}/{total_bytes} {bar:30} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    load_blocking(inputs, &mut index, |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if index.is_empty() && index.rejected() == 0 {
        let named: Vec<String> = paths
            .iter()
            .map(|p| display(&p.display().to_string()).into_owned())
            .collect();
        anyhow::bail!(
            "found no events in {}: nothing to read there",
            named.join(", ")
        );
    }
    Ok(index)
}

/// Milliseconds since the epoch now, for relative times in filters.
#[must_use]
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
