"""Loops started and stopped from outside the piece: a pad launching, stopping or cutting a
loop on the bar line, and the performer's own loops (the arpeggiator) on the piece's clock.

A mixin of `Runtime` (composer.runtime.engine), as its tempo and cue calls are.
"""

from __future__ import annotations

import heapq

from composer.beats import to_beats
from composer.errors import ComposerError
from composer.runtime import fibers
from composer.runtime.events import Release
from composer.runtime.piece import LoopDefinition, PieceDefinition


class LoopControl:
    def stop_loop(self, name: str) -> None:
        """Stop a loop after its current iteration (pads and `stop()` use this)."""
        loop = self.loops.get(name)
        if loop is not None:
            loop.removed = True
            del self.loops[name]
            fibers.abandon(self, loop)  # a body waiting mid-iteration (one that loops for ever) ends now

    def cut_loop(self, name: str, at) -> None:
        """End a loop at beat `at`, mid-iteration if need be (a pad's stop on the bar line): what it
        computed for `at` or later is dropped, and its notes still sounding then end there.
        `at` must not be earlier than what has already been taken from `events()`."""
        loop = self.loops.get(name)
        if loop is None:
            return
        at = to_beats(at)
        self._pending = [entry for entry in self._pending
                         if entry[1] < at or getattr(entry[3], "track", None) != name]
        heapq.heapify(self._pending)
        self._emit(Release(at, name))
        if loop.state.time >= at:
            self.stop_loop(name)
        else:
            loop.cut_at = at  # it plays on until then

    def uncut_loop(self, name: str) -> bool:
        """Take back a cut that has not happened yet (the pad was hit again); True if there was one."""
        loop = self.loops.get(name)
        if loop is None or loop.cut_at is None:
            return False
        at, loop.cut_at = loop.cut_at, None
        self._pending = [entry for entry in self._pending if entry[3] != Release(at, name)]
        heapq.heapify(self._pending)
        return True

    def start_loop(self, name: str, at) -> None:
        """Start a loop of the current piece at beat `at` (a pad launching it); no-op if it runs."""
        definition = self.piece.loops.get(name)
        if definition is None:
            raise ComposerError(f"no live_loop named {name!r} in {self.path}")
        if name in self.loops:
            return
        piece = PieceDefinition(path=self.path, loops={name: definition})
        self._adopt_loops(piece, to_beats(at), launching=True)

    def add_loop(self, definition: LoopDefinition, at) -> None:
        """Start a loop that is not part of the piece at beat `at` (the performer's arpeggiator),
        so it shares the piece's clock; no-op if a loop of that name runs."""
        if definition.name in self.loops:
            return
        self._external.add(definition.name)
        piece = PieceDefinition(path=self.path, loops={definition.name: definition})
        self._adopt_loops(piece, to_beats(at), launching=True)
