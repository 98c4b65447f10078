"""Which thread is running now, and what it keeps: tick counters, random stream, settings.

Sonic Pi keeps tick counters, the random stream and the `use_*` settings per thread; here each
live_loop (and a piece's top level) has its own `LoopState`, and the runtime points `current`
at it while the loop's body runs. It sits below the runtime (rings and theory use it without
importing the runtime).

Ticks follow Sonic Pi's ThreadLocalCounter: each name keeps (value, next); `tick` returns
`next + step - 1` and remembers it; `look` returns the value without moving; a thread started
by another starts with no counters.
"""

from __future__ import annotations

import numbers
import sys
import threading
import types
from fractions import Fraction

from composer.errors import ComposerError
from composer.randomness.state import RandomState

#: The counter `tick()` and `look()` use when given no name.
DEFAULT_TICK = "___sonic_pi_default_tick_key___"


class LoopState:
    """What persists across one thread's iterations: tick counters, random stream, time, settings."""

    __slots__ = ("name", "ticks", "random", "time", "settings")

    def __init__(self, name: str, random: RandomState | None = None):
        self.name = name
        self.ticks: dict[str, tuple[int, int]] = {}
        self.random = RandomState() if random is None else random
        self.time = Fraction(0)
        #: the thread's `use_*` settings (transpose, synth, defaults...), inherited by threads it starts
        self.settings: dict[str, object] = {}

    def child(self, name: str, seed=None) -> LoopState:
        """The state of a thread this one starts (in_thread, live_loop): the parent's settings
        and time, no tick counters, and the random stream Sonic Pi's `__in_thread` gives it
        (`seed` as in_thread's `seed:` option)."""
        state = LoopState(name, self.random.spawn(seed))
        state.time = self.time
        state.settings = dict(self.settings)
        return state

    # ----- ticks ------------------------------------------------------------------------------

    def tick(self, name: str = DEFAULT_TICK, step=1, offset=0):
        """Advance a counter by `step` and return it plus `offset`; the first tick returns 0."""
        if name is not DEFAULT_TICK or step.__class__ is not int or offset.__class__ is not int:
            name = _tick_name(name)  # the checks, skipped on the common path: tick()
            _tick_number(step, "step")
            _tick_number(offset, "offset")
        counter = self.ticks.get(name)
        value = step - 1 if counter is None else counter[1] + step - 1
        self.ticks[name] = (value, value + 1)
        return value + offset

    def look(self, name: str = DEFAULT_TICK, offset=0):
        """The counter's value plus `offset`, without advancing it (0 before the first tick)."""
        counter = self.ticks.get(_tick_name(name))
        return (0 if counter is None else counter[0]) + _tick_number(offset, "offset")

    def tick_set(self, name, value=None):
        """Set a counter (`tick_set(40)` sets the default one); the next tick returns it again."""
        if value is None:
            name, value = DEFAULT_TICK, name
        self.ticks[_tick_name(name)] = (_tick_number(value, "value"), value)
        return value

    def tick_reset(self, name: str = DEFAULT_TICK) -> None:
        self.ticks.pop(_tick_name(name), None)

    def tick_reset_all(self) -> None:
        self.ticks.clear()


def _tick_name(name) -> str:
    if not isinstance(name, str):
        raise ComposerError(f"a tick's name must be a string, got {name!r}")
    return name.lstrip(":") if name != DEFAULT_TICK else name


def _tick_number(value, what: str):
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise ComposerError(f"a tick's {what} must be a number, got {value!r}")
    return value


def new_top_level(seed_offset=0) -> LoopState:
    """A fresh state for a piece's top level, made current: as Sonic Pi runs each buffer in a new
    thread of seed 0 (`seed_offset` is composer's --seed, see composer.randomness.state)."""
    global top_level
    top_level = this_thread.current = LoopState("__top__", RandomState(offset=seed_offset))
    return top_level


#: The state used outside any loop (a piece's top level, the REPL, the theory CLI).
top_level = LoopState("__top__")

#: The loop whose body is running now, in this thread; the runtime swaps it around each
#: iteration. Per thread: a live edit's top level runs beside the music (composer.live.reload),
#: and must neither see nor advance the random stream of the loop playing at that moment.
#: Read and set it as `context.current`; it starts as `top_level` in every thread. Hot paths
#: (the runtime's per-note and per-iteration code) use `this_thread.current` directly: the
#: module property costs a Python call each time.


class _PerThread(types.ModuleType):
    """Makes `context.current` a per-thread value (a module cannot hold a property itself)."""

    @property
    def current(self) -> LoopState:
        return this_thread.current

    @current.setter
    def current(self, state: LoopState) -> None:
        this_thread.current = state


class _Threads(threading.local):
    def __init__(self):
        self.current = top_level  # the top level of the piece loaded last


this_thread = _Threads()
sys.modules[__name__].__class__ = _PerThread


# ----- what pieces call -----------------------------------------------------------------------


def tick(name: str = DEFAULT_TICK, step=1, offset=0):
    return this_thread.current.tick(name, step, offset)


def look(name: str = DEFAULT_TICK, offset=0):
    return this_thread.current.look(name, offset)


def tick_set(name, value=None):
    return this_thread.current.tick_set(name, value)


def tick_reset(name: str = DEFAULT_TICK) -> None:
    this_thread.current.tick_reset(name)


def tick_reset_all() -> None:
    this_thread.current.tick_reset_all()
