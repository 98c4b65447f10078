"""One-time warnings from a running piece, naming its file and the line that caused them.

Sonic Pi lets some things pass that composer cannot play or that mean nothing: an option no
synth has (SuperCollider ignores it), a sample with no drum meaning, a synth change MIDI cannot
make. The piece plays on; the musician hears of each once, at the line of its first use.
"""

from __future__ import annotations

import sys

#: A front end that runs a piece's code in frames of its own (the Ruby evaluator) keeps the
#: piece's line of the statement it runs in a local of this name.
LINE_LOCAL = "piece_line"


def warn_once(path, given: set, key, message: str) -> None:
    """Print `path:line: message` on standard error unless `key` is in `given` already."""
    if key in given:
        return
    given.add(key)
    line = piece_line(path)
    where = f"{path}:{line}" if line is not None else f"{path}"
    print(f"{where}: {message}", file=sys.stderr)


def piece_line(path) -> int | None:
    """The line of the piece running now: the innermost frame of its file (a Python piece), or
    of a statement the Ruby evaluator runs (see LINE_LOCAL)."""
    filename = str(path)
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if code.co_filename == filename:
            return frame.f_lineno
        if LINE_LOCAL in code.co_varnames and frame.f_locals.get(LINE_LOCAL) is not None:
            return frame.f_locals[LINE_LOCAL]
        frame = frame.f_back
    return None
