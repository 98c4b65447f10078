"""A chart's band steered between bars: held chords, sections, fills and feel, on the notes it plays."""

from fractions import Fraction
from pathlib import Path

import pytest

from composer.accompany.feel import Feel, apply_feel, read_feel, weight
from composer.errors import ComposerError
from composer.harmony.symbols import parse_symbol
from composer.perform.band import BandSteering
from composer.perform.router import BandChord, BandFill, BandSection
from composer.runtime import dsl
from composer.runtime.events import Note, Tempo, TimeSignature

CHART = Path(__file__).resolve().parents[1] / "samples" / "charts" / "night_drive.cho"
PITCHED = ("guitar", "bass", "keys")
TOMS = {41, 43, 45, 47, 48, 50}


def notes(runtime, start, end, tracks=PITCHED):
    """Notes (of `tracks`) starting in [start, end), computing up to `end`."""
    return [e for e in runtime.events(until=end) if isinstance(e, Note) and e.track in tracks and start <= e.beat < end]


def classes(found):
    return {n.note % 12 for n in found}


def test_a_held_chord_is_played_by_every_part_from_the_next_bar():
    runtime = dsl.load(CHART)
    plain = dsl.load(CHART)
    first = notes(runtime, 0, 8)
    assert first == notes(plain, 0, 8)
    runtime.piece.band.hold(parse_symbol("F"))  # asked while bars 1-2 are computed: heard from bar 3
    third = notes(runtime, 8, 16)
    assert {n.track for n in third} == set(PITCHED)
    assert classes(third) == {5, 9, 0}  # F A C, in every part; the chart had Em and D/F# there
    assert classes(notes(plain, 8, 16)) != {5, 9, 0}


def test_letting_go_returns_to_the_charts_chords():
    runtime = dsl.load(CHART)
    runtime.piece.band.hold(parse_symbol("Bbmaj7"))
    assert classes(notes(runtime, 0, 4)) == {10, 2, 5, 9}
    runtime.piece.band.hold(None)
    assert classes(notes(runtime, 4, 8)) == {0, 4, 7, 11}  # the chart's Cmaj7


def test_a_section_pad_jumps_to_the_named_section_at_the_next_bar():
    runtime = dsl.load(CHART)
    list(runtime.events(until=4))
    band = runtime.piece.band
    band.hold(parse_symbol("F"))
    band.go_to("Chorus")  # a section also lets go of the held chord: the chorus plays its own
    assert classes(notes(runtime, 4, 8)) == {0, 4, 7}  # the chorus opens on C (the intro had Cmaj7)
    assert classes(notes(runtime, 8, 12)) == {7, 11, 2}  # then G
    band.go_to("next")  # from the chorus: the bridge in 7/4 at 162
    events = runtime.events(until=19)
    assert Tempo(Fraction(12), Fraction(162)) in events and TimeSignature(Fraction(12), 7, 4) in events
    assert classes(notes(runtime, 12, 19)) == {4, 7, 11, 2, 6, 9}  # Em . . . D . .
    assert [e for e in runtime.events(until=20) if isinstance(e, TimeSignature) and e.beat == 19] == []  # a 7/4 bar


def test_next_section_after_the_last_goes_round_to_the_first():
    runtime = dsl.load(CHART)
    list(runtime.events(until=4))
    band = runtime.piece.band
    band.go_to("outro")
    list(runtime.events(until=8))
    band.go_to("next")
    assert classes(notes(runtime, 8, 12)) == {4, 7, 11}  # the intro's Em again


def test_unknown_section_is_one_line_naming_the_charts():
    band = dsl.load(CHART).piece.band
    with pytest.raises(ComposerError, match=r"no section 'chrous'; did you mean 'chorus'\?"):
        band.go_to("chrous")
    band.go_to("BRIDGE")  # label or kind, any case


def test_a_fill_pad_fills_the_next_bar():
    runtime = dsl.load(CHART)
    plain = dsl.load(CHART)
    list(runtime.events(until=4))
    runtime.piece.band.fill()
    bar = [e for e in runtime.events(until=8) if isinstance(e, Note) and 4 <= e.beat < 8]
    written = notes(plain, 4, 8, PITCHED + ("drums",))
    assert not {n.note for n in written if n.track == "drums"} & TOMS
    filled = [n.note for n in bar if n.track == "drums" and n.beat >= 6]  # the fill: the bar's last two beats
    assert len(filled) > len([n for n in written if n.track == "drums" and n.beat >= 6])
    assert set(filled) & TOMS or filled.count(38) >= 4  # down the toms, or a roll on the snare
    assert classes([n for n in bar if n.track in PITCHED]) == {0, 4, 7, 11}  # the chords are the chart's


