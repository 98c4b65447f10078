"""Scales and degrees, checked against a table transcribed by hand from Sonic Pi's scale.rb.

The rotated modes are written out here step by step (scale.rb builds them with
Array#rotate), so this table does not share a derivation with composer.theory.scales.
"""

from itertools import accumulate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.errors import ComposerError, UnknownNameError
from composer.ring import Ring
from composer.theory import SCALES, degree, scale, scale_names

SONIC_PI_SCALES = {
    "diatonic": [2, 2, 1, 2, 2, 2, 1],
    "ionian": [2, 2, 1, 2, 2, 2, 1],
    "major": [2, 2, 1, 2, 2, 2, 1],
    "dorian": [2, 1, 2, 2, 2, 1, 2],
    "phrygian": [1, 2, 2, 2, 1, 2, 2],
    "lydian": [2, 2, 2, 1, 2, 2, 1],
    "mixolydian": [2, 2, 1, 2, 2, 1, 2],
    "aeolian": [2, 1, 2, 2, 1, 2, 2],
    "minor": [2, 1, 2, 2, 1, 2, 2],
    "locrian": [1, 2, 2, 1, 2, 2, 2],
    "hex_major6": [2, 2, 1, 2, 2, 3],
    "hex_dorian": [2, 1, 2, 2, 3, 2],
    "hex_phrygian": [1, 2, 2, 3, 2, 2],
    "hex_major7": [2, 2, 3, 2, 2, 1],
    "hex_sus": [2, 3, 2, 2, 1, 2],
    "hex_aeolian": [3, 2, 2, 1, 2, 2],
    "minor_pentatonic": [3, 2, 2, 3, 2],
    "yu": [3, 2, 2, 3, 2],
    "major_pentatonic": [2, 2, 3, 2, 3],
    "gong": [2, 2, 3, 2, 3],
    "egyptian": [2, 3, 2, 3, 2],
    "shang": [2, 3, 2, 3, 2],
    "jiao": [3, 2, 3, 2, 2],
    "zhi": [2, 3, 2, 2, 3],
    "ritusen": [2, 3, 2, 2, 3],
    "whole_tone": [2, 2, 2, 2, 2, 2],
    "whole": [2, 2, 2, 2, 2, 2],
    "chromatic": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    "harmonic_minor": [2, 1, 2, 2, 1, 3, 1],
    "melodic_minor_asc": [2, 1, 2, 2, 2, 2, 1],
    "hungarian_minor": [2, 1, 3, 1, 1, 3, 1],
    "octatonic": [2, 1, 2, 1, 2, 1, 2, 1],
    "messiaen1": [2, 2, 2, 2, 2, 2],
    "messiaen2": [1, 2, 1, 2, 1, 2, 1, 2],
    "messiaen3": [2, 1, 1, 2, 1, 1, 2, 1, 1],
    "messiaen4": [1, 1, 3, 1, 1, 1, 3, 1],
    "messiaen5": [1, 4, 1, 1, 4, 1],
    "messiaen6": [2, 2, 1, 1, 2, 2, 1, 1],
    "messiaen7": [1, 1, 1, 2, 1, 1, 1, 1, 2, 1],
    "super_locrian": [1, 2, 1, 2, 2, 2, 2],
    "hirajoshi": [2, 1, 4, 1, 4],
    "kumoi": [2, 1, 4, 2, 3],
    "neapolitan_major": [1, 2, 2, 2, 2, 2, 1],
    "bartok": [2, 2, 1, 2, 1, 2, 2],
    "bhairav": [1, 3, 1, 2, 1, 3, 1],
    "locrian_major": [2, 2, 1, 1, 2, 2, 2],
    "ahirbhairav": [1, 3, 1, 2, 2, 1, 2],
    "enigmatic": [1, 3, 2, 2, 2, 1, 1],
    "neapolitan_minor": [1, 2, 2, 2, 1, 3, 1],
    "pelog": [1, 2, 4, 1, 4],
    "augmented2": [1, 3, 1, 3, 1, 3],
    "scriabin": [1, 3, 3, 2, 3],
    "harmonic_major": [2, 2, 1, 2, 1, 3, 1],
    "melodic_minor_desc": [2, 1, 2, 2, 1, 2, 2],
    "romanian_minor": [2, 1, 3, 1, 2, 1, 2],
    "hindu": [2, 2, 1, 2, 1, 2, 2],
    "iwato": [1, 4, 1, 4, 2],
    "melodic_minor": [2, 1, 2, 2, 2, 2, 1],
    "diminished2": [2, 1, 2, 1, 2, 1, 2, 1],
    "marva": [1, 3, 2, 1, 2, 2, 1],
    "melodic_major": [2, 2, 1, 2, 1, 2, 2],
    "indian": [4, 1, 2, 3, 2],
    "spanish": [1, 3, 1, 2, 1, 2, 2],
    "prometheus": [2, 2, 2, 5, 1],
    "diminished": [1, 2, 1, 2, 1, 2, 1, 2],
    "todi": [1, 2, 3, 1, 1, 3, 1],
    "leading_whole": [2, 2, 2, 2, 2, 1, 1],
    "augmented": [3, 1, 3, 1, 3, 1],
    "purvi": [1, 3, 2, 1, 1, 3, 1],
    "chinese": [4, 2, 1, 4, 1],
    "lydian_minor": [2, 2, 2, 1, 1, 2, 2],
    "blues_major": [2, 1, 1, 3, 2, 3],
    "blues_minor": [3, 2, 1, 1, 3, 2],
}

