"""The arpeggiator, pure: every mode, rate, gate, octaves, latch (patch and pedal), chord changes."""

from fractions import Fraction

import pytest

from composer.errors import UnknownNameError
from composer.patch.model import ArpeggiatorSettings
from composer.perform.arpeggiator import MODES, Arpeggiator, resolve_mode, run
from composer.theory.arp import ARP_MODES, arp

C_MAJ7 = (60, 64, 67, 71)


def held(arpeggiator, notes=C_MAJ7, velocity=90):
    for n in notes:
        arpeggiator.press(n, velocity)
    return arpeggiator


def pitches(events):
    return [e.note for e in events]


@pytest.mark.parametrize("mode", list(ARP_MODES))
@pytest.mark.parametrize("octaves", [1, 2, 3])
def test_tidal_modes_follow_theory_arp(mode, octaves):
    arpeggiator = held(Arpeggiator(mode, octaves=octaves), (67, 60, 71, 64))  # pressed out of order
    cycle = arp(list(C_MAJ7), mode, octaves)
    events = run(arpeggiator, 0, 2 * len(cycle))
    assert pitches(events) == cycle * 2


def test_every_mode_plays_something_for_one_note():
    for mode in MODES:
        events = run(held(Arpeggiator(mode), (60,)), 0, 4)
        assert events and {e.note for e in events} == {60}, mode


def test_mode_list_is_tidal_plus_ableton():
    assert set(MODES) == set(ARP_MODES) | {"random", "random_once", "chord", "played"}
    assert resolve_mode(":UpDown") == "updown"
    with pytest.raises(UnknownNameError):
        resolve_mode("upp")


def test_played_keeps_press_order_and_octaves():
    arpeggiator = held(Arpeggiator("played", octaves=2), (67, 60, 64))
    assert pitches(run(arpeggiator, 0, 6)) == [67, 60, 64, 79, 72, 76]


def test_chord_plays_all_notes_each_step():
    arpeggiator = held(Arpeggiator("chord", octaves=2, rate=0.5))
    events = run(arpeggiator, 0, 3)
    assert [(e.beat, e.note) for e in events] == (
        [(0, n) for n in C_MAJ7] + [(Fraction(1, 2), n + 12) for n in C_MAJ7] + [(1, n) for n in C_MAJ7])


def test_random_is_seeded_and_stays_in_the_chord():
    one = pitches(run(held(Arpeggiator("random", octaves=2, seed=3)), 0, 64))
    two = pitches(run(held(Arpeggiator("random", octaves=2, seed=3)), 0, 64))
    other = pitches(run(held(Arpeggiator("random", octaves=2, seed=4)), 0, 64))
    assert one == two != other
    assert set(one) <= {n + o for n in C_MAJ7 for o in (0, 12)}
    assert len(set(one)) > 4


def test_random_once_repeats_one_order_per_chord():
    arpeggiator = held(Arpeggiator("random_once", seed=1))
    first = pitches(run(arpeggiator, 0, 4))
    assert sorted(first) == list(C_MAJ7)
    assert pitches(run(arpeggiator, 1, 8)) == first * 2
    for n in C_MAJ7:
        arpeggiator.release(n)
    held(arpeggiator, (62, 65, 69, 72))
    second = pitches(run(arpeggiator, 3, 4))
    assert sorted(second) == [62, 65, 69, 72]


@pytest.mark.parametrize("rate, gate", [(0.25, 0.5), (0.5, 1.0), (1, 0.1), (Fraction(1, 3), 0.75)])
def test_rate_and_gate_set_grid_and_length(rate, gate):
    arpeggiator = held(Arpeggiator("up", rate=rate, gate=gate))
    events = run(arpeggiator, 2, 8)
    step = Fraction(rate) if isinstance(rate, Fraction) else Fraction(str(rate))
    assert [e.beat for e in events] == [2 + i * step for i in range(8)]
    assert all(e.duration == Fraction(str(gate)) * step for e in events)


