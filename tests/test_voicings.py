"""Voicings: Strudel's tonleiter tests (packages/tonal/test/tonleiter.test.mjs, 447afbfa) ported,
and what composer adds: numbers for notes, errors for typos, pieces that play voicings.
The events of whole patterns are checked against Strudel's code in test_strudel_cases.py."""

import json

import pytest
from click.testing import CliRunner

from composer.cli import cli
from composer.cli.errors import run_cli
from composer.errors import ComposerError
from composer.pattern import pure
from composer.pattern.strudel import evaluate, namespace
from composer.pattern.voicings import (
    dictionary_table, dictionary_voicing, interval_semitones, render_voicing, tokenize_chord, voicings_in_range,
)
from composer.render import render_file
from pieces import write_piece
from test_play_cycle import notes as rendered_notes

# Strudel's test dictionary: m7 as semitones, b3 5 b7 9 and b7 9 b3 5
M7 = {"m7": ["3 7 10 14", "10 14 15 19"]}


def test_tokenize_chord():
    assert tokenize_chord("Cm7") == ("C", "m7", None)
    assert tokenize_chord("C#m7") == ("C#", "m7", None)
    assert tokenize_chord("Bb^7") == ("Bb", "^7", None)
    assert tokenize_chord("Bb^7/F") == ("Bb", "^7", "F")
    assert tokenize_chord("B") == ("B", "", None)
    assert tokenize_chord("cm7") is None and tokenize_chord(None) is None and tokenize_chord(7) is None


def test_render_voicing_below_the_anchor():
    assert render_voicing("Em7", M7, anchor="Bb4", mode="below") == [55, 59, 62, 66]  # G3 B3 D4 Gb4
    assert render_voicing("Cm7", M7, anchor="D5", mode="below") == [63, 67, 70, 74]  # Eb4 G4 Bb4 D5
    assert render_voicing("Cm7", M7, anchor="G5", mode="below") == [70, 74, 75, 79]  # Bb4 D5 Eb5 G5
    assert render_voicing("Cm7", M7, anchor="g5", mode="below") == [70, 74, 75, 79]


def test_render_voicing_n_and_offset():
    assert render_voicing("Cm7", M7, anchor="g5", mode="below", n=0) == [70]  # Bb4
    assert render_voicing("Cm7", M7, anchor="g5", mode="below", n=1) == [74]  # D5
    assert render_voicing("Cm7", M7, anchor="g5", mode="below", n=4) == [82]  # Bb5
    assert render_voicing("Cm7", M7, anchor="g5", mode="below", offset=1) == [75, 79, 82, 86]  # Eb5 G5 Bb5 D6


def test_n_is_a_scale_over_the_voicing():
    """Strudel's scaleStep([60, 63, 67], n): overshooting steps go up or down by octaves."""
    triad = {"t": ["0 3 7"]}
    steps = [render_voicing("Ct", triad, anchor=60, mode="above", n=n)[0] for n in range(-4, 5)]
    assert steps == [43, 48, 51, 55, 60, 63, 67, 72, 75]
    assert render_voicing("Ct", triad, anchor=60, mode="above", n=4, octaves=2) == [87]


def test_root_chroma_counts_every_accidental():
    """pc2chroma: C# is 1, C## 2, Dbb 0; the anchor note is found from each."""
    triad = {"": ["0"]}
    assert [render_voicing(root, triad, anchor="c5")[0] for root in ("C", "C#", "C##", "Db", "Dbb", "B#", "Cb")] == \
           [72, 61, 62, 61, 72, 72, 71]


def test_interval_names_as_tonal_counts_them():
    """Interval.semitones of @tonaljs/tonal 4.10, name by name."""
    names = ["1P", "3m", "3M", "5d", "5P", "5A", "6A", "7m", "7M", "8P", "9m", "9A", "11A", "12d", "13A", "19d", "21m",
             "M3", "-3m", "5M", "dd5", "AA4", "2d", "3dd"]
    assert [interval_semitones(name) for name in names] == [
        0, 3, 4, 6, 7, 8, 10, 10, 11, 12, 13, 15, 18, 18, 22, 30, 34, 4, -3, 7, 5, 7, 0, 1]
    assert interval_semitones("7") == 7 and interval_semitones(2.5) == 2.5
    for bad in ("3P", "x", "0P"):
        with pytest.raises(ComposerError, match="not an interval"):
            interval_semitones(bad)


def test_voicings_in_range():
    """chord-voicings 0.0.1's voicingsInRange tests (the older `voicings`' candidates)."""
    triads = dictionary_table({"": ["1M 3M 5P", "3M 5P 8P", "5P 8P 10M"]})
    assert voicings_in_range("C", triads, 48, 72) == [  # C3..C5
        [48, 52, 55], [60, 64, 67], [52, 55, 60], [64, 67, 72], [55, 60, 64]]
    assert voicings_in_range("C^7", dictionary_table({"^7": ["3M 5P 7M 9M", "7M 9M 10M 12P"]}), 52, 74) == [
        [52, 55, 59, 62], [64, 67, 71, 74], [59, 62, 64, 67]]  # E3..D5
    assert voicings_in_range("C-7", dictionary_table({"-7": ["3m 5P 7m 9M", "7m 9M 10m 12P"]}), 51, 74) == [
        [51, 55, 58, 62], [63, 67, 70, 74], [58, 62, 63, 67]]  # Eb3..D5


