"""`puts` and `print` in pieces: one line on standard error per call, as Sonic Pi logs it.

The line starts with where the piece is (`{beat: 4.5, loop: :arp}`; only the beat at the top
level) and ends with the values spelt as Sonic Pi's log spells them, separated by spaces:
`puts(rand())` prints `{beat: 0.0, loop: :arp} 0.75006103515625`.
"""

from __future__ import annotations

import builtins
import sys

from composer import context
from composer.values import Symbol, inspect

_PYTHON_PRINT_OPTIONS = frozenset({"sep", "end", "file", "flush"})


def puts(*values) -> None:
    state = context.current
    where = f"beat: {inspect(state.time)}"
    if state is not context.top_level:
        where += f", loop: {inspect(Symbol(state.name))}"
    text = " ".join(inspect(value) for value in values)
    sys.stderr.write(f"{{{where}}} {text}\n")
    sys.stderr.flush()


def sonic_print(*values, **options) -> None:
    """Sonic Pi's `print` (the same as `puts`); with Python's keywords (sep, end, file,
    flush) it is Python's own print."""
    if options:
        unknown = set(options) - _PYTHON_PRINT_OPTIONS
        if unknown:
            raise TypeError(f"print() got an unexpected keyword argument {sorted(unknown)[0]!r}")
        builtins.print(*values, **options)
        return
    puts(*values)
