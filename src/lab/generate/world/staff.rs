//! Who works in each account: role definitions, session names, clients and addresses.

use fastrand::Rng;

use super::super::agents;
use super::super::catalog::who;
use super::super::ids;
use super::super::vocabulary;
use super::Client;

pub enum Sessions {
    People(usize),
    Numbered(&'static str, usize),
    Named(&'static [&'static str]),
    Instances(usize),
    Hex(usize),
}

pub struct RoleSpec {
    pub name: &'static str,
    /// IAM path; service-linked and Identity Center roles live under their own.
    pub path: &'static str,
    /// Identity Center appends a random suffix to the permission set's name.
    pub sso: bool,
    pub persona: u8,
    pub mfa: bool,
    pub sessions: Sessions,
}

const fn spec(name: &'static str, persona: u8, sessions: Sessions) -> RoleSpec {
    RoleSpec {
        name,
        path: "/",
        sso: false,
        persona,
        mfa: false,
        sessions,
    }
}

const fn sso(name: &'static str, people: usize) -> RoleSpec {
    RoleSpec {
        name,
        path: "/aws-reserved/sso.amazonaws.com/",
        sso: true,
        persona: who::HUMAN,
        mfa: false,
        sessions: Sessions::People(people),
    }
}

pub const ROLE_SPECS: &[RoleSpec] = &[
    sso("AWSReservedSSO_AdministratorAccess", 5),
    sso("AWSReservedSSO_PowerUserAccess", 8),
    sso("AWSReservedSSO_ReadOnlyAccess", 6),
    sso("AWSReservedSSO_QuantumResearcher", 12),
    RoleSpec {
        mfa: true,
        ..spec(
            "OrganizationAccountAccessRole",
            who::HUMAN,
            Sessions::People(3),
        )
    },
    spec(
        "github-actions-deploy",
        who::CI,
        Sessions::Numbered("GitHubActions-", 8),
    ),
    spec(
        "gitlab-braket-runner",
        who::CI,
        Sessions::Numbered("gitlab-ci-job-", 6),
    ),
    spec(
        "terraform-apply",
        who::CI,
        Sessions::Named(&["terraform", "atlantis-plan"]),
    ),
    spec(
        "AmazonBraketJobsExecutionRole",
        who::APP,
        Sessions::Named(vocabulary::PROJECTS),
    ),
    spec(
        "lambda-results-role",
        who::APP,
        Sessions::Named(vocabulary::LAMBDA_FUNCTIONS),
    ),
    spec("ecsTaskRole-qpu-scheduler", who::APP, Sessions::Hex(6)),
    spec("notebook-instance-role", who::APP, Sessions::Instances(4)),
    spec(
        "DatadogIntegrationRole",
        who::TOOL,
        Sessions::Named(&["DatadogAWSIntegration"]),
    ),
    spec(
        "SecurityAuditRole",
        who::TOOL,
        Sessions::Numbered("prowler-", 3),
    ),
    RoleSpec {
        path: "/aws-service-role/config.amazonaws.com/",
        ..spec(
            "AWSServiceRoleForConfig",
            who::TOOL,
            Sessions::Named(&["AWSConfig-Describe"]),
        )
    },
];

pub fn people(rng: &mut Rng) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    while out.len() < 40 {
        let first = vocabulary::FIRST_NAMES[rng.usize(..vocabulary::FIRST_NAMES.len())];
        let last = vocabulary::LAST_NAMES[rng.usize(..vocabulary::LAST_NAMES.len())];
        let name = format!("{first}.{last}");
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

pub fn session_names(rng: &mut Rng, sessions: &Sessions, staff: &[&String]) -> Vec<String> {
    match *sessions {
        Sessions::People(n) => {
            let start = rng.usize(..staff.len());
            (0..n)
                .map(|k| {
                    format!(
                        "{}@{}",
                        staff[(start + k) % staff.len()],
                        vocabulary::MAIL_DOMAIN
                    )
                })
                .collect()
        }
        Sessions::Numbered(prefix, n) => (0..n)
            .map(|_| format!("{prefix}{}", rng.u64(1_000_000_000..10_000_000_000)))
            .collect(),
        Sessions::Named(list) => list.iter().map(|s| (*s).to_owned()).collect(),
        Sessions::Instances(n) => (0..n)
            .map(|_| format!("i-0{}", ids::hex(rng, 16)))
            .collect(),
        Sessions::Hex(n) => (0..n).map(|_| ids::hex(rng, 32)).collect(),
    }
}

pub fn source_ips(rng: &mut Rng, persona: u8) -> Vec<String> {
    match persona {
        who::HUMAN | who::ROOT => {
            let mut ips = vec![agents::public_ipv4(rng), agents::public_ipv4(rng)];
            if ids::chance(rng, 250) {
                ips.push(agents::ipv6(rng));
            }
            ips
        }
        who::CI => (0..6).map(|_| agents::public_ipv4(rng)).collect(),
        who::APP | who::TOOL => (0..3).map(|_| agents::aws_ipv4(rng)).collect(),
        _ => Vec::new(),
    }
}

pub fn client_agents(rng: &mut Rng, persona: u8, notebook: bool) -> Vec<(Client, String)> {
    let mut out = Vec::new();
    match persona {
        who::HUMAN => {
            out.push((Client::Cli, agents::cli(rng)));
            out.push((Client::Braket, agents::braket(rng, notebook)));
            out.push((Client::Boto, agents::boto(rng, None)));
            out.push((Client::Console, "console.amazonaws.com".to_owned()));
            out.push((Client::Browser, agents::browser(rng)));
        }
        who::ROOT => {
            out.push((Client::Console, "console.amazonaws.com".to_owned()));
            out.push((Client::Browser, agents::browser(rng)));
        }
        who::CI => {
            out.push((Client::Terraform, agents::terraform(rng)));
            out.push((Client::Cli, agents::cli(rng)));
            out.push((Client::Braket, agents::braket(rng, false)));
        }
        who::APP => {
            out.push((
                Client::Boto,
                agents::boto(rng, Some("AWS_Lambda_python3.12")),
            ));
            out.push((Client::Braket, agents::braket(rng, false)));
            out.push((Client::Sdk, agents::app_sdk(rng)));
        }
        who::TOOL => {
            out.push((Client::Sdk, agents::app_sdk(rng)));
            out.push((Client::Boto, agents::boto(rng, None)));
        }
        _ => {}
    }
    out
}
