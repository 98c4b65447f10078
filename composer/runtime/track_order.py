"""The order of a piece's tracks (loops, named threads) as they first appear.

A list, since sinks write tracks in this order, with a set beside it so that asking whether a
track is known stays instant when a piece defines thousands of loops (a plain list made defining
70,000 loops take minutes).
"""

from __future__ import annotations


class TrackOrder(list):
    """Track names in order of appearance; `in` is a set look-up and `append` ignores a repeat."""

    def __init__(self):
        super().__init__()
        self._names: set[str] = set()

    def __contains__(self, name) -> bool:
        return name in self._names

    def append(self, name: str) -> None:
        if name not in self._names:
            self._names.add(name)
            super().append(name)
