"""Chord symbols, roman numerals and progressions, checked against music21 (the reference)."""

import json
import re
import subprocess
import sys

import pytest

from composer.errors import ComposerError
from composer.harmony import chord, parse_numeral, parse_symbol, progression

music21 = pytest.importorskip("music21")
from music21 import harmony as m21_harmony  # noqa: E402
from music21 import roman as m21_roman  # noqa: E402


def m21_name(name: str) -> str:
    """A pitch name as music21 spells it: Bb -> B-."""
    return name[0] + name[1:].replace("b", "-")


def m21_symbol(symbol: str) -> str:
    """A chord symbol as music21 reads it: flats of the root and slash bass as '-'."""
    return re.sub(r"(^|/)([A-G])b", r"\1\2-", symbol)


# (our symbol, the same chord in music21's spelling when it writes it differently)
SYMBOLS = [
    ("C", None), ("Em", None), ("F#", None), ("Bb", "B-"), ("Ebm", "E-m"), ("Abm", "A-m"),
    ("Em7", None), ("Cmaj7", None), ("CM7", None), ("Gmaj7", None), ("Dm7", None), ("G7", None),
    ("F#m7b5", None), ("Bm7b5", None), ("Cø7", None), ("Cdim", None), ("Co7", None), ("Ebdim7", "E-dim7"),
    ("Bdim7", None), ("Aaug", None), ("C+", None), ("Caug7", None), ("C+7", None),
    ("CmM7", None), ("Cm(maj7)", "CmM7"),
    ("C6", None), ("Cm6", None), ("Am6", None),
    ("C9", None), ("Cm9", None), ("Bbmaj9", "B-M9"), ("CM9", None), ("Fmaj9", "FM9"),
    ("C11", None), ("Cm11", None), ("G13", None), ("C13", None),
    ("C7b9", None), ("E7b9", None), ("C7#9", None), ("E7#9", None), ("C7b5", None), ("C7#5", None),
    ("Cmaj7#11", None), ("C7#11", None), ("C7b13", None), ("C7b9#9", None),
    ("Csus2", None), ("Csus4", None), ("Csus", None), ("D7sus4", None), ("Dsus4", None), ("Asus2", None),
    ("Cadd9", None), ("Gadd9", None), ("Cadd2", None), ("Cadd4", None), ("Cadd11", None),
    ("C5", None), ("E5", None), ("Cmin7", None), ("C7omit3", None),
    ("C/G", None), ("C/E", None), ("D/F#", None), ("Em/D", None), ("Am7/G", None), ("Cmaj7/B", None),
    ("G/B", None), ("Bb/D", "B-/D"), ("F/A", None), ("Am/E", None),
]


@pytest.mark.parametrize("symbol, m21_form", SYMBOLS)
def test_chord_symbol_spells_as_music21(symbol, m21_form):
    ours = parse_symbol(symbol)
    reference = m21_harmony.ChordSymbol(m21_form or m21_symbol(symbol))
    assert sorted(m21_name(n) for n in ours.names) == sorted(p.name for p in reference.pitches)
    assert m21_name(ours.bass.name) == reference.bass().name
    assert ours.pitch_classes == {p.pitch.pitchClass if hasattr(p, "pitch") else p.pitchClass for p in reference.pitches}
    assert min(ours) % 12 == reference.bass().pitchClass  # the bass sounds lowest


# Symbols music21 does not read, with the tones a lead sheet means.
@pytest.mark.parametrize("symbol, names", [
    ("C6/9", ("C", "E", "G", "A", "D")),          # music21's C69 drops E and G
    ("C9sus4", ("C", "F", "G", "Bb", "D")),
    ("C7sus2", ("C", "D", "G", "Bb")),
    ("Cmaj13", ("C", "E", "G", "B", "D", "F", "A")),
    ("C7(b9)", ("C", "E", "G", "Bb", "Db")),
    ("C-7", ("C", "Eb", "G", "Bb")),                # jazz '-' is minor (music21 reads a flat root)
    ("CΔ7", ("C", "E", "G", "B")),
    ("C7alt", ("C", "E", "Bb", "Db", "D#", "Ab")),
])
def test_symbols_beyond_music21(symbol, names):
    assert parse_symbol(symbol).names == names


def test_no_chord_has_no_notes():
    nc = parse_symbol("N.C.")
    assert list(nc) == [] and nc.symbol == "N.C."


@pytest.mark.parametrize("text", ["H7", "Cx9q", "", "7", "Cadd8"])
def test_bad_symbols_are_one_line_errors(text):
    with pytest.raises(ComposerError, match="chord symbol"):
        parse_symbol(text)


