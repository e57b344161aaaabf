use std::io::{BufWriter, Write};

use crate::cli::GenerateArgs;
use crate::generate::{GenConfig, write_ndjson, write_s3_tree};

pub fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    let mut cfg = GenConfig::benchmark(args.events);
    cfg.seed = args.seed;
    cfg.cadf_share_percent = args.cadf_percent.min(100);
    if let Some(dir) = &args.s3_tree {
        let files = write_s3_tree(&cfg, dir, args.per_file.max(1))?;
        eprintln!(
            "qtrail: wrote {} records in {files} files below {}",
            args.events,
            dir.display()
        );
        return Ok(());
    }
    match args.ndjson.as_deref() {
        Some(path) if path.as_os_str() != "-" => {
            let mut out = BufWriter::new(std::fs::File::create(path)?);
            write_ndjson(&cfg, &mut out)?;
            out.flush()?;
        }
        _ => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            write_ndjson(&cfg, &mut out)?;
            out.flush()?;
        }
    }
    Ok(())
}