# scale.rb's makams, whose steps are multiples of a 12/53-semitone koma (not whole semitones).
SONIC_PI_MAKAMS = [
    "cargah", "buselik", "buselik_2", "kurdi", "rast", "acemli_rast", "ussak", "bayati",
    "bayati_2", "isfahan", "isfahan_2", "hicaz_humayun", "hicaz_humayun_2", "hicaz", "hicaz_2",
    "uzzal", "uzzal_2", "zirguleli_hicaz", "zirguleli_hicaz_2", "huseyni", "huseyni_2",
    "muhayyer", "gulizar", "neva", "neva_2", "tahir", "tahir_2", "karcigar", "suznak",
    "suznak_2", "mahur", "acem_asiran", "nihavend", "nihavend_2", "sultani_yegah",
    "sultani_yegah_2", "kurdili_hicazkar", "kurdili_hicazkar_2", "kurdili_hicazkar_3",
    "kurdili_hicazkar_4", "kurdili_hicazkar_5", "zirguleli_suznak", "zirguleli_suznak_2",
    "zirguleli_suznak_3", "hicazkar", "hicazkar_2", "evcara", "evcara_2", "evcara_3",
    "evcara_4", "suzidil", "suzidil_2", "sedaraban", "sedaraban_2", "segah", "segah_2",
    "huzzam", "huzzam_2", "bayati_araban", "acem_kurdi", "sehnaz", "sehnaz_2", "sehnaz_3",
    "sehnaz_4", "saba", "dugah", "dugah_2", "evic", "evic_2", "bestenigar", "ferahnak",
    "sevkefza", "sevkefza_2", "sevkefza_3", "ferahfeza", "ferahfeza_2", "yegah", "yegah_2",
]


def expected_notes(tonic, steps, octaves=1):
    return [tonic, *(tonic + s for s in accumulate(steps * octaves))]


def test_scale_names_are_exactly_sonic_pis():
    assert set(SCALES) == set(SONIC_PI_SCALES)
    assert list(scale_names()) == sorted(SONIC_PI_SCALES)


@pytest.mark.parametrize("name", sorted(SONIC_PI_SCALES))
def test_every_scale(name):
    steps = SONIC_PI_SCALES[name]
    assert list(scale("c4", name)) == expected_notes(60, steps)
    assert list(scale("e3", name, octaves=2)) == expected_notes(52, steps, 2)
    assert list(scale(":c4", f":{name}")) == expected_notes(60, steps)
    assert list(scale("c4", name.upper())) == expected_notes(60, steps)


@pytest.mark.parametrize(
    "tonic, name, kwargs, notes",
    [
        ("e3", "minor_pentatonic", {}, [52, 55, 57, 59, 62, 64]),
        ("e3", "minor_pentatonic", {"octaves": 2}, [52, 55, 57, 59, 62, 64, 67, 69, 71, 74, 76]),
        ("C", "major", {}, [60, 62, 64, 65, 67, 69, 71, 72]),
        (50, "minor", {}, [50, 52, 53, 55, 57, 58, 60, 62]),
        (0, "minor", {}, [0, 2, 3, 5, 7, 8, 10, 12]),
        ("Eb3", "super_locrian", {}, [51, 52, 54, 55, 57, 59, 61, 63]),
        ("c4", "major", {"octaves": 0}, [60]),
    ],
)
def test_sonic_pi_examples(tonic, name, kwargs, notes):
    assert list(scale(tonic, name, **kwargs)) == notes


