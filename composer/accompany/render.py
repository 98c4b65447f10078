"""`composer accompany`: a chart (file or inline grid) to a multi-track MIDI file (or audio).

Events go the same way as a piece's: runtime events -> messages.expand -> MidiFileWriter.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from composer.accompany.arrange import Arrangement, arrange
from composer.accompany.styles import load_styles
from composer.errors import ComposerError
from composer.harmony.chart import Chart, parse_chart
from composer.outputs import check_output, make_folder, output_kind
from composer.filekinds import CHART_SUFFIXES, check_kind
from composer.runtime.messages import expand
from composer.sinks.smf import MidiFileWriter, beat_to_tick



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
    if not chart.strip():
        raise ComposerError("the chart is empty: give a chart file or chords such as 'Em C G D'")
    path = Path(chart)
    if path.is_file():
        check_kind(path, "chart")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ComposerError(f"{path}: cannot read the chart ({error})") from None
        return parse_chart(text, str(path), key=key), path.stem
    if path.suffix.lower() in CHART_SUFFIXES or path.exists():
        raise ComposerError(f"{path}: no such chart file")
    return parse_chart(chart.replace(";", "\n"), "chart", key=key), "chart"


def accompany_file(chart: str, out, style=None, seed: int = 0, bpm=None, tuning="standard", capo: int = 0,
                   key=None, soundfont=None) -> AccompanySummary:
    """The chart played by the band into `out`: MIDI, a lead sheet (.musicxml) or audio (.wav)."""
    out = check_output(out, inputs=[chart] if Path(chart).is_file() else [], kinds=("midi", "score", "audio"))
    kind = output_kind(out)
    if kind == "audio":  # a missing synth or SoundFont fails before the work
        from composer.sinks.audio import find_soundfont, fluidsynth_program

        fluidsynth_program()
        soundfont = find_soundfont(soundfont)
    song, title = read_chart(chart, key)
    table = load_styles(chart if Path(chart).is_file() else None)
    band = arrange(song, style=style, seed=seed, bpm=bpm, tuning=tuning, capo=capo, style_table=table)
    make_folder(out)
    parts, notes = band.parts, 0
    if kind == "score":
        from composer.accompany.leadsheet import write_lead_sheet

        write_lead_sheet(song, band, out, song.title or title)
        parts, notes = [], sum(len(plan.slots) for plan in band.plans)
    else:
        writer = MidiFileWriter(title=song.title or title)
        writer.consume(expand(band.events))
        if kind == "audio":
            from composer.sinks.audio import write_audio

            write_audio(writer.to_bytes(band.parts, end_tick=beat_to_tick(band.beats)), out, soundfont)
        else:
            writer.write(out, band.parts)
        notes = writer.notes
    return AccompanySummary(out, parts, notes, len(band.plans), band.beats, _seconds(band))


def _seconds(band: Arrangement) -> float:
    return float(sum(plan.beats * 60 / plan.bar.bpm for plan in band.plans))
