//! The shared Council test vectors of `tests/fixtures/qmv_vectors.json`,
//! read the same way by the Rust and the browser tests.

use chatcontrole::council::Position;
use chatcontrole::council::qmv::{Rule, Voter};
use serde_json::Value;

/// Every vector of the fixture.
pub fn vectors() -> Vec<Value> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/qmv_vectors.json");
    let text = std::fs::read_to_string(&path).expect("read qmv_vectors.json");
    let json: Value = serde_json::from_str(&text).expect("valid JSON");
    json["vectors"].as_array().expect("vectors array").clone()
}

/// The states of one vector as voters.
pub fn voters(vector: &Value) -> Vec<Voter> {
    vector["states"]
        .as_array()
        .expect("states array")
        .iter()
        .map(|s| {
            Voter::new(
                s[0].as_str().expect("state code"),
                s[1].as_u64().expect("population"),
                Position::parse(s[2].as_str().expect("position")).expect("known position"),
            )
        })
        .collect()
}

/// The voting rule of one vector.
pub fn rule(vector: &Value) -> Rule {
    Rule::parse(vector["rule"].as_str().expect("rule")).expect("known rule")
}
