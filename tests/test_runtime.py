"""The runtime: loops in exact virtual time, merged deterministically; Sonic Pi semantics."""

from fractions import Fraction as F

import pytest

from composer.errors import ComposerError
from composer.runtime.events import Tempo, TimeSignature
from pieces import notes, run_piece


def test_play_and_sleep_place_notes_at_exact_beats(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def melody():
            play(60, duration=0.5)
            sleep(0.5)
            play("e4", velocity=80, channel=2)
            sleep(1/3)
            play([67, 71])
            sleep(2/3 + 1)
    """, beats=2.5)
    assert notes(events) == [
        (F(0), 60, 100, F(1, 2), 1, "melody"),
        (F(1, 2), 64, 80, F(1), 2, "melody"),
        (F(5, 6), 67, 100, F(1), 1, "melody"),
        (F(5, 6), 71, 100, F(1), 1, "melody"),
        (F(5, 2), 60, 100, F(1, 2), 1, "melody"),
    ][:4]


def test_loops_merge_in_time_order_and_ties_keep_definition_order(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def slow():
            play(48)
            sleep(1)

        @live_loop
        def fast():
            play(72)
            sleep(0.5)
    """, beats=2)
    assert [(b, n) for b, n, *_ in notes(events)] == [
        (F(0), 48), (F(0), 72), (F(1, 2), 72), (F(1), 48), (F(1), 72), (F(3, 2), 72)
    ]


def test_piece_settings_become_tempo_and_time_signature_events(tmp_path):
    events = run_piece(tmp_path, """
        use_bpm(150)
        use_time_signature(7, 8)

        @live_loop
        def a():
            sleep(1)
            use_piece_bpm(75)
            sleep(1)
    """, beats=3)
    assert Tempo(F(0), F(150)) in events
    assert TimeSignature(F(0), 7, 8) in events
    assert Tempo(F(1), F(75)) in events


def test_output_is_identical_run_to_run(tmp_path):
    source = """
        @live_loop
        def a():
            play(rrand_i(40, 80), velocity=rrand_i(1, 127))
            sleep(choose([0.25, 0.5, 0.75]))
    """
    assert run_piece(tmp_path, source, beats=32) == run_piece(tmp_path, source, beats=32)


def test_seed_changes_choices(tmp_path):
    source = """
        @live_loop
        def a():
            play(rrand_i(0, 127))
            sleep(1)
    """
    assert notes(run_piece(tmp_path, source, beats=16, seed=1)) != notes(run_piece(tmp_path, source, beats=16, seed=2))


def test_adding_a_loop_does_not_change_another_loops_random_choices(tmp_path):
    one = """
        @live_loop
        def melody():
            play(rrand_i(40, 90))
            sleep(0.5)
    """
    two = one + """
        @live_loop
        def noise():
            play(rrand_i(0, 127), channel=2)
            sleep(0.25)
    """
    melody = lambda events: [n for n in notes(events) if n[5] == "melody"]  # noqa: E731
    assert melody(run_piece(tmp_path, one, beats=16)) == melody(run_piece(tmp_path, two, beats=16))


def test_use_random_seed_gives_the_same_stream_in_any_loop(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def a():
            use_random_seed(42)
            play(rrand_i(0, 127))
            sleep(1)

        @live_loop
        def b():
            use_random_seed(42)
            play(rrand_i(0, 127), channel=2)
            sleep(1)
    """, beats=1)
    first, second = notes(events)
    assert first[1] == second[1]


def test_ring_tick_steps_per_loop_and_look_reads_without_advancing(tmp_path):
    events = run_piece(tmp_path, """
        notes = ring(60, 62, 64)

        @live_loop
        def a():
            play(notes.tick())
            play(notes.look() + 12)
            sleep(1)

        @live_loop
        def b():
            play(notes.tick(), channel=2)
            sleep(2)
    """, beats=4)
    a = [n[1] for n in notes(events) if n[5] == "a"]
    b = [n[1] for n in notes(events) if n[5] == "b"]
    assert a == [60, 72, 62, 74, 64, 76, 60, 72]
    assert b == [60, 62]


def test_sample_plays_the_kit_drum_on_channel_10(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def drums():
            sample("bd")
            sleep(0.5)
            use_kit("tabla")
            sample("na", velocity=90)
            sleep(0.5)
    """, beats=1)
    assert [(n[1], n[2], n[4]) for n in notes(events)] == [(36, 100, 10), (60, 90, 10)]


