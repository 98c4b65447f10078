"""`accompany(...)` in a piece: the band plays a progression or chart from the loop's time.

    @live_loop
    def band():
        accompany(progression("i VI III VII", key="e:minor"), style="arpeggio")

Chords last a bar each in the piece's time signature (a chart keeps its own bars and meters);
the piece keeps its tempo. Parts go out on their instruments' channels (guitar 1, bass 2,
keys 3, drums 10; `channels={"bass": 5}` moves one), into the loop's track, and the loop then
sleeps for the whole accompaniment unless `wait=False`. Each pass of the loop plays with
fresh fills and humanising, from the piece's seed.
"""

from __future__ import annotations

import functools
from fractions import Fraction

from composer.accompany.arrange import arrange
from composer.accompany.instruments import INSTRUMENTS, program_event
from composer.accompany.parts import stable_seed
from composer.accompany.styles import PARTS
from composer.errors import ComposerError
from composer.harmony.chart import Bar, Chart, Section, parse_chart
from composer.harmony.chord import Chord
from composer.harmony.progression import progression as parse_progression
from composer.runtime.events import Note

VARIATIONS = 8  # passes before fills and humanising repeat


def play_accompaniment(api, material, style: str = "fingerpicking", parts=PARTS, key=None, channels=None,
                       wait: bool = True, humanise: bool = True, tuning: str = "standard", capo: int = 0) -> None:
    runtime = api._running("accompany")
    loop = runtime.current_loop("accompany")
    unknown = set(parts) - set(PARTS)
    if unknown:
        raise ComposerError(f"accompany: unknown part {sorted(unknown)[0]!r}; the parts are {', '.join(PARTS)}")
    wire = {part: INSTRUMENTS[part].channel for part in PARTS}
    for part, channel in (channels or {}).items():
        if part not in PARTS or not isinstance(channel, int) or not 1 <= channel <= 16:
            raise ComposerError(f"accompany: channels maps a part ({', '.join(PARTS)}) to 1-16, got {part!r}: {channel!r}")
        wire[part] = channel - 1
    variation = loop.state.tick("accompany") % VARIATIONS
    band = _arranged(_material_key(material), style, key, tuning, capo, humanise,
                     stable_seed(runtime.seed, loop.definition.name, variation),
                     runtime.time_signature, runtime.bpm, material)
    tracks = {INSTRUMENTS[part].track: part for part in PARTS}
    for part in parts:
        program = program_event(part, loop.state.time, wire[part], loop.track)
        if program is not None:
            runtime.emit(program)
    for event in band.events:
        part = tracks.get(event.track) if isinstance(event, Note) else None
        if part in parts:
            runtime.note(event.note, event.velocity, event.duration, wire[part], event.beat)
    if wait:
        api.sleep(band.beats)


def _material_key(material):
    if isinstance(material, Chord):
        return ("chord", material.symbol, tuple(material))
    if isinstance(material, str):
        return ("text", material)
    try:
        return ("chords",) + tuple((c.symbol, tuple(c)) for c in material)
    except (TypeError, AttributeError):
        raise ComposerError("accompany takes a progression, a chord, a chart or a string of chords") from None


@functools.lru_cache(maxsize=64)
def _arranged(material_key, style, key, tuning, capo, humanise, seed, time_signature, bpm, material):
    chart = _chart(material, key, time_signature, bpm)
    return arrange(chart, style=style, seed=seed, tuning=tuning, capo=capo, humanise=humanise)


def _chart(material, key, time_signature, bpm) -> Chart:
    if isinstance(material, str) and ("|" in material or "{" in material):
        return parse_chart(material, "accompany", key=key)
    chords = [material] if isinstance(material, Chord) else (
        parse_progression(material, key=key) if isinstance(material, str) else list(material))
    numerator, denominator = time_signature
    beats = Fraction(4 * numerator, denominator)
    bars = [Bar(((chord, beats),), numerator, denominator, Fraction(bpm), "piece") for chord in chords]
    return Chart(key=key, sections=[Section("piece", "piece", bars)])
