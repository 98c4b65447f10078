"""Record what Strudel's own code makes of each case in strudel_cases.py.

    STRUDEL=/path/to/strudel-checkout python tests/data/make_strudel_cases.py [MODULE]

Needs node and a checkout of Strudel (commit 447afbfa) with `npm install fraction.js` in
it and its packages linked as node_modules/@strudel/core and .../mini; writes MODULE.json beside this
file (MODULE: strudel_cases, the default, or strudel_suite_cases). The JSON is kept in the repository, so the
tests need neither. A module's STEPS cases (strudel_cases has them) record each pattern's steps
per cycle (`_steps`) in strudel_steps.json.
"""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RUNNER = """
import { mini, miniAllStrings } from './packages/mini/mini.mjs';
import * as S from './packages/core/index.mjs';
Object.assign(globalThis, S, { mini });
miniAllStrings();  // a string where a pattern is expected is mini-notation, as in Strudel's REPL
const cases = JSON.parse(process.argv[2]);
const out = {};
for (const [name, js, cycles] of cases) {
  try {
    const haps = eval(js).queryArc(0, cycles).filter((h) => h.hasOnset());
    out[name] = haps.map((h) => ({ begin: h.whole.begin.toFraction(), end: h.whole.end.toFraction(), value: h.value }));
  } catch (error) {
    out[name] = { error: String(error) };
  }
}
console.log(JSON.stringify(out));
"""

STEPS_RUNNER = RUNNER.split("const out")[0] + """
const out = {};
for (const [name, js] of cases) {
  try {
    const steps = eval(js)._steps;
    out[name] = steps === undefined ? null : steps.toFraction();
  } catch (error) {
    out[name] = { error: String(error) };
  }
}
console.log(JSON.stringify(out));
"""


def main() -> None:
    module = sys.argv[1] if len(sys.argv) > 1 else "strudel_cases"
    cases = importlib.import_module(module).CASES
    steps_cases = getattr(importlib.import_module(module), "STEPS", None)
    strudel = Path(os.environ["STRUDEL"])
    runner = strudel / "record_cases.mjs"
    runner.write_text(RUNNER)
    cases = json.dumps([[name, js, cycles] for name, js, _, cycles in cases])
    result = subprocess.run(["node", str(runner), cases], cwd=strudel, capture_output=True, text=True, check=True)
    recorded = json.loads(result.stdout.strip().splitlines()[-1])
    failed = {name: events["error"] for name, events in recorded.items() if isinstance(events, dict)}
    if failed:
        raise SystemExit(f"Strudel could not run: {failed}")
    (HERE / f"{module}.json").write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n")
    print(f"recorded {len(recorded)} cases")
    if steps_cases is None:
        return
    runner.write_text(STEPS_RUNNER)
    cases = json.dumps([[name, js] for name, js, _ in steps_cases])
    result = subprocess.run(["node", str(runner), cases], cwd=strudel, capture_output=True, text=True, check=True)
    steps = json.loads(result.stdout.strip().splitlines()[-1])
    failed = {name: value["error"] for name, value in steps.items() if isinstance(value, dict)}
    if failed:
        raise SystemExit(f"Strudel could not run: {failed}")
    (HERE / "strudel_steps.json").write_text(json.dumps(steps, indent=1, sort_keys=True) + "\n")
    print(f"recorded the steps of {len(steps)} patterns")


if __name__ == "__main__":
    main()