def test_spread_is_euclidean_like_sonic_pi(tmp_path):
    events = run_piece(tmp_path, """
        hits = spread(3, 8)

        @live_loop
        def a():
            if hits.tick():
                sample("bd")
            sleep(0.25)
    """, beats=2)
    assert [n[0] for n in notes(events)] == [F(0), F(3, 4), F(3, 2)]


def test_sync_waits_for_the_cue_and_takes_its_time(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def conductor():
            sleep(3)
            cue("go")
            sleep(1)

        @live_loop
        def follower():
            sync("go")
            play(60)
            sleep(0.5)
    """, beats=12)
    assert [n[0] for n in notes(events)] == [F(3), F(7), F(11)]


def test_live_loop_sync_option_and_implicit_loop_cue(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def metronome():
            sleep(2)

        @live_loop(sync="metronome", delay=1)
        def late():
            play(60)
            sleep(2)
    """, beats=6)
    # delay moves the first iteration to beat 1; the next metronome cue after that is beat 2
    assert [n[0] for n in notes(events)] == [F(2), F(4)]


def test_stop_ends_a_loop_after_its_iteration(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def once():
            play(60)
            sleep(1)
            stop()
    """, beats=8)
    assert len(notes(events)) == 1


def test_play_cycle_plays_mini_notation_over_a_bar(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def drums():
            play_cycle("bd [~ sn] <hh oh>")

        @live_loop
        def line():
            play_cycle("0 2 4", scale=scale("e3", "minor_pentatonic"), beats=3, channel=2)
    """, beats=8)
    drums = [(n[0], n[1]) for n in notes(events) if n[5] == "drums"]
    assert drums[:3] == [(F(0), 36), (F(2), 38), (F(8, 3), 42)]
    assert drums[5] == (4 + F(8, 3), 46)
    line = [(n[0], n[1], n[3]) for n in notes(events) if n[5] == "line"]
    assert line[:3] == [(F(0), 52, F(1)), (F(1), 57, F(1)), (F(2), 62, F(1))]


@pytest.mark.parametrize(
    "source, message",
    [
        ("@live_loop\ndef a():\n    play(60)\n", "piece.py:1: live_loop 'a' did not sleep"),
        ("@live_loop\ndef a():\n    plya(60)\n    sleep(1)\n", "piece.py:3: NameError: name 'plya' is not defined; did you mean 'play'?"),
        ("@live_loop\ndef a(:\n    sleep(1)\n", "piece.py:2, column 7: syntax error"),
        ("@live_loop\ndef a():\n    play(60, channel=17)\n    sleep(1)\n", "piece.py:3: channel must be 1-16, got 17"),
        ("@live_loop\ndef a():\n    play(scale('e3', 'minr'))\n    sleep(1)\n", "piece.py:3: unknown scale 'minr'"),
        ("@live_loop\ndef a():\n    sample('bdd')\n    sleep(1)\n", "did you mean 'bd'"),
    ],
)
def test_piece_errors_are_one_line_and_name_the_line(tmp_path, source, message):
    with pytest.raises(ComposerError) as caught:
        run_piece(tmp_path, source, beats=4)
    text = str(caught.value)
    assert "\n" not in text
    assert message in text


def test_a_body_that_never_returns_plays_on_for_ever(tmp_path):
    """As in Sonic Pi, where a thread is a thread (see test_forever.py): with no end, its
    events come lazily, as far as they are asked for."""
    from itertools import islice

    from composer.runtime import loading
    from pieces import write_piece

    runtime = loading.load(write_piece(tmp_path, """
        @live_loop
        def a():
            while True:
                play(60)
                sleep(1)
    """))
    assert [e.beat for e in islice((e for e in runtime.events() if type(e).__name__ == "Note"), 5000)] == list(range(5000))


