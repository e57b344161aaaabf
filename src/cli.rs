//! The command line: `qtrail [INPUT...]` and the headless subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::live::{ListenAddr, MAX_BODY, MAX_CONNECTIONS, MAX_NET_LINE};
use crate::output::QueryFormat;

const INPUTS_HELP: &str = "INPUT is a file, a folder (read recursively: a copied \
AWSLogs/.../CloudTrail tree works) or - for stdin. Formats are detected from the content, \
never the name: gzip, CloudTrail S3 files {\"Records\":[...]}, `aws cloudtrail lookup-events` \
output, EventBridge events, IBM Activity Tracker (CADF) events, one record a line, JSON \
arrays and concatenated JSON.";

const FILTER_HELP: &str = "FILTER: whitespace-separated terms that must all hold.
  field:value    fields: action identity service outcome ip region account provider
                 error ua id type actor job first; the value is everything after the first
                 colon, so identity:arn:aws:iam::123456789012:user/ana works
  field:a,b      either value          *            wildcard (values are case-insensitive)
  \"two words\"    quotes for spaces     -term        negation
  since:T until:T  RFC 3339, a date (YYYY-MM-DD) or an age such as 15m, 2h, 7d
  word           matches anywhere in the original record
  a.b.c:value    a JSON path into the original record (requestParameters.shots:100)
  identity:user/ana  the identity in full or as the explorer shows it
  actor:user/ana     her calls and those of every session she started, transitively
  job:ID             every event of a Braket task or hybrid job, a Qiskit job or program
  first:action       the first event of each (identity, action); also first:ip, first:agent

Examples:
  qtrail query --filter 'service:braket outcome:failure' trail/
  qtrail query --filter 'action:CancelQuantumTask,quantum-computing.job.cancel since:7d' logs/
  qtrail query --filter 'actor:user/ana first:action since:2026-03-04' --format table logs/
  qtrail query --filter '-ip:10.* requestParameters.deviceArn:*ionq*' logs/
  zcat trail.json.gz | qtrail stats --json -";

/// A command line that asks for something qtrail cannot do (a filter that does not parse,
/// flags that do not go together): exit status 2, reported before anything is loaded.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Explore the audit trail of quantum-computing clouds: Amazon Braket (AWS `CloudTrail`) and
/// IBM Qiskit Runtime (IBM Cloud Activity Tracker, CADF).
#[derive(Parser, Debug)]
#[command(name = "qtrail", version, about, after_help = INPUTS_HELP, after_long_help = live_help(), args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub headless: Option<Headless>,

    /// Files, folders or - (stdin) to explore.
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub live: LiveArgs,
}

/// Long help: inputs, then live use with the limits as they are compiled in.
fn live_help() -> String {
    format!(
        "{INPUTS_HELP}

Live: while events arrive the timeline keeps the newest in view; moving up pauses it (the
status bar counts what arrives) and F follows again. Examples:
  qtrail -f /var/log/trail.ndjson         tail a file, across rotation and truncation
  qtrail -f AWSLogs/                      load a synced bucket, then each new .json.gz
  shipper | qtrail -                      one record a line from a pipe
  qtrail --listen http://127.0.0.1:8080   then: curl --data-binary @events.json 127.0.0.1:8080
  qtrail --listen tcp://:5170             then: nc 127.0.0.1 5170 < events.ndjson
  qtrail query --follow --filter outcome:failure trail/

Limits: network lines up to {} MiB, HTTP bodies up to {} MiB, {MAX_CONNECTIONS} connections
at once per listener; what is refused is counted as a reject.",
        MAX_NET_LINE >> 20,
        MAX_BODY >> 20
    )
}

/// Live sources, shared by the explorer and `query --follow`.
#[derive(Args, Debug, Default)]
pub struct LiveArgs {
    /// Keep reading: new lines of files (across rotation and truncation, like `tail -F`)
    /// and new files below folders (once completely written).
    #[arg(short = 'f', long)]
    pub follow: bool,
    /// Receive events at tcp://HOST:PORT (one JSON record a line) or http://HOST:PORT
    /// (POST / with NDJSON, a JSON array or {"Records":[...]}). Repeatable. Port 0 picks a
    /// free port (its number is shown).
    #[arg(long, value_name = "URL", value_parser = ListenAddr::parse)]
    pub listen: Vec<ListenAddr>,
    /// Require a shared secret of listeners' clients: `Authorization: Bearer TOKEN` on
    /// HTTP requests (401 without it), TOKEN as the first line of a TCP connection (closed
    /// without it). Refused requests and connections are counted as rejects.
    #[arg(
        long,
        value_name = "TOKEN",
        env = "QTRAIL_LISTEN_TOKEN",
        hide_env_values = true
    )]
    pub listen_token: Option<String>,
    /// Allow --listen on addresses other than loopback (events from other machines).
    #[arg(long)]
    pub listen_remote: bool,
    /// Keep at most this many events in memory, evicting the oldest (counted in the
    /// status bar).
    #[arg(long, value_name = "N")]
    pub max_events: Option<usize>,
}

/// The headless subcommands, for scripts and pipelines (the explorer is `qtrail [INPUT...]`).
#[derive(Subcommand, Debug)]
pub enum Headless {
    /// Load the inputs and print what they hold: events, duplicates, rejects and why.
    #[command(after_help = INPUTS_HELP)]
    Stats(StatsArgs),
    /// Print the events that match a filter, in time order.
    #[command(after_help = FILTER_HELP)]
    Query(QueryArgs),
    /// Print each session with who is behind it: the chain of identities from its origin
    /// (a user, a federated sign-in) through every role it assumed.
    #[command(after_help = CHAINS_HELP)]
    Chains(ReportArgs),
    /// Print each quantum task, hybrid job, Qiskit Runtime job or program with its
    /// lifecycle: who created it, when, and who cancelled or deleted it.
    #[command(after_help = JOBS_HELP)]
    Jobs(ReportArgs),
}

#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Print one JSON object instead of the readable summary.
    #[arg(long)]
    pub json: bool,
    /// Files, folders or - (stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// Print one JSON array instead of a line per entry.
    #[arg(long)]
    pub json: bool,
    /// Files, folders or - (stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
}

const CHAINS_HELP: &str = "A session is started by an STS call (AssumeRole, AssumeRoleWithSAML,
AssumeRoleWithWebIdentity, GetSessionToken, GetFederationToken) and used by the calls that carry
its access key; an IBM service ID is started by the iam-identity.serviceid.create call that made
it. A session whose start is not in the inputs is its own origin.

--json prints an array of {session, access_key, chain, started, events, source_ips,
source_identity}; chain lists identities from the origin to the session, origin first.

Example:
  qtrail chains --json AWSLogs/ | jq '.[] | select(.chain | length > 2)'";

const JOBS_HELP: &str = "--json prints an array of {job, kind, provider, created_by, created,
ended, ended_by, device, shots, events, actors}; ended is \"cancelled\", \"deleted\" or null.

Example:
  qtrail jobs --json trail/ | jq '.[] | select(.ended and .ended_by != .created_by)'";

#[derive(Args, Debug)]
pub struct QueryArgs {
    /// Only events matching this filter (see below); it may start with `-`.
    #[arg(long, default_value = "", allow_hyphen_values = true)]
    pub filter: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QueryFormat::Jsonl)]
    pub format: QueryFormat,
    /// With jsonl: add the original record as `raw`.
    #[arg(long)]
    pub raw: bool,
    /// Files, folders or - (stdin).
    #[arg(required_unless_present = "listen")]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub live: LiveArgs,
}
