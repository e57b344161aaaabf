//! The simulated AWS organisation: accounts, principals and the resources they touch.

use fastrand::Rng;

mod staff;

use super::catalog::who;
use super::ids::{self, Weighted};
use super::vocabulary;

pub const REGIONS: [&str; 5] = [
    "us-east-1",
    "us-west-1",
    "us-west-2",
    "eu-west-2",
    "eu-north-1",
];
const REGION_WEIGHTS: [u64; 5] = [58, 7, 17, 11, 7];
/// Account 0 does quantum research, 1 runs the platform and CI, 2 holds production data.
pub const AWS_ACCOUNTS: usize = 3;
/// Share of an identity's calls that go to its home region; the rest spread by region weight.
const HOME_REGION_PER_MILLE: u32 = 850;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    Cli,
    Boto,
    Braket,
    Console,
    Browser,
    Terraform,
    Sdk,
}

pub enum Who {
    User(String),
    /// A session of [`World::roles`]`[role]`.
    Role {
        role: usize,
    },
    Service(&'static str),
    Root,
}

pub struct Identity {
    /// One of the `who::*` persona bits.
    pub persona: u8,
    pub account: usize,
    pub home: usize,
    pub who: Who,
    pub arn: String,
    pub principal_id: String,
    /// Key used by programmatic calls: `AKIA...` for IAM users, `ASIA...` otherwise.
    pub access_key: String,
    /// Temporary key behind console sessions.
    pub console_key: String,
    pub mfa: bool,
    pub ips: Vec<String>,
    pub agents: Vec<(Client, String)>,
}

pub struct Role {
    pub name: String,
    pub arn: String,
    pub principal_id: String,
    pub sessions: Vec<usize>,
}

pub struct Account {
    pub id: String,
    pub home: usize,
    pub buckets: Vec<String>,
    pub kms_keys: Vec<String>,
    pub instances: Vec<String>,
    pub volumes: Vec<String>,
    pub security_groups: Vec<String>,
    pub subnets: Vec<String>,
    /// Identities of the account's IAM users.
    pub users: Vec<usize>,
    /// Indices into [`World::roles`].
    pub roles: Vec<usize>,
}

pub struct World {
    pub accounts: Vec<Account>,
    pub identities: Vec<Identity>,
    pub roles: Vec<Role>,
    pub sso_instance: String,
    pub permission_sets: Vec<String>,
    /// Per persona bit position: member identities and a Zipf popularity over them.
    pools: Vec<(Vec<usize>, Weighted)>,
    regions: Weighted,
}

impl Account {
    fn new(rng: &mut Rng, index: usize) -> Self {
        let id = ids::account_id(rng);
        let fresh = |rng: &mut Rng, prefix: &str, n: usize| -> Vec<String> {
            (0..n)
                .map(|_| format!("{prefix}{}", ids::hex(rng, 16)))
                .collect()
        };
        Account {
            buckets: vocabulary::BUCKET_STEMS
                .iter()
                .map(|s| format!("{s}-{id}"))
                .collect(),
            // The production-data account lives in London, the others in Virginia.
            home: if index == 2 { 3 } else { 0 },
            id,
            kms_keys: (0..5).map(|_| ids::uuid(rng)).collect(),
            instances: fresh(rng, "i-0", 12),
            volumes: fresh(rng, "vol-0", 12),
            security_groups: fresh(rng, "sg-0", 8),
            subnets: fresh(rng, "subnet-0", 6),
            users: Vec::new(),
            roles: Vec::new(),
        }
    }
}

impl World {
    pub fn new(rng: &mut Rng) -> Self {
        let mut world = World {
            accounts: Vec::new(),
            identities: Vec::new(),
            roles: Vec::new(),
            sso_instance: format!("arn:aws:sso:::instance/ssoins-{}", ids::hex(rng, 16)),
            permission_sets: Vec::new(),
            pools: Vec::new(),
            regions: Weighted::new(REGION_WEIGHTS),
        };
        let instance = world
            .sso_instance
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        world.permission_sets = (0..4)
            .map(|_| {
                format!(
                    "arn:aws:sso:::permissionSet/{instance}/ps-{}",
                    ids::hex(rng, 16)
                )
            })
            .collect();
        let people = staff::people(rng);
        for index in 0..AWS_ACCOUNTS {
            world.add_account(rng, index, &people);
        }
        world.build_pools(rng);
        world
    }

