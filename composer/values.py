"""Sonic Pi's values in Python: a Symbol type, and how Sonic Pi's log spells any value.

`Symbol("foo")` is Ruby's `:foo`: a string (so every name-taking function accepts it) that
prints as `:foo`. `inspect(value)` spells a value as Ruby's `inspect` does, which is what
Sonic Pi's `puts` shows: `0.75006103515625`, `3`, `:foo`, `"text"`, `[1, 2]`,
`(ring 1, 2, 3)`, `nil`, `true`, `1.0e+16`.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

_PLAIN_SYMBOL = re.compile(r"[A-Za-z_][A-Za-z0-9_]*[?!=]?")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\e",
            "\f": "\\f", "\v": "\\v", "\a": "\\a", "\b": "\\b"}


class Symbol(str):
    """A Ruby symbol: equal to its name as a string, printed with a colon (`:foo`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return inspect(self)


def inspect(value) -> str:
    """The value as Sonic Pi's log prints it (Ruby's inspect)."""
    if value is None:
        return "nil"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Symbol):
        text = str.__str__(value)
        return ":" + text if _PLAIN_SYMBOL.fullmatch(text) else ":" + _string(text)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Fraction)):
        return _float(float(value))
    kind = getattr(value, "kind", None)  # rings and ramps
    if isinstance(value, tuple) and isinstance(kind, str):
        inner = ", ".join(inspect(v) for v in value)
        return f"({kind} {inner})" if value else f"({kind})"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(inspect(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{inspect(k)}=>{inspect(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _float(x: float) -> str:
    """Ruby's Float#inspect: Python's shortest repr, with `.0` in the mantissa (`1.0e+16`)."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    text = repr(x)
    mantissa, e, exponent = text.partition("e")
    if e and "." not in mantissa:
        return f"{mantissa}.0e{exponent}"
    return text


def _string(text: str) -> str:
    out = []
    for i, char in enumerate(text):
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == "#" and text[i + 1:i + 2] in ("{", "$", "@"):
            out.append("\\#")
        elif not char.isprintable():
            out.append(f"\\u{ord(char):04X}" if ord(char) < 0x10000 else f"\\u{{{ord(char):X}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