def test_feel_params_thin_swing_and_soften_the_band():
    runtime = dsl.load(CHART)
    plain = dsl.load(CHART)
    list(runtime.events(until=4))
    runtime.params.update(density=0.0, intensity=0.0)
    thinned = notes(runtime, 4, 8, PITCHED + ("drums",))
    written = notes(plain, 4, 8, PITCHED + ("drums",))
    assert thinned and len(thinned) < len(written)
    assert all(n.beat - 4 < Fraction(1, 8) for n in thinned)  # the downbeat only
    loudest = {(n.note, n.track): n.velocity for n in written if n.beat - 4 < Fraction(1, 8)}
    assert all(n.velocity == max(1, round(loudest[(n.note, n.track)] * 0.5)) for n in thinned)


def test_swing_moves_off_beat_eighths_to_the_triplet():
    bar = [Note(Fraction(k, 2), Fraction(1, 4), 60, 80, 0, "t") for k in range(4)]
    swung = apply_feel(bar, Feel(swing=1.0), Fraction(0))
    assert [n.beat for n in swung] == [0, Fraction(2, 3), 1, Fraction(5, 3)]
    assert [n.beat for n in apply_feel(bar, Feel(density=1 / 3), Fraction(0))] == [0, 1]
    assert [weight(Fraction(b)) for b in (0, 1, Fraction(1, 2), Fraction(1, 4), Fraction(1, 100))] == [3, 2, 1, 0, 3]
    assert read_feel({"density": 7, "swing": -1, "intensity": "loud"}) == Feel(1.0, 0.0, 0.5)


def test_a_reloaded_chart_carries_on_from_the_bar_it_was_at(tmp_path):
    chart = tmp_path / "live.cho"
    chart.write_text("| Em . . . | C . . . | G . . . | D . . . |\n")
    runtime = dsl.load(chart)
    list(runtime.events(until=8))
    chart.write_text("| Em . . . | C . . . | A . . . | D . . . |\n")
    dsl.reload(runtime, chart, 8)
    assert classes(notes(runtime, Fraction(8), 12)) == {9, 1, 4}  # the third bar's new chord


def test_steering_recognises_held_notes_in_the_charts_key_and_latches():
    band = dsl.load(CHART).piece.band
    told = []
    steering = BandSteering(band, latch=True, warn=told.append)
    steering.apply(BandChord((42, 45), pressed=True))  # F# A: on its way to a chord
    assert band.chord.symbol == "F#m"
    steering.apply(BandChord((42, 45, 48, 52), pressed=True))
    assert band.chord.symbol == "F#m7b5"
    steering.apply(BandChord((45, 48), pressed=False))  # letting go keeps the chord
    steering.apply(BandChord((), pressed=False))
    assert band.chord.symbol == "F#m7b5"
    unlatched = BandSteering(band, latch=False, warn=told.append)
    unlatched.apply(BandChord((), pressed=False))
    assert band.chord is None
    steering.apply(BandSection("chorus"))
    steering.apply(BandFill())
    request = band.take()
    assert (request.section, request.fill) == ("chorus", True) and not told


def test_steering_a_piece_that_is_no_chart_says_so_once():
    told = []
    steering = BandSteering(None, latch=True, warn=told.append)
    steering.apply(BandFill())
    steering.apply(BandSection("next"))
    assert told == ["the chord zone and band pads steer a chart's band; this piece is no chart"]


def test_a_perform_with_a_pad_naming_a_section_the_chart_lacks_stops_before_it_starts():
    from composer.patch import parse_patch

    patch = parse_patch('[pads.4]\naction = "section"\nsection = "solo"\n', "patches/mine.toml")
    steering = BandSteering(dsl.load(CHART).piece.band, latch=True, warn=print)
    with pytest.raises(ComposerError, match=r"^patches/mine.toml: pad 4: the chart has no section 'solo'; it has "
                                            r"intro, verse, chorus, bridge in 7, bridge, outro$"):
        steering.check(patch)


def test_a_section_asked_for_before_the_first_bar_opens_the_song():
    runtime = dsl.load(CHART)
    runtime.piece.band.go_to("chorus")
    assert classes(notes(runtime, 0, 4)) == {0, 4, 7}
