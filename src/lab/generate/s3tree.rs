//! The generated trail laid out as the archives it would be delivered to: `CloudTrail`'s S3 log
//! files and Activity Tracker's hourly archive objects.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use fastrand::Rng;
use flate2::Compression;
use flate2::write::GzEncoder;

use super::cadf::IBM_ACCOUNTS;
use super::clock;
use super::ids;
use super::world::{AWS_ACCOUNTS, REGIONS};
use super::{GenConfig, Generator, HOUR, Origin};

/// Keeps file names independent of the record stream, so the records match `write_ndjson`.
const NAME_SALT: u64 = 0x2545_f491_4f6c_dd1d;
/// `CloudTrail` delivers a log file a few minutes after the newest event in it.
const DELIVERY_DELAY: std::ops::Range<i64> = 60..600;

/// A `{"Records":[...]}` document being filled for one account and region.
#[derive(Default)]
struct Batch {
    body: Vec<u8>,
    count: usize,
    newest: i64,
}

/// NDJSON lines of one IBM account for the current hour.
#[derive(Default)]
struct Hourly {
    body: Vec<u8>,
    hour: i64,
}

/// The archive being written: open batches and hourly files, and how many files are done.
struct Tree<'a> {
    dir: &'a Path,
    per_file: usize,
    names: Rng,
    batches: Vec<Batch>,
    hourly: Vec<Hourly>,
    files: usize,
}

/// S3-style `CloudTrail` delivery: gzipped `{"Records":[...]}` files of `per_file` records each, under
/// `dir/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<16 alnum>.json.gz`.
/// CADF records (if `cadf_share_percent > 0`) go to hourly gzipped NDJSON files under
/// `dir/ibm-activity-tracker/year=YYYY/month=MM/day=DD/<accountid>.<YYYY>-<MM>-<DD>.<HH>00.json.gz`.
/// Returns the number of files written.
///
/// # Errors
///
/// Any error creating the folders or writing the files.
pub fn write_s3_tree(cfg: &GenConfig, dir: &Path, per_file: usize) -> io::Result<usize> {
    let mut generator = Generator::new(cfg);
    let mut tree = Tree {
        dir,
        per_file: per_file.max(1),
        names: Rng::with_seed(cfg.seed ^ NAME_SALT),
        batches: (0..AWS_ACCOUNTS * REGIONS.len())
            .map(|_| Batch::default())
            .collect(),
        hourly: (0..IBM_ACCOUNTS).map(|_| Hourly::default()).collect(),
        files: 0,
    };
    let mut record = Vec::with_capacity(8 * 1024);
    while let Some(emitted) = generator.next_record(&mut record)? {
        match emitted.origin {
            Origin::CloudTrail { account, region } => {
                tree.add_trail_record(&generator, account, region, emitted.event_time, &record)?;
            }
            Origin::Cadf { account } => {
                let hour = emitted.arrival.div_euclid(HOUR);
                tree.add_cadf_record(&generator, account, hour, &record)?;
            }
        }
        record.clear();
    }
    tree.finish(&generator)
}

impl Tree<'_> {
    fn add_trail_record(
        &mut self,
        generator: &Generator,
        account: usize,
        region: usize,
        event_time: i64,
        record: &[u8],
    ) -> io::Result<()> {
        let batch = &mut self.batches[account * REGIONS.len() + region];
        batch.body.extend_from_slice(if batch.count == 0 {
            b"{\"Records\":["
        } else {
            b","
        });
        batch.body.extend_from_slice(record);
        batch.count += 1;
        batch.newest = batch.newest.max(event_time);
        if batch.count == self.per_file {
            self.flush_trail(generator, account, region)?;
        }
        Ok(())
    }

    /// Arrival times never decrease, so an account's hour only ever moves forward.
    fn add_cadf_record(
        &mut self,
        generator: &Generator,
        account: usize,
        hour: i64,
        record: &[u8],
    ) -> io::Result<()> {
        if self.hourly[account].hour != hour && !self.hourly[account].body.is_empty() {
            self.flush_hourly(generator, account)?;
        }
        let archive = &mut self.hourly[account];
        archive.hour = hour;
        archive.body.extend_from_slice(record);
        archive.body.push(b'\n');
        Ok(())
    }

    fn finish(mut self, generator: &Generator) -> io::Result<usize> {
        for index in 0..self.batches.len() {
            if self.batches[index].count > 0 {
                self.flush_trail(generator, index / REGIONS.len(), index % REGIONS.len())?;
            }
        }
        for account in 0..self.hourly.len() {
            if !self.hourly[account].body.is_empty() {
                self.flush_hourly(generator, account)?;
            }
        }
        Ok(self.files)
    }

    fn flush_trail(
        &mut self,
        generator: &Generator,
        account: usize,
        region: usize,
    ) -> io::Result<()> {
        let batch = std::mem::take(&mut self.batches[account * REGIONS.len() + region]);
        let account_id = generator.aws_account_id(account);
        let region_name = REGIONS[region];
        let delivered = batch.newest + self.names.i64(DELIVERY_DELAY);
        let day = clock::civil(delivered);
        let folder = self
            .dir
            .join("AWSLogs")
            .join(account_id)
            .join("CloudTrail")
            .join(region_name)
            .join(format!("{:04}", day.year))
            .join(format!("{:02}", day.month))
            .join(format!("{:02}", day.day));
        let minute = clock::compact_minute(delivered);
        let suffix = ids::alnum(&mut self.names, 16);
        let file = format!("{account_id}_CloudTrail_{region_name}_{minute}_{suffix}.json.gz");
        let mut body = batch.body;
        body.extend_from_slice(b"]}");
        gzip_to(&folder, &file, &body)?;
        self.files += 1;
        Ok(())
    }

    fn flush_hourly(&mut self, generator: &Generator, account: usize) -> io::Result<()> {
        let archive = std::mem::take(&mut self.hourly[account]);
        let day = clock::civil(archive.hour * HOUR);
        let date = format!("{:04}-{:02}-{:02}", day.year, day.month, day.day);
        let folder = self
            .dir
            .join("ibm-activity-tracker")
            .join(format!("year={:04}", day.year))
            .join(format!("month={:02}", day.month))
            .join(format!("day={:02}", day.day));
        let account_id = generator.ibm_account_id(account);
        let file = format!("{account_id}.{date}.{:02}00.json.gz", day.hour);
        gzip_to(&folder, &file, &archive.body)?;
        self.files += 1;
        Ok(())
    }
}

fn gzip_to(folder: &Path, file: &str, body: &[u8]) -> io::Result<()> {
    fs::create_dir_all(folder)?;
    let out = BufWriter::new(File::create(folder.join(file))?);
    let mut gz = GzEncoder::new(out, Compression::default());
    gz.write_all(body)?;
    gz.finish()?.flush()
}
