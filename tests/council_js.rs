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
