"""Which loop is running now, so that `ring.tick()` and the random functions can find its state.

Sonic Pi keeps tick counters, the random stream and the `use_*` settings per thread; here each
live_loop has its own `LoopState`, and the runtime points `current` at it while the loop's body
runs. It sits below the runtime (rings and theory use it without importing the runtime).
"""

from __future__ import annotations

import random
import sys
import threading
import types
import zlib
from fractions import Fraction


def derive_seed(*parts: object) -> int:
    """A stable 32-bit seed from the parts (Python's hash() is salted per process)."""
    return zlib.crc32("\x1f".join(str(p) for p in parts).encode())


class LoopState:
    """What persists across one loop's iterations: tick counters, its random stream, its time."""

    __slots__ = ("name", "ticks", "rng", "time", "seed", "settings")

    def __init__(self, name: str, seed: int):
        self.name = name
        self.seed = seed
        self.ticks: dict[str, int] = {}
        self.rng = random.Random(derive_seed(seed, name))
        self.time = Fraction(0)
        #: the thread's `use_*` settings (transpose, synth, defaults...), inherited by threads it starts
        self.settings: dict[str, object] = {}

    def tick(self, counter: str = "tick", step: int = 1) -> int:
        """Advance a counter and return its new value; the first tick returns 0, as in Sonic Pi."""
        value = self.ticks.get(counter, -1) + step
        self.ticks[counter] = value
        return value

    def look(self, counter: str = "tick") -> int:
        """The counter's current value without advancing it (0 before the first tick)."""
        return max(self.ticks.get(counter, 0), 0)


#: The state used outside any loop (a piece's top level, the REPL, the theory CLI).
top_level = LoopState("__top__", 0)

#: The loop whose body is running now, in this thread; the runtime swaps it around each
#: iteration. Per thread: a live edit's top level runs beside the music (composer.live.reload),
#: and must neither see nor advance the random stream of the loop playing at that moment.
#: (Read and set as `context.current`; it starts as `top_level` in every thread.)


class _PerThread(types.ModuleType):
    """Makes `context.current` a per-thread value (a module cannot hold a property itself)."""

    @property
    def current(self) -> LoopState:
        return _threads.current

    @current.setter
    def current(self, state: LoopState) -> None:
        _threads.current = state


class _Threads(threading.local):
    current = top_level


_threads = _Threads()
sys.modules[__name__].__class__ = _PerThread
