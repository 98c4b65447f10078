"""Show what a controller sends, one line per message, with velocities before and after a curve.

Used to check a V49 (or the simulator) is wired as the patch expects before a performance.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from composer.controller.curves import LINEAR, Curve, apply
from composer.controller.v49 import (
    DEFAULT_LAYOUT,
    ButtonEvent,
    KeyEvent,
    KnobEvent,
    ModWheel,
    PadEvent,
    PitchBend,
    Sustain,
    V49Layout,
    decode,
    note_name,
)

BAR_WIDTH = 10
POLL_SECONDS = 0.002


def bar(value: int, top: int = 127, width: int = BAR_WIDTH) -> str:
    filled = round(width * value / top)
    return "█" * filled + "░" * (width - filled)


class VelocityMap:
    """Which curve maps each key and pad: one curve for all, or a patch's keys/pad curves."""

    def __init__(self, keys: Curve = LINEAR, pads: Callable[[int], Curve] | None = None):
        self.keys = keys
        self._pads = pads

    def pad(self, pad: int, velocity: int) -> int:
        if self._pads is None:
            return apply(self.keys, velocity)
        return self._pads(pad)(velocity)

    def key(self, note: int, velocity: int) -> int:
        return apply(self.keys, velocity)


def format_event(event, mapping: VelocityMap | None = None) -> str:
    """One line for one decoded control."""
    mapping = mapping or VelocityMap()
    if isinstance(event, KeyEvent):
        if not event.on:
            return f"key  {note_name(event.note):<4} off"
        return (f"key  {note_name(event.note):<4} on   velocity {event.velocity:3d} -> "
                f"{mapping.key(event.note, event.velocity):3d}")
    if isinstance(event, PadEvent):
        if not event.on:
            return f"pad  {event.pad}    off"
        return f"pad  {event.pad}    hit  velocity {event.velocity:3d} -> {mapping.pad(event.pad, event.velocity):3d}"
    if isinstance(event, KnobEvent):
        return f"knob {event.knob}  {bar(event.value)}  {event.value:3d}"
    if isinstance(event, ButtonEvent):
        return f"button {event.button}  {'on' if event.on else 'off'}"
    if isinstance(event, ModWheel):
        return f"mod     {bar(event.value)}  {event.value:3d}"
    if isinstance(event, PitchBend):
        return f"bend    {event.value:+5d}"
    if isinstance(event, Sustain):
        return f"sustain {'down' if event.down else 'up'}"
    return "other   " + " ".join(f"{b:02x}" for b in event.message)


def run(inp, say: Callable[[str], None], layout: V49Layout = DEFAULT_LAYOUT, mapping: VelocityMap | None = None,
        count: int | None = None, timeout: float | None = None) -> int:
    """Print messages from an open rtmidi input until `count` messages or `timeout` seconds of
    silence (either None = until interrupted). Returns how many were shown."""
    shown = 0
    last = time.monotonic()
    while count is None or shown < count:
        message = inp.get_message()
        if message is None:
            if timeout is not None and time.monotonic() - last > timeout:
                break
            time.sleep(POLL_SECONDS)
            continue
        last = time.monotonic()
        say(format_event(decode(message[0], layout), mapping))
        shown += 1
    return shown
