"""Ruby's methods on values (`3.times`, `[1, 2].map`, `(1..4).step`, `"x--x".ring`, ...).

A method call `receiver.name(args) { block }` finds, in order: the Ruby method of the
receiver's kind below; for rings, the ring's own Python method (composer/ring.py, Sonic Pi's
semantics); for arrays, ranges and strings, the same method of their ring (`.tick`, `.choose`,
`.shuffle` ...); else the Python object's attribute (`name?` as `name_q`).
"""

from __future__ import annotations

from fractions import Fraction
from functools import reduce

from composer.errors import ComposerError
from composer.ring import Ring
from composer.ruby import operators
from composer.ruby.scope import BreakJump
from composer.ruby.values import RubyRange, Symbol, inspect, to_s, truthy


def python_name(name: str) -> str:
    """The Python spelling of a Ruby method name: `factor?` -> `factor_q`, `shuffle!` -> `shuffle`."""
    if name.endswith("?"):
        return name[:-1] + "_q"
    if name.endswith("!") or name.endswith("="):
        return name[:-1]
    return name


def _yielding(function):
    """A method that runs a block: `break` inside the block ends the method with its value."""

    def run(receiver, args, kwargs, block):
        try:
            return function(receiver, args, kwargs, block)
        except BreakJump as jump:
            return jump.value

    return run


def _need_block(block, name):
    if block is None:
        raise ComposerError(f"{name} needs a block (do |x| ... end)")
    return block


# ----- numbers ------------------------------------------------------------------------------


@_yielding
def _times(n, args, kwargs, block):
    """`4.times`; as in Sonic Pi, `2.5.times` counts 0.0, 1.0 (floats for a float)."""
    count = range(int(n))
    values = [float(i) for i in count] if isinstance(n, float) else count
    if block is None:
        return list(values)
    for i in values:
        block(i)
    return n


@_yielding
def _upto(n, args, kwargs, block):
    values = range(n, args[0] + 1)
    if block is None:
        return list(values)
    for i in values:
        block(i)
    return n


@_yielding
def _downto(n, args, kwargs, block):
    values = range(n, args[0] - 1, -1)
    if block is None:
        return list(values)
    for i in values:
        block(i)
    return n


@_yielding
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


