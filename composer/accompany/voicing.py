"""Voice leading: upper voices that move as little as possible from chord to chord.

Each chord is reduced to its most telling tones (third, seventh, root, top extension, fifth),
then every close-position voicing of them in the range is tried (and, spread, each one's
drop-2); the one nearest the previous voicing wins, the first near the middle of the range.
"""

from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=1024)
def candidates(pitch_classes: tuple[int, ...], low: int, high: int, spread: bool = False) -> list[tuple[int, ...]]:
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


def cheapest_path(options_per_step, own_cost, step_cost) -> list:
    """One option per step minimising the sum of `own_cost`s and `step_cost`s between neighbours.

    A shortest path through the steps (Viterbi), remembering each option's best predecessor,
    so it takes time in proportion to the steps, not to their square. Ties go to the option
    listed first, so the choice never depends on comparing the options themselves.
    """
    if not options_per_step:
        return []
    costs = [own_cost(option) for option in options_per_step[0]]
    back: list[list[int]] = []
    previous = options_per_step[0]
    for options in options_per_step[1:]:
        step_costs, step_back = [], []
        for option in options:
            totals = [cost + step_cost(before, option) for before, cost in zip(previous, costs)]
            best = min(range(len(totals)), key=totals.__getitem__)
            step_costs.append(totals[best] + own_cost(option))
            step_back.append(best)
        costs, previous = step_costs, options
        back.append(step_back)
    choice = min(range(len(costs)), key=costs.__getitem__)
    path = [options_per_step[-1][choice]]
    for step, step_back in zip(range(len(back) - 1, -1, -1), reversed(back)):
        choice = step_back[choice]
        path.append(options_per_step[step][choice])
    return path[::-1]


def lead(chords: Sequence[Chord], voices: int = 4, low: int = 55, high: int = 79, spread: bool = False):
    """A voicing per chord (None for N.C.) so the voices move least over the whole sequence.

    The cost of a step is the semitones the voices move, plus a little for straying from the
    middle of the range.
    """
    center = (low + high) / 2
    played = [c for c in chords if c.root is not None]
    options = [candidates(tuple(essential_tones(c, voices)), low, high, spread) for c in played]
    best = iter(cheapest_path(options, lambda v: DRIFT_COST * abs(sum(v) / len(v) - center), movement))
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
