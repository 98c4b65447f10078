"""Roman numerals in a key: `i VI III VII` in E minor, `ii7 V7 Imaj7`, `V7/V`, `bVII`.

The conventions are music21's (`roman.RomanNumeral`, the reference in the tests): case gives
the triad (upper major, lower minor; `o` diminished, `ø` half-diminished, `+` augmented);
roots come from the major scale or the natural minor, except that in minor a lowercase vi or
vii stands on the raised degree (C#, D# in E minor); a seventh or ninth is the key's own note
unless `o7`, `ø7` or `maj7` says otherwise; figures 6, 64, 65, 43, 42 invert; `/V` tonicizes.
"""

from __future__ import annotations

import re

from composer.errors import ComposerError
from composer.harmony.chord import DEFAULT_OCTAVE, Chord
from composer.harmony.spelling import Key, Pitch, parse_key

_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7}
_NUMERAL_RE = re.compile(
    r"(?P<accidental>[b#♭♯]*)(?P<numeral>VII|VI|V|IV|III|II|I|vii|vi|v|iv|iii|ii|i)"
    r"(?P<quality>o|°|ø|\+)?(?P<figure>maj7|M7|maj9|M9|65|64|43|42|13|11|9|7|6|2)?"
)
_INVERSIONS = {"6": 1, "64": 2, "65": 1, "43": 2, "42": 3, "2": 3}
_SEVENTH_FIGURES = {"7", "65", "43", "42", "2", "9", "11", "13", "maj7", "M7", "maj9", "M9"}


def is_numeral(text: str) -> bool:
    """True when `text` reads as a roman numeral (possibly secondary: V7/V)."""
    return all(_NUMERAL_RE.fullmatch(part) for part in str(text).strip().split("/"))


def parse_numeral(text: str, key, octave: int = DEFAULT_OCTAVE) -> Chord:
    """The chord a numeral names in `key`, with a lead-sheet symbol worked out for it."""
    key = parse_key(key)
    numeral = str(text).strip()
    main, *secondary = numeral.split("/")
    local_key = key
    for tonicized in reversed(secondary):
        local_key = _tonicized_key(tonicized, local_key, numeral)
    root, intervals, steps, inversion = _numeral_tones(main, local_key, numeral)
    tones = [root.up(step, interval) for step, interval in zip(steps, intervals)]
    bass = tones[inversion] if inversion < len(tones) else root
    from composer.harmony.naming import chord_symbol

    symbol = chord_symbol(root, intervals, bass)
    return Chord.build(symbol, root, intervals, tones, bass=bass, octave=octave, numeral=numeral, key=key)


def _tonicized_key(text: str, key: Key, whole: str) -> Key:
    root, intervals, _, _ = _numeral_tones(text, key, whole)
    return Key(root, "minor" if intervals[1] == 3 else "major")


def _numeral_tones(text: str, key: Key, whole: str):
    """Root, semitones above it, letter steps above it and inversion of one numeral."""
    match = _NUMERAL_RE.fullmatch(text)
    if not match:
        raise ComposerError(f"not a roman numeral: {whole!r} (e.g. i, VI, ii7, V7/V, bVII, viio7)")
    numeral, quality, figure = match.group("numeral"), match.group("quality"), match.group("figure") or ""
    degree = _NUMERALS[numeral.lower()]
    root = key.degree(degree)
    lower = numeral.islower()
    if key.mode == "minor" and degree in (6, 7) and lower:
        root = Pitch(root.letter, root.alter + 1)
    for sign in match.group("accidental"):
        root = Pitch(root.letter, root.alter + (1 if sign in "#♯" else -1))
    third = 3 if lower or quality in ("o", "°", "ø") else 4
    fifth = {"o": 6, "°": 6, "ø": 6, "+": 8}.get(quality, 7)
    intervals, steps = [0, third, fifth], [0, 2, 4]
    if figure in _SEVENTH_FIGURES or quality == "ø":
        if quality in ("o", "°"):
            seventh = 9
        elif quality == "ø":
            seventh = 10
        elif figure.startswith(("maj", "M")):
            seventh = 11
        else:
            seventh = _diatonic_above(key, degree, root, 6)
        intervals.append(seventh)
        steps.append(6)
        if figure in ("9", "11", "13", "maj9", "M9"):
            for step in range(8, int(figure.lstrip("majM")) , 2):
                intervals.append(_diatonic_above(key, degree, root, step) + 12)
                steps.append(step)
    return root, intervals, steps, _INVERSIONS.get(figure, 0)


def _diatonic_above(key: Key, degree: int, root: Pitch, step: int) -> int:
    """Semitones from `root` up to the key's scale note `step` letters above the degree (mod 12)."""
    target = key.degree((degree - 1 + step) % 7 + 1)
    return (target.pitch_class - root.pitch_class) % 12
