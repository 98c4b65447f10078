"""`composer live` survives any edit, on real JACK ports: a body or a top level that never
finishes is abandoned while the old code plays on, and the next good save is taken.
Judged by counts over generous windows: a busy machine may hold up a note or two."""

from __future__ import annotations

import re
import resource
import time

import pytest

from test_live_jack import SessionThread, hanging

pytestmark = pytest.mark.jack

GOOD = "use_bpm(600)\n\n@live_loop\ndef a():\n    play(60, duration=0.5)\n    sleep(1)\n"


def ons(receiver, note: int) -> list[float]:
    return [t for t, d in receiver.messages if d[0] == 0x90 and d[1] == note and d[2] > 0]


def ons_between(receiver, note: int, begin: float, end: float) -> int:
    return sum(1 for t in ons(receiver, note) if begin <= t < end)


EDITS = {  # what the edit saves: (source, what the error line says, the line it names)
    "while True: pass": (GOOD.replace("    play(60, duration=0.5)\n", "    while True:\n        pass\n"),
                         "computed for more than", (5, 6)),
    # 90,000 notes a cycle: within the patterns' bound (a4*1000000000 is refused outright now)
    "play_cycle('a4*300*300')": (GOOD.replace("    play(60, duration=0.5)\n", "    play_cycle('a4*300*300')\n"),
                                 "computed for more than", (5,)),
    "while True: play(50)": (GOOD.replace("    play(60, duration=0.5)\n", "    while True:\n        play(50)\n"),
                             "more than", (5, 6)),
    "time.sleep(3) at the top": ("import time\ntime.sleep(3)\n" + GOOD.replace("play(60", "play(61"),
                                 "top level took more than 1 s; edit abandoned", (2,)),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_hung_edit_is_abandoned_the_old_code_plays_on_and_the_next_save_is_taken(tmp_path, receiver, edit):
    source, says, lines = EDITS[edit]
    piece = tmp_path / "live.py"
    piece.write_text(GOOD)
    with SessionThread(piece=piece, port=receiver.port, watch=True) as run:
        assert receiver.wait_for(lambda: len(ons(receiver, 60)) >= 3, timeout=10)
        memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        saved = time.monotonic()
        piece.write_text(source)
        assert receiver.wait_for(lambda: says in run.err.getvalue(), timeout=10), run.err.getvalue()
        error = next(line for line in run.err.getvalue().splitlines() if says in line)
        assert any(f"{piece}:{line}: " in error for line in lines), error
        time.sleep(max(0.0, saved + 3.0 - time.monotonic()))
        # 10 notes a second: the old body plays on through the edit (a stall would give none)
        heard = ons_between(receiver, 60, saved, saved + 3.0)
        assert heard >= 15, (heard, run.err.getvalue())
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory_before < 300_000  # KB: no runaway
        piece.write_text(GOOD.replace("play(60", "play(72"))  # the next good save is taken
        assert receiver.wait_for(lambda: len(ons(receiver, 72)) >= 2, timeout=5), run.err.getvalue()
        assert run.session.runtime.loops.keys() == {"a"}
    time.sleep(0.1)
    assert hanging(receiver.channel_data()) == set()
    assert ons(receiver, 61) == []  # nothing of the abandoned load plays


def test_a_new_loop_that_hangs_stops_and_the_others_play_on(tmp_path, receiver):
    piece = tmp_path / "live.py"
    piece.write_text(GOOD)
    with SessionThread(piece=piece, port=receiver.port, watch=True) as run:
        assert receiver.wait_for(lambda: len(ons(receiver, 60)) >= 3, timeout=10)
        piece.write_text(GOOD + "\n@live_loop\ndef b():\n    play(64)\n    while True:\n        pass\n")
        assert receiver.wait_for(lambda: "that loop stopped" in run.err.getvalue(), timeout=10), run.err.getvalue()
        # 1 s of computing, or 2 s of the clock on a busy machine, whichever comes first
        assert re.search(rf"{re.escape(str(piece))}:1[12]: live_loop 'b' (computed for|took) more than",
                         run.err.getvalue()), run.err.getvalue()
        count = len(ons(receiver, 60))
        assert receiver.wait_for(lambda: len(ons(receiver, 60)) >= count + 5, timeout=5)
        assert "b" not in run.session.runtime.loops
    assert ons(receiver, 64) == []  # the abandoned iteration's note never sounds


@pytest.mark.parametrize("body, says", [
    ("    play(62, duration=-1)\n    sleep(1)\n", "duration cannot be negative, got -1"),
    ("    play(62)\n    sleep(1)\n    raise SystemExit(0)\n", "a piece cannot end composer"),
])
def test_a_loop_that_fails_stops_with_its_line_and_the_others_play_on(tmp_path, receiver, body, says):
    piece = tmp_path / "live.py"
    piece.write_text(GOOD)
    with SessionThread(piece=piece, port=receiver.port, watch=True) as run:
        assert receiver.wait_for(lambda: len(ons(receiver, 60)) >= 3, timeout=10)
        piece.write_text(GOOD + "\n@live_loop\ndef b():\n" + body)
        assert receiver.wait_for(lambda: says in run.err.getvalue(), timeout=10), run.err.getvalue()
        line = 10 if "duration" in says else 12
        assert f"{piece}:{line}: {says}" in run.err.getvalue(), run.err.getvalue()
        count = len(ons(receiver, 60))
        assert receiver.wait_for(lambda: len(ons(receiver, 60)) >= count + 5, timeout=5)
    time.sleep(0.1)
    assert hanging(receiver.channel_data()) == set()


def test_the_natural_end_lets_go_of_a_pedal_the_piece_left_down(tmp_path, receiver):
    piece = tmp_path / "pedal.py"
    piece.write_text("use_bpm(600)\n\n@live_loop\ndef a():\n    cc(64, 127, channel=3)\n    play(60, channel=3)\n"
                     "    sleep(1)\n")
    with SessionThread(piece=piece, port=receiver.port, bars=1) as run:
        run.thread.join(timeout=10)
        assert not run.thread.is_alive()
    assert receiver.wait_for(lambda: (0xB2, 123, 0) in receiver.channel_data(), timeout=3), receiver.channel_data()
    messages = receiver.channel_data()
    assert messages[-4:] == [(0xB2, 64, 0), (0xB2, 1, 0), (0xE2, 0, 64), (0xB2, 123, 0)]
    assert hanging(messages) == set()
