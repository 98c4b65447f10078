"""Held notes to a chord symbol: which chord a hand on the keys is holding.

Each held pitch class is tried as the root; the notes above it must make one of the shapes
below (a missing perfect fifth is forgiven where there is a third: E G is Em). Shapes are
ranked with stacked thirds first, as music21's `chord.Chord.root()` ranks them: E G A C is
Am7/E, not C6/E. Among equal shapes the lowest note as root wins. A bass that is not the
root gives a slash chord. Pure.
"""

from __future__ import annotations

from composer.harmony.chord import Chord
from composer.harmony.spelling import parse_key
from composer.harmony.symbols import parse_symbol

#: Shapes (pitch classes above the root) and their suffix, most telling first.
SHAPES = (
    ((0, 4, 7), ""), ((0, 3, 7), "m"), ((0, 3, 6), "dim"), ((0, 4, 8), "aug"),
    ((0, 4, 7, 10), "7"), ((0, 4, 7, 11), "maj7"), ((0, 3, 7, 10), "m7"), ((0, 3, 6, 10), "m7b5"),
    ((0, 3, 6, 9), "dim7"), ((0, 3, 7, 11), "mMaj7"), ((0, 4, 8, 10), "aug7"),
    ((0, 2, 4, 7, 10), "9"), ((0, 2, 4, 7, 11), "maj9"), ((0, 2, 3, 7, 10), "m9"), ((0, 1, 4, 7, 10), "7b9"),
    ((0, 5, 7, 10), "7sus4"), ((0, 5, 7), "sus4"), ((0, 2, 7), "sus2"),
    ((0, 4, 7, 9), "6"), ((0, 3, 7, 9), "m6"), ((0, 2, 4, 7), "add9"), ((0, 2, 3, 7), "madd9"),
    ((0, 7), "5"),
)
SHARPS = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")  # how lead sheets name roots
FLAT_KEY_NAMES = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")
SHARP_KEY_NAMES = ("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")


def recognise(notes, key=None) -> Chord | None:
    """The chord the MIDI `notes` make (None: fewer than two pitch classes, or no known shape).

    `key` ("e:minor", "Bb") spells black-key roots as its signature does.
    """
    notes = sorted(set(int(n) for n in notes))
    classes = {n % 12 for n in notes}
    if len(classes) < 2:
        return None
    bass = notes[0] % 12
    best = None
    for root in sorted(classes, key=lambda pc: (pc != bass, pc)):
        shape = frozenset((pc - root) % 12 for pc in classes)
        for rank, (tones, suffix) in enumerate(SHAPES):
            if shape == frozenset(tones) or (_has_third(tones) and 7 in tones and shape == frozenset(tones) - {7}):
                if best is None or rank < best[0]:
                    best = (rank, root, suffix)
                break
    if best is None:
        return None
    _, root, suffix = best
    chord = parse_symbol(_names(key)[root] + suffix)
    if bass == root:
        return chord
    spelled = next(t.name for t in chord.tones if t.pitch_class == bass)  # every held note is a tone
    return parse_symbol(f"{chord.symbol}/{spelled}")  # spelled from the root: B7/D#, not B7/Eb


def _has_third(tones) -> bool:
    return 3 in tones or 4 in tones


def _names(key) -> tuple[str, ...]:
    """Root names for the key's signature: flats in F, Bb, Eb... (and D, G, C minor...), else sharps."""
    if key is None:
        return SHARPS
    key = parse_key(key)
    major = key.tonic if key.mode == "major" else key.tonic.up(2, 3)  # the relative major
    return FLAT_KEY_NAMES if major.alter < 0 or major.name == "F" else SHARP_KEY_NAMES
