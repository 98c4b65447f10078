"""Chord symbols voiced as notes, as Strudel's tonal package: `chord("<C Am F G>").voicing()`.

A chord symbol is a root (C, F#, Bb) and a symbol Strudel's dictionaries know ("", "m7",
"^7", "-7", "7b9", "h7", "o7", ...; see voicing_tables), with an optional slash bass, which
Strudel reads and ignores. `voicing()` reads these controls from each event:

- `chord`: the symbol (a plain string value counts as the chord)
- `dict` (`dictionary`): a dictionary's name ("ireal", the default, "ireal-ext", "lefthand",
  "triads", "guidetones", "legacy") or a dict of symbol -> voicings
- `anchor` (default c5) and `mode`, which voicing and octave: `below` takes the voicing whose
  top note comes nearest to the anchor from under it (or on it), `duck` the same but leaves
  out a note equal to the anchor, `above` the one whose bottom note does so, the chord rising
  from the anchor, `root` the dictionary's first voicing, its bottom note placed so
- `offset`: that many voicings up (or down) from the anchored one
- `n` (with `octaves`, default 1): one note of the voicing, counted from its lowest, as a scale

Notes are MIDI numbers in `note`, like `scale`'s; Strudel names them ("Eb4"), the same keys.
An unknown chord is silent, as in Strudel; an unknown dictionary or mode is an error.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from composer.errors import ComposerError
from composer.harmony.spelling import LETTERS, NATURAL_SEMITONES
from composer.pattern.constructors import stack
from composer.pattern.core import Pattern, patterned, pure, register, silence
from composer.pattern.voicing_tables import DICTIONARIES

# Strudel's tokenizeChord: root, symbol, slash bass (an upper-case root, any # and b).
_CHORD_RE = re.compile(r"([A-G][b#]*)([^/]*)/?([A-G][b#]*)?")
_INTERVAL_RE = re.compile(r"([-+]?)(\d+)(d{1,4}|m|M|P|A{1,4})|(d{1,4}|m|M|P|A{1,4})([-+]?)(\d+)")
_STEP_SEMITONES = (0, 2, 4, 5, 7, 9, 11)
#: What the anchor is compared with: the top note, or the bottom one.
_TARGETS = {"below": -1, "duck": -1, "above": 0, "root": 0}
_CONTROLS = ("dictionary", "chord", "anchor", "offset", "mode", "n", "octaves")
#: The notes `voicings` (Strudel's older function) chooses from, by dictionary.
_RANGES = {"lefthand": (53, 69)}  # F3..A4
_DEFAULT_RANGE = (50, 69)  # D3..A4, chord-voicings' default


def tokenize_chord(chord: Any) -> tuple[str, str, str | None] | None:
    """(root, symbol, bass) of a chord symbol ("Bb^7/F" is ("Bb", "^7", "F")), or None."""
    match = _CHORD_RE.fullmatch(chord) if isinstance(chord, str) else None
    return match.groups() if match else None


def interval_semitones(step: Any) -> float:
    """Semitones of an interval name ("3m" is 3, "12d" 18, "6A" 10) or of a number, as tonal's."""
    if isinstance(step, (int, float)):
        return step
    try:
        return int(step) if step.lstrip("+-").isdigit() else float(step)
    except ValueError:
        pass
    match = _INTERVAL_RE.fullmatch(step)
    if not match:
        raise ComposerError(f"not an interval: {step!r} (e.g. 3m, 5P, 9M, 11A, 12d)")
    sign, number, quality = match.group(1, 2, 3) if match.group(2) else match.group(5, 6, 4)
    number = int(number)
    if number == 0:
        raise ComposerError(f"not an interval: {step!r}")
    octaves, degree = divmod(number - 1, 7)
    perfect = degree in (0, 3, 4)
    if quality == "P" and not perfect:
        raise ComposerError(f"not an interval: {step!r} (a {number} is major or minor, not perfect)")
    if quality[0] == "A":
        alter = len(quality)
    elif quality[0] == "d":
        alter = -len(quality) - (0 if perfect else 1)
    else:  # tonal reads M and m on a perfect interval as P
        alter = -1 if quality == "m" and not perfect else 0
    semitones = _STEP_SEMITONES[degree] + alter + 12 * octaves
    return -semitones if sign == "-" else semitones


