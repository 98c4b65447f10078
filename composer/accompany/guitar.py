"""Guitar voicings a hand can play on six strings: standard tuning, drop D, or with a capo.

A shape is a fret (or None, muted) per string, low E first. Shapes are found by search: a
window of four frets (open strings too), the chord's bass on the lowest sounding string,
every essential tone present, muted strings only below the bass, at most four fretting
fingers (a barre counts as one). Among the playable shapes, a progression takes the ones
whose top voices move least, preferring low positions, open strings and full chords.
"""

from __future__ import annotations

import functools
import itertools
from typing import NamedTuple

from composer.accompany.voicing import cheapest_path, essential_tones, movement
from composer.errors import ComposerError
from composer.harmony.chord import Chord

TUNINGS = {
    "standard": (40, 45, 50, 55, 59, 64),  # E2 A2 D3 G3 B3 E4
    "drop_d": (38, 45, 50, 55, 59, 64),
    "dadgad": (38, 45, 50, 55, 57, 62),
    "open_g": (38, 43, 50, 55, 59, 62),
}
SPAN = 3  # frets between the lowest and highest fretted note
HIGHEST_FRET = 12


class Shape(NamedTuple):
    frets: tuple[int | None, ...]
    notes: tuple[int, ...]  # sounding MIDI notes, low string first

    def __str__(self) -> str:
        return "".join("x" if f is None else (str(f) if f < 10 else f"({f})") for f in self.frets)


def tuning_notes(tuning: str = "standard", capo: int = 0) -> tuple[int, ...]:
    if tuning not in TUNINGS:
        raise ComposerError(f"unknown tuning {tuning!r}; use one of {', '.join(TUNINGS)}")
    if not 0 <= capo <= 9:
        raise ComposerError(f"a capo goes on fret 0-9, got {capo}")
    return tuple(n + capo for n in TUNINGS[tuning])


def shapes(chord: Chord, tuning: str = "standard", capo: int = 0) -> list[Shape]:
    """Every playable shape of the chord, best first (frets counted from the capo).

    When no shape holds all of the chord's telling tones (a ninth chord in DADGAD), fewer
    will do: the third, seventh and root, then the third and seventh on three strings, and at
    last two strings, and the chord over its root instead of its slash bass.
    """
    if chord.root is None:
        return []
    strings = tuning_notes(tuning, capo)
    size = 3 if len(set(chord.intervals)) <= 3 else 4
    basses = [chord.bass.pitch_class, chord.root.pitch_class]
    for bass in dict.fromkeys(basses):
        for required, fewest in ((size, 4), (3, 4), (2, 3), (2, 2)):
            found = _shapes(strings, chord.pitch_classes, bass, frozenset(essential_tones(chord, required)), fewest)
            if found:
                return list(found)
    return []


@functools.lru_cache(maxsize=512)
def _shapes(strings, allowed: frozenset, bass: int, required: frozenset, fewest: int) -> tuple[Shape, ...]:
    found = {}
    for low_fret in range(0, HIGHEST_FRET - SPAN + 1):
        options = []
        for open_note in strings:
            frets = [None] + [f for f in {0, *range(max(low_fret, 1), low_fret + SPAN + 1)}
                              if (open_note + f) % 12 in allowed]
            options.append(frets)
        for frets in itertools.product(*options):
            shape = _playable(strings, frets, bass, required, fewest)
            if shape is not None:
                found[shape.frets] = shape
    return tuple(sorted(found.values(), key=lambda s: (_difficulty(s), [-1 if f is None else f for f in s.frets])))


def _playable(strings, frets, bass: int, required, fewest: int) -> Shape | None:
    played = [i for i, f in enumerate(frets) if f is not None]
    if len(played) < min(fewest, len(required) + 1) or played != list(range(played[0], 6)):
        return None  # mutes only below the bass, and enough strings
    notes = tuple(strings[i] + frets[i] for i in played)
    if notes[0] % 12 != bass or not required <= {n % 12 for n in notes}:
        return None
    fretted = [f for f in frets if f]
    if fretted:
        lowest = min(fretted)
        barre = fretted.count(lowest) > 1 and frets[played[0]] == lowest
        fingers = len(fretted) - (fretted.count(lowest) - 1 if barre else 0)
        if fingers > 4 or max(fretted) - lowest > SPAN:
            return None
    return Shape(tuple(frets), notes)


def _difficulty(shape: Shape) -> float:
    fretted = [f for f in shape.frets if f]
    position = min(fretted) if fretted else 0
    opens = sum(1 for f in shape.frets if f == 0)
    reach = max(fretted) - position if fretted else 0
    open_stretch = 2.0 if opens and fretted and max(fretted) > 3 else 0.0  # open strings under a high hand
    return position - opens * 0.5 - len(shape.notes) * 0.7 + reach * 0.3 + open_stretch


def lead_shapes(chords, tuning: str = "standard", capo: int = 0, choices: int = 12) -> list[Shape | None]:
    """A shape per chord (None for N.C.): easy shapes whose top four notes move least."""
    played = [c for c in chords if c.root is not None]
    options = []
    for chord in played:
        found = shapes(chord, tuning, capo)[:choices]
        if not found:
            raise ComposerError(f"no playable guitar shape for {chord.symbol} in {tuning} tuning")
        options.append(found)
    best = iter(cheapest_path(options, _difficulty, lambda a, b: movement(a.notes[-4:], b.notes[-4:])))
    return [next(best) if c.root is not None else None for c in chords]
