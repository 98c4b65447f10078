"""Threads and time as Sonic Pi's: the top level as a thread, in_thread, at, time_warp, density,
swing, per-thread tempo, sync/cue with values, and the time state (set_/get).

Sonic Pi's own tests (app/server/ruby/test/lang/core/test_cue_sync.rb, test_time_warp.rb,
test_threads.rb, test_set_get.rb, test_sleep.rb) are ported as pieces: their `assert_equal`s
become Python asserts inside the piece (a failing one fails the render), and the notes the piece
plays at those moments are checked in the rendered stream or file.
"""

from fractions import Fraction as F

import mido
import pytest

from composer.errors import ComposerError
from composer.render import render_file
from composer.runtime import loading
from composer.runtime.events import Tempo
from pieces import notes, run_piece, write_piece


def onsets(events, track=None):
    return [(n[0], n[1]) for n in notes(events) if track is None or n[5] == track]


# ----- the top level is a thread -------------------------------------------------------------


def test_a_score_without_live_loops_renders_to_a_file(tmp_path):
    piece = write_piece(tmp_path, """
        use_bpm(120)
        for note in [60, 62, 64]:
            play(note, duration=0.5)
            sleep(0.5)
        play([67, 71], duration=2)
    """)
    out = tmp_path / "score.mid"
    summary = render_file(piece, out, beats=4)
    assert summary.notes == 5 and summary.tracks == 2  # the conductor and the top level's "main"
    midi = mido.MidiFile(out)
    track = next(t for t in midi.tracks if t.name == "main")
    ons = []
    tick = 0
    for message in track:
        tick += message.time
        if message.type == "note_on" and message.velocity:
            ons.append((tick, message.note))
    assert ons == [(0, 60), (240, 62), (480, 64), (720, 67), (720, 71)]


def test_top_level_sleep_delays_the_loops_defined_after_it(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def early():
            play(40)
            sleep(2)

        sleep(3)

        @live_loop
        def late():
            play(70)
            sleep(2)
    """, beats=6)
    assert onsets(events) == [(0, 40), (2, 40), (3, 70), (4, 40), (5, 70)]


def test_a_piece_that_plays_nothing_renders_an_empty_file(tmp_path):
    piece = write_piece(tmp_path, "x = 1\n")
    summary = render_file(piece, tmp_path / "empty.mid", beats=4)
    assert summary.notes == 0 and (tmp_path / "empty.mid").exists()


# ----- Sonic Pi's test_sleep.rb and test_threads.rb -----------------------------------------


def test_sleep_scales_with_the_bpm_as_sonic_pi(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)
        sleep(2)
        assert vt() == 2 and beat() == 2
        sleep(1)
        assert vt() == 3

        @in_thread
        def faster():
            use_bpm(120)           # its own tempo: sleep 2 lasts one second
            sleep(2)
            assert vt() == 4 and beat() == 5
            play(60)
            sleep(1)
            assert vt() == 4.5
            play(61)
    """, beats=8)
    assert onsets(events) == [(4, 60), (F(9, 2), 61)]


def test_in_thread_starts_at_the_parent_time_and_leaves_it_alone(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)
        assert vt() == 0

        @in_thread
        def t():
            assert vt() == 0
            sleep(0.1)
            assert vt() == 0.1
            play(72)

        assert vt() == 0
        play(60)
    """, beats=2)
    assert onsets(events) == [(0, 60), (F(1, 10), 72)]


def test_in_thread_options_name_delay_sync(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def beat_loop():
            sleep(1)
            cue("beat")

        @in_thread(name="bass", delay=1.5, sync="beat")
        def bass():
            play(40)
            sleep(1)
            play(41)

        @in_thread(name="bass")       # a thread of that name runs: not started again
        def again():
            play(99)
    """, beats=6)
    assert [(n[0], n[1], n[5]) for n in notes(events)] == [(2, 40, "bass"), (3, 41, "bass")]