def _semitones(voicing: Any) -> tuple:
    return tuple(interval_semitones(step) for step in (voicing.split() if isinstance(voicing, str) else voicing))


@lru_cache(maxsize=None)
def _named(name: str) -> dict[str, tuple[tuple, ...]]:
    return {symbol: tuple(map(_semitones, voicings)) for symbol, voicings in DICTIONARIES[name].items()}


def dictionary_table(dictionary: Any) -> dict[str, tuple[tuple, ...]]:
    """A dictionary (by name, or a dict of symbol -> voicings) as semitones above the root."""
    if isinstance(dictionary, str):
        if dictionary not in DICTIONARIES:
            raise ComposerError(f"unknown voicing dictionary {dictionary!r} (use one of {', '.join(DICTIONARIES)})")
        return _named(dictionary)
    if isinstance(dictionary, dict):
        return {str(symbol): tuple(map(_semitones, voicings)) for symbol, voicings in dictionary.items()}
    raise ComposerError(f"a voicing dictionary is a name or a dict of voicings, not {dictionary!r}")


def _root_chroma(root: str) -> int:
    """The semitone of a root above C, as Strudel counts it (any number of # and b)."""
    return NATURAL_SEMITONES[LETTERS.index(root[0])] + root.count("#") - root.count("b")


def _midi(anchor: Any) -> Any:
    """A MIDI number from a number, a note name (octave 4 when it has none) or a note control."""
    from composer.theory import note

    if isinstance(anchor, dict) and anchor.get("note"):
        anchor = anchor["note"]
    return anchor if isinstance(anchor, (int, float)) else note(anchor)


def _whole(number: Any) -> int | None:
    """`number` as an int when it is a whole number (Strudel indexes lists with it), else None."""
    return int(number) if isinstance(number, (int, float)) and float(number).is_integer() else None


