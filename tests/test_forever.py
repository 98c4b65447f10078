"""Sonic Pi code that loops for ever plays for ever: a top-level `loop do`, a live_loop with an
inner loop, an `in_thread` loop. Played (the runtime with no end, the scheduler on a fake
clock) it goes on past any number of beats in flat memory; rendered it is cut at the end; the
watchdog still stops one that spins without sleeping; a reload does not start it twice."""

from __future__ import annotations

import tracemalloc

import mido
import pytest

from composer.live.scheduler import Scheduler
from composer.render import render_file
from composer.runtime import budget, loading
from composer.runtime.events import Note
from composer.runtime.piece import PieceError
from pieces import write_piece
from test_scheduler_unit import FakeClock

FOREVER = {  # (file name, source, (note, beats between notes))
    "top level loop do": ("piece.rb", "loop do\n  play 60\n  sleep 1\nend\n", (60, 1)),
    "top level while True": ("piece.py", "while True:\n    play(60)\n    sleep(1)\n", (60, 1)),
    "with_fx around a loop": ("piece.rb", "with_fx :reverb do\n  loop do\n    play 61\n    sleep 0.5\n  end\nend\n",
                              (61, 0.5)),
    "live_loop with an inner loop": ("piece.rb", "live_loop :a do\n  loop do\n    play 62\n    sleep 0.5\n  end\nend\n",
                                     (62, 0.5)),
    "in_thread loop": ("piece.rb", "in_thread do\n  loop do\n    play 64\n    sleep 0.25\n  end\nend\n", (64, 0.25)),
}

PAST = 5000  # beats: well past what any one iteration used to be allowed


@pytest.mark.parametrize("case", list(FOREVER))
def test_a_body_that_loops_for_ever_plays_on_with_no_end(tmp_path, case):
    name, source, (note, step) = FOREVER[case]
    runtime = loading.load(write_piece(tmp_path, source, name))  # as play and live load it: no end
    played = [(e.beat, e.note) for e in runtime.events(until=PAST) if type(e) is Note]
    assert played == [(i * step, note) for i in range(int(PAST / step))]
    later = [e.beat for e in runtime.events(until=PAST + 10) if type(e) is Note]  # and on, window by window
    assert later[0] == PAST and later[-1] == PAST + 10 - step


def test_play_sends_a_top_level_loop_past_4096_beats(tmp_path):
    """The look-ahead scheduler, as `composer play` runs it (on a fake clock): a note every beat
    at 600 bpm, 510 s of it, each sent at its own deadline."""
    path = write_piece(tmp_path, "use_bpm 600\nloop do\n  play 60, release: 0.5\n  sleep 1\nend\n", "piece.rb")
    runtime = loading.load(path)
    clock = FakeClock()
    sent = []
    scheduler = Scheduler(runtime, lambda data: sent.append((clock.now, data)), clock=clock.clock, sleep=clock.sleep)
    scheduler.every(0.01, lambda: clock.now >= scheduler.tempo_map.origin + 510 and scheduler.stop())
    scheduler.start()
    scheduler.run()
    origin = scheduler.tempo_map.origin
    onsets = [round((now - origin) * 10, 6) for now, data in sent if data[0] == 0x90 and data[2]]
    assert len(onsets) >= 5000 and onsets == [float(beat) for beat in range(len(onsets))]
    assert all(data[1] == 60 for _, data in sent)


def test_a_long_run_of_a_loop_for_ever_keeps_its_memory_flat(tmp_path):
    source = "loop do\n  play 60, release: 0.25\n  sleep 0.25\n  play 67 if one_in(3)\n  sleep 0.25\nend\n"
    runtime = loading.load(write_piece(tmp_path, source, "piece.rb"))
    tracemalloc.start()
    try:
        for _ in runtime.events(until=2000):
            pass
        early = tracemalloc.get_traced_memory()[0]
        for _ in runtime.events(until=20000):
            pass
        late, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert late - early < 64 * 1024, (early, late)  # 18,000 beats (45,000 notes) later: nothing kept
    assert peak - early < 1024 * 1024, (early, peak)


def test_a_long_render_of_a_top_level_loop_is_not_one_runaway_iteration(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "MAX_EVENTS", 20_000)  # as the watchdog counts one iteration's events
    path = write_piece(tmp_path, "loop do\n  play 60, release: 0.0625\n  sleep 0.0625\nend\n", "piece.rb")
    out = tmp_path / "out.mid"
    render_file(path, out, beats=2000)
    ticks = [tick for tick, on in _note_ons(out)]
    assert len(ticks) == 32000 and ticks[-1] == (2000 - 0.0625) * 480