def test_threads_get_their_own_random_stream_and_start_with_no_ticks(tmp_path):
    source = """
        notes_ = ring(60, 62, 64, 65)
        notes_.tick()

        @in_thread
        def a():
            play(notes_.tick())       # a new thread's counters start afresh (Sonic Pi's)
            play(rrand_i(0, 127) // 2 + 1)

        @in_thread
        def b():
            play(rrand_i(0, 127) // 2 + 1)
    """
    first = onsets(run_piece(tmp_path, source, beats=1))
    assert first[0] == (0, 60)
    assert first[1] != first[2]  # two threads, two streams
    assert first == onsets(run_piece(tmp_path, source, beats=1))


# ----- Sonic Pi's test_cue_sync.rb ----------------------------------------------------------


def test_sync_time_increment(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)
        sleep(0.05)

        @in_thread
        def _():
            sleep(0.1)
            cue("foo")

        sync("foo")
        assert vt() == 0.15
        play(60)
        sleep(0.1)

        @in_thread
        def _():
            sleep(0.1)
            cue("foo")

        sync("foo")
        assert vt() == 0.35
        play(61)

        @in_thread
        def _():
            sleep(0.02)
            cue("foo")

        sync("foo")
        assert abs(vt() - 0.37) < 1e-12
        play(62)
    """, beats=2)
    assert onsets(events) == [(F(3, 20), 60), (F(7, 20), 61), (F(37, 100), 62)]


def test_sync_time_increment_with_faster_bpm_and_values(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(120)
        sleep(0.1)
        assert vt() == 0.1 / 2

        @in_thread
        def _():
            sleep(0.05)
            cue("foo")

        sync("foo")
        assert vt() == 0.15 / 2
        sleep(0.02)

        @in_thread
        def _():
            sleep(0.04)
            cue("foo")

        sync("foo")
        assert abs(vt() - 0.21 / 2) < 1e-12

        @in_thread
        def _():
            sleep(0.05)
            cue("foo", 2)

        @in_thread
        def _():
            sleep(0.05)
            cue("foo", 3)

        v = sync("foo")
        assert abs(vt() - 0.26 / 2) < 1e-12
        play(60 + v[0])
    """, beats=2)
    assert onsets(events) == [(F(26, 100), 62)]


def test_sync_in_a_loop_body_plays_once_per_cue(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def drums():
            sample("bd")
            sleep(1)

        @live_loop
        def bass():
            sync("drums")
            play(40)
    """, beats=4)
    assert onsets(events, "bass") == [(1, 40), (2, 40), (3, 40)]


def test_cue_carries_keyword_values_to_sync(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def conductor():
            cue("tick", note=60 + tick())
            sleep(1)

        @live_loop
        def player():
            values = sync("tick")
            play(values["note"])
    """, beats=3)
    assert onsets(events, "player") == [(1, 61), (2, 62)]