NUMERALS = [
    ("i", "e"), ("VI", "e"), ("III", "e"), ("VII", "e"), ("iv", "e"), ("v", "e"), ("V", "e"),
    ("vii", "e"), ("viio", "e"), ("viio7", "e"), ("vi", "e"), ("ii", "e"), ("iio", "e"), ("iiø7", "e"),
    ("III+", "e"), ("i7", "e"), ("III7", "e"), ("VII7", "e"), ("V7", "e"), ("V7/iv", "e"), ("#vi", "e"),
    ("I", "C"), ("ii", "C"), ("iii", "C"), ("IV", "C"), ("V", "C"), ("vi", "C"), ("viio", "C"),
    ("ii7", "C"), ("V7", "C"), ("Imaj7", "C"), ("IVmaj7", "C"), ("IVM7", "C"), ("I7", "C"), ("vi7", "C"),
    ("V9", "C"), ("viiø7", "C"), ("viio7", "C"), ("V7/V", "C"), ("V/V", "C"), ("viio7/V", "C"),
    ("V7/ii", "C"), ("V7/IV", "C"), ("bVII", "C"), ("bVI", "C"), ("bIII", "C"), ("iv", "C"), ("bVII7", "C"),
    ("I6", "C"), ("IV64", "C"), ("V65", "C"), ("ii65", "C"), ("V43", "C"), ("V42", "C"), ("V2", "C"),
    ("V", "E"), ("iii", "E"), ("vi", "E"), ("V7", "A"), ("ii7", "B-"), ("V7", "B-"), ("i", "f#"), ("V7", "f#"),
]


@pytest.mark.parametrize("numeral, key", NUMERALS)
def test_roman_numeral_spells_as_music21(numeral, key):
    ours = parse_numeral(numeral, key.replace("-", "b"))
    reference = m21_roman.RomanNumeral(numeral, key)
    assert sorted(m21_name(t.name) for t in ours.tones) == sorted(p.name for p in reference.pitches)
    assert m21_name(ours.bass.name) == reference.bass().name
    # the symbol worked out for the numeral names the same chord
    assert parse_symbol(ours.symbol).pitch_classes == ours.pitch_classes


def test_g_sharp_in_e_major_is_spelled_g_sharp():
    assert parse_numeral("I", "E").names == ("E", "G#", "B")
    assert parse_symbol("E").names == ("E", "G#", "B")


def test_progressions_of_symbols_and_numerals():
    by_symbol = progression("Em C G D")
    by_numeral = progression("i VI III VII", key="e:minor")
    assert [c.symbol for c in by_numeral] == ["Em", "C", "G", "D"]
    assert list(map(list, by_numeral)) == list(map(list, by_symbol)) == [[52, 55, 59], [48, 52, 55], [55, 59, 62], [50, 54, 57]]
    assert [c.symbol for c in progression("ii7 V7 Imaj7", key="C")] == ["Dm7", "G7", "Cmaj7"]
    assert progression("Em C G D")[4].symbol == "Em"  # a ring
    with pytest.raises(ComposerError, match="needs a key"):
        progression("i VI")
    with pytest.raises(ComposerError, match="not a key"):
        progression("i VI", key="H dorian")


def test_chord_takes_a_symbol_or_sonic_pis_two_arguments():
    assert list(chord("F#m7b5")) == [54, 57, 60, 64]
    assert chord("F#m7b5").symbol == "F#m7b5"
    assert list(chord("e3", "minor")) == [52, 55, 59]
    assert list(chord("Em", invert=1)) == [55, 59, 64]
    assert list(chord("Em7", octave=4)) == [64, 67, 71, 74]


def test_chords_stay_inside_midi():
    with pytest.raises(ComposerError, match="outside MIDI's 0-127"):
        chord("G13", octave=9)
    with pytest.raises(ComposerError, match="octave must be"):
        chord("Em", octave=12)
    assert run_cli("chord", "Em7", "--octaves", "11").returncode == 1


def test_harmony_does_not_import_music21():
    code = "import composer.harmony, composer.runtime.dsl, sys; print('music21' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True, text=True)


def test_cli_chord_symbol_and_progression():
    out = run_cli("chord", "F#m7b5")
    assert out.returncode == 0 and out.stdout.splitlines()[0] == "F#m7b5: F# A C E"
    assert out.stdout.splitlines()[2].split() == ["54", "57", "60", "64"]
    info = json.loads(run_cli("chord", "C/G", "--json").stdout)
    assert info["notes"] == [43, 48, 52] and info["bass"] == "G"
    assert json.loads(run_cli("chord", "e3", "minor", "--json").stdout) == [52, 55, 59]
    chords = json.loads(run_cli("progression", "i VI III VII", "--key", "e:minor", "--json").stdout)
    assert [c["symbol"] for c in chords] == ["Em", "C", "G", "D"]
    assert [c["numeral"] for c in chords] == ["i", "VI", "III", "VII"]


def test_cli_bad_symbol_is_one_line():
    out = run_cli("progression", "Em Hm7")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0 and "'Hm7'" in out.stderr


@pytest.mark.parametrize("key, sharps", [("E minor", 1), ("Em", 1), ("e:minor", 1), ("Bb", -2), ("f#m", 3)])
def test_a_progressions_key_in_any_spelling_keys_the_score(tmp_path, key, sharps):
    from music21 import converter

    piece = tmp_path / "piece.py"
    piece.write_text(f'p = progression("i iv", key="{key}")\n@live_loop\ndef a():\n    play(p.tick())\n    sleep(1)\n')
    out = tmp_path / "score.musicxml"
    result = subprocess.run([sys.executable, "-m", "composer", "render", str(piece), "-o", str(out), "--bars", "1"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    signatures = converter.parse(out).recurse().getElementsByClass("KeySignature")
    assert signatures[0].sharps == sharps


def test_num_octaves_is_sonic_pis_name_for_octaves():
    from composer.harmony import chord

    assert list(chord("c4", "major", num_octaves=2)) == [60, 64, 67, 72, 76, 79]
