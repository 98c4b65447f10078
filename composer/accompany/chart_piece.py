"""A chart file run as a piece, so `render`, `play` and `live` take charts too.

The piece has a `conductor` loop (each bar's tempo and time signature) and a loop per part
(`guitar`, `bass`, `keys`, `drums`), each playing one bar of the arranged chart per iteration
and going round the song again at its end. `live` re-reads the chart on save, and every loop
carries on from its next bar with the new chords.
"""

from __future__ import annotations

from pathlib import Path

from composer.accompany.instruments import program_event
from composer.accompany.render import CHART_SUFFIXES
from composer.accompany.styles import PARTS, load_styles
from composer.errors import ComposerError
from composer.runtime.events import Note
from composer.runtime.piece import LoopDefinition, PieceDefinition, PieceError, read_source


def is_chart(path) -> bool:
    return Path(path).suffix.lower() in CHART_SUFFIXES


def load_chart_piece(path, api) -> PieceDefinition:
    """The piece that plays the chart at `path`, bound to `api` (a PieceAPI)."""
    from composer.accompany.arrange import arrange
    from composer.harmony.chart import parse_chart

    path = Path(path)
    try:
        chart = parse_chart(read_source(path), str(path))
    except PieceError:
        raise
    except ComposerError as error:
        raise PieceError(str(error)) from None
    definition = PieceDefinition(path=path)
    api.definition = definition
    first = chart.bars[0]
    definition.bpm = first.bpm
    definition.time_signature = (first.numerator, first.denominator)
    band = {}

    def arranged():
        if not band:
            band["plan"] = arrange(chart, seed=api.runtime.seed, style_table=load_styles(path))
            band["bars"] = _notes_by_bar(band["plan"])
        return band

    def conductor():
        plans = arranged()["plan"].plans
        index = api.runtime.current_loop("conductor").state.tick("bar") % len(plans)
        plan, before = plans[index], plans[index - 1]
        if plan.bar.bpm != before.bar.bpm or len(plans) == 1:
            api.runtime.set_piece_bpm(plan.bar.bpm)  # the chart's tempo is the piece's
        if (plan.bar.numerator, plan.bar.denominator) != (before.bar.numerator, before.bar.denominator):
            api.use_time_signature(plan.bar.numerator, plan.bar.denominator)
        api.sleep(plan.beats)

    definition.loops["conductor"] = LoopDefinition("conductor", conductor, line=1)
    for part in PARTS:
        definition.loops[part] = LoopDefinition(part, _part_loop(part, arranged, api), line=1)
    return definition


def _part_loop(part: str, arranged, api):
    def body():
        band = arranged()
        plans = band["plan"].plans
        runtime = api.runtime
        index = runtime.current_loop(part).state.tick("bar") % len(plans)
        plan = plans[index]
        program = program_event(part, runtime.current_loop(part).state.time)
        if program is not None:
            runtime.emit(program)  # sent once: a Setting goes out only when it changes
        for note in band["bars"][index].get(part, ()):
            runtime.note(note.note, note.velocity, note.duration, note.channel, note.beat - plan.start)
        api.sleep(plan.beats)
    return body


def _notes_by_bar(band) -> list[dict[str, list[Note]]]:
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