def test_a_sync_no_thread_answers_just_waits(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def waiting():
            sync("never")
            play(1)
            sleep(1)

        @live_loop
        def other():
            play(60)
            sleep(1)
    """, beats=3)
    assert onsets(events) == [(0, 60), (1, 60), (2, 60)]
    alone = run_piece(tmp_path, "@live_loop\ndef a():\n    sync('never')\n    sleep(1)\n", beats=4)
    assert notes(alone) == []


def test_a_parked_sync_wakes_when_the_cue_finally_comes(tmp_path):
    runtime = loading.load(write_piece(tmp_path, """
        @live_loop
        def follower():
            sync("/midi:*/note_on")
            play(50)
    """))
    assert notes(runtime.events(until=4)) == []
    runtime.external_cue("/midi:v49:1/note_on", [64, 100], at=4)
    assert onsets(runtime.events(until=8)) == [(4, 50)]


def test_sync_returns_midi_values_and_get_sees_the_latest(tmp_path):
    runtime = loading.load(write_piece(tmp_path, """
        @live_loop
        def keys():
            note, velocity = sync("/midi:*/note_on")
            cc, value = get("/midi:*/control_change", [0, 0])
            play(note, velocity=velocity + value)
    """))
    list(runtime.events(until=2))
    runtime.external_cue("/midi:v49:1/control_change", [74, 7], at=2)
    runtime.external_cue("/midi:v49:1/note_on", [64, 90], at=3)
    assert [(n[0], n[1], n[2]) for n in notes(runtime.events(until=6))] == [(3, 64, 97)]


# ----- Sonic Pi's test_time_warp.rb ---------------------------------------------------------


def test_time_warp_shifts_the_block_and_restores_time(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)
        sleep(0.1)
        with time_warp():
            use_kit("tabla")
            assert vt() == 0.1
        assert vt() == 0.1
        with time_warp(0.1):
            assert vt() == 0.2
            with time_warp(0.1):
                assert abs(vt() - 0.3) < 1e-12
                with time_warp(-0.15):
                    assert abs(vt() - 0.15) < 1e-12
                    with time_warp(3):
                        with time_warp(-2):
                            assert abs(vt() - 1.15) < 1e-12
                            play(60)
        assert vt() == 0.1
        play(50)
        with time_warp(-5):             # not before the thread's iteration began
            play(40)
    """, beats=2)
    assert sorted(onsets(events)) == [(0, 40), (F(1, 10), 50), (F(115, 100), 60)]


def test_an_error_in_time_warp_is_reported(tmp_path):
    with pytest.raises(ComposerError, match="piece.py:3: ZeroDivisionError"):
        run_piece(tmp_path, "with time_warp(0.1):\n    x = 1\n    1 / 0\n", beats=1)


def test_at_runs_the_block_at_each_time_with_values(tmp_path):
    events = run_piece(tmp_path, """
        @at([0, 1, 2.5], [60, 62])
        def chord(note):
            play(note)

        @at([1, 2])
        def timed(t, index):
            play(70 + index)
    """, beats=4)
    assert sorted(onsets(events)) == [(0, 60), (1, 62), (1, 70), (2, 71), (F(5, 2), 60)]


def test_density_squashes_and_repeats(tmp_path):
    events = run_piece(tmp_path, """
        @density(2)
        def _(index):
            play(60 + index)
            sleep(1)

        play(70)

        @density(0.5)
        def _():
            play(80, duration=1)
            sleep(1)

        play(90)
    """, beats=8)
    assert [(n[0], n[1], n[3]) for n in notes(events)] == [
        (0, 60, F(1, 2)), (F(1, 2), 61, F(1, 2)), (1, 70, 1), (1, 80, 2), (3, 90, 1)]


def test_with_swing_shifts_one_call_in_pulse(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def hats():
            with with_swing(0.1, pulse=2):
                sample("hh")
            sleep(1)
    """, beats=4)
    assert [n[0] for n in notes(events)] == [F(1, 10), 1, F(21, 10), 3]


# ----- tempo: per thread, the file follows the top level -------------------------------------


def test_use_bpm_in_a_loop_is_its_own_and_writes_no_tempo_event(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(120)

        @live_loop
        def half():
            use_bpm(60)            # one of its beats = two of the piece's
            play(40, duration=1)
            sleep(1)

        @live_loop
        def piece_tempo():
            play(60)
            sleep(1)
    """, beats=4)
    assert [e for e in events if isinstance(e, Tempo)] == [Tempo(0, 120)]
    assert [(n[0], n[1], n[3]) for n in notes(events) if n[5] == "half"] == [(0, 40, 2), (2, 40, 2)]
    assert onsets(events, "piece_tempo") == [(0, 60), (1, 60), (2, 60), (3, 60)]


