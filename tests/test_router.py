"""The router, pure: controller messages in, actions out, as a patch says. Also the bar-quantised
loop launcher on a real runtime (no ports)."""

from fractions import Fraction
from pathlib import Path

import pytest

from composer.controller.curves import apply, parse_curve
from composer.controller.simulator import V49Simulator
from composer.patch.loader import load_patch, parse_patch
from composer.perform.loops import LoopLauncher
from composer.perform.router import (
    ArpLatch,
    ArpPedal,
    ArpPress,
    ArpRelease,
    LoopAction,
    Panic,
    Router,
    Send,
    SetParam,
    SetTempo,
    TapTempo,
    TapTempoMeter,
    is_valid,
)
from composer.runtime import loading
from composer.runtime.events import Control, Note, Release
from composer.runtime.messages import Expander

from pieces import write_piece  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LIVE_SET = ROOT / "samples" / "pieces" / "live_set.py"

SPLIT = """
name = "split"
[keys]
curve = "hard"
octave = 1
transpose = 2
split = "c4"
[keys.lower]
channel = 3
curve = "soft"
transpose = -12
[keys.upper]
channel = 4
[calibration.pads]
2 = [[10, 40], [100, 110], [127, 127]]
[[pads]]
pad = 1
action = "drum"
drum = "snare"
curve = "hard"
[[pads]]
pad = 2
action = "note"
note = 70
channel = 5
curve = "soft"
[[pads]]
pad = 3
action = "launch"
loop = "lead"
[[pads]]
pad = 4
action = "toggle"
loop = "drums"
[[pads]]
pad = 5
action = "fill"
loop = "fill"
[[pads]]
pad = 6
action = "stop"
loop = "bass"
[knobs.1]
target = "bpm"
min = 60
max = 180
[knobs.2]
target = "param"
name = "cutoff"
min = 200.0
max = 8000.0
[knobs.3]
target = "cc"
number = 74
channel = 2
min = 10
max = 20
[buttons.1]
action = "arp_latch"
[buttons.2]
action = "tap_tempo"
[buttons.3]
action = "panic"
[buttons.4]
action = "cc"
number = 80
channel = 6
"""

ARP_SPLIT = """
name = "arp"
[keys]
split = "c4"
[keys.lower]
role = "arpeggiator"
channel = 2
[keys.upper]
channel = 1
"""


def router_for(text, **options):
    return Router(parse_patch(text), **options)


# ----- keys ---------------------------------------------------------------------------------
def test_default_patch_passes_keys_straight_through():
    router = Router(load_patch(str(ROOT / "patches" / "default.toml")))
    assert router.route([0x90, 60, 77]) == [Send((0x90, 60, 77), "keys")]
    assert router.route([0x80, 60, 0]) == [Send((0x80, 60, 0), "keys")]
    assert router.route([0x90, 62, 0]) == []  # note-on velocity 0 for a key never pressed


def test_split_octave_transpose_and_zone_curves():
    router = router_for(SPLIT)
    lower = router.route([0x90, 48, 64])
    upper = router.route([0x90, 72, 64])
    soft, hard = parse_curve("soft"), parse_curve("hard")
    # lower: 48 + 12 (octave) + 2 (keys transpose) - 12 (zone) on channel 3, soft curve
    assert lower == [Send((0x92, 50, apply(soft, 64)), "keys")]
    # upper: 72 + 12 + 2 on channel 4; a zone without its own curve takes the keys' curve
    assert upper == [Send((0x93, 86, apply(hard, 64)), "keys")]
    assert router.route([0x80, 48, 0]) == [Send((0x82, 50, 0), "keys")]
    assert router.route([0x80, 72, 0]) == [Send((0x83, 86, 0), "keys")]


def test_split_point_is_the_first_note_of_the_upper_zone():
    router = router_for(SPLIT)
    assert router.route([0x90, 59, 100])[0].data[0] == 0x92
    assert router.route([0x90, 60, 100])[0].data[0] == 0x93


def test_note_off_matches_the_note_on_and_repeats_end_the_first():
    router = router_for(SPLIT)
    router.route([0x90, 72, 100])
    again = router.route([0x90, 72, 50])
    assert again == [Send((0x83, 86, 0), "keys"), Send((0x93, 86, apply(parse_curve("hard"), 50)), "keys")]
    assert router.route([0x80, 72, 0]) == [Send((0x83, 86, 0), "keys")]
    assert router.route([0x80, 72, 0]) == []


def test_notes_shifted_out_of_range_are_dropped():
    router = router_for('name = "x"\n[keys]\noctave = 4\ntranspose = 12\n')
    assert router.route([0x90, 120, 100]) == []
    assert router.route([0x80, 120, 0]) == []


