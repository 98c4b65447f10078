"""The MIDI file writer: standard type 1 files that mido reads back exactly."""

from fractions import Fraction as F

import mido
import pytest

from composer.errors import ComposerError
from composer.runtime.events import Note, Tempo, TimeSignature
from composer.runtime.messages import expand
from composer.sinks.smf import MidiFileWriter, beat_to_tick


def write(tmp_path, events, order=("a",)):
    writer = MidiFileWriter(title="t")
    writer.consume(expand(events))
    path = tmp_path / "out.mid"
    writer.write(path, order)
    return path


def test_file_reads_back_with_tempo_time_signature_and_named_tracks(tmp_path):
    path = write(tmp_path, [
        Tempo(F(0), F(90)),
        TimeSignature(F(0), 7, 8),
        Note(F(0), F(1, 3), 60, 100, 0, "a"),
        Note(F(1, 3), F(1, 3), 62, 101, 0, "a"),
        Note(F(1000), F(1), 64, 1, 9, "b"),
    ], order=("a", "b", "empty"))
    midi = mido.MidiFile(path)
    assert midi.type == 1 and midi.ticks_per_beat == 480
    assert [t.name for t in midi.tracks] == ["t", "a", "b", "empty"]
    conductor = [m for m in midi.tracks[0] if m.type in ("set_tempo", "time_signature")]
    assert conductor[0].tempo == 666667 and (conductor[1].numerator, conductor[1].denominator) == (7, 8)
    a = [(m.type, m.note, m.velocity, m.time) for m in midi.tracks[1] if m.type.startswith("note")]
    assert a == [("note_on", 60, 100, 0), ("note_off", 60, 0, 160), ("note_on", 62, 101, 0), ("note_off", 62, 0, 160)]
    b = [m for m in midi.tracks[2] if m.type == "note_on"]
    assert b[0].time == 480_000 and b[0].channel == 9


def test_ticks_round_to_nearest_without_drift():
    assert beat_to_tick(F(1, 3)) == 160
    assert beat_to_tick(F(1, 7)) == 69  # 68.57 rounds up
    assert beat_to_tick(F(100000, 7)) == 6857143  # absolute, so no accumulated error


def test_same_events_give_identical_bytes(tmp_path):
    events = [Tempo(F(0), F(120)), Note(F(0), F(1), 60, 100, 0, "a")]
    first = write(tmp_path, events).read_bytes()
    second = write(tmp_path, events).read_bytes()
    assert first == second


def test_failed_write_leaves_no_file(tmp_path, monkeypatch):
    writer = MidiFileWriter()
    writer.consume(expand([Note(F(0), F(1), 60, 100, 0, "a")]))
    path = tmp_path / "out.mid"

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken)
    with pytest.raises(ComposerError, match="out.mid: cannot write: disk full"):
        writer.write(path, ["a"])
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_gets_the_usual_permissions_not_the_temp_files(tmp_path):
    import os
    import stat

    path = write(tmp_path, [Note(F(0), F(1), 60, 100, 0, "a")])
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o666 & ~umask