def test_a_loop_at_its_own_tempo_lands_at_the_right_seconds(tmp_path):
    piece = write_piece(tmp_path, """
        use_bpm(90)

        @live_loop
        def triplets():
            use_bpm(135)           # 3 of its beats in 2 of the piece's
            play(60)
            sleep(1)
    """)
    out = tmp_path / "poly.mid"
    render_file(piece, out, beats=4)
    midi = mido.MidiFile(out)
    times, seconds = [], 0.0  # absolute seconds, through mido's own reading of the tempo map
    for message in midi:
        seconds += message.time
        if message.type == "note_on" and message.velocity:
            times.append(seconds)
    assert times == pytest.approx([k * 60 / 135 for k in range(6)], abs=1e-5)  # tempo in whole microseconds


def test_use_piece_bpm_is_an_accelerando_with_one_event_per_change(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def conductor():
            use_piece_bpm(60 + 10 * min(tick(), 2))
            sleep(1)

        @live_loop
        def player():
            assert current_bpm() == get("tempo", current_bpm())
            play(60)
            sleep(1)
    """, beats=5)
    assert [e for e in events if isinstance(e, Tempo)] == [Tempo(0, 60), Tempo(1, 70), Tempo(2, 80)]
    assert onsets(events, "player") == [(b, 60) for b in range(5)]


def test_top_level_tempo_change_keeps_earlier_threads_at_their_tempo(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)

        @live_loop
        def started_at_60():
            play(40)
            sleep(1)

        sleep(2)
        use_bpm(120)               # the file's tempo from beat 2; the loop keeps its 60
        play(72)
    """, beats=6)
    assert Tempo(2, 120) in events
    assert onsets(events, "started_at_60") == [(0, 40), (1, 40), (2, 40), (4, 40)]


def test_with_bpm_bpm_mul_current_bpm_bt_rt(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)
        assert current_bpm() == 60
        with with_bpm(120):
            assert current_bpm() == 120 and bt(1) == 0.5 and rt(1) == 2
            sleep(1)
        assert vt() == 0.5 and current_bpm() == 60
        with with_bpm_mul(4):
            sleep(2)
        assert vt() == 1
        use_bpm_mul(2)                 # at the top level: the piece's tempo
        assert current_bpm() == 120
        sleep(rt(1))                   # one second, whatever the tempo
        assert vt() == 2
        play(60)
    """, beats=4)
    assert onsets(events) == [(3, 60)]
    assert [e for e in events if isinstance(e, Tempo)] == [Tempo(0, 60), Tempo(1, 120)]


def test_bpm_override_wins_over_use_bpm_in_a_loop(tmp_path):
    piece = write_piece(tmp_path, """
        use_bpm(120)

        @live_loop
        def a():
            use_bpm(200)
            play(60)
            sleep(1)
    """)
    out = tmp_path / "x.mid"
    summary = render_file(piece, out, beats=2, bpm=90)
    assert summary.bpm == 90 and summary.seconds == pytest.approx(4 / 3)
    runtime = loading.load(piece, bpm=90, until=2)
    assert onsets(runtime.events()) == [(0, 60), (1, 60)]


# ----- live_loop options --------------------------------------------------------------------


def test_live_loop_init_seed_and_auto_cue(tmp_path):
    source = """
        @live_loop(init=60)
        def counting(note):
            play(note)
            sleep(1)
            return note + 2

        @live_loop(seed=7, auto_cue=False)
        def quiet():
            play(rrand_i(0, 127))
            sleep(1)

        @live_loop
        def listener():
            sync("quiet", "counting")
            play(1)
    """
    events = run_piece(tmp_path, source, beats=3)
    assert onsets(events, "counting") == [(0, 60), (1, 62), (2, 64)]
    assert onsets(events, "listener") == [(1, 1), (2, 1)]  # only counting cues
    other = run_piece(tmp_path, source.replace("seed=7", "seed=8"), beats=3, name="other.py")
    assert onsets(events, "quiet") != onsets(other, "quiet")
    same = run_piece(tmp_path, source.replace("def quiet", "def renamed"), beats=3, name="same.py")
    assert onsets(events, "quiet") == onsets(same, "renamed")  # the seed, not the name or place, decides


def test_live_loop_sync_bpm_takes_the_cueing_tempo(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def fast():
            use_bpm(120)
            cue("go")
            sleep(4)

        @live_loop(sync_bpm="go")
        def follower():
            play(60)
            sleep(1)
    """, beats=3)
    assert onsets(events, "follower") == [(2, 60), (F(5, 2), 60)]


