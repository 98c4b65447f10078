"""Pieces that would leave a note sounding, end composer or run away: each is a one-line error
naming the file and line (live behaviour on real ports is in test_live_safety_jack.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest


def render(tmp_path, source: str, *args) -> subprocess.CompletedProcess:
    piece = tmp_path / "piece.py"
    piece.write_text(source)
    return subprocess.run([sys.executable, "-m", "composer", "render", str(piece), "-o", str(tmp_path / "out.mid"),
                           "--bars", "2", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("source, line, message", [
    ("@live_loop\ndef a():\n    play(60, duration=-1)\n    sleep(1)\n", 3, "duration cannot be negative, got -1"),
    ("@live_loop\ndef a():\n    sample('bd', duration=-0.5)\n    sleep(1)\n", 3, "duration cannot be negative"),
    ("@live_loop\ndef a():\n    play_cycle('a4 b4', duration=-1)\n", 3, "duration cannot be negative"),
    ("@live_loop\ndef a():\n    play_cycle('a4 b4', beats=-4)\n", 3, "play_cycle beats cannot be negative"),
    ("@live_loop(delay=-4)\ndef a():\n    play(60)\n    sleep(1)\n", 1, "live_loop 'a': its delay (-4) goes back further"),
    ("@live_loop\ndef a():\n    play(60)\n    sleep(1)\n    raise SystemExit(0)\n", 5, "a piece cannot end composer"),
    ("import sys\nsys.exit(3)\n", 2, "a piece cannot end composer"),
])
def test_render_refuses_with_one_line_naming_the_line(tmp_path, source, line, message):
    result = render(tmp_path, source)
    assert result.returncode == 1, result
    error = result.stderr.strip()
    assert len(error.splitlines()) == 1 and "Traceback" not in error, error
    assert error.startswith(f"composer: {tmp_path / 'piece.py'}:{line}: ") and message in error, error
    assert not (tmp_path / "out.mid").exists()


# ----- the runtime: tempo of a removed loop, budgets ------------------------------------------

from fractions import Fraction  # noqa: E402

from composer.runtime import budget, loading  # noqa: E402
from composer.runtime.events import Note, Tempo  # noqa: E402
from composer.runtime.piece import PieceError  # noqa: E402


def test_a_reload_reverts_the_tempo_a_removed_loop_set(tmp_path):
    path = tmp_path / "piece.py"
    keep = "use_bpm(120)\n\n@live_loop\ndef a():\n    play(60)\n    sleep(1)\n"
    path.write_text(keep + "\n@live_loop\ndef slow():\n    use_piece_bpm(30)\n    sleep(4)\n")
    runtime = loading.load(path)
    assert [e.bpm for e in runtime.events(until=4) if type(e) is Tempo] == [120, 30]
    path.write_text(keep)
    loading.reload(runtime, path, now=4)
    assert [(e.beat, e.bpm) for e in runtime.events(until=8) if type(e) is Tempo] == [(4, 120)]


def test_a_kept_loop_tempo_stays_when_another_loop_goes(tmp_path):
    path = tmp_path / "piece.py"
    keep = "@live_loop\ndef a():\n    use_piece_bpm(90)\n    play(60)\n    sleep(1)\n"
    path.write_text(keep + "\n@live_loop\ndef b():\n    play(62)\n    sleep(1)\n")
    runtime = loading.load(path)
    list(runtime.events(until=4))
    path.write_text(keep)
    loading.reload(runtime, path, now=4)
    assert [e for e in runtime.events(until=8) if type(e) is Tempo] == []  # no change, no event
    assert runtime.tempo.at(8) == 90


ENDLESS = {  # body: (source, why it is stopped, the lines it can be stopped at, CPU seconds allowed)
    "while True: pass": ("    while True:\n        pass\n", "computed for more than", {8, 9}, 0.3),
    "while True: play(50)": ("    while True:\n        play(50)\n", "produced more than 20,000 events", {8, 9}, 30),
    # a pattern dense enough to take long, within the pattern layer's own limits (a4*1e9 is refused at once)
    "play_cycle('a4*300*300')": ("    play_cycle('a4*300*300')\n", "computed for more than", {8}, 0.3),
}


def located_at(message: str, path, lines: set[int]) -> bool:
    return any(message.startswith(f"{path}:{line}: live_loop 'a' ") for line in lines)


@pytest.mark.parametrize("body", list(ENDLESS))
def test_a_render_stops_a_runaway_body_with_one_line(tmp_path, monkeypatch, body):
    source, reason, lines, seconds = ENDLESS[body]
    monkeypatch.setattr(budget, "RENDER_SECONDS", seconds)
    monkeypatch.setattr(budget, "MAX_EVENTS", 20_000)
    path = tmp_path / "piece.py"
    path.write_text("@live_loop\ndef fine():\n    play(60)\n    sleep(1)\n\n@live_loop\ndef a():\n" + source)
    runtime = loading.load(path, until=8)
    with pytest.raises(PieceError) as caught:
        list(runtime.events())
    message = str(caught.value)
    assert located_at(message, path, lines) and reason in message, message
    assert "\n" not in message


def test_a_render_stops_a_top_level_that_never_ends(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.3)
    path = tmp_path / "piece.py"
    path.write_text("@live_loop\ndef a():\n    play(60)\n    sleep(1)\n\nwhile True:\n    pass\n")
    with pytest.raises(PieceError) as caught:
        loading.load(path, until=8)
    message = str(caught.value)
    assert message.startswith((f"{path}:6: the piece's top level computed for more than 0.3 s",
                               f"{path}:7: the piece's top level computed for more than 0.3 s")), message


def test_an_overrun_landing_in_a_gc_callback_is_fired_again_and_never_printed(tmp_path, monkeypatch):
    """Python only prints an exception raised in a garbage collector's callback (hypothesis keeps
    one): the watchdog's Overrun landing there must be fired again, and not printed."""
    import gc
    import threading

    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.3)
    printed = []
    monkeypatch.setattr(sys, "unraisablehook", printed.append)
    landed = []
    computing = threading.get_ident()

    def slow_callback(phase, info):  # where the computing thread is when the first Overrun comes
        if landed or threading.get_ident() != computing:
            return
        try:
            while True:
                pass
        except BaseException as error:
            landed.append(type(error))
            raise

    path = tmp_path / "piece.py"
    path.write_text("@live_loop\ndef a():\n    while True:\n        garbage = []\n        garbage.append(garbage)\n")
    runtime = loading.load(path, until=8)
    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(PieceError, match="live_loop 'a' computed for more than 0.3 s"):
            list(runtime.events())
    finally:
        gc.callbacks.remove(slow_callback)
    assert landed == [budget.Overrun]
    assert printed == []


