use std::io::{BufWriter, Write};

use crate::cli::{QueryArgs, UsageError};
use crate::filter::{Filter, evaluate};
use crate::output::write_query;
use crate::source::RawReader;

pub fn query(args: &QueryArgs) -> anyhow::Result<()> {
    let filter = Filter::parse(&args.filter, super::loading::now_ms())
        .map_err(|e| UsageError(crate::sanitize::display(&e.to_string()).into_owned()))?;
    if args.live.follow || !args.live.listen.is_empty() {
        return super::follow::follow(args, &filter);
    }
    let index = super::loading::load(&args.inputs)?;
    let ids = evaluate(&index, &filter, &mut RawReader::new());
    let mut out = BufWriter::new(std::io::stdout().lock());
    let unreadable = write_query(&index, &ids, args.format, args.raw, &mut out)?;
    out.flush()?;
    if unreadable > 0 {
        eprintln!(
            "qtrail: {unreadable} original records could not be read again (their files changed or vanished)"
        );
    }
    Ok(())
}
