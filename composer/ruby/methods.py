"""Ruby's methods on values (`3.times`, `[1, 2].map`, `(1..4).step`, `"x--x".ring`, ...).

A method call `receiver.name(args) { block }` finds, in order: the Ruby method of the
receiver's kind below; for rings, the ring's own Python method (composer/ring.py, Sonic Pi's
semantics); for arrays, ranges and strings, the same method of their ring (`.tick`, `.choose`,
`.shuffle` ...); else the Python object's attribute (`name?` as `name_q`). Numbers, strings,
hashes and the methods of every object are here; arrays, rings and ranges in enumerable.py.
"""

from __future__ import annotations

from fractions import Fraction

from composer.errors import ComposerError
from composer.ring import Ring
from composer.ruby import operators
from composer.ruby.enumerable import ARRAY, RANGE, SEQUENCE, at, each_value, yielding
from composer.ruby.values import RubyRange, Symbol, inspect, to_s


def python_name(name: str) -> str:
    """The Python spelling of a Ruby method name: `factor?` -> `factor_q`, `shuffle!` -> `shuffle`."""
    if name.endswith("?"):
        return name[:-1] + "_q"
    if name.endswith("!") or name.endswith("="):
        return name[:-1]
    return name


# ----- numbers ------------------------------------------------------------------------------


@yielding
def _times(n, args, kwargs, block):
    """`4.times`; as in Sonic Pi, `2.5.times` counts 0.0, 1.0 (floats for a float)."""
    count = range(int(n))
    return each_value([float(i) for i in count] if isinstance(n, float) else count, block, n)


@yielding
def _upto(n, args, kwargs, block):
    return each_value(range(n, args[0] + 1), block, n)


@yielding
def _downto(n, args, kwargs, block):
    return each_value(range(n, args[0] - 1, -1), block, n)


@yielding
def _number_step(n, args, kwargs, block):
    limit, by = args[0], args[1] if len(args) > 1 else 1
    values = []
    value = n
    while (value <= limit) if by > 0 else (value >= limit):
        values.append(value)
        value += by
    if block is None:
        return values
    for value in values:
        block(value)
    return n


def _round(x, args, kwargs, block):
    digits = args[0] if args else 0
    if digits > 0:
        return round(float(x), digits)
    whole = int(abs(x) + Fraction(1, 2)) if not isinstance(x, float) else int(abs(x) + 0.5)  # half away from zero
    return (-whole if x < 0 else whole) if digits == 0 else int(round(x, digits))


def _clamp(x, args, kwargs, block):
    """Ruby's `x.clamp(low, high)`, and Sonic Pi's `x.clamp(bound)`: within -bound..bound."""
    low, high = args if len(args) == 2 else (-args[0], args[0])
    return min(max(x, low), high)


