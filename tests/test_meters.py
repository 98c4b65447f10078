"""--bars and the render summary follow the piece's time signatures and name its tempo changes."""

from fractions import Fraction as F

import mido
import pytest

from composer.meters import MeterMap
from composer.render import render_file
from composer.sinks import smf
from composer.sinks.smf import MidiFileWriter
from composer.runtime.events import Note
from composer.runtime.messages import expand
from pieces import write_piece

SEVEN_THEN_FOUR = """
use_time_signature(7, 4)

@live_loop
def conductor():
    if beat() == 0:
        sleep(56)
        use_time_signature(4, 4)
        use_piece_bpm(90)
    sleep(4)

@live_loop
def a():
    play(60)
    sleep(1)
"""


def test_bars_follow_a_change_of_meter(tmp_path):
    out = tmp_path / "x.mid"
    summary = render_file(write_piece(tmp_path, SEVEN_THEN_FOUR), out, bars=16)
    assert summary.beats == 8 * 7 + 8 * 4
    onsets = [m for m in mido.MidiFile(out).tracks[2] if m.type == "note_on"]
    assert len(onsets) == 88
    assert "16 bars (88 beats)" in summary.line()


def test_beats_are_counted_in_bars_of_the_meter(tmp_path):
    summary = render_file(write_piece(tmp_path, SEVEN_THEN_FOUR), tmp_path / "x.mid", beats=88)
    assert summary.bars == 16


def test_the_summary_names_tempo_changes(tmp_path):
    summary = render_file(write_piece(tmp_path, SEVEN_THEN_FOUR), tmp_path / "x.mid", bars=16)
    assert "at 60 bpm, then 90 at bar 9" in summary.line()
    assert summary.seconds == pytest.approx(56 + 32 * 60 / 90)


def test_many_tempo_changes_are_summed_up(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def a():
            use_piece_bpm(100 + tick() % 5 * 10)
            play(60)
            sleep(4)
        """)
    summary = render_file(piece, tmp_path / "x.mid", bars=8)
    assert "with 7 tempo changes (100-140 bpm)" in summary.line()


def test_meter_map():
    meters = MeterMap(7, 4)
    assert meters.beats(16) == 112
    assert meters.add(F(56), 4, 4) and not meters.add(F(60), 4, 4)
    assert meters.beats(16) == 88 and meters.bars(88) == 16 and meters.bars(56) == 8
    assert meters.bar_at(F(56)) == 9
    meters.add(F(0), 6, 8)
    assert meters.beats(1) == 3


def test_bar_and_beat_count_as_a_player_does():
    meters = MeterMap(7, 4)
    meters.add(F(56), 4, 4)
    assert [meters.bar_and_beat(b) for b in (0, 6.5, 7, 55, 56, 58.5, 60)] == [
        (1, 1), (1, 7.5), (2, 1), (8, 7), (9, 1), (9, 3.5), (10, 1)]
    cut = MeterMap(4, 4)
    cut.add(F(2), 3, 4)  # a bar of two beats, then bars of three
    assert [cut.bar_and_beat(b) for b in (1, 2, 4.5, 5)] == [(1, 2), (2, 1), (2, 3.5), (3, 1)]


def test_a_spooled_track_writes_the_same_bytes(tmp_path, monkeypatch):
    events = [Note(F(i, 4), F(1, 8), 60 + i % 12, 100, 0, "a") for i in range(5000)]
    whole = MidiFileWriter("t")
    whole.consume(expand(events))
    expected = whole.to_bytes(["a"])
    monkeypatch.setattr(smf, "SPILL_BYTES", 1000)
    spooled = MidiFileWriter("t")
    spooled.consume(expand(events))
    assert spooled.tracks["a"].spool is not None
    spooled.write(tmp_path / "x.mid", ["a"])
    assert (tmp_path / "x.mid").read_bytes() == expected == spooled.to_bytes(["a"])


def test_bar_lines_follow_each_meter_from_where_it_began():
    meters = MeterMap(4, 4)
    meters.add(F(16), 7, 4)  # four bars of 4/4, then 7/4: bar lines 16, 23, 30
    assert [meters.next_bar_line(b) for b in (0.0, 3.99, 4.0, 4 - 1e-12, -0.1, 15.5, 16, 18, 23 - 1e-12)] == [
        4, 4, 8, 8, 4, 16, 23, 23, 30]
    assert meters.bar(F(24)) == (6, 23, 30)
    cut = MeterMap(7, 8)
    cut.add(F(5), 4, 4)  # a 7/8 bar, then one cut to 1.5 beats by the change: bar lines 3.5, 5, 9
    assert [cut.next_bar_line(b) for b in (0, 3.5, 4, 5)] == [F(7, 2), 5, 5, 9]
    assert cut.bar(6) == (3, 5, 9)