def test_arpeggiator_zone_feeds_the_arpeggiator_and_the_rest_plays():
    router = router_for(ARP_SPLIT)
    assert router.route([0x90, 48, 90]) == [ArpPress(48, 90)]
    assert router.route([0x90, 72, 90]) == [Send((0x90, 72, 90), "keys")]
    assert router.route([0x80, 48, 0]) == [ArpRelease(48)]
    assert router.route([0xB0, 64, 127]) == [Send((0xB0, 64, 127), "keys"), ArpPedal(True)]


def test_arpeggiator_without_split_takes_the_whole_keyboard():
    router = router_for('name = "x"\n[arpeggiator]\nmode = "down"\n')
    assert router.route([0x90, 72, 90]) == [ArpPress(72, 90)]
    assert router.route([0xB0, 1, 5]) == []  # no play zone for the mod wheel to reach


def test_mod_wheel_bend_and_sustain_go_to_every_play_zone():
    router = router_for(SPLIT)
    assert router.route([0xB0, 1, 33]) == [Send((0xB2, 1, 33), "keys"), Send((0xB3, 1, 33), "keys")]
    assert router.route([0xE0, 0, 64]) == [Send((0xE2, 0, 64), "keys"), Send((0xE3, 0, 64), "keys")]
    assert router.route([0xB0, 64, 0]) == [Send((0xB2, 64, 0), "keys"), Send((0xB3, 64, 0), "keys"),
                                           ArpPedal(False)]


# ----- pads ---------------------------------------------------------------------------------
def test_pads_use_calibration_then_their_curve():
    router = router_for(SPLIT)
    device = V49Simulator()
    raw = device.pad_down(2, velocity=55)
    calibrated = apply(parse_curve([[10, 40], [100, 110], [127, 127]]), raw)
    assert router.route(device.sent[-1]) == [Send((0x94, 70, apply(parse_curve("soft"), calibrated)), "pads")]
    device.pad_up(2)
    assert router.route(device.sent[-1]) == [Send((0x84, 70, 0), "pads")]


def test_drum_pad_plays_its_kit_note_with_its_curve():
    router = router_for(SPLIT)
    device = V49Simulator()
    device.pad_hit(1, velocity=80)
    actions = [a for m in device.sent for a in router.route(m)]
    assert actions == [Send((0x99, 38, apply(parse_curve("hard"), 80)), "pads"), Send((0x89, 38, 0), "pads")]


def test_loop_pads_ask_for_loop_actions_on_the_strike_only():
    router = router_for(SPLIT)
    device = V49Simulator()
    for pad in (3, 4, 5, 6):
        device.pad_hit(pad)
    actions = [a for m in device.sent for a in router.route(m)]
    assert actions == [LoopAction("launch", "lead"), LoopAction("toggle", "drums"), LoopAction("fill", "fill"),
                       LoopAction("stop", "bass")]


def test_unlisted_pads_play_their_factory_note():
    router = router_for(SPLIT)
    device = V49Simulator()
    device.pad_hit(8, velocity=100)
    assert router.route(device.sent[0]) == [Send((0x99, 39, 100), "pads")]


# ----- knobs and buttons --------------------------------------------------------------------
def test_knobs_set_tempo_params_and_ccs():
    router = router_for(SPLIT)
    device = V49Simulator()
    device.knob(1, 127)
    device.knob(1, 0)
    device.knob(2, 127)
    device.knob(3, 127)
    device.knob(4, 64)  # no knob 4 in the patch
    actions = [a for m in device.sent for a in router.route(m)]
    assert actions == [SetTempo(180.0), SetTempo(60.0), SetParam("cutoff", 8000.0), Send((0xB1, 74, 20), "controls")]


def test_buttons():
    router = router_for(SPLIT)
    device = V49Simulator()
    for button in (1, 2, 3, 4, 1):
        device.button(button)
    actions = [a for m in device.sent for a in router.route(m)]
    assert actions == [ArpLatch(True), TapTempo(), Panic(), Send((0xB5, 80, 127), "controls"), ArpLatch(False)]


def test_tap_tempo_meter():
    meter = TapTempoMeter()
    assert meter.tap(10.0) is None
    assert meter.tap(10.5) == pytest.approx(120)
    assert meter.tap(11.0) == pytest.approx(120)
    assert meter.tap(20.0) is None  # a long pause starts again
    assert meter.tap(20.25) == pytest.approx(240)


# ----- junk ---------------------------------------------------------------------------------
JUNK = [
    [], [0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7], [0xF8], [0xFA], [0xFE], [0xFF],
    [0x90, 60], [0x90, 60, 200], [0x90, 160, 100], [60, 100], [0x90, 60, 100, 5],
    [0x91, 60, 100],  # another channel
    [0x99, 50, 100],  # the pads' channel, not a pad's note
    [0xA0, 60, 50], [0xD0, 40], [0xC0, 5], [0xB0, 7, 100],
    "junk", None, [0x90, -1, 5], [0x90, 60.5, 100],
]