# ----- the time state -----------------------------------------------------------------------


def test_set_and_get_see_the_logical_time(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(800)
        set_("foo", 1)
        set_("foo", 2)
        sleep(0.1)

        @in_thread
        def t1():
            sleep(0)
            assert get("foo") == 2
            set_("foo", 3)

        assert get("foo") == 2

        @in_thread
        def t2():
            sleep(0)
            set_("foo", 5)
            sleep(0.1)
            sleep(0.1)
            set_("foo", 10)

        assert get("foo") == 2
        sleep(0.1)
        assert get("foo") == 5
        sleep(0.1)
        assert get("foo") == 5
        sleep(0.1)
        play(get("foo"))
    """, beats=1)
    assert onsets(events) == [(F(4, 10), 10)]


def test_get_matchers_as_sonic_pi(tmp_path):
    events = run_piece(tmp_path, """
        set_("/foo/bar3", 3)
        assert get("/foo/bar?") == 3
        assert get("/foo/bar{1,3}") == 3
        assert get("nothing") is None and get("nothing", 4) == 4
        play(60 + get("/foo/bar[0-9]", 0))
    """, beats=1)
    assert onsets(events) == [(0, 63)]


def test_a_loop_sees_a_set_made_earlier_by_a_loop_that_ran_behind(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def reader():
            sleep(3)                # its one iteration runs ahead to beat 3...
            play(get("x", 0))
            sleep(1)

        @live_loop
        def writer():
            sleep(1)
            set_("x", 60 + tick())  # ...yet sees what this set at beats 1 and 2 (not at 3:
    """, beats=4)                   # at one time, a thread started later comes after, as in Sonic Pi)
    assert onsets(events, "reader") == [(3, 61)]


# ----- reload -------------------------------------------------------------------------------


def test_reload_does_not_replay_the_top_level_and_reverts_a_deleted_kit(tmp_path):
    path = write_piece(tmp_path, """
        use_kit("tabla")
        play(30)

        @live_loop
        def drums():
            sample("na")
            sleep(1)
    """)
    runtime = loading.load(path)
    first = notes(runtime.events(until=2))
    assert (0, 30) in [(n[0], n[1]) for n in first]
    path.write_text("play(31)\n\n@live_loop\ndef drums():\n    sample('bd')\n    sleep(1)\n")
    loading.reload(runtime, path, now=2)
    later = notes(runtime.events(until=4))
    assert [n[1] for n in later] == [36, 36]  # the default kit's bass drum; no top-level note again


def test_a_broken_reload_changes_nothing(tmp_path):
    path = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    runtime = loading.load(path)
    list(runtime.events(until=2))
    path.write_text("@live_loop\ndef a():\n    play(61)\n    sleep(1)\n\nplay(62)\n1 / 0\n")
    with pytest.raises(ComposerError, match="ZeroDivisionError"):
        loading.reload(runtime, path, now=2)
    assert onsets(runtime.events(until=4)) == [(2, 60), (3, 60)]


