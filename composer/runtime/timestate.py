"""Sonic Pi's Time State: every `cue` and `set` (and MIDI input) as an event at a logical time.

An event has a path (`/cue/drums`, `/set/foo`, `/live_loop/bass`, `/midi:v49:1/note_on`), a
position and values. Positions order events as Sonic Pi's do: by time, then by the order of the
thread that made them (threads are numbered as they start; the top level first, input -1),
then by the sequence they were made in. `sync` takes the first event after a thread's
position; `get` the last one at or before it. So at one time a thread sees what threads started
before it did there, whatever order the runtime computed them in: render and live agree. Matching follows Sonic Pi: a bare name `foo` means `/{cue,set,live_loop}/foo`;
a path may use OSC wildcards (`*`, `?`, `{a,b}`, `[ab]`).
"""

from __future__ import annotations

import bisect
import re
from fractions import Fraction
from typing import NamedTuple

#: Sonic Pi's path characters that cannot appear in a name (cue_path_segment)
_NOT_IN_NAME = re.compile(r"[\s#*,?\[\]{}]")
_WILDCARD = re.compile(r"[*?{\[]")


class CueEvent(NamedTuple):
    time: Fraction
    order: int  # of the thread that made it
    sequence: int
    path: str
    values: object  # a list (positional values) or a dict (keyword values)
    bpm: Fraction | None  # the cueing thread's own tempo (None: it followed the piece's)


def event_path(name, prefix: str = "cue") -> str:
    """The path a `cue`/`set` writes: `/PREFIX/name`, or the name itself when it is a path."""
    name = str(name)
    if name.startswith(":"):
        name = name[1:]
    if name.startswith("/"):
        return _NOT_IN_NAME.sub("_", name)
    return f"/{prefix}/{_NOT_IN_NAME.sub('_', name)}"


def matcher_paths(name) -> tuple[str, ...]:
    """What a `sync`/`get` of `name` looks for: a bare name is a cue, a set or a loop's cue."""
    name = str(name)
    if name.startswith(":"):
        name = name[1:]
    if name.startswith("/"):
        return (name,)
    name = _NOT_IN_NAME.sub("_", name)
    return (f"/cue/{name}", f"/set/{name}", f"/live_loop/{name}")


_PATTERNS: dict[str, re.Pattern] = {}


def _pattern(path: str) -> re.Pattern:
    """An OSC address pattern as a regular expression (cached; pieces use a handful)."""
    compiled = _PATTERNS.get(path)
    if compiled is None:
        out, index = [], 0
        while index < len(path):
            char = path[index]
            if char == "*":
                out.append("[^/]*")
            elif char == "?":
                out.append("[^/]")
            elif char == "{":
                end = path.find("}", index)
                end = len(path) if end < 0 else end
                out.append("(?:" + "|".join(re.escape(p) for p in path[index + 1:end].split(",")) + ")")
                index = end
            elif char == "[":
                end = path.find("]", index)
                end = len(path) if end < 0 else end
                body = path[index + 1:end]
                body = body.replace("\\", "\\\\").replace("^", "\\^")
                out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
                index = end
            else:
                out.append(re.escape(char))
            index += 1
        compiled = _PATTERNS[path] = re.compile("".join(out) + r"\Z")
    return compiled


class TimeState:
    """The log of cue/set events, by path, each list put in position order when it is read.

    `add` runs once per loop iteration (each loop cues itself), so it only appends: a float of
    each path's latest time tells whether the list is still in order.
    """

    def __init__(self) -> None:
        self._events: dict[str, list[CueEvent]] = {}
        self._latest: dict[str, float] = {}
        self._unsorted: set[str] = set()
        self.sequence = 0  # the next event's sequence number

    def add(self, path: str, time: Fraction, order: int, values, bpm: Fraction | None) -> CueEvent:
        event = _new_event(CueEvent, (time, order, self.sequence, path, values, bpm))
        self.sequence += 1
        key = time.numerator / time.denominator
        latest = self._latest.get(path)
        if latest is None:
            self._events[path] = [event]
            self._latest[path] = key
        else:
            self._events[path].append(event)
            if key > latest:
                self._latest[path] = key
            else:  # same time (an order to check) or earlier: sort before the next read
                self._unsorted.add(path)
        return event

    @staticmethod
    def matches(wanted: tuple[str, ...], path: str) -> bool:
        return any(w == path or (_WILDCARD.search(w) and _pattern(w).match(path)) for w in wanted)

    def _paths(self, wanted: tuple[str, ...]) -> list[str]:
        found = []
        for path in wanted:
            if _WILDCARD.search(path):
                pattern = _pattern(path)
                found.extend(p for p in self._events if pattern.match(p))
            elif path in self._events:
                found.append(path)
        return found

    def _sorted(self, path: str) -> list[CueEvent]:
        events = self._events[path]
        if path in self._unsorted:
            events.sort(key=_position)
            self._unsorted.discard(path)
        return events

    def next_after(self, wanted: tuple[str, ...], position: tuple) -> CueEvent | None:
        """The first event of any wanted path strictly after `position` (time, order, sequence)."""
        best = None
        for path in self._paths(wanted):
            events = self._sorted(path)
            index = bisect.bisect_right(events, position, key=_position)
            if index < len(events) and (best is None or events[index][:3] < best[:3]):
                best = events[index]
        return best

    def latest(self, wanted: tuple[str, ...], position: tuple) -> CueEvent | None:
        """The last event of any wanted path at or before `position` (time, order, sequence)."""
        best = None
        for path in self._paths(wanted):
            events = self._sorted(path)
            index = bisect.bisect_right(events, position, key=_position)
            if index and (best is None or events[index - 1][:3] > best[:3]):
                best = events[index - 1]
        return best

    def forget_since(self, sequence: int) -> None:
        """Drop the events made from `sequence` on (an iteration undone)."""
        for path, events in self._events.items():
            kept = [event for event in events if event.sequence < sequence]
            if len(kept) != len(events):
                events[:] = kept
                self._latest[path] = max((e.time.numerator / e.time.denominator for e in kept), default=float("-inf"))

    def forget_before(self, floor: Fraction) -> None:
        """Drop events older than `floor` that no sync or get can reach: keep the newest of each path."""
        for path in list(self._events):
            events = self._sorted(path)
            keep = bisect.bisect_left(events, floor, key=lambda e: e.time) - 1
            if keep > 0:
                del events[:keep]


_new_event = tuple.__new__  # a CueEvent without NamedTuple's Python-level constructor


def _position(event: CueEvent) -> tuple:
    return event[:3]
