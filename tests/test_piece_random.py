"""Pieces make Sonic Pi's random choices, print as Sonic Pi logs, and --seed varies them."""

import hashlib
from fractions import Fraction as F

import mido

from composer.render import render_file
from pieces import notes, run_piece, write_piece

TWO_LOOPS = """
    @live_loop
    def a():
        play(rrand_i(0, 127))
        sleep(1)

    @live_loop
    def b():
        play(rrand_i(0, 127), channel=2)
        sleep(1)
"""


def rendered_notes(path):
    """(beat, note, channel 1-16) of each note-on in a rendered file."""
    midi = mido.MidiFile(path)
    out = []
    for track in midi.tracks:
        ticks = 0
        for message in track:
            ticks += message.time
            if message.type == "note_on" and message.velocity:
                out.append((F(ticks, midi.ticks_per_beat), message.note, message.channel + 1))
    return sorted(out)


def test_use_random_seed_0_then_rrand_i_is_sonic_pis(tmp_path):
    piece = write_piece(tmp_path, """
        @live_loop
        def a():
            use_random_seed(0)
            play(rrand_i(0, 127))  # 0 + trunc(0.75006103515625 * 128)
            play(rrand_i(0, 127))  # trunc(0.733917236328125 * 128)
            sleep(1)
    """)
    out = tmp_path / "out.mid"
    render_file(piece, out, beats=1, seed=0)
    assert rendered_notes(out) == [(0, 93, 1), (0, 96, 1)]


def test_each_loop_is_seeded_as_sonic_pis_in_thread_seeds_it(tmp_path):
    # The top level (seed 0) starts loop a with seed stream[1] * 441000 = 330776.9165...,
    # and loop b with stream[2] * 441000 = 323657.5012...; each then reads from its seed + 1.
    piece = write_piece(tmp_path, TWO_LOOPS)
    out = tmp_path / "out.mid"
    render_file(piece, out, beats=4, seed=0)
    got = rendered_notes(out)
    assert [n for beat, n, ch in got if ch == 1] == [118, 13, 95, 11]
    assert [n for beat, n, ch in got if ch == 2] == [122, 97, 60, 86]


def test_use_random_seed_at_the_top_seeds_the_loops_defined_after_it(tmp_path):
    events = run_piece(tmp_path, "use_random_seed(5)\n" + TWO_LOOPS.replace("\n    ", "\n"), beats=4)
    assert [n[1] for n in notes(events) if n[4] == 1] == [70, 28, 112, 106]


def test_seed_option_shifts_every_stream_and_the_same_seed_gives_the_same_bytes(tmp_path):
    piece = write_piece(tmp_path, TWO_LOOPS)
    digests = {}
    for seed in (0, 1, 0):
        out = tmp_path / f"out{seed}.mid"
        render_file(piece, out, beats=4, seed=seed)
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        assert digests.setdefault(seed, digest) == digest
    assert digests[0] != digests[1]
    # --seed 1 moves every thread one number along Sonic Pi's stream
    assert [n[1] for n in notes(run_piece(tmp_path, TWO_LOOPS, beats=4, seed=1)) if n[4] == 1] == [97, 60, 86, 34]


def test_a_loops_ticks_and_choices_are_its_own(tmp_path):
    events = run_piece(tmp_path, """
        notes = ring(60, 62, 64, 65)

        @live_loop
        def a():
            play(notes.tick())
            sleep(1)

        @live_loop
        def b():
            tick(step=2)
            play(notes.look(), channel=2)
            sleep(1)
    """, beats=3)
    assert [n[1] for n in notes(events) if n[4] == 1] == [60, 62, 64]
    assert [n[1] for n in notes(events) if n[4] == 2] == [62, 65, 62]


def test_puts_prints_one_line_per_call_as_sonic_pis_log(tmp_path, capsys):
    run_piece(tmp_path, """
        puts("top", 3)

        @live_loop
        def a():
            use_random_seed(0)
            puts(rand())
            print(Symbol("foo"), "text", [1, 2], ring(1, 2, 3), None, True, 1.5e20)
            sleep(0.5)
    """, beats=1)
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        '{beat: 0.0} "top" 3',
        "{beat: 0.0, loop: :a} 0.75006103515625",
        '{beat: 0.0, loop: :a} :foo "text" [1, 2] (ring 1, 2, 3) nil true 1.5e+20',
        "{beat: 0.5, loop: :a} 0.75006103515625",
        '{beat: 0.5, loop: :a} :foo "text" [1, 2] (ring 1, 2, 3) nil true 1.5e+20',
    ]


def test_pythons_print_keywords_still_work(tmp_path, capsys):
    run_piece(tmp_path, """
        @live_loop
        def a():
            print("plain", 1, sep="-")
            sleep(1)
    """, beats=1)
    assert capsys.readouterr().out == "plain-1\n"


def test_a_piece_that_only_prints_renders_an_empty_file(tmp_path, capsys):
    piece = write_piece(tmp_path, """
        @live_loop
        def a():
            puts(tick())
            sleep(1)
    """)
    out = tmp_path / "out.mid"
    render_file(piece, out, beats=2)
    assert rendered_notes(out) == []
    assert capsys.readouterr().err.splitlines() == ["{beat: 0.0, loop: :a} 0", "{beat: 1.0, loop: :a} 1"]


def test_a_loop_added_on_reload_is_seeded_after_the_running_ones(tmp_path):
    # A re-run starts a fresh top level (seed 0); Sonic Pi starts two threads for a live_loop
    # that already runs (one finds the name taken, one moves the loop), so the running loop a
    # takes thread numbers 0 and 1 and the new loop b gets stream[3] * 441000 as its seed.
    from composer.runtime import loading

    loop_a = "@live_loop\ndef a():\n    play(60)\n    sleep(1)\n"
    path = write_piece(tmp_path, loop_a)
    runtime = loading.load(path)
    list(runtime.events(until=2))
    write_piece(tmp_path, loop_a + "@live_loop\ndef b():\n    play(rrand_i(0, 127), channel=2)\n    sleep(1)\n")
    loading.reload(runtime, path, now=2)
    added = [n[1] for n in notes(runtime.events(until=5)) if n[4] == 2]
    assert added == [10, 117, 101]  # seed 204713.470458984375


def test_live_loop_seed_is_use_random_seed_inside_its_thread(tmp_path):
    # Sonic Pi's live_loop starts its thread as any other (taking the top level's next thread
    # number) and then calls use_random_seed(seed) in it: the seed is exact, whatever the top
    # level's seed, and the loops defined after it are seeded as if it had none.
    events = run_piece(tmp_path, """
        use_random_seed(5)

        @live_loop(seed=0)
        def a():
            play(rrand_i(0, 127))
            sleep(1)

        @live_loop
        def b():
            play(rrand_i(0, 127), channel=2)
            sleep(1)
    """, beats=2)
    assert [n[1] for n in notes(events) if n[4] == 1] == [96, 93]  # stream[1], stream[2] * 128
    # b is the top level's second thread: seed stream[5 + 1 + 1] * 441000 + 5
    # = 0.822113037109375 * 441000 + 5 = 362556.849365234375
    assert [n[1] for n in notes(events) if n[4] == 2] == [119, 39]