def test_midi_input_messages_become_sonic_pi_cues(tmp_path):
    from composer.midi.cue_paths import cue_of

    assert cue_of("V49 MIDI 1", [0x90, 64, 100]) == ("/midi:v49_midi_1:1/note_on", [64, 100])
    assert cue_of("v49", [0xB3, 74, 7]) == ("/midi:v49:4/control_change", [74, 7])
    assert cue_of("v49", [0xE0, 0, 64]) == ("/midi:v49:1/pitch_bend", [8192])
    assert cue_of("v49", [0xFA]) == ("/midi:v49/start", [])
    assert cue_of("v49", [0xF8]) is None and cue_of("v49", [0x90, 64]) is None
    runtime = loading.load(write_piece(tmp_path, """
        @live_loop
        def echo():
            note, velocity = sync("/midi:*/note_on")
            play(note + 12, velocity=velocity)
    """))
    list(runtime.events(until=1))
    runtime.external_cue(*cue_of("v49", [0x91, 60, 80]), at=1)
    runtime.external_cue(*cue_of("v49", [0x91, 62, 90]), at=F(3, 2))
    assert [(n[0], n[1], n[2]) for n in notes(runtime.events(until=4))] == [(1, 72, 80), (F(3, 2), 74, 90)]


def test_a_reload_keeps_the_tempo_a_loop_started_with(tmp_path):
    source = """
        @live_loop
        def started_at_60():
            play(40)
            sleep(1)

        use_bpm(120)                # the piece's tempo; the loop above keeps Sonic Pi's 60
    """
    path = write_piece(tmp_path, source)
    runtime = loading.load(path)
    assert onsets(runtime.events(until=4)) == [(0, 40), (2, 40)]
    path.write_text(path.read_text().replace("play(40)", "play(41)"))
    loading.reload(runtime, path, now=4)
    assert onsets(runtime.events(until=8)) == [(4, 41), (6, 41)]


@pytest.mark.parametrize("source, message", [
    ("@at([1, -2])\ndef t():\n    play(60)\n", "piece.py:1: at() time cannot be negative"),
    ("@density(1.5)\ndef t():\n    sleep(1)\n", "piece.py:1: density above 1 repeats the block: it must be whole"),
    ("with with_bpm(0):\n    sleep(1)\n", "piece.py:1: bpm must be between"),
    ("@live_loop\ndef a():\n    with time_warp(1):\n        sync('x')\n    sleep(1)\n", "piece.py:4: sync inside time_warp"),
    ("@in_thread\ndef t():\n    1 / 0\n", "piece.py:3: ZeroDivisionError"),
])
def test_thread_and_time_errors_are_one_line_naming_the_line(tmp_path, source, message):
    with pytest.raises(ComposerError) as caught:
        run_piece(tmp_path, source, beats=4)
    assert "\n" not in str(caught.value) and message in str(caught.value)


def test_in_thread_seed_and_sync_bpm(tmp_path):
    events = run_piece(tmp_path, """
        @in_thread(seed=42)
        def one():
            play(rrand_i(30, 90))

        @in_thread(seed=42)
        def two():
            play(rrand_i(30, 90))

        @in_thread(name="fast")
        def fast():
            use_bpm(240)
            sleep(1)
            cue("go")

        @in_thread(name="follower", sync_bpm="go")
        def follower():
            play(70)
            sleep(1)                 # at the cueing thread's 240 bpm: a quarter of a beat
            play(71)
    """, beats=2)
    first, second = [n for b, n in onsets(events, "main")]
    assert first == second            # the same seed, the same stream
    assert onsets(events, "follower") == [(F(1, 4), 70), (F(1, 2), 71)]


