"""Record what Strudel's own code makes of each case in strudel_voicing_cases.py.

    STRUDEL=/path/to/strudel-checkout python tests/data/make_strudel_voicing_cases.py

Needs node and a checkout of Strudel (commit 447afbfa) with `npm install fraction.js
@tonaljs/tonal@4 chord-voicings@0.0.1` in it and its packages linked as
node_modules/@strudel/core, .../mini and .../tonal. Run from the repository's root (the cases
list each symbol of composer's voicing tables, whose equality with Strudel's the tests check).
Writes strudel_voicing_cases.json beside this file: each case's events as Strudel gives them
(notes by name; the LIVE cases queried an eighth of a cycle at a time, as Strudel's scheduler
does), and Strudel's registered voicing dictionaries. The JSON is kept in the
repository, so the tests need neither node nor Strudel.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from strudel_voicing_cases import CASES, LIVE  # noqa: E402

RUNNER = """
import { mini, miniAllStrings } from './packages/mini/mini.mjs';
import * as S from './packages/core/index.mjs';
import * as T from './packages/tonal/index.mjs';
Object.assign(globalThis, S, T, { mini });
miniAllStrings();  // a string where a pattern is expected is mini-notation, as in Strudel's REPL
const cases = JSON.parse(process.argv[2]);
const out = {};
for (const [name, js, cycles, live] of cases) {
  T.resetVoicings();  // voicings() remembers its last voicing across patterns: each case starts afresh
  try {
    const pat = eval(js);
    const spans = live ? [...Array(cycles * 8).keys()].map((i) => [i / 8, (i + 1) / 8]) : [[0, cycles]];
    const haps = spans.flatMap(([begin, end]) => pat.queryArc(begin, end).filter((h) => h.hasOnset()));
    out[name] = haps.map((h) => ({ begin: h.whole.begin.toFraction(), end: h.whole.end.toFraction(), value: h.value }));
  } catch (error) {
    out[name] = { error: String(error) };
  }
}
const dictionaries = Object.fromEntries(
  Object.entries(T.voicingRegistry).map(([name, entry]) => [name, entry.dictionary]),
);
console.log(JSON.stringify({ cases: out, dictionaries }));
"""


def main() -> None:
    strudel = Path(os.environ["STRUDEL"])
    runner = strudel / "record_voicing_cases.mjs"
    runner.write_text(RUNNER)
    cases = json.dumps([[name, js, cycles, name in LIVE] for name, js, _, cycles in CASES])
    result = subprocess.run(["node", str(runner), cases], cwd=strudel, capture_output=True, text=True, check=True)
    recorded = json.loads(result.stdout.strip().splitlines()[-1])
    failed = {name: events["error"] for name, events in recorded["cases"].items() if isinstance(events, dict)}
    if failed:
        raise SystemExit(f"Strudel could not run: {failed}")
    empty = [name for name, events in recorded["cases"].items() if not events]
    if empty:
        raise SystemExit(f"no events from Strudel (a case that checks nothing): {empty}")
    lines = [f" {json.dumps(name)}: {json.dumps(events, sort_keys=True)}" for name, events in recorded["cases"].items()]
    dictionaries = json.dumps(recorded["dictionaries"], indent=1, sort_keys=True)
    text = '{"cases": {\n' + ",\n".join(lines) + '\n},\n"dictionaries": ' + dictionaries + "\n}\n"
    (HERE / "strudel_voicing_cases.json").write_text(text)
    print(f"recorded {len(lines)} cases and {len(recorded['dictionaries'])} dictionaries")


if __name__ == "__main__":
    main()
