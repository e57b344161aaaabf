use std::io::{BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;
use qtrail_lab::generate::{GenConfig, write_demo, write_ndjson, write_s3_tree};

mod cli;

use cli::{BenchArgs, Cli, DemoArgs, GenerateArgs, Task};

fn main() -> ExitCode {
    let result = match Cli::parse().task {
        Task::Generate(args) => generate(&args),
        Task::Demo(args) => demo(&args),
        Task::Bench(args) => bench(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qtrail-lab: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    let mut cfg = GenConfig::benchmark(args.events);
    cfg.seed = args.seed;
    cfg.cadf_share_percent = args.cadf_percent.min(100);
    if let Some(dir) = &args.s3_tree {
        let files = write_s3_tree(&cfg, dir, args.per_file.max(1))?;
        eprintln!(
            "qtrail-lab: wrote {} records in {files} files below {}",
            args.events,
            dir.display()
        );
        return Ok(());
    }
    let out: Box<dyn Write> = match args.ndjson.as_deref() {
        Some(path) if path.as_os_str() != "-" => Box::new(std::fs::File::create(path)?),
        _ => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    write_ndjson(&cfg, &mut out)?;
    out.flush()?;
    Ok(())
}

fn demo(args: &DemoArgs) -> anyhow::Result<()> {
    let file = std::fs::File::create(&args.out)?;
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    let records = write_demo(&mut gz)?;
    gz.finish()?;
    eprintln!(
        "qtrail-lab: wrote {records} records to {}",
        args.out.display()
    );
    Ok(())
}

fn bench(args: &BenchArgs) -> anyhow::Result<()> {
    let inputs = qtrail::source::expand_inputs(&args.inputs)?;
    let size = args
        .ui
        .as_deref()
        .map(qtrail_lab::bench::parse_size)
        .transpose()?;
    let report = if let Some(via) = args.live {
        let [qtrail::source::Input::File(input)] = inputs.as_slice() else {
            anyhow::bail!("--live takes one file");
        };
        let (width, height) = size.unwrap_or((80, 24));
        serde_json::to_value(qtrail_lab::bench::run_ingest(input, via, width, height)?)?
    } else if let Some((width, height)) = size {
        serde_json::to_value(qtrail_lab::bench::run_ui(inputs, width, height)?)?
    } else {
        serde_json::to_value(qtrail_lab::bench::run_load(
            inputs,
            &args.filter,
            args.runs,
        )?)?
    };
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