def test_a_negative_sleep_goes_back_as_in_sonic_pi(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)
        sleep(1)
        sleep(-0.25)
        assert vt() == 0.75
        play(60)

        @live_loop
        def swung():
            sleep(-0.25)           # before this iteration began: played at its start...
            play(70)
            sleep(1.25)            # ...but the loop keeps Sonic Pi's time: no drift
    """, beats=3.5)
    assert onsets(events, "main") == [(F(3, 4), 60)]
    assert onsets(events, "swung") == [(F(3, 4), 70), (F(7, 4), 70), (F(11, 4), 70)]


def test_a_thread_at_its_own_tempo_keeps_its_seconds_across_piece_tempo_changes(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(60)

        @live_loop
        def pinned():              # started at 60: keeps 60 when the top level changes the tempo
            sleep(1.5)
            play(40, duration=1)
            sleep(1)

        sleep(2)
        use_bpm(120)               # beat 2 is 2 s; from there a beat is half a second
    """, beats=8)
    # Sonic Pi: pinned plays at 1.5 s, 4 s, 6.5 s; in the file's beats: 1.5, then 2 + 2 * 2, 2 + 4.5 * 2
    assert [(n[0], n[3]) for n in notes(events)] == [(F(3, 2), F(3, 2)), (6, 2)]


def test_an_accelerando_does_not_move_a_loop_at_its_own_tempo(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def clock():
            use_bpm(60)            # a note every two seconds, whatever the piece does
            play(60, duration=2)
            sleep(2)

        @live_loop
        def conductor():
            sleep(1)
            use_piece_bpm(120)     # from beat 1 a beat is half a second: clock, already
            sleep(100)             # computed up to beat 2, is moved to keep its seconds
    """, beats=12)
    # seconds 0, 2, 4, 6 are beats 0, 3, 7, 11; each note lasts 2 s, but for the first: it had
    # begun sounding (it was out) when the change came, so it keeps its length in beats
    assert [(n[0], n[3]) for n in notes(events) if n[5] == "clock"] == [(0, 2), (3, 4), (7, 4), (11, 4)]


def test_a_negative_delay_is_sonic_pi_s_sleep_back_in_time(tmp_path):
    """Sonic Pi's in_thread and live_loop sleep `delay:` first (runtime.rb's __in_thread), so a
    negative one takes the thread back: what it plays before it was started sounds then, and its
    sleeps land where Sonic Pi's do (cloud_beat's chord selector chooses half a beat early)."""
    played = notes(run_piece(tmp_path, """
        sleep(2)

        @live_loop(delay=-0.5)
        def early():
            play(60)
            sleep(4)

        @in_thread(delay=-1)
        def once():
            play(70)
            sleep(1.5)
            play(72)
    """, beats=12))
    assert [(beat, note) for beat, note, *_ in played] == [
        (2, 60), (2, 70), (F(5, 2), 72), (F(11, 2), 60), (F(19, 2), 60)]


def test_a_negative_delay_longer_than_the_first_iteration_is_refused(tmp_path):
    with pytest.raises(ComposerError, match=r"piece.py:1: live_loop 'a': its delay \(-4\) goes back further"):
        run_piece(tmp_path, "@live_loop(delay=-4)\ndef a():\n    play(60)\n    sleep(1)\n", beats=8)


@pytest.mark.parametrize("length, expected", [({"beats": 6}, 6), ({"bars": 2}, 14)])
def test_a_top_level_that_plays_forever_is_cut_at_the_end_of_a_render(tmp_path, length, expected):
    """The top level is a thread in virtual time (Sonic Pi's crushed example loops there for
    ever): a render stops it at its end, found through the piece's own 7/4 for --bars."""
    piece = write_piece(tmp_path, """
        use_time_signature(7, 4)
        while True:
            play(60)
            sleep(1)
    """)
    out = tmp_path / "forever.mid"
    render_file(piece, out, **length)
    onsets = [m for m in mido.MidiFile(out) if m.type == "note_on" and m.velocity]
    assert len(onsets) == expected


def test_a_top_level_that_loops_without_sleeping_is_still_stopped(tmp_path):
    piece = write_piece(tmp_path, "while True:\n    play(60)\n")
    with pytest.raises(ComposerError, match=r"piece.py:[12]: .*loop forever"):
        render_file(piece, tmp_path / "x.mid", beats=8)
