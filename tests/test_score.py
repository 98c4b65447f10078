"""MusicXML scores as a musician reads them, checked by parsing the files with music21."""

from fractions import Fraction as F
from pathlib import Path

import pytest
from music21 import converter

from composer.errors import ComposerError
from composer.render import render_file
from composer.sinks.notation import Chord, bar_contents, chords, choose_grid
from composer.runtime.events import Note
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]


def parse(path):
    return converter.parse(str(path))


def measures(part):
    return list(part.getElementsByClass("Measure"))


def test_the_guitar_accompaniment_reads_as_sheet_music(tmp_path):
    out = tmp_path / "guitar.musicxml"
    render_file(ROOT / "samples" / "pieces" / "guitar_accompaniment.py", out, bars=8)
    score = parse(out)
    names = [part.partName for part in score.parts]
    assert names == ["arpeggio", "bass", "drums", "crash"]
    for part in score.parts:
        bars = measures(part)
        assert len(bars) == 8 and all(bar.duration.quarterLength == 4 for bar in bars)
        assert not [n for n in part.recurse().notesAndRests if n.duration.tuplets]
    arpeggio, bass, drums, _ = score.parts[:4]
    assert arpeggio.getInstrument().midiProgram == 24 and bass.getInstrument().midiProgram == 33  # from use_synth
    assert arpeggio.recurse().getElementsByClass("KeySignature")[0].sharps == 0  # A minor, from chord_degree
    assert [c.name for c in arpeggio.recurse().getElementsByClass("Clef")] == ["treble"]
    assert [c.name for c in bass.recurse().getElementsByClass("Clef")] == ["bass"]
    # 16 sixteenths of arpeggio per bar, whatever the played length (0.3 beats)
    assert [len(bar.notes) for bar in measures(arpeggio)] == [16] * 8
    assert {n.duration.type for n in arpeggio.recurse().notes} == {"16th"}
    assert drums.recurse().getElementsByClass("Clef")[0].name == "percussion"
    hits = list(drums.recurse().notes)
    assert hits and {h.classes[0] for h in hits} == {"Unpitched", "PercussionChord"}
    assert not drums.recurse().getElementsByClass("KeySignature")


def test_notes_are_spelt_in_the_key(tmp_path):
    piece = write_piece(tmp_path, """
        use_key("e", "major")

        @live_loop
        def tune():
            for n in (64, 66, 68, 69, 71, 73, 75, 76):
                play(n, duration=0.5)
                sleep(0.5)
    """)
    out = tmp_path / "e.musicxml"
    render_file(piece, out, bars=1)
    part = parse(out).parts[0]
    assert part.recurse().getElementsByClass("KeySignature")[0].sharps == 4
    assert [p.nameWithOctave for p in part.pitches] == ["E4", "F#4", "G#4", "A4", "B4", "C#5", "D#5", "E5"]


def test_the_key_comes_from_the_first_scale_the_piece_uses(tmp_path):
    piece = write_piece(tmp_path, """
        notes = scale("f3", "minor")

        @live_loop
        def tune():
            play(notes.tick() + 1, duration=1)   # F# ... a chromatic line, spelt in F minor
            sleep(1)
    """)
    out = tmp_path / "f.musicxml"
    render_file(piece, out, bars=2)
    part = parse(out).parts[0]
    assert part.recurse().getElementsByClass("KeySignature")[0].sharps == -4
    # F minor's scale a semitone up: the lowered 2nd is Gb, the raised 3rd A, the raised 4th B
    assert [p.name for p in part.pitches] == ["G-", "A-", "A", "B", "D-", "D", "E", "G-"]


def test_notes_tie_over_bar_lines_and_chords_stay_chords(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def pad():
            sleep(3)
            play([60, 64, 67], duration=2)
            sleep(5)
    """)
    out = tmp_path / "tie.musicxml"
    render_file(piece, out, bars=2)
    bars = measures(parse(out).parts[0])
    first, second = bars[0].notes[-1], bars[1].notes[0]
    assert first.isChord and [p.nameWithOctave for p in first.pitches] == ["C4", "E4", "G4"]
    assert first.tie.type == "start" and second.tie.type == "stop"
    assert first.offset == 3 and first.duration.quarterLength == 1 and second.duration.quarterLength == 1
    assert bars[1].duration.quarterLength == 4  # filled with rests to a full bar


def test_short_notes_are_staccato_not_tuplets(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def stabs():
            play(60, duration=0.1)
            sleep(0.5)
    """)
    out = tmp_path / "stabs.musicxml"
    render_file(piece, out, bars=1)
    notes = list(parse(out).parts[0].recurse().notes)
    assert len(notes) == 8
    assert all(n.duration.type == "16th" and not n.duration.tuplets for n in notes)
    assert all(any(a.name == "staccato" for a in n.articulations) for n in notes)


def test_triplets_are_written_only_when_the_music_has_them(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def triplets():
            play(60, duration=1/3)
            sleep(1/3)
    """)
    out = tmp_path / "triplets.musicxml"
    render_file(piece, out, bars=1)
    notes = list(parse(out).parts[0].recurse().notes)
    assert len(notes) == 12 and all(n.duration.tuplets for n in notes)


def test_meter_and_tempo_changes_are_in_place(tmp_path):
    piece = write_piece(tmp_path, """
        use_bpm(120)

        @live_loop
        def tune():
            play(60, duration=0.5)
            sleep(0.5)

        @live_loop
        def conductor():
            sleep(8)
            use_time_signature(7, 8)
            use_piece_bpm(162)
            sleep(1000)
    """)
    out = tmp_path / "meters.musicxml"
    render_file(piece, out, beats=15)
    part = parse(out).parts[0]
    bars = measures(part)
    signatures = [(bar.number, ts.ratioString) for bar in bars for ts in bar.getElementsByClass("TimeSignature")]
    assert signatures == [(1, "4/4"), (3, "7/8")]
    tempos = [(bar.number, mark.number) for bar in bars for mark in bar.getElementsByClass("MetronomeMark")]
    assert tempos == [(1, 120), (3, 162)]
    assert [bar.duration.quarterLength for bar in bars] == [4, 4, 3.5, 3.5]


def test_a_score_too_long_to_read_is_refused_at_once(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def tune():
            play(60)
            sleep(1)
    """)
    with pytest.raises(ComposerError, match="at most 2000 bars"):
        render_file(piece, tmp_path / "long.musicxml", bars=100000)
    assert not (tmp_path / "long.musicxml").exists()


def test_grid_is_the_coarsest_the_onsets_sit_on():
    assert choose_grid([F(0), F(1, 2), F(3, 4)]) == F(1, 4)
    assert choose_grid([F(0), F(1, 3), F(2, 3)]) == F(1, 3)
    assert choose_grid([F(0), F(1, 8)]) == F(1, 8)


def test_an_off_beat_note_is_split_at_the_beat():
    line = chords([Note(F(1, 2), F(1), 60, 90, 0, "t")], end=F(4))
    assert line == [Chord(F(1, 2), F(1), (60,), 90, False)]
    [bar] = bar_contents(line, [(F(0), F(4), F(1))])
    assert [(w.offset, w.duration, w.keys, w.tie_from_before, w.tie_to_next) for w in bar] == [
        (F(0), F(1, 2), (), False, False),
        (F(1, 2), F(1, 2), (60,), False, True),
        (F(1), F(1, 2), (60,), True, False),
        (F(3, 2), F(1, 2), (), False, False),
        (F(2), F(2), (), False, False),
    ]
