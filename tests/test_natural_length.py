"""Without --bars or --beats a piece plays to its own end, as when Sonic Pi runs a buffer:
checked on the rendered files' lengths and notes."""

from pathlib import Path

import mido

from composer.render import DEFAULT_BARS, render_file
from pieces import write_piece

ROOT = Path(__file__).resolve().parents[1]


def length_in_beats(path: Path) -> float:
    midi = mido.MidiFile(path)
    return max(sum(message.time for message in track) for track in midi.tracks) / midi.ticks_per_beat


def notes_on(path: Path) -> int:
    return sum(1 for message in mido.MidiFile(path) if message.type == "note_on" and message.velocity)


def test_a_buffer_that_ends_renders_to_its_last_bar_not_sixteen(tmp_path):
    piece = write_piece(tmp_path, "play 60\nsleep 1\nplay 64\nsleep 1\n", "short.rb")
    summary = render_file(piece, tmp_path / "short.mid")
    assert (summary.bars, summary.beats) == (1, 4) and "1 bar (4 beats)" in summary.line()
    assert notes_on(tmp_path / "short.mid") == 2 and length_in_beats(tmp_path / "short.mid") == 2  # its last sound


def test_a_top_level_longer_than_the_default_plays_whole(tmp_path):
    piece = write_piece(tmp_path, """
        for step in range(90):
            play(60 + step % 12, release=0.5)
            sleep(1)
    """)
    summary = render_file(piece, tmp_path / "long.mid")
    assert summary.beats == 92 and summary.bars == 23  # the last note (beat 89) ends in bar 23
    assert notes_on(tmp_path / "long.mid") == 90


def test_threads_count_to_the_end_and_meters_to_the_bar_line(tmp_path):
    piece = write_piece(tmp_path, """
        use_time_signature(7, 8)

        @in_thread
        def tail():
            sleep(5)
            play(72, release=1)

        play(60)
    """)
    summary = render_file(piece, tmp_path / "tail.mid")
    assert summary.beats == 7 and summary.bars == 2  # bars of 7/8 are 3.5 beats; the tail ends at 6


def test_live_loops_that_stop_themselves_end_the_piece(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def riff():
            play(60)
            sleep(1)
            if tick("times") == 5:
                stop()
    """)
    summary = render_file(piece, tmp_path / "riff.mid")
    assert summary.beats == 8 and notes_on(tmp_path / "riff.mid") == 6


def test_a_piece_that_plays_on_renders_the_default_bars(tmp_path):
    forever = write_piece(tmp_path, "loop do\n  play 60\n  sleep 1\nend\n", "forever.rb")
    looping = write_piece(tmp_path, """
        @live_loop
        def pulse():
            play(60)
            sleep(1)
    """)
    for piece in (forever, looping):
        summary = render_file(piece, tmp_path / "out.mid")
        assert summary.bars == DEFAULT_BARS and notes_on(tmp_path / "out.mid") == 4 * DEFAULT_BARS


def test_a_chart_renders_once_through(tmp_path):
    summary = render_file(ROOT / "samples" / "charts" / "seven_eight.cho", tmp_path / "chart.mid")
    assert summary.bars == 22 and summary.beats == 91


def test_bars_and_beats_still_decide_when_given(tmp_path):
    piece = write_piece(tmp_path, "play 60\nsleep 1\n", "short.rb")
    assert render_file(piece, tmp_path / "a.mid", bars=3).beats == 12
    assert render_file(piece, tmp_path / "b.mid", beats=2).beats == 2
