//! Runs the JavaScript what-if engine (`site/static/js/council-whatif.js`)
//! on the shared vectors of `tests/fixtures/qmv_vectors.json` with Node.js,
//! so the calculator on /raad/ gives the same answers as `council::qmv`.
//! Skipped (with a message) when `node` is not installed.

use std::path::PathBuf;
use std::process::Command;

const RUNNER: &str = r#"
const fs = require('fs');
const [js, fixture] = process.argv.slice(1);
require(js);
const qmv = globalThis.chatcontroleQmv;
const vectors = JSON.parse(fs.readFileSync(fixture, 'utf8')).vectors;
const failures = [];
for (const v of vectors) {
  const states = v.states.map(([code, population, position]) => ({ code, population, position }));
  const got = qmv.evaluate({ rule: v.rule, states });
  const pick = (r) => JSON.stringify({
    outcome: r.outcome, in_favour: { states: r.in_favour.states, population: r.in_favour.population },
    not_in_favour: { states: r.not_in_favour.states, population: r.not_in_favour.population },
    undecided: r.undecided, pivotal: r.pivotal, to_adopt: r.to_adopt, to_block: r.to_block,
  });
  if (pick(got) !== pick(v.expected)) {
    failures.push(v.name + '\n  got:  ' + pick(got) + '\n  want: ' + pick(v.expected));
  }
}
const sample = qmv.describe(qmv.evaluate({ rule: 'qmv', states: [{ code: 'A', population: 13, position: 'support' }, { code: 'B', population: 7, position: 'oppose' }] }), (c) => c);
if (!sample.startsWith('Uitkomst: aangenomen.') || qmv.percent(1, 3) !== '33,3%') {
  failures.push('describe/percent: ' + sample);
}
if (failures.length) {
  console.log(failures.join('\n'));
  process.exit(1);
}
console.log(vectors.length + ' vectors agree');
"#;

#[test]
fn javascript_engine_matches_every_vector() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let js = root.join("site/static/js/council-whatif.js");
    let fixture = root.join("tests/fixtures/qmv_vectors.json");
    let output = match Command::new("node")
        .arg("-e")
        .arg(RUNNER)
        .arg(&js)
        .arg(&fixture)
        .output()
    {
        Ok(output) => output,
        Err(_) => {
            println!("skipped: node not found");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("vectors agree"), "{stdout}");
}

use crate::common;

/// The fields added for exact explanations (`decisive`, and the smallest
/// groups built from undecided states only) agree between `council::qmv`
/// and the page's engine on every shared vector.
#[test]
fn javascript_engine_matches_decisive_states_and_undecided_groups() {
    use chatcontrole::council::qmv::evaluate;
    use common::qmv_vectors::{rule, vectors, voters};
    let expected: Vec<serde_json::Value> = vectors()
        .iter()
        .map(|v| {
            let e = serde_json::to_value(evaluate(rule(v), &voters(v))).unwrap();
            serde_json::json!({
                "decisive": e["decisive"],
                "to_adopt_undecided": e["to_adopt_undecided"],
                "to_block_undecided": e["to_block_undecided"],
            })
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let want = dir.path().join("want.json");
    std::fs::write(&want, serde_json::to_string(&expected).unwrap()).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let runner = r#"
const fs = require('fs');
const [js, fixture, wantFile] = process.argv.slice(1);
require(js);
const qmv = globalThis.chatcontroleQmv;
const vectors = JSON.parse(fs.readFileSync(fixture, 'utf8')).vectors;
const want = JSON.parse(fs.readFileSync(wantFile, 'utf8'));
const failures = [];
vectors.forEach((v, i) => {
  const states = v.states.map(([code, population, position]) => ({ code, population, position }));
  const r = qmv.evaluate({ rule: v.rule, states });
  const got = JSON.stringify({ decisive: r.decisive, to_adopt_undecided: r.to_adopt_undecided, to_block_undecided: r.to_block_undecided });
  const w = JSON.stringify(want[i]);
  if (got !== w) { failures.push(v.name + '\n  got:  ' + got + '\n  want: ' + w); }
});
if (failures.length) { console.log(failures.join('\n')); process.exit(1); }
console.log(vectors.length + ' vectors agree');
"#;
    let output = match Command::new("node")
        .arg("-e")
        .arg(runner)
        .arg(root.join("site/static/js/council-whatif.js"))
        .arg(root.join("tests/fixtures/qmv_vectors.json"))
        .arg(&want)
        .output()
    {
        Ok(output) => output,
        Err(_) => {
            println!("skipped: node not found");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("93 vectors agree"), "{stdout}");
}
