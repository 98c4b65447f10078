"""Scales and scale degrees, with Sonic Pi's names and Sonic Pi's notes.

`scale("e3", "minor_pentatonic")` is (ring 52, 55, 57, 59, 62, 64): the tonic, each step
added in turn, and the tonic an octave up at the end, exactly as Sonic Pi's `scale` returns.
"""

from __future__ import annotations

import numbers
import re

from composer.errors import ComposerError, UnknownNameError
from composer.ring import Ring
from composer.theory.notes import note


def _rotate(steps: tuple[int, ...], n: int) -> tuple[int, ...]:
    """The mode that starts n steps into `steps` (Ruby's Array#rotate)."""
    return steps[n:] + steps[:n]


_IONIAN = (2, 2, 1, 2, 2, 2, 1)
_HEX = (2, 2, 1, 2, 2, 3)
_PENTATONIC = (3, 2, 2, 3, 2)

#: Scale name -> semitone steps from one note to the next, covering one octave.
#: Transcribed from Sonic Pi's app/server/ruby/lib/sonicpi/scale.rb (SCALE), in its order,
#: aliases included; the modes are rotations of one sequence there too.
SCALES: dict[str, tuple[int, ...]] = {
    "diatonic": _IONIAN,
    "ionian": _IONIAN,
    "major": _IONIAN,
    "dorian": _rotate(_IONIAN, 1),
    "phrygian": _rotate(_IONIAN, 2),
    "lydian": _rotate(_IONIAN, 3),
    "mixolydian": _rotate(_IONIAN, 4),
    "aeolian": _rotate(_IONIAN, 5),
    "minor": _rotate(_IONIAN, 5),
    "locrian": _rotate(_IONIAN, 6),
    "hex_major6": _HEX,
    "hex_dorian": _rotate(_HEX, 1),
    "hex_phrygian": _rotate(_HEX, 2),
    "hex_major7": _rotate(_HEX, 3),
    "hex_sus": _rotate(_HEX, 4),
    "hex_aeolian": _rotate(_HEX, 5),
    "minor_pentatonic": _PENTATONIC,
    "yu": _PENTATONIC,
    "major_pentatonic": _rotate(_PENTATONIC, 1),
    "gong": _rotate(_PENTATONIC, 1),
    "egyptian": _rotate(_PENTATONIC, 2),
    "shang": _rotate(_PENTATONIC, 2),
    "jiao": _rotate(_PENTATONIC, 3),
    "zhi": _rotate(_PENTATONIC, 4),
    "ritusen": _rotate(_PENTATONIC, 4),
    "whole_tone": (2, 2, 2, 2, 2, 2),
    "whole": (2, 2, 2, 2, 2, 2),
    "chromatic": (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    "harmonic_minor": (2, 1, 2, 2, 1, 3, 1),
    "melodic_minor_asc": (2, 1, 2, 2, 2, 2, 1),
    "hungarian_minor": (2, 1, 3, 1, 1, 3, 1),
    "octatonic": (2, 1, 2, 1, 2, 1, 2, 1),
    "messiaen1": (2, 2, 2, 2, 2, 2),
    "messiaen2": (1, 2, 1, 2, 1, 2, 1, 2),
    "messiaen3": (2, 1, 1, 2, 1, 1, 2, 1, 1),
    "messiaen4": (1, 1, 3, 1, 1, 1, 3, 1),
    "messiaen5": (1, 4, 1, 1, 4, 1),
    "messiaen6": (2, 2, 1, 1, 2, 2, 1, 1),
    "messiaen7": (1, 1, 1, 2, 1, 1, 1, 1, 2, 1),
    "super_locrian": (1, 2, 1, 2, 2, 2, 2),
    "hirajoshi": (2, 1, 4, 1, 4),
    "kumoi": (2, 1, 4, 2, 3),
    "neapolitan_major": (1, 2, 2, 2, 2, 2, 1),
    "bartok": (2, 2, 1, 2, 1, 2, 2),
    "bhairav": (1, 3, 1, 2, 1, 3, 1),
    "locrian_major": (2, 2, 1, 1, 2, 2, 2),
    "ahirbhairav": (1, 3, 1, 2, 2, 1, 2),
    "enigmatic": (1, 3, 2, 2, 2, 1, 1),
    "neapolitan_minor": (1, 2, 2, 2, 1, 3, 1),
    "pelog": (1, 2, 4, 1, 4),
    "augmented2": (1, 3, 1, 3, 1, 3),
    "scriabin": (1, 3, 3, 2, 3),
    "harmonic_major": (2, 2, 1, 2, 1, 3, 1),
    "melodic_minor_desc": (2, 1, 2, 2, 1, 2, 2),
    "romanian_minor": (2, 1, 3, 1, 2, 1, 2),
    "hindu": (2, 2, 1, 2, 1, 2, 2),
    "iwato": (1, 4, 1, 4, 2),
    "melodic_minor": (2, 1, 2, 2, 2, 2, 1),
    "diminished2": (2, 1, 2, 1, 2, 1, 2, 1),
    "marva": (1, 3, 2, 1, 2, 2, 1),
    "melodic_major": (2, 2, 1, 2, 1, 2, 2),
    "indian": (4, 1, 2, 3, 2),
    "spanish": (1, 3, 1, 2, 1, 2, 2),
    "prometheus": (2, 2, 2, 5, 1),
    "diminished": (1, 2, 1, 2, 1, 2, 1, 2),
    "todi": (1, 2, 3, 1, 1, 3, 1),
    "leading_whole": (2, 2, 2, 2, 2, 1, 1),
    "augmented": (3, 1, 3, 1, 3, 1),
    "purvi": (1, 3, 2, 1, 1, 3, 1),
    "chinese": (4, 2, 1, 4, 1),
    "lydian_minor": (2, 2, 2, 1, 1, 2, 2),
    "blues_major": (2, 1, 1, 3, 2, 3),
    "blues_minor": (3, 2, 1, 1, 3, 2),
}

#: Sonic Pi's Turkish makam scales (scale.rb, "Basic makams" and "Sedd Makams"). Their steps
#: are multiples of a 12/53-semitone koma, so they are not whole semitones and are left out
#: of SCALES; the names are kept to explain that instead of answering "unknown scale".
MICROTONAL_SCALES = frozenset(
    """
    cargah buselik buselik_2 kurdi rast acemli_rast ussak bayati bayati_2 isfahan isfahan_2
    hicaz_humayun hicaz_humayun_2 hicaz hicaz_2 uzzal uzzal_2 zirguleli_hicaz
    zirguleli_hicaz_2 huseyni huseyni_2 muhayyer gulizar neva neva_2 tahir tahir_2 karcigar
    suznak suznak_2 mahur acem_asiran nihavend nihavend_2 sultani_yegah sultani_yegah_2
    kurdili_hicazkar kurdili_hicazkar_2 kurdili_hicazkar_3 kurdili_hicazkar_4
    kurdili_hicazkar_5 zirguleli_suznak zirguleli_suznak_2 zirguleli_suznak_3 hicazkar
    hicazkar_2 evcara evcara_2 evcara_3 evcara_4 suzidil suzidil_2 sedaraban sedaraban_2
    segah segah_2 huzzam huzzam_2 bayati_araban acem_kurdi sehnaz sehnaz_2 sehnaz_3 sehnaz_4
    saba dugah dugah_2 evic evic_2 bestenigar ferahnak sevkefza sevkefza_2 sevkefza_3
    ferahfeza ferahfeza_2 yegah yegah_2
    """.split()
)


def scale_names() -> Ring:
    """Every scale name, sorted (Sonic Pi's `scale_names`, less the microtonal makams)."""
    return Ring(sorted(SCALES))


def resolve_scale_name(name) -> str:
    """The SCALES key for a name: case-insensitive, ':' prefix and '-' for '_' allowed."""
    if not isinstance(name, str):
        raise UnknownNameError("scale", name, SCALES)
    key = name.strip().removeprefix(":").lower().replace("-", "_").replace(" ", "_")
    if key in SCALES:
        return key
    if key in MICROTONAL_SCALES:
        raise ComposerError(
            f"scale {name!r} is a Sonic Pi makam with microtonal steps; "
            "only whole-semitone scales are available"
        )
    raise UnknownNameError("scale", name, SCALES)


def scale(tonic, name, octaves: int = 1, num_octaves: int | None = None) -> Ring:
    """The notes of a scale from `tonic` up `octaves` octaves (Sonic Pi's `num_octaves:`), the
    top tonic included.

    >>> list(scale("e3", "minor_pentatonic"))
    [52, 55, 57, 59, 62, 64]
    """
    if num_octaves is not None:
        octaves = num_octaves
    steps = SCALES[resolve_scale_name(name)] * _whole_count("octaves", octaves)
    current = _tonic(tonic)
    notes = [current]
    for step in steps:
        current += step
        notes.append(current)
    return Ring(notes)


def degree(d, tonic, scale_name) -> int:
    """The note at scale degree `d` above `tonic`, as Sonic Pi's `degree`.

    `d` is a number from 1 or a roman numeral (`"iii"`, `"V"`, any case), optionally
    prefixed `p` (perfect), `a`/`aa` (augmented by 1/2 semitones) or `d`/`dd` (diminished).
    Degrees past the octave continue upward: degree 9 of a 7-note scale is the 2nd, an
    octave up.
    """
    notes = scale(tonic, scale_name)
    shift = 0
    if not isinstance(d, numbers.Number):
        d = str(d).strip().removeprefix(":").lower()
        for prefix, semitones in (("p", 0), ("aa", 2), ("a", 1), ("dd", -2), ("d", -1)):
            if d.startswith(prefix):
                d, shift = d[len(prefix):], semitones
                break
    octave, index = divmod(degree_index(d), len(notes) - 1)
    return notes[index] + octave * 12 + shift


_ROMAN_RE = re.compile(r"M{0,4}(CM|CD|D?C{0,4})(XC|XL|L?X{0,4})(IX|IV|V?I{0,4})", re.IGNORECASE)
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def degree_index(d) -> int:
    """A 1-based degree (number, digit string or roman numeral) as a 0-based index."""
    number = None
    if isinstance(d, numbers.Integral) and not isinstance(d, bool):
        number = int(d)
    elif isinstance(d, numbers.Real) and not isinstance(d, bool) and float(d).is_integer():
        number = int(d)
    elif isinstance(d, str):
        text = d.strip().removeprefix(":")
        if re.fullmatch(r"[+-]?[0-9]+", text):
            number = int(text)
        elif _ROMAN_RE.fullmatch(text):
            number = _from_roman(text)
    if number is None or number <= 0:
        raise ComposerError(
            f"invalid scale degree {d!r} (use a number from 1 or a roman numeral such as iv)"
        )
    return number - 1


def _from_roman(numeral: str) -> int:
    values = [_ROMAN_DIGITS[c] for c in numeral.upper()]
    total = 0
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total


def _tonic(tonic):
    root = note(tonic)
    if root is None:
        raise ComposerError(f"a tonic must be a note, not a rest: {tonic!r}")
    return root


def _whole_count(what: str, value, minimum: int = 0) -> int:
    """Validate a count argument such as octaves."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ComposerError(f"{what} must be a whole number of at least {minimum}, got {value!r}")
    return int(value)
