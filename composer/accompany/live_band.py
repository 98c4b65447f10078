"""The band as a chart piece plays it: which bar comes next, and its notes, as the performer asks.

Every loop of the chart piece asks `bar_at(beat)` at its bar line; the first to ask decides
that bar for all of them: the chart's next bar (round the song again after the last), or the
first bar of the section a pad asked for, played with the chord a hand holds and a fill if
asked (composer.accompany.control), in the feel the params set (composer.accompany.feel). A bar
the performer did not change is the arrangement's own, so a render plays the chart as written.
A changed bar is arranged again with its neighbours, so its parts lead in and out of it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction

from composer.accompany.arrange import Arrangement
from composer.accompany.control import NEXT, BandControl
from composer.accompany.feel import apply_feel, read_feel
from composer.accompany.plan import BarPlan
from composer.harmony.chart import Bar, Chart, Section
from composer.harmony.chord import Chord
from composer.runtime.events import Note

KEPT = 16  # decided bars and re-arranged bars remembered


@dataclass(frozen=True)
class PlayedBar:
    index: int  # the chart's bar
    plan: BarPlan  # as the chart has it (tempo, meter, length)
    notes: dict[str, list[Note]]  # per track, beats from the bar's start


class LiveBand:
    """One chart's band, bar by bar; `arrange(chart)` arranges any chart as the piece does."""

    def __init__(self, chart: Chart, arrange: Callable[[Chart], Arrangement], control: BandControl):
        self.chart = chart
        self.bars = chart.bars
        self.arrange = arrange
        self.band = arrange(chart)
        self.plans = self.band.plans
        self.notes = notes_by_bar(self.band)
        self.control = control
        self._decided: OrderedDict[Fraction, PlayedBar] = OrderedDict()
        self._changed: OrderedDict[tuple, dict[str, list[Note]]] = OrderedDict()
        self._last: int | None = None

    def bar_at(self, beat: Fraction, params: Mapping[str, float]) -> PlayedBar:
        """The bar that plays from `beat`, the same for every loop that asks; its feel is the
        params' (`param("density")`...) when the first loop asks."""
        played = self._decided.get(beat)
        if played is None:
            played = self._decided[beat] = self._decide(beat, params)
            while len(self._decided) > KEPT:
                self._decided.popitem(last=False)
        return played

    def _index_at(self, beat: Fraction) -> int:
        """The chart's bar at `beat` of a band that has played the song round from beat 0 (a
        reloaded chart carries on where the old one was)."""
        offset = beat % self.band.beats
        return max(i for i, plan in enumerate(self.plans) if plan.start <= offset)

    def _decide(self, beat: Fraction, params: Mapping[str, float]) -> PlayedBar:
        request = self.control.take()
        index = self._index_at(beat) if self._last is None else (self._last + 1) % len(self.plans)
        if request.section is not None:
            index = self._section_start(request.section, (index - 1) % len(self.plans))
        self._last = index
        plan = self.plans[index]
        notes = self.notes[index]
        if request.chord is not None or (request.fill and not plan.final):
            notes = self._rearranged(index, request.chord, request.fill)
        feel = read_feel(params)
        shifted = {track: apply_feel([n._replace(beat=n.beat - plan.start) for n in part], feel, Fraction(0))
                   for track, part in notes.items()}
        return PlayedBar(index, plan, shifted)

    def _section_start(self, wanted: str, current: int) -> int:
        """The first bar of the next section, or of the named one (its next occurrence)."""
        if wanted == NEXT:
            section = self.bars[current].section_index
            later = [i for i, bar in enumerate(self.bars) if bar.section_index > section]
            return later[0] if later else 0
        name = wanted.lower()
        starts = [i for i, bar in enumerate(self.bars)
                  if (i == 0 or bar.section_index != self.bars[i - 1].section_index)
                  and name in section_names(self.chart.sections[bar.section_index])]
        return next((i for i in starts if i > current), starts[0] if starts else 0)

    def _rearranged(self, index: int, chord: Chord | None, fill: bool) -> dict[str, list[Note]]:
        """The bar with `chord` for all of it and a fill if asked, arranged between its neighbours."""
        key = (index, None if chord is None else (chord.symbol, tuple(chord)), fill)
        notes = self._changed.get(key)
        if notes is not None:
            return notes
        bar = self.bars[index]
        changed = replace(bar, chords=((chord, bar.beats),) if chord is not None else bar.chords,
                          fill=bar.fill or fill)
        window = self.bars[max(index - 1, 0):index] + [changed] + self.bars[index + 1:index + 2]
        middle = 1 if index > 0 else 0
        band = self.arrange(_chart_of(self.chart, window))
        offset = self.plans[index].start - band.plans[middle].start
        notes = {track: [n._replace(beat=n.beat + offset) for n in part]
                 for track, part in notes_by_bar(band)[middle].items()}
        self._changed[key] = notes
        while len(self._changed) > KEPT:
            self._changed.popitem(last=False)
        return notes


def section_names(section: Section) -> tuple[str, ...]:
    """What a pad may call a section: its label and its kind, in lower case."""
    return (section.label.lower(), section.kind.lower())


def _chart_of(chart: Chart, bars: list[Bar]) -> Chart:
    """A chart of just these bars, each section still its own (for fills and section ends)."""
    sections: list[Section] = []
    for bar in bars:
        if not sections or sections[-1].bars[-1].section_index != bar.section_index:
            original = chart.sections[bar.section_index]
            sections.append(Section(original.kind, original.label, []))
        sections[-1].bars.append(bar)
    return Chart(title=chart.title, key=chart.key, sections=sections, source=chart.source)


def notes_by_bar(band: Arrangement) -> list[dict[str, list[Note]]]:
    """Each bar's notes per part (events come in time order)."""
    bars = [{} for _ in band.plans]
    starts = [plan.start for plan in band.plans]
    index = 0
    for event in band.events:
        if not isinstance(event, Note):
            continue
        while index + 1 < len(starts) and event.beat >= starts[index + 1]:
            index += 1
        bars[index].setdefault(event.track, []).append(event)
    return bars
