"""The bridge from Ruby calls to the piece API: the same names a Python piece sees.

`play 60, release: 0.5` calls the namespace's `play(60, release=0.5)`: trailing options are
keyword arguments. A call with a block passes the block as a Python callable in the Python form
of that Sonic Pi block: `live_loop :name do ... end` is `live_loop(body, name="name")`;
`in_thread do ... end` is the decorator `in_thread(body)`; `with_fx :reverb do |fx| ... end`
and the other `with_*` and `time_warp` blocks are context managers (`with with_fx("reverb") as
fx:`), and a call whose value is a decorator (`at [1, 2] do ... end`) gets the block. Names are
looked up when called, so whatever the namespace holds works, including names added later.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import math
import types

from composer.errors import ComposerError, UnknownNameError, did_you_mean
from composer.ring import Ring
from composer.runtime.notices import warn_once
from composer.runtime.piece import PieceError
from composer.ruby import methods
from composer.runtime import sonic_pi_samples as samples
from composer.ruby.scope import MISSING, BreakJump, ReturnJump
from composer.ruby.values import RubyRange, Symbol

MATH = types.SimpleNamespace(
    PI=math.pi, E=math.e, sin=math.sin, cos=math.cos, tan=math.tan, atan=math.atan, atan2=math.atan2,
    sqrt=math.sqrt, exp=math.exp, log=math.log, log2=math.log2, log10=math.log10, hypot=math.hypot,
)

CONSTANTS = {
    "Math": MATH, "Integer": int, "Float": float, "Numeric": (int, float), "String": str, "Symbol": Symbol,
    "Array": list, "Hash": dict, "Range": RubyRange, "NilClass": type(None),
}

#: Sonic Pi names that only steer Sonic Pi's own log: nothing to do over MIDI.
LOG_SETTINGS = ("use_debug", "use_cue_logging", "use_arg_checks", "use_timing_guarantees")


class Bridge:
    def __init__(self, path, namespace: dict):
        self.path = path
        self.functions: dict[str, object] = {}  # what the buffer `define`s
        self.warned: set[str] = set()
        names = dict(namespace)
        if "sample" in names:
            self._sample = names["sample"]
            names["sample"] = self.sample
        # Sonic Pi's sample knowledge answers here even where Python pieces refuse the names as
        # audio-only (sample_duration answers in both: runtime/sonic_pi_samples.py).
        names.update({"load_sample": samples.load_sample, "load_samples": samples.load_sample,
                      "use_sample_bpm": self.use_sample_bpm,
                      "sample_groups": lambda: Ring(Symbol(g) for g in samples.groups()),
                      "sample_names": lambda group: Ring(Symbol(n) for n in samples.names_in(group)),
                      "all_sample_names": lambda: Ring(Symbol(n) for n in sorted(samples.frames()))})
        for name in LOG_SETTINGS:
            names.setdefault(name, _nothing)
        for name, ranged in (("rand", "rrand"), ("rand_i", "rrand_i")):
            if name in names and ranged in names:
                names[name] = _taking_ranges(names[name], names[ranged])
        self.names = names

    # ----- calls without a receiver -----------------------------------------------------------

    def call(self, name: str, args, kwargs, block):
        function = self.functions.get(name)
        if function is not None:
            return _call_defined(function, args, kwargs)
        target = self.names.get(name)
        if target is None:
            target = self.resolve(name)
        if block is not None:
            return self.call_with_block(name, target, args, kwargs, block)
        try:
            if kwargs:
                return target(*args, **kwargs)
            return target(*args)
        except TypeError as error:
            return self.without_unknown_options(name, target, args, kwargs, error)

    def without_unknown_options(self, name: str, target, args, kwargs, error: TypeError):
        """Call `target` again without the options it does not take, each warned once: Sonic
        Pi's functions ignore them (`rrand(-1, 1, res: 0.9)`). Any other TypeError is the buffer's."""
        try:
            parameters = inspect.signature(target).parameters
        except (TypeError, ValueError):
            parameters = None
        takes_any = parameters is None or any(p.kind is p.VAR_KEYWORD for p in parameters.values())
        unknown = [] if takes_any else [k for k in kwargs or () if k not in parameters
                                        or parameters[k].kind is inspect.Parameter.POSITIONAL_ONLY]
        if not unknown:
            raise argument_error(name, error, kwargs) from None
        for option in unknown:
            hint = did_you_mean(option, [p for p in parameters if not p.startswith("_")])
            warn_once(self.path, self.warned, (name, option), f"{name} has no option {option}:, ignored as Sonic "
                      "Pi does" + (f"; did you mean {hint}?" if hint else ""))
        kept = {k: v for k, v in kwargs.items() if k not in unknown}
        try:
            return target(*args, **kept)
        except TypeError as error:
            raise argument_error(name, error, kept) from None

    def resolve(self, name: str):
        """A Ruby name spelt the Python way: `factor?` is `factor_q`, and names that would hide a
        Python built-in have a trailing underscore (`set` is `set_`)."""
        for spelling in (methods.python_name(name), name + "_"):
            target = self.names.get(spelling)
            if target is not None:
                return target
        choices = [n for n in (*self.names, *self.functions) if not n.startswith("_")]
        hint = did_you_mean(name, choices)
        raise ComposerError(f"unknown name {name!r}" + (f"; did you mean {hint}?" if hint else ""))

    def call_with_block(self, name, target, args, kwargs, block):
        """A namespace function given a Ruby block, in the Python form of that block."""
        function = python_callable(block)
        if not args and not kwargs:
            return target(function)
        made = target(*args, **(kwargs or {}))
        if callable(made) and not isinstance(made, contextlib.ContextDecorator):
            return made(function)  # a decorator that runs the block (`@with_fx("echo", reps=4)`)
        if hasattr(made, "__enter__"):
            with made as value:
                return function(value)
        raise ComposerError(f"{name} does not take a block")

    def constant(self, name: str, line: int, required: bool = True):
        """Ruby's constants composer knows (`Math`, `Integer`...) and the namespace's (`Ring`)."""
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name in self.names:
            return self.names[name]
        if not required:
            return MISSING
        raise PieceError(f"{self.path}:{line}: unknown constant {name}")

    # ----- forms the evaluator runs itself ----------------------------------------------------

    def define(self, name, function) -> Symbol:
        """`define :name do |a, b = 2| ... end` (and `def`): a function the buffer can call by name."""
        self.functions[str(name)] = function
        return Symbol(name)

    def native_form(self, name, positional, keywords, block, line):
        """A closure for the block forms of the language (define, loop, lambda, comment/uncomment)
        and for live_loop; else None."""
        if block is None:
            return None
        if name == "define":
            if len(positional) != 1 or keywords:
                raise PieceError(f"{self.path}:{line}: define takes a name and a block: define :name do |a| ... end")
            (name_of,) = positional
            return lambda scope: self.define(name_of(scope), block(scope))
        if name == "loop" and not positional and not keywords:
            return lambda scope: _loop_forever(block(scope))
        if name in ("lambda", "proc") and not positional and not keywords:
            return block
        if name == "comment":  # Sonic Pi's `comment do ... end` skips its block,
            return lambda scope: None
        if name == "uncomment":  # and `uncomment do ... end` runs it
            return lambda scope: python_callable(block(scope))()
        if name == "live_loop" and "live_loop" in self.names:
            return lambda scope: self.live_loop([p(scope) for p in positional],
                                                {k: v(scope) for k, v in keywords}, block(scope), line)
        return None

    def live_loop(self, args, options, block, line):
        """`live_loop :name, opts do |value| ... end`: a loop of the runtime named after the symbol.

        As in Sonic Pi, a block parameter receives the last iteration's value (`init:` first).
        """
        if len(args) != 1:
            raise ComposerError("live_loop needs a name: live_loop :name do ... end")
        loop_name = str(args[0])
        state = [options.pop("init", 0)]

        def body():
            try:
                state[0] = block(state[0])
            except (ReturnJump, BreakJump) as jump:
                state[0] = jump.value

        body.__code__ = body.__code__.replace(co_firstlineno=line, co_name=loop_name)
        body.__name__ = loop_name
        try:
            return self.names["live_loop"](body, name=loop_name, **options)
        except TypeError as error:
            raise argument_error("live_loop", error, options) from None

    # ----- samples ----------------------------------------------------------------------------

    def sample(self, name, *args, **options):
        """A kit drum; a built-in Sonic Pi sample with no drum meaning is skipped, warned once."""
        try:
            return self._sample(name, *args, **options)
        except UnknownNameError:
            if not samples.is_builtin(name):
                raise
            warn_once(self.path, self.warned, str(name), f"sample :{name} has no drum meaning over MIDI; skipped")
            return None

    def use_sample_bpm(self, name, num_beats=1, **options) -> None:
        """Sonic Pi's use_sample_bpm: the tempo at which the sample lasts `num_beats` beats."""
        return self.names["use_bpm"](num_beats * 60 / samples.duration_beats(name, 60, **options))


