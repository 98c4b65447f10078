"""Chord symbols as lead sheets write them: `Em7`, `C/G`, `F#m7b5`, `Bbmaj9`, `D7sus4`, `Cadd9`.

A symbol is a root, a quality and extensions, alterations, sus/add/no, and an optional slash
bass. Tones are kept as chord degrees (1, 3, 5, 7, 9, 11, 13 and 2, 4, 6) with an alteration,
so they are spelled from the root's letter: `F#m7b5` is F# A C E, `Ebdim7` is Eb Gb Bbb Db.
music21's `harmony.ChordSymbol` is the reference these agree with (see the tests).
"""

from __future__ import annotations

import re

from composer.errors import ComposerError
from composer.harmony.chord import DEFAULT_OCTAVE, Chord, no_chord
from composer.harmony.spelling import Pitch

#: Semitones above the root of each degree, unaltered (7 is the major seventh).
DEGREE_SEMITONES = {1: 0, 2: 2, 3: 4, 4: 5, 5: 7, 6: 9, 7: 11, 9: 14, 11: 17, 13: 21}
NO_CHORD = frozenset({"N.C.", "NC", "N.C", "n.c."})

ROOT_RE = re.compile(r"([A-G])(##|bb|[#♯b♭]?)")
_SLASH_RE = re.compile(r"/([A-G](?:##|bb|[#♯b♭])?)$")
_ACCIDENTAL = {"#": 1, "♯": 1, "+": 1, "b": -1, "♭": -1, "-": -1}

# Quality words at the start of the suffix, longest first: (text, quality, seventh). The
# seventh is an alteration forced by the word (-1 for ø, 0 for Δ) or "major" for words that
# make a following 7, 9, 11 or 13 a major seventh (Cmaj9, CM7).
_QUALITIES = [
    ("m(maj7)", "minor", 0), ("min(maj7)", "minor", 0), ("mMaj7", "minor", 0), ("mmaj7", "minor", 0),
    ("mM7", "minor", 0), ("-maj7", "minor", 0), ("-Δ7", "minor", 0), ("mΔ7", "minor", 0),
    ("maj", "major", "major"), ("Maj", "major", "major"), ("MA", "major", "major"),
    ("ma", "major", "major"), ("Δ", "major", 0), ("∆", "major", 0), ("M", "major", "major"),
    ("min", "minor", None), ("mi", "minor", None), ("m", "minor", None), ("-", "minor", None),
    ("dim", "diminished", None), ("°", "diminished", None), ("o", "diminished", None),
    ("ø", "half-diminished", -1), ("Ø", "half-diminished", -1),
    ("aug", "augmented", None), ("+", "augmented", None),
]
_BASE = {
    "major": {1: 0, 3: 0, 5: 0},
    "minor": {1: 0, 3: -1, 5: 0},
    "diminished": {1: 0, 3: -1, 5: -1},
    "half-diminished": {1: 0, 3: -1, 5: -1},
    "augmented": {1: 0, 3: 0, 5: 1},
    "power": {1: 0, 5: 0},
}
_MODIFIER_RE = re.compile(
    r"(?P<sus>sus(?P<sus_degree>2|4)?)"
    r"|(?P<add>add(?P<add_alter>[#♯b♭+-]?)(?P<add_degree>2|4|6|9|11|13))"
    r"|(?P<no>(?:no|omit)(?P<no_degree>3|5|1))"
    r"|(?P<maj7>(?:maj|Maj|M|Δ|∆)7)"
    r"|(?P<alt>alt)"
    r"|(?P<alter>[#♯b♭+-])(?P<alter_degree>5|9|11|13)"
    r"|(?P<skip>[(),\s])"
)


def parse_symbol(text: str, octave: int = DEFAULT_OCTAVE) -> Chord:
    """The chord a symbol names, its root in `octave`; `N.C.` is a chord of no notes."""
    symbol = str(text).strip()
    if symbol in NO_CHORD:
        return no_chord(symbol)
    root_match = ROOT_RE.match(symbol)
    if not root_match:
        raise ComposerError(f"not a chord symbol: {text!r} (it must start with a root A-G, e.g. Em7, C/G)")
    root = Pitch.parse(root_match.group(0))
    suffix = symbol[root_match.end():]
    bass = None
    slash = _SLASH_RE.search(suffix)
    if slash:
        bass = Pitch.parse(slash.group(1))
        suffix = suffix[: slash.start()]
    try:
        degrees = _degrees(suffix)
    except ComposerError as error:
        raise ComposerError(f"not a chord symbol: {text!r} ({error})") from None
    tones = sorted(degrees, key=lambda tone: DEGREE_SEMITONES[tone[0]] + tone[1])
    intervals = [DEGREE_SEMITONES[degree] + alter for degree, alter in tones]
    spelled = [root.up(degree - 1, interval) for (degree, _), interval in zip(tones, intervals)]
    return Chord.build(symbol, root, intervals, spelled, bass=bass, octave=octave)


def _degrees(suffix: str) -> list[tuple[int, int]]:
    """The (degree, alteration) pairs a suffix such as 'm7b5' or '7sus4(b9)' names."""
    quality, seventh, rest = "major", None, suffix
    if rest == "5":
        return sorted(_BASE["power"].items())
    for word, word_quality, word_seventh in _QUALITIES:
        if rest.startswith(word):
            quality, seventh, rest = word_quality, word_seventh, rest[len(word):]
            break
    tones = dict(_BASE[quality])
    number = re.match(r"6/9|69|13|11|9|7|6", rest)
    if number:
        rest = rest[number.end():]
        _add_number(tones, number.group(0), quality, major_seventh=seventh in (0, "major"))
    elif seventh in (0, -1):
        tones[7] = seventh
    if quality == "half-diminished":
        tones[7] = -1
    extra: list[tuple[int, int]] = []
    position = 0
    while position < len(rest):
        match = _MODIFIER_RE.match(rest, position)
        if not match:
            raise ComposerError(f"cannot read {rest[position:]!r}")
        position = match.end()
        if match.group("sus"):
            tones.pop(3, None)
            tones[int(match.group("sus_degree") or 4)] = 0
        elif match.group("add"):
            tones[int(match.group("add_degree"))] = _ACCIDENTAL.get(match.group("add_alter"), 0)
        elif match.group("no"):
            tones.pop(int(match.group("no_degree")), None)
        elif match.group("maj7"):
            tones[7] = 0
        elif match.group("alt"):
            tones[7] = -1
            tones.pop(5, None)
            extra += [(9, -1), (9, 1), (13, -1)]
        elif match.group("alter"):
            degree, alter = int(match.group("alter_degree")), _ACCIDENTAL[match.group("alter")]
            if degree == 5:
                tones[5] = alter
            elif tones.get(degree) == 0:
                tones[degree] = alter
            else:
                extra.append((degree, alter))
    return sorted(set(tones.items()) | set(extra))


def _add_number(tones: dict, number: str, quality: str, major_seventh: bool) -> None:
    """6, 7, 9, 11, 13 and 6/9 after the quality: the seventh and the stack of thirds below."""
    if number in ("6/9", "69"):
        tones[6], tones[9] = 0, 0
        return
    if number == "6":
        tones[6] = 0
        return
    tones[7] = 0 if major_seventh else (-2 if quality == "diminished" else -1)
    for extension in (9, 11, 13):
        if extension <= int(number):
            tones[extension] = 0
