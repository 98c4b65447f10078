"""Strudel's names, for `composer pattern --expr` and for pieces (as `strudel.note(...)`).

Functions Strudel has as methods are here as free functions too, in Strudel's order, the
pattern last: `fast(2, "a b")` is `reify("a b").fast(2)`. A string where a pattern is
expected is mini-notation. In a piece, Sonic Pi's meanings of `note`, `rand`, `choose`,
`range`, `scale`, `arp`, `shuffle` and `run` win; Strudel's are `strudel.note` and so on.
"""

from __future__ import annotations

import inspect
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

from composer.errors import ComposerError
from composer.pattern import constructors, layering, signals, stepwise
from composer.pattern.controls import CONTROL_FUNCTIONS
from composer.pattern.core import REGISTERED, Pattern, pure, reify, silence
from composer.pattern.mini import mini
from composer.pattern.values import _OPS, _Operator


def _required(method: Any) -> int | None:
    """How many positional arguments (the pattern's included) a method's function needs,
    or None where it takes any number."""
    if isinstance(method, _Operator):
        return 2
    try:
        params = inspect.signature(method).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return None
    return len([p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty])


def _free(name: str):
    """Strudel's free function: the pattern last, and curried as Strudel's are, so that with
    fewer arguments than it needs it is a function of the pattern (`every(3, fast(2), pat)`)."""
    required = _required(getattr(Pattern, name))

    def function(*args: Any) -> Any:
        if not args:
            raise ComposerError(f"{name}() needs a pattern (its last argument)")
        if required is not None and len(args) < required:
            return lambda pat: getattr(reify(pat), name)(*args)
        return getattr(reify(args[-1]), name)(*args[:-1])

    function.__name__ = name
    function.__doc__ = getattr(Pattern, name).__doc__
    return function


def _lookup_first(func):
    """Strudel's `pick(lookup, pat)`, also in the older order `pick(pat, lookup)`."""

    def function(first: Any, second: Any) -> Pattern:
        lookup, pat = (first, second) if isinstance(first, (list, tuple, dict)) else (second, first)
        return func(reify(pat), lookup)

    return function


def _names() -> dict[str, Any]:
    names: dict[str, Any] = {name: _free(name) for name in [*REGISTERED, *_OPS, "superimpose", "layer",
                                                             "reset", "restart", "struct", "mask",
                                                             *stepwise.METHOD_ALIASES]}
    names.update(
        pure=pure, silence=silence, mini=mini, reify=reify, Fraction=Fraction,
        stack=constructors.stack, sequence=constructors.sequence, seq=constructors.seq,
        cat=constructors.cat, slowcat=constructors.slowcat, fastcat=constructors.fastcat,
        timecat=constructors.timecat,
        polyrhythm=constructors.polyrhythm, pr=constructors.pr, run=constructors.run,
        binary=constructors.binary, binary_n=constructors.binary_n,
        sine=signals.sine, sine2=signals.sine2, cosine=signals.cosine, cosine2=signals.cosine2,
        saw=signals.saw, saw2=signals.saw2, isaw=signals.isaw, isaw2=signals.isaw2, tri=signals.tri,
        tri2=signals.tri2, square=signals.square, square2=signals.square2, rand=signals.rand,
        rand2=signals.rand2, irand=signals.irand, perlin=signals.perlin, choose=signals.choose,
        wchoose=signals.wchoose, randcat=signals.randcat, wrandcat=signals.wrandcat, steady=signals.steady,
        time=signals.time,
        pick=_lookup_first(layering.pick), pickmod=_lookup_first(layering.pickmod),
        inhabit=_lookup_first(layering.inhabit),
        squeeze=layering.squeeze,
        arp=lambda indices, pat: reify(pat).arp(indices),
    )
    names.update(stepwise.FUNCTIONS)
    names.update(CONTROL_FUNCTIONS)
    return names


NAMES = _names()
#: For pieces: `strudel.note("c3 e3")`, `strudel.fast(2, "a b")`, ...
namespace = SimpleNamespace(**NAMES)


def evaluate(expression: str, seed: int = 0) -> Pattern:
    """The pattern a Python expression of Strudel's names gives; a one-line error otherwise."""
    try:
        code = compile(expression, "--expr", "eval")
    except SyntaxError as error:
        raise ComposerError(f"--expr: syntax error at column {error.offset}: {error.msg}") from None
    try:
        result = eval(code, {"__builtins__": __builtins__, **NAMES})  # the user's own expression, as a piece
    except ComposerError as error:
        raise ComposerError(f"--expr: {error}") from None
    except Exception as error:  # noqa: BLE001 - any mistake in the expression is reported, not raised
        raise ComposerError(f"--expr: {type(error).__name__}: {error}") from None
    if callable(result) and not isinstance(result, Pattern):
        raise ComposerError("--expr: the expression is a function, not a pattern (give it its pattern, "
                            "e.g. fast(2, \"a b\"))")
    return reify(result)