def _note_ons(path):
    tick = 0
    for message in mido.merge_tracks(mido.MidiFile(path).tracks):
        tick += message.time
        if message.type == "note_on" and message.velocity:
            yield tick, message.note


def test_a_bounded_render_cuts_a_top_level_loop_and_an_unbounded_one_plays_16_bars(tmp_path):
    path = write_piece(tmp_path, "loop do\n  play 60\n  sleep 1\nend\n", "piece.rb")
    render_file(path, tmp_path / "cut.mid", beats=6)
    assert [tick for tick, _ in _note_ons(tmp_path / "cut.mid")] == [i * 480 for i in range(6)]
    summary = render_file(path, tmp_path / "default.mid")  # no --bars/--beats: 16 bars, as for any piece
    assert summary.beats == 64 and len(list(_note_ons(tmp_path / "default.mid"))) == 64


# ----- the watchdog and reloads ---------------------------------------------------------------

SPINS_LATER = "n = 0\nwhile True:\n    play(60)\n    sleep(1)\n    n += 1\n    if n == 4500:\n        while True:\n            pass\n"


def test_a_render_still_stops_a_loop_for_ever_that_stops_sleeping(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "RENDER_SECONDS", 0.3)
    path = write_piece(tmp_path, SPINS_LATER)
    with pytest.raises(PieceError) as caught:
        list(loading.load(path, until=5000).events())
    message = str(caught.value)
    assert message.startswith((f"{path}:7: the piece's top level computed for more than 0.3 s",
                               f"{path}:8: the piece's top level computed for more than 0.3 s")), message


def test_live_a_loop_for_ever_that_stops_sleeping_is_stopped_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "FIRST_BODY_SECONDS", 0.3)
    path = write_piece(tmp_path, SPINS_LATER + "\n@live_loop\ndef other():\n    play(72)\n    sleep(1)\n")
    path.write_text("@live_loop\ndef other():\n    play(72)\n    sleep(1)\n\n" + SPINS_LATER)
    runtime = loading.load(path)
    reports = []
    runtime.budget.live(reports.append)
    with pytest.raises(PieceError, match=r"piece.py:1[12]: the piece's top level (computed|took) (for )?more than"):
        list(runtime.events(until=5000))
    assert runtime.queued_loops() == {"other"}  # the top level is out; the live_loop plays on
    rest = [(e.beat, e.note) for e in runtime.events(until=5010) if type(e) is Note]
    first = int(rest[0][0])  # where the stream stopped: the start of the top level's undone stretch
    assert first < 4500 and rest == [(beat, 72) for beat in range(first, 5010)]


def test_a_reload_does_not_start_a_top_level_loop_twice(tmp_path):
    """The top level is not run again on a reload (its notes are not played twice): its loop
    plays on as it was, once, while the live_loops take the edit."""
    path = write_piece(tmp_path, "live_loop :a do\n  play 72\n  sleep 1\nend\n\nloop do\n  play 60\n  sleep 1\nend\n",
                       "piece.rb")
    runtime = loading.load(path)
    before = [(e.beat, e.note) for e in runtime.events(until=4) if type(e) is Note]
    assert before == [(b, n) for b in range(4) for n in (60, 72)]
    path.write_text(path.read_text().replace("72", "74").replace("60", "62"))
    loading.reload(runtime, path, now=4)
    after = [(e.beat, e.note) for e in runtime.events(until=6000) if type(e) is Note]
    assert sorted(after) == [(b, n) for b in range(4, 6000) for n in (60, 74)]  # once a beat each, for ever


def test_a_loop_whose_iterations_run_long_now_and_then_waits_in_each(tmp_path):
    """Short iterations run without a fiber; one that sleeps on (here every third, 100 sleeps)
    is waited in, and so are the loop's next ones: the notes are those of plain time order."""
    path = write_piece(tmp_path, "@live_loop\ndef a():\n    reps = 100 if tick() % 3 == 2 else 1\n"
                                 "    for _ in range(reps):\n        play(60)\n        sleep(0.25)\n"
                                 "\n@live_loop\ndef b():\n    play(72)\n    sleep(1)\n")
    runtime = loading.load(path)
    played = [(e.beat, e.note) for e in runtime.events(until=300) if type(e) is Note]
    assert [beat for beat, note in played if note == 60] == [i / 4 for i in range(1200)]
    assert [beat for beat, note in played if note == 72] == list(range(300))