@pytest.mark.parametrize("message", JUNK, ids=range(len(JUNK)))
def test_junk_is_ignored_never_raises(message):
    router = router_for(SPLIT)
    assert router.route(message) == []


def test_unmapped_channel_messages_pass_through_when_asked():
    router = router_for(SPLIT, thru_other=True)
    assert router.route([0x91, 60, 100]) == [Send((0x91, 60, 100), "thru")]
    assert router.route([0xC0, 5]) == [Send((0xC0, 5), "thru")]
    assert router.route([0xB0, 23, 9]) == [Send((0xB0, 23, 9), "thru")]  # knob 4: not in the patch
    assert router.route([0xF8]) == []  # the patch does not ask for clock
    assert router.route([0x90, 60, 200]) == []


SYSTEM = [[0xF0, 0x7E, 0x7F, 0x06, 0x01, 0xF7], [0xF8], [0xFA], [0xFB], [0xFC], [0xF2, 0x10, 0x01]]


@pytest.mark.parametrize("thru, passed", [
    ("", []),
    ("unmapped = true", [[0x91, 60, 100], [0xB0, 23, 9]]),
    ("sysex = true", [SYSTEM[0]]),
    ("clock = true", SYSTEM[1:]),
    ("unmapped = true\nsysex = true\nclock = true", [[0x91, 60, 100], [0xB0, 23, 9], *SYSTEM]),
])
def test_the_patch_thru_table_says_what_passes(thru, passed):
    router = router_for(SPLIT + f"\n[thru]\n{thru}\n")
    unmapped = [[0x91, 60, 100], [0xB0, 23, 9]]  # another channel, knob 4
    malformed = [[0xF0, 0x7E, 0x90, 0xF7], [0xF0, 0x7E], [0xF8, 1], [0xF2, 0x80, 0], [0xF1, 5], [0xFF], [0xFE]]
    got = [list(action.data) for message in unmapped + SYSTEM + malformed for action in router.route(message)]
    assert got == passed
    assert all(action.track == "thru" for message in passed for action in router.route(message))


def test_unassigned_buttons_pass_through_only_when_asked():
    default = (ROOT / "patches" / "default.toml").read_text()
    assert Router(parse_patch(default)).route([0xB0, 51, 127]) == []
    thru = default.replace("unmapped = false", "unmapped = true")
    assert Router(parse_patch(thru)).route([0xB0, 51, 127]) == [
        Send((0xB0, 51, 127), "thru")]


def test_is_valid():
    assert is_valid((0x90, 1, 2)) and is_valid((0xC3, 9)) and not is_valid((0xC3, 9, 1)) and not is_valid((0x80,))


def test_release_all_ends_held_keys_and_pads():
    router = router_for(SPLIT)
    router.route([0x90, 72, 100])
    router.route([0x99, 49, 100])  # pad 1: the snare
    assert router.release_all() == [Send((0x83, 86, 0), "keys"), Send((0x89, 38, 0), "pads")]
    assert router.release_all() == []


# ----- loops on the next bar ----------------------------------------------------------------
def first_beats(runtime, until):
    firsts = {}
    for event in runtime.events(until=until):
        if hasattr(event, "track"):
            firsts.setdefault(event.track, event.beat)
    return firsts


def test_launch_waits_for_the_next_bar():
    runtime = loading.load(LIVE_SET)
    launcher = LoopLauncher(runtime)
    list(runtime.events(until=5))
    assert launcher.act("launch", "lead", 5.3) == 8
    assert launcher.act("launch", "lead", 5.4) is None  # already launched
    assert first_beats(runtime, 16)["lead"] == 8


def played(events, track):
    """Beats of the notes and CCs of `track` (not the Release that ends a stopped loop's notes)."""
    return [e.beat for e in events if type(e) in (Note, Control) and e.track == track]


def test_stop_ends_a_bar_long_loop_at_the_bar():
    runtime = loading.load(LIVE_SET)
    launcher = LoopLauncher(runtime)
    list(runtime.events(until=5))
    assert launcher.act("stop", "drums", 5.1) == 8
    beats = played(runtime.events(until=16), "drums")
    assert max(beats) < 8 and "drums" not in runtime.loops


PHRASE = """
@live_loop
def phrase():
    play(40, duration=12, channel=2)  # three bars long
    for _ in range(16):
        play(60, duration=0.5)
        sleep(1)

@live_loop
def beat():
    sample("bd")
    sleep(1)
"""


