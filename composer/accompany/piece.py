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

from fractions import Fraction

from composer.accompany.arrange import arrange
from composer.accompany.instruments import INSTRUMENTS, program_event
from composer.accompany.parts import stable_seed
from composer.accompany.styles import PARTS, load_styles
from composer.errors import ComposerError
from composer.harmony.chart import Bar, Chart, Section, parse_chart
from composer.harmony.chord import Chord
from composer.harmony.progression import progression as parse_progression
from composer.runtime.events import Note

VARIATIONS = 8  # passes before fills and humanising repeat
CACHE_SIZE = 64  # arrangements kept, so a loop does not re-arrange the same chords each pass
_ARRANGED: dict[tuple, object] = {}


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
    chart = _chart(material, key, runtime.time_signature, runtime.bpm)
    table = load_styles(api.definition.path)
    cache_key = (_bars_key(chart), style, repr(sorted(table.items())), tuning, capo, humanise,
                 stable_seed(runtime.seed, loop.definition.name, variation))
    band = _ARRANGED.get(cache_key)
    if band is None:
        if len(_ARRANGED) >= CACHE_SIZE:
            _ARRANGED.clear()
        band = _ARRANGED[cache_key] = arrange(chart, style=style, seed=cache_key[-1], tuning=tuning, capo=capo,
                                              humanise=humanise, style_table=table)
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


def _bars_key(chart: Chart) -> tuple:
    """What an arrangement depends on in a chart: each bar's chords, meter, tempo and style."""
    return tuple((tuple((c.symbol, tuple(c), length) for c, length in bar.chords), bar.numerator,
                  bar.denominator, bar.bpm, bar.style, bar.fill, bar.section_index, bar.groups) for bar in chart.bars)


def _chart(material, key, time_signature, bpm) -> Chart:
    """A chart from a chart's text, a string or list of chords, a progression or one chord."""
    if isinstance(material, str) and ("|" in material or "{" in material):
        return parse_chart(material, "accompany", key=key)
    if isinstance(material, Chord):
        chords = [material]
    elif isinstance(material, str) or not all(isinstance(c, Chord) for c in _iterable(material)):
        chords = parse_progression(material if isinstance(material, str) else [str(c) for c in material], key=key)
    else:
        chords = list(material)
    numerator, denominator = time_signature
    beats = Fraction(4 * numerator, denominator)
    bars = [Bar(((chord, beats),), numerator, denominator, Fraction(bpm), "piece") for chord in chords]
    return Chart(key=key, sections=[Section("piece", "piece", bars)])


def _iterable(material):
    try:
        return list(material)
    except TypeError:
        raise ComposerError(f"accompany takes a progression, a chord or a chart, not {material!r}") from None
