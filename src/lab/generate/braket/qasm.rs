//! The programs and device parameters `CreateQuantumTask` carries as JSON strings.

use std::fmt::Write as _;

use fastrand::Rng;
use serde::Serialize;

use super::super::json::{EMPTY, Val};
use super::Device;

pub struct Program {
    pub qubits: u32,
    /// The serialized `OpenQASM` IR document sent as the task's `action` string.
    pub action: String,
}

/// The SDK serializes device parameters as a JSON document inside a string field.
pub fn device_parameters(device: &Device, qubits: u32) -> String {
    format!(
        r#"{{"braketSchemaHeader": {{"name": "{}", "version": "1"}}, "paradigmParameters": {{"braketSchemaHeader": {{"name": "braket.device_schema.gate_model_parameters", "version": "1"}}, "qubitCount": {qubits}, "disableQubitRewiring": false}}}}"#,
        device.schema
    )
}

#[derive(Serialize)]
struct Header {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OpenQasmProgram<'a> {
    braket_schema_header: Header,
    source: &'a str,
    inputs: Val<'a>,
}

pub fn program(rng: &mut Rng, index: usize) -> Program {
    let qubits = [2, 3, 4, 5, 6, 8][index % 6];
    let mut source = format!("OPENQASM 3.0;\nbit[{qubits}] b;\nqubit[{qubits}] q;\n");
    match index % 3 {
        0 => ghz(&mut source, qubits),
        1 => ansatz(rng, &mut source, qubits),
        _ => qaoa(rng, &mut source, qubits),
    }
    source.push_str("b = measure q;");
    let doc = OpenQasmProgram {
        braket_schema_header: Header {
            name: "braket.ir.openqasm.program",
            version: "1",
        },
        source: &source,
        inputs: EMPTY,
    };
    let action = serde_json::to_string(&doc).unwrap_or_default();
    Program { qubits, action }
}

/// Bell and GHZ state preparation, the "hello world" of every SDK tutorial.
fn ghz(source: &mut String, qubits: u32) {
    source.push_str("h q[0];\n");
    for i in 1..qubits {
        let _ = writeln!(source, "cnot q[{}], q[{i}];", i - 1);
    }
}

/// One layer of a hardware-efficient variational ansatz with random angles.
fn ansatz(rng: &mut Rng, source: &mut String, qubits: u32) {
    for i in 0..qubits {
        let angle = rng.f64() * std::f64::consts::TAU;
        let _ = writeln!(source, "ry({angle:.4}) q[{i}];");
    }
    for i in 1..qubits {
        let _ = writeln!(source, "cz q[{}], q[{i}];", i - 1);
    }
}

/// One QAOA layer for the maximum cut of a path graph.
fn qaoa(rng: &mut Rng, source: &mut String, qubits: u32) {
    let (gamma, beta) = (rng.f64() * 3.0, rng.f64() * 1.5);
    for i in 0..qubits {
        let _ = writeln!(source, "h q[{i}];");
    }
    for i in 1..qubits {
        let j = i - 1;
        let _ = writeln!(
            source,
            "cnot q[{j}], q[{i}];\nrz({gamma:.4}) q[{i}];\ncnot q[{j}], q[{i}];"
        );
    }
    for i in 0..qubits {
        let _ = writeln!(source, "rx({beta:.4}) q[{i}];");
    }
}