NUMBER = {
    "times": _times, "upto": _upto, "downto": _downto, "step": _number_step,
    "to_f": lambda x, a, k, b: float(x), "to_i": lambda x, a, k, b: int(x),
    "to_s": lambda x, a, k, b: to_s(x), "inspect": lambda x, a, k, b: inspect(x),
    "to_r": lambda x, a, k, b: Fraction(x), "round": _round,
    "floor": lambda x, a, k, b: int(x // 1), "ceil": lambda x, a, k, b: int(-(-x // 1)),
    "abs": lambda x, a, k, b: abs(x), "even?": lambda x, a, k, b: x % 2 == 0,
    "odd?": lambda x, a, k, b: x % 2 == 1, "zero?": lambda x, a, k, b: x == 0,
    "positive?": lambda x, a, k, b: x > 0, "negative?": lambda x, a, k, b: x < 0,
    "succ": lambda x, a, k, b: x + 1, "pred": lambda x, a, k, b: x - 1,
    "between?": lambda x, a, k, b: a[0] <= x <= a[1], "clamp": lambda x, a, k, b: min(max(x, a[0]), a[1]),
    "divmod": lambda x, a, k, b: [x // a[0], x % a[0]], "fdiv": lambda x, a, k, b: x / a[0],
    "div": lambda x, a, k, b: int(x // a[0]), "modulo": lambda x, a, k, b: x % a[0],
    "chr": lambda x, a, k, b: chr(x),
}


# ----- arrays, rings and ranges (anything iterable) -----------------------------------------


def _like(receiver, items):
    """A result of the receiver's kind: rings give rings, the rest arrays."""
    return Ring(items) if isinstance(receiver, Ring) else list(items)


@_yielding
def _each(items, args, kwargs, block):
    if block is None:
        return list(items)
    for item in items:
        block(item)
    return items


@_yielding
def _each_with_index(items, args, kwargs, block):
    for index, item in enumerate(items):
        block(item, index)
    return items


@_yielding
def _map(items, args, kwargs, block):
    return _like(items, [_need_block(block, "map")(item) for item in items])


@_yielding
def _map_with_index(items, args, kwargs, block):
    return _like(items, [_need_block(block, "each_with_index.map")(item, i) for i, item in enumerate(items)])


@_yielding
def _select(items, args, kwargs, block):
    return _like(items, [item for item in items if truthy(_need_block(block, "select")(item))])


@_yielding
def _reject(items, args, kwargs, block):
    return _like(items, [item for item in items if not truthy(_need_block(block, "reject")(item))])


@_yielding
def _find(items, args, kwargs, block):
    for item in items:
        if truthy(_need_block(block, "find")(item)):
            return item
    return None


@_yielding
def _inject(items, args, kwargs, block):
    items = list(items)
    if args and isinstance(args[-1], str):  # inject(:+)
        operator, args = operators.BINARY[str(args[-1])], args[:-1]
        combine = operator
    else:
        combine = _need_block(block, "inject")
    if args:
        return reduce(combine, items, args[0])
    return reduce(combine, items) if items else None


@_yielding
def _count(items, args, kwargs, block):
    if block is not None:
        return sum(1 for item in items if truthy(block(item)))
    if args:
        return sum(1 for item in items if operators.BINARY["=="](item, args[0]))
    return len(list(items))


@_yielding
def _sum(items, args, kwargs, block):
    values = [block(item) for item in items] if block is not None else list(items)
    return sum(values, args[0] if args else 0)


def _push(items, args, kwargs, block):
    if not isinstance(items, list):
        raise ComposerError(f"push: {inspect(items)} cannot change (rings are immutable; use an array)")
    items.extend(args)
    return items


def _first(items, args, kwargs, block):
    items = list(items)
    return items[: args[0]] if args else (items[0] if items else None)


def _last(items, args, kwargs, block):
    items = list(items)
    return items[len(items) - args[0]:] if args else (items[-1] if items else None)


def _at(items, args, kwargs, block):
    key = args[0]
    if isinstance(items, Ring):
        return items[key]
    if isinstance(key, RubyRange):
        values = list(items)
        stop = key.last if key.exclusive else key.last + 1
        return values[key.first: stop if stop != 0 else None]
    values = items if isinstance(items, list) else list(items)
    if len(args) == 2:
        return values[key: key + args[1]]
    return values[key] if -len(values) <= key < len(values) else None


@_yielding
def _sort_by(items, args, kwargs, block):
    return _like(items, sorted(items, key=_need_block(block, "sort_by")))


@_yielding
def _each_slice(items, args, kwargs, block):
    values, size = list(items), args[0]
    slices = [values[i: i + size] for i in range(0, len(values), size)]
    if block is None:
        return slices
    for chunk in slices:
        block(chunk)
    return items


def _rotate(items, args, kwargs, block):
    values = list(items)
    if not values:
        return _like(items, values)
    n = (args[0] if args else 1) % len(values)
    return _like(items, values[n:] + values[:n])


SEQUENCE = {
    "each": _each, "each_with_index": _each_with_index, "map": _map, "collect": _map,
    "map_with_index": _map_with_index, "each_slice": _each_slice,
    "select": _select, "filter": _select, "reject": _reject, "find": _find, "detect": _find,
    "inject": _inject, "reduce": _inject, "sum": _sum, "count": _count,
    "include?": lambda s, a, k, b: a[0] in s, "member?": lambda s, a, k, b: a[0] in s,
    "length": lambda s, a, k, b: len(s), "size": lambda s, a, k, b: len(s),
    "empty?": lambda s, a, k, b: len(s) == 0, "any?": lambda s, a, k, b: any(truthy(v) for v in s),
    "first": _first, "last": _last, "[]": _at, "at": _at, "fetch": _at, "slice": _at,
    "min": lambda s, a, k, b: min(s) if len(s) else None, "max": lambda s, a, k, b: max(s) if len(s) else None,
    "to_a": lambda s, a, k, b: list(s), "entries": lambda s, a, k, b: list(s),
    "ring": lambda s, a, k, b: Ring(s), "to_ring": lambda s, a, k, b: Ring(s),
    "join": lambda s, a, k, b: (a[0] if a else "").join(to_s(v) for v in s),
    "zip": lambda s, a, k, b: [[v, *(list(o)[i] if i < len(list(o)) else None for o in a)] for i, v in enumerate(s)],
    "uniq": lambda s, a, k, b: _like(s, list(dict.fromkeys(s))), "sort_by": _sort_by,
    "flatten": lambda s, a, k, b: _like(s, _flatten(s)), "compact": lambda s, a, k, b: _like(s, [v for v in s if v is not None]),
    "index": lambda s, a, k, b: list(s).index(a[0]) if a[0] in s else None,
    "push": _push, "append": _push, "<<": _push, "pop": lambda s, a, k, b: s.pop() if s else None,
    "shift": lambda s, a, k, b: s.pop(0) if s else None, "unshift": lambda s, a, k, b: (s.insert(0, a[0]), s)[1],
    "concat": lambda s, a, k, b: (s.extend(a[0]), s)[1], "dup": lambda s, a, k, b: _like(s, list(s)),
    "clone": lambda s, a, k, b: _like(s, list(s)), "freeze": lambda s, a, k, b: s,
    "to_s": lambda s, a, k, b: inspect(s), "inspect": lambda s, a, k, b: inspect(s),
}

#: Ruby's own Array methods that differ from a ring's (a ring wraps around; an array does not).
ARRAY = dict(SEQUENCE)
ARRAY.update({
    "take": lambda s, a, k, b: list(s)[: a[0]], "drop": lambda s, a, k, b: list(s)[a[0]:],
    "reverse": lambda s, a, k, b: list(reversed(s)), "rotate": _rotate,
    "sort": lambda s, a, k, b: sorted(s),
})

RANGE = dict(SEQUENCE)
RANGE.update({
    "step": lambda r, a, k, b: _each(r.step(a[0] if a else 1), (), None, b) if b else r.step(a[0] if a else 1),
    "first": lambda r, a, k, b: r.first if not a else list(r)[: a[0]], "begin": lambda r, a, k, b: r.first,
    "last": lambda r, a, k, b: r.last if not a else list(r)[-a[0]:], "end": lambda r, a, k, b: r.last,
    "to_s": lambda r, a, k, b: repr(r), "inspect": lambda r, a, k, b: repr(r),
    "reverse": lambda r, a, k, b: list(reversed(list(r))),
    "exclude_end?": lambda r, a, k, b: r.exclusive,
})


def _flatten(values) -> list:
    out = []
    for value in values:
        if isinstance(value, (list, tuple)):
            out.extend(_flatten(value))
        else:
            out.append(value)
    return out


# ----- strings and symbols ------------------------------------------------------------------


STRING = {
    "to_s": lambda s, a, k, b: str.__str__(s), "to_str": lambda s, a, k, b: str.__str__(s),
    "to_sym": lambda s, a, k, b: s if type(s) is not str else Symbol(s), "inspect": lambda s, a, k, b: inspect(s),
    "to_i": lambda s, a, k, b: _leading_number(s, int), "to_f": lambda s, a, k, b: _leading_number(s, float),
    "length": lambda s, a, k, b: len(s), "size": lambda s, a, k, b: len(s),
    "upcase": lambda s, a, k, b: type(s)(s.upper()), "downcase": lambda s, a, k, b: type(s)(s.lower()),
    "capitalize": lambda s, a, k, b: type(s)(s.capitalize()), "reverse": lambda s, a, k, b: s[::-1],
    "chars": lambda s, a, k, b: list(s), "split": lambda s, a, k, b: s.split(a[0]) if a else s.split(),
    "include?": lambda s, a, k, b: a[0] in s, "start_with?": lambda s, a, k, b: s.startswith(tuple(a)),
    "end_with?": lambda s, a, k, b: s.endswith(tuple(a)), "empty?": lambda s, a, k, b: not s,
    "strip": lambda s, a, k, b: s.strip(), "[]": lambda s, a, k, b: _at(list(s), a, k, b),
    "ring": lambda s, a, k, b: Ring(s), "to_a": lambda s, a, k, b: list(s),
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


@_yielding
def _hash_each(table, args, kwargs, block):
    for key, value in list(table.items()):
        block(key, value)
    return table


@_yielding
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
    "==": lambda x, a, k, b: operators.BINARY["=="](x, a[0]), "!=": lambda x, a, k, b: not operators.BINARY["=="](x, a[0]),
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
