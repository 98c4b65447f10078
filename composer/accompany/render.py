"""`composer accompany`: a chart (file or inline grid) to a multi-track MIDI file.

Events go the same way as a piece's: runtime events -> messages.expand -> MidiFileWriter.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from composer.accompany.arrange import Arrangement, arrange
from composer.errors import ComposerError
from composer.harmony.chart import Chart, parse_chart
from composer.runtime.messages import expand
from composer.sinks.smf import MidiFileWriter

CHART_SUFFIXES = (".cho", ".chopro", ".chordpro", ".crd", ".pro", ".txt")


@dataclass(frozen=True)
class AccompanySummary:
    path: Path
    parts: list[str]  # empty for a lead sheet
    notes: int  # chord symbols, for a lead sheet
    bars: int
    beats: Fraction
    seconds: float

    def line(self) -> str:
        played = f"{self.notes} notes, {', '.join(self.parts)}" if self.parts else f"a lead sheet of {self.notes} chords"
        return f"wrote {self.path}: {played}; {self.bars} bars ({float(self.beats):g} beats), {self.seconds:.1f} s"


def read_chart(chart: str, key=None) -> tuple[Chart, str]:
    """A chart from a file, or from the argument itself when it is a grid or a progression."""
    path = Path(chart)
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ComposerError(f"{path}: cannot read the chart ({error})") from None
        return parse_chart(text, str(path), key=key), path.stem
    if path.suffix.lower() in CHART_SUFFIXES or path.exists():
        raise ComposerError(f"{path}: no such chart file")
    return parse_chart(chart.replace(";", "\n"), "chart", key=key), "chart"


def accompany_file(chart: str, out, style=None, seed: int = 0, bpm=None, tuning="standard", capo: int = 0,
                   key=None) -> AccompanySummary:
    out = Path(out)
    if not out.parent.exists():
        raise ComposerError(f"{out}: directory {out.parent} does not exist")
    song, title = read_chart(chart, key)
    band = arrange(song, style=style, seed=seed, bpm=bpm, tuning=tuning, capo=capo)
    if out.suffix.lower() in (".musicxml", ".xml", ".mxl"):
        from composer.accompany.leadsheet import write_lead_sheet

        write_lead_sheet(song, band, out, song.title or title)
        parts, notes = [], sum(len(plan.slots) for plan in band.plans)
    else:
        parts, notes = band.parts, write_midi(band, out, song.title or title)
    return AccompanySummary(out, parts, notes, len(band.plans), band.beats, _seconds(band))


def write_midi(band: Arrangement, out: Path, title: str) -> int:
    writer = MidiFileWriter(title=title)
    writer.consume(expand(band.events))
    writer.write(out, band.parts)
    return writer.notes


def _seconds(band: Arrangement) -> float:
    return float(sum(plan.beats * 60 / plan.bar.bpm for plan in band.plans))