def test_render_length_stops_an_endless_body_at_the_end(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def a():
            while True:
                play(60)
                sleep(1)
    """, beats=4)
    assert len(notes(events)) == 4


def test_paused_loop_waits_for_a_launch_and_stops_after_its_iteration(tmp_path):
    from composer.runtime import loading
    from pieces import write_piece

    runtime = loading.load(write_piece(tmp_path, """
        @live_loop
        def clock():
            sleep(1)

        @live_loop(paused=True)
        def fill():
            play(60)
            sleep(1)
    """))
    assert notes(runtime.events(until=4)) == []
    runtime.start_loop("fill", at=4)
    assert [n[0] for n in notes(runtime.events(until=6))] == [F(4), F(5)]
    runtime.stop_loop("fill")
    assert notes(runtime.events(until=10)) == []
    assert runtime.track_order == ["clock", "fill"]


def test_spread_rotate_moves_to_the_next_hit_as_in_sonic_pi():
    from composer.sequences import spread

    T, F_ = True, False
    assert list(spread(3, 8, rotate=1)) == [T, F_, F_, T, F_, T, F_, F_]
    assert list(spread(3, 8, rotate=3)) == list(spread(3, 8))
    assert list(spread(0, 4, rotate=2)) == [F_] * 4


def test_a_loop_added_from_outside_survives_a_reload(tmp_path):
    from composer.runtime import loading
    from composer.runtime.piece import LoopDefinition
    from pieces import write_piece

    path = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    runtime = loading.load(path)

    def arpeggiator():
        runtime.note(72, 90, F(1, 2), 0)
        runtime.sleep(1)

    runtime.add_loop(LoopDefinition("arpeggiator", arpeggiator, 0), at=0)
    list(runtime.events(until=2))
    write_piece(tmp_path, "@live_loop\ndef b():\n    play(64)\n    sleep(1)\n")
    loading.reload(runtime, path, now=2)
    later = notes(runtime.events(until=5))
    assert {n[5] for n in later} == {"b", "arpeggiator"}


def test_play_pattern_timed_cycles_its_times(tmp_path):
    events = run_piece(tmp_path, """
        @live_loop
        def a():
            play_pattern_timed([60, 62, 64], [0.5, 1])
            play_pattern_timed([65], 0.5)
    """, beats=2.5)
    assert [(n[0], n[1]) for n in notes(events)] == [(F(0), 60), (F(1, 2), 62), (F(3, 2), 64), (F(2), 65)]


def test_a_reload_naming_an_unknown_kit_changes_nothing(tmp_path):
    from composer.errors import ComposerError
    from composer.runtime import loading
    from composer.runtime.piece import PieceDefinition
    from pieces import write_piece

    path = write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    runtime = loading.load(path)
    list(runtime.events(until=2))
    with pytest.raises(ComposerError):
        runtime.reload(PieceDefinition(path=path, loops={}, kit="nope"), now=2)  # would remove `a`
    assert set(runtime.loops) == {"a"}
    assert {n[5] for n in notes(runtime.events(until=5))} == {"a"}


def test_a_reload_ends_a_removed_loops_notes_with_its_last_iteration(tmp_path):
    from composer.runtime import loading
    from composer.runtime.messages import Expander
    from pieces import write_piece

    path = write_piece(tmp_path, "@live_loop\ndef pad():\n    play(40, duration=64)\n    sleep(4)\n\n"
                                 "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    runtime, expander = loading.load(path), Expander()
    heard = [m for e in runtime.events(until=2) for m in expander.feed(e)]
    write_piece(tmp_path, "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n")
    loading.reload(runtime, path, now=2)
    later = [m for e in runtime.events(until=8) for m in expander.feed(e)] + expander.flush_all()
    pad = [(m.beat, m.data) for m in heard + later if m.track == "pad"]
    assert pad == [(F(0), (0x90, 40, 100)), (F(4), (0x80, 40, 0))]  # ended where its iteration ended
