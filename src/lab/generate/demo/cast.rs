//! Who is in the demo: one AWS account and one IBM Cloud account of a university research group.

use fastrand::Rng;

use super::super::agents;
use super::super::catalog::who;
use super::super::ids;
use super::super::world::{Account, Client, Identity, Role, Who, World};

pub const ACCOUNT: &str = "111122223333";
/// The campus NAT gateway: everyone on the university network shares it.
pub const CAMPUS: &str = "198.51.100.14";
/// Identity Center appends a random suffix to the permission set's role name.
pub const RESEARCH_ROLE_NAME: &str = "AWSReservedSSO_QuantumResearch_3f2a9c81d4e6b7a0";
pub const SAML_PROVIDER: &str =
    "arn:aws:iam::111122223333:saml-provider/AWSSSO_8d41f07c2b6e9a35_DO_NOT_DELETE";

/// Indices into `World::identities`, in the order [`aws_world`] creates them.
pub const ANA: usize = 0;
pub const BOB: usize = 1;
pub const CARLA: usize = 2;
pub const FARID: usize = 3;
pub const EVE: usize = 4;
pub const CI: usize = 5;
pub const ROOT: usize = 6;
/// Indices into `World::roles`.
/// Incident 2's escalation: the role assumed from the stolen session, and the session name.
pub const OPS_ROLE_NAME: &str = "QuantumOps";
pub const OPS_SESSION: &str = "maintenance";

pub const RESEARCH: usize = 0;
pub const CI_ROLE: usize = 1;
pub const JOBS: usize = 2;
const ROLES: [(&str, &str); 3] = [
    (RESEARCH_ROLE_NAME, "/aws-reserved/sso.amazonaws.com/"),
    ("braket-ci", "/"),
    ("AmazonBraketJobsExecutionRole", "/service-role/"),
];

/// Indices into [`Identity::ips`] of the people.
pub const ON_CAMPUS: usize = 0;
pub const AT_HOME: usize = 1;

pub const IBM_INSTANCE: &str = "crn:v1:bluemix:public:quantum-computing:eu-de:a/4e7b1c9a2d5f4e8b9c0a1d2e3f405162:2b8f6c1e-9d4a-4f3b-a7e5-0c1d2e3f4a5b::";
/// Indices into the IBM users.
pub const DANA: usize = 0;
pub const LENA: usize = 1;
pub const PIPELINE: usize = 2;
/// The university's CI runner, the only address the pipeline's API key is used from.
pub const PIPELINE_IP: &str = "198.51.100.23";

pub struct IbmUser {
    pub id: &'static str,
    pub name: &'static str,
    pub service_id: bool,
    /// Campus first, then home (a service id has only its runner).
    pub ips: Vec<String>,
    pub sdk: &'static str,
    pub browser: String,
}

/// The AWS side. `World` has no constructor for a hand-made organisation, so the sampled one is
/// replaced wholesale; its persona pools are never consulted by the demo.
pub fn aws_world(rng: &mut Rng) -> World {
    let mut world = World::new(&mut Rng::with_seed(rng.u64(..)));
    let mut roles: Vec<Role> = ROLES
        .iter()
        .map(|&(name, path)| role(rng, name, path))
        .collect();
    let mut identities = vec![
        user(rng, "ana"),
        user(rng, "bob"),
        session(rng, who::HUMAN, &roles, RESEARCH, "carla@uni.example"),
        session(rng, who::HUMAN, &roles, RESEARCH, "farid@uni.example"),
        session(rng, who::HUMAN, &roles, RESEARCH, "eve@uni.example"),
        session(rng, who::CI, &roles, CI_ROLE, "GitHubActions"),
        root(rng),
    ];
    for (host, person) in (31..).step_by(17).zip(&mut identities[..=EVE]) {
        person.ips.push(off_campus(host));
    }
    roles[RESEARCH].sessions = vec![CARLA, FARID, EVE];
    roles[CI_ROLE].sessions = vec![CI];
    world.accounts = vec![Account {
        id: ACCOUNT.to_owned(),
        home: 0,
        buckets: vec![format!("qlab-datasets-{ACCOUNT}")],
        kms_keys: vec![ids::uuid(rng)],
        instances: Vec::new(),
        volumes: Vec::new(),
        security_groups: Vec::new(),
        subnets: Vec::new(),
        users: vec![ANA, BOB],
        roles: vec![RESEARCH, CI_ROLE, JOBS],
    }];
    world.identities = identities;
    world.roles = roles;
    world
}

