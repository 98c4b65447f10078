"""Which loop is running now, so that `ring.tick()` and the random functions can find its state.

Sonic Pi keeps tick counters and the random stream per thread; here each live_loop has its own
`LoopState`, and the runtime points `current` at it while the loop's body runs.
"""

from __future__ import annotations

import random
import zlib
from fractions import Fraction


def derive_seed(*parts: object) -> int:
    """A stable 32-bit seed from the parts (Python's hash() is salted per process)."""
    return zlib.crc32("\x1f".join(str(p) for p in parts).encode())


class LoopState:
    """What persists across one loop's iterations: tick counters, its random stream, its time."""

    __slots__ = ("name", "ticks", "rng", "time", "seed")

    def __init__(self, name: str, seed: int):
        self.name = name
        self.seed = seed
        self.ticks: dict[str, int] = {}
        self.rng = random.Random(derive_seed(seed, name))
        self.time = Fraction(0)

    def tick(self, counter: str = "tick", step: int = 1) -> int:
        """Advance a counter and return its new value; the first tick returns 0, as in Sonic Pi."""
        value = self.ticks.get(counter, -1) + step
        self.ticks[counter] = value
        return value

    def look(self, counter: str = "tick") -> int:
        """The counter's current value without advancing it (0 before the first tick)."""
        return max(self.ticks.get(counter, 0), 0)

    def reset_ticks(self) -> None:
        self.ticks.clear()


#: The state used outside any loop (a piece's top level, the REPL, the theory CLI).
top_level = LoopState("__top__", 0)

#: The loop whose body is running now; the runtime swaps it around each iteration.
current: LoopState = top_level