def messages_until(runtime, expander, until, track):
    """What a live scheduler would queue up to `until`: the runtime's events through one Expander."""
    out = [m for event in runtime.events(until=until) for m in expander.feed(event)]
    out += expander.flush_until(Fraction(until))
    return [(m.beat, m.data) for m in out if m.track == track]


def test_stop_cuts_a_four_bar_loop_at_the_next_bar_and_ends_its_notes_there(tmp_path):
    runtime, expander = loading.load(write_piece(tmp_path, PHRASE)), Expander()
    launcher = LoopLauncher(runtime)
    heard = messages_until(runtime, expander, 5, "phrase")
    assert launcher.act("stop", "phrase", 5.5) == 8
    later = messages_until(runtime, expander, 40, "phrase")
    assert all(beat <= 8 for beat, _ in later)
    assert (Fraction(8), (0x81, 40, 0)) in later  # the three-bar note ends on the bar line
    ons = [d for _, d in heard + later if d[0] & 0xF0 == 0x90]
    offs = [d for _, d in heard + later if d[0] & 0xF0 == 0x80]
    assert len(ons) == 1 + 8 and len(offs) == len(ons)  # the long note and eight of the sixteen beats, all ended
    assert "phrase" not in runtime.loops
    assert max(played(runtime.events(until=48), "beat")) == 47  # the rest play on


def test_a_launch_asked_when_the_bar_is_already_computed_goes_to_the_bar_after():
    """A hit just before a bar line, or read late: starting on a computed bar would play its first
    notes late, all at once."""
    runtime = loading.load(LIVE_SET)
    launcher = LoopLauncher(runtime, horizon=lambda: Fraction(33, 4))
    list(runtime.events(until=Fraction(33, 4)))
    assert launcher.act("launch", "lead", 7.95) == 12
    assert first_beats(runtime, 16)["lead"] == 12


def test_a_stop_asked_when_the_bar_is_already_computed_goes_to_the_bar_after(tmp_path):
    runtime = loading.load(write_piece(tmp_path, PHRASE))
    launcher = LoopLauncher(runtime, horizon=lambda: Fraction(33, 4))
    list(runtime.events(until=Fraction(33, 4)))
    assert launcher.act("stop", "phrase", 7.95) == 12


def test_launched_again_before_its_stop_a_loop_plays_on(tmp_path):
    runtime = loading.load(write_piece(tmp_path, PHRASE))
    launcher = LoopLauncher(runtime)
    list(runtime.events(until=5))
    assert launcher.act("toggle", "beat", 5.0) == 8  # on -> stopping at 8
    assert not launcher.running("beat")
    assert launcher.act("toggle", "beat", 6.0) == 8  # hit again before the bar: it never stops
    assert launcher.running("beat")
    events = list(runtime.events(until=40))
    assert played(events, "beat") == list(range(5, 40)) and not [e for e in events if type(e) is Release]


def test_a_long_loop_launched_again_before_its_stop_starts_over_on_the_bar(tmp_path):
    runtime, expander = loading.load(write_piece(tmp_path, PHRASE)), Expander()
    launcher = LoopLauncher(runtime)
    messages = messages_until(runtime, expander, 5, "phrase")
    launcher.act("toggle", "phrase", 5.0)
    assert launcher.act("toggle", "phrase", 6.0) == 8  # its iteration ran past 8: cut there, started again
    messages += messages_until(runtime, expander, 24, "phrase")
    assert messages.index((8, (0x81, 40, 0))) < messages.index((8, (0x91, 40, 100)))  # the old note ends, the new begins


def test_toggle_and_fill():
    runtime = loading.load(LIVE_SET)
    launcher = LoopLauncher(runtime)
    list(runtime.events(until=1))
    assert launcher.act("toggle", "lead", 0.5) == 4  # off -> on
    assert "lead" in runtime.loops
    assert launcher.act("toggle", "lead", 0.6) == 4  # off again before the bar: it never plays
    assert not played(runtime.events(until=12), "lead")
    assert launcher.act("fill", "perc", 12.7) == 16
    assert launcher.act("fill", "perc", 12.8) is None  # already coming
    perc = played(runtime.events(until=17), "perc")
    launcher.horizon = lambda: Fraction(17)
    launcher.follow()  # as after each look-ahead window: the fill's bar has begun, its end is placed
    perc += played(runtime.events(until=40), "perc")
    assert min(perc) == 16 and max(perc) < 20 and "perc" not in runtime.loops


def test_unknown_loop_is_an_error_not_a_crash():
    from composer.errors import ComposerError

    launcher = LoopLauncher(loading.load(LIVE_SET))
    with pytest.raises(ComposerError, match="no live_loop named 'nope'"):
        launcher.act("launch", "nope", 0)
