"""Ruby's methods on arrays, rings and ranges (`each`, `map`, `select`, `inject`, `step`, ...),
and the helpers of methods that run a block. Used by composer/ruby/methods.py's dispatch."""

from __future__ import annotations

from functools import reduce

from composer.errors import ComposerError
from composer.ring import Ring
from composer.ruby import operators
from composer.ruby.scope import BreakJump
from composer.ruby.values import RubyRange, inspect, to_s, truthy


def yielding(function):
    """A method that runs a block: `break` inside the block ends the method with its value."""

    def run(receiver, args, kwargs, block):
        try:
            return function(receiver, args, kwargs, block)
        except BreakJump as jump:
            return jump.value

    return run


def each_value(values, block, result):
    """Ruby's `each` shape: each value to the block, then `result`; with no block, the values."""
    if block is None:
        return list(values)
    for value in values:
        block(value)
    return result


def _need_block(block, name):
    if block is None:
        raise ComposerError(f"{name} needs a block (do |x| ... end)")
    return block


# ----- arrays, rings and ranges (anything iterable) -----------------------------------------


def _like(receiver, items):
    """A result of the receiver's kind: rings give rings, the rest arrays."""
    return Ring(items) if isinstance(receiver, Ring) else list(items)


@yielding
def _each(items, args, kwargs, block):
    return each_value(items, block, items)


@yielding
def _each_with_index(items, args, kwargs, block):
    if block is None:  # an enumerator of [item, index] pairs: `.each_with_index.map { |v, i| }`
        return [[item, index] for index, item in enumerate(items)]
    for index, item in enumerate(items):
        block(item, index)
    return items


@yielding
def _with_index(items, args, kwargs, block):
    """`.map.with_index(offset) { |v, i| }`: the items with their index, through the block."""
    offset = args[0] if args else 0
    pairs = [[item, index + offset] for index, item in enumerate(items)]
    return pairs if block is None else _like(items, [block(item, index) for item, index in pairs])


@yielding
def _map(items, args, kwargs, block):
    if block is None:  # an enumerator: `.map.with_index { |v, i| }`
        return list(items)
    return _like(items, [block(item) for item in items])


@yielding
def _map_with_index(items, args, kwargs, block):
    return _like(items, [_need_block(block, "each_with_index.map")(item, i) for i, item in enumerate(items)])


@yielding
def _select(items, args, kwargs, block):
    return _like(items, [item for item in items if truthy(_need_block(block, "select")(item))])


@yielding
def _reject(items, args, kwargs, block):
    return _like(items, [item for item in items if not truthy(_need_block(block, "reject")(item))])


@yielding
def _find(items, args, kwargs, block):
    for item in items:
        if truthy(_need_block(block, "find")(item)):
            return item
    return None


@yielding
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


@yielding
def _count(items, args, kwargs, block):
    if block is not None:
        return sum(1 for item in items if truthy(block(item)))
    if args:
        return sum(1 for item in items if operators.BINARY["=="](item, args[0]))
    return len(list(items))


@yielding
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


def at(items, args, kwargs, block):
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


@yielding
def _sort_by(items, args, kwargs, block):
    return _like(items, sorted(items, key=_need_block(block, "sort_by")))


@yielding
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
    "map_with_index": _map_with_index, "each_slice": _each_slice, "with_index": _with_index,
    "select": _select, "filter": _select, "reject": _reject, "find": _find, "detect": _find,
    "inject": _inject, "reduce": _inject, "sum": _sum, "count": _count,
    "include?": lambda s, a, k, b: a[0] in s, "member?": lambda s, a, k, b: a[0] in s,
    "length": lambda s, a, k, b: len(s), "size": lambda s, a, k, b: len(s),
    "empty?": lambda s, a, k, b: len(s) == 0, "any?": lambda s, a, k, b: any(truthy(v) for v in s),
    "first": _first, "last": _last, "[]": at, "at": at, "fetch": at, "slice": at,
    "min": lambda s, a, k, b: min(s) if len(s) else None, "max": lambda s, a, k, b: max(s) if len(s) else None,
    "to_a": lambda s, a, k, b: list(s), "entries": lambda s, a, k, b: list(s),
    "ring": lambda s, a, k, b: Ring(s), "to_ring": lambda s, a, k, b: Ring(s),
    "join": lambda s, a, k, b: (a[0] if a else "").join(to_s(v) for v in s),
    "zip": lambda s, a, k, b: [[v, *(list(o)[i] if i < len(list(o)) else None for o in a)] for i, v in enumerate(s)],
    "uniq": lambda s, a, k, b: _like(s, list(dict.fromkeys(s))), "sort_by": _sort_by,
    "flatten": lambda s, a, k, b: _like(s, _flatten(s)),
    "compact": lambda s, a, k, b: _like(s, [v for v in s if v is not None]),
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
    "sample": lambda s, a, k, b: Ring(s).choose(),  # Sonic Pi's: from its random stream
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