def python_callable(block):
    """A Ruby block as a function Python code can call: `return`/`break` end it with a value."""

    def function(*args):
        try:
            return block(*args)
        except (ReturnJump, BreakJump) as jump:
            return jump.value

    return function


def _call_defined(function, args, kwargs):
    if kwargs:
        args = [*args, {Symbol(k): v for k, v in kwargs.items()}]
    try:
        return function(*args)
    except ReturnJump as jump:
        return jump.value


def _loop_forever(block):
    try:
        while True:
            block()
    except BreakJump as jump:
        return jump.value


def _taking_ranges(function, ranged):
    """Sonic Pi's `rand(6..8)` is `rrand(6, 8)`: a range's min and max."""

    @functools.wraps(function)  # its signature, for without_unknown_options
    def call(*args, **kwargs):
        if len(args) == 1 and isinstance(args[0], RubyRange):
            bounds = args[0]
            if bounds.exclusive or not isinstance(bounds.last, (int, float)):
                values = list(bounds)
                return ranged(values[0], values[-1]) if values else None
            return ranged(bounds.first, bounds.last)
        return function(*args, **kwargs)

    return call


def _nothing(*args, **kwargs) -> None:
    return None


def argument_error(name: str, error: TypeError, kwargs) -> Exception:
    """`play 60, relase: 1`: say which option the function does not take, in Ruby's words."""
    message = str(error)
    for option in kwargs or ():
        if f"'{option}'" in message and "unexpected keyword" in message:
            return ComposerError(f"{name} has no option {option}:")
    return error