def test_velocity_is_each_keys_own_even_an_octave_up():
    arpeggiator = Arpeggiator("up", octaves=2)
    arpeggiator.press(60, 40)
    arpeggiator.press(64, 120)
    assert [(e.note, e.velocity) for e in run(arpeggiator, 0, 4)] == [(60, 40), (64, 120), (72, 40), (76, 120)]


def test_nothing_held_nothing_played():
    arpeggiator = Arpeggiator("up")
    assert run(arpeggiator, 0, 4) == []
    held(arpeggiator)
    for n in C_MAJ7:
        arpeggiator.release(n)
    assert run(arpeggiator, 0, 4) == []


def test_chord_change_keeps_the_pulse_and_a_new_chord_starts_at_the_top():
    arpeggiator = held(Arpeggiator("up"), (60, 64, 67))
    assert pitches(run(arpeggiator, 0, 2)) == [60, 64]
    arpeggiator.press(70, 90)  # a note added mid-pattern: the pattern goes on from its place
    assert pitches(run(arpeggiator, 0, 2)) == [67, 70]
    for n in (60, 64, 67, 70):
        arpeggiator.release(n)
    held(arpeggiator, (62, 65))
    assert pitches(run(arpeggiator, 0, 3)) == [62, 65, 62]


def test_latch_keeps_notes_until_a_new_chord():
    arpeggiator = held(Arpeggiator("up", latch=True), (60, 64))
    for n in (60, 64):
        arpeggiator.release(n)
    assert pitches(run(arpeggiator, 0, 4)) == [60, 64, 60, 64]
    held(arpeggiator, (65, 69))  # new chord replaces the latched one
    assert pitches(run(arpeggiator, 0, 3)) == [65, 69, 65]
    arpeggiator.release(65)
    arpeggiator.press(72, 90)  # added while 69 is still down: same chord
    assert sorted(arpeggiator.held) == [65, 69, 72]


def test_sustain_pedal_latches_while_down():
    arpeggiator = held(Arpeggiator("up"), (60, 64))
    arpeggiator.set_pedal(True)
    arpeggiator.release(60)
    arpeggiator.release(64)
    assert pitches(run(arpeggiator, 0, 2)) == [60, 64]
    arpeggiator.set_pedal(False)
    assert run(arpeggiator, 0, 2) == []


def test_latch_off_drops_released_notes_but_keeps_those_down():
    arpeggiator = held(Arpeggiator("up", latch=True), (60, 64))
    arpeggiator.release(60)
    arpeggiator.set_latch(False)
    assert sorted(arpeggiator.held) == [64]
    arpeggiator.clear()
    assert arpeggiator.held == {} and arpeggiator.pressed == {}


def test_octaves_never_go_past_127():
    arpeggiator = held(Arpeggiator("up", octaves=4), (100, 110))
    assert max(pitches(run(arpeggiator, 0, 16))) <= 127
    chord = held(Arpeggiator("chord", octaves=4), (100, 110))
    assert all(e.note <= 127 for e in run(chord, 0, 8))


def test_from_patch_settings():
    settings = ArpeggiatorSettings(mode="updown", rate=0.5, octaves=2, gate=0.6, latch=True)
    arpeggiator = Arpeggiator.from_settings(settings, seed=5)
    assert (arpeggiator.mode, arpeggiator.rate, arpeggiator.octaves, arpeggiator.patch_latch) == (
        "updown", Fraction(1, 2), 2, True)
    assert arpeggiator.duration == Fraction(3, 10)


@pytest.mark.parametrize("bad", [dict(rate=0), dict(gate=0), dict(gate=1.5), dict(octaves=0)])
def test_bad_settings_are_refused(bad):
    with pytest.raises(ValueError):
        Arpeggiator("up", **bad)


def test_every_mode_can_be_chosen_in_a_patch():
    from composer.patch.loader import parse_patch

    for mode in MODES:
        patch = parse_patch(f'name = "x"\n[arpeggiator]\nmode = "{mode}"\n')
        assert Arpeggiator.from_settings(patch.arpeggiator).mode == mode
