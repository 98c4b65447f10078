"""Progressions: `progression("Em C G D")` or `progression("i VI III VII", key="e:minor")`.

A progression is a ring of `Chord`s, each knowing its symbol (and numeral), so a loop can
`play(progression(...).tick())`. Chord symbols and numerals can be mixed when a key is given.
"""

from __future__ import annotations

import re

from composer.errors import ComposerError
from composer.harmony.chord import DEFAULT_OCTAVE, Chord
from composer.harmony.roman import is_numeral, parse_numeral
from composer.harmony.symbols import parse_symbol
from composer.ring import Ring

_SEPARATORS = re.compile(r"[\s|,]+")


def parse_chord(token: str, key=None, octave: int = DEFAULT_OCTAVE) -> Chord:
    """One chord: a roman numeral when it reads as one (a key is then needed), else a symbol."""
    if is_numeral(token):
        if key is None:
            raise ComposerError(f"the roman numeral {token!r} needs a key (e.g. key='e:minor')")
        return parse_numeral(token, key, octave=octave)
    return parse_symbol(token, octave=octave)


def progression(chart, key=None, octave: int = DEFAULT_OCTAVE) -> Ring:
    """A ring of chords from a string of symbols or numerals (or a list of them)."""
    tokens = _SEPARATORS.split(chart.strip()) if isinstance(chart, str) else [str(t) for t in chart]
    tokens = [token for token in tokens if token]
    if not tokens:
        raise ComposerError("a progression needs at least one chord, e.g. 'Em C G D'")
    return Ring(parse_chord(token, key, octave) for token in tokens)
