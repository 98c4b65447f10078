"""Helpers for tests that run small pieces written on the fly."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

from composer.runtime import loading
from composer.runtime.events import Note


def write_piece(directory: Path, source: str, name: str = "piece.py") -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def run_piece(directory: Path, source: str, beats=8, seed=0, name="piece.py"):
    """All events of a piece up to `beats`, as the runtime produces them."""
    until = None if beats is None else Fraction(beats)
    runtime = loading.load(write_piece(directory, source, name), seed=seed, until=until)
    return list(runtime.events())


def rendered_messages(path: Path, bars, seed: int = 0) -> list[tuple]:
    """The MIDI messages' bytes, in order, that a render of `bars` bars writes for a piece in
    one meter: what a port must hear when the piece is played."""
    from composer.render import render_length
    from composer.runtime.messages import expand

    runtime = loading.load(path, seed=seed)
    runtime.until = render_length(runtime, bars=bars)
    return [m.data for m in expand(runtime.events()) if type(m.data) is tuple]


def notes(events) -> list[tuple]:
    """(beat, note, velocity, duration, channel 1-16, track) of each Note, in stream order."""
    return [
        (e.beat, e.note, e.velocity, e.duration, e.channel + 1, e.track) for e in events if isinstance(e, Note)
    ]
