"""One thread's place in Sonic Pi's random stream: a seed, an index and a source.

The n-th number after `use_random_seed(seed)` is the stream's value at
`(seed + n + 1) % 441000` (Sonic Pi skips the first number, as its sound server does). Seeds
may be floats (a new thread's seed is one), and the index arithmetic is done in the same order
and the same number types as Sonic Pi's, so the results are the same bit for bit.

`offset` is composer's `--seed`: it is added to every seed a thread uses, so `--seed 0` gives
Sonic Pi's own numbers and any other seed a different, equally repeatable, piece. It is not
part of what `current_random_seed` reports.
"""

from __future__ import annotations

from composer.randomness import streams


class RandomState:
    """The random stream of one thread (Sonic Pi's SPRand thread locals)."""

    __slots__ = ("seed", "index", "source", "offset", "spawned")

    def __init__(self, seed=0, index: int = 0, source: str = "white", offset=0, spawned: int = 0):
        self.seed = seed
        self.index = index
        self.source = source
        self.offset = offset
        #: how many threads this one has started without a seed of their own (each gets the next)
        self.spawned = spawned

    def copy(self) -> RandomState:
        return RandomState(self.seed, self.index, self.source, self.offset, self.spawned)

    def __repr__(self) -> str:
        return (f"RandomState(seed={self.seed!r}, index={self.index}, source={self.source!r}, "
                f"offset={self.offset!r}, spawned={self.spawned})")

    # ----- reading the stream -----------------------------------------------------------------

    def peek(self, scale=1, index=None) -> float:
        """The number at `index` (default: the next one) times `scale`, without moving on."""
        position = self.seed + self.offset + (self.index if index is None else index)
        position = (position + 1) % streams.STREAM_LENGTH
        return streams.value(self.source, int(position)) * scale

    def rand(self, scale=1) -> float:
        """The next number times `scale` (Sonic Pi's `SPRand.rand!`)."""
        index = self.index
        self.index = index + 1
        return self.peek(scale, index)

    def rand_i(self, limit) -> int:
        """The next number times `limit`, truncated towards zero (`SPRand.rand_i!`)."""
        return int(self.rand(limit))

    def reseed(self, seed, index: int = 0) -> None:
        self.seed = seed
        self.index = index

    def use_seed(self, seed) -> None:
        """Sonic Pi's `use_random_seed`: start the stream again at `seed`, and the count of
        started threads at 0 (so the threads started afterwards follow the seed too)."""
        self.reseed(seed)
        self.spawned = 0

    # ----- what uses several numbers ----------------------------------------------------------

    def shuffled(self, items) -> list:
        """The items in a random order, as Sonic Pi's Array#shuffle: it seeds a side stream
        from the next number, swaps len(items) random pairs, and moves this stream on by one."""
        seed, index = self.seed, self.index
        self.reseed(self.rand_i(streams.STREAM_LENGTH))
        result = list(items)
        size = len(result)
        for _ in range(size):
            a = int(self.rand(size))
            b = int(self.rand(size))
            result[a], result[b] = result[b], result[a]
        self.reseed(seed, index + 1)
        return result

    def spawn(self, seed=None) -> RandomState:
        """The random state of a thread this one starts (Sonic Pi's `__in_thread`).

        Without a seed, the child's seed is the parent's next *thread* number (a count of its own,
        untouched by `rand`) times 441000, plus the parent's seed; with `seed`, it is `seed` plus
        the parent's seed. The child starts at index 0 with the parent's source and thread count.
        """
        if seed is None:
            seed = self.peek(streams.STREAM_LENGTH, self.spawned)
            self.spawned += 1
        return RandomState(seed + self.seed, 0, self.source, self.offset, self.spawned)
