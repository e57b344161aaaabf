//! Invented names for the people, projects and resources of the simulated organisations.

pub const FIRST_NAMES: &[&str] = &[
    "amara", "bjorn", "chen", "dalia", "emeka", "farah", "goran", "hana", "ines", "jonas", "kavya",
    "lucas", "mei", "nikolai", "olu", "priya", "quentin", "rosa", "sanjay", "tamsin", "umar",
    "vera", "wen", "ximena", "yusuf", "zofia", "arjun", "beatriz", "ciaran", "dmitri", "elif",
    "felix", "greta", "hiro", "ivana", "jakob", "keiko", "leon", "marta", "noor",
];

pub const LAST_NAMES: &[&str] = &[
    "okafor",
    "lindqvist",
    "wang",
    "haddad",
    "nwosu",
    "rahman",
    "petrovic",
    "sato",
    "moreau",
    "becker",
    "iyer",
    "ferreira",
    "zhang",
    "volkov",
    "adeyemi",
    "nair",
    "lambert",
    "diaz",
    "kapoor",
    "hughes",
    "siddiqui",
    "novak",
    "liu",
    "castillo",
    "demir",
    "kowalska",
    "mehta",
    "oliveira",
    "byrne",
    "sokolov",
    "yilmaz",
    "schmidt",
    "tanaka",
    "horvat",
    "mueller",
    "costa",
];

pub const MAIL_DOMAIN: &str = "qlab.example";

pub const PROJECTS: &[&str] = &[
    "vqe-h2",
    "qaoa-maxcut",
    "grover-demo",
    "qml-kernels",
    "error-mitigation",
    "bell-calibration",
    "ghz-fidelity",
    "hamiltonian-sim",
    "shor-toy",
    "noise-bench",
    "portfolio-qaoa",
    "qpe-lih",
];

pub const LAMBDA_FUNCTIONS: &[&str] = &[
    "braket-result-poller",
    "task-cost-reporter",
    "qpu-availability-check",
    "results-indexer",
    "slack-notifier",
    "nightly-cleanup",
    "job-orchestrator",
    "metrics-exporter",
    "s3-lifecycle-audit",
    "token-rotator",
];

pub const BUCKET_STEMS: &[&str] = &[
    "qf-research-data",
    "qf-braket-results",
    "qf-terraform-state",
    "qf-cloudtrail-logs",
    "qf-notebooks",
    "qf-artifacts",
    "qf-datasets",
    "qf-backups",
];

pub const OBJECT_PREFIXES: &[&str] = &[
    "tasks",
    "jobs/output",
    "notebooks/shared",
    "datasets/molecules",
    "reports/daily",
    "checkpoints",
    "artifacts/wheels",
    "raw/ingest",
];

pub const OBJECT_SUFFIXES: &[&str] = &[
    "results.json",
    "output.tar.gz",
    "model.pt",
    "circuit.qasm",
    "metadata.json",
    "report.csv",
    "notebook.ipynb",
    "data.parquet",
];

pub const SECRETS: &[&str] = &[
    "prod/ibm-quantum/api-token",
    "prod/slack/webhook",
    "ci/github/deploy-key",
    "research/ionq/api-key",
    "data/postgres/readonly",
    "platform/datadog/api-key",
];

pub const REPOSITORIES: &[&str] = &[
    "qpu-scheduler",
    "braket-hybrid-jobs",
    "results-api",
    "notebook-base",
    "metrics-exporter",
    "qiskit-bridge",
];

pub const TABLES: &[&str] = &[
    "quantum-tasks",
    "job-runs",
    "device-calibrations",
    "cost-ledger",
    "user-quotas",
    "locks",
];

pub const QUEUES: &[&str] = &[
    "task-events",
    "task-events-dlq",
    "job-requests",
    "result-notifications",
    "cleanup-work",
];

pub const TOPICS: &[&str] = &[
    "braket-task-state",
    "cost-alerts",
    "security-findings",
    "deploy-notifications",
];

pub const CLUSTERS: &[&str] = &["research-cluster", "platform-services", "batch-runners"];

pub const STACKS: &[&str] = &[
    "network-baseline",
    "braket-permissions",
    "results-pipeline",
    "notebook-fleet",
    "observability",
    "ci-runners",
    "data-lake",
    "security-baseline",
];

pub const PARAMETERS: &[&str] = &[
    "/research/braket/default-device",
    "/research/braket/max-shots",
    "/platform/ami/latest",
    "/platform/vpc/id",
    "/data/etl/batch-size",
    "/ci/runner/token-ttl",
];

pub const ALARMS: &[&str] = &[
    "braket-spend-daily",
    "lambda-errors-high",
    "sqs-dlq-not-empty",
    "ecs-cpu-high",
    "api-5xx-rate",
    "dynamodb-throttles",
];

pub const CONFIG_RULES: &[&str] = &[
    "s3-bucket-public-read-prohibited",
    "iam-user-mfa-enabled",
    "encrypted-volumes",
    "cloudtrail-enabled",
    "root-account-mfa-enabled",
];

pub const POLICIES: &[&str] = &[
    "BraketFullAccessScoped",
    "ResultsBucketReadWrite",
    "CiDeployPolicy",
    "ReadOnlyAudit",
    "SecretsReaderResearch",
    "KmsUseResearchKey",
];

/// AWS service principals that call APIs on an account's behalf (`userIdentity.type` `AWSService`).
pub const SERVICE_PRINCIPALS: &[&str] = &[
    "cloudtrail.amazonaws.com",
    "config.amazonaws.com",
    "lambda.amazonaws.com",
    "ecs-tasks.amazonaws.com",
    "braket.amazonaws.com",
    "events.amazonaws.com",
    "autoscaling.amazonaws.com",
    "ssm.amazonaws.com",
    "elasticloadbalancing.amazonaws.com",
    "logs.amazonaws.com",
    "s3.amazonaws.com",
    "monitoring.amazonaws.com",
];
