"""Sonic Pi's threads, time and time state, in Python forms.

Sonic Pi's blocks become decorators that run the function at once (`@in_thread`, `@at(...)`,
`@density(2)`) or context managers (`with time_warp(0.5):`, `with with_bpm(120):`,
`with with_bpm_mul(2):`, `with with_swing(0.1):`). Sonic Pi's `set` is `set_` here, so
Python's `set()` stays usable in pieces.
"""

from __future__ import annotations

import inspect
from contextlib import contextmanager
from fractions import Fraction

from composer import context
from composer.errors import ComposerError
from composer.beats import to_beats, to_bpm
from composer.runtime.piece import LoopDefinition
from composer.runtime.sound import duration_beats


def threads_namespace(api) -> dict:
    """The names, bound to a PieceAPI (whose `_running(what)` gives the runtime)."""

    def running(what):
        return api._running(what)

    def start(function, name=None, delay=0, sync=None, sync_bpm=None, seed=None, call=None):
        """Start a thread running `call` (default: `function`), reported at `function`'s line."""
        definition = LoopDefinition(
            name=None if name is None else str(name),
            body=call or function,
            line=function.__code__.co_firstlineno,
            sync=None if (sync_bpm or sync) is None else str(sync_bpm or sync),
            # in_thread's delay is Sonic Pi's sleep (negative goes back), at()'s times are not
            delay=to_beats(delay, "in_thread delay") if call is None else duration_beats(delay, "at() time"),
            auto_cue=False,
            sync_bpm=sync_bpm is not None,
        )
        running("in_thread").start_thread(definition, seed=seed)

    def in_thread(body=None, *, name=None, delay=0, sync=None, sync_bpm=None, seed=None):
        """`@in_thread` or `@in_thread(name="bass", delay=1, sync="beat")`: run the function once,
        in a new thread starting now (after `delay` beats, then `sync`). It inherits this
        thread's tempo, kit and settings, and gets a random stream of its own (`seed=` sets
        it); a named one gets its own track, and is not started again while one of its name runs."""

        def decorate(function):
            start(function, name, delay, sync, sync_bpm, seed)
            return function

        return decorate(body) if callable(body) else decorate

    def at(times, values=None):
        """`@at([0, 1, 2.5], values)`: run the function in a new thread at each time (beats from
        now). As Sonic Pi's: a function of one argument gets each value (the time when there are
        no values), of two the time and the value (or index), of three time, value and index."""
        times = [times] if isinstance(times, (int, float, Fraction)) else list(times)
        given = values is not None
        values = list(values) if given else times
        if not values:
            raise ComposerError("at() needs at least one value")

        def decorate(function):
            arity = len(inspect.signature(function).parameters)
            if arity > 3:
                raise ComposerError(f"at(): the function takes {arity} arguments; at most 3")
            for index, time in enumerate(times):
                value = values[index % len(values)]
                arguments = [(), (value,), (time, value if given else index), (time, value, index)][arity]
                start(function, delay=time, call=lambda arguments=arguments: function(*arguments))
            return function

        return decorate

    @contextmanager
    def time_warp(beats=0):
        """Run the block shifted by `beats` (negative: earlier, not before this iteration's
        start); afterwards time is as before, as Sonic Pi's time_warp."""
        runtime = running("time_warp")
        loop = runtime.current_loop("time_warp")
        saved = (loop.state.time, loop.beat, loop.last_sync)
        loop.warps += 1
        try:
            runtime.shift(beats)
            yield
        finally:
            loop.warps -= 1
            loop.state.time, loop.beat, loop.last_sync = saved

    @contextmanager
    def with_bpm(bpm):
        """The block at its own tempo, as Sonic Pi's with_bpm (ignored under `--bpm`)."""
        runtime = running("with_bpm")
        saved = runtime.current_loop("with_bpm").bpm
        runtime.set_thread_bpm(bpm, block=True)
        try:
            yield
        finally:
            runtime.set_thread_bpm(saved, relative=True, block=True)

    def multiply_bpm(multiplier, block: bool) -> None:
        runtime = running("use_bpm_mul")
        bpm = to_bpm(runtime.thread_bpm() * _positive(multiplier, "bpm multiplier"))
        runtime.set_thread_bpm(bpm, relative=True, block=block)

    def use_bpm_mul(multiplier):
        """Multiply the thread's tempo (2: twice as fast); at the top level, the piece's."""
        multiply_bpm(multiplier, block=False)

    @contextmanager
    def with_bpm_mul(multiplier):
        runtime = running("with_bpm_mul")
        saved = runtime.current_loop("with_bpm_mul").bpm
        multiply_bpm(multiplier, block=True)
        try:
            yield
        finally:
            runtime.set_thread_bpm(saved, relative=True, block=True)

    def density(d):
        """`@density(2)`: run the function d times at d times the tempo, so it keeps its length
        (Sonic Pi's `density 2 do ... end`); d below 1 runs it once, stretched. A function
        taking one argument gets the repetition's index."""
        d = to_beats(d)
        if d <= 0:
            raise ComposerError(f"density must be a positive number, got {d}")
        if d >= 1 and d.denominator != 1:
            raise ComposerError(f"density above 1 repeats the block: it must be whole, got {float(d):g}")
        repetitions = 1 if d < 1 else int(d)

        def run(function):
            takes_index = function.__code__.co_argcount > 0
            with with_bpm_mul(d):
                for index in range(repetitions):
                    function(index) if takes_index else function()
            return function

        return run

    @contextmanager
    def with_swing(shift=0.1, pulse=4, tick="swing", offset=0):
        """Sonic Pi's with_swing: the block is time-warped by `shift` beats on one call in every
        `pulse` (counted with the tick `tick`, plus `offset`), and runs on time otherwise."""
        if not isinstance(pulse, (int, float, Fraction)) or pulse <= 0:
            raise ComposerError(f"with_swing pulse should be a positive number, got {pulse!r}")
        if not isinstance(offset, int):
            raise ComposerError(f"with_swing offset should be an integer, got {offset!r}")
        running("with_swing")
        if (context.current.tick(str(tick)) + offset) % pulse == 0:
            with time_warp(shift):
                yield
        else:
            yield

    def current_bpm():
        """The thread's tempo: its own, else the piece's at its time."""
        return _number(running("current_bpm").thread_bpm())

    def bt(beats):
        """Beats at the thread's tempo, as seconds (Sonic Pi's bt)."""
        return to_beats(beats) * 60 / running("bt").thread_bpm()

    def rt(seconds):
        """Seconds as beats at the thread's tempo, so `sleep(rt(1))` waits one second."""
        return to_beats(seconds) * running("rt").thread_bpm() / 60

    def vt():
        """The thread's virtual time in seconds from the start (Sonic Pi's vt)."""
        runtime = running("vt")
        return _number(runtime.seconds(runtime.current_loop("vt").state.time))

    def use_piece_bpm(bpm):
        """The whole piece's tempo from this thread's time on (an accelerando from a loop); a
        tempo event is written only when it changes. Ignored under `--bpm`."""
        running("use_piece_bpm").set_piece_bpm(bpm)

    def set_(name, value):
        """Sonic Pi's `set`: store `value` under `name` in the time state, at this thread's time."""
        running("set_").set_state(name, value)

    def get(name, default=None):
        """Sonic Pi's `get`: the value set (or cued) under `name` as of this thread's time."""
        runtime = api.runtime
        return default if runtime is None else runtime.get_state(name, default)

    return {
        "in_thread": in_thread,
        "at": at,
        "time_warp": time_warp,
        "with_bpm": with_bpm,
        "use_bpm_mul": use_bpm_mul,
        "with_bpm_mul": with_bpm_mul,
        "density": density,
        "with_swing": with_swing,
        "current_bpm": current_bpm,
        "bt": bt,
        "rt": rt,
        "vt": vt,
        "use_piece_bpm": use_piece_bpm,
        "set_": set_,
        "get": get,
    }


def _positive(value, what: str) -> Fraction:
    number = to_beats(value, what)
    if number <= 0:
        raise ComposerError(f"{what} must be positive, got {value!r}")
    return number


def _number(value: Fraction):
    """A whole Fraction as an int, else a float: how Sonic Pi prints tempos and times."""
    return int(value) if value.denominator == 1 else float(value)