def test_a_top_level_loop_cannot_move_to_another_os_thread_and_says_so_in_one_line(tmp_path):
    import threading

    runtime = loading.load(write_piece(tmp_path, "loop do\n  play 60\n  sleep 1\nend\n", "piece.rb"))
    caught = []
    thread = threading.Thread(target=lambda: caught.append(pytest.raises(PieceError, list, runtime.events(until=5000))))
    thread.start()
    thread.join()
    message = str(caught[0].value)
    assert "\n" not in message and message.endswith("a body that loops for ever plays on in the thread that started "
                                                    "it, not in another (load and play a piece in one thread)")


@pytest.mark.parametrize("watched", [False, True], ids=["play", "live"])
def test_a_live_loop_whose_later_iteration_loops_for_ever_plays_on_live(tmp_path, watched):
    """Three short iterations, then one that never ends: played with no end (by `play`, or
    watched by `live`'s budget) it goes on past TOP_LEVEL_BEATS, lazily, beside the other loop
    (it used to stop there with an error)."""
    path = write_piece(tmp_path, "live_loop :a do\n  if tick == 3\n    loop do\n      play 62\n      sleep 0.5\n"
                                 "    end\n  end\n  play 60\n  sleep 1\nend\n\nlive_loop :b do\n  play 72\n  sleep 1\nend\n",
                       "piece.rb")
    runtime = loading.load(path)
    reports = []
    if watched:
        runtime.budget.live(reports.append)
    played = [(e.beat, e.note) for e in runtime.events(until=PAST) if type(e) is Note]
    assert [(beat, note) for beat, note in played if note != 72] == (
        [(beat, 60) for beat in range(3)] + [(3 + i / 2, 62) for i in range(2 * (PAST - 3))])
    assert [beat for beat, note in played if note == 72] == list(range(PAST))
    later = [(e.beat, e.note) for e in runtime.events(until=PAST + 2) if type(e) is Note]
    assert sorted(later) == [(PAST, 62), (PAST, 72), (PAST + 0.5, 62), (PAST + 1, 62), (PAST + 1, 72),
                             (PAST + 1.5, 62)]
    assert reports == []


DENSE = "live_loop :a do\n  play 72\n  sleep 1\nend\n\nloop do\n  play chord(:e3, :minor)\n  sleep 0.125\nend\n"


def _counting_sleeps(monkeypatch):
    from composer.runtime.engine import Runtime

    counted = []
    sleep = Runtime.sleep
    monkeypatch.setattr(Runtime, "sleep", lambda self, beats: counted.append(beats) or sleep(self, beats))
    return counted


def test_a_reload_reads_a_dense_top_level_loop_only_past_its_loops(tmp_path, monkeypatch):
    """A save must be read well within the reload's deadline: the edited top level is read as
    far as the running one defined its loops (and for a moment more), not 4096 beats of chords."""
    monkeypatch.setattr(loading, "READ_SECONDS", 0, raising=False)
    path = write_piece(tmp_path, DENSE, "piece.rb")
    runtime = loading.load(path)
    assert [(e.beat, e.note) for e in runtime.events(until=2) if type(e) is Note and e.note > 70] == [(0, 72), (1, 72)]
    path.write_text(DENSE.replace("72", "74"))
    sleeps = _counting_sleeps(monkeypatch)
    loading.reload(runtime, path, now=2)
    assert len(sleeps) <= 2 * 64  # one stretch of the top level (it used to read 32,768 sleeps)
    later = [(e.beat, e.note) for e in runtime.events(until=5) if type(e) is Note]
    assert [beat for beat, note in later if note == 74] == [2, 3, 4]  # the edit plays
    assert [beat for beat, note in later if note < 70] == [2 + i / 8 for i in range(24) for _ in range(3)]


def test_a_reload_still_reads_as_far_as_the_top_level_defined_a_loop(tmp_path, monkeypatch):
    """A loop the top level defines after 100 notes of an intro is edited, not removed, by a
    reload that reads only as far as it must."""
    monkeypatch.setattr(loading, "READ_SECONDS", 0, raising=False)
    intro = "100.times do\n  play 50\n  sleep 0.25\nend\n\n"
    path = write_piece(tmp_path, intro + DENSE, "piece.rb")
    runtime = loading.load(path)
    assert [e.beat for e in runtime.events(until=27) if type(e) is Note and e.note == 72] == [25, 26]
    path.write_text(intro + DENSE.replace("72", "74"))
    sleeps = _counting_sleeps(monkeypatch)
    loading.reload(runtime, path, now=27)
    assert len(sleeps) <= 100 + 2 * 64
    assert [(e.beat, e.note) for e in runtime.events(until=30) if type(e) is Note and e.note > 70] == [
        (27, 74), (28, 74), (29, 74)]