@pytest.mark.parametrize("body", list(ENDLESS))
def test_live_an_edit_that_runs_away_is_rolled_back_and_the_old_body_plays(tmp_path, monkeypatch, body):
    source, reason, lines, seconds = ENDLESS[body]
    monkeypatch.setattr(budget, "LIVE_SECONDS", seconds)  # the new body's budget: it has the old to fall back on
    monkeypatch.setattr(budget, "MAX_EVENTS", 20_000)
    path = tmp_path / "piece.py"
    good = "@live_loop\ndef a():\n    play(60 + tick() % 3, velocity=rrand_i(50, 90))\n    sleep(1)\n"
    path.write_text(good)
    reference = loading.load(path)  # what the old body plays, untouched by any edit
    expected = [(e.beat, e.note, e.velocity) for e in reference.events(until=6) if type(e) is Note]
    runtime = loading.load(path)
    reports = []
    runtime.budget.live(reports.append)
    first = [(e.beat, e.note, e.velocity) for e in runtime.events(until=4) if type(e) is Note]
    path.write_text("@live_loop\ndef a():\n    play(40)\n    tick()\n    rrand(0, 1)\n" + source)
    loading.reload(runtime, path, now=4)
    rest = [(e.beat, e.note, e.velocity) for e in runtime.events(until=6) if type(e) is Note]
    assert first + rest == expected  # nothing of the abandoned iterations, and its ticks and randoms undone
    assert len(reports) == 1 and all(reason in r and "playing its previous version" in r for r in reports), reports
    assert located_at(reports[0], path, {line - 2 for line in lines}), reports[0]  # the loop runs its old body on
    path.write_text(good.replace("60 +", "72 +"))  # the next good save is taken
    loading.reload(runtime, path, now=6)
    assert {e.note for e in runtime.events(until=8) if type(e) is Note} <= {72, 73, 74}


def test_live_a_new_loop_that_runs_away_stops_and_the_others_play_on(tmp_path):
    path = tmp_path / "piece.py"
    path.write_text("@live_loop\ndef a():\n    play(60)\n    sleep(1)\n\n@live_loop\ndef b():\n    while True:\n        pass\n")
    runtime = loading.load(path)
    runtime.budget.live(lambda message: None)
    # 1 s of computing, or 2 s of the clock on a busy machine, whichever comes first
    with pytest.raises(PieceError, match=r"piece.py:[89]: live_loop 'b' (computed|took) (for )?more than"):
        list(runtime.events(until=4))
    assert runtime.queued_loops() == {"a"}  # b is out of the queue: a session stops it and plays on
    assert [e.note for e in runtime.events(until=4) if type(e) is Note] == [60, 60, 60]


def test_a_load_that_hangs_is_abandoned_and_the_save_after_it_is_taken(tmp_path):
    """composer.live.reload on its own: a top level stuck in `while True: pass` is given up after
    its deadline (naming its line), and a save made meanwhile is loaded next."""
    from ports import wait_until

    from composer.live.reload import Reloader

    path = tmp_path / "piece.py"
    good = "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n"
    path.write_text(good)
    runtime = loading.load(path)
    adopted, failures = [], []
    reloader = Reloader(path, runtime, lambda adopt: adopted.append(adopt), failures.append, seconds=0.5)
    path.write_text("x = 0\nwhile True:\n    x += 1\n" + good)
    reloader.request()
    wait_until(lambda: False, 0.1)  # the load is under way ...
    path.write_text(good.replace("60", "72"))
    reloader.request()  # ... when the next save comes
    assert wait_until(lambda: reloader.poll() or adopted, timeout=10), failures
    assert len(failures) == 1 and failures[0].startswith(f"{path}:") and "top level took more than 0.5 s" in failures[0]
    assert failures[0].split(":")[1] in {"2", "3"}  # the line it was stuck at
    adopted[0](0)
    assert [e.note for e in runtime.events(until=2) if type(e) is Note] == [72, 72]
