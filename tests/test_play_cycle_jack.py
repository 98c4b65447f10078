"""A control pattern played live to a JACK port sounds as its render writes it: the same notes,
velocities and channels, at the same times and for the same lengths (within what a loaded
machine allows)."""

from __future__ import annotations

import statistics

import mido
import pytest

from ports import composer_process as composer

PIECE = """
use_bpm(120)

@live_loop
def band():
    play_cycle(strudel.note("c3 [e3 g3] <b3 d4> c4").velocity("0.5 1 0.25 0.75")
               .legato("<0.5 1> 0.25").channel("3 <4 5>"), beats=4)
"""


def pair(messages) -> list[tuple]:
    """(onset s, note, velocity, channel 1-16, length s) from (seconds, bytes), in time order."""
    sounding, notes = {}, []
    for at, data in messages:
        kind, channel = data[0] & 0xF0, data[0] & 0x0F
        if kind == 0x90 and data[2] > 0:
            sounding[(channel, data[1])] = (at, data[2])
        elif kind in (0x80, 0x90) and (channel, data[1]) in sounding:
            start, velocity = sounding.pop((channel, data[1]))
            notes.append((start, data[1], velocity, channel + 1, at - start))
    return sorted(notes, key=lambda n: (n[0], n[1]))


def rendered_notes(path) -> list[tuple]:
    at, messages = 0.0, []
    for message in mido.MidiFile(path):  # merged tracks, times in seconds
        at += message.time
        if message.type in ("note_on", "note_off"):
            messages.append((at, tuple(message.bytes())))
    return pair(messages)


@pytest.mark.jack
def test_a_control_pattern_plays_live_as_it_renders(tmp_path, receiver):
    piece = tmp_path / "band.py"
    piece.write_text(PIECE)
    render = composer("render", piece, "-o", tmp_path / "band.mid", "--bars", 2, "-q")
    _, err = render.communicate(timeout=30)
    assert render.returncode == 0, err
    expected = rendered_notes(tmp_path / "band.mid")
    assert [n[1:4] for n in expected] == [(48, 64, 3), (52, 127, 3), (55, 127, 3), (59, 32, 4), (60, 95, 4),
                                          (48, 64, 3), (52, 127, 3), (55, 127, 3), (62, 32, 5), (60, 95, 5)]
    # a cycle is 2 s at 120 BPM; each event's length is its share of it times its legato
    assert [round(n[4], 4) for n in expected] == [0.25, 0.125, 0.125, 0.125, 0.125, 0.5, 0.25, 0.25, 0.125, 0.125]

    play = composer("play", piece, "--bars", 2, "--port", receiver.port)
    _, err = play.communicate(timeout=30)
    assert play.returncode == 0, err
    receiver.wait_for(lambda: len(receiver.notes_on()) >= len(expected), timeout=2)
    live = pair(receiver.messages)

    assert [n[1:4] for n in live] == [n[1:4] for n in expected]  # notes, velocities, channels, in order
    # Where the live play starts is the machine's; each onset is judged against the median start
    lag = statistics.median(a[0] - b[0] for a, b in zip(live, expected))
    onset_errors = [abs(a[0] - b[0] - lag) for a, b in zip(live, expected)]
    length_errors = [abs(a[4] - b[4]) for a, b in zip(live, expected)]
    # JACK without realtime can hold up a client on a loaded machine: the medians must be
    # within a few ms, and most notes within a JACK period or two (timing: benchmarks/live).
    for errors in (onset_errors, length_errors):
        assert statistics.median(errors) < 0.01, (errors, live, expected)
        assert sum(error < 0.03 for error in errors) >= len(errors) - 2, (errors, live, expected)
