"""From played notes to written ones: the pure half of the score sink (no music21 here).

A played part is exact but not readable: a 0.3-beat note is a 5:4 tuplet to a notation
program. A written part has one line of chords per part, on a grid the music itself uses
(16ths, or triplets only when the notes fall on them), bars cut where the meter says, notes
tied over bar lines and split at the beat when they start off it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import NamedTuple

#: Grids tried in turn (beats); the first that every onset of a part sits on is used.
GRIDS = (Fraction(1, 4), Fraction(1, 3), Fraction(1, 8), Fraction(1, 6), Fraction(1, 12))
#: How far off a grid point an onset may be and still be read as on it.
TOLERANCE = Fraction(1, 96)


class Chord(NamedTuple):
    """Notes struck together and written as one chord (no keys: a rest)."""

    beat: Fraction
    duration: Fraction
    keys: tuple[int, ...]
    velocity: int
    staccato: bool


class Written(NamedTuple):
    """A chord or rest as it stands in one bar: offset from the bar's start, tied or not."""

    offset: Fraction
    duration: Fraction
    keys: tuple[int, ...]
    velocity: int
    staccato: bool
    tie_from_before: bool
    tie_to_next: bool


def choose_grid(onsets: Iterable[Fraction]) -> Fraction:
    onsets = list(onsets)
    for grid in GRIDS:
        if all(abs(beat - round(beat / grid) * grid) <= TOLERANCE for beat in onsets):
            return grid
    return GRIDS[0]


def snap(beat: Fraction, grid: Fraction) -> Fraction:
    return round(beat / grid) * grid


def chords(notes: Sequence, end: Fraction, drums: bool = False) -> list[Chord]:
    """One line of chords: notes struck at the same (snapped) time form a chord, which lasts to
    its longest note's snapped end but no further than the next chord. Drum hits last to the
    next hit, at most a beat. Nothing passes `end`."""
    if not notes:
        return []
    grid = choose_grid(note.beat for note in notes)
    struck: dict[Fraction, list] = {}
    for note in notes:
        beat = snap(note.beat, grid)
        if beat < end:
            struck.setdefault(beat, []).append(note)
    onsets = sorted(struck)
    line = []
    for index, beat in enumerate(onsets):
        following = onsets[index + 1] if index + 1 < len(onsets) else end
        group = struck[beat]
        if drums:
            duration = min(following - beat, _to_beat(beat) - beat)
            staccato = False
        else:
            played = max(note.duration for note in group)
            duration = min(max(snap(beat + played, grid) - beat, grid), following - beat)
            staccato = played <= duration / 2 and duration <= 1
        keys = tuple(sorted({note.note for note in group}))
        line.append(Chord(beat, duration, keys, max(note.velocity for note in group), staccato))
    return line


def _to_beat(beat: Fraction, unit: Fraction = Fraction(1)) -> Fraction:
    """The next beat (of `unit` beats) after `beat`."""
    return (beat // unit + 1) * unit


def bar_contents(line: Sequence[Chord], bars: Sequence[tuple[Fraction, Fraction, Fraction]]) -> list[list[Written]]:
    """Each bar's chords and rests, filling it exactly. `bars` are (start, end, beat unit).
    Chords are cut at bar lines and tied over, and split at the next beat when they start off
    the beat and run past it; rests too."""
    onsets = [chord.beat for chord in line]
    contents = []
    carried: Chord | None = None  # a chord that runs on into this bar
    for start, end, unit in bars:
        pending = ([carried] if carried else []) + list(line[bisect_left(onsets, start):bisect_left(onsets, end)])
        carried = None
        written: list[Written] = []
        cursor = Fraction(0)  # offsets from here on are from the bar's start
        for chord in pending:
            begin, stop = max(chord.beat, start) - start, min(chord.beat + chord.duration, end) - start
            if begin > cursor:
                written += _rests(cursor, begin, unit)
            runs_on = chord.beat + chord.duration > end
            tied_in = chord.beat < start
            pieces = _beat_pieces(begin, stop, unit)
            for number, (piece_start, piece_end) in enumerate(pieces):
                last = number == len(pieces) - 1
                written.append(Written(
                    piece_start, piece_end - piece_start, chord.keys, chord.velocity,
                    chord.staccato and last and not tied_in and not runs_on,
                    tied_in or number > 0, runs_on or not last,
                ))
            if runs_on:
                carried = chord
            cursor = stop
        if cursor < end - start:
            written += _rests(cursor, end - start, unit)
        contents.append(written)
    return contents


def _beat_pieces(begin: Fraction, stop: Fraction, unit: Fraction) -> list[tuple[Fraction, Fraction]]:
    """A note off the beat that runs past the next beat is written up to it, then tied on."""
    next_beat = _to_beat(begin, unit)
    if begin % unit == 0 or stop <= next_beat:
        return [(begin, stop)]
    return [(begin, next_beat), (next_beat, stop)]


def _rests(begin: Fraction, stop: Fraction, unit: Fraction) -> list[Written]:
    return [Written(a, b - a, (), 0, False, False, False) for a, b in _beat_pieces(begin, stop, unit)]
