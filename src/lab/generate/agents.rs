//! User agents and source addresses in the shapes real AWS clients send.

use std::fmt::Write as _;

use fastrand::Rng;

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[rng.usize(..items.len())]
}

/// AWS CLI v2 without the per-call `command/<service>.<operation>` suffix.
pub fn cli(rng: &mut Rng) -> String {
    let version = format!("2.{}.{}", rng.u32(13..=18), rng.u32(0..40));
    let python = format!("3.11.{}", rng.u32(6..=9));
    let platform = match rng.u32(0..10) {
        0..=4 => format!(
            "Linux/6.{}.0-10{:02}-aws exe/x86_64.ubuntu.22",
            rng.u32(2..=8),
            rng.u32(10..40)
        ),
        5..=8 => format!("Darwin/23.{}.0 exe/arm64", rng.u32(0..=6)),
        _ => "Windows/10 exe/AMD64".to_owned(),
    };
    format!(
        "aws-cli/{version} md/awscrt#0.19.19 ua/2.0 os/{platform} lang/python#{python} md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe prompt/off"
    )
}

/// Boto3 with the botocore release it ships with, optionally tagged with a Lambda runtime.
pub fn boto(rng: &mut Rng, exec_env: Option<&str>) -> String {
    let patch = rng.u32(20..=99);
    let kernel = format!(
        "6.1.{}-{}.{}.amzn2023.x86_64",
        rng.u32(60..=90),
        rng.u32(80..=130),
        rng.u32(100..=250)
    );
    let python = format!("3.{}.{}", rng.u32(10..=12), rng.u32(1..=9));
    let mut ua = format!(
        "Boto3/1.34.{patch} md/Botocore#1.34.{patch} ua/2.0 os/linux#{kernel} md/arch#x86_64 lang/python#{python} md/pyimpl#CPython"
    );
    if let Some(env) = exec_env {
        ua.push_str(" exec-env/");
        ua.push_str(env);
    }
    ua.push_str(" cfg/retry-mode#legacy Botocore/1.34.");
    ua.push_str(&patch.to_string());
    ua
}

/// The Amazon Braket Python SDK appends its own versions to the Boto3 agent.
pub fn braket(rng: &mut Rng, notebook: bool) -> String {
    let mut ua = boto(rng, None);
    let notebook = if notebook { "0" } else { "None" };
    let _ = write!(
        ua,
        " BraketSdk/1.{}.{} BraketSchemas/1.{}.{} NotebookInstance/{notebook}",
        rng.u32(72..=90),
        rng.u32(0..=4),
        rng.u32(20..=23),
        rng.u32(0..=3)
    );
    ua
}

pub fn browser(rng: &mut Rng) -> String {
    let chrome = rng.u32(120..=125);
    match rng.u32(0..4) {
        0 => format!("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Safari/537.36"),
        1 => format!("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Safari/537.36 Edg/{chrome}.0.0.0"),
        2 => format!("Mozilla/5.0 (X11; Linux x86_64; rv:{chrome}.0) Gecko/20100101 Firefox/{chrome}.0"),
        _ => "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15".to_owned(),
    }
}

pub fn terraform(rng: &mut Rng) -> String {
    format!(
        "APN/1.0 HashiCorp/1.0 Terraform/1.{}.{} (+https://www.terraform.io) terraform-provider-aws/5.{}.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.{}.0 os/linux lang/go#1.22.{} md/GOOS#linux md/GOARCH#amd64",
        rng.u32(6..=8),
        rng.u32(0..=5),
        rng.u32(35..=45),
        rng.u32(24..=30),
        rng.u32(1..=5)
    )
}

/// The SDKs that long-running application code is typically written against.
pub fn app_sdk(rng: &mut Rng) -> String {
    match rng.u32(0..3) {
        0 => format!(
            "aws-sdk-go-v2/1.{}.{} os/linux lang/go#1.22.{} md/GOOS#linux md/GOARCH#amd64",
            rng.u32(24..=30),
            rng.u32(0..=9),
            rng.u32(1..=6)
        ),
        1 => format!(
            "aws-sdk-java/2.25.{} Linux/5.10.{}-{}.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.{}+7-LTS Java/17.0.{} vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
            rng.u32(1..=60),
            rng.u32(200..=220),
            rng.u32(190..=230),
            rng.u32(8..=11),
            rng.u32(8..=11)
        ),
        _ => format!(
            "aws-sdk-js/3.{}.0 ua/2.0 os/linux#5.10.{}-225.855.amzn2.x86_64 lang/js md/nodejs#20.{}.1 exec-env/AWS_Lambda_nodejs20.x",
            rng.u32(500..=560),
            rng.u32(200..=220),
            rng.u32(9..=12)
        ),
    }
}

/// A routable IPv4 address outside the private, loopback and multicast ranges.
pub fn public_ipv4(rng: &mut Rng) -> String {
    const FIRST: &[u8] = &[
        24, 31, 37, 46, 62, 71, 77, 81, 86, 89, 92, 98, 104, 109, 135, 146, 151, 176, 185, 188,
        193, 195, 212, 213, 217,
    ];
    let first = FIRST[rng.usize(..FIRST.len())];
    format!("{first}.{}.{}.{}", rng.u8(..), rng.u8(..), rng.u8(1..255))
}

/// An address from the blocks that EC2 NAT gateways and Lambda egress commonly use.
pub fn aws_ipv4(rng: &mut Rng) -> String {
    let first = pick(rng, &["3", "13", "18", "34", "35", "44", "52", "54"]);
    format!("{first}.{}.{}.{}", rng.u8(..), rng.u8(..), rng.u8(1..255))
}

pub fn ipv6(rng: &mut Rng) -> String {
    format!(
        "2a02:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}",
        rng.u16(0x1000..),
        rng.u16(..),
        rng.u16(..),
        rng.u16(..),
        rng.u16(..),
        rng.u16(..),
        rng.u16(1..)
    )
}
