"""A chart file run as a piece, so `render`, `play` and `live` take charts too.

The piece has a `conductor` loop (each bar's tempo and time signature) and a loop per part
(`guitar`, `bass`, `keys`, `drums`), each playing one bar of the arranged chart per iteration
and going round the song again at its end; which bar, and how, is the live band's to say
(composer.accompany.live_band), so `perform` can steer it through `definition.band`. `live`
re-reads the chart on save, and every loop carries on from its next bar with the new chords.
"""

from __future__ import annotations

from pathlib import Path

from composer.accompany.control import BandControl
from composer.accompany.instruments import program_event
from composer.accompany.live_band import LiveBand, section_names
from composer.accompany.styles import PARTS, load_styles
from composer.errors import ComposerError
from composer.runtime.piece import LoopDefinition, PieceDefinition, PieceError, read_source


def load_chart_piece(path, api, seed: int = 0) -> PieceDefinition:
    """The piece that plays the chart at `path`, bound to `api` (a PieceAPI), its band's
    humanising and fills from `seed`."""
    from composer.accompany.arrange import arrange
    from composer.harmony.chart import parse_chart

    path = Path(path)
    try:
        chart = parse_chart(read_source(path), str(path))
        sections = dict.fromkeys(name for section in chart.sections for name in section_names(section))
        control = BandControl(chart.key, sections)
        table = load_styles(path)
        # arranged now, while loading: a first bar that arranged the whole song would outrun a
        # live iteration's budget (composer.runtime.budget)
        live = LiveBand(chart, lambda c: arrange(c, seed=seed, style_table=table), control)
    except PieceError:
        raise
    except ComposerError as error:
        raise PieceError(str(error)) from None
    definition = PieceDefinition(path=path)
    definition.band = control
    definition.length = live.band.beats  # a render without --bars plays the song once through
    api.definition = definition
    first = chart.bars[0]
    definition.bpm = first.bpm
    definition.time_signature = (first.numerator, first.denominator)
    previous = []

    def conductor():
        runtime = api.runtime
        played = live.bar_at(runtime.current_loop("conductor").state.time, runtime.params)
        bar = played.plan.bar
        before = previous[0] if previous else live.plans[played.index - 1].bar  # round the song
        previous[:] = [bar]
        if bar.bpm != before.bpm or len(live.plans) == 1:
            runtime.set_piece_bpm(bar.bpm)  # the chart's tempo changes are the piece's; a knob's stays till then
        if (bar.numerator, bar.denominator) != (before.numerator, before.denominator):
            api.use_time_signature(bar.numerator, bar.denominator)
        api.sleep(played.plan.beats)

    definition.loops["conductor"] = LoopDefinition("conductor", conductor, line=1)
    for part in PARTS:
        definition.loops[part] = LoopDefinition(part, _part_loop(part, live, api), line=1)
    return definition


def _part_loop(part: str, live: LiveBand, api):
    def body():
        runtime = api.runtime
        loop = runtime.current_loop(part)
        played = live.bar_at(loop.state.time, runtime.params)
        program = program_event(part, loop.state.time)
        if program is not None:
            runtime.emit(program)  # sent once: a Setting goes out only when it changes
        for note in played.notes.get(part, ()):
            runtime.note(note.note, note.velocity, note.duration, note.channel, note.beat)
        api.sleep(played.plan.beats)
    return body
