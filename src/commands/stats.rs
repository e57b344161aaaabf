use crate::cli::StatsArgs;
use crate::output::{Stats, write_stats_text};

pub fn stats(args: &StatsArgs) -> anyhow::Result<()> {
    let index = super::loading::load(&args.inputs)?;
    let stats = Stats::of(&index);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &stats)?;
        std::io::Write::write_all(&mut out, b"\n")?;
    } else {
        write_stats_text(&stats, &mut out)?;
    }
    Ok(())
}
