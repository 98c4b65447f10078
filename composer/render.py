"""Render a piece offline: runtime -> events -> messages -> a MIDI file (or a score)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from composer.errors import ComposerError
from composer.runtime import dsl
from composer.runtime.engine import to_beats
from composer.runtime.events import Tempo
from composer.runtime.messages import expand
from composer.sinks.smf import MidiFileWriter, beat_to_tick

SCORE_SUFFIXES = (".musicxml", ".xml", ".mxl")
PICTURE_SUFFIXES = (".png", ".svg")
AUDIO_SUFFIXES = (".wav", ".flac", ".ogg")
DEFAULT_BARS = 16


@dataclass(frozen=True)
class RenderSummary:
    path: Path
    tracks: int
    notes: int
    bars: Fraction
    beats: Fraction
    bpm: Fraction
    seconds: float

    def line(self) -> str:
        bars = f"{float(self.bars):g}"
        return (
            f"wrote {self.path}: {self.notes} notes on {self.tracks} tracks, {bars} bars "
            f"({float(self.beats):g} beats) at {float(self.bpm):g} bpm, {self.seconds:.1f} s"
        )


def render_length(runtime, bars=None, beats=None) -> Fraction:
    """The number of beats to render: --beats, else --bars in the piece's time signature."""
    if bars is not None and beats is not None:
        raise ComposerError("give --bars or --beats, not both")
    if beats is not None:
        length = to_beats(beats)
    else:
        length = to_beats(DEFAULT_BARS if bars is None else bars) * runtime.bar_beats()
    if length <= 0:
        raise ComposerError("the length to render must be positive")
    return length


def render_file(
    piece: str | Path,
    out: str | Path,
    bars=None,
    beats=None,
    seed: int = 0,
    bpm=None,
    progress: Callable[[Fraction, Fraction], None] | None = None,
    soundfont=None,
) -> RenderSummary:
    """Render `piece` to `out` atomically and summarise it: a MIDI file, a MusicXML score, a
    piano-roll picture (.png, .svg) or audio through a SoundFont (.wav, .flac, .ogg)."""
    out = Path(out)
    _require_directory(out)  # before the work, not after it
    suffix = out.suffix.lower()
    if suffix in AUDIO_SUFFIXES:  # a missing synth or SoundFont fails before the work too
        from composer.sinks.audio import find_soundfont, fluidsynth_program

        fluidsynth_program()
        soundfont = find_soundfont(soundfont)
    runtime = dsl.load(Path(piece), seed=seed, bpm=bpm)
    length = render_length(runtime, bars, beats)
    runtime.until = length
    if suffix in SCORE_SUFFIXES:
        from composer.sinks.score import check_score_length

        check_score_length(out, length / runtime.bar_beats())
    events = runtime.events()
    if progress is not None:
        events = _reporting(events, length, progress)
    if suffix in SCORE_SUFFIXES or suffix in PICTURE_SUFFIXES:
        from composer.sinks.timeline import Timeline

        timeline = Timeline.gather(events, length, runtime.track_order)
        timeline.key = runtime.piece.key  # known once the piece has run: a loop may imply it
        if suffix in SCORE_SUFFIXES:
            from composer.sinks.score import write_score

            write_score(timeline, out, title=Path(piece).stem)
        else:
            from composer.sinks.pianoroll import draw_piano_roll

            draw_piano_roll(timeline, out, title=Path(piece).stem)
        notes, tempo_changes = sum(map(len, timeline.notes.values())), timeline.tempos
    else:
        writer = MidiFileWriter(title=Path(piece).stem)
        tempo_changes = []
        writer.consume(_watch_tempo(expand(events), tempo_changes))
        notes = writer.notes
        if suffix in AUDIO_SUFFIXES:
            from composer.sinks.audio import write_audio

            midi = writer.to_bytes(runtime.track_order, end_tick=beat_to_tick(length))
            write_audio(midi, out, soundfont)
        else:
            writer.write(out, runtime.track_order)
    return RenderSummary(
        path=out,
        tracks=len(runtime.track_order) + 1,
        notes=notes,
        bars=length / runtime.bar_beats(),
        beats=length,
        bpm=tempo_changes[0].bpm if tempo_changes else runtime.bpm,
        seconds=_seconds(tempo_changes, length),
    )


def render_timeline(piece: str | Path, bars=None, beats=None, seed: int = 0, bpm=None):
    """A piece's events gathered whole (for a look at it rather than a file)."""
    from composer.sinks.timeline import Timeline

    runtime = dsl.load(Path(piece), seed=seed, bpm=bpm)
    length = render_length(runtime, bars, beats)
    runtime.until = length
    timeline = Timeline.gather(runtime.events(), length, runtime.track_order)
    timeline.key = runtime.piece.key  # known once the piece has run: a loop may imply it
    return timeline


def _require_directory(out: Path) -> None:
    if not out.parent.exists():
        raise ComposerError(f"{out}: directory {out.parent} does not exist")


def _watch_tempo(messages, tempo_changes: list):
    for message in messages:
        if type(message.data) is Tempo:
            tempo_changes.append(message.data)
        yield message


def _reporting(events, length: Fraction, progress):
    step = max(length / 100, Fraction(1))
    next_report = step
    for event in events:
        if event.beat >= next_report:
            progress(event.beat, length)
            next_report = event.beat + step
        yield event
    progress(length, length)


def _seconds(tempo_changes: list, length: Fraction) -> float:
    """Wall-clock length of `length` beats through the tempo map."""
    seconds = Fraction(0)
    previous_beat, bpm = Fraction(0), Fraction(60)
    for change in tempo_changes:
        if change.beat >= length:
            break
        seconds += (change.beat - previous_beat) * 60 / bpm
        previous_beat, bpm = change.beat, change.bpm
    seconds += (length - previous_beat) * 60 / bpm
    return float(seconds)