NUMBER = {
    "times": _times, "upto": _upto, "downto": _downto, "step": _number_step,
    "to_f": lambda x, a, k, b: float(x), "to_i": lambda x, a, k, b: int(x), "to_int": lambda x, a, k, b: int(x),
    "to_s": lambda x, a, k, b: to_s(x), "inspect": lambda x, a, k, b: inspect(x),
    "to_r": lambda x, a, k, b: Fraction(x), "round": _round,
    "floor": lambda x, a, k, b: int(x // 1), "ceil": lambda x, a, k, b: int(-(-x // 1)),
    "abs": lambda x, a, k, b: abs(x), "even?": lambda x, a, k, b: x % 2 == 0,
    "odd?": lambda x, a, k, b: x % 2 == 1, "zero?": lambda x, a, k, b: x == 0,
    "positive?": lambda x, a, k, b: x > 0, "negative?": lambda x, a, k, b: x < 0,
    "succ": lambda x, a, k, b: x + 1, "pred": lambda x, a, k, b: x - 1,
    "between?": lambda x, a, k, b: a[0] <= x <= a[1], "clamp": _clamp,
    # Sonic Pi's own: `x.max(5)` bounds x above by 5, `x.min(1)` below by 1
    "max": lambda x, a, k, b: x if x <= a[0] else a[0], "min": lambda x, a, k, b: x if x >= a[0] else a[0],
    "divmod": lambda x, a, k, b: [x // a[0], x % a[0]], "fdiv": lambda x, a, k, b: x / a[0],
    "div": lambda x, a, k, b: int(x // a[0]), "modulo": lambda x, a, k, b: x % a[0],
    "chr": lambda x, a, k, b: chr(x),
}


# ----- strings and symbols ------------------------------------------------------------------


STRING = {
    "to_s": lambda s, a, k, b: str.__str__(s), "to_str": lambda s, a, k, b: str.__str__(s),
    "to_sym": lambda s, a, k, b: Symbol(s), "inspect": lambda s, a, k, b: inspect(s),
    "to_i": lambda s, a, k, b: _leading_number(s, int), "to_f": lambda s, a, k, b: _leading_number(s, float),
    "length": lambda s, a, k, b: len(s), "size": lambda s, a, k, b: len(s),
    "upcase": lambda s, a, k, b: type(s)(s.upper()), "downcase": lambda s, a, k, b: type(s)(s.lower()),
    "capitalize": lambda s, a, k, b: type(s)(s.capitalize()), "reverse": lambda s, a, k, b: s[::-1],
    "chars": lambda s, a, k, b: list(s), "split": lambda s, a, k, b: s.split(a[0]) if a else s.split(),
    "include?": lambda s, a, k, b: a[0] in s, "start_with?": lambda s, a, k, b: s.startswith(tuple(a)),
    "end_with?": lambda s, a, k, b: s.endswith(tuple(a)), "empty?": lambda s, a, k, b: not s,
    "strip": lambda s, a, k, b: s.strip(), "[]": lambda s, a, k, b: at(list(s), a, k, b),
    "ring": lambda s, a, k, b: Ring(s), "to_a": lambda s, a, k, b: list(s),
    "shuffle": lambda s, a, k, b: type(s)("".join(Ring(s).shuffle())),  # Sonic Pi's: a shuffled string
    "*": lambda s, a, k, b: s * a[0], "+": lambda s, a, k, b: s + a[0],
    "freeze": lambda s, a, k, b: s, "dup": lambda s, a, k, b: s,
}


def _leading_number(text: str, kind):
    digits = ""
    for char in text.strip():
        if char.isdigit() or (char in "+-" and not digits) or (kind is float and char in ".e" and digits):
            digits += char
        else:
            break
    try:
        return kind(digits)
    except ValueError:
        return kind(0)


# ----- hashes -------------------------------------------------------------------------------


@yielding
def _hash_each(table, args, kwargs, block):
    for key, value in list(table.items()):
        block(key, value)
    return table


@yielding
def _hash_map(table, args, kwargs, block):
    return [block(key, value) for key, value in table.items()]


HASH = {
    "[]": lambda h, a, k, b: h.get(a[0]), "fetch": lambda h, a, k, b: h[a[0]] if a[0] in h or len(a) < 2 else a[1],
    "each": _hash_each, "each_pair": _hash_each, "map": _hash_map,
    "keys": lambda h, a, k, b: list(h), "values": lambda h, a, k, b: list(h.values()),
    "key?": lambda h, a, k, b: a[0] in h, "has_key?": lambda h, a, k, b: a[0] in h,
    "include?": lambda h, a, k, b: a[0] in h, "length": lambda h, a, k, b: len(h),
    "size": lambda h, a, k, b: len(h), "empty?": lambda h, a, k, b: not h,
    "merge": lambda h, a, k, b: {**h, **a[0]}, "to_a": lambda h, a, k, b: [[x, y] for x, y in h.items()],
    "delete": lambda h, a, k, b: h.pop(a[0], None), "to_s": lambda h, a, k, b: inspect(h),
    "inspect": lambda h, a, k, b: inspect(h), "dup": lambda h, a, k, b: dict(h),
}


# ----- everything ---------------------------------------------------------------------------


OBJECT = {
    "nil?": lambda x, a, k, b: x is None, "to_s": lambda x, a, k, b: to_s(x),
    "inspect": lambda x, a, k, b: inspect(x), "is_a?": lambda x, a, k, b: operators.case_equal(a[0], x),
    "kind_of?": lambda x, a, k, b: operators.case_equal(a[0], x),
    "==": lambda x, a, k, b: operators.BINARY["=="](x, a[0]),
    "!=": lambda x, a, k, b: not operators.BINARY["=="](x, a[0]),
    "equal?": lambda x, a, k, b: x is a[0], "freeze": lambda x, a, k, b: x, "dup": lambda x, a, k, b: x,
    "to_a": lambda x, a, k, b: [] if x is None else [x], "tap": lambda x, a, k, b: (b(x), x)[1],
    "then": lambda x, a, k, b: b(x),
}

NIL = {"to_s": lambda x, a, k, b: "", "to_a": lambda x, a, k, b: [], "to_i": lambda x, a, k, b: 0,
       "to_f": lambda x, a, k, b: 0.0}

_TABLES = {
    int: NUMBER, float: NUMBER, Fraction: NUMBER, list: ARRAY, tuple: ARRAY, RubyRange: RANGE,
    str: STRING, Symbol: STRING, dict: HASH, type(None): NIL,
}


def send(receiver, name: str, args, kwargs, block):
    """Call Ruby method `name` on a Python value."""
    kind = type(receiver)
    if kind is Ring or isinstance(receiver, Ring):
        function = SEQUENCE.get(name)
        if function is None:
            method = getattr(receiver, python_name(name), None)
            if method is not None:
                return method(*args, **kwargs) if kwargs else method(*args)
    elif kind is bool:
        function = None
    else:
        table = _TABLES.get(kind)
        if table is None and isinstance(receiver, str):
            table = STRING  # the namespace's own Symbol type
        function = table.get(name) if table is not None else None
    if function is None:
        function = OBJECT.get(name)
    if function is not None:
        return function(receiver, args, kwargs, block)
    if isinstance(receiver, (list, tuple, RubyRange, str)) and hasattr(Ring, python_name(name)):
        ring_method = getattr(Ring(receiver), python_name(name))
        return ring_method(*args, **(kwargs or {}))
    if callable(receiver) and name in ("call", "yield", "()"):
        return receiver(*args)
    attribute = getattr(receiver, python_name(name), None)
    if attribute is None or name.startswith("_"):
        raise ComposerError(f"undefined method '{name}' for {inspect(receiver)}")
    if not callable(attribute):
        return attribute
    if block is not None:
        return attribute(*args, block, **(kwargs or {}))
    return attribute(*args, **(kwargs or {}))