    pub fn pick_identity(&self, rng: &mut Rng, persona: u8) -> usize {
        let bit = persona.trailing_zeros() as usize;
        let (members, popularity) = &self.pools[bit];
        members[popularity.sample(rng)]
    }

    pub fn has_persona(&self, persona: u8) -> bool {
        !self.pools[persona.trailing_zeros() as usize].0.is_empty()
    }

    pub fn pick_region(&self, rng: &mut Rng, identity: usize) -> usize {
        if ids::chance(rng, HOME_REGION_PER_MILLE) {
            self.identities[identity].home
        } else {
            self.regions.sample(rng)
        }
    }

    fn add_account(&mut self, rng: &mut Rng, index: usize, people: &[String]) {
        self.accounts.push(Account::new(rng, index));
        let staff: Vec<&String> = (0..18)
            .map(|_| &people[rng.usize(..people.len())])
            .collect();
        for person in staff.iter().take(12) {
            self.add_user(rng, index, person, who::HUMAN);
        }
        for machine in ["svc-braket-ci", "terraform-legacy"] {
            self.add_user(rng, index, machine, who::CI);
        }
        for spec in staff::ROLE_SPECS {
            self.add_role(rng, index, spec, &staff);
        }
        for principal in vocabulary::SERVICE_PRINCIPALS {
            let who = Who::Service(principal);
            self.push(rng, index, who::SERVICE, who, String::new(), String::new());
        }
        let root_arn = format!("arn:aws:iam::{}:root", self.accounts[index].id);
        let root_id = self.accounts[index].id.clone();
        let root = self.push(rng, index, who::ROOT, Who::Root, root_arn, root_id);
        self.identities[root].mfa = true;
    }

    fn add_user(&mut self, rng: &mut Rng, account: usize, name: &str, persona: u8) {
        let arn = format!("arn:aws:iam::{}:user/{name}", self.accounts[account].id);
        let principal = ids::unique_id(rng, "AIDA");
        let i = self.push(
            rng,
            account,
            persona,
            Who::User(name.to_owned()),
            arn,
            principal,
        );
        self.identities[i].access_key = ids::access_key(rng, "AKIA");
        self.identities[i].mfa = persona == who::HUMAN && ids::chance(rng, 700);
        self.accounts[account].users.push(i);
    }

    fn add_role(
        &mut self,
        rng: &mut Rng,
        account: usize,
        spec: &staff::RoleSpec,
        staff: &[&String],
    ) {
        let name = if spec.sso {
            format!("{}_{}", spec.name, ids::hex(rng, 16))
        } else {
            spec.name.to_owned()
        };
        let acct = self.accounts[account].id.clone();
        let role_index = self.roles.len();
        let principal_id = ids::unique_id(rng, "AROA");
        let mut sessions = Vec::new();
        for session in staff::session_names(rng, &spec.sessions, staff) {
            let arn = format!("arn:aws:sts::{acct}:assumed-role/{name}/{session}");
            let principal = format!("{principal_id}:{session}");
            let who = Who::Role { role: role_index };
            let i = self.push(rng, account, spec.persona, who, arn, principal);
            self.identities[i].mfa = spec.mfa;
            sessions.push(i);
        }
        let arn = format!("arn:aws:iam::{acct}:role{}{name}", spec.path);
        self.roles.push(Role {
            name,
            arn,
            principal_id,
            sessions,
        });
        self.accounts[account].roles.push(role_index);
    }

    fn push(
        &mut self,
        rng: &mut Rng,
        account: usize,
        persona: u8,
        who: Who,
        arn: String,
        principal_id: String,
    ) -> usize {
        let home = if ids::chance(rng, 800) {
            self.accounts[account].home
        } else {
            self.regions.sample(rng)
        };
        let temporary = ids::access_key(rng, "ASIA");
        let notebook = account == 0 && rng.bool();
        let identity = Identity {
            persona,
            account,
            home,
            who,
            arn,
            principal_id,
            access_key: temporary.clone(),
            console_key: temporary,
            mfa: false,
            ips: staff::source_ips(rng, persona),
            agents: staff::client_agents(rng, persona, notebook),
        };
        self.identities.push(identity);
        self.identities.len() - 1
    }

    fn build_pools(&mut self, rng: &mut Rng) {
        self.pools = (0..8)
            .map(|bit| {
                let mut members: Vec<usize> = (0..self.identities.len())
                    .filter(|&i| self.identities[i].persona == 1 << bit)
                    .collect();
                rng.shuffle(&mut members);
                let popularity = Weighted::zipf(members.len(), 1.0);
                (members, popularity)
            })
            .collect();
    }
}