def render_voicing(chord: Any, dictionary: Any = "ireal", offset: Any = 0, n: Any = None, mode: Any = "below",
                   anchor: Any = "c5", octaves: Any = 1) -> list | None:
    """The MIDI notes Strudel's renderVoicing gives for `chord` (one note when `n` is given),
    or None where Strudel finds no voicing (an unknown chord: silence)."""
    table = dictionary_table(dictionary)
    if not isinstance(mode, str) or mode not in _TARGETS:
        raise ComposerError(f"unknown voicing mode {mode!r} (use below, duck, above or root)")
    tokens = tokenize_chord(chord)
    if tokens is None or tokens[1] not in table or not table[tokens[1]]:
        return None
    root, offset = _root_chroma(tokens[0]), _whole(offset)
    try:
        anchor = _midi(anchor)
    except (ComposerError, TypeError, ValueError):  # not a note: Strudel's voicing fails, silently
        return None
    if offset is None:
        return None
    voicings = table[tokens[1]]
    target = _TARGETS[mode]
    # how far below the anchor each voicing's top (or bottom) note falls, within an octave
    distances = [(anchor - voicing[target] - root) % 12 for voicing in voicings]
    best = 0 if mode == "root" else distances.index(min(distances))
    index = (best + offset) % len(voicings)
    voicing = voicings[index]
    base = anchor - distances[index] + math.ceil(offset / len(voicings)) * 12 - voicing[target]
    notes = [base + step for step in voicing]
    if mode == "duck":
        notes = [number for number in notes if number != anchor]
    if n is None:
        return notes
    step, octaves = _whole(n), 1 if octaves is None else octaves
    if not isinstance(octaves, (int, float)):
        raise ComposerError(f"voicing: octaves is a number of octaves, not {octaves!r}")
    if step is None or not notes:
        return None
    return [notes[step % len(notes)] + step // len(notes) * octaves * 12]


def _voice(value: Any) -> Pattern:
    """One event's chord as a stack of note events, the other controls kept (Strudel's voicing)."""
    if isinstance(value, str):
        value = {"chord": value}
    if not isinstance(value, dict):
        return silence
    given = {key: value[key] for key in _CONTROLS if value.get(key) is not None}
    notes = render_voicing(**given) if "chord" in given else None
    if notes is None:
        return silence
    rest = {key: item for key, item in value.items() if key not in _CONTROLS}
    return stack(*(pure({"note": number, **rest}) for number in notes))


@register("voicing")
def voicing(pat: Pattern) -> Pattern:
    """Chord symbols (the `chord` control, or plain strings) as their notes: `dict`, `anchor`,
    `mode`, `offset` and `n` choose the voicing, as in Strudel (see this module)."""
    return pat.fmap(_voice).outer_join()


def voicings_in_range(chord: Any, table: dict, low: int, high: int) -> list[list]:
    """chord-voicings' voicingsInRange: each voicing of the chord on every bottom note that keeps
    all its notes in low..high, voicing by voicing, lowest first."""
    tokens = tokenize_chord(chord)
    if tokens is None or tokens[1] not in table:
        return []
    root = _root_chroma(tokens[0])
    found = []
    for voicing in table[tokens[1]]:
        above_bottom = [step - voicing[0] for step in voicing]
        bottom = (root + voicing[0]) % 12
        found += [[start + step for step in above_bottom] for start in range(low, high + 1)
                  if start % 12 == bottom and start + above_bottom[-1] <= high]
    return found


def dictionary_voicing(chord: Any, table: dict, low: int, high: int, last: list | None) -> list:
    """chord-voicings' dictionaryVoicing: the first voicing in range, or, after `last`, the one
    whose top note is nearest to last's."""
    candidates = voicings_in_range(chord, table, low, high)
    if not candidates:
        return []
    if last is None:
        return candidates[0]
    top = last[-1] if last else 0  # after a chord with no voicing, Strudel measures from 0
    return min(candidates, key=lambda notes: abs(top - notes[-1]))


@register("voicings", patternify=False)
def voicings(pat: Pattern, dictionary: Any) -> Pattern:
    """Strudel's older voicings: chord symbols as MIDI notes from `dictionary` within its range
    (lefthand F3..A4, others D3..A4), each chord voiced nearest the top note of the one before.

    Like Strudel's, it remembers the last voicing it gave, so its notes depend on what it was
    asked before: played forward in time it leads voices as Strudel does. Strudel keeps one
    memory for all patterns; here each `voicings` call has its own."""
    last: list = [None]

    def voiced(name: Any) -> Pattern:
        table = dictionary_table(name)
        low, high = _RANGES.get(name, _DEFAULT_RANGE) if isinstance(name, str) else _DEFAULT_RANGE

        def voice(chord: Any) -> Pattern:
            last[0] = dictionary_voicing(chord, table, low, high, last[0])
            return stack(*map(pure, last[0]))

        return pat.outer_bind(voice)

    return patterned(voiced, dictionary)


_ROOT_RE = re.compile(r"([a-gA-G][b#]?).*", re.DOTALL)


@register("root_notes")
def root_notes(pat: Pattern, octave: Any) -> Pattern:
    """Each chord's root as a MIDI note in `octave` (a `chord` control becomes just a `note`)."""
    from composer.theory import note

    def root(value: Any) -> Any:
        chord = value.get("chord") if isinstance(value, dict) else value
        match = _ROOT_RE.fullmatch(chord) if isinstance(chord, str) else None
        if not match:
            raise ComposerError(f"root_notes: not a chord symbol: {chord!r}")
        number = note(f"{match.group(1)}{octave}")
        return {"note": number} if isinstance(value, dict) and value.get("chord") else number

    return pat.fmap(root)
