"""A lead sheet in MusicXML: the chart's chord symbols over a staff of slashes (music21).

music21 is imported only here. Symbols music21 cannot read (C6/9, C7alt) are written as
text above the staff, so nothing of the chart is lost.
"""

from __future__ import annotations

import re
from pathlib import Path

from composer.atomic import atomic_path
from composer.errors import ComposerError


def write_lead_sheet(chart, band, out: Path, title: str) -> None:
    from music21 import expressions, harmony, metadata, meter, note, stream, tempo

    score = stream.Score()
    score.insert(0, metadata.Metadata(title=title))
    part = stream.Part(id="chords")
    part.partName = "Chords"
    meter_now, tempo_now, section_now = None, None, None  # what the last bar had
    for plan in band.plans:
        measure = stream.Measure(number=plan.index + 1)
        bar = plan.bar
        if (bar.numerator, bar.denominator) != meter_now:
            meter_now = (bar.numerator, bar.denominator)
            measure.insert(0, meter.TimeSignature(f"{bar.numerator}/{bar.denominator}"))
        if bar.bpm != tempo_now:
            tempo_now = bar.bpm
            measure.insert(0, tempo.MetronomeMark(number=float(bar.bpm)))
        if bar.section_index != section_now:
            section_now = bar.section_index
            measure.insert(0, expressions.RehearsalMark(bar.section))
        offset = 0
        for chord, length in bar.chords:
            measure.insert(offset, _symbol(chord, harmony, expressions))
            slash = note.Rest(quarterLength=length)
            measure.insert(offset, slash)
            offset += length
        part.append(measure)
    score.insert(0, part)
    try:
        with atomic_path(out, suffix=out.suffix) as temp_name:
            score.write("mxl" if out.suffix.lower() == ".mxl" else "musicxml", fp=temp_name)
    except Exception as error:
        raise ComposerError(f"{out}: cannot write the lead sheet: {error}") from None


def _symbol(chord, harmony, expressions):
    if chord.root is None:
        return harmony.NoChord()
    try:
        symbol = harmony.ChordSymbol(re.sub(r"(^|/)([A-G])b", r"\1\2-", chord.symbol))
        symbol.writeAsChord = False
        return symbol
    except Exception:  # music21 does not know every lead-sheet spelling
        return expressions.TextExpression(chord.symbol)