/// Adds the session a hybrid job's container runs as; its name is the job's.
pub fn job_session(rng: &mut Rng, world: &mut World, job: &str) -> usize {
    let mut identity = session(rng, who::APP, &world.roles, JOBS, job);
    identity.ips = vec![agents::aws_ipv4(rng)];
    identity.agents = vec![(Client::Braket, agents::braket(rng, false))];
    world.identities.push(identity);
    let index = world.identities.len() - 1;
    world.roles[JOBS].sessions.push(index);
    index
}

fn role(rng: &mut Rng, name: &str, path: &str) -> Role {
    Role {
        name: name.to_owned(),
        arn: format!("arn:aws:iam::{ACCOUNT}:role{path}{name}"),
        principal_id: ids::unique_id(rng, "AROA"),
        sessions: Vec::new(),
    }
}

fn person(rng: &mut Rng, persona: u8, who: Who, arn: String, principal_id: String) -> Identity {
    let key = ids::access_key(rng, "ASIA");
    let notebook = rng.bool();
    Identity {
        persona,
        account: 0,
        home: 0,
        who,
        arn,
        principal_id,
        access_key: key.clone(),
        console_key: key,
        mfa: false,
        ips: vec![CAMPUS.to_owned()],
        agents: vec![
            (Client::Braket, agents::braket(rng, notebook)),
            (Client::Cli, agents::cli(rng)),
            (Client::Console, "console.amazonaws.com".to_owned()),
            (Client::Browser, agents::browser(rng)),
        ],
    }
}

fn user(rng: &mut Rng, name: &str) -> Identity {
    let arn = format!("arn:aws:iam::{ACCOUNT}:user/{name}");
    let id = ids::unique_id(rng, "AIDA");
    let mut identity = person(rng, who::HUMAN, Who::User(name.to_owned()), arn, id);
    identity.access_key = ids::access_key(rng, "AKIA");
    // The group's IAM users sign in with MFA, which makes root's sign-in without it stand out.
    identity.mfa = true;
    identity
}

fn session(rng: &mut Rng, persona: u8, roles: &[Role], role: usize, name: &str) -> Identity {
    let arn = format!(
        "arn:aws:sts::{ACCOUNT}:assumed-role/{}/{name}",
        roles[role].name
    );
    let id = format!("{}:{name}", roles[role].principal_id);
    let mut identity = person(rng, persona, Who::Role { role }, arn, id);
    if persona == who::CI {
        // GitHub-hosted runners get a fresh address for every run.
        identity.ips = (200..204).map(off_campus).collect();
    }
    identity
}

fn root(rng: &mut Rng) -> Identity {
    let arn = format!("arn:aws:iam::{ACCOUNT}:root");
    person(rng, who::ROOT, Who::Root, arn, ACCOUNT.to_owned())
}

pub fn ibm_users(rng: &mut Rng) -> Vec<IbmUser> {
    let human = |rng: &mut Rng, id, name, sdk, home| IbmUser {
        id,
        name,
        service_id: false,
        ips: vec![CAMPUS.to_owned(), off_campus(home)],
        sdk,
        browser: agents::browser(rng),
    };
    vec![
        human(
            rng,
            "IBMid-6900055ABC",
            "dana@uni.example",
            "qiskit-ibm-runtime/0.36.1",
            45,
        ),
        human(
            rng,
            "IBMid-6920007LQP",
            "lena@uni.example",
            "qiskit-ibm-runtime/0.34.0",
            96,
        ),
        IbmUser {
            id: "iam-ServiceId-7c1e4b2a-5d3f-4e6a-9b8c-1f2e3d4c5b6a",
            name: "ServiceId-ci-pipeline",
            service_id: true,
            ips: vec![PIPELINE_IP.to_owned()],
            sdk: "qiskit-ibm-runtime/0.23.0",
            browser: String::new(),
        },
    ]
}

/// Addresses off campus come from a documentation range, so that the demo names no real one.
fn off_campus(host: u8) -> String {
    format!("192.0.2.{host}")
}

/// The operators' role the stolen research session assumes (role chaining), and the
/// session it gets; returns the session's identity.
pub fn ops_session(rng: &mut Rng, world: &mut World) -> usize {
    world.roles.push(role(rng, OPS_ROLE_NAME, "/"));
    let ops = world.roles.len() - 1;
    world.accounts[0].roles.push(ops);
    let mut identity = session(rng, who::HUMAN, &world.roles, ops, OPS_SESSION);
    identity.ips = vec![CAMPUS.to_owned()];
    world.identities.push(identity);
    let index = world.identities.len() - 1;
    world.roles[ops].sessions.push(index);
    index
}
