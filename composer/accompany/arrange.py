"""A chart becomes a band: bar plans -> each part's hits -> humanised, timestamped events.

The events are the runtime's own (Note, Tempo, TimeSignature), so an accompaniment goes to a
MIDI file (or a port) through the same messages as any piece.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, replace
from fractions import Fraction

from composer.accompany import styles
from composer.accompany.instruments import INSTRUMENTS, program_event
from composer.accompany.parts import Hit, PartContext, bass, drums, fingerpicking, keys, stable_seed, strumming
from composer.accompany.plan import BarPlan, plan_bars
from composer.beats import to_bpm
from composer.errors import ComposerError
from composer.harmony.chart import Chart
from composer.runtime.events import Note, Tempo, TimeSignature

GUITAR_MODULES = {"fingerpicking": fingerpicking, "strumming": strumming}
OTHER_MODULES = {"bass": bass, "keys": keys, "drums": drums}
#: How far humanising moves a part's notes (milliseconds) and velocities, at most.
HUMANISE = {"guitar": (8, 7), "bass": (5, 5), "keys": (6, 4), "drums": (4, 8)}
TICK = Fraction(1, 960)  # jitter is rounded to this, so files stay exact and stable


@dataclass
class Arrangement:
    plans: list[BarPlan]
    events: list  # Tempo, TimeSignature, program Settings and Note events in time order
    parts: list[str]  # the parts that play, in track order
    hits: dict[str, list[Hit]]  # before humanising, per part

    @property
    def beats(self) -> Fraction:
        last = self.plans[-1]
        return last.start + last.beats


def arrange(chart: Chart, style: str | None = None, seed: int = 0, bpm=None, tuning: str = "standard",
            capo: int = 0, humanise: bool = True, style_table: dict | None = None) -> Arrangement:
    """The chart played by the band; sections with their own {x_style} keep it.

    `style_table` is every style there is (default: the shipped and the user's).
    """
    table = styles.load_styles() if style_table is None else style_table
    bars = chart.bars
    if bpm is not None:
        bars = _retimed(bars, bpm)
    plans = plan_bars(bars, styles.check_style(style or styles.DEFAULT_STYLE, table))
    for plan in plans:
        try:
            styles.check_style(plan.style, table)
        except ComposerError as error:
            raise ComposerError(f"{chart.source}:{plan.bar.line}: {error}") from None
    hits = _played(plans, seed, tuning, capo, chart.key, table)
    events = _meter_and_tempo(plans)
    events += [e for e in (program_event(part) for part in hits) if e is not None]
    for part, part_hits in hits.items():
        events += _notes(part, part_hits, plans, seed if humanise else None)
    order = {part: index for index, part in enumerate(hits)}
    events.sort(key=lambda e: (e.beat, 0 if not isinstance(e, Note) else 1, order.get(getattr(e, "track", ""), 0),
                               getattr(e, "note", 0)))
    return Arrangement(plans, events, list(hits), hits)


def _played(plans, seed: int, tuning: str, capo: int, key, table: dict) -> dict[str, list[Hit]]:
    """Each part's hits, from its module(s); parts that rest throughout are left out."""
    hits: dict[str, list[Hit]] = {}
    for part in styles.PARTS:
        context = PartContext(random.Random(stable_seed("accompany", seed, part)), tuning, capo, key)
        if part == "guitar":
            played = [hit for name, module in GUITAR_MODULES.items()
                      for hit in module.play(plans, _options(table, part, name), context)]
        else:
            played = OTHER_MODULES[part].play(plans, _options(table, part, None), context)
        if played:
            hits[part] = played
    return hits


def _notes(part: str, hits: list[Hit], plans, seed: int | None) -> list[Note]:
    """The part's hits as Note events, humanised from `seed` (None: exactly as written).

    Each gesture (a strum, a chord, a single note) moves as one, so a strum keeps its shape;
    none moves before its bar line, so each bar's notes are its own and a performer can swap
    a bar for another (composer.accompany.live_band) without the old one sounding early.
    """
    instrument = INSTRUMENTS[part]
    if seed is None:
        return [Note(h.beat, h.duration, h.note, h.velocity, instrument.channel, instrument.track) for h in hits]
    rng = random.Random(stable_seed("humanise", seed, part))
    starts = [plan.start for plan in plans]
    shifts: dict[Fraction, Fraction] = {}
    notes = []
    for hit in hits:
        gesture = hit.beat if hit.gesture is None else hit.gesture
        if gesture not in shifts:
            plan = plans[max(bisect.bisect_right(starts, gesture) - 1, 0)]
            shifts[gesture] = max(_shift(part, rng, plan.bar.bpm), plan.start - gesture)
        beat = hit.beat + shifts[gesture]
        notes.append(Note(beat, hit.duration, hit.note, _velocity(hit, part, rng), instrument.channel, instrument.track))
    return notes


def _options(table: dict, part: str, module: str | None):
    def options(plan: BarPlan):
        settings = styles.part_options(plan.style, part, table)
        if settings is None or (module is not None and settings.get("play") != module):
            return None
        return settings
    return options


def _retimed(bars, bpm):
    """The chart at a new opening tempo; its tempo changes keep their proportions."""
    factor = to_bpm(bpm) / bars[0].bpm
    return [replace(bar, bpm=to_bpm(bar.bpm * factor)) for bar in bars]


def _meter_and_tempo(plans) -> list:
    events, tempo, meter = [], None, None
    for plan in plans:
        if plan.bar.bpm != tempo:
            tempo = plan.bar.bpm
            events.append(Tempo(plan.start, tempo))
        if (plan.bar.numerator, plan.bar.denominator) != meter:
            meter = (plan.bar.numerator, plan.bar.denominator)
            events.append(TimeSignature(plan.start, *meter))
    return events


def _shift(part: str, rng: random.Random, bpm: Fraction) -> Fraction:
    """Up to a few milliseconds early or late, from the seeded stream, in exact beats."""
    millis = HUMANISE[part][0]
    shift = Fraction(rng.uniform(-millis, millis)) / 1000 * bpm / 60
    return round(shift / TICK) * TICK


def _velocity(hit: Hit, part: str, rng: random.Random) -> int:
    spread = HUMANISE[part][1]
    return max(1, min(127, hit.velocity + rng.randint(-spread, spread)))
