"""Event -> message expansion: note-offs at duration, offs first at equal times, re-strikes."""

from fractions import Fraction as F

from composer.runtime.events import Control, Midi, Note, Release, Tempo
from composer.runtime.messages import Expander, expand


def on(ch, n, v):
    return (0x90 | ch, n, v)


def off(ch, n):
    return (0x80 | ch, n, 0)


def test_note_off_comes_exactly_after_duration():
    messages = list(expand([Note(F(0), F(3, 4), 60, 100, 0, "a")]))
    assert [(m.beat, m.data) for m in messages] == [(F(0), on(0, 60, 100)), (F(3, 4), off(0, 60))]


def test_note_offs_come_before_note_ons_at_the_same_beat():
    messages = list(expand([Note(F(0), F(1), 60, 100, 0, "a"), Note(F(1), F(1), 62, 90, 0, "a")]))
    assert [m.data for m in messages] == [on(0, 60, 100), off(0, 60), on(0, 62, 90), off(0, 62)]


def test_restruck_note_is_not_cut_by_the_earlier_note_off():
    # 60 held for 4 beats, struck again at beat 1 for half a beat: the old off (beat 4) is dropped.
    events = [Note(F(0), F(4), 60, 100, 0, "a"), Note(F(1), F(1, 2), 60, 80, 0, "b")]
    messages = [(m.beat, m.track, m.data) for m in expand(events)]
    assert messages == [
        (F(0), "a", on(0, 60, 100)),
        (F(1), "a", off(0, 60)),
        (F(1), "b", on(0, 60, 80)),
        (F(3, 2), "b", off(0, 60)),
    ]


def test_same_note_on_other_channels_is_independent():
    events = [Note(F(0), F(2), 60, 100, 0, "a"), Note(F(1), F(2), 60, 100, 1, "a")]
    datas = [m.data for m in expand(events)]
    assert datas == [on(0, 60, 100), on(1, 60, 100), off(0, 60), off(1, 60)]


def test_controls_and_meta_events_pass_through_in_order():
    events = [Tempo(F(0), F(120)), Control(F(0), 7, 100, 2, "a"), Note(F(0), F(1), 60, 1, 0, "a")]
    messages = list(expand(events))
    assert messages[0].data == Tempo(F(0), F(120)) and messages[0].track == ""
    assert messages[1].data == (0xB2, 7, 100)


def test_expander_flushes_due_offs_for_a_live_window_and_knows_what_sounds():
    expander = Expander()
    expander.feed(Note(F(0), F(1), 60, 100, 0, "a"))
    expander.feed(Note(F(0), F(3), 64, 100, 0, "a"))
    assert [m.data for m in expander.flush_until(F(2))] == [off(0, 60)]
    assert expander.sounding_notes() == [(0, 64)]
    assert [(m.beat, m.data) for m in expander.flush_all()] == [(F(3), off(0, 64))]
    assert expander.sounding_notes() == []


def test_release_ends_only_that_tracks_notes_and_drops_their_later_offs():
    expander = Expander()
    expander.feed(Note(F(0), F(4), 60, 100, 0, "removed"))
    expander.feed(Note(F(0), F(1), 62, 100, 0, "removed"))
    expander.feed(Note(F(0), F(4), 64, 100, 0, "kept"))
    released = [(m.beat, m.track, m.data) for m in expander.feed(Release(F(2), "removed"))]
    assert released == [(F(1), "removed", off(0, 62)), (F(2), "removed", off(0, 60))]
    assert [(m.beat, m.data) for m in expander.flush_all()] == [(F(4), off(0, 64))]


def test_a_release_does_not_end_notes_the_track_strikes_after_it():
    expander = Expander()
    expander.feed(Note(F(0), F(8), 60, 100, 0, "loop"))
    expander.feed(Release(F(4), "loop"))
    expander.feed(Note(F(4), F(1), 60, 90, 0, "loop"))  # launched again on the same bar
    assert [(m.beat, m.data) for m in expander.flush_all()] == [(F(5), off(0, 60))]


def test_a_setting_is_sent_only_when_it_changes_on_its_port_and_channel():
    from composer.runtime.events import PROGRAM, Midi, Setting

    events = [
        Setting(F(0), PROGRAM, 24, 0, "a"),
        Setting(F(0), PROGRAM, 24, 0, "b"),  # same channel, same program: nothing new
        Setting(F(0), PROGRAM, 24, 1, "a"),  # another channel
        Setting(F(0), PROGRAM, 24, 0, "a @ synth"),  # another port
        Setting(F(1), 10, 64, 0, "a"),
        Control(F(1), 10, 0, 0, "a"),  # a cc() moves it...
        Setting(F(2), 10, 64, 0, "a"),  # ...so the setting goes out again
        Midi(F(3), (0xC0, 5), "a"),  # and a raw program change is remembered too
        Setting(F(3), PROGRAM, 24, 0, "a"),
    ]
    assert [(m.beat, m.track, m.data) for m in expand(events)] == [
        (0, "a", (0xC0, 24)), (0, "a", (0xC1, 24)), (0, "a @ synth", (0xC0, 24)), (1, "a", (0xB0, 10, 64)),
        (1, "a", (0xB0, 10, 0)), (2, "a", (0xB0, 10, 64)), (3, "a", (0xC0, 5)), (3, "a", (0xC0, 24))]


def test_a_release_ends_the_loops_notes_on_other_ports_too():
    events = [Note(F(0), F(4), 60, 100, 0, "a @ synth"), Note(F(0), F(4), 62, 100, 0, "ab"), Release(F(1), "a")]
    assert [(m.beat, m.track, m.data) for m in expand(events)] == [
        (0, "a @ synth", on(0, 60, 100)), (0, "ab", on(0, 62, 100)), (1, "a @ synth", off(0, 60)), (4, "ab", off(0, 62))]


def test_two_loops_striking_one_drum_together_make_one_hit_not_a_zero_length_note():
    from fractions import Fraction as F

    from composer.runtime.events import Note
    from composer.runtime.messages import expand

    events = [Note(F(0), F(1, 4), 36, 100, 9, "kick"), Note(F(0), F(1, 2), 36, 90, 9, "fill"),
              Note(F(1), F(1, 4), 36, 80, 9, "kick")]
    messages = [(m.beat, m.track, m.data) for m in expand(events)]
    assert messages == [
        (F(0), "kick", (0x99, 36, 100)),     # one note-on for the two strikes at beat 0...
        (F(1, 2), "kick", (0x89, 36, 0)),    # ...lasting as long as the longer of them
        (F(1), "kick", (0x99, 36, 80)),
        (F(5, 4), "kick", (0x89, 36, 0)),
    ]


def test_a_raw_note_off_ends_a_played_note_whose_own_note_off_is_dropped():
    # control(node, note=64) at beat 1: a raw note-off for 60 (main output and a port), then 64
    events = [Note(F(0), F(4), 60, 100, 0, "a"), Note(F(0), F(4), 60, 100, 0, "a @ synth"),
              Midi(F(1), off(0, 60), "a"), Midi(F(1), off(0, 60), "a @ synth"), Note(F(1), F(3), 64, 100, 0, "a")]
    messages = [(m.beat, m.track, m.data) for m in expand(events)]
    assert messages == [
        (F(0), "a", on(0, 60, 100)), (F(0), "a @ synth", on(0, 60, 100)),
        (F(1), "a", off(0, 60)), (F(1), "a @ synth", off(0, 60)), (F(1), "a", on(0, 64, 100)),
        (F(4), "a", off(0, 64)),
    ]