def test_microtonal_tonic_passes_through():
    assert list(scale(50.1, "minor")) == pytest.approx([50.1, 52.1, 53.1, 55.1, 57.1, 58.1, 60.1, 62.1])


def test_scale_is_a_ring():
    notes = scale("c4", "major")
    assert isinstance(notes, Ring)
    assert notes[8] == 60


@pytest.mark.parametrize("spelling", ["minor-pentatonic", "Minor_Pentatonic", " :minor_pentatonic "])
def test_name_spellings(spelling):
    assert list(scale("e3", spelling)) == [52, 55, 57, 59, 62, 64]


def test_unknown_scale_suggests():
    with pytest.raises(UnknownNameError) as caught:
        scale("e3", "minr")
    assert caught.value.kind == "scale"
    assert str(caught.value) == "unknown scale 'minr'; did you mean 'minor'?"
    assert isinstance(caught.value, ComposerError)


@pytest.mark.parametrize("name", SONIC_PI_MAKAMS)
def test_makams_are_explained(name):
    assert name not in SCALES
    with pytest.raises(ComposerError, match="microtonal") as caught:
        scale("c4", name)
    assert not isinstance(caught.value, UnknownNameError)


@pytest.mark.parametrize(
    "tonic, octaves", [("r", 1), (None, 1), ("h2", 1), ("c4", -1), ("c4", True), ("c4", 1.5)]
)
def test_bad_arguments(tonic, octaves):
    with pytest.raises(ComposerError):
        scale(tonic, "major", octaves=octaves)


def test_non_string_name():
    with pytest.raises(UnknownNameError):
        scale("c4", 5)


# --- degree -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "d, tonic, name, midi",
    [
        ("iii", "D3", "major", 54),  # Sonic Pi's doc: major third up from D3
        (3, "C3", "minor", 51),  # minor third up from C3
        ("d5", "B3", "major", 65),  # diminished fifth up from B3
        (1, "c4", "major", 60),
        (7, "c4", "major", 71),
        (8, "c4", "major", 72),
        (9, "c4", "major", 74),
        ("VII", "c4", "major", 71),
        ("vii", "c4", "major", 71),
        (":v", "c4", "major", 67),
        ("x", "c4", "major", 76),
        ("iiii", "c4", "major", 65),
        ("p5", "c4", "major", 67),
        ("a4", "c4", "major", 66),
        ("aa4", "c4", "major", 67),
        ("dd7", "c4", "major", 69),
        ("A4", "c4", "major", 66),
        ("15", "c4", "major", 84),
        (6, "c4", "minor_pentatonic", 72),
        (2.0, "c4", "major", 62),
    ],
)
def test_degree(d, tonic, name, midi):
    assert degree(d, tonic, name) == midi


def test_sonic_pi_f_sharp_chord_example():
    # The F# 13+11-9 chord from the docs of Sonic Pi's `degree`, by roman numerals and digits.
    romans = ["i", "iii", "v", "dvii", "dix", "Axi", "xiii"]
    digits = ["1", "3", "5", "d7", "d9", "A11", "13"]
    expected = [66, 70, 73, 76, 79, 84, 87]
    assert [degree(d, "Fs", "major") for d in romans] == expected
    assert [degree(d, "Fs", "major") for d in digits] == expected


@pytest.mark.parametrize("bad", [0, -1, "0", "", "foo", "d", "iv5", 1.5, True, None, "vx"])
def test_bad_degrees(bad):
    with pytest.raises(ComposerError, match="invalid scale degree"):
        degree(bad, "c4", "major")


def test_degree_unknown_scale():
    with pytest.raises(UnknownNameError):
        degree(1, "c4", "nope")


# --- properties -------------------------------------------------------------------------


@given(
    st.sampled_from(sorted(SONIC_PI_SCALES)),
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=1, max_value=3),
)
def test_scale_shape(name, tonic, octaves):
    notes = list(scale(tonic, name, octaves=octaves))
    assert notes[0] == tonic
    assert notes[-1] == tonic + 12 * octaves
    assert all(a < b for a, b in zip(notes, notes[1:]))
    assert len(notes) == len(SONIC_PI_SCALES[name]) * octaves + 1


@given(st.sampled_from(sorted(SONIC_PI_SCALES)), st.integers(min_value=0, max_value=100), st.data())
def test_degrees_walk_the_scale(name, tonic, data):
    notes = list(scale(tonic, name, octaves=2))
    size = len(SONIC_PI_SCALES[name])
    d = data.draw(st.integers(min_value=1, max_value=2 * size + 1))
    assert degree(d, tonic, name) == notes[d - 1]
