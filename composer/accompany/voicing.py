"""Voice leading: upper voices that move as little as possible from chord to chord.

Each chord is reduced to its most telling tones (third, seventh, root, top extension, fifth),
then every close-position voicing of them in the range is tried (and, spread, each one's
drop-2); the one nearest the previous voicing wins, the first near the middle of the range.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from composer.harmony.chord import Chord

MAX_SPAN = 19  # an octave and a fifth: wider than that is not a close voicing
DRIFT_COST = 0.25  # per semitone the voicing's middle strays from the range's middle

#: Semitones above the root in order of how much they say about a chord.
_IMPORTANCE = (4, 3, 10, 11, 9, 0, 14, 13, 15, 17, 18, 21, 20, 5, 2, 6, 8, 7)


def essential_tones(chord: Chord, voices: int) -> list[int]:
    """`voices` pitch classes of the chord, the most telling first; the root doubles if short."""
    root = chord.root.pitch_class
    ranked = sorted(set(chord.intervals), key=lambda i: _IMPORTANCE.index(i) if i in _IMPORTANCE else 99)
    chosen = [(root + interval) % 12 for interval in ranked[:voices]]
    doubling = [root] + [pc for pc in reversed(chosen) if pc != root]  # root, then fifth...
    while len(chosen) < voices:
        chosen.append(doubling[(len(chosen) - len(ranked)) % len(doubling)])
    return chosen


def candidates(pitch_classes: Sequence[int], low: int, high: int, spread: bool = False) -> list[tuple[int, ...]]:
    """Every voicing of the pitch classes (doublings kept) in range, spanning at most a 12th.

    Each order of the tones is stacked upwards, each tone the next of its class above the one
    below; `spread` adds the drop-2 of each (the second voice from the top an octave down).
    """
    found = set()
    for order in set(itertools.permutations(pitch_classes)):
        for start in range(low + (order[0] - low) % 12, high + 1, 12):
            notes = [start]
            for pc in order[1:]:
                notes.append(notes[-1] + ((pc - notes[-1]) % 12 or 12))
            if notes[-1] > high or notes[-1] - notes[0] > MAX_SPAN or len(set(notes)) < len(notes):
                continue
            found.add(tuple(notes))
            if spread and len(notes) >= 4:
                drop = sorted(notes[:-2] + [notes[-2] - 12] + notes[-1:])
                if drop[0] >= low and len(set(drop)) == len(drop):
                    found.add(tuple(drop))
    return sorted(found)


def movement(a: Sequence[int], b: Sequence[int]) -> int:
    """Semitones the voices move in all, voice by voice from the bottom."""
    return sum(abs(x - y) for x, y in zip(sorted(a), sorted(b)))


def lead(chords: Sequence[Chord], voices: int = 4, low: int = 55, high: int = 79, spread: bool = False):
    """A voicing per chord (None for N.C.) so the voices move least over the whole sequence.

    A shortest path through every chord's candidate voicings: the cost of a step is the
    semitones the voices move, plus a little for straying from the middle of the range.
    """
    center = (low + high) / 2

    def drift(voicing) -> float:
        return DRIFT_COST * abs(sum(voicing) / len(voicing) - center)

    played = [c for c in chords if c.root is not None]
    paths: dict[tuple, tuple[float, list]] = {}
    for chord in played:
        options = candidates(essential_tones(chord, voices), low, high, spread)
        if not paths:
            paths = {v: (drift(v), [v]) for v in options}
            continue
        paths = {
            v: min(((cost + movement(before, v) + drift(v), path) for before, (cost, path) in paths.items()),
                   key=lambda item: item[0])
            for v in options
        }
        paths = {v: (cost, path + [v]) for v, (cost, path) in paths.items()}
    best = iter(min(paths.values(), key=lambda item: (item[0], item[1]))[1]) if paths else iter(())
    return [next(best) if c.root is not None else None for c in chords]


def mean_movement(voicings) -> float:
    """Average semitones per voice between consecutive voicings (N.C. bars skipped)."""
    played = [v for v in voicings if v]
    steps = [movement(a, b) / len(a) for a, b in zip(played, played[1:])]
    return sum(steps) / len(steps) if steps else 0.0


def bass_note(chord: Chord, previous: int | None, low: int = 28, high: int = 52) -> int:
    """The chord's bass (its slash bass, else its root) in range, nearest the previous one."""
    pc = chord.bass.pitch_class
    options = [n for n in range(low, high + 1) if n % 12 == pc]
    if previous is None:
        return options[0]
    return min(options, key=lambda n: (abs(n - previous), n))