def test_dictionary_voicing():
    """chord-voicings' dictionaryVoicing tests: Dm7 in F3..A4, alone and after C4 E4 G4 B4."""
    lefthand = dictionary_table("lefthand")
    assert dictionary_voicing("Dm7", lefthand, 53, 69, None) == [53, 57, 60, 64]  # F3 A3 C4 E4
    assert dictionary_voicing("Dm7", lefthand, 53, 69, [60, 64, 67, 71]) == [60, 64, 65, 69]  # C4 E4 F4 A4
    assert dictionary_voicing("Dxyz", lefthand, 53, 69, None) == []


def test_unknown_chords_are_silent_as_in_strudel():
    assert render_voicing("Cxyz") is None and render_voicing("c") is None
    assert evaluate('chord("<C Cxyz>").voicing()').onsets_in(1, 2) == []


def test_notes_are_midi_numbers_with_the_other_controls():
    events = evaluate('chord("C").velocity(0.5).voicing()').onsets_in(0, 1)
    assert sorted(hap.value["note"] for hap in events) == [52, 60, 64, 67, 72]
    assert all(type(hap.value["note"]) is int and hap.value["velocity"] == 0.5 for hap in events)
    assert all(hap.value.keys() == {"note", "velocity"} for hap in events)


@pytest.mark.parametrize("expression, message", [
    ('chord("C").dict("lefthnd").voicing()', "unknown voicing dictionary 'lefthnd'"),
    ('chord("C").mode("bellow").voicing()', "unknown voicing mode 'bellow'"),
    ('voicings("nope", "C")', "unknown voicing dictionary 'nope'"),
    ('chord("C").dict({"": ["1P 3P"]}).voicing()', "not an interval: '3P'"),
    ('n(1).chord("C").octaves("a").voicing()', "octaves is a number of octaves, not 'a'"),
])
def test_typos_are_one_line_errors(capsys, expression, message):
    """Strudel falls silent (or throws) here; composer names the mistake."""
    code = run_cli(cli, ["pattern", "--expr", expression])
    error = capsys.readouterr().err
    assert code == 1
    assert message in error and len(error.strip().splitlines()) == 1 and "Traceback" not in error


def test_voicings_remembers_its_own_last_voicing():
    """Voice leading follows what one voicings pattern played before, not what another did
    (the notes are Strudel's for the same questions, asked afresh)."""
    first = evaluate('mini("<C^7 Dm7>").voicings("lefthand")')
    assert [hap.value for hap in first.onsets_in(1, 2)] == [53, 57, 60, 64]  # Dm7 first: F3 A3 C4 E4
    second = evaluate('mini("<C^7 Dm7>").voicings("lefthand")')
    assert [hap.value for hap in second.onsets_in(0, 1)] == [59, 62, 64, 67]  # C^7: B3 D4 E4 G4
    assert [hap.value for hap in second.onsets_in(1, 2)] == [60, 64, 65, 69]  # Dm7 after it: top nearest G4
    assert [hap.value for hap in first.onsets_in(1, 2)] == [53, 57, 60, 64]  # still after its own Dm7


def test_root_notes():
    assert [h.value for h in evaluate('mini("C^7 F#m7 Bb7").root_notes(2)').onsets_in(0, 1)] == [36, 42, 46]
    assert [h.value for h in evaluate('chord("Eb7").velocity(1).root_notes(3)').onsets_in(0, 1)] == [{"note": 51}]
    with pytest.raises(ComposerError, match="root_notes: not a chord symbol"):
        evaluate('mini("1 2").root_notes(2)').onsets_in(0, 1)


def test_free_functions_and_methods_agree():
    assert [h.value for h in namespace.voicing(namespace.chord("<C Am>")).onsets_in(0, 2)] == \
           [h.value for h in namespace.chord("<C Am>").voicing().onsets_in(0, 2)]
    assert [h.value for h in pure("Dm7").voicing().onsets_in(0, 1)] == \
           [{"note": n} for n in (53, 60, 62, 65, 72)]  # Strudel's F3 C4 D4 F4 C5


def test_cli_json_of_a_voicing():
    result = CliRunner().invoke(cli, ["pattern", "--expr", 'n("0 1 2").chord("Am").voicing()', "--json"])
    assert json.loads(result.stdout) == [{"begin": "0", "end": "1/3", "value": {"note": 57}},
                                         {"begin": "1/3", "end": "2/3", "value": {"note": 60}},
                                         {"begin": "2/3", "end": "1", "value": {"note": 64}}]


def test_a_piece_plays_voicings(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def chords():
            play_cycle(strudel.chord("<C^7 Dm7>").dict("lefthand").voicing(), beats=2)
    """)
    render_file(piece, tmp_path / "out.mid", beats=4)
    played = [(n[1], n[2]) for n in rendered_notes(tmp_path / "out.mid")]
    # Strudel's B3 D4 E4 G4, then C4 E4 F4 A4
    assert played == [(0, 59), (0, 62), (0, 64), (0, 67), (960, 60), (960, 64), (960, 65), (960, 69)]
